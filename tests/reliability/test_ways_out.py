"""The ways out that are not Ctrl-C: a reader that leaves (`| head`), a stdout or stderr that is
closed, a terminal that is closed (SIGHUP, then EIO on every write), and a signal that comes
while Python is still importing.

A closed output ends every command with 141, SIGPIPE's status, silently (docker's own
`write /dev/stdout: broken pipe`, when docker wrote it, is docker's). A recipe removes what its run
made first, and its docker children end. The deterministic form of "the reader left" is a pipe
whose read end is closed before dockwrap starts; the realistic one is `2>&1 | head -3`.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import subprocess
import sys
import termios
import time

import pytest

from tests.harness import docker_cli
from tests.reliability.helpers import catch, label_options, left_by, no_traceback, ours, wait_until

SEQ = ["busybox:latest", "seq", "1", "100000"]
DOCKERS_OWN = "write /dev/stdout: broken pipe"


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    env.update(extra or {})
    return env


def into_closed_pipe(*args: str, stream: str = "stdout") -> tuple[int, str]:
    """dockwrap ARGS with stdout (or stderr) a pipe whose reader is gone; (status, the other output)."""
    reader, writer = os.pipe()
    os.close(reader)
    other = subprocess.PIPE
    kwargs = {"stdout": writer, "stderr": other} if stream == "stdout" else {"stdout": other, "stderr": writer}
    proc = subprocess.Popen([sys.executable, "-m", "dockwrap", *args], text=True, env=environment(), **kwargs)
    os.close(writer)
    out, err = proc.communicate(timeout=120)
    return proc.returncode, err if stream == "stdout" else out


@pytest.fixture
def chatty(case, names) -> str:
    """A running container that has written 100,000 lines of logs."""
    name = names("chatty")
    done = docker_cli(
        "run",
        "-d",
        "--init",
        "--name",
        name,
        *case.label_args,
        "--pull",
        "never",
        "busybox:latest",
        "sh",
        "-c",
        "seq 1 100000; sleep 300",
    )
    assert done.returncode == 0, done.stderr
    assert wait_until(lambda: docker_cli("logs", "--tail", "1", name).stdout.strip() == "100000", 20)
    return name


@pytest.mark.docker
@pytest.mark.timeout(120)
def test_every_kind_of_command_into_a_closed_pipe_exits_141(chatty, labels):
    commands = [
        ["ps", "-a", "-q"],
        ["ps", "-a", "--json"],
        ["container", "inspect", chatty],
        ["network", "ls"],
        ["version"],
        ["logs", chatty],
        ["logs", "-f", chatty],
        ["exec", chatty, "seq", "1", "100000"],
        ["run", "--rm", *label_options(labels), "--pull", "never", *SEQ],
        ["--help"],
        ["--version"],
        ["--dry-run", "container", "ls"],
    ]
    for argv in commands:
        status, err = into_closed_pipe(*argv)
        assert status == 141, (argv, status, err)
        no_traceback(err)
        assert [line for line in err.splitlines() if line != DOCKERS_OWN] == [], (argv, err)
    # the --rm container goes once its command ends (as with docker itself, whose client left first)
    assert wait_until(lambda: left_by(labels) == {"containers": [chatty]}, 20), left_by(labels)


@pytest.mark.docker
def test_a_closed_stdout_is_a_pipe_nobody_reads(chatty):
    for command in ("ps -a -q >&-", f"logs {chatty} >&-", "--version >&-", f"logs {chatty} 2>&- >&-"):
        done = subprocess.run(
            ["bash", "-c", f"{sys.executable} -m dockwrap {command}"],
            capture_output=True,
            text=True,
            env=environment(),
            timeout=60,
        )
        assert done.returncode == 141, (command, done.stderr)
        assert done.stderr == "", (command, done.stderr)


@pytest.mark.docker
@pytest.mark.timeout(120)
def test_explained_recipe_into_head_cleans_up_and_exits_141(labels):
    # The issue's case: head leaves after three lines, in the middle of the servers' `run -d`.
    options = " ".join(f"-l {key}={value}" for key, value in labels.items())
    done = subprocess.run(
        [
            "bash",
            "-c",
            f"{sys.executable} -m dockwrap -x recipe round-robin {options} 2>&1 | head -3; "
            'echo "status=${PIPESTATUS[0]}" >&2',
        ],
        capture_output=True,
        text=True,
        env=environment(),
        timeout=100,
    )
    assert len(done.stdout.splitlines()) == 3
    assert done.stderr.strip() == "status=141", done.stderr
    assert left_by(labels) == {}
    run = done.stdout.split("dockwrap.run=")[1].split()[0]
    assert wait_until(lambda: not ours(labels, run), 5), ours(labels, run)


@pytest.mark.docker
@pytest.mark.timeout(120)
@pytest.mark.parametrize(
    "argv, stream",
    [
        (["recipe", "pingable-pair", "-c", "1", "--json"], "stdout"),  # the result cannot be written, at the end
        (["-x", "recipe", "pingable-pair", "-c", "1"], "stderr"),  # the first call cannot be shown
        (["-x", "recipe", "round-robin", "--replicas", "2", "--queries", "4"], "stderr"),
        (["--dry-run", "recipe", "round-robin"], "stdout"),
    ],
)
def test_recipe_into_a_closed_pipe_leaves_nothing(argv, stream, labels):
    status, other = into_closed_pipe(*argv, *label_options(labels), stream=stream)
    assert status == 141, other
    assert other == ""
    assert left_by(labels) == {}


def _controlling_terminal() -> None:
    # The child is a session leader whose controlling terminal is the pty: closing it sends SIGHUP.
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.mark.docker
@pytest.mark.timeout(120)
def test_a_closed_terminal_ends_the_recipe_and_its_docker_calls(labels):
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "-x", "recipe", "pingable-pair", "-c", "30", *label_options(labels)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        preexec_fn=_controlling_terminal,
        env=environment(),
    )
    os.close(follower)

    def drain() -> None:  # read what it writes meanwhile: a full terminal would block it
        while select.select([leader], [], [], 0)[0]:
            os.read(leader, 65536)

    try:
        run = catch(proc, labels, "exec", meanwhile=drain)
        os.close(leader)  # the terminal goes away: SIGHUP, then EIO on every write to it
        leader = -1
        status = proc.wait(timeout=60)
    finally:
        if leader >= 0:
            os.close(leader)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert status == 129
    assert left_by(labels) == {}
    assert wait_until(lambda: not ours(labels, run), 5), f"docker processes left: {ours(labels, run)}"


# -- a signal while Python imports ---------------------------------------------------------------

HOOK = """\
import os, signal, sys
module, _, signame = os.environ["DWT_SIGNAL_DURING_IMPORT"].partition(":")
fired = []
def hook(event, args):
    if event == "import" and args[0] == module and not fired:
        fired.append(1)
        os.kill(os.getpid(), getattr(signal, signame))
