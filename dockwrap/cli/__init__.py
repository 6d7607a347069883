"""The `dockwrap` command: global options, its commands (docker's, wrapped or passed through, and
dockwrap's own, each imported when used), and the one top-level error handler (the exit statuses of
the README's table; never a traceback).

Which of docker's commands dockwrap wraps is this package's WRAPPED table (the nouns' Click groups
and docker's own top-level commands); every other command docker has (the table of
`dockwrap.surface`) passes through (`cli/passthrough.py`), shortcuts and aliases included.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import click

from .. import signals
from .._version import __version__
from ..client import Docker
from ..errors import CommandLineError, DockwrapError
from ..signals import OutputClosed, Terminated
from .engine import FLAGS_KEY, docker_options, explicit_flags
from .lazy import LazyCommands
from .options import SECONDS
from .verbs import DOCKER_ARG, LazyGroup

__all__ = ["cli", "main", "Terminated", "WRAPPED", "OWN"]

#: docker's commands dockwrap wraps, by their first word: the noun's group (its other verbs pass
#: through), or a command of docker's own (`version`); "module:attribute", imported when used
WRAPPED = LazyCommands(
    {
        "container": "dockwrap.container.cli:group",
        "context": "dockwrap.context.cli:group",
        "image": "dockwrap.image.cli:group",
        "network": "dockwrap.network.cli:group",
        "node": "dockwrap.node.cli:group",
        "service": "dockwrap.service.cli:group",
        "swarm": "dockwrap.swarm.cli:group",
        "system": "dockwrap.system.cli:group",
        "version": "dockwrap.system.cli.version:command",
        "login": "dockwrap.image.cli.login:command",
        "logout": "dockwrap.image.cli.logout:command",
        "volume": "dockwrap.volume.cli:group",
    }
)

#: dockwrap's own commands (not docker's)
OWN = {
    "recipe": "dockwrap.recipes.cli:recipe_group",
    "cleanup": "dockwrap.recipes.cli:cleanup_command",
    "explain": "dockwrap.explain.cli:command",
    "wait-for": "dockwrap.container.cli.wait_for:command",
    "tour": "dockwrap.tour.cli:command",
}


class RootGroup(LazyGroup):
    """dockwrap's own commands, then every docker command by any of its spellings (`ps` is
    `container ls`), wrapped or passed through; a docker CLI plugin passes through too."""

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        from .passthrough import docker_command

        if name in self.commands:
            return self.commands[name]
        return docker_command((name,))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # docker's `--tls=false` and friends, which Click's flags do not take
        return super().parse_args(ctx, explicit_flags(ctx, self.get_params(ctx), args))

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*self.commands, *_docker_words()]

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        from .passthrough import unknown_command

        command = self.get_command(ctx, args[0])
        if command is None:
            unknown_command((), args[0], also=list(self.commands))
        return args[0], command, args[1:]

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from .. import surface
        from .passthrough import wrapped
        from .verbs import _columns

        with formatter.section("dockwrap's own commands"):
            formatter.write_dl([(name, self.commands[name].get_short_help_str(60)) for name in self.commands])
        words = _docker_words()
        groups = [word for word in words if (surface.lookup((word,)) or _NONE).group]
        for title, names in (
            ("docker's management commands", groups),
            ("docker's commands", [word for word in words if word not in groups]),
        ):
            with formatter.section(title):
                _columns(
                    formatter,
                    [word + ("*" if _wraps(wrapped(surface.resolve((word,)) or ())) else "") for word in names],
                )
        formatter.write_paragraph()
        formatter.write_text(
            "* wrapped by dockwrap: typed records, --json; the others pass through to docker as they "
            "are. Every command takes docker's own options, and --docker-arg WORD for one dockwrap "
            "does not know."
        )


def _wraps(command: click.Command | None) -> bool:
    """Whether dockwrap has typed records there: a wrapped verb, or a group with one."""
    return command is not None and (not isinstance(command, click.Group) or bool(command.commands))


class _NoCommand:
    group = False


_NONE = _NoCommand()


def _docker_words() -> list[str]:
    """docker's top-level words (commands, groups, shortcuts) that its own help lists."""
    from .. import surface

    return [word for word in surface.subcommands(()) if not (surface.lookup((word,)) or _NONE).hidden]  # type: ignore[union-attr]


