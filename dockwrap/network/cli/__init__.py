"""`dockwrap network VERB`: one module per verb, registered in COMMANDS."""

from __future__ import annotations

import click

from . import connect, create, disconnect, inspect, ls, rm

COMMANDS: list[click.Command] = [ls.command, create.command, connect.command, disconnect.command, inspect.command, rm.command]


@click.group(name="network", epilog="\b\nExamples:\n  dockwrap network create lesson\n  dockwrap network connect --alias web lesson a")
def group() -> None:
    """Manage networks."""


for _command in COMMANDS:
    group.add_command(_command)
