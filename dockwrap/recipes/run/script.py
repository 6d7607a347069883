"""The bash script that `--dry-run` prints for a recipe, beyond the docker calls themselves.

`set -e` stops the script at the first step that fails; a trap then removes what the run made so
far, as the recipe itself does after a failure, and so do Ctrl-C, SIGTERM and SIGHUP (exit 130,
143, 129). The trap cannot know which of the run's names its steps made (a name may have been
taken already, by something that is not the run's), so it selects by the run's label, which only
what the run made carries: `docker ... ls --quiet --filter label=dockwrap.run=RUN | xargs -r
docker ... rm`. Each of its lines tolerates what does not exist (`|| true`). A swarm is left only
when the script's own `swarm init` succeeded, and docker_gwbridge removed only when it was not
there before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...display import quote, quote_arg

if TYPE_CHECKING:  # pragma: no cover
    from ...client import Docker
    from .naming import Naming

__all__ = ["ScriptPrinter"]

_SWARM_STARTED = "dw_swarm_started"
_GWBRIDGE_EXISTED = "dw_gwbridge_existed"
_GWBRIDGE_FILTER = "name=^docker_gwbridge$"


class ScriptPrinter:
    """The non-docker lines of one run's --dry-run script."""

    def __init__(self, docker: Docker, naming: Naming, swarm: bool, images: bool = False) -> None:
        self.docker = docker
        self.naming = naming
        #: the run may start a swarm and create services: the trap removes those too
        self.swarm = swarm
        #: the run builds, tags or pulls images: the trap removes those too
        self.images = images

    def _docker(self, args: Sequence[str]) -> str:
        return quote(self.docker.runner.argv(args))

    def _sweep(self, kind: str, ls: Sequence[str], rm: Sequence[str]) -> str:
        listed = self._docker([kind, "ls", *ls, "--quiet", "--filter", self.naming.selector])
        return f"{listed} | xargs -r {self._docker([kind, *rm])} >/dev/null"

    def header(self, trap: bool) -> None:
        """The script's start; with `trap` (unless the run keeps what it makes), its cleanup trap."""
        naming = self.naming
        print("#!/usr/bin/env bash")
        print(f"# dockwrap recipe {naming.recipe} (run {naming.run_id}): the docker calls it makes, in order")
        print("set -e")
        if not trap:
            return
        lines = []
        if self.swarm:
            lines.append(self._sweep("service", [], ["rm"]))
        lines.append(self._sweep("container", ["--all"], ["rm", "--force"]))
        if self.images:
            lines.append(self._sweep("image", [], ["rm", "--force"]))
        lines.append(self._sweep("network", [], ["rm"]))
        if self.swarm:
            leave = self._docker(["swarm", "leave", "--force"])
            lines.append(
                f'if [ -n "${{{_SWARM_STARTED}:-}}" ]; then {leave} >/dev/null; {self._gwbridge_removal()}; fi'
            )
        print("# a failing step, Ctrl-C, SIGTERM or SIGHUP removes what carries this run's label, as dockwrap does")
        print("dw_cleanup() {")
        for line in lines:
            print(f"  {line} || true")
        print("}")
        print("trap dw_cleanup ERR")
        for signal, status in (("INT", 130), ("TERM", 143), ("HUP", 129)):
            print(f"trap 'dw_cleanup; exit {status}' {signal}")

    def variable(self, name: str, value: str) -> None:
        """A shell variable the script's calls read (a Dockerfile a build gets on its stdin)."""
        print(f"{name}={quote_arg(value)}")

    def before_swarm_init(self) -> None:
        """Whether docker_gwbridge is there before `swarm init` adds it."""
        print(f"{_GWBRIDGE_EXISTED}=$({self._docker(['network', 'ls', '--quiet', '--filter', _GWBRIDGE_FILTER])})")

    def swarm_started(self) -> None:
        """After `swarm init` succeeded: the swarm is the script's to leave."""
        print(f"{_SWARM_STARTED}=1")

    def remove_gwbridge(self) -> None:
        print(self._gwbridge_removal())

    def _gwbridge_removal(self) -> str:
        return f'[ -n "${_GWBRIDGE_EXISTED}" ] || {self._docker(["network", "rm", "docker_gwbridge"])}'
