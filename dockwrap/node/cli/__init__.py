"""`dockwrap node VERB`: one module per wrapped verb (imported when used); docker's other node
verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "node",
    ["ls"],
    help="Manage swarm nodes.",
    examples=("dockwrap node ls", "dockwrap node inspect self --pretty    # passed through"),
)
