"""`docker container stats` samples: Stats (memory in binary units, other bytes decimal)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
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
_PODMAN_KEYS = {
    "id": "ID",
    "name": "Name",
    "cpu_percent": "CPUPerc",
    "mem_usage": "MemUsage",
    "mem_percent": "MemPerc",
    "net_io": "NetIO",
    "block_io": "BlockIO",
    "pids": "PIDs",
}


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


# A terminal control sequence (CSI): live stats draws its frames with them, even into a pipe.
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def parse_stats(text: str, command: str = "docker container stats") -> list[Stats]:
    return [build(command, stats_row, obj) for obj in load_objects(_CONTROL.sub("", text), command)]


def parse_stats_stream(lines: Iterable[str], command: str = "docker container stats") -> Iterator[Stats]:
    """The samples of a live `docker container stats --format '{{json .}}'`, line by line as docker
    draws them (tests/fixtures/docker/*/stats-stream.txt).

    20.10 clears the screen (ESC[2J ESC[H) and draws each frame once. 28.x moves to the top
    (ESC[H) and draws each frame twice: the lines as they are, then the same lines again, each
    ending in ESC[K (erase to the end of the line), then ESC[J. Only the second drawing is read
    there, so that every sample comes once. Until a frame shows which way docker draws, its lines
    wait (in 28.x both drawings come in one write, so nothing waits long).

    podman (4.x) prints each frame as one pretty-printed JSON array over many lines, `[` to `]`,
    and draws nothing (tests/fixtures/podman/*/container-stats-stream.txt): a frame's lines are
    read together once its `]` came.
    """
    redrawn: bool | None = None
    waiting: list[str] = []
    frame: list[str] = []
    for line in lines:
        text = _CONTROL.sub("", line).strip()
        if frame or text == "[":
            frame.append(text)
            if text == "]":
                yield from (build(command, stats_row, obj) for obj in load_objects("\n".join(frame), command))
                frame.clear()
            continue
        erased = "\x1b[K" in line
        if redrawn is None:
            if erased:
                redrawn = True
                waiting.clear()
            elif "\x1b[2J" in line or (waiting and "\x1b[H" in line):
                redrawn = False
                yield from _samples(waiting, command)
                waiting.clear()
            else:
                waiting.append(line)
                continue
        if erased or not redrawn:
            yield from _samples([line], command)
    yield from _samples(waiting, command)  # (a frame cut off before its `]` is no sample)


def _samples(lines: list[str], command: str) -> Iterator[Stats]:
    for line in lines:
        text = _CONTROL.sub("", line).strip()
        if text:
            yield from (build(command, stats_row, obj) for obj in load_objects(text, command))
