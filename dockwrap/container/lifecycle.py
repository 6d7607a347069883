"""The container verbs that change a container's state or files, one docker call each: restart,
kill, wait, pause, unpause, rename, update, prune, cp. `ContainerCommands` (api.py) has them."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from ..args import flag, items, names_of, optional_text, text, whole
from ..errors import ArgumentTypeError
from ..verbs import Verbs

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.prune import PruneResult
    from ..runner import Completed, Output
    from .records.readiness import Readiness
    from .records.wait import WaitResult

__all__ = ["LifecycleVerbs", "copy_end"]

Items = Iterable[str] | Mapping[str, object] | str
Words = Iterable[str] | str
#: one end of a copy: a path on this machine (or `-`), `CONTAINER:PATH`, or a (container, path) pair
CopyEnd = str | os.PathLike[str] | tuple[str, str]


def copy_end(end: object, name: str) -> str:
    """A `cp` operand as docker reads it; a (container, path) pair is `CONTAINER:PATH`."""
    if isinstance(end, os.PathLike):
        end = os.fspath(end)
    if isinstance(end, tuple):
        if len(end) != 2:
            raise ArgumentTypeError(f"{name} must be a path or a (container, path) pair, not {end!r}")
        return f"{text(end[0], f'{name} container', empty=False)}:{text(end[1], f'{name} path', empty=False)}"
    return text(end, name, empty=False)


class LifecycleVerbs(Verbs):
    """restart, kill, wait, pause, unpause, rename, update, prune and cp of `Docker().container`."""

    def restart(
        self, names: Sequence[str] | str, *, time: int | None = None, docker_args: Words = (), **options: object
    ) -> list[str]:
        """`docker container restart` (stop, then start); the names docker confirmed.

        :param time: seconds to wait for the stop before killing (`-t`, which both clients have)
        :raises DockerCommandFailed: when one fails; its `done` names those restarted
        """
        words = [] if time is None else ["-t", str(whole(time, "time"))]
        return self._each("restart", names, None, options, docker_args, words=words)

    def kill(
        self, names: Sequence[str] | str, *, signal: str | None = None, docker_args: Words = (), **options: object
    ) -> list[str]:
        """`docker container kill` (SIGKILL, or `signal`: `SIGHUP`, `HUP`, `1`); the names docker
        confirmed.

        :raises ContainerNotRunning: one is not running; its `done` names those signalled
        """
        keywords = {"signal": optional_text(signal, "signal", empty=False)}
        return self._each("kill", names, keywords, options, docker_args)

    def wait(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[WaitResult]:
        """`docker container wait`: block until each container stops; the status of each.

        A created container that never started counts as stopped (0 at once), and one with a
        restart policy returns at its first exit: to wait for an exit, see `wait_for`.

        :raises NoSuchContainer: one is missing; its `done` holds the statuses of the others
        """
        from .records.wait import parse_wait

        listed = names_of(names, "container")
        line = self._line("wait", listed, None, options, docker_args)
        done = self._runner.run(line.argv, check=False)
        if self._runner.dry_run:
            return []
        if done.exit_code == 0:
            return parse_wait(done.out, listed)
        error = self._runner.error(done)
        # docker waits for each in turn and prints the status of each it found, in order
        found = [name for name in listed if name not in error.stderr]
        if done.out.strip() and len(done.out.split()) == len(found):
            error.done = parse_wait(done.out, found)
        raise error

    def wait_for(
        self,
        name: str,
        *,
        running: bool = False,
        healthy: bool = False,
        exited: bool = False,
        status: int | None = None,
        log: str | re.Pattern[str] | None = None,
        port: int | str | None = None,
        http: str | None = None,
        http_status: int = 200,
        timeout: float | None = None,
    ) -> Readiness:
        """Wait until the container is ready as asked: every condition given, each met once
        (none given: running). What it saw is the result (a `Readiness`).

        :param exited: stopped (with `status`: with that exit status); docker's `die` event
        :param log: a regular expression (str or compiled) a line of its logs since its start matches
        :param port: its published TCP port (the container's port number) takes a connection from
            this machine and keeps it open (docker's proxy accepts and closes with nothing behind it)
        :param http: a path: a GET of it at the published port answers `http_status`
        :param timeout: seconds; None waits for ever
        :raises WaitTimeout: not ready in time (exit 124; `seen` is what was seen last)
        :raises NotReady: removed, stopped for good, or `healthy` without a health check
        :raises NoSuchContainer: it does not exist
        """
        from .readiness import Wanted, wait_for

        wanted = Wanted(
            running=running,
            healthy=healthy,
            exited=exited,
            status=status,
            log=log,
            port=port,
            http=http,
            http_status=http_status,
        )
        return wait_for(self.inspect, self._runner, name, wanted, timeout)  # type: ignore[attr-defined]

    def pause(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[str]:
        """`docker container pause` (its processes frozen); the names docker confirmed.

        :raises ContainerNotRunning, ContainerPaused: its `done` names those paused
        """
        return self._each("pause", names, None, options, docker_args)

    def unpause(self, names: Sequence[str] | str, *, docker_args: Words = (), **options: object) -> list[str]:
        """`docker container unpause`; the names docker confirmed."""
        return self._each("unpause", names, None, options, docker_args)

    def rename(self, name: str, new_name: str, *, docker_args: Words = (), **options: object) -> None:
        """`docker container rename`.

        :raises NameConflict: another container has the new name
        """
        operands = [text(name, "name", empty=False), text(new_name, "new_name", empty=False)]
        self._runner.run(self._line("rename", operands, None, options, docker_args).argv)

    def update(
        self,
        names: Sequence[str] | str,
        *,
        memory: str | int | None = None,
        memory_swap: str | int | None = None,
        cpus: float | str | None = None,
        restart: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> list[str]:
        """`docker container update` of running or stopped containers; the names docker confirmed.

        :param memory: a limit (`"64m"`, or bytes), memory_swap the limit of memory and swap together
            (-1: no limit); cpus a share of the CPUs (0.5); restart a policy (`no`, `always`,
            `unless-stopped`, `on-failure[:N]`). Any other option of docker's as a keyword.
        """
        keywords = {
            "memory": memory,
            "memory_swap": memory_swap,
            "cpus": cpus,
            "restart": optional_text(restart, "restart", empty=False),
        }
        return self._each("update", names, keywords, options, docker_args)

    def prune(self, *, filters: Items = (), docker_args: Words = (), **options: object) -> PruneResult:
        """`docker container prune --force`: every stopped container goes (those the filters
        select: `label=...`, `until=1h`), without docker's question."""
        return self._prune({"filters": items(filters, "filters")}, options, docker_args)

    def cp(
        self,
        source: CopyEnd,
        destination: CopyEnd,
        *,
        archive: bool = False,
        follow_link: bool = False,
        input: bytes | None = None,
        output: Output = "capture",
        docker_args: Words = (),
        **options: object,
    ) -> Completed:
        """`docker container cp` from a container to this machine or back, files or directories
        (recursively), byte for byte.

        Each end is a path here or `CONTAINER:PATH` (a `(container, path)` pair writes that): a
        local path with a `:` in it needs a `/` before the colon (`./a:b`) for docker to read it
        as one. `-` as the source reads a tar stream from `input`; `-` as the destination gives
        one as the result's `stdout`.

        :param archive: keep the files' owners (uid:gid) as they were
        :param follow_link: copy what a symbolic link at the source points at
        :param output: "terminal": docker reads our stdin and writes our stdout (`-`) itself
        :raises NoSuchContainer, NoSuchPath: (20.10 says `No such container:path` for both)
        """
        from ..args import choice

        if input is not None and not isinstance(input, bytes):
            raise ArgumentTypeError(f"input must be bytes, not {type(input).__name__}")
        keywords = {"archive": flag(archive, "archive"), "follow_link": flag(follow_link, "follow_link")}
        line = self._line(
            "cp", [copy_end(source, "source"), copy_end(destination, "destination")], keywords, options, docker_args
        )
        if choice(output, "output", ("capture", "terminal")) == "terminal":
            return self._runner.passthrough(line.argv, stdin=True, docker_statuses=range(1, 256), stdout_is_data=True)
        return self._runner.run(line.argv, input=input)
