"""A docker call that hangs (a daemon that accepts and never answers, a stuck ssh): `--timeout`
kills it and dockwrap exits 124 naming the call, within the limit plus the kill grace; no docker
process, nor anything docker started, survives it. A recipe ends as well: its cleanup gets the
same limit and stops at the first call that does not answer either.

The hanging docker is a fake (fault injection): it records its PID and its child's, then waits."""

from __future__ import annotations

import time

import pytest

from tests.harness import dockwrap
from tests.reliability.helpers import alive, fake_docker, no_traceback, wait_until

pytestmark = pytest.mark.timeout(60)


def hanging_docker(tmp_path, ignore_term: bool = False) -> tuple[str, object]:
    """A docker that starts a child (as ssh:// would) and waits for it; its PIDs go to a file."""
    pids = tmp_path / "pids"
    trap = "trap '' TERM\n" if ignore_term else ""
    binary = fake_docker(tmp_path, f"{trap}echo $$ >> {pids}\nsleep 120 &\necho $! >> {pids}\nwait\n")
    return binary, pids


def survivors(pids_file) -> list[int]:
    pids = [int(p) for p in pids_file.read_text().split()] if pids_file.exists() else []
    assert pids, "the fake docker never ran"
    return [pid for pid in pids if alive(pid)]


@pytest.mark.parametrize(
    "argv, call, ignore_term",
    [
        (["ps"], "container ls", False),
        (["ps"], "container ls", True),  # SIGKILL after the grace period
        (["container", "inspect", "box"], "container inspect box", False),
        (["network", "rm", "net"], "network rm net", False),
        (["container", "port", "box"], "container port box", False),
        # passthrough (exec and a foreground run have no limit: the container's command may run long)
        (["logs", "box"], "container logs box", False),
        (["logs", "box"], "container logs box", True),
    ],
)
def test_hanging_call_is_killed_with_its_children(argv, call, ignore_term, tmp_path):
    binary, pids = hanging_docker(tmp_path, ignore_term)
    start = time.monotonic()
    result = dockwrap("--docker", binary, "--timeout", "1", *argv, timeout=30)
    took = time.monotonic() - start
    assert result.returncode == 124, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"dockwrap: error: timed out after 1s and was killed: {binary} {call}")
    assert lines[1].startswith("hint: raise the limit with --timeout")
    no_traceback(result.stderr)
    # 1 s limit, 1 s grace before SIGKILL (for the fake that ignores SIGTERM), Python's start-up
    assert took < 6, took
    assert wait_until(lambda: not survivors(pids), 3), f"left running: {survivors(pids)}"


def test_hanging_recipe_ends_within_its_limits(tmp_path):
    """The first call hangs: 124 for it; cleanup (thorough, after a failure) makes one call, which
    hangs too, and then stops instead of waiting out each removal in turn."""
    binary, pids = hanging_docker(tmp_path)
    start = time.monotonic()
    result = dockwrap("--docker", binary, "--timeout", "1", "recipe", "pingable-pair", timeout=40)
    took = time.monotonic() - start
    assert result.returncode == 124, result.stderr
    assert result.stderr.startswith(f"dockwrap: error: timed out after 1s and was killed: {binary} network create")
    assert len(result.stderr.splitlines()) == 2, result.stderr  # nothing was made: nothing to report left
    assert took < 10, took
    assert len(pids.read_text().split()) == 4  # network create, then container ls: two calls
    assert wait_until(lambda: not survivors(pids), 3), f"left running: {survivors(pids)}"


def test_environment_timeout_applies_to_recipes(tmp_path):
    binary, pids = hanging_docker(tmp_path)
    result = dockwrap("--docker", binary, "recipe", "process-view", env={"DOCKWRAP_TIMEOUT": "1"}, timeout=40)
    assert result.returncode == 124 and "container run" in result.stderr.splitlines()[0]
    assert wait_until(lambda: not survivors(pids), 3)


def test_a_call_that_hangs_in_cleanup_is_reported_with_what_is_left(tmp_path):
    """Creation works, the step after it fails, and then the engine hangs: the error stays the
    step's own, one warning line says cleanup timed out and how to remove what is left."""
    state = tmp_path / "made"
    binary = fake_docker(
        tmp_path,
        f"""\
        case "$1 $2" in
          "network create") echo netid; touch {state} ;;
          "container run") echo 'docker: Error response from daemon: No such image: nope:1.' >&2; exit 125 ;;
          *) exec sleep 120 ;;
        esac
    """,
    )
    start = time.monotonic()
    result = dockwrap("--docker", binary, "--timeout", "1", "recipe", "round-robin", "--image", "nope:1", timeout=40)
    assert time.monotonic() - start < 10
    assert result.returncode == 125, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("dockwrap: warning: cleanup: timed out after 1s and was killed:")
    assert "dockwrap cleanup --run" in lines[0]
    assert lines[1] == "dockwrap: error: Error response from daemon: No such image: nope:1"
    no_traceback(result.stderr)


# -- an interrupt during a call -----------------------------------------------------------------------


def _interrupt(tmp_path, body: str, argv: list[str], signals: int = 1) -> tuple[int, float, str]:
    """Start dockwrap on a fake docker, SIGINT it (`signals` times, 0.3 s apart) once the fake runs."""
    import signal

    from tests.reliability.helpers import start_recipe

    started = tmp_path / "started"
    binary = fake_docker(tmp_path, f"echo $$ > {started}\n{body}")
    proc = start_recipe("--docker", binary, *argv)
    assert wait_until(started.exists, 10, 0.01)
    begin = time.monotonic()
    for i in range(signals):
        if i:
            time.sleep(0.3)
        proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    return proc.returncode, time.monotonic() - begin, err


def test_interrupted_create_is_let_finish(tmp_path):
    """`run -d` interrupted: docker may be creating the container; killing its client would not
    stop the daemon, and the container would appear after cleanup looked. It is let finish."""
    made = tmp_path / "made"
    code, took, err = _interrupt(
        tmp_path, f"sleep 1\ntouch {made}\necho 0123456789ab\n", ["run", "-d", "--name", "box", "busybox", "sleep", "9"]
    )
    assert code == 130 and made.exists(), err
    assert 0.5 < took < 5
    no_traceback(err)


def test_second_interrupt_ends_a_create_at_once(tmp_path):
    made = tmp_path / "made"
    code, took, err = _interrupt(tmp_path, f"sleep 30\ntouch {made}\n", ["network", "create", "net"], signals=2)
    assert code == 130 and not made.exists()
    assert took < 5
    pid = int((tmp_path / "started").read_text())
    assert wait_until(lambda: not alive(pid), 3)


def test_interrupted_read_is_ended_at_once(tmp_path):
    code, took, err = _interrupt(tmp_path, "exec sleep 30\n", ["ps"])
    assert code == 130 and took < 3, err
    pid = int((tmp_path / "started").read_text())
    assert wait_until(lambda: not alive(pid), 3)
