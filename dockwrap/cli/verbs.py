"""The one way to register the CLI's verbs: `docker_verb` for a docker command dockwrap wraps,
`noun_group` for a noun's group (its other verbs pass through to docker).

    # dockwrap/volume/cli/ls.py
    @docker_verb(("volume", "ls"), own=(JSON,), examples=("dockwrap volume ls --json",))
    def command(run: Invocation) -> None:
        \"\"\"List volumes.\"\"\"
        if run.docker_prints("format"):
            return
        run.out.records(run.docker.volume.ls(docker_args=run.line.without("quiet")), COLUMNS, run.line.flag("quiet"))

    # dockwrap/volume/cli/__init__.py
    group = noun_group("volume", ["ls"], help="Manage volumes.", examples=("dockwrap volume ls",))

A wrapped verb does not let Click parse docker's options: its words are split by docker's own
rules against the table (`surface.split`), with dockwrap's own options of the verb (`--json`,
`--raw`, ...) and `--docker-arg` beside docker's. So every option docker's command has is
accepted, in any spelling docker takes (`-dit`, `--name=x`, `-e A=1 -e B=2`), and forwarded as
written, in the user's order; after the first operand of a command that stops there (`run IMAGE
...`), every word is the container's. A command line docker would refuse exits 2 with docker's
words, its usage line and the closest spelling.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import click

from .lazy import LazyCommands
from .options import examples as examples_epilog

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from ..surface import Command, Option
    from ..surface.split import OptionUse, ParsedCommandLine, Part
    from .output import Output

__all__ = ["Own", "JSON", "RAW", "DOCKER_ARG", "VerbLine", "Invocation", "DockerVerbCommand", "LazyGroup",
           "NounGroup", "docker_verb", "noun_group", "command_group", "usage_lines", "parse_words"]


@dataclass(frozen=True)
class Own:
    """One of dockwrap's own options of a verb (never a spelling docker has for its command)."""

    long: str
    help: str
    kind: Literal["flag", "value", "list"] = "flag"
    metavar: str = ""
    #: turns the value's text into what the verb gets (raises ValueError: a usage error)
    convert: Callable[[str], Any] = str
    default: Any = None

    @property
    def option(self) -> Option:
        from ..surface import Option

        return Option(self.long, None, self.kind, None if self.kind == "flag" else "string")

    @property
    def key(self) -> str:
        return self.long.replace("-", "_")


JSON = Own("json", "Print JSON (snake_case keys, numbers as numbers).")
RAW = Own("raw", "With --json: include docker's untouched object as `raw` (an inspect with --raw alone: docker's objects).")
#: on every wrapped and pass-through verb: a word for docker, unchecked
DOCKER_ARG = Own("docker-arg", "Pass WORD to docker as it is, unchecked (an option docker has and dockwrap's table "
                 "does not: a newer docker). Repeatable.", "list", "WORD")


@dataclass(frozen=True)
class VerbLine:
    """A wrapped verb's command line, split: docker's option words, the operands, dockwrap's own.

    `words` are the user's words for docker in order (dockwrap's own options left out, each
    `--docker-arg WORD` as WORD); `docker_words` the option words among them and `operands` the
    rest (a `--` the user wrote is not kept there: the API writes one where an operand needs it);
    `own` the values of dockwrap's options, by keyword (`json`, `docker_arg`).
    """

    command: Command
    parsed: ParsedCommandLine
    words: tuple[str, ...]
    docker_words: tuple[str, ...]
    operands: tuple[str, ...]
    own: Mapping[str, Any]
    #: docker's options in order: the parts that hold them, and each `--docker-arg` WORD
    option_parts: tuple[Part | str, ...] = ()

    def _uses(self, long: str) -> list[OptionUse]:
        return [use for part in self.option_parts if not isinstance(part, str) for use in part.uses
                if use.option is not None and use.option.long == long]

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
        shown = [word if o.required else f"[{word}]" for o, word in zip(usage, operands)]
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
    for part in parsed.parts[len(command.path):]:
        # docker's own options win a spelling both have (split reads docker's then)
        mine = [extra[use.option.long][0] for use in part.uses
                if use.option is not None and use.option is extra.get(use.option.long, (None, None))[1]]
        if mine:
            for own_option, use in zip(mine, part.uses):
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


@dataclass
class Invocation:
    """What a wrapped verb gets: the Docker handle, its command line split, and its Output."""

    docker: Docker
    line: VerbLine
    out: Output = field(init=False)

    def __post_init__(self) -> None:
        from .output import Output

        self.out = Output(dry_run=self.docker.dry_run, as_json=bool(self.line.own.get("json")),
                          raw=bool(self.line.own.get("raw")))

    def docker_prints(self, *longs: str) -> bool:
        """When the user gave one of docker's options LONGS that make docker print its own text
        (`--format`, `--tree`), run the call as the user wrote it, output passed through, and say
        so (the verb then prints nothing of its own; the status is docker's)."""
        if not any(self.line.given(long) for long in longs):
            return False
        code = self.passthrough()
        if code:
            raise click.exceptions.Exit(code)
        return True

    def passthrough(self) -> int:
        """Run the call as the user wrote it (dockwrap's own options left out), docker's output
        passed through; docker's status."""
        from .passthrough import run_words

        return run_words(self.docker, self.line.command.path, self.line.words, self.line.command)

    def operands(self, at_least: int, at_most: int | None = None) -> tuple[str, ...]:
        """The operands, AT_LEAST of them (and AT_MOST): else what docker would say."""
        from ..errors import CommandLineError

        count = len(self.line.operands)
        if count >= at_least and (at_most is None or count <= at_most):
            return self.line.operands
        how = "exactly" if at_least == at_most else "at least" if count < at_least else "at most"
        wanted = at_least if count < at_least else at_most
        raise CommandLineError(f"'docker {self.line.command.name}' requires {how} {wanted} "
                               f"argument{'' if wanted == 1 else 's'}", usage_lines(self.line.command))


