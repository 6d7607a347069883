"""Resource conflicts on the real engine: an image that is not there (no registry: `--pull never`),
a host port already allocated, a network still in use. Docker's own status and message, one
line, a hint where one helps; what was there before is left as it was."""

from __future__ import annotations

import pytest

from dockwrap import NoSuchImage, PortInUse
from tests.harness import DOCKER, docker_cli, dockwrap, free_port, http_get
from tests.reliability.helpers import no_traceback, wait_until

pytestmark = [pytest.mark.docker, pytest.mark.timeout(60)]

PAGE = ["sh", "-c", "mkdir -p /www && echo first > /www/index.html && exec httpd -f -p 80 -h /www"]


def lines(stderr: str) -> list[str]:
    no_traceback(stderr)
    return stderr.splitlines()


def test_missing_image_is_125_naming_it(docker, names, labels):
    name = names("noimage")
    result = dockwrap("-x", "run", "-d", "--name", name, "--pull", "never", "dwt-no-such-image:1", "true")
    assert result.returncode == 125
    shown, error, hint = lines(result.stderr)
    assert shown.startswith(f"+ {DOCKER} container run -d --name {name} --pull never dwt-no-such-image:1")
    assert error.startswith("dockwrap: error: ") and "dwt-no-such-image:1" in error
    assert hint.startswith("hint: list local images with: dockwrap image ls")
    assert docker_cli("container", "inspect", name).returncode == 1  # nothing was made
    with pytest.raises(NoSuchImage) as info:
        docker.container.run("dwt-no-such-image:1", ["true"], detach=True, pull="never", labels=labels)
    assert info.value.exit_code == 125 and "dwt-no-such-image:1" in str(info.value)


def test_port_already_allocated(docker, names, labels):
    port = free_port()
    first, second = names("first"), names("second")
    label = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    common = ["--label", label, "-p", f"127.0.0.1:{port}:80", "--pull", "never", "busybox:latest", *PAGE]
    assert dockwrap("run", "-d", "--init", "--name", first, *common).returncode == 0
    assert wait_until(lambda: _answers(port), 10)
    result = dockwrap("run", "-d", "--init", "--name", second, *common)
    assert result.returncode == 125
    error, hint = lines(result.stderr)
    assert "port is already allocated" in error and f"127.0.0.1:{port}" in error
    # docker made the second container before failing to start it: the hint says how to remove it
    assert "dockwrap rm -f " in hint
    assert docker.container.inspect(second)[0].state.status == "created"
    # the first one keeps running and serving
    assert docker.container.inspect(first)[0].state.running
    assert http_get(f"http://127.0.0.1:{port}/") == (200, "first\n")
    with pytest.raises(PortInUse) as info:
        docker.container.run(
            "busybox:latest",
            ["true"],
            detach=True,
            name=names("third"),
            labels=labels,
            publish=[f"127.0.0.1:{port}:80"],
            pull="never",
        )
    assert info.value.address == f"127.0.0.1:{port}" and info.value.exit_code == 125


def _answers(port: int) -> bool:
    try:
        return http_get(f"http://127.0.0.1:{port}/", timeout=1)[0] == 200
    except OSError:
        return False


def test_network_still_in_use(docker, names, labels):
    net, box = names("net"), names("box")
    docker.network.create(net, labels=labels)
    docker.container.run(
        "busybox:latest", ["sleep", "60"], detach=True, init=True, name=box, network=net, labels=labels, pull="never"
    )
    result = dockwrap("network", "rm", net)
    assert result.returncode == 1
    (error,) = lines(result.stderr)
    assert error.startswith("dockwrap: error: ") and "active endpoints" in error
    # nothing changed: the network is there, with the container on it
    (details,) = docker.network.inspect(net)
    assert [c.name for c in details.containers] == [box]
    docker.container.rm(box, force=True)
    assert dockwrap("network", "rm", net).returncode == 0
