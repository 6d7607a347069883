"""Context records from the recorded output of both clients (dockwrap/context/records.py, made by
tests/fixtures/record_context.sh in a throwaway DOCKER_CONFIG)."""

from __future__ import annotations

import json

import pytest

from dockwrap.context.records import Context, ContextDetails, parse_context_inspect, parse_context_ls
from dockwrap.errors import ParseError
from dockwrap.parse.echo import parse_names

from .corpus import ERRORS, read, read_error, recorded_params

A, B, C = "fxrec-context-a", "fxrec-context-b", "fxrec-context-c"
ENDPOINTS = {
    "default": "unix:///var/run/docker.sock",
    A: "unix:///var/run/docker.sock",
    B: "tcp://127.0.0.1:1",
    C: "ssh://fxrec@127.0.0.1:1",
}


@pytest.mark.parametrize("client", recorded_params("context-ls"))
def test_context_ls(client: str) -> None:
    contexts = {c.name: c for c in parse_context_ls(read(client, "context-ls"))}
    assert all(isinstance(c, Context) for c in contexts.values())
    assert {name: c.docker_endpoint for name, c in contexts.items()} == ENDPOINTS
    assert [name for name, c in contexts.items() if c.current] == ["default"]
    assert contexts[A].description == 'scene A, "quoted"' and contexts[B].description == ""
    assert contexts["default"].description == "Current DOCKER_HOST based configuration"
    assert all(c.error is None for c in contexts.values())
    for context in contexts.values():
        assert set(context.to_json()) == {"name", "description", "docker_endpoint", "current", "error"}
        json.dumps(context.to_json())
    # 20.10 still has the Kubernetes fields, 28.x an Error field
    assert ("StackOrchestrator" in contexts[A].raw) == client.startswith("20.")
    assert ("Error" in contexts[A].raw) == client.startswith("28.")


@pytest.mark.parametrize("client", recorded_params("context-ls-current"))
def test_context_use_moves_current(client: str) -> None:
    contexts = parse_context_ls(read(client, "context-ls-current"))
    assert [c.name for c in contexts if c.current] == [A]
    assert parse_names(read(client, "context-use"), "docker context use") == [A]
    assert parse_names(read(client, "context-use-default"), "docker context use") == ["default"]


def test_context_show_is_28s() -> None:
    assert [p.values[0] for p in recorded_params("context-show")] == ["28.2.2"]
    assert read("28.2.2", "context-show") == f"{A}\n"


@pytest.mark.parametrize("client", recorded_params("context-create"))
def test_context_create_and_rm_echo(client: str) -> None:
    assert parse_names(read(client, "context-create"), "docker context create") == [A]
    assert parse_names(read(client, "context-rm"), "docker context rm") == [B, C]
    assert parse_names(read(client, "context-rm-force-in-use"), "docker context rm") == [A]


def test_a_current_context_that_is_gone() -> None:
    """28.x lists it with an Error (cut to 30 cells); 20.10 refuses to list anything."""
    contexts = {c.name: c for c in parse_context_ls(read("28.2.2", "context-ls-missing-current"))}
    gone = contexts["fxrec-context-gone"]
    assert gone.current and gone.docker_endpoint is None
    assert gone.error == 'context "fxrec-context-gone": context not fo…'
    recorded = read_error(ERRORS / "20.10.24" / "context-ls-missing-current.txt")
    assert recorded.exit_status == 1 and 'Current context "fxrec-context-gone" is not found' in recorded.stderr


@pytest.mark.parametrize("client", recorded_params("context-inspect"))
def test_context_inspect(client: str) -> None:
    details = {d.name: d for d in parse_context_inspect(read(client, "context-inspect"))}
    assert list(details) == ["default", A, B, C]
    assert all(isinstance(d, ContextDetails) for d in details.values())
    assert {name: d.docker_endpoint for name, d in details.items()} == ENDPOINTS
    assert [name for name, d in details.items() if d.skip_tls_verify] == [B]
    assert details[C].description == "over ssh" and not any(d.has_tls_material for d in details.values())
    assert details["default"].raw["Storage"]["MetadataPath"] == "<IN MEMORY>"
    for item in details.values():
        assert set(item.to_json()) == {"name", "description", "docker_endpoint", "skip_tls_verify", "has_tls_material"}
    listed = {c.name: c.description for c in parse_context_ls(read(client, "context-ls"))}
    assert {name: d.description for name, d in details.items() if name != "default"} == {
        name: text for name, text in listed.items() if name != "default"
    }


@pytest.mark.parametrize("client", recorded_params("context-inspect"))
def test_context_inspect_missing_prints_an_empty_array(client: str) -> None:
    assert parse_context_inspect(read_error(ERRORS / client / "context-inspect-missing.txt").stdout) == []


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        '{"Name": "x", "Current": "maybe"}',
        '{"Current": true}',
        '{"Name": "x", "DockerEndpoint": 1}',
        '{"Name":"x"',
    ],
)
def test_context_ls_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_context_ls(text)
    assert caught.value.command == "docker context ls"


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        "{}",
        '[{"Metadata": {}}]',
        '[{"Name": "x", "Endpoints": {"docker": "tcp://x"}}]',
        '[{"Name": "x", "Endpoints": {"docker": {"Host": 5}}}]',
        '[{"Name": "x", "Metadata": {"Description": []}}]',
        '[{"Name": "x", "Endpoints": {"docker": {"SkipTLSVerify": "sometimes"}}}]',
        '[{"Name": "x"',
    ],
)
def test_context_inspect_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_context_inspect(text)
    assert caught.value.command == "docker context inspect"
