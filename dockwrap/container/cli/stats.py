"""`dockwrap container stats`."""

from __future__ import annotations

import click

from ...client import Docker
from ...formatter import Column, cell, print_records
from ...options import examples, json_option, pass_docker, raw_option

COLUMNS: list[Column] = [
    ("CONTAINER ID", lambda s: s.id[:12]),
    ("NAME", lambda s: s.name),
    ("CPU %", lambda s: s.raw.get("CPUPerc")),
    ("MEM USAGE / LIMIT", lambda s: s.raw.get("MemUsage")),
    ("MEM %", lambda s: s.raw.get("MemPerc")),
    ("NET I/O", lambda s: s.raw.get("NetIO")),
    ("BLOCK I/O", lambda s: s.raw.get("BlockIO")),
    ("PIDS", lambda s: s.pids),
]


@click.command(name="stats", epilog=examples(
    "dockwrap container stats --no-stream",
    "dockwrap container stats --no-stream --json web | jq '.[0].mem_usage_bytes'",
    "dockwrap container stats --json web     # one JSON object per sample, until Ctrl-C",
))
@click.option("--no-stream", is_flag=True, help="One sample, then exit.")
@click.option("-a", "--all", "all_", is_flag=True, help="Stopped containers too.")
@json_option
@raw_option
@click.argument("containers", nargs=-1)
@pass_docker
def command(docker: Docker, containers: tuple[str, ...], no_stream: bool, all_: bool, as_json: bool, raw: bool) -> None:
    """Show containers' CPU, memory, network and block I/O."""
    if no_stream:
        print_records(docker.container.stats(list(containers), all=all_), COLUMNS, as_json=as_json, raw=raw)
        return
    import json

    for sample in docker.container.stats_stream(list(containers)):
        if as_json:
            click.echo(json.dumps(sample.to_json(raw=raw)))
        else:
            click.echo("  ".join(cell(value(sample)) for _, value in COLUMNS))
