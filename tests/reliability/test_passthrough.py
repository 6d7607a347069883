"""What a container says passes through untouched and in order (RELIABILITY.md, section 9): lines
that look like docker's own (`Error response from daemon: ...`, `time="..." level=error ...`,
`docker: ...`) on stdout and stderr, through `logs`, `logs -f`, a foreground `run` and `exec`,
compared byte for byte with what docker itself prints for the same call; docker's own failures
stay one `dockwrap: error:` line with docker's status; a line that looks like docker's is not held
back while the container goes on; a 60 MB line passes with bounded memory; and arguments that are
not UTF-8 reach docker as the very bytes given."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time

import pytest

from tests.harness import DOCKER, docker_cli

pytestmark = [pytest.mark.docker, pytest.mark.timeout(180)]

# Each line a container could print that docker's own lines look like, on both streams, around
# the container's plain lines.
MIMIC = r"""
echo 'out: first'
echo 'Error response from daemon: db down' >&2
echo 'time="2026-01-01T00:00:00Z" level=error msg="db down"' >&2
echo 'docker: Error response from daemon: No such container: db'
echo 'out: second'
echo 'docker: db down' >&2
echo '' >&2
echo "Run 'docker run --help' for more information" >&2
printf 'Error: No such container: x\n' >&2
printf 'no newline at the end' >&2
exit {status}
"""


def run(
    *args: str | bytes, timeout: float = 120, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """A command as bytes in and out (argv may hold any byte)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    full_env.update(env or {})
    return subprocess.run(list(args), capture_output=True, timeout=timeout, env=full_env)


