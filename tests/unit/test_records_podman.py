"""podman 4.3.1's output (tests/fixtures/podman/, made by record_podman.sh) read into the same
records as docker's: the same JSON keys, at every level, as the record of docker's recording of
the same scene, and the values the scene has."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from dockwrap.container.records import (
    parse_container_inspect,
    parse_container_ls,
    parse_stats,
    parse_top,
)
from dockwrap.errors import ParseError
from dockwrap.image.records import parse_image_ls
from dockwrap.network.records import parse_network_inspect, parse_network_ls
from dockwrap.parse.podman import epoch_time, podman_ports, split_reference
from dockwrap.parse.ports import PortMapping, parse_port_lines
from dockwrap.system.records import parse_version

from .corpus import CREATED, EXITED, NET1, NET2, PAUSED, PODMAN_VERSIONS, PORT_BASE, WEB, read, read_podman

DOCKER = "28.2.2"  # the docker recording whose records podman's must look like
STATES = {WEB: "running", EXITED: "exited", CREATED: "created", PAUSED: "paused"}
IMAGE = "localhost/busybox:latest"  # podman names the image it loaded from docker so


def shape(value: Any) -> Any:
    """The keys of a to_json() value at every level (lists by their first item)."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def same_keys(podman: dict[str, Any], docker: dict[str, Any]) -> None:
    assert set(podman) == set(docker)
    for key, value in podman.items():
        other = docker[key]
        if isinstance(value, dict) and isinstance(other, dict) and key not in ("labels", "networks"):
            same_keys(value, other)
        elif isinstance(value, list) and value and isinstance(other, list) and other and isinstance(value[0], dict):
            same_keys(value[0], other[0])


@pytest.fixture(params=PODMAN_VERSIONS)
def version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# -- container ls ---------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["container-ls", "container-ls-no-trunc", "container-ls-json", "container-ls-size"])
def test_ls_rows(version: str, fixture: str) -> None:
    rows = {row.name: row for row in parse_container_ls(read_podman(version, fixture))}
    docker = parse_container_ls(read(DOCKER, "container-ls-size" if fixture == "container-ls-size" else "container-ls"))
    assert set(rows) == set(STATES)
    for name, row in rows.items():
        same_keys(row.to_json(), docker[0].to_json())
        assert row.state == STATES[name]
        assert row.image == IMAGE
        assert len(row.id) == (12 if fixture == "container-ls" else 64)
        assert isinstance(row.created_at, datetime) and row.created_at.utcoffset() is not None
        assert row.running_for and row.running_for.endswith("ago")
        assert row.labels["dockwrap.fixture"] == "1" and row.labels["fxrec.scene"] == "1"
        assert (row.size_bytes is not None) == (fixture == "container-ls-size")
    web = rows[WEB]
    assert web.status.startswith("Up ") and web.status.endswith("(healthy)")
    assert rows[EXITED].status.startswith("Exited (3) ")
    assert rows[PAUSED].status == "Paused"
    assert web.networks == [NET1, NET2] and rows[EXITED].networks == ["podman"]
    assert web.labels["fxrec.desc"] == "hello, world" and web.labels["fxrec.eq"] == "a=b=c"
    # podman lists published ports only (docker adds the exposed ones), ranges one by one
    assert web.ports == [
        PortMapping("127.0.0.1", PORT_BASE, 8000),
        PortMapping("127.0.0.1", PORT_BASE + 1, 8001),
        PortMapping("127.0.0.1", PORT_BASE + 2, 8002),
        PortMapping("127.0.0.1", PORT_BASE + 80, 80),
        PortMapping("127.0.0.1", PORT_BASE + 53, 53, "udp"),
        PortMapping("::1", PORT_BASE + 81, 80),
    ]
    # unlike docker, podman lists the ports of a created container
    assert rows[CREATED].ports == [PortMapping("127.0.0.1", PORT_BASE + 90, 80)]
    assert rows[EXITED].ports == []


def test_ls_template_and_json_agree(version: str) -> None:
    """podman's answer to dockwrap's per-field template and its own JSON make the same records,
    but for what the JSON says otherwise (the full ID, the command untruncated, whole seconds)."""
    template = {row.name: row for row in parse_container_ls(read_podman(version, "container-ls-no-trunc"))}
    own = {row.name: row for row in parse_container_ls(read_podman(version, "container-ls-json"))}
    for name, row in own.items():
        other = template[name]
        assert (row.id, row.image, row.state, row.status, row.networks, row.labels, row.ports) == (
            other.id,
            other.image,
            other.state,
            other.status,
            other.networks,
            other.labels,
            other.ports,
        )
        assert row.command == other.command
        assert row.created_at == other.created_at.replace(microsecond=0)


