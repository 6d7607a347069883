"""`dockwrap container exec` (also `dockwrap exec`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("container", "exec"),
    examples=(
        "dockwrap exec web ls /",
        "dockwrap exec -it web sh",
        "dockwrap exec -e GREETING=hi -w /tmp web sh -c 'echo $GREETING'",
        "dockwrap exec web sh -c 'exit 7'; echo $?    # 7",
    ),
)
def command(run: Invocation) -> int:
    """Run a command in a running container; exit with its status."""
    name, *command = run.operands(2)
    return run.docker.container.exec(name, command, output="terminal", docker_args=run.line.docker_words).exit_code
