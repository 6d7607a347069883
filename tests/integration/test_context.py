"""The context verbs (issue 17), each in a DOCKER_CONFIG of its own (never ~/.docker): contexts
are the client's, so these reach no engine but the one a context names."""

from __future__ import annotations

import json

import pytest

from dockwrap import Docker, DockerCommandFailed
from dockwrap.errors import ContextInUse, NoSuchContext
from tests.harness import dockwrap
from tests.integration.everyday import one_error_line

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]

SOCKET = "unix:///var/run/docker.sock"


@pytest.fixture
def config(tmp_path, monkeypatch):
    """An empty client configuration for the API and for the CLI (`env=`)."""
    monkeypatch.setenv("DOCKER_CONFIG", str(tmp_path))
    monkeypatch.delenv("DOCKER_CONTEXT", raising=False)
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    return {"DOCKER_CONFIG": str(tmp_path)}


def test_create_ls_use_show_inspect_rm(config):
    docker = Docker()
    created = dockwrap(
        "context",
        "create",
        "dwt-a",
        "--docker",
        f"host={SOCKET}",
        "--description",
        'scene "a", b',
        "--json",
        env=config,
    )
    assert json.loads(created.stdout) == {"name": "dwt-a"}, created.stderr
    assert docker.context.create("dwt-b", host="tcp://127.0.0.1:1", skip_tls_verify=True) == "dwt-b"
    listed = {c.name: c for c in docker.context.ls()}
    assert set(listed) == {"default", "dwt-a", "dwt-b"} and listed["default"].current
    assert listed["dwt-a"].description == 'scene "a", b' and listed["dwt-b"].docker_endpoint == "tcp://127.0.0.1:1"
    assert docker.context.show() == "default"
    used = dockwrap("context", "use", "dwt-a", env=config)
    assert used.stdout == "dwt-a\n", used.stderr
    assert dockwrap("context", "show", env=config).stdout == "dwt-a\n"
    assert dockwrap("context", "ls", "-q", env=config).stdout.split() == ["default", "dwt-a", "dwt-b"]
    assert "dwt-a *" in dockwrap("context", "ls", env=config).stdout
    (current,) = docker.context.inspect()  # none named: the current one
    assert (current.name, current.docker_endpoint) == ("dwt-a", SOCKET)
    details = {d.name: d for d in docker.context.inspect(["dwt-b", "default"])}
    assert details["dwt-b"].skip_tls_verify is True and details["default"].skip_tls_verify is False
    assert Docker(context="dwt-a").system.info().server_version  # it names the engine: it answers
    with pytest.raises(ContextInUse):
        docker.context.rm("dwt-a")
    one_error_line(dockwrap("context", "rm", "dwt-a", env=config), 1, "in use")
    assert docker.context.rm(["dwt-a", "dwt-b"], force=True) == ["dwt-a", "dwt-b"]
    assert docker.context.show() == "default"


def test_failures_are_one_line(config):
    docker = Docker()
    with pytest.raises(NoSuchContext):
        docker.context.use("dwt-nope")
    one_error_line(dockwrap("context", "use", "dwt-nope", env=config), 1, "dwt-nope")
    one_error_line(dockwrap("context", "inspect", "dwt-nope", env=config), 1, "dwt-nope")
    one_error_line(dockwrap("context", "rm", "dwt-nope", env=config), 1, "dwt-nope")
    docker.context.create("dwt-a", host=SOCKET)
    with pytest.raises(NoSuchContext) as info:
        docker.context.inspect(["dwt-a", "dwt-nope"])
    assert [d.name for d in info.value.done] == ["dwt-a"]
    one_error_line(
        dockwrap("context", "create", "dwt-a", "--docker", f"host={SOCKET}", env=config), 1, "already exists"
    )
    one_error_line(dockwrap("context", "create", "dwt-c", "--docker", "bogus=1", env=config), 1, "bogus")
    with pytest.raises(DockerCommandFailed):
        docker.context.create("bad name!", host=SOCKET)
    one_error_line(dockwrap("context", "rm", "default", env=config), 1, "default")
    hint = dockwrap("--context", "dwt-nope", "ps", env=config).stderr.splitlines()[-1]
    assert hint.startswith("hint: ") and "dockwrap context ls" in hint


def test_nothing_is_written_outside_the_given_config(config, tmp_path):
    Docker().context.create("dwt-a", host=SOCKET)
    assert (tmp_path / "contexts" / "meta").is_dir()
    Docker().context.rm("dwt-a")
    assert not any((tmp_path / "contexts" / "meta").iterdir())
