"""process-view: a container is a host process. `docker top` lists the container's processes
with their PIDs in the host's process table: each is looked up in this machine's /proc.

Only for an engine on this machine (a unix:// socket): the PIDs of an engine reached over ssh://
or tcp:// (directly, or through a context) are another machine's, even when that URL names
127.0.0.1 (a tunnel may end anywhere), and Docker Desktop's live in its VM; the recipe says so
instead of claiming anything.

docker calls: run -d (unless a container is named), top, rm -f; for a named context, context
inspect first (its URL says where the engine is).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parse.record import NOT_IN_JSON, Record
from .run import DEFAULT_IMAGE, ContainerSpec, Keep, RecipeRun
from .run.machine import engine_machine

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["HostProcess", "ProcessViewResult", "process_view", "host_command"]


@dataclass(frozen=True)
class HostProcess(Record):
    pid: int
    ppid: int | None
    cmd: str | None
    on_host: bool | None
    #: the host's own name for the process (/proc/PID/comm), and its parent's
    host_comm: str | None = field(default=None, metadata=NOT_IN_JSON)
    host_parent: str | None = field(default=None, metadata=NOT_IN_JSON)


@dataclass(frozen=True)
class ProcessViewResult(Record):
    container: str
    processes: list[HostProcess]
    #: why nothing could be looked up (a remote engine): said on stderr, not in the JSON
    note: str | None = field(default=None, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        return bool(self.processes) and all(p.on_host for p in self.processes)


def host_command(pid: int) -> tuple[str | None, str | None]:
    """(command line, comm) of a host PID from /proc, or (None, None) when there is none."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
        with open(f"/proc/{pid}/comm") as f:
            comm = f.read().strip()
    except OSError:
        return None, None
    return cmdline, comm


def process_view(
    docker: Docker,
    *,
    container: str | None = None,
    image: str = DEFAULT_IMAGE,
    keep: Keep = "never",
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
) -> ProcessViewResult:
    """List a container's processes (a fresh `sleep` container unless one is named) and find
    each host PID in this machine's /proc."""
    local = engine_machine(docker).local
    with RecipeRun(docker, "process-view", image=image, keep=keep, labels=labels, pull=pull) as run:
        name = container or run.start(ContainerSpec("box", ["sleep", "3600"]))
        processes = []
        for proc in docker.container.top(name):
            on_host: bool | None = None
            comm = parent = None
            if local:
                cmdline, comm = host_command(proc.pid)
                # The PID may be reused by then; the command line tells whether it is the same process.
                first_word = (proc.cmd or "").split(" ")[0]
                on_host = cmdline is not None and os.path.basename(first_word) in cmdline
                parent = host_command(proc.ppid)[1] if proc.ppid else None
            processes.append(HostProcess(proc.pid, proc.ppid, proc.cmd, on_host, comm, parent))
        note = (
            None
            if local
            else (
                f"the engine is not on this machine ({docker.runner.endpoint}): its PIDs belong to "
                "another process table, so none can be looked up here"
            )
        )
        result = ProcessViewResult(name, processes, note)
        run.succeeded = result.ok
        return result
