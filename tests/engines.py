"""A second Docker engine beside the machine's own, for tests that need one they may break.

    with SecondEngine() as engine:        # dockerd in /tmp/dwr-XXXX, answering at engine.host
        engine.load_image("busybox:latest")
        engine.docker("ps", "-a")

`SecondEngine.stop()` always leaves nothing behind, also after the daemon was killed (kill -9 of
dockerd and/or containerd mid-test, as a reliability test may do): it removes the containers,
ends the daemon, its containerd and the shims, unmounts what they mounted under the directory
and deletes it. Every process it ends is found by the engine's own directory in its command
line (or by runc's state there), never by a process name.

The daemon gets a bridge of its own (never `--bridge none`: a dockerd started that way deletes
the host's `docker0`, which the machine's engine shares, since both live in one network
namespace) and no iptables rules, so it cannot disturb the machine's engine. Its containers are
on that private bridge, with no way out of it. Its user-defined networks take their subnets from a
private pool (10.N.0.0/16), not from the machine engine's, and `stop()` deletes their bridges
(`br-<network id>`, with the veths on them): dockerd keeps them when it stops, and when it is
killed in the middle of starting a container, and each one left would hold one of the machine
engine's ~30 address pools until none were left for anybody.

    with SecondEngine(tls=True) as engine:  # also on tcp://127.0.0.1:PORT with --tlsverify
        engine.tls_host, engine.certs.client_args(), engine.tls_env()

With `tls=True` the daemon also listens on tcp://127.0.0.1:PORT and tcp://127.0.0.2:PORT (a
free port) with `--tlsverify`, and certificates made by openssl in its directory (tests/certs.py:
the server certificate covers 127.0.0.1 and localhost, not 127.0.0.2).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from tests.certs import TLSFiles

__all__ = ["SecondEngine", "EngineFailed", "dockerd_available", "busybox_engine"]

DOCKER = os.environ.get("DOCKWRAP_DOCKER") or "docker"
# Unix socket paths must be shorter than 108 bytes: keep the directory short (/tmp/dwr-XXXXXXXX).
_TMP, _PREFIX = "/tmp", "dwr-"


def _make_bridge() -> str:
    """A private Linux bridge for the second engine: dw2-XXXXXX on 10.222.N.1/24 (N random)."""
    import secrets

    name = "dw2-" + secrets.token_hex(3)
    subnet = secrets.randbelow(250) + 1
    for argv in (
        ["ip", "link", "add", name, "type", "bridge"],
        ["ip", "addr", "add", f"10.222.{subnet}.1/24", "dev", name],
        ["ip", "link", "set", name, "up"],
    ):
        done = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        if done.returncode != 0:
            subprocess.run(["ip", "link", "del", name], capture_output=True, timeout=10)
            raise EngineFailed(f"cannot make the second engine's bridge: {' '.join(argv)}: {done.stderr.strip()}")
    return name


class EngineFailed(RuntimeError):
    """The second engine did not come up."""


def dockerd_available() -> tuple[bool, str]:
    """Whether a second engine can be started here (dockerd on PATH, root)."""
    if shutil.which("dockerd") is None:
        return False, "no dockerd on PATH"
    if os.geteuid() != 0:
        return False, "starting a dockerd needs root"
    return True, ""


class SecondEngine:
    """A private dockerd: data, exec root, pid file, socket and log in one temp directory.

    Nothing happens until `start()` (or `with`); `stop()` may be called any number of times.
    """

    def __init__(self, wait_seconds: float = 60.0, extra_args: tuple[str, ...] = (), tls: bool = False) -> None:
        self.wait_seconds = wait_seconds
        #: more dockerd options (a storage driver, say), after the ones that keep it private
        self.extra_args = tuple(extra_args)
        self.tls = tls
        #: with tls=True: the TCP port and the certificates (tests/certs.py)
        self.tls_port: int | None = None
        self.certs: TLSFiles | None = None
        self.dir: Path | None = None
        self.bridge: str | None = None
        #: where its user-defined networks take their subnets from (10.N.0.0/16)
        self.pool: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    # -- where it is -------------------------------------------------------------------------------

    def _path(self, name: str) -> Path:
        if self.dir is None:
            raise RuntimeError("the engine is not started")
        return self.dir / name

    @property
    def socket(self) -> Path:
        return self._path("docker.sock")

    @property
    def host(self) -> str:
        """The URL to give `docker -H` / `dockwrap -H`."""
        return f"unix://{self.socket}"

    @property
    def tls_host(self) -> str:
        """tcp://127.0.0.1:PORT, where the daemon answers with --tlsverify (tls=True)."""
        if self.tls_port is None:
            raise RuntimeError("the engine has no TLS listener")
        return f"tcp://127.0.0.1:{self.tls_port}"

    def tls_env(self, kind: str = "client", base: dict[str, str] | None = None) -> dict[str, str]:
        """DOCKER_HOST, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH (a tests/certs.py directory) for
        this engine's TLS listener, over os.environ without DOCKER_CONTEXT."""
        if self.certs is None:
            raise RuntimeError("the engine has no TLS listener")
        env = {k: v for k, v in (os.environ if base is None else base).items() if k != "DOCKER_CONTEXT"}
        env.update(DOCKER_HOST=self.tls_host, DOCKER_TLS_VERIFY="1", DOCKER_CERT_PATH=str(self.certs.cert_path(kind)))
        return env

    @property
    def log(self) -> Path:
        return self._path("log")

    @property
    def pid(self) -> int | None:
        """The dockerd's PID while it runs."""
        if self._proc is not None and self._proc.poll() is None:
            return self._proc.pid
        return None

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except (OSError, RuntimeError):
            return ""

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> SecondEngine:
        if self.dir is not None:
            raise RuntimeError("already started")
        ok, why = dockerd_available()
        if not ok:
            raise EngineFailed(why)
        self.dir = Path(tempfile.mkdtemp(prefix=_PREFIX, dir=_TMP))
        d = self.dir
        self.bridge = _make_bridge()
        import secrets

        self.pool = pool = f"10.{100 + secrets.randbelow(100)}.0.0/16"
        argv = [
            "dockerd",
            "--data-root",
            str(d / "data"),
            "--exec-root",
            str(d / "exec"),
            "--pidfile",
            str(d / "docker.pid"),
            "-H",
            f"unix://{d / 'docker.sock'}",
            "--bridge",
            self.bridge,
            "--iptables=false",
            "--ip-masq=false",
            "--default-address-pool",
            f"base={pool},size=24",
            *self.extra_args,
        ]
        if self.tls:
            argv += self._tls_args(d)
        try:
            with open(d / "log", "wb") as log:
                # Its own session: a Ctrl-C in the test run must reach the fixture, not the daemon.
                self._proc = subprocess.Popen(
                    argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
                )
            self._wait_until_up()
        except BaseException:
            self.stop()
            raise
        return self

    def _tls_args(self, d: Path) -> list[str]:
        from tests.certs import make_certs, openssl_available
        from tests.harness import free_port

        usable, why = openssl_available()
        if not usable:
            raise EngineFailed(f"no TLS engine: {why}")
        self.certs = make_certs(d / "tls")
        self.tls_port = port = free_port()
        return ["-H", f"tcp://127.0.0.1:{port}", "-H", f"tcp://127.0.0.2:{port}", *self.certs.server_args]

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + self.wait_seconds
        while time.monotonic() < deadline:
            if self._proc is not None and self._proc.poll() is not None:
                raise EngineFailed(f"dockerd exited with status {self._proc.returncode}:\n{self.log_tail()}")
            if self.socket.exists():
                done = self.docker("info", "--format", "{{.ServerVersion}}", timeout=10, check=False)
                if done.returncode == 0 and done.stdout.strip():
                    return
            time.sleep(0.25)
        raise EngineFailed(f"dockerd did not answer within {self.wait_seconds:g}s:\n{self.log_tail()}")

    def stop(self) -> None:
        """End the engine and remove its directory, whatever state it is in."""
        if self.dir is None:
            return
        if self.pid is not None and self.socket.exists():
            # Containers first, by force: dockerd would otherwise give each one its stop timeout.
            ids = self.docker("ps", "-aq", timeout=20, check=False).stdout.split()
            if ids:
                self.docker("rm", "-f", *ids, timeout=60, check=False)
        if self._proc is not None and self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)
        self._sweep()
        self._delete_network_bridges()
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.bridge:
            subprocess.run(["ip", "link", "del", self.bridge], capture_output=True, timeout=10)
        self.bridge = None
        self.dir = None
        self._proc = None
        self.tls_port = None
        self.certs = None

    def _sweep(self) -> None:
        """After the daemon: whatever of it survived (it may have been killed with -9)."""
        assert self.dir is not None
        runc_root = self.dir / "exec" / "runtime-runc" / "moby"
        if runc_root.is_dir() and shutil.which("runc"):
            listed = subprocess.run(
                ["runc", "--root", str(runc_root), "list", "-q"], capture_output=True, text=True, timeout=20
            )
            for container_id in listed.stdout.split():
                subprocess.run(
                    ["runc", "--root", str(runc_root), "delete", "--force", container_id],
                    capture_output=True,
                    timeout=20,
                )
        for _ in range(2):  # containerd first ends its shims; a second pass catches what it left
            pids = self._our_pids()
            for pid in pids:
                _signal(pid, signal.SIGKILL)
            if pids:
                time.sleep(0.3)
        self._unmount()

    def _delete_network_bridges(self) -> None:
        """The bridges of this engine's user-defined networks (br- and the first 12 characters of
        a network ID found in its network store), and the veths on them."""
        assert self.dir is not None
        try:
            store = (self.dir / "data" / "network" / "files" / "local-kv.db").read_bytes()
        except OSError:
            return
        ids = {match.decode()[:12] for match in re.findall(rb"[0-9a-f]{64}", store)}
        for name in sorted(f"br-{i}" for i in ids):
            ports = Path("/sys/class/net", name, "brif")
            if not ports.parent.exists():
                continue
            for port in sorted(p.name for p in ports.iterdir()) if ports.is_dir() else []:
                subprocess.run(["ip", "link", "del", port], capture_output=True, timeout=10)
            subprocess.run(["ip", "link", "del", name], capture_output=True, timeout=10)

    def _our_pids(self) -> list[int]:
        """Processes whose command line names this engine's directory (dockerd, containerd, shims)."""
        assert self.dir is not None
        marker = str(self.dir).encode() + b"/"
        pids = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) == os.getpid():
                continue
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    if marker in f.read():
                        pids.append(int(entry))
            except OSError:
                continue
        return pids

    def _unmount(self) -> None:
        assert self.dir is not None
        prefix = str(self.dir)
        mounts = []
        try:
            with open("/proc/self/mountinfo") as f:
                for line in f:
                    point = line.split()[4].replace("\\040", " ")
                    if point == prefix or point.startswith(prefix + "/"):
                        mounts.append(point)
        except OSError:
            return
        # Deepest first; lazy, since a dead process may still hold one.
        for point in sorted(set(mounts), key=len, reverse=True):
            subprocess.run(["umount", "-l", point], capture_output=True, timeout=20)

    # -- using it ----------------------------------------------------------------------------------

    def docker(self, *args: str, timeout: float = 60, check: bool = True, input: bytes | None = None) -> Any:
        """`docker -H <this engine> ARGS` (text output unless input is bytes)."""
        argv = [DOCKER, "-H", self.host, *args]
        done = subprocess.run(
            argv, capture_output=True, timeout=timeout, input=input, text=input is None, env=dict(os.environ, TZ="UTC")
        )
        if check and done.returncode != 0:
            raise EngineFailed(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr!r}")
        return done

    def load_image(self, image: str = "busybox:latest") -> None:
        """Copy an image from the machine's engine: `docker save IMAGE | docker -H ... load`."""
        saved = subprocess.run([DOCKER, "save", image], capture_output=True, timeout=120)
        if saved.returncode != 0:
            raise EngineFailed(f"docker save {image} failed: {saved.stderr.decode(errors='replace').strip()}")
        self.docker("load", input=saved.stdout, timeout=120)

    def __enter__(self) -> SecondEngine:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def busybox_engine(tls: bool = False) -> Iterator[SecondEngine]:
    """A started second engine holding busybox:latest, stopped at the end even when starting it or
    the block fails; the test is skipped where no second engine can start here (fails under CI=true)."""
    from tests.harness import cannot_start

    usable, why = dockerd_available()
    if not usable:
        cannot_start("a second engine", why)
    if tls:
        from tests.certs import openssl_available

        usable, why = openssl_available()
        if not usable:
            cannot_start("a TLS engine", why)
    engine = SecondEngine(tls=tls)
    try:
        engine.start()
        engine.load_image("busybox:latest")
        yield engine
    finally:
        engine.stop()


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass
