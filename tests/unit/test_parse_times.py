"""Docker's time strings (dockwrap/parse/times.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from dockwrap.parse.times import parse_time

from .corpus import client_params, read

UTC = timezone.utc


@pytest.mark.parametrize(
    "text, expected",
    [
        # Go's Time.String(): container and image CreatedAt (client zone), seconds only
        ("2026-11-28 17:39:40 +0000 UTC", datetime(2026, 11, 28, 17, 39, 40, tzinfo=UTC)),
        ("2026-11-28 18:39:40 +0100 CET", datetime(2026, 11, 28, 17, 39, 40, tzinfo=UTC)),
        ("2026-11-28 10:39:40 -0700 MST", datetime(2026, 11, 28, 17, 39, 40, tzinfo=UTC)),
        ("2026-11-28 20:39:40 +0300 +03", datetime(2026, 11, 28, 17, 39, 40, tzinfo=UTC)),
        ("1970-01-01 00:00:00 +0000 UTC", datetime(1970, 1, 1, tzinfo=UTC)),
        # network CreatedAt: nanoseconds, trailing zeros trimmed (so of any length)
        ("2026-11-28 17:38:41.409210954 +0000 UTC", datetime(2026, 11, 28, 17, 38, 41, 409210, tzinfo=UTC)),
        ("2026-11-28 17:38:41.4092 +0000 UTC", datetime(2026, 11, 28, 17, 38, 41, 409200, tzinfo=UTC)),
        ("2026-11-28 17:38:41.5 +0000 UTC", datetime(2026, 11, 28, 17, 38, 41, 500000, tzinfo=UTC)),
        # RFC 3339 (inspect, logs, server BuildTime): up to 9 digits, Z or an offset
        ("2026-11-28T17:38:47.174081663Z", datetime(2026, 11, 28, 17, 38, 47, 174081, tzinfo=UTC)),
        ("2026-11-28T17:38:47.999999999Z", datetime(2026, 11, 28, 17, 38, 47, 999999, tzinfo=UTC)),
        ("2026-11-28T17:38:47Z", datetime(2026, 11, 28, 17, 38, 47, tzinfo=UTC)),
        ("2026-05-07T21:09:36.000000000+00:00", datetime(2026, 5, 7, 21, 9, 36, tzinfo=UTC)),
        ("2026-11-28T18:38:47.1+01:00", datetime(2026, 11, 28, 17, 38, 47, 100000, tzinfo=UTC)),
    ],
)
def test_parse_time(text: str, expected: datetime) -> None:
    parsed = parse_time(text)
    assert parsed == expected
    assert parsed is not None and parsed.utcoffset() is not None


def test_offset_is_kept() -> None:
    parsed = parse_time("2026-11-28 18:39:40 +0100 CET")
    assert parsed is not None and parsed.utcoffset() == timedelta(hours=1)


def test_nanoseconds_are_cut_not_rounded() -> None:
    parsed = parse_time("2026-11-28T17:38:47.999999999Z")
    assert parsed is not None and parsed.second == 47 and parsed.microsecond == 999999


@pytest.mark.parametrize(
    "text", ["0001-01-01T00:00:00Z", "0001-01-01 00:00:00 +0000 UTC", "0001-01-01T00:00:00.000000000Z", "", None]
)
def test_zero_and_empty_are_none(text: str | None) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "yesterday",
        "2026-11-28",
        "2026-11-28 17:39:40",
        "2026-11-28T17:38:47.1234567890Z",
        "28/11/2026 17:39:40 +0000",
        "2026-11-28T17:38:47+0100x",
        "2026-13-28T17:38:47Z",
        "About a minute ago",
    ],
)
def test_garbage_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize(
    "text",
    [
        # the shape of the fast path for list output (29 characters, ` +0000 UTC`), but not a time
        "2026-W48-6 17:39:40 +0000 UTC",  # an ISO week date, which fromisoformat would take
        "2026-11-28x17:39:40 +0000 UTC",  # fromisoformat takes any separator
        "2026-11-28 25:39:40 +0000 UTC",
        "2026-11-28 17:3a:40 +0000 UTC",
        "2026-11-2817:39:40  +0000 UTC",
        "2026-11-28 17:39:4٠ +0000 UTC",
    ],
)
def test_fast_path_shaped_garbage_raises_value_error(text: str) -> None:
    assert len(text) == len("2026-11-28 17:39:40 +0000 UTC")
    with pytest.raises(ValueError):
        parse_time(text)


@pytest.mark.parametrize(
    "text", ["2026-11-28 17:39:40 +0000 UTC", "2024-02-29 00:00:00 +0000 UTC", "1999-12-31 23:59:59 +0000 UTC"]
)
def test_fast_path_agrees_with_general_form(text: str) -> None:
    # The same time with an offset spelled differently takes the regex path.
    assert parse_time(text) == parse_time(text.replace(" +0000 UTC", " +00:00"))
    assert parse_time(text) == parse_time(text.replace(" ", "T", 1).replace(" +0000 UTC", "Z"))


@pytest.mark.parametrize("client", client_params())
def test_recorded_times(client: str) -> None:
    """Every time field of the recorded output parses, and list and inspect agree on each."""
    inspected = {item["Name"].lstrip("/"): item for item in json.loads(read(client, "container-inspect"))}
    for line in read(client, "container-ls").splitlines():
        row = json.loads(line)
        created = parse_time(inspected[row["Names"]]["Created"])
        assert created is not None
        # list output has whole seconds in the client's zone (UTC when recorded)
        assert parse_time(row["CreatedAt"]) == created.replace(microsecond=0)
    for item in inspected.values():
        state = item["State"]
        parse_time(state["StartedAt"]), parse_time(state["FinishedAt"])
    networks = {item["Name"]: item for item in json.loads(read(client, "network-inspect"))}
    for line in read(client, "network-ls").splitlines():
        row = json.loads(line)
        assert parse_time(row["CreatedAt"]) == parse_time(networks[row["Name"]]["Created"])
    for line in read(client, "image-ls").splitlines():
        assert parse_time(json.loads(line)["CreatedAt"]) is not None


@pytest.mark.parametrize("client", client_params())
def test_recorded_log_timestamps(client: str) -> None:
    lines = read(client, "logs-timestamps").splitlines()
    assert lines
    stamps = []
    for line in lines:
        stamp, _, text = line.partition(" ")
        assert len(stamp) == len("2026-11-28T17:38:47.174081663Z")  # always 9 digits
        parsed = parse_time(stamp)
        assert parsed is not None and text.startswith("stdout line")
        stamps.append(parsed)
    assert stamps == sorted(stamps)
