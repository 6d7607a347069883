"""`dockwrap swarm|node|service VERB` (work in progress)."""

from __future__ import annotations

import click


@click.group(name="swarm")
def swarm_group() -> None:
    """Manage the swarm (docker's own multi-host engine)."""


@click.group(name="node")
def node_group() -> None:
    """Manage swarm nodes."""


@click.group(name="service")
def service_group() -> None:
    """Manage swarm services."""
