"""`dockwrap swarm init`."""

from __future__ import annotations

import sys

import click

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("swarm", "init"),
    own=(JSON,),
    examples=(
        "dockwrap swarm init --advertise-addr 127.0.0.1     # a single-node swarm on this machine",
        "dockwrap swarm init --json | jq -r .node_id",
    ),
)
def command(run: Invocation) -> None:
    """Make this engine a swarm manager (a single-node swarm); print its node ID."""
    run.operands(0, 0)
    node_id = run.docker.swarm.init(docker_args=run.line.docker_words)
    run.out.value({"node_id": node_id or None}, node_id)
    if node_id and sys.stderr.isatty():
        # docker prints the join token; dockwrap keeps credentials off the screen
        click.echo("other engines join with the command that `docker swarm join-token worker` prints", err=True)
