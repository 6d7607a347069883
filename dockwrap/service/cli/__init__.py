"""`dockwrap service VERB`: one module per wrapped verb (imported when used); docker's other
service verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "service",
    ["create", "ls", "ps", "inspect", "scale", "logs", "rm"],
    help="Manage swarm services.",
    examples=(
        "dockwrap service create --name web --replicas 2 --no-resolve-image busybox httpd -f -p 80",
        "dockwrap service ls",
        "dockwrap service scale web=3",
    ),
)
