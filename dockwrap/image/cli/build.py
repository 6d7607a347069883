"""`dockwrap image build` (also `dockwrap build`)."""

from __future__ import annotations

import sys

from ...cli.verbs import JSON, Invocation, docker_verb
from ._progress import display


@docker_verb(
    ("image", "build"),
    own=(JSON,),
    examples=(
        "dockwrap build -t app:v1 .",
        "id=$(dockwrap build --build-arg VERSION=2 -f Dockerfile.prod .)",
        "dockwrap build -t app:v1 . --json | jq '.steps[] | .instruction'",
        "dockwrap build -t app:v1 - < Dockerfile     # no context, the Dockerfile on stdin",
    ),
)
def command(run: Invocation) -> None:
    """Build an image with docker's classic builder: the build's output on stderr as it comes,
    then the image's ID (in full) on stdout.

    A failing step ends with docker's message, that step's status, and the step and its output
    in the error; what it printed is above."""
    (context,) = run.operands(1, 1)
    reads_stdin = context == "-" or run.line.value("file") == "-"
    result = run.docker.image.build(
        context,
        input=sys.stdin.buffer if reads_stdin else None,
        display=display(run),
        docker_args=run.line.docker_words,
    )
    run.out.value(result, result.image_id)
