"""Every docker command dockwrap does not wrap, run as written through the runner.

`dockwrap volume create x`, `dockwrap system df`, `dockwrap cp box:/f -`, `dockwrap events`:
the words are checked against the table (docker's own parsing rules: an unknown option or
command exits 2 with docker's words, its usage line and the closest spelling, before any call),
then run as one docker call, so that -x, --dry-run, --timeout, --context/-H, the error classes
and the exit statuses hold for all of docker:

* docker gets our stdin, stdout and stderr as it would from a shell: stdin as it is (`load`,
  `import -`, `cp - box:/`, `login --password-stdin` read it); its output is relayed byte for
  byte (dockwrap.relay), and a failure of docker's before it printed anything else is the one
  `dockwrap: error:` line of its class, with docker's status;
* with `-t` (`--tty`), or `attach` from a terminal, the terminal is handed over instead;
* `--help` is docker's own help; `--docker-arg WORD` passes WORD unchecked.

A docker CLI plugin (`docker-NAME` in docker's plugin directories: `docker compose`, `docker
buildx`) is not in the table: its words pass through unchecked.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import click

from .line import DOCKER_ARG, usage_lines

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from ..surface import Command
    from ..surface.split import ParsedCommandLine

__all__ = ["PassthroughCommand", "docker_command", "run_words", "find_plugin", "unknown_command", "PLUGIN_DIRS"]

#: where docker looks for CLI plugins after `$DOCKER_CONFIG/cli-plugins` (`~/.docker/cli-plugins`):
#: docker/cli cli-plugins/manager, defaultSystemPluginDirs (Linux)
PLUGIN_DIRS = (
    "/usr/local/lib/docker/cli-plugins",
    "/usr/local/libexec/docker/cli-plugins",
    "/usr/lib/docker/cli-plugins",
    "/usr/libexec/docker/cli-plugins",
)
# docker's rule for a plugin's name
_PLUGIN_NAME = re.compile(r"^[a-z][a-z0-9]*$")
#: a pass-through call's statuses that are docker's own failures: any (docker is the command)
DOCKER_STATUSES = range(1, 256)


def find_plugin(name: str) -> str | None:
    """The path of docker's CLI plugin NAME (`docker-compose`), where docker would find it."""
    if not _PLUGIN_NAME.match(name):
        return None
    config = os.environ.get("DOCKER_CONFIG") or os.path.join(os.path.expanduser("~"), ".docker")
    for directory in (os.path.join(config, "cli-plugins"), *PLUGIN_DIRS):
        path = os.path.join(directory, f"docker-{name}")
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def docker_command(spelled: tuple[str, ...]) -> click.Command | None:
    """The command for docker's words SPELLED (`("ps",)`, `("container", "list")`, `("volume",)`):
    dockwrap's wrapped verb or group when it has one (aliases and shortcuts reach it too), else a
    pass-through; None when docker has no such command and no such plugin."""
    from .. import surface

    path = surface.resolve(spelled)
    if path is None:
        if len(spelled) == 1 and find_plugin(spelled[0]):
            return PassthroughCommand(spelled, checked=False)
        return None
    return wrapped(path) or PassthroughCommand(spelled)


def wrapped(path: tuple[str, ...]) -> click.Command | None:
    """dockwrap's command for docker's canonical PATH, if it wraps it."""
    from . import WRAPPED

    if path[0] not in WRAPPED:
        return None
    target = WRAPPED[path[0]]
    if len(path) == 1:
        return target
    if isinstance(target, click.Group) and path[1] in target.commands:
        return target.commands[path[1]]
    return None


def unknown_command(prefix: tuple[str, ...], word: str, also: Sequence[str] = ()) -> NoReturn:
    """Refuse `docker PREFIX WORD` as docker would, with the closest of its commands (and ALSO)."""
    import difflib

    from .. import surface
    from ..errors import CommandLineError

    close = difflib.get_close_matches(word, [*surface.subcommands(prefix), *also], n=1)
    usage = [" ".join(["docker", *prefix, "[OPTIONS]" if not prefix else "", "COMMAND"]).replace("  ", " ")]
    raise CommandLineError(
        f"unknown command: docker {' '.join((*prefix, word))}", usage, close[0] if close else None, word
    )


class PassthroughCommand(click.Command):
    """A docker command dockwrap does not wrap: its words checked by the table (unless it is a
    plugin's) and run as written."""

    def __init__(self, spelled: tuple[str, ...], checked: bool = True) -> None:
        super().__init__(
            name=spelled[-1],
            add_help_option=False,
            help="(docker's own: passed through)",
            context_settings={
                "ignore_unknown_options": True,
                "allow_extra_args": True,
                "allow_interspersed_args": False,
            },
        )
        self.spelled = spelled
        self.checked = checked

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["dockwrap.words"] = list(args)
        ctx.params = {}
        return []

    def invoke(self, ctx: click.Context) -> Any:
        from ..client import Docker

        docker = ctx.find_object(Docker) or Docker()
        words: list[str] = ctx.meta["dockwrap.words"]
        parsed = None
        if self.checked:
            parsed, words = checked_words(self.spelled, words)
        ctx.exit(run_words(docker, self.spelled, words, parsed.command if parsed else None, parsed))


def checked_words(spelled: tuple[str, ...], words: Sequence[str]) -> tuple[ParsedCommandLine, list[str]]:
    """WORDS after SPELLED, split by the table: what docker would refuse is a CommandLineError;
    each `--docker-arg WORD` becomes WORD."""
    from ..errors import CommandLineError
    from ..surface.split import split

    argument = DOCKER_ARG.option
    parsed = split([*spelled, *words], extra=[argument])
    if parsed.problems:
        problem = parsed.problems[0]
        if problem.kind == "unknown-command":
            unknown_command(parsed.spelled, problem.token)
        command = parsed.command
        raise CommandLineError(
            problem.message, usage_lines(command) if command else [], problem.suggestion, problem.token
        )
    out: list[str] = []
    for part in parsed.parts[len(spelled) :]:
        if part.role == "option" and part.uses and part.uses[0].option is argument:
            out.append(part.uses[0].value or "")
        else:
            out += part.tokens
    return parsed, out


def run_words(
    docker: Docker,
    spelled: Sequence[str],
    words: Sequence[str],
    command: Command | None = None,
    parsed: ParsedCommandLine | None = None,
) -> int:
    """Run `docker SPELLED WORDS` with the terminal as docker would use it; docker's status."""
    runner = docker.runner
    argv = [*spelled, *words]
    if parsed is None and command is not None:
        from ..surface.split import split

        parsed = split(argv)
    uses = parsed.options if parsed is not None else ()
    tty = any(use.option is not None and use.option.long == "tty" and use.value in (None, "true", "1") for use in uses)
    attach = command is not None and command.path == ("container", "attach")
    if tty or (attach and sys.stdin.isatty()):
        return runner.interactive(argv)
    return runner.passthrough(argv, stdin=True, docker_statuses=DOCKER_STATUSES, stdout_is_data=True).exit_code
