"""Output of the CLI: tables like docker's own, `--json`, `-q`.

Data goes to stdout only; progress and hints go to stderr. tabulate is imported when a table is
actually printed (it costs ~25 ms at import); json and the record helpers when JSON is printed, so
that loading a verb module for `--help` costs next to nothing.
"""

from __future__ import annotations

import sys
from typing import Any, Callable, Sequence, TypeVar

__all__ = ["Column", "cell", "print_table", "print_json", "print_records", "print_details", "print_quiet", "print_line",
           "show_done"]

T = TypeVar("T")

#: (header, cell) pairs: what a table shows of each record
Column = tuple[str, Callable[[Any], Any]]


def _dry_run() -> bool:
    """Under --dry-run stdout carries the docker calls only: data output is suppressed."""
    import click

    from ..client import Docker

    ctx = click.get_current_context(silent=True)
    docker = ctx.find_object(Docker) if ctx is not None else None
    return bool(docker and docker.dry_run)


def print_line(text: str) -> None:
    """One line of data (an ID, a name) on stdout."""
    if not _dry_run():
        sys.stdout.write(f"{text}\n")


def print_json(value: Any, raw: bool = False) -> None:
    """One JSON document on stdout: a record, a list of records, or plain data."""
    if _dry_run():
        return
    import json

    from ..parse.record import Record, jsonable

    data: Any
    if isinstance(value, Record):
        data = value.to_json(raw=raw)
    elif isinstance(value, (list, tuple)) and value and isinstance(value[0], Record):
        data = [item.to_json(raw=raw) for item in value]
    else:
        data = jsonable(value)
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ",".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def cell(value: Any) -> str:
    """A table cell: what docker or a container wrote (names, labels, commands, ps output) may
    hold escape sequences and line breaks, which would move the cursor or fake rows; they are
    shown written out as Go writes them (`\\x1b`, `\\n`), the way docker shows a command."""
    from ..parse.gostring import printable

    return printable(_text(value))


def print_table(rows: Sequence[Any], columns: Sequence[Column]) -> None:
    """A plain table with docker's headers (also printed when there are no rows)."""
    if _dry_run():
        return
    from tabulate import tabulate

    body = [[cell(value(row)) for _, value in columns] for row in rows]
    headers = [header for header, _ in columns]
    sys.stdout.write(tabulate(body, headers=headers, tablefmt="plain", disable_numparse=True) + "\n")


def print_quiet(values: Sequence[str]) -> None:
    for value in values:
        print_line(value)


def show_done(call: Callable[[], T], show: Callable[[T], None] = print_quiet) -> None:  # type: ignore[assignment]
    """Show what a verb on several objects returns. When docker failed for some after doing the
    others (`rm STOPPED RUNNING`), what it did is shown first (the error's `done`), as docker
    itself prints it, and then the error is raised."""
    from ..errors import DockerCommandFailed

    try:
        result = call()
    except DockerCommandFailed as error:
        if error.done:  # (`inspect` prints `[]` when it found none)
            show(error.done)  # type: ignore[arg-type]
        raise
    show(result)


def print_records(
    rows: Sequence[Any],
    columns: Sequence[Column],
    *,
    as_json: bool = False,
    quiet: bool = False,
    raw: bool = False,
    quiet_value: Callable[[Any], str] = lambda row: row.id,
) -> None:
    """A list command's output: JSON array, IDs only, or a table."""
    if as_json:
        print_json(list(rows), raw=raw)
    elif quiet:
        print_quiet([quiet_value(row) for row in rows])
    else:
        print_table(rows, columns)


def print_details(
    details: Sequence[Any],
    columns: Sequence[Column],
    *,
    as_json: bool = False,
    raw: bool = False,
    table_rows: Sequence[Any] | None = None,
) -> None:
    """An inspect command's output: `--raw` alone prints docker's own objects, `--json` ours
    (with docker's inside as `raw` when both are given), else a table (of `table_rows` when a
    detail spreads over several rows)."""
    if raw and not as_json:
        print_json([detail.raw for detail in details])
    elif as_json:
        print_json(list(details), raw=raw)
    else:
        print_table(details if table_rows is None else table_rows, columns)
