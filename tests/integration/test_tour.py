"""`dockwrap tour` on the real engine: --yes holds at every step and leaves nothing; its --dry-run
script does the same through bash; q on stdin stops it; Ctrl-C or SIGTERM mid-step leaves nothing."""

import signal
import subprocess
import sys
import time

import pytest

from tests.harness import dockwrap, our_resources

pytestmark = [pytest.mark.docker, pytest.mark.timeout(300)]

STEPS = 8


def label_options(labels) -> list[str]:
    return [word for key, value in labels.items() for word in ("-l", f"{key}={value}")]


def left_by(labels) -> dict:
    return our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}")


def test_tour_yes_holds_at_every_step_and_leaves_nothing(labels):
    result = dockwrap("tour", "--yes", *label_options(labels), timeout=240)
    assert result.returncode == 0, result.stdout + result.stderr
    held = [line for line in result.stdout.splitlines() if line.startswith("held: ")]
    assert len(held) == STEPS, result.stdout
    assert "did NOT hold" not in result.stdout
    assert result.stdout.rstrip().endswith(f"tour done: {STEPS} steps held; everything they created was removed")
    # each step's calls are shown as -x shows them, on stderr
    assert "+ docker container logs --follow dw-tour-" in result.stderr
    assert "Traceback" not in result.stderr
    assert left_by(labels) == {}


def test_tour_dry_run_piped_to_bash_runs_and_leaves_nothing(labels):
    printed = dockwrap("--dry-run", "tour", *label_options(labels))
    assert printed.returncode == 0, printed.stderr
    assert left_by(labels) == {}  # printing ran nothing
    ran = subprocess.run(["bash"], input=printed.stdout, capture_output=True, text=True, timeout=240)
    assert ran.returncode == 0, ran.stderr
    assert "hello from dw-tour-" in ran.stdout  # the logs step's container spoke
    assert left_by(labels) == {}


def test_enter_then_q_on_stdin_runs_one_step_and_stops(labels):
    result = dockwrap("tour", "--from", "exec", *label_options(labels), input="\nq\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "held: hostname inside: dw-tour-" in out
    assert "stopped before dns; go on later with: dockwrap tour --from dns" in out
    assert "+ docker network create" not in result.stderr  # dns never ran
    assert left_by(labels) == {}


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_interrupted_mid_step_leaves_nothing(labels, signum, status):
    # the round-robin step: its servers are up for a few seconds while it queries them
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "tour", "--yes", "--from", "round-robin", *label_options(labels)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not left_by(labels).get("containers"):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the step created nothing within 30 s"
        time.sleep(0.05)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status, stderr
    assert "Traceback" not in stderr
    assert left_by(labels) == {}


def test_a_closed_output_ends_the_tour_and_leaves_nothing(labels):
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "tour", "--yes", "--from", "dns", *label_options(labels)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    proc.stdout.readline()  # the step's title: the step runs now
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert left_by(labels) == {}


def test_the_exec_step_opens_a_shell_when_stdin_is_a_terminal(labels):
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "tour", "--from", "exec", "--yes", *label_options(labels)],
        stdin=slave,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    os.close(slave)
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("an interactive shell in dw-tour-"):
                break
        os.write(master, b"echo marker-$((6*7))\nexit\n")  # typed into the shell: -it reads the terminal
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(master)
    assert proc.returncode == 0, err
    assert "marker-42" in out  # the shell ran what was typed
    assert "+ docker container exec --interactive --tty dw-tour-" in err
    assert "no terminal here" not in out
    assert left_by(labels) == {}
