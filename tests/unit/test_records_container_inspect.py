"""Container inspect, top and stats records from the recorded output of every client
(dockwrap/container/records.py). ls: test_records_container.py."""

from __future__ import annotations

import json

import pytest

from dockwrap.container.records import (
    Container,
    ContainerDetails,
    Process,
    Stats,
    parse_container_inspect,
    parse_stats,
    parse_stats_stream,
    parse_top,
)
from dockwrap.errors import ParseError
from dockwrap.parse.ports import PortMapping

from .corpus import CREATED, DOCKER, EXITED, NET1, NET2, PAUSED, PORT_BASE, WEB, client_params, read

# docs/contract/records.md
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
