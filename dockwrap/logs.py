"""The logs verb, which containers and services share (`docker container logs`,
`docker service logs`): the same flags, the same three ways to get the output."""

from __future__ import annotations

import re
from typing import ClassVar, Iterator, Literal, overload

from .args import operands
from .runner import Completed, Output, Runner

__all__ = ["logs", "LogsVerb"]


def logs(runner: Runner, group: str, name: str, *, follow: bool, tail: int | None, timestamps: bool,
         output: Output, docker_line: re.Pattern[str]) -> Completed | Iterator[str]:
    """`docker GROUP logs`.

    :param docker_line: matches the stderr lines docker itself writes (held back, raised as the
        error); the others are the container's or service's own
    :returns: the output captured (stdout and stderr apart); with follow=True an iterator of
        lines (stdout and stderr merged) that ends docker when closed; with output="terminal"
        the output goes to our own stdout and stderr
    """
    args = [group, "logs"]
    if follow:
        args.append("--follow")
    if tail is not None:
        args += ["--tail", str(tail)]
    if timestamps:
        args.append("--timestamps")
    args += operands([name])
    if output == "terminal":
        return runner.passthrough(args, hold_stderr=docker_line.match, timeout=not follow, status_is_docker=True)
    if follow:
        return runner.stream(args, merge_stderr=True)
    return runner.run(args)


class LogsVerb:
    """The `logs` method of a group's commands (ContainerCommands, ServiceCommands): the class
    names its group and the stderr lines that are docker's own."""

    _runner: Runner
    logs_group: ClassVar[str]
    logs_docker_line: ClassVar[re.Pattern[str]]

    @overload
    def logs(self, name: str, *, follow: Literal[True], tail: int | None = ..., timestamps: bool = ...,
             output: Output = ...) -> Iterator[str]: ...
    @overload
    def logs(self, name: str, *, follow: Literal[False] = ..., tail: int | None = ..., timestamps: bool = ...,
             output: Output = ...) -> Completed: ...
    @overload
    def logs(self, name: str, *, follow: bool = ..., tail: int | None = ..., timestamps: bool = ...,
             output: Output = ...) -> Completed | Iterator[str]: ...

    def logs(self, name: str, *, follow: bool = False, tail: int | None = None, timestamps: bool = False,
             output: Output = "capture") -> Completed | Iterator[str]:
        """`docker container logs` or `docker service logs` (each line of a service prefixed
        `name.slot.id@node | `).

        :returns: the output, stdout and stderr apart, as a Completed; with follow=True an
            iterator of lines (stdout and stderr merged) that ends docker when closed; with
            output="terminal" the output goes to our own stdout and stderr.
        """
        return logs(self._runner, self.logs_group, name, follow=follow, tail=tail, timestamps=timestamps,
                    output=output, docker_line=self.logs_docker_line)
