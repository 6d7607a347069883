"""`dockwrap image VERB`: one module per verb, registered in COMMANDS (imported when used)."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands

__all__ = ["group", "COMMANDS"]

#: verb -> "module:command"; a verb's module is imported only when it runs or is listed by --help
COMMANDS = LazyCommands({"ls": f"{__name__}.ls:command"})


@click.group(name="image", commands=COMMANDS,
             epilog="\b\nExamples:\n  dockwrap image ls\n  dockwrap image ls --json | jq -r '.[].repository'")
def group() -> None:
    """Manage images."""
