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
        │   ├── DaemonPermissionDenied 1: one answers, but its socket does not let this user in
        │   ├── SSHHostKeyUnknown, SSHConnectionRefused, SSHAuthFailed, RemoteDockerMissing
        │   └── TLSRequired, TLSBadCertificate, TLSNameMismatch
        ├── TLSFileMissing            a CA, certificate or key file named for TLS is missing
        ├── NoSuchContext             1: --context names a context docker does not have
        ├── NoSuchContainer, NoSuchImage, NoSuchNetwork, NoSuchService
        ├── RemovalInProgress         `rm` of a container that is being removed already
        ├── NameConflict
        │   └── ServiceExists
        ├── PortInUse
        ├── NotSwarmManager           swarm commands on an engine that manages no swarm
        │   └── NotInSwarm            `swarm leave` outside a swarm
        ├── AlreadyInSwarm            `swarm init` inside one
        ├── NoSuchVolume, NoSuchPath  (a path in a container, for `cp`)
        ├── VolumeInUse               `volume rm` of a volume a container uses
        ├── ContainerNotRunning       kill, pause, exec, top of a stopped container
        ├── ContainerPaused           exec in (or pause of) a paused container
        ├── ContextInUse              `context rm` of the current context
        ├── RegistryUnreachable       a registry that refused, timed out or does not exist
        ├── NoSuchTag (a NoSuchImage) a tag or repository the registry does not have
        ├── AccessDenied              the registry refused the credentials or the access
        │   ├── NotLoggedIn           it wants credentials and docker has none for it
        │   └── LoginFailed           `login` with a wrong user or password
        ├── BuildFailed               a build step failed (`step`, `output`), or no Dockerfile
        └── ImageInUse                `image rm` of an image a container uses

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
    "NoSuchVolume",
    "NoSuchPath",
    "VolumeInUse",
    "ContainerNotRunning",
    "ContainerPaused",
    "ContextInUse",
    "RegistryUnreachable",
    "NoSuchTag",
    "AccessDenied",
    "NotLoggedIn",
    "LoginFailed",
    "BuildFailed",
    "ImageInUse",
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


class NoSuchVolume(DockerCommandFailed):
    pass


class NoSuchPath(DockerCommandFailed):
    """`cp` of a path the container does not have. 20.10 says `No such container:path: C:P` for a
    missing container too, so there it may be either."""


class VolumeInUse(DockerCommandFailed):
    """`volume rm` (--force too) of a volume that a container, running or not, mounts."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r"volume is in use - \[([^\]]*)\]", self.stderr)
        #: the IDs of the containers that use it, as docker names them
        self.containers = [item.strip() for item in match.group(1).split(",") if item.strip()] if match else []


class ContainerNotRunning(DockerCommandFailed):
    """kill, pause, exec or top of a container that is created or exited."""


class ContainerPaused(DockerCommandFailed):
    """exec in a paused container, or pause of one."""


class ContextInUse(DockerCommandFailed):
    """`context rm` of the current context, without --force."""
class RegistryUnreachable(DockerCommandFailed):
    """The registry of a pull, push or login did not answer (refused, unknown host, timed out,
    or plain HTTP where docker wants HTTPS)."""


class NoSuchTag(NoSuchImage):
    """The registry has no such tag or repository (manifest unknown)."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        self.hint = None  # NoSuchImage's is about local images


class AccessDenied(DockerCommandFailed):
    """The registry refused the credentials docker sent, or what the account asked to do."""


class NotLoggedIn(AccessDenied):
    """The registry wants credentials and docker has none for it."""


class LoginFailed(AccessDenied):
    """`login` with a user or password the registry does not take."""


