"""`dockwrap context show`."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(("context", "show"), own=(JSON,), examples=("dockwrap context show",))
def command(run: Invocation) -> None:
    """Print the name of the current context (docker 20.10 too, which has no `context show`)."""
    run.operands(0, 0)
    name = run.docker.context.show(docker_args=run.line.docker_words)
    run.out.value({"name": name}, name)
