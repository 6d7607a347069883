"""`dockwrap explain`: what each part of a docker command line is, and what to watch out for."""

from __future__ import annotations

import sys

import click

from ..cli.options import examples, json_option, pass_docker
from ..client import Docker

EPILOG = examples(
    "dockwrap explain docker run -d -p 8080:80 --name web nginx",
    "dockwrap explain ps -a                        # the leading `docker` is optional",
    "dockwrap explain - < setup.sh                 # a whole script: one block per docker command",
    "dockwrap --dry-run recipe webhost | dockwrap explain",
    "dockwrap explain --json docker ps -a | jq '.[0].pieces'",
) + (
    "\n\nExit status: 0 when docker would accept every command line (warnings included); 2 when it "
    "would refuse one (an unknown command or option, a missing value or operand, a -p it cannot read)."
)


@click.command(
    name="explain", epilog=EPILOG, context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False}
)
@json_option
@click.argument("line", nargs=-1, type=click.UNPROCESSED)
@pass_docker
@click.pass_context
def command(ctx: click.Context, docker: Docker, as_json: bool, line: tuple[str, ...]) -> None:
    """Explain a docker command line: each part's role and docker's own description of it.

    LINE is a docker command line (the leading `docker` optional), or `-` (or nothing, with a
    pipe) to read a shell script from stdin: each docker command in it is explained, other
    commands are listed as skipped. Options of explain go before LINE. Nothing is run but the
    installed docker's `--help` (engine-free), which the descriptions come from; under
    --dry-run those calls are printed and nothing else.
    """
    from . import explain_all
    from .analyze import read, read_argv
    from .shell import commands

    from_stdin = line in ((), ("-",))
    if from_stdin and line == () and sys.stdin.isatty():
        raise click.UsageError("give a docker command line, or `-` and a script on stdin")
    if from_stdin or (len(line) == 1 and any(blank in line[0] for blank in " \t\n")):
        # bytes that are not UTF-8 are shown as U+FFFD: what is read is only explained, never run
        text = sys.stdin.buffer.read().decode("utf-8", "replace") if from_stdin else line[0]
        found = [read(shell_command) for shell_command in commands(text)]
    else:
        found = [read_argv(line)]
    explained = explain_all(found, docker)
    if docker.dry_run:
        return
    if as_json:
        from ..cli.output import print_json

        print_json(list(explained))
    else:
        import shutil

        from .render import render

        width = min(shutil.get_terminal_size((100, 24)).columns, 120)
        sys.stdout.write(render(explained, width, numbered=from_stdin))
    if not any(explanation.status == "explained" for explanation in explained):
        click.echo("dockwrap: note: no docker command in the input", err=True)
    if any(explanation.refused for explanation in explained):
        ctx.exit(2)
