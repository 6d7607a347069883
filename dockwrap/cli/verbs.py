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
from typing import TYPE_CHECKING, Any

import click

from .invocation import Invocation
from .lazy import LazyCommands
from .line import DOCKER_ARG, JSON, RAW, Own, VerbLine, parse_words, usage_lines
from .options import examples as examples_epilog

if TYPE_CHECKING:  # pragma: no cover
    from ..surface import Command

__all__ = [
    "Own",
    "JSON",
    "RAW",
    "DOCKER_ARG",
    "VerbLine",
    "Invocation",
    "DockerVerbCommand",
    "LazyGroup",
    "NounGroup",
    "docker_verb",
    "noun_group",
    "command_group",
    "usage_lines",
    "parse_words",
]


class DockerVerbCommand(click.Command):
    """A docker command dockwrap wraps: docker's options split by the table (see the module)."""

    def __init__(
        self,
        path: tuple[str, ...],
        callback: Callable[[Invocation], int | None],
        *,
        own: Sequence[Own] = (),
        examples: Sequence[str] = (),
        help: str | None = None,
    ) -> None:
        super().__init__(
            name=path[-1],
            help=help,
            epilog=examples_epilog(*examples),
            context_settings={"ignore_unknown_options": True, "help_option_names": []},
        )
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
        return usage_lines(self.docker_command, "")[0].split()[len(self.path) :]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("dockwrap's options"):
            formatter.write_dl([(f"--{o.long}" + (f" {o.metavar}" if o.metavar else ""), o.help) for o in self.own])
        command = self.docker_command
        shown = [option for option in command.options if not (option.hidden or option.deprecated)]
        with formatter.section(f"docker's options (what they do: docker {command.name} --help)"):
            specs = [
                ("-" + o.short + ", " if o.short else "") + f"--{o.long}" + (f" {o.type_word}" if o.type_word else "")
                for o in shown
            ]
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


def docker_verb(
    path: tuple[str, ...], *, own: Sequence[Own] = (), examples: Sequence[str] = ()
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

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        from .passthrough import unknown_command

        command = self.get_command(ctx, args[0])
        if command is None:
            unknown_command((self.noun,), args[0])
        return args[0], command, args[1:]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .. import surface

        super().format_commands(ctx, formatter)
        others = [
            path[-1] for path in surface.commands() if path[:-1] == (self.noun,) and path[-1] not in self.commands
        ]
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
