"""`dockwrap container port`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import print_records
from ...cli.options import examples, json_option, pass_docker


@click.command(name="port", epilog=examples("dockwrap container port web", "dockwrap container port web --json"))
@json_option
@click.argument("container")
@pass_docker
def command(docker: Docker, container: str, as_json: bool) -> None:
    """Show a container's published ports."""
    print_records(docker.container.port(container), [
        ("CONTAINER PORT", lambda p: f"{p.container_port}/{p.protocol}"),
        ("HOST", lambda p: f"[{p.host_ip}]:{p.host_port}" if p.host_ip and ":" in p.host_ip else f"{p.host_ip}:{p.host_port}"),
    ], as_json=as_json)
