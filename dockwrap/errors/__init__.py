"""Errors raised by dockwrap, and the one table that maps docker's stderr onto them.

    DockwrapError                     .exit_code: the status the CLI exits with
    ├── DockerNotFound                127: the docker binary is missing
    │   └── DockerNotExecutable       126: it exists but cannot be run
    ├── CommandTimeout                124: a docker call outlived --timeout
    │   ├── NotConverged              124: a service did not reach its replicas in time
    │   └── WaitTimeout               124: a container was not ready in time (`wait_for`)
    ├── ParseError                    1: docker printed something we cannot read
    ├── UsageError                    2: bad arguments caught before any docker call (a ValueError)
    │   ├── ArgumentTypeError         2: an argument of the wrong type (also a TypeError)
    │   ├── CommandLineError          2: a command line docker would refuse (told before any call)
    │   ├── PodmanHasNoSwarm          2: a swarm command with podman as the binary (told before any call)
    │   └── PodmanHasNoContexts       2: a context command with podman as the binary (told before any call)
    ├── NotATerminal                  1: a terminal for docker (interactive and tty) without one on stdin
    ├── NotReady                      1: a container that can no longer become ready (`wait_for`)
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

The package: `base` (the root, the errors around a call, DockerCommandFailed), `engine` (reaching
an engine, SSH, TLS), `objects` (missing, taken, in use; the swarm), `registry` (registries,
builds) and `patterns` (ERROR_PATTERNS, the table from docker's stderr to a class, and classify).
Adding an error class is one class (its `hint_format`, and `_read_fields` if it reads something
out of docker's words) and one line of ERROR_PATTERNS; docs/architecture.md
walks through it.
"""

from __future__ import annotations

from .base import (
    ArgumentTypeError,
    CommandLineError,
    CommandTimeout,
    DockerCommandFailed,
    DockerNotExecutable,
    DockerNotFound,
    DockwrapError,
    NotATerminal,
    NotConverged,
    NotReady,
    ParseError,
    PodmanHasNoContexts,
    PodmanHasNoSwarm,
    UsageError,
    WaitTimeout,
    docker_message,
)
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
from .patterns import ERROR_PATTERNS, NO_ENGINE_LINE, classify
from .registry import AccessDenied, BuildFailed, ImageInUse, LoginFailed, NoSuchTag, NotLoggedIn, RegistryUnreachable

__all__ = [
    "DockwrapError",
    "DockerNotFound",
    "DockerNotExecutable",
    "CommandTimeout",
    "ParseError",
    "UsageError",
    "PodmanHasNoSwarm",
    "PodmanHasNoContexts",
    "ArgumentTypeError",
    "CommandLineError",
    "NotATerminal",
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
    "NotReady",
    "WaitTimeout",
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
    "SSHHostKeyUnknown",
    "SSHConnectionRefused",
    "SSHAuthFailed",
    "RemoteDockerMissing",
    "TLSRequired",
    "TLSFileMissing",
    "TLSBadCertificate",
    "TLSNameMismatch",
    "ERROR_PATTERNS",
    "NO_ENGINE_LINE",
    "classify",
    "docker_message",
]
