"""`dockwrap network create`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("network", "create"),
    own=(JSON,),
    examples=(
        "dockwrap network create lesson",
        "dockwrap network create --subnet 10.123.0.0/24 --label purpose=demo lesson",
        "dockwrap network create --driver overlay --attachable mesh     # swarm",
    ),
)
def command(run: Invocation) -> None:
    """Create a network; print its ID."""
    (name,) = run.operands(1, 1)
    network_id = run.docker.network.create(name, docker_args=run.line.docker_words)
    run.out.value({"id": network_id}, network_id)
