"""`dockwrap network VERB`: one module per verb, registered in COMMANDS (imported when used)."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands

__all__ = ["group", "COMMANDS"]

#: verb -> "module:command"; a verb's module is imported only when it runs or is listed by --help
COMMANDS = LazyCommands({
    verb: f"{__name__}.{verb}:command" for verb in ("ls", "create", "connect", "disconnect", "inspect", "rm")
})


@click.group(name="network", commands=COMMANDS,
             epilog="\b\nExamples:\n  dockwrap network create lesson\n  dockwrap network connect --alias web lesson a")
def group() -> None:
    """Manage networks."""
