"""Output of the CLI: tables like docker's own, `--json`, `-q`.

Data goes to stdout only; progress and hints go to stderr. Under --dry-run stdout carries the
docker calls only, so nothing here prints then: each helper is told (`dry_run=`), or an `Output`
made for the verb knows it. tabulate is imported when a table is actually printed (it costs
~25 ms at import); json and the record helpers when JSON is printed, so that loading a verb
module for `--help` costs next to nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

__all__ = ["Column", "Output", "cell", "print_table", "print_json", "print_line", "record_key", "human_size"]

T = TypeVar("T")

#: (header, cell) pairs: what a table shows of each record
Column = tuple[str, Callable[[Any], Any]]


def print_line(text: str, dry_run: bool = False) -> None:
    """One line of data (an ID, a name) on stdout."""
    if not dry_run:
        sys.stdout.write(f"{text}\n")


def print_json(value: Any, raw: bool = False, dry_run: bool = False) -> None:
    """One JSON document on stdout: a record, a list of records, or plain data."""
    if dry_run:
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


def print_table(rows: Sequence[Any], columns: Sequence[Column], dry_run: bool = False) -> None:
    """A plain table with docker's headers (also printed when there are no rows)."""
    if dry_run:
        return
    from tabulate import tabulate

    body = [[cell(value(row)) for _, value in columns] for row in rows]
    headers = [header for header, _ in columns]
    sys.stdout.write(tabulate(body, headers=headers, tablefmt="plain", disable_numparse=True) + "\n")


def human_size(size: int) -> str:
    """A byte count as docker writes sizes (go-units' HumanSize: decimal units, 4 digits): `6.001MB`."""
    from ..parse.units import decimal_size

    return decimal_size(size, 4)


def record_key(row: Any) -> str:
    """What `-q` prints of a record: its `id`, or the field its class names in `quiet_key` (a
    volume or a context has a name and no ID)."""
    return str(getattr(row, getattr(type(row), "quiet_key", "id")))


class Output:
    """How one verb prints: its --json and --raw, and whether stdout carries docker calls only
    (--dry-run), given when the verb starts."""

    __slots__ = ("dry_run", "as_json", "raw")

    def __init__(self, dry_run: bool = False, as_json: bool = False, raw: bool = False) -> None:
        self.dry_run, self.as_json, self.raw = dry_run, as_json, raw

    def line(self, text: str) -> None:
        print_line(text, self.dry_run)

    def json(self, value: Any) -> None:
        print_json(value, self.raw, self.dry_run)

    def table(self, rows: Sequence[Any], columns: Sequence[Column]) -> None:
        print_table(rows, columns, self.dry_run)

    def lines(self, values: Sequence[str]) -> None:
        for value in values:
            self.line(value)

    def value(self, value: Any, text: str | None) -> None:
        """What a verb that makes one object prints: `{"id": ...}` with --json, else the text."""
        if self.as_json:
            self.json(value)
        elif text:
            self.line(text)

    def records(
        self,
        rows: Sequence[Any],
        columns: Sequence[Column],
        quiet: bool = False,
        key: Callable[[Any], str] = record_key,
    ) -> None:
        """A list command's output: a JSON array (--json), each record's key (-q), or a table."""
        if self.as_json:
            self.json(list(rows))
        elif quiet:
            self.lines([key(row) for row in rows])
        else:
            self.table(rows, columns)

    def details(
        self, details: Sequence[Any], columns: Sequence[Column], table_rows: Sequence[Any] | None = None
    ) -> None:
        """An inspect command's output: `--raw` alone prints docker's own objects, `--json` ours
        (with docker's inside as `raw` when both are given), else a table (of `table_rows` when a
        detail spreads over several rows)."""
        if self.raw and not self.as_json:
            print_json([detail.raw for detail in details], dry_run=self.dry_run)
        elif self.as_json:
            self.json(list(details))
        else:
            self.table(details if table_rows is None else table_rows, columns)

    def done(self, call: Callable[[], T], show: Callable[[T], None] | None = None) -> None:
        """Show what a verb on several objects returns (default: one line each). When docker
        failed for some after doing the others (`rm STOPPED RUNNING`), what it did is shown first
        (the error's `done`), as docker itself prints it, and then the error is raised."""
        from ..errors import DockerCommandFailed

        shown: Callable[[Any], None] = show or self.lines
        try:
            result = call()
        except DockerCommandFailed as error:
            if error.done:  # (`inspect` prints `[]` when it found none)
                shown(error.done)
            raise
        shown(result)
