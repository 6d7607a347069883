"""Click pieces shared by every verb: the Docker handle, --json/-q/--raw, help epilogs, and the
lazily imported command tables of the groups."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from importlib import import_module
from typing import Any, Callable, TypeVar

import click

from .client import Docker

__all__ = ["pass_docker", "json_option", "quiet_option", "raw_option", "examples", "LazyCommands", "SECONDS"]

F = TypeVar("F", bound=Callable[..., Any])

#: gives a verb the Docker handle that the root group built from the global options
pass_docker = click.make_pass_decorator(Docker, ensure=True)

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (snake_case keys, numbers as numbers).")
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Only print IDs (or names), one per line.")
raw_option = click.option("--raw", is_flag=True, help="With --json: include docker's untouched object as `raw`.")


class Seconds(click.ParamType):
    """A duration in seconds: 0 or more; `inf` (like 0) means no limit; nan and words are refused."""

    name = "seconds"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> float:
        from .args import seconds
        from .errors import UsageError

        try:
            return seconds(value if isinstance(value, float) else float(str(value).strip()), "the value")
        except (ValueError, UsageError):
            self.fail(f"{value!r} is not a number of seconds of 0 or more (0 or inf: no limit)", param, ctx)


#: the type of --timeout and friends
SECONDS = Seconds()


def examples(*lines: str) -> str:
    """A help epilog listing examples, kept verbatim by Click (the \\b marker)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)


class LazyCommands(MutableMapping[str, click.Command]):
    """A group's commands by name, each given as `"module:attribute"` and imported the first time
    Click looks it up: `dockwrap container ls` imports the ls verb, not its siblings (each verb
    module costs about a millisecond, the records behind them more). `--help` lists them all, and so
    loads them all. Pass it as the group's `commands`.

        group = click.group(commands=LazyCommands({"ls": "dockwrap.container.cli.ls:command"}))(...)
    """

    def __init__(self, paths: Mapping[str, str]) -> None:
        self._entries: dict[str, str | click.Command] = dict(paths)

    def __getitem__(self, name: str) -> click.Command:
        entry = self._entries[name]
        if isinstance(entry, str):
            module, _, attribute = entry.partition(":")
            entry = self._entries[name] = getattr(import_module(module), attribute)
        return entry

    def __setitem__(self, name: str, command: click.Command) -> None:
        self._entries[name] = command

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries
