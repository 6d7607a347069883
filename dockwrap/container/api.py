"""`Docker().container`: the container verbs as Python methods, one docker call each."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, Iterable, Iterator, Literal, Mapping, Sequence, overload

from ..args import label_args, names_of, operands, repeat
from ..errors import NO_ENGINE_LINE, DockwrapError, UsageError
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
        publish: Iterable[str]
        env: Iterable[str]
        env_file: str | None
        network: str | None
        network_aliases: Iterable[str]
        links: Iterable[str]
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

__all__ = ["ContainerCommands", "LS_TEMPLATE", "DOCKER_OWN_LINE"]

# `{{json .}}` makes docker 20.10+ compute every container's size (slow on real hosts), and
# --size=false only stops that from 24.0. These fields exist in every client from 17.12 on;
# State (20.10+) is derived from Status instead. `-s` asks for `{{json .}}` with sizes.
_LS_FIELDS = ("Command", "CreatedAt", "ID", "Image", "Labels", "Names", "Networks", "Ports", "RunningFor", "Status")
LS_TEMPLATE = "{" + ",".join(f'"{name}":{{{{json .{name}}}}}' for name in _LS_FIELDS) + "}"

# Lines that docker itself writes around a failed run/exec, as opposed to the container's output.
DOCKER_OWN_LINE = re.compile(
    r"^(\S*docker: Error|docker: |Error response from daemon: |Error: No such |Unable to find image '|"
    r"See '\S*docker|Run 'docker .*--help'|OCI runtime (exec|create) failed|time=\".*\" level=|" + NO_ENGINE_LINE + ")"
)
# exec, logs and start -a of a missing or stopped container: docker's message, status 1.
_DOCKER_EXIT1 = re.compile(r"^(Error response from daemon: |Error: No such container)")
# How long an interrupted foreground run may go on (to get its container made: killed in the
# middle, docker may make it after whoever cleans up has looked).
RUN_GRACE_SECONDS = 3.0


def _docker_failed(done: Completed) -> bool:
    """Whether a run/exec status is docker's own failure rather than the container command's:
    125-127 together with docker's message (a container may exit 125 by itself)."""
    if done.exit_code not in (125, 126, 127):
        return False
    text = done.err + "\n" + done.out[:2000]
    return any(DOCKER_OWN_LINE.match(line) for line in text.splitlines())


