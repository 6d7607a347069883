"""`dockwrap container cp` (also `dockwrap cp`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "cp"),
    examples=(
        "dockwrap cp web:/etc/nginx ./nginx-conf      # a directory, recursively",
        "dockwrap cp ./site web:/www",
        "dockwrap cp web:/var/log - | tar -t           # a tar stream on stdout",
        "tar -c site | dockwrap cp - web:/www           # one on stdin",
    ),
)
def command(run: Invocation) -> int:
    """Copy files or directories between a container and this machine, byte for byte.

    `-` is a tar stream: on stdin as the source, on stdout as the destination.
    """
    source, destination = run.operands(2, 2)
    return run.docker.container.cp(source, destination, output="terminal", docker_args=run.line.docker_words).exit_code
