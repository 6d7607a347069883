"""The container verbs that run something, one docker call each: run, create, exec and start
(attached, in the foreground or on the terminal). `ContainerCommands` (api.py) has them."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, overload

from ..args import choice, flag, items, names_of, optional_text, text
from ..choices import PULL_POLICIES
from ..errors import ArgumentTypeError, NotATerminal, UsageError
from ..runner import Completed, Output
from ..verbs import Verbs

if TYPE_CHECKING:  # pragma: no cover
    from ..verbs import CommandLine

__all__ = ["RunningVerbs", "RUN_STATUSES", "EXEC_STATUSES"]

#: a list of str (one str is one item), or a mapping giving KEY=VALUE items
Items = Iterable[str] | Mapping[str, object] | str
#: words passed to docker verbatim
Words = Iterable[str] | str

#: the statuses with which `docker run` reports a failure of its own (before the container runs);
#: any other status is the container's
RUN_STATUSES = (125, 126, 127)
#: the same for exec and start (a missing, stopped or paused container is 1)
EXEC_STATUSES = (1, 125, 126, 127)
# How long an interrupted foreground run may go on (to get its container made: killed in the
# middle, docker may make it after whoever cleans up has looked).
RUN_GRACE_SECONDS = 3.0
_OUTPUTS = ("capture", "terminal")


class RunningVerbs(Verbs):
    """run, create, exec and start of `Docker().container`."""

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
