"""`dockwrap volume create`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("volume", "create"),
    own=(JSON,),
    examples=(
        "dockwrap volume create data",
        "dockwrap volume create --label purpose=demo --opt type=tmpfs --opt device=tmpfs --opt o=size=1m scratch",
        "dockwrap volume create --json | jq -r .name     # docker names it",
    ),
)
def command(run: Invocation) -> None:
    """Create a volume; print its name."""
    operands = run.operands(0, 1)
    name = run.docker.volume.create(operands[0] if operands else None, docker_args=run.line.docker_words)
    run.out.value({"name": name}, name)
