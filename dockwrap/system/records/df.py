"""`docker system df` as a record: what images, containers, volumes and build cache take.

* `system df --format '{{json .}}'`: one object per kind, every value a string:
  `{"Active":"2","Reclaimable":"2kB (33%)","Size":"6kB","TotalCount":"3","Type":"Containers"}`
  (Type: Images, Containers, Local Volumes, Build Cache; build cache and volumes may lack the
  percentage);
* `system df -v --format '{{json .}}'`: one object of four lists, {"Images": [...],
  "Containers": [...], "Volumes": [...], "BuildCache": [...]}, whose rows are those of `image ls`,
  `container ls` and `volume ls` (with Size and Links filled), and the build cache's own. The
  totals of the table form (`Build cache usage: 3kB`) are not in it: they are the sums.
Sizes are decimal (`1.988MB`), so the bytes are exact only to docker's three or four digits.

podman 4.3's `system df --format '{{json .}}'` rows hold numbers (`{"Type":"Images","Total":1,
"Active":0,"Size":2019080,"Reclaimable":2019080}`, exact bytes, no share) and no Build Cache row:
its build_cache totals are zeros with an empty `raw`. Its `system df -v` prints its tables whatever
the format (not read here).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from ...container.records.ls import Container, container_row
from ...errors import ParseError
from ...image.records.ls import Image, image_row
from ...parse.jsonlines import load_object, load_objects
from ...parse.record import Record, build, check_text, field_value
from ...parse.times import parse_time
from ...parse.units import parse_bool, parse_count, parse_size
from ...volume.records import Volume, volume_row

__all__ = ["DiskUsage", "DiskUsageRows", "UsageTotals", "ImageUsage", "BuildCacheEntry", "parse_df", "parse_df_verbose"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class UsageTotals(Record):
    """One line of `system df`: how many of a kind, how many in use, their size, what prune could free."""

    total: int
    active: int
    size_bytes: int
    reclaimable_bytes: int
    #: the share docker prints beside it (`2kB (33%)`), when it does
    reclaimable_percent: float | None
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class DiskUsage(Record):
    """`system df`: the totals of each kind."""

    images: UsageTotals
    containers: UsageTotals
    volumes: UsageTotals
    build_cache: UsageTotals


@dataclass(frozen=True, slots=True)
class ImageUsage(Record):
    """An image in `system df -v`: the `image ls` row, and how much of it is its own."""

    image: Image
    shared_size_bytes: int | None
    unique_size_bytes: int | None
    #: how many containers use it
    containers: int | None


@dataclass(frozen=True, slots=True)
class BuildCacheEntry(Record):
    """A BuildKit cache record in `system df -v`."""

    id: str
    type: str
    description: str
    size_bytes: int | None
    created_at: datetime | None
    last_used_at: datetime | None
    usage_count: int | None
    in_use: bool
    shared: bool
    raw: dict[str, Any] = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class DiskUsageRows(Record):
    """`system df -v`: every image, container, volume and build cache record, with its size."""

    images: list[ImageUsage]
    containers: list[Container]
    volumes: list[Volume]
    build_cache: list[BuildCacheEntry]


_KINDS = {"Images": "images", "Containers": "containers", "Local Volumes": "volumes", "Build Cache": "build_cache"}


def _reclaimable(text: str) -> tuple[int | None, float | None]:
    """`2kB (33%)` -> (2000, 33.0); `3.054kB` -> (3054, None)."""
    size, sep, share = text.partition(" (")
    percent = float(share.rstrip(")").rstrip("%")) if sep else None
    return parse_size(size), percent


def _number(value: Any) -> int:
    count = parse_count(value)
    if count is None:
        raise ValueError(f"not a number: {value!r}")
    return count


def _bytes(value: Any) -> int:
    size = parse_size(value)
    if size is None:
        raise ValueError(f"not a size: {value!r}")
    return size


def _totals(obj: dict[str, Any], command: str) -> UsageTotals:
    check_text(command, obj, ("TotalCount", "Active", "Size", "Reclaimable"))
    reclaimable, percent = field_value(command, "Reclaimable", _reclaimable, obj.get("Reclaimable"))
    return UsageTotals(
        total=field_value(command, "TotalCount", _number, obj.get("TotalCount")),
        active=field_value(command, "Active", _number, obj.get("Active")),
        size_bytes=field_value(command, "Size", _bytes, obj.get("Size")),
        reclaimable_bytes=reclaimable or 0,
        reclaimable_percent=percent,
        raw=obj,
    )


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"not a whole number: {value!r}")
    return value


def _podman_totals(obj: dict[str, Any], command: str) -> UsageTotals:
    """podman's row: `Total`, `Active`, `Size` and `Reclaimable` as numbers (bytes), no share."""
    return UsageTotals(
        total=field_value(command, "Total", _whole, obj.get("Total")),
        active=field_value(command, "Active", _whole, obj.get("Active")),
        size_bytes=field_value(command, "Size", _whole, obj.get("Size")),
        reclaimable_bytes=field_value(command, "Reclaimable", _whole, obj.get("Reclaimable")),
        reclaimable_percent=None,
        raw=obj,
    )


