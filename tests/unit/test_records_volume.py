"""Volume records from the recorded output of both clients (dockwrap/volume/records.py, made by
tests/fixtures/record_volume.sh)."""

from __future__ import annotations

import json
from datetime import timezone

import pytest

from dockwrap.errors import ParseError
from dockwrap.parse.echo import parse_id, parse_names
from dockwrap.volume.records import Volume, VolumeDetails, parse_volume_inspect, parse_volume_ls

from .corpus import ERRORS, read, read_error, recorded_params

DATA, TMPFS, USED = "fxrec-volume-data", "fxrec-volume-tmpfs", "fxrec-volume-used"
SCENE = {"dockwrap.fixture": "1", "fxrec.scene": "volume"}
VOLUME_KEYS = {"name", "driver", "scope", "mountpoint", "labels", "size_bytes", "links"}
DETAILS_KEYS = {"name", "driver", "scope", "mountpoint", "labels", "options", "created_at"}


def _anonymous(name: str) -> bool:
    return len(name) == 64 and all(char in "0123456789abcdef" for char in name)


@pytest.mark.parametrize("client", recorded_params("volume-ls"))
def test_volume_ls(client: str) -> None:
    volumes = parse_volume_ls(read(client, "volume-ls"))
    named = {v.name: v for v in volumes if not _anonymous(v.name)}
    assert set(named) == {DATA, TMPFS, USED}
    anonymous = [v for v in volumes if _anonymous(v.name)]
    assert len(anonymous) == 1 and anonymous[0].labels == SCENE | {"fxrec.role": "anonymous"}
    data = named[DATA]
    assert isinstance(data, Volume)
    # a value holding ", " and "=" survives the comma-joined list form
    assert data.labels == SCENE | {"fxrec.role": "data", "fxrec.desc": "a, b=c"}
    assert (data.driver, data.scope) == ("local", "local")
    assert data.mountpoint == f"/var/lib/docker/volumes/{DATA}/_data"
    # N/A outside `system df -v`
    assert all(v.size_bytes is None and v.links is None for v in volumes)
    for volume in volumes:
        assert set(volume.to_json()) == VOLUME_KEYS
        json.dumps(volume.to_json())


@pytest.mark.parametrize("client", recorded_params("volume-ls"))
def test_volume_ls_cluster_fields_stay_in_raw(client: str) -> None:
    for volume in parse_volume_ls(read(client, "volume-ls")):
        # Availability, Group and Status (cluster volumes) are 23.0's; N/A for local volumes
        assert ("Availability" in volume.raw) == client.startswith("28.")
        assert volume.raw.get("Status", "N/A") == "N/A"


@pytest.mark.parametrize("client", recorded_params("volume-ls-dangling"))
def test_volume_ls_filters(client: str) -> None:
    dangling = {v.name for v in parse_volume_ls(read(client, "volume-ls-dangling"))}
    assert DATA in dangling and TMPFS in dangling and USED not in dangling  # a created container uses it
    assert [v.name for v in parse_volume_ls(read(client, "volume-ls-filters"))] == [DATA]


@pytest.mark.parametrize("client", recorded_params("volume-inspect"))
def test_volume_inspect(client: str) -> None:
    details = parse_volume_inspect(read(client, "volume-inspect"))
    assert [d.name for d in details] == [DATA, TMPFS, USED]  # the order asked for
    data, tmpfs, used = details
    assert isinstance(data, VolumeDetails)
    assert data.options == {} and data.raw["Options"] is None
    assert tmpfs.options == {"device": "tmpfs", "o": "size=1m", "type": "tmpfs"}
    assert data.labels["fxrec.desc"] == "a, b=c" and used.labels["fxrec.role"] == "used"
    assert data.created_at is not None and data.created_at.tzinfo == timezone.utc
    listed = {v.name: v for v in parse_volume_ls(read(client, "volume-ls"))}
    for item in details:
        assert item.labels == listed[item.name].labels and item.mountpoint == listed[item.name].mountpoint
        assert set(item.to_json()) == DETAILS_KEYS
        json.dumps(item.to_json())


@pytest.mark.parametrize("client", recorded_params("volume-inspect"))
def test_volume_inspect_stdout_of_a_partial_failure(client: str) -> None:
    """inspect of a found and a missing volume prints the found one, then fails (exit 1)."""
    recorded = read_error(ERRORS / client / "volume-inspect-some-missing.txt")
    assert recorded.exit_status == 1
    assert [d.name for d in parse_volume_inspect(recorded.stdout)] == [DATA]
    assert parse_volume_inspect(read_error(ERRORS / client / "volume-inspect-missing.txt").stdout) == []


@pytest.mark.parametrize("client", recorded_params("volume-create"))
def test_volume_create_and_rm_echo(client: str) -> None:
    assert parse_names(read(client, "volume-create"), "docker volume create") == ["fxrec-volume-new"]
    assert parse_names(read(client, "volume-rm"), "docker volume rm") == ["fxrec-volume-new"]
    # rm --force of a missing volume: the name, exit 0, nothing on stderr
    assert parse_names(read(client, "volume-rm-force-missing"), "docker volume rm") == ["fxrec-volume-nope"]
    assert _anonymous(parse_id(read(client, "volume-create-anonymous"), "docker volume create"))


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        '{"Name": 3}',
        '{"Driver": "local"}',
        '{"Name": "v", "Size": "lots"}',
        '{"Name": "v", "Links": "x"}',
        '{"Name": "v", "Labels": ["a"]}',
        '{"Name":"v","Driver":"local"',
    ],
)
def test_volume_ls_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_volume_ls(text)
    assert caught.value.command == "docker volume ls"


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        "{}",
        "[1]",
        '[{"Driver": "local"}]',
        '[{"Name": "v", "Options": ["x"]}]',
        '[{"Name": "v", "Labels": {"a": 1}}]',
        '[{"Name": "v", "CreatedAt": "yesterday"}]',
        '[{"Name": "v"',
    ],
)
def test_volume_inspect_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_volume_inspect(text)
    assert caught.value.command == "docker volume inspect"


def test_volume_ls_cut_short() -> None:
    text = read("28.2.2", "volume-ls")
    with pytest.raises(ParseError):
        parse_volume_ls(text[: len(text) // 2])
