"""`dockwrap image history` (also `dockwrap history`)."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb
from ...parse.times import human_since
from ...parse.units import human_size

# docker's own text where it printed one; podman's JSON has the time and the bytes only
COLUMNS: list[Column] = [
    ("IMAGE", lambda r: r.id or "<missing>"),
    ("CREATED", lambda r: r.raw.get("CreatedSince") or human_since(r.created_at)),
    ("CREATED BY", lambda r: r.raw.get("CreatedBy")),
    ("SIZE", lambda r: r.raw["Size"] if isinstance(r.raw.get("Size"), str) else human_size(r.size_bytes)),
    ("COMMENT", lambda r: r.comment),
]


@docker_verb(
    ("image", "history"),
    own=(JSON, RAW),
    examples=(
        "dockwrap history app:v1",
        "dockwrap history --no-trunc app:v1 --json | jq -r '.[].created_by'",
    ),
)
def command(run: Invocation) -> None:
    """Show an image's steps, newest first (<missing>: a step whose image is not here)."""
    (image,) = run.operands(1, 1)
    if run.docker_prints("format"):
        return
    rows = run.docker.image.history(image, docker_args=run.line.without("quiet"))
    run.out.records(rows, COLUMNS, quiet=run.line.flag("quiet"), key=lambda row: row.id or "<missing>")
