"""Failures about the objects a call names: missing, taken, in use, in the wrong state; the swarm's."""

from __future__ import annotations

import re
from typing import ClassVar

from .base import DockerCommandFailed

__all__ = [
    "NoSuchContainer",
    "RemovalInProgress",
    "NoSuchImage",
    "NoSuchNetwork",
    "NoSuchService",
    "NameConflict",
    "ServiceExists",
    "PortInUse",
    "NotSwarmManager",
    "NotInSwarm",
    "AlreadyInSwarm",
    "NoSuchVolume",
    "NoSuchPath",
    "VolumeInUse",
    "ContainerNotRunning",
    "ContainerPaused",
]


class NoSuchContainer(DockerCommandFailed):
    hint_format = "list containers, running or not, with: docker container ls -a"


class RemovalInProgress(DockerCommandFailed):
    """`rm` of a container the daemon is removing already (its `--rm`, or another `rm`): it is
    on its way out."""


class NoSuchImage(DockerCommandFailed):
    hint_format: ClassVar[str | None] = (
        "list local images with: docker image ls (this machine cannot pull; build or load the image)"
    )


class NoSuchNetwork(DockerCommandFailed):
    hint_format = "list networks with: docker network ls"


class NoSuchService(DockerCommandFailed):
    hint_format = "list services with: docker service ls"


class NameConflict(DockerCommandFailed):
    hint_format = "choose another name, or remove the old container: docker container rm -f NAME"

    def _read_fields(self) -> None:
        match = re.search(r'name "/?([^"]+)" is already in use', self.stderr)
        self.name = match.group(1) if match else None


class ServiceExists(NameConflict):
    """`service create --name` of a name a service already has."""

    hint_format = "choose another name, or remove the old service: docker service rm NAME"

    def _read_fields(self) -> None:
        match = re.search(r"service (\S+) already exists", self.stderr)
        self.name = match.group(1) if match else None


class PortInUse(DockerCommandFailed):
    hint_format = "publish another host port"
    #: added when docker made the container before the port failed it (`run` prints its ID)
    created_format = "docker created container {created} without starting it: docker container rm -f {created}"

    def _read_fields(self) -> None:
        match = re.search(r"Bind for (\S+?) failed", self.stderr) or re.search(
            r"listen tcp4? (\S+?): bind", self.stderr
        )
        self.address = match.group(1) if match else None
        #: the short ID of the container docker created, or None
        self.created = self.stdout.strip()[:12] or None

    def advice_formats(self) -> list[str]:
        return super().advice_formats() + ([self.created_format] if self.created else [])


class NotSwarmManager(DockerCommandFailed):
    """Services and nodes live in a swarm; this engine manages none (or is only a worker)."""

    hint_format = (
        "make this engine a single-node swarm with: docker swarm init --advertise-addr 127.0.0.1 "
        "(or point at a swarm manager with Docker(host=URL) or Docker(context=NAME))"
    )


class NotInSwarm(NotSwarmManager):
    hint_format = "this engine is in no swarm, so there is nothing to leave"


class AlreadyInSwarm(DockerCommandFailed):
    hint_format = (
        "this engine is in a swarm already; use it, or leave it first with: docker swarm leave --force "
        "(that removes its services)"
    )


class NoSuchVolume(DockerCommandFailed):
    hint_format = "list volumes with: docker volume ls"


class NoSuchPath(DockerCommandFailed):
    """`cp` of a path the container does not have. 20.10 says `No such container:path: C:P` for a
    missing container too, so there it may be either."""


class VolumeInUse(DockerCommandFailed):
    """`volume rm` (--force too) of a volume that a container, running or not, mounts."""

    def _read_fields(self) -> None:
        match = re.search(r"volume is in use - \[([^\]]*)\]", self.stderr) or re.search(
            r"is being used by the following container\(s\): ([^:]*): volume is being used", self.stderr
        )  # podman 4.3's words
        #: the IDs of the containers that use it, as docker names them
        self.containers = [item.strip() for item in match.group(1).split(",") if item.strip()] if match else []


class ContainerNotRunning(DockerCommandFailed):
    """kill, pause, exec or top of a container that is created or exited (podman: kill only)."""


class ContainerPaused(DockerCommandFailed):
    """exec in a paused container, or pause of one."""
