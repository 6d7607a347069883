"""`gen-surface check`: does the checked-in table match the installed docker client?

Walks the client's `--help` pages (engine-free, the fixed environment of `record`) and reports,
one line each:

* `+ command` / `+ command --option`: the client has it, the table lacks it;
* `~ command --option`: the client prints another type word than the table holds (or, for a
  client as new as the table's newest, another letter);
* `- command` / `- command --option`: the table says this client (or every client) has it and
  the client does not (an option `--help` hides without an engine counts as present when
  cobra's completion offers it).

Exit status 1 when there is any line: regenerate (docs/surface.md).
"""

from __future__ import annotations

import sys
import tempfile

from dockwrap import surface
from dockwrap.surface.helptext import HelpText, parse_help

from .record import Client, walk


def drift(docker: str) -> tuple[str, list[str]]:
    """The client's version and the drift lines (empty when the table matches)."""
    with tempfile.TemporaryDirectory(prefix="gen-surface-home-") as home:
        client = Client(docker, home)
        version, _line = client.version()
        pages = {path: parse_help(text) for path, text in walk(client)}
        # an older client may give a letter to another option (20.10 `stop -t` is --time, 28.x's
        # --timeout): the table holds the newest client's letters
        newest = _key(version) >= _key(surface.CLIENTS[0])
        lines = _client_has(pages, newest) + _table_has(client, version, pages)
    return version, lines


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def _client_has(pages: dict[tuple[str, ...], HelpText], letters: bool) -> list[str]:
    lines = []
    for path, page in sorted(pages.items()):
        shown = " ".join(("docker", *path))
        if path:
            command = surface.lookup(path)
            if command is None:
                lines.append(f"+ {shown}")
                continue
            known = {option.long: option for option in command.options}
        else:
            known = {option.long: option for option in surface.GLOBAL_OPTIONS}
        for option in page.options:
            if option.long == "help":
                continue
            held = known.get(option.long)
            if held is None:
                lines.append(f"+ {shown} --{option.long}")
            elif held.type_word != option.type_word or (letters and held.short != option.short):
                lines.append(
                    f"~ {shown} --{option.long}: client {option.type_word!r} -{option.short},"
                    f" table {held.type_word!r} -{held.short}"
                )
    return lines


def _table_has(client: Client, version: str, pages: dict[tuple[str, ...], HelpText]) -> list[str]:
    def claims(clients: tuple[str, ...]) -> bool:
        return not clients or version in clients

    spelled = {surface.resolve(path): path for path in pages if path}
    lines = []
    for path in surface.commands():
        command = surface.lookup(path)
        assert command is not None
        if not claims(command.clients) or command.hidden:
            continue
        page_path = spelled.get(path)
        if page_path is None:
            lines.append(f"- docker {command.name}")
            continue
        listed = {option.long for option in pages[page_path].options}
        missing = [
            option.long
            for option in command.options
            if claims(option.clients) and not option.hidden and option.long not in listed
        ]
        if missing:
            offered = set(client.completed_options(page_path))
            lines += [f"- docker {command.name} --{long}" for long in missing if long not in offered]
    return lines


def check(docker: str) -> int:
    version, lines = drift(docker)
    for line in lines:
        print(line)
    verdict = f"{len(lines)} differences" if lines else "the table matches"
    print(f"gen-surface check: {docker} ({version}): {verdict}", file=sys.stderr)
    return 1 if lines else 0
