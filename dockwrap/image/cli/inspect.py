"""`dockwrap image inspect`."""

from __future__ import annotations

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

COLUMNS: list[Column] = [
    ("IMAGE ID", lambda d: d.id.replace("sha256:", "")[:12]),
    ("TAGS", lambda d: d.repo_tags),
    ("DIGESTS", lambda d: d.repo_digests),
    ("CREATED", lambda d: d.created_at.isoformat() if d.created_at else None),
    ("SIZE", lambda d: d.size_bytes),
    ("PLATFORM", lambda d: "/".join(part for part in (d.os, d.architecture) if part)),
]


@docker_verb(
    ("image", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap image inspect busybox app:v1       # one docker call for both",
        "dockwrap image inspect app:v1 --json | jq '.[0].labels'",
        "dockwrap image inspect app:v1 --raw         # docker's own JSON",
    ),
)
def command(run: Invocation) -> None:
    """Show details of images: ID, tags and digests, size, platform (--json: config, layers)."""
    names = run.operands(1)
    run.inspecting(lambda words: run.docker.image.inspect(names, docker_args=words), COLUMNS)
