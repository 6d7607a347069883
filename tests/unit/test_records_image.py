"""Image records from the recorded output of every client (dockwrap/image/records/ls.py)."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.image.records import Image, parse_image_ls

from .corpus import client_params, read

# docs/contract/records.md
IMAGE_KEYS = {"id", "repository", "tag", "digest", "created_at", "size_bytes"}


@pytest.mark.parametrize("client", client_params())
def test_image_ls(client: str) -> None:
    images = parse_image_ls(read(client, "image-ls"))
    assert {image.reference for image in images} == {"busybox:latest", "fxrec-img:v1", "fxrec-img:alias"}
    assert len({image.id for image in images}) == 1  # one row per tag of the same image
    for image in images:
        assert isinstance(image, Image)
        assert len(image.id) == 12 and image.digest is None  # "<none>"
        assert image.size_bytes == 1_980_000  # "1.98MB", decimal units
        assert image.created_at is not None
        data = image.to_json()
        assert set(data) == IMAGE_KEYS
        json.dumps(data)
        assert image.raw["VirtualSize"] and image.raw["CreatedSince"].endswith("ago")  # kept, not printed


def test_untagged_image() -> None:
    line = (
        '{"Containers":"N/A","CreatedAt":"2026-11-28 17:35:58 +0000 UTC","CreatedSince":"4 minutes ago",'
        '"Digest":"\\u003cnone\\u003e","ID":"c851a965108c","Repository":"\\u003cnone\\u003e",'
        '"SharedSize":"N/A","Size":"N/A","Tag":"\\u003cnone\\u003e","UniqueSize":"N/A"}'
    )
    (image,) = parse_image_ls(line)
    assert (image.repository, image.tag, image.digest, image.size_bytes) == (None, None, None, None)
    assert image.reference == "c851a965108c"


def test_digest_kept() -> None:
    obj = json.loads(read("28.2.2", "image-ls").splitlines()[0])
    obj["Digest"] = "sha256:" + "ab" * 32
    (image,) = parse_image_ls(json.dumps(obj))
    assert image.digest == obj["Digest"]


@pytest.mark.parametrize("missing", ["CreatedAt", "Size", "Digest", "Tag", "Repository"])
def test_missing_fields_are_none(missing: str) -> None:
    obj = json.loads(read("28.2.2", "image-ls").splitlines()[0])
    del obj[missing]
    (image,) = parse_image_ls(json.dumps(obj))
    attribute = {"CreatedAt": "created_at", "Size": "size_bytes"}.get(missing, missing.lower())
    assert getattr(image, attribute) is None


@pytest.mark.parametrize(
    "field, value",
    [("Size", 5), ("Size", "big"), ("CreatedAt", 5), ("ID", 5), ("Tag", ["x"]), ("Repository", {"a": 1})],
)
def test_changed_type_is_parse_error(field: str, value: object) -> None:
    obj = json.loads(read("28.2.2", "image-ls").splitlines()[0])
    obj[field] = value
    with pytest.raises(ParseError) as caught:
        parse_image_ls(json.dumps(obj), "docker image ls --all")
    assert caught.value.command == "docker image ls --all"


def test_row_without_id_is_parse_error() -> None:
    with pytest.raises(ParseError):
        parse_image_ls('{"Repository":"x"}')
