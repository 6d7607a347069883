"""What `wait_for` saw of a container: its state, health, exit status, the log line, the port
and the HTTP answer, which of the conditions asked for were met and which were not (yet)."""

from __future__ import annotations

from dataclasses import dataclass

from ...parse.record import Record

__all__ = ["Readiness", "CONDITIONS"]

#: the conditions `wait_for` knows, in the order they are reported
CONDITIONS = ("running", "healthy", "exited", "log", "port", "http")


@dataclass(frozen=True, slots=True)
class Readiness(Record):
    """A container as `wait_for` last saw it."""

    #: the name (or ID) it was asked for
    container: str
    id: str
    #: docker's word for its state: created, running, paused, restarting, exited, dead; removed
    state: str
    #: starting, healthy or unhealthy; None without a health check
    health: str | None
    exit_code: int | None
    #: the log line that matched (with `log`), else the last line read
    log_line: str | None
    #: host:port the published port was tried at, from this machine
    address: str | None
    #: what trying it last gave: `answers`, or why not (`accepted and closed at once`, `refused`)
    port_detail: str | None
    http_status: int | None
    #: the conditions asked for that were met, and those that were not
    met: list[str]
    waiting_for: list[str]
    seconds: float

    @property
    def ready(self) -> bool:
        return not self.waiting_for

    @property
    def summary(self) -> str:
        """One line: `running, healthy, log 'ready', 127.0.0.1:8080 answers, HTTP 200`."""
        parts = [
            self.state if self.exit_code is None or self.state == "running" else f"{self.state} ({self.exit_code})"
        ]
        if self.health:
            parts.append(self.health)
        if self.log_line is not None:
            line = self.log_line if len(self.log_line) <= 80 else self.log_line[:79] + "…"
            parts.append(f"log {line!r}")
        if self.address:
            parts.append(f"{self.address} {self.port_detail or 'not tried'}")
        if self.http_status is not None:
            parts.append(f"HTTP {self.http_status}")
        return ", ".join(parts)
