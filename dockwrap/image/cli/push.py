"""`dockwrap image push` (also `dockwrap push`)."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, Invocation, docker_verb
from ._progress import display

COLUMNS: list[Column] = [
    ("REFERENCE", lambda r: r.reference),
    ("DIGEST", lambda r: r.digest),
    ("SIZE", lambda r: r.size_bytes),
]


@docker_verb(
    ("image", "push"),
    own=(JSON,),
    examples=(
        "dockwrap tag app:v1 127.0.0.1:5000/app:v1 && dockwrap push 127.0.0.1:5000/app:v1",
        "dockwrap push 127.0.0.1:5000/app:v1 --json | jq -r .digest",
    ),
)
def command(run: Invocation) -> None:
    """Push an image to a registry: its progress on stderr while it runs, then the reference
    pushed, its manifest digest and size."""
    (reference,) = run.operands(1, 1)
    result = run.docker.image.push(reference, display=display(run), docker_args=run.line.docker_words)
    if run.line.flag("quiet") and not run.out.as_json:
        run.out.line(result.reference)
        return
    if run.out.as_json:
        run.out.json(result)
    else:
        run.out.table([result], COLUMNS)
