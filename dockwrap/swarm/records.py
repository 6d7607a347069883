"""What `docker swarm init` and `docker info` say about the swarm, parsed."""

from __future__ import annotations

import re

from ..errors import ParseError

__all__ = ["parse_swarm_init", "parse_swarm_state"]


_INIT = re.compile(r"current node \((\w+)\) is now a manager")


def parse_swarm_init(text: str, command: str = "docker swarm init") -> str:
    """The new manager's node ID, from `Swarm initialized: current node (ID) is now a manager.`"""
    match = _INIT.search(text)
    if not match:
        line = text.strip().splitlines()[0] if text.strip() else text
        raise ParseError(command, "no node ID in the output", line)
    return match.group(1)


_STATES = ("inactive", "pending", "active", "error", "locked")


def parse_swarm_state(text: str, command: str = "docker info") -> str:
    """`"active"` (the JSON of .Swarm.LocalNodeState) to `active`; the five states docker has."""
    value = text.strip().strip('"')
    if value not in _STATES:
        raise ParseError(command, "not a swarm state (" + "/".join(_STATES) + ")", text.strip())
    return value
