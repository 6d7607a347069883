"""`dockwrap network VERB`: one module per wrapped verb (imported when used); docker's other
network verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "network",
    ["ls", "create", "connect", "disconnect", "inspect", "rm"],
    help="Manage networks.",
    examples=(
        "dockwrap network create lesson",
        "dockwrap network connect --alias web lesson a",
        "dockwrap network prune -f      # docker's other verbs pass through",
    ),
)
