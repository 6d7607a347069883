"""`dockwrap swarm|node|service VERB`: one module per verb, registered in the three groups'
command tables (imported when used, like the other groups).

The verb modules import only Click and the shared CLI pieces; the records and the Python API
load when a verb runs (through `Docker().service` etc.).
"""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands
from ...cli.options import examples

__all__ = ["swarm_group", "node_group", "service_group"]


def _table(verbs: dict[str, str]) -> LazyCommands:
    """verb -> module of this package that holds its `command`."""
    return LazyCommands({verb: f"{__name__}.{module}:command" for verb, module in verbs.items()})


@click.group(name="swarm", commands=_table({"init": "init", "leave": "leave"}), epilog=examples(
    "dockwrap swarm init --advertise-addr 127.0.0.1",
    "dockwrap swarm leave --force",
))
def swarm_group() -> None:
    """Manage the swarm (docker's own multi-host engine)."""


@click.group(name="node", commands=_table({"ls": "node_ls"}), epilog=examples("dockwrap node ls"))
def node_group() -> None:
    """Manage swarm nodes."""


@click.group(name="service", commands=_table({
    verb: f"service_{verb}" for verb in ("create", "ls", "ps", "inspect", "scale", "logs", "rm")
}), epilog=examples(
    "dockwrap service create --name web --replicas 2 --no-resolve-image busybox httpd -f -p 80",
    "dockwrap service ls",
    "dockwrap service scale web=3",
))
def service_group() -> None:
    """Manage swarm services."""
