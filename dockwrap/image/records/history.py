"""`docker image history --format '{{json .}}'` rows: HistoryRow.

podman 4.3 prints its own objects (a JSON array): `id` (in full, `<missing>` as docker's),
`created` (RFC 3339), `CreatedBy` (absent when empty), `size` (bytes), `comment`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...parse.jsonlines import load_objects
from ...parse.record import Record, build, check_text, field_value
from ...parse.times import parse_time
from ...parse.units import parse_size


@dataclass(frozen=True, slots=True)
class HistoryRow(Record):
    """One step of an image's history, newest first. `id` is None for the steps whose image is
    not here (`<missing>`: every step but the last of a pulled image)."""

    id: str | None
    created_at: datetime | None
    created_by: str
    size_bytes: int | None
    comment: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def _bytes(text: str) -> int | None:
    # `--human=false` prints the byte count itself; otherwise go-units' decimal sizes.
    return int(text) if text.isdigit() else parse_size(text)


def _row(obj: dict[str, Any], command: str) -> HistoryRow:
    check_text(command, obj, ("ID", "CreatedAt", "CreatedBy", "Size", "Comment"))
    row_id = obj["ID"]
    return HistoryRow(
        id=None if row_id == "<missing>" else row_id,
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        created_by=obj.get("CreatedBy") or "",
        size_bytes=field_value(command, "Size", _bytes, obj.get("Size", "")),
        comment=obj.get("Comment") or None,
        raw=obj,
    )


def _size(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"not a number of bytes: {value!r}")
    return value


def _podman_row(obj: dict[str, Any], command: str) -> HistoryRow:
    check_text(command, obj, ("id", "created", "CreatedBy", "comment"))
    row_id = obj["id"]
    return HistoryRow(
        id=None if row_id == "<missing>" else row_id,
        created_at=field_value(command, "created", parse_time, obj.get("created")),
        created_by=obj.get("CreatedBy") or "",
        size_bytes=field_value(command, "size", _size, obj.get("size")),
        comment=obj.get("comment") or None,
        raw=obj,
    )


def parse_image_history(text: str, command: str = "docker image history") -> list[HistoryRow]:
    return [
        build(command, _podman_row if "id" in obj and "ID" not in obj else _row, obj)
        for obj in load_objects(text, command)
    ]
