"""Pull and push progress, pipe and terminal forms, from both clients (tests/fixtures/record_image.sh)."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dockwrap.errors import ParseError
from dockwrap.image.records import (
    ProgressEvent,
    ProgressStream,
    parse_progress,
    parse_progress_line,
    parse_pull,
    parse_push,
)

from .corpus import read
from .test_image_inspect_history import IMAGE_CLIENTS

PULLED = {"Already exists", "Pull complete"}


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
@pytest.mark.parametrize("name", ["image-pull", "image-pull-pty"])
def test_pull_that_downloads(client: str, name: str) -> None:
    result = parse_pull(read(client, name))
    assert result.status == "Downloaded newer image" and result.downloaded is True
    assert result.reference.endswith("/fxrec/built:v1") and result.reference.startswith("127.0.0.1:")
    assert result.digest and result.digest.startswith("sha256:") and len(result.digest) == 71
    # busybox's layer was here; the two layers of the Dockerfile came from the registry
    assert sorted(result.layers.values()) == ["Already exists", "Pull complete", "Pull complete"]
    assert result.image_id is None
    assert json.loads(json.dumps(result.to_json()))["layers"] == result.layers


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_pull_on_a_pipe_is_a_line_per_layer_state(client: str) -> None:
    events = parse_progress(read(client, "image-pull"))
    per_layer = Counter(event.layer_id for event in events if event.kind == "layer")
    assert len(per_layer) == 3 and max(per_layer.values()) <= 5
    assert all(event.current_bytes is None for event in events)  # no byte counts without a terminal
    assert [event.kind for event in events if event.kind != "layer"] == ["pulling", "digest", "status", "reference"]
    pulling = events[0]
    assert (pulling.reference, pulling.detail) == ("v1", "fxrec/built")


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_pull_on_a_terminal_shows_bytes(client: str) -> None:
    raw = read(client, "image-pull-pty")
    assert "\x1b[1A" in raw and "\r\n" in raw and "[=" in raw  # redrawn in place, with bars (120 columns)
    events = parse_progress(raw)
    counted = [event for event in events if event.current_bytes is not None]
    assert {event.state for event in counted} >= {"Extracting"}
    for event in counted:
        assert event.total_bytes and 0 < event.current_bytes <= event.total_bytes  # type: ignore[operator]
    blob = max(counted, key=lambda event: event.total_bytes or 0)
    assert blob.total_bytes == 3_001_000  # "3.001MB": the 3 MB of random bytes and a file
    # the same layers end in the same states as on a pipe
    assert sorted(parse_pull(raw).layers.values()) == sorted(parse_pull(read(client, "image-pull")).layers.values())


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_pull_up_to_date_quiet_and_by_digest(client: str) -> None:
    again = parse_pull(read(client, "image-pull-up-to-date"))
    first = parse_pull(read(client, "image-pull"))
    assert again.status == "Image is up to date" and again.downloaded is False and again.layers == {}
    assert (again.reference, again.digest) == (first.reference, first.digest)
    quiet = parse_pull(read(client, "image-pull-q"))
    assert quiet.reference.endswith("/fxrec/built-copy:v1") and quiet.digest is None and quiet.downloaded is None
    by_digest = parse_pull(read(client, "image-pull-digest"))
    assert by_digest.reference == f"{first.reference.rpartition(':')[0]}@{first.digest}"
    assert by_digest.digest == first.digest


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_push(client: str) -> None:
    fresh = parse_push(read(client, "image-push"))
    mounted = parse_push(read(client, "image-push-mounted"))
    again = parse_push(read(client, "image-push-exists"))
    assert fresh.reference.endswith("/fxrec/built:v1") and again.reference == fresh.reference
    assert mounted.reference.endswith("/fxrec/built-copy:v1")
    assert set(fresh.layers.values()) == {"Pushed"} and len(fresh.layers) == 3
    assert set(mounted.layers.values()) == {"Mounted from fxrec/built"}
    assert set(again.layers.values()) == {"Layer already exists"}
    # one manifest, whichever way its layers got there
    assert fresh.digest == mounted.digest == again.digest and fresh.size_bytes == 945
    quiet = parse_push(read(client, "image-push-q"))
    assert (quiet.reference, quiet.digest, quiet.layers) == (mounted.reference, None, {})
    mount = next(
        event
        for event in parse_progress(read(client, "image-push-mounted"))
        if event.kind == "layer" and event.state == "Mounted from"
    )
    assert mount.detail == "fxrec/built"


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_push_on_a_narrow_terminal(client: str) -> None:
    raw = read(client, "image-push-pty")
    assert "\x1b[2K" in raw and "[=" not in raw  # 80 columns: no bars
    events = parse_progress(raw, "docker image push")
    pushing = [event for event in events if event.state == "Pushing"]
    assert pushing and all(event.current_bytes for event in pushing)
    assert any(event.total_bytes is None for event in pushing)  # docker leaves the total out past it
    result = parse_push(raw)
    assert set(result.layers.values()) == {"Pushed"} and result.size_bytes == 945


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
@pytest.mark.parametrize("name", ["image-pull-pty", "image-push-pty", "image-pull", "image-push-mounted"])
def test_stream_in_pieces_gives_the_same_events(client: str, name: str) -> None:
    raw = read(client, name)
    stream = ProgressStream()
    events: list[ProgressEvent] = []
    for start in range(0, len(raw), 7):  # cuts through lines and escape sequences
        events += stream.feed(raw[start : start + 7])
    events += stream.close()
    assert events == parse_progress(raw)


def test_stream_lets_unknown_lines_through_as_messages() -> None:
    stream = ProgressStream()
    assert stream.feed("abcdefabcdef: Pull complete\nsomething new here") == [
        ProgressEvent("layer", "abcdefabcdef: Pull complete", "abcdefabcdef", "Pull complete")
    ]
    (message,) = stream.close()
    assert (message.kind, message.text) == ("message", "something new here")
    assert stream.close() == []


@pytest.mark.parametrize(
    "line, state, current, total, detail",
    [
        ("0123456789ab: Retrying in 5 seconds", "Retrying in 5 seconds", None, None, None),
        ("0123456789ab: Waiting", "Waiting", None, None, None),
        ("0123456789ab: Downloading [==>        ]  1.2MB/3MB 2s", "Downloading", 1_200_000, 3_000_000, None),
        ("0123456789ab: Downloading  1.2MB/3MB 1m3s", "Downloading", 1_200_000, 3_000_000, None),
        ("0123456789ab: Pushing  2.017MB", "Pushing", 2_017_000, None, None),
        ("0123456789ab: Mounted from library/busybox", "Mounted from", None, None, "library/busybox"),
    ],
)
def test_layer_lines(line: str, state: str, current: int | None, total: int | None, detail: str | None) -> None:
    event = parse_progress_line(line)
    assert (event.kind, event.layer_id, event.state) == ("layer", "0123456789ab", state)
    assert (event.current_bytes, event.total_bytes, event.detail) == (current, total, detail)


def test_a_tag_of_twelve_digits_is_not_a_layer() -> None:
    assert parse_progress_line("0123456789ab: Pulling from x/y").kind == "pulling"
    assert parse_progress_line(f"0123456789ab: digest: sha256:{'0' * 64} size: 9").kind == "pushed"


@pytest.mark.parametrize(
    "line",
    [
        "0123456789ab: Downloading [==>",
        "0123456789ab: ",
        "hello world",
        "Digest: sha256:abc",
        "Status: Pulled x",
        '{"status": "Downloading"}',
    ],
)
def test_garbage_lines(line: str) -> None:
    with pytest.raises(ParseError):
        parse_progress_line(line)


def _cut_before(text: str, marker: str) -> str:
    return text[: text.index(marker)]


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_cut_short_or_the_wrong_output(client: str) -> None:
    pull, push = read(client, "image-pull"), read(client, "image-push")
    for text in (_cut_before(pull, "Digest:"), _cut_before(pull, "Status:"), "", "\n", "hello world\n", push):
        with pytest.raises(ParseError):
            parse_pull(text)
    for text in (_cut_before(push, "v1: digest:"), "", pull, "The push refers to repository [x/y]\n"):
        with pytest.raises(ParseError):
            parse_push(text)
