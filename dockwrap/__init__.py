"""dockwrap: drive the real docker CLI from Python and the shell.

    from dockwrap import Docker
    d = Docker()
    d.container.run("busybox", ["sleep", "60"], detach=True, name="a")
    rows = d.container.ls(all=True)

Every docker call can be shown (`Docker(explain=True)`, `dockwrap -x`) or only printed
(`Docker(dry_run=True)`, `dockwrap --dry-run`). Errors derive from `DockwrapError`.
"""

from ._version import __version__
from .client import Docker
from .errors import (
    AlreadyInSwarm,
    ArgumentTypeError,
    CommandTimeout,
    ContainerNotRunning,
    ContainerPaused,
    ContextInUse,
    DaemonPermissionDenied,
    DaemonUnreachable,
    DockerCommandFailed,
    DockerNotExecutable,
    DockerNotFound,
    DockwrapError,
    NameConflict,
    NoSuchContainer,
    NoSuchContext,
    NoSuchImage,
    NoSuchNetwork,
    NoSuchPath,
    NoSuchService,
    NoSuchVolume,
    NotConverged,
    NotInSwarm,
    NotSwarmManager,
    ParseError,
    PortInUse,
    ServiceExists,
    UsageError,
    VolumeInUse,
)
from .runner import Completed

__all__ = [
    "__version__",
    "Docker",
    "Completed",
    "DockwrapError",
    "DockerNotFound",
    "DockerNotExecutable",
    "DaemonUnreachable",
    "DaemonPermissionDenied",
    "DockerCommandFailed",
    "NoSuchContainer",
    "NoSuchImage",
    "NoSuchNetwork",
    "NoSuchService",
    "NoSuchContext",
    "NameConflict",
    "ServiceExists",
    "PortInUse",
    "NotSwarmManager",
    "NotInSwarm",
    "AlreadyInSwarm",
    "NoSuchVolume",
    "NoSuchPath",
    "VolumeInUse",
    "ContainerNotRunning",
    "ContainerPaused",
    "ContextInUse",
    "CommandTimeout",
    "NotConverged",
    "ParseError",
    "UsageError",
    "ArgumentTypeError",
]
