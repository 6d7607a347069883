"""Explanations as text for a terminal: one block per command line.

    docker run -d -p 8080:80 nginx
      command  run         Create and run a new container from an image; short for docker container run
      option   -d          --detach: Run container in background and print container ID
      option   -p 8080:80  --publish: Publish a container's port(s) to the host; host port 8080 on
                           every interface (0.0.0.0 and ::) -> container port 80/tcp
      IMAGE    nginx       nginx:latest (no tag given: docker uses latest) from Docker Hub (...)
      warning: -p 8080:80 publishes on every interface (0.0.0.0 and ::): ...

A role column (the usage line's own names for operands: IMAGE, COMMAND, CONTAINER), the words,
and the explanation, wrapped to the terminal; the findings last.
"""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Sequence

from .records import Explanation, Piece

__all__ = ["render"]

_ROLES = {"environment": "env", "global-option": "global", "end-of-options": "end"}
#: beyond this, a row's words take a line of their own and the explanation starts below
_WORDS_WIDTH = 28
_END = "end of docker's options: every word after it is an operand"


def render(explanations: Sequence[Explanation], width: int = 100, numbered: bool = False) -> str:
    """The blocks, separated by blank lines; a skipped command is one line."""
    blocks = []
    for explanation in explanations:
        where = f"line {explanation.line}: " if numbered and explanation.line is not None else ""
        if explanation.status == "skipped":
            blocks.append(f"{where}skipped, not a docker command: {explanation.text}")
        else:
            blocks.append(_block(explanation, where, width))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def _block(explanation: Explanation, where: str, width: int) -> str:
    rows = _rows(explanation.pieces)
    role_width = max((len(role) for role, _, _ in rows), default=0)
    words_width = min(max((len(words) for _, words, _ in rows), default=0), _WORDS_WIDTH)
    column = 2 + role_width + 2 + words_width + 2
    lines = [f"{where}{explanation.text}"]
    for role, words, text in rows:
        head = f"  {role:<{role_width}}  {words}"
        wrapped = textwrap.wrap(text, max(width - column, 30), break_long_words=False, break_on_hyphens=False) or [""]
        if len(words) > words_width:
            lines.append(head)
            lines += [" " * column + part for part in wrapped]
        else:
            lines.append(f"{head:<{column}}{wrapped[0]}".rstrip())
            lines += [" " * column + part for part in wrapped[1:]]
    for finding in explanation.findings:
        lines += textwrap.wrap(
            f"{finding.level}: {finding.message}",
            max(width - 2, 30),
            initial_indent="  ",
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        if finding.suggestion and finding.suggestion.startswith("docker "):
            lines.append(f"    try: {finding.suggestion}")
    return "\n".join(lines)


def _rows(pieces: Sequence[Piece]) -> list[tuple[str, str, str]]:
    """(role, words, explanation) per row; a container's COMMAND and its ARGs are one row, as are
    the words of one variadic operand (`rm a b c`)."""
    rows: list[tuple[str, str, str]] = []
    merged: list[str] = []
    for index, piece in enumerate(pieces):
        previous = pieces[index - 1] if index else None
        if (
            piece.role == "operand"
            and previous is not None
            and previous.role == "operand"
            and rows
            and (piece.name == previous.name or (piece.name == "ARG" and previous.name in ("COMMAND", "ARG")))
        ):
            merged += piece.words
            role, _, text = rows[-1]
            rows[-1] = (role, shlex.join(merged), text)
            continue
        merged = list(piece.words)
        rows.append((_role(piece), _words(piece), _text(piece)))
    return rows


def _role(piece: Piece) -> str:
    if piece.role == "operand":
        return piece.name or "operand"
    return _ROLES.get(piece.role, piece.role)


def _words(piece: Piece) -> str:
    if piece.role in ("option", "global-option") and piece.spelling:
        value = piece.value or ""
        if piece.words[:1] in ((piece.spelling,), (piece.spelling + value,), (f"{piece.spelling}={value}",)):
            return " ".join(piece.words)  # as written: `--name web`, `--name=web`, `-p8080:80`
        return piece.spelling if piece.value is None else f"{piece.spelling} {shlex.quote(piece.value)}"
    return shlex.join(piece.words)


def _text(piece: Piece) -> str:
    if piece.role == "end-of-options":
        return _END
    described = piece.description
    if described and piece.default:
        described += f" (default {piece.default})"
    lead = piece.name if piece.role in ("option", "global-option") and piece.name != piece.spelling else None
    if piece.role in ("option", "global-option") and not described and not piece.note:
        described = "(not described by this docker's --help)" if piece.name else "(unknown option)"
    if piece.role == "operand" and not piece.name:
        described = "(not read: docker stops before it)"
    body = "; ".join(part for part in (described, piece.note) if part)
    return f"{lead}: {body}" if lead and body else (lead or body)
