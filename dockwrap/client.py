"""`Docker`: the Python entry point, one attribute per docker noun (from one table) and `call()`
for any docker command."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .runner import Runner

if TYPE_CHECKING:  # pragma: no cover
    from .container.api import ContainerCommands
    from .context.api import ContextCommands
    from .image.api import ImageCommands
    from .image.registry import RegistryCommands
    from .network.api import NetworkCommands
    from .node.api import NodeCommands
    from .runner import Completed, Output
    from .service.api import ServiceCommands
    from .swarm.api import SwarmCommands
    from .system.api import SystemCommands
    from .system.records import VersionInfo
    from .volume.api import VolumeCommands

__all__ = ["Docker", "NOUNS"]

#: every noun of the API: `Docker().NAME` -> "module:class" (a `dockwrap.verbs.Verbs`), imported on
#: first use. Adding a noun is one line here (and its annotation in `Docker`, for type checkers).
NOUNS: dict[str, str] = {
    "container": "dockwrap.container.api:ContainerCommands",
    "context": "dockwrap.context.api:ContextCommands",
    "image": "dockwrap.image.api:ImageCommands",
    "network": "dockwrap.network.api:NetworkCommands",
    "node": "dockwrap.node.api:NodeCommands",
    "registry": "dockwrap.image.registry:RegistryCommands",
    "service": "dockwrap.service.api:ServiceCommands",
    "swarm": "dockwrap.swarm.api:SwarmCommands",
    "system": "dockwrap.system.api:SystemCommands",
    "volume": "dockwrap.volume.api:VolumeCommands",
}

#: with output="terminal", the statuses with which docker tells a failure of its own: any (docker is
#: the command; a container's status comes back only through the verbs that run one)
_ANY_STATUS = range(1, 256)


class Docker:
    """A docker CLI to drive: `Docker(binary="docker", context=None, host=None, explain=False,
    dry_run=False, timeout=None, *, config=None, tls=None, tlsverify=None, tlscacert=None,
    tlscert=None, tlskey=None, debug=None, log_level=None, record=None)`.

    The engine: `host` (`--host URL`: unix://, tcp://, ssh://user@host) or `context`, and docker's
    other global options under their docker names, passed to every call (`--tlsverify
    --tlscacert PATH ...`, `--config DIR`); what is not given docker takes from its environment
    (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONFIG).
    `record`: a file every call is appended to, as bash (--record).

    Nothing runs until a method is called; each method is one docker call unless its
    documentation says otherwise. Every method checks its arguments first: a wrong type is an
    ArgumentTypeError (also a TypeError), a value docker would not take a UsageError (also a
    ValueError), each naming the parameter; both are DockwrapErrors (exit status 2 on the CLI).

        d = Docker()
        d.container.run("busybox", ["sleep", "60"], detach=True, name="a", memory="64m")
        [c.name for c in d.container.ls()]
        d.call("volume create", "data")             # any docker command, checked by the table
        d.call_json("volume inspect", "data")       # [{"name": "data", "driver": "local", ...}]
    """

    if TYPE_CHECKING:  # pragma: no cover
        container: ContainerCommands
        context: ContextCommands
        image: ImageCommands
        network: NetworkCommands
        node: NodeCommands
        registry: RegistryCommands
        service: ServiceCommands
        swarm: SwarmCommands
        system: SystemCommands
        volume: VolumeCommands

    def __init__(
        self,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
        *,
        config: str | None = None,
        tls: bool | None = None,
        tlsverify: bool | None = None,
        tlscacert: str | None = None,
        tlscert: str | None = None,
        tlskey: str | None = None,
        debug: bool | None = None,
        log_level: str | None = None,
        record: str | None = None,
    ) -> None:
        self.runner = Runner(
            binary=binary,
            context=context,
            host=host,
            explain=explain,
            dry_run=dry_run,
            timeout=timeout,
            config=config,
            tls=tls,
            tlsverify=tlsverify,
            tlscacert=tlscacert,
            tlscert=tlscert,
            tlskey=tlskey,
            debug=debug,
            log_level=log_level,
            record=record,
        )

    @classmethod
    def on(cls, runner: Runner) -> Docker:
        """A Docker whose calls go through `runner`."""
        docker = cls.__new__(cls)
        docker.runner = runner
        return docker

    def with_settings(self, **changes: Any) -> Docker:
        """A Docker for the same engine, sharing the docker children running now, whose calls get
        another `timeout` (seconds; None: no limit), `dry_run_suffix` (appended to each line
        --dry-run prints) or `explain` (-x: each call shown on stderr). This one stays as it is: threads that
        share it see none of it."""
        return Docker.on(self.runner.with_settings(**changes))

    def __repr__(self) -> str:
        from .display import redact_url

        r = self.runner
        host = None if r.host is None else redact_url(r.host)
        options = "".join(f", {key}={value!r}" for key, value in r.options.items())
        return f"Docker(binary={r.binary!r}, context={r.context!r}, host={host!r}{options})"

    def __getattr__(self, name: str) -> Any:
        # the nouns, each made once, on first use (the other attributes never come here)
        where = NOUNS.get(name)
        if where is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        module, _, cls = where.partition(":")
        verbs = self.__dict__[name] = getattr(import_module(module), cls)(self.runner)
        return verbs

    def __dir__(self) -> Iterable[str]:
        return [*super().__dir__(), *NOUNS]

    @property
    def dry_run(self) -> bool:
        return self.runner.dry_run

    def version(self) -> VersionInfo:
        """`docker version`: client and server versions."""
        return self.system.version()

    def call(
        self,
        path: str | Iterable[str],
        *operands: str,
        docker_args: Iterable[str] | str = (),
        check: bool = True,
        output: Output = "capture",
        **options: object,
    ) -> Completed:
        """Run any docker command: `call("volume create", "data", label={"a": "b"})`.

        PATH is the command as docker spells it (`"volume ls"`, `("image", "history")`, a shortcut
        such as `"ps"`), checked by the table; OPERANDS follow the options (after `--` when one
        starts with `-`); OPTIONS are any of the command's options as snake_case keywords, checked
        as every method checks them; `docker_args` words are passed verbatim.

        :param check: raise the classified error when docker fails (else read `exit_code`)
        :param output: "capture" (returned) or "terminal" (docker writes to our stdout and
            stderr, and reads our stdin)
        :returns: the finished call (status, stdout, stderr; with output="terminal" no output)
        :raises UsageError: docker has no such command, or PATH names a group
        """
        from .args import choice, text
        from .errors import DockerCommandFailed
        from .runner import Completed
        from .verbs import command_line, find_command

        line = command_line(
            find_command(path), [text(word, "operands") for word in operands], None, options, docker_args
        )
        if choice(output, "output", ("capture", "terminal")) == "capture":
            return self.runner.run(line.argv, check=check)
        try:
            return self.runner.passthrough(line.argv, stdin=True, docker_statuses=_ANY_STATUS, stdout_is_data=True)
        except DockerCommandFailed as error:
            if check:
                raise
            return Completed(error.argv, error.exit_status, error.stdout.encode(), error.stderr.encode())

    def call_json(
        self, path: str | Iterable[str], *operands: str, docker_args: Iterable[str] | str = (), **options: object
    ) -> list[dict[str, Any]]:
        """Run a docker command that prints JSON and return its objects as plain dicts with
        snake_case keys (`docker volume inspect` -> `[{"name": ..., "mountpoint": ...}]`).

        `--format '{{json .}}'` is added where the command has `--format` and the caller gave
        none; an inspect's JSON array, one object per line, and one object are all read. Keys that
        are data (labels, options, network names) keep their spelling (dockwrap.parse.snake).

        :raises ParseError: docker printed something that is not JSON objects
        """
        from .args import text
        from .parse.jsonlines import load_objects
        from .parse.snake import snake_keys
        from .verbs import command_line, find_command

        command = find_command(path)
        line = command_line(command, [text(word, "operands") for word in operands], None, options, docker_args)
        if command.option("format") is not None and not line.given("format"):
            line = line.formatted("{{json .}}", "call_json")
        done = self.runner.run(line.argv)
        return [snake_keys(obj) for obj in load_objects(done.out, f"docker {command.name}")]
