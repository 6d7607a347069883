"""The one table that maps docker's stderr onto the error classes, and `classify`.

Docker's two clients on our machines (28.x and 20.10) word the same failure differently, add
help footers and stray log lines, and 28.x wraps everything in "Error response from daemon".
So failures are classified by searching stderr for patterns, never by equality. The first match
wins, so the more specific patterns come first. Every pattern is tested against stderr recorded
from both clients (tests/unit/test_errors*.py, tests/fixtures/errors/). Patterns are compiled on
the first failure, by `re`'s own cache: a run that fails nowhere never pays for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .base import DockerCommandFailed
from .engine import (
    ContextInUse,
    DaemonPermissionDenied,
    DaemonUnreachable,
    NoSuchContext,
    RemoteDockerMissing,
    SSHAuthFailed,
    SSHConnectionRefused,
    SSHHostKeyUnknown,
    TLSBadCertificate,
    TLSFileMissing,
    TLSNameMismatch,
    TLSRequired,
)
from .objects import (
    AlreadyInSwarm,
    ContainerNotRunning,
    ContainerPaused,
    NameConflict,
    NoSuchContainer,
    NoSuchImage,
    NoSuchNetwork,
    NoSuchPath,
    NoSuchService,
    NoSuchVolume,
    NotInSwarm,
    NotSwarmManager,
    PortInUse,
    RemovalInProgress,
    ServiceExists,
    VolumeInUse,
)
from .registry import AccessDenied, BuildFailed, ImageInUse, LoginFailed, NoSuchTag, NotLoggedIn, RegistryUnreachable

__all__ = ["ERROR_PATTERNS", "NO_ENGINE_LINE", "classify"]

#: How docker begins the line saying that no engine answers (or that the context naming one does
#: not exist): exec, logs and service logs print it bare, among the container's own output, so
#: these are held back and classified by the table below rather than shown as output.
NO_ENGINE_LINE = (
    r"Cannot connect to the Docker daemon|error during connect|"
    r"(?:Got )?permission denied while trying to connect|failed to connect to the docker API|"
    r"Failed to initialize: |unable to resolve docker endpoint: "
)

#: (pattern searched in stderr, error class): one line per class.
ERROR_PATTERNS: tuple[tuple[str, type[DockerCommandFailed]], ...] = (
    # SSH and TLS failures first: the DaemonUnreachable pattern matches them too
    (r"Host key verification failed|host key is known for|REMOTE HOST IDENTIFICATION HAS CHANGED", SSHHostKeyUnknown),
    (r"ssh: connect to host \S+ port \d+: Connection refused", SSHConnectionRefused),
    (r"Permission denied \(publickey", SSHAuthFailed),
    (
        r"dial-stdio\] has exited with exit status 127|"
        r"Cannot connect to the Docker daemon at http://docker\.example\.com\b",
        RemoteDockerMissing,
    ),
    (r"Client sent an HTTP request to an HTTPS server", TLSRequired),
    (r"unable to resolve docker endpoint: open \S+\.pem: no such file", TLSFileMissing),
    (r"remote error: tls: bad certificate|x509: certificate signed by unknown authority", TLSBadCertificate),
    (r"x509: certificate is (valid for .+, not|not valid for any names)", TLSNameMismatch),
    (
        r"permission denied while trying to connect to the Docker daemon|"
        r"dial unix \S+: connect: permission denied",
        DaemonPermissionDenied,
    ),
    (
        r"Cannot connect to the Docker daemon|error during connect|"
        r"dial unix \S+: connect: |failed to connect to the docker API",
        DaemonUnreachable,
    ),
    (r'context "[^"]+"(: context not found| does not exist)', NoSuchContext),
    # the engine's swarm state says more than any name the message may also contain
    (r"This node is not a swarm manager", NotSwarmManager),
    (r"This node is not part of a swarm", NotInSwarm),
    (r"This node is already part of a swarm", AlreadyInSwarm),
    (r"port is already allocated|address already in use", PortInUse),
    (r'The container name "[^"]+" is already in use', NameConflict),
    (r"No such container(?!:path)|no container with name or ID", NoSuchContainer),
    (r"removal of container \S+ is already in progress", RemovalInProgress),
    (
        r"returned a non-zero code: \d+|unable to prepare context|dockerfile parse error|(?:COPY|ADD) failed|"
        r"Cannot locate specified Dockerfile",
        BuildFailed,
    ),
    (
        r"conflict: unable to (?:delete|remove repository reference) .* - (?:container \S+ is using its "
        r"referenced image|image is being used by \w+ container)",
        ImageInUse,
    ),
    (r"login attempt to \S+ failed with status: 40[13]|unauthorized: incorrect username or password", LoginFailed),
    (r"no basic auth credentials", NotLoggedIn),
    # Docker Hub's "pull access denied ... may require 'docker login': denied: ..." may as well
    # mean no such repository: NoSuchImage below
    (
        r"unauthorized: authentication required|"
        r"(?<!may require 'docker login': )denied: requested access to the resource is denied",
        AccessDenied,
    ),
    (r"manifest for \S+ not found|manifest unknown|name unknown", NoSuchTag),
    (
        r'(?:Get|Head|Put|Post|Patch) "https?://[^"]+": (?:dial tcp|net/http: |context deadline exceeded|EOF|'
        r"http: server gave HTTP response to HTTPS client)",
        RegistryUnreachable,
    ),
    (
        r"No such image|Unable to find image|pull access denied|manifest unknown|"
        r"repository does not exist",
        NoSuchImage,
    ),
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
    # podman 4.x words a missing image or network in its own way (its other messages match above)
    (r": image not known", NoSuchImage),
    (r"unable to find network with name or ID \S+: network not found", NoSuchNetwork),
    (r"volume \S+ is being used by the following container\(s\)", VolumeInUse),
    (r"can only kill running containers", ContainerNotRunning),
)


def classify(
    argv: Sequence[str], exit_status: int, stderr: str, stdout: str = "", endpoint: str = ""
) -> DockerCommandFailed:
    """The error that a failed docker call (non-zero exit) stands for."""
    for pattern, cls in ERROR_PATTERNS:
        if re.search(pattern, stderr, re.IGNORECASE):
            return cls(argv, exit_status, stderr, stdout, endpoint)
    return DockerCommandFailed(argv, exit_status, stderr, stdout, endpoint)
