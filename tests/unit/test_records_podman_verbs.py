"""podman 4.3.1's output for the verbs wrapped after record_podman.sh's (tests/fixtures/podman/,
made by record_podman_verbs.sh: volumes, the rest of the container verbs, images, system) read
into the same records as docker's recordings of the same commands."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from dockwrap.container.records.wait import parse_wait
from dockwrap.image.records.archive import parse_image_import, parse_image_load
from dockwrap.image.records.build import failed_step, parse_build
from dockwrap.image.records.history import parse_image_history
from dockwrap.image.records.inspect import parse_image_inspect
from dockwrap.image.records.remove import parse_image_rm
from dockwrap.parse.prune import parse_podman_prune, parse_prune
from dockwrap.system.records import parse_info
from dockwrap.system.records.df import parse_df
from dockwrap.system.records.events import parse_events
from dockwrap.volume.records import parse_volume_inspect, parse_volume_ls

from .corpus import PODMAN_VERSIONS, read, read_podman

DOCKER = "28.2.2"  # the docker recording whose records podman's must look like
SCENE = {"dockwrap.fixture": "1", "fxrec.scene": "pverbs"}


@pytest.fixture(params=PODMAN_VERSIONS)
def version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def keys(record: Any) -> set[str]:
    return set(record.to_json())


# -- volumes ----------------------------------------------------------------------------------


def test_volume_ls_reads_podmans_array_and_label_maps(version: str) -> None:
    text = read_podman(version, "volume-ls")
    rows = {row.name: row for row in parse_volume_ls(text)}
    assert set(rows) == {"fxrec-pv-data", "fxrec-pv-tmpfs", "fxrec-pv-used"}
    docker = parse_volume_ls(read(DOCKER, "volume-ls"))[0]
    for row in rows.values():
        assert keys(row) == keys(docker)
        assert row.driver == "local" and row.scope == "local" and row.mountpoint.endswith("/_data")
        assert row.labels.items() >= SCENE.items()
        assert row.size_bytes is None and row.links is None  # podman's rows have neither
    # podman split `--label 'fxrec.desc=a, b=c'` at the comma itself (docker keeps one label)
    assert rows["fxrec-pv-data"].labels["fxrec.desc"] == "a" and rows["fxrec-pv-data"].labels[" b"] == "c"
    assert [row.raw for row in parse_volume_ls(text)] == json.loads(text)


def test_volume_inspect(version: str) -> None:
    details = {row.name: row for row in parse_volume_inspect(read_podman(version, "volume-inspect"))}
    assert set(details) == {"fxrec-pv-data", "fxrec-pv-tmpfs", "fxrec-pv-used"}
    assert details["fxrec-pv-tmpfs"].options == {"device": "tmpfs", "type": "tmpfs"}
    assert details["fxrec-pv-data"].options == {}
    assert all(
        isinstance(row.created_at, datetime) and row.created_at.utcoffset() is not None for row in details.values()
    )


def test_volume_create_and_rm_print_the_name(version: str) -> None:
    assert read_podman(version, "volume-create").strip() == "fxrec-pv-new"
    assert read_podman(version, "volume-rm").strip() == "fxrec-pv-new"
    anonymous = read_podman(version, "volume-create-anonymous").strip()
    assert len(anonymous) == 64 and int(anonymous, 16) >= 0


# -- prunes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "noun", "kind", "count"),
    [
        ("volume-prune", "volume", "volumes", 2),
        ("container-prune", "container", "containers", 2),
        ("image-prune", "image", "images", 3),
    ],
)
def test_prunes_list_what_went_one_a_line(version: str, name: str, noun: str, kind: str, count: int) -> None:
    result = parse_podman_prune(read_podman(version, name), noun)
    removed = getattr(result, kind)
    assert len(removed) == count and result.removed == removed
    assert result.space_reclaimed_bytes is None  # podman prints no total
    if kind == "volumes":
        assert removed == ["fxrec-pv-prune1", "fxrec-pv-prune2"]
    else:
        assert all(len(item) == 64 for item in removed)
    nothing = parse_podman_prune(read_podman(version, f"{name}-nothing"), noun)
    assert nothing.removed == [] and read_podman(version, f"{name}-nothing") == ""
    assert keys(result) == keys(parse_prune(read(DOCKER, name)))


def test_system_prune_reads_podmans_headings(version: str) -> None:
    result = parse_prune(read_podman(version, "system-prune"))
    assert len(result.containers) == 1 and len(result.containers[0]) == 64
    assert result.networks == ["fxrec-pv-net"]
    assert result.volumes == result.images == result.build_cache == []
    assert result.space_reclaimed_bytes == 0
    nothing = parse_prune(read_podman(version, "system-prune-nothing"))
    assert nothing.removed == [] and nothing.space_reclaimed_bytes == 0


# -- the rest of the container verbs ------------------------------------------------------------


def test_container_wait_and_the_verbs_that_print_names(version: str) -> None:
    assert [(r.name, r.status) for r in parse_wait(read_podman(version, "container-wait"), ["a", "b"])] == [
        ("a", 137),
        ("b", 3),
    ]
    created = read_podman(version, "container-create").strip()
    assert len(created) == 64
    for name in ("container-kill",):
        assert read_podman(version, name).strip() == "fxrec-pv-jobr"
    for name in ("container-pause", "container-unpause", "container-restart"):
        assert read_podman(version, name).strip() == "fxrec-pv-web"
    # update prints the full ID, where docker prints the name given
    assert len(read_podman(version, "container-update").strip()) == 64
    for name in ("container-rename", "container-cp-in", "container-cp-out"):
        assert read_podman(version, name) == ""


# -- images -----------------------------------------------------------------------------------


def test_image_history_reads_podmans_own_keys(version: str) -> None:
    built = parse_image_history(read_podman(version, "image-history-built"))
    docker = parse_image_history(read(DOCKER, "image-history"))[0]
    assert all(keys(row) == keys(docker) for row in built)
    assert [row.size_bytes for row in built] == [0, 6144, 0, 2017280]
    assert built[1].id is None and built[3].id is None  # `<missing>`, as docker says it
    assert built[0].id and len(built[0].id) == 64
    assert built[1].created_by == '/bin/sh -c echo "built here" && echo built > /built'
    assert built[3].created_by == "" and built[3].comment == "Imported from -"
    assert all(row.created_at and row.created_at.tzinfo is timezone.utc for row in built)
    # podman's ID is whole either way
    assert parse_image_history(read_podman(version, "image-history-built-no-trunc")) == built
    (imported,) = parse_image_history(read_podman(version, "image-history"))
    assert imported.comment == "Imported from -" and imported.size_bytes == 2017280


def test_image_build_reads_podmans_steps(version: str) -> None:
    result = parse_build(read_podman(version, "image-build"))
    iid = read_podman(version, "image-build-iidfile")
    assert iid == f"sha256:{result.image_id}"  # what built() reads from --iidfile in the end
    assert result.tags == ["localhost/fxrec-pv-built:v1"]
    assert [(s.number, s.total, s.instruction.split()[0]) for s in result.steps] == [
        (1, 4, "FROM"),
        (2, 4, "LABEL"),
        (3, 4, "RUN"),
        (4, 4, "LABEL"),
    ]
    assert result.steps[0].image_id is None
    assert [len(s.image_id or "") for s in result.steps[1:]] == [11, 11, 11]
    assert result.steps[2].output == ["built here"]
    assert result.steps[3].image_id and result.image_id.startswith(result.steps[3].image_id)
    assert keys(result) == keys(parse_build(read(DOCKER, "image-build")))
    # a build cut short after a step: that step is the failed one, with its output
    cut = "\n".join(read_podman(version, "image-build").splitlines()[:5]) + "\n"
    step = failed_step(cut)
    assert step is not None and step.number == 3 and step.output == ["built here"]


def test_image_inspect_load_import_rm(version: str) -> None:
    busybox, tagged = parse_image_inspect(read_podman(version, "image-inspect"))  # two names of one image
    assert busybox == tagged and len(busybox.id) == 64 and "localhost/fxrec-pv-img:v1" in busybox.repo_tags
    assert keys(busybox) == keys(parse_image_inspect(read(DOCKER, "image-inspect"))[0])
    loaded = parse_image_load(read_podman(version, "image-load"))
    assert loaded.references == ["localhost/fxrec-pv-img:v1"] and loaded.image_ids == []
    imported = parse_image_import(read_podman(version, "image-import"))
    assert imported.image_id.startswith("sha256:") and len(imported.image_id) == 71
    assert [(r.action, r.reference) for r in parse_image_rm(read_podman(version, "image-rm"))] == [
        ("untagged", "localhost/fxrec-pv-img:alias")
    ]
    deleted = parse_image_rm(read_podman(version, "image-rm-deleted"))
    assert [r.action for r in deleted] == ["untagged", "deleted"]
    assert f"sha256:{deleted[1].reference}" == imported.image_id


# -- system -----------------------------------------------------------------------------------


def test_info_reads_podmans_object(version: str) -> None:
    text = read_podman(version, "system-info")
    info = parse_info(text)
    raw = json.loads(text)
    assert keys(info) == keys(parse_info(read(DOCKER, "system-info")))
    assert info.server_version == raw["version"]["Version"] == version
    assert info.id is None and info.swarm_state is None and info.swarm_manager is False
    assert info.name == raw["host"]["hostname"] and info.kernel_version == raw["host"]["kernel"]
    assert info.storage_driver == "overlay" and info.cgroup_driver == "cgroupfs"
    assert info.cgroup_version == int(raw["host"]["cgroupVersion"].lstrip("v"))
    assert info.docker_root_dir == raw["store"]["graphRoot"]
    assert info.images == raw["store"]["imageStore"]["number"]
    assert info.containers == raw["store"]["containerStore"]["number"]
    assert info.runtimes == ["runc"] and info.default_runtime == "runc"
    assert info.cpus and info.cpus > 0 and info.memory_bytes and info.memory_bytes > 0
    assert info.operating_system == "debian 12"
    assert info.warnings == [] and info.server_errors == []


def test_df_reads_podmans_numbers(version: str) -> None:
    usage = parse_df(read_podman(version, "system-df"))
    assert keys(usage) == keys(parse_df(read(DOCKER, "system-df")))
    assert (usage.images.total, usage.images.active, usage.images.size_bytes) == (1, 0, 2019080)
    assert usage.images.reclaimable_bytes == 2019080 and usage.images.reclaimable_percent is None
    assert (usage.volumes.total, usage.containers.total) == (3, 0)
    # podman has no build cache of docker's: none of it
    assert (usage.build_cache.total, usage.build_cache.size_bytes, usage.build_cache.raw) == (0, 0, {})


def test_events_read_podmans_objects(version: str) -> None:
    text = read_podman(version, "system-events")
    events = parse_events(text)
    assert [event.raw for event in events] == [json.loads(line) for line in text.splitlines()]
    docker = parse_events(read(DOCKER, "system-events"))[0]
    assert all(keys(event) == keys(docker) for event in events)
    three = [event for event in events if event.name == "fxrec-pv-event3"]
    assert [event.action for event in three] == ["create", "init", "start", "attach", "died", "cleanup", "remove"]
    died = three[4]
    assert died.exit_code == 3 and died.type == "container" and len(died.actor_id) == 64
    assert died.attributes["image"] == "localhost/busybox:latest"
    assert died.attributes.items() >= SCENE.items()
    assert died.time_nano == int(died.raw["Time"][20:29]) + int(died.time.timestamp()) * 1_000_000_000
    assert died.time.microsecond == int(died.raw["Time"][20:26])
    images = [event for event in events if event.type == "image"]
    assert images and all(event.scope is None and event.status is None for event in images)
    assert {event.action for event in images} >= {"untag", "remove", "pull"}
