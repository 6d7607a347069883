"""The logs verb, which containers and services share (`docker container logs`,
`docker service logs`): the same flags, the same three ways to get the output."""

from __future__ import annotations

from typing import ClassVar, Iterator, Literal, overload

from .args import choice, flag, operands, text, whole
from .runner import Completed, Output, Runner

__all__ = ["logs", "LogsVerb"]


def logs(runner: Runner, group: str, name: str, *, follow: bool, tail: int | None, timestamps: bool,
         output: Output) -> Completed | Iterator[str]:
    """`docker GROUP logs`. Any non-zero status is docker's failure (logs has no status of the
    container's); docker's message is kept from the output (dockwrap.relay), except when the
    stream breaks after the container's output: then it is the last line, and the error too.

    :returns: the output captured (stdout and stderr apart); with follow=True an iterator of
        lines (stdout and stderr merged) that ends docker when closed; with output="terminal"
        the output goes to our own stdout and stderr
    """
    args = [group, "logs"]
    if flag(follow, "follow"):
        args.append("--follow")
    if tail is not None:
        args += ["--tail", str(whole(tail, "tail"))]  # docker reads a negative number as all
    if flag(timestamps, "timestamps"):
        args.append("--timestamps")
    args += operands([text(name, "name", empty=False)])
    output = choice(output, "output", ("capture", "terminal"))  # type: ignore[assignment]
    if output == "terminal":
        return runner.passthrough(args, timeout=not follow, docker_statuses=None)
    if follow:
        return runner.stream(args, merge_stderr=True, docker_statuses=None)
    done = runner.run(args, check=False)
    if done.exit_code != 0:
        # docker's message is its last line: the container's stderr before it is not the error
        last = done.stderr.rstrip(b"\n").rpartition(b"\n")[2]
        raise runner.error(Completed(done.argv, done.exit_code, done.stdout, last))
    return done


class LogsVerb:
    """The `logs` method of a group's commands (ContainerCommands, ServiceCommands): the class
    names its group."""

    _runner: Runner
    logs_group: ClassVar[str]

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
                    output=output)
