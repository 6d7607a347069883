"""Helpers that build docker argv lists (never shell strings) from Python values."""

from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from .errors import UsageError

__all__ = ["repeat", "label_args", "names_of", "operands"]


def repeat(flag: str, values: Iterable[str] | None) -> list[str]:
    """`flag v` for each value: `repeat("--filter", ["a=1", "b=2"])`."""
    args: list[str] = []
    for value in values or ():
        args += [flag, value]
    return args


def label_args(labels: Mapping[str, str] | Iterable[str] | None) -> list[str]:
    """`--label k=v` for each label, given as a mapping or as `k=v` strings."""
    if not labels:
        return []
    items = [f"{k}={v}" for k, v in labels.items()] if isinstance(labels, Mapping) else list(labels)
    return repeat("--label", items)


def names_of(names: Sequence[str] | str, what: str) -> list[str]:
    """One name or several, as a list; at least one."""
    listed = [names] if isinstance(names, str) else list(names)
    if not listed:
        raise UsageError(f"name at least one {what}")
    return listed


def operands(values: Sequence[str]) -> list[str]:
    """User-given operands (container, network, service names) for the end of an argv: after a
    `--` when one of them starts with `-`, which docker would read as a flag; unchanged otherwise.
    Only operands may follow them (a container's command, ps arguments): no option is read after `--`."""
    listed = list(values)
    if any(value.startswith("-") for value in listed):
        return ["--", *listed]
    return listed
