"""The pytest plugin behind our tests (loaded by tests/conftest.py).

* `docker` marker: the test needs an engine. Without one it is skipped with the reason, except
  under CI=true, where a missing engine fails the test instead (CI always has one).
* Everything a test creates carries `dockwrap.test=<session>` and `dockwrap.test.case=<case>`
  (fixture `labels`) and a unique name (fixture `names`); after each test a finaliser removes
  whatever of that case is left, pass or fail.
* At the end of the session, anything still carrying this session's label fails the run.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import uuid
from collections.abc import Callable, Iterator
from typing import NoReturn

import pytest

SESSION = os.environ.get("DOCKWRAP_TEST_SESSION") or uuid.uuid4().hex[:8]
DOCKER = os.environ.get("DOCKWRAP_DOCKER") or "docker"
_cases = itertools.count(1)
_engine: dict[str, object] = {}


def docker_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the docker CLI directly (test set-up and checks, not the code under test)."""
    return subprocess.run(
        [DOCKER, *args], capture_output=True, text=True, timeout=timeout, env=dict(os.environ, TZ="UTC")
    )


def engine_answers() -> tuple[bool, str]:
    if "ok" not in _engine:
        if shutil.which(DOCKER) is None:
            _engine.update(ok=False, why=f"no docker CLI ({DOCKER}) on PATH")
        else:
            try:
                done = docker_cli("info", "--format", "{{.ServerVersion}}", timeout=20)
                ok = done.returncode == 0 and bool(done.stdout.strip())
                why = (done.stderr.strip().splitlines() or ["docker info failed"])[-1]
            except subprocess.TimeoutExpired:
                ok, why = False, "docker info did not answer within 20s"
            _engine.update(ok=ok, why=why)
    return bool(_engine["ok"]), str(_engine.get("why", ""))


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("docker") is None:
        return
    ok, why = engine_answers()
    if ok:
        return
    message = f"no Docker engine answers ({why}); start one with: scripts/engine up"
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but " + message, pytrace=False)
    pytest.skip(message)


def cannot_start(what: str, why: str) -> NoReturn:
    """Skip a test whose test component (an sshd, a second engine, podman) cannot start here, with
    the reason; under CI=true, where each can be installed and started, fail it instead."""
    message = f"cannot start {what}: {why}"
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but " + message, pytrace=False)
    pytest.skip(message)


def our_resources(label: str, name_prefix: str | None = None) -> dict[str, list[str]]:
    """Names of containers, networks, services and volumes carrying a label (or, with name_prefix,
    named like that: a test that forgot its labels is still cleaned up)."""
    found: dict[str, list[str]] = {}
    selector = f"name={name_prefix}" if name_prefix else f"label={label}"
    for kind, args in (
        ("containers", ["ps", "-a", "--filter", selector, "--format", "{{.Names}}"]),
        ("networks", ["network", "ls", "--filter", selector, "--format", "{{.Name}}"]),
        ("services", ["service", "ls", "--filter", selector, "--format", "{{.Name}}"]),
        ("volumes", ["volume", "ls", "--filter", selector, "--format", "{{.Name}}"]),
    ):
        done = docker_cli(*args)
        if done.returncode == 0:  # service ls fails outside a swarm: nothing of ours there
            names = done.stdout.split()
            if names:
                found[kind] = names
    return found


def remove_resources(label: str, name_prefix: str | None = None) -> None:
    """Remove what carries the label (or the name prefix): services, containers, volumes, networks."""
    left = our_resources(label, name_prefix)
    if left.get("services"):
        docker_cli("service", "rm", *left["services"])
    if left.get("containers"):
        docker_cli("rm", "-f", *left["containers"])
    if left.get("volumes"):
        docker_cli("volume", "rm", "-f", *left["volumes"])
    if left.get("networks"):
        docker_cli("network", "rm", *left["networks"])


