"""`Verbs`, the base of every noun's API class, and the one argv builder under it.

A verb method passes what its caller gave, and `Verbs._line` writes the docker command line from
the table of docker's options (`dockwrap.surface`):

    [*command path, *the method's own words, *typed keywords, *other keywords (in the caller's
     order), *docker_args (verbatim), --format (when the method reads JSON), *operands, *tail]

* a keyword is any option of the command, snake_case (`cap_add=["NET_ADMIN"]`, `memory="64m"`),
  written by `surface.build.option_args`: a bool for a flag, one value (str, int, float), a str
  or an iterable for a list (a mapping gives `KEY=VALUE` items), a mapping or `KEY=VALUE` strings
  for a map; None is "not given". An unknown keyword, or a value of the wrong kind, is an
  `ArgumentTypeError` (a TypeError) naming the keyword and the closest docker option;
* a few older keyword names are kept (LEGACY_KEYWORDS: `labels` for `label`, `remove` for
  `rm`, ...);
* `docker_args` are words passed verbatim, for an option the table does not know (a docker newer
  than the table);
* operands go after `--` when one of them starts with `-` (docker would read it as an option);
* what the method needs to know of the result (detach? tty? a format of the caller's?) is read
  from the final option words, split by docker's own rules (`surface.split`): one source of
  truth for keywords and words alike.

    class VolumeCommands(Verbs):
        noun = ("volume",)

        def rm(self, names, *, force=False, docker_args=(), **options):
            line = self._line("rm", names_of(names, "volume"), {"force": flag(force, "force")}, options, docker_args)
            return self._runner.run(line.argv).out.splitlines()
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, ClassVar, TypeVar

from .args import items, names_of
from .args import operands as operand_words
from .errors import ArgumentTypeError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .parse.prune import PruneResult
    from .runner import Runner
    from .surface import Command
    from .surface.split import OptionUse

__all__ = ["Verbs", "CommandLine", "command_line", "LEGACY_KEYWORDS", "find_command"]

#: keyword names the API had before it took every docker option -> docker's option (kept working)
LEGACY_KEYWORDS: Mapping[str, str] = {
    "labels": "label",
    "filters": "filter",
    "remove": "rm",
    "network_aliases": "network-alias",
    "links": "link",
    "aliases": "alias",
    "container_labels": "container-label",
}

T = TypeVar("T")

# pflag's strconv.ParseBool: the words `--flag=WORD` takes
_TRUE = ("1", "t", "T", "true", "TRUE", "True")


class CommandLine:
    """One docker call, written: `argv` (after `docker`) and the option words split by the table.

    `head` is the command path and the option words, `rest` the operands (and what follows them:
    a container's command); `uses` every option of `head`, as docker reads it. (A plain class: a
    dataclass costs ~0.8 ms to define, and every call imports this.)
    """

    __slots__ = ("command", "head", "rest", "uses")

    def __init__(
        self, command: Command, head: tuple[str, ...], rest: tuple[str, ...], uses: tuple[OptionUse, ...]
    ) -> None:
        self.command, self.head, self.rest, self.uses = command, head, rest, uses

    @property
    def argv(self) -> list[str]:
        return [*self.head, *self.rest]

    def spelled(self, *path: str) -> CommandLine:
        """The same call with its command written as PATH: a shortcut docker has too (`events` for
        `system events`), for a binary that knows the command only by it (podman)."""
        return CommandLine(self.command, (*path, *self.head[len(self.command.path) :]), self.rest, self.uses)

    def given(self, long: str) -> bool:
        """Whether the option (`format`, `detach`) is among the words."""
        return any(use.option is not None and use.option.long == long for use in self.uses)

    def values(self, long: str) -> list[str]:
        """Each value given to the option, in order (a flag's value is "true" or its `=WORD`)."""
        return [
            ("true" if use.value is None else use.value)
            for use in self.uses
            if use.option is not None and use.option.long == long
        ]

    def value(self, long: str) -> str | None:
        """The option's value as docker takes it (the last one given), None when not given."""
        values = self.values(long)
        return values[-1] if values else None

    def flag(self, long: str) -> bool:
        """A boolean option as docker reads it: the last `--x` or `--x=WORD` decides."""
        value = self.value(long)
        if value is None:
            option = self.command.option(long)
            return bool(option and option.default_true)
        return value in _TRUE

    def formatted(self, template: str, what: str) -> CommandLine:
        """This call with `--format TEMPLATE` before the operands: the method reads docker's JSON.

        :param what: the method, for the error when the caller's own options would change what
            docker prints (`--format`, `--quiet`)
        :raises UsageError: the caller gave `--format` or `--quiet`
        """
        self.records(what)
        return CommandLine(self.command, (*self.head, "--format", template), self.rest, self.uses)

    def records(self, what: str) -> CommandLine:
        """This call, checked to print what the method WHAT parses: docker's own JSON, not the
        caller's `--format` or `--quiet` (UsageError)."""
        for long in ("format", "quiet"):
            if self.given(long):
                raise UsageError(
                    f"{long}: {what}() reads docker's JSON; for what `docker {self.command.name} --{long}` prints, "
                    f"use Docker().call({self.command.name!r}, ...)"
                )
        return self


def find_command(path: str | Iterable[str]) -> Command:
    """The docker command spelled PATH (`"volume ls"`, `("ps",)`); UsageError when docker has none."""
    from . import surface

    words = path.split() if isinstance(path, str) else list(path)
    command = surface.lookup(words) if words else None
    if command is None:
        import difflib

        shown = " ".join(words)
        close = difflib.get_close_matches(shown, [" ".join(p) for p in surface.commands()], n=1)
        raise UsageError(f"docker has no command {shown!r}" + (f"; did you mean {close[0]!r}?" if close else ""))
    if command.group:
        verbs = ", ".join(path[-1] for path in surface.commands() if path[:-1] == command.path)
        raise UsageError(f"docker {command.name} is a group of commands: name one of {verbs}")
    return command


def option_words(command: Command, keywords: Mapping[str, object]) -> list[str]:
    """KEYWORDS (snake_case, docker spellings or LEGACY_KEYWORDS) as docker argv, in their order."""
    from .surface.build import closest_option, keys_of, written

    known = keys_of(command)
    words: list[str] = []
    for key, value in keywords.items():
        if value is None:
            continue
        option = known.get(key) or known.get(key.replace("_", "-")) or known.get(LEGACY_KEYWORDS.get(key, ""))
        if option is None:
            close = closest_option(command.options, key)
            hint = f"; did you mean {close.keyword} (--{close.long})?" if close else ""
            raise ArgumentTypeError(f"{key} is not an option of docker {command.name}{hint}")
        try:
            words += written(command, option, value)
        except TypeError as exc:
            raise ArgumentTypeError(f"{key}: {exc}") from None
    return words


def command_line(
    command: Command,
    operands: Sequence[str] = (),
    keywords: Mapping[str, object] | None = None,
    options: Mapping[str, object] | None = None,
    docker_args: Iterable[str] | str = (),
    *,
    words: Sequence[str] = (),
    tail: Sequence[str] = (),
) -> CommandLine:
    """The call of COMMAND: see the module's doc for the order of its parts.

    :param keywords: the method's typed keywords (already checked by it)
    :param options: the caller's other keywords
    :param words: option words the method writes itself, first
    :param tail: words after the operands, never read as options (a container's command)
    """
    from .surface.split import split

    given = [
        *words,
        *option_words(command, keywords or {}),
        *option_words(command, options or {}),
        *items(docker_args, "docker_args"),
    ]
    uses = split([*command.path, *given]).options
    check_values(command, uses)
    return CommandLine(command, (*command.path, *given), (*operand_words(operands), *tail), uses)


def check_values(command: Command, uses: Iterable[OptionUse]) -> None:
    """Refuse what docker's option parsing would refuse (a number that is none, a boolean that is
    no boolean), and a word an option does not take (dockwrap.choices): a UsageError naming the
    option, before any call."""
    from .choices import CHOICES

    choices = CHOICES.get(command.name, {})
    for use in uses:
        option, value = use.option, use.value
        if option is None or value is None:
            continue
        allowed = choices.get(option.long)
        if allowed and value not in allowed:
            raise UsageError(f"--{option.long} of docker {command.name} is one of {', '.join(allowed)}, not {value!r}")
        if not _parses(option.type_word if option.kind != "flag" else "bool", value):
            word = option.type_word or ""
            what = (
                "true or false"
                if option.kind == "flag"
                else "a whole number of 0 or more"
                if word.startswith("uint")
                else "a whole number"
                if word.startswith("int")
                else "a number"
            )
            raise UsageError(
                f"invalid argument {value!r} for --{option.long} of docker {command.name}: {what} expected"
            )


def _parses(type_word: str | None, value: str) -> bool:
    """Whether pflag would take VALUE for an option of TYPE_WORD (the scalar types only)."""
    try:
        if type_word == "bool":
            return value in (*_TRUE, "0", "f", "F", "false", "FALSE", "False")
        if type_word in ("int", "int64"):
            int(value, 0)
        elif type_word in ("uint", "uint16", "uint32", "uint64"):
            return int(value, 0) >= 0
        elif type_word in ("float", "decimal"):
            float(value)
    except ValueError:
        return False
    return True


class Verbs:
    """The base of a noun's API class (`Docker().container` is a ContainerCommands(Verbs)): holds
    the runner and writes each call through `_line`."""

    #: the command path of the noun: ("container",); () for docker's own commands (`version`)
    noun: ClassVar[tuple[str, ...]] = ()

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def _line(
        self,
        verb: str,
        operands: Sequence[str] = (),
        keywords: Mapping[str, object] | None = None,
        options: Mapping[str, object] | None = None,
        docker_args: Iterable[str] | str = (),
        *,
        words: Sequence[str] = (),
        tail: Sequence[str] = (),
    ) -> CommandLine:
        """The call of `docker NOUN VERB` (see `command_line`)."""
        from . import surface

        command = surface.lookup((*self.noun, verb))
        assert command is not None, f"docker has no command {(*self.noun, verb)}"
        return command_line(command, operands, keywords, options, docker_args, words=words, tail=tail)

    def _inspect(
        self,
        names: Sequence[str] | str,
        parse: Callable[[str], list[T]],
        options: Mapping[str, object],
        docker_args: Iterable[str] | str,
    ) -> list[T]:
        """`docker NOUN inspect NAMES...` in one call, read by PARSE.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        noun = self.noun[-1]
        line = self._line("inspect", names_of(names, noun), None, options, docker_args).records(f"{noun}.inspect")
        return parse(self._runner.run(line.argv, done_of=parse).out)

    def _each(
        self,
        verb: str,
        names: Sequence[str] | str,
        keywords: Mapping[str, object] | None,
        options: Mapping[str, object],
        docker_args: Iterable[str] | str,
        *,
        words: Sequence[str] = (),
    ) -> list[str]:
        """A verb on several objects that prints the name of each it did (`rm`, `stop`): those names.

        :raises DockerCommandFailed: when one failed; its `done` names those that were done
        """
        line = self._line(verb, names_of(names, self.noun[-1]), keywords, options, docker_args, words=words)
        return self._runner.run(line.argv, done_of=str.splitlines).out.splitlines()

    def _prune(
        self, keywords: Mapping[str, object] | None, options: Mapping[str, object], docker_args: Iterable[str] | str
    ) -> PruneResult:
        """`docker NOUN prune --force ...`: the call is the caller's answer, so docker does not ask
        (without a terminal it would get none and remove nothing); what it removed."""
        from .parse.prune import parse_podman_prune, parse_prune

        line = self._line("prune", (), keywords, options, docker_args, words=["--force"])
        out = self._runner.run(line.argv).out
        if self._runner.is_podman:
            return parse_podman_prune(out, self.noun[-1], f"podman {line.command.name}")
        return parse_prune(out, f"docker {line.command.name}")
