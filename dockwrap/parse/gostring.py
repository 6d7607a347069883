"""Go's strconv.Quote output (container `Command`) back to the string it quoted."""

from __future__ import annotations

import re

__all__ = ["go_unquote"]

_ESCAPE = re.compile(r'\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|[abfnrtv\\"\'])')
_SIMPLE = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", "\\": "\\", '"': '"', "'": "'"}


def _replace(match: re.Match[str]) -> str:
    code = match.group(1)
    if code in _SIMPLE:
        return _SIMPLE[code]
    if code[0] in "xuU":
        return chr(int(code[1:], 16))
    return chr(int(code, 8))


def go_unquote(text: str) -> str:
    """`"\\"sh -c 'echo hi'\\""` shape: strip the quotes Go added and decode its escapes.

    Text that is not quoted is returned unchanged (some docker-compatible CLIs print it bare).
    """
    if len(text) < 2 or text[0] != '"' or text[-1] != '"':
        return text
    body = text[1:-1]
    if "\\" not in body:
        return body
    return _ESCAPE.sub(_replace, body)
