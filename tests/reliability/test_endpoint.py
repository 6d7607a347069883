"""The docker binary and the engine endpoint are wrong: missing binary (127), not executable
(126), no daemon at the host or context used (1, naming it), a context that does not exist.
Every command, recipes and cleanup included, gives one `dockwrap: error:` line and a hint line,
never a traceback, and never makes a second failing call per resource (no retry storm).

None of these need an engine: the unreachable endpoints are a missing socket and a socket file
nobody listens on. They need the docker CLI itself (skipped without one)."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.harness import DOCKER, SESSION, dockwrap
from tests.reliability.helpers import fake_docker, no_traceback

pytestmark = pytest.mark.timeout(60)

# A command of each kind: list, inspect, foreground run, exec and logs (passthrough), a recipe
# (whose cleanup then meets the same fault), cleanup, and swarm.
COMMANDS = [
    ["ps"],
    ["version"],
    ["container", "inspect", "box"],
    ["network", "ls"],
    ["run", "--rm", "--pull", "never", "busybox:latest", "true"],
    ["exec", "box", "true"],
    ["logs", "box"],
    ["logs", "-f", "box"],
    ["container", "top", "box"],
    ["service", "logs", "web"],
    ["recipe", "pingable-pair", "-c", "1"],
    ["recipe", "round-robin", "--replicas", "1", "--queries", "1"],
    ["recipe", "webhost", "--port", "0"],
    ["recipe", "process-view"],
    ["cleanup"],
]
IDS = [" ".join(argv[:2]) for argv in COMMANDS]
needs_docker_cli = pytest.mark.skipif(shutil.which(DOCKER) is None, reason=f"no docker CLI ({DOCKER}) on PATH")


def two_lines(stderr: str) -> tuple[str, str]:
    """The error line and the hint line, and nothing else."""
    lines = stderr.splitlines()
    assert len(lines) == 2, stderr
    assert lines[0].startswith("dockwrap: error: ") and lines[1].startswith("hint: "), stderr
    return lines[0], lines[1]


# -- the binary -------------------------------------------------------------------------------------


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_missing_binary_exits_127_naming_it(argv, tmp_path):
    missing = str(tmp_path / "no-docker-here")
    result = dockwrap("--docker", missing, *argv, timeout=30)
    assert result.returncode == 127, result.stderr
    error, hint = two_lines(result.stderr)
    assert missing in error
    assert "--docker" in hint and "DOCKWRAP_DOCKER" in hint
    assert result.stdout == ""


def test_docker_not_on_path_exits_127_and_help_still_works(tmp_path):
    env = {"PATH": str(tmp_path), "DOCKWRAP_DOCKER": ""}
    result = dockwrap("recipe", "pingable-pair", env=env)
    assert result.returncode == 127
    error, _ = two_lines(result.stderr)
    assert "'docker'" in error
    for argv in (
        ["--help"],
        ["--version"],
        ["recipe", "pingable-pair", "--help"],
        ["--dry-run", "recipe", "pingable-pair"],
    ):  # nothing to run: no docker needed
        done = dockwrap(*argv, env=env)
        assert done.returncode == 0, (argv, done.stderr)


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_binary_not_executable_exits_126(argv, tmp_path):
    path = Path(fake_docker(tmp_path, "echo never runs\n"))
    path.chmod(0o644)
    result = dockwrap("--docker", str(path), *argv, timeout=30)
    assert result.returncode == 126, result.stderr
    error, hint = two_lines(result.stderr)
    assert str(path) in error and "not executable" in error
    assert "DOCKWRAP_DOCKER" in hint


def test_not_executable_from_the_environment(tmp_path):
    path = Path(fake_docker(tmp_path, "echo never runs\n"))
    path.chmod(0o644)
    result = dockwrap("ps", env={"DOCKWRAP_DOCKER": str(path)})
    assert result.returncode == 126 and str(path) in result.stderr
    no_traceback(result.stderr)


# -- the daemon -------------------------------------------------------------------------------------


@pytest.fixture
def refused(tmp_path) -> Iterator[str]:
    """A Unix socket file nobody accepts on: docker gets "connection refused" at once."""
    path = tmp_path / "refused.sock"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))  # bound, never listening
    try:
        yield f"unix://{path}"
    finally:
        sock.close()


@needs_docker_cli
@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_daemon_refusing_exits_1_naming_the_host(argv, refused):
    result = dockwrap("-H", refused, *argv, timeout=30)
    assert result.returncode == 1, result.stderr
    error, hint = two_lines(result.stderr)
    assert refused in error and "Cannot connect to the Docker daemon" in error
    assert f"no Docker engine answers at {refused}" in hint and "--host" in hint
    assert result.stdout == ""


@needs_docker_cli
def test_missing_socket_from_docker_host_names_it(tmp_path):
    host = f"unix://{tmp_path}/missing.sock"
    result = dockwrap("recipe", "pingable-pair", env={"DOCKER_HOST": host})
    assert result.returncode == 1
    error, hint = two_lines(result.stderr)
    assert host in error and f"{host} (DOCKER_HOST)" in hint


@needs_docker_cli
@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_missing_context_exits_1_naming_it(argv):
    name = f"dwt-{SESSION}-no-such-context"
    result = dockwrap("--context", name, *argv, timeout=30)
    assert result.returncode == 1, result.stderr
    error, hint = two_lines(result.stderr)
    assert f'context "{name}"' in error
    assert (
        hint == "hint: list contexts with: dockwrap context ls; "
        "make one with: dockwrap context create NAME --docker host=URL"
    )


@needs_docker_cli
def test_missing_context_from_docker_context_env():
    name = f"dwt-{SESSION}-no-such-context"
    result = dockwrap("ps", env={"DOCKER_CONTEXT": name})
    assert result.returncode == 1
    error, _ = two_lines(result.stderr)
    assert name in error


def test_recipe_on_an_unreachable_engine_makes_one_call_per_step(tmp_path):
    """No retry storm: the recipe's first call fails, its cleanup makes one call, finds the same
    fault and stops (it would otherwise try each removal, printing a warning for each)."""
    log = tmp_path / "calls"
    binary = fake_docker(
        tmp_path,
        f"""\
        echo "$*" >> {log}
        echo 'Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?' >&2
        exit 1
    """,
    )
    result = dockwrap("--docker", binary, "recipe", "round-robin")
    assert result.returncode == 1
    two_lines(result.stderr)
    calls = log.read_text().splitlines()
    assert len(calls) == 2, calls
    assert calls[0].startswith("network create") and calls[1].startswith("container ls")


@pytest.fixture
def as_nobody(tmp_path) -> str:
    """The real docker CLI, run as the user nobody, whom the engine's socket does not let in
    (root passes any file mode, so the user is changed: setpriv)."""
    import os
    import stat

    real = shutil.which(DOCKER)
    socket_path = "/var/run/docker.sock"
    if real is None or shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root, setpriv and the docker CLI")
    if not os.path.exists(socket_path) or os.stat(socket_path).st_mode & stat.S_IRWXO:
        pytest.skip(f"{socket_path} is missing, or lets any user in")
    return fake_docker(
        tmp_path, f'exec setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent {real} "$@"\n'
    )


@pytest.mark.parametrize("argv", COMMANDS, ids=IDS)
def test_a_socket_that_refuses_the_user_is_its_own_error(argv, as_nobody):
    """Before: "no Docker engine answers ...: start one", which would not help."""
    result = dockwrap("--docker", as_nobody, *argv, timeout=30)
    assert result.returncode == 1, result.stderr
    error, hint = two_lines(result.stderr)
    assert "permission denied while trying to connect to the Docker daemon socket" in error
    assert "does not let this user in" in hint and "unix:///var/run/docker.sock" in hint and "start one" not in hint
    assert result.stdout == ""
