"""`dockwrap image ls` (also `dockwrap images`)."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb
from ...parse.times import human_since
from ...parse.units import human_size

# docker's own text where it printed one; podman's JSON has the time and the bytes only
COLUMNS: list[Column] = [
    ("REPOSITORY", lambda i: i.repository or "<none>"),
    ("TAG", lambda i: i.tag or "<none>"),
    ("IMAGE ID", lambda i: i.id.replace("sha256:", "")[:12]),
    ("CREATED", lambda i: i.raw.get("CreatedSince") or human_since(i.created_at)),
    ("SIZE", lambda i: i.raw["Size"] if isinstance(i.raw.get("Size"), str) else human_size(i.size_bytes)),
]


@docker_verb(
    ("image", "ls"),
    own=(JSON, RAW),
    examples=(
        "dockwrap image ls",
        "dockwrap images -q",
        "dockwrap image ls --json | jq '.[].size_bytes'",
    ),
)
def command(run: Invocation) -> None:
    """List local images (docker's --format and --tree print docker's own text)."""
    reference = run.operands(0, 1)
    run.listing(
        lambda words: run.docker.image.ls(reference=reference[0] if reference else None, docker_args=words),
        COLUMNS,
        docker_text=("format", "tree"),
    )
