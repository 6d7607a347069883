"""`docker system events --format '{{json .}}'`: one object per line, as the daemon sent it.

    {"status":"die","id":"8834...","from":"busybox:latest","Type":"container","Action":"die",
     "Actor":{"ID":"8834...","Attributes":{"exitCode":"0","image":"busybox:latest","name":"web"}},
     "scope":"local","time":1796101300,"timeNano":1796101300212887794}

`status`, `id` and `from` are the pre-1.22 form, kept by the daemon for container and image
events only (network events have none). Some actions carry a detail after `: `
(`health_status: healthy`, `exec_start: sh -c true`), printed as the daemon got it, trailing
blank included. `time` is seconds, `timeNano` the same instant in nanoseconds.

podman 4.3 (`podman events`: it has no `system events`) prints objects of its own, read into the
same records (`_podman_event`):

    {"ContainerExitCode":3,"ID":"9c31...","Image":"localhost/busybox:latest","Name":"web",
     "Status":"died","Time":"2026-12-02T00:59:07.658499303Z","Type":"container",
     "Attributes":{"dockwrap.fixture":"1"}}
"""

from __future__ import annotations

import re
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
    return build(command, _podman_event if _is_podman(obj) else _event, obj)


def _is_podman(obj: dict[str, Any]) -> bool:
    return "Status" in obj and "Time" in obj and "Action" not in obj


_NANOS = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$")


def _podman_when(value: Any, command: str) -> tuple[datetime, int]:
    """podman's `Time` (RFC 3339 with nanoseconds) as (the datetime, nanoseconds since the epoch)."""
    match = _NANOS.match(value) if isinstance(value, str) else None
    if match is None:
        raise ParseError(command, "field Time: not an RFC 3339 time", repr(value)[:200])
    whole, fraction, zone = match.groups()
    seconds = datetime.fromisoformat(whole + ("+00:00" if zone == "Z" else zone))
    nanos = int((seconds - _EPOCH).total_seconds()) * 1_000_000_000 + int((fraction or "0").ljust(9, "0"))
    return _EPOCH + timedelta(microseconds=nanos // 1000), nanos


def _podman_event(obj: dict[str, Any], command: str) -> Event:
    """podman's event (`ID`, `Name`, `Image`, `Status`, `Time`, `Type`, `Attributes`: the labels,
    `ContainerExitCode` on a container's `died`) in docker's terms: the name, the image and the
    exit status among the attributes, as docker gives them; the action in podman's words (`died`
    where docker says `die`); no scope, no pre-1.22 fields."""
    check_text(command, obj, ("ID", "Name", "Image", "Status", "Type"))
    attributes = obj.get("Attributes") or {}
    if not isinstance(attributes, dict) or not all(isinstance(value, str) for value in attributes.values()):
        raise ParseError(command, "field Attributes: not a map of strings", repr(attributes)[:200])
    attributes = dict(attributes)
    for key, name in (("Name", "name"), ("Image", "image")):
        if obj.get(key):
            attributes[name] = obj[key]
    code = obj.get("ContainerExitCode")
    if code is not None:
        if isinstance(code, bool) or not isinstance(code, int):
            raise ParseError(command, "field ContainerExitCode: not a number", repr(code)[:200])
        attributes["exitCode"] = str(code)
    if not obj.get("Status"):
        raise ParseError(command, "an event with no Status", repr(obj)[:200])
    when, nanos = _podman_when(obj.get("Time"), command)
    return Event(
        type=obj.get("Type") or None,
        action=obj["Status"],
        actor_id=obj.get("ID") or "",
        attributes=attributes,
        scope=None,
        time=when,
        time_nano=nanos,
        status=None,
        id=None,
        from_=None,
        raw=obj,
    )


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
    return [build(command, _podman_event if _is_podman(obj) else _event, obj) for obj in load_objects(text, command)]
