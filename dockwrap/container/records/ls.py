"""`docker container ls` rows: Container, and the state older dockers leave out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...errors import ParseError
from ...parse.gostring import go_unquote
from ...parse.jsonlines import load_objects
from ...parse.labels import parse_labels
from ...parse.ports import PortMapping, parse_ports, well_formed_ports
from ...parse.record import Record, build, check_text, constructor, deferred, field_value, slot_setter
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


def _ports_of(row: Container) -> list[PortMapping]:
    return parse_ports(row.raw.get("Ports"))


def _labels_of(row: Container) -> dict[str, str]:
    return parse_labels(row.raw.get("Labels"))


# Ports and labels are most of the cost of a row (a quarter of a million PortMapping objects for
# 10,000 containers with ten mappings each) and many callers never read them: the parser checks
# the ports text is well formed and the fields build themselves from `raw` on first read.
deferred(Container, "ports", _ports_of)
deferred(Container, "labels", _labels_of)
_new_container = constructor(Container, omit=("ports", "labels"))  # Container(...) in field order, faster
_set_ports = slot_setter(Container, "ports")
_CONVERSION_ERRORS = (ValueError, TypeError, AttributeError, KeyError)  # what build() reports
_TEXT_FIELDS = ("ID", "Image", "Command", "Status", "State", "RunningFor", "Ports", "Labels")


def _container(obj: dict[str, Any], command: str) -> Container:
    status = obj.get("Status") or ""
    size = obj.get("Size")
    row_id = obj["ID"]
    image = obj.get("Image") or ""
    cmd = obj.get("Command") or ""
    state = obj.get("State")
    running_for = obj.get("RunningFor")
    ports_text = obj.get("Ports")
    try:
        # One C-level check that the text fields are strings; check_text says which is not.
        "".join((row_id, image, cmd, status, state or "", running_for or "", ports_text or "",
                 obj.get("Labels") or ""))
    except TypeError:
        check_text(command, obj, _TEXT_FIELDS)
        raise
    try:
        created_at = parse_time(obj.get("CreatedAt"))
        # Odd forms (published ranges) are parsed now, so that a bad one fails here, not on first read.
        ports = None if well_formed_ports(ports_text) else parse_ports(ports_text)
        size_bytes = parse_container_size(size)[0] if size else None
    except _CONVERSION_ERRORS:
        # field_value costs a call per field and row, so it only runs to name the failing field
        field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt"))
        field_value(command, "Ports", parse_ports, ports_text)
        field_value(command, "Size", parse_container_size, size)
        raise
    row = _new_container(
        row_id,  # id
        _first_name(obj.get("Names") or ""),  # name
        image,  # image
        go_unquote(cmd),  # command
        created_at,  # created_at
        state or state_from_status(status),  # state
        status,  # status
        [n for n in (obj.get("Networks") or "").split(",") if n],  # networks
        size_bytes,  # size_bytes
        running_for,  # running_for
        obj,  # raw
    )
    if ports is not None:
        _set_ports(row, ports)
    return row


#: one row object to a Container: `system df -v` lists its containers as `container ls` does
container_row = _container


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
