"""`dockwrap network create`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import print_json, print_line
from ...cli.options import examples, json_option, pass_docker


@click.command(name="create", epilog=examples(
    "dockwrap network create lesson",
    "dockwrap network create --subnet 10.123.0.0/24 --label purpose=demo lesson",
    "dockwrap network create --driver overlay --attachable mesh     # swarm",
))
@click.option("-d", "--driver", help="Network driver (bridge, overlay, ...).")
@click.option("--subnet", metavar="CIDR", help="Subnet of the network.")
@click.option("--internal", is_flag=True, help="No access to the outside.")
@click.option("--attachable", is_flag=True, help="Standalone containers may join (overlay).")
@click.option("-l", "--label", "labels", multiple=True, metavar="KEY=VALUE", help="Set a label (repeatable).")
@json_option
@click.argument("name")
@pass_docker
def command(docker: Docker, name: str, driver: str | None, subnet: str | None, internal: bool, attachable: bool,
            labels: tuple[str, ...], as_json: bool) -> None:
    """Create a network; print its ID."""
    network_id = docker.network.create(name, driver=driver, subnet=subnet, internal=internal, attachable=attachable, labels=labels)
    if as_json:
        print_json({"id": network_id})
    else:
        print_line(network_id)
