"""`dockwrap service rm`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import show_done
from ...cli.options import examples, pass_docker


@click.command(name="rm", epilog=examples("dockwrap service rm web", "dockwrap service rm web api"))
@click.argument("services", nargs=-1, required=True)
@pass_docker
def command(docker: Docker, services: tuple[str, ...]) -> None:
    """Remove services (their tasks stop shortly after); print the names removed."""
    show_done(lambda: docker.service.rm(list(services)))
