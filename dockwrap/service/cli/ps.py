"""`dockwrap service ps`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

COLUMNS: list[Column] = [
    ("ID", lambda t: t.id),
    ("NAME", lambda t: t.name),
    ("IMAGE", lambda t: t.image),
    ("NODE", lambda t: t.node),
    ("DESIRED STATE", lambda t: t.desired_state),
    ("CURRENT STATE", lambda t: t.current_state),
    ("ERROR", lambda t: t.error),
    ("PORTS", lambda t: t.raw.get("Ports", "")),
]


@click.command(name="ps", epilog=examples(
    "dockwrap service ps web",
    "dockwrap service ps --filter desired-state=running web --json | jq -r '.[].node'",
    "dockwrap service ps --no-trunc web      # whole task errors",
))
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable): desired-state=running, node=...")
@click.option("--no-trunc", is_flag=True, help="Do not shorten task IDs and errors.")
@json_option
@quiet_option
@raw_option
@click.argument("services", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, services: tuple[str, ...], filters: tuple[str, ...], no_trunc: bool, as_json: bool,
            quiet: bool, raw: bool) -> None:
    """List the tasks of services: where each runs, its state, and why it failed."""
    tasks = docker.service.ps(list(services), filters=filters, no_trunc=no_trunc)
    print_records(tasks, COLUMNS, as_json=as_json, quiet=quiet, raw=raw)
