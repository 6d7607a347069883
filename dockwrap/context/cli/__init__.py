"""`dockwrap context VERB`: one module per wrapped verb (imported when used); docker's other
context verbs pass through."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "context",
    ["ls", "show", "inspect", "create", "use", "rm"],
    help="Manage contexts (named engines of the docker client's configuration).",
    examples=(
        "dockwrap context create lab --docker host=ssh://me@lab.example",
        "dockwrap context ls",
        "dockwrap --context lab ps     # one command on it",
        "dockwrap context use lab    # every later one",
    ),
)
