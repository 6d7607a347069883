"""exec and top of a container that is not running, or paused, on the real engine: the error class
(Python) and one clear line with docker's status (CLI)."""

import pytest

from dockwrap import ContainerNotRunning, ContainerPaused, DockerCommandFailed
from tests.harness import docker_cli, dockwrap

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def _container(names, labels, hint: str, *command: str) -> str:
    name = names(hint)
    args = ["run", "--name", name, "--pull", "never"]
    for key, value in labels.items():
        args += ["--label", f"{key}={value}"]
    done = docker_cli(*args, *command)
    assert done.returncode == 0, done.stderr
    return name


@pytest.fixture
def exited(names, labels):
    return _container(names, labels, "exited", "busybox:latest", "true")


@pytest.fixture
def paused(names, labels):
    name = _container(names, labels, "paused", "--detach", "busybox:latest", "sleep", "300")
    assert docker_cli("pause", name).returncode == 0
    return name


def test_exec_and_top_of_an_exited_container(docker, exited):
    for call in (lambda: docker.container.exec(exited, ["true"]), lambda: docker.container.top(exited)):
        with pytest.raises(ContainerNotRunning) as info:
            call()
        assert isinstance(info.value, DockerCommandFailed) and info.value.exit_code == 1
        assert str(info.value).endswith("is not running")


def test_exec_in_a_paused_container(docker, paused):
    with pytest.raises(ContainerPaused) as info:
        docker.container.exec(paused, ["true"])
    assert info.value.exit_code == 1 and "is paused" in str(info.value)


def test_cli_says_it_in_one_line(exited, paused):
    for args, words in (
        (("exec", exited, "true"), "is not running"),
        (("exec", paused, "true"), "is paused"),
        (("container", "top", exited), "is not running"),
    ):
        result = dockwrap(*args)
        assert result.returncode == 1, result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert lines[0].startswith("dockwrap: error: ") and words in lines[0]
        assert "Traceback" not in result.stderr
