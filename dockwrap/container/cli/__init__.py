"""`dockwrap container VERB`: one module per verb, registered in COMMANDS."""

from __future__ import annotations

import click

from . import exec as exec_
from . import inspect, logs, ls, port, rm, run, start, stats, stop, top

__all__ = ["group", "COMMANDS"]

COMMANDS: list[click.Command] = [
    ls.command, run.command, exec_.command, logs.command, top.command, inspect.command,
    stats.command, start.command, stop.command, rm.command, port.command,
]


@click.group(name="container", epilog="\b\nExamples:\n  dockwrap container ls -a\n  dockwrap container run -d --name web busybox httpd -f -p 80")
def group() -> None:
    """Manage containers (the docker container verbs)."""


for _command in COMMANDS:
    group.add_command(_command)
