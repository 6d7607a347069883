"""scripts/registry: registries on 127.0.0.1 that stop without a trace, several at once, with and
without basic auth; and the session registries of tests/registry.py, used by docker."""

from __future__ import annotations

import base64
import os
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import SESSION, docker_cli
from tests.registry import SCRIPT, Registry, script, start, stop

pytestmark = pytest.mark.registry

STATE = Path(os.environ.get("DOCKWRAP_REGISTRY_STATE") or SCRIPT.parents[1] / ".registry")


def status(address: str, auth: tuple[str, str] | None = None) -> int:
    request = urllib.request.Request(f"http://{address}/v2/")
    if auth:
        request.add_header("Authorization", "Basic " + base64.b64encode(":".join(auth).encode()).decode())
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def refused(address: str) -> bool:
    try:
        status(address)
    except urllib.error.URLError as exc:
        return isinstance(exc.reason, ConnectionRefusedError)
    return False


def pid_of(name: str) -> int:
    return int((STATE / name / "registry.pid").read_text())


def cmdlines() -> list[bytes]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                found.append((entry / "cmdline").read_bytes())
            except OSError:
                pass
    return found


@pytest.fixture
def own_name(request: pytest.FixtureRequest) -> Iterator[str]:
    """A registry name for this test alone, stopped afterwards whatever happened."""
    name = f"dwt-{SESSION}-{request.node.name[:20].replace('[', '-').strip(']')}"
    yield name
    stop(name)


def test_down_leaves_no_process(own_name: str) -> None:
    try:
        started = start(own_name)
    except RuntimeError as exc:
        pytest.skip(str(exc))
    pid = pid_of(own_name)
    assert Path(f"/proc/{pid}").exists() and status(started.address) == 200
    assert started.address.startswith("127.0.0.1:") and started.password is None
    assert script("status", "--name", own_name).returncode == 0

    done = script("down", "--name", own_name)
    assert done.returncode == 0, done.stderr
    assert not Path(f"/proc/{pid}").exists()
    assert refused(started.address)
    assert not (STATE / own_name / "storage").exists() and not (STATE / own_name / "registry.pid").exists()
    gone = script("status", "--name", own_name)
    assert gone.returncode == 1 and "not running" in gone.stderr
    # a second down has nothing to stop, and says so
    again = script("down", "--name", own_name)
    assert again.returncode == 0 and "nothing to stop" in again.stderr


def test_down_stops_only_what_it_started(own_name: str, tmp_path: Path) -> None:
    """A pid file naming a process the script did not start (a pid reused, a file edited) is
    not obeyed."""
    other = subprocess.Popen(["sleep", "60"])
    try:
        (STATE / own_name).mkdir(parents=True, exist_ok=True)
        (STATE / own_name / "registry.pid").write_text(f"{other.pid}\n")
        done = script("down", "--name", own_name)
        assert done.returncode == 0 and "nothing to stop" in done.stderr
        assert other.poll() is None
    finally:
        other.kill()
        other.wait()


def test_up_again_reuses_the_running_one(registry: Registry) -> None:
    again = script("up", "--name", registry.name)
    assert again.returncode == 0, again.stderr
    assert again.stdout == f"REGISTRY={registry.address}\n"
    changed = script("up", "--name", registry.name, "--auth")
    assert changed.returncode == 1 and "without basic auth" in changed.stderr
    assert status(registry.address) == 200


def test_auth_registry_wants_its_password(auth_registry: Registry) -> None:
    assert auth_registry.user and auth_registry.password
    assert status(auth_registry.address) == 401
    assert status(auth_registry.address, (auth_registry.user, auth_registry.password)) == 200
    assert status(auth_registry.address, (auth_registry.user, auth_registry.password + "x")) == 401
    # never in any process's argv, and kept from other users
    assert not any(auth_registry.password.encode() in line for line in cmdlines())
    assert (STATE / auth_registry.name / "env").stat().st_mode & 0o077 == 0


def test_several_at_once(registry: Registry, auth_registry: Registry) -> None:
    assert registry.address != auth_registry.address
    assert status(registry.address) == 200 and status(auth_registry.address) == 401
    listed = script("status")
    assert listed.returncode == 0
    assert f"registry {registry.name} runs" in listed.stderr and f"registry {auth_registry.name} runs" in listed.stderr


def _env(**extra: str) -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("REGISTRY")}, **extra}


def test_cannot_install_without_root(own_name: str, tmp_path: Path) -> None:
    """No registry binary and no way to install one: one clear line, exit 1, nothing started."""
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "id").write_text("#!/bin/sh\necho 1000\n")
    (fake / "id").chmod(0o755)
    done = subprocess.run(
        [str(SCRIPT), "up", "--name", own_name],
        capture_output=True,
        text=True,
        timeout=30,
        env=_env(PATH=f"{fake}:{os.environ['PATH']}", DOCKWRAP_REGISTRY_BIN=str(tmp_path / "none")),
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("registry: error: docker-registry missing and cannot be installed here (needs root")
    assert not (STATE / own_name / "registry.pid").exists()


def test_a_registry_that_exits_at_once(own_name: str) -> None:
    done = subprocess.run(
        [str(SCRIPT), "up", "--name", own_name],
        capture_output=True,
        text=True,
        timeout=30,
        env=_env(DOCKWRAP_REGISTRY_BIN="/bin/false"),
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1] == (
        f"registry: error: registry {own_name} exited; see {STATE / own_name / 'registry.log'}"
    )
    assert not (STATE / own_name / "registry.pid").exists() and (STATE / own_name / "registry.log").exists()


def test_bad_usage() -> None:
    assert script("sideways").returncode == 2
    assert script("down", "--auth").returncode == 2
    bad = script("up", "--name", "../x")
    assert bad.returncode == 1 and "--name takes" in bad.stderr


@pytest.mark.docker
def test_docker_pushes_and_pulls_through_it(registry: Registry) -> None:
    """push, remove, pull back: the same digest (and the image never leaves 127.0.0.1)."""
    ref = registry.ref(f"dwt-{SESSION}/busybox", "v1")
    try:
        assert docker_cli("image", "tag", "busybox:latest", ref).returncode == 0
        pushed = docker_cli("image", "push", ref)
        assert pushed.returncode == 0, pushed.stderr
        digest = pushed.stdout.strip().splitlines()[-1].split("digest: ")[1].split()[0]
        assert docker_cli("image", "rm", ref).returncode == 0
        started = time.monotonic()
        pulled = docker_cli("image", "pull", ref)
        assert pulled.returncode == 0, pulled.stderr
        assert f"Digest: {digest}" in pulled.stdout and time.monotonic() - started < 30
    finally:
        docker_cli("image", "rm", ref)
