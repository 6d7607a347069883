"""ship: an image goes to a registry and comes back the same. A tiny image is built from a
generated Dockerfile (FROM the run's image, one layer of its own), tagged for the registry,
pushed, removed here, pulled back and run; the digest the registry gave the push is the one the
pull names, and the image pulled back has the ID of the one built.

The registry is the caller's (`registry="HOST:PORT"`, e.g. one of `scripts/registry`): there is no
registry image on an offline machine to start one in a container, and a registry process outside
the engine could not be found by the run's label, nor removed by `dockwrap cleanup`. What the run
pushed stays in that registry (under dw-ship-RUN-app): docker has no command that deletes from a
registry; everything on the engine (the images built, tagged and pulled, the container) is removed.

docker calls: build (the Dockerfile on stdin), tag, push, image rm, pull, run --rm, image rm -f.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..parse.record import Record
from .run import DEFAULT_IMAGE, Keep, RecipeArgumentError, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["ShipResult", "ship", "dockerfile", "check_registry"]

#: HOST:PORT (a name or an IPv4 address): what goes before the repository in a reference
_REGISTRY = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?:[0-9]{1,5}\Z")
_SHIPPED = "/shipped"


@dataclass(frozen=True)
class ShipResult(Record):
    reference: str
    built_id: str
    pushed_digest: str | None
    pulled_digest: str | None
    pulled_id: str | None
    #: what the container of the image pulled back printed
    output: str

    @property
    def ok(self) -> bool:
        return (
            self.pushed_digest is not None
            and self.pushed_digest == self.pulled_digest
            and self.built_id == self.pulled_id
            and bool(self.output)
        )


def check_registry(registry: object) -> str:
    """HOST:PORT, or RecipeArgumentError before any docker call."""
    if not isinstance(registry, str) or not _REGISTRY.match(registry) or int(registry.rsplit(":", 1)[1]) > 65535:
        raise RecipeArgumentError(f"the registry must be HOST:PORT (e.g. 127.0.0.1:5000), not {registry!r}")
    return registry


def dockerfile(image: str, run_id: str) -> str:
    """The generated Dockerfile: the run's image and one layer of its own (so that the pull back
    downloads something), whose command prints it."""
    return f'FROM {image}\nRUN echo \'shipped by run {run_id}\' > {_SHIPPED}\nCMD ["cat", "{_SHIPPED}"]\n'


def ship(
    docker: Docker,
    *,
    registry: str,
    image: str = DEFAULT_IMAGE,
    keep: Keep = "never",
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
) -> ShipResult:
    """Build, tag for REGISTRY, push, remove, pull back, run; see the module."""
    check_registry(registry)
    with RecipeRun(docker, "ship", image=image, keep=keep, labels=labels, pull=pull, images=True) as run:
        local = f"{run.name('app')}:v1"
        reference = f"{registry}/{local}"
        built = run.build_image(local, dockerfile(image, run.run_id))
        run.tag_image(local, reference)
        pushed = docker.image.push(reference)
        docker.image.rm([local, reference])
        pulled = run.pull_image(reference)
        done = run.run_once("check", None, image=reference)
        result = ShipResult(reference, built.image_id, pushed.digest, pulled.digest, pulled.image_id, done.out.strip())
        run.succeeded = result.ok
        return result
