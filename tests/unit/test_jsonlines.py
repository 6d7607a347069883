"""Reading `{{json .}}` list output and inspect arrays (dockwrap/parse/jsonlines.py)."""

from __future__ import annotations

import pytest

from dockwrap.errors import ParseError
from dockwrap.parse.jsonlines import load_array, load_objects

from .corpus import CLIENTS, client_params, read

COMMAND = "docker container ls"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("", []),
        ("\n\n", []),
        ('{"ID":"a"}', [{"ID": "a"}]),
        ('{"ID":"a"}\n{"ID":"b"}\n', [{"ID": "a"}, {"ID": "b"}]),
        ('{"ID":"a"}\r\n{"ID":"b"}\r\n', [{"ID": "a"}, {"ID": "b"}]),
        ('{"ID":"a"}\n\n{"ID":"b"}', [{"ID": "a"}, {"ID": "b"}]),
        # docker's HTML escaping
        (
            '{"Ports":"0.0.0.0:80-\\u003e80/tcp","Digest":"\\u003cnone\\u003e"}',
            [{"Ports": "0.0.0.0:80->80/tcp", "Digest": "<none>"}],
        ),
        # one JSON array (podman and others)
        ('[{"ID":"a"},{"ID":"b"}]', [{"ID": "a"}, {"ID": "b"}]),
        # pretty-printed objects one after another (old podman)
        ('{\n  "ID": "a"\n}\n{\n  "ID": "b"\n}\n', [{"ID": "a"}, {"ID": "b"}]),
    ],
)
def test_load_objects(text: str, expected: list[dict[str, str]]) -> None:
    assert load_objects(text, COMMAND) == expected


def test_a_value_may_hold_a_line_separator() -> None:
    # str.splitlines() also splits at U+2028 and U+0085, which may sit unescaped inside a value
    text = '{"Labels":"a=x\u2028y"}\n{"Labels":"b=\x85"}'
    assert load_objects(text, COMMAND) == [{"Labels": "a=x\u2028y"}, {"Labels": "b=\x85"}]


@pytest.mark.parametrize(
    "text, bad_line",
    [
        ('{"ID":"a"}\n{"ID":"b",\n{"ID":"c"}', '{"ID":"b",'),
        ('{"ID":"a"}\n{"ID": garbled}\n', '{"ID": garbled}'),
        ("json\njson\n", "json"),  # `--format json` before docker 23.0 prints this, with exit 0
        ("Error: something\n", "Error: something"),
    ],
)
def test_garbled_line_names_command_and_line(text: str, bad_line: str) -> None:
    with pytest.raises(ParseError) as caught:
        load_objects(text, COMMAND)
    error = caught.value
    assert error.command == COMMAND and error.line == bad_line
    assert COMMAND in str(error) and bad_line in str(error)
    assert error.exit_code == 1


@pytest.mark.parametrize("text", ['{"ID":"a"}\n5\n', '{"ID":"a"}\n"text"\n', '{"ID":"a"}\n[1, 2]\n', "[1, 2]"])
def test_non_object_is_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        load_objects(text, COMMAND)
    assert caught.value.command == COMMAND


def test_load_array() -> None:
    assert load_array("[]", "docker inspect") == []
    assert load_array(' [{"Id":"a"}]\n', "docker inspect") == [{"Id": "a"}]
    assert load_array("", "docker inspect") == []


@pytest.mark.parametrize("text", ["[{", "{}", '["a"]', "[1]", "not json"])
def test_load_array_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        load_array(text, "docker container inspect")
    assert "docker container inspect" in str(caught.value)


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("name", ["container-ls", "container-ls-size", "container-stats", "network-ls", "image-ls"])
def test_recorded_list_output(client: str, name: str) -> None:
    text = read(client, name)
    objects = load_objects(text, "docker")
    assert len(objects) == len(text.splitlines()) > 0


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("name", ["container-inspect", "network-inspect", "network-inspect-none"])
def test_recorded_inspect_output(client: str, name: str) -> None:
    assert load_array(read(client, name), "docker inspect")


def test_corpus_has_every_client() -> None:
    assert {"28.2.2", "20.10.24", "17.12-derived"} <= set(CLIENTS)


def test_parse_inspect_uses_the_first_maker_whose_keys_an_object_has() -> None:
    from dockwrap.errors import ParseError
    from dockwrap.parse.inspect import parse_inspect

    makers = [
        (("Id", "Name"), lambda obj, command: ("docker", obj["Name"])),
        (("id", "name"), lambda obj, command: ("podman", obj["name"])),
    ]
    text = '[{"Id": "1", "Name": "a"}, {"id": "2", "name": "b"}]'
    assert parse_inspect(text, "docker network inspect", makers) == [("docker", "a"), ("podman", "b")]
    assert parse_inspect("", "docker network inspect", makers) == []
    with pytest.raises(ParseError, match="an object has no Id and Name"):
        parse_inspect('[{"Id": 5, "Name": "a"}]', "docker network inspect", makers)
    with pytest.raises(ParseError, match="unexpected data"):
        parse_inspect('[{"Id": "1", "Name": "a"}]', "x", [(("Id",), lambda obj, command: obj["Missing"])])
