"""`dockwrap wait-for NAME`: wait until a container is ready (dockwrap's own command, not docker's)."""

from __future__ import annotations

import click

from ...cli.options import SECONDS, examples, json_option, pass_docker
from ...client import Docker

EPILOG = examples(
    "dockwrap wait-for db --log 'ready to accept connections' --timeout 30",
    "dockwrap wait-for web --http / --timeout 10      # its published port answers 200",
    "dockwrap wait-for api --healthy --port 8080",
    "dockwrap wait-for job --exited --status 0",
) + (
    "\n\nWith no condition: --running. Each condition is met once, in any order. Exit status: 0 when "
    "ready; 124 when not ready in time (the line says what was seen last); 1 when it can no longer "
    "be (removed, stopped and not restarted by docker, --healthy without a health check)."
)


@click.command(name="wait-for", epilog=EPILOG)
@click.argument("name")
@click.option("--running", is_flag=True, help="It runs (not paused or restarting).")
@click.option("--healthy", is_flag=True, help="Its health check says healthy.")
@click.option("--exited", is_flag=True, help="It stopped (with --status N: with exit status N).")
@click.option(
    "--status",
    type=int,
    metavar="N",
    help="With --exited: the exit status; with --http: the HTTP status (default 200).",
)
@click.option("--log", "log", metavar="REGEX", help="A line of its logs since its start matches (Python regex).")
@click.option(
    "--port", metavar="PORT", help="Its published TCP port PORT takes a connection from this machine and keeps it open."
)
@click.option("--http", "http", metavar="PATH", help="A GET of PATH at its published port answers 200 (or --status).")
@click.option(
    "--timeout",
    type=SECONDS,
    default=0.0,
    metavar="SECONDS",
    help="Give up after this long: exit 124 (0 or inf: wait for ever, the default).",
)
@json_option
@pass_docker
def command(
    docker: Docker,
    name: str,
    running: bool,
    healthy: bool,
    exited: bool,
    status: int | None,
    log: str | None,
    port: str | None,
    http: str | None,
    timeout: float,
    as_json: bool,
) -> None:
    """Wait until container NAME is ready: running, healthy, exited, a log line, its port, an HTTP answer.

    It watches docker's events for the container (start, die, health_status, destroy), inspects it
    once, follows its logs only for --log, and tries its published port from this machine. Every
    docker process it starts has ended when it returns.
    """
    from ...errors import NotReady, UsageError, WaitTimeout

    if status is not None and not (exited or http):
        raise UsageError("--status N goes with --exited (the exit status) or --http (the HTTP status)")
    if status is not None and exited and http:
        raise UsageError("--status goes with one of --exited or --http, not both")
    try:
        seen = docker.container.wait_for(
            name,
            running=running,
            healthy=healthy,
            exited=exited,
            status=status if exited else None,
            log=log,
            port=port,
            http=http,
            http_status=status if http and status is not None else 200,
            timeout=None if timeout in (0, float("inf")) else timeout,
        )
    except (NotReady, WaitTimeout) as error:  # with --json, what was seen goes to stdout too
        if as_json:
            from ...cli.output import print_json

            print_json(error.seen)
        raise
    if docker.dry_run:
        return
    if as_json:
        from ...cli.output import print_json

        print_json(seen)
    else:
        click.echo(f"{name}: ready in {seen.seconds:g}s: {seen.summary}")