@click.group(
    cls=RootGroup,
    commands=OWN,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="\b\nExamples:\n"
    "  dockwrap ps -a\n"
    "  dockwrap -x recipe pingable-pair           # show each docker call as it runs\n"
    "  dockwrap --dry-run recipe round-robin      # print the docker calls as a bash script\n"
    "  dockwrap run --rm busybox echo hello\n"
    "  dockwrap volume create data                # any other docker command passes through",
)
@click.option(
    "--docker",
    "binary",
    envvar="DOCKWRAP_DOCKER",
    metavar="PATH",
    help="The docker CLI to run [env: DOCKWRAP_DOCKER; default: docker].",
)
@docker_options
@click.option(
    "-x",
    "--explain",
    is_flag=True,
    envvar="DOCKWRAP_EXPLAIN",
    help="Print each docker call to stderr before running it [env: DOCKWRAP_EXPLAIN=1].",
)
@click.option("--dry-run", is_flag=True, help="Print the docker calls to stdout; run none.")
@click.option(
    "--timeout",
    type=SECONDS,
    envvar="DOCKWRAP_TIMEOUT",
    metavar="SECONDS",
    help="Limit for each docker call (0 or inf: none); on expiry exit 124 [env: DOCKWRAP_TIMEOUT].",
)
@click.option(
    "--record",
    metavar="FILE",
    envvar="DOCKWRAP_RECORD",
    help="Append every docker call that runs to FILE as a bash script, with its time, duration and exit status "
    "[env: DOCKWRAP_RECORD].",
)
@click.version_option(__version__, "--version", prog_name="dockwrap", message="%(prog)s %(version)s")
@click.pass_context
def cli(
    ctx: click.Context,
    binary: str | None,
    explain: bool,
    dry_run: bool,
    timeout: float | None,
    context: str | None,
    host: str | None,
    record: str | None,
    **docker_options: Any,
) -> None:
    """Drive the real docker CLI: the same commands, typed JSON records, every call visible.

    Each command runs exactly the docker call(s) it names; -x shows them and --dry-run prints
    them as a script you can run. docker's global options (--context, -H, --tlsverify, ...)
    go to every call.
    """
    docker_options.update(ctx.meta.get(FLAGS_KEY, {}))
    ctx.obj = Docker(
        binary=binary,
        context=context,
        host=host,
        explain=explain,
        dry_run=dry_run,
        timeout=timeout,
        record=record or None,
        **docker_options,
    )


def _error(message: str, hint: str | None = None, usage: Sequence[str] = ()) -> None:
    # docker's message may quote a name or a command holding escape sequences: written out
    from ..parse.gostring import printable

    click.echo(f"dockwrap: error: {printable(message)}", err=True)
    for line in usage:
        click.echo(f"Usage:  {printable(line)}", err=True)
    if hint:
        click.echo(f"hint: {printable(hint)}", err=True)


def _command_line_hint(error: CommandLineError) -> str | None:
    """What to do about a command line docker would refuse, in the CLI's terms."""
    hint = f"did you mean {error.suggestion}?" if error.suggestion else None
    if error.token.startswith("-") and "unknown" in str(error):
        passing = (
            f"an option docker has and dockwrap's table lacks passes as it is with "
            f"--{DOCKER_ARG.long}={error.token} (its value, if any, as another --{DOCKER_ARG.long})"
        )
        hint = f"{hint} Or: {passing}" if hint else passing[0].upper() + passing[1:]
    return hint


def main(argv: Sequence[str] | None = None) -> NoReturn:
    """Run the CLI and exit with the status of the README's table."""
    # Reporting can meet a closed output or a signal too: that decides the status then.
    try:
        if threading_main():
            signals.install()
            signals.guard_stdio()
        code = _run(argv)
        sys.stdout.flush()
        sys.stderr.flush()
    except OutputClosed:
        code = OutputClosed.exit_code
    except KeyboardInterrupt:
        code = 130
    except Terminated as exc:
        code = exc.exit_code
    sys.exit(signals.exit_status(code))


def _run(argv: Sequence[str] | None) -> int:
    debug = os.environ.get("DOCKWRAP_DEBUG") == "1"
    code = 0
    try:
        result = cli.main(args=list(argv) if argv is not None else None, prog_name="dockwrap", standalone_mode=False)
        code = result if isinstance(result, int) else 0
    except click.exceptions.Exit as exc:
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort as exc:
        code = 130 if isinstance(exc.__cause__, KeyboardInterrupt) or exc.__cause__ is None else 1
    except KeyboardInterrupt:
        code = 130
    except (Terminated, OutputClosed) as exc:
        code = exc.exit_code
    except CommandLineError as exc:
        _error(str(exc), _command_line_hint(exc), exc.usage)
        code = exc.exit_code
    except DockwrapError as exc:
        if debug:
            raise
        from .hints import cli_hint

        _error(str(exc), cli_hint(exc))
        code = exc.exit_code
    except BrokenPipeError:
        # Only where stdout is not the guarded one (main() outside the main thread).
        code = OutputClosed.exit_code
    except Exception as exc:  # a bug of ours: still one line, with the way to see more
        if debug:
            raise
        if signals.received:  # an exception the signal caused on its way (Python raised it somewhere odd)
            return code
        _error(
            f"internal error: {type(exc).__name__}: {exc}",
            "run again with DOCKWRAP_DEBUG=1 for the traceback, and report it",
        )
        code = 70
    return code


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
