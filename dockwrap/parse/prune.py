"""What every `prune` prints (container, volume, network, image, builder, system), as one record.

    Deleted Containers:
    4a8e2c5a74fd...
    <blank>
    Deleted Images:
    untagged: busybox:latest
    deleted: sha256:4deea961...
    <blank>
    Total reclaimed space: 13.05kB

Sections are left out when nothing of their kind went; `Deleted Networks:` and `Deleted Volumes:`
list names, the others IDs. podman 4.3's `system prune` heads its sections without the colon
(`Deleted Containers`) and lists images by ID alone; its other prunes print one name or ID a line,
and no total (parse_podman_prune). Without --force docker first asks (`WARNING! ... [y/N] `) on stdout:
with no terminal to answer it removes nothing (20.10 then prints `Total reclaimed space: 0B`
after the question, 28.x nothing).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import ParseError
from .record import Record, field_value
from .units import parse_size

__all__ = ["PruneResult", "parse_prune", "parse_podman_prune"]


@dataclass(frozen=True, slots=True)
class PruneResult(Record):
    """What a prune removed, by kind, and the space it gave back."""

    containers: list[str]
    networks: list[str]
    volumes: list[str]
    #: image IDs deleted (`deleted: sha256:...`)
    images: list[str]
    #: references untagged (`untagged: busybox:latest`), the image itself may stay
    untagged: list[str]
    build_cache: list[str]
    space_reclaimed_bytes: int | None

    @property
    def removed(self) -> list[str]:
        """Every name or ID removed, in the order docker printed them (untagged references aside)."""
        return [*self.containers, *self.networks, *self.volumes, *self.images, *self.build_cache]


_SECTIONS = {
    "Deleted Containers:": "containers",
    "Deleted Networks:": "networks",
    "Deleted Volumes:": "volumes",
    "Deleted Images:": "images",
    "Deleted build cache objects:": "build_cache",
}
#: podman's headings of `system prune`: docker's without the colon (it has no build cache)
_PODMAN_SECTIONS = {heading.rstrip(":"): kind for heading, kind in _SECTIONS.items() if kind != "build_cache"}
_TOTAL = "Total reclaimed space:"
_QUESTION = "Are you sure you want to continue? [y/N]"


def parse_prune(text: str, command: str = "docker system prune") -> PruneResult:
    """Any prune's stdout. A line outside the shape above is a ParseError naming the command."""
    if text.startswith("WARNING!"):
        # the question and what was printed after it on the same line (no newline: nobody answered)
        asked, sep, text = text.partition(_QUESTION)
        if not sep:
            raise ParseError(command, "a warning without docker's question", asked.splitlines()[0])
    found: dict[str, list[str]] = {kind: [] for kind in (*_SECTIONS.values(), "untagged")}
    space: int | None = None
    section: str | None = None
    podman = False
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            section = None
        elif line in _SECTIONS:
            section = _SECTIONS[line]
        elif line in _PODMAN_SECTIONS:
            section, podman = _PODMAN_SECTIONS[line], True
        elif line.startswith(_TOTAL):
            space = field_value(command, "Total reclaimed space", parse_size, line[len(_TOTAL) :].strip())
            section = None
        elif section == "images" and podman and " " not in line:
            found["images"].append(line)
        elif section == "images":
            kind, sep, value = line.partition(": ")
            if not sep or kind not in ("untagged", "deleted"):
                raise ParseError(command, "an image line is neither untagged: nor deleted:", line)
            found["untagged" if kind == "untagged" else "images"].append(value)
        elif section is not None and " " not in line:
            found[section].append(line)
        else:
            raise ParseError(command, "a line outside docker's prune sections", line)
    return PruneResult(
        containers=found["containers"],
        networks=found["networks"],
        volumes=found["volumes"],
        images=found["images"],
        untagged=found["untagged"],
        build_cache=found["build_cache"],
        space_reclaimed_bytes=space,
    )


#: the noun of a prune -> the PruneResult field of what it removes
PRUNED = {"container": "containers", "network": "networks", "volume": "volumes", "image": "images"}


def parse_podman_prune(text: str, noun: str, command: str = "podman prune") -> PruneResult:
    """podman 4.3's `container`, `volume`, `network` or `image prune`: one name (volumes,
    networks) or ID a line, nothing when nothing went, and no total (space_reclaimed_bytes None)."""
    removed = [line.strip() for line in text.splitlines() if line.strip()]
    for line in removed:
        if " " in line:
            raise ParseError(command, "not a name or ID", line)
    found: dict[str, list[str]] = {kind: [] for kind in (*_SECTIONS.values(), "untagged")}
    found[PRUNED[noun]] = removed
    return PruneResult(
        containers=found["containers"],
        networks=found["networks"],
        volumes=found["volumes"],
        images=found["images"],
        untagged=[],
        build_cache=[],
        space_reclaimed_bytes=None,
    )
