"""The base of every typed record: `raw` keeps docker's object, `to_json()` gives the CONTRACT keys."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Callable, TypeVar

from ..errors import ParseError

__all__ = ["Record", "json_key", "NOT_IN_JSON", "JSON_SPREAD", "jsonable", "field_value", "check_text", "build", "constructor", "deferred", "slot_setter"]


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


def json_key(key: str | None) -> dict[str, Any]:
    """Field metadata: to_json shows the field under another key (`from` for `source`), or leaves
    it out (None): `source: str = field(metadata=json_key("from"))`."""
    return {"json_key": key}


#: field metadata: a Python convenience, not part of the record's JSON
NOT_IN_JSON = json_key(None)
#: field metadata: a dict whose items to_json shows as keys of the record itself (top's extra columns)
JSON_SPREAD = {"json_spread": True}


_JSON_PLANS: dict[type, tuple[tuple[str, str | None, bool], ...]] = {}


def _json_plan(cls: type) -> tuple[tuple[str, str | None, bool], ...]:
    """(field name, JSON key or None, spread) for each field of a record class, in order (made
    once per class: to_json runs for each of thousands of rows)."""
    plan = _JSON_PLANS.get(cls)
    if plan is None:
        plan = _JSON_PLANS[cls] = tuple(
            (f.name, f.metadata.get("json_key", f.name), bool(f.metadata.get("json_spread")))
            for f in dataclasses.fields(cls)
        )
    return plan


class Record:
    """Mixin for frozen dataclasses built out of what docker printed."""

    __slots__ = ()

    def to_json(self, raw: bool = False) -> dict[str, Any]:
        """The record as docs/contract/records.md names it: snake_case keys (a field's `json_key`
        renames or leaves it out, `json_spread` spreads a dict's items), `raw` only when asked."""
        out: dict[str, Any] = {}
        for name, key, spread in _json_plan(type(self)):
            if key is None or (name == "raw" and not raw):
                continue
            value = jsonable(getattr(self, name))
            if spread:
                out.update(value)
            else:
                out[key] = value
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


class _Pending:
    """What a deferred slot holds until its first read."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<pending>"


_PENDING = _Pending()


class _DeferredSlot:
    """The descriptor of a slot that fills itself on first read: `load(record)` gives the value.

    Until then the slot holds _PENDING (a marker, not an empty slot: raising and catching
    AttributeError on each first read would cost more than the parsing it defers). Everything that
    reads the field (attribute access, __eq__, __repr__, to_json, dataclasses.replace, pickling)
    goes through __get__, so a deferred field looks like any other; only the work moves to the
    first read. Two threads reading it first at the same moment may both load it; the values are
    equal and the last one stays.
    """

    __slots__ = ("member", "load", "name")

    def __init__(self, member: Any, load: Callable[[Any], Any], name: str) -> None:
        self.member = member
        self.load = load
        self.name = name

    def __get__(self, record: Any, owner: type | None = None) -> Any:
        if record is None:
            return self
        value = self.member.__get__(record, owner)
        if value is _PENDING:
            value = self.load(record)
            self.member.__set__(record, value)
        return value

    def __set__(self, record: Any, value: Any) -> None:
        self.member.__set__(record, value)

    def __delete__(self, record: Any) -> None:
        self.member.__delete__(record)

    def __repr__(self) -> str:
        return f"<deferred field {self.name!r}>"


def deferred(cls: type, name: str, load: Callable[[Any], Any]) -> None:
    """Make field `name` of the slotted dataclass `cls` load itself on first read, from the record.

    For fields that are costly to build and often not read (the ports and labels of 10,000 listed
    containers): the parser checks the text is well formed, a constructor(omit=...) marks the
    slot pending, and load(record) builds the value from record.raw when somebody asks (so a
    caller who edits `raw` before that sees the edit in the field).
    """
    member = cls.__dict__.get(name)
    if member is None or "__slots__" not in cls.__dict__ or isinstance(member, _DeferredSlot):
        raise TypeError(f"{cls.__name__}.{name} is not a slot of a slotted dataclass")
    setattr(cls, name, _DeferredSlot(member, load, name))


def _slot(cls: type, name: str) -> Any:
    member = cls.__dict__.get(name)
    return member.member if isinstance(member, _DeferredSlot) else member


def slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    """set(record, value) for a field of a frozen, slotted dataclass, while a parser builds it."""
    setter: Callable[[Any, Any], None] = _slot(cls, name).__set__
    return setter


def constructor(cls: type[T], omit: tuple[str, ...] = ()) -> Callable[..., T]:
    """A positional constructor of the frozen, slotted dataclass `cls`, taking every field but
    the deferred ones named in `omit` (they are loaded on first read).

    It gives the same object as cls(...), about twice as fast: the frozen __init__ sets each
    field through object.__setattr__, which is most of the cost of parsing a `container ls` row
    (benchmarks/parse_ls.py). Here each slot is set through its own descriptor, in code generated
    once per class, the way dataclasses generates __init__.
    """
    names = [f.name for f in dataclasses.fields(cls) if f.name not in omit]  # type: ignore[arg-type]
    if "__slots__" not in cls.__dict__ or not all(name in cls.__dict__ for name in names):
        raise TypeError(f"{cls.__name__} is not a slotted dataclass")
    if not all(isinstance(cls.__dict__.get(name), _DeferredSlot) for name in omit):
        raise TypeError(f"{cls.__name__}: only deferred fields may be left out: {omit}")
    namespace: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_pending": _PENDING}
    namespace.update({f"_set_{name}": _slot(cls, name).__set__ for name in (*names, *omit)})
    body = "".join(f"    _set_{name}(obj, {name})\n" for name in names)
    body += "".join(f"    _set_{name}(obj, _pending)\n" for name in omit)
    exec(f"def make({', '.join(names)}):\n    obj = _new(_cls)\n{body}    return obj\n", namespace)
    make: Callable[..., T] = namespace["make"]
    make.__qualname__ = f"constructor({cls.__name__})"
    return make
