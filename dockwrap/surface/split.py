"""Split a docker command line the way docker's cobra and pflag do, against the table.

    from dockwrap.surface.split import split
    line = split(["-H", "ssh://box", "run", "-dp", "8080:80", "--name=web", "busybox", "httpd", "-f"])
    line.command.path        # ("container", "run")
    line.spelled             # ("run",): the spelling the user wrote
    [(u.spelling, u.value) for u in line.options]   # [("-d", None), ("-p", "8080:80"), ("--name", "web")]
    line.operands            # ("busybox", "httpd", "-f"): run stops at its first operand
    "".join(line.tokens) == "".join(argv) and line.tokens == tuple(argv)

Pure and engine-free. The rules are pflag's (github.com/spf13/pflag flag.go `parseArgs`,
`parseLongArg`, `parseSingleShortArg`) and docker's (cli/cobra.go `HandleGlobalFlags`):

* docker's global options come first; the first word that is not an option is the command;
* `--name value`, `--name=value`; a boolean takes a value only as `--name=false`;
* `-p8080:80`, `-p 8080:80`, `-e=A` (the value is `A`), bundles `-dit`; in a bundle the first
  letter that takes a value takes the rest of the word, or the next word when it is the last;
* a value is the next word whatever it looks like (`--name --rm` names the container `--rm`);
* `--` ends the options; `-` and the empty word are operands;
* options may follow operands, except on commands that stop at their first operand (`run`,
  `create`, `exec`, `commit`, `top`, `tag`, `service create`, and docker itself);
* `--help` on every command, and `-h` where the command gives that letter no other meaning.

Nothing is raised for a bad command line: each problem is reported with docker's own words
(`unknown flag: --bogus`) and, for an unknown option or command, the closest known spelling.
The parts keep the words they came from, so `tokens` gives the input back unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal, NamedTuple

from . import HELP, Command, Option, lookup, resolve, subcommands

__all__ = ["split", "ParsedCommandLine", "Part", "OptionUse", "Problem"]

Role = Literal["global", "command", "option", "operand", "end"]
ProblemKind = Literal["unknown-option", "missing-value", "bad-syntax", "unknown-command"]


class OptionUse(NamedTuple):
    """One option as written: `-p` of `-dp 80:80` (value "80:80"), `--name=x`, `--rm` (value None).

    `option` is None for an option the command does not have. `attached` tells whether the value
    was in the option's own word (`--name=x`, `-p80`) rather than the next word.
    """

    spelling: str
    option: Option | None
    value: str | None = None
    attached: bool = False


class Part(NamedTuple):
    """A run of consecutive input words with one role.

    `global` and `option` parts are one option word (a bundle included) and its value word if
    it took one; `command` is one word of the command path; `operand` one operand word; `end`
    the `--` that ends the options.
    """

    role: Role
    tokens: tuple[str, ...]
    uses: tuple[OptionUse, ...] = ()


class Problem(NamedTuple):
    """What docker would refuse, in docker's words, with the closest known spelling if any."""

    kind: ProblemKind
    token: str
    message: str
    suggestion: str | None = None


class ParsedCommandLine(NamedTuple):
    """A docker command line (the words after `docker`) split into parts.

    `command` is the canonical command (None when the words name none, or only docker itself);
    `spelled` the command words as written (`("ps",)` for `container ls`). `problems` in the
    order docker meets them: docker reports the first and stops.
    """

    argv: tuple[str, ...]
    parts: tuple[Part, ...]
    command: Command | None
    spelled: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def tokens(self) -> tuple[str, ...]:
        """Every part's words in order: the input, unchanged."""
        return tuple(token for part in self.parts for token in part.tokens)

    @property
    def global_options(self) -> tuple[OptionUse, ...]:
        """docker's own options, before the command (`-H`, `--context`, ...)."""
        return tuple(use for part in self.parts if part.role == "global" for use in part.uses)

    @property
    def options(self) -> tuple[OptionUse, ...]:
        """The command's options (a group's included), in the order written."""
        return tuple(use for part in self.parts if part.role == "option" for use in part.uses)

    @property
    def operands(self) -> tuple[str, ...]:
        return tuple(token for part in self.parts if part.role == "operand" for token in part.tokens)

    @property
    def help(self) -> bool:
        """Whether `--help` (or `-h` meaning help) was given: docker prints help and runs nothing."""
        return any(use.option is HELP for use in (*self.global_options, *self.options))


class _Options:
    """The options one parser knows: by long name and by letter, with the built-in help."""

    def __init__(self, options: Iterable[Option]) -> None:
        self.long = {option.long: option for option in options}
        self.short = {option.short: option for option in self.long.values() if option.short}
        self.long.setdefault("help", HELP)
        self.short.setdefault("h", HELP)

    def closest(self, name: str) -> str | None:
        """`--format` for `formatt` (names compared without their dashes)."""
        import difflib  # (only for a problem: it costs ~2 ms to import)

        found = difflib.get_close_matches(name, list(self.long), n=1)
        return f"--{found[0]}" if found else None


