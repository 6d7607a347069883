"""Local image registries for the tests (scripts/registry), loaded by tests/conftest.py.

    def test_push(registry, auth_registry): ...     # one plain and one basic-auth registry per session

Each is started on first use under a name of this session (dwt-<session>-plain, -auth) and stopped
at the end of the session, pass or fail, together with its storage and password. Without a
registry (not root and docker-registry not installed) a test using one is skipped, or fails under
CI=true. Tests using them carry the `registry` marker.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from .harness import SESSION

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "registry"


@dataclass(frozen=True)
class Registry:
    """A running registry of scripts/registry."""

    name: str
    address: str  # 127.0.0.1:PORT
    user: str | None = None
    password: str | None = None

    def ref(self, repository: str, tag: str = "latest") -> str:
        """`127.0.0.1:PORT/repository:tag`."""
        return f"{self.address}/{repository}:{tag}"


class RegistryUnavailable(RuntimeError):
    pass


def script(*args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
    """Run scripts/registry (a caller's REGISTRY* variables stay out of its way)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("REGISTRY")}
    return subprocess.run([str(SCRIPT), *args], capture_output=True, text=True, timeout=timeout, env=env)


def start(name: str, auth: bool = False) -> Registry:
    """`scripts/registry up --name NAME [--auth]`, read back from the KEY=VALUE lines it prints."""
    done = script("up", "--name", name, *(["--auth"] if auth else []))
    if done.returncode != 0:
        raise RegistryUnavailable((done.stderr.strip().splitlines() or ["scripts/registry up failed"])[-1])
    values = dict(line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)
    return Registry(name, values["REGISTRY"], values.get("REGISTRY_USER"), values.get("REGISTRY_PASSWORD"))


def stop(name: str) -> None:
    script("down", "--name", name, timeout=30)


def _session_registry(request: pytest.FixtureRequest, kind: str) -> Iterator[Registry]:
    name = f"dwt-{SESSION}-{kind}"
    try:
        found = start(name, auth=kind == "auth")
    except RegistryUnavailable as exc:
        stop(name)
        message = f"no local registry ({exc}); see scripts/registry"
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but " + message, pytrace=False)
        pytest.skip(message)
    try:
        yield found
    finally:
        stop(name)


@pytest.fixture(scope="session")
def registry(request: pytest.FixtureRequest) -> Iterator[Registry]:
    """A registry without auth, for this session."""
    yield from _session_registry(request, "plain")


@pytest.fixture(scope="session")
def auth_registry(request: pytest.FixtureRequest) -> Iterator[Registry]:
    """A registry with basic auth (user and password in the record), for this session."""
    yield from _session_registry(request, "auth")
