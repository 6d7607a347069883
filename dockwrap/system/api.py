"""`Docker().version()` and the engine-wide calls: `Docker().system` info, df, events, prune."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Literal, overload

from ..args import flag, items, moment, text
from ..verbs import Verbs
from .records import VersionInfo, parse_version

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.prune import PruneResult
    from ..verbs import CommandLine
    from .records import DiskUsage, DiskUsageRows, Event, Info

__all__ = ["SystemCommands"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str
#: a time for --since and --until: docker's own words (`10m`, a timestamp), Unix seconds, a datetime
Moment = str | float | datetime | None


class SystemCommands(Verbs):
    """Engine-wide calls; `Docker().system`. `version` is docker's own command (`docker
    version`), the rest are `docker system` verbs."""

    noun = ()

    def version(self, *, docker_args: Words = (), **options: object) -> VersionInfo:
        """`docker version`: the client's, and the server's when one answers.

        With no daemon docker still prints the client (and exits 1): that is raised as
        DaemonUnreachable, since nothing else works without one either.
        """
        line = self._line("version", (), None, options, docker_args).formatted("{{json .}}", "system.version")
        done = self._runner.run(line.argv)
        if self._runner.dry_run:
            return VersionInfo(client=parse_version('{"Client": {"Version": "dry-run"}}').client, server=None)
        return parse_version(done.out)

    def info(self, *, docker_args: Words = (), **options: object) -> Info:
        """`docker system info`: the engine's version, storage and cgroup drivers, counts, swarm
        state, runtimes and warnings.

        :raises DaemonUnreachable: no engine answered (20.10 says so inside its output, and exits 0)
        """
        from .records.info import parse_info

        line = self._system("info", None, options, docker_args).formatted("{{json .}}", "system.info")
        done = self._runner.run(line.argv)
        info = parse_info('{"ServerVersion": ""}' if self._runner.dry_run else done.out)
        if info.server_errors:
            from ..errors import classify

            raise classify(done.argv, 1, "\n".join(info.server_errors), "", self._runner.endpoint)
        return info

    @overload
    def df(self, verbose: Literal[False] = ..., *, docker_args: Words = ..., **options: object) -> DiskUsage: ...
    @overload
    def df(self, verbose: Literal[True], *, docker_args: Words = ..., **options: object) -> DiskUsageRows: ...

    def df(self, verbose: bool = False, *, docker_args: Words = (), **options: object) -> DiskUsage | DiskUsageRows:
        """`docker system df`: what images, containers, local volumes and the build cache take;
        with verbose (`-v`) every one of them, with its size.

        The sizes are docker's decimal text (`1.988MB`) in bytes: exact to docker's 3-4 digits.

        :raises UsageError: verbose with podman as the binary (before any call: its `-v` prints
            tables whatever the format)
        """
        from .records.df import parse_df, parse_df_verbose

        line = self._system("df", {"verbose": flag(verbose, "verbose")}, options, docker_args)
        line = line.formatted("{{json .}}", "system.df")
        if line.flag("verbose") and self._runner.is_podman:
            from ..errors import UsageError

            raise UsageError(
                "system df -v: podman 4.3 prints its own tables whatever the format asks, which dockwrap "
                "does not read (podman system df -v prints them)"
            )
        done = self._runner.run(line.argv)
        if line.flag("verbose"):
            empty = '{"Images": [], "Containers": [], "Volumes": []}'
            return parse_df_verbose(empty if self._runner.dry_run else done.out)
        if self._runner.dry_run:
            return parse_df(
                "\n".join(
                    f'{{"Type": "{kind}", "TotalCount": "0", "Active": "0", "Size": "0B", "Reclaimable": "0B"}}'
                    for kind in ("Images", "Containers", "Local Volumes", "Build Cache")
                )
            )
        return parse_df(done.out)

    def events(
        self,
        since: Moment = None,
        until: Moment = None,
        filters: Items = (),
        *,
        docker_args: Words = (),
        **options: object,
    ) -> Iterator[Event]:
        """`docker system events`: the engine's events as they happen (those since `since` first),
        until `until` (then the iterator ends), or until the iteration stops: closing it, or
        leaving a `for` loop over it, ends docker (which a quiet engine would not end by itself).

        :param since, until: docker's own words (`10m` ago, `2026-01-02T03:04:05Z`), Unix
            seconds, or a datetime
        :param filters: `type=container`, `container=NAME` (which also matches names that start
            with NAME), `event=die`, `label=a=b`, ...
        :raises DockerCommandFailed: docker failed (a bad filter), when the iteration gets there
        """
        from .records.events import event_from_object

        keywords = {
            "since": moment(since, "since"),
            "until": moment(until, "until"),
            "filters": items(filters, "filters"),
        }
        line = self._system("events", keywords, options, docker_args).formatted("{{json .}}", "system.events")
        if self._runner.is_podman:
            line = line.spelled("events")  # podman has `events` alone (`podman system events` is no command)
        return _events(self._runner.stream(line.argv), event_from_object)

    def prune(
        self,
        *,
        all: bool = False,
        volumes: bool = False,
        filters: Items = (),
        docker_args: Words = (),
        **options: object,
    ) -> PruneResult:
        """`docker system prune --force`: stopped containers, unused networks, dangling images
        (every unused one with all=True) and the build cache go, and unused volumes with volumes=True;
        without docker's question. What went, and the space reclaimed.

        Filters (`label=...`, `until=1h`) limit containers, networks and images; docker 20.10's
        engine still removed build cache records that carried no label.
        """
        from ..parse.prune import parse_prune

        keywords = {"all": flag(all, "all"), "volumes": flag(volumes, "volumes"), "filters": items(filters, "filters")}
        line = self._system("prune", keywords, options, docker_args, words=["--force"])
        return parse_prune(self._runner.run(line.argv).out, "docker system prune")

    def context_host(self, name: str) -> str | None:
        """The docker endpoint (`unix:///...`, `ssh://...`, `tcp://...`) of a context."""
        from ..verbs import command_line, find_command

        line = command_line(
            find_command("context inspect"),
            [text(name, "name", empty=False)],
            {"format": "{{json .Endpoints.docker.Host}}"},
        )
        printed = self._runner.run(line.argv).out.strip()
        return json.loads(printed) if printed else None

    def _system(
        self,
        verb: str,
        keywords: Mapping[str, object] | None,
        options: Mapping[str, object],
        docker_args: Words,
        *,
        words: Iterable[str] = (),
    ) -> CommandLine:
        """The call of `docker system VERB`."""
        from ..verbs import command_line, find_command

        return command_line(find_command(("system", verb)), (), keywords, options, docker_args, words=list(words))


def _events(lines: Iterator[str], make: object) -> Iterator[Event]:
    """Each line of `events --format '{{json .}}'` as an Event; closing this ends docker."""
    from ..parse.jsonlines import load_object

    command = "docker system events"
    try:
        for line in lines:
            if line.strip():
                yield make(load_object(line, command), command)  # type: ignore[operator]
    finally:
        lines.close()  # type: ignore[attr-defined]
