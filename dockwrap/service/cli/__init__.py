"""`dockwrap service VERB`: one module per verb, imported when used."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands
from ...cli.options import examples

__all__ = ["group"]


@click.group(name="service", commands=LazyCommands({
    verb: f"{__name__}.{verb}:command" for verb in ("create", "ls", "ps", "inspect", "scale", "logs", "rm")
}), epilog=examples(
    "dockwrap service create --name web --replicas 2 --no-resolve-image busybox httpd -f -p 80",
    "dockwrap service ls",
    "dockwrap service scale web=3",
))
def group() -> None:
    """Manage swarm services."""
