"""`dockwrap image rm` (also `dockwrap rmi`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("image", "rm"),
    own=(JSON,),
    examples=(
        "dockwrap rmi app:v1 app:v2",
        "dockwrap image rm -f app:v1        # also when a container uses it (untagged)",
        "dockwrap image rm app:v1 --json | jq -r '.[] | select(.action == \"deleted\") | .reference'",
    ),
)
def command(run: Invocation) -> None:
    """Remove images: docker's lines (Untagged: NAME, Deleted: ID). When one cannot go, what
    was done to the others is printed first."""
    images = run.operands(1)

    def show(removed: Sequence[Any]) -> None:
        if run.out.as_json:
            run.out.json(list(removed))
        else:
            run.out.lines([f"{row.action.capitalize()}: {row.reference}" for row in removed])

    run.out.done(lambda: run.docker.image.rm(images, docker_args=run.line.docker_words), show)
