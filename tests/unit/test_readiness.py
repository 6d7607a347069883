"""`wait_for` without an engine: its arguments, what it reports, the port and HTTP probes against
sockets of this test (a listener that keeps a connection, one that accepts and closes at once as
docker-proxy does with nothing behind it), and the CLI's usage errors."""

from __future__ import annotations

import http.server
import re
import socket
import threading
from collections.abc import Iterator

import pytest

from dockwrap.container.probes import http_answer, port_answers
from dockwrap.container.readiness import Wanted, _nanos
from dockwrap.container.records.readiness import Readiness
from dockwrap.errors import ArgumentTypeError, NotReady, UsageError, WaitTimeout
from tests.harness import dockwrap


def seen(**fields: object) -> Readiness:
    values: dict[str, object] = dict(
        container="web",
        id="abc",
        state="running",
        health=None,
        exit_code=None,
        log_line="starting",
        address=None,
        port_detail=None,
        http_status=None,
        met=["running"],
        waiting_for=["log"],
        seconds=1.5,
    )
    values.update(fields)
    return Readiness(**values)  # type: ignore[arg-type]


def test_no_condition_means_running() -> None:
    assert Wanted().names == ["running"]
    assert Wanted(log="ready", http="health").names == ["log", "http"]
    assert Wanted(http="health").http == "/health"


@pytest.mark.parametrize(
    "keywords, error",
    [
        ({"status": 0}, UsageError),  # status without exited
        ({"log": "("}, UsageError),
        ({"log": ""}, UsageError),
        ({"port": 0}, UsageError),
        ({"port": 70000}, UsageError),
        ({"port": "53/udp"}, UsageError),
        ({"port": "http"}, UsageError),
        ({"port": 8.0}, ArgumentTypeError),
        ({"running": "yes"}, ArgumentTypeError),
        ({"http_status": 42}, UsageError),
    ],
)
def test_arguments_are_checked_before_any_call(keywords: dict[str, object], error: type[Exception]) -> None:
    with pytest.raises(error):
        Wanted(**keywords)  # type: ignore[arg-type]


def test_port_as_docker_writes_it() -> None:
    assert Wanted(port="8080/tcp").port == Wanted(port=8080).port == 8080


def test_describe() -> None:
    wanted = Wanted(exited=True, status=3, log=re.compile("up"), http="/", http_status=204)
    assert wanted.describe() == "exited with status 3, log /up/, HTTP 204 from /"


def test_docker_times_to_nanoseconds() -> None:
    assert _nanos("2026-12-01T08:00:00.123456789Z") == 1_796_112_000_123_456_789
    assert _nanos("2026-12-01T09:00:00.5+01:00") == 1_796_112_000_500_000_000
    assert _nanos("0001-01-01T00:00:00Z") == _nanos(None) == _nanos("") == 0


def test_readiness_summary_and_json() -> None:
    record = seen(
        state="exited",
        exit_code=3,
        health="unhealthy",
        log_line="x" * 100,
        address="127.0.0.1:80",
        port_detail="refused",
        http_status=503,
    )
    assert record.summary == f"exited (3), unhealthy, log '{'x' * 79}…', 127.0.0.1:80 refused, HTTP 503"
    assert not record.ready and seen(waiting_for=[]).ready
    assert record.to_json()["waiting_for"] == ["log"]


def test_timeout_says_what_was_seen_last() -> None:
    error = WaitTimeout(2.0, seen())
    assert str(error) == "web was not ready within 2s: waiting for log; last seen: running, log 'starting'"
    assert error.exit_code == 124 and error.seen.container == "web"
    assert NotReady("web was removed", seen()).exit_code == 1


@pytest.fixture
def listener() -> Iterator[tuple[socket.socket, int]]:
    server = socket.create_server(("127.0.0.1", 0))
    yield server, server.getsockname()[1]
    server.close()


def _serve_once(server: socket.socket, hold: bool) -> threading.Thread:
    def serve() -> None:
        connection, _ = server.accept()
        if hold:
            threading.Event().wait(0.6)
        connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return thread


def test_a_port_that_keeps_the_connection_answers(listener: tuple[socket.socket, int]) -> None:
    server, port = listener
    thread = _serve_once(server, hold=True)
    assert port_answers("127.0.0.1", port) == (True, "answers")
    thread.join()


def test_accepted_and_closed_at_once_is_not_ready(listener: tuple[socket.socket, int]) -> None:
    server, port = listener  # what docker-proxy does with nothing listening in the container
    thread = _serve_once(server, hold=False)
    answers, why = port_answers("127.0.0.1", port)
    assert not answers and why in ("accepted and closed at once", "reset")
    thread.join()


def test_a_closed_port_is_refused(listener: tuple[socket.socket, int]) -> None:
    server, port = listener
    server.close()
    assert port_answers("127.0.0.1", port) == (False, "refused")
    assert http_answer(f"http://127.0.0.1:{port}/") == (None, "refused")


def test_http_status() -> None:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200 if self.path == "/ok" else 404)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        assert http_answer(f"http://127.0.0.1:{port}/ok") == (200, "HTTP 200")
        assert http_answer(f"http://127.0.0.1:{port}/missing") == (404, "HTTP 404")
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "args",
    [
        ("--status", "0"),
        ("--exited", "--http", "/", "--status", "0"),
        ("--log", "("),
        ("--port", "http"),
        ("--timeout", "-1"),
    ],
)
def test_cli_usage_errors_exit_2_in_one_line(args: tuple[str, ...]) -> None:
    result = dockwrap("--docker", "/nonexistent/docker", "wait-for", "web", *args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("dockwrap: error:") or "Error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_dry_run_prints_the_plan_as_a_comment() -> None:
    result = dockwrap("--dry-run", "wait-for", "web", "--log", "ready", "--http", "/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# then wait until web is ready: log /ready/, HTTP 200 from /")


def test_logs_are_read_from_just_before_the_recorded_start_but_not_from_the_previous_run() -> None:
    from dockwrap.container.readiness import _log_since

    started = 1_796_170_000_123_456_789  # docker stamps the first lines a few ms before this
    assert _log_since(started, 0) == "1796169999.123456789"  # never finished: 1 s before
    assert _log_since(started, started - 300_000_000) == "1796169999.823456789"  # restarted 0.3 s after its end
    assert _log_since(started, started + 5) == "1796169999.123456789"  # exited since: that run's own lines
