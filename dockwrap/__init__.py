"""dockwrap: drive the real docker CLI from Python and the shell.

    from dockwrap import Docker
    d = Docker()
    d.container.run("busybox", ["sleep", "60"], detach=True, name="a")
    rows = d.container.ls(all=True)

Every docker call can be shown (`Docker(explain=True)`, `dockwrap -x`) or only printed
(`Docker(dry_run=True)`, `dockwrap --dry-run`). Errors derive from `DockwrapError`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:  # pragma: no cover
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
        NotReady,
        NotSwarmManager,
        ParseError,
        PortInUse,
        ServiceExists,
        UsageError,
        VolumeInUse,
        WaitTimeout,
    )
    from .recipes import Recipes
    from .runner import Completed

__all__ = [
    "__version__",
    "Docker",
    "Recipes",
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
    "NotReady",
    "WaitTimeout",
    "ParseError",
    "UsageError",
    "ArgumentTypeError",
]


def __getattr__(name: str) -> Any:
    """The public names, imported on first use: `import dockwrap` itself costs nothing, so that the
    dockwrap command has its signal handlers in place before anything slow is imported."""
    value: Any
    if name == "Docker":
        from .client import Docker as value
    elif name == "Recipes":
        from .recipes import Recipes as value
    elif name == "Completed":
        from .runner import Completed as value
    elif name in __all__:
        from . import errors

        value = getattr(errors, name)
    else:
        raise AttributeError(f"module 'dockwrap' has no attribute {name!r}")
    globals()[name] = value
    return value
