"""Helpers that build docker argv lists (never shell strings) from Python values, and the checks
every public method makes on its arguments before any docker call.

The checks are one contract for the whole API (README, "Python API"):

* a value of the wrong type is an `ArgumentTypeError` (a `UsageError` and a `TypeError`) naming
  the parameter; a value docker would not take is a `UsageError` (also a `ValueError`);
* a str argument may also be given as bytes (decoded as the file system does, so that any byte
  but NUL reaches docker);
* where a list is expected, one str is ONE item (never its characters), and a mapping gives
  `KEY=VALUE` items (`KEY` alone for a None value: docker then takes it from the environment).
"""

from __future__ import annotations

import codecs
import math
import os
import threading
from collections.abc import Collection, Iterable, Mapping, Sequence
from numbers import Real
from typing import Any

from .errors import ArgumentTypeError, UsageError

__all__ = [
    "repeat",
    "label_args",
    "names_of",
    "operands",
    "text",
    "optional_text",
    "items",
    "flag",
    "whole",
    "seconds",
    "time_limit",
    "argument",
    "choice",
    "moment",
    "ARGV_CODEC",
    "register_argv_codec",
]


def _shown(value: object) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def text(value: object, name: str, *, empty: bool = True) -> str:
    """A str argument; bytes are decoded as sys.argv is (surrogateescape), so any byte passes.

    :param empty: whether "" is allowed (a name or an image is never empty)
    """
    if isinstance(value, bytes):
        value = os.fsdecode(value)
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be a str, not {type(value).__name__}: {_shown(value)}")
    if not empty and not value:
        raise UsageError(f"{name} must not be empty")
    return value


def optional_text(value: object, name: str, *, empty: bool = True) -> str | None:
    """A str argument that may be None (the option is left out)."""
    return None if value is None else text(value, name, empty=empty)


def items(value: object, name: str) -> list[str]:
    """A list argument: None is none, one str (or bytes) is one item, a mapping gives `K=V` items
    (`K` for a None value), any other iterable its items, each a str."""
    if value is None:
        return []
    if isinstance(value, (str, bytes)):
        return [text(value, name)]
    if isinstance(value, Mapping):
        return [
            text(key, f"{name} key") if item is None else f"{text(key, f'{name} key')}={_scalar(item, name)}"
            for key, item in value.items()
        ]
    if not isinstance(value, Iterable):
        raise ArgumentTypeError(
            f"{name} must be a list of str (or one str), not {type(value).__name__}: {_shown(value)}"
        )
    return [text(item, f"{name} item") for item in value]


def _scalar(value: object, name: str) -> str:
    # a mapping's values: str as given, numbers written as Python writes them (1, 2.5); no bools,
    # which docker would read as the words "True"/"False"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return text(value, f"{name} value")


def flag(value: object, name: str) -> bool:
    """A bool argument (no truthy stand-ins: `force="no"` would mean yes)."""
    if not isinstance(value, bool):
        raise ArgumentTypeError(f"{name} must be True or False, not {type(value).__name__}: {_shown(value)}")
    return value


def whole(value: object, name: str, minimum: int | None = None) -> int:
    """An int argument (not a bool, not a str of digits)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ArgumentTypeError(f"{name} must be a whole number, not {type(value).__name__}: {_shown(value)}")
    if minimum is not None and value < minimum:
        raise UsageError(f"{name} must be {minimum} or more, not {value}")
    return value


def seconds(value: object, name: str, *, finite: bool = False) -> float:
    """A duration: a real number of 0 or more (inf allowed unless finite: for ever); nan is refused."""
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ArgumentTypeError(f"{name} must be a number of seconds, not {type(value).__name__}: {_shown(value)}")
    number = float(value)
    if math.isnan(number) or number < 0 or (finite and math.isinf(number)):
        raise UsageError(f"{name} must be {'a finite number of ' if finite else ''}0 or more seconds, not {value}")
    return number


def time_limit(value: object, name: str) -> float | None:
    """A limit in seconds as the runner keeps it: None for none (None, 0, inf, or more than the
    system's timers can wait); nan, negative numbers and non-numbers are refused."""
    if value is None:
        return None
    limit = seconds(value, name)
    return limit if 0 < limit <= threading.TIMEOUT_MAX else None


def moment(value: object, name: str) -> str | None:
    """A time for docker's `--since`/`--until`: a str as docker reads it (`10m`, `2026-01-02T03:04:05Z`,
    Unix seconds), a number of Unix seconds, or a datetime (one without a zone is local time:
    docker's children run with TZ=UTC, so it is given with its offset)."""
    from datetime import datetime

    if value is None:
        return None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.astimezone()).isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.9f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)
    return text(value, name, empty=False)


