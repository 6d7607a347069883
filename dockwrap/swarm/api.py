"""`Docker().swarm`, `.node`, `.service` (work in progress)."""

from __future__ import annotations

from ..runner import Runner


class SwarmCommands:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner


class NodeCommands:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner


class ServiceCommands:
    def __init__(self, runner: Runner) -> None:
        self._runner = runner