def test_ls_json_keeps_what_podman_printed(version: str) -> None:
    text = read_podman(version, "container-ls-json")
    rows = parse_container_ls(text)
    assert [row.raw for row in rows] == json.loads(text)
    assert all("Id" in row.raw and isinstance(row.raw["Names"], list) for row in rows)


def test_ls_labels_object_of_other_values_is_parse_error() -> None:
    line = read_podman(PODMAN_VERSIONS[0], "container-ls").splitlines()[0]
    row = json.loads(line)
    row["Labels"] = {"a": 1}
    with pytest.raises(ParseError, match="field Labels"):
        parse_container_ls(json.dumps(row))
    row["Labels"] = {}
    row["Status"] = 3
    with pytest.raises(ParseError, match="field Status"):
        parse_container_ls(json.dumps(row))


@pytest.mark.parametrize(
    "key, value",
    [
        ("Created", "yesterday"),
        ("Ports", [{"container_port": "80"}]),
        ("Ports", "80/tcp"),
        ("Size", {"rootFsSize": 3}),
        ("Labels", ["a=b"]),
    ],
)
def test_ls_json_bad_value_is_parse_error(key: str, value: Any) -> None:
    rows = json.loads(read_podman(PODMAN_VERSIONS[0], "container-ls-size"))
    rows[0][key] = value
    with pytest.raises(ParseError, match=f"field {key}"):
        parse_container_ls(json.dumps(rows))


# -- inspect, top, port, stats -----------------------------------------------------------------


def test_inspect(version: str) -> None:
    details = {d.name: d for d in parse_container_inspect(read_podman(version, "container-inspect"))}
    docker = parse_container_inspect(read(DOCKER, "container-inspect"))[0]
    assert list(details) == [WEB, EXITED, CREATED, PAUSED]  # no leading "/" in podman's Name
    for name, d in details.items():
        same_keys(d.to_json(), docker.to_json())
        assert d.state.status == STATES[name]
        assert d.image == IMAGE and len(d.image_id) == 64
    web = details[WEB]
    assert web.state.health == "healthy" and web.restart_policy == "unless-stopped" and web.hostname == "fxweb"
    assert web.command == ["sh", "-c", "httpd -p 80 -h /; httpd -f -p 8000 -h /"]
    assert set(web.networks) == {NET1, NET2} and "web" in web.networks[NET1].aliases
    assert web.networks[NET1].ip_address and web.networks[NET1].gateway
    assert PortMapping("::1", PORT_BASE + 81, 80) in web.ports and PortMapping(None, None, 7000) in web.ports
    # podman prints "" for a container without a health check, and for no restart policy
    assert details[EXITED].state.health is None and details[EXITED].restart_policy is None
    assert details[EXITED].state.exit_code == 3 and details[PAUSED].state.paused
    # podman repeats a one-word command in Args
    assert details[CREATED].command == ["true"] and details[PAUSED].command == ["sleep", "3600"]


@pytest.mark.parametrize(
    "fixture, columns",
    [
        ("container-top", {"%cpu", "elapsed"}),
        ("container-top-descriptors", set()),
        ("container-top-pid-comm", set()),
    ],
)
def test_top(version: str, fixture: str, columns: set[str]) -> None:
    processes = parse_top(read_podman(version, fixture))
    docker = parse_top(read(DOCKER, "container-top"))[0].to_json()
    assert [p.pid for p in processes][:2] == [1, 7]  # podman shows PIDs inside the container
    for process in processes:
        assert set(process.to_json()) == set(docker) | columns
        assert process.cmd and process.cmd.split()[0] in ("httpd", "ps")


def test_port(version: str) -> None:
    assert parse_port_lines(read_podman(version, "container-port")) == [
        PortMapping("127.0.0.1", PORT_BASE + n, 8000 + n) for n in range(3)
    ] + [
        PortMapping("127.0.0.1", PORT_BASE + 80, 80),
        PortMapping("127.0.0.1", PORT_BASE + 53, 53, "udp"),
        PortMapping("::1", PORT_BASE + 81, 80),
    ]
    assert parse_port_lines(read_podman(version, "container-port-created")) == []


