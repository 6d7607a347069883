"""`Docker().swarm`: the swarm verbs as Python methods, one docker call each."""

from __future__ import annotations

from collections.abc import Iterable

from ..args import flag, optional_text
from ..verbs import Verbs
from .records import parse_swarm_init, parse_swarm_state

__all__ = ["SwarmCommands"]

Words = Iterable[str] | str


class SwarmCommands(Verbs):
    """The swarm verbs; `Docker().swarm`. Keywords and `docker_args` as in ContainerCommands."""

    noun = ("swarm",)

    def init(self, advertise_addr: str | None = None, *, docker_args: Words = (), **options: object) -> str:
        """`docker swarm init`: make this engine a single-node swarm's manager; its node ID
        (under --dry-run: "").

        Docker's output also carries the worker join token; it is not kept (get it with
        `docker swarm join-token worker` when another node should join).
        """
        keywords = {"advertise_addr": optional_text(advertise_addr, "advertise_addr") or None}
        done = self._runner.run(self._line("init", (), keywords, options, docker_args).argv, creates=True)
        if self._runner.dry_run:
            return ""
        return parse_swarm_init(done.out)

    def leave(self, force: bool = False, *, docker_args: Words = (), **options: object) -> None:
        """`docker swarm leave`; a manager needs force (its services go with the swarm)."""
        self._runner.run(self._line("leave", (), {"force": flag(force, "force")}, options, docker_args).argv)

    def state(self) -> str:
        """This engine's swarm state: inactive, pending, active, error or locked
        (under --dry-run: inactive)."""
        done = self._runner.run(["info", "--format", "{{json .Swarm.LocalNodeState}}"])
        if self._runner.dry_run:
            return "inactive"
        return parse_swarm_state(done.out)

    def active(self) -> bool:
        """Whether this engine is in a swarm (`docker info`, .Swarm.LocalNodeState)."""
        return self.state() == "active"
