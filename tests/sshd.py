"""An sshd on 127.0.0.1 for the tests that drive docker over SSH (`docker -H ssh://...`).

    with SSHServer() as server:                 # sshd in /tmp/dws-XXXX, on a free port
        env = server.env()                      # PATH with an `ssh` wrapper first
        subprocess.run(["docker", "-H", server.url(), "ps"], env=env)

Everything is in one temporary directory: host key, client keys, sshd_config, authorized_keys,
known_hosts, log, and the `ssh` wrappers. The docker CLI has no option for ssh's options; it runs
whichever `ssh` comes first in PATH, so each wrapper is `exec /usr/bin/ssh -F <its own config>`,
never reading the user's ~/.ssh (BatchMode: nothing ever prompts). The server is key-only
(`UsePAM no`, no passwords) and lets root in by key, so the remote `docker system dial-stdio`
reaches the machine's engine through root's default socket; with a path in the URL
(`server.url("/tmp/x/docker.sock")`, docker 28+) it reaches that socket instead.

Each wrapper (`server.env(VARIANT)`) is one way to connect:

* "trusted": the authorized key, and known_hosts holding the server's host key;
* "unknown-host": the same key, and an empty known_hosts (`Host key verification failed.`);
* "wrong-key": a key the server does not authorize (`Permission denied (publickey).`);
* "no-docker": an authorized key whose sessions get PATH=/nonexistent (authorized_keys
  `environment=`), so the remote shell finds no `docker` (exit status 127);
* "lean": an authorized key whose sessions get SHLVL=1, so that the login shell (bash, which
  sources ~/.bashrc when sshd runs it as a top-level shell) does not read root's ~/.bashrc: a
  remote machine whose .bashrc is quick (here it runs `pyenv init`: about 0.1 s a login).

`stop()` ends the server and every process it started (the sessions' sshd and docker
dial-stdio), found as descendants of the listener's PID, and deletes the directory.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from tests.harness import free_port

__all__ = ["SSHServer", "SSHFailed", "sshd_available", "VARIANTS"]

REPO = Path(__file__).resolve().parents[1]
SSHD = "/usr/sbin/sshd"
SSH = "/usr/bin/ssh"
PRIVSEP_DIR = Path("/run/sshd")  # sshd refuses to start without it ("Missing privilege separation directory")
VARIANTS = ("trusted", "unknown-host", "wrong-key", "no-docker", "lean")


class SSHFailed(RuntimeError):
    """The sshd did not come up."""


def sshd_available() -> tuple[bool, str]:
    """Whether an sshd can be started here: root, and sshd/ssh installed (or installable:
    scripts/test-tools installs them with apt-get)."""
    if os.geteuid() != 0:
        return False, "the test sshd logs in as root and needs root to start"
    if not (Path(SSHD).exists() and Path(SSH).exists() and shutil.which("ssh-keygen")):
        done = subprocess.run(
            [str(REPO / "scripts" / "test-tools"), "sshd"], capture_output=True, text=True, timeout=600
        )
        if done.returncode != 0:
            return False, (done.stderr.strip().splitlines() or ["scripts/test-tools sshd failed"])[-1]
    return True, ""


class SSHServer:
    """A key-only sshd on 127.0.0.1:<port>, in its own temp directory. `start()` / `stop()` or `with`."""

    user = "root"

    def __init__(self, wait_seconds: float = 20.0) -> None:
        self.wait_seconds = wait_seconds
        self.dir: Path | None = None
        self.port: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._made_privsep_dir = False

    # -- where it is ---------------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        if self.dir is None:
            raise RuntimeError("the sshd is not started")
        return self.dir / name

    def url(self, path: str = "") -> str:
        """`ssh://root@127.0.0.1:PORT`, with a socket path after it when given (docker 28+)."""
        if self.port is None:
            raise RuntimeError("the sshd is not started")
        return f"ssh://{self.user}@127.0.0.1:{self.port}{path}"

    def bin_dir(self, variant: str = "trusted") -> Path:
        """The directory whose `ssh` connects the VARIANT way (see the module's documentation)."""
        if variant not in VARIANTS:
            raise ValueError(f"unknown variant {variant!r}: one of {', '.join(VARIANTS)}")
        return self._path(f"bin-{variant}")

    def env(self, variant: str = "trusted", base: dict[str, str] | None = None) -> dict[str, str]:
        """An environment whose PATH starts with the VARIANT `ssh` wrapper (based on os.environ)."""
        env = dict(os.environ if base is None else base)
        env["PATH"] = f"{self.bin_dir(variant)}{os.pathsep}{env.get('PATH', os.defpath)}"
        return env

    @property
    def pid(self) -> int | None:
        """The listening sshd's PID while it runs."""
        if self._proc is not None and self._proc.poll() is None:
            return self._proc.pid
        return None

    @property
    def log(self) -> Path:
        return self._path("sshd.log")

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except (OSError, RuntimeError):
            return ""

    # -- lifecycle -----------------------------------------------------------------------------

    def start(self) -> SSHServer:
        if self.dir is not None:
            raise RuntimeError("already started")
        ok, why = sshd_available()
        if not ok:
            raise SSHFailed(why)
        self.dir = Path(tempfile.mkdtemp(prefix="dws-", dir="/tmp"))
        try:
            self._configure()
            if not PRIVSEP_DIR.is_dir():
                PRIVSEP_DIR.mkdir(mode=0o755, parents=True)
                self._made_privsep_dir = True
            with open(self.log, "wb") as log:
                self._proc = subprocess.Popen(
                    [SSHD, "-D", "-e", "-f", str(self._path("sshd_config"))],
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            self._wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def _configure(self) -> None:
        d = self._path("")
        for key in ("host_key", "client_key", "stranger_key", "nodocker_key", "lean_key"):
            subprocess.run(
                ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"dockwrap-test-{key}", "-f", str(d / key)],
                check=True,
                capture_output=True,
                timeout=30,
            )
        authorized = (d / "client_key.pub").read_text()
        authorized += 'environment="PATH=/nonexistent" ' + (d / "nodocker_key.pub").read_text()
        # bash reads ~/.bashrc when run by sshd only at shell level 1 (SHLVL unset or 0)
        authorized += 'environment="SHLVL=1" ' + (d / "lean_key.pub").read_text()
        (d / "authorized_keys").write_text(authorized)
        self.port = port = free_port()
        (d / "sshd_config").write_text(
            f"Port {port}\n"
            "ListenAddress 127.0.0.1\n"
            f"HostKey {d / 'host_key'}\n"
            f"PidFile {d / 'sshd.pid'}\n"
            f"AuthorizedKeysFile {d / 'authorized_keys'}\n"
            "PermitRootLogin prohibit-password\n"
            "PasswordAuthentication no\n"
            "KbdInteractiveAuthentication no\n"
            "UsePAM no\n"
            # the temp directory is not root's home: no ownership checks on it
            "StrictModes no\n"
            # only the no-docker and lean keys set anything: PATH, SHLVL
            "PermitUserEnvironment PATH,SHLVL\n"
            "X11Forwarding no\n"
            "AllowTcpForwarding no\n"
            "PrintMotd no\n"
        )
        host_key = (d / "host_key.pub").read_text().split()
        (d / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
        (d / "known_hosts-empty").write_text("")
        for variant, key, known in (
            ("trusted", "client_key", "known_hosts"),
            ("unknown-host", "client_key", "known_hosts-empty"),
            ("wrong-key", "stranger_key", "known_hosts"),
            ("no-docker", "nodocker_key", "known_hosts"),
            ("lean", "lean_key", "known_hosts"),
        ):
            config = d / f"ssh_config-{variant}"
            config.write_text(
                "Host *\n"
                f"  IdentityFile {d / key}\n"
                "  IdentitiesOnly yes\n"
                "  IdentityAgent none\n"
                f"  UserKnownHostsFile {d / known}\n"
                "  GlobalKnownHostsFile /dev/null\n"
                "  StrictHostKeyChecking yes\n"
                "  BatchMode yes\n"
                "  LogLevel ERROR\n"
            )
            wrapper_dir = d / f"bin-{variant}"
            wrapper_dir.mkdir()
            wrapper = wrapper_dir / "ssh"
            wrapper.write_text(f'#!/bin/sh\nexec {SSH} -F "{config}" "$@"\n')
            wrapper.chmod(0o755)

    def _wait_until_up(self) -> None:
        assert self.port is not None
        deadline = time.monotonic() + self.wait_seconds
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise SSHFailed(f"sshd exited with status {self._proc.returncode}:\n{self.log_tail()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                    if s.recv(4).startswith(b"SSH-"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise SSHFailed(f"sshd did not listen within {self.wait_seconds:g}s:\n{self.log_tail()}")

    def stop(self) -> None:
        """End the server and its sessions, and delete the directory, whatever state it is in."""
        if self._proc is not None:
            pids = _descendants(self._proc.pid)
            if self._proc.poll() is None:
                self._proc.send_signal(signal.SIGTERM)
            for pid in pids:
                _signal(pid, signal.SIGTERM)
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
                time.sleep(0.05)
            for pid in pids:
                _signal(pid, signal.SIGKILL)
        if self._made_privsep_dir and not _any_sshd_running():
            try:
                PRIVSEP_DIR.rmdir()
            except OSError:
                pass
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
        self._made_privsep_dir = False
        self._proc = None
        self.dir = None
        self.port = None

    def __enter__(self) -> SSHServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    # pid (comm) state ppid ...: comm may hold spaces and parentheses
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    return parents


def _descendants(root: int) -> list[int]:
    """Every process below root (its sessions and what they run), deepest last."""
    parents = _parents()
    found: list[int] = []
    frontier = [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier and pid not in found]
        found += children
        frontier = children
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def _any_sshd_running() -> bool:
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if f.read().split(b"\0")[0] == SSHD.encode():
                        return True
            except OSError:
                continue
    return False


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
