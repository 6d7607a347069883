"""Label strings of list output (dockwrap/parse/labels.py)."""

from __future__ import annotations

import json

import pytest

from dockwrap.parse.labels import parse_labels

from .corpus import NET1, WEB, client_params, read


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a=b,c=d", {"a": "b", "c": "d"}),
        ("com.example.tier=web", {"com.example.tier": "web"}),
        # docker escapes nothing: a piece that cannot start a label belongs to the value before it
        ("desc=hello, world,x=1", {"desc": "hello, world", "x": "1"}),
        ("fxrec.desc=a, b=c,fxrec.role=frontend", {"fxrec.desc": "a, b=c", "fxrec.role": "frontend"}),
        ("eq=a=b=c", {"eq": "a=b=c"}),
        ("url=http://h/?q=1&r=2,x=y", {"url": "http://h/?q=1&r=2", "x": "y"}),
        ("list=a,b,c", {"list": "a,b,c"}),
        ("empty=,x=1", {"empty": "", "x": "1"}),
        ("flag", {"flag": ""}),
        ("=odd,x=1", {"=odd": "", "x": "1"}),
        ("", {}),
        (None, {}),
    ],
)
def test_parse_labels(text: str | None, expected: dict[str, str]) -> None:
    assert parse_labels(text) == expected


def test_value_holding_comma_key_equals_stays_ambiguous() -> None:
    # "k=x,y=z" could be one label whose value is "x,y=z": list output cannot tell; inspect can.
    assert parse_labels("k=x,y=z") == {"k": "x", "y": "z"}


@pytest.mark.parametrize("client", client_params())
def test_recorded_container_labels_match_inspect(client: str) -> None:
    """Labels of `ls` (random order before 28.2) read back as exactly the map `inspect` has."""
    exact = {
        item["Name"].lstrip("/"): item["Config"]["Labels"] for item in json.loads(read(client, "container-inspect"))
    }
    for fixture in ("container-ls", "container-ls-size"):
        for line in read(client, fixture).splitlines():
            row = json.loads(line)
            assert parse_labels(row["Labels"]) == exact[row["Names"]]
    assert exact[WEB]["fxrec.desc"] == "hello, world"
    assert exact[WEB]["fxrec.eq"] == "a=b=c"


@pytest.mark.parametrize("client", client_params())
def test_recorded_network_labels_match_inspect(client: str) -> None:
    exact = {item["Name"]: item["Labels"] for item in json.loads(read(client, "network-inspect"))}
    rows = [json.loads(line) for line in read(client, "network-ls").splitlines()]
    assert {row["Name"]: parse_labels(row["Labels"]) for row in rows} == exact
    assert exact[NET1]["fxrec.desc"] == "a, b=c"
