"""Failures of registries (pull, push, login) and of builds, and an image that is in use."""

from __future__ import annotations

import re

from .base import DockerCommandFailed
from .objects import NoSuchImage

__all__ = [
    "RegistryUnreachable",
    "NoSuchTag",
    "AccessDenied",
    "NotLoggedIn",
    "LoginFailed",
    "BuildFailed",
    "ImageInUse",
]


class RegistryUnreachable(DockerCommandFailed):
    """The registry of a pull, push or login did not answer (refused, unknown host, timed out,
    or plain HTTP where docker wants HTTPS)."""


class NoSuchTag(NoSuchImage):
    """The registry has no such tag or repository (manifest unknown)."""

    hint_format = None  # NoSuchImage's is about local images


class AccessDenied(DockerCommandFailed):
    """The registry refused the credentials docker sent, or what the account asked to do."""


class NotLoggedIn(AccessDenied):
    """The registry wants credentials and docker has none for it."""


class LoginFailed(AccessDenied):
    """`login` with a user or password the registry does not take."""


class BuildFailed(DockerCommandFailed):
    """A build that stopped: at a step (`step`, the instruction, and `output`, what its command
    printed, when the build's stdout was captured), or before any (no Dockerfile, a bad one)."""

    def _read_fields(self) -> None:
        from ..parse.build_output import last_step

        found = last_step(self.stdout)
        self.step = found["instruction"] if found else None
        self.output = list(found["output"]) if found else []


class ImageInUse(DockerCommandFailed):
    """`image rm` of an image a container uses (`container`: its short ID)."""

    def _read_fields(self) -> None:
        match = re.search(r"container ([0-9a-f]{12})", self.stderr)
        self.container = match.group(1) if match else None
