"""`dockwrap system events` (also `dockwrap events`)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Event


def event_line(event: Event) -> str:
    """An event as docker's own default line: the time to the nanosecond, what, the actor, its
    attributes (written out where they hold control characters)."""
    from ...cli.output import cell

    stamp = event.time.strftime("%Y-%m-%dT%H:%M:%S") + f".{event.time_nano % 1_000_000_000:09d}Z"
    attributes = ", ".join(f"{key}={value}" for key, value in sorted(event.attributes.items()))
    return cell(
        f"{stamp} {event.type or ''} {event.action} {event.actor_id}" + (f" ({attributes})" if attributes else "")
    )


@docker_verb(
    ("system", "events"),
    own=(JSON, RAW),
    examples=(
        "dockwrap events --filter type=container --filter event=die",
        "dockwrap events --since 10m --until 0s --json | jq -r .action",
        "dockwrap events --format '{{.Action}} {{.Actor.Attributes.name}}'    # docker's own output",
    ),
)
def command(run: Invocation) -> None:
    """Show the engine's events as they happen, until --until or Ctrl-C; --json: one JSON object a line."""
    if run.docker_prints("format"):
        return
    import json

    for event in run.docker.system.events(docker_args=run.line.docker_words):
        if run.out.as_json:
            sys.stdout.write(json.dumps(event.to_json(raw=run.out.raw), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write(event_line(event) + "\n")
        sys.stdout.flush()
