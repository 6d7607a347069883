"""`docker system info --format '{{json .}}'` as a record.

The object is the daemon's /info re-serialised by the client, with the client's own ClientInfo
added, so its keys depend on the client (28.x dropped BridgeNfIptables, added CDISpecDirs). With no
daemon to ask, 20.10 prints `{"ServerErrors": [...], "ClientInfo": {...}}` and exits 0; 28.x prints
the same object with every server field zero, the error on stderr, and exits 1. `info` has no API
version: that is `docker version`'s (VersionInfo.server.api_version).

podman 4.3 prints an object of its own (`host`, `store`, `registries`, `plugins`, `version`),
read into the same record (`_podman_info`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ...errors import ParseError
from ...parse.jsonlines import load_object
from ...parse.record import Record, build, check_text, field_value

__all__ = ["Info", "parse_info"]


@dataclass(frozen=True, slots=True)
class Info(Record):
    """The engine: what it runs on, what it holds, how it is set up."""

    id: str | None
    name: str | None
    server_version: str | None
    operating_system: str | None
    kernel_version: str | None
    architecture: str | None
    cpus: int | None
    memory_bytes: int | None
    docker_root_dir: str | None
    storage_driver: str | None
    cgroup_driver: str | None
    cgroup_version: int | None
    containers: int
    containers_running: int
    containers_paused: int
    containers_stopped: int
    images: int
    #: LocalNodeState: inactive, pending, active, error, locked
    swarm_state: str | None
    #: whether this engine is a swarm manager (ControlAvailable)
    swarm_manager: bool
    runtimes: list[str]
    default_runtime: str | None
    warnings: list[str]
    #: why the client got no answer (20.10 with no daemon); empty when the daemon answered
    server_errors: list[str]
    raw: dict[str, Any] = field(repr=False, compare=False)


def _count(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"not a count: {value!r}")
    return value


def _optional_int(value: Any) -> int | None:
    if value in (None, "", 0):
        return None
    if isinstance(value, bool):
        raise TypeError(f"not a number: {value!r}")
    return int(value)


def _strings(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"not a list of strings: {value!r}")
    return list(value)


def _info(obj: dict[str, Any], command: str) -> Info:
    check_text(
        command,
        obj,
        (
            "ID",
            "Name",
            "ServerVersion",
            "OperatingSystem",
            "KernelVersion",
            "Architecture",
            "DockerRootDir",
            "Driver",
            "CgroupDriver",
            "DefaultRuntime",
        ),
    )
    swarm = obj.get("Swarm")
    runtimes = obj.get("Runtimes")
    for name, value in (("Swarm", swarm), ("Runtimes", runtimes)):
        if value is not None and not isinstance(value, dict):
            raise ParseError(command, f"field {name}: not an object", repr(value)[:200])
    swarm, runtimes = swarm or {}, runtimes or {}

    def text(key: str) -> str | None:
        return obj.get(key) or None

    def count(key: str) -> int:
        return field_value(command, key, _count, obj.get(key))

    return Info(
        id=text("ID"),
        name=text("Name"),
        server_version=text("ServerVersion"),
        operating_system=text("OperatingSystem"),
        kernel_version=text("KernelVersion"),
        architecture=text("Architecture"),
        cpus=field_value(command, "NCPU", _optional_int, obj.get("NCPU")),
        memory_bytes=field_value(command, "MemTotal", _optional_int, obj.get("MemTotal")),
        docker_root_dir=text("DockerRootDir"),
        storage_driver=text("Driver"),
        cgroup_driver=text("CgroupDriver"),
        cgroup_version=field_value(command, "CgroupVersion", _optional_int, obj.get("CgroupVersion")),
        containers=count("Containers"),
        containers_running=count("ContainersRunning"),
        containers_paused=count("ContainersPaused"),
        containers_stopped=count("ContainersStopped"),
        images=count("Images"),
        swarm_state=swarm.get("LocalNodeState") or None,
        swarm_manager=swarm.get("ControlAvailable") is True,
        runtimes=sorted(runtimes),
        default_runtime=text("DefaultRuntime"),
        warnings=field_value(command, "Warnings", _strings, obj.get("Warnings")),
        server_errors=field_value(command, "ServerErrors", _strings, obj.get("ServerErrors")),
        raw=obj,
    )


def _section(obj: dict[str, Any], key: str) -> dict[str, Any]:
    value = obj.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TypeError(f"{key} is not an object: {value!r}"[:200])
    return value


def _podman_info(obj: dict[str, Any], command: str) -> Info:
    """podman's `info` object (host, store, registries, plugins, version) in docker's terms: the
    host's name, podman's version, graphRoot as the root directory, the store's counts; no ID,
    no swarm, no warnings."""
    host, store, version = _section(obj, "host"), _section(obj, "store"), _section(obj, "version")
    distribution, runtime = _section(host, "distribution"), _section(host, "ociRuntime")
    containers, images = _section(store, "containerStore"), _section(store, "imageStore")
    cgroup = host.get("cgroupVersion")
    system = " ".join(str(distribution[key]) for key in ("distribution", "version") if distribution.get(key))
    return Info(
        id=None,
        name=host.get("hostname") or None,
        server_version=version.get("Version") or None,
        operating_system=system or None,
        kernel_version=host.get("kernel") or None,
        architecture=host.get("arch") or None,
        cpus=field_value(command, "host.cpus", _optional_int, host.get("cpus")),
        memory_bytes=field_value(command, "host.memTotal", _optional_int, host.get("memTotal")),
        docker_root_dir=store.get("graphRoot") or None,
        storage_driver=store.get("graphDriverName") or None,
        cgroup_driver=host.get("cgroupManager") or None,
        cgroup_version=field_value(
            command, "host.cgroupVersion", _optional_int, cgroup[1:] if isinstance(cgroup, str) else cgroup
        ),
        containers=field_value(command, "containerStore.number", _count, containers.get("number")),
        containers_running=field_value(command, "containerStore.running", _count, containers.get("running")),
        containers_paused=field_value(command, "containerStore.paused", _count, containers.get("paused")),
        containers_stopped=field_value(command, "containerStore.stopped", _count, containers.get("stopped")),
        images=field_value(command, "imageStore.number", _count, images.get("number")),
        swarm_state=None,
        swarm_manager=False,
        runtimes=[runtime["name"]] if runtime.get("name") else [],
        default_runtime=runtime.get("name") or None,
        warnings=[],
        server_errors=[],
        raw=obj,
    )


def parse_info(text: str, command: str = "docker system info") -> Info:
    obj = load_object(text, command)
    if "host" in obj and "store" in obj and "ServerVersion" not in obj:
        return build(command, _podman_info, obj)
    if not ("ServerVersion" in obj or "ServerErrors" in obj):
        raise ParseError(command, "not an info object (no ServerVersion, no ServerErrors)", text.strip()[:200])
    return build(command, _info, obj)
