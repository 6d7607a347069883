"""Smoke test of `benchmarks/remote.py --quick`: it starts the test sshd, prints its Markdown table
(the local socket and the three SSH ways) and leaves nothing: no sshd, no kept SSH connection, no
container of its run. No timing is asserted."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness import cannot_start, docker_cli
from tests.sshd import sshd_available

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.docker
@pytest.mark.timeout(180)
def test_quick_remote_benchmark_prints_its_table_and_leaves_nothing() -> None:
    usable, why = sshd_available()
    if not usable:
        cannot_start("an sshd", why)
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "remote.py"), "--quick"],
        capture_output=True,
        text=True,
        timeout=170,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    header, rule, *rows = done.stdout.splitlines()
    assert header.split(" | ")[3:7] == ["local ms", "ssh ms", "ssh lean ms", "ssh reused ms"]
    assert rule.startswith("|---|") and [row.split(" | ")[0] for row in rows] == [
        "| `docker ps -q`",
        "| `dockwrap ps`",
        "| recipe process-view",
    ]
    assert rows[2].split(" | ")[1:3] == ["3 / 3", "4"]  # run -d is two SSH logins, top and rm one each
    found = re.search(r"run ([0-9a-f]{6}): sshd on 127\.0\.0\.1:\d+ \((/tmp/dws-[^)]+)\)", done.stderr)
    assert found, done.stderr
    run, directory = found.groups()
    # the sshd, its sessions and the kept connection's master (`ssh: DIR/bin-reused/cm-... [mux]`)
    assert subprocess.run(["pgrep", "-f", directory], capture_output=True, text=True).stdout == ""
    assert not Path(directory).exists()
    assert docker_cli("ps", "-aq", "--filter", f"label=dockwrap.bench.run={run}").stdout.split() == []
