"""`--wait` of `service create` and `service scale`: poll until the service converges."""

from __future__ import annotations

import sys
from typing import Any

import click

from ...client import Docker

#: the default of --wait-timeout, in seconds
WAIT_SECONDS = 60.0

wait_option = click.option("--wait", is_flag=True, help="Wait until every task runs (a job: completed); exit 124 if not within --wait-timeout.")
wait_timeout_option = click.option("--wait-timeout", type=click.FloatRange(min=0), default=WAIT_SECONDS, show_default=True,
                                   metavar="SECONDS", help="How long --wait waits.")


def wait(docker: Docker, name: str, seconds: float) -> None:
    """Wait for the service; progress on stderr, and only when stderr is a terminal."""
    shown: list[str] = []

    def progress(service: Any) -> None:
        replicas = service.raw.get("Replicas", "")
        if sys.stderr.isatty() and replicas not in shown:
            shown.append(replicas)
            click.echo(f"waiting for service {name}: {replicas} running", err=True)

    docker.service.wait_converged(name, timeout=seconds, on_progress=progress)
