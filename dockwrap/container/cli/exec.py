"""`dockwrap container exec` (also `dockwrap exec`)."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="exec", context_settings={"allow_interspersed_args": False}, epilog=examples(
    "dockwrap exec web ls /",
    "dockwrap exec -it web sh",
    "dockwrap exec web sh -c 'exit 7'; echo $?    # 7",
))
@click.option("-i", "--interactive", is_flag=True, help="Keep stdin open.")
@click.option("-t", "--tty", is_flag=True, help="Allocate a pseudo-terminal.")
@click.option("-e", "--env", multiple=True, metavar="NAME[=VALUE]", help="Set an environment variable (repeatable).")
@click.option("-w", "--workdir", help="Working directory inside the container.")
@click.option("-u", "--user", help="User to run as.")
@click.argument("container")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@pass_docker
@click.pass_context
def command(ctx: click.Context, docker: Docker, container: str, command: tuple[str, ...], interactive: bool,
            tty: bool, env: tuple[str, ...], workdir: str | None, user: str | None) -> None:
    """Run a command in a running container; exit with its status."""
    done = docker.container.exec(container, list(command), interactive=interactive, tty=tty, env=env,
                                 workdir=workdir, user=user, output="terminal")
    ctx.exit(done.exit_code)
