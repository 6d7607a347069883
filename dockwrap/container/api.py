"""`Docker().container`: the container verbs as Python methods, one docker call each."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, Mapping, Sequence, overload

from ..args import choice, flag, items, label_args, names_of, operands, optional_text, repeat, text, whole
from ..errors import ArgumentTypeError, NotATerminal, UsageError
from ..parse.ports import PortMapping, parse_port_lines
from ..parse.record import field_value
from ..logs import LogsVerb
from ..runner import Completed, Output, Runner
from .records.ls import Container, parse_container_ls

#: the options of `run` (docker's run flags, snake_case), in the order run_args prints them
RUN_OPTIONS = ("interactive", "tty", "remove", "init", "name", "hostname", "labels", "env", "env_file", "network",
               "network_aliases", "links", "publish", "workdir", "entrypoint", "pull")

if TYPE_CHECKING:  # pragma: no cover
    from typing_extensions import TypedDict, Unpack

    class RunOptions(TypedDict, total=False):
        """`container.run` options: each is one docker run flag (repeatable ones take lists)."""

        name: str | None
        publish: Iterable[str] | str
        env: Iterable[str] | Mapping[str, str | None] | str
        env_file: str | None
        network: str | None
        network_aliases: Iterable[str] | str
        links: Iterable[str] | str
        remove: bool
        init: bool
        pull: str | None
        interactive: bool
        tty: bool
        labels: Mapping[str, str] | Iterable[str] | None
        workdir: str | None
        entrypoint: str | None
        hostname: str | None

    from .records.inspect import ContainerDetails
    from .records.stats import Stats
    from .records.top import Process

__all__ = ["ContainerCommands", "LS_TEMPLATE", "RUN_STATUSES", "EXEC_STATUSES"]

# `{{json .}}` makes docker 20.10+ compute every container's size (slow on real hosts), and
# --size=false only stops that from 24.0. These fields exist in every client from 17.12 on;
# State (20.10+) is derived from Status instead. `-s` asks for `{{json .}}` with sizes.
_LS_FIELDS = ("Command", "CreatedAt", "ID", "Image", "Labels", "Names", "Networks", "Ports", "RunningFor", "Status")
LS_TEMPLATE = "{" + ",".join(f'"{name}":{{{{json .{name}}}}}' for name in _LS_FIELDS) + "}"

#: the statuses with which `docker run` reports a failure of its own (before the container runs);
#: any other status is the container's
RUN_STATUSES = (125, 126, 127)
#: the same for exec and start (a missing, stopped or paused container is 1)
EXEC_STATUSES = (1, 125, 126, 127)
# How long an interrupted foreground run may go on (to get its container made: killed in the
# middle, docker may make it after whoever cleans up has looked).
RUN_GRACE_SECONDS = 3.0
_OUTPUTS = ("capture", "terminal")


class ContainerCommands(LogsVerb):
    """The container verbs; `Docker().container`.

    Every method checks its arguments before any docker call (README, "Python API"): a wrong type
    is an ArgumentTypeError (a TypeError) and a value docker would not take a UsageError (a
    ValueError), both naming the parameter; one str where a list is expected is one item, and a
    mapping (env, labels, filters) gives `KEY=VALUE` items.
    """

    logs_group = "container"

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    # -- listing and reading ----------------------------------------------------------------------

    def ls(self, all: bool = False, size: bool = False, filters: Iterable[str] | Mapping[str, str] | str = ()) -> list[Container]:
        """`docker container ls`: running containers (all of them with all=True).

        :param filters: docker filters as `key=value` (`label=a=b`, `name=web`, `status=exited`)
        """
        args = ["container", "ls"]
        if flag(all, "all"):
            args.append("--all")
        if flag(size, "size"):
            args.append("--size")
        args += repeat("--filter", items(filters, "filters"))
        args += ["--format", "{{json .}}" if size else LS_TEMPLATE]
        done = self._runner.run(args)
        return parse_container_ls(done.out)

    def inspect(self, names: Sequence[str] | str) -> list[ContainerDetails]:
        """`docker container inspect` of any number of containers, in one call.

        :raises DockerCommandFailed: when one is missing; its `done` holds the others
        """
        from .records.inspect import parse_container_inspect

        done = self._runner.run(["container", "inspect", *operands(names_of(names, "container"))],
                                done_of=parse_container_inspect)
        return parse_container_inspect(done.out)

    def top(self, name: str, ps_args: Sequence[str] | str = ()) -> list[Process]:
        """`docker container top`: the container's processes, with their host PIDs."""
        from .records.top import parse_top

        done = self._runner.run(["container", "top", *operands([text(name, "name", empty=False)]), *items(ps_args, "ps_args")])
        return parse_top(done.out)

    def port(self, name: str) -> list[PortMapping]:
        """`docker container port`: the published ports."""
        done = self._runner.run(["container", "port", *operands([text(name, "name", empty=False)])])
        return field_value("docker container port", "output", parse_port_lines, done.out)

    def stats(self, names: Sequence[str] | str = (), all: bool = False) -> list[Stats]:
        """`docker container stats --no-stream`: one sample of each container."""
        from .records.stats import parse_stats

        args = ["container", "stats", "--no-stream", "--format", "{{json .}}"]
        if flag(all, "all"):
            args.append("--all")
        done = self._runner.run([*args, *operands(items(names, "names"))])
        return parse_stats(done.out)

    def stats_stream(self, names: Sequence[str] | str = ()) -> Iterator[Stats]:
        """`docker container stats`: a sample per container about once a second, until the
        iteration stops (which ends docker)."""
        from .records.stats import parse_stats_stream

        args = ["container", "stats", "--format", "{{json .}}", *operands(items(names, "names"))]
        return parse_stats_stream(self._runner.stream(args))

    # -- running --------------------------------------------------------------------------------

    def run_args(self, image: str, command: Sequence[str] | str | None = None, *, detach: bool = False,
                 **options: Unpack[RunOptions]) -> list[str]:
        """The argv (after `docker`) of `container run`, options in docker's documented order."""
        unknown = set(options) - set(RUN_OPTIONS)
        if unknown:
            raise ArgumentTypeError(f"container.run got unknown options: {', '.join(sorted(unknown))}")
        o: Mapping[str, object] = options
        args = ["container", "run"]
        for option, word in (("detach", "--detach"), ("interactive", "--interactive"), ("tty", "--tty"),
                             ("remove", "--rm"), ("init", "--init")):
            if flag(detach if option == "detach" else o.get(option, False), option):
                args.append(word)
        for option, word in (("name", "--name"), ("hostname", "--hostname")):
            value = optional_text(o.get(option), option)
            if value:
                args += [word, value]
        args += label_args(o.get("labels"))  # type: ignore[arg-type]
        args += repeat("--env", items(o.get("env"), "env"))
        env_file = optional_text(o.get("env_file"), "env_file")
        if env_file:
            args += ["--env-file", env_file]
        network = optional_text(o.get("network"), "network")
        if network:
            args += ["--network", network]
        args += repeat("--network-alias", items(o.get("network_aliases"), "network_aliases"))
        args += repeat("--link", items(o.get("links"), "links"))
        args += repeat("--publish", items(o.get("publish"), "publish"))
        workdir = optional_text(o.get("workdir"), "workdir")
        if workdir:
            args += ["--workdir", workdir]
        entrypoint = optional_text(o.get("entrypoint"), "entrypoint")
        if entrypoint is not None:  # "" too: it clears the image's entrypoint
            args += ["--entrypoint", entrypoint]
        if o.get("pull") is not None:
            args += ["--pull", choice(o.get("pull"), "pull", ("always", "missing", "never"))]
        return [*args, *operands([text(image, "image", empty=False)]), *items(command, "command")]

    @overload
    def run(self, image: str, command: Sequence[str] | str | None = ..., *, detach: Literal[True],
            output: Output = ..., **options: Unpack[RunOptions]) -> str: ...
    @overload
    def run(self, image: str, command: Sequence[str] | str | None = ..., *, detach: Literal[False] = ...,
            output: Output = ..., **options: Unpack[RunOptions]) -> Completed: ...

    def run(self, image: str, command: Sequence[str] | str | None = None, *, detach: bool = False,
            output: Output = "capture", **options: Unpack[RunOptions]) -> str | Completed:
        """`docker container run`; the options (see RUN_OPTIONS) are docker's run flags: name,
        publish, env, env_file, network, network_aliases, links, remove, init, pull, interactive,
        tty, labels, workdir, entrypoint, hostname.

        :param command: the container's command, a list of arguments (one str is one argument)
        :returns: with detach=True the new container's ID (under --dry-run: its name, or "");
            otherwise the finished run, whose exit_code is the container command's own.
            With output="terminal" the container's output goes to our stdout and stderr, and
            with interactive and tty the terminal is handed to it.
        :raises DockerCommandFailed: (or a subclass) when docker itself failed: a status of
            RUN_STATUSES with nothing but docker's own lines (dockwrap.relay)
        """
        args = self.run_args(image, command, detach=detach, **options)
        output = choice(output, "output", _OUTPUTS)  # type: ignore[assignment]
        if detach:
            done = self._runner.run(args, creates=True)
            if self._runner.dry_run:
                return str(options.get("name") or "")
            return done.out.strip()
        return self._foreground(args, output, bool(options.get("interactive")), bool(options.get("tty")),
                                RUN_STATUSES, creates=True)

    def exec(self, name: str, command: Sequence[str] | str, *, interactive: bool = False, tty: bool = False,
             env: Iterable[str] | Mapping[str, str | None] | str = (), workdir: str | None = None,
             user: str | None = None, output: Output = "capture", input: bytes | None = None) -> Completed:
        """`docker container exec`: run a command in a running container; its status is exit_code.

        :param command: a list of arguments (one str is one argument)
        :param input: bytes for the command's stdin (with output="capture"; implies interactive)
        :raises DockerCommandFailed: when docker itself failed (EXEC_STATUSES with nothing but
            docker's own lines)
        """
        if command is None:
            raise ArgumentTypeError("command must be a list of str (or one str), not None")
        listed = items(command, "command")
        if not listed:
            raise UsageError("exec needs a command to run")
        if input is not None and not isinstance(input, bytes):
            raise ArgumentTypeError(f"input must be bytes, not {type(input).__name__}")
        args = ["container", "exec"]
        interactive = flag(interactive, "interactive") or input is not None
        if interactive:
            args.append("--interactive")
        if flag(tty, "tty"):
            args.append("--tty")
        args += repeat("--env", items(env, "env"))
        for option, word, value in (("workdir", "--workdir", workdir), ("user", "--user", user)):
            checked = optional_text(value, option)
            if checked:
                args += [word, checked]
        args += [*operands([text(name, "name", empty=False)]), *listed]
        return self._foreground(args, choice(output, "output", _OUTPUTS), interactive, tty, EXEC_STATUSES, input)  # type: ignore[arg-type]

    def start(self, names: Sequence[str] | str, *, attach: bool = False, interactive: bool = False,
              output: Output = "capture") -> Completed:
        """`docker container start`; attached, exit_code is the container's own status.

        :raises DockerCommandFailed: when one does not start; its `done` names those that did
        """
        args = ["container", "start"]
        if flag(attach, "attach"):
            args.append("--attach")
        if flag(interactive, "interactive"):
            args.append("--interactive")
        args += operands(names_of(names, "container"))
        output = choice(output, "output", _OUTPUTS)  # type: ignore[assignment]
        if attach or interactive:
            return self._foreground(args, output, interactive, interactive, EXEC_STATUSES)
        return self._runner.run(args, done_of=str.splitlines)

    def stop(self, names: Sequence[str] | str, *, time: int | None = None) -> list[str]:
        """`docker container stop`; returns the names docker confirmed.

        :raises DockerCommandFailed: when one does not stop; its `done` names those that did
        """
        args = ["container", "stop"]
        if time is not None:
            args += ["-t", str(whole(time, "time"))]  # --time became --timeout in 28.x; -t means both
        done = self._runner.run([*args, *operands(names_of(names, "container"))], done_of=str.splitlines)
        return done.out.splitlines()

    def rm(self, names: Sequence[str] | str, *, force: bool = False, volumes: bool = False) -> list[str]:
        """`docker container rm`; with force, missing containers are no error (as docker has it).

        :raises DockerCommandFailed: when one is not removed; its `done` names those that were
        """
        args = ["container", "rm"]
        if flag(force, "force"):
            args.append("--force")
        if flag(volumes, "volumes"):
            args.append("--volumes")
        done = self._runner.run([*args, *operands(names_of(names, "container"))], done_of=str.splitlines)
        return done.out.splitlines()

    # -- internals --------------------------------------------------------------------------------

    def _foreground(self, args: list[str], output: Output, interactive: bool, tty: bool, statuses: tuple[int, ...],
                    input: bytes | None = None, creates: bool = False) -> Completed:
        if output == "terminal" and tty and interactive and not self._runner.dry_run and not sys.stdin.isatty():
            raise NotATerminal("the input device is not a TTY: -t needs a terminal on stdin")
        if output == "terminal" and tty:
            code = self._runner.interactive(args)
            return Completed(tuple(self._runner.argv(args)), code)
        if output == "terminal":
            return self._runner.passthrough(args, stdin=interactive, timeout=False, docker_statuses=statuses)
        from ..relay import DOCKER_LINE, docker_failed

        # A run makes its container first: an interrupt gives it a moment to (see Runner.run).
        done = self._runner.run(args, check=False, timeout=False, input=input, creates=RUN_GRACE_SECONDS if creates else False)
        if docker_failed(done.exit_code, statuses, done.stdout, done.stderr, DOCKER_LINE.match):
            raise self._runner.error(done)
        return done
