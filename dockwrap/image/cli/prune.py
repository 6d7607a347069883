"""`dockwrap image prune`."""

from __future__ import annotations

from ...cli.prune import reclaimed
from ...cli.verbs import JSON, Invocation, docker_verb
from ...errors import UsageError


@docker_verb(
    ("image", "prune"),
    own=(JSON,),
    examples=(
        "dockwrap image prune -f",
        "dockwrap image prune -af --filter label=stage=test --json | jq .space_reclaimed_bytes",
        "dockwrap image prune                 # docker asks first: passes through as written",
    ),
)
def command(run: Invocation) -> int | None:
    """Remove dangling images (-a: every unused one): what went, and the space given back.

    Without -f docker asks first, on its own terms: the call passes through as written."""
    run.operands(0, 0)
    if not run.line.flag("force") and not run.docker.dry_run:
        if run.out.as_json:
            raise UsageError("--json needs -f/--force: without it docker asks first, and prints its own text")
        return run.passthrough()
    result = run.docker.image.prune(docker_args=run.line.docker_words)
    if run.out.as_json:
        run.out.json(result)
        return None
    lines = []
    if result.untagged or result.images:
        lines = [
            "Deleted Images:",
            *(f"untagged: {name}" for name in result.untagged),
            *(f"deleted: {image}" for image in result.images),
            "",
        ]
    run.out.lines([*lines, *reclaimed(run, result)])
    return None
