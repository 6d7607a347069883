"""`dockwrap service logs`."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="logs", epilog=examples(
    "dockwrap service logs web",
    "dockwrap service logs -f --tail 10 web",
))
@click.option("-f", "--follow", is_flag=True, help="Keep following new output (Ctrl-C to stop).")
@click.option("-n", "--tail", type=int, help="Only the last N lines of each task.")
@click.option("-t", "--timestamps", is_flag=True, help="Prefix each line with its RFC 3339 time.")
@click.argument("service")
@pass_docker
def command(docker: Docker, service: str, follow: bool, tail: int | None, timestamps: bool) -> None:
    """Show the output of every task of a service, each line prefixed with its task."""
    docker.service.logs(service, follow=follow, tail=tail, timestamps=timestamps, output="terminal")
