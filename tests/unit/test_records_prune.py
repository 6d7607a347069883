"""PruneResult from every prune recorded from both clients (dockwrap/parse/prune.py): container
and volume prune on the shared engine (--filter label=...), system prune on a private one."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.parse.prune import PruneResult, parse_prune

from .corpus import CLIENTS, DOCKER, read, recorded_params

PRUNE_FILES = sorted({path.stem for client in CLIENTS for path in (DOCKER / client).glob("*prune*.txt")})
KEYS = {"containers", "networks", "volumes", "images", "untagged", "build_cache", "space_reclaimed_bytes"}


def _all_prunes() -> list[pytest.param]:
    return [
        pytest.param(client, name, id=f"{client}/{name}")
        for name in PRUNE_FILES
        for client in CLIENTS
        if (DOCKER / client / f"{name}.txt").is_file()
    ]


def test_every_family_recorded_a_prune() -> None:
    assert {"volume-prune", "container-prune", "system-prune", "system-prune-all-volumes"} <= set(PRUNE_FILES)


@pytest.mark.parametrize("client, name", _all_prunes())
def test_every_recorded_prune_parses(client: str, name: str) -> None:
    result = parse_prune(read(client, name))
    assert isinstance(result, PruneResult)
    assert set(result.to_json()) == KEYS
    json.dumps(result.to_json())
    ids = result.containers + result.images
    assert all(len(item) in (64, 71) for item in ids)  # full IDs; images as sha256:<64>


@pytest.mark.parametrize("client", recorded_params("volume-prune"))
def test_volume_prune(client: str) -> None:
    result = parse_prune(read(client, "volume-prune"), "docker volume prune")
    assert sorted(result.volumes) == ["fxrec-volume-prune1", "fxrec-volume-prune2"]  # order is the daemon's
    assert result.removed == result.volumes and result.containers == result.images == []
    assert result.space_reclaimed_bytes == 20000  # the 20,000 bytes written into prune1, as `20kB`
    nothing = parse_prune(read(client, "volume-prune-nothing"))
    assert nothing.removed == [] and nothing.space_reclaimed_bytes == 0


@pytest.mark.parametrize("client", recorded_params("container-prune"))
def test_container_prune(client: str) -> None:
    result = parse_prune(read(client, "container-prune"), "docker container prune")
    assert len(result.containers) == 2 and result.space_reclaimed_bytes == 5000
    assert parse_prune(read(client, "container-prune-nothing")).removed == []


@pytest.mark.parametrize("client", recorded_params("system-prune-filter"))
def test_system_prune_sections(client: str) -> None:
    filtered = parse_prune(read(client, "system-prune-filter"))
    # the labelled container, network, committed (so labelled) image and the build cache
    assert len(filtered.containers) == 1 and filtered.networks == ["fxrec-system-prune-net"]
    assert filtered.images and all(image.startswith("sha256:") for image in filtered.images)
    assert filtered.build_cache and filtered.volumes == [] and filtered.untagged == []
    assert filtered.removed == [*filtered.containers, *filtered.networks, *filtered.images, *filtered.build_cache]
    unfiltered = parse_prune(read(client, "system-prune"))
    assert "fxrec-system-keep-net" in unfiltered.networks and unfiltered.volumes == []  # no --volumes
    everything = parse_prune(read(client, "system-prune-all-volumes"))
    assert "fxrec-system-prune-vol" in everything.volumes
    assert "fxrec-system-built:v2" in everything.untagged and everything.images and everything.build_cache


@pytest.mark.parametrize("client", recorded_params("system-prune-declined"))
@pytest.mark.parametrize("name", ["system-prune-declined", "volume-prune-declined"])
def test_declined_prune_removed_nothing(client: str, name: str) -> None:
    """Without --force and with stdin not a terminal docker asks, reads no answer, removes nothing."""
    text = read(client, name)
    assert text.startswith("WARNING! This will remove") and "[y/N] " in text
    result = parse_prune(text)
    assert result.removed == [] and result.untagged == []
    # 20.10's volume prune still says how much it reclaimed; 28.x says nothing more
    assert result.space_reclaimed_bytes == (0 if (client, name) == ("20.10.24", "volume-prune-declined") else None)


@pytest.mark.parametrize(
    "text",
    [
        "garbage here",
        "Deleted Images:\nremoved: sha256:abc\n",
        "Deleted Volumes:\na b\n",
        "Total reclaimed space: lots\n",
        "WARNING! This will remove all\n",
    ],
)
def test_garbage_is_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_prune(text, "docker volume prune")
    assert caught.value.command == "docker volume prune"


def test_cut_short_keeps_what_was_printed() -> None:
    """A prune cut off before its total: what it named was removed, the space is unknown."""
    text = read("28.2.2", "volume-prune").split("\n\n")[0]
    result = parse_prune(text)
    assert len(result.volumes) == 2 and result.space_reclaimed_bytes is None
