"""Typed records of the service commands (`service ls`, `service ps`, `service inspect`) and their
parsers.

What the list output looks like (docker/cli formatters, the same in every client 17.12 to 28.x
apart from what is noted; see tests/fixtures/docker/*/service-*.txt):
* `service ls` Replicas: `2/2`, `1/2 (max 1 per node)`, `0/1 (1/1 completed)` (jobs, 20.10+),
  `0/0 (1/1 completed)` (global job); global services print running/nodes, which is not a count
  anybody asked for, so their `replicas_desired` is None. Ports lists only ingress-published
  ports, as `*:8080->80/tcp`.
* `service ps` Error is wrapped in literal double quotes (`"\\"task: non-zero exit (7)\\""`) and
  truncated with `…` unless --no-trunc; Node is "" while a task waits for one; older tasks of a
  slot carry the same Name as the current one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..parse.inspect import parse_inspect
from ..parse.jsonlines import load_objects
from ..parse.ports import PortMapping, parse_ports
from ..parse.record import Record, build, field_value
from ..parse.times import parse_time

__all__ = [
    "Service",
    "Replicas",
    "Task",
    "ServiceDetails",
    "parse_replicas",
    "parse_service_ls",
    "parse_service_ps",
    "parse_service_inspect",
]

_REPLICAS = re.compile(r"^(\d+)/(\d+)(?: \((?:max (\d+) per node|(\d+)/(\d+) completed)\))?$")


@dataclass(frozen=True, slots=True)
class Replicas:
    """The Replicas column of `service ls`, taken apart."""

    running: int
    desired: int
    max_per_node: int | None = None
    completed: int | None = None
    total_completions: int | None = None


def parse_replicas(text: str) -> Replicas:
    """`2/2`, `1/2 (max 1 per node)`, `0/1 (1/1 completed)`. ValueError otherwise."""
    match = _REPLICAS.match(text.strip())
    if not match:
        raise ValueError(f"not a replicas count: {text!r}")
    running, desired, per_node, done, total = match.groups()
    return Replicas(
        int(running),
        int(desired),
        int(per_node) if per_node else None,
        int(done) if done else None,
        int(total) if total else None,
    )


def _is_global(mode: str) -> bool:
    return mode.startswith("global")


@dataclass(frozen=True, slots=True)
class Service(Record):
    """A row of `docker service ls`."""

    id: str
    name: str
    mode: str
    replicas_running: int
    replicas_desired: int | None
    image: str
    ports: list[PortMapping]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def replicas(self) -> Replicas | None:
        """All of docker's Replicas column (per-node limit, job completions)."""
        text = self.raw.get("Replicas")
        return parse_replicas(text) if text else None

    @property
    def converged(self) -> bool:
        """Whether the service is where it should be: every task running, or a job's
        tasks all completed."""
        replicas = self.replicas
        if replicas is None:
            return False
        if replicas.total_completions is not None:
            return replicas.completed == replicas.total_completions
        return replicas.running == replicas.desired


def _service(obj: dict[str, Any], command: str) -> Service:
    mode = obj.get("Mode") or ""
    text = obj.get("Replicas") or ""
    # An empty Replicas (a client that could not count the tasks) is "unknown", not an error.
    replicas = field_value(command, "Replicas", parse_replicas, text) if text else None
    return Service(
        id=obj["ID"],
        name=obj["Name"],
        mode=mode,
        replicas_running=replicas.running if replicas else 0,
        replicas_desired=None if (replicas is None or _is_global(mode)) else replicas.desired,
        image=obj.get("Image") or "",
        ports=field_value(command, "Ports", parse_ports, obj.get("Ports")),
        raw=obj,
    )


def parse_service_ls(text: str, command: str = "docker service ls") -> list[Service]:
    return [build(command, _service, obj) for obj in load_objects(text, command)]


@dataclass(frozen=True, slots=True)
class Task(Record):
    """A row of `docker service ps`: one task (a container of a service, past or present)."""

    id: str
    name: str
    image: str
    node: str | None
    desired_state: str
    current_state: str
    error: str | None
    ports: list[PortMapping]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def state(self) -> str:
        """The task's state alone, lower-case: `running`, `failed`, `pending`, `complete`..."""
        return self.current_state.split(" ", 1)[0].lower()

    @property
    def service(self) -> str:
        """The service's name (the Name is `service.slot` or `service.node-id`)."""
        return self.name.rpartition(".")[0] or self.name


