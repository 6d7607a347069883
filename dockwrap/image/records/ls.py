"""`docker image ls` rows: Image."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...errors import ParseError
from ...parse.jsonlines import load_objects
from ...parse.podman import epoch_time, split_reference
from ...parse.record import Record, build, check_text, field_value
from ...parse.times import parse_time
from ...parse.units import parse_size

__all__ = ["Image", "parse_image_ls"]


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


def _podman_images(obj: dict[str, Any], command: str) -> list[Image]:
    """One of podman's image objects: one Image per name in `Names` (repository:tag, as docker
    lists them), or one without a name."""
    check_text(command, obj, ("Id", "Digest"))
    names = obj.get("Names") or [None]
    created_at = field_value(command, "Created", epoch_time, obj.get("Created"))
    size = obj.get("Size")
    if size is not None and (isinstance(size, bool) or not isinstance(size, int)):
        raise ParseError(command, "field Size: not a number of bytes", repr(size))
    images = []
    for name in names:
        repository, tag = split_reference(name) if isinstance(name, str) else (None, None)
        images.append(
            Image(
                id=obj["Id"],
                repository=repository,
                tag=tag,
                digest=_none(obj.get("Digest")),
                created_at=created_at,
                size_bytes=size,
                raw=obj,
            )
        )
    return images


def parse_image_ls(text: str, command: str = "docker image ls") -> list[Image]:
    """docker's `image ls --format '{{json .}}'`; or podman's JSON array, which prints an image
    object once for each of its tags, with all its names each time: read once per image ID."""
    objects = load_objects(text, command)
    if not any("ID" not in obj and "Id" in obj for obj in objects):
        return [build(command, _image, obj) for obj in objects]
    images: list[Image] = []
    seen: set[str] = set()
    for obj in objects:
        if "ID" in obj:
            images.append(build(command, _image, obj))
        elif str(obj.get("Id")) not in seen:
            seen.add(str(obj.get("Id")))
            images += build(command, _podman_images, obj)
    return images
