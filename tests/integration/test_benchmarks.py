"""Smoke test of the benchmarks: `benchmarks/run.py --quick --no-pow` runs, prints its Markdown
table and removes what it created. No timing is asserted (it depends on the machine and its load)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.harness import docker_cli

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.docker
@pytest.mark.timeout(240)
def test_quick_benchmarks_print_a_markdown_table_and_leave_nothing():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--no-pow"],
        capture_output=True,
        text=True,
        timeout=230,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    header = [line for line in lines if line.startswith("| # | measurement")]
    assert len(header) == 1, done.stdout
    assert lines[lines.index(header[0]) + 1].startswith("|---|")
    rows = [line for line in lines if re.match(r"\| [1-6] \|", line)]
    assert {row.split("|")[1].strip() for row in rows} == {"1", "3", "4", "5", "6"}  # 2 is python-on-whales
    assert all(row.count("|") == header[0].count("|") for row in rows)
    assert any(row.rstrip("| ").endswith(("PASS", "MISS")) for row in rows)

    run = re.search(r"run ([0-9a-f]{6}):", done.stderr)
    assert run, done.stderr[-2000:]
    label = f"label=dockwrap.bench.run={run.group(1)}"
    assert docker_cli("container", "ls", "--all", "--quiet", "--filter", label).stdout.split() == []
    assert docker_cli("network", "ls", "--quiet", "--filter", label).stdout.split() == []
