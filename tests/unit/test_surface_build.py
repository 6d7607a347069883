"""Python keywords to docker options, checked against the table (dockwrap/surface/build.py)."""

from __future__ import annotations

import pytest

from dockwrap import surface
from dockwrap.surface.build import option_args


def test_every_kind_in_the_callers_order():
    argv = option_args(
        ("run",),
        {
            "detach": True,
            "publish": ["8080:80", 9090],
            "memory": "64m",
            "cpus": 0.5,
            "stop_timeout": 10,
            "label": {"team": "a", "tier": 1},
            "volume": "data:/data",
            "sysctl": {"net.ipv4.ip_forward": "1"},
            "restart": "unless-stopped",
        },
    )
    assert argv == [
        "--detach",
        "--publish",
        "8080:80",
        "--publish",
        "9090",
        "--memory",
        "64m",
        "--cpus",
        "0.5",
        "--stop-timeout",
        "10",
        "--label",
        "team=a",
        "--label",
        "tier=1",
        "--volume",
        "data:/data",
        "--sysctl",
        "net.ipv4.ip_forward=1",
        "--restart",
        "unless-stopped",
    ]


def test_flags():
    assert option_args(("run",), {"rm": True, "init": False}) == ["--rm"]
    # docker's default is true: False must be written
    assert option_args(("run",), {"sig_proxy": False}) == ["--sig-proxy=false"]
    assert option_args(("run",), {"sig_proxy": True}) == ["--sig-proxy"]
    assert option_args(("network", "create"), {"ipv4": False}) == ["--ipv4=false"]


def test_none_is_not_given():
    assert option_args(("run",), {"name": None, "detach": None, "env": None, "sysctl": None}) == []


def test_a_string_is_one_item_never_its_characters():
    assert option_args(("run",), {"env": "A=1"}) == ["--env", "A=1"]
    assert option_args(("run",), {"env": ("A=1", "B=2")}) == ["--env", "A=1", "--env", "B=2"]
    assert option_args(("run",), {"env": (x for x in ["A"])}) == ["--env", "A"]
    assert option_args(("run",), {"env": []}) == []


def test_maps_take_a_dict_or_key_value_strings():
    assert option_args(("run",), {"sysctl": "a=1"}) == ["--sysctl", "a=1"]
    assert option_args(("run",), {"sysctl": ["a=1", "b=2"]}) == ["--sysctl", "a=1", "--sysctl", "b=2"]
    assert option_args(("network", "create"), {"opt": {"com.docker.network.bridge.name": "br9"}}) == [
        "--opt",
        "com.docker.network.bridge.name=br9",
    ]


def test_values_are_passed_on_untouched():
    odd = "caf\udce9 -- $(rm -rf /) 'x' \"y\" \n"
    assert option_args(("run",), {"name": odd, "env": [odd], "label": {odd: odd}}) == [
        "--name",
        odd,
        "--env",
        odd,
        "--label",
        f"{odd}={odd}",
    ]
    assert option_args(("run",), {"name": ""}) == ["--name", ""]
    assert option_args(("run",), {"name": "-x"}) == ["--name", "-x"]


def test_bytes_as_str_and_a_none_value_as_the_key_alone():
    """As every public method takes them (dockwrap/args.py): bytes are decoded as sys.argv is, and
    `{"A": None}` is `A` (docker takes the value from the environment)."""
    assert option_args(("run",), {"name": b"caf\xe9", "volume": b"x:/x", "env": {"A": None, b"B": b"\xff"}}) == [
        "--name",
        "caf\udce9",
        "--volume",
        "x:/x",
        "--env",
        "A",
        "--env",
        "B=\udcff",
    ]


def test_docker_spellings_as_keys():
    assert option_args(("run",), {"--add-host": "db:10.0.0.2", "-p": "80", "add-host": "x:1.1.1.1"}) == [
        "--add-host",
        "db:10.0.0.2",
        "--publish",
        "80",
        "--add-host",
        "x:1.1.1.1",
    ]
    assert option_args(("run",), {"cap_add": ["NET_ADMIN"], "publish_all": True}) == [
        "--cap-add",
        "NET_ADMIN",
        "--publish-all",
    ]


def test_hidden_options_are_accepted():
    assert option_args(("run",), {"net": "host", "net_alias": "web"}) == ["--net", "host", "--net-alias", "web"]


def test_commands_by_any_spelling_and_global_options():
    assert option_args("ps", {"all": True}) == option_args(surface.lookup(("container", "ls")), {"all": True})
    assert option_args((), {"context": "remote", "host": ["unix:///a.sock", "ssh://b"], "debug": True}) == [
        "--context",
        "remote",
        "--host",
        "unix:///a.sock",
        "--host",
        "ssh://b",
        "--debug",
    ]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"memroy": "1g"}, "docker container run has no option 'memroy'; did you mean memory (--memory)?"),
        ({"publsh": "80"}, "docker container run has no option 'publsh'; did you mean publish (--publish)?"),
        ({"--cap-ad": "X"}, "docker container run has no option '--cap-ad'; did you mean cap_add (--cap-add)?"),
        ({"zzzzzz": 1}, "docker container run has no option 'zzzzzz'"),
        ({"detach": 1}, "docker container run --detach is a flag: give True or False, not int 1"),
        ({"detach": "yes"}, "docker container run --detach is a flag: give True or False, not str 'yes'"),
        ({"memory": True}, "docker container run --memory takes one value (str, int or float), not bool True"),
        ({"memory": ["1g"]}, "docker container run --memory takes one value (str, int or float), not list ['1g']"),
        (
            {"volume": bytearray(b"x:/x")},
            "docker container run --volume takes a str, an iterable of str, or a dict, "
            "not bytearray bytearray(b'x:/x')",
        ),
        ({"volume": 5}, "docker container run --volume takes a str, an iterable of str, or a dict, not int 5"),
        ({"volume": [True]}, "docker container run --volume: each item is a str or a number, not bool True"),
        ({"volume": [None]}, "docker container run --volume: each item is a str or a number, not NoneType None"),
        ({"sysctl": {"a": [1]}}, "docker container run --sysctl: each item is a str or a number, not list [1]"),
    ],
)
def test_errors_name_the_command_and_the_closest_option(options, message):
    with pytest.raises(TypeError) as raised:
        option_args(("run",), options)
    assert str(raised.value) == message


def test_an_unknown_command():
    with pytest.raises(TypeError, match="docker has no command 'nope run'"):
        option_args(("nope", "run"), {})
