"""The logs verb, which containers and services share (`docker container logs`,
`docker service logs`): the same options, the same three ways to get the output."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Literal, overload

from .args import choice, flag, moment, text, whole
from .runner import Completed, Output
from .verbs import Verbs

__all__ = ["LogsVerb"]


class LogsVerb(Verbs):
    """The `logs` method of a noun's commands (ContainerCommands, ServiceCommands)."""

    @overload
    def logs(
        self,
        name: str,
        *,
        follow: Literal[True],
        tail: int | None = ...,
        timestamps: bool = ...,
        since: str | float | datetime | None = ...,
        until: str | float | datetime | None = ...,
        output: Output = ...,
        docker_args: Iterable[str] | str = ...,
        **options: object,
    ) -> Iterator[str]: ...
    @overload
    def logs(
        self,
        name: str,
        *,
        follow: Literal[False] = ...,
        tail: int | None = ...,
        timestamps: bool = ...,
        since: str | float | datetime | None = ...,
        until: str | float | datetime | None = ...,
        output: Output = ...,
        docker_args: Iterable[str] | str = ...,
        **options: object,
    ) -> Completed: ...
    @overload
    def logs(
        self,
        name: str,
        *,
        follow: bool = ...,
        tail: int | None = ...,
        timestamps: bool = ...,
        since: str | float | datetime | None = ...,
        until: str | float | datetime | None = ...,
        output: Output = ...,
        docker_args: Iterable[str] | str = ...,
        **options: object,
    ) -> Completed | Iterator[str]: ...

    def logs(
        self,
        name: str,
        *,
        follow: bool = False,
        tail: int | None = None,
        timestamps: bool = False,
        since: str | float | datetime | None = None,
        until: str | float | datetime | None = None,
        output: Output = "capture",
        docker_args: Iterable[str] | str = (),
        **options: object,
    ) -> Completed | Iterator[str]:
        """`docker container logs` or `docker service logs` (each line of a service prefixed
        `name.slot.id@node | `); any other option of docker's as a keyword (`details=True`).

        `since` and `until` (containers only) bound the lines by time, both ends kept: `"10m"` ago,
        a timestamp docker reads (`2026-01-02T03:04:05.123Z`), Unix seconds, or a datetime.

        Any non-zero status is docker's failure (logs has no status of the container's); docker's
        message is kept from the output (dockwrap.relay), except when the stream breaks after the
        container's output: then it is the last line, and the error too.

        :returns: the output, stdout and stderr apart, as a Completed; with follow (`-f` in
            docker_args too) an iterator of lines (stdout and stderr merged) that ends docker
            when closed; with output="terminal" the output goes to our own stdout and stderr.
        """
        keywords = {
            "follow": flag(follow, "follow"),
            # docker reads a negative number as all
            "tail": None if tail is None else str(whole(tail, "tail")),
            "timestamps": flag(timestamps, "timestamps"),
            "since": moment(since, "since"),
            "until": moment(until, "until"),
        }
        line = self._line("logs", [text(name, "name", empty=False)], keywords, options, docker_args)
        output = choice(output, "output", ("capture", "terminal"))  # type: ignore[assignment]
        following = line.flag("follow")
        if output == "terminal":
            return self._runner.passthrough(line.argv, timeout=not following, docker_statuses=None)
        if following:
            return self._runner.stream(line.argv, merge_stderr=True, docker_statuses=None)
        done = self._runner.run(line.argv, check=False)
        if done.exit_code != 0:
            # docker's message is its last line: the container's stderr before it is not the error
            last = done.stderr.rstrip(b"\n").rpartition(b"\n")[2]
            raise self._runner.error(Completed(done.argv, done.exit_code, done.stdout, last))
        return done
