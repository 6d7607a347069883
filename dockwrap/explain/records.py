"""What `explain` says about one docker command line, as records (`to_json()`: snake_case keys)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..parse.record import Record

__all__ = ["Role", "Level", "Piece", "Finding", "Explanation"]

#: environment: `NAME=value` before docker; global-option: docker's own (`-H`), before the
#: command; command: the command's words; option: the command's; operand: the words the usage
#: line names (IMAGE, CONTAINER, COMMAND, ARG...); end-of-options: `--`
Role = Literal["environment", "global-option", "command", "option", "operand", "end-of-options"]
#: error: docker refuses the line; warning: docker runs it, maybe not as meant; note: for reading
Level = Literal["error", "warning", "note"]


@dataclass(frozen=True, slots=True)
class Piece(Record):
    """One part of the line and its role.

    `words` are the input words it came from (a bundle `-dp 80:80` gives `-d` and `-p` the same
    two words). `name` is what the piece is: the option's long spelling (`--publish`), the
    operand's usage name (`IMAGE`), the canonical command (`container run`), the variable's
    name. `spelling` and `value` are the option as written (`-p`, `8080:80`). `description` is
    docker's own text from the installed client's `--help` (None when it has none for this),
    `default` docker's default as `--help` prints it; `note` is dockwrap's reading of the value
    (`host port 8080 on every interface ...`).
    """

    role: Role
    words: tuple[str, ...]
    name: str | None = None
    spelling: str | None = None
    value: str | None = None
    description: str | None = None
    default: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Finding(Record):
    """Something to know about the line: `code` names the kind (`unknown-option`, `after-image`,
    `tty-without-interactive`, ...), `word` the word it is about, `suggestion` what to write."""

    level: Level
    code: str
    message: str
    word: str | None = None
    suggestion: str | None = None


@dataclass(frozen=True, slots=True)
class Explanation(Record):
    """One command line of the input.

    `status` is `skipped` for a shell command that is not docker (then only `text`, `line` and
    `words` are set). `argv` is what follows `docker`. `command` is the canonical command
    (`container ls`), `spelled` the words the line used for it (`ps`); the `command` piece
    holds docker's own summary of it. `line` is the input line it starts on (None for an argv).
    """

    text: str
    status: Literal["explained", "skipped"]
    line: int | None = None
    words: tuple[str, ...] = ()
    argv: tuple[str, ...] = ()
    command: str | None = None
    spelled: str | None = None
    pieces: tuple[Piece, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def refused(self) -> bool:
        """Whether docker would refuse the line (a finding of level `error`)."""
        return any(finding.level == "error" for finding in self.findings)
