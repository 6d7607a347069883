"""`dockwrap cleanup`: remove whatever carries dockwrap's recipe labels (what --keep left, or
what a killed run could not remove)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import DockerCommandFailed
from ..parse.record import Record
from .run.naming import check_name

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["Removed", "cleanup"]


@dataclass(frozen=True)
class Removed(Record):
    containers: list[str]
    networks: list[str]
    services: list[str]
    #: the IDs of images (ship's)
    images: list[str] = field(default_factory=list)


def cleanup(docker: Docker, *, recipe: str | None = None, run: str | None = None) -> Removed:
    """Remove the containers, services, images and networks of recipes (all, or one recipe, or one run):
    only what carries the `dockwrap.recipe` label (and the `dockwrap.run` label of the run).

    :raises RecipeArgumentError: (a UsageError and a ValueError) for a recipe or run that is given
        but empty or not a name (`""` from an unset shell variable must not mean "every run")
    """
    filters = ["label=dockwrap.recipe"]
    if recipe is not None:
        filters = [f"label=dockwrap.recipe={check_name(recipe, 'the recipe name')}"]
    if run is not None:
        filters.append(f"label=dockwrap.run={check_name(run, 'the run ID')}")
    containers = [c.name for c in docker.container.ls(all=True, filters=filters)]
    networks = [n.name for n in docker.network.ls(filters=filters)]
    services = _services(docker, filters)
    if services:
        docker.service.rm(services)
    if containers:
        docker.container.rm(containers, force=True)
    images = list(dict.fromkeys(image.id for image in docker.image.ls(filters=filters)))
    if images:
        docker.image.rm(images, force=True)
    if networks:
        docker.network.rm(networks)
    return Removed(containers, networks, services, images)


def _services(docker: Docker, filters: list[str]) -> list[str]:
    # Outside a swarm there are no services, and docker says so with an error; podman has none.
    if docker.runner.is_podman:
        return []
    try:
        return [s.name for s in docker.service.ls(filters=filters)]
    except (DockerCommandFailed, AttributeError, TypeError):
        return []
