"""`docker image inspect` objects: ImageDetails."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...parse.inspect import parse_inspect
from ...parse.record import Record, field_value
from ...parse.times import parse_time


@dataclass(frozen=True, slots=True)
class ImageDetails(Record):
    """One object of `docker image inspect` (the daemon's own JSON); the config fields are the
    image's defaults for the containers made from it."""

    id: str
    repo_tags: list[str]
    repo_digests: list[str]
    created_at: datetime | None
    size_bytes: int
    architecture: str | None
    os: str | None
    env: list[str]
    cmd: list[str] | None
    entrypoint: list[str] | None
    working_dir: str | None
    user: str | None
    labels: dict[str, str]
    exposed_ports: list[str]
    layers: list[str]
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def digests(self) -> list[str]:
        """The registry digests alone (`sha256:...`), without their repositories."""
        return [digest.rpartition("@")[2] for digest in self.repo_digests]


def _strings(name: str, value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{name} is not a list of strings")
    return list(value)


def _size(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("not a number of bytes")
    return value


def _details(obj: dict[str, Any], command: str) -> ImageDetails:
    config = obj.get("Config") or {}
    labels = config.get("Labels") or {}
    if not isinstance(labels, dict):
        raise ValueError("Config.Labels is not an object")
    ports = config.get("ExposedPorts") or {}
    if not isinstance(ports, dict):
        raise ValueError("Config.ExposedPorts is not an object")
    cmd, entrypoint = config.get("Cmd"), config.get("Entrypoint")
    return ImageDetails(
        id=obj["Id"],
        repo_tags=_strings("RepoTags", obj.get("RepoTags")),
        repo_digests=_strings("RepoDigests", obj.get("RepoDigests")),
        created_at=field_value(command, "Created", parse_time, obj.get("Created")),
        size_bytes=field_value(command, "Size", _size, obj.get("Size")),
        architecture=obj.get("Architecture") or None,
        os=obj.get("Os") or None,
        env=_strings("Config.Env", config.get("Env")),
        cmd=None if cmd is None else _strings("Config.Cmd", cmd),
        entrypoint=None if entrypoint is None else _strings("Config.Entrypoint", entrypoint),
        working_dir=config.get("WorkingDir") or None,
        user=config.get("User") or None,
        labels={str(key): str(value) for key, value in labels.items()},
        exposed_ports=sorted(ports),
        layers=_strings("RootFS.Layers", (obj.get("RootFS") or {}).get("Layers")),
        raw=obj,
    )


def parse_image_inspect(text: str, command: str = "docker image inspect") -> list[ImageDetails]:
    return parse_inspect(text, command, [(("Id",), _details)])