class BuildFailed(DockerCommandFailed):
    """A build that stopped: at a step (`step`, the instruction, and `output`, what its command
    printed, when the build's stdout was captured), or before any (no Dockerfile, a bad one)."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        from .image.records.build import failed_step

        found = failed_step(self.stdout)
        self.step = found.instruction if found else None
        self.output = list(found.output) if found else []


class ImageInUse(DockerCommandFailed):
    """`image rm` of an image a container uses (`container`: its short ID)."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r"container ([0-9a-f]{12})", self.stderr)
        self.container = match.group(1) if match else None


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
    (r"No such container(?!:path)|no container with name or ID", NoSuchContainer),
    (r"removal of container \S+ is already in progress", RemovalInProgress),
    (r"returned a non-zero code: \d+|unable to prepare context|dockerfile parse error|(?:COPY|ADD) failed|"
     r"Cannot locate specified Dockerfile", BuildFailed),
    (r"conflict: unable to (?:delete|remove repository reference) .* - (?:container \S+ is using its "
     r"referenced image|image is being used by \w+ container)", ImageInUse),
    (r"login attempt to \S+ failed with status: 40[13]|unauthorized: incorrect username or password", LoginFailed),
    (r"no basic auth credentials", NotLoggedIn),
    # Docker Hub's "pull access denied ... may require 'docker login': denied: ..." may as well
    # mean no such repository: NoSuchImage below
    (r"unauthorized: authentication required|"
     r"(?<!may require 'docker login': )denied: requested access to the resource is denied", AccessDenied),
    (r"manifest for \S+ not found|manifest unknown|name unknown", NoSuchTag),
    (r'(?:Get|Head|Put|Post|Patch) "https?://[^"]+": (?:dial tcp|net/http: |context deadline exceeded|EOF|'
     r"http: server gave HTTP response to HTTPS client)", RegistryUnreachable),
    (r"No such image|Unable to find image|pull access denied|manifest unknown|"
     r"repository does not exist", NoSuchImage),
    (r"No such network:|network \S+ not found", NoSuchNetwork),
    (r"No such service|no such task or service|service \S+ not found", NoSuchService),
    (r"name conflicts with an existing object", ServiceExists),
    (r"no such volume", NoSuchVolume),
    (r"No such container:path: |Could not find the file \S+ in container", NoSuchPath),
    (r"volume is in use", VolumeInUse),
    (r"Container \S+ is not running", ContainerNotRunning),
    (r"Container \S+ is (?:already )?paused", ContainerPaused),
    (r'context (?:"[^"]+" )?is in use', ContextInUse),
    (r'Current context "[^"]+" is not found', NoSuchContext),
)

