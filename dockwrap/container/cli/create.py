"""`dockwrap container create` (also `dockwrap create`)."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("container", "create"),
    own=(JSON,),
    examples=(
        "dockwrap create --name web -p 127.0.0.1:8080:80 busybox httpd -f -p 80",
        "dockwrap create --json busybox sleep 60 | jq -r .id",
    ),
)
def command(run: Invocation) -> None:
    """Create a container without starting it; print its ID.

    Every option of docker's create is taken as docker takes it; everything after IMAGE is the
    container's command, verbatim.
    """
    image, *command = run.operands(1)
    container_id = run.docker.container.create(image, command, docker_args=run.line.docker_words)
    run.out.value({"id": container_id}, container_id)
