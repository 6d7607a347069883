"""`system info` and `system df` records from the recorded output of both clients
(dockwrap/system/records/, recorded on a private engine by tests/fixtures/record_system.sh)."""

from __future__ import annotations

import json

import pytest

from dockwrap.container.records import Container
from dockwrap.errors import ParseError
from dockwrap.image.records import Image
from dockwrap.system.records import (
    BuildCacheEntry,
    DiskUsage,
    ImageUsage,
    Info,
    UsageTotals,
    parse_df,
    parse_df_verbose,
    parse_info,
)
from dockwrap.volume.records import Volume

from .corpus import read, recorded_params

P = "fxrec-system"
INFO_KEYS = {
    "id",
    "name",
    "server_version",
    "operating_system",
    "kernel_version",
    "architecture",
    "cpus",
    "memory_bytes",
    "docker_root_dir",
    "storage_driver",
    "cgroup_driver",
    "cgroup_version",
    "containers",
    "containers_running",
    "containers_paused",
    "containers_stopped",
    "images",
    "swarm_state",
    "swarm_manager",
    "runtimes",
    "default_runtime",
    "warnings",
    "server_errors",
}


@pytest.mark.parametrize("client", recorded_params("system-info"))
def test_info(client: str) -> None:
    info = parse_info(read(client, "system-info"))
    assert isinstance(info, Info)
    assert info.server_version == "20.10.24+dfsg1"
    # the scene: a running, an exited and a paused container; busybox, a commit, a build
    assert (info.containers, info.containers_running, info.containers_paused, info.containers_stopped) == (3, 1, 1, 1)
    assert info.images == 3
    assert (info.storage_driver, info.cgroup_driver, info.cgroup_version) == ("overlay2", "cgroupfs", 1)
    assert (info.swarm_state, info.swarm_manager) == ("inactive", False)
    assert "runc" in info.runtimes and info.default_runtime == "runc" and info.runtimes == sorted(info.runtimes)
    assert info.warnings == [] and info.server_errors == []
    assert info.cpus and info.cpus >= 1 and info.memory_bytes and info.memory_bytes > 2**20
    assert info.architecture == "x86_64" and info.operating_system and info.kernel_version
    assert info.docker_root_dir and info.docker_root_dir.startswith("/tmp/dwr-")  # the private engine's
    assert info.id and info.id.count(":") == 11 and info.name
    assert set(info.to_json()) == INFO_KEYS
    json.dumps(info.to_json())


@pytest.mark.parametrize("client", recorded_params("system-info"))
def test_info_keys_depend_on_the_client(client: str) -> None:
    raw = parse_info(read(client, "system-info")).raw
    # the daemon's /info re-serialised by the client's own struct
    assert ("BridgeNfIptables" in raw) == client.startswith("20.")
    assert ("Version" in raw["ClientInfo"]) == client.startswith("28.")


@pytest.mark.parametrize("client", recorded_params("system-info-warnings"))
def test_info_warnings(client: str) -> None:
    info = parse_info(read(client, "system-info-warnings"))
    assert info.storage_driver == "overlay"
    assert info.warnings == [
        "WARNING: the overlay storage-driver is deprecated, and will be removed in a future release."
    ]


@pytest.mark.parametrize("client", recorded_params("system-info-unreachable"))
def test_info_without_daemon(client: str) -> None:
    info = parse_info(read(client, "system-info-unreachable"))
    assert info.server_version is None and info.containers == 0 and info.runtimes == []
    if client.startswith("20."):  # exit 0, the reason in the JSON
        assert info.server_errors == [
            "Cannot connect to the Docker daemon at unix:///nonexistent.sock. Is the docker daemon running?"
        ]
    else:  # every server field zero; exit 1, the reason on stderr (errors/28.2.2/daemon-unreachable-info.txt)
        assert info.server_errors == [] and info.id is None and info.cgroup_version is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        "[]",
        '{"ID": "x"}',
        '{"ServerVersion": 20}',
        '{"ServerVersion": "1", "Containers": "3"}',
        '{"ServerVersion": "1", "Warnings": "w"}',
        '{"ServerVersion": "1", "Swarm": []}',
        '{"ServerVersion": "1", "NCPU": true}',
        '{"ServerVersion": "1", "Runtimes": ["runc"]}',
        '{"ServerVersion": "1"',
    ],
)
def test_info_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_info(text)
    assert caught.value.command == "docker system info"


