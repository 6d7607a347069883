"""`dockwrap network connect`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="connect", epilog=examples(
    "dockwrap network connect lesson a",
    "dockwrap network connect --alias web --alias www lesson a    # both names resolve to a",
))
@click.option("--alias", "aliases", multiple=True, help="Another DNS name for the container on this network (repeatable).")
@click.option("--ip", help="IPv4 address to use.")
@click.argument("network")
@click.argument("container")
@pass_docker
def command(docker: Docker, network: str, container: str, aliases: tuple[str, ...], ip: str | None) -> None:
    """Connect a container to a network."""
    docker.network.connect(network, container, aliases=aliases, ip=ip)
