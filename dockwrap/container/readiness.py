"""Waiting until a container is ready: `Docker().container.wait_for` (and `dockwrap wait-for`).

The conditions, any of them together, each met once and in any order: running, healthy, exited
(with a given status), a line of its logs since its start that matches a pattern, its published
port taking a connection from this machine, an HTTP status from that port.

How (each the fastest mechanism measured for its condition):
* one `docker system events` process for the container's start, die, health_status and destroy,
  from a second before the wait began: nothing that happens between its start and the inspect is
  lost, and what the inspect saw already is told apart by the daemon's own times;
* one `docker container inspect` for the state, health check, ports and start time, and one
  more after each start while ports or logs are waited for;
* `docker container logs --follow --since <its start>` only for a log pattern (after each start);
* the port and HTTP from this machine, every POLL_SECONDS while it runs (dockwrap.container.probes).
It fails at once (NotReady) when the container is removed, when it stopped and docker will not
start it again while something is still waited for, or when `healthy` is asked of a container
without a health check. Every docker process it started has ended when it returns or raises.
"""

from __future__ import annotations

import math
import queue
import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ..args import seconds, text
from ..errors import NotReady, UsageError, WaitTimeout
from .records.readiness import Readiness
from .wanted import Wanted

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import Runner
    from .records.inspect import ContainerDetails

__all__ = ["Wanted", "wait_for", "POLL_SECONDS"]

#: `ContainerCommands.inspect`: one inspect call for a container, by name or ID
Inspect = Callable[[str], Sequence["ContainerDetails"]]

#: how often the port and HTTP are tried while the container runs
POLL_SECONDS = 0.1
# events from this long before the wait began (this machine's clock and the engine's may differ a little)
_SINCE_MARGIN = 1.0
# how long a stopped reader's thread may take to end (docker gets SIGTERM, then SIGKILL after 1 s)
_JOIN_SECONDS = 5.0
# how long before its recorded start a run's first log lines may be stamped (see _log_since)
_LOG_MARGIN = 1.0
# the container's events waited on, as docker names them and as podman 4 does (its filter takes only its own words)
_EVENTS = ("start", "die", "health_status", "destroy")
_PODMAN_EVENTS = ("start", "died", "health_status", "remove")
_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$")


def _nanos(stamp: str | None) -> int:
    """Docker's RFC 3339 time to nanoseconds since the epoch (0 for none: `0001-01-01...`)."""
    from datetime import datetime

    match = _TIME.match(stamp or "")
    if not match or stamp.startswith("0001-"):  # type: ignore[union-attr]
        return 0
    day, fraction, zone = match.groups()
    moment = datetime.fromisoformat(day + ("+00:00" if zone == "Z" else zone))
    return int(moment.timestamp()) * 1_000_000_000 + int(((fraction or "") + "000000000")[:9])


def _log_since(started: int, finished: int) -> str:
    """`logs --since` for the lines of the run that started at STARTED (ns): docker stamps its first
    lines up to a few ms before the StartedAt it records (measured: 4 of 5 `echo` lines), so from
    _LOG_MARGIN before it, but never before the previous run's end (FINISHED, when it came before)."""
    since = started - int(_LOG_MARGIN * 1e9)
    if 0 < finished < started:
        since = max(since, finished)
    return f"{since // 1_000_000_000}.{since % 1_000_000_000:09d}"


class _Reader:
    """One docker stream (events, logs -f), read by a thread of its own into the waiter's inbox."""

    def __init__(
        self, runner: Runner, argv: list[str], inbox: queue.Queue[tuple[_Reader, Any]], **options: Any
    ) -> None:
        from ..children import Stopper

        self.stopper = Stopper()
        self._thread = threading.Thread(
            target=self._read, args=(runner, argv, inbox, options), daemon=True, name="dockwrap-wait-for"
        )
        self._thread.start()

    def _read(self, runner: Runner, argv: list[str], inbox: queue.Queue[tuple[_Reader, Any]], options: Any) -> None:
        try:
            for line in runner.stream(argv, stopper=self.stopper, **options):
                inbox.put((self, line))
        except BaseException as exc:  # noqa: BLE001 - the waiting thread raises it
            inbox.put((self, exc))
        inbox.put((self, None))

    def stop(self) -> None:
        self.stopper.stop()
        self._thread.join(_JOIN_SECONDS)


