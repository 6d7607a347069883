"""dockwrap/relay.py without an engine: the output of a passthrough call is copied in order and
unchanged; only lines docker itself may have written, before the command shows it runs, are held
(for at most HOLD_SECONDS), and they are docker's failure only with one of docker's statuses.
docker's lines are the ones recorded from both clients (tests/fixtures/errors/); the real engine
cases are tests/reliability/test_passthrough.py."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

import pytest

from dockwrap.relay import DOCKER_LINE, HOLD_SECONDS, Relay, docker_failed

from .corpus import recorded_errors

RUN = (125, 126, 127)
EXEC = (1, 125, 126, 127)
# docker's own failures as recorded, with the status and the stream they came on
FAILURES = [
    c
    for c in recorded_errors()
    if c.exit_status
    and c.case.startswith(
        (
            "image-missing",
            "no-such-container-exec",
            "no-such-container-logs",
            "no-such-container-start",
            "not-running-exec",
            "exec-paused",
            "daemon-unreachable-ls",
            "context-missing",
            "host-socket-missing",
            "network-not-found-run",
            "invalid-reference",
            "name-conflict-run",
            "permission-denied",
        )
    )
]


class Scene:
    """Docker's two pipes, fed by a script of (stream, bytes, pause) steps in a thread; what the
    relay writes, with the time each write came."""

    def __init__(self) -> None:
        self.out_read, self.out_write = os.pipe()
        self.err_read, self.err_write = os.pipe()
        self.written: list[tuple[str, bytes, float]] = []
        self.start = time.monotonic()
        self.relay = Relay(self.out_read, self.err_read, self._sink("out"), self._sink("err"), DOCKER_LINE.match)

    def _sink(self, name: str) -> Callable[[bytes], None]:
        return lambda data: self.written.append((name, data, time.monotonic() - self.start))

    def play(self, *steps: tuple[str, bytes] | float) -> None:
        def feed() -> None:
            for step in steps:
                if isinstance(step, float):
                    time.sleep(step)
                else:
                    os.write(self.out_write if step[0] == "out" else self.err_write, step[1])
            os.close(self.out_write)
            os.close(self.err_write)

        feeder = threading.Thread(target=feed)
        feeder.start()
        self.relay.run()
        feeder.join()

    def text(self, name: str) -> bytes:
        return b"".join(data for stream, data, _ in self.written if stream == name)


@pytest.mark.parametrize("case", FAILURES, ids=lambda c: c.id)
def test_dockers_recorded_failure_is_held_and_is_the_error(case):
    scene = Scene()
    scene.play(("out", case.stdout.encode()), ("err", case.stderr.encode()))
    statuses = None if "logs" in case.argv else RUN if "run" in case.argv else EXEC
    failure = scene.relay.failure(case.exit_status, statuses)
    assert failure == (case.stdout.encode(), case.stderr.encode())
    assert scene.written == []


def test_docker_like_lines_with_status_0_are_printed_in_order():
    scene = Scene()
    # (apart in time: two pipes keep no order between writes that come together)
    scene.play(
        ("err", b"Error response from daemon: db down\n"),
        0.05,
        ("out", b"OCI runtime said\n"),
        0.05,
        ("err", b'time="x" level=error msg="y"\n'),
    )
    assert scene.relay.failure(0, RUN) is None
    assert [(stream, data) for stream, data, _ in scene.written] == [
        ("err", b"Error response from daemon: db down\n"),
        ("out", b"OCI runtime said\n"),
        ("err", b'time="x" level=error msg="y"\n'),
    ]


@pytest.mark.parametrize("status", [1, 3, 125])
def test_once_the_command_shows_life_nothing_is_held_or_read(status):
    """A byte on stdout, or a line docker never writes, ends the quiet phase: later lines that
    look like docker's pass at once, and the status is the command's."""
    for first in [("out", b"x"), ("err", b"connecting to db\n")]:
        scene = Scene()
        scene.play(first, 0.05, ("err", b"Error response from daemon: db down\n"), 0.3)
        assert scene.relay.failure(status, RUN) is None
        came = [at for stream, data, at in scene.written if data == b"Error response from daemon: db down\n"]
        assert came and came[0] < 0.3, scene.written
        assert scene.text("err").endswith(b"Error response from daemon: db down\n")


def test_a_held_line_is_printed_within_the_hold_while_the_command_goes_on():
    scene = Scene()
    scene.play(("err", b"Error response from daemon: db down\n"), HOLD_SECONDS + 1.0)
    assert scene.relay.failure(0, RUN) is None
    ((stream, data, at),) = scene.written
    assert data == b"Error response from daemon: db down\n"
    assert HOLD_SECONDS - 0.1 < at < HOLD_SECONDS + 0.5


def test_a_status_of_the_command_s_own_prints_what_was_held():
    scene = Scene()
    scene.play(("err", b"docker: db down\n"))
    assert scene.relay.failure(3, RUN) is None
    assert scene.text("err") == b"docker: db down\n"


def test_more_than_docker_ever_says_is_the_command_s():
    scene = Scene()
    line = b"Error response from daemon: " + b"x" * 70000 + b"\n"
    scene.play(("err", line))
    assert scene.relay.failure(125, RUN) is None
    assert scene.text("err") == line


def test_a_line_cut_across_reads_is_judged_whole():
    scene = Scene()
    scene.play(("err", b"Error response"), 0.05, ("err", b" from daemon: x\n"))
    assert scene.relay.failure(1, EXEC) == (b"", b"Error response from daemon: x\n")


def test_logs_failing_after_the_container_s_output_is_docker_s_last_line():
    """logs has no status of the container's: a failure after output (the daemon died) is
    docker's, its message the last line (already printed: it came after the container's)."""
    scene = Scene()
    scene.play(("out", b"hello\n"), ("err", b"a line\nerror from daemon in stream: broken\n"))
    assert scene.relay.failure(1, None) == (b"", b"error from daemon in stream: broken")
    assert scene.text("out") == b"hello\n"


def test_docker_failed_for_captured_output():
    oci = b'OCI runtime exec failed: exec failed: unable to start container process: exec: "x": not found: unknown\n'
    assert docker_failed(126, EXEC, oci, b"", DOCKER_LINE.match)
    assert not docker_failed(126, EXEC, oci + b"and then the command's\n", b"", DOCKER_LINE.match)
    assert not docker_failed(1, RUN, b"", b"Error response from daemon: x\n", DOCKER_LINE.match)
    assert not docker_failed(125, RUN, b"", b"", DOCKER_LINE.match)
    assert not docker_failed(0, None, b"", b"Error: No such container: x\n", DOCKER_LINE.match)
    assert docker_failed(1, None, b"", b"Error: No such container: x\n", DOCKER_LINE.match)


@pytest.mark.parametrize("case", [c for c in recorded_errors() if c.case == "context-missing"], ids=lambda c: c.id)
def test_a_run_that_docker_cannot_start_fails_with_1(case):
    """No such context: docker fails before the command's own statuses apply, with 1 (before,
    a foreground run printed docker's line raw, as if it were the container's)."""
    scene = Scene()
    scene.play(("err", case.stderr.encode()))
    assert scene.relay.failure(1, RUN) == (b"", case.stderr.encode())
    scene = Scene()
    scene.play(("err", b"Error response from daemon: db down\n"))
    assert scene.relay.failure(1, RUN) is None  # a container's own line, and its own status


def test_a_pass_through_tells_dockers_failure_from_its_stderr_alone():
    """docker is the command (`volume rm a missing`): its stdout is data, passed at once, and a
    failure after it is still docker's one error, not printed (before: the data ended the quiet
    phase, and the message was printed raw)."""
    scene = Scene()
    scene.relay = Relay(
        scene.out_read, scene.err_read, scene._sink("out"), scene._sink("err"), DOCKER_LINE.match, data_on_stdout=True
    )
    message = b"Error response from daemon: get missing: no such volume\n"
    scene.play(("out", b"a\n"), 0.05, ("err", message))
    assert scene.text("out") == b"a\n" and scene.written[0][2] < HOLD_SECONDS  # at once
    assert scene.relay.failure(1, range(1, 256)) == (b"", message)
    assert scene.text("err") == b""
    # whatever docker writes on stderr is its own (`context "x": context not found`, which no
    # pattern of DOCKER_LINE knows); what it wrote while it went on is printed, at most HOLD_SECONDS late
    scene = Scene()
    scene.relay = Relay(
        scene.out_read, scene.err_read, scene._sink("out"), scene._sink("err"), DOCKER_LINE.match, data_on_stdout=True
    )
    scene.play(("err", b"#1 building\n"), HOLD_SECONDS + 0.3, ("err", b'context "x": context not found\n'))
    assert scene.text("err") == b"#1 building\n" and scene.written[0][2] < HOLD_SECONDS + 0.25
    assert scene.relay.failure(1, range(1, 256)) == (b"", b'context "x": context not found\n')
