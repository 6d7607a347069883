"""`docker version` records from the recorded output of every client (dockwrap/system/records.py)."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.system.records import Version, VersionInfo, parse_version

from .corpus import ERROR_CLIENTS, ERRORS, client_params, read, read_error, release

# docs/contract/records.md
VERSION_KEYS = {"version", "api_version", "min_api_version", "go_version", "git_commit", "built", "os", "arch"}


@pytest.mark.parametrize("client", client_params())
def test_version(client: str) -> None:
    info = parse_version(read(client, "version"))
    assert isinstance(info, VersionInfo) and isinstance(info.client, Version)
    assert info.client.release[:2] == release(client) or client.endswith("-derived")
    assert info.client.api_version == "1.41"  # negotiated down to the 20.10 daemon's
    assert info.client.min_api_version is None and info.client.os == "linux"
    assert info.client.built and info.client.built[:4].isdigit()  # ANSI C time made ISO 8601
    server = info.server
    assert server is not None
    assert server.release == (20, 10, 24) and server.version.startswith("20.10.24")
    assert server.min_api_version == "1.12" and server.api_version == "1.41"
    assert server.built == "2026-05-07T21:09:36Z"
    assert set(info.to_json()) == {"client", "server"}
    assert set(info.to_json()["client"]) == VERSION_KEYS == set(info.to_json()["server"])
    json.dumps(info.to_json())


@pytest.mark.parametrize("client", client_params())
def test_version_without_daemon(client: str) -> None:
    info = parse_version(read(client, "version-unreachable"))
    assert info.server is None and info.to_json()["server"] is None
    assert info.client.version == parse_version(read(client, "version")).client.version


@pytest.mark.parametrize("client", ERROR_CLIENTS)
def test_version_stdout_recorded_with_the_failure(client: str) -> None:
    """The daemon-unreachable failure printed the same client object on stdout, with exit 1."""
    recorded = read_error(ERRORS / client / "daemon-unreachable-version.txt")
    assert recorded.exit_status == 1
    assert parse_version(recorded.stdout) == parse_version(read(client, "version-unreachable"))


@pytest.mark.parametrize("client", client_params())
def test_version_client_keys_by_release(client: str) -> None:
    raw = parse_version(read(client, "version")).client.raw
    assert ("Context" in raw) == (release(client) >= (19, 3))
    assert ("Experimental" in raw) == (release(client) == (20, 10))
    assert "DefaultAPIVersion" in raw


@pytest.mark.parametrize(
    "version, release_tuple",
    [
        ("28.2.2", (28, 2, 2)),
        ("20.10.24+dfsg1", (20, 10, 24)),
        ("17.12.0-ce", (17, 12, 0)),
        ("18.09.1-beta", (18, 9, 1)),
        ("dev", ()),
    ],
)
def test_release(version: str, release_tuple: tuple[int, ...]) -> None:
    info = parse_version(json.dumps({"Client": {"Version": version}, "Server": None}))
    assert info.client.release == release_tuple
    assert info.client.api_version is None and info.client.built is None


def test_odd_build_time_kept_as_is() -> None:
    info = parse_version(json.dumps({"Client": {"Version": "1.0", "BuildTime": "sometime"}}))
    assert info.client.built == "sometime"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "json",
        "[]",
        '{"Server": null}',
        '{"Client": "28.2.2"}',
        '{"Client": {}}',
        '{"Client": {"Version": 28}}',
        '{"Client": {"Version": "1", "Os": ["linux"]}}',
    ],
)
def test_garbage_is_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_version(text)
    assert caught.value.command == "docker version"
