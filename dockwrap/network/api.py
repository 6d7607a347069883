"""`Docker().network`: the network verbs as Python methods, one docker call each."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..args import flag, items, label_args, names_of, operands, optional_text, repeat, text
from ..runner import Runner
from .records import Network, NetworkDetails, parse_network_inspect, parse_network_ls

__all__ = ["NetworkCommands"]


class NetworkCommands:
    """The network verbs; `Docker().network`. Arguments are checked as in ContainerCommands."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def ls(self, filters: Iterable[str] | Mapping[str, str] | str = ()) -> list[Network]:
        """`docker network ls`, filtered by `key=value` filters (`label=a`, `driver=bridge`)."""
        done = self._runner.run(["network", "ls", *repeat("--filter", items(filters, "filters")), "--format", "{{json .}}"])
        return parse_network_ls(done.out)

    def create(
        self,
        name: str,
        *,
        driver: str | None = None,
        subnet: str | None = None,
        internal: bool = False,
        attachable: bool = False,
        labels: Mapping[str, str] | Iterable[str] | None = None,
    ) -> str:
        """`docker network create`; returns the new network's ID (under --dry-run, its name)."""
        name = text(name, "name", empty=False)
        args = ["network", "create"]
        for option, word, value in (("driver", "--driver", driver), ("subnet", "--subnet", subnet)):
            checked = optional_text(value, option)
            if checked:
                args += [word, checked]
        if flag(internal, "internal"):
            args.append("--internal")
        if flag(attachable, "attachable"):
            args.append("--attachable")
        args += label_args(labels)
        done = self._runner.run([*args, *operands([name])], creates=True)
        return name if self._runner.dry_run else done.out.strip()

    def connect(self, network: str, container: str, *, aliases: Iterable[str] | str = (), ip: str | None = None) -> None:
        """`docker network connect`, with any number of `--alias`."""
        args = ["network", "connect", *repeat("--alias", items(aliases, "aliases"))]
        ip = optional_text(ip, "ip")
        if ip:
            args += ["--ip", ip]
        self._runner.run([*args, *operands([text(network, "network", empty=False), text(container, "container", empty=False)])])

    def disconnect(self, network: str, container: str, *, force: bool = False) -> None:
        """`docker network disconnect`."""
        args = ["network", "disconnect"]
        if flag(force, "force"):
            args.append("--force")
        self._runner.run([*args, *operands([text(network, "network", empty=False), text(container, "container", empty=False)])])

    def inspect(self, names: Sequence[str] | str) -> list[NetworkDetails]:
        """`docker network inspect` of any number of networks, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        done = self._runner.run(["network", "inspect", *operands(names_of(names, "network"))],
                                done_of=parse_network_inspect)
        return parse_network_inspect(done.out)

    def rm(self, names: Sequence[str] | str) -> list[str]:
        """`docker network rm`; returns the names docker confirmed.

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        done = self._runner.run(["network", "rm", *operands(names_of(names, "network"))], done_of=str.splitlines)
        return done.out.splitlines()