def wait_for(inspect: Inspect, runner: Runner, name: str, wanted: Wanted, timeout: float | None) -> Readiness:
    """See ContainerCommands.wait_for."""
    name = text(name, "name", empty=False)
    limit = math.inf if timeout is None else seconds(timeout, "timeout")
    waiter = _Waiter(inspect, runner, name, wanted)
    if runner.dry_run:
        waiter.show_plan()
        return waiter.seen()
    return waiter.run(limit)


class _Waiter:
    def __init__(self, inspect: Inspect, runner: Runner, name: str, wanted: Wanted) -> None:
        self.inspect, self.runner, self.name, self.wanted = inspect, runner, name, wanted
        self.inbox: queue.Queue[tuple[_Reader, Any]] = queue.Queue()
        self.events: _Reader | None = None
        self.logs: _Reader | None = None
        self.started = time.monotonic()
        self.id = ""
        self.state = "unknown"
        self.health: str | None = None
        self.exit_code: int | None = None
        self.running = self.restarting = self.has_health = self.gone = False
        self.restart_policy: str | None = None
        self.version = self.health_version = 0  # the daemon's times (ns) of what was seen last
        self.start_time: str | None = None
        self.log_since: str | None = None
        self.ports: list[Any] = []
        self.met: set[str] = set()
        self.log_line: str | None = None
        self.address: str | None = None
        self.port_detail: str | None = None
        self.http_status: int | None = None
        self.next_try = 0.0

    # -- the loop ---------------------------------------------------------------------------------

    def run(self, limit: float) -> Readiness:
        deadline = self.started + limit
        self.events = self._stream(
            "system events",
            (),
            {
                "since": f"{time.time() - _SINCE_MARGIN:.3f}",
                "filters": [
                    "type=container",
                    f"container={self.name}",
                    *(f"event={e}" for e in (_PODMAN_EVENTS if self.runner.is_podman else _EVENTS)),
                ],
            },
            json=True,
        )
        try:
            self._take(self.inspect(self.name)[0])
            while True:
                self._try_port()
                seen = self.seen()
                if seen.ready:
                    return seen
                self._fail_fast(seen)
                now = time.monotonic()
                if now >= deadline:
                    seen = self._drained()  # what came with the deadline counts (a last log line)
                    if seen.ready:
                        return seen
                    raise WaitTimeout(limit, seen)
                due = self.next_try if self._trying() else math.inf
                wait = min(deadline, due, now + 3600) - now
                try:
                    reader, item = self.inbox.get(timeout=max(wait, 0.0))
                except queue.Empty:
                    continue
                self._handle(reader, item)
        finally:
            readers = [reader for reader in (self.logs, self.events) if reader is not None]
            for reader in readers:  # all signalled first: each may take a moment to end
                reader.stopper.stop()
            for reader in readers:
                reader.stop()

    def _drained(self) -> Readiness:
        """What was seen once everything already in the inbox is taken in."""
        while True:
            try:
                reader, item = self.inbox.get_nowait()
            except queue.Empty:
                return self.seen()
            self._handle(reader, item)

    def _stream(self, path: str, operands: tuple[str, ...], keywords: dict[str, object], json: bool = False) -> _Reader:
        from ..verbs import command_line, find_command

        line = command_line(find_command(path), operands, keywords)
        if json:
            line = line.formatted("{{json .}}", "wait_for")
            if self.runner.is_podman:
                line = line.spelled("events")  # podman has `events` alone (`podman system events` is no command)
            return _Reader(self.runner, line.argv, self.inbox)
        return _Reader(self.runner, line.argv, self.inbox, merge_stderr=True, docker_statuses=None)

    def _handle(self, reader: _Reader, item: Any) -> None:
        if reader.stopper.stopped:
            return  # what a stopped reader said as it went
        if isinstance(item, BaseException):
            raise item
        if item is None:  # its docker ended: logs -f does when the container stops
            if reader is self.logs:
                self.logs = None
            elif reader is self.events:  # (not by itself: started again, from a second ago)
                self.events = self._stream(
                    "system events",
                    (),
                    {"since": f"{time.time() - _SINCE_MARGIN:.3f}", "filters": [f"container={self.id}"]},
                    json=True,
                )
            return
        if reader is self.events:
            self._event(item)
        else:
            self._log_line(item.rstrip("\r\n"))

    # -- what was seen ------------------------------------------------------------------------------

    def _take(self, details: ContainerDetails) -> None:
        """The state an inspect saw."""
        state, raw = details.state, details.raw.get("State") or {}
        self.id, self.state = details.id, state.status
        self.running, self.restarting = state.running and not state.paused and not state.restarting, state.restarting
        self.exit_code = state.exit_code if state.status in ("exited", "dead") else None
        self.health, self.restart_policy, self.ports = state.health, details.restart_policy, details.ports
        test = ((details.raw.get("Config") or {}).get("Healthcheck") or {}).get("Test") or []
        self.has_health = state.health is not None or bool(test and test[0] != "NONE")
        started, finished = _nanos(raw.get("StartedAt")), _nanos(raw.get("FinishedAt"))
        self.version = max(self.version, started, finished)
        self.start_time = raw.get("StartedAt") if started else None
        checks = (raw.get("Health") or {}).get("Log") or []
        self.health_version = max(self.health_version, _nanos(checks[-1].get("End")) if checks else 0)
        self._note()
        if self.wanted.log and "log" not in self.met and self.start_time and self.start_time != self.log_since:
            if self.logs is not None:
                self.logs.stop()
            self.log_since = self.start_time
            since = _log_since(started, finished)
            self.logs = self._stream("container logs", (self.id,), {"follow": True, "since": since})

    def _event(self, line: str) -> None:
        from ..parse.jsonlines import load_object
        from ..system.records.events import event_from_object

        event = event_from_object(load_object(line, "docker system events"))
        if event.actor_id != self.id:  # container=NAME also matches names that start with NAME
            return
        action = event.base_action
        if action in ("destroy", "remove"):
            self.gone, self.state, self.running = True, "removed", False
        elif action == "health_status":
            if event.time_nano > self.health_version:
                self.health_version = event.time_nano
                self.health = event.action.partition(":")[2].strip() or self.health
        elif event.time_nano > self.version:  # newer than what was seen: a start or a die
            self.version = event.time_nano
            if action == "start":
                self.state, self.running, self.exit_code = "running", True, None
                if {"log", "port", "http"} & set(self.wanted.names):
                    self._take(self.inspect(self.id)[0])  # its ports and start time now
            else:
                self.state, self.running, self.exit_code = "exited", False, event.exit_code
        self._note()

    def _note(self) -> None:
        """Latch the conditions met by the state just seen."""
        wanted = self.wanted
        if self.running:
            self.met.add("running")
        if self.health == "healthy":
            self.met.add("healthy")
        if wanted.exited and self.state in ("exited", "dead") and wanted.status in (None, self.exit_code):
            self.met.add("exited")

    def _log_line(self, line: str) -> None:
        if "log" in self.met:
            return
        self.log_line = line
        if self.wanted.log and self.wanted.log.search(line):
            self.met.add("log")
            if self.logs is not None:
                self.logs.stop()
                self.logs = None

    def _trying(self) -> bool:
        return self.running and bool({"port", "http"} & (set(self.wanted.names) - self.met))

    def _try_port(self) -> None:
        from .probes import http_answer, port_answers

        if not self._trying() or time.monotonic() < self.next_try:
            return
        host, port = self._published()
        self.address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        if self.wanted.port and "port" not in self.met:
            answers, self.port_detail = port_answers(host, port)
            if answers:
                self.met.add("port")
        if self.wanted.http and "http" not in self.met:
            self.http_status, detail = http_answer(f"http://{self.address}{self.wanted.http}")
            if self.http_status is None:
                self.port_detail = detail
            if self.http_status == self.wanted.http_status:
                self.met.add("http")
        self.next_try = time.monotonic() + POLL_SECONDS

    def _published(self) -> tuple[str, int]:
        """Where this machine reaches the container's port (the one asked for, or its only one)."""
        tcp = [p for p in self.ports if p.protocol == "tcp" and p.host_port]
        private = sorted({p.container_port for p in tcp})
        if self.wanted.port is None and len(private) > 1:
            raise UsageError(
                f"{self.name} publishes ports {', '.join(map(str, private))}: name the one to try (port=, --port)"
            )
        chosen = [p for p in tcp if p.container_port == (self.wanted.port or (private or [0])[0])]
        if not chosen:
            what = f"port {self.wanted.port}/tcp" if self.wanted.port else "TCP port"
            raise NotReady(f"{self.name} publishes no {what} (docker container port {self.name})", self.seen())
        chosen.sort(key=lambda p: (":" in (p.host_ip or ""), p.host_ip not in ("0.0.0.0", "127.0.0.1", "")))
        return self._reach(chosen[0].host_ip or "0.0.0.0"), int(chosen[0].host_port)

    def _reach(self, host_ip: str) -> str:
        """The address of a published port from here: the engine's host for 0.0.0.0 when it is remote."""
        if host_ip not in ("0.0.0.0", "::"):
            return host_ip
        if self.runner.is_local is False and self.runner.host:
            from urllib.parse import urlsplit

            return urlsplit(self.runner.host).hostname or "127.0.0.1"
        return "127.0.0.1" if host_ip == "0.0.0.0" else "::1"

    def _fail_fast(self, seen: Readiness) -> None:
        waiting = ", ".join(seen.waiting_for)
        if self.gone:
            raise NotReady(f"{self.name} was removed while waiting for {waiting}", seen)
        if "healthy" in seen.waiting_for and self.state != "unknown" and not self.has_health:
            raise NotReady(f"{self.name} has no health check to wait for (docker run --health-cmd ...)", seen)
        if self.state not in ("exited", "dead") or self.logs is not None or self._restarts():
            return  # (its logs are read to their end first: the line may be there)
        if seen.waiting_for == ["exited"]:
            raise NotReady(f"{self.name} exited with status {self.exit_code}, not {self.wanted.status}", seen)
        raise NotReady(f"{self.name} exited with status {self.exit_code} while waiting for {waiting}", seen)

    def _restarts(self) -> bool:
        """Whether docker will start it again (its restart policy)."""
        policy = self.restart_policy or "no"
        return (
            self.restarting
            or policy in ("always", "unless-stopped")
            or (policy == "on-failure" and self.exit_code not in (0, None))
        )

    def seen(self) -> Readiness:
        waiting = [name for name in self.wanted.names if name not in self.met]
        return Readiness(
            container=self.name,
            id=self.id,
            state=self.state,
            health=self.health,
            exit_code=self.exit_code,
            log_line=self.log_line,
            address=self.address,
            port_detail=self.port_detail,
            http_status=self.http_status,
            met=[name for name in self.wanted.names if name in self.met],
            waiting_for=waiting,
            seconds=round(time.monotonic() - self.started, 3),
        )

    def show_plan(self) -> None:
        """Under --dry-run: what it would wait for, as a comment of the script."""
        print(
            f"# then wait until {self.name} is ready: {self.wanted.describe()} (dockwrap watches docker events, "
            "inspect and logs, and tries ports from this machine)",
            flush=True,
        )
