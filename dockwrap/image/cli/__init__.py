"""`dockwrap image VERB`: one module per wrapped verb (imported when used); docker's other image
verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "image", ["ls"], help="Manage images.",
    examples=("dockwrap image ls", "dockwrap image ls --json | jq -r '.[].repository'",
              "dockwrap image history busybox      # docker's other verbs pass through"),
)
