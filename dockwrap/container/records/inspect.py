"""`docker container inspect` objects: ContainerDetails, with its state and one Endpoint per network."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...parse.inspect import parse_inspect
from ...parse.ports import PortMapping, ports_from_inspect
from ...parse.record import Record, field_value
from ...parse.times import parse_time


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
    process = [obj["Path"], *(obj.get("Args") or [])] if obj.get("Path") else []
    if "ImageName" in obj and not config.get("Entrypoint") and config.get("Cmd"):
        # podman: Args repeats a one-word command (Path "true", Args ["true"]); without an
        # entrypoint the command is Cmd
        process = list(config["Cmd"])
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
        command=process,
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
            health=health.get("Status") or None,  # podman: "" without a health check
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
    return parse_inspect(text, command, [(("Id",), _details)])
