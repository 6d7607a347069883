"""A run that needs a swarm: make the engine a single-node swarm unless it is in one, and leave it
at the end if so (with the docker_gwbridge network that `swarm init` adds and `swarm leave` keeps,
when it was not there before)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...errors import DockerCommandFailed

if TYPE_CHECKING:  # pragma: no cover
    from ...client import Docker
    from .script import ScriptPrinter

__all__ = ["SwarmSetup"]

_GWBRIDGE = "docker_gwbridge"


class SwarmSetup:
    """The swarm a run may start (`wanted`: the run may create services) and leave."""

    def __init__(self, docker: Docker, wanted: bool, script: ScriptPrinter | None) -> None:
        self.docker = docker
        self.wanted = wanted
        self.script = script
        #: this run made the engine a swarm: it leaves the swarm at the end
        self.started = False
        self._gwbridge_existed = True

    def start(self) -> None:
        docker = self.docker
        if not docker.dry_run and docker.swarm.state() == "active":
            return
        self._gwbridge_existed = not docker.dry_run and bool(docker.network.ls(filters=[f"name=^{_GWBRIDGE}$"]))
        if self.script:
            self.script.before_swarm_init()
        try:
            docker.swarm.init(advertise_addr="127.0.0.1")
        except DockerCommandFailed:  # docker says it made none (AlreadyInSwarm: someone else's)
            raise
        except BaseException:
            # Cut short, or no answer in time: it may be made all the same, and a moment ago the
            # engine was in no swarm, so it is this run's.
            self.started = True
            raise
        self.started = True
        if self.script:
            self.script.swarm_started()

    def leave(self, docker: Docker, quietly: Callable[[Callable[[], object]], object]) -> None:
        """Leave the swarm this run started (each call through `quietly`, removal's error policy)."""
        if not self.started:
            return
        quietly(lambda: docker.swarm.leave(force=True))
        if not self._gwbridge_existed:
            if self.script:
                self.script.remove_gwbridge()
            else:
                quietly(lambda: docker.network.rm(_GWBRIDGE))
        self.started = False