class ContainerCommands(LogsVerb):
    """The container verbs; `Docker().container`."""

    logs_group = "container"
    logs_docker_line = DOCKER_OWN_LINE

    def __init__(self, runner: Runner) -> None:
        self._runner = runner

    # -- listing and reading ----------------------------------------------------------------------

    def ls(self, all: bool = False, size: bool = False, filters: Iterable[str] = ()) -> list[Container]:
        """`docker container ls`: running containers (all of them with all=True).

        :param filters: docker filters as `key=value` (`label=a=b`, `name=web`, `status=exited`)
        """
        args = ["container", "ls"]
        if all:
            args.append("--all")
        if size:
            args.append("--size")
        args += repeat("--filter", filters)
        args += ["--format", "{{json .}}" if size else LS_TEMPLATE]
        done = self._runner.run(args)
        return parse_container_ls(done.out)

    def inspect(self, names: Sequence[str] | str) -> list[ContainerDetails]:
        """`docker container inspect` of any number of containers, in one call."""
        from .records.inspect import parse_container_inspect

        done = self._runner.run(["container", "inspect", *operands(names_of(names, "container"))])
        return parse_container_inspect(done.out)

    def top(self, name: str, ps_args: Sequence[str] = ()) -> list[Process]:
        """`docker container top`: the container's processes, with their host PIDs."""
        from .records.top import parse_top

        done = self._runner.run(["container", "top", *operands([name]), *ps_args])
        return parse_top(done.out)

    def port(self, name: str) -> list[PortMapping]:
        """`docker container port`: the published ports."""
        done = self._runner.run(["container", "port", *operands([name])])
        return field_value("docker container port", "output", parse_port_lines, done.out)

    def stats(self, names: Sequence[str] | str = (), all: bool = False) -> list[Stats]:
        """`docker container stats --no-stream`: one sample of each container."""
        from .records.stats import parse_stats

        args = ["container", "stats", "--no-stream", "--format", "{{json .}}"]
        if all:
            args.append("--all")
        done = self._runner.run([*args, *operands([names] if isinstance(names, str) else names)])
        return parse_stats(done.out)

    def stats_stream(self, names: Sequence[str] | str = ()) -> Iterator[Stats]:
        """`docker container stats`: a sample per container about once a second, until the
        iteration stops (which ends docker)."""
        from ..parse.jsonlines import load_objects
        from .records.stats import stats_row

        args = ["container", "stats", "--format", "{{json .}}", *operands([names] if isinstance(names, str) else names)]
        for line in self._runner.stream(args):
            text = line.replace("\x1b[2J", "").replace("\x1b[H", "").replace("\x1b[J", "").strip()
            for obj in load_objects(text, "docker container stats"):
                yield stats_row(obj, "docker container stats")

    # -- running --------------------------------------------------------------------------------

    def run_args(self, image: str, command: Sequence[str] | None = None, *, detach: bool = False,
                 **options: Unpack[RunOptions]) -> list[str]:
        """The argv (after `docker`) of `container run`, options in docker's documented order."""
        if isinstance(command, str):
            raise TypeError(f"command must be a list of arguments, e.g. [{command!r}], not a string")
        unknown = set(options) - set(RUN_OPTIONS)
        if unknown:
            raise TypeError(f"container.run got unknown options: {', '.join(sorted(unknown))}")
        if not image:
            raise UsageError("an image is needed")
        pull = options.get("pull")
        if pull not in (None, "always", "missing", "never"):
            raise UsageError(f"--pull must be always, missing or never, not {pull!r}")
        o = options
        args = ["container", "run"]
        if detach:
            args.append("--detach")
        if o.get("interactive"):
            args.append("--interactive")
        if o.get("tty"):
            args.append("--tty")
        if o.get("remove"):
            args.append("--rm")
        if o.get("init"):
            args.append("--init")
        if o.get("name"):
            args += ["--name", str(o.get("name"))]
        if o.get("hostname"):
            args += ["--hostname", str(o.get("hostname"))]
        args += label_args(o.get("labels"))
        args += repeat("--env", o.get("env"))
        if o.get("env_file"):
            args += ["--env-file", str(o.get("env_file"))]
        if o.get("network"):
            args += ["--network", str(o.get("network"))]
        args += repeat("--network-alias", o.get("network_aliases"))
        args += repeat("--link", o.get("links"))
        args += repeat("--publish", o.get("publish"))
        if o.get("workdir"):
            args += ["--workdir", str(o.get("workdir"))]
        if o.get("entrypoint") is not None:
            args += ["--entrypoint", str(o.get("entrypoint"))]
        if pull:
            args += ["--pull", pull]
        return [*args, *operands([image]), *(command or [])]

    @overload
    def run(self, image: str, command: Sequence[str] | None = ..., *, detach: Literal[True],
            output: Output = ..., **options: Unpack[RunOptions]) -> str: ...
    @overload
    def run(self, image: str, command: Sequence[str] | None = ..., *, detach: Literal[False] = ...,
            output: Output = ..., **options: Unpack[RunOptions]) -> Completed: ...

    def run(self, image: str, command: Sequence[str] | None = None, *, detach: bool = False,
            output: Output = "capture", **options: Unpack[RunOptions]) -> str | Completed:
        """`docker container run`; the options (see RUN_OPTIONS) are docker's run flags: name,
        publish, env, env_file, network, network_aliases, links, remove, init, pull, interactive,
        tty, labels, workdir, entrypoint, hostname.

        :returns: with detach=True the new container's ID (under --dry-run: its name, or "");
            otherwise the finished run, whose exit_code is the container command's own.
            With output="terminal" the container's output goes to our stdout and stderr, and
            with interactive and tty the terminal is handed to it.
        :raises DockerCommandFailed: (or a subclass) when docker itself failed
        """
        args = self.run_args(image, command, detach=detach, **options)
        if detach:
            done = self._runner.run(args, creates=True)
            if self._runner.dry_run:
                return str(options.get("name") or "")
            return done.out.strip()
        return self._foreground(args, output, bool(options.get("interactive")), bool(options.get("tty")), creates=True)

    def exec(self, name: str, command: Sequence[str], *, interactive: bool = False, tty: bool = False,
             env: Iterable[str] = (), workdir: str | None = None, user: str | None = None,
             output: Output = "capture", input: bytes | None = None) -> Completed:
        """`docker container exec`: run a command in a running container; its status is exit_code.

        :param input: bytes for the command's stdin (with output="capture"; implies interactive)
        """
        if isinstance(command, str):
            raise TypeError(f"command must be a list of arguments, e.g. [{command!r}], not a string")
        if not command:
            raise UsageError("exec needs a command to run")
        args = ["container", "exec"]
        interactive = interactive or input is not None
        if interactive:
            args.append("--interactive")
        if tty:
            args.append("--tty")
        args += repeat("--env", env)
        if workdir:
            args += ["--workdir", workdir]
        if user:
            args += ["--user", user]
        args += [*operands([name]), *command]
        return self._foreground(args, output, interactive, tty, input)

    def start(self, names: Sequence[str] | str, *, attach: bool = False, interactive: bool = False,
              output: Output = "capture") -> Completed:
        """`docker container start`; attached, exit_code is the container's own status."""
        args = ["container", "start"]
        if attach:
            args.append("--attach")
        if interactive:
            args.append("--interactive")
        args += operands(names_of(names, "container"))
        if attach or interactive:
            return self._foreground(args, output, interactive, interactive)
        return self._runner.run(args)

    def stop(self, names: Sequence[str] | str, *, time: int | None = None) -> list[str]:
        """`docker container stop`; returns the names docker confirmed."""
        args = ["container", "stop"]
        if time is not None:
            args += ["-t", str(time)]  # --time became --timeout in 28.x; -t means both
        done = self._runner.run([*args, *operands(names_of(names, "container"))])
        return done.out.split()

    def rm(self, names: Sequence[str] | str, *, force: bool = False, volumes: bool = False) -> list[str]:
        """`docker container rm`; with force, missing containers are no error (as docker has it)."""
        args = ["container", "rm"]
        if force:
            args.append("--force")
        if volumes:
            args.append("--volumes")
        done = self._runner.run([*args, *operands(names_of(names, "container"))])
        return done.out.split()

    # -- internals --------------------------------------------------------------------------------

    def _foreground(self, args: list[str], output: Output, interactive: bool, tty: bool,
                    input: bytes | None = None, creates: bool = False) -> Completed:
        if output == "terminal" and tty and interactive and not self._runner.dry_run and not sys.stdin.isatty():
            # docker would say only "the input device is not a TTY", with status 1.
            error = DockwrapError("the input device is not a TTY: -t needs a terminal on stdin")
            error.hint = "drop -t (keep -i to pipe input into the command), or run from a terminal"
            raise error
        if output == "terminal" and tty:
            code = self._runner.interactive(args)
            return Completed(tuple(self._runner.argv(args)), code)
        if output == "terminal":
            return self._runner.passthrough(args, stdin=interactive, hold_stderr=DOCKER_OWN_LINE.match, timeout=False)
        # A run makes its container first: an interrupt gives it a moment to (see Runner.run).
        done = self._runner.run(args, check=False, timeout=False, input=input, creates=RUN_GRACE_SECONDS if creates else False)
        if _docker_failed(done) or (done.exit_code != 0 and self._is_docker_error(done)):
            raise self._runner.error(done)
        return done

    def _is_docker_error(self, done: Completed) -> bool:
        # exec/logs of a missing container exit 1 with docker's own message only.
        return done.exit_code == 1 and not done.out and bool(_DOCKER_EXIT1.match(done.err))
