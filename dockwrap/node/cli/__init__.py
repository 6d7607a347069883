"""`dockwrap node VERB`: one module per verb, imported when used."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands
from ...cli.options import examples

__all__ = ["group"]


@click.group(name="node", commands=LazyCommands({"ls": f"{__name__}.ls:command"}), epilog=examples("dockwrap node ls"))
def group() -> None:
    """Manage swarm nodes."""
