"""The typed record of `docker node ls` and its parser.

`node ls` Self is a JSON boolean; EngineVersion exists from 18.03 on (None before).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..parse.jsonlines import load_objects
from ..parse.record import Record, build, field_value
from ..parse.units import parse_bool

__all__ = ["Node", "parse_node_ls"]


@dataclass(frozen=True, slots=True)
class Node(Record):
    """A row of `docker node ls`."""

    id: str
    hostname: str
    status: str
    availability: str
    manager_status: str | None
    engine_version: str | None
    self: bool
    raw: dict[str, Any] = field(repr=False, compare=False)


def _node(obj: dict[str, Any], command: str) -> Node:
    return Node(
        id=obj["ID"],
        hostname=obj.get("Hostname") or "",
        status=obj.get("Status") or "",
        availability=obj.get("Availability") or "",
        manager_status=obj.get("ManagerStatus") or None,
        engine_version=obj.get("EngineVersion") or None,
        self=field_value(command, "Self", parse_bool, obj.get("Self")),
        raw=obj,
    )


def parse_node_ls(text: str, command: str = "docker node ls") -> list[Node]:
    return [build(command, _node, obj) for obj in load_objects(text, command)]
