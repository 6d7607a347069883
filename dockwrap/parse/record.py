"""The base of every typed record: `raw` keeps docker's object, `to_json()` gives the keys of
docs/contract/records.md; small helpers every parser uses."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from ..errors import ParseError

__all__ = [
    "Record",
    "json_key",
    "NOT_IN_JSON",
    "JSON_SPREAD",
    "jsonable",
    "field_value",
    "check_text",
    "build",
    "deferred",
    "PENDING",
]


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
    """What a deferred slot holds until its first read (`PENDING`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<pending>"


_PENDING = _Pending()
#: the value a parser gives a deferred field (see `deferred`): it loads itself on first read
PENDING: Any = _PENDING


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
    containers): the parser checks the text is well formed, gives the field PENDING, and
    load(record) builds the value from record.raw when somebody asks (so a caller who edits `raw`
    before that sees the edit in the field).

    Kept because the parse target needs it (benchmarks/parse_ls.py, 10,000 `container ls` rows
    within 120 ms; alternating runs on a 2-core machine, BENCHMARKS.md): rows with ports and
    labels built at once took 133-163 ms, with them deferred 93-96 ms. The exec-generated
    constructor that was here as well saved another ~13 ms: not needed for the target, so it went.
    """
    member = cls.__dict__.get(name)
    if member is None or "__slots__" not in cls.__dict__ or isinstance(member, _DeferredSlot):
        raise TypeError(f"{cls.__name__}.{name} is not a slot of a slotted dataclass")
    setattr(cls, name, _DeferredSlot(member, load, name))
