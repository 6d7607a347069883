"""`dockwrap container ls` (also `dockwrap ps`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Container


def _command_cell(row: Container) -> str:
    # as docker's table: cut to 20 characters, then quoted as Go quotes (escape sequences and
    # line breaks written out)
    from ...parse.gostring import go_quote

    return go_quote(row.command if len(row.command) <= 20 else row.command[:19] + "…")


def _ports_cell(row: Container) -> str:
    ports = row.raw.get("Ports")  # docker's own text; podman's JSON has a list instead
    return ports if ports and isinstance(ports, str) else ", ".join(str(p) for p in row.ports)


def _size_cell(row: Container) -> object:
    size = row.raw.get("Size")  # docker's "3B (virtual 1.98MB)"; podman's JSON has an object
    return size if isinstance(size, str) else row.size_bytes


COLUMNS: list[Column] = [
    ("CONTAINER ID", lambda r: r.id[:12]),
    ("IMAGE", lambda r: r.image),
    ("COMMAND", _command_cell),
    ("CREATED", lambda r: r.running_for),
    ("STATUS", lambda r: r.status),
    ("PORTS", _ports_cell),
    ("NAMES", lambda r: r.name),
]


@click.command(name="ls", epilog=examples(
    "dockwrap container ls -a",
    "dockwrap ps --filter label=dockwrap.recipe --json | jq '.[].name'",
    "docker equivalent: docker container ls --all",
))
@click.option("-a", "--all", "all_", is_flag=True, help="Show all containers (default shows running ones).")
@click.option("-s", "--size", is_flag=True, help="Show sizes (docker computes them: slower).")
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable).")
@json_option
@quiet_option
@raw_option
@pass_docker
def command(docker: Docker, all_: bool, size: bool, filters: tuple[str, ...], as_json: bool, quiet: bool, raw: bool) -> None:
    """List containers."""
    rows = docker.container.ls(all=all_, size=size, filters=filters)
    columns = COLUMNS + ([("SIZE", _size_cell)] if size else [])
    print_records(rows, columns, as_json=as_json, quiet=quiet, raw=raw)
