"""`gen-surface build`: recorded `--help` trees of one or more clients -> the table's facts.

The table is the union of the clients. Facts about a command or option come from the newest
client that has it; a command records the client versions it was seen in only when it was not
seen in all of them, and an option only when it was not seen in all the clients that have its
command. "Seen" means printed by that client's engine-free `--help` (or, for a hidden option,
accepted by it in a probe): 20.10 hides the `checkpoint` commands when it has no engine, so
they count as 28.x only.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dockwrap.surface.helptext import HelpOption, HelpText, parse_help

from .kinds import HIDDEN_OPTIONS, KINDS
from .record import PROBES_FILE

Path_ = tuple[str, ...]
#: the marks an option or command may carry, in the order they are written
OPTION_MARKS = ("default-true", "hidden", "deprecated", "experimental", "windows-only")


class BuildError(Exception):
    """A fact the generator will not guess: a person decides (see docs/surface.md)."""


@dataclass
class Tree:
    """One client's recorded pages and probes."""

    version: str
    source: Path
    pages: dict[Path_, HelpText]
    probes: dict[str, Any]  # _probes.json, as `record` wrote it

    @property
    def key(self) -> tuple[int, ...]:
        return tuple(int(part) for part in self.version.split("."))


@dataclass
class OptionFacts:
    long: str
    short: str | None
    kind: str
    type_word: str | None
    marks: tuple[str, ...]
    clients: tuple[str, ...] = ()

    def row(self) -> tuple[object, ...]:
        return (self.long, self.short, self.kind, self.type_word, self.marks, self.clients)


@dataclass
class CommandFacts:
    path: Path_
    aliases: tuple[Path_, ...]
    usages: tuple[tuple[tuple[str, bool, bool], ...], ...]
    group: bool
    interspersed: bool | None
    marks: tuple[str, ...]
    clients: tuple[str, ...]
    options: list[OptionFacts] = field(default_factory=list)

    def row(self) -> tuple[object, ...]:
        return (
            tuple(" ".join(alias) for alias in self.aliases),
            self.usages,
            self.group,
            self.interspersed,
            self.marks,
            self.clients,
            tuple(option.row() for option in self.options),
        )


@dataclass
class Table:
    clients: tuple[str, ...]
    sources: tuple[Path, ...]
    commands: dict[Path_, CommandFacts]
    global_options: list[OptionFacts]

    def family(self, path: Path_) -> str:
        """The data module of a command: its top-level group, or `_root` for a lone command."""
        top = self.commands.get(path[:1])
        return path[0] if top is not None and top.group else "_root"


def load_tree(directory: Path) -> Tree:
    probes = json.loads((directory / PROBES_FILE).read_text())
    pages = {}
    for page_file in sorted(directory.glob("*.txt")):
        page = parse_help(page_file.read_text())
        expected = () if page_file.stem == "_root" else tuple(page_file.stem.split("_"))
        if page.path != expected:
            raise BuildError(f"{page_file}: the usage line names {' '.join(page.path)!r}")
        pages[page.path] = page
    return Tree(str(probes["client"]), directory, pages, probes)


class Spellings:
    """Union of the alias groups every client prints; each group's name is its canonical path."""

    def __init__(self, trees: list[Tree]) -> None:
        self.parent: dict[Path_, Path_] = {}
        for tree in trees:
            for path, page in sorted(tree.pages.items()):
                for spelling in page.spellings:
                    self.join(path, spelling)
        self.canonical: dict[Path_, Path_] = {}
        for tree in trees:  # newest first: its first printed spelling names the group
            for path, page in sorted(tree.pages.items()):
                if page.spellings and self.find(path) not in self.canonical:
                    self.canonical[self.find(path)] = page.spellings[0]

    def find(self, path: Path_) -> Path_:
        while self.parent.get(path, path) != path:
            path = self.parent[path]
        return path

    def join(self, one: Path_, other: Path_) -> None:
        self.parent.setdefault(one, one)
        self.parent.setdefault(other, other)
        self.parent[self.find(one)] = self.find(other)

    def name(self, path: Path_) -> Path_:
        root = self.find(path)
        return self.canonical.get(root, root)

    def group(self, path: Path_) -> list[Path_]:
        root = self.find(path)
        return sorted(other for other in self.parent if self.find(other) == root) or [path]


def build_table(trees: list[Tree]) -> Table:
    trees = sorted(trees, key=lambda tree: tree.key, reverse=True)
    if len({tree.version for tree in trees}) != len(trees):
        raise BuildError("two recorded trees of the same client version")
    spellings = Spellings(trees)
    versions = tuple(tree.version for tree in trees)
    names = sorted({spellings.name(path) for tree in trees for path in tree.pages if path})
    commands = {}
    for name in names:
        having = [tree for tree in trees if any(p in tree.pages for p in spellings.group(name))]
        commands[name] = command_facts(name, spellings, having, versions)
    global_options = merge_options("docker", [(tree, tree.pages[()].options, {}, set()) for tree in trees], versions)
    return Table(versions, tuple(tree.source for tree in trees), commands, global_options)