def test_stats(version: str) -> None:
    stats = {s.name: s for s in parse_stats(read_podman(version, "container-stats"))}
    docker = parse_stats(read(DOCKER, "container-stats"))[0]
    assert set(stats) == {WEB, PAUSED}
    for s in stats.values():
        same_keys(s.to_json(), docker.to_json())
        assert len(s.id) == 12 and s.raw["id"] == s.id
        assert s.cpu_percent is not None and s.mem_usage_bytes and s.mem_limit_bytes and s.pids
        assert s.net_rx_bytes is not None and s.block_read_bytes == 0
    assert stats[WEB].pids == 2


def test_stats_wrong_type_is_parse_error() -> None:
    rows = json.loads(read_podman(PODMAN_VERSIONS[0], "container-stats"))
    rows[0]["pids"] = 2
    with pytest.raises(ParseError, match="PIDs"):
        parse_stats(json.dumps(rows))


# -- networks, images, version --------------------------------------------------------------


def test_network_ls(version: str) -> None:
    networks = {n.name: n for n in parse_network_ls(read_podman(version, "network-ls"))}
    docker = parse_network_ls(read(DOCKER, "network-ls"))[0]
    assert set(networks) == {NET1, NET2}
    for n in networks.values():
        same_keys(n.to_json(), docker.to_json())
        assert len(n.id) == 64 and n.driver == "bridge" and n.scope == "local" and not n.ipv6
        assert n.created_at and n.created_at.tzinfo is not None
    assert networks[NET1].labels["fxrec.desc"] == "a, b=c" and not networks[NET1].internal
    assert networks[NET2].internal
    (builtin,) = parse_network_ls(read_podman(version, "network-ls-builtin"))
    assert builtin.name == "podman" and builtin.labels == {}


def test_network_inspect(version: str) -> None:
    details = {d.name: d for d in parse_network_inspect(read_podman(version, "network-inspect"))}
    docker = parse_network_inspect(read(DOCKER, "network-inspect"))[0].to_json()
    assert set(details) == {NET1, NET2}
    for d in details.values():
        assert set(d.to_json()) == set(docker)
        assert d.subnet and d.subnet.endswith("/24") and d.gateway and d.containers == []
    assert details[NET2].internal and details[NET1].labels["fxrec.role"] == "frontend"


def test_image_ls(version: str) -> None:
    images = parse_image_ls(read_podman(version, "image-ls"))
    docker = parse_image_ls(read(DOCKER, "image-ls"))[0]
    # podman printed the image once per tag, with all three names each time: three rows, not nine
    assert [i.reference for i in images] == [
        "localhost/busybox:latest",
        "localhost/fxrec-img:v1",
        "localhost/fxrec-img:alias",
    ]
    for image in images:
        same_keys(image.to_json(), docker.to_json())
        assert len(image.id) == 64 and image.size_bytes and image.created_at and image.digest


def test_version(version: str) -> None:
    info = parse_version(read_podman(version, "version"))
    docker = parse_version(read(DOCKER, "version"))
    assert set(info.to_json()) == set(docker.to_json())
    same_keys(info.client.to_json(), docker.client.to_json())
    assert info.client.version == version and info.client.release == tuple(int(n) for n in version.split("."))
    assert info.server is None  # podman has no server side
    assert info.client.arch == "amd64" and info.client.os == "linux"
    assert info.client.built is None  # Debian's build records none (Built: 0)


# -- the helpers --------------------------------------------------------------------------------


def test_epoch_time() -> None:
    assert epoch_time(1796101244) == datetime(2026, 12, 1, 5, 0, 44, tzinfo=timezone.utc)
    assert epoch_time(-62135596800) is None and epoch_time(0) is None and epoch_time(None) is None
    for bad in ("1796101244", True, [1]):
        with pytest.raises(TypeError):
            epoch_time(bad)


def test_podman_ports() -> None:
    assert podman_ports(None) == []
    assert podman_ports([{"host_ip": "", "container_port": 53, "host_port": 0, "range": 2, "protocol": "udp"}]) == [
        PortMapping(None, None, 53, "udp"),
        PortMapping(None, None, 54, "udp"),
    ]
    with pytest.raises(TypeError):
        podman_ports("80/tcp")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("localhost/busybox:latest", ("localhost/busybox", "latest")),
        ("docker.io/library/busybox:1.36", ("docker.io/library/busybox", "1.36")),
        ("localhost:5000/x", ("localhost:5000/x", None)),
        ("localhost:5000/x:v1", ("localhost:5000/x", "v1")),
        ("x@sha256:abc", ("x@sha256:abc", None)),
        ("busybox", ("busybox", None)),
    ],
)
def test_split_reference(name: str, expected: tuple[str, str | None]) -> None:
    assert split_reference(name) == expected
