"""`Docker().container`: the container verbs as Python methods, one docker call each."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, overload

from ..args import choice, flag, items, names_of, optional_text, text, whole
from ..choices import PULL_POLICIES
from ..errors import ArgumentTypeError, NotATerminal, UsageError
from ..logs import LogsVerb
from ..parse.ports import PortMapping, parse_port_lines
from ..parse.record import field_value
from ..runner import Completed, Output
from .lifecycle import LifecycleVerbs
from .records.ls import Container, parse_container_ls

if TYPE_CHECKING:  # pragma: no cover
    from ..verbs import CommandLine
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

#: the statuses with which `docker run` reports a failure of its own (before the container runs);
#: any other status is the container's
RUN_STATUSES = (125, 126, 127)
#: the same for exec and start (a missing, stopped or paused container is 1)
EXEC_STATUSES = (1, 125, 126, 127)
# How long an interrupted foreground run may go on (to get its container made: killed in the
# middle, docker may make it after whoever cleans up has looked).
RUN_GRACE_SECONDS = 3.0
_OUTPUTS = ("capture", "terminal")


class ContainerCommands(LogsVerb, LifecycleVerbs):
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

    # -- running --------------------------------------------------------------------------------

    @overload
    def run(
        self,
        image: str,
        command: Sequence[str] | str | None = ...,
        *,
        detach: Literal[True],
        output: Output = ...,
        name: str | None = ...,
        publish: Items = ...,
        env: Items = ...,
        env_file: str | None = ...,
        network: str | None = ...,
        network_aliases: Items = ...,
        links: Items = ...,
        remove: bool = ...,
        init: bool = ...,
        pull: str | None = ...,
        interactive: bool = ...,
        tty: bool = ...,
        labels: Items | None = ...,
        workdir: str | None = ...,
        entrypoint: str | None = ...,
        hostname: str | None = ...,
        docker_args: Words = ...,
        **options: object,
    ) -> str: ...
    @overload
    def run(
        self,
        image: str,
        command: Sequence[str] | str | None = ...,
        *,
        detach: Literal[False] = ...,
        output: Output = ...,
        name: str | None = ...,
        publish: Items = ...,
        env: Items = ...,
        env_file: str | None = ...,
        network: str | None = ...,
        network_aliases: Items = ...,
        links: Items = ...,
        remove: bool = ...,
        init: bool = ...,
        pull: str | None = ...,
        interactive: bool = ...,
        tty: bool = ...,
        labels: Items | None = ...,
        workdir: str | None = ...,
        entrypoint: str | None = ...,
        hostname: str | None = ...,
        docker_args: Words = ...,
        **options: object,
    ) -> Completed: ...

    def run(
        self,
        image: str,
        command: Sequence[str] | str | None = None,
        *,
        detach: bool = False,
        output: Output = "capture",
        name: str | None = None,
        publish: Items = (),
        env: Items = (),
        env_file: str | None = None,
        network: str | None = None,
        network_aliases: Items = (),
        links: Items = (),
        remove: bool = False,
        init: bool = False,
        pull: str | None = None,
        interactive: bool = False,
        tty: bool = False,
        labels: Items | None = None,
        workdir: str | None = None,
        entrypoint: str | None = None,
        hostname: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str | Completed:
        """`docker container run`. The everyday options are typed keywords; any other of docker's
        run options is a keyword too (`volume=["data:/data"]`, `restart="unless-stopped"`,
        `memory="64m"`, `cap_add=["NET_ADMIN"]`); `docker_args` words are passed verbatim.

        :param command: the container's command, a list of arguments (one str is one argument)
        :param entrypoint: "" clears the image's entrypoint
        :returns: detached (detach=True, or `-d` in docker_args) the new container's ID (under
            --dry-run: its name, or ""); otherwise the finished run, whose exit_code is the
            container command's own. With output="terminal" the container's output goes to our
            stdout and stderr, and with interactive and tty the terminal is handed to it.
        :raises DockerCommandFailed: (or a subclass) when docker itself failed: a status of
            RUN_STATUSES with nothing but docker's own lines (dockwrap.relay)
        """
        keywords = _container_keywords(
            detach=flag(detach, "detach"),
            interactive=interactive,
            tty=tty,
            remove=remove,
            init=init,
            name=name,
            hostname=hostname,
            labels=labels,
            env=env,
            env_file=env_file,
            network=network,
            network_aliases=network_aliases,
            links=links,
            publish=publish,
            workdir=workdir,
            entrypoint=entrypoint,
            pull=pull,
        )
        line = self._line(
            "run", [text(image, "image", empty=False)], keywords, options, docker_args, tail=items(command, "command")
        )
        output = choice(output, "output", _OUTPUTS)  # type: ignore[assignment]
        if line.flag("detach"):
            done = self._runner.run(line.argv, creates=True)
            if self._runner.dry_run:
                return line.value("name") or ""
            return done.out.strip()
        return self._foreground(line, output, RUN_STATUSES, creates=True)

    def create(
        self,
        image: str,
        command: Sequence[str] | str | None = None,
        *,
        name: str | None = None,
        publish: Items = (),
        env: Items = (),
        env_file: str | None = None,
        network: str | None = None,
        network_aliases: Items = (),
        links: Items = (),
        remove: bool = False,
        init: bool = False,
        pull: str | None = None,
        interactive: bool = False,
        tty: bool = False,
        labels: Items | None = None,
        workdir: str | None = None,
        entrypoint: str | None = None,
        hostname: str | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> str:
        """`docker container create`: a container made and not started (`start` starts it); the
        keywords are run's. Returns its ID (under --dry-run: its name, or "")."""
        keywords = _container_keywords(
            interactive=interactive,
            tty=tty,
            remove=remove,
            init=init,
            name=name,
            hostname=hostname,
            labels=labels,
            env=env,
            env_file=env_file,
            network=network,
            network_aliases=network_aliases,
            links=links,
            publish=publish,
            workdir=workdir,
            entrypoint=entrypoint,
            pull=pull,
        )
        line = self._line(
            "create",
            [text(image, "image", empty=False)],
            keywords,
            options,
            docker_args,
            tail=items(command, "command"),
        )
        done = self._runner.run(line.argv, creates=True)
        return (line.value("name") or "") if self._runner.dry_run else done.out.strip()

    def exec(
        self,
        name: str,
        command: Sequence[str] | str,
        *,
        interactive: bool = False,
        tty: bool = False,
        env: Items = (),
        workdir: str | None = None,
        user: str | None = None,
        detach: bool = False,
        env_file: Items = (),
        privileged: bool = False,
        output: Output = "capture",
        input: bytes | None = None,
        docker_args: Words = (),
        **options: object,
    ) -> Completed:
        """`docker container exec`: run a command in a running container; its status is exit_code.

        :param command: a list of arguments (one str is one argument)
        :param detach: start it and return at once (docker prints nothing; exit_code is 0 once it started)
        :param env_file: files of `KEY=VALUE` lines, read by docker on this machine
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
        keywords = {
            "interactive": flag(interactive, "interactive") or input is not None,
            "tty": flag(tty, "tty"),
            "env": items(env, "env"),
            "workdir": optional_text(workdir, "workdir") or None,
            "user": optional_text(user, "user") or None,
            "detach": flag(detach, "detach"),
            "env_file": items(env_file, "env_file"),
            "privileged": flag(privileged, "privileged"),
        }
        line = self._line("exec", [text(name, "name", empty=False)], keywords, options, docker_args, tail=listed)
        return self._foreground(line, choice(output, "output", _OUTPUTS), EXEC_STATUSES, input)  # type: ignore[arg-type]

    def start(
        self,
        names: Sequence[str] | str,
        *,
        attach: bool = False,
        interactive: bool = False,
        output: Output = "capture",
        docker_args: Words = (),
        **options: object,
    ) -> Completed:
        """`docker container start`; attached, exit_code is the container's own status.

        :raises DockerCommandFailed: when one does not start; its `done` names those that did
        """
        keywords = {"attach": flag(attach, "attach"), "interactive": flag(interactive, "interactive")}
        line = self._line("start", names_of(names, "container"), keywords, options, docker_args)
        output = choice(output, "output", _OUTPUTS)  # type: ignore[assignment]
        if line.flag("attach") or line.flag("interactive"):
            return self._foreground(line, output, EXEC_STATUSES, tty=line.flag("interactive"))
        return self._runner.run(line.argv, done_of=str.splitlines)

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

    # -- internals --------------------------------------------------------------------------------

    def _foreground(
        self,
        line: CommandLine,
        output: Output,
        statuses: tuple[int, ...],
        input: bytes | None = None,
        creates: bool = False,
        tty: bool | None = None,
    ) -> Completed:
        interactive = line.flag("interactive")
        tty = line.flag("tty") if tty is None else tty
        args = line.argv
        if output == "terminal" and tty and interactive and not self._runner.dry_run and not sys.stdin.isatty():
            raise NotATerminal("the input device is not a TTY: -t needs a terminal on stdin")
        if output == "terminal" and tty:
            code = self._runner.interactive(args)
            return Completed(tuple(self._runner.argv(args)), code)
        if output == "terminal":
            return self._runner.passthrough(args, stdin=interactive, timeout=False, docker_statuses=statuses)
        from ..relay import DOCKER_LINE, docker_failed

        # A run makes its container first: an interrupt gives it a moment to (see Runner.run).
        done = self._runner.run(
            args, check=False, timeout=False, input=input, creates=RUN_GRACE_SECONDS if creates else False
        )
        if docker_failed(done.exit_code, statuses, done.stdout, done.stderr, DOCKER_LINE.match):
            raise self._runner.error(done)
        return done


def _container_keywords(
    *,
    interactive: object,
    tty: object,
    remove: object,
    init: object,
    name: object,
    hostname: object,
    labels: object,
    env: object,
    env_file: object,
    network: object,
    network_aliases: object,
    links: object,
    publish: object,
    workdir: object,
    entrypoint: object,
    pull: object,
    detach: bool | None = None,
) -> dict[str, object]:
    """The typed keywords that run and create share, checked (detach: run's only)."""
    return {
        "detach": detach,
        "interactive": flag(interactive, "interactive"),
        "tty": flag(tty, "tty"),
        "remove": flag(remove, "remove"),
        "init": flag(init, "init"),
        "name": optional_text(name, "name") or None,
        "hostname": optional_text(hostname, "hostname") or None,
        "labels": items(labels, "labels"),
        "env": items(env, "env"),
        "env_file": optional_text(env_file, "env_file") or None,
        "network": optional_text(network, "network") or None,
        "network_aliases": items(network_aliases, "network_aliases"),
        "links": items(links, "links"),
        "publish": items(publish, "publish"),
        "workdir": optional_text(workdir, "workdir") or None,
        "entrypoint": optional_text(entrypoint, "entrypoint"),
        "pull": None if pull is None else choice(pull, "pull", PULL_POLICIES),
    }
