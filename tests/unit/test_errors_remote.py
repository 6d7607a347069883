"""classify() on the failures of remote engines (SSH, TLS) recorded from both docker clients
(tests/fixtures/errors/<client>/{ssh,tls}-*.txt, made by tests/fixtures/record_remote.sh), and on
podman's failures (tests/fixtures/podman/<version>/errors/, made by record_podman.sh)."""

from __future__ import annotations

import pytest

from dockwrap import errors
from dockwrap.errors import (
    ContainerNotRunning,
    DaemonUnreachable,
    DockerCommandFailed,
    NameConflict,
    NoSuchContainer,
    NoSuchImage,
    NoSuchNetwork,
    NoSuchVolume,
    PortInUse,
    VolumeInUse,
    classify,
    docker_message,
)

from .corpus import ERROR_CLIENTS, RecordedError, podman_errors, recorded_errors

REMOTE = [case for case in recorded_errors() if case.case.startswith(("ssh-", "tls-"))]

# The cases of record_remote.sh and their class (exactly that class), the same from both clients
# except where a client is named.
EXPECTED_REMOTE: dict[str, type[DockerCommandFailed]] = {
    "ssh-host-key-unknown": errors.SSHHostKeyUnknown,
    "ssh-connection-refused": errors.SSHConnectionRefused,
    "ssh-permission-denied": errors.SSHAuthFailed,
    "ssh-remote-docker-missing": errors.RemoteDockerMissing,
    "ssh-remote-socket-missing": errors.RemoteDockerMissing,
    "tls-http-to-https": errors.TLSRequired,
    "tls-ca-missing": errors.TLSFileMissing,
    "tls-unknown-authority": errors.TLSBadCertificate,
    "tls-bad-certificate": errors.TLSBadCertificate,
    "tls-name-mismatch": errors.TLSNameMismatch,
}
PER_CLIENT = {
    # 20.10 takes no socket path in an ssh:// URL: a usage error of that client, not a remote one
    ("20.10.24", "ssh-remote-socket-missing"): DockerCommandFailed,
}
ENDPOINT = "ssh://root@127.0.0.1:2222 (-H)"


def _classify(case: RecordedError, endpoint: str = ENDPOINT) -> DockerCommandFailed:
    return classify(case.argv, case.exit_status, case.stderr, case.stdout, endpoint)


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_every_remote_case_was_recorded(client: str) -> None:
    assert set(EXPECTED_REMOTE) <= {case.case for case in REMOTE if case.client == client}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in REMOTE])
def test_remote_failure_classified(case: RecordedError) -> None:
    error = _classify(case)
    expected = PER_CLIENT.get((case.client, case.case), EXPECTED_REMOTE[case.case])
    assert type(error) is expected
    assert case.exit_status == 1 and error.exit_code == 1
    message = str(error)
    assert message == docker_message(case.stderr) and "\n" not in message
    if expected is not DockerCommandFailed:
        assert error.hint and "\n" not in error.hint
    if isinstance(error, DaemonUnreachable):
        assert ENDPOINT in (error.hint or ""), "the hint names the engine it tried"
        assert error.endpoint == ENDPOINT


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in REMOTE if c.case == "tls-name-mismatch"])
def test_name_mismatch_says_what_the_certificate_covers(case: RecordedError) -> None:
    error = _classify(case)
    assert isinstance(error, errors.TLSNameMismatch)
    assert error.covered == "127.0.0.1" and "127.0.0.1" in (error.hint or "")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in REMOTE if c.case == "tls-ca-missing"])
def test_missing_tls_file_is_named(case: RecordedError) -> None:
    error = _classify(case)
    assert isinstance(error, errors.TLSFileMissing)
    assert error.path is not None and error.path.endswith("/no-ca/ca.pem")


@pytest.mark.parametrize(
    "case_name, words",
    [
        ("tls-unknown-authority", "not signed by the CA"),
        ("tls-bad-certificate", "refused the client certificate"),
        ("ssh-remote-docker-missing", "has no `docker`"),
    ],
)
@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_hint_fits_the_cause(client: str, case_name: str, words: str) -> None:
    case = next(c for c in REMOTE if c.client == client and c.case == case_name)
    assert words in (_classify(case).hint or "")


SSH_SAID = {
    "ssh-connection-refused": "ssh: connect to host 127.0.0.1 port 49835: Connection refused",
    "ssh-host-key-unknown": "ssh: No ED25519 host key is known for [127.0.0.1]:56905 and you have requested strict "
    "checking; Host key verification failed",
    "ssh-permission-denied": "ssh: root@127.0.0.1: Permission denied (publickey)",
    "ssh-remote-docker-missing": "ssh: /usr/bin/env: 'bash': No such file or directory; bash: line 1: docker: "
    "command not found",
}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in REMOTE if c.case in SSH_SAID])
def test_the_message_is_what_ssh_said_and_the_error_keeps_all_of_docker_s(case: RecordedError) -> None:
    """docker's ~300 characters around it (its ssh command line, the API URL, its advice) are in
    `stderr`, not in the one line the CLI prints."""
    error = _classify(case)
    assert str(error) == error.message == SSH_SAID[case.case]
    assert error.stderr == case.stderr and "dial-stdio] has exited with exit status" in error.stderr


