"""`dockwrap container VERB`: one module per verb, registered in COMMANDS (imported when used)."""

from __future__ import annotations

import click

from ...cli.lazy import LazyCommands

__all__ = ["group", "COMMANDS"]

#: verb -> "module:command"; a verb's module is imported only when it runs or is listed by --help
COMMANDS = LazyCommands({
    verb: f"{__name__}.{module}:command"
    for verb, module in [
        ("ls", "ls"), ("run", "run"), ("exec", "exec"), ("logs", "logs"), ("top", "top"), ("inspect", "inspect"),
        ("stats", "stats"), ("start", "start"), ("stop", "stop"), ("rm", "rm"), ("port", "port"),
    ]
})


@click.group(name="container", commands=COMMANDS,
             epilog="\b\nExamples:\n  dockwrap container ls -a\n  dockwrap container run -d --name web busybox httpd -f -p 80")
def group() -> None:
    """Manage containers (the docker container verbs)."""
