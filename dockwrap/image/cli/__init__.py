"""`dockwrap image VERB`."""

from __future__ import annotations

import click

from . import ls

COMMANDS: list[click.Command] = [ls.command]


@click.group(name="image", epilog="\b\nExamples:\n  dockwrap image ls\n  dockwrap image ls --json | jq -r '.[].repository'")
def group() -> None:
    """Manage images."""


for _command in COMMANDS:
    group.add_command(_command)
