"""ImageDetails and HistoryRow from the recorded output of both clients (tests/fixtures/record_image.sh)."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.image.records import ImageDetails, parse_image_history, parse_image_inspect, parse_pull

from .corpus import CLIENTS, DOCKER, read

#: the clients record_image.sh ran with
IMAGE_CLIENTS = [client for client in CLIENTS if (DOCKER / client / "image-inspect.txt").exists()]

INSPECT_KEYS = {
    "id",
    "repo_tags",
    "repo_digests",
    "created_at",
    "size_bytes",
    "architecture",
    "os",
    "env",
    "cmd",
    "entrypoint",
    "working_dir",
    "user",
    "labels",
    "exposed_ports",
    "layers",
}


def test_both_clients_recorded() -> None:
    assert {"28.2.2", "20.10.24"} <= set(IMAGE_CLIENTS)


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_inspect(client: str) -> None:
    base, built, pulled = parse_image_inspect(read(client, "image-inspect"))
    for image in (base, built, pulled):
        assert isinstance(image, ImageDetails)
        assert image.id.startswith("sha256:") and len(image.id) == 71
        assert image.size_bytes == image.raw["Size"] > 1_000_000
        assert image.created_at is not None and image.created_at.tzinfo is not None
        assert (image.architecture, image.os) == ("amd64", "linux")
        assert image.layers and all(layer.startswith("sha256:") for layer in image.layers)
        data = image.to_json()
        assert set(data) == INSPECT_KEYS
        json.dumps(data)
    # busybox:latest, imported by scripts/engine: no registry, no entrypoint
    assert base.repo_tags == ["busybox:latest"] and base.repo_digests == [] == base.digests
    assert (base.cmd, base.entrypoint, base.env) == (["/bin/sh"], None, ["PATH=/bin"])
    assert base.labels == {"org.dockwrap.image": "busybox-static"} and base.exposed_ports == []
    # built here (Dockerfile of record_image.sh, --build-arg GREETING=q): never pushed or pulled
    assert built.repo_tags == ["fxrec-img-built:q"] and built.repo_digests == []
    assert built.entrypoint == ["/bin/sh", "-c"] and built.cmd == ["cat /etc/hostname"]
    assert built.env == ["PATH=/bin", "FXREC_MODE=built", "FXREC_GREETING=q"]
    assert built.exposed_ports == ["53/udp", "8080/tcp"] and built.working_dir == "/srv" and built.user is None
    assert built.labels["fxrec.scene"] == "img" and built.labels["org.example.role"] == "fixture"
    assert built.layers[0] == base.layers[0] and len(built.layers) == 3
    # pushed, removed and pulled back: the registry's digest
    (tag,) = pulled.repo_tags
    (repo_digest,) = pulled.repo_digests
    assert repo_digest.startswith(tag.rpartition(":")[0] + "@sha256:")
    assert pulled.labels["fxrec.build"] == "v1" and pulled.env[-1] == "FXREC_GREETING=hi"
    # the pull that brought it (on a terminal) named the same digest
    pull = parse_pull(read(client, "image-pull-pty"))
    assert pull.reference == tag and pulled.digests == [pull.digest]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[{}]",
        '[{"Id": "sha256:x", "Size": "big"}]',
        '[{"Id": "sha256:x", "Size": 1, "RepoTags": "a:b"}]',
        '[{"Id": "sha256:x", "Size": 1, "Config": {"Labels": ["a=b"]}}]',
        '[{"Id": "sha256:x", "Size": 1, "Config": {"Cmd": "sh"}}]',
        '[{"Id": "sha256:x", "Size": 1, "Created": "yesterday"}]',
        '{"Id": "sha256:x"}',
    ],
)
def test_inspect_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_image_inspect(text)
    assert "docker image inspect" in str(caught.value)


def test_inspect_cut_short() -> None:
    text = read("28.2.2", "image-inspect")
    with pytest.raises(ParseError):
        parse_image_inspect(text[: len(text) // 2])


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_history(client: str) -> None:
    rows = parse_image_history(read(client, "image-history"))
    exact = parse_image_history(read(client, "image-history-human-false"))
    full = parse_image_history(read(client, "image-history-no-trunc"))
    assert len(rows) == len(exact) == len(full) == 10  # nine Dockerfile steps and busybox's import
    assert "LABEL fxrec.build=v1" in rows[0].created_by and rows[-1].created_by == ""
    assert all(row.id and len(row.id) == 12 for row in rows)
    assert all(row.id and row.id.startswith("sha256:") and len(row.id) == 71 for row in full)
    assert [row.id for row in rows] == [row.id and row.id[7:19] for row in full]
    # --no-trunc keeps the whole command; the default cuts it with an ellipsis
    entrypoint = next(row for row in full if "ENTRYPOINT" in row.created_by)
    assert entrypoint.created_by.endswith('["/bin/sh" "-c"]')
    assert any(row.created_by.endswith("…") for row in rows)
    # the human sizes (3 significant digits) agree with the bytes of --human=false
    blob = next(index for index, row in enumerate(full) if "urandom" in row.created_by)
    assert exact[blob].size_bytes == 3_000_000 and rows[blob].size_bytes == 3_000_000
    assert full[blob].created_by.startswith("|1 GREETING=hi /bin/sh -c ")  # the build argument, recorded
    assert exact[-1].size_bytes == 1_982_676 and rows[-1].size_bytes == 1_980_000  # "1.98MB"
    for human, precise in zip(rows, exact, strict=True):
        assert human.created_at == precise.created_at
        assert abs((human.size_bytes or 0) - (precise.size_bytes or 0)) <= 0.005 * (precise.size_bytes or 0)
    assert rows[0].to_json().keys() == {"id", "created_at", "created_by", "size_bytes", "comment"}


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_history_of_a_pulled_image(client: str) -> None:
    rows = parse_image_history(read(client, "image-history-pulled"))
    assert rows[0].id is not None and all(row.id is None for row in rows[1:])  # <missing>
    assert rows[0].raw["ID"] == rows[0].id and rows[1].raw["ID"] == "<missing>"


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        '{"ID": 5, "Size": "0B"}',
        '{"ID": "abc", "Size": "lots"}',
        '{"Size": "0B"}',
        '{"ID": "abc", "CreatedAt": "soon", "Size": "0B"}',
        '{"ID": "abc", "Size": "0B"',
    ],
)
def test_history_garbage(text: str) -> None:
    with pytest.raises(ParseError):
        parse_image_history(text)
