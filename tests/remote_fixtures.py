"""pytest fixtures for the remote-engine tests: a test sshd, a TLS second engine, podman.

Import the fixtures a test module uses (`from tests.remote_fixtures import sshd  # noqa: F401`).
Each one starts its component for the module (or session) and stops it afterwards, leaving
nothing; where the component cannot start here the tests are skipped with the reason, and under
CI=true they fail instead (tests.harness.cannot_start).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.engines import SecondEngine, busybox_engine
from tests.harness import SESSION, cannot_start, docker_cli, free_port, http_get
from tests.sshd import SSHFailed, SSHServer, sshd_available

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sshd() -> Iterator[SSHServer]:
    """A key-only sshd on 127.0.0.1 (tests/sshd.py); its sessions reach the machine's engine."""
    usable, why = sshd_available()
    if not usable:
        cannot_start("an sshd", why)
    server = SSHServer()
    try:
        server.start()
    except SSHFailed as exc:
        cannot_start("an sshd", str(exc))
    try:
        yield server
    finally:
        server.stop()
    assert server.dir is None


@pytest.fixture(scope="module")
def tls_engine() -> Iterator[SecondEngine]:
    """A second engine with busybox, also on tcp://127.0.0.1:PORT with --tlsverify."""
    with busybox_engine(tls=True) as engine:
        yield engine


@pytest.fixture(scope="module")
def docker_config() -> Iterator[Path]:
    """A DOCKER_CONFIG directory of our own, for contexts that nobody else sees."""
    with tempfile.TemporaryDirectory(prefix=f"dwt-{SESSION}-config-") as directory:
        yield Path(directory)


def netavark_rules() -> list[str]:
    """The iptables chains and rules of netavark (podman's network backend), in filter and nat."""
    rules = []
    for table in ("filter", "nat"):
        done = subprocess.run(["iptables", "-w", "-t", table, "-S"], capture_output=True, text=True, timeout=30)
        rules += [f"{table}: {line}" for line in done.stdout.splitlines() if "NETAVARK" in line]
    return rules


def docker_still_works(name: str) -> None:
    """What podman's networking could break for the machine's engine: a user network with DNS by
    name, and a port published on 127.0.0.1. Everything is named `name`-* and removed after."""
    network, web = f"{name}-net", f"{name}-web"
    port = free_port()
    try:
        for args in (
            ["network", "create", network],
            [
                "run",
                "-d",
                "--pull",
                "never",
                "--name",
                web,
                "--network",
                network,
                "-p",
                f"127.0.0.1:{port}:80",
                "busybox",
                "httpd",
                "-f",
                "-p",
                "80",
                "-h",
                "/",
            ],
        ):
            done = docker_cli(*args)
            assert done.returncode == 0, done.stderr
        looked_up = docker_cli("run", "--rm", "--pull", "never", "--network", network, "busybox", "nslookup", web)
        assert looked_up.returncode == 0 and "Address" in looked_up.stdout, looked_up.stdout + looked_up.stderr
        deadline = time.monotonic() + 10
        while True:
            try:
                assert http_get(f"http://127.0.0.1:{port}/etc/hostname")[0] == 200
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        docker_cli("rm", "-f", web)
        docker_cli("network", "rm", network)


@pytest.fixture(scope="session")
def podman_env() -> Iterator[dict[str, str]]:
    """An environment in which `podman` uses a state of its own (scripts/podman up, in a temp
    directory), with busybox loaded from docker; `scripts/podman down` afterwards, after which
    netavark's iptables rules and podman's fixed directories are as they were, and docker still
    works."""
    if os.geteuid() != 0:
        cannot_start("podman", "the test podman runs rootful and needs root")
    if shutil.which("podman") is None and os.environ.get("CI") != "true":
        # outside CI a test run installs nothing (under CI, scripts/podman up installs it)
        cannot_start("podman", "podman is not installed (scripts/podman up installs it)")
    rules_before = netavark_rules()
    # where rootful podman writes whatever its configuration (scripts/podman removes them on down)
    absent = [p for p in ("/var/lib/containers", "/run/containers", "/run/runc", "/run/netns") if not os.path.exists(p)]
    state = tempfile.mkdtemp(prefix="dwp-", dir="/tmp")
    env = {**os.environ, "DOCKWRAP_PODMAN_STATE": state}
    script = str(REPO / "scripts" / "podman")
    up = subprocess.run([script, "up"], env=env, capture_output=True, text=True, timeout=900)
    try:
        if up.returncode != 0:
            cannot_start("podman", (up.stderr.strip().splitlines() or ["scripts/podman up failed"])[-1])
        env.update(CONTAINERS_CONF=f"{state}/containers.conf", CONTAINERS_STORAGE_CONF=f"{state}/storage.conf")
        yield env
    finally:
        down = subprocess.run([script, "down"], env=env, capture_output=True, text=True, timeout=300)
        assert down.returncode == 0, down.stderr
        assert not os.path.exists(state)
        assert netavark_rules() == rules_before
        assert [p for p in absent if os.path.exists(p)] == []
        docker_still_works(f"dwt-{SESSION}-after-podman")
