"""How a recipe run removes what it made: the ledger's names, a sweep by the run's label after a
failure or an interrupt, and the swarm it started. It goes on past what is already gone and
past a closed stdout or stderr, and stops at an engine that does not answer (or not in time)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from ...errors import (
    CommandTimeout,
    DaemonUnreachable,
    DockerCommandFailed,
    NoSuchContainer,
    NoSuchContext,
    NoSuchImage,
    NoSuchNetwork,
    NotSwarmManager,
    RemovalInProgress,
)
from ...signals import CLOSED_OUTPUT_ERRNOS, mute_closed_outputs

if TYPE_CHECKING:  # pragma: no cover
    from ...client import Docker
    from .ledger import Ledger
    from .naming import Naming
    from .swarm import SwarmSetup

__all__ = ["Removal", "CLEANUP_TIMEOUT", "say"]

T = TypeVar("T")
# A recipe must end even when the engine hangs: each removal call gets this long (or --timeout,
# when that is shorter), and the first one that fails to get an answer ends the removal.
CLEANUP_TIMEOUT = 60.0
# How long cleanup looks out for what a create call that was cut short may still make: the daemon
# goes on with a request whose client died (moby/moby#46749), later than the first look.
CUT_SHORT_SECONDS = 3.0


class Removal:
    """Removes what the ledger says a run made, and the swarm it started."""

    def __init__(self, docker: Docker, ledger: Ledger, naming: Naming, swarm: SwarmSetup, images: bool = False) -> None:
        # its own Docker: the run's keeps its limit, for whoever else uses it
        limit = min(docker.runner.timeout or CLEANUP_TIMEOUT, CLEANUP_TIMEOUT)
        self.docker = docker.with_settings(timeout=limit)
        self.ledger = ledger
        self.naming = naming
        self.swarm = swarm
        #: the run may make images: a sweep looks for them too (other runs' sweeps need no such call)
        self.images = images
        #: why cleanup stopped early (the engine did not answer, or not in time): the rest is left
        #: for the cleanup recipe
        self.failure: DaemonUnreachable | NoSuchContext | CommandTimeout | None = None

    def cleanup(self, thorough: bool = False) -> None:
        """Remove what this run created: its services, one `rm -f` for all containers, one
        `network rm`, and the swarm it started.

        :param thorough: after a failure, an interrupt or a create call that did not return, also
            sweep by the run's label, in case a docker call that was cut short created something
        """
        docker, ledger = self.docker, self.ledger
        lookout = time.monotonic() + CUT_SHORT_SECONDS
        containers, networks, services = ledger.names("container"), ledger.names("network"), ledger.names("service")
        sweep = thorough and not docker.dry_run
        if sweep and self.swarm.wanted:
            services += [name for name in self._labelled_names(docker.service.ls) if name not in services]
        if services:
            self._quietly(lambda: docker.service.rm(services), None)
        list_containers = partial(docker.container.ls, all=True)
        if sweep:
            containers += [name for name in self._labelled_names(list_containers) if name not in containers]
        if containers:
            self._quietly(lambda: docker.container.rm(containers, force=True), None)
        if sweep:
            self._look_out(
                "container", containers, list_containers, lambda names: docker.container.rm(names, force=True), lookout
            )
        self._remove_images(ledger.names("image"), sweep and self.images)
        if networks:
            self._remove_networks(networks, wait=bool(services))
        if sweep:
            leftover = self._labelled_names(docker.network.ls)
            if leftover:
                self._remove_networks(leftover, wait=bool(services))
            self._look_out(
                "network",
                networks + leftover,
                docker.network.ls,
                lambda names: self._remove_networks(names, wait=True),
                lookout,
            )
        self.swarm.leave(docker, lambda call: self._quietly(call, None))
        ledger.clear()

    def _remove_images(self, images: list[str], sweep: bool) -> None:
        """The images the run built, tagged or pulled (after its containers: an image a container
        uses stays); in a sweep also those carrying the run's label (a build's label is in the
        image, so what it pulled back carries it too). `rm -f`: one image under several names."""
        docker = self.docker
        if sweep:
            none: list[str] = []
            found = self._quietly(lambda: [row.id for row in docker.image.ls(filters=[self.naming.selector])], none)
            images = images + [image for image in found if image not in images]
        if images:
            self._quietly(lambda: docker.image.rm(images, force=True), None)

    def _look_out(
        self,
        kind: str,
        removed: list[str],
        ls: Callable[..., Sequence[Any]],
        remove: Callable[[list[str]], object],
        deadline: float,
    ) -> None:
        """The names of `kind` whose create call was cut short and that no look has found yet: look
        for them (by the run's label, so a name that was someone else's is never taken) until each
        showed up and was removed, or the deadline passed."""
        pending = self.ledger.cut_short(kind) - set(removed)
        while pending and self.failure is None:
            found = [name for name in self._labelled_names(ls) if name in pending]
            if found:
                self._quietly(partial(remove, found), None)
                pending -= set(found)
            if not pending or time.monotonic() > deadline:
                return
            time.sleep(0.2)

    def _quietly(self, call: Callable[[], T], default: T) -> T:
        """A removal step: cleanup goes on past what is already gone and past other failures, but
        once the engine does not answer (or not in time) the remaining steps are skipped: one
        clear error instead of a failure, or a timeout, per step."""
        if self.failure is not None:
            return default
        try:
            return despite_closed_outputs(call)
        except (NoSuchContainer, NoSuchNetwork, NoSuchImage, RemovalInProgress, NotSwarmManager):  # gone, or going
            return default
        except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
            self.failure = exc
            return default
        except DockerCommandFailed as exc:  # go on past the others, each reported once
            say(f"dockwrap: warning: cleanup: {exc}")
            return default

    def _labelled_names(self, ls: Callable[..., Sequence[Any]]) -> list[str]:
        """Names of what carries this run's label, by one `ls` (a sweep after an interrupt)."""
        names: list[str] = self._quietly(lambda: [row.name for row in ls(filters=[self.naming.selector])], [])
        return names

    def _remove_networks(self, networks: list[str], wait: bool) -> None:
        """`network rm`; with `wait`, each is tried again while a removed service's tasks (or a
        container that docker itself is removing, its `run --rm`) still hold on to it."""
        docker = self.docker
        if self.failure is not None:
            return
        if not wait:
            try:
                despite_closed_outputs(lambda: docker.network.rm(networks))
                return
            except NoSuchNetwork:
                return
            except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
                self.failure = exc
                return
            except DockerCommandFailed as exc:
                if not _still_used(exc):
                    say(f"dockwrap: warning: cleanup: {exc}")
                    return
        if docker.dry_run:
            # The printed script does not wait for the tasks to leave the network: go on anyway.
            docker.with_settings(dry_run_suffix=" || true").network.rm(networks)
            return
        deadline = time.monotonic() + CLEANUP_TIMEOUT / 2
        for network in networks:
            while True:
                try:
                    despite_closed_outputs(partial(docker.network.rm, network))
                    break
                except NoSuchNetwork:
                    break
                except (DaemonUnreachable, NoSuchContext, CommandTimeout) as exc:
                    self.failure = exc
                    return
                except DockerCommandFailed as exc:
                    if not _still_used(exc) or time.monotonic() > deadline:
                        say(f"dockwrap: warning: cleanup: {exc}")
                        break
                time.sleep(0.5)


def _still_used(error: DockerCommandFailed) -> bool:
    """`network rm` of a network something is still leaving: docker's "has active endpoints",
    podman's "network is being used" (a `run --rm` container whose removal podman finishes after
    the run returned)."""
    return "active endpoints" in error.message or "network is being used" in error.message


def despite_closed_outputs(call: Callable[[], T]) -> T:
    """A removal call; when its -x line met a closed output (the Python API, where no guarded
    stdout turns that into OutputClosed), that output is muted and the call made all the same."""
    try:
        return call()
    except OSError as exc:
        if exc.errno not in CLOSED_OUTPUT_ERRNOS or not mute_closed_outputs():
            raise
        return call()


def say(line: str, to_stdout: bool = False) -> None:
    """A note of cleanup's; an output nobody reads any more is no reason to stop it."""
    try:
        print(line, file=sys.stdout if to_stdout else sys.stderr)
    except OSError as exc:
        if exc.errno not in CLOSED_OUTPUT_ERRNOS:
            raise
