"""A group's commands imported when used."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from importlib import import_module

import click

__all__ = ["LazyCommands"]


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
