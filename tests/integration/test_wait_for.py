"""`wait_for` and `dockwrap wait-for` on the real engine (issue 17): a log line that comes after 2 s,
one that never comes (124, what was seen last), a health check, busybox httpd on a published
127.0.0.1 port, an exit status, the cases that can never be ready (at once), and no docker process
left behind."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time

import pytest

from dockwrap import NoSuchContainer, NotReady, WaitTimeout
from tests.harness import docker_cli, dockwrap, free_port, http_get
from tests.integration.everyday import label_words, one_error_line, sleeper
from tests.integration.test_system import docker_processes

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]

READY_AFTER_2S = ("sh", "-c", "echo starting; sleep 2; echo ready; exec sleep 300")
# httpd only after 2 s: until then docker-proxy accepts the published port and closes it at once
HTTPD_AFTER_2S = ("sh", "-c", "mkdir -p /www && echo hi > /www/index.html && sleep 2 && exec httpd -f -p 80 -h /www")


def no_docker_left(name: str) -> None:
    deadline = time.monotonic() + 3
    while docker_processes(name) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert docker_processes(name) == []


def test_a_log_line_after_two_seconds(docker, names, labels):
    name = sleeper(names("log"), labels, command=READY_AFTER_2S)
    started = time.monotonic()
    seen = docker.container.wait_for(name, log=r"^ready$", timeout=30)
    took = time.monotonic() - started
    assert seen.ready and seen.met == ["log"] and seen.log_line == "ready" and seen.state == "running"
    assert 1.5 < took < 6, took
    no_docker_left(name)
    no_docker_left(seen.id)  # its logs -f names the ID


def test_a_line_that_never_comes_times_out_with_124_and_the_last_line(names, labels):
    name = sleeper(names("never"), labels, command=("sh", "-c", "echo starting; exec sleep 300"))
    started = time.monotonic()
    # (4 s: the container's first line must have come through `logs -f` by then, also on a busy machine)
    result = dockwrap("wait-for", name, "--log", "ready", "--timeout", "4")
    assert 4 <= time.monotonic() - started < 20
    line = one_error_line(result, 124, name, "within 4s", "waiting for log", "last seen: running, log 'starting'")
    assert line.endswith("log 'starting'")
    assert "--timeout SECONDS" in result.stderr  # the CLI's words in the hint
    no_docker_left(name)


def test_the_api_timeout_carries_what_was_seen(docker, names, labels):
    name = sleeper(names("seen"), labels)
    with pytest.raises(WaitTimeout) as caught:
        docker.container.wait_for(name, running=True, log="x", timeout=1)
    assert caught.value.exit_code == 124
    assert caught.value.seen.met == ["running"] and caught.value.seen.waiting_for == ["log"]


def test_healthy_with_a_health_check(names, labels):
    name = sleeper(
        names("health"),
        labels,
        "--health-cmd",
        "test -e /tmp/up",
        "--health-interval",
        "1s",
        command=("sh", "-c", "sleep 1; touch /tmp/up; exec sleep 300"),
    )
    result = dockwrap("wait-for", name, "--healthy", "--running", "--timeout", "30", "--json")
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert seen["health"] == "healthy" and seen["met"] == ["running", "healthy"] and seen["waiting_for"] == []


def test_healthy_without_a_health_check_fails_at_once(names, labels):
    name = sleeper(names("nohealth"), labels)
    started = time.monotonic()
    result = dockwrap("wait-for", name, "--healthy", "--timeout", "30")
    assert time.monotonic() - started < 5
    one_error_line(result, 1, name, "no health check")


def test_http_and_port_against_busybox_httpd(docker, names, labels):
    port = free_port()
    name = sleeper(names("httpd"), labels, "-p", f"127.0.0.1:{port}:80", command=HTTPD_AFTER_2S)
    started = time.monotonic()
    result = dockwrap("wait-for", name, "--port", "80", "--http", "/index.html", "--timeout", "30")
    assert result.returncode == 0, result.stderr
    assert time.monotonic() - started > 1.5  # not at the proxy's accept-then-close
    assert f"127.0.0.1:{port} answers, HTTP 200" in result.stdout
    assert http_get(f"http://127.0.0.1:{port}/index.html") == (200, "hi\n")
    with pytest.raises(WaitTimeout) as caught:  # a status it never answers
        docker.container.wait_for(name, http="/missing", http_status=200, timeout=1)
    assert caught.value.seen.http_status == 404


def test_a_published_port_with_nothing_behind_it_is_not_ready(docker, names, labels):
    name = sleeper(names("proxy"), labels, "-p", "127.0.0.1::80")
    with pytest.raises(WaitTimeout) as caught:
        docker.container.wait_for(name, port=80, timeout=1.5)
    assert caught.value.seen.port_detail in ("accepted and closed at once", "reset", "refused")
    assert caught.value.seen.address.startswith("127.0.0.1:")


def test_exited_with_a_status(docker, names, labels):
    name = sleeper(names("exit"), labels, command=("sh", "-c", "sleep 1; exit 3"))
    seen = docker.container.wait_for(name, exited=True, status=3, timeout=30)
    assert (seen.state, seen.exit_code, seen.met) == ("exited", 3, ["exited"])
    one_error_line(
        dockwrap("wait-for", name, "--exited", "--status", "0", "--timeout", "30"), 1, "exited with status 3, not 0"
    )


def test_an_exit_while_waiting_to_run_fails_fast(docker, names, labels):
    name = sleeper(names("dies"), labels, command=("sh", "-c", "sleep 1; exit 7"))
    started = time.monotonic()
    with pytest.raises(NotReady, match="exited with status 7 while waiting for log"):
        docker.container.wait_for(name, log="never", timeout=30)
    assert time.monotonic() - started < 6
    no_docker_left(name)


def created(name: str, labels: dict[str, str]) -> str:
    done = docker_cli(
        "create", "--pull", "never", "--name", name, *label_words(labels), "busybox:latest", "sleep", "300"
    )
    assert done.returncode == 0, done.stderr
    return name


def test_removed_while_waiting_fails_fast(docker, names, labels):
    name = created(names("gone"), labels)  # never started: its removal is a destroy, with no die first
    threading.Timer(1.0, docker_cli, ("rm", "-f", name)).start()
    started = time.monotonic()
    with pytest.raises(NotReady, match="was removed while waiting for running"):
        docker.container.wait_for(name, running=True, timeout=30)
    assert time.monotonic() - started < 8
    no_docker_left(name)


def test_killed_while_waiting_fails_fast(docker, names, labels):
    name = sleeper(names("killed"), labels)
    threading.Timer(1.0, docker_cli, ("rm", "-f", name)).start()
    with pytest.raises(NotReady, match="exited with status 137 while waiting for log|removed"):
        docker.container.wait_for(name, log="never", timeout=30)


def test_a_created_container_is_waited_for_until_it_starts(docker, names, labels):
    name = created(names("created"), labels)
    threading.Timer(1.0, docker_cli, ("start", name)).start()
    seen = docker.container.wait_for(name, running=True, timeout=30)
    assert seen.state == "running" and seen.seconds >= 0.9


def test_a_missing_container_is_one_line(docker, names):
    with pytest.raises(NoSuchContainer):
        docker.container.wait_for(names("missing"), timeout=5)
    one_error_line(dockwrap("wait-for", names("missing"), "--timeout", "5"), 1, "No such container")


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupt_ends_the_wait_and_its_docker_processes(names, labels, signum, status):
    name = sleeper(names("interrupted"), labels, command=("sh", "-c", "echo starting; exec sleep 300"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "wait-for", name, "--log", "never"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    container_id = docker_cli("container", "inspect", "--format", "{{.Id}}", name).stdout.strip()
    deadline = time.monotonic() + 30
    while len(docker_processes(name) + docker_processes(container_id)) < 2:  # its events and its logs -f (by ID)
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"wait-for did not start its docker processes: {proc.communicate(timeout=30)}")
        time.sleep(0.05)
    proc.send_signal(signum)  # to dockwrap only: it must end its docker children itself
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == status, stderr
    assert "Traceback" not in stderr
    no_docker_left(name)
    no_docker_left(container_id)
