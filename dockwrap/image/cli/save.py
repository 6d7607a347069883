"""`dockwrap image save` (also `dockwrap save`)."""

from __future__ import annotations

from ...cli.verbs import Invocation, docker_verb


@docker_verb(
    ("image", "save"),
    examples=(
        "dockwrap save -o app.tar app:v1",
        "dockwrap save app:v1 | gzip > app.tar.gz      # the archive on stdout, byte for byte",
        "dockwrap save app:v1 | dockwrap -H ssh://other load",
    ),
)
def command(run: Invocation) -> int | None:
    """Save images to a tar archive: the file of -o, or stdout (byte for byte; docker refuses
    a terminal)."""
    images = run.operands(1)
    if not run.line.given("output"):
        return run.passthrough()
    run.docker.image.save(images, docker_args=run.line.docker_words)
    return None
