"""`dockwrap system df`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...cli.output import Column
from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import DiskUsage, DiskUsageRows


def _text(key: str) -> Any:
    """docker's own text of a field (`1.988MB`, `2kB (33%)`)."""
    return lambda row: row.raw.get(key)


def _or_size(text: Any, size: int) -> str | None:
    from ...parse.units import human_size

    return text if isinstance(text, str) else human_size(size)


TOTALS: list[Column] = [
    ("TYPE", lambda row: row[0]),
    ("TOTAL", lambda row: row[1].total),
    ("ACTIVE", lambda row: row[1].active),
    # docker's own text (`1.988MB`, `2kB (33%)`); podman's rows have the bytes only
    ("SIZE", lambda row: _or_size(row[1].raw.get("Size"), row[1].size_bytes)),
    ("RECLAIMABLE", lambda row: _or_size(row[1].raw.get("Reclaimable"), row[1].reclaimable_bytes)),
]
# -v: the sections of docker's table form, each a table of its own
IMAGES: list[Column] = [
    ("REPOSITORY", lambda u: u.image.raw.get("Repository")),
    ("TAG", lambda u: u.image.raw.get("Tag")),
    ("IMAGE ID", lambda u: u.image.id.removeprefix("sha256:")[:12]),
    ("CREATED", lambda u: u.image.raw.get("CreatedSince")),
    ("SIZE", lambda u: u.image.raw.get("Size")),
    ("SHARED SIZE", lambda u: u.image.raw.get("SharedSize")),
    ("UNIQUE SIZE", lambda u: u.image.raw.get("UniqueSize")),
    ("CONTAINERS", lambda u: u.containers),
]
CONTAINERS: list[Column] = [
    ("CONTAINER ID", lambda c: c.id[:12]),
    ("IMAGE", lambda c: c.image),
    ("LOCAL VOLUMES", _text("LocalVolumes")),
    ("SIZE", _text("Size")),
    ("CREATED", lambda c: c.running_for),
    ("STATUS", lambda c: c.status),
    ("NAMES", lambda c: c.name),
]
VOLUMES: list[Column] = [("VOLUME NAME", lambda v: v.name), ("LINKS", lambda v: v.links), ("SIZE", _text("Size"))]
CACHE: list[Column] = [
    ("CACHE ID", lambda b: b.id),
    ("CACHE TYPE", lambda b: b.type),
    ("SIZE", _text("Size")),
    ("CREATED", _text("CreatedSince")),
    ("LAST USED", _text("LastUsedSince")),
    ("USAGE", lambda b: b.usage_count),
    ("SHARED", lambda b: b.shared),
]


@docker_verb(
    ("system", "df"),
    own=(JSON, RAW),
    examples=(
        "dockwrap system df",
        "dockwrap system df --json | jq '.images.reclaimable_bytes'",
        "dockwrap system df -v --json | jq -r '.volumes[] | select(.links == 0) | .name'",
    ),
)
def command(run: Invocation) -> None:
    """Show what images, containers, volumes and the build cache take; -v: each of them."""
    if run.docker_prints("format"):
        return
    usage = run.docker.system.df(docker_args=run.line.docker_words)
    if run.out.as_json:
        run.out.json(usage)
    elif run.line.flag("verbose"):
        _sections(run, usage)  # type: ignore[arg-type]
    else:
        totals: DiskUsage = usage  # type: ignore[assignment]
        run.out.table(
            [
                ("Images", totals.images),
                ("Containers", totals.containers),
                ("Local Volumes", totals.volumes),
                ("Build Cache", totals.build_cache),
            ],
            TOTALS,
        )


def _sections(run: Invocation, rows: DiskUsageRows) -> None:
    for title, found, columns in (
        ("Images space usage:", rows.images, IMAGES),
        ("Containers space usage:", rows.containers, CONTAINERS),
        ("Local Volumes space usage:", rows.volumes, VOLUMES),
        ("Build cache usage:", rows.build_cache, CACHE),
    ):
        run.out.line(title)
        run.out.line("")
        run.out.table(found, columns)
        run.out.line("")
