"""The volume verbs on the real engine (issue 17): what docker did, and each failure as its error
class, exit status and one line. Prunes are limited to this test's own label: the engine is shared."""

from __future__ import annotations

import json

import pytest

from dockwrap import DockerCommandFailed
from dockwrap.errors import NoSuchVolume, VolumeInUse
from tests.harness import DOCKER, docker_cli, dockwrap
from tests.integration.everyday import case_filter, label_words, one_error_line, sleeper

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def test_create_with_driver_options_and_labels_then_inspect_and_ls(docker, names, labels):
    name = names("vol")
    created = dockwrap(
        "volume",
        "create",
        "--driver",
        "local",
        "--opt",
        "type=tmpfs",
        "--opt",
        "device=tmpfs",
        "-o",
        "o=size=1m",
        *label_words(labels),
        "--json",
        name,
    )
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout) == {"name": name}
    other = docker.volume.create(labels=labels)  # docker names it
    assert len(other) == 64
    details = {d.name: d for d in docker.volume.inspect([name, other])}  # one call for both
    assert details[name].options == {"type": "tmpfs", "device": "tmpfs", "o": "size=1m"}
    assert details[name].labels == labels and details[other].options == {}
    assert details[name].driver == "local" and details[name].mountpoint.endswith(f"/{name}/_data")
    listed = docker.volume.ls(filters=[case_filter(labels), "driver=local"])
    assert sorted(v.name for v in listed) == sorted([name, other])
    quiet = dockwrap("volume", "ls", "-q", "--filter", case_filter(labels))
    assert sorted(quiet.stdout.split()) == sorted([name, other])
    table = dockwrap("volume", "ls", "--filter", f"name={name}").stdout.splitlines()
    assert table[0].split() == ["DRIVER", "VOLUME", "NAME"] and table[1].split() == ["local", name]


def test_rm_in_use_missing_and_forced(docker, names, labels):
    used, spare = names("vol"), names("vol")
    for volume in (used, spare):
        docker.volume.create(volume, labels=labels)
    user = sleeper(names("user"), labels, "-v", f"{used}:/data")
    with pytest.raises(VolumeInUse) as info:
        docker.volume.rm([spare, used])
    assert info.value.done == [spare]  # docker removed the other one
    assert info.value.containers and docker.container.inspect(user)[0].id.startswith(info.value.containers[0])
    one_error_line(dockwrap("volume", "rm", "-f", used), 1, "volume is in use")  # -f does not override it
    with pytest.raises(NoSuchVolume):
        docker.volume.rm(spare)
    missing = dockwrap("volume", "rm", spare)
    one_error_line(missing, 1, "no such volume")
    assert missing.stderr.splitlines()[-1] == "hint: list volumes with: dockwrap volume ls"
    assert docker.volume.rm(spare, force=True) == [spare]  # missing, forced: no error (docker's way)
    docker_cli("rm", "-f", user)
    assert dockwrap("volume", "rm", used).stdout == f"{used}\n"


def test_inspect_some_missing_shows_the_others_then_fails(docker, names, labels):
    name = names("vol")
    docker.volume.create(name, labels=labels)
    with pytest.raises(NoSuchVolume) as info:
        docker.volume.inspect([name, names("gone")])
    assert [d.name for d in info.value.done] == [name]
    result = dockwrap("volume", "inspect", "--json", name, names("gone"))
    assert [d["name"] for d in json.loads(result.stdout)] == [name]
    one_error_line(result, 1, "no such volume")


def test_prune_removes_the_unused_labelled_volumes(docker, names, labels):
    used, unused = names("vol"), names("vol")
    for volume in (used, unused):
        docker.volume.create(volume, labels=labels)
    docker_cli(
        "run",
        "--rm",
        "--pull",
        "never",
        "-v",
        f"{unused}:/d",
        "busybox:latest",
        "sh",
        "-c",
        "head -c 20000 /dev/zero > /d/blob",
    )
    sleeper(names("user"), labels, "-v", f"{used}:/data")
    refused = dockwrap("volume", "prune", "--filter", case_filter(labels))  # stdin is no terminal
    one_error_line(refused, 2, "asks before", "-f (--force)")
    assert docker_cli("volume", "inspect", unused).returncode == 0  # nothing was removed
    result = docker.volume.prune(filters=case_filter(labels))
    assert result.volumes == [unused] and result.containers == []
    assert result.space_reclaimed_bytes is not None and result.space_reclaimed_bytes >= 20000
    again = dockwrap("volume", "prune", "-f", "--filter", case_filter(labels))
    assert again.returncode == 0 and again.stdout == "Total reclaimed space: 0B\n"
    assert [v.name for v in docker.volume.ls(filters=case_filter(labels))] == [used]


def test_prune_all_where_the_engine_has_it(docker, names, labels):
    name = names("vol")
    docker.volume.create(name, labels=labels)
    api = tuple(int(part) for part in (docker.version().server.api_version or "0").split("."))
    result = dockwrap("volume", "prune", "-a", "-f", "--json", "--filter", case_filter(labels))
    if api >= (1, 42):
        assert json.loads(result.stdout)["volumes"] == [name]
    else:
        # docker 28 refuses --all against an engine older than API 1.42 (docker 23): its words
        one_error_line(result, 1, "1.42")
        with pytest.raises(DockerCommandFailed):
            docker.volume.prune(all=True, filters=case_filter(labels))


def test_bad_values_are_one_line(docker, names, labels):
    one_error_line(dockwrap("volume", "create", "--opt", "bogus=1", *label_words(labels), names("vol")), 1, "bogus")
    one_error_line(dockwrap("volume", "ls", "--filter", "bogus=1"), 1, "bogus")
    assert docker_cli("volume", "ls", "-q", "--filter", case_filter(labels)).stdout == ""


def test_each_call_is_shown_and_dry_run_runs_none(names, labels):
    name = names("vol")
    label = case_filter(labels).removeprefix("label=")
    printed = dockwrap("--dry-run", "volume", "create", "--label", label, name)
    assert printed.stdout == f"{DOCKER} volume create --label {label} {name}\n"
    assert docker_cli("volume", "inspect", name).returncode == 1  # only printed
    created = dockwrap("-x", "volume", "create", "--label", label, name)
    assert (created.returncode, created.stdout) == (0, f"{name}\n"), created.stderr
    assert created.stderr == f"+ {DOCKER} volume create --label {label} {name}\n"
    listed = dockwrap("-x", "volume", "ls", "-q", "--filter", f"label={label}")
    assert listed.stdout == f"{name}\n"
    assert listed.stderr == f"+ {DOCKER} volume ls --filter label={label} --format '{{{{json .}}}}'\n"
    (raw,) = json.loads(dockwrap("volume", "inspect", "--raw", name).stdout)  # docker's own object
    assert raw["Name"] == name and raw["Labels"] == {"dockwrap.test.case": labels["dockwrap.test.case"]}
    assert dockwrap("--dry-run", "volume", "rm", name).stdout == f"{DOCKER} volume rm {name}\n"
    assert dockwrap("volume", "rm", name).stdout == f"{name}\n"
    one_error_line(dockwrap("volume", "inspect", name), 1, "no such volume")
