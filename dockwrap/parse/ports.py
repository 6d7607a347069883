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

from .record import Record

__all__ = [
    "PortMapping",
    "parse_ports",
    "well_formed_ports",
    "parse_port_lines",
    "ports_from_inspect",
    "PublishSpec",
    "parse_publish",
    "parse_service_publish",
]


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


_mapping = PortMapping


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
    return [_mapping(ip, hp, cp, protocol) for hp, cp in zip(host_list, container_ports, strict=True)]


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


@dataclass(frozen=True, slots=True)
class PublishSpec(Record):
    """One `--publish` value as docker reads it before creating anything.

    `host_ip` None: every interface of the host (0.0.0.0 and ::). `host_ports` None: docker
    picks a free port; a range with one container port is where docker picks from. `mode` is a
    service's (`ingress`: every swarm node; `host`: the node that runs the task), None for a
    container.
    """

    host_ip: str | None
    host_ports: tuple[int, int] | None
    container_ports: tuple[int, int]
    protocol: str = "tcp"
    mode: str | None = None

    def __str__(self) -> str:
        target = f"{_span(self.container_ports)}/{self.protocol}"
        if self.mode is not None:
            where = "every swarm node" if self.mode == "ingress" else "the node running each task"
            port = (
                "a free port" if not self.host_ports or self.host_ports == (0, 0) else f"port {_span(self.host_ports)}"
            )
            return f"{port} of {where} -> {target} in each task"
        if self.host_ports is None:
            port = "a free host port"
        elif self.host_ports[0] != self.host_ports[1] and self.container_ports[0] == self.container_ports[1]:
            port = f"a free host port in {_span(self.host_ports)}"
        else:
            port = f"host port {_span(self.host_ports)}"
        where = "every interface (0.0.0.0 and ::)" if self.host_ip is None else self.host_ip
        return f"{port} on {where} -> container port {target}"

    def on(self, host_ip: str) -> str:
        """The `-p` value that publishes the same ports on HOST_IP only: `127.0.0.1:8080:80`."""
        host = _span(self.host_ports) if self.host_ports else ""
        protocol = "" if self.protocol == "tcp" else f"/{self.protocol}"
        address = f"[{host_ip}]" if ":" in host_ip else host_ip
        return f"{address}:{host}:{_span(self.container_ports)}{protocol}"


def _span(ports: tuple[int, int]) -> str:
    return str(ports[0]) if ports[0] == ports[1] else f"{ports[0]}-{ports[1]}"


def _publish_range(text: str) -> tuple[int, int] | None:
    """docker's nat.ParsePortRange (go-connections 0.5, docker 20.10 to 28.x): digits only,
    0-65535; in `A-B-C` the words after B are ignored, as docker ignores them."""
    first, dash, rest = text.partition("-")
    last = rest.partition("-")[0] if dash else first
    if not (first.isascii() and first.isdecimal() and last.isascii() and last.isdecimal()):
        return None
    start, end = int(first), int(last)
    if start > 65535 or end > 65535 or end < start:
        return None
    return start, end


def _publish_ip(text: str) -> str | None:
    """The host address of a spec (brackets of IPv6 removed), as Go's net.ParseIP accepts it."""
    import ipaddress

    if text.startswith("["):
        if not text.endswith("]") or "[" in text[1:] or "]" in text[:-1]:
            raise ValueError(f"invalid IP address {text}: missing ']' in address")
        text = text[1:-1]
    if "%" in text:  # a zone: Go's ParseIP refuses it
        raise ValueError(f"invalid IP address: {text}")
    try:
        ipaddress.ip_address(text)
    except ValueError:
        raise ValueError(f"invalid IP address: {text}") from None
    return text


def parse_publish(text: str) -> PublishSpec:
    """A container's `-p` value: `[IP:][HOST_PORT:]PORT[/PROTO]` with port ranges, or the
    long form `published=8080,target=80[,protocol=udp]`. ValueError, in docker's words, for
    what `docker run` refuses."""
    if "=" in text:  # docker/cli convertToStandardNotation
        params = {"protocol": "tcp"}
        for param in text.split(","):
            key, eq, value = param.partition("=")
            if not eq or not key:
                raise ValueError(f"invalid publish opts format (should be name=value but got '{param}')")
            params[key] = value
        text = f"{params.get('published', '')}:{params.get('target', '')}/{params['protocol']}"
    parts = text.split(":")
    ip = ":".join(parts[:-2]) if len(parts) > 2 else ""
    host = parts[-2] if len(parts) > 1 else ""
    port, _, protocol = parts[-1].partition("/")
    protocol = protocol or "tcp"
    host_ip = _publish_ip(ip) if ip else None
    if not port:
        raise ValueError(f"no port specified: {text}<empty>")
    container_ports = _publish_range(port)
    if container_ports is None:
        raise ValueError(f"invalid containerPort: {port}")
    host_ports = _publish_range(host) if host else None
    if host and host_ports is None:
        raise ValueError(f"invalid hostPort: {host}")
    if (
        host_ports
        and host_ports[1] - host_ports[0] != container_ports[1] - container_ports[0]
        and container_ports[0] != container_ports[1]
    ):
        raise ValueError(f"invalid ranges specified for container and host Ports: {port} and {host}")
    if protocol.lower() not in ("tcp", "udp", "sctp"):
        raise ValueError(f"invalid proto: {protocol}")
    return PublishSpec(host_ip, host_ports, container_ports, protocol.lower())


def parse_service_publish(text: str) -> PublishSpec:
    """A service's `-p` value (docker/cli opts/swarmopts PortOpt): `[HOST_PORT:]PORT[/PROTO]`,
    or `published=8080,target=80[,protocol=udp][,mode=host]`. ValueError as docker refuses it."""
    import re

    if re.search(r"\w+=\w+", text, re.ASCII) is None:
        spec = parse_publish(text)
        if spec.host_ip is not None:
            raise ValueError("hostip is not supported")
        return PublishSpec(None, spec.host_ports or (0, 0), spec.container_ports, spec.protocol, "ingress")
    import csv

    values = {"mode": "ingress", "protocol": "tcp", "published": "0"}
    for field in next(csv.reader([text])):
        key, eq, value = field.lower().partition("=")
        if not eq or not key:
            raise ValueError(f"invalid field: {field}")
        if key not in values and key != "target":
            raise ValueError(f"invalid field key: {key}")
        values[key] = value
    if values["protocol"] not in ("tcp", "udp", "sctp"):
        raise ValueError(f"invalid protocol value '{values['protocol']}'")
    if values["mode"] not in ("ingress", "host"):
        raise ValueError(f"invalid publish mode value ({values['mode']}): must be either 'ingress' or 'host'")
    ports = {}
    for key in ("target", "published"):
        number = values.get(key, "0")
        if not (number.isascii() and number.isdecimal() and int(number) <= 65535):
            raise ValueError(f"invalid {key} port ({number}): value must be an integer")
        ports[key] = int(number)
    if ports["target"] == 0:
        raise ValueError("missing mandatory field 'target'")
    published = ports["published"]
    return PublishSpec(None, (published, published), (ports["target"],) * 2, values["protocol"], values["mode"])
