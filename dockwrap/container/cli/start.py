"""`dockwrap container start`."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "start"),
    examples=(
        "dockwrap container start web",
        "dockwrap container start -ai shell     # attach the terminal",
    ),
)
def command(run: Invocation) -> int | None:
    """Start stopped containers; attached (-a), exit with the container's status."""
    names = run.operands(1)
    start = run.docker.container.start
    if run.line.flag("attach") or run.line.flag("interactive"):
        return start(names, output="terminal", docker_args=run.line.docker_words).exit_code
    run.out.done(lambda: start(names, docker_args=run.line.docker_words).out.splitlines())
    return None
