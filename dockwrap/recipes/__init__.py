"""Recipes: the classic container lessons as checked, self-cleaning programs over the Python API.

    from dockwrap import Docker, Recipes
    recipes = Recipes(Docker())
    recipes.pingable_pair()              # two containers on a fresh network ping each other by name
    recipes.round_robin(replicas=3)      # one --network-alias, N servers, DNS round robin
    recipes.webhost(port=8080)           # a web server published on 127.0.0.1:8080
    recipes.process_view()               # a container's processes are host processes
    recipes.ship(registry="127.0.0.1:5000")  # build, push, remove, pull back: the same digest
    recipes.cleanup()                    # remove whatever recipes left (--keep, a killed run)

Each is also a function of its module, taking the Docker first
(`dockwrap.recipes.pingable_pair.pingable_pair(docker, count=2)`). The recipes use the client;
the client never imports them (`Docker().recipes` was removed in 0.x: an import circle).

Each labels what it creates `dockwrap.recipe=NAME`, `dockwrap.run=RUN_ID` and removes it at the
end, also when a step fails or the run is interrupted, and only what its run created: a name
that is taken already (`name=`, `network=`) ends the run with `NameConflict` and stays as it was.
`labels` add to those two and may not set them. A value a recipe cannot use (such a label, an
alias that is no DNS name, an empty or malformed `cleanup` selector) raises `RecipeArgumentError`,
which is both a `UsageError` and a `ValueError`, before any docker call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker
    from .cleanup import Removed
    from .pingable_pair import PingResult
    from .process_view import ProcessViewResult
    from .round_robin import RoundRobinResult
    from .ship import ShipResult
    from .swarm_round_robin import SwarmRoundRobinResult
    from .webhost import WebhostResult

__all__ = ["Recipes"]


class Recipes:
    """`Recipes(docker)`: each method runs one recipe on that Docker and returns its result record."""

    def __init__(self, docker: Docker) -> None:
        self._docker = docker

    def pingable_pair(self, **options: Any) -> PingResult:
        """Two containers on a fresh user network reach each other by name; options: count,
        network, default_bridge, link, image, keep, labels, pull."""
        from .pingable_pair import pingable_pair

        return pingable_pair(self._docker, **options)

    def round_robin(self, **options: Any) -> RoundRobinResult:
        """N servers behind one alias; options: replicas, alias, queries, client_per_query, image,
        keep, labels, pull."""
        from .round_robin import round_robin

        return round_robin(self._docker, **options)

    def swarm_round_robin(self, **options: Any) -> SwarmRoundRobinResult:
        """round-robin on a swarm: a vip and a dnsrr service of N tasks; options: replicas,
        alias, queries, image, keep, labels, pull, wait_seconds."""
        from .swarm_round_robin import swarm_round_robin

        return swarm_round_robin(self._docker, **options)

    def webhost(self, **options: Any) -> WebhostResult:
        """A web server on 127.0.0.1:port; options: port, name, remove, container_port, command,
        image, wait_seconds, keep, labels, pull."""
        from .webhost import webhost

        return webhost(self._docker, **options)

    def process_view(self, **options: Any) -> ProcessViewResult:
        """A container's processes in the host's process table; options: container, image, keep,
        labels, pull."""
        from .process_view import process_view

        return process_view(self._docker, **options)

    def ship(self, **options: Any) -> ShipResult:
        """An image to a registry and back, the same; options: registry (HOST:PORT, required),
        image, keep, labels, pull."""
        from .ship import ship

        return ship(self._docker, **options)

    def cleanup(self, recipe: str | None = None, run: str | None = None) -> Removed:
        """Remove what recipes left: all of it, or one recipe's, or one run's (None: not selected;
        `""` or a malformed value raises RecipeArgumentError rather than selecting more)."""
        from .cleanup import cleanup

        return cleanup(self._docker, recipe=recipe, run=run)
