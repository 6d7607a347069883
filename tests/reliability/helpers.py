"""Shared by the reliability tests (RELIABILITY.md lists every case).

* `fake_docker`: a small script standing in for docker, for fault injection ONLY (a hang, garbage
  or truncated output, a crash; tests/fakes/README.md): never for what real docker does.
* `docker_processes`: docker processes still alive whose argv carries a marker (a test's label, a
  run's name prefix, an engine's directory): what an interrupted dockwrap must not leave behind.
* `start_recipe` / `wait_until`: a recipe in its own session, and polling with a deadline.
* `catch` / `ours`: the moment a recipe's docker call runs (found in /proc), and the docker
  processes of a test's run.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from tests.harness import our_resources

__all__ = [
    "fake_docker",
    "label_options",
    "left_by",
    "docker_argvs",
    "docker_processes",
    "alive",
    "wait_until",
    "start_recipe",
    "no_traceback",
    "run_id_of",
    "catch",
    "ours",
]


def fake_docker(directory: Path, body: str, name: str = "docker") -> str:
    """Write an executable /bin/sh script (fault injection only) and return its path."""
    path = directory / name
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def label_options(labels: Mapping[str, str]) -> list[str]:
    """The test's labels as recipe options (`-l KEY=VALUE`...)."""
    args: list[str] = []
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    return args


def left_by(labels: Mapping[str, str]) -> dict[str, list[str]]:
    """What is left of this test case on the machine's engine."""
    return our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}")


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie (an exited child nobody reaped yet)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in (b"Z", b"X")


def docker_argvs(marker: str) -> dict[int, list[str]]:
    """Live docker processes (argv[0] named docker*) with the marker in an argument: PID -> argv."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = f.read().decode(errors="replace").split("\0")
        except OSError:
            continue
        if os.path.basename(argv[0]).startswith("docker") and any(marker in arg for arg in argv) and alive(int(entry)):
            found[int(entry)] = argv
    return found


def docker_processes(marker: str, verb: str | None = None) -> list[int]:
    """PIDs of live docker processes with the marker in an argument (and `verb` as an argument,
    when given)."""
    return [pid for pid, argv in docker_argvs(marker).items() if verb is None or verb in argv]


def wait_until(predicate: Callable[[], object], seconds: float, interval: float = 0.05) -> bool:
    """Poll until predicate() is true; False when the deadline passed first."""
    deadline = time.monotonic() + seconds
    while True:
        if predicate():
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(interval)


def start_recipe(*args: str, env: Mapping[str, str] | None = None) -> subprocess.Popen[str]:
    """`python -m dockwrap ARGS` in its own session (a child of a non-interactive shell would
    start with SIGINT ignored), so that a signal reaches dockwrap alone, not its docker children."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    full_env.update(env or {})
    return subprocess.Popen(
        [sys.executable, "-m", "dockwrap", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        env=full_env,
    )


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr and "internal error" not in stderr, stderr


def run_id_of(name: str) -> str:
    """The run ID in a recipe resource's name: dw-RECIPE-RUN-part."""
    return name.split("-")[-2]


_RUN_NAME = re.compile(r"^dw-[a-z-]+-([0-9a-f]{6})-")


def run_of(labels) -> str | None:
    """The run ID of this test's recipe, from a labelled docker call running now."""
    for argv in docker_argvs(f"dockwrap.test.case={labels['dockwrap.test.case']}").values():
        for arg in argv:
            match = _RUN_NAME.match(arg)
            if match:
                return match.group(1)
    return None


def catch(
    proc: subprocess.Popen, labels, moment: str, seconds: float = 60, meanwhile: Callable[[], object] = lambda: None
) -> str:
    """Wait until a docker call of this run has an argument ending in `moment`; the run ID.
    `meanwhile` runs at each look (reading a terminal the recipe writes to)."""
    found: dict[str, str] = {}

    def there() -> bool:
        meanwhile()
        assert proc.poll() is None, proc.communicate()
        run = found.get("run") or run_of(labels)
        if run is None:
            return False
        found["run"] = run
        return any(arg.endswith(moment) for argv in docker_argvs(f"-{run}-").values() for arg in argv)

    assert wait_until(there, seconds, 0.005), f"the recipe never reached {moment!r}"
    return found["run"]


def ours(labels, run: str) -> list[int]:
    """docker processes of this test: carrying its label, or its run's names."""
    return sorted(
        set(docker_argvs(f"dockwrap.test.case={labels['dockwrap.test.case']}")) | set(docker_argvs(f"-{run}-"))
    )
