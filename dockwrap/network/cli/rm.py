"""`dockwrap network rm`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import show_done
from ...cli.options import examples, pass_docker


@click.command(name="rm", epilog=examples("dockwrap network rm lesson"))
@click.argument("networks", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, networks: tuple[str, ...]) -> None:
    """Remove networks."""
    show_done(lambda: docker.network.rm(list(networks)))
