"""Shell text to the simple commands in it, each as the words the shell would pass (pure).

    commands("docker run -d busybox || true  # start it\\n")
    # (ShellCommand(line=1, text='docker run -d busybox', words=('docker', 'run', '-d', 'busybox')),
    #  ShellCommand(line=1, text='true', words=('true',)))

What POSIX sh does before it runs a command, as far as it changes the words:

* `#` at the start of a word starts a comment; a backslash before a newline joins two lines;
* `;`, `&`, `&&`, `|`, `||`, `(`, `)` and newlines separate commands;
* redirections (`>file`, `2>&1`, `<in`, `&>log`, here-documents with their bodies) are not
  words of the command: they are dropped;
* quotes are removed (`'...'` is literal; `"..."` and backslashes as shlex reads them).

Nothing is expanded: `$VAR`, `"${LIST[@]}"`, `$(pwd)` and backquotes stay as written, one word
each, and the words holding them are listed in `expansions` (the shell replaces them when the
script runs, so what docker gets may differ). Each word's quote removal is shlex's own
(`shlex.split` of the word's text), so that quoting here is Python's reading of sh.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass

__all__ = ["ShellCommand", "commands"]

_SEPARATORS = ";&|()"
#: longest first, so that the first match is the operator
_REDIRECTIONS = ("&>>", "<<<", "<<-", "&>", ">>", ">|", ">&", "<<", "<&", "<>", ">", "<")
_BLANKS = " \t"
_CONTINUATION = re.compile(r"[ \t]*\\\n[ \t]*")


@dataclass(frozen=True, slots=True)
class ShellCommand:
    """One simple command: the line it starts on (1-based), its text as written (continuation
    lines joined, redirections included) and its words."""

    line: int
    text: str
    words: tuple[str, ...]
    expansions: tuple[str, ...] = ()


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0
        self.line = 1
        self.heredocs: list[tuple[str, bool]] = []  # delimiters waiting for the end of the line

    def peek(self, offset: int = 0) -> str:
        index = self.at + offset
        return self.text[index] if index < len(self.text) else ""

    def take(self) -> str:
        char = self.text[self.at]
        self.at += 1
        if char == "\n":
            self.line += 1
        return char

    def skip_continuations(self) -> None:
        while self.peek() == "\\" and self.peek(1) == "\n":
            self.take(), self.take()

    def skip_heredoc_bodies(self) -> None:
        """After the newline that ends a command: the here-document lines, to their delimiters."""
        for delimiter, strip_tabs in self.heredocs:
            while self.at < len(self.text):
                end = self.text.find("\n", self.at)
                end = len(self.text) if end < 0 else end
                body_line = self.text[self.at : end]
                while self.at < min(end + 1, len(self.text)):
                    self.take()
                if (body_line.lstrip("\t") if strip_tabs else body_line) == delimiter:
                    break
        self.heredocs.clear()

    def word(self) -> tuple[str, bool]:
        """The raw text of the word at `at` (quotes kept) and whether it expands anything."""
        start = self.at
        expands = False
        while self.at < len(self.text):
            self.skip_continuations()
            char = self.peek()
            if not char or char in _BLANKS or char == "\n" or char in _SEPARATORS or char in "<>":
                break
            if char == "\\":
                self.take()
                if self.at < len(self.text):
                    self.take()
            elif char == "'":
                self._to_quote_end("'")
            elif char == '"':
                expands |= self._to_quote_end('"')
            elif char == "`":
                self._to_quote_end("`")
                expands = True
            elif char == "$" and self.peek(1) in ("(", "{"):
                self._balanced()
                expands = True
            else:
                after = self.peek(1)
                expands |= char == "$" and bool(after) and (after.isalnum() or after in "_@*#?$!-")
                self.take()
        return self.text[start : self.at].replace("\\\n", ""), expands

    def _to_quote_end(self, quote: str) -> bool:
        """Past the closing QUOTE (or to the end of the text); whether `$` expands inside."""
        self.take()
        expands = False
        while self.at < len(self.text):
            char = self.take()
            if char == quote:
                break
            if char == "\\" and quote != "'" and self.at < len(self.text):
                self.take()
            elif char == "$" and quote == '"':
                expands = True
        return expands

    def _balanced(self) -> None:
        """Past `$(...)`, `$((...))` or `${...}`, quotes inside respected."""
        self.take()
        opening = self.take()
        closing = ")" if opening == "(" else "}"
        depth = 1
        while self.at < len(self.text) and depth:
            char = self.peek()
            if char in "'\"`":
                self._to_quote_end(char)
                continue
            self.take()
            if char == "\\" and self.at < len(self.text):
                self.take()
            elif char == opening:
                depth += 1
            elif char == closing:
                depth -= 1

    def redirection(self) -> None:
        """Past a redirection operator at `at` and its target word."""
        operator = next(op for op in _REDIRECTIONS if self.text.startswith(op, self.at))
        for _ in operator:
            self.take()
        while self.peek() and self.peek() in _BLANKS:
            self.take()
        target, _ = self.word()
        if operator in ("<<", "<<-"):
            self.heredocs.append((_unquote(target), operator == "<<-"))


def commands(text: str) -> tuple[ShellCommand, ...]:
    """The simple commands of TEXT, in order; empty ones (blank lines, comments) left out."""
    reader = _Reader(text)
    found: list[ShellCommand] = []
    raw_words: list[tuple[str, bool]] = []
    start = 0
    start_line = 1

    def finish(end: int) -> None:
        if raw_words:
            shown = _CONTINUATION.sub(" ", text[start:end]).strip()
            words = tuple(_unquote(raw) for raw, _ in raw_words)
            expansions = tuple(word for word, (_, expands) in zip(words, raw_words, strict=True) if expands)
            found.append(ShellCommand(start_line, shown, words, expansions))
            raw_words.clear()

    while reader.at < len(text):
        reader.skip_continuations()
        char = reader.peek()
        if not char:
            break
        if not raw_words:
            start, start_line = reader.at, reader.line
        if char in _BLANKS:
            reader.take()
        elif char == "\n":
            finish(reader.at)
            reader.take()
            reader.skip_heredoc_bodies()
        elif char == "#":
            finish(reader.at)
            while reader.peek() not in ("", "\n"):
                reader.take()
        elif char in "<>" or (char == "&" and reader.peek(1) == ">"):
            reader.redirection()
        elif char in _SEPARATORS:
            finish(reader.at)
            reader.take()
        else:
            raw, expands = reader.word()
            if reader.peek() in ("<", ">") and raw.isdecimal():
                reader.redirection()  # `2>&1`: the digits name the descriptor
            else:
                raw_words.append((raw, expands))
    finish(reader.at)
    return tuple(found)


def _unquote(raw: str) -> str:
    """The word the shell passes for RAW (one word's text): shlex's quote removal, or the text
    as written where shlex cannot read it (an unclosed quote) or would cut it (`$(a b)`)."""
    try:
        words = shlex.split(raw)
    except ValueError:
        return raw
    if len(words) == 1:
        return words[0]
    return raw if words else ""
