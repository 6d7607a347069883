"""Typed records of the network commands and their parsers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..parse.inspect import parse_inspect
from ..parse.jsonlines import load_objects
from ..parse.labels import parse_labels
from ..parse.podman import labels_map
from ..parse.record import NOT_IN_JSON, Record, build, check_text, field_value
from ..parse.times import parse_time
from ..parse.units import parse_bool

__all__ = ["Network", "NetworkDetails", "NetworkMember", "parse_network_ls", "parse_network_inspect"]


@dataclass(frozen=True, slots=True)
class Network(Record):
    """A row of `docker network ls`."""

    id: str
    name: str
    driver: str
    scope: str
    internal: bool
    ipv6: bool
    labels: dict[str, str]
    created_at: datetime | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def _network(obj: dict[str, Any], command: str) -> Network:
    check_text(command, obj, ("ID", "Name", "Driver", "Scope"))
    return Network(
        id=obj["ID"],
        name=obj["Name"],
        driver=obj.get("Driver") or "",
        scope=obj.get("Scope") or "",
        internal=field_value(command, "Internal", parse_bool, obj.get("Internal")),
        ipv6=field_value(command, "IPv6", parse_bool, obj.get("IPv6")),
        labels=parse_labels(obj.get("Labels")),
        created_at=field_value(command, "CreatedAt", parse_time, obj.get("CreatedAt")),
        raw=obj,
    )


def _podman_network(obj: dict[str, Any], command: str) -> Network:
    """podman's network object (lowercase keys: name, id, driver, created, ipv6_enabled, ...)."""
    check_text(command, obj, ("id", "name", "driver", "created"))
    return Network(
        id=obj["id"],
        name=obj["name"],
        driver=obj.get("driver") or "",
        scope="local",  # podman's networks are all local to the machine
        internal=field_value(command, "internal", parse_bool, obj.get("internal")),
        ipv6=field_value(command, "ipv6_enabled", parse_bool, obj.get("ipv6_enabled")),
        labels=field_value(command, "labels", labels_map, obj.get("labels")),
        created_at=field_value(command, "created", parse_time, obj.get("created")),
        raw=obj,
    )


def parse_network_ls(text: str, command: str = "docker network ls") -> list[Network]:
    """docker's `network ls --format '{{json .}}'`, or podman's JSON array of network objects."""
    return [
        build(command, _podman_network if "ID" not in obj and "id" in obj else _network, obj)
        for obj in load_objects(text, command)
    ]


@dataclass(frozen=True, slots=True)
class NetworkMember(Record):
    """A container attached to a network, with its addresses there."""

    id: str
    name: str
    ipv4_address: str | None
    ipv6_address: str | None
    mac_address: str | None


@dataclass(frozen=True, slots=True)
class NetworkDetails(Record):
    """One object of `docker network inspect`: the network, its addressing and its containers."""

    id: str
    name: str
    driver: str
    scope: str
    internal: bool
    ipv6: bool
    labels: dict[str, str]
    created_at: datetime | None
    subnet: str | None
    gateway: str | None
    containers: list[NetworkMember]
    #: a Python convenience, not in the record's JSON (raw keeps Attachable)
    attachable: bool = field(default=False, metadata=NOT_IN_JSON)
    raw: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def member(self, name: str) -> NetworkMember | None:
        """The attached container of that name (or ID prefix), if any."""
        for member in self.containers:
            if member.name == name or member.id.startswith(name):
                return member
        return None


def _address(cidr: str | None) -> str | None:
    # inspect gives "172.18.0.2/16"; the subnet is on the network already.
    return cidr.split("/")[0] if cidr else None


def _details(obj: dict[str, Any], command: str) -> NetworkDetails:
    configs = (obj.get("IPAM") or {}).get("Config") or []
    ipv4 = next((c for c in configs if ":" not in (c.get("Subnet") or "")), configs[0] if configs else {})
    members = [
        NetworkMember(
            id=cid,
            name=info.get("Name") or "",
            ipv4_address=_address(info.get("IPv4Address")),
            ipv6_address=_address(info.get("IPv6Address")),
            mac_address=info.get("MacAddress") or None,
        )
        for cid, info in sorted((obj.get("Containers") or {}).items(), key=lambda kv: kv[1].get("Name") or "")
    ]
    return NetworkDetails(
        id=obj["Id"],
        name=obj["Name"],
        driver=obj.get("Driver") or "",
        scope=obj.get("Scope") or "",
        internal=field_value(command, "Internal", parse_bool, obj.get("Internal")),
        ipv6=field_value(command, "EnableIPv6", parse_bool, obj.get("EnableIPv6")),
        labels=dict(obj.get("Labels") or {}),
        created_at=field_value(command, "Created", parse_time, obj.get("Created")),
        subnet=ipv4.get("Subnet") or None,
        gateway=ipv4.get("Gateway") or None,
        containers=members,
        attachable=bool(obj.get("Attachable")),
        raw=obj,
    )


def _podman_details(obj: dict[str, Any], command: str) -> NetworkDetails:
    """podman's `network inspect`: the network object of its `network ls`, without containers."""
    network = _podman_network(obj, command)
    subnets = [s for s in (obj.get("subnets") or []) if isinstance(s, dict)]
    ipv4 = next((s for s in subnets if ":" not in (s.get("subnet") or "")), subnets[0] if subnets else {})
    return NetworkDetails(
        id=network.id,
        name=network.name,
        driver=network.driver,
        scope=network.scope,
        internal=network.internal,
        ipv6=network.ipv6,
        labels=network.labels,
        created_at=network.created_at,
        subnet=ipv4.get("subnet") or None,
        gateway=ipv4.get("gateway") or None,
        containers=[],  # podman 4 does not list them here; `container inspect` has each one's networks
        attachable=True,  # any container can join any podman network
        raw=obj,
    )


def parse_network_inspect(text: str, command: str = "docker network inspect") -> list[NetworkDetails]:
    # podman's objects have lowercase keys
    return parse_inspect(text, command, [(("Id", "Name"), _details), (("id", "name"), _podman_details)])
