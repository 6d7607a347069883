"""`dockwrap image import` (also `dockwrap import`)."""

from __future__ import annotations

import sys

from ...cli.verbs import JSON, Invocation, docker_verb


@docker_verb(
    ("image", "import"),
    own=(JSON,),
    examples=(
        "dockwrap import rootfs.tar app:base",
        "tar -C rootfs -c . | dockwrap import -c 'CMD [\"/bin/sh\"]' - app:base",
    ),
)
def command(run: Invocation) -> None:
    """Make an image of a root file system (a tarball: a file, a URL, or - for stdin); print its ID."""
    source, *repository = run.operands(1, 2)
    result = run.docker.image.import_(
        sys.stdin.buffer if source == "-" else source,
        repository[0] if repository else None,
        docker_args=run.line.docker_words,
    )
    run.out.value(result, result.image_id)
