"""The base of every typed record: `raw` keeps docker's object, `to_json()` gives the CONTRACT keys."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Callable, TypeVar

from ..errors import ParseError

__all__ = ["Record", "jsonable", "field_value", "check_text", "build", "constructor"]


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
    """Mixin for frozen dataclasses built out of what docker printed."""

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


def check_text(command: str, obj: dict[str, Any], names: tuple[str, ...]) -> None:
    """A ParseError naming the first of `names` whose value is neither a string nor absent: docker
    prints these fields as strings, so another JSON type means another format, not a value."""
    for name in names:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise ParseError(command, f"field {name}: a JSON {type(value).__name__}, not a string", repr(value)[:200])


def build(command: str, make: Callable[[Any, str], T], obj: Any) -> T:
    """make(obj, command), with data of an unexpected type reported as a ParseError, not a traceback."""
    try:
        return make(obj, command)
    except ParseError:
        raise
    except (ValueError, TypeError, AttributeError, KeyError) as exc:
        raise ParseError(command, f"unexpected data ({type(exc).__name__}: {exc})", repr(obj)[:200]) from None


def constructor(cls: type[T]) -> Callable[..., T]:
    """A positional constructor of the frozen, slotted dataclass `cls`, taking every field.

    It gives the same object as cls(...), about twice as fast: the frozen __init__ sets each
    field through object.__setattr__, which is most of the cost of parsing a `container ls` row
    (benchmarks/parse_ls.py). Here each slot is set through its own descriptor, in code generated
    once per class, the way dataclasses generates __init__.
    """
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    if "__slots__" not in cls.__dict__ or not all(name in cls.__dict__ for name in names):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    namespace.update({f"_set_{name}": cls.__dict__[name].__set__ for name in names})
    body = "".join(f"    _set_{name}(obj, {name})\n" for name in names)
    exec(f"def make({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n", namespace)
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"constructor({cls.__name__})"
    return make
