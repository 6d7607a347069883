"""Walking a course's lessons with dockwrap (RELIABILITY.md, section 11): a verb on several objects
that fails for one still shows what docker did to the others, as docker itself does (the CLI
prints it before the error; the API's error carries it as `done`), and a live `container stats`
reads docker 28's redrawn frames."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from dockwrap import Docker, DockerCommandFailed
from tests.harness import DOCKER, docker_cli, dockwrap

pytestmark = [pytest.mark.docker, pytest.mark.timeout(90)]


def label_args(labels: dict[str, str]) -> list[str]:
    return [part for key, value in labels.items() for part in ("--label", f"{key}={value}")]


def exists(kind: str, name: str) -> bool:
    return docker_cli(kind, "inspect", name).returncode == 0


@pytest.fixture
def stopped_and_running(names, labels) -> tuple[str, str]:
    stopped, running = names("stopped"), names("running")
    docker_cli(
        "container", "create", "--pull", "never", *label_args(labels), "--name", stopped, "busybox:latest", "true"
    )
    docker_cli(
        "run",
        "-d",
        "--init",
        "--pull",
        "never",
        *label_args(labels),
        "--name",
        running,
        "busybox:latest",
        "sleep",
        "120",
    )
    return stopped, running


def test_rm_of_a_stopped_and_a_running_container_shows_the_one_removed(stopped_and_running):
    """Before: only docker's error; the removed name docker printed first was dropped."""
    stopped, running = stopped_and_running
    result = dockwrap("container", "rm", stopped, running)
    assert result.returncode == 1
    assert result.stdout == f"{stopped}\n"
    assert result.stderr.startswith(
        "dockwrap: error: Error response from daemon: You cannot remove a running container"
    )
    assert not exists("container", stopped) and exists("container", running)


def test_the_api_error_carries_what_docker_did(stopped_and_running, names):
    stopped, running = stopped_and_running
    docker = Docker(binary=DOCKER)
    with pytest.raises(DockerCommandFailed) as info:
        docker.container.rm([stopped, running])
    assert info.value.done == [stopped]
    with pytest.raises(DockerCommandFailed) as info:
        docker.container.inspect([running, names("missing")])
    assert [d.name for d in info.value.done] == [running]  # type: ignore[union-attr]


@pytest.mark.parametrize("verb", ["stop", "start", "inspect"])
def test_other_verbs_on_several_containers_show_what_was_done(verb, stopped_and_running, names):
    stopped, running = stopped_and_running
    done = running if verb in ("stop", "inspect") else stopped
    args = ["container", verb, *(["-t", "0"] if verb == "stop" else []), done, names("missing")]
    result = dockwrap(*args, *(["--json"] if verb == "inspect" else []))
    assert result.returncode == 1
    assert "No such container" in result.stderr.splitlines()[0]
    if verb == "inspect":
        assert [d["name"] for d in json.loads(result.stdout)] == [done]
    else:
        assert result.stdout == f"{done}\n"


def test_network_rm_of_a_free_and_a_busy_network_shows_the_one_removed(names, labels):
    free, busy = names("free"), names("busy")
    for net in (free, busy):
        docker_cli("network", "create", *label_args(labels), net)
    docker_cli(
        "run",
        "-d",
        "--init",
        "--pull",
        "never",
        *label_args(labels),
        "--network",
        busy,
        "--name",
        names("box"),
        "busybox:latest",
        "sleep",
        "120",
    )
    result = dockwrap("network", "rm", free, busy)
    assert result.returncode == 1
    assert result.stdout == f"{free}\n" and "active endpoints" in result.stderr
    assert not exists("network", free) and exists("network", busy)


@pytest.mark.parametrize("as_json", [True, False], ids=["json", "table"])
def test_live_stats_keeps_reading_samples(as_json, names, labels):
    """Before: one sample, then "a line is not JSON" on the ESC[K docker 28 writes between frames."""
    box = names("busy")
    docker_cli(
        "run", "-d", "--init", "--pull", "never", *label_args(labels), "--name", box, "busybox:latest", "sleep", "120"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "container", "stats", *(["--json"] if as_json else []), box],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 30
        while len(lines) < 3 and time.monotonic() < deadline and proc.poll() is None:
            lines.append(proc.stdout.readline())  # type: ignore[union-attr]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert len(lines) == 3, err
    for line in lines:
        assert "\x1b" not in line
        if as_json:
            sample = json.loads(line)
            assert sample["name"] == box and sample["pids"] >= 1
        else:
            assert box in line
