"""Typed records of the container commands, and the pure parsers that build them.

Each `parse_*` takes docker's output text (or decoded JSON) and the docker command it came from,
and raises ParseError naming that command and the offending field when the shape is wrong.
Fields an older docker does not print are None; fields a newer one adds stay in `raw`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..errors import ParseError
from ..parse.gostring import go_unquote
from ..parse.jsonlines import load_array, load_objects
from ..parse.labels import parse_labels
from ..parse.ports import PortMapping, parse_ports, ports_from_inspect
from ..parse.record import Record, build, check_text, constructor, field_value
from ..parse.times import parse_time
from ..parse.units import parse_container_size, parse_count, parse_percent, parse_size_pair

__all__ = [
    "Container",
    "ContainerDetails",
    "ContainerState",
    "Endpoint",
    "Process",
    "Stats",
    "PortMapping",
    "parse_container_ls",
    "parse_container_inspect",
    "parse_top",
    "parse_stats",
    "state_from_status",
]

# -- container ls ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Container(Record):
    """A row of `docker container ls`."""

    id: str
    name: str
    image: str
    command: str
    created_at: datetime | None
    state: str | None
    status: str
    ports: list[PortMapping]
    networks: list[str]
    labels: dict[str, str]
    size_bytes: int | None
    running_for: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def state_from_status(status: str) -> str | None:
    """The lifecycle state docker 17.12-19.03 do not print, read from their Status text
    (moby's State.String and State.StateString agree on every case)."""
    if status.startswith("Up "):
        return "paused" if status.endswith("(Paused)") else "running"
    if status.startswith("Restarting"):
        return "restarting"
    if status.startswith("Exited") or status == "":
        return "exited"
    return {"Created": "created", "Removal In Progress": "removing", "Dead": "dead"}.get(status)


def _first_name(names: str) -> str:
    # --no-trunc adds legacy link aliases (other/alias); the container's own name has no slash.
    for name in names.split(","):
        if "/" not in name:
            return name
    return names.split(",")[0].lstrip("/")


_new_container = constructor(Container)  # Container(...) with the fields in order, faster
_CONVERSION_ERRORS = (ValueError, TypeError, AttributeError, KeyError)  # what build() reports
_TEXT_FIELDS = ("ID", "Image", "Command", "Status", "State", "RunningFor")


def _container(obj: dict[str, Any], command: str) -> Container:
    status = obj.get("Status") or ""
    size = obj.get("Size")
    try:
        created_at = parse_time(obj.get("CreatedAt"))
        ports = parse_ports(obj.get("Ports"))
        size_bytes = parse_container_size(size)[0] if size else None
    except _CONVERSION_ERRORS:
        # field_value costs a call per field and row, so it only runs to name the failing field
        field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt"))
        field_value(command, "Ports", parse_ports, obj.get("Ports"))
        field_value(command, "Size", parse_container_size, size)
        raise
    row_id = obj["ID"]
    image = obj.get("Image") or ""
    cmd = go_unquote(obj.get("Command") or "")
    state = obj.get("State") or state_from_status(status)
    running_for = obj.get("RunningFor")
    try:
        # One C-level check that the fields kept as they are are strings; check_text says which is not.
        "".join((row_id, image, cmd, status, state or "", running_for or ""))
    except TypeError:
        check_text(command, obj, _TEXT_FIELDS)
        raise
    return _new_container(
        row_id,  # id
        _first_name(obj.get("Names") or ""),  # name
        image,  # image
        cmd,  # command
        created_at,  # created_at
        state,  # state
        status,  # status
        ports,  # ports
        [n for n in (obj.get("Networks") or "").split(",") if n],  # networks
        parse_labels(obj.get("Labels")),  # labels
        size_bytes,  # size_bytes
        running_for,  # running_for
        obj,  # raw
    )


def parse_container_ls(text: str, command: str = "docker container ls") -> list[Container]:
    """`container ls --format '{{json .}}'` (or the per-field template) output to records."""
    objects = load_objects(text, command)
    try:
        # The common case, without a wrapper call per row (a third of the time for 10,000 rows).
        return [_container(obj, command) for obj in objects]
    except (ParseError, *_CONVERSION_ERRORS):
        pass
    # Some row does not parse: again row by row, for the ParseError that says which and why.
    rows = []
    for obj in objects:
        if "ID" not in obj:
            raise ParseError(command, "a row has no ID field", repr(obj)[:200])
        rows.append(build(command, _container, obj))
    return rows


# -- container top -----------------------------------------------------------------------------

_TOP_FIELDS = {"UID": "uid", "USER": "uid", "PID": "pid", "PPID": "ppid", "C": "c", "STIME": "stime",
               "TTY": "tty", "TIME": "time", "CMD": "cmd", "COMMAND": "cmd", "ARGS": "cmd"}


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
    extra: dict[str, str] = field(default_factory=dict)
    raw: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    def to_json(self, raw: bool = False) -> dict[str, Any]:
        out = Record.to_json(self, raw)
        out.pop("extra")
        out.update(self.extra)
        return out


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
        cells = line.split(None, len(titles) - 1)
        if len(cells) != len(titles):
            raise ParseError(command, f"expected {len(titles)} columns", line)
        row = dict(zip(titles, cells))
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
        processes.append(Process(
            pid=pid, ppid=ppid, uid=known.get("uid"), c=known.get("c"), stime=known.get("stime"),
            tty=known.get("tty"), time=known.get("time"), cmd=known.get("cmd"), extra=extra, raw=row,
        ))
    return processes


# -- container stats ---------------------------------------------------------------------------


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


def stats_row(obj: dict[str, Any], command: str) -> Stats:
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
        raw=obj,
    )


