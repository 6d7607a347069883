"""classify() and docker_message() on every failure recorded from the real clients
(tests/fixtures/errors/<client>/<case>.txt, made by tests/fixtures/record.sh and record_swarm.sh)."""

from __future__ import annotations

import re

import pytest

from dockwrap import errors
from dockwrap.errors import (
    DaemonPermissionDenied,
    DaemonUnreachable,
    DockerCommandFailed,
    NameConflict,
    NoSuchContainer,
    NoSuchImage,
    NoSuchNetwork,
    ParseError,
    PortInUse,
    classify,
    docker_message,
)

from .corpus import ERROR_CLIENTS, PORT_BASE, RecordedError, recorded_errors

ALL = recorded_errors()

# The cases of record.sh and the class each must be classified as (exactly that class).
EXPECTED: dict[str, type[DockerCommandFailed]] = {
    "no-such-container-inspect": NoSuchContainer,
    "no-such-container-rm": NoSuchContainer,
    "no-such-container-logs": NoSuchContainer,
    "no-such-container-exec": NoSuchContainer,
    "no-such-container-stop": NoSuchContainer,
    "no-such-container-start": NoSuchContainer,
    "no-such-container-top": NoSuchContainer,
    "no-such-container-port": NoSuchContainer,
    "rm-force-missing": NoSuchContainer,
    "name-conflict-run": NameConflict,
    "name-conflict-create": NameConflict,
    "invalid-reference": DockerCommandFailed,
    "image-missing": NoSuchImage,
    "network-not-found-inspect": NoSuchNetwork,
    "network-not-found-run": NoSuchNetwork,
    "network-not-found-connect": NoSuchNetwork,
    "port-allocated": PortInUse,
    "daemon-unreachable-ls": DaemonUnreachable,
    "daemon-unreachable-version": DaemonUnreachable,
    "network-active-endpoints": DockerCommandFailed,
    "not-swarm-manager-service": errors.NotSwarmManager,
    "not-swarm-manager-node": errors.NotSwarmManager,
    "unknown-flag": DockerCommandFailed,
    "not-running-exec": errors.ContainerNotRunning,
    "not-running-top": errors.ContainerNotRunning,
    "exec-paused": errors.ContainerPaused,
    "rm-running": DockerCommandFailed,
    "port-not-published": DockerCommandFailed,
    "rm-partial": DockerCommandFailed,
    "permission-denied-ls": DaemonPermissionDenied,
    "permission-denied-logs": DaemonPermissionDenied,
    "permission-denied-run": DaemonPermissionDenied,
}

# docker's exit status for each case, the same from both clients
EXIT_STATUS = {case: 1 for case in EXPECTED} | {
    "rm-force-missing": 0,
    "name-conflict-run": 125,
    "invalid-reference": 125,
    "image-missing": 125,
    "network-not-found-run": 125,
    "port-allocated": 125,
    "unknown-flag": 125,
    "permission-denied-run": 126,
}


def _params(cases: list[RecordedError]) -> list[pytest.param]:
    return [pytest.param(case, id=case.id) for case in cases]


def _classify(case: RecordedError) -> DockerCommandFailed:
    return classify(("docker", *case.argv), case.exit_status, case.stderr, case.stdout)


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_every_case_was_recorded(client: str) -> None:
    assert set(EXPECTED) <= {case.case for case in ALL if case.client == client}


@pytest.mark.parametrize("case", _params([c for c in ALL if c.case in EXPECTED]))
def test_classified_as_expected(case: RecordedError) -> None:
    error = _classify(case)
    assert type(error) is EXPECTED[case.case]
    assert case.exit_status == EXIT_STATUS[case.case]
    assert error.exit_status == case.exit_status
    assert error.argv == ("docker", *case.argv)


@pytest.mark.parametrize("case", _params(ALL))
def test_every_recorded_failure(case: RecordedError) -> None:
    """Whatever the case (also those of record_swarm.sh): a DockerCommandFailed with docker's
    status, and the CLI's exit status as docs/contract/cli.md says."""
    error = _classify(case)
    assert isinstance(error, DockerCommandFailed)
    assert error.exit_status == case.exit_status
    assert error.exit_code == (1 if isinstance(error, DaemonUnreachable) or case.exit_status == 0 else case.exit_status)
    assert error.stderr == case.stderr and error.stdout == case.stdout
    assert case.stderr.strip(), "a recorded failure says something on stderr"


