"""`docker image load` and `docker image import` output: LoadResult, ImportResult.

    load:   Loaded image: fxrec-img-built:q            (an archive saved by name)
            Loaded image ID: sha256:3be1...            (saved by ID)
            The image fxrec-img-built:q already exists, renaming the old one with ID sha256:3be1... to empty string
    import: sha256:98bd...                             (the new image's ID)

On a terminal `load` also draws `Loading layer [==>  ] 1.2MB/3MB` lines (not without one, nor with -q).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ParseError
from ...parse.record import Record
from ...parse.terminal import screen_lines

_ID = r"sha256:[0-9a-f]{64}"
_LOADED = re.compile(r"^Loaded image: (\S+)$")
_LOADED_ID = re.compile(rf"^Loaded image ID: ({_ID})$")
_RENAMED = re.compile(rf"^The image (\S+) already exists, renaming the old one with ID ({_ID}) to empty string$")
_LOADING = re.compile(r"^(?:[0-9a-f]{12}: )?Loading layer\b")


@dataclass(frozen=True, slots=True)
class LoadResult(Record):
    """The names and the IDs an archive brought (an archive saved by ID has no names), and the
    names that moved to it from another image: name -> the ID that lost it."""

    references: list[str]
    image_ids: list[str]
    moved_tags: dict[str, str]


@dataclass(frozen=True, slots=True)
class ImportResult(Record):
    image_id: str


def parse_image_load(text: str, command: str = "docker image load") -> LoadResult:
    references: list[str] = []
    image_ids: list[str] = []
    moved: dict[str, str] = {}
    for line in screen_lines(text):
        if match := _LOADED.match(line):
            references.append(match.group(1))
        elif match := _LOADED_ID.match(line):
            image_ids.append(match.group(1))
        elif match := _RENAMED.match(line):
            moved[match.group(1)] = match.group(2)
        elif not _LOADING.match(line):
            raise ParseError(command, "not a line of load output", line)
    if not references and not image_ids:
        raise ParseError(command, "no 'Loaded image' line: the output is cut short", text[-200:])
    return LoadResult(references, image_ids, moved)


def parse_image_import(text: str, command: str = "docker image import") -> ImportResult:
    value = text.strip()
    if not re.fullmatch(_ID, value):
        raise ParseError(command, "not an image ID", value)
    return ImportResult(value)
