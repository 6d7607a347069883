"""Errors raised by dockwrap, and the one table that maps docker's stderr onto them.

    DockwrapError                     .exit_code: the status the CLI exits with
    ├── DockerNotFound                127: the docker binary is missing
    │   └── DockerNotExecutable       126: it exists but cannot be run
    ├── CommandTimeout                124: a docker call outlived --timeout
    │   └── NotConverged              124: a service did not reach its replicas in time
    ├── ParseError                    1: docker printed something we cannot read
    ├── UsageError                    2: bad arguments caught before any docker call (a ValueError)
    │   └── ArgumentTypeError         2: an argument of the wrong type (also a TypeError)
    └── DockerCommandFailed           docker's own status; carries argv, exit_status, stderr
        ├── DaemonUnreachable         1: no engine answers at the host or context used
        │   └── DaemonPermissionDenied 1: one answers, but its socket does not let this user in
        ├── NoSuchContext             1: --context names a context docker does not have
        ├── NoSuchContainer, NoSuchImage, NoSuchNetwork, NoSuchService
        ├── RemovalInProgress         `rm` of a container that is being removed already
        ├── NameConflict
        │   └── ServiceExists
        ├── PortInUse
        ├── NotSwarmManager           swarm commands on an engine that manages no swarm
        │   └── NotInSwarm            `swarm leave` outside a swarm
        └── AlreadyInSwarm            `swarm init` inside one

Docker's two clients on our machines (28.x and 20.10) word the same failure differently, add
help footers and stray log lines, and 28.x wraps everything in "Error response from daemon".
So failures are classified by searching stderr for patterns (ERROR_PATTERNS), never by equality.
"""

from __future__ import annotations

import re
from typing import Sequence

__all__ = [
    "DockwrapError",
    "DockerNotFound",
    "DockerNotExecutable",
    "CommandTimeout",
    "ParseError",
    "UsageError",
    "ArgumentTypeError",
    "DockerCommandFailed",
    "DaemonUnreachable",
    "DaemonPermissionDenied",
    "NoSuchContext",
    "NoSuchContainer",
    "RemovalInProgress",
    "NoSuchImage",
    "NoSuchNetwork",
    "NoSuchService",
    "NameConflict",
    "ServiceExists",
    "PortInUse",
    "NotSwarmManager",
    "NotInSwarm",
    "AlreadyInSwarm",
    "NotConverged",
    "classify",
    "docker_message",
]


class DockwrapError(Exception):
    """Base of every error dockwrap raises on purpose."""

    exit_code: int = 1
    #: an extra line the CLI prints after the error, telling the user what to do next
    hint: str | None = None


class DockerNotFound(DockwrapError):
    exit_code = 127

    def __init__(self, binary: str, detail: str = "not found") -> None:
        self.binary = binary
        super().__init__(f"docker binary {binary!r} {detail}")
        self.hint = "install the docker CLI, or name another one with --docker PATH or DOCKWRAP_DOCKER"


class DockerNotExecutable(DockerNotFound):
    exit_code = 126

    def __init__(self, binary: str) -> None:
        super().__init__(binary, "is not executable")


class CommandTimeout(DockwrapError):
    exit_code = 124

    def __init__(self, argv: Sequence[str], seconds: float) -> None:
        from .display import quote, redacted

        self.argv = tuple(redacted(argv))
        self.seconds = seconds

        super().__init__(f"timed out after {seconds:g}s and was killed: {quote(argv)}")
        self.hint = "raise the limit with --timeout SECONDS (or DOCKWRAP_TIMEOUT), 0 for none"


class NotConverged(CommandTimeout):
    """A service that did not get all its tasks running in time (`wait_converged`)."""

    def __init__(self, service: str, seconds: float, running: int, desired: int | None, detail: str | None = None) -> None:
        self.argv = ()
        self.seconds = seconds
        self.service = service
        self.running = running
        self.desired = desired
        wanted = "?" if desired is None else str(desired)
        text = f"service {service!r} did not converge within {seconds:g}s: {running}/{wanted} tasks running"
        if detail:
            text += f" ({detail})"
        DockwrapError.__init__(self, text)
        self.hint = f"see each task's state and error with: dockwrap service ps {service}"