@pytest.mark.parametrize("client", recorded_params("system-df"))
def test_df(client: str) -> None:
    usage = parse_df(read(client, "system-df"))
    assert isinstance(usage, DiskUsage) and isinstance(usage.images, UsageTotals)
    assert (usage.images.total, usage.images.active) == (3, 1)
    assert (usage.containers.total, usage.containers.active) == (3, 2)  # running and paused
    # 4000 + 2000 bytes written into the containers' layers; the exited one's 2000 is reclaimable
    assert (usage.containers.size_bytes, usage.containers.reclaimable_bytes) == (6000, 2000)
    assert usage.containers.reclaimable_percent == 33.0
    assert (usage.volumes.total, usage.volumes.active, usage.volumes.size_bytes) == (2, 1, 8000)
    assert usage.build_cache.total >= 1 and usage.build_cache.reclaimable_percent is None  # no share printed
    data = usage.to_json()
    assert set(data) == {"images", "containers", "volumes", "build_cache"}
    assert set(data["images"]) == {"total", "active", "size_bytes", "reclaimable_bytes", "reclaimable_percent"}
    json.dumps(data)


@pytest.mark.parametrize("client", recorded_params("system-df-verbose"))
def test_df_verbose(client: str) -> None:
    rows = parse_df_verbose(read(client, "system-df-verbose"))
    images = {f"{u.image.repository}:{u.image.tag}": u for u in rows.images}
    # one row per image, under one of its tags (image ls has a row per tag: busybox's
    # second tag fxrec-system-img:v1 is not listed)
    assert set(images) == {"busybox:latest", f"{P}-committed:v1", f"{P}-built:v1"}
    assert all(isinstance(u, ImageUsage) and isinstance(u.image, Image) for u in rows.images)
    built = images[f"{P}-built:v1"]  # FROM scratch: all its own
    assert built.shared_size_bytes == 0 and built.unique_size_bytes == built.image.size_bytes == 3000
    assert images["busybox:latest"].containers == 3
    containers = {c.name: c for c in rows.containers}
    assert set(containers) == {f"{P}-web", f"{P}-exited", f"{P}-paused"}
    assert all(isinstance(c, Container) for c in rows.containers)
    assert containers[f"{P}-web"].size_bytes == 4000 and containers[f"{P}-paused"].state == "paused"
    volumes = {v.name: v for v in rows.volumes}
    assert all(isinstance(v, Volume) for v in rows.volumes)
    assert (volumes[f"{P}-vol"].size_bytes, volumes[f"{P}-vol"].links) == (8000, 1)
    assert (volumes[f"{P}-spare"].size_bytes, volumes[f"{P}-spare"].links) == (0, 0)
    assert rows.build_cache and all(isinstance(entry, BuildCacheEntry) for entry in rows.build_cache)
    assert {entry.type for entry in rows.build_cache} <= {"source.local", "regular"}
    assert all(entry.created_at and entry.last_used_at and entry.usage_count == 1 for entry in rows.build_cache)
    totals = parse_df(read(client, "system-df"))
    assert len(rows.images) == totals.images.total and len(rows.build_cache) == totals.build_cache.total
    # docker's total counts a shared record once: it leaves the shared ones out
    assert sum(entry.size_bytes or 0 for entry in rows.build_cache if not entry.shared) == totals.build_cache.size_bytes
    json.dumps(rows.to_json())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "garbage",
        '{"Type":"Images","TotalCount":"1","Active":"0","Size":"1B","Reclaimable":"0B"}',
        '{"Type":"Disks","TotalCount":"1","Active":"0","Size":"1B","Reclaimable":"0B"}',
    ],
)
def test_df_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_df(text)
    assert caught.value.command == "docker system df"


def test_df_bad_values() -> None:
    text = read("28.2.2", "system-df")
    for bad in ('"Active":"lots"', '"Size":"big"', '"Reclaimable":"0B (x%)"', '"TotalCount":"N/A"'):
        key = bad.split(":")[0]
        lines = [line.replace(line[line.index(key) :].split(",")[0], bad, 1) for line in text.splitlines()]
        with pytest.raises(ParseError):
            parse_df("\n".join(lines))
    with pytest.raises(ParseError):
        parse_df(text[: len(text) // 2])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "[]",
        '{"Images": []}',
        '{"Images": {}, "Containers": [], "Volumes": []}',
        '{"Images": [], "Containers": [{"ID": 1}], "Volumes": []}',
        '{"Images": [], "Containers": [], "Volumes": [], "BuildCache": [{"ID": "x", "InUse": "maybe"}]}',
    ],
)
def test_df_verbose_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_df_verbose(text)
    assert caught.value.command == "docker system df -v"
