"""`docker container top` rows: Process (host PIDs), read off the aligned text docker prints."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from ...errors import ParseError
from ...parse.record import JSON_SPREAD, Record, field_value

_TOP_FIELDS = {
    "UID": "uid",
    "USER": "uid",
    "PID": "pid",
    "PPID": "ppid",
    "C": "c",
    "STIME": "stime",
    "TTY": "tty",
    "TIME": "time",
    "CMD": "cmd",
    "COMMAND": "cmd",
    "ARGS": "cmd",
}


@dataclass(frozen=True, slots=True)
class Process(Record):
    """A row of `docker container top`: a process of the container, with its host PID."""

    uid: str | None
    pid: int
    ppid: int | None
    c: str | None
    stime: str | None
    tty: str | None
    time: str | None
    cmd: str | None
    #: other ps columns, under their lower-cased header names
    extra: dict[str, str] = field(default_factory=dict, metadata=JSON_SPREAD)
    raw: dict[str, str] = field(default_factory=dict, repr=False, compare=False)


def parse_top(text: str, command: str = "docker container top") -> list[Process]:
    """`docker top` text: aligned columns; only the last column may contain spaces."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return []
    titles = lines[0].split()
    if "PID" not in titles:
        raise ParseError(command, "no PID column in the header", lines[0])
    processes = []
    for line in lines[1:]:
        # (podman ends each row with a space)
        cells = line.rstrip().split(None, len(titles) - 1)
        if len(cells) != len(titles):
            raise ParseError(command, f"expected {len(titles)} columns", line)
        row = dict(zip(titles, cells, strict=True))
        known: dict[str, Any] = {}
        extra: dict[str, str] = {}
        for title, value in row.items():
            name = _TOP_FIELDS.get(title)
            if name and name not in known:
                known[name] = value
            else:
                extra[title.lower()] = value
        pid = field_value(command, "PID", int, known.get("pid"))
        ppid = field_value(command, "PPID", int, known["ppid"]) if "ppid" in known else None
        processes.append(
            Process(
                pid=pid,
                ppid=ppid,
                uid=known.get("uid"),
                c=known.get("c"),
                stime=known.get("stime"),
                tty=known.get("tty"),
                time=known.get("time"),
                cmd=known.get("cmd"),
                extra=extra,
                raw=row,
            )
        )
    return processes


#: what `podman top` is asked for so that it says what `docker top` says: podman's default columns
#: (and `-o`, run by the container's own ps) give the container's PIDs; its `hpid` descriptor
#: gives the host's
PODMAN_HOST_DESCRIPTORS = ("hpid", "pid", "ppid", "user", "args")


def host_pids(processes: list[Process], command: str = "podman container top") -> list[Process]:
    """Rows of `podman top NAME hpid pid ppid user args` as docker's: `pid` the host PID, `ppid`
    the host PID of the parent (None for the container's first process, whose parent, conmon,
    is not in the container), the container's own PID as `extra["container_pid"]`."""
    host = {}
    for process in processes:
        host[process.pid] = field_value(command, "HPID", int, process.extra.get("hpid"))
    rows = []
    for process in processes:
        extra = {k: v for k, v in process.extra.items() if k != "hpid"}
        extra["container_pid"] = str(process.pid)
        rows.append(
            dataclasses.replace(
                process, pid=host[process.pid], ppid=host.get(process.ppid) if process.ppid else None, extra=extra
            )
        )
    return rows
