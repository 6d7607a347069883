"""`dockwrap network connect`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("network", "connect"),
    examples=(
        "dockwrap network connect lesson a",
        "dockwrap network connect --alias web --alias www lesson a    # both names resolve to a",
    ),
)
def command(run: Invocation) -> None:
    """Connect a container to a network."""
    network, container = run.operands(2, 2)
    run.docker.network.connect(network, container, docker_args=run.line.docker_words)
