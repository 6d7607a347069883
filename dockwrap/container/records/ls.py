"""`docker container ls` rows: Container, and the state older dockers leave out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...errors import ParseError
from ...parse.gostring import go_unquote
from ...parse.jsonlines import load_objects
from ...parse.labels import parse_labels
from ...parse.ports import PortMapping, parse_ports
from ...parse.record import Record, build, check_text, constructor, field_value
from ...parse.times import parse_time
from ...parse.units import parse_container_size


@dataclass(frozen=True, slots=True)
class Container(Record):
    """A row of `docker container ls`."""

    id: str
    name: str
    image: str
    command: str
    created_at: datetime | None
    state: str | None
    status: str
    ports: list[PortMapping]
    networks: list[str]
    labels: dict[str, str]
    size_bytes: int | None
    running_for: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def state_from_status(status: str) -> str | None:
    """The lifecycle state docker 17.12-19.03 do not print, read from their Status text
    (moby's State.String and State.StateString agree on every case)."""
    if status.startswith("Up "):
        return "paused" if status.endswith("(Paused)") else "running"
    if status.startswith("Restarting"):
        return "restarting"
    if status.startswith("Exited") or status == "":
        return "exited"
    return {"Created": "created", "Removal In Progress": "removing", "Dead": "dead"}.get(status)


def _first_name(names: str) -> str:
    # --no-trunc adds legacy link aliases (other/alias); the container's own name has no slash.
    for name in names.split(","):
        if "/" not in name:
            return name
    return names.split(",")[0].lstrip("/")


_new_container = constructor(Container)  # Container(...) with the fields in order, faster
_CONVERSION_ERRORS = (ValueError, TypeError, AttributeError, KeyError)  # what build() reports
_TEXT_FIELDS = ("ID", "Image", "Command", "Status", "State", "RunningFor")


def _container(obj: dict[str, Any], command: str) -> Container:
    status = obj.get("Status") or ""
    size = obj.get("Size")
    try:
        created_at = parse_time(obj.get("CreatedAt"))
        ports = parse_ports(obj.get("Ports"))
        size_bytes = parse_container_size(size)[0] if size else None
    except _CONVERSION_ERRORS:
        # field_value costs a call per field and row, so it only runs to name the failing field
        field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt"))
        field_value(command, "Ports", parse_ports, obj.get("Ports"))
        field_value(command, "Size", parse_container_size, size)
        raise
    row_id = obj["ID"]
    image = obj.get("Image") or ""
    cmd = go_unquote(obj.get("Command") or "")
    state = obj.get("State") or state_from_status(status)
    running_for = obj.get("RunningFor")
    try:
        # One C-level check that the fields kept as they are are strings; check_text says which is not.
        "".join((row_id, image, cmd, status, state or "", running_for or ""))
    except TypeError:
        check_text(command, obj, _TEXT_FIELDS)
        raise
    return _new_container(
        row_id,  # id
        _first_name(obj.get("Names") or ""),  # name
        image,  # image
        cmd,  # command
        created_at,  # created_at
        state,  # state
        status,  # status
        ports,  # ports
        [n for n in (obj.get("Networks") or "").split(",") if n],  # networks
        parse_labels(obj.get("Labels")),  # labels
        size_bytes,  # size_bytes
        running_for,  # running_for
        obj,  # raw
    )


def parse_container_ls(text: str, command: str = "docker container ls") -> list[Container]:
    """`container ls --format '{{json .}}'` (or the per-field template) output to records."""
    objects = load_objects(text, command)
    try:
        # The common case, without a wrapper call per row (a third of the time for 10,000 rows).
        return [_container(obj, command) for obj in objects]
    except (ParseError, *_CONVERSION_ERRORS):
        pass
    # Some row does not parse: again row by row, for the ParseError that says which and why.
    rows = []
    for obj in objects:
        if "ID" not in obj:
            raise ParseError(command, "a row has no ID field", repr(obj)[:200])
        rows.append(build(command, _container, obj))
    return rows
