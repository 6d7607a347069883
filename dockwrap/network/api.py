"""`Docker().network`: the network verbs as Python methods, one docker call each."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..args import label_args, names_of, operands
from ..errors import UsageError
from ..runner import Runner
from .records import Network, NetworkDetails, parse_network_inspect, parse_network_ls

__all__ = ["NetworkCommands"]


class NetworkCommands:
    """The network verbs; `Docker().network`."""

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    def ls(self, filters: Iterable[str] = ()) -> list[Network]:
        """`docker network ls`, filtered by `key=value` filters (`label=a`, `driver=bridge`)."""
        args = ["network", "ls"]
        for item in filters:
            args += ["--filter", item]
        done = self._runner.run([*args, "--format", "{{json .}}"])
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
        if not name:
            raise UsageError("a network needs a name")
        args = ["network", "create"]
        if driver:
            args += ["--driver", driver]
        if subnet:
            args += ["--subnet", subnet]
        if internal:
            args.append("--internal")
        if attachable:
            args.append("--attachable")
        args += label_args(labels)
        done = self._runner.run([*args, *operands([name])], creates=True)
        return name if self._runner.dry_run else done.out.strip()

    def connect(self, network: str, container: str, *, aliases: Iterable[str] = (), ip: str | None = None) -> None:
        """`docker network connect`, with any number of `--alias`."""
        args = ["network", "connect"]
        for alias in aliases:
            args += ["--alias", alias]
        if ip:
            args += ["--ip", ip]
        self._runner.run([*args, *operands([network, container])])

    def disconnect(self, network: str, container: str, *, force: bool = False) -> None:
        """`docker network disconnect`."""
        args = ["network", "disconnect"]
        if force:
            args.append("--force")
        self._runner.run([*args, *operands([network, container])])

    def inspect(self, names: Sequence[str] | str) -> list[NetworkDetails]:
        """`docker network inspect` of any number of networks, in one call."""
        done = self._runner.run(["network", "inspect", *operands(names_of(names, "network"))])
        return parse_network_inspect(done.out)

    def rm(self, names: Sequence[str] | str) -> list[str]:
        """`docker network rm`; returns the names docker confirmed."""
        done = self._runner.run(["network", "rm", *operands(names_of(names, "network"))])
        return done.out.split()
