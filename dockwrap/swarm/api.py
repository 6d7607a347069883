"""`Docker().swarm`: the swarm verbs as Python methods, one docker call each."""

from __future__ import annotations

from ..args import flag, optional_text
from ..runner import Runner
from .records import parse_swarm_init, parse_swarm_state

__all__ = ["SwarmCommands"]


class SwarmCommands:
    """The swarm verbs; `Docker().swarm`."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def init(self, advertise_addr: str | None = None) -> str:
        """`docker swarm init`: make this engine a single-node swarm's manager; its node ID
        (under --dry-run: "").

        Docker's output also carries the worker join token; it is not kept (get it with
        `docker swarm join-token worker` when another node should join).
        """
        args = ["swarm", "init"]
        address = optional_text(advertise_addr, "advertise_addr")
        if address:
            args += ["--advertise-addr", address]
        done = self._runner.run(args, creates=True)
        if self._runner.dry_run:
            return ""
        return parse_swarm_init(done.out)

    def leave(self, force: bool = False) -> None:
        """`docker swarm leave`; a manager needs force (its services go with the swarm)."""
        self._runner.run(["swarm", "leave", "--force"] if flag(force, "force") else ["swarm", "leave"])

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
