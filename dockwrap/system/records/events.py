"""`docker system events --format '{{json .}}'`: one object per line, as the daemon sent it.

    {"status":"die","id":"8834...","from":"busybox:latest","Type":"container","Action":"die",
     "Actor":{"ID":"8834...","Attributes":{"exitCode":"0","image":"busybox:latest","name":"web"}},
     "scope":"local","time":1796101300,"timeNano":1796101300212887794}

`status`, `id` and `from` are the pre-1.22 form, kept by the daemon for container and image
events only (network events have none). Some actions carry a detail after `: `
(`health_status: healthy`, `exec_start: sh -c true`), printed as the daemon got it, trailing
blank included. `time` is seconds, `timeNano` the same instant in nanoseconds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from ...errors import ParseError
from ...parse.jsonlines import load_objects
from ...parse.record import Record, build, check_text, json_key

__all__ = ["Event", "parse_events", "event_from_object"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class Event(Record):
    """Something that happened to an object of the engine."""

    #: container, image, volume, network, ... (None only in the pre-1.22 form)
    type: str | None
    action: str
    actor_id: str
    attributes: dict[str, str]
    scope: str | None
    #: when, to the microsecond (Python's limit); time_nano keeps the nanoseconds
    time: datetime
    time_nano: int
    status: str | None
    id: str | None
    from_: str | None = field(metadata=json_key("from"))
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def base_action(self) -> str:
        """The action without its detail: `health_status: healthy` -> `health_status`."""
        return self.action.partition(": ")[0]

    @property
    def name(self) -> str | None:
        """The name of the object the event is about (its `name` attribute), if it has one."""
        return self.attributes.get("name")

    @property
    def exit_code(self) -> int | None:
        """The exit status of a container's `die` (or an exec's `exec_die`)."""
        code = self.attributes.get("exitCode")
        return int(code) if code is not None and code.lstrip("-").isdigit() else None


def _when(obj: dict[str, Any], command: str) -> tuple[datetime, int]:
    nanos = obj.get("timeNano")
    if nanos is None:
        nanos = obj.get("time")
        if isinstance(nanos, int) and not isinstance(nanos, bool):
            nanos *= 1_000_000_000
    if not isinstance(nanos, int) or isinstance(nanos, bool) or nanos < 0:
        raise ParseError(command, "field timeNano: not a time in nanoseconds", repr(obj.get("timeNano"))[:200])
    seconds, rest = divmod(nanos, 1_000_000_000)
    return _EPOCH + timedelta(seconds=seconds, microseconds=rest // 1000), nanos


def event_from_object(obj: dict[str, Any], command: str = "docker system events") -> Event:
    """One decoded line (for a stream read line by line)."""
    return build(command, _event, obj)


def _event(obj: dict[str, Any], command: str) -> Event:
    check_text(command, obj, ("Type", "Action", "scope", "status", "id", "from"))
    actor = obj.get("Actor") or {}
    attributes = actor.get("Attributes") or {}
    if not isinstance(attributes, dict) or not all(isinstance(value, str) for value in attributes.values()):
        raise ParseError(command, "field Actor.Attributes: not a map of strings", repr(attributes)[:200])
    # The old form alone (very old daemons): status is the action, id the actor
    action = obj.get("Action") or obj.get("status")
    if not action:
        raise ParseError(command, "an event with no Action", repr(obj)[:200])
    when, nanos = _when(obj, command)
    return Event(
        type=obj.get("Type") or None,
        action=action,
        actor_id=actor.get("ID") or obj.get("id") or "",
        attributes=dict(attributes),
        scope=obj.get("scope") or None,
        time=when,
        time_nano=nanos,
        status=obj.get("status"),
        id=obj.get("id"),
        from_=obj.get("from"),
        raw=obj,
    )


def parse_events(text: str, command: str = "docker system events") -> list[Event]:
    return [build(command, _event, obj) for obj in load_objects(text, command)]