def argument(arg: object) -> str:
    """One argument of a docker call: a str, or bytes (decoded as sys.argv is, so that any byte
    but NUL reaches docker). sh would silently drop None/False and str() anything else."""
    if isinstance(arg, bytes):
        arg = os.fsdecode(arg)
    if not isinstance(arg, str):
        raise ArgumentTypeError(f"docker arguments must be str, got {type(arg).__name__}: {arg!r}")
    if "\0" in arg:
        raise UsageError(f"an argument cannot hold a NUL byte (no program can receive one): {arg!r}")
    return arg


#: the `_encoding` sh encodes each argument with (strictly): UTF-8 that gives back the very bytes
#: a str from sys.argv came from (its surrogateescape'd bytes), so that any byte but NUL reaches
#: docker; docker's output is decoded as UTF-8, as before
ARGV_CODEC = "dockwrap_argv"


def register_argv_codec() -> None:
    """Make ARGV_CODEC known (once; sh looks it up by name)."""
    try:
        codecs.lookup(ARGV_CODEC)
    except LookupError:
        codecs.register(_argv_codec)


def _argv_codec(name: str) -> codecs.CodecInfo | None:
    if name != ARGV_CODEC:
        return None

    def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
        return os.fsencode(text), len(text)

    def decode(data: Any, errors: str = "strict") -> tuple[str, int]:
        return codecs.utf_8_decode(data, errors, True)

    return codecs.CodecInfo(encode, decode, name=ARGV_CODEC)


def choice(value: object, name: str, choices: Collection[str]) -> str:
    """One of a few words."""
    word = text(value, name)
    if word not in choices:
        raise UsageError(f"{name} must be one of {', '.join(choices)}, not {word!r}")
    return word


def repeat(flag_name: str, values: Iterable[str] | None) -> list[str]:
    """`flag v` for each value: `repeat("--filter", ["a=1", "b=2"])`."""
    args: list[str] = []
    for value in values or ():
        args += [flag_name, value]
    return args


def label_args(
    labels: Mapping[str, str] | Iterable[str] | None, name: str = "labels", flag_name: str = "--label"
) -> list[str]:
    """`--label k=v` for each label, given as a mapping or as `k=v` strings."""
    return repeat(flag_name, items(labels, name))


def names_of(names: Sequence[str] | str, what: str, name: str = "names") -> list[str]:
    """One name or several, as a list; at least one, none of them empty."""
    if names is None:
        raise ArgumentTypeError(f"{name} must be a str or a list of str, not None")
    listed = items(names, name)
    if not listed:
        raise UsageError(f"name at least one {what}")
    if "" in listed:
        raise UsageError(f"{name}: a {what} name must not be empty")
    return listed


def operands(values: Sequence[str]) -> list[str]:
    """User-given operands (container, network, service names) for the end of an argv: after a
    `--` when one of them starts with `-`, which docker would read as a flag; unchanged otherwise.
    Only operands may follow them (a container's command, ps arguments): no option is read after `--`."""
    listed = list(values)
    if any(value.startswith("-") for value in listed):
        return ["--", *listed]
    return listed
