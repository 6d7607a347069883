"""What podman (4.x, as `--docker podman`) prints differently from docker, read into docker's terms.

podman's `--format '{{json .}}'` is its own JSON, not docker's formatter: one JSON array of
objects (parse.jsonlines reads both), `Id` rather than `ID`, `Names`/`Networks`/`Command` as lists,
`Labels` as a JSON object, times as epoch seconds, `Ports` as a list of objects with a `range`,
lowercase keys for networks and stats, and image names with a `localhost/` registry. The records
modules recognise podman's objects by those keys and build the same records from them; `raw`
keeps what podman printed.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from .ports import PortMapping

__all__ = ["epoch_time", "podman_ports", "split_reference", "labels_map"]


def epoch_time(value: Any) -> datetime | None:
    """podman's epoch seconds (`1796101244`) to a UTC datetime; 0 or less (Go's zero time is
    -62135596800) means never."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"not epoch seconds: {value!r}")
    if value <= 0:
        return None
    return datetime.fromtimestamp(value, timezone.utc)


def podman_ports(items: Any) -> list[PortMapping]:
    """podman's `Ports` list ([{"host_ip", "container_port", "host_port", "range", "protocol"}]) to
    mappings, a range of N giving N consecutive ports on both sides, as docker lists them."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise TypeError(f"Ports is not a list: {items!r}")
    mappings = []
    for item in items:
        container_port = item["container_port"]
        host_port = item.get("host_port") or None
        count = item.get("range") or 1
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (container_port, host_port or 0, count)):
            raise TypeError(f"a port is not a number: {item!r}")
        for offset in range(count):
            mappings.append(
                PortMapping(
                    item.get("host_ip") or None,
                    host_port + offset if host_port else None,
                    container_port + offset,
                    item.get("protocol") or "tcp",
                )
            )
    return mappings


def labels_map(value: Any) -> dict[str, str]:
    """podman's `Labels` JSON object (or null) as a dict of strings."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise TypeError(f"Labels is not an object of strings: {value!r}")
    return dict(value)


def split_reference(name: str) -> tuple[str, str | None]:
    """`localhost/busybox:latest` -> ("localhost/busybox", "latest"); a registry port is not a tag
    (`localhost:5000/x` -> ("localhost:5000/x", None)); a digest reference keeps its digest in the
    repository part (`x@sha256:...` -> ("x@sha256:...", None))."""
    if "@" in name:
        return name, None
    repository, sep, tag = name.rpartition(":")
    if not sep or "/" in tag:
        return name, None
    return repository, tag
