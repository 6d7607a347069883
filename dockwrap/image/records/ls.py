"""`docker image ls` rows: Image."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...parse.jsonlines import load_objects
from ...parse.record import Record, build, check_text, field_value
from ...parse.times import parse_time
from ...parse.units import parse_size


def _none(value: str | None) -> str | None:
    return None if value in (None, "", "<none>") else value


@dataclass(frozen=True, slots=True)
class Image(Record):
    """A row of `docker image ls` (one per repository:tag, so an ID may repeat)."""

    id: str
    repository: str | None
    tag: str | None
    digest: str | None
    created_at: datetime | None
    size_bytes: int | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def reference(self) -> str:
        """`repository:tag`, or the ID for an untagged image."""
        if self.repository and self.tag:
            return f"{self.repository}:{self.tag}"
        return self.repository or self.id


def _image(obj: dict[str, Any], command: str) -> Image:
    check_text(command, obj, ("ID", "Repository", "Tag", "Digest"))
    return Image(
        id=obj["ID"],
        repository=_none(obj.get("Repository")),
        tag=_none(obj.get("Tag")),
        digest=_none(obj.get("Digest")),
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        size_bytes=field_value(command, "Size", parse_size, obj.get("Size", "")),
        raw=obj,
    )


#: one row object to an Image: `system df -v` lists its images as `image ls` does
image_row = _image


def parse_image_ls(text: str, command: str = "docker image ls") -> list[Image]:
    return [build(command, _image, obj) for obj in load_objects(text, command)]
