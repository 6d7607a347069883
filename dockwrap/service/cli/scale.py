"""`dockwrap service scale`."""

from __future__ import annotations

import re

import click

from ...client import Docker
from ...cli.options import examples, pass_docker
# (the --wait flag's parameter is called wait: the helper gets another name)
from ._wait import wait as wait_converged
from ._wait import wait_option, wait_timeout_option

_PAIR = re.compile(r"^([^=\s]+)=(\d+)$")


def _pairs(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> list[tuple[str, int]]:
    pairs = []
    for value in values:
        match = _PAIR.match(value)
        if not match:
            raise click.BadParameter(f"{value!r} is not SERVICE=REPLICAS (e.g. web=3)", ctx=ctx, param=param)
        pairs.append((match.group(1), int(match.group(2))))
    return pairs


@click.command(name="scale", epilog=examples(
    "dockwrap service scale web=3",
    "dockwrap service scale --wait web=0 api=2",
))
@wait_option
@wait_timeout_option
@click.argument("pairs", nargs=-1, required=True, metavar="SERVICE=REPLICAS...", callback=_pairs)
@pass_docker
def command(docker: Docker, pairs: list[tuple[str, int]], wait: bool, wait_timeout: float) -> None:
    """Set the number of tasks of replicated services (one docker call each)."""
    for name, replicas in pairs:
        docker.service.scale(name, replicas)
    if wait:
        for name, _ in pairs:
            wait_converged(docker, name, wait_timeout)

