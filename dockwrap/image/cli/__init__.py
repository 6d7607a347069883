"""`dockwrap image VERB`: one module per wrapped verb (imported when used); docker's other image
verbs pass through. `login` and `logout` (docker's own top-level commands) live here too."""

from ...cli.verbs import noun_group

__all__ = ["group"]

group = noun_group(
    "image",
    {verb: verb for verb in ("ls", "pull", "push", "build", "tag", "rm", "inspect", "history", "save", "load", "prune")}
    | {"import": "import_"},
    help="Manage images.",
    examples=(
        "dockwrap image ls",
        "dockwrap image build -t app:v1 .          # the image ID on stdout, the build on stderr",
        "dockwrap image pull 127.0.0.1:5000/app:v1 --json | jq -r .image_id",
        "dockwrap image ls --json | jq -r '.[].repository'",
    ),
)