class _Splitter:
    def __init__(self, argv: Sequence[str]) -> None:
        self.words = tuple(argv)
        self.at = 0
        self.parts: list[Part] = []
        self.problems: list[Problem] = []
        self.taken: tuple[str, ...] = ()  # the value word the last option took, if any

    def option(self, role: Role, known: _Options) -> None:
        """Take the option word at `at` (and its value word, if it takes one)."""
        word = self.words[self.at]
        self.at += 1
        uses = self._long(word, known) if word.startswith("--") else self._short(word, known)
        self.parts.append(Part(role, (word, *self.taken), tuple(uses)))

    def _next_word(self) -> str | None:
        if self.at < len(self.words):
            self.taken = (self.words[self.at],)
            self.at += 1
            return self.taken[0]
        return None

    def _long(self, word: str, known: _Options) -> list[OptionUse]:
        self.taken = ()
        name, eq, value = word[2:].partition("=")
        if not name or name[0] == "-":  # `---x`, `--=x`
            self.problem("bad-syntax", word, f"bad flag syntax: {word}")
            return [OptionUse(word, None)]
        option = known.long.get(name)
        if option is None:
            self.problem("unknown-option", word, f"unknown flag: --{name}", known.closest(name))
            return [OptionUse(f"--{name}", None, value if eq else None, bool(eq))]
        if eq:
            return [OptionUse(f"--{name}", option, value, True)]
        if not option.takes_value:
            return [OptionUse(word, option)]
        value_word = self._next_word()
        if value_word is None:
            self.problem("missing-value", word, f"flag needs an argument: {word}")
        return [OptionUse(word, option, value_word)]

    def _short(self, word: str, known: _Options) -> list[OptionUse]:
        self.taken = ()
        uses = []
        letters = word[1:]
        while letters:
            letter, rest = letters[0], letters[1:]
            option = known.short.get(letter)
            if option is None:
                self.problem("unknown-option", word, f"unknown shorthand flag: {letter!r} in -{letters}")
                value = rest[1:] if rest.startswith("=") else None
                uses.append(OptionUse(f"-{letter}", None, value, value is not None))
                letters = "" if value is not None else rest
            elif len(letters) > 2 and letters[1] == "=":
                uses.append(OptionUse(f"-{letter}", option, letters[2:], True))
                letters = ""
            elif not option.takes_value:
                uses.append(OptionUse(f"-{letter}", option))
                letters = rest
            elif rest:
                uses.append(OptionUse(f"-{letter}", option, rest, True))
                letters = ""
            else:
                value_word = self._next_word()
                if value_word is None:
                    self.problem("missing-value", word, f"flag needs an argument: {letter!r} in -{letters}")
                uses.append(OptionUse(f"-{letter}", option, value_word))
                letters = ""
        return uses

    def problem(self, kind: ProblemKind, token: str, message: str, suggestion: str | None = None) -> None:
        self.problems.append(Problem(kind, token, message, suggestion))

    def rest_as_operands(self) -> None:
        self.parts += [Part("operand", (word,)) for word in self.words[self.at :]]
        self.at = len(self.words)

    def is_option(self) -> bool:
        word = self.words[self.at]
        return len(word) > 1 and word[0] == "-"

    def options_and_operands(self, known: _Options, role: Role, interspersed: bool) -> None:
        """pflag's parseArgs: to the end of the words."""
        while self.at < len(self.words):
            word = self.words[self.at]
            if word == "--":
                self.parts.append(Part("end", (word,)))
                self.at += 1
                self.rest_as_operands()
            elif self.is_option():
                self.option(role, known)
            elif not interspersed:
                self.rest_as_operands()
            else:
                self.parts.append(Part("operand", (word,)))
                self.at += 1


def split(argv: Sequence[str], extra: Iterable[Option] = ()) -> ParsedCommandLine:
    """Split ARGV, the words after `docker`; see the module's doc for the rules.

    EXTRA are options the command takes beyond docker's own (dockwrap's `--json` on a verb it
    wraps): they are read where docker's are, by the same rules, and never shadow one of docker's.
    """
    from . import GLOBAL_OPTIONS

    splitter = _Splitter(argv)
    words = splitter.words
    while splitter.at < len(words) and splitter.is_option() and words[splitter.at] != "--":
        splitter.option("global", _Options(GLOBAL_OPTIONS))
    if splitter.at < len(words) and words[splitter.at] == "--":
        splitter.parts.append(Part("end", ("--",)))
        splitter.at += 1
    spelled: list[str] = []
    command: Command | None = None
    while splitter.at < len(words):
        if command is not None and not command.group:
            break
        if spelled and splitter.is_option():
            splitter.option("option", _Options(command.options if command else ()))
            continue
        word = words[splitter.at]
        if resolve((*spelled, word)) is None:
            shown = " ".join(("docker", *spelled, word))
            import difflib

            closest = difflib.get_close_matches(word, subcommands(spelled), n=1)
            splitter.problem(
                "unknown-command",
                word,
                f"unknown command: {shown}",
                " ".join((*spelled, closest[0])) if closest else None,
            )
            splitter.rest_as_operands()
            break
        spelled.append(word)
        splitter.parts.append(Part("command", (word,)))
        splitter.at += 1
        command = lookup(spelled)
    if command is not None and not command.group:
        known = _Options((*extra, *command.options))
        splitter.options_and_operands(known, "option", command.interspersed is not False)
    splitter.rest_as_operands()
    return ParsedCommandLine(words, tuple(splitter.parts), command, tuple(spelled), tuple(splitter.problems))
