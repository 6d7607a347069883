"""Container ls records from the recorded output of every client (dockwrap/container/records.py).
inspect, top and stats: test_records_container_inspect.py."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from datetime import datetime

import pytest

from dockwrap.container.records import Container, parse_container_ls, state_from_status
from dockwrap.errors import ParseError
from dockwrap.parse.labels import parse_labels
from dockwrap.parse.ports import PortMapping, parse_ports

from .corpus import CREATED, EXITED, NET1, NET2, PAUSED, PORT_BASE, WEB, client_params, read, release

# docs/contract/records.md
CONTAINER_KEYS = {
    "id",
    "name",
    "image",
    "command",
    "created_at",
    "state",
    "status",
    "ports",
    "networks",
    "labels",
    "size_bytes",
    "running_for",
}
PORT_KEYS = {"host_ip", "host_port", "container_port", "protocol"}

STATES = {WEB: "running", EXITED: "exited", CREATED: "created", PAUSED: "paused"}
LS_FIXTURES = ["container-ls", "container-ls-size", "container-ls-no-trunc"]


def _by_name(rows: list[Container]) -> dict[str, Container]:
    return {row.name: row for row in rows}


# -- container ls -------------------------------------------------------------------------------


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("fixture", LS_FIXTURES)
def test_ls_rows(client: str, fixture: str) -> None:
    rows = _by_name(parse_container_ls(read(client, fixture)))
    assert set(rows) == set(STATES)
    for name, row in rows.items():
        assert row.state == STATES[name]
        assert row.image == "busybox:latest"
        assert len(row.id) == (64 if fixture.endswith("no-trunc") else 12)
        assert isinstance(row.created_at, datetime) and row.created_at.utcoffset() is not None
        assert row.running_for and row.running_for.endswith("ago")
        assert row.labels["dockwrap.fixture"] == "1"
    web = rows[WEB]
    assert web.status.startswith("Up ") and web.status.endswith("(healthy)")
    assert rows[EXITED].status.startswith("Exited (3) ")
    assert rows[CREATED].status == "Created"
    assert rows[PAUSED].status.endswith("(Paused)")
    assert set(web.networks) == {NET1, NET2}  # docker prints them in random order
    assert rows[EXITED].networks == ["bridge"]
    assert web.labels["fxrec.desc"] == "hello, world" and web.labels["fxrec.eq"] == "a=b=c"
    assert PortMapping("127.0.0.1", PORT_BASE + 1, 8001, "tcp") in web.ports
    assert PortMapping(None, None, 9999, "sctp") in web.ports
    assert len(web.ports) == 10
    # docker lists no ports for containers that do not run, published or not
    assert rows[CREATED].ports == [] and rows[EXITED].ports == []


@pytest.mark.parametrize("client", client_params())
def test_ls_sizes_only_with_size(client: str) -> None:
    assert all(row.size_bytes is None for row in parse_container_ls(read(client, "container-ls")))
    for row in parse_container_ls(read(client, "container-ls-size")):
        assert row.size_bytes == 0  # "0B (virtual 1.98MB)": nothing written to the container
        assert row.raw["Size"].startswith("0B (virtual ")


@pytest.mark.parametrize("client", client_params())
def test_ls_command_is_unquoted(client: str) -> None:
    rows = _by_name(parse_container_ls(read(client, "container-ls")))
    assert rows[PAUSED].command == "sleep 3600"
    assert rows[CREATED].command == "true"
    assert rows[WEB].command == "sh -c 'httpd -p 80 …"  # cut at 20 cells by docker
    full = _by_name(parse_container_ls(read(client, "container-ls-no-trunc")))
    assert full[EXITED].command == (
        """sh -c 'for i in 1 2 3; do echo "stdout line $i"; done; echo "stderr line" >&2; exit 3'"""
    )


@pytest.mark.parametrize("client", client_params())
def test_ls_both_forms_agree(client: str) -> None:
    """The per-field template (no State, no Size) and `{{json .}}` give the same records."""
    template = _by_name(parse_container_ls(read(client, "container-ls")))
    full = _by_name(parse_container_ls(read(client, "container-ls-size")))
    for name, row in template.items():
        other = full[name]
        assert (
            row.id,
            row.image,
            row.command,
            row.created_at,
            row.state,
            set(row.ports),
            set(row.networks),
            row.labels,
        ) == (
            other.id,
            other.image,
            other.command,
            other.created_at,
            other.state,
            set(other.ports),
            set(other.networks),
            other.labels,
        )


@pytest.mark.parametrize("client", client_params())
def test_state_field_only_from_20_10(client: str) -> None:
    rows = [json.loads(line) for line in read(client, "container-ls-size").splitlines()]
    has_state = release(client) >= (20, 10)
    assert all(("State" in row) == has_state for row in rows)
    for row in rows:
        if has_state:
            assert state_from_status(row["Status"]) == row["State"]  # what older clients get


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("fixture", LS_FIXTURES)
def test_ls_to_json_has_contract_keys(client: str, fixture: str) -> None:
    for row in parse_container_ls(read(client, fixture)):
        data = row.to_json()
        assert set(data) == CONTAINER_KEYS
        for port in data["ports"]:
            assert set(port) == PORT_KEYS
        assert set(row.to_json(raw=True)) == CONTAINER_KEYS | {"raw"}
        json.dumps(data)


@pytest.mark.parametrize("client", client_params())
def test_ls_unknown_fields_stay_in_raw(client: str) -> None:
    rows = parse_container_ls(read(client, "container-ls-size"))
    for row in rows:
        assert row.raw["Mounts"] == "" and row.raw["LocalVolumes"] == "0"
        if release(client) >= (28, 2):
            assert "Platform" in row.raw  # new in 28.2, null against a 20.10 daemon
    line = read(client, "container-ls").splitlines()[0]
    obj = json.loads(line)
    obj["FutureField"] = {"nested": [1, 2]}
    (row,) = parse_container_ls(json.dumps(obj))
    assert row.raw["FutureField"] == {"nested": [1, 2]}
    assert "FutureField" not in row.to_json() and "future_field" not in row.to_json()


@pytest.mark.parametrize(
    "status, state",
    [
        ("Up 2 hours", "running"),
        ("Up Less than a second", "running"),
        ("Up About a minute (healthy)", "running"),
        ("Up 3 seconds (health: starting)", "running"),
        ("Up 6 seconds (Paused)", "paused"),
        ("Restarting (1) Less than a second ago", "restarting"),
        ("Exited (3) 5 seconds ago", "exited"),
        ("Exited (137) About an hour ago", "exited"),
        ("Created", "created"),
        ("Removal In Progress", "removing"),
        ("Dead", "dead"),
        ("", "exited"),  # started, never finished: moby's StateString says exited
        ("Something new", None),
    ],
)
def test_state_from_status(status: str, state: str | None) -> None:
    assert state_from_status(status) == state


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize(
    "missing", ["CreatedAt", "Ports", "Labels", "Networks", "RunningFor", "Size", "State", "Command", "Image", "Names"]
)
def test_ls_missing_fields_are_none_or_empty(client: str, missing: str) -> None:
    """A field an older (or other) docker does not print parses to None (or empty), not an error."""
    for line in read(client, "container-ls-size").splitlines():
        obj = json.loads(line)
        obj.pop(missing, None)
        (row,) = parse_container_ls(json.dumps(obj))
        expected = {
            "CreatedAt": ("created_at", None),
            "Ports": ("ports", []),
            "Labels": ("labels", {}),
            "Networks": ("networks", []),
            "RunningFor": ("running_for", None),
            "Size": ("size_bytes", None),
            "Command": ("command", ""),
            "Image": ("image", ""),
            "Names": ("name", ""),
        }
        if missing == "State":
            assert row.state == state_from_status(obj["Status"])
        else:
            attribute, value = expected[missing]
            assert getattr(row, attribute) == value


def test_ls_row_without_id_is_parse_error() -> None:
    with pytest.raises(ParseError, match="no ID"):
        parse_container_ls('{"Names":"x"}')


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("field", ["Ports", "CreatedAt", "Size", "Labels", "Names", "Networks", "Status", "Command"])
@pytest.mark.parametrize("value", [5, ["a"], {"a": 1}, True])
def test_ls_changed_type_is_parse_error(client: str, field: str, value: object) -> None:
    """A field of another JSON type (a docker whose format changed) is a ParseError naming the
    command and the field, not a traceback."""
    lines = read(client, "container-ls-size").splitlines()
    obj = json.loads(lines[-1])
    obj[field] = value
    lines[-1] = json.dumps(obj)
    with pytest.raises(ParseError) as caught:
        parse_container_ls("\n".join(lines), "docker container ls --all")
    assert caught.value.command == "docker container ls --all"
    assert "docker container ls --all" in str(caught.value)
    if field in ("Ports", "CreatedAt", "Size", "Labels", "Status", "Command"):
        assert f"field {field}" in str(caught.value)


def test_ports_of_another_type_names_the_field() -> None:
    with pytest.raises(ParseError, match=r"field Ports.*5"):
        parse_container_ls('{"ID":"abc","Names":"x","Status":"Up 1 second","Ports":5}')


def test_garbled_line_is_parse_error_naming_the_line() -> None:
    text = read("28.2.2", "container-ls")
    lines = text.splitlines()
    lines.insert(2, lines[2][: len(lines[2]) // 2])
    with pytest.raises(ParseError) as caught:
        parse_container_ls("\n".join(lines))
    assert caught.value.command == "docker container ls"
    assert caught.value.line == lines[2]


@pytest.mark.parametrize("client", client_params())
def test_ls_deferred_fields_read_like_any_other(client: str) -> None:
    """Ports and labels are built on first read (benchmarks/parse_ls.py); a parsed row must still
    compare, print, copy, pickle and refuse assignment like a row built with every field given."""
    for row in parse_container_ls(read(client, "container-ls")):
        given = Container(**{f.name: getattr(row, f.name) for f in dataclasses.fields(row)})
        fresh = parse_container_ls(json.dumps(row.raw))[0]  # nothing read yet
        assert fresh == given and given == fresh
        assert repr(fresh) == repr(given)
        fresh = parse_container_ls(json.dumps(row.raw))[0]
        assert fresh.to_json(raw=True) == given.to_json(raw=True)
        fresh = parse_container_ls(json.dumps(row.raw))[0]
        assert pickle.loads(pickle.dumps(fresh)) == given
        assert copy.copy(parse_container_ls(json.dumps(row.raw))[0]) == given
        assert dataclasses.replace(parse_container_ls(json.dumps(row.raw))[0], name="other").ports == given.ports
        assert row.ports == parse_ports(row.raw.get("Ports")) and row.ports is row.ports
        assert row.labels == parse_labels(row.raw.get("Labels")) and row.labels is row.labels
        for name, value in (("ports", []), ("labels", {})):
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(parse_container_ls(json.dumps(row.raw))[0], name, value)


def test_ls_published_range_is_checked_while_parsing() -> None:
    row = parse_container_ls('{"ID":"abc","Ports":"0.0.0.0:8000-8001->8000-8001/tcp, 80/tcp"}')[0]
    assert row.ports == [
        PortMapping("0.0.0.0", 8000, 8000, "tcp"),
        PortMapping("0.0.0.0", 8001, 8001, "tcp"),
        PortMapping(None, None, 80, "tcp"),
    ]


def test_bad_ports_text_is_parse_error() -> None:
    with pytest.raises(ParseError, match="field Ports"):
        parse_container_ls('{"ID":"abc","Ports":"0.0.0.0:8000-8002->80-81/tcp"}')


def test_bad_time_is_parse_error() -> None:
    with pytest.raises(ParseError, match="field CreatedAt"):
        parse_container_ls('{"ID":"abc","CreatedAt":"yesterday"}')
