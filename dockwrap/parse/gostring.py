"""Go's strconv.Quote: its output (container `Command`) back to the string it quoted, and the same
quoting done here, for text a terminal must show rather than obey."""

from __future__ import annotations

import re

__all__ = ["go_unquote", "go_quote", "printable"]

_GO_SIMPLE = {"\a": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v"}


def _go_escape(char: str) -> str:
    if char in _GO_SIMPLE:
        return _GO_SIMPLE[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape), as Go shows it
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """text with every character a terminal would act on (controls, escape sequences, line
    breaks, invisible formatting) written as Go writes it in strconv.Quote (`\\n`, `\\x1b`,
    `\\u202e`); printable text is unchanged."""
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else _go_escape(char) for char in text)


def go_quote(text: str) -> str:
    """strconv.Quote(text): how docker's tables show a container's command."""
    body = "".join("\\" + char if char in '"\\' else char if char.isprintable() else _go_escape(char) for char in text)
    return f'"{body}"'


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
