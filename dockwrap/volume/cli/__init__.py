"""`dockwrap volume VERB`: one module per wrapped verb (imported when used); docker's other
volume verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "volume",
    ["ls", "create", "inspect", "rm", "prune"],
    help="Manage volumes.",
    examples=(
        "dockwrap volume create --label purpose=demo data",
        "dockwrap volume ls --filter dangling=true --json",
        "dockwrap volume prune -f --filter label=purpose=demo",
    ),
)
