"""classify() on the failures recorded by the per-family scripts (record_volume.sh,
record_container_more.sh, record_context.sh, record_system.sh): the error class and docker's exit
status of each case, from both clients."""

from __future__ import annotations

import pytest

from dockwrap.errors import (
    ContainerNotRunning,
    ContainerPaused,
    ContextInUse,
    DaemonUnreachable,
    DockerCommandFailed,
    NameConflict,
    NoSuchContainer,
    NoSuchContext,
    NoSuchPath,
    NoSuchVolume,
    VolumeInUse,
    classify,
    docker_message,
)

from .corpus import ERROR_CLIENTS, RecordedError, recorded_errors

ALL = {(case.client, case.case): case for case in recorded_errors()}

# case: (class, exit status), the same from both clients unless the case is in BY_CLIENT
EXPECTED: dict[str, tuple[type[DockerCommandFailed], int]] = {
    # volumes
    "volume-rm-missing": (NoSuchVolume, 1),
    "volume-inspect-missing": (NoSuchVolume, 1),
    "volume-inspect-some-missing": (NoSuchVolume, 1),
    "volume-rm-in-use": (VolumeInUse, 1),
    "volume-rm-force-in-use": (VolumeInUse, 1),
    "volume-create-bad-option": (DockerCommandFailed, 1),
    "volume-ls-bad-filter": (DockerCommandFailed, 1),
    # containers
    "kill-missing": (NoSuchContainer, 1),
    "kill-not-running": (ContainerNotRunning, 1),
    "kill-bad-signal": (DockerCommandFailed, 1),
    "restart-missing": (NoSuchContainer, 1),
    "wait-some-missing": (NoSuchContainer, 1),
    "pause-missing": (NoSuchContainer, 1),
    "pause-not-running": (ContainerNotRunning, 1),
    "pause-paused": (ContainerPaused, 1),
    "unpause-not-paused": (DockerCommandFailed, 1),
    "exec-detached-not-running": (ContainerNotRunning, 1),
    "exec-detached-paused": (ContainerPaused, 1),
    "rename-missing": (NoSuchContainer, 1),
    "rename-conflict": (NameConflict, 1),
    "rename-same-name": (DockerCommandFailed, 1),
    "rename-invalid-name": (DockerCommandFailed, 1),
    "update-missing": (NoSuchContainer, 1),
    "update-bad-cpus": (DockerCommandFailed, 125),
    "update-memory-too-small": (DockerCommandFailed, 1),
    "update-memory-above-swap": (DockerCommandFailed, 1),
    "update-bad-restart": (DockerCommandFailed, 1),
    "logs-bad-since": (DockerCommandFailed, 1),
    "logs-bad-until": (DockerCommandFailed, 1),
    "cp-missing-path": (NoSuchPath, 1),
    "cp-host-path-missing": (DockerCommandFailed, 1),
    "cp-host-dir-missing": (DockerCommandFailed, 1),
    "cp-container-dir-missing": (DockerCommandFailed, 1),
    "create-bad-memory": (DockerCommandFailed, 125),
    # contexts
    "context-rm-in-use": (ContextInUse, 1),
    "context-rm-missing": (NoSuchContext, 1),
    "context-use-missing": (NoSuchContext, 1),
    "context-inspect-missing": (NoSuchContext, 1),
    "context-rm-default": (DockerCommandFailed, 1),
    "context-create-exists": (DockerCommandFailed, 1),
    "context-create-bad-endpoint": (DockerCommandFailed, 1),
    "context-create-bad-name": (DockerCommandFailed, 1),
}
# The cases whose class or status differs between the clients (or that one client only has)
BY_CLIENT: dict[tuple[str, str], tuple[type[DockerCommandFailed], int]] = {
    # 28.x names the missing container; 20.10 says `No such container:path` for both
    ("28.2.2", "cp-missing"): (NoSuchContainer, 1),
    ("20.10.24", "cp-missing"): (NoSuchPath, 1),
    # --all needs API 1.42 (28.x, on this 20.10 engine); 20.10 has no --all
    ("28.2.2", "volume-prune-all"): (DockerCommandFailed, 1),
    ("20.10.24", "volume-prune-all"): (DockerCommandFailed, 125),
    ("20.10.24", "stop-signal-unknown-flag"): (DockerCommandFailed, 125),
    # 20.10 will not list contexts when the current one is gone (28.x lists it with an Error)
    ("20.10.24", "context-ls-missing-current"): (NoSuchContext, 1),
    # 20.10's info exits 0 with ServerErrors in its JSON (docker/28.2.2/system-info-unreachable.txt)
    ("28.2.2", "daemon-unreachable-info"): (DaemonUnreachable, 1),
}


def _cases() -> list[pytest.param]:
    expected = {(client, case): want for client in ERROR_CLIENTS for case, want in EXPECTED.items()} | BY_CLIENT
    return [
        pytest.param(client, case, want, id=f"{client}/{case}") for (client, case), want in sorted(expected.items())
    ]


def _classify(case: RecordedError) -> DockerCommandFailed:
    return classify(("docker", *case.argv), case.exit_status, case.stderr, case.stdout)


@pytest.mark.parametrize("client, name, want", _cases())
def test_classified(client: str, name: str, want: tuple[type[DockerCommandFailed], int]) -> None:
    case = ALL[(client, name)]
    error = _classify(case)
    cls, status = want
    assert type(error) is cls
    assert case.exit_status == status == error.exit_status
    assert "\n" not in error.message and error.message


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_distinct_wordings_of_not_running(client: str) -> None:
    """kill wraps the daemon's `Container <id> is not running` in `Cannot kill container: NAME: `;
    pause, exec and top print it bare."""
    kill = ALL[(client, "kill-not-running")].stderr
    assert kill.startswith("Error response from daemon: Cannot kill container: fxrec-more-exit3: Container ")
    for name in ("pause-not-running", "exec-detached-not-running", "not-running-top"):
        assert ALL[(client, name)].stderr.startswith("Error response from daemon: Container ")


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_volume_in_use_names_the_containers(client: str) -> None:
    error = _classify(ALL[(client, "volume-rm-in-use")])
    assert isinstance(error, VolumeInUse)
    assert len(error.containers) == 1 and len(error.containers[0]) == 64


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_rename_conflict_names_the_taken_name(client: str) -> None:
    error = _classify(ALL[(client, "rename-conflict")])
    assert isinstance(error, NameConflict) and error.name == "fxrec-more-run"
    # docker adds its own line after the daemon's: both are kept, on one line
    assert error.message.endswith("; Error: failed to rename container named fxrec-more-exit3")


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_context_wordings(client: str) -> None:
    in_use = docker_message(ALL[(client, "context-rm-in-use")].stderr)
    assert (
        in_use
        == {
            "28.2.2": 'context "fxrec-context-a" is in use, set -f flag to force remove',
            "20.10.24": "fxrec-context-a: context is in use, set -f flag to force remove",
        }[client]
    )


def test_unknown_paths_are_not_missing_containers() -> None:
    """20.10's `No such container:path` must not read as NoSuchContainer's `No such container`."""
    stderr = "Error: No such container:path: web:/nope\n"
    assert type(classify(("docker", "cp", "web:/nope", "."), 1, stderr)) is NoSuchPath
    stderr = "Error: No such container: web\n"
    assert type(classify(("docker", "inspect", "web"), 1, stderr)) is NoSuchContainer
