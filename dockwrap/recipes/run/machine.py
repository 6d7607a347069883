"""Which machine a recipe's engine runs on: this one, whose PIDs and 127.0.0.1 are ours, or
another (an ssh:// or tcp:// URL, or a context whose URL is one), where they are not."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from ...endpoint import url_machine

if TYPE_CHECKING:  # pragma: no cover
    from ...client import Docker

__all__ = ["Machine", "engine_machine"]


class Machine(NamedTuple):
    #: the engine runs here (a unix:// socket)
    local: bool
    #: where it runs otherwise: the host of its URL (`build1`), or the engine in words when that
    #: is not known (a context under --dry-run, whose URL no call asked for)
    name: str | None


def engine_machine(docker: Docker) -> Machine:
    """The engine's machine: from its URL (--host, DOCKER_HOST), or for a named context from the
    URL `docker context inspect` gives (one call, none under --dry-run)."""
    endpoint = docker.runner.resolved
    url = endpoint.host
    if url is None and endpoint.context is not None and not docker.dry_run:
        url = docker.system.context_host(endpoint.context)
    if url is None:
        return Machine(False, endpoint.words)
    if url.startswith(("unix://", "npipe://")):
        return Machine(True, None)
    return Machine(False, url_machine(url) or endpoint.words)
