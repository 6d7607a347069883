"""`image rm`, `image prune`, `image load` and `image import` output of both clients."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.image.records import (
    RemovedImage,
    parse_image_import,
    parse_image_load,
    parse_image_prune,
    parse_image_rm,
)
from dockwrap.parse.prune import PruneResult

from .corpus import ERRORS, read, read_error
from .test_image_inspect_history import IMAGE_CLIENTS


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_rm(client: str) -> None:
    assert parse_image_rm(read(client, "image-rm")) == [RemovedImage("untagged", "fxrec-img-alias:c")]
    rows = parse_image_rm(read(client, "image-rm-deleted"))
    untagged = [row.reference for row in rows if row.action == "untagged"]
    deleted = [row.reference for row in rows if row.action == "deleted"]
    assert rows[: len(untagged)] == [RemovedImage("untagged", name) for name in untagged]  # untagged first
    assert {"fxrec-img-built:v1", "fxrec-img-built:v2"} <= set(untagged)
    assert sum("/fxrec/built@sha256:" in name for name in untagged) == 2  # a pushed name takes its digest along
    assert deleted and all(name.startswith("sha256:") and len(name) == 71 for name in deleted)
    assert rows[0].to_json() == {"action": "untagged", "reference": "fxrec-img-built:v1"}


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_rm_of_several_with_one_missing_still_lists_the_others(client: str) -> None:
    case = read_error(ERRORS / client / "image-rm-several-one-missing.txt")
    assert parse_image_rm(case.stdout) == [
        RemovedImage("untagged", "fxrec-img-alias:a"),
        RemovedImage("untagged", "fxrec-img-alias:b"),
    ]


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_prune(client: str) -> None:
    # the one PruneResult of every prune (dockwrap.parse.prune)
    dangling = parse_image_prune(read(client, "image-prune"))
    assert isinstance(dangling, PruneResult)
    assert dangling.images and dangling.untagged == [] and dangling.removed == dangling.images
    assert dangling.space_reclaimed_bytes == 3_000_000
    nothing = parse_image_prune(read(client, "image-prune-none"))
    assert (nothing.removed, nothing.untagged, nothing.space_reclaimed_bytes) == ([], [], 0)
    everything = parse_image_prune(read(client, "image-prune-all"))
    assert {"fxrec-img-imported:v1", "fxrec-img-built:q", "fxrec-img-dangling:v1"} <= set(everything.untagged)
    assert "fxrec-img-target:v1" not in everything.untagged  # a container uses it
    assert everything.space_reclaimed_bytes == 6_000_000
    # the imported image was among those pruned
    assert parse_image_import(read(client, "image-import")).image_id in everything.images
    json.dumps(everything.to_json())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Deleted Images:\n",
        "Total reclaimed space: lots\n",
        "Deleted Images:\nuntagged a\n\nTotal reclaimed space: 1B\n",
        "Deleted Images:\ndeleted: sha256:abc\n",
    ],
)
def test_prune_garbage_or_cut_short(text: str) -> None:
    with pytest.raises(ParseError):
        parse_image_prune(text)


@pytest.mark.parametrize("text", ["Untagged fxrec\n", "Deleted: \n", "removed: x\n"])
def test_rm_garbage(text: str) -> None:
    with pytest.raises(ParseError):
        parse_image_rm(text)


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_load(client: str) -> None:
    by_name = parse_image_load(read(client, "image-load"))
    assert (by_name.references, by_name.image_ids, by_name.moved_tags) == (["fxrec-img-built:q"], [], {})
    by_id = parse_image_load(read(client, "image-load-id"))
    assert by_id.references == [] and len(by_id.image_ids) == 1 and by_id.image_ids[0].startswith("sha256:")
    renamed = parse_image_load(read(client, "image-load-renamed"))
    # the tag had been moved to the image saved by ID; loading takes it back
    assert renamed.references == ["fxrec-img-built:q"]
    assert renamed.moved_tags == {"fxrec-img-built:q": by_id.image_ids[0]}


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_load_on_a_terminal(client: str) -> None:
    raw = read(client, "image-load-pty")
    assert "Loading layer" in raw and "\x1b[1A" in raw
    assert parse_image_load(raw) == parse_image_load(read(client, "image-load"))


@pytest.mark.parametrize("text", ["", "Loaded image\n", "Loaded image: a\nsomething else\n", "Loaded image ID: 12\n"])
def test_load_garbage_or_cut_short(text: str) -> None:
    with pytest.raises(ParseError):
        parse_image_load(text)


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_import(client: str) -> None:
    result = parse_image_import(read(client, "image-import"))
    assert result.image_id.startswith("sha256:") and len(result.image_id) == 71
    assert result.to_json() == {"image_id": result.image_id}


@pytest.mark.parametrize("text", ["", "sha256:abc\n", "Loaded image: x\n", "sha256:" + "0" * 64 + "\nmore\n"])
def test_import_garbage(text: str) -> None:
    with pytest.raises(ParseError):
        parse_image_import(text)
