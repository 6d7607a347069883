"""Text docker wrote for a terminal, as lines.

On a TTY docker redraws its progress in place: each update moves the cursor up (`ESC[1A`),
clears the line (`ESC[2K`), returns (`\\r`), writes, and moves back down (`ESC[1B`); the
classic builder colours a step's stderr (`ESC[91m` ... `ESC[0m`) even on a pipe; and a pty
ends lines with `\\r\\n`. Without the escape codes, every `\\r` or `\\n` ends a piece of text
that the terminal showed on its own line at some moment: those pieces are the lines here.
"""

from __future__ import annotations

import re

__all__ = ["strip_escapes", "screen_lines"]

# CSI sequences (cursor moves, erasing, colours); docker writes no others.
_CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
_BREAK = re.compile(r"[\r\n]+")


def strip_escapes(text: str) -> str:
    """text without its terminal escape sequences."""
    return _CSI.sub("", text) if "\x1b" in text else text


def screen_lines(text: str) -> list[str]:
    """The pieces of text between line ends and carriage returns, escape codes removed, trailing
    blanks cut; empty pieces left out."""
    return [line for line in (piece.rstrip() for piece in _BREAK.split(strip_escapes(text))) if line]
