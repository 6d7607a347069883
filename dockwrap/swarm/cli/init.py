"""`dockwrap swarm init`."""

from __future__ import annotations

import sys

import click

from ...client import Docker
from ...cli.output import print_json, print_line
from ...cli.options import examples, json_option, pass_docker


@click.command(name="init", epilog=examples(
    "dockwrap swarm init --advertise-addr 127.0.0.1     # a single-node swarm on this machine",
    "dockwrap swarm init --json | jq -r .node_id",
))
@click.option("--advertise-addr", metavar="ADDR[:PORT]", help="Address other nodes reach this manager at (needed when the host has several).")
@json_option
@pass_docker
def command(docker: Docker, advertise_addr: str | None, as_json: bool) -> None:
    """Make this engine a swarm manager (a single-node swarm); print its node ID."""
    node_id = docker.swarm.init(advertise_addr=advertise_addr)
    if as_json:
        print_json({"node_id": node_id or None})
    elif node_id:
        print_line(node_id)
    if node_id and sys.stderr.isatty():
        # docker prints the join token; dockwrap keeps credentials off the screen
        click.echo("other engines join with the command that `docker swarm join-token worker` prints", err=True)
