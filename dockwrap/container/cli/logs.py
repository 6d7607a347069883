"""`dockwrap container logs` (also `dockwrap logs`)."""

from __future__ import annotations

import click

from ...client import Docker
from ...cli.options import examples, pass_docker


@click.command(name="logs", epilog=examples(
    "dockwrap logs web",
    "dockwrap logs -f --tail 10 -t web",
))
@click.option("-f", "--follow", is_flag=True, help="Keep following new output (Ctrl-C to stop).")
@click.option("-n", "--tail", type=int, help="Only the last N lines.")
@click.option("-t", "--timestamps", is_flag=True, help="Prefix each line with its RFC 3339 time.")
@click.argument("container")
@pass_docker
def command(docker: Docker, container: str, follow: bool, tail: int | None, timestamps: bool) -> None:
    """Show a container's output: its stdout on stdout, its stderr on stderr, byte for byte."""
    docker.container.logs(container, follow=follow, tail=tail, timestamps=timestamps, output="terminal")
