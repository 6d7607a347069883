"""`dockwrap system VERB` (one module per wrapped verb, imported when used; docker's other system
verbs pass through), and `dockwrap version` (docker's own top-level command, in `version.py`)."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "system",
    ["info", "df", "events", "prune"],
    help="Manage docker (docker's system verbs).",
    examples=(
        "dockwrap system df",
        "dockwrap info --json | jq -r .storage_driver",
        "dockwrap events --filter type=container --json",
        "dockwrap -x system info --format '{{.ServerVersion}}'",
    ),
)
