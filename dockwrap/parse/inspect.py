"""`docker X inspect` output: a JSON array of objects, each made into a record by the records
module's maker. One loop for every noun, so that each reports a bad object the same way."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..errors import ParseError
from .jsonlines import load_array
from .record import build

__all__ = ["parse_inspect"]

T = TypeVar("T")
Maker = Callable[[dict[str, Any], str], T]


def parse_inspect(text: str, command: str, makers: Sequence[tuple[tuple[str, ...], Maker[T]]]) -> list[T]:
    """The records of an inspect array: each object is made by the first maker whose keys it has
    (as strings, except where docker nests an object: `Spec`), in order. An object that has the
    keys of none is a ParseError naming the first maker's keys; data of the wrong type inside
    one is a ParseError too (`build`)."""
    details = []
    for obj in load_array(text, command):
        for keys, make in makers:
            if all(key in obj and (isinstance(obj[key], str) or key == "Spec") for key in keys):
                details.append(build(command, make, obj))
                break
        else:
            wanted = " and ".join(makers[0][0])
            raise ParseError(command, f"an object has no {wanted}", repr(obj)[:200])
    return details