class Case:
    """What one test uses to name and label what it creates."""

    def __init__(self) -> None:
        self.id = f"{SESSION}-{next(_cases)}"
        self.labels = {"dockwrap.test": SESSION, "dockwrap.test.case": self.id}
        self._names = itertools.count(1)

    def name(self, hint: str = "c") -> str:
        return f"dwt-{self.id}-{hint}{next(self._names)}"

    @property
    def label_args(self) -> list[str]:
        args: list[str] = []
        for key, value in self.labels.items():
            args += ["--label", f"{key}={value}"]
        return args


@pytest.fixture
def case(request: pytest.FixtureRequest) -> Iterator[Case]:
    """Names and labels for this test; what carries them is removed afterwards, pass or fail."""
    current = Case()
    yield current
    if request.node.get_closest_marker("docker") is not None and engine_answers()[0]:
        remove_resources(f"dockwrap.test.case={current.id}")
        remove_resources("", name_prefix=f"dwt-{current.id}-")


@pytest.fixture
def names(case: Case) -> Callable[[str], str]:
    """A unique-name factory: names("web") -> dwt-<session>-<case>-web1."""
    return case.name


@pytest.fixture
def labels(case: Case) -> dict[str, str]:
    return dict(case.labels)


@pytest.fixture
def docker() -> object:
    """A Docker handle on the engine under test."""
    from dockwrap import Docker

    return Docker(binary=DOCKER)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    ok, _ = engine_answers() if _engine or os.environ.get("CI") == "true" else (False, "")
    if not ok:
        return
    left = our_resources(f"dockwrap.test={SESSION}")
    for kind, found in our_resources("", name_prefix=f"dwt-{SESSION}-").items():
        left[kind] = sorted(set(left.get(kind, [])) | set(found))
    if not left:
        return
    remove_resources(f"dockwrap.test={SESSION}")
    remove_resources("", name_prefix=f"dwt-{SESSION}-")
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    text = f"leftover check: tests left resources of session {SESSION}: {left} (now removed)"
    if reporter is not None:
        reporter.write_line(text, red=True)
    else:
        print(text)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED


def dockwrap(
    *args: str, timeout: float = 120, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the dockwrap CLI as a user would: a separate process, argv as given."""
    import sys

    full_env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "dockwrap", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=full_env,
        input=input,
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def http_get(url: str, timeout: float = 5) -> tuple[int, str]:
    import urllib.request

    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode()


def run_in_terminal(
    command: list[str],
    typed: bytes,
    prompt: bytes = b"# ",
    *,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    seconds: float = 90,
) -> tuple[int, bytes]:
    """Run a command with a pseudo-terminal as stdin, stdout and stderr; type once the prompt
    shows; return its exit status and everything the terminal showed."""
    import pty
    import select
    import time

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdin=follower, stdout=follower, stderr=follower, start_new_session=True
    )
    os.close(follower)
    screen, sent, deadline = b"", False, time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([leader], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closed: the program ended
                    break
                if not chunk:
                    break
                screen += chunk
            if not sent and prompt in screen:
                os.write(leader, typed)
                sent = True
            if proc.poll() is not None and not ready:
                break
        return proc.wait(timeout=30), screen
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(leader)


def swarm_state() -> str:
    return docker_cli("info", "--format", "{{.Swarm.LocalNodeState}}").stdout.strip()


def no_swarm_until_done(what: str) -> Iterator[bool]:
    """For a fixture around something that starts its own swarm and must leave it: skip where a
    swarm is active (not ours to touch); yield whether docker_gwbridge existed before; afterwards
    leave a swarm that was left behind, and fail."""
    if swarm_state() != "inactive":
        pytest.skip(f"the engine is in a swarm already: {what} would use it, and must not leave it")
    had_gwbridge = docker_cli("network", "inspect", "docker_gwbridge").returncode == 0
    yield had_gwbridge
    if swarm_state() != "inactive":
        docker_cli("swarm", "leave", "--force")
        pytest.fail(f"{what} left the engine in a swarm")
