"""Typed records of the container commands, one module per verb, and the pure parsers that
build them.

Each `parse_*` takes docker's output text and the docker command it came from, and raises
ParseError naming that command and the offending field when the shape is wrong. Fields an older
docker does not print are None; fields a newer one adds stay in `raw`.

The modules load when first used (`dockwrap container ls` needs only `ls`): a slotted frozen
dataclass costs about a millisecond to define.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ...parse.ports import PortMapping
    from .inspect import ContainerDetails, ContainerState, Endpoint, parse_container_inspect
    from .ls import Container, parse_container_ls, state_from_status
    from .readiness import Readiness
    from .stats import Stats, parse_stats, parse_stats_stream, stats_row
    from .top import Process, parse_top
    from .wait import WaitResult, parse_wait

__all__ = [
    "Container",
    "ContainerDetails",
    "ContainerState",
    "Endpoint",
    "Process",
    "Stats",
    "PortMapping",
    "WaitResult",
    "parse_container_ls",
    "parse_container_inspect",
    "parse_top",
    "parse_stats",
    "parse_stats_stream",
    "stats_row",
    "state_from_status",
    "parse_wait",
    "Readiness",
]

_WHERE = {
    "Container": "ls",
    "parse_container_ls": "ls",
    "state_from_status": "ls",
    "Process": "top",
    "parse_top": "top",
    "Stats": "stats",
    "parse_stats": "stats",
    "parse_stats_stream": "stats",
    "stats_row": "stats",
    "ContainerDetails": "inspect",
    "ContainerState": "inspect",
    "Endpoint": "inspect",
    "parse_container_inspect": "inspect",
    "WaitResult": "wait",
    "parse_wait": "wait",
    "Readiness": "readiness",
}


def __getattr__(name: str) -> Any:
    if name == "PortMapping":
        from ...parse.ports import PortMapping

        return PortMapping
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
