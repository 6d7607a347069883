"""A wrapped verb's command line: dockwrap's own options of the verb (`Own`), and the user's
words split by docker's rules against the table plus those (`parse_words` -> `VerbLine`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from ..surface import Command, Option
    from ..surface.split import OptionUse, ParsedCommandLine, Part

__all__ = ["Own", "JSON", "RAW", "DOCKER_ARG", "VerbLine", "parse_words", "usage_lines"]


# (plain classes here: a dataclass costs ~0.8 ms to define, and every wrapped verb imports this)
class Own:
    """One of dockwrap's own options of a verb (never a spelling docker has for its command).

    :param convert: turns the value's text into what the verb gets (ValueError: a usage error)
    """

    __slots__ = ("long", "help", "kind", "metavar", "convert", "default")

    def __init__(
        self,
        long: str,
        help: str,
        kind: Literal["flag", "value", "list"] = "flag",
        metavar: str = "",
        convert: Callable[[str], Any] = str,
        default: Any = None,
    ) -> None:
        self.long, self.help, self.kind, self.metavar, self.convert, self.default = (
            long,
            help,
            kind,
            metavar,
            convert,
            default,
        )

    def __repr__(self) -> str:
        return f"Own(--{self.long})"

    @property
    def option(self) -> Option:
        from ..surface import Option

        return Option(self.long, None, self.kind, None if self.kind == "flag" else "string")

    @property
    def key(self) -> str:
        return self.long.replace("-", "_")


JSON = Own("json", "Print JSON (snake_case keys, numbers as numbers).")
RAW = Own(
    "raw", "With --json: include docker's untouched object as `raw` (an inspect with --raw alone: docker's objects)."
)
#: on every wrapped and pass-through verb: a word for docker, unchecked
DOCKER_ARG = Own(
    "docker-arg",
    "Pass WORD to docker as it is, unchecked (an option docker has and dockwrap's table "
    "does not: a newer docker). Repeatable.",
    "list",
    "WORD",
)


class VerbLine:
    """A wrapped verb's command line, split: docker's option words, the operands, dockwrap's own.

    `words` are the user's words for docker in order (dockwrap's own options left out, each
    `--docker-arg WORD` as WORD); `docker_words` the option words among them and `operands` the
    rest (a `--` the user wrote is not kept there: the API writes one where an operand needs it);
    `own` the values of dockwrap's options, by keyword (`json`, `docker_arg`); `option_parts`
    docker's options in order: the parts that hold them, and each `--docker-arg` WORD.
    """

    __slots__ = ("command", "parsed", "words", "docker_words", "operands", "own", "option_parts")

    def __init__(
        self,
        command: Command,
        parsed: ParsedCommandLine,
        words: tuple[str, ...],
        docker_words: tuple[str, ...],
        operands: tuple[str, ...],
        own: Mapping[str, Any],
        option_parts: tuple[Part | str, ...] = (),
    ) -> None:
        self.command, self.parsed, self.words, self.docker_words = command, parsed, words, docker_words
        self.operands, self.own, self.option_parts = operands, own, option_parts

    def _uses(self, long: str) -> list[OptionUse]:
        return [
            use
            for part in self.option_parts
            if not isinstance(part, str)
            for use in part.uses
            if use.option is not None and use.option.long == long
        ]

    def given(self, long: str) -> bool:
        return bool(self._uses(long))

    def value(self, long: str) -> str | None:
        uses = self._uses(long)
        return uses[-1].value if uses else None

    def flag(self, long: str) -> bool:
        """docker's boolean option as docker reads it: the last `-x` or `--x=WORD` decides."""
        uses = self._uses(long)
        return bool(uses) and (uses[-1].value is None or uses[-1].value in _TRUE)

    def without(self, *longs: str) -> list[str]:
        """The docker option words without the options LONGS (`-aq` without quiet: `-a`), for an
        option whose meaning the verb gives itself (`-q`: the records' keys)."""
        words: list[str] = []
        for part in self.option_parts:
            if isinstance(part, str):
                words.append(part)
                continue
            if not any(use.option is not None and use.option.long in longs for use in part.uses):
                words += part.tokens
                continue
            for use in part.uses:
                if use.option is not None and use.option.long in longs:
                    continue
                if use.value is None:
                    words.append(use.spelling)
                elif use.attached:
                    words.append(f"{use.spelling}{'=' if use.spelling.startswith('--') else ''}{use.value}")
                else:
                    words += [use.spelling, use.value]
        return words


# pflag's strconv.ParseBool: the words `--flag=WORD` takes as true
_TRUE = ("1", "t", "T", "true", "TRUE", "True")


def usage_lines(command: Command, prog: str = "docker") -> list[str]:
    """docker's usage line(s) of COMMAND: `docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]`."""
    lines = []
    for usage in command.usages or ((),):
        operands = [f"{o.name}..." if o.variadic else o.name for o in usage]
        shown = [word if o.required else f"[{word}]" for o, word in zip(usage, operands, strict=True)]
        lines.append(" ".join([prog, *command.path, "[OPTIONS]", *shown]))
    return lines


def parse_words(command: Command, args: Sequence[str], own: Sequence[Own]) -> VerbLine:
    """Split ARGS (the words after the verb) against docker's options of COMMAND and OWN.

    :raises CommandLineError: what docker would refuse (its first problem, as docker reports it)
    """
    from ..errors import CommandLineError
    from ..surface.split import split

    extra = {o.long: (o, o.option) for o in own}
    parsed = split([*command.path, *args], extra=[option for _, option in extra.values()])
    if parsed.problems:
        problem = parsed.problems[0]
        raise CommandLineError(problem.message, usage_lines(command), problem.suggestion, problem.token)
    values: dict[str, Any] = {o.key: ([] if o.kind == "list" else o.default) for o in own}
    words: list[str] = []
    docker_words: list[str] = []
    operands: list[str] = []
    option_parts: list[Part | str] = []
    for part in parsed.parts[len(command.path) :]:
        # docker's own options win a spelling both have (split reads docker's then)
        mine = [
            extra[use.option.long][0]
            for use in part.uses
            if use.option is not None and use.option is extra.get(use.option.long, (None, None))[1]
        ]
        if mine:
            for own_option, use in zip(mine, part.uses, strict=False):
                _take(own_option, use.value, values, command)
                if own_option is DOCKER_ARG:
                    words.append(values["docker_arg"][-1])
                    docker_words.append(values["docker_arg"][-1])
                    option_parts.append(values["docker_arg"][-1])
        elif part.role == "option":
            words += part.tokens
            docker_words += part.tokens
            option_parts.append(part)
        else:
            words += part.tokens
            if part.role == "operand":
                operands += part.tokens
    return VerbLine(command, parsed, tuple(words), tuple(docker_words), tuple(operands), values, tuple(option_parts))


def _take(own: Own, value: str | None, values: dict[str, Any], command: Command) -> None:
    from ..errors import CommandLineError

    if own.kind == "flag":
        values[own.key] = value is None or value in _TRUE
        return
    try:
        converted = own.convert(value or "")
    except ValueError as exc:
        raise CommandLineError(f"invalid argument {value!r} for --{own.long}: {exc}", usage_lines(command)) from None
    if own.kind == "list":
        values[own.key].append(converted)
    else:
        values[own.key] = converted
