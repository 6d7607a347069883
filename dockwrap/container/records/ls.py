"""`docker container ls` rows: Container, and the state older dockers leave out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...errors import ParseError
from ...parse.gostring import go_unquote
from ...parse.jsonlines import load_objects
from ...parse.labels import parse_labels
from ...parse.podman import epoch_time, labels_map, podman_ports
from ...parse.ports import PortMapping, parse_ports, well_formed_ports
from ...parse.record import PENDING, Record, build, check_text, deferred, field_value
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
    return _OTHER_STATES.get(status)


# podman prints a paused container's Status as just "Paused"
_OTHER_STATES = {"Created": "created", "Removal In Progress": "removing", "Dead": "dead", "Paused": "paused"}


def _first_name(names: str) -> str:
    # --no-trunc adds legacy link aliases (other/alias); the container's own name has no slash.
    for name in names.split(","):
        if "/" not in name:
            return name
    return names.split(",")[0].lstrip("/")


def _ports_of(row: Container) -> list[PortMapping]:
    ports = row.raw.get("Ports")
    return podman_ports(ports) if isinstance(ports, list) else parse_ports(ports)


def _labels_of(row: Container) -> dict[str, str]:
    labels = row.raw.get("Labels")
    # podman prints Labels as a JSON object, in its JSON and in a template alike
    return dict(labels) if isinstance(labels, dict) else parse_labels(labels)


# Ports and labels are most of the cost of a row (a quarter of a million PortMapping objects for
# 10,000 containers with ten mappings each) and many callers never read them: the parser checks
# the ports text is well formed and the fields build themselves from `raw` on first read (the
# parse target needs it: see parse.record.deferred).
deferred(Container, "ports", _ports_of)
deferred(Container, "labels", _labels_of)
_CONVERSION_ERRORS = (ValueError, TypeError, AttributeError, KeyError)  # what build() reports
_TEXT_FIELDS = ("ID", "Image", "Command", "Status", "State", "RunningFor", "Ports", "Labels")
_TEXT_FIELDS_BUT_LABELS = _TEXT_FIELDS[:-1]


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
        "".join((row_id, image, cmd, status, state or "", running_for or "", ports_text or "", obj.get("Labels") or ""))
    except TypeError:
        # podman's Labels are a JSON object of strings; any other field that is not text is an error
        labels = obj.get("Labels")
        check_text(command, obj, _TEXT_FIELDS_BUT_LABELS if isinstance(labels, dict) else _TEXT_FIELDS)
        field_value(command, "Labels", labels_map, labels)
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
    return Container(
        id=row_id,
        name=_first_name(obj.get("Names") or ""),
        image=image,
        command=go_unquote(cmd),
        created_at=created_at,
        state=state or state_from_status(status),
        status=status,
        ports=PENDING if ports is None else ports,
        networks=[n for n in (obj.get("Networks") or "").split(",") if n],
        labels=PENDING,
        size_bytes=size_bytes,
        running_for=running_for,
        raw=obj,
    )


#: one row object to a Container: `system df -v` lists its containers as `container ls` does
container_row = _container


def _podman_container(obj: dict[str, Any], command: str) -> Container:
    """A row of podman's own `{{json .}}` (see parse.podman)."""
    check_text(command, obj, ("Id", "Image", "State", "Status", "CreatedAt"))
    size = obj.get("Size")
    ports = obj.get("Ports")
    field_value(command, "Labels", labels_map, obj.get("Labels"))  # checked now, read on first use
    return Container(
        id=obj["Id"],
        name=(obj.get("Names") or [""])[0],
        image=obj.get("Image") or "",
        command=" ".join(obj.get("Command") or []),
        created_at=field_value(command, "Created", epoch_time, obj.get("Created")),
        state=obj.get("State") or state_from_status(obj.get("Status") or ""),
        status=obj.get("Status") or "",
        ports=field_value(command, "Ports", podman_ports, ports),
        networks=list(obj.get("Networks") or []),
        labels=PENDING,
        size_bytes=field_value(command, "Size", lambda s: s["rwSize"], size) if size else None,
        running_for=obj.get("CreatedAt"),  # podman's JSON CreatedAt is "3 seconds ago"
        raw=obj,
    )


def parse_container_ls(text: str, command: str = "docker container ls") -> list[Container]:
    """`container ls --format '{{json .}}'` (or the per-field template) output to records; also
    podman's (its JSON array with `Id`, or the per-field template with a Labels object)."""
    objects = load_objects(text, command)
    try:
        # The common case, without a wrapper call per row (a third of the time for 10,000 rows).
        return [_container(obj, command) for obj in objects]
    except (ParseError, *_CONVERSION_ERRORS):
        pass
    # Some row does not parse: again row by row, for the ParseError that says which and why.
    rows = []
    for obj in objects:
        if "ID" in obj:
            rows.append(build(command, _container, obj))
        elif "Id" in obj:
            rows.append(build(command, _podman_container, obj))
        else:
            raise ParseError(command, "a row has no ID field", repr(obj)[:200])
    return rows