class ParseError(DockwrapError):
    """Docker printed something that does not have the shape its version should print."""

    def __init__(self, command: str, detail: str, line: str | None = None) -> None:
        self.command = command
        self.detail = detail
        self.line = line
        text = f"cannot read the output of `{command}`: {detail}"
        if line is not None:
            shown = line if len(line) <= 200 else line[:200] + "..."
            text += f": {shown!r}"
        super().__init__(text)


class UsageError(DockwrapError, ValueError):
    """A bad argument, refused before any docker call: a value docker would not take, or (as
    ArgumentTypeError) a value of the wrong type. Also a ValueError, for Python callers."""

    exit_code = 2


class ArgumentTypeError(UsageError, TypeError):
    """An argument of the wrong type (`container.inspect(None)`, `Docker(host=5)`): a UsageError
    that is also a TypeError. The message names the parameter."""


class DockerCommandFailed(DockwrapError):
    """Docker ran and reported a failure.

    A verb on several objects (rm, stop, start, inspect of many) may fail for one after doing the
    others: `done` then holds what docker did, as the method would have returned it (the names
    removed, the objects inspected); None when there is nothing to tell.
    """

    done: object = None

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        from .display import redact_text, redacted

        self.argv = tuple(redacted(argv))
        self.exit_status = exit_status
        self.exit_code = exit_status if exit_status > 0 else 1
        self.stderr = redact_text(stderr, argv)
        self.stdout = redact_text(stdout, argv)
        # `docker exec` reports a command it cannot start on stdout (docker/cli#2025).
        self.message = (docker_message(self.stderr) or _oci_failure(self.stdout)
                        or f"docker exited with status {exit_status}")
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(argv={self.argv!r}, exit_status={self.exit_status}, message={self.message!r})"