def command_facts(name: Path_, spellings: Spellings, trees: list[Tree], versions: tuple[str, ...]) -> CommandFacts:
    shown = " ".join(name)
    per_tree = []
    for tree in trees:
        pages = {path: tree.pages[path] for path in spellings.group(name) if path in tree.pages}
        primary = pages.get(name) or pages[min(pages)]
        for path, page in pages.items():
            if _option_shapes(page.options) != _option_shapes(primary.options):
                raise BuildError(f"docker {tree.version}: `{' '.join(path)}` and `{shown}` differ in options")
        completion = tree.probes["completion"]
        offered = {long for path in pages for long in completion.get(" ".join(path), [])}
        per_tree.append((tree, primary.options, _hidden_options(tree, spellings, name, primary), offered))
    newest = trees[0]
    page = newest.pages.get(name) or newest.pages[min(p for p in spellings.group(name) if p in newest.pages)]
    interspersed = None if page.is_group else _interspersed(newest, spellings.group(name), shown)
    marks = tuple(
        mark
        for mark, present in (("hidden", _is_hidden(newest, spellings, name)), ("experimental", page.experimental))
        if present
    )
    seen = tuple(tree.version for tree in trees)
    return CommandFacts(
        path=name,
        aliases=tuple(path for path in spellings.group(name) if path != name),
        usages=tuple(tuple((op.name, op.required, op.variadic) for op in usage) for usage in page.usages),
        group=page.is_group,
        interspersed=interspersed,
        marks=marks,
        clients=() if seen == versions else seen,
        options=merge_options(shown, per_tree, seen),
    )


def _option_shapes(options: tuple[HelpOption, ...]) -> list[tuple[str, str | None, str | None]]:
    return [(option.long, option.short, option.type_word) for option in options]


def _interspersed(tree: Tree, paths: list[Path_], shown: str) -> bool:
    probed = tree.probes["interspersed"]
    found = {probed[" ".join(path)] for path in paths if " ".join(path) in probed}
    if len(found) != 1:
        raise BuildError(f"docker {tree.version}: no single interspersed probe result for `{shown}`: {found}")
    return bool(found.pop())


def _is_hidden(tree: Tree, spellings: Spellings, name: Path_) -> bool:
    """Whether no spelling of NAME is listed by its parent (or an ancestor is hidden)."""
    for path in spellings.group(name):
        parent = tree.pages.get(path[:-1])
        if path in tree.pages and parent is not None and path[-1] in {s.name for s in parent.subcommands}:
            return len(path) > 1 and _is_hidden(tree, spellings, spellings.name(path[:-1]))
    return True


def _hidden_options(tree: Tree, spellings: Spellings, name: Path_, page: HelpText) -> dict[str, HelpOption]:
    """The hand-listed hidden options of NAME that this client accepts and does not print."""
    found = {}
    listed = {option.long for option in page.options}
    for (command, long), (type_word, _source) in HIDDEN_OPTIONS.items():
        probe = tree.probes["hidden_options"].get(f"{command} --{long}")
        if spellings.name(tuple(command.split())) != name or probe is None or long in listed:
            continue
        if probe["status"] == "error":
            raise BuildError(f"docker {tree.version}: the probe of `{command} --{long}` failed: {probe}")
        if probe["status"] == "exists":
            markers = ("hidden", "deprecated") if "deprecated" in probe else ("hidden",)
            found[long] = HelpOption(long, None, type_word, None, "", markers)
    return found


PerTree = tuple[Tree, tuple[HelpOption, ...], dict[str, HelpOption], set[str]]


def merge_options(shown: str, per_tree: list[PerTree], seen: tuple[str, ...]) -> list[OptionFacts]:
    """Each client's options (newest first) to one list sorted by long name, as docker prints.

    Facts come from the newest client whose `--help` prints the option (or whose probe found
    it hidden); a client whose completion offers an option its `--help` hides counts as having
    it. An option no `--help` prints stays out of the table, and is named on stderr.
    """
    merged: dict[str, OptionFacts] = {}
    having: dict[str, list[str]] = {}
    for tree, options, hidden, offered in per_tree:
        printed = {option.long: option for option in [*options, *hidden.values()]}
        for long in sorted(printed.keys() | offered):
            if long == "help":
                continue  # every command's built-in --help (and -h where free): the splitter knows it
            having.setdefault(long, []).append(tree.version)
            if long not in merged and long in printed:
                merged[long] = _facts(shown, tree.version, printed[long])
    for long in sorted(having.keys() - merged.keys()):
        print(
            f"gen-surface: `{shown} --{long}`: only completion offers it (docker {', '.join(having[long])}); left out",
            file=sys.stderr,
        )
    for long, facts in merged.items():
        clients = tuple(having[long])
        facts.clients = () if clients == seen else clients
    return [merged[long] for long in sorted(merged)]


def _facts(shown: str, version: str, option: HelpOption) -> OptionFacts:
    if option.type_word not in KINDS:
        raise BuildError(
            f"docker {version} `{shown} --{option.long}`: unknown type word {option.type_word!r};"
            " classify it in scripts/surfacegen/kinds.py KINDS"
        )
    if option.optional_value is not None:
        raise BuildError(
            f"docker {version} `{shown} --{option.long}`: optional value [={option.optional_value}]"
            " is not modelled; the splitter would take the next word"
        )
    kind = KINDS[option.type_word]
    marks = set(option.markers)
    if kind == "flag" and option.default == "true":
        marks.add("default-true")
    return OptionFacts(
        option.long, option.short, kind, option.type_word, tuple(mark for mark in OPTION_MARKS if mark in marks)
    )
