"""`dockwrap container run` (also `dockwrap run`)."""

from __future__ import annotations

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("container", "run"),
    own=(JSON,),
    examples=(
        "dockwrap run --rm busybox echo hello",
        "dockwrap run -d --name web -p 127.0.0.1:8080:80 -v data:/data --restart unless-stopped busybox httpd -f -p 80",
        "dockwrap run -it --rm busybox sh",
        "dockwrap run -d --json busybox sleep 60 | jq -r .id",
    ),
)
def command(run: Invocation) -> int | None:
    """Run a command in a new container.

    Every option of docker's run is taken as docker takes it. Everything after IMAGE is the
    container's command, verbatim. Detached (-d), the container's ID is printed; in the
    foreground, dockwrap exits with the container command's own status, and with -it the
    terminal is handed over.
    """
    image, *command = run.operands(1)
    if run.line.flag("detach"):
        # detached by the user's own -d (in docker_args): the result is the ID
        container_id = str(run.docker.container.run(image, command, docker_args=run.line.docker_words))
        run.out.value({"id": container_id}, container_id)
        return None
    return run.docker.container.run(image, command, output="terminal", docker_args=run.line.docker_words).exit_code
