"""`dockwrap node ls`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

COLUMNS: list[Column] = [
    # docker marks the node it talks to with a star after the ID
    ("ID", lambda n: n.id + (" *" if n.self else "")),
    ("HOSTNAME", lambda n: n.hostname),
    ("STATUS", lambda n: n.status),
    ("AVAILABILITY", lambda n: n.availability),
    ("MANAGER STATUS", lambda n: n.manager_status),
    ("ENGINE VERSION", lambda n: n.engine_version),
]


@click.command(name="ls", epilog=examples(
    "dockwrap node ls",
    "dockwrap node ls --json | jq -r '.[] | select(.self) | .hostname'",
))
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable): role=manager, name=..., ...")
@json_option
@quiet_option
@raw_option
@pass_docker
def command(docker: Docker, filters: tuple[str, ...], as_json: bool, quiet: bool, raw: bool) -> None:
    """List the swarm's nodes (on a manager)."""
    print_records(docker.node.ls(filters=filters), COLUMNS, as_json=as_json, quiet=quiet, raw=raw)