class DaemonUnreachable(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.exit_code = 1
        self.endpoint = endpoint
        self.hint = (
            f"no Docker engine answers at {endpoint}: start one (scripts/engine up, or sudo dockerd), "
            "or point at one with --host URL, --context NAME or DOCKER_HOST"
        )


class DaemonPermissionDenied(DaemonUnreachable):
    """The engine's socket is there but does not let this user in (its mode and group): starting
    another engine would not help."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        match = re.search(r"daemon socket at (\S+?):? ", self.stderr)
        socket = match.group(1) if match else endpoint
        self.hint = (
            f"an engine answers at {socket}, but its socket does not let this user in (it lets in root and "
            "the socket's group, usually `docker`): run as root, or join that group (sudo usermod -aG docker "
            "$USER, then log in again), or point at another engine with --host URL or --context NAME"
        )


class NoSuchContext(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = "list contexts with: docker context ls; make one with: docker context create NAME --docker host=URL"


class NoSuchContainer(DockerCommandFailed):
    pass


class RemovalInProgress(DockerCommandFailed):
    """`rm` of a container the daemon is removing already (its `--rm`, or another `rm`): it is
    on its way out."""


class NoSuchImage(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = "list local images with: dockwrap image ls (this machine cannot pull; build or load the image)"


class NoSuchNetwork(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = "list networks with: dockwrap network ls"


class NoSuchService(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = "list services with: dockwrap service ls"


class NameConflict(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r'name "/?([^"]+)" is already in use', self.stderr)
        self.name = match.group(1) if match else None
        self.hint = "choose another --name, or remove the old container: dockwrap container rm -f NAME"


class ServiceExists(NameConflict):
    """`service create --name` of a name a service already has."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r"service (\S+) already exists", self.stderr)
        self.name = match.group(1) if match else None
        self.hint = "choose another --name, or remove the old service: dockwrap service rm NAME"


class NotSwarmManager(DockerCommandFailed):
    """Services and nodes live in a swarm; this engine manages none (or is only a worker)."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = (
            "make this engine a single-node swarm with: dockwrap swarm init --advertise-addr 127.0.0.1 "
            "(or point at a swarm manager with --host or --context)"
        )


class NotInSwarm(NotSwarmManager):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = "this engine is in no swarm, so there is nothing to leave"


class AlreadyInSwarm(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = (
            "this engine is in a swarm already; use it, or leave it first with: dockwrap swarm leave --force "
            "(that removes its services)"
        )


class PortInUse(DockerCommandFailed):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r"Bind for (\S+?) failed", self.stderr) or re.search(r"listen tcp4? (\S+?): bind", self.stderr)
        self.address = match.group(1) if match else None
        created = stdout.strip()
        self.hint = "publish another host port (-p 127.0.0.1:OTHER:PORT)"
        if created:
            self.hint += f"; docker created container {created[:12]} without starting it: dockwrap rm -f {created[:12]}"


#: How docker begins the line saying that no engine answers (or that the context naming one does
#: not exist): exec, logs and service logs print it bare, among the container's own output, so
#: these are held back and classified by the table below rather than shown as output.
NO_ENGINE_LINE = (r"Cannot connect to the Docker daemon|error during connect|"
                  r"(?:Got )?permission denied while trying to connect|failed to connect to the docker API|"
                  r"Failed to initialize: |unable to resolve docker endpoint: ")

#: (pattern searched in stderr, error class). The first match wins, so the more specific
#: patterns come first. Every pattern is tested against stderr recorded from both clients
#: (tests/unit/test_errors.py, tests/fixtures/errors/).
#: (Patterns are compiled on the first failure, by `re`'s own cache: a run that fails nowhere
#: never pays for them.)
ERROR_PATTERNS: tuple[tuple[str, type[DockerCommandFailed]], ...] = (
    (r"permission denied while trying to connect to the Docker daemon|"
     r"dial unix \S+: connect: permission denied", DaemonPermissionDenied),
    (r"Cannot connect to the Docker daemon|error during connect|"
     r"dial unix \S+: connect: |failed to connect to the docker API", DaemonUnreachable),
    (r'context "[^"]+"(: context not found| does not exist)', NoSuchContext),
    # the engine's swarm state says more than any name the message may also contain
    (r"This node is not a swarm manager", NotSwarmManager),
    (r"This node is not part of a swarm", NotInSwarm),
    (r"This node is already part of a swarm", AlreadyInSwarm),
    (r"port is already allocated|address already in use", PortInUse),
    (r'The container name "[^"]+" is already in use', NameConflict),
    (r"No such container|no container with name or ID", NoSuchContainer),
    (r"removal of container \S+ is already in progress", RemovalInProgress),
    (r"No such image|Unable to find image|pull access denied|manifest unknown|"
     r"repository does not exist", NoSuchImage),
    (r"No such network:|network \S+ not found", NoSuchNetwork),
    (r"No such service|no such task or service|service \S+ not found", NoSuchService),
    (r"name conflicts with an existing object", ServiceExists),
)

# Lines docker adds around the message that carry no information of their own.
_NOISE = (
    r"^(See '.*--help'\.?|Run '.*--help' for more information|Usage:.*|exit status \d+|"
    r"time=\".*\" level=\w+ msg=.*)$"
)


# 20.10's `service inspect` wraps the daemon's message: `Status: <message>, Code: 1`.
_STATUS_WRAPPER = r"^Status: (.*), Code: \d+$"
# A log line of docker's own: `time="..." level=error msg="error waiting for container: unexpected EOF"`.
_LOG_ERROR = r'^time=".*" level=(?:error|fatal) msg="((?:[^"\\]|\\.)*)"'


def _oci_failure(stdout: str) -> str:
    for line in stdout.splitlines()[:5]:
        if line.startswith("OCI runtime"):
            return line.strip()
    return ""


def docker_message(stderr: str) -> str:
    """The failure message in docker's stderr as one line, without help footers and log noise."""
    lines = [re.sub(_STATUS_WRAPPER, r"\1", line.strip()) for line in stderr.splitlines()]
    kept = [line for line in lines if line and not re.match(_NOISE, line)]
    if not kept:
        # Nothing but log lines (a `run` whose daemon died under it): the last error logged says why.
        logged = [match.group(1).replace('\\"', '"') for match in (re.match(_LOG_ERROR, line) for line in lines) if match]
        return logged[-1] if logged else ""
    # A failed `run` says "Unable to find image ... locally" before the real reason: keep both
    # (but once: `rm a b` with no daemon says the same for each name).
    message = "; ".join(dict.fromkeys(kept))
    if message.startswith("docker: "):
        message = message[len("docker: "):]
    return message.rstrip(".")


def classify(
    argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = ""
) -> DockerCommandFailed:
    """The error that a failed docker call (non-zero exit) stands for."""
    for pattern, cls in ERROR_PATTERNS:
        if re.search(pattern, stderr, re.IGNORECASE):
            if issubclass(cls, DaemonUnreachable):
                return cls(argv, exit_status, stderr, stdout, endpoint)  # type: ignore[call-arg]
            return cls(argv, exit_status, stderr, stdout)
    return DockerCommandFailed(argv, exit_status, stderr, stdout)
