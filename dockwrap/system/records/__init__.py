"""Typed records of the system commands, one module per command, and the pure parsers that
build them: version, info, df, events (prune's PruneResult is shared: dockwrap.parse.prune).

The modules load when first used, as dockwrap.container.records does.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .df import BuildCacheEntry, DiskUsage, DiskUsageRows, ImageUsage, UsageTotals, parse_df, parse_df_verbose
    from .events import Event, event_from_object, parse_events
    from .info import Info, parse_info
    from .version import Version, VersionInfo, parse_version

__all__ = [
    "Version",
    "VersionInfo",
    "Info",
    "DiskUsage",
    "DiskUsageRows",
    "UsageTotals",
    "ImageUsage",
    "BuildCacheEntry",
    "Event",
    "parse_version",
    "parse_info",
    "parse_df",
    "parse_df_verbose",
    "parse_events",
    "event_from_object",
]

_WHERE = {
    "Version": "version",
    "VersionInfo": "version",
    "parse_version": "version",
    "Info": "info",
    "parse_info": "info",
    "DiskUsage": "df",
    "DiskUsageRows": "df",
    "UsageTotals": "df",
    "ImageUsage": "df",
    "BuildCacheEntry": "df",
    "parse_df": "df",
    "parse_df_verbose": "df",
    "Event": "events",
    "parse_events": "events",
    "event_from_object": "events",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
