"""`Docker`: the Python entry point, one attribute per docker management command."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from .runner import Runner

if TYPE_CHECKING:  # pragma: no cover
    from .container.api import ContainerCommands
    from .image.api import ImageCommands
    from .network.api import NetworkCommands
    from .swarm.api import NodeCommands, ServiceCommands, SwarmCommands
    from .system.api import SystemCommands
    from .system.records import VersionInfo

__all__ = ["Docker"]


class Docker:
    """A docker CLI to drive: `Docker(binary="docker", context=None, host=None, explain=False,
    dry_run=False, timeout=None)`.

    Nothing runs until a method is called; each method is one docker call unless its
    documentation says otherwise. Every method checks its arguments first: a wrong type is an
    ArgumentTypeError (also a TypeError), a value docker would not take a UsageError (also a
    ValueError), each naming the parameter; both are DockwrapErrors (exit status 2 on the CLI).

        d = Docker()
        d.container.run("busybox", ["sleep", "60"], detach=True, name="a")
        [c.name for c in d.container.ls()]
    """

    def __init__(
        self,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
    ) -> None:
        self.runner = Runner(binary=binary, context=context, host=host, explain=explain, dry_run=dry_run, timeout=timeout)

    @classmethod
    def on(cls, runner: Runner) -> Docker:
        """A Docker whose calls go through `runner`."""
        docker = cls.__new__(cls)
        docker.runner = runner
        return docker

    def with_settings(self, **changes: Any) -> Docker:
        """A Docker for the same engine, sharing the docker children running now, whose calls get
        another `timeout` (seconds; None: no limit) or `dry_run_suffix` (appended to each line
        --dry-run prints). This one stays as it is: threads that share it see none of it."""
        return Docker.on(self.runner.with_settings(**changes))

    def __repr__(self) -> str:
        from .display import redact_url

        r = self.runner
        host = None if r.host is None else redact_url(r.host)
        return f"Docker(binary={r.binary!r}, context={r.context!r}, host={host!r})"

    @property
    def dry_run(self) -> bool:
        return self.runner.dry_run

    @cached_property
    def container(self) -> ContainerCommands:
        from .container.api import ContainerCommands

        return ContainerCommands(self.runner)

    @cached_property
    def network(self) -> NetworkCommands:
        from .network.api import NetworkCommands

        return NetworkCommands(self.runner)

    @cached_property
    def image(self) -> ImageCommands:
        from .image.api import ImageCommands

        return ImageCommands(self.runner)

    @cached_property
    def swarm(self) -> SwarmCommands:
        from .swarm.api import SwarmCommands

        return SwarmCommands(self.runner)

    @cached_property
    def service(self) -> ServiceCommands:
        from .swarm.api import ServiceCommands

        return ServiceCommands(self.runner)

    @cached_property
    def node(self) -> NodeCommands:
        from .swarm.api import NodeCommands

        return NodeCommands(self.runner)

    @cached_property
    def system(self) -> SystemCommands:
        from .system.api import SystemCommands

        return SystemCommands(self.runner)

    def version(self) -> VersionInfo:
        """`docker version`: client and server versions."""
        return self.system.version()
