"""What `wait_for` is asked to wait for (`Docker().container.wait_for`, `dockwrap wait-for`):
the conditions, checked before any docker call."""

from __future__ import annotations

import re

from ..args import flag, text, whole
from ..errors import UsageError
from .records.readiness import CONDITIONS

__all__ = ["Wanted"]


class Wanted:
    """The conditions asked for, checked (UsageError, ArgumentTypeError). None asked: running."""

    __slots__ = ("running", "healthy", "exited", "status", "log", "port", "http", "http_status")

    def __init__(
        self,
        *,
        running: bool = False,
        healthy: bool = False,
        exited: bool = False,
        status: int | None = None,
        log: str | re.Pattern[str] | None = None,
        port: int | str | None = None,
        http: str | None = None,
        http_status: int = 200,
    ) -> None:
        self.running, self.healthy, self.exited = (
            flag(running, "running"),
            flag(healthy, "healthy"),
            flag(exited, "exited"),
        )
        self.status = None if status is None else whole(status, "status")
        if self.status is not None and not self.exited:
            raise UsageError("status is the exit status to wait for: it goes with exited=True")
        self.log = _pattern(log)
        self.port = None if port is None else _port(port)
        self.http = None if http is None else "/" + text(http, "http").lstrip("/")
        self.http_status = whole(http_status, "http_status", minimum=100)
        if not self.names:
            self.running = True

    @property
    def names(self) -> list[str]:
        return [name for name in CONDITIONS if getattr(self, name) not in (None, False)]

    def describe(self) -> str:
        words = {
            "exited": "exited" + ("" if self.status is None else f" with status {self.status}"),
            "log": f"log /{self.log.pattern if self.log else ''}/",
            "port": f"port {self.port}",
            "http": f"HTTP {self.http_status} from {self.http}",
        }
        return ", ".join(words.get(name, name) for name in self.names)


def _pattern(log: object) -> re.Pattern[str] | None:
    if log is None or isinstance(log, re.Pattern):
        return log
    try:
        return re.compile(text(log, "log", empty=False))
    except re.error as exc:
        raise UsageError(f"log is not a regular expression: {exc}") from None


def _port(port: object) -> int:
    if isinstance(port, str):
        digits, _, protocol = port.partition("/")
        if protocol not in ("", "tcp"):
            raise UsageError(f"port: only a TCP port can take a connection, not {port!r}")
        if not digits.isdigit():
            raise UsageError(f"port must be a port number (80, 80/tcp), not {port!r}")
        port = int(digits)
    number = whole(port, "port", minimum=1)
    if number > 65535:
        raise UsageError(f"port must be 1-65535, not {number}")
    return number
