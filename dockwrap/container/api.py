"""`Docker().container`: the container verbs as Python methods, one docker call each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from ..args import flag, items, names_of, optional_text, text, whole
from ..logs import LogsVerb
from ..parse.ports import PortMapping, parse_port_lines
from ..parse.record import field_value
from .lifecycle import LifecycleVerbs
from .records.ls import Container, parse_container_ls
from .running import EXEC_STATUSES, RUN_STATUSES, RunningVerbs

if TYPE_CHECKING:  # pragma: no cover
    from .records.inspect import ContainerDetails
    from .records.stats import Stats
    from .records.top import Process

__all__ = ["ContainerCommands", "LS_TEMPLATE", "RUN_STATUSES", "EXEC_STATUSES"]

#: a list of str (one str is one item), or a mapping giving KEY=VALUE items
Items = Iterable[str] | Mapping[str, object] | str
#: words passed to docker verbatim
Words = Iterable[str] | str

# `{{json .}}` makes docker 20.10+ compute every container's size (slow on real hosts), and
# --size=false only stops that from 24.0. These fields exist in every client from 17.12 on;
# State (20.10+) is derived from Status instead. `-s` asks for `{{json .}}` with sizes.
_LS_FIELDS = ("Command", "CreatedAt", "ID", "Image", "Labels", "Names", "Networks", "Ports", "RunningFor", "Status")
LS_TEMPLATE = "{" + ",".join(f'"{name}":{{{{json .{name}}}}}' for name in _LS_FIELDS) + "}"


class ContainerCommands(LogsVerb, LifecycleVerbs, RunningVerbs):
    """The container verbs; `Docker().container`.

    Every method takes any option of its docker command as a snake_case keyword
    (`run(..., memory="64m", cap_add=["NET_ADMIN"])`) and words passed verbatim as `docker_args`
    (dockwrap.verbs). Arguments are checked before any docker call (README, "Python API"): a
    wrong type is an ArgumentTypeError (a TypeError) and a value docker would not take a
    UsageError (a ValueError), both naming the parameter; one str where a list is expected is
    one item, and a mapping (env, labels, filters) gives `KEY=VALUE` items.
    """

    noun = ("container",)

    # -- listing and reading ----------------------------------------------------------------------

    def ls(
        self, all: bool = False, size: bool = False, filters: Items = (), *, docker_args: Words = (), **options: object
    ) -> list[Container]:
        """`docker container ls`: running containers (all of them with all=True).

        :param filters: docker filters as `key=value` (`label=a=b`, `name=web`, `status=exited`)
        """
        keywords = {"all": flag(all, "all"), "size": flag(size, "size"), "filters": items(filters, "filters")}
        line = self._line("ls", (), keywords, options, docker_args)
        line = line.formatted("{{json .}}" if line.flag("size") else LS_TEMPLATE, "container.ls")
        return parse_container_ls(self._runner.run(line.argv).out)

    def inspect(
        self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object
    ) -> list[ContainerDetails]:
        """`docker container inspect` of any number of containers, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        from .records.inspect import parse_container_inspect

        return self._inspect(names, parse_container_inspect, options, docker_args)

    def top(
        self, name: str, ps_args: Sequence[str] | str = (), *, docker_args: Words = (), **options: object
    ) -> list[Process]:
        """`docker container top`: the container's processes, with their host PIDs.

        :param ps_args: the arguments of the host's `ps` (docker's default: -ef); podman's
            descriptors or `-o` (podman runs those with the container's own ps: its PIDs)
        """
        from .records.top import PODMAN_HOST_DESCRIPTORS, host_pids, parse_top

        tail = items(ps_args, "ps_args")
        host_view = not tail and self._runner.is_podman
        line = self._line(
            "top",
            [text(name, "name", empty=False)],
            None,
            options,
            docker_args,
            tail=list(PODMAN_HOST_DESCRIPTORS) if host_view else tail,
        )
        processes = parse_top(self._runner.run(line.argv).out)
        return host_pids(processes) if host_view and not self._runner.dry_run else processes

    def port(self, name: str, *, docker_args: Words = (), **options: object) -> list[PortMapping]:
        """`docker container port`: the published ports."""
        line = self._line("port", [text(name, "name", empty=False)], None, options, docker_args)
        return field_value("docker container port", "output", parse_port_lines, self._runner.run(line.argv).out)

    def stats(
        self, names: Sequence[str] | str = (), all: bool = False, *, docker_args: Words = (), **options: object
    ) -> list[Stats]:
        """`docker container stats --no-stream`: one sample of each container."""
        from .records.stats import parse_stats

        line = self._line(
            "stats", items(names, "names"), {"all": flag(all, "all")}, options, docker_args, words=["--no-stream"]
        ).formatted("{{json .}}", "container.stats")
        return parse_stats(self._runner.run(line.argv).out)

    def stats_stream(
        self, names: Sequence[str] | str = (), all: bool = False, *, docker_args: Words = (), **options: object
    ) -> Iterator[Stats]:
        """`docker container stats`: a sample per container about once a second (stopped ones too
        with all=True), until the iteration stops (which ends docker)."""
        from .records.stats import parse_stats_stream

        line = self._line("stats", items(names, "names"), {"all": flag(all, "all")}, options, docker_args).formatted(
            "{{json .}}", "container.stats_stream"
        )
        return parse_stats_stream(self._runner.stream(line.argv))

    # -- stopping and removing --------------------------------------------------------------------

    def stop(
        self,
        names: Sequence[str] | str,
        *,
        time: int | None = None,
        signal: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> list[str]:
        """`docker container stop`; returns the names docker confirmed.

        :param signal: what to send first instead of the image's stop signal (`SIGKILL`, `9`;
            docker 20.10 has no --signal)
        :raises DockerCommandFailed: when one does not stop; its `done` names those that did
        """
        # --time became --timeout in 28.x; -t means both
        words = [] if time is None else ["-t", str(whole(time, "time"))]
        keywords = {"signal": optional_text(signal, "signal", empty=False)}
        return self._each("stop", names, keywords, options, docker_args, words=words)

    def rm(
        self,
        names: Sequence[str] | str,
        *,
        force: bool = False,
        volumes: bool = False,
        docker_args: Words = (),
        **options: object,
    ) -> list[str]:
        """`docker container rm`; with force, missing containers are no error (as docker has it).

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        keywords = {"force": flag(force, "force"), "volumes": flag(volumes, "volumes")}
        words: list[str] = []
        if self._runner.is_podman and self._line(
            "rm", names_of(names, "container"), keywords, options, docker_args
        ).flag("force"):
            # podman 4.3's `rm -f A MISSING` removes nothing, says nothing and exits 0 (so a
            # recipe's cleanup left its containers, and then its network "in use"); `--ignore` is
            # podman's way to what docker's `rm -f` does: the others removed, the missing no error
            words = ["--ignore"]
        return self._each("rm", names, keywords, options, docker_args, words=words)
