"""`dockwrap service scale`."""

from __future__ import annotations

import re

from ...cli.verbs import Invocation, docker_verb, usage_lines
from ._wait import WAIT, WAIT_TIMEOUT, wait

_PAIR = re.compile(r"^([^=\s]+)=(\d+)$")


@docker_verb(
    ("service", "scale"),
    own=(WAIT, WAIT_TIMEOUT),
    examples=(
        "dockwrap service scale web=3",
        "dockwrap service scale --wait web=0 api=2",
    ),
)
def command(run: Invocation) -> None:
    """Set the number of tasks of replicated services (one docker call each)."""
    from ...errors import CommandLineError

    pairs = []
    for value in run.operands(1):
        match = _PAIR.match(value)
        if not match:
            raise CommandLineError(f"{value!r} is not SERVICE=REPLICAS (e.g. web=3)", usage_lines(run.line.command))
        pairs.append((match.group(1), int(match.group(2))))
    for name, replicas in pairs:
        run.docker.service.scale(name, replicas, docker_args=run.line.docker_words)
    for name, _ in pairs:
        wait(run, name)
