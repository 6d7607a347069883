"""`dockwrap system info` (also `dockwrap info`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...cli.verbs import JSON, RAW, Invocation, docker_verb

if TYPE_CHECKING:  # pragma: no cover
    from ..records import Info


def _rows(info: Info) -> list[tuple[str, object]]:
    return [
        ("Server Version", info.server_version),
        ("Storage Driver", info.storage_driver),
        ("Cgroup Driver", info.cgroup_driver),
        ("Cgroup Version", info.cgroup_version),
        (
            "Containers",
            f"{info.containers} (running {info.containers_running}, paused {info.containers_paused}, "
            f"stopped {info.containers_stopped})",
        ),
        ("Images", info.images),
        ("Swarm", info.swarm_state + (" (manager)" if info.swarm_manager else "") if info.swarm_state else None),
        ("Runtimes", info.runtimes),
        ("Default Runtime", info.default_runtime),
        ("Operating System", info.operating_system),
        ("Kernel Version", info.kernel_version),
        ("Architecture", info.architecture),
        ("CPUs", info.cpus),
        ("Total Memory", info.memory_bytes),
        ("Docker Root Dir", info.docker_root_dir),
        ("Name", info.name),
        ("ID", info.id),
        *(("Warning", warning) for warning in info.warnings),
    ]


@docker_verb(
    ("system", "info"),
    own=(JSON, RAW),
    examples=(
        "dockwrap info",
        "dockwrap info --json | jq -r '.storage_driver, .cgroup_version'",
        "dockwrap info --format '{{.ServerVersion}}'    # docker's own output",
    ),
)
def command(run: Invocation) -> None:
    """Show the engine: versions, drivers, counts, swarm state, runtimes, warnings."""
    if run.docker_prints("format"):
        return
    info = run.docker.system.info(docker_args=run.line.docker_words)
    if run.out.as_json:
        run.out.json(info)
        return
    run.out.table(_rows(info), [("FIELD", lambda row: row[0]), ("VALUE", lambda row: row[1])])
