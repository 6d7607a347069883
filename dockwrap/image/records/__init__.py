"""Typed records of the image commands, one module per verb, and the pure parsers that build them.

Each `parse_*` takes docker's output text and the docker command it came from, and raises
ParseError naming that command and the offending line or field when the shape is wrong.

The modules load when first used (`dockwrap image ls` needs only `ls`), as in container/records.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .archive import ImportResult, LoadResult, parse_image_import, parse_image_load
    from .build import BuildResult, BuildStep, failed_step, parse_build
    from .history import HistoryRow, parse_image_history
    from .inspect import ImageDetails, parse_image_inspect
    from .ls import Image, parse_image_ls
    from .progress import (
        ProgressEvent,
        ProgressStream,
        PullResult,
        PushResult,
        parse_progress,
        parse_progress_line,
        parse_pull,
        parse_push,
    )
    from .remove import PruneResult, RemovedImage, parse_image_prune, parse_image_rm

__all__ = [
    "Image",
    "ImageDetails",
    "HistoryRow",
    "ProgressEvent",
    "ProgressStream",
    "PullResult",
    "PushResult",
    "BuildResult",
    "BuildStep",
    "RemovedImage",
    "PruneResult",
    "LoadResult",
    "ImportResult",
    "parse_image_ls",
    "parse_image_inspect",
    "parse_image_history",
    "parse_progress",
    "parse_progress_line",
    "parse_pull",
    "parse_push",
    "parse_build",
    "failed_step",
    "parse_image_rm",
    "parse_image_prune",
    "parse_image_load",
    "parse_image_import",
]

_WHERE = {
    "Image": "ls",
    "parse_image_ls": "ls",
    "ImageDetails": "inspect",
    "parse_image_inspect": "inspect",
    "HistoryRow": "history",
    "parse_image_history": "history",
    "ProgressEvent": "progress",
    "ProgressStream": "progress",
    "PullResult": "progress",
    "PushResult": "progress",
    "parse_progress": "progress",
    "parse_progress_line": "progress",
    "parse_pull": "progress",
    "parse_push": "progress",
    "BuildResult": "build",
    "BuildStep": "build",
    "parse_build": "build",
    "failed_step": "build",
    "RemovedImage": "remove",
    "PruneResult": "remove",
    "parse_image_rm": "remove",
    "parse_image_prune": "remove",
    "LoadResult": "archive",
    "ImportResult": "archive",
    "parse_image_load": "archive",
    "parse_image_import": "archive",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
