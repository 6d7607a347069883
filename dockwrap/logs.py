"""The logs verb, which containers and services share (`docker container logs`,
`docker service logs`): the same flags, the same three ways to get the output."""

from __future__ import annotations

import re
from typing import Iterator

from .args import operands
from .runner import Completed, Output, Runner

__all__ = ["logs"]


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
