"""`dockwrap network disconnect`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="disconnect", epilog=examples("dockwrap network disconnect lesson a"))
@click.option("-f", "--force", is_flag=True, help="Force the container off the network.")
@click.argument("network")
@click.argument("container")
@pass_docker
def command(docker: Docker, network: str, container: str, force: bool) -> None:
    """Disconnect a container from a network."""
    docker.network.disconnect(network, container, force=force)
