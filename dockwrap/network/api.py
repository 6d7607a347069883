"""`Docker().network`: the network verbs as Python methods, one docker call each."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..args import flag, items, optional_text, text
from ..verbs import Verbs
from .records import Network, NetworkDetails, parse_network_inspect, parse_network_ls

__all__ = ["NetworkCommands"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str


class NetworkCommands(Verbs):
    """The network verbs; `Docker().network`. Keywords, `docker_args` and the checks of the
    arguments are as in ContainerCommands (dockwrap.verbs)."""

    noun = ("network",)

    def ls(self, filters: Items = (), *, docker_args: Words = (), **options: object) -> list[Network]:
        """`docker network ls`, filtered by `key=value` filters (`label=a`, `driver=bridge`)."""
        line = self._line("ls", (), {"filters": items(filters, "filters")}, options, docker_args)
        return parse_network_ls(self._runner.run(line.formatted("{{json .}}", "network.ls").argv).out)

    def create(
        self,
        name: str,
        *,
        driver: str | None = None,
        subnet: str | None = None,
        internal: bool = False,
        attachable: bool = False,
        labels: Items | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str:
        """`docker network create` (any other option of docker's as a keyword: `gateway=`,
        `ipv6=True`, `opt={...}`); returns the new network's ID (under --dry-run, its name)."""
        name = text(name, "name", empty=False)
        keywords = {
            "driver": optional_text(driver, "driver") or None,
            "subnet": optional_text(subnet, "subnet") or None,
            "internal": flag(internal, "internal"),
            "attachable": flag(attachable, "attachable"),
            "labels": items(labels, "labels"),
        }
        line = self._line("create", [name], keywords, options, docker_args)
        done = self._runner.run(line.argv, creates=True)
        return name if self._runner.dry_run else done.out.strip()

    def connect(
        self,
        network: str,
        container: str,
        *,
        aliases: Items = (),
        ip: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> None:
        """`docker network connect`, with any number of `--alias`."""
        keywords = {"aliases": items(aliases, "aliases"), "ip": optional_text(ip, "ip") or None}
        operands = [text(network, "network", empty=False), text(container, "container", empty=False)]
        self._runner.run(self._line("connect", operands, keywords, options, docker_args).argv)

    def disconnect(
        self, network: str, container: str, *, force: bool = False, docker_args: Words = (), **options: object
    ) -> None:
        """`docker network disconnect`."""
        operands = [text(network, "network", empty=False), text(container, "container", empty=False)]
        self._runner.run(self._line("disconnect", operands, {"force": flag(force, "force")}, options, docker_args).argv)

    def inspect(
        self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object
    ) -> list[NetworkDetails]:
        """`docker network inspect` of any number of networks, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        return self._inspect(names, parse_network_inspect, options, docker_args)

    def rm(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[str]:
        """`docker network rm`; returns the names docker confirmed.

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        return self._each("rm", names, None, options, docker_args)
