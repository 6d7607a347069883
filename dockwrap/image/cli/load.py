"""`dockwrap image load` (also `dockwrap load`)."""

from __future__ import annotations

import sys

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("image", "load"),
    own=(JSON,),
    examples=(
        "dockwrap load -i app.tar",
        "gunzip -c app.tar.gz | dockwrap load",
        "dockwrap load -i app.tar --json | jq -r '.references[]'",
    ),
)
def command(run: Invocation) -> None:
    """Load images from a tar archive (-i, or stdin): what docker loaded (Loaded image: NAME)."""
    run.operands(0, 0)
    source = None if run.line.given("input") else sys.stdin.buffer
    result = run.docker.image.load(source, docker_args=run.line.docker_words)
    lines = [f"Loaded image: {name}" for name in result.references]
    lines += [f"Loaded image ID: {image_id}" for image_id in result.image_ids]
    run.out.value(result, "\n".join(lines))