@pytest.mark.parametrize("case", _params(ALL))
def test_message_is_one_clean_line(case: RecordedError) -> None:
    message = docker_message(case.stderr)
    assert message and message == message.strip()
    assert "\n" not in message
    assert "--help" not in message and "Usage:" not in message
    # a bare "exit status N" line is noise; over ssh, docker's sentence says which command exited how
    assert not re.search(r"(?:^|; )exit status \d+(?:;|$)", message)
    assert not message.startswith("docker: ") and not message.endswith(".")
    assert _classify(case).message == message
    assert str(_classify(case)) == message


@pytest.mark.parametrize(
    "case_name, message",
    [
        ("unknown-flag", "unknown flag: --bogus-flag"),
        ("rm-force-missing", None),
        (
            "daemon-unreachable-ls",
            "Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?",
        ),
        (
            "exec-paused",
            "Error response from daemon: Container fxrec-paused is paused, unpause the container before exec",
        ),
        ("image-missing", "Error response from daemon: No such image: fxrec-doesnotexist:latest"),
    ],
)
@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_message_text(client: str, case_name: str, message: str | None) -> None:
    case = next(c for c in ALL if c.client == client and c.case == case_name)
    if message is None:  # 28.x and 20.10 word it differently; both name the container
        assert docker_message(case.stderr).endswith("No such container: fxrec-nope")
    else:
        assert docker_message(case.stderr) == message


@pytest.mark.parametrize("case", _params([c for c in ALL if c.case.startswith("name-conflict")]))
def test_name_conflict_names_the_container(case: RecordedError) -> None:
    error = _classify(case)
    assert isinstance(error, NameConflict) and error.name == "fxrec-web" and error.hint


@pytest.mark.parametrize("case", _params([c for c in ALL if c.case == "port-allocated"]))
def test_port_in_use_names_the_address_and_the_container_left_behind(case: RecordedError) -> None:
    error = _classify(case)
    assert isinstance(error, PortInUse)
    assert error.address == f"127.0.0.1:{PORT_BASE + 80}"
    created = case.stdout.strip()
    assert len(created) == 64 and error.hint and created[:12] in error.hint


@pytest.mark.parametrize("case", _params([c for c in ALL if c.case.startswith("daemon-unreachable")]))
def test_daemon_unreachable_hint_names_the_endpoint(case: RecordedError) -> None:
    error = classify(
        ("docker", *case.argv), case.exit_status, case.stderr, case.stdout, endpoint="unix:///nonexistent.sock (-H)"
    )
    assert isinstance(error, DaemonUnreachable) and error.exit_code == 1
    assert error.hint and "unix:///nonexistent.sock (-H)" in error.hint


@pytest.mark.parametrize("case", _params([c for c in ALL if c.case.startswith("permission-denied")]))
def test_a_socket_that_refuses_the_user_is_not_a_missing_engine(case: RecordedError) -> None:
    """Before: "no Docker engine answers ...: start one"; starting one would not help."""
    error = classify(("docker", *case.argv), case.exit_status, case.stderr, case.stdout, endpoint="the current context")
    assert type(error) is DaemonPermissionDenied and error.exit_code == 1
    assert error.hint and "unix:///var/run/docker.sock" in error.hint and "does not let this user in" in error.hint
    assert "start one" not in error.hint


@pytest.mark.parametrize(
    "stderr, expected",
    [
        ("", ""),
        ("\n\n", ""),
        ("See 'docker run --help'.\n", ""),
        (
            'time="2026-11-28T17:40:00Z" level=error msg="error waiting for container: context canceled"\n'
            "docker: Error response from daemon: network x not found.\n",
            "Error response from daemon: network x not found",
        ),
    ],
)
def test_docker_message_edge_cases(stderr: str, expected: str) -> None:
    assert docker_message(stderr) == expected


def test_docker_message_keeps_why_the_image_is_missing() -> None:
    # not recordable offline (docker-cli-formats.md section 5): a pull that was refused
    stderr = (
        "Unable to find image 'x:latest' locally\n"
        "docker: Error response from daemon: pull access denied for x, repository does not exist.\n"
        "See 'docker run --help'.\n"
    )
    message = docker_message(stderr)
    assert "\n" not in message and "See '" not in message
    assert message.startswith("Unable to find image 'x:latest' locally; ")
    assert message.endswith("pull access denied for x, repository does not exist")
    assert type(classify(("docker", "run", "x"), 125, stderr)) is NoSuchImage


def test_empty_stderr_still_gives_a_message() -> None:
    error = classify(("docker", "x"), 3, "")
    assert type(error) is DockerCommandFailed and error.message == "docker exited with status 3"


def test_parse_error_is_not_a_command_failure() -> None:
    error = ParseError("docker container ls", "a line is not JSON", "garbage")
    assert not isinstance(error, DockerCommandFailed) and error.exit_code == 1
    assert "docker container ls" in str(error) and "garbage" in str(error)
