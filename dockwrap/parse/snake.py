"""docker's JSON with snake_case keys, for `Docker().call_json`: `RepoTags` -> `repo_tags`.

Only keys that are Go field names (`HostConfig`, `IPAddress`, `ID`) change, at any depth; keys
that are data keep their spelling: those of labels, options, annotations and sysctls (`Labels`,
`Options`, `DriverOpts`, `Annotations`, `Sysctls`, whatever their keys look like), and anything
that is not a Go identifier (`80/tcp`, paths, container IDs, `com.docker.compose.project`).
A network named `Bridge` under `Networks` keeps its name too.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["snake_keys", "snake_case"]

_GO_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
# a word boundary inside a Go name: `aB` (HostConfig), `ABc` (IPAddress -> IP|Address)
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
#: objects whose keys are data (names given by users or by docker to other objects)
DATA_KEYED = frozenset({"Labels", "Options", "DriverOpts", "Annotations", "Sysctls", "Networks", "Containers"})


def snake_case(name: str) -> str:
    """`HostConfig` -> `host_config`, `IPAddress` -> `ip_address`, `IPv6Gateway` -> `ipv6_gateway`."""
    return _BOUNDARY.sub("_", name.replace("IPv", "Ipv")).lower()


def snake_keys(value: Any, data_keyed: bool = False) -> Any:
    """VALUE (parsed JSON) with the Go field names among its keys in snake_case, recursively."""
    if isinstance(value, dict):
        return {
            (key if data_keyed or not _GO_NAME.match(key) else snake_case(key)): snake_keys(item, key in DATA_KEYED)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [snake_keys(item) for item in value]
    return value
