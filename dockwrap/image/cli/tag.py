"""`dockwrap image tag` (also `dockwrap tag`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("image", "tag"),
    examples=(
        "dockwrap tag app:v1 127.0.0.1:5000/app:v1",
        "dockwrap tag 3be1c2f4 app:latest",
    ),
)
def command(run: Invocation) -> None:
    """Give an image another name (TARGET); prints nothing, as docker."""
    source, target = run.operands(2, 2)
    run.docker.image.tag(source, target, docker_args=run.line.docker_words)