def _unquote_error(text: str | None) -> str | None:
    # docker prints the task error as "\"...\"": the quotes are its own, not the message's.
    if not text:
        return None
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    return text or None


def _unique(mappings: list[PortMapping]) -> list[PortMapping]:
    # A host-mode port is listed once per address family, and both print as `*:P->T/tcp`.
    seen: list[PortMapping] = []
    for mapping in mappings:
        if mapping not in seen:
            seen.append(mapping)
    return seen


def _task(obj: dict[str, Any], command: str) -> Task:
    return Task(
        id=obj["ID"],
        name=obj.get("Name") or "",
        image=obj.get("Image") or "",
        node=obj.get("Node") or None,
        desired_state=obj.get("DesiredState") or "",
        current_state=obj.get("CurrentState") or "",
        error=_unquote_error(obj.get("Error")),
        ports=_unique(field_value(command, "Ports", parse_ports, obj.get("Ports"))),
        raw=obj,
    )


def parse_service_ps(text: str, command: str = "docker service ps") -> list[Task]:
    return [build(command, _task, obj) for obj in load_objects(text, command)]


@dataclass(frozen=True, slots=True)
class ServiceDetails(Record):
    """One object of `docker service inspect`: the service's spec and its endpoint."""

    id: str
    name: str
    image: str
    mode: str
    replicas: int | None
    command: list[str]
    env: list[str]
    labels: dict[str, str]
    networks: list[str]
    endpoint_mode: str
    virtual_ips: list[str]
    ports: list[PortMapping]
    created_at: datetime | None
    updated_at: datetime | None
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


# Spec.Mode's key to the words `service ls` uses for it.
_MODES = {"Replicated": "replicated", "Global": "global", "ReplicatedJob": "replicated job", "GlobalJob": "global job"}


def _mode(spec_mode: dict[str, Any]) -> tuple[str, int | None]:
    for key, words in _MODES.items():
        if key in spec_mode:
            body = spec_mode[key] or {}
            # a job's count is the completions it wants; a global service has none of its own
            count = body.get("Replicas") if key == "Replicated" else body.get("TotalCompletions")
            return words, (int(count) if count is not None and not words.startswith("global") else None)
    return "", None


def _endpoint_ports(ports: list[dict[str, Any]] | None) -> list[PortMapping]:
    return [
        PortMapping(
            "0.0.0.0" if p.get("PublishedPort") else None,
            p.get("PublishedPort") or None,
            int(p["TargetPort"]),
            p.get("Protocol") or "tcp",
        )
        for p in ports or []
    ]


def _details(obj: dict[str, Any], command: str) -> ServiceDetails:
    spec = obj.get("Spec") or {}
    template = spec.get("TaskTemplate") or {}
    container = template.get("ContainerSpec") or {}
    endpoint = obj.get("Endpoint") or {}
    endpoint_spec = spec.get("EndpointSpec") or endpoint.get("Spec") or {}
    mode, replicas = _mode(spec.get("Mode") or {})
    # Networks moved from Spec to the task template in API 1.25; read both.
    networks = template.get("Networks") or spec.get("Networks") or []
    return ServiceDetails(
        id=obj["ID"],
        name=spec.get("Name") or "",
        image=container.get("Image") or "",
        mode=mode,
        replicas=replicas,
        command=list(container.get("Command") or []) + list(container.get("Args") or []),
        env=list(container.get("Env") or []),
        labels=dict(spec.get("Labels") or {}),
        networks=[n.get("Target") or "" for n in networks],
        endpoint_mode=endpoint_spec.get("Mode") or "vip",
        virtual_ips=[(v.get("Addr") or "").split("/")[0] for v in endpoint.get("VirtualIPs") or [] if v.get("Addr")],
        ports=_endpoint_ports(endpoint.get("Ports") or endpoint_spec.get("Ports")),
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        updated_at=field_value(command, "UpdatedAt", parse_time, obj.get("UpdatedAt")),
        raw=obj,
    )


def parse_service_inspect(text: str, command: str = "docker service inspect") -> list[ServiceDetails]:
    return parse_inspect(text, command, [(("ID", "Spec"), _details)])
