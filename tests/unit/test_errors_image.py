"""The image failures of both clients (tests/fixtures/errors/<client>/, made by record_image.sh):
each its class, exit status and one clean line."""

from __future__ import annotations

import pytest

from dockwrap.errors import (
    AccessDenied,
    BuildFailed,
    DockerCommandFailed,
    ImageInUse,
    LoginFailed,
    NoSuchImage,
    NoSuchTag,
    NotLoggedIn,
    RegistryUnreachable,
    classify,
    docker_message,
)

from .corpus import ERROR_CLIENTS, RecordedError, recorded_errors

ALL = [case for case in recorded_errors() if case.client in ("28.2.2", "20.10.24")]

EXPECTED: dict[str, type[DockerCommandFailed]] = {
    "image-build-run-fails": BuildFailed,
    "image-build-missing-dockerfile": BuildFailed,
    "image-build-bad-instruction": BuildFailed,
    "image-pull-missing-tag": NoSuchTag,
    "image-pull-missing-repo": NoSuchTag,
    "image-pull-not-logged-in": NotLoggedIn,
    "image-push-not-logged-in": NotLoggedIn,
    "image-pull-denied": AccessDenied,
    "image-push-denied": AccessDenied,
    "image-pull-registry-down": RegistryUnreachable,
    "image-push-registry-down": RegistryUnreachable,
    "login-registry-down": RegistryUnreachable,
    "login-wrong-password": LoginFailed,
    "image-rm-in-use": ImageInUse,
    "image-rm-in-use-id": ImageInUse,
    "image-rm-several-one-missing": NoSuchImage,
    "image-tag-missing": NoSuchImage,
    "image-tag-invalid": DockerCommandFailed,
}


def _classify(case: RecordedError) -> DockerCommandFailed:
    return classify(("docker", *case.argv), case.exit_status, case.stderr, case.stdout)


def _case(client: str, name: str) -> RecordedError:
    return next(case for case in ALL if case.client == client and case.case == name)


@pytest.mark.parametrize("client", [client for client in ERROR_CLIENTS if client in ("28.2.2", "20.10.24")])
def test_every_case_was_recorded(client: str) -> None:
    assert set(EXPECTED) <= {case.case for case in ALL if case.client == client}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in ALL if c.case in EXPECTED])
def test_classified_as_expected(case: RecordedError) -> None:
    error = _classify(case)
    assert type(error) is EXPECTED[case.case]
    assert case.exit_status == (3 if case.case == "image-build-run-fails" else 1)  # the RUN's own status
    assert error.exit_code == case.exit_status
    message = docker_message(case.stderr)
    assert "\n" not in message and "DEPRECATED" not in message and "buildx" not in message


@pytest.mark.parametrize("client", ["28.2.2", "20.10.24"])
def test_build_failed_carries_the_step_and_its_output(client: str) -> None:
    error = _classify(_case(client, "image-build-run-fails"))
    assert isinstance(error, BuildFailed)
    assert error.message == (
        'The command \'/bin/sh -c echo "about to fail"; echo "to stderr" >&2; exit 3\' returned a non-zero code: 3'
    )
    assert error.step == 'RUN echo "about to fail"; echo "to stderr" >&2; exit 3'
    assert sorted(error.output) == ["about to fail", "to stderr"]
    missing = _classify(_case(client, "image-build-missing-dockerfile"))
    assert isinstance(missing, BuildFailed) and missing.step is None and missing.output == []
    assert missing.message.startswith("unable to prepare context: unable to evaluate symlinks in Dockerfile path")


def test_buildkit_without_buildx() -> None:
    case = _case("28.2.2", "image-build-buildkit")
    error = _classify(case)
    assert type(error) is DockerCommandFailed
    assert error.message == "ERROR: BuildKit is enabled but the buildx component is missing or broken"


@pytest.mark.parametrize("client", ["28.2.2", "20.10.24"])
def test_details_of_the_registry_errors(client: str) -> None:
    missing = _classify(_case(client, "image-pull-missing-tag"))
    assert isinstance(missing, NoSuchImage) and missing.hint is None  # not "list local images"
    assert missing.message.endswith("/fxrec/built:nope not found: manifest unknown: manifest unknown")
    down = _classify(_case(client, "image-pull-registry-down"))
    assert "connect: connection refused" in down.message and down.message.startswith("Error response from daemon: Get")
    assert _classify(_case(client, "image-push-not-logged-in")).message == "no basic auth credentials"
    assert isinstance(_classify(_case(client, "image-push-not-logged-in")), AccessDenied)
    in_use = _classify(_case(client, "image-rm-in-use"))
    assert isinstance(in_use, ImageInUse) and in_use.container and len(in_use.container) == 12
    assert in_use.container in _case(client, "image-rm-in-use-id").stderr


@pytest.mark.parametrize(
    "stderr, expected",
    [
        # Docker Hub: a repository that does not exist and a private one read the same
        (
            "Error response from daemon: pull access denied for fxrec/nope, repository does not exist or may require "
            "'docker login': denied: requested access to the resource is denied\n",
            NoSuchImage,
        ),
        ("denied: requested access to the resource is denied\n", AccessDenied),
        (
            'Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or '
            "password\n",
            LoginFailed,
        ),
        # a registry on another address than loopback, plain HTTP (infra notes of this machine)
        (
            'Error response from daemon: Get "https://192.0.2.2:5001/v2/": http: server gave HTTP response to HTTPS '
            "client\n",
            RegistryUnreachable,
        ),
        (
            'Error response from daemon: Get "https://nope.invalid/v2/": dial tcp: lookup nope.invalid: no such host\n',
            RegistryUnreachable,
        ),
        (
            "Unable to find image '127.0.0.1:1/x:latest' locally\ndocker: Error response from daemon: Get "
            '"http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused.\n'
            "See 'docker run --help'.\n",
            RegistryUnreachable,
        ),
        (
            "COPY failed: file not found in build context or excluded by .dockerignore: "
            "stat nope: file does not exist\n",
            BuildFailed,
        ),
    ],
)
def test_wordings_not_recorded_here(stderr: str, expected: type[DockerCommandFailed]) -> None:
    assert type(classify(("docker", "x"), 1, stderr)) is expected
