"""`dockwrap network ls`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

COLUMNS: list[Column] = [
    ("NETWORK ID", lambda n: n.id[:12]),
    ("NAME", lambda n: n.name),
    ("DRIVER", lambda n: n.driver),
    ("SCOPE", lambda n: n.scope),
]


@click.command(name="ls", epilog=examples(
    "dockwrap network ls",
    "dockwrap network ls --filter driver=bridge --json | jq -r '.[].name'",
))
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable).")
@json_option
@quiet_option
@raw_option
@pass_docker
def command(docker: Docker, filters: tuple[str, ...], as_json: bool, quiet: bool, raw: bool) -> None:
    """List networks."""
    print_records(docker.network.ls(filters=filters), COLUMNS, as_json=as_json, quiet=quiet, raw=raw)
