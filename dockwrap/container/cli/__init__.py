"""`dockwrap container VERB`: one module per wrapped verb (imported when used); docker's other
container verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "container",
    [
        "ls",
        "run",
        "exec",
        "logs",
        "top",
        "inspect",
        "stats",
        "start",
        "stop",
        "rm",
        "port",
        "create",
        "restart",
        "kill",
        "wait",
        "cp",
        "rename",
        "pause",
        "unpause",
        "update",
        "prune",
    ],
    help="Manage containers (the docker container verbs).",
    examples=(
        "dockwrap container ls -a",
        "dockwrap container run -d --name web busybox httpd -f -p 80",
        "dockwrap container export web > web.tar     # docker's other verbs pass through",
    ),
)
