"""Typed records of the context commands and their parsers.

* `context ls --format '{{json .}}'`: one object per context, `Current` a JSON boolean. 28.x adds
  `Error` (why a context could not be read: a current context that is gone, cut to 30 cells with
  `…` as every list column is); 20.10 has `KubernetesEndpoint` and `StackOrchestrator` instead,
  and fails outright when the current context is gone.
* `context inspect`: the stored metadata, a JSON array; `default` is built in memory
  (`"MetadataPath": "<IN MEMORY>"`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import ParseError
from ..parse.inspect import parse_inspect
from ..parse.jsonlines import load_objects
from ..parse.record import Record, build, check_text, field_value
from ..parse.units import parse_bool

__all__ = ["Context", "ContextDetails", "parse_context_ls", "parse_context_inspect"]


@dataclass(frozen=True, slots=True)
class Context(Record):
    """A row of `docker context ls`."""

    #: what `-q` prints of it (it has no ID)
    quiet_key: ClassVar[str] = "name"

    name: str
    description: str
    docker_endpoint: str | None
    current: bool
    #: why docker could not read this context (28.x only), else None
    error: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)


def _context(obj: dict[str, Any], command: str) -> Context:
    check_text(command, obj, ("Name", "Description", "DockerEndpoint", "Error"))
    return Context(
        name=obj["Name"],
        description=obj.get("Description") or "",
        docker_endpoint=obj.get("DockerEndpoint") or None,
        current=field_value(command, "Current", parse_bool, obj.get("Current")),
        error=obj.get("Error") or None,
        raw=obj,
    )


def parse_context_ls(text: str, command: str = "docker context ls") -> list[Context]:
    return [build(command, _context, obj) for obj in load_objects(text, command)]


@dataclass(frozen=True, slots=True)
class ContextDetails(Record):
    """One object of `docker context inspect`."""

    name: str
    description: str
    docker_endpoint: str | None
    skip_tls_verify: bool
    #: whether TLS certificates are stored with it
    has_tls_material: bool
    raw: dict[str, Any] = field(repr=False, compare=False)


def _details(obj: dict[str, Any], command: str) -> ContextDetails:
    metadata = obj.get("Metadata") or {}
    docker = (obj.get("Endpoints") or {}).get("docker") or {}
    if not isinstance(metadata, dict) or not isinstance(docker, dict):
        raise ParseError(command, "Metadata or Endpoints.docker is not an object", repr(obj)[:200])
    check_text(command, metadata, ("Description",))
    check_text(command, docker, ("Host",))
    return ContextDetails(
        name=obj["Name"],
        description=metadata.get("Description") or "",
        docker_endpoint=docker.get("Host") or None,
        skip_tls_verify=field_value(command, "SkipTLSVerify", parse_bool, docker.get("SkipTLSVerify")),
        has_tls_material=bool(obj.get("TLSMaterial")),
        raw=obj,
    )


def parse_context_inspect(text: str, command: str = "docker context inspect") -> list[ContextDetails]:
    return parse_inspect(text, command, [(("Name",), _details)])
