"""`dockwrap image ls`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import Column, print_records
from ...cli.options import examples, json_option, pass_docker, quiet_option, raw_option

COLUMNS: list[Column] = [
    ("REPOSITORY", lambda i: i.repository or "<none>"),
    ("TAG", lambda i: i.tag or "<none>"),
    ("IMAGE ID", lambda i: i.id.replace("sha256:", "")[:12]),
    ("CREATED", lambda i: i.raw.get("CreatedSince")),
    ("SIZE", lambda i: i.raw.get("Size")),
]


@click.command(name="ls", epilog=examples("dockwrap image ls", "dockwrap image ls -q", "dockwrap image ls --json | jq '.[].size_bytes'"))
@click.option("-a", "--all", "all_", is_flag=True, help="Show intermediate images too.")
@click.option("-f", "--filter", "filters", multiple=True, metavar="KEY=VALUE", help="Filter as docker does (repeatable).")
@json_option
@quiet_option
@raw_option
@click.argument("reference", required=False)
@pass_docker
def command(docker: Docker, all_: bool, filters: tuple[str, ...], reference: str | None, as_json: bool, quiet: bool, raw: bool) -> None:
    """List local images."""
    rows = docker.image.ls(all=all_, filters=filters, reference=reference)
    print_records(rows, COLUMNS, as_json=as_json, quiet=quiet, raw=raw)
