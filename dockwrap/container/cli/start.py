"""`dockwrap container start`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.output import show_done
from ...cli.options import examples, pass_docker


@click.command(name="start", epilog=examples(
    "dockwrap container start web",
    "dockwrap container start -ai shell     # attach the terminal",
))
@click.option("-a", "--attach", is_flag=True, help="Attach the container's output; exit with its status.")
@click.option("-i", "--interactive", is_flag=True, help="Attach stdin too.")
@click.argument("containers", nargs=-1, required=True)
@pass_docker
@click.pass_context
def command(ctx: click.Context, docker: Docker, containers: tuple[str, ...], attach: bool, interactive: bool) -> None:
    """Start stopped containers."""
    if attach or interactive:
        done = docker.container.start(list(containers), attach=attach, interactive=interactive, output="terminal")
        ctx.exit(done.exit_code)
    show_done(lambda: docker.container.start(list(containers)).out.splitlines())
