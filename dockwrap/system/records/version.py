"""`docker version` as records: the client's side and the server's."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ...errors import ParseError
from ...parse.jsonlines import load_object
from ...parse.record import Record, build, check_text
from ...parse.times import parse_time

__all__ = ["Version", "VersionInfo", "parse_version"]


@dataclass(frozen=True, slots=True)
class Version(Record):
    """The client's or the server's side of `docker version`."""

    version: str
    api_version: str | None
    min_api_version: str | None
    go_version: str | None
    git_commit: str | None
    built: str | None
    os: str | None
    arch: str | None
    raw: dict[str, Any] = field(repr=False, compare=False)

    @property
    def release(self) -> tuple[int, ...]:
        """The numeric part of the version: `20.10.24+dfsg1` -> (20, 10, 24), `17.12.0-ce` -> (17, 12, 0)."""
        numbers = []
        for part in self.version.split("+")[0].split("-")[0].split("."):
            if not part.isdigit():
                break
            numbers.append(int(part))
        return tuple(numbers)


@dataclass(frozen=True, slots=True)
class VersionInfo(Record):
    client: Version
    server: Version | None


def _built(text: str | None) -> str | None:
    """BuildTime is ANSI C time on the client (`Fri May 30 12:07:14 2025`), RFC 3339 on the server."""
    if not text:
        return None
    try:
        moment = parse_time(text)
    except ValueError:
        try:
            moment = datetime.strptime(text, "%a %b %d %H:%M:%S %Y")
        except ValueError:
            return text
    return moment.isoformat().replace("+00:00", "Z") if moment else None


def _version(obj: dict[str, Any], command: str) -> Version:
    check_text(
        command,
        obj,
        (
            "Version",
            "ApiVersion",
            "APIVersion",
            "MinAPIVersion",
            "GoVersion",
            "GitCommit",
            "BuildTime",
            "BuiltTime",
            "Os",
            "Arch",
            "OsArch",
        ),
    )
    # podman: BuiltTime, with Built (epoch seconds) 0 when the build did not record it; OsArch
    built = obj.get("BuildTime") or (obj.get("BuiltTime") if obj.get("Built") != 0 else None)
    return Version(
        version=obj["Version"],
        api_version=obj.get("ApiVersion") or obj.get("APIVersion"),
        min_api_version=obj.get("MinAPIVersion"),
        go_version=obj.get("GoVersion"),
        git_commit=obj.get("GitCommit"),
        built=_built(built),
        os=obj.get("Os"),
        arch=obj.get("Arch") or (obj.get("OsArch") or "").partition("/")[2] or None,
        raw=obj,
    )


def parse_version(text: str, command: str = "docker version") -> VersionInfo:
    """`docker version --format '{{json .}}'`; Server is null when no daemon answered."""
    obj = load_object(text, command)
    if not isinstance(obj.get("Client"), dict):
        raise ParseError(command, "no Client object", text.strip()[:200])
    server = obj.get("Server")
    return VersionInfo(
        client=build(command, _version, obj["Client"]),
        server=build(command, _version, server) if isinstance(server, dict) else None,
    )
