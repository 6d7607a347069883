"""`dockwrap container stats`."""

from __future__ import annotations

from typing import Any, Callable

import click

from ...client import Docker
from ...cli.output import Column, cell, print_records
from ...cli.options import examples, json_option, pass_docker, raw_option

def _text(docker_key: str, podman_key: str) -> Callable[[Any], Any]:
    """docker's own text of a field (podman's `raw` has it under a lowercase key)."""
    return lambda s: s.raw.get(docker_key, s.raw.get(podman_key))


COLUMNS: list[Column] = [
    ("CONTAINER ID", lambda s: s.id[:12]),
    ("NAME", lambda s: s.name),
    ("CPU %", _text("CPUPerc", "cpu_percent")),
    ("MEM USAGE / LIMIT", _text("MemUsage", "mem_usage")),
    ("MEM %", _text("MemPerc", "mem_percent")),
    ("NET I/O", _text("NetIO", "net_io")),
    ("BLOCK I/O", _text("BlockIO", "block_io")),
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
