"""docker's commands that dockwrap does not wrap, passed through on the real engine (issue 15):
each runs exactly the call written, -x shows it, --dry-run only prints it, docker's output comes
through byte for byte (stdin too), and a failure is one `dockwrap: error:` line with docker's
status."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from tests.harness import DOCKER, docker_cli, dockwrap

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def shown(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr.splitlines()[0]


def one_error_line(result: subprocess.CompletedProcess[str], status: int, words: str) -> None:
    assert result.returncode == status, result.stderr
    error = [line for line in result.stderr.splitlines() if not line.startswith(("+ ", "hint: "))]
    assert len(error) == 1 and error[0].startswith("dockwrap: error: ") and words in error[0], result.stderr
    assert "Traceback" not in result.stderr


def test_system_df():
    result = dockwrap("-x", "system", "df")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:5] == ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]
    assert shown(result) == f"+ {DOCKER} system df --format '{{{{json .}}}}'"  # wrapped since issue 17
    assert dockwrap("--dry-run", "system", "df", "-v").stdout == f"{DOCKER} system df -v --format '{{{{json .}}}}'\n"
    unreachable = dockwrap("-H", "unix:///nonexistent/dwt.sock", "system", "df")
    one_error_line(unreachable, 1, "unix:///nonexistent/dwt.sock")


def test_image_history_with_a_format_of_yours_is_dockers_own():
    # image history is wrapped now (records); a --format of yours still gets docker's own output
    ours = dockwrap("-x", "image", "history", "--no-trunc", "--format", "{{.ID}} {{.Size}}", "busybox:latest")
    theirs = docker_cli("image", "history", "--no-trunc", "--format", "{{.ID}} {{.Size}}", "busybox:latest")
    assert (ours.returncode, ours.stdout) == (0, theirs.stdout)
    assert shown(ours) == f"+ {DOCKER} image history --no-trunc --format '{{{{.ID}}}} {{{{.Size}}}}' busybox:latest"
    one_error_line(dockwrap("image", "history", "dwt-no-such-image:1"), 1, "dwt-no-such-image:1")


def test_context_ls_in_an_isolated_docker_config(tmp_path):
    env = {"DOCKER_CONFIG": str(tmp_path)}
    result = dockwrap("-x", "context", "ls", "--format", "{{.Name}}", env=env)
    assert (result.returncode, result.stdout) == (0, "default\n"), result.stderr
    assert shown(result) == f"+ {DOCKER} context ls --format '{{{{.Name}}}}'"
    # wrapped since issue 17: docker's JSON read into records
    assert dockwrap("--dry-run", "context", "ls", env=env).stdout == f"{DOCKER} context ls --format '{{{{json .}}}}'\n"
    one_error_line(dockwrap("context", "inspect", "dwt-no-such-context", env=env), 1, "dwt-no-such-context")
    assert list(tmp_path.iterdir()) == []  # nothing written to the config


@pytest.fixture
def box(names, labels):
    name = names("box")
    every_label = [word for key, value in labels.items() for word in ("--label", f"{key}={value}")]
    assert (
        docker_cli(
            "run", "-d", "--init", "--pull", "never", *every_label, "--name", name, "busybox:latest", "sleep", "120"
        ).returncode
        == 0
    )
    return name


def test_cp_in_both_directions(box, tmp_path):
    source = tmp_path / "in.txt"
    source.write_bytes(b"caf\xe9 \x00 bytes\n")
    into = dockwrap("-x", "cp", str(source), f"{box}:/tmp/in.txt")
    assert into.returncode == 0, into.stderr
    assert shown(into) == f"+ {DOCKER} container cp {source} {box}:/tmp/in.txt"  # wrapped since issue 17
    back = tmp_path / "back.txt"
    out = dockwrap("container", "cp", f"{box}:/tmp/in.txt", str(back))
    assert out.returncode == 0 and back.read_bytes() == source.read_bytes()
    printed = dockwrap("--dry-run", "cp", f"{box}:/etc/hostname", str(tmp_path / "never"))
    assert printed.stdout == f"{DOCKER} container cp {box}:/etc/hostname {tmp_path / 'never'}\n"
    assert not (tmp_path / "never").exists()
    one_error_line(dockwrap("cp", f"{box}:/no/such/file", str(tmp_path / "x")), 1, "/no/such/file")


def test_cp_through_stdin_and_stdout_is_byte_exact(box):
    """`cp - CONTAINER:DIR` reads a tar from stdin; `cp CONTAINER:PATH -` writes one to stdout."""
    data = io.BytesIO()
    with tarfile.open(fileobj=data, mode="w") as tar:
        info = tarfile.TarInfo("piped.bin")
        payload = bytes(range(256)) * 64
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    into = subprocess.run(
        [sys.executable, "-m", "dockwrap", "cp", "-", f"{box}:/tmp"],
        input=data.getvalue(),
        capture_output=True,
        timeout=60,
    )
    assert into.returncode == 0, into.stderr
    assert docker_cli("exec", box, "wc", "-c", "/tmp/piped.bin").stdout.split()[0] == str(len(payload))
    ours = subprocess.run(
        [sys.executable, "-m", "dockwrap", "cp", f"{box}:/tmp/piped.bin", "-"], capture_output=True, timeout=60
    )
    theirs = subprocess.run([DOCKER, "cp", f"{box}:/tmp/piped.bin", "-"], capture_output=True, timeout=60)
    assert ours.returncode == 0 and ours.stdout == theirs.stdout
    with tarfile.open(fileobj=io.BytesIO(ours.stdout)) as tar:
        assert tar.extractfile("piped.bin").read() == payload  # type: ignore[union-attr]


def test_events_until_ctrl_c(names, labels):
    """`events` runs until interrupted: Ctrl-C (SIGINT to dockwrap) ends docker too, exit 130."""
    label = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    argv = ["events", "--since", "1m", "--filter", f"label={label}", "--format", "{{.Action}}"]
    # wrapped since issue 17: your --format runs docker's own output, under docker's long name
    assert dockwrap("--dry-run", *argv).stdout.startswith(f"{DOCKER} system events --since 1m --filter label={label}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "-x", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        every_label = [word for key, value in labels.items() for word in ("--label", f"{key}={value}")]
        assert (
            docker_cli(
                "create", "--pull", "never", *every_label, "--name", names("evt"), "busybox:latest", "true"
            ).returncode
            == 0
        )
        assert proc.stdout.readline() == "create\n"  # type: ignore[union-attr]
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 130, err
    assert err.startswith(f"+ {DOCKER} system events") and "Traceback" not in err
    assert not [pid for pid in os.listdir("/proc") if pid.isdigit() and _is_our_events(pid, label)]
    one_error_line(dockwrap("events", "--since", "dwt-no-time"), 1, "dwt-no-time")


def _is_our_events(pid: str, label: str) -> bool:
    try:
        return f"label={label}".encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
