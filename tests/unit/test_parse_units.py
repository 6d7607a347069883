"""Sizes, percentages and counts as docker prints them (dockwrap/parse/units.py)."""

from __future__ import annotations

import json

import pytest

from dockwrap.parse.units import parse_container_size, parse_count, parse_percent, parse_size, parse_size_pair

from .corpus import client_params, read


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0B", 0),
        ("656B", 656),
        ("1.27kB", 1270),
        ("1.98MB", 1_980_000),
        ("1.983MB", 1_983_000),
        ("3.83kB", 3830),
        ("2.5GB", 2_500_000_000),
        ("1.5TB", 1_500_000_000_000),
        # go-units' 3-significant-digit form of 999.5..1000 (docker/cli#3091)
        ("1e+03kB", 1_000_000),
        ("1e+03MB", 1_000_000_000),
        ("480KiB", 491_520),
        ("1008KiB", 1_032_192),
        ("1.055MiB", round(1.055 * 1024**2)),
        ("23.54GiB", round(23.54 * 1024**3)),
        ("1TiB", 1024**4),
    ],
)
def test_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["N/A", "--", ""])
def test_size_unknown_is_none(text: str) -> None:
    assert parse_size(text) is None


@pytest.mark.parametrize("text", ["12 parsecs", "1.5XB", "kB", "1.2.3kB", "-1kB", "1,5MB", "0x10B", "1KIB"])
def test_size_garbage_raises(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_binary_and_decimal_units_differ() -> None:
    assert parse_size("1KiB") == 1024
    assert parse_size("1kB") == 1000


@pytest.mark.parametrize(
    "text, expected",
    [
        ("3B (virtual 1.98MB)", (3, 1_980_000)),
        ("0B (virtual 1.98MB)", (0, 1_980_000)),
        ("1e+03kB (virtual 1e+03MB)", (1_000_000, 1_000_000_000)),
        ("0B", (0, None)),
        ("12.3kB", (12_300, None)),
        ("N/A", (None, None)),
    ],
)
def test_container_size(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_container_size(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("480KiB / 23.54GiB", (491_520, round(23.54 * 1024**3))),
        ("1.27kB / 656B", (1270, 656)),
        ("0B / 0B", (0, 0)),
        ("-- / --", (None, None)),
        ("--", (None, None)),
        # Windows daemons print the memory usage without a limit
        ("1MiB", (1_048_576, None)),
    ],
)
def test_size_pair(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_size_pair(text) == expected


@pytest.mark.parametrize("text", ["1kB - 2kB", "1kB / lots"])
def test_size_pair_garbage_raises(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size_pair(text)


@pytest.mark.parametrize("text, expected", [("0.00%", 0.0), ("12.50%", 12.5), ("250.31%", 250.31), ("--", None)])
def test_percent(text: str, expected: float | None) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["12.5", "%", "abc%"])
def test_percent_garbage_raises(text: str) -> None:
    with pytest.raises(ValueError):
        parse_percent(text)


@pytest.mark.parametrize("text, expected", [("0", 0), ("3", 3), ("--", None), ("N/A", None)])
def test_count(text: str, expected: int | None) -> None:
    assert parse_count(text) == expected


def test_count_garbage_raises() -> None:
    with pytest.raises(ValueError):
        parse_count("three")


@pytest.mark.parametrize("client", client_params())
def test_every_recorded_size_parses(client: str) -> None:
    """Each size-like field docker printed, in every recorded list output."""
    seen = 0
    for name, fields, parse in [
        ("container-stats-all", ("MemUsage", "NetIO", "BlockIO"), parse_size_pair),
        ("container-stats", ("MemUsage", "NetIO", "BlockIO"), parse_size_pair),
        ("container-stats", ("CPUPerc", "MemPerc"), parse_percent),
        ("container-ls-size", ("Size",), parse_container_size),
        ("image-ls", ("Size", "VirtualSize"), parse_size),
        ("image-ls", ("SharedSize", "UniqueSize", "Containers"), parse_size),
    ]:
        for line in read(client, name).splitlines():
            row = json.loads(line)
            for field in fields:
                parse(row[field])
                seen += 1
    assert seen > 20
