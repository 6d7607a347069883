"""Go's strconv.Quote output back to text (dockwrap/parse/gostring.py)."""

from __future__ import annotations

import json

import pytest

from dockwrap.parse.gostring import go_unquote

from .corpus import client_params, read


@pytest.mark.parametrize(
    "quoted, text",
    [
        ('"sleep 3600"', "sleep 3600"),
        ('""', ""),
        ('"httpd -f -p 80 -h /"', "httpd -f -p 80 -h /"),
        (r'"sh -c \"echo hi\""', 'sh -c "echo hi"'),
        (r'"a\\b"', "a\\b"),
        (r'"tab\there\nnewline\r"', "tab\there\nnewline\r"),
        (r'"bell\a\b\f\v"', "bell\a\b\f\v"),
        (r'"nul\x00 del\x7f"', "nul\x00 del\x7f"),
        (r'"zero width\u200b"', "zero width\u200b"),
        (r'"astral\U0001f600"', "astral\U0001f600"),
        (r'"octal\101"', "octalA"),
        (r"'quote\''", r"'quote\''"),  # not a Go-quoted string: unchanged
        ('"élan 漢字"', "élan 漢字"),  # printable non-ASCII is not escaped by Go
        # an escaped backslash followed by escape-like text is a backslash and that text
        (r'"\\x41 \\n"', r"\x41 \n"),
        # container ls truncates to 20 cells before quoting: the ellipsis is inside the quotes
        ('"sh -c \'for i in 1 2…"', "sh -c 'for i in 1 2…"),
    ],
)
def test_go_unquote(quoted: str, text: str) -> None:
    assert go_unquote(quoted) == text


@pytest.mark.parametrize("text", ["sleep 3600", "", '"', 'a"', '"a'])
def test_unquoted_text_is_unchanged(text: str) -> None:
    assert go_unquote(text) == text


def daemon_command(item: dict) -> str:  # type: ignore[type-arg]
    """The `Command` the daemon lists for an inspected container: Path and Args, an argument with a
    space in single quotes (moby daemon/list.go)."""
    return " ".join([item["Path"], *(f"'{arg}'" if " " in arg else arg for arg in item["Args"])])


@pytest.mark.parametrize("client", client_params())
def test_recorded_commands_match_inspect(client: str) -> None:
    """`Command` of ls, unquoted, is the start of the daemon's command line (cut at 20 cells, with …)."""
    inspected = {item["Name"].lstrip("/"): item for item in json.loads(read(client, "container-inspect"))}
    truncated = 0
    for line in read(client, "container-ls").splitlines():
        row = json.loads(line)
        item = inspected[row["Names"]]
        full = daemon_command(item)
        command = go_unquote(row["Command"])
        if command.endswith("…"):
            truncated += 1
            assert full.startswith(command[:-1]) and len(command) == 20
        else:
            assert command == full
    assert truncated >= 1


@pytest.mark.parametrize("client", client_params())
def test_recorded_untruncated_commands_match_inspect(client: str) -> None:
    """With --no-trunc, Go escapes the quotes of fxrec-exited's command; unquoted, it is exact."""
    inspected = {item["Name"].lstrip("/"): item for item in json.loads(read(client, "container-inspect"))}
    rows = [json.loads(line) for line in read(client, "container-ls-no-trunc").splitlines()]
    for row in rows:
        item = inspected[row["Names"]]
        assert go_unquote(row["Command"]) == daemon_command(item)
    exited = next(row for row in rows if row["Names"] == "fxrec-exited")
    assert '\\"stdout line $i\\"' in exited["Command"]
