"""Big and binary output passes through byte for byte: 200,000 lines through a foreground `run`
and through `logs` (the container reports the checksum of what it wrote, on stderr, and dockwrap's
stdout must have that checksum), and all 256 byte values through `exec`, by the CLI and the API."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from tests.harness import DOCKER, docker_cli

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]

LINES = 200_000
# Lines with tabs, a carriage return, a backslash and every printable character in turn; written
# to a file, printed, and the file's md5sum reported on stderr. (%-formatting: awk's braces would
# need doubling in an f-string.)
WRITER = (
    'awk \'BEGIN { for (i = 1; i <= %d; i++) printf "%%d\\tline %%x with text\\r and a \\\\ and %%c\\n", '  # noqa: UP031
    "i, i * 7919, 33 + i %% 90 }' > /tmp/out && cat /tmp/out && md5sum /tmp/out >&2" % LINES
)
ALL_BYTES = bytes(range(256))
BYTES_FORMAT = "".join(f"\\{i:03o}" for i in range(256))  # printf's octal escapes for 0..255


def dockwrap_bytes(*args: str, timeout: float = 90) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    return subprocess.run([sys.executable, "-m", "dockwrap", *args], capture_output=True, timeout=timeout, env=env)


def reported_md5(stderr: bytes) -> str:
    line = [x for x in stderr.decode().splitlines() if x.endswith("/tmp/out")][-1]
    return line.split()[0]


def check_lines(stdout: bytes, stderr: bytes) -> None:
    assert stdout.count(b"\n") == LINES
    assert stdout.startswith(b'1\tline 1eef with text\r and a \\ and "\n')
    assert hashlib.md5(stdout).hexdigest() == reported_md5(stderr)


def test_200k_lines_through_a_foreground_run(names):
    done = dockwrap_bytes(
        "run", "--rm", "--name", names("lines"), "--pull", "never", "busybox:latest", "sh", "-c", WRITER
    )
    assert done.returncode == 0, done.stderr[-500:]
    check_lines(done.stdout, done.stderr)


def test_200k_lines_through_logs(docker, names, labels):
    name = names("logged")
    docker.container.run("busybox:latest", ["sh", "-c", WRITER], detach=True, name=name, labels=labels, pull="never")
    assert docker_cli("wait", name, timeout=60).stdout.strip() == "0"
    done = dockwrap_bytes("logs", name)
    assert done.returncode == 0, done.stderr[-500:]
    check_lines(done.stdout, done.stderr)
    captured = docker.container.logs(name)  # the Python API: captured, not passed through
    check_lines(captured.stdout, captured.stderr)


@pytest.fixture
def box(docker, names, labels) -> str:
    name = names("box")
    docker.container.run(
        "busybox:latest", ["sleep", "120"], detach=True, init=True, name=name, labels=labels, pull="never"
    )
    return name


def test_every_byte_value_through_exec(docker, box):
    script = f"i=0; while [ $i -lt 64 ]; do printf '{BYTES_FORMAT}'; i=$((i+1)); done"
    done = dockwrap_bytes("exec", box, "sh", "-c", script)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ALL_BYTES * 64
    api = docker.container.exec(box, ["sh", "-c", script])
    assert api.exit_code == 0 and api.stdout == ALL_BYTES * 64
    # and on stderr, apart from stdout
    to_stderr = dockwrap_bytes("exec", box, "sh", "-c", f"printf '{BYTES_FORMAT}' >&2; printf out")
    assert (to_stderr.stdout, to_stderr.stderr) == (b"out", ALL_BYTES)


def test_every_byte_value_through_exec_stdin(box):
    """And back: the bytes on dockwrap's stdin reach the command unchanged (`exec -i`)."""
    done = subprocess.run(
        [sys.executable, "-m", "dockwrap", "exec", "-i", box, "sh", "-c", "cat; printf end"],
        input=ALL_BYTES * 16,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ALL_BYTES * 16 + b"end"
    assert DOCKER  # the real docker CLI, never a fake, carries these bytes