def parse_df(text: str, command: str = "docker system df") -> DiskUsage:
    found: dict[str, UsageTotals] = {}
    podman = False
    for obj in load_objects(text, command):
        kind = _KINDS.get(str(obj.get("Type")))
        if kind is None:
            raise ParseError(command, "a row of no known Type", repr(obj)[:200])
        podman = "Total" in obj and "TotalCount" not in obj
        found[kind] = build(command, _podman_totals if podman else _totals, obj)
    if podman and "build_cache" not in found:
        # podman has no build cache of docker's (buildah's layers are images): none of it
        found["build_cache"] = UsageTotals(0, 0, 0, 0, None, {})
    missing = [name for name in _KINDS.values() if name not in found]
    if missing:
        raise ParseError(command, f"no row for {', '.join(missing)}", text.strip()[:200])
    return DiskUsage(**found)


def _image_usage(obj: dict[str, Any], command: str) -> ImageUsage:
    check_text(command, obj, ("SharedSize", "UniqueSize", "Containers"))
    return ImageUsage(
        image=image_row(obj, command),
        shared_size_bytes=field_value(command, "SharedSize", parse_size, obj.get("SharedSize") or "N/A"),
        unique_size_bytes=field_value(command, "UniqueSize", parse_size, obj.get("UniqueSize") or "N/A"),
        containers=field_value(command, "Containers", parse_count, obj.get("Containers") or "N/A"),
    )


def _cache_entry(obj: dict[str, Any], command: str) -> BuildCacheEntry:
    check_text(command, obj, ("ID", "CacheType", "Description", "Size", "CreatedAt", "LastUsedAt", "UsageCount"))
    return BuildCacheEntry(
        id=obj["ID"],
        type=obj.get("CacheType") or "",
        description=obj.get("Description") or "",
        size_bytes=field_value(command, "Size", parse_size, obj.get("Size") or "N/A"),
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        last_used_at=field_value(command, "LastUsedAt", parse_time, obj.get("LastUsedAt")),
        usage_count=field_value(command, "UsageCount", parse_count, obj.get("UsageCount") or "N/A"),
        in_use=field_value(command, "InUse", parse_bool, obj.get("InUse")),
        shared=field_value(command, "Shared", parse_bool, obj.get("Shared")),
        raw=obj,
    )


def parse_df_verbose(text: str, command: str = "docker system df -v") -> DiskUsageRows:
    obj = load_object(text, command)
    if not {"Images", "Containers", "Volumes"} <= obj.keys():
        raise ParseError(command, "not one object of Images, Containers and Volumes", text.strip()[:200])

    def rows(key: str, make: Callable[[Any, str], T]) -> list[T]:
        items = obj.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            raise ParseError(command, f"field {key}: not a list", repr(items)[:200])
        return [build(command, make, item) for item in items]

    return DiskUsageRows(
        images=rows("Images", _image_usage),
        containers=rows("Containers", container_row),
        volumes=rows("Volumes", volume_row),
        build_cache=rows("BuildCache", _cache_entry),
    )
