"""`dockwrap container stop`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import show_done
from ...cli.options import examples, pass_docker


@click.command(name="stop", epilog=examples("dockwrap container stop web", "dockwrap container stop -t 0 web db"))
@click.option("-t", "--time", type=int, help="Seconds to wait before killing (docker's default: 10).")
@click.argument("containers", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, containers: tuple[str, ...], time: int | None) -> None:
    """Stop running containers (SIGTERM, then SIGKILL after the grace time)."""
    show_done(lambda: docker.container.stop(list(containers), time=time))
