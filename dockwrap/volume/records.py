"""Typed records of the volume commands and their parsers.

`volume ls` rows print what they lack as `N/A` (Size and Links outside `system df -v`, 28.x's
cluster fields Availability, Group and Status for local volumes); those are None here, and the
cluster fields stay in `raw`. Labels come joined with `,` in list output (parse_labels) and as a
map in `inspect`, in which Options is null when the volume was made without any. podman's `volume
ls` prints its `inspect` objects (a JSON array; Labels a map), read into the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from ..errors import ParseError
from ..parse.inspect import parse_inspect
from ..parse.jsonlines import load_objects
from ..parse.labels import parse_labels
from ..parse.podman import labels_map
from ..parse.record import Record, build, check_text, field_value
from ..parse.times import parse_time
from ..parse.units import parse_count, parse_size

__all__ = ["Volume", "VolumeDetails", "parse_volume_ls", "parse_volume_inspect"]


@dataclass(frozen=True, slots=True)
class Volume(Record):
    """A row of `docker volume ls` (or of the Volumes of `system df -v`, which fills size and links)."""

    #: what `-q` prints of it (it has no ID)
    quiet_key: ClassVar[str] = "name"

    name: str
    driver: str
    scope: str
    mountpoint: str | None
    labels: dict[str, str]
    size_bytes: int | None
    #: how many containers use it (`system df -v` only)
    links: int | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def volume_row(obj: dict[str, Any], command: str) -> Volume:
    # podman's `volume ls` objects are its `volume inspect` objects: Labels a map, no Size or Links
    podman = isinstance(obj.get("Labels"), dict)
    check_text(
        command, obj, ("Name", "Driver", "Scope", "Mountpoint", *(() if podman else ("Labels",)), "Size", "Links")
    )
    return Volume(
        name=obj["Name"],
        driver=obj.get("Driver") or "",
        scope=obj.get("Scope") or "",
        mountpoint=obj.get("Mountpoint") or None,
        labels=labels_map(obj["Labels"]) if podman else parse_labels(obj.get("Labels")),
        size_bytes=field_value(command, "Size", parse_size, obj.get("Size") or "N/A"),
        links=field_value(command, "Links", parse_count, obj.get("Links") or "N/A"),
        raw=obj,
    )


def parse_volume_ls(text: str, command: str = "docker volume ls") -> list[Volume]:
    return [build(command, volume_row, obj) for obj in load_objects(text, command)]


@dataclass(frozen=True, slots=True)
class VolumeDetails(Record):
    """One object of `docker volume inspect`: exact labels, the driver's options."""

    name: str
    driver: str
    scope: str
    mountpoint: str | None
    labels: dict[str, str]
    options: dict[str, str]
    created_at: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def _string_map(command: str, name: str, value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(item, str) for item in value.values()):
        raise ParseError(command, f"field {name}: not a map of strings", repr(value)[:200])
    return dict(value)


def _details(obj: dict[str, Any], command: str) -> VolumeDetails:
    check_text(command, obj, ("Name", "Driver", "Scope", "Mountpoint", "CreatedAt"))
    return VolumeDetails(
        name=obj["Name"],
        driver=obj.get("Driver") or "",
        scope=obj.get("Scope") or "",
        mountpoint=obj.get("Mountpoint") or None,
        labels=_string_map(command, "Labels", obj.get("Labels")),
        options=_string_map(command, "Options", obj.get("Options")),
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        raw=obj,
    )


def parse_volume_inspect(text: str, command: str = "docker volume inspect") -> list[VolumeDetails]:
    return parse_inspect(text, command, [(("Name",), _details)])