# Lines docker adds around the message that carry no information of their own.
_NOISE = (
    r"^(See '.*--help'\.?|(?:Run|Try) '.*--help' for more information|Usage:.*|exit status \d+|"
    r"time=\".*\" level=\w+ msg=.*|"
    # 28.x's classic builder, before any build's own output or error
    r"DEPRECATED: The legacy builder is deprecated.*|Install the buildx component to build images with BuildKit:|"
    r"https://docs\.docker\.com/go/buildx/)$"
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


# -- Remote engines (SSH, TLS) and podman's wording ---------------------------------------------
# docker reports an ssh:// failure as "error during connect: ... command [ssh ... docker system
# dial-stdio] has exited with exit status N, ...: stderr=<ssh's own stderr>", and a TLS failure as
# Go's crypto/tls or x509 error; both are searched before the DaemonUnreachable pattern, which they
# would match too. Recorded from both clients: tests/fixtures/errors/<client>/{ssh,tls}-*.txt.


class SSHHostKeyUnknown(DaemonUnreachable):
    """ssh does not trust the host's key (unknown, or changed), and docker's ssh cannot ask."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        self.hint = (f"ssh does not trust the host key of {endpoint}: check and accept it once with a plain "
                     "`ssh -p PORT USER@HOST` (docker's ssh cannot ask), then run this again")


class SSHConnectionRefused(DaemonUnreachable):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        self.hint = (f"no SSH server answers at {endpoint}: check the host and the port in the URL "
                     "(ssh://USER@HOST:PORT) and that sshd runs there")


class SSHAuthFailed(DaemonUnreachable):
    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        self.hint = (f"the SSH server refused the login for {endpoint}: check the user in the URL and that "
                     "`ssh USER@HOST` logs in with a key and no prompt (ssh-agent, ~/.ssh/config)")


class RemoteDockerMissing(DaemonUnreachable):
    """The SSH login works, but the docker there cannot be run or reaches no engine."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        if "docker.example.com. Is the docker daemon running" in stderr:
            # docker's placeholder host of a connection through ssh: the remote docker answered
            self.hint = (f"the docker on the SSH host of {endpoint} reaches no engine at its socket (the path "
                         "in the URL, or its default): check there with: ssh USER@HOST docker version")
        else:
            self.hint = (f"the SSH host of {endpoint} has no `docker` (18.09+) on the PATH of a non-interactive "
                         "login: install it there, or put it on that PATH")


class TLSRequired(DaemonUnreachable):
    """Plain HTTP to an engine that speaks TLS."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        self.hint = (f"the engine at {endpoint} speaks TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH=DIR "
                     "(ca.pem, cert.pem, key.pem), or use a context made with "
                     "docker context create NAME --docker 'host=tcp://HOST:PORT,ca=...,cert=...,key=...'")


class TLSFileMissing(DockerCommandFailed):
    """A CA, certificate or key file that the TLS settings name does not exist."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout)
        match = re.search(r"open (\S+\.pem): no such file", self.stderr)
        self.path = match.group(1) if match else None
        self.hint = ("TLS needs ca.pem, cert.pem and key.pem: point DOCKER_CERT_PATH (or --tlscacert, "
                     "--tlscert, --tlskey) at the files; without either, docker looks in ~/.docker/")


class TLSBadCertificate(DaemonUnreachable):
    """One side does not accept the other's certificate."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        if re.search(r"unknown authority", stderr):
            self.hint = (f"the certificate of the engine at {endpoint} is not signed by the CA given: ca.pem "
                         "(--tlscacert) must be the CA that signed the engine's certificate")
        else:
            self.hint = (f"the engine at {endpoint} refused the client certificate: use the cert.pem and "
                         "key.pem signed by the engine's CA (DOCKER_CERT_PATH, or --tlscert and --tlskey)")


class TLSNameMismatch(DaemonUnreachable):
    """The engine's certificate does not cover the host name or address of the URL."""

    def __init__(self, argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = "") -> None:
        super().__init__(argv, exit_status, stderr, stdout, endpoint)
        match = re.search(r"certificate is valid for (.+?), not (\S+)", stderr)
        self.covered = match.group(1) if match else None
        self.hint = (f"the certificate of the engine at {endpoint} does not cover the host in the URL: connect by "
                     f"a name or address it covers ({self.covered or 'see its subjectAltName'}), or reissue it "
                     "with this one")


REMOTE_ERROR_PATTERNS: tuple[tuple[str, type[DockerCommandFailed]], ...] = (
    (r"Host key verification failed|host key is known for|REMOTE HOST IDENTIFICATION HAS CHANGED", SSHHostKeyUnknown),
    (r"ssh: connect to host \S+ port \d+: Connection refused", SSHConnectionRefused),
    (r"Permission denied \(publickey", SSHAuthFailed),
    (r"dial-stdio\] has exited with exit status 127|"
     r"Cannot connect to the Docker daemon at http://docker\.example\.com\b", RemoteDockerMissing),
    (r"Client sent an HTTP request to an HTTPS server", TLSRequired),
    (r"unable to resolve docker endpoint: open \S+\.pem: no such file", TLSFileMissing),
    (r"remote error: tls: bad certificate|x509: certificate signed by unknown authority", TLSBadCertificate),
    (r"x509: certificate is (valid for .+, not|not valid for any names)", TLSNameMismatch),
)

#: podman 4.x words a missing image or network in its own way (its other messages match the table)
PODMAN_ERROR_PATTERNS: tuple[tuple[str, type[DockerCommandFailed]], ...] = (
    (r": image not known", NoSuchImage),
    (r"unable to find network with name or ID \S+: network not found", NoSuchNetwork),
)

ERROR_PATTERNS = REMOTE_ERROR_PATTERNS + ERROR_PATTERNS + PODMAN_ERROR_PATTERNS
__all__ += ["SSHHostKeyUnknown", "SSHConnectionRefused", "SSHAuthFailed", "RemoteDockerMissing", "TLSRequired",
            "TLSFileMissing", "TLSBadCertificate", "TLSNameMismatch"]


# -- usage errors of the CLI: a command line docker would refuse, told before any docker call -----

class CommandLineError(UsageError):
    """A command line docker would refuse (an unknown option or command, an option without its
    value): docker's own words, docker's usage line(s) of the command, and the closest spelling
    docker has (`suggestion`) when one is close. `token` is the word docker would stop at."""

    def __init__(self, message: str, usage: Sequence[str] = (), suggestion: str | None = None, token: str = "") -> None:
        self.usage = tuple(usage)
        self.suggestion = suggestion
        self.token = token
        super().__init__(message)


__all__ += ["CommandLineError"]
