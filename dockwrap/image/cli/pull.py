"""`dockwrap image pull` (also `dockwrap pull`)."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, Invocation, docker_verb
from ._progress import display

COLUMNS: list[Column] = [
    ("REFERENCE", lambda r: r.reference),
    ("DIGEST", lambda r: r.digest),
    ("IMAGE ID", lambda r: (r.image_id or "").replace("sha256:", "")[:12]),
    ("STATUS", lambda r: r.status),
]


@docker_verb(
    ("image", "pull"),
    own=(JSON,),
    examples=(
        "dockwrap pull 127.0.0.1:5000/app:v1",
        "dockwrap pull 127.0.0.1:5000/app:v1 --json | jq -r .image_id",
        "dockwrap pull -q 127.0.0.1:5000/app:v1     # the reference alone, no progress",
    ),
)
def command(run: Invocation) -> None:
    """Pull an image from a registry: its progress on stderr while it runs (docker's own on a
    terminal, a line per layer state elsewhere), then its reference, digest and image ID."""
    (reference,) = run.operands(1, 1)
    result = run.docker.image.pull(reference, display=display(run), docker_args=run.line.docker_words)
    if run.line.flag("quiet") and not run.out.as_json:
        run.out.line(result.reference)
        return
    if run.out.as_json:
        run.out.json(result)
    else:
        run.out.table([result], COLUMNS)
