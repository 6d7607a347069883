"""Published ports, from each of the three places docker shows them.

* list output (`container ls`, `service ls/ps`): `0.0.0.0:8080->80/tcp, [::]:8080->80/tcp, 7000/tcp`,
  ranges `0.0.0.0:8000-8002->8000-8002/tcp` (three mappings), IPv6 as `:::8080` before 28.0,
  services as `*:8080->80/tcp`
* `docker port NAME`: `80/tcp -> 0.0.0.0:8080` lines
* `inspect`: NetworkSettings.Ports, {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}], "7000/tcp": null}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .record import Record, constructor

__all__ = ["PortMapping", "parse_ports", "well_formed_ports", "parse_port_lines", "ports_from_inspect"]


@dataclass(frozen=True, slots=True)
class PortMapping(Record):
    """One container port and, when published, the host address it is reachable on."""

    host_ip: str | None
    host_port: int | None
    container_port: int
    protocol: str = "tcp"

    def __str__(self) -> str:
        target = f"{self.container_port}/{self.protocol}"
        if self.host_port is None:
            return target
        ip = f"[{self.host_ip}]" if self.host_ip and ":" in self.host_ip else self.host_ip
        return f"{ip}:{self.host_port}->{target}"


_mapping = constructor(PortMapping)  # PortMapping(...), faster: lists of ports make many


def _port_range(text: str) -> list[int]:
    first, sep, last = text.partition("-")
    if not sep:
        return [int(text)]
    return list(range(int(first), int(last) + 1))


def _split_target(text: str) -> tuple[list[int], str]:
    ports, sep, protocol = text.partition("/")
    return _port_range(ports), (protocol if sep else "tcp")


def _split_host(text: str) -> tuple[str | None, str]:
    ip, _, port = text.rpartition(":")
    ip = ip.strip("[]")
    return (ip or None), port


def parse_ports(text: str | None) -> list[PortMapping]:
    """The `Ports` string of list output to mappings, in docker's order. ValueError on garbage."""
    if not text:
        return []
    mappings: list[PortMapping] = []
    append = mappings.append
    for item in text.replace(", ", ",").split(","):
        # Inline, the common item of one port (published or not); _parse_item takes the rest
        # (ranges, odd forms, garbage) and defines the behaviour this must match.
        host, arrow, target = item.partition("->")
        port, slash, protocol = (target if arrow else item).partition("/")
        if not port.isdecimal():
            if item:
                mappings.extend(_parse_item(item))
            continue
        if not slash:
            protocol = "tcp"
        if not arrow:
            append(_mapping(None, None, int(port), protocol))
            continue
        ip, _, host_port = host.rpartition(":")
        if not host_port.isdecimal():
            mappings.extend(_parse_item(item))
            continue
        ip = ip.strip("[]")
        if ip == "*":  # swarm's ingress: every address of every node
            ip = "0.0.0.0"
        append(_mapping(ip or None, int(host_port), int(port), protocol))
    return mappings


# What docker prints in list output, and nothing parse_ports could fail on: single published
# ports (any address form) and unpublished ports or ranges. Published ranges are left out: their
# two sides may differ in size, which only parse_ports can tell.
_ITEM = r"(?:(?:\[[0-9A-Fa-f:.]*\]|[0-9A-Fa-f:.]*|\*):[0-9]+->[0-9]+|[0-9]+(?:-[0-9]+)?)/[a-z]+"
_WELL_FORMED = re.compile(rf"{_ITEM}(?:, {_ITEM})*")


def well_formed_ports(text: str | None) -> bool:
    """True when parse_ports(text) is certain to succeed: a check about five times cheaper than
    parsing, for records that build their ports on first read. TypeError when text is not a str."""
    return not text or _WELL_FORMED.fullmatch(text) is not None


def _parse_item(item: str) -> list[PortMapping]:
    host, arrow, target = item.partition("->")
    if not arrow:
        ports, protocol = _split_target(item)
        return [_mapping(None, None, port, protocol) for port in ports]
    ip, host_ports = _split_host(host)
    if ip == "*":
        ip = "0.0.0.0"
    container_ports, protocol = _split_target(target)
    host_list = _port_range(host_ports) if host_ports else [None] * len(container_ports)
    if len(host_list) != len(container_ports):
        raise ValueError(f"port range sizes differ in {item!r}")
    return [_mapping(ip, hp, cp, protocol) for hp, cp in zip(host_list, container_ports)]


def parse_port_lines(text: str) -> list[PortMapping]:
    """`docker port NAME` output (`80/tcp -> 0.0.0.0:8080` per line) to mappings."""
    mappings = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        target, arrow, host = line.partition(" -> ")
        if not arrow:
            raise ValueError(f"not a port line: {line!r}")
        (port,), protocol = _split_target(target)
        ip, host_port = _split_host(host)
        mappings.append(PortMapping(ip, int(host_port), port, protocol))
    return mappings


def ports_from_inspect(ports: dict[str, Any] | None) -> list[PortMapping]:
    """NetworkSettings.Ports of `inspect` to mappings (unpublished ports with host fields None)."""
    mappings = []
    for target, bindings in sorted((ports or {}).items(), key=lambda kv: _sort_key(kv[0])):
        (port,), protocol = _split_target(target)
        if not bindings:
            mappings.append(PortMapping(None, None, port, protocol))
            continue
        for binding in bindings:
            host_port = binding.get("HostPort") or None
            mappings.append(
                PortMapping(binding.get("HostIp") or None, int(host_port) if host_port else None, port, protocol)
            )
    return mappings


def _sort_key(target: str) -> tuple[int, str]:
    port, _, protocol = target.partition("/")
    return (int(port.split("-")[0]) if port[:1].isdigit() else 0, protocol)
