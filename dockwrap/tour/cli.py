"""`dockwrap tour`: a thin Click layer over `dockwrap.tour.tour`."""

from __future__ import annotations

import click

from ..choices import PULL_POLICIES
from ..cli.options import examples, pass_docker
from ..client import Docker

__all__ = ["command"]


@click.command(
    name="tour",
    epilog=examples(
        "dockwrap tour                      # step by step: Enter runs the next step, q quits",
        "dockwrap tour --list",
        "dockwrap tour --from dns --yes     # from the sixth step on, without stopping",
        "dockwrap --dry-run tour > tour.sh  # the whole tour as a bash script (bash tour.sh runs it)",
        "dockwrap --record tour.sh tour --yes   # keep every docker call it ran",
    ),
)
@click.option("--list", "list_steps", is_flag=True, help="List the steps and exit.")
@click.option("--from", "start", metavar="STEP", help="Start at this step (its name or number).")
@click.option("-y", "--yes", is_flag=True, help="Run every step without asking.")
@click.option("--image", default="busybox:latest", show_default=True, help="Image of the containers.")
@click.option(
    "--pull",
    type=click.Choice(PULL_POLICIES),
    default="never",
    show_default=True,
    help="When docker may pull the image (never: no registry is asked).",
)
@click.option(
    "-l",
    "--label",
    "labels",
    multiple=True,
    metavar="KEY=VALUE",
    help="Another label on everything created (repeatable).",
)
@pass_docker
def command(
    docker: Docker, list_steps: bool, start: str | None, yes: bool, image: str, pull: str, labels: tuple[str, ...]
) -> None:
    """The container and network lessons in order: each step says what it shows, runs its docker
    calls (shown as -x shows them), checks that it held and says why. Everything a step creates
    is labelled and removed before the next one, also on failure, q or Ctrl-C."""
    from ..recipes.cli import _labels
    from . import listing, tour

    if list_steps:
        for line in listing():
            click.echo(line)
        return
    status = tour(docker, start=start, yes=yes, labels=_labels(labels), image=image, pull=pull)
    if status:
        click.get_current_context().exit(status)
