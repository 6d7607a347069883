"""The test components themselves leave nothing: the sshd (with a session still open when it is
stopped) and the TLS engine (its listeners and certificates)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.engines import busybox_engine
from tests.harness import DOCKER, cannot_start
from tests.sshd import SSHServer, _alive, _descendants, sshd_available

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def listening(port: int, host: str = "127.0.0.1") -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def processes_naming(text: str) -> list[str]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
            except OSError:
                continue
            if text.encode() in cmdline:
                found.append(cmdline.replace(b"\0", b" ").decode(errors="replace"))
    return found


def test_sshd_stops_with_its_sessions() -> None:
    usable, why = sshd_available()
    if not usable:
        cannot_start("an sshd", why)
    server = SSHServer().start()
    try:
        directory, port = server.dir, server.port
        assert directory is not None and port is not None
        # a session that outlives the test's use of it: docker events over ssh, never ending
        follower = subprocess.Popen(
            [DOCKER, "-H", server.url(), "events"],
            env=server.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        # the server's side of it: a session sshd and the docker it runs there
        deadline = time.monotonic() + 20
        while len(session := _descendants(server.pid)) < 2:
            assert time.monotonic() < deadline and follower.poll() is None, "the ssh session never started"
            time.sleep(0.1)
    finally:
        server.stop()
    try:
        follower.wait(timeout=10)  # its connection went with the server
    finally:
        follower.kill()
    assert not directory.exists() and not listening(port)
    assert processes_naming(str(directory)) == []
    assert [pid for pid in session if _alive(pid)] == []


def test_the_lean_login_skips_the_login_shells_rc_file() -> None:
    """The "lean" key's sessions get SHLVL=1, so bash (sshd's top-level shell) reads no ~/.bashrc;
    the trusted key's do, as any login of that user does."""
    usable, why = sshd_available()
    if not usable:
        cannot_start("an sshd", why)
    with SSHServer() as server:
        assert server.port is not None
        rc_read = {}
        for variant in ("trusted", "lean"):
            ssh = [str(server.bin_dir(variant) / "ssh"), "-p", str(server.port), "root@127.0.0.1"]
            done = subprocess.run([*ssh, 'echo "$SHLVL"'], capture_output=True, text=True, timeout=30)
            assert done.returncode == 0, done.stderr
            rc_read[variant] = done.stdout.strip()
        assert rc_read == {"trusted": "1", "lean": "2"}  # bash reads ~/.bashrc only at level 1
        assert (
            subprocess.run(
                [DOCKER, "-H", server.url(), "version", "-f", "{{.Server.Version}}"],
                env=server.env("lean"),
                capture_output=True,
                timeout=30,
            ).returncode
            == 0
        )


def test_tls_engine_leaves_nothing() -> None:
    with busybox_engine(tls=True) as engine:
        assert engine.certs is not None and engine.tls_port is not None
        directory, port = engine.dir, engine.tls_port
        assert listening(port) and listening(port, "127.0.0.2")
        done = subprocess.run([DOCKER, "ps", "-q"], env=engine.tls_env(), capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
    assert directory is not None and not directory.exists()
    assert not listening(port) and not listening(port, "127.0.0.2")
    assert processes_naming(str(directory)) == []
