"""Python keywords to docker options, checked against the table.

    from dockwrap.surface.build import option_args
    option_args(("run",), {"detach": True, "publish": ["8080:80"], "memory": "64m",
                           "label": {"team": "a"}, "restart": "unless-stopped"})
    # ['--detach', '--publish', '8080:80', '--memory', '64m', '--label', 'team=a',
    #  '--restart', 'unless-stopped']

Keys are the options' snake_case keywords (`add_host`, `cap_add`, `publish_all`), or docker's
own spelling (`"--add-host"`, `"-p"`) where a keyword would not be a valid identifier. What
each kind takes:

* flag: a bool. True writes `--flag`; False writes nothing, or `--flag=false` where docker's
  default is true (`sig_proxy=False`).
* value: a str, int or float (not a bool) -> `--name value`.
* list: a str (one item, never split into characters), an iterable of str/int (one
  `--name item` each), or a dict (`key=value` items, e.g. labels; a None value gives `key`
  alone, which docker reads from the environment for `--env`).
* map: a dict or `key=value` strings (one str, or an iterable of them).

Wherever a str goes, bytes go too (decoded as sys.argv is, so that any byte reaches docker).

None is "not given" for every kind and writes nothing. Options are written `--long value`
(an option with only a letter as `-x value`), in the caller's order; values are passed on
untouched (any str, surrogate-escaped non-UTF-8 included). A wrong type or an unknown key
raises TypeError naming the command and, for a key, the closest docker option.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from . import Command, Option

__all__ = ["option_args", "closest_option", "keys_of", "written"]


def option_args(command: Command | Iterable[str] | str, options: Mapping[str, object]) -> list[str]:
    """OPTIONS (keyword -> value) as docker argv for COMMAND (a `Command`, a path, or `()` for
    docker's global options). TypeError on an unknown key or a value of the wrong type."""
    name, known = _known(command)
    argv: list[str] = []
    for key, value in options.items():
        if value is None:
            continue
        option = known.get(key) or known.get(key.replace("_", "-"))
        if option is None:
            raise TypeError(f"{name} has no option {key!r}{_did_you_mean(key, known)}")
        argv += _written(name, option, value)
    return argv


def _known(command: Command | Iterable[str] | str) -> tuple[str, dict[str, Option]]:
    """The command's name for messages, and its options by every accepted key."""
    from . import GLOBAL_OPTIONS, Command, lookup

    if isinstance(command, Command):
        found: Command | None = command
    else:
        path = command.split() if isinstance(command, str) else list(command)
        if not path:
            return "docker", _keys(GLOBAL_OPTIONS)
        found = lookup(path)
        if found is None:
            raise TypeError(f"docker has no command {' '.join(path)!r}")
    assert found is not None
    return f"docker {found.name}", keys_of(found)


#: each command's options by every accepted key, made once per command (by name: one table)
_KEYS: dict[str, dict[str, Option]] = {}


def keys_of(command: Command) -> dict[str, Option]:
    """COMMAND's options by every key `option_args` takes: long name, keyword, spellings."""
    keys = _KEYS.get(command.name)
    if keys is None:
        keys = _KEYS[command.name] = _keys(command.options)
    return keys


def written(command: Command, option: Option, value: object) -> list[str]:
    """One option of COMMAND with VALUE as docker argv (see the module's doc; TypeError when the
    value is not of the option's kind)."""
    return _written(f"docker {command.name}", option, value)


def _keys(options: Iterable[Option]) -> dict[str, Option]:
    keys: dict[str, Option] = {}
    for option in options:
        keys[option.long] = option
        keys[option.keyword] = option
        for spelling in option.spellings:
            keys[spelling] = option
    return keys


def closest_option(options: Iterable[Option], key: str) -> Option | None:
    """The option whose keyword is closest to KEY (`memry` -> `memory`), if any is close."""
    keywords = {option.keyword: option for option in options}
    import difflib  # (only for an unknown key: it costs ~2 ms to import)

    close = difflib.get_close_matches(key.lstrip("-").replace("-", "_"), list(keywords), n=1)
    return keywords[close[0]] if close else None


def _did_you_mean(key: str, known: dict[str, Option]) -> str:
    option = closest_option(known.values(), key)
    return f"; did you mean {option.keyword} (--{option.long})?" if option else ""


def _spelling(option: Option) -> str:
    return f"--{option.long}" if option.long else f"-{option.short}"


def _written(name: str, option: Option, value: object) -> list[str]:
    spelling = _spelling(option)
    if option.kind == "flag":
        if not isinstance(value, bool):
            raise TypeError(f"{name} {spelling} is a flag: give True or False, not {_shown(value)}")
        if value:
            return [spelling]
        return [f"{spelling}=false"] if option.default_true else []
    if option.kind == "value":
        return [spelling, _scalar(name, spelling, value)]
    items = _items(name, spelling, value)
    return [word for item in items for word in (spelling, item)]


def _scalar(name: str, spelling: str, value: object) -> str:
    if isinstance(value, bytes):
        return os.fsdecode(value)
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise TypeError(f"{name} {spelling} takes one value (str, int or float), not {_shown(value)}")
    return value if isinstance(value, str) else str(value)


def _items(name: str, spelling: str, value: object) -> list[str]:
    """A list or map option's items: one str, an iterable of str/int, or a dict of key=value."""
    if isinstance(value, (str, bytes)):
        return [_item(name, spelling, value)]
    if isinstance(value, Mapping):
        return [
            _item(name, spelling, key)
            if item is None
            else f"{_item(name, spelling, key)}={_item(name, spelling, item)}"
            for key, item in value.items()
        ]
    if isinstance(value, bytearray) or not isinstance(value, Iterable):
        raise TypeError(f"{name} {spelling} takes a str, an iterable of str, or a dict, not {_shown(value)}")
    return [_item(name, spelling, item) for item in value]


def _item(name: str, spelling: str, item: object) -> str:
    if isinstance(item, bytes):
        return os.fsdecode(item)
    if isinstance(item, bool) or not isinstance(item, (str, int, float)):
        raise TypeError(f"{name} {spelling}: each item is a str or a number, not {_shown(item)}")
    return item if isinstance(item, str) else str(item)


def _shown(value: object) -> str:
    return f"{type(value).__name__} {value!r}"[:80]
