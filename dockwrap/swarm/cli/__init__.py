"""`dockwrap swarm VERB`: one module per verb, imported when used."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands
from ...cli.options import examples

__all__ = ["group"]


@click.group(name="swarm", commands=LazyCommands({verb: f"{__name__}.{verb}:command" for verb in ("init", "leave")}),
             epilog=examples("dockwrap swarm init --advertise-addr 127.0.0.1", "dockwrap swarm leave --force"))
def group() -> None:
    """Manage the swarm (docker's own multi-host engine)."""
