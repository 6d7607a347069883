"""`dockwrap swarm VERB`: one module per wrapped verb (imported when used); docker's other swarm
verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "swarm",
    ["init", "leave"],
    help="Manage the swarm (docker's own multi-host engine).",
    examples=("dockwrap swarm init --advertise-addr 127.0.0.1", "dockwrap swarm leave --force"),
)
