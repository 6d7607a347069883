"""`docker container stats` samples: Stats (memory in binary units, other bytes decimal)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...parse.jsonlines import load_objects
from ...parse.record import Record, build, check_text, field_value
from ...parse.units import parse_count, parse_percent, parse_size_pair


@dataclass(frozen=True, slots=True)
class Stats(Record):
    """A row of `docker container stats`: memory in binary units, other bytes decimal."""

    id: str
    name: str | None
    cpu_percent: float | None
    mem_usage_bytes: int | None
    mem_limit_bytes: int | None
    mem_percent: float | None
    net_rx_bytes: int | None
    net_tx_bytes: int | None
    block_read_bytes: int | None
    block_write_bytes: int | None
    pids: int | None
    raw: dict[str, Any] = field(repr=False, compare=False)


# podman's keys for docker's (the values read the same; its sizes are all decimal)
_PODMAN_KEYS = {"id": "ID", "name": "Name", "cpu_percent": "CPUPerc", "mem_usage": "MemUsage", "mem_percent": "MemPerc",
                "net_io": "NetIO", "block_io": "BlockIO", "pids": "PIDs"}


def stats_row(raw: dict[str, Any], command: str) -> Stats:
    obj = raw if "id" not in raw else {_PODMAN_KEYS.get(key, key): value for key, value in raw.items()}
    check_text(command, obj, ("ID", "Name"))
    mem_usage, mem_limit = field_value(command, "MemUsage", parse_size_pair, obj.get("MemUsage", "--"))
    net_rx, net_tx = field_value(command, "NetIO", parse_size_pair, obj.get("NetIO", "--"))
    block_read, block_write = field_value(command, "BlockIO", parse_size_pair, obj.get("BlockIO", "--"))
    name = obj.get("Name")
    return Stats(
        id=field_value(command, "ID", str, obj["ID"]) if "ID" in obj else "",
        name=None if name in (None, "--") else name,
        cpu_percent=field_value(command, "CPUPerc", parse_percent, obj.get("CPUPerc", "--")),
        mem_usage_bytes=mem_usage,
        mem_limit_bytes=mem_limit,
        mem_percent=field_value(command, "MemPerc", parse_percent, obj.get("MemPerc", "--")),
        net_rx_bytes=net_rx,
        net_tx_bytes=net_tx,
        block_read_bytes=block_read,
        block_write_bytes=block_write,
        pids=field_value(command, "PIDs", parse_count, obj.get("PIDs", "--")),
        raw=raw,
    )


def parse_stats(text: str, command: str = "docker container stats") -> list[Stats]:
    return [build(command, stats_row, obj) for obj in load_objects(_strip_ansi(text), command)]


def _strip_ansi(text: str) -> str:
    # Streaming stats clears the screen before each frame, even into a pipe on some versions.
    return text.replace("\x1b[2J", "").replace("\x1b[H", "").replace("\x1b[J", "")
