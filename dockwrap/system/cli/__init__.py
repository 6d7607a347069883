"""`dockwrap system VERB` (docker's system verbs pass through until one is wrapped here), and
`dockwrap version` (docker's own top-level command, in `version.py`)."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "system", [], help="Manage docker (docker's system verbs).",
    examples=("dockwrap system df", "dockwrap -x system info --format '{{.ServerVersion}}'"),
)
