"""The system verbs on the real engine (issue 17): info and df typed, events as a typed stream that
ends docker when it ends, and prune with its question. `system prune` removes what it finds on the
whole engine, so it runs only on a private engine of its own (tests/engines.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest

from dockwrap import DaemonUnreachable, Docker
from tests.engines import busybox_engine
from tests.harness import docker_cli, dockwrap
from tests.integration.everyday import label_words, one_error_line, sleeper

pytestmark = [pytest.mark.docker, pytest.mark.timeout(180)]

CLIENTS = [c for c in ("/usr/local/bin/docker", "/usr/bin/docker") if os.access(c, os.X_OK)]


def docker_processes(word: str) -> list[str]:
    """Command lines of running docker processes that mention WORD (a test's unique name)."""
    found = []
    for pid in os.listdir("/proc"):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if argv and argv[0].endswith(b"docker") and any(word.encode() in arg for arg in argv):
            found.append(b" ".join(argv).decode(errors="replace"))
    return found


@pytest.mark.parametrize("client", CLIENTS)
def test_info_is_typed_with_both_clients(client):
    docker = Docker(binary=client)
    info = docker.system.info()
    own = docker_cli("info", "--format", "{{.ServerVersion}} {{.Driver}} {{.CgroupDriver}} {{.Images}}").stdout.split()
    assert [info.server_version, info.storage_driver, info.cgroup_driver, str(info.images)] == own
    assert info.swarm_state in ("inactive", "active", "pending", "error", "locked")
    assert info.runtimes and info.default_runtime in info.runtimes and info.server_errors == []
    shown = json.loads(dockwrap("--docker", client, "info", "--json").stdout)
    assert shown["server_version"] == info.server_version and "raw" not in shown
    with pytest.raises(DaemonUnreachable):  # 20.10 says so inside its output and exits 0
        Docker(binary=client, host="unix:///nonexistent/dwt.sock").system.info()
    one_error_line(
        dockwrap("--docker", client, "-H", "unix:///nonexistent/dwt.sock", "info"), 1, "unix:///nonexistent/dwt.sock"
    )


@pytest.mark.parametrize("client", CLIENTS)
def test_df_is_typed_with_both_clients(client, names, labels):
    volume = names("vol")
    docker_cli("volume", "create", *label_words(labels), volume)
    sleeper(names("user"), labels, "-v", f"{volume}:/data")
    docker = Docker(binary=client)
    usage = docker.system.df()
    assert usage.volumes.total >= 1 and usage.containers.active >= 1 and usage.images.total >= 1
    rows = docker.system.df(verbose=True)
    (ours,) = [v for v in rows.volumes if v.name == volume]
    assert ours.links == 1 and ours.size_bytes == 0
    assert any(u.image.repository == "busybox" for u in rows.images)
    table = dockwrap("--docker", client, "system", "df").stdout.splitlines()
    assert table[0].split() == ["TYPE", "TOTAL", "ACTIVE", "SIZE", "RECLAIMABLE"]
    assert [line.split()[0] for line in table[1:]] == ["Images", "Containers", "Local", "Build"]
    verbose = json.loads(dockwrap("--docker", client, "system", "df", "-v", "--json").stdout)
    assert volume in [v["name"] for v in verbose["volumes"]]


def test_events_start_die_destroy_in_order_and_no_docker_left(docker, names, labels):
    name = names("ev")
    since = time.time() - 1
    assert (
        docker_cli(
            "run",
            "--rm",
            "--pull",
            "never",
            "--name",
            name,
            *label_words(labels),
            "busybox:latest",
            "sh",
            "-c",
            "exit 3",
        ).returncode
        == 3
    )
    seen = []
    events = docker.system.events(since=since, filters=["type=container", f"container={name}"])
    for event in events:
        seen.append(event)
        if event.action == "destroy":
            break
    events.close()
    actions = [e.action for e in seen if e.name == name]
    assert [a for a in actions if a in ("start", "die", "destroy")] == ["start", "die", "destroy"]
    times = [e.time for e in seen]
    assert all(isinstance(t, datetime) and t.tzinfo == timezone.utc for t in times) and times == sorted(times)
    assert abs(times[0].timestamp() - since) < 60
    assert [e.exit_code for e in seen if e.action == "die"] == [3]
    deadline = time.monotonic() + 5
    while docker_processes(name) and time.monotonic() < deadline:  # a quiet engine: docker must be ended
        time.sleep(0.1)
    assert docker_processes(name) == []


def test_events_until_ends_by_itself_and_the_cli_prints_json_lines(names, labels):
    name = names("ev")
    since = time.time() - 1
    docker_cli("create", "--pull", "never", "--name", name, *label_words(labels), "busybox:latest")
    result = dockwrap(
        "events",
        "--since",
        f"{since:.3f}",
        "--until",
        f"{time.time() + 1:.3f}",
        "--filter",
        f"container={name}",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    (created,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert (created["action"], created["attributes"]["name"]) == ("create", name)
    assert isinstance(created["time_nano"], int)
    text = dockwrap(
        "events", "--since", f"{since:.3f}", "--until", f"{time.time():.3f}", "--filter", f"container={name}"
    ).stdout
    assert text.startswith(f"{datetime.fromtimestamp(created['time_nano'] // 10**9, timezone.utc):%Y-%m-%dT%H:%M:%S}.")
    assert " container create " in text and f"name={name}" in text
    one_error_line(dockwrap("events", "--since", "bogus", "--until", "0s"), 1, "bogus")


def test_ctrl_c_ends_the_events_stream_and_docker(names):
    name = names("quiet")  # nothing will happen to it: docker would wait for ever
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "events", "--filter", f"container={name}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 10
    while not docker_processes(name) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert docker_processes(name)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=10)
    assert proc.returncode == 130 and "Traceback" not in err
    deadline = time.monotonic() + 5
    while docker_processes(name) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert docker_processes(name) == []


@pytest.fixture(scope="module")
def private_engine():
    with busybox_engine() as engine:
        yield engine


def test_system_prune_on_a_private_engine(private_engine):
    engine = private_engine
    docker = Docker(host=engine.host)
    engine.docker("create", "--name", "dwt-stopped", "busybox:latest")
    engine.docker("network", "create", "dwt-unused-net")
    engine.docker("volume", "create", "dwt-unused-vol")
    engine.docker("run", "-d", "--name", "dwt-running", "busybox:latest", "sleep", "300")
    # no terminal to answer docker's question: refused before any call, nothing removed
    refused = dockwrap("-H", engine.host, "system", "prune", "--volumes")
    one_error_line(refused, 2, "asks before", "-f (--force)")
    assert engine.docker("ps", "-aq", "--filter", "name=dwt-stopped").stdout.strip()
    pruned = json.loads(dockwrap("-H", engine.host, "system", "prune", "-f", "--json").stdout)
    assert len(pruned["containers"]) == 1 and pruned["networks"] == ["dwt-unused-net"] and pruned["volumes"] == []
    assert engine.docker("ps", "-q", "--filter", "name=dwt-running").stdout.strip()  # running: kept
    result = docker.system.prune(volumes=True)
    assert result.volumes == ["dwt-unused-vol"] and result.containers == [] and result.networks == []
    assert docker.system.prune().removed == []  # nothing left to remove
    table = dockwrap("-H", engine.host, "system", "prune", "-f")
    assert table.stdout.splitlines() == ["Total reclaimed space: 0B"]


def test_a_declined_question_on_a_terminal_removes_nothing(private_engine):
    from tests.harness import run_in_terminal

    engine = private_engine
    engine.docker("create", "--name", "dwt-asked", "busybox:latest")
    argv = [sys.executable, "-m", "dockwrap", "-H", engine.host, "container", "prune"]
    status, screen = run_in_terminal(argv, b"n\n", prompt=b"[y/N]: ")
    assert status == 0 and b"Are you sure you want to continue?" in screen and b"nothing was removed" in screen
    assert engine.docker("ps", "-aq", "--filter", "name=dwt-asked").stdout.strip()
    status, screen = run_in_terminal(argv, b"y\n", prompt=b"[y/N]: ")
    assert status == 0 and b"Total reclaimed space" in screen
    assert engine.docker("ps", "-aq", "--filter", "name=dwt-asked").stdout.strip() == ""
