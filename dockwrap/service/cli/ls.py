"""`dockwrap service ls`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

COLUMNS: list[Column] = [
    ("ID", lambda s: s.id[:12]),
    ("NAME", lambda s: s.name),
    ("MODE", lambda s: s.mode),
    # docker's own text: it also says "(max 1 per node)" or "(1/1 completed)"
    ("REPLICAS", lambda s: s.raw.get("Replicas", "")),
    ("IMAGE", lambda s: s.image),
    ("PORTS", lambda s: s.raw.get("Ports", "")),
]


@click.command(name="ls", epilog=examples(
    "dockwrap service ls",
    "dockwrap service ls --filter label=lesson=swarm --json | jq '.[] | {name, replicas_running}'",
))
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable): name=..., label=..., mode=global.")
@json_option
@quiet_option
@raw_option
@pass_docker
def command(docker: Docker, filters: tuple[str, ...], as_json: bool, quiet: bool, raw: bool) -> None:
    """List services."""
    print_records(docker.service.ls(filters=filters), COLUMNS, as_json=as_json, quiet=quiet, raw=raw)
