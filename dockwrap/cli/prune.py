"""What every wrapped `prune` verb shares (container, volume, system): docker's question, and the
table of what went.

Without `--force` docker asks before it removes anything. Without a terminal nobody can answer:
docker then removes nothing and still exits 0, which a script takes for success. dockwrap asks the
question itself on a terminal (on stderr: stdout carries data only) and then runs docker with
`--force`, so that what was removed is always read into a record; without a terminal, or under
--dry-run, it refuses (exit 2) before any call, saying that `-f` prunes without the question.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.prune import PruneResult
    from .invocation import Invocation

__all__ = ["pruning", "reclaimed", "size_text"]

_KINDS = (
    ("containers", "container"),
    ("networks", "network"),
    ("volumes", "volume"),
    ("images", "image"),
    ("untagged", "untagged"),
    ("build_cache", "build cache"),
)


def size_text(size: int) -> str:
    """Bytes as docker writes them (decimal units, four digits: `13.05kB`)."""
    from .output import human_size

    return human_size(size)


def reclaimed(run: Invocation, result: PruneResult) -> list[str]:
    """docker's last line, the space reclaimed; none where podman said none (it prints no total)."""
    if result.space_reclaimed_bytes is None and run.docker.runner.is_podman:
        return []
    return [f"Total reclaimed space: {size_text(result.space_reclaimed_bytes or 0)}"]


def pruning(run: Invocation, prune: Callable[[list[str]], PruneResult], removes: str) -> None:
    """A prune verb: ask (or refuse) unless `-f`, then PRUNE(docker option words without -f) and
    show what went: a table of kind and name, then the space reclaimed; --json the PruneResult.

    :param removes: what docker removes with the words given, for the question
    """
    from ..errors import UsageError

    if not run.line.flag("force"):
        name = f"docker {run.line.command.name}"
        if run.docker.dry_run or not sys.stdin.isatty():
            why = "--dry-run answers no question" if run.docker.dry_run else "stdin is not a terminal to answer it"
            raise UsageError(
                f"{name} asks before it removes {removes}, and {why}: nothing was removed; "
                "-f (--force) prunes without the question"
            )
        import click

        if not click.confirm(f"{name}: this removes {removes}. Are you sure you want to continue?", err=True):
            click.echo("nothing was removed", err=True)
            return
    result = prune(run.line.without("force"))
    if run.out.as_json:
        run.out.json(result)
        return
    rows = [(kind, item) for field, kind in _KINDS for item in getattr(result, field)]
    if rows:
        run.out.table(rows, [("TYPE", lambda row: row[0]), ("REMOVED", lambda row: row[1])])
    for line in reclaimed(run, result):
        run.out.line(line)