def test_remote_socket_missing_hint_points_at_the_remote_engine() -> None:
    case = next(c for c in REMOTE if c.client == "28.2.2" and c.case == "ssh-remote-socket-missing")
    assert "reaches no engine" in (_classify(case).hint or "")


def test_a_local_daemon_that_does_not_answer_is_not_a_remote_error() -> None:
    local = [c for c in recorded_errors() if c.case.startswith("daemon-unreachable")]
    assert local
    for case in local:
        assert type(_classify(case)) is DaemonUnreachable


# -- podman ----------------------------------------------------------------------------------

PODMAN = podman_errors()

# podman's status for each case of record_podman.sh, and the class; docker exits 1 where podman
# exits 125 for a missing object (the CLI exits with podman's status)
EXPECTED_PODMAN: dict[str, tuple[type[DockerCommandFailed], int]] = {
    "no-such-container-inspect": (NoSuchContainer, 125),
    "no-such-container-rm": (NoSuchContainer, 1),
    "no-such-container-logs": (NoSuchContainer, 125),
    "no-such-container-exec": (NoSuchContainer, 125),
    "no-such-container-stop": (NoSuchContainer, 125),
    "no-such-container-start": (NoSuchContainer, 125),
    "no-such-container-top": (NoSuchContainer, 125),
    "no-such-container-port": (NoSuchContainer, 125),
    "name-conflict-run": (NameConflict, 125),
    "name-conflict-create": (NameConflict, 125),
    "image-missing": (NoSuchImage, 125),
    "image-missing-inspect": (NoSuchImage, 125),
    "network-not-found-inspect": (NoSuchNetwork, 125),
    "network-not-found-run": (NoSuchNetwork, 125),
    "network-not-found-connect": (NoSuchNetwork, 125),
    "port-allocated": (PortInUse, 126),
    "port-allocated-first-dns": (PortInUse, 126),
    "network-active-endpoints": (DockerCommandFailed, 2),
    "not-swarm-service": (DockerCommandFailed, 125),
    "unknown-flag": (DockerCommandFailed, 125),
    "not-running-exec": (DockerCommandFailed, 255),
    "not-running-top": (DockerCommandFailed, 125),
    "rm-running": (DockerCommandFailed, 2),
    "port-not-published": (DockerCommandFailed, 125),
    # record_podman_verbs.sh
    "volume-rm-missing": (NoSuchVolume, 1),
    "volume-rm-in-use": (VolumeInUse, 2),
    "volume-inspect-missing": (NoSuchVolume, 125),
    "container-kill-missing": (NoSuchContainer, 125),
    "container-kill-not-running": (ContainerNotRunning, 125),
    "container-rename-missing": (NoSuchContainer, 125),
    "container-wait-missing": (NoSuchContainer, 125),
    "image-history-missing": (NoSuchImage, 125),
    "image-rm-missing": (NoSuchImage, 1),
    "image-tag-missing": (NoSuchImage, 125),
    # podman has `events` alone: dockwrap calls that (SystemCommands.events)
    "system-events": (DockerCommandFailed, 125),
}


def test_every_podman_case_was_recorded() -> None:
    assert PODMAN, "no podman errors recorded (tests/fixtures/record_podman.sh)"
    assert set(EXPECTED_PODMAN) == {case.case for case in PODMAN}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in PODMAN])
def test_podman_failure_classified(case: RecordedError) -> None:
    cls, status = EXPECTED_PODMAN[case.case]
    error = classify(case.argv, case.exit_status, case.stderr, case.stdout)
    assert type(error) is cls
    assert case.exit_status == status and error.exit_code == status
    message = str(error)
    assert message and "\n" not in message and "--help" not in message
    assert message.startswith("Error: ")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in PODMAN if c.case.startswith("name-conflict")])
def test_podman_name_conflict_names_the_container(case: RecordedError) -> None:
    error = classify(case.argv, case.exit_status, case.stderr, case.stdout)
    assert isinstance(error, NameConflict) and error.name == "fxrec-web"


def test_podman_port_in_use_names_the_address() -> None:
    case = next(c for c in PODMAN if c.case == "port-allocated")
    error = classify(case.argv, case.exit_status, case.stderr, case.stdout)
    assert isinstance(error, PortInUse) and error.address == "127.0.0.1:28080"


def test_podman_try_help_footer_is_noise() -> None:
    case = next(c for c in PODMAN if c.case == "not-swarm-service")
    assert docker_message(case.stderr) == "Error: unrecognized command `podman service`"


def test_aardvark_dns_saying_it_has_no_syslog_is_not_the_message() -> None:
    """The first container on a network with DNS starts aardvark-dns, which says so on stderr
    before podman's own error: that line is noise, podman's error the message."""
    case = next(c for c in PODMAN if c.case == "port-allocated-first-dns")
    assert case.stderr.startswith("failed to connect to syslog: Initialization\n")
    error = classify(case.argv, case.exit_status, case.stderr, case.stdout)
    assert str(error).startswith("Error: cannot listen on the TCP port: ") and "syslog" not in str(error)


def test_podman_volume_in_use_names_the_container() -> None:
    case = next(c for c in PODMAN if c.case == "volume-rm-in-use")
    error = classify(case.argv, case.exit_status, case.stderr, case.stdout)
    assert isinstance(error, VolumeInUse)
    assert len(error.containers) == 1 and len(error.containers[0]) == 64
