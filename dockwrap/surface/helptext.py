"""Parse the text one docker client prints for `docker ... --help`, docker 20.10 to 28.x.

    from dockwrap.surface.helptext import parse_help
    page = parse_help(text)            # text: stdout of `docker container run --help`
    page.path                          # ("container", "run")
    page.usages[0]                     # (Operand("IMAGE", True, False), Operand("COMMAND", False, False), ...)
    page.option("--publish").type_word # "list"

Pure and engine-free. `scripts/gen-surface` builds dockwrap's table of docker's commands from
these pages, and `explain` reads the descriptions from the user's own docker at run time (the
package never stores them).

The layout is docker/cli's usage template (`cli/cobra.go`) around pflag's `FlagUsagesWrapped`:

* `Usage:  docker container cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-` and, for a command with
  more than one form, further lines (tab-indented) that start with `docker`;
* the summary (one or more paragraphs);
* `Aliases:` 28.x prints full spellings (`docker container ls, docker container list, docker ps`);
  20.10 prints names relative to the parent (`ls, ps, list`); both become full paths here;
* `Options:` (the root's are `Global Options:` on 28.x): `  -p, --publish list   text (default [])`,
  a flag with no type word is boolean; `[=value]` after the type is pflag's optional value;
* sub-command sections (`Common Commands:`, `Management Commands:`, `Swarm Commands:`,
  `Commands:`), a name decorated with `*` is a CLI plugin;
* `EXPERIMENTAL:` for commands docker marks experimental.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import Operand

__all__ = ["Operand", "HelpOption", "SubCommand", "HelpText", "parse_help", "parse_usage", "SECTIONS"]

#: the section headers docker's usage template prints, in the order 28.x prints them
SECTIONS = (
    "Usage:",
    "EXPERIMENTAL:",
    "Aliases:",
    "Examples:",
    "Options:",
    "Common Commands:",
    "Management Commands:",
    "Swarm Commands:",
    "Commands:",
    "Invalid Plugins:",
    "Global Options:",
)
_COMMAND_SECTIONS = ("Common Commands:", "Management Commands:", "Swarm Commands:", "Commands:")

# pflag writes "  -x, --name" or "      --name" (shorthand absent or deprecated), then " type"
# and "[=default]" for an optional value, then at least two spaces before the description.
_OPTION_LINE = re.compile(r"^  (?:-(?P<short>[^\s-]), |    )--(?P<long>[^\s=\[]+)(?P<rest>.*)$")
_OPTION_REST = re.compile(r"^(?: (?P<type>[^\s\[]+))?(?:\[=(?P<noopt>.*?)\])?(?: {2,}(?P<desc>.*?))?\s*$")
_SUBCOMMAND_LINE = re.compile(r"^  (?P<name>[A-Za-z0-9][\w.-]*?)(?P<plugin>\*)?(?: +(?P<summary>.*?))?\s*$")
# pflag appends " (default %q)" for strings and " (default %s)" otherwise, then " (DEPRECATED: ...)"
_DEFAULT = re.compile(r' \(default ("(?:[^"\\]|\\.)*"|[^()"]*(?:\([^()]*\))?[^()"]*)\)(?= \(DEPRECATED: |$)')
_DEPRECATED = re.compile(r" \(DEPRECATED: (?P<why>.*)\)$")
# what docker writes into descriptions by hand; kept as short marker words
_MARKERS = (
    ("deprecated", re.compile(r"\bdeprecated\b", re.IGNORECASE)),
    ("windows-only", re.compile(r"\(Windows only\)|\bWindows daemon only\b", re.IGNORECASE)),
    ("linux-only", re.compile(r"\(Linux only\)", re.IGNORECASE)),
    ("experimental", re.compile(r"\bexperimental\b", re.IGNORECASE)),
    ("swarm", re.compile(r"\(swarm\)|\bswarm mode\b", re.IGNORECASE)),
)
_API_MARKER = re.compile(r"\bAPI (\d+\.\d+)\+")


@dataclass(frozen=True, slots=True)
class HelpOption:
    """One line (and its continuation lines) of an `Options:` section.

    `type_word` is what pflag prints after the name (the value's type, or a back-quoted word of
    the usage text); None means a boolean flag. `optional_value` is pflag's `[=value]`: the
    option takes a value only as `--name=value`. `default` is the text inside `(default ...)`
    exactly as printed (Go-quoted for strings), None when docker prints none.
    """

    long: str
    short: str | None
    type_word: str | None
    default: str | None
    description: str
    markers: tuple[str, ...] = ()
    optional_value: str | None = None

    @property
    def spellings(self) -> tuple[str, ...]:
        """`("--publish", "-p")`: how the option is written on a command line."""
        return (f"--{self.long}", f"-{self.short}") if self.short else (f"--{self.long}",)


@dataclass(frozen=True, slots=True)
class SubCommand:
    """One row of a command section: its name, the section it is listed in and its summary."""

    name: str
    section: str
    summary: str
    plugin: bool = False


@dataclass(frozen=True, slots=True)
class HelpText:
    """What one `--help` page says about a command.

    `path` is the command as the usage line writes it (`()` for `docker` itself). `usages` has
    one tuple of operands per usage line. `spellings` are the full paths of the `Aliases:`
    section in docker's order (empty when there is none). `options` keep docker's order.
    """

    path: tuple[str, ...]
    usages: tuple[tuple[Operand, ...], ...]
    takes_options: bool
    summary: str
    spellings: tuple[tuple[str, ...], ...]
    subcommands: tuple[SubCommand, ...]
    options: tuple[HelpOption, ...]
    experimental: bool = False

    @property
    def is_group(self) -> bool:
        """Whether the command has sub-commands (`docker container`), rather than running itself."""
        return bool(self.subcommands)

    def option(self, spelling: str) -> HelpOption | None:
        """The option written `--name`, `-x` or `name`, or None."""
        for option in self.options:
            if spelling in option.spellings or spelling == option.long:
                return option
        return None


def parse_usage(line: str) -> tuple[tuple[str, ...], bool, tuple[Operand, ...]]:
    """`docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]` to path, [OPTIONS] and operands.

    The path is the leading lower-case words after `docker`. `PATH | URL | -` (spaces around
    the bars) is one operand. ValueError when the line does not start with `docker`.
    """
    words = line.split()
    if not words or words[0] != "docker":
        raise ValueError(f"not a docker usage line: {line!r}")
    words = _join_alternatives(words[1:])
    path: list[str] = []
    while words and re.fullmatch(r"[a-z][a-z0-9-]*", words[0]):
        path.append(words.pop(0))
    takes_options = False
    operands: list[Operand] = []
    for word in words:
        if word in ("[OPTIONS]", "OPTIONS", "[flags]"):  # `trust signer add OPTIONS NAME ...`
            takes_options = True
            continue
        operands.append(_operand(word))
    return tuple(path), takes_options, tuple(operands)


def _join_alternatives(words: list[str]) -> list[str]:
    """Words to operands: `PATH | URL | -` and `[ps OPTIONS]` are one each."""
    joined: list[str] = []
    depth = 0
    for word in words:
        if joined and (depth > 0 or word.startswith("|") or joined[-1].endswith("|")):
            joined[-1] = f"{joined[-1]} {word}"
        else:
            joined.append(word)
        depth += word.count("[") - word.count("]")
    return joined


def _operand(word: str) -> Operand:
    optional = word.startswith("[") and _closing_bracket(word) == len(word) - 1
    name = word[1:-1] if optional else word
    variadic = name.endswith("...")
    return Operand(name.removesuffix("..."), not optional, variadic)


def _closing_bracket(word: str) -> int:
    depth = 0
    for index, char in enumerate(word):
        depth += (char == "[") - (char == "]")
        if depth == 0:
            return index
    return -1


def parse_help(text: str) -> HelpText:
    """One `--help` page to a `HelpText`. ValueError when the text has no usage line."""
    sections = _sections(text)
    usage_lines = sections.get("Usage:")
    if not usage_lines:
        raise ValueError("no 'Usage:' line in the help text")
    usages = []
    path: tuple[str, ...] = ()
    takes_options = False
    for number, line in enumerate(usage_lines):
        line_path, line_options, operands = parse_usage(line)
        if number == 0:
            path, takes_options = line_path, line_options
        usages.append(operands)
    options_lines = sections.get("Options:") or sections.get("Global Options:") or []
    subcommands = tuple(sub for header in _COMMAND_SECTIONS for sub in _subcommands(header, sections.get(header, [])))
    return HelpText(
        path=path,
        usages=tuple(usages),
        takes_options=takes_options,
        summary="\n".join(sections.get("", [])).strip(),
        spellings=_spellings(path, sections.get("Aliases:", [])),
        subcommands=subcommands,
        options=tuple(_options(options_lines)),
        experimental="EXPERIMENTAL:" in sections,
    )


def _sections(text: str) -> dict[str, list[str]]:
    """Lines per section header; "" holds the summary, "after" the text that follows a section."""
    sections: dict[str, list[str]] = {"": []}
    current = ""
    for line in text.splitlines():
        if line.startswith("Usage:") and "Usage:" not in sections:
            current = "Usage:"
            sections[current] = [line[len("Usage:") :].strip()]
            continue
        if line in SECTIONS:
            current = line
            sections[current] = []
            continue
        if current == "Usage:":
            if line.strip().startswith("docker"):
                sections[current].append(line.strip())
                continue
            current = ""  # the summary follows the usage lines
        elif current not in ("", "Examples:") and not line.strip():
            current = "after"  # a blank line ends a section (an example may hold blank lines)
        sections.setdefault(current, []).append(line)
    return sections


def _spellings(path: tuple[str, ...], lines: list[str]) -> tuple[tuple[str, ...], ...]:
    text = " ".join(line.strip() for line in lines)
    if not text:
        return ()
    spellings = []
    for item in text.split(","):
        words = tuple(item.split())
        if words[:1] == ("docker",):
            spellings.append(words[1:])
        else:
            spellings.append(path[:-1] + words)
    return tuple(spellings)


def _subcommands(header: str, lines: list[str]) -> list[SubCommand]:
    found = []
    for line in lines:
        match = _SUBCOMMAND_LINE.match(line)
        if match:
            found.append(
                SubCommand(match["name"], header.removesuffix(":"), match["summary"] or "", bool(match["plugin"]))
            )
    return found


def _options(lines: list[str]) -> list[HelpOption]:
    entries: list[tuple[re.Match[str], list[str]]] = []
    for line in lines:
        match = _OPTION_LINE.match(line)
        if match:
            entries.append((match, []))
        elif entries and line.strip():
            entries[-1][1].append(line.strip())
    return [_option(match, more) for match, more in entries]


def _option(match: re.Match[str], more: list[str]) -> HelpOption:
    rest = _OPTION_REST.match(match["rest"])
    if rest is None:  # the pattern's groups are all optional: it matches any line
        raise ValueError(f"cannot read option line for --{match['long']}")
    text = " ".join([rest["desc"] or "", *more]).strip()
    deprecated = _DEPRECATED.search(text)
    if deprecated:
        text = text[: deprecated.start()]
    default = _DEFAULT.search(text)
    if default and rest["type"] is None and default[1] != "true":
        default = None  # pflag prints a boolean's default only when true: this is docker's text
    description = text[: default.start()] if default else text
    markers = [word for word, pattern in _MARKERS if pattern.search(description)]
    if deprecated and "deprecated" not in markers:
        markers.insert(0, "deprecated")
    markers += [f"api-{version}" for version in _API_MARKER.findall(description)]
    return HelpOption(
        long=match["long"],
        short=match["short"],
        type_word=rest["type"],
        default=default[1] if default else None,
        description=description.strip(),
        markers=tuple(markers),
        optional_value=rest["noopt"],
    )
