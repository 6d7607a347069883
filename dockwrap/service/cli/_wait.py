"""`--wait` of `service create` and `service scale`: poll until the service converges."""

from __future__ import annotations

import sys
from typing import Any

import click

from ...args import seconds
from ...cli.verbs import Invocation, Own

#: the default of --wait-timeout, in seconds
WAIT_SECONDS = 60.0


def _seconds(text: str) -> float:
    try:
        return seconds(float(text), "--wait-timeout")
    except Exception as exc:  # a word, nan, a negative number
        raise ValueError("a number of seconds of 0 or more") from exc


WAIT = Own("wait", "Wait until every task runs (a job: completed); exit 124 if not within --wait-timeout.")
WAIT_TIMEOUT = Own(
    "wait-timeout",
    f"How long --wait waits [default: {WAIT_SECONDS:g}].",
    "value",
    "SECONDS",
    convert=_seconds,
    default=WAIT_SECONDS,
)


def wait(run: Invocation, name: str) -> None:
    """Wait for the service, if --wait; progress on stderr, and only when stderr is a terminal.
    (NAME is "" under --dry-run for a service docker would name: nothing to wait for then.)"""
    if not run.line.own["wait"] or not name:
        return
    shown: list[str] = []

    def progress(service: Any) -> None:
        replicas = service.raw.get("Replicas", "")
        if sys.stderr.isatty() and replicas not in shown:
            shown.append(replicas)
            click.echo(f"waiting for service {name}: {replicas} running", err=True)

    run.docker.service.wait_converged(name, timeout=run.line.own["wait_timeout"], on_progress=progress)
