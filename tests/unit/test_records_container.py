"""Container records from the recorded output of every client (dockwrap/container/records.py)."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from datetime import datetime

import pytest

from dockwrap.container.records import (
    Container,
    ContainerDetails,
    Process,
    Stats,
    parse_container_inspect,
    parse_container_ls,
    parse_stats,
    parse_stats_stream,
    parse_top,
    state_from_status,
)
from dockwrap.errors import ParseError
from dockwrap.parse.labels import parse_labels
from dockwrap.parse.ports import PortMapping, parse_ports

from .corpus import CREATED, DOCKER, EXITED, NET1, NET2, PAUSED, PORT_BASE, WEB, client_params, read, release

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
PROCESS_KEYS = {"uid", "pid", "ppid", "c", "stime", "tty", "time", "cmd"}
DETAILS_KEYS = {
    "id",
    "name",
    "image",
    "image_id",
    "command",
    "created_at",
    "state",
    "networks",
    "ports",
    "labels",
    "env",
    "restart_policy",
    "hostname",
}
STATE_KEYS = {"status", "running", "paused", "restarting", "pid", "exit_code", "started_at", "finished_at", "health"}
ENDPOINT_KEYS = {"ip_address", "aliases", "mac_address", "gateway", "network_id"}
STATS_KEYS = {
    "id",
    "name",
    "cpu_percent",
    "mem_usage_bytes",
    "mem_limit_bytes",
    "mem_percent",
    "net_rx_bytes",
    "net_tx_bytes",
    "block_read_bytes",
    "block_write_bytes",
    "pids",
}

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


# -- container top ------------------------------------------------------------------------------


@pytest.mark.parametrize("client", client_params())
def test_top_default_columns(client: str) -> None:
    processes = parse_top(read(client, "container-top"))
    assert processes and all(isinstance(p, Process) for p in processes)
    inspected = {item["Name"]: item for item in json.loads(read(client, "container-inspect"))}
    main = inspected[f"/{WEB}"]["State"]["Pid"]
    assert main in {p.pid for p in processes}  # host PIDs
    by_pid = {p.pid: p for p in processes}
    assert by_pid[main].cmd == "httpd -f -p 8000 -h /"  # CMD with spaces, whole
    child = next(p for p in processes if p.pid != main)
    assert child.ppid == main and child.cmd == "httpd -p 80 -h /"
    for process in processes:
        assert process.uid == "root" and process.tty == "?" and process.extra == {}
        assert set(process.to_json()) == PROCESS_KEYS
        assert isinstance(process.pid, int) and isinstance(process.ppid, int)


@pytest.mark.parametrize("client", client_params())
def test_top_custom_columns(client: str) -> None:
    processes = parse_top(read(client, "container-top-pid-comm"))
    assert processes and all(p.cmd == "httpd" for p in processes)
    for process in processes:
        assert process.ppid is None and process.uid is None and process.stime is None
        assert set(process.to_json()) == PROCESS_KEYS
        assert process.raw == {"PID": str(process.pid), "COMMAND": "httpd"}
    for process in parse_top(read(client, "container-top-user-args")):
        assert process.uid == "root" and process.ppid is not None and process.cmd.startswith("httpd -")


@pytest.mark.parametrize("client", client_params())
def test_top_aux_keeps_other_columns(client: str) -> None:
    processes = parse_top(read(client, "container-top-aux"))
    assert processes
    for process in processes:
        data = process.to_json()
        assert set(data) == PROCESS_KEYS | {"%cpu", "%mem", "vsz", "rss", "stat", "start"}
        assert process.uid == "root" and process.cmd.startswith("httpd -")
        assert data["vsz"].isdigit() and process.ppid is None


@pytest.mark.parametrize("client", client_params())
def test_top_of_paused_container(client: str) -> None:
    (process,) = parse_top(read(client, "container-top-paused"))
    assert process.cmd == "sleep 3600"


def test_top_only_last_column_may_hold_spaces() -> None:
    text = (
        "UID        PID    PPID   C   STIME   TTY   TIME       CMD\n"
        "root       7001   6980   0   17:38   ?     00:00:00   sh -c  'echo  a   b'\n"
    )
    (process,) = parse_top(text)
    assert process.cmd == "sh -c  'echo  a   b'" and process.pid == 7001 and process.ppid == 6980


@pytest.mark.parametrize(
    "text, match",
    [
        ("UID CMD\nroot sh\n", "no PID column"),
        ("UID PID PPID CMD\nroot 12\n", "expected 4 columns"),
        ("PID CMD\nabc sh\n", "field PID"),
        ("PID PPID CMD\n1 x sh\n", "field PPID"),
    ],
)
def test_top_garbage_is_parse_error(text: str, match: str) -> None:
    with pytest.raises(ParseError, match=match) as caught:
        parse_top(text, "docker container top web")
    assert caught.value.command == "docker container top web"


def test_top_empty() -> None:
    assert parse_top("") == []
    assert parse_top("UID PID PPID C STIME TTY TIME CMD\n") == []


# -- container stats ----------------------------------------------------------------------------


@pytest.mark.parametrize("client", client_params())
def test_stats(client: str) -> None:
    samples = {s.name: s for s in parse_stats(read(client, "container-stats"))}
    assert set(samples) == {WEB, PAUSED}
    web = samples[WEB]
    usage, limit = web.raw["MemUsage"].split(" / ")
    assert usage.endswith("iB") and limit.endswith("iB")  # memory in binary units, the rest decimal
    assert web.mem_usage_bytes and web.mem_limit_bytes and web.mem_limit_bytes > web.mem_usage_bytes
    assert web.pids == 2 and web.cpu_percent is not None and web.mem_percent is not None
    assert web.net_rx_bytes is not None and web.block_read_bytes is not None
    for sample in samples.values():
        assert set(sample.to_json()) == STATS_KEYS and len(sample.id) == 12


@pytest.mark.parametrize("client", client_params())
def test_stats_of_stopped_containers(client: str) -> None:
    samples = {s.name: s for s in parse_stats(read(client, "container-stats-all"))}
    assert set(samples) == {WEB, EXITED, CREATED}
    for name in (EXITED, CREATED):
        stopped = samples[name]
        assert (stopped.cpu_percent, stopped.mem_usage_bytes, stopped.mem_limit_bytes, stopped.pids) == (0.0, 0, 0, 0)
        assert stopped.raw["Container"] == name  # what was asked for, not always the name


def test_stats_invalid_sample_is_none() -> None:
    line = (
        '{"BlockIO":"--","CPUPerc":"--","Container":"abc","ID":"abc","MemPerc":"--","MemUsage":"-- / --",'
        '"Name":"--","NetIO":"--","PIDs":"--"}'
    )
    (sample,) = parse_stats(line)
    assert sample.to_json() == {key: None for key in STATS_KEYS} | {"id": "abc"}


def test_stats_stream_clear_codes_are_dropped() -> None:
    line = read("28.2.2", "container-stats").splitlines()[0]
    (sample,) = parse_stats("\x1b[2J\x1b[H" + line + "\n")
    assert isinstance(sample, Stats) and sample.name == WEB


@pytest.mark.parametrize("client", ["28.2.2", "20.10.24"])
def test_live_stats_stream_as_docker_draws_it(client: str) -> None:
    """A live `stats` (no --no-stream) recorded for 4 s (record.sh): 28.x draws each frame twice,
    the second time with ESC[K after each line (before: "a line is not JSON" after one sample);
    20.10 clears the screen and draws it once. Each sample comes once, in order, per container."""
    text = (DOCKER / client / "stats-stream.txt").read_bytes().decode()
    frames = text.count("\x1b[H") // (2 if client == "28.2.2" else 1)
    assert frames >= 3
    samples = list(parse_stats_stream(text.splitlines(keepends=True)))
    assert [s.name for s in samples] == ["fxrec-web", "fxrec-paused"] * frames
    assert all(s.mem_usage_bytes and s.pids for s in samples)


def test_live_stats_stream_line_by_line_as_it_comes() -> None:
    """The first frame of 28.x is known for what it is only at its second drawing (same write)."""
    lines = (DOCKER / "28.2.2" / "stats-stream.txt").read_bytes().decode().splitlines(keepends=True)
    stream = parse_stats_stream(iter(lines))
    first = next(stream)
    assert first.name == "fxrec-web"


@pytest.mark.parametrize("field", ["MemUsage", "NetIO", "BlockIO", "CPUPerc", "MemPerc", "PIDs"])
def test_stats_changed_type_or_garbage_is_parse_error(field: str) -> None:
    obj = json.loads(read("28.2.2", "container-stats").splitlines()[0])
    for value in (5, "lots"):
        obj[field] = value
        with pytest.raises(ParseError, match=f"field {field}"):
            parse_stats(json.dumps(obj))


# -- container inspect --------------------------------------------------------------------------


@pytest.mark.parametrize("client", client_params())
def test_inspect(client: str) -> None:
    details = {d.name: d for d in parse_container_inspect(read(client, "container-inspect"))}
    assert set(details) == set(STATES)
    web = details[WEB]
    assert isinstance(web, ContainerDetails)
    assert len(web.id) == 64 and web.image == "busybox:latest" and web.image_id.startswith("sha256:")
    assert web.command == ["sh", "-c", "httpd -p 80 -h /; httpd -f -p 8000 -h /"]
    assert web.state.status == "running" and web.state.running and web.state.pid > 0
    assert web.state.health == "healthy" and web.state.finished_at is None
    assert web.state.started_at is not None and web.created_at is not None and web.state.started_at > web.created_at
    assert set(web.networks) == {NET1, NET2}
    assert "web" in web.networks[NET1].aliases and "web2" in web.networks[NET2].aliases
    assert web.ip_addresses[NET1] == web.networks[NET1].ip_address and web.networks[NET1].gateway
    assert web.labels["fxrec.desc"] == "hello, world" and web.labels["fxrec.eq"] == "a=b=c"
    assert "FXREC_MODE=web" in web.env
    assert web.restart_policy == "unless-stopped" and web.hostname == "fxweb"
    assert PortMapping("::1", PORT_BASE + 81, 80, "tcp") in web.ports
    exited = details[EXITED]
    assert exited.state.status == "exited" and exited.state.exit_code == 3 and not exited.state.running
    assert exited.state.finished_at is not None and exited.state.health is None
    assert exited.restart_policy == "no"
    created = details[CREATED]
    assert created.state.status == "created" and created.state.started_at is None  # Go's zero time
    assert created.ports == []
    paused = details[PAUSED]
    assert paused.state.paused and paused.state.running and paused.state.status == "paused"


@pytest.mark.parametrize("client", client_params())
def test_inspect_to_json_has_contract_keys(client: str) -> None:
    for detail in parse_container_inspect(read(client, "container-inspect")):
        data = detail.to_json()
        assert set(data) == DETAILS_KEYS
        assert set(data["state"]) == STATE_KEYS
        for endpoint in data["networks"].values():
            assert set(endpoint) == ENDPOINT_KEYS
        for port in data["ports"]:
            assert set(port) == PORT_KEYS
        json.dumps(data)
        assert detail.raw["Id"] == detail.id


@pytest.mark.parametrize(
    "change",
    [
        lambda o: o["State"].__setitem__("Pid", "many"),
        lambda o: o["Config"].__setitem__("Labels", ["a"]),
        lambda o: o["NetworkSettings"].__setitem__("Networks", ["bridge"]),
        lambda o: o["NetworkSettings"].__setitem__("Ports", {"80/tcp": 5}),
        lambda o: o.__setitem__("Created", "yesterday"),
        lambda o: o.__setitem__("State", "running"),
        lambda o: o.pop("Id"),
    ],
)
def test_inspect_changed_shape_is_parse_error(change) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(read("28.2.2", "container-inspect"))[0]
    change(obj)
    with pytest.raises(ParseError) as caught:
        parse_container_inspect(json.dumps([obj]))
    assert caught.value.command == "docker container inspect"


def test_a_field_is_deferred_once() -> None:
    from dockwrap.parse.record import deferred

    with pytest.raises(TypeError, match="not a slot"):
        deferred(Container, "ports", lambda row: [])  # already deferred