sys.addaudithook(hook)
"""


@pytest.mark.parametrize(
    "module",
    [
        "click",  # imported by dockwrap.cli, before its main() runs
        "asyncio.locks",  # `import sh`, at the first docker call: asyncio half made
        "asyncio.unix_events",
        "dockwrap.cli.output",  # while Click looks the command up (imported by dockwrap.recipes.cli)
        "dockwrap.recipes.pingable_pair",
    ],
)
@pytest.mark.parametrize("signame, status", [("SIGINT", 130), ("SIGTERM", 143), ("SIGHUP", 129)])
@pytest.mark.parametrize("entry", ["-m", "script"])
def test_a_signal_during_an_import_is_taken_after_it(entry, module, signame, status, tmp_path):
    # The signal is sent from inside the import (an audit hook in sitecustomize), at the moment an
    # exception there leaves a package half made: `NameError: name 'coroutines' is not defined`
    # when the cleanup imported sh again, an internal error (70). No engine: nothing to remove.
    (tmp_path / "sitecustomize.py").write_text(HOOK)
    env = environment({"PYTHONPATH": str(tmp_path), "DWT_SIGNAL_DURING_IMPORT": f"{module}:{signame}"})
    started = time.monotonic()
    command = (
        [sys.executable, "-m", "dockwrap"]
        if entry == "-m"
        else [os.path.join(os.path.dirname(sys.executable), "dockwrap")]
    )
    done = subprocess.run(
        [*command, "-H", "unix:///nonexistent/dwt.sock", "recipe", "pingable-pair"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == status, done.stderr
    no_traceback(done.stderr)
    assert "NameError" not in done.stderr and "RuntimeError" not in done.stderr
    assert time.monotonic() - started < 10
