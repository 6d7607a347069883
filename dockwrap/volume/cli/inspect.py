"""`dockwrap volume inspect`."""

from __future__ import annotations

from ...cli.verbs import JSON, RAW, Invocation, docker_verb


@docker_verb(
    ("volume", "inspect"),
    own=(JSON, RAW),
    examples=(
        "dockwrap volume inspect data scratch      # one docker call for both",
        "dockwrap volume inspect data --json | jq -r '.[0].mountpoint'",
        "dockwrap volume inspect -f '{{.Mountpoint}}' data",
    ),
)
def command(run: Invocation) -> None:
    """Show volumes: driver, mount point, labels, the driver's options."""
    names = run.operands(1)
    run.inspecting(
        lambda words: run.docker.volume.inspect(names, docker_args=words),
        [
            ("NAME", lambda v: v.name),
            ("DRIVER", lambda v: v.driver),
            ("SCOPE", lambda v: v.scope),
            ("MOUNTPOINT", lambda v: v.mountpoint),
            ("LABELS", lambda v: v.labels),
            ("OPTIONS", lambda v: v.options),
        ],
    )
