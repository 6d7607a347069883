"""`dockwrap container stats`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...cli.output import Column, cell
from ...cli.verbs import JSON, RAW, Invocation, docker_verb


def _text(docker_key: str, podman_key: str) -> Callable[[Any], Any]:
    """docker's own text of a field (podman's `raw` has it under a lowercase key)."""
    return lambda s: s.raw.get(docker_key, s.raw.get(podman_key))


COLUMNS: list[Column] = [
    ("CONTAINER ID", lambda s: s.id[:12]),
    ("NAME", lambda s: s.name),
    ("CPU %", _text("CPUPerc", "cpu_percent")),
    ("MEM USAGE / LIMIT", _text("MemUsage", "mem_usage")),
    ("MEM %", _text("MemPerc", "mem_percent")),
    ("NET I/O", _text("NetIO", "net_io")),
    ("BLOCK I/O", _text("BlockIO", "block_io")),
    ("PIDS", lambda s: s.pids),
]


@docker_verb(
    ("container", "stats"),
    own=(JSON, RAW),
    examples=(
        "dockwrap container stats --no-stream",
        "dockwrap container stats --no-stream --json web | jq '.[0].mem_usage_bytes'",
        "dockwrap container stats --json web     # one JSON object per sample, until Ctrl-C",
    ),
)
def command(run: Invocation) -> None:
    """Show containers' CPU, memory, network and block I/O."""
    if run.docker_prints("format"):
        return
    names = run.line.operands
    if run.line.flag("no-stream"):
        run.out.records(run.docker.container.stats(names, docker_args=run.line.without("no-stream")), COLUMNS)
        return
    import json
    import sys

    for sample in run.docker.container.stats_stream(names, docker_args=run.line.docker_words):
        if run.out.as_json:
            sys.stdout.write(json.dumps(sample.to_json(raw=run.out.raw)) + "\n")
        else:
            sys.stdout.write("  ".join(cell(value(sample)) for _, value in COLUMNS) + "\n")
        sys.stdout.flush()
