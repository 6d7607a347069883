"""`dockwrap swarm leave`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="leave", epilog=examples(
    "dockwrap swarm leave --force     # a manager: its services and overlay networks go too",
))
@click.option("-f", "--force", is_flag=True, help="Leave even as a manager (needed for a single-node swarm).")
@pass_docker
def command(docker: Docker, force: bool) -> None:
    """Leave the swarm."""
    docker.swarm.leave(force=force)
