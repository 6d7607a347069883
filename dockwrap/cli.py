"""The `dockwrap` command: global options, the explicit table of commands (imported when used), and the one
top-level error handler (the exit statuses of the README's table; never a traceback)."""

from __future__ import annotations

import os
import sys
from typing import NoReturn, Sequence

import click

from ._version import __version__
from .client import Docker
from .errors import DockwrapError
from .options import SECONDS, LazyCommands
from . import signals
from .signals import OutputClosed, Terminated

__all__ = ["cli", "main", "Terminated"]


#: every command: name -> "module:command", imported only when it runs (or `--help` lists it), so
#: that `dockwrap container ls` loads neither the other verbs nor their records
COMMANDS = LazyCommands({
    "container": "dockwrap.container.cli:group",
    "image": "dockwrap.image.cli:group",
    "network": "dockwrap.network.cli:group",
    "recipe": "dockwrap.recipes.cli:recipe_group",
    "cleanup": "dockwrap.recipes.cli:cleanup_command",
    "swarm": "dockwrap.swarm.cli:swarm_group",
    "node": "dockwrap.swarm.cli:node_group",
    "service": "dockwrap.swarm.cli:service_group",
    "version": "dockwrap.system.cli.version:command",
    "explain": "dockwrap.explain.cli:command",
    # the short forms docker has too
    "ps": "dockwrap.container.cli.ls:command",
    "run": "dockwrap.container.cli.run:command",
    "exec": "dockwrap.container.cli.exec:command",
    "logs": "dockwrap.container.cli.logs:command",
})


@click.group(
    commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="\b\nExamples:\n"
    "  dockwrap ps -a\n"
    "  dockwrap -x recipe pingable-pair           # show each docker call as it runs\n"
    "  dockwrap --dry-run recipe round-robin      # print the docker calls as a bash script\n"
    "  dockwrap run --rm busybox echo hello",
)
@click.option("--docker", "binary", envvar="DOCKWRAP_DOCKER", metavar="PATH", help="The docker CLI to run [env: DOCKWRAP_DOCKER; default: docker].")
@click.option("--context", metavar="NAME", help="Docker context for every call (docker --context NAME).")
@click.option("-H", "--host", metavar="URL", help="Engine for every call (docker --host URL): unix://, tcp://, ssh://user@host.")
@click.option("-x", "--explain", is_flag=True, envvar="DOCKWRAP_EXPLAIN", help="Print each docker call to stderr before running it [env: DOCKWRAP_EXPLAIN=1].")
@click.option("--dry-run", is_flag=True, help="Print the docker calls to stdout; run none.")
@click.option("--timeout", type=SECONDS, envvar="DOCKWRAP_TIMEOUT", metavar="SECONDS", help="Limit for each docker call (0 or inf: none); on expiry exit 124 [env: DOCKWRAP_TIMEOUT].")
@click.version_option(__version__, "--version", prog_name="dockwrap", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context, binary: str | None, context: str | None, host: str | None, explain: bool,
        dry_run: bool, timeout: float | None) -> None:
    """Drive the real docker CLI: the same commands, typed JSON records, every call visible.

    Each command runs exactly the docker call(s) it names; -x shows them and --dry-run prints
    them as a script you can run.
    """
    ctx.obj = Docker(binary=binary, context=context, host=host, explain=explain, dry_run=dry_run, timeout=timeout)


def _error(message: str, hint: str | None = None) -> None:
    # docker's message may quote a name or a command holding escape sequences: written out
    from .parse.gostring import printable

    click.echo(f"dockwrap: error: {printable(message)}", err=True)
    if hint:
        click.echo(f"hint: {printable(hint)}", err=True)


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
    except DockwrapError as exc:
        if debug:
            raise
        from .cli_hints import cli_hint

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
        _error(f"internal error: {type(exc).__name__}: {exc}", "run again with DOCKWRAP_DEBUG=1 for the traceback, and report it")
        code = 70
    return code


def threading_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
