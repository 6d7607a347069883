"""Sizes, percentages and counts as docker prints them.

Two unit systems (docker's go-units): decimal `B kB MB GB ...` (base 1000) for container and
image sizes, NetIO and BlockIO; binary `B KiB MiB GiB ...` (base 1024) for stats' MemUsage.
With 3 significant digits docker can print `1e+03kB`, so numbers may carry an exponent.
"""

from __future__ import annotations

import re

__all__ = [
    "parse_size",
    "parse_size_pair",
    "parse_percent",
    "parse_count",
    "parse_container_size",
    "parse_bool",
    "human_size",
]

_UNITS = {
    "B": 1,
    "kB": 1000,
    "KB": 1000,
    "MB": 1000**2,
    "GB": 1000**3,
    "TB": 1000**4,
    "PB": 1000**5,
    "EB": 1000**6,
    "ZB": 1000**7,
    "YB": 1000**8,
    "KiB": 1024,
    "MiB": 1024**2,
    "GiB": 1024**3,
    "TiB": 1024**4,
    "PiB": 1024**5,
    "EiB": 1024**6,
    "ZiB": 1024**7,
    "YiB": 1024**8,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*([kKMGTPEZY]?i?B)\s*$")
_UNKNOWN = ("", "N/A", "--", "<unknown>")


def parse_size(text: str) -> int | None:
    """`1.27kB` -> 1270, `480KiB` -> 491520; `N/A`, `--`, `` -> None. Raises ValueError otherwise."""
    if text in _UNKNOWN:
        return None
    match = _SIZE.match(text)
    if not match or match.group(2) not in _UNITS:
        raise ValueError(f"not a size: {text!r}")
    return round(float(match.group(1)) * _UNITS[match.group(2)])


def human_size(size: int | None) -> str | None:
    """Bytes as docker's tables print an image's size (go-units HumanSizeWithPrecision(size, 3):
    decimal units, 3 significant digits): 2019080 -> `2.02MB`; None for None."""
    return None if size is None else decimal_size(size, 3)


def decimal_size(size: int, digits: int) -> str:
    """Bytes in go-units' decimal units with DIGITS significant digits (docker's HumanSize is 4:
    `6.001MB`; its tables of image sizes 3: `2.02MB`)."""
    value, unit = float(size), 0
    while value >= 1000 and unit < len(_DECIMAL) - 1:
        value /= 1000
        unit += 1
    return f"{value:.{digits}g}{_DECIMAL[unit]}"


_DECIMAL = ("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")


def parse_size_pair(text: str) -> tuple[int | None, int | None]:
    """`480KiB / 23.54GiB` -> (491520, 25275882537); `-- / --` -> (None, None); `1MiB` -> (1048576, None)."""
    if text in _UNKNOWN:
        return None, None
    left, sep, right = text.partition(" / ")
    return parse_size(left.strip()), parse_size(right.strip()) if sep else None


def parse_container_size(text: str) -> tuple[int | None, int | None]:
    """`3B (virtual 1.98MB)` -> (3, 1980000): the writable layer, and with the image."""
    if text in _UNKNOWN:
        return None, None
    head, sep, tail = text.partition(" (virtual ")
    return parse_size(head), parse_size(tail.rstrip(")")) if sep else None


def parse_percent(text: str) -> float | None:
    """`12.50%` -> 12.5; `--` -> None."""
    if text in _UNKNOWN:
        return None
    if not text.endswith("%"):
        raise ValueError(f"not a percentage: {text!r}")
    return float(text[:-1])


def parse_count(text: str) -> int | None:
    """`3` -> 3; `--`, `N/A` -> None."""
    if text in _UNKNOWN:
        return None
    if not isinstance(text, str):  # int() would take a JSON number or boolean as a count
        raise TypeError(f"not a count: {text!r}")
    return int(text)


def parse_bool(value: object) -> bool:
    """List output prints booleans as the strings "true"/"false" (node ls' Self and inspect as
    JSON booleans); empty means false."""
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    if value in (None, ""):
        return False
    raise ValueError(f"not a boolean: {value!r}")