def dockwrap(*args: str | bytes, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    return run(sys.executable, "-m", "dockwrap", *args, **kwargs)  # type: ignore[arg-type]


def docker(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return run(DOCKER, *args)


def same_as_docker(ours: subprocess.CompletedProcess[bytes], theirs: subprocess.CompletedProcess[bytes]) -> None:
    assert (ours.returncode, ours.stdout, ours.stderr) == (theirs.returncode, theirs.stdout, theirs.stderr)


def labelled(labels: dict[str, str]) -> list[str]:
    return [part for key, value in labels.items() for part in ("--label", f"{key}={value}")]


@pytest.mark.parametrize("status", [0, 1, 3])
def test_foreground_run_passes_docker_like_lines_through(status, names, labels):
    script = MIMIC.format(status=status)
    ours = dockwrap(
        "run",
        "--rm",
        "--pull",
        "never",
        *labelled(labels),
        "--name",
        names("ours"),
        "busybox:latest",
        "sh",
        "-c",
        script,
    )
    theirs = docker(
        "run",
        "--rm",
        "--pull",
        "never",
        *labelled(labels),
        "--name",
        names("theirs"),
        "busybox:latest",
        "sh",
        "-c",
        script,
    )
    assert theirs.returncode == status and b"Error response from daemon: db down" in theirs.stderr
    same_as_docker(ours, theirs)


@pytest.mark.parametrize("status", [0, 1, 3])
def test_exec_passes_docker_like_lines_through(status, names, labels):
    box = names("box")
    assert (
        docker_cli(
            "run", "-d", "--init", "--pull", "never", *labelled(labels), "--name", box, "busybox:latest", "sleep", "120"
        ).returncode
        == 0
    )
    script = MIMIC.format(status=status)
    same_as_docker(dockwrap("exec", box, "sh", "-c", script), docker("exec", box, "sh", "-c", script))


@pytest.mark.parametrize("status", [0, 3])
def test_logs_and_logs_follow_pass_docker_like_lines_through(status, names, labels):
    box = names("said")
    docker_cli(
        "run",
        "--pull",
        "never",
        *labelled(labels),
        "--name",
        box,
        "busybox:latest",
        "sh",
        "-c",
        MIMIC.format(status=status),
    )
    theirs = docker("logs", box)
    assert b"level=error" in theirs.stderr and theirs.returncode == 0
    same_as_docker(dockwrap("logs", box), theirs)
    # the container has exited: -f prints all and ends
    same_as_docker(dockwrap("logs", "-f", box), docker("logs", "-f", box))


def test_a_docker_like_line_is_not_held_while_the_container_goes_on(names, labels):
    """logs -f and a foreground run show such a line while the container still runs (before:
    held until the end, and printed after the lines that came later)."""
    script = "echo 'Error response from daemon: db down' >&2; sleep 20"
    box = names("slow")
    docker_cli(
        "run", "-d", "--init", "--pull", "never", *labelled(labels), "--name", box, "busybox:latest", "sh", "-c", script
    )
    for args in (
        ["logs", "-f", box],
        [
            "run",
            "--rm",
            "--init",
            "--pull",
            "never",
            *labelled(labels),
            "--name",
            names("fg"),
            "busybox:latest",
            "sh",
            "-c",
            script,
        ],
    ):
        proc = subprocess.Popen(
            [sys.executable, "-m", "dockwrap", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            start = time.monotonic()
            line = proc.stderr.readline()  # type: ignore[union-attr]
            took = time.monotonic() - start
        finally:
            proc.terminate()
            proc.communicate(timeout=30)
        assert line == b"Error response from daemon: db down\n"
        assert took < 8, f"{args[0]}: the line came after {took:.1f}s"


@pytest.mark.parametrize(
    "args, status, message",
    [
        (["logs", "dwt-no-such-box"], 1, "No such container: dwt-no-such-box"),
        (["logs", "-f", "dwt-no-such-box"], 1, "No such container: dwt-no-such-box"),
        (["exec", "dwt-no-such-box", "true"], 1, "No such container: dwt-no-such-box"),
        (["run", "--rm", "--pull", "never", "dwt-no-such-image:1", "true"], 125, "No such image: dwt-no-such-image:1"),
        (["run", "--rm", "--pull", "never", "-p", "99999:80", "busybox:latest", "true"], 125, "99999"),
        (["run", "--rm", "--pull", "never", "busybox:latest", "dwt-no-such-command"], 127, "executable file not found"),
    ],
    ids=["logs", "logs -f", "exec", "run: image", "run: bad option", "run: command"],
)
def test_dockers_own_failures_are_one_clean_error(args, status, message):
    result = dockwrap(*args)
    assert result.returncode == status, result.stderr
    assert result.stdout == b""
    first = result.stderr.decode().splitlines()[0]
    assert first.startswith("dockwrap: error: ") and message in first, result.stderr
    assert all(line.startswith(("dockwrap: error: ", "hint: ")) for line in result.stderr.decode().splitlines())


def test_exec_of_a_command_docker_cannot_start_is_docker_s_error(names, labels):
    box = names("box")
    docker_cli(
        "run", "-d", "--init", "--pull", "never", *labelled(labels), "--name", box, "busybox:latest", "sleep", "120"
    )
    result = dockwrap("exec", box, "dwt-no-such-command")
    assert result.returncode == 126 and result.stdout == b""
    assert result.stderr.decode().startswith("dockwrap: error: OCI runtime exec failed")


def peak_rss_kib(args: list[str]) -> tuple[subprocess.CompletedProcess[bytes], int]:
    """Run the CLI in a child that reports its own peak resident memory (VmHWM) when it ends."""
    code = (
        "import atexit, sys\n"
        "def report(path=sys.argv[1]):\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            open(path, 'w').write(line.split()[1])\n"
        "atexit.register(report)\n"
        "from dockwrap.cli import main\n"
        "sys.argv = ['dockwrap', *sys.argv[2:]]\n"
        "main()\n"
    )
    import tempfile

    with tempfile.NamedTemporaryFile("r") as report:
        done = run(sys.executable, "-c", code, report.name, *args, timeout=170)
        return done, int(report.read())


def test_a_60_mb_line_passes_whole_with_bounded_memory(names, labels):
    """Before: `logs` kept the whole line (and every chunk of it), 263 MB for 60 MB."""
    lines = 6_666_666  # of `abcdefghi`: a line of 60 MB once the newlines are gone
    box = names("long")
    script = f"yes abcdefghi | head -n {lines} | tr -d '\\n' >&2; echo >&2; echo done"
    docker_cli("run", "-d", "--pull", "never", *labelled(labels), "--name", box, "busybox:latest", "sh", "-c", script)
    assert docker_cli("wait", box, timeout=120).stdout.strip() == "0"
    expected = hashlib.md5(b"abcdefghi" * lines + b"\n").hexdigest()
    for args in (
        ["logs", box],
        [
            "run",
            "--rm",
            "--pull",
            "never",
            *labelled(labels),
            "--name",
            names("fg"),
            "busybox:latest",
            "sh",
            "-c",
            script,
        ],
    ):
        done, peak = peak_rss_kib(args)
        assert done.returncode == 0, done.stderr[-300:]
        assert done.stdout == b"done\n"
        assert hashlib.md5(done.stderr).hexdigest() == expected, len(done.stderr)
        assert peak < 60_000, f"{args[0]}: peak RSS {peak} KiB"


# every byte that is not ASCII, in arguments docker takes as they are
HIGH = bytes(range(0x80, 0x100))


def test_arguments_that_are_not_utf8_reach_docker(names, labels, tmp_path):
    """run, exec, -x and --dry-run with bytes 0x80-0xff: what docker gets is what was given (before:
    `internal error: ForkException`)."""
    word = b"caf" + HIGH
    theirs = docker("run", "--rm", "--pull", "never", "busybox:latest", "echo", word)
    ours = dockwrap("run", "--rm", "--pull", "never", "busybox:latest", "echo", word)
    same_as_docker(ours, theirs)
    box = names("box")
    docker_cli(
        "run", "-d", "--init", "--pull", "never", *labelled(labels), "--name", box, "busybox:latest", "sleep", "120"
    )
    same_as_docker(dockwrap("exec", box, "echo", word), docker("exec", box, "echo", word))
    # the exact bytes: docker reads an --env-file by its name, so a name with those bytes must arrive whole
    env_file = tmp_path.as_posix().encode() + b"/env-" + HIGH
    with open(env_file, "wb") as f:
        f.write(b"GREETING=hi\n")
    ours = dockwrap(
        "-x", "run", "--rm", "--pull", "never", "--env-file", env_file, "busybox:latest", "sh", "-c", "echo $GREETING"
    )
    assert (ours.returncode, ours.stdout) == (0, b"hi\n"), ours.stderr
    # -x shows it as bash reads it back: the shown line runs as shown
    shown = ours.stderr.decode("ascii").removeprefix("+ ").rstrip("\n")
    assert "$'" in shown
    again = run("bash", "-c", shown)
    assert (again.returncode, again.stdout) == (0, b"hi\n"), again.stderr
    printed = dockwrap("--dry-run", "run", "--rm", "--pull", "never", "busybox:latest", "echo", word)
    assert printed.returncode == 0 and printed.stdout.isascii()
    same_as_docker(run("bash", "-c", printed.stdout), theirs)


def test_arguments_that_are_not_utf8_reach_docker_at_a_terminal(names):
    """-it hands the terminal to docker (a different spawn): the same bytes get through."""
    from tests.harness import run_in_terminal

    word = os.fsdecode(b"caf" + HIGH)
    code, screen = run_in_terminal(
        [
            sys.executable,
            "-m",
            "dockwrap",
            "run",
            "-it",
            "--rm",
            "--pull",
            "never",
            "--name",
            names("tty"),
            "busybox:latest",
            "sh",
            "-c",
            'printf "%s" "$1" | wc -c',
            "sh",
            word,
        ],
        b"",
        prompt=b"never shown",
    )
    assert code == 0, screen
    # docker (its JSON) turns each byte that is not UTF-8 into U+FFFD, 3 bytes: 3 + 128 * 3
    assert screen.split()[-1] == b"387", screen


def test_logs_follow_through_the_python_api(names, labels):
    """The iterator of logs(follow=True): the container's lines as docker gives them (stdout and
    stderr merged), a docker-like line while the container goes on, and docker's own failure as
    the error, not as a line (before: yielded as a line, then "docker exited with status 1")."""
    from dockwrap import Docker, NoSuchContainer

    api = Docker(binary=DOCKER)
    said = names("said")
    docker_cli(
        "run",
        "--pull",
        "never",
        *labelled(labels),
        "--name",
        said,
        "busybox:latest",
        "sh",
        "-c",
        MIMIC.format(status=0),
    )
    merged = subprocess.run(
        [DOCKER, "logs", "-f", said], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30
    ).stdout
    assert "".join(api.container.logs(said, follow=True)).encode() == merged
    with pytest.raises(NoSuchContainer):
        for line in api.container.logs(names("missing"), follow=True):
            pytest.fail(f"docker's error came as a line: {line!r}")
    slow = names("slow")
    docker_cli(
        "run",
        "-d",
        "--init",
        "--pull",
        "never",
        *labelled(labels),
        "--name",
        slow,
        "busybox:latest",
        "sh",
        "-c",
        "echo 'Error response from daemon: db down' >&2; sleep 20",
    )
    lines = api.container.logs(slow, follow=True)
    start = time.monotonic()
    assert next(lines) == "Error response from daemon: db down\n"
    assert time.monotonic() - start < 5
    lines.close()
