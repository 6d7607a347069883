"""Every docker run option through dockwrap, on the real engine (issue 15): what `container
inspect` shows is what was asked for, from the CLI's words and from the API's keywords alike; the
user's words reach docker as written, in order, bundles included, and what follows the image is
the container's (checked in what -x shows and in what the container saw)."""

from __future__ import annotations

import json
import shlex

import pytest

from dockwrap import Docker
from tests.harness import DOCKER, docker_cli, dockwrap, remove_resources

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def inspected(name: str) -> dict:
    done = docker_cli("container", "inspect", name)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)[0]


@pytest.fixture
def volume(names, labels):
    """A volume name for the test; removed afterwards, after the test's containers (the harness
    removes containers, not volumes)."""
    name = names("vol")
    yield name
    remove_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}")
    docker_cli("volume", "rm", "-f", name)


def check_every_option(details: dict, volume: str) -> None:
    host, config = details["HostConfig"], details["Config"]
    assert host["Binds"] == [f"{volume}:/data"]
    assert [(m["Type"], m["Target"]) for m in host["Mounts"]] == [("tmpfs", "/scratch")]
    assert host["RestartPolicy"]["Name"] == "unless-stopped"
    assert host["Memory"] == 64 * 1024 * 1024
    assert host["NanoCpus"] == 500_000_000
    assert config["User"] == "1000:1000"
    assert [cap.removeprefix("CAP_") for cap in host["CapAdd"]] == ["NET_ADMIN"]  # 28.x writes CAP_NET_ADMIN
    assert host["ExtraHosts"] == ["db:10.0.0.2"]
    assert config["Healthcheck"]["Test"] == ["CMD-SHELL", "true"]
    assert host["PublishAllPorts"] is True
    assert host["ReadonlyRootfs"] is True
    assert host["Tmpfs"] == {"/run": ""}
    assert any(m["Type"] == "volume" and m["Name"] == volume and m["Destination"] == "/data" for m in details["Mounts"])


def test_run_options_from_the_cli_reach_the_container(names, labels, volume):
    name = names("opts")
    args = [
        "run",
        "-d",
        "--init",
        "--name",
        name,
        "--pull",
        "never",
        *(f"--label={k}={v}" for k, v in labels.items()),
        "-v",
        f"{volume}:/data",
        "--mount",
        "type=tmpfs,target=/scratch",
        "--restart",
        "unless-stopped",
        "-m",
        "64m",
        "--cpus",
        "0.5",
        "-u",
        "1000:1000",
        "--cap-add",
        "NET_ADMIN",
        "--add-host",
        "db:10.0.0.2",
        "--health-cmd",
        "true",
        "-P",
        "--read-only",
        "--tmpfs",
        "/run",
    ]
    result = dockwrap("-x", *args, "busybox:latest", "sleep", "60")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip()) == 64
    # -x shows the words as given (after dockwrap's canonical `container run`)
    shown = result.stderr.splitlines()[0]
    assert shlex.split(shown[2:]) == [DOCKER, "container", *args, "busybox:latest", "sleep", "60"]
    check_every_option(inspected(name), volume)


def test_run_options_from_the_api_reach_the_container(names, labels, volume):
    name = names("api")
    docker = Docker(binary=DOCKER)
    container_id = docker.container.run(
        "busybox:latest",
        ["sleep", "60"],
        detach=True,
        init=True,
        name=name,
        labels=labels,
        pull="never",
        volume=f"{volume}:/data",
        mount="type=tmpfs,target=/scratch",
        restart="unless-stopped",
        memory="64m",
        cpus=0.5,
        user="1000:1000",
        cap_add=["NET_ADMIN"],
        add_host=["db:10.0.0.2"],
        health_cmd="true",
        publish_all=True,
        read_only=True,
        tmpfs="/run",
    )
    assert len(container_id) == 64
    check_every_option(inspected(name), volume)


SCRIPT = 'echo "$A,$B,$*" > /tmp/seen; exec sleep 60'


def test_bundles_and_order_reach_docker_unchanged_and_the_container_gets_what_follows_the_image(names, labels):
    name = names("bundle")
    label = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    words = [
        "run",
        "-dit",
        f"--name={name}",
        "-e",
        "A=1",
        "-e",
        "B=2",
        "--label",
        label,
        "--pull",
        "never",
        "busybox:latest",
        "sh",
        "-c",
        SCRIPT,
        "sh",
        "--json",
        "-e",
        "X",
        "--name=other",
    ]
    expected = [DOCKER, "container", *words]
    printed = dockwrap("--dry-run", *words)
    assert printed.returncode == 0 and shlex.split(printed.stdout) == expected
    result = dockwrap("-x", *words)
    assert result.returncode == 0, result.stderr
    assert shlex.split(result.stderr.splitlines()[0][2:]) == expected
    details = inspected(name)
    assert details["Config"]["Tty"] is True and details["Config"]["OpenStdin"] is True  # -it of the bundle
    assert {"A=1", "B=2"} <= set(details["Config"]["Env"])
    # after the image everything is the container's, dockwrap's --json and docker's -e and --name too
    seen = docker_cli("exec", name, "cat", "/tmp/seen")
    assert seen.stdout == "1,2,--json -e X --name=other\n"
    assert docker_cli("container", "inspect", "other").returncode == 1


def test_an_option_the_table_lacks_passes_with_docker_arg(names, labels):
    """`--docker-arg` passes a word unchecked: docker itself then judges it (here an option docker
    has, given as if the table lacked it; and one docker does not have, refused by docker)."""
    name = names("arg")
    label = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    result = dockwrap(
        "-x",
        "run",
        "-d",
        "--docker-arg=--hostname=from-docker-arg",
        "--name",
        name,
        "--label",
        label,
        "--pull",
        "never",
        "busybox:latest",
        "sleep",
        "60",
    )
    assert result.returncode == 0, result.stderr
    assert " --hostname=from-docker-arg --name " in result.stderr
    assert inspected(name)["Config"]["Hostname"] == "from-docker-arg"
    refused = dockwrap("run", "--docker-arg=--no-such-option", "--rm", "--pull", "never", "busybox:latest", "true")
    assert refused.returncode == 125  # docker's own status for its usage error
    assert refused.stderr.startswith("dockwrap: error: ") and "unknown flag: --no-such-option" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_unknown_options_never_reach_docker(names):
    name = names("never")
    result = dockwrap("-x", "run", "-d", "--name", name, "--no-such-option", "busybox:latest", "true")
    assert result.returncode == 2
    assert result.stderr.splitlines()[0] == "dockwrap: error: unknown flag: --no-such-option"
    assert "+ " not in result.stderr  # no docker call was made
    assert docker_cli("container", "inspect", name).returncode == 1
