"""`dockwrap container top`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import click

from ...client import Docker
from ...cli.output import print_json, print_table
from ...cli.options import examples, json_option, pass_docker, raw_option

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Process


@click.command(name="top", epilog=examples(
    "dockwrap container top web",
    "dockwrap container top web --json | jq '.[].pid'    # host PIDs",
    "dockwrap container top web -- -o pid,comm",
))
@json_option
@raw_option
@click.argument("container")
@click.argument("ps_args", nargs=-1, type=click.UNPROCESSED)
@pass_docker
def command(docker: Docker, container: str, ps_args: tuple[str, ...], as_json: bool, raw: bool) -> None:
    """Show a container's processes, as the host sees them (host PIDs).

    Arguments after the container go to the host's `ps` (default -ef).
    """
    processes = docker.container.top(container, ps_args)
    if as_json:
        print_json(processes, raw=raw)
        return
    headers = list(processes[0].raw) if processes else ["UID", "PID", "PPID", "C", "STIME", "TTY", "TIME", "CMD"]
    print_table(processes, [(h, _cell(h)) for h in headers])


def _cell(header: str) -> Callable[[Process], str | None]:
    """The column of one ps header, as docker printed it."""
    return lambda process: process.raw.get(header)
