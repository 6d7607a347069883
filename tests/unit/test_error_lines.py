"""Docker's lines about a missing engine or context are docker's own (held back from a container's
passed-through output, then classified); the failure message of a docker that only logged why;
a container already being removed. Wordings from the recordings of both clients
(tests/fixtures/errors/) where they could be recorded."""

from __future__ import annotations

import pytest

from dockwrap.errors import DaemonUnreachable, NoSuchContext, RemovalInProgress, classify, docker_message
from dockwrap.relay import DOCKER_LINE as DOCKER_OWN_LINE

from .corpus import recorded_errors

ENGINE_CASES = [
    c for c in recorded_errors() if c.case.startswith(("daemon-unreachable", "context-missing", "host-socket-missing"))
]


@pytest.mark.parametrize("case", ENGINE_CASES, ids=lambda c: c.id)
def test_no_engine_lines_are_dockers_own(case):
    """exec and logs print these bare: they must not pass for the container's output."""
    lines = [line for line in case.stderr.splitlines() if line.strip()]
    assert lines and DOCKER_OWN_LINE.match(lines[0].removeprefix("docker: "))
    assert isinstance(
        classify(("docker", *case.argv), case.exit_status, case.stderr), (DaemonUnreachable, NoSuchContext)
    )


@pytest.mark.parametrize(
    "case", [c for c in recorded_errors() if c.case in ("logs-bad-since", "logs-bad-until")], ids=lambda c: c.id
)
def test_a_time_logs_cannot_read_is_dockers_own_line(case):
    """`logs --since yesterday`: docker's complaint, not the container's stderr (else said twice)."""
    assert DOCKER_OWN_LINE.match(case.stderr.splitlines()[0])


def test_a_container_s_own_lines_are_not_held():
    for line in ("connection refused", "cannot connect to the database", "Error: disk full", "Failed to start"):
        assert not DOCKER_OWN_LINE.match(line), line


def test_a_logged_error_is_the_message_when_nothing_else_is_said():
    # a foreground `docker run` whose daemon was killed under it (tests/reliability/test_daemon_dies.py)
    stderr = 'time="2026-11-28T18:38:44Z" level=error msg="error waiting for container: unexpected EOF"\n'
    assert docker_message(stderr) == "error waiting for container: unexpected EOF"
    assert classify(("docker", "run"), 125, stderr).message == "error waiting for container: unexpected EOF"
    # a warning says nothing about the failure; quotes in the message are unescaped
    assert docker_message('time="x" level=warning msg="slow"\n') == ""
    assert docker_message('time="x" level=error msg="a \\"b\\" c"\n') == 'a "b" c'


def test_the_same_line_for_each_name_is_said_once():
    line = "Cannot connect to the Docker daemon at unix:///x.sock. Is the docker daemon running?"
    assert docker_message(f"{line}\n{line}\n") == line.rstrip(".")


def test_removal_already_in_progress():
    stderr = "Error response from daemon: removal of container dw-x-client is already in progress\n"
    error = classify(("docker", "container", "rm", "--force", "dw-x-client"), 1, stderr)
    assert type(error) is RemovalInProgress