class DockerVerbCommand(click.Command):
    """A docker command dockwrap wraps: docker's options split by the table (see the module)."""

    def __init__(self, path: tuple[str, ...], callback: Callable[[Invocation], int | None], *,
                 own: Sequence[Own] = (), examples: Sequence[str] = (), help: str | None = None) -> None:
        super().__init__(name=path[-1], help=help, epilog=examples_epilog(*examples),
                         context_settings={"ignore_unknown_options": True, "help_option_names": []})
        self.path = path
        self.own = (*own, DOCKER_ARG)
        self.verb = callback

    @property
    def docker_command(self) -> Command:
        from ..surface import lookup

        command = lookup(self.path)
        assert command is not None, f"docker has no command {self.path}"
        return command

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        line = parse_words(self.docker_command, args, self.own)
        if line.parsed.help:
            click.echo(self.get_help(ctx), color=ctx.color)
            ctx.exit(0)
        ctx.meta["dockwrap.verb_line"] = line
        ctx.params = {}
        return []

    def invoke(self, ctx: click.Context) -> Any:
        from ..client import Docker

        docker = ctx.find_object(Docker) or Docker()
        code = self.verb(Invocation(docker, ctx.meta["dockwrap.verb_line"]))
        if code:
            ctx.exit(code)
        return None

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return usage_lines(self.docker_command, "")[0].split()[len(self.path):]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("dockwrap's options"):
            formatter.write_dl([(f"--{o.long}" + (f" {o.metavar}" if o.metavar else ""), o.help) for o in self.own])
        command = self.docker_command
        shown = [option for option in command.options if not (option.hidden or option.deprecated)]
        with formatter.section(f"docker's options (what they do: docker {command.name} --help)"):
            specs = [("-" + o.short + ", " if o.short else "") + f"--{o.long}" + (f" {o.type_word}" if o.type_word else "")
                     for o in shown]
            _columns(formatter, specs or ["(none but --help)"])


def _columns(formatter: click.HelpFormatter, specs: list[str]) -> None:
    """SPECS packed into lines as wide as the help, three spaces apart (none broken)."""
    width = max((formatter.width or 80) - formatter.current_indent, 40)
    line = ""
    for spec in specs:
        if line and len(line) + 3 + len(spec) > width:
            formatter.write(" " * formatter.current_indent + line + "\n")
            line = ""
        line = f"{line}   {spec}" if line else spec
    formatter.write(" " * formatter.current_indent + line + "\n")


def docker_verb(path: tuple[str, ...], *, own: Sequence[Own] = (), examples: Sequence[str] = ()
                ) -> Callable[[Callable[[Invocation], int | None]], DockerVerbCommand]:
    """Make the function a wrapped verb of docker's command PATH (canonical: `("container", "ls")`),
    with dockwrap's options OWN (and `--docker-arg`), its docstring as help, and EXAMPLES."""

    def make(function: Callable[[Invocation], int | None]) -> DockerVerbCommand:
        return DockerVerbCommand(path, function, own=own, examples=examples, help=function.__doc__)

    return make


class LazyGroup(click.Group):
    """A group of commands given as `"module:attribute"`, each imported when used: the one kind of
    group the CLI has (made by `command_group` or `noun_group`; the root is one too)."""

    def __init__(self, name: str | None, commands: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(name=name, commands=LazyCommands(commands), **kwargs)


def command_group(name: str, commands: Mapping[str, str], *, help: str, examples: Sequence[str]) -> LazyGroup:
    """A group of dockwrap's own commands (`recipe`): COMMANDS maps each name to
    `"module:attribute"`."""
    return LazyGroup(name, commands, help=help, epilog=examples_epilog(*examples))


class NounGroup(LazyGroup):
    """A noun's group: its wrapped verbs (imported when used), and every other verb docker has for
    the noun passed through (`dockwrap container cp ...`). Aliases reach the wrapped verb
    (`container list` is `container ls`)."""

    def __init__(self, noun: str, verbs: Mapping[str, str], **kwargs: Any) -> None:
        super().__init__(noun, verbs, **kwargs)
        self.noun = noun

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        from .passthrough import docker_command

        if name in self.commands:
            return self.commands[name]
        return docker_command((self.noun, name))

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        from .passthrough import unknown_command

        command = self.get_command(ctx, args[0])
        if command is None:
            unknown_command((self.noun,), args[0])
        return args[0], command, args[1:]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .. import surface

        super().format_commands(ctx, formatter)
        others = [path[-1] for path in surface.commands() if path[:-1] == (self.noun,) and path[-1] not in self.commands]
        if others:
            with formatter.section("docker's other verbs (passed through to docker as they are)"):
                _columns(formatter, others)


def noun_group(noun: str, verbs: Iterable[str] | Mapping[str, str], *, help: str, examples: Sequence[str]) -> NounGroup:
    """The group of docker's NOUN: VERBS are the wrapped ones, each in `dockwrap/<noun>/cli/<verb>.py`
    as `command` (or verb -> module name), imported when used; every other verb of the noun
    passes through to docker."""
    modules = verbs if isinstance(verbs, Mapping) else {verb: verb for verb in verbs}
    table = {verb: f"dockwrap.{noun}.cli.{module}:command" for verb, module in modules.items()}
    return NounGroup(noun, table, help=help, epilog=examples_epilog(*examples))
