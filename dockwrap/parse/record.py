"""The base of every typed record: `raw` keeps docker's object, `to_json()` gives the CONTRACT keys."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Callable, TypeVar

from ..errors import ParseError

__all__ = ["Record", "jsonable", "field_value", "build"]


def jsonable(value: Any) -> Any:
    """value with records, datetimes and tuples turned into what json.dumps takes."""
    if isinstance(value, Record):
        return value.to_json()
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    return value


class Record:
    """Mixin for frozen dataclasses built from docker output."""

    __slots__ = ()

    def to_json(self, raw: bool = False) -> dict[str, Any]:
        """The record as CONTRACT section 5 names it (snake_case keys, `raw` only when asked)."""
        out = {}
        for field in dataclasses.fields(self):  # type: ignore[arg-type]
            if field.name == "raw" and not raw:
                continue
            out[field.name] = jsonable(getattr(self, field.name))
        return out


T = TypeVar("T")


def field_value(command: str, name: str, convert: Callable[[Any], T], value: Any) -> T:
    """convert(value), a failure reported as a ParseError naming the command and the field."""
    try:
        return convert(value)
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise ParseError(command, f"field {name}: {exc}", repr(value)) from None


def build(command: str, make: Callable[[Any, str], T], obj: Any) -> T:
    """make(obj, command), with data of an unexpected type reported as a ParseError, not a traceback."""
    try:
        return make(obj, command)
    except ParseError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise ParseError(command, f"unexpected data ({type(exc).__name__}: {exc})", repr(obj)[:200]) from None