def parse_stats(text: str, command: str = "docker container stats") -> list[Stats]:
    return [build(command, stats_row, obj) for obj in load_objects(_strip_ansi(text), command)]


def _strip_ansi(text: str) -> str:
    # Streaming stats clears the screen before each frame, even into a pipe on some versions.
    return text.replace("\x1b[2J", "").replace("\x1b[H", "").replace("\x1b[J", "")


# -- container inspect -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContainerState(Record):
    status: str
    running: bool
    paused: bool
    restarting: bool
    pid: int
    exit_code: int
    started_at: datetime | None
    finished_at: datetime | None
    health: str | None


@dataclass(frozen=True, slots=True)
class Endpoint(Record):
    """The container's place on one network."""

    ip_address: str | None
    aliases: list[str]
    mac_address: str | None
    gateway: str | None
    network_id: str | None


@dataclass(frozen=True, slots=True)
class ContainerDetails(Record):
    """One object of `docker container inspect` (the daemon's own JSON)."""

    id: str
    name: str
    image: str
    image_id: str
    command: list[str]
    created_at: datetime | None
    state: ContainerState
    networks: dict[str, Endpoint]
    ports: list[PortMapping]
    labels: dict[str, str]
    env: list[str]
    restart_policy: str | None
    hostname: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def ip_addresses(self) -> dict[str, str | None]:
        """Network name -> IPv4 address."""
        return {name: endpoint.ip_address for name, endpoint in self.networks.items()}


def _details(obj: dict[str, Any], command: str) -> ContainerDetails:
    state = obj.get("State") or {}
    config = obj.get("Config") or {}
    settings = obj.get("NetworkSettings") or {}
    health = state.get("Health") or {}
    networks = {
        name: Endpoint(
            ip_address=net.get("IPAddress") or None,
            aliases=list(net.get("Aliases") or []),
            mac_address=net.get("MacAddress") or None,
            gateway=net.get("Gateway") or None,
            network_id=net.get("NetworkID") or None,
        )
        for name, net in (settings.get("Networks") or {}).items()
    }
    return ContainerDetails(
        id=obj["Id"],
        name=(obj.get("Name") or "").lstrip("/"),
        image=config.get("Image") or "",
        image_id=obj.get("Image") or "",
        command=[obj["Path"], *(obj.get("Args") or [])] if obj.get("Path") else [],
        created_at=field_value(command, "Created", parse_time, obj.get("Created")),
        state=ContainerState(
            status=state.get("Status", ""),
            running=bool(state.get("Running")),
            paused=bool(state.get("Paused")),
            restarting=bool(state.get("Restarting")),
            pid=int(state.get("Pid") or 0),
            exit_code=int(state.get("ExitCode") or 0),
            started_at=field_value(command, "State.StartedAt", parse_time, state.get("StartedAt")),
            finished_at=field_value(command, "State.FinishedAt", parse_time, state.get("FinishedAt")),
            health=health.get("Status"),
        ),
        networks=networks,
        ports=field_value(command, "NetworkSettings.Ports", ports_from_inspect, settings.get("Ports")),
        labels=dict(config.get("Labels") or {}),
        env=list(config.get("Env") or []),
        restart_policy=((obj.get("HostConfig") or {}).get("RestartPolicy") or {}).get("Name") or None,
        hostname=config.get("Hostname") or None,
        raw=obj,
    )


def parse_container_inspect(text: str, command: str = "docker container inspect") -> list[ContainerDetails]:
    details = []
    for obj in load_array(text, command):
        if "Id" not in obj:
            raise ParseError(command, "an object has no Id field", repr(obj)[:200])
        details.append(build(command, _details, obj))
    return details
