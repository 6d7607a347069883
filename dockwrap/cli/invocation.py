"""What a wrapped verb gets when it runs: `Invocation` (the Docker handle, its command line split,
its Output), with the few shapes every verb of a kind shares (a listing, an inspect)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import click

from .line import VerbLine, usage_lines

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from .output import Column

__all__ = ["Invocation"]


class Invocation:
    """What a wrapped verb gets: the Docker handle, its command line split, and its Output."""

    __slots__ = ("docker", "line", "out")

    def __init__(self, docker: Docker, line: VerbLine) -> None:
        from .output import Output

        self.docker = docker
        self.line = line
        self.out = Output(dry_run=docker.dry_run, as_json=bool(line.own.get("json")), raw=bool(line.own.get("raw")))

    def docker_prints(self, *longs: str) -> bool:
        """When the user gave one of docker's options LONGS that make docker print its own text
        (`--format`, `--tree`), run the call as the user wrote it, output passed through, and say
        so (the verb then prints nothing of its own; the status is docker's)."""
        if not any(self.line.given(long) for long in longs):
            return False
        code = self.passthrough()
        if code:
            raise click.exceptions.Exit(code)
        return True

    def passthrough(self) -> int:
        """Run the call as the user wrote it (dockwrap's own options left out), docker's output
        passed through; docker's status."""
        from .passthrough import run_words

        return run_words(self.docker, self.line.command.path, self.line.words, self.line.command)

    def operands(self, at_least: int, at_most: int | None = None) -> tuple[str, ...]:
        """The operands, AT_LEAST of them (and AT_MOST): else what docker would say."""
        from ..errors import CommandLineError

        count = len(self.line.operands)
        if count >= at_least and (at_most is None or count <= at_most):
            return self.line.operands
        how = "exactly" if at_least == at_most else "at least" if count < at_least else "at most"
        wanted = at_least if count < at_least else at_most
        raise CommandLineError(
            f"'docker {self.line.command.name}' requires {how} {wanted} argument{'' if wanted == 1 else 's'}",
            usage_lines(self.line.command),
        )

    def listing(
        self,
        fetch: Callable[[list[str]], Sequence[Any]],
        columns: Sequence[Column],
        docker_text: Sequence[str] = ("format",),
    ) -> None:
        """A list verb (`ls`, `ps`): FETCH(docker option words) gives the records, printed as a
        table, --json, or -q (docker's --quiet: each record's key, dockwrap.cli.output.record_key).
        With one of DOCKER_TEXT (`--format`) docker's own output is printed instead."""
        if self.docker_prints(*docker_text):
            return
        self.out.records(fetch(self.line.without("quiet")), columns, quiet=self.line.flag("quiet"))

    def inspecting(
        self,
        fetch: Callable[[list[str]], Sequence[Any]],
        columns: Sequence[Column],
        table_rows: Callable[[Sequence[Any]], Sequence[Any]] | None = None,
        docker_text: Sequence[str] = ("format",),
    ) -> None:
        """An inspect verb: FETCH(docker option words) gives the details of every operand (one
        call); printed as a table (of TABLE_ROWS(details) when a detail spreads over rows),
        --json, or docker's objects (--raw). When docker failed for some, the others are shown
        first. With one of DOCKER_TEXT (`--format`) docker's own output is printed instead."""
        if self.docker_prints(*docker_text):
            return
        self.out.done(
            lambda: fetch(list(self.line.docker_words)),
            lambda details: self.out.details(details, columns, table_rows(details) if table_rows else None),
        )
