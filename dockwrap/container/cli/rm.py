"""`dockwrap container rm`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import show_done
from ...cli.options import examples, pass_docker


@click.command(name="rm", epilog=examples("dockwrap container rm web", "dockwrap container rm -f web db    # stop and remove"))
@click.option("-f", "--force", is_flag=True, help="Remove running containers too (and no error for missing ones).")
@click.option("-v", "--volumes", is_flag=True, help="Remove anonymous volumes too.")
@click.argument("containers", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, containers: tuple[str, ...], force: bool, volumes: bool) -> None:
    """Remove containers."""
    show_done(lambda: docker.container.rm(list(containers), force=force, volumes=volumes))
