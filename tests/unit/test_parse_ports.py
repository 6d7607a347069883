"""Published ports in list output, `docker port` and `inspect` (dockwrap/parse/ports.py)."""

from __future__ import annotations

import json
import random

import pytest

from dockwrap.parse import ports as ports_module
from dockwrap.parse.ports import PortMapping, parse_port_lines, parse_ports, ports_from_inspect, well_formed_ports

from .corpus import PORT_BASE, WEB, client_params, read

P = PortMapping


@pytest.mark.parametrize(
    "text, expected",
    [
        ("0.0.0.0:8080->80/tcp", [P("0.0.0.0", 8080, 80, "tcp")]),
        ("127.0.0.1:18080->80/tcp", [P("127.0.0.1", 18080, 80, "tcp")]),
        # IPv6: bracketed from docker 28.0, bare colons before
        ("[::]:8080->80/tcp", [P("::", 8080, 80, "tcp")]),
        (":::8080->80/tcp", [P("::", 8080, 80, "tcp")]),
        ("[::1]:28081->80/tcp", [P("::1", 28081, 80, "tcp")]),
        ("::1:28081->80/tcp", [P("::1", 28081, 80, "tcp")]),
        ("[fe80::1%eth0]:8080->80/tcp", [P("fe80::1%eth0", 8080, 80, "tcp")]),
        ("80/tcp", [P(None, None, 80, "tcp")]),
        ("53/udp", [P(None, None, 53, "udp")]),
        ("9999/sctp", [P(None, None, 9999, "sctp")]),
        ("0.0.0.0:32769->9999/udp", [P("0.0.0.0", 32769, 9999, "udp")]),
        ("127.0.0.1:18054->54/sctp", [P("127.0.0.1", 18054, 54, "sctp")]),
        ("80", [P(None, None, 80, "tcp")]),
        # swarm's ingress publishes on every address of every node
        ("*:8080->80/tcp", [P("0.0.0.0", 8080, 80, "tcp")]),
        ("", []),
        (None, []),
    ],
)
def test_single_items(text: str | None, expected: list[PortMapping]) -> None:
    assert parse_ports(text) == expected


def test_range_is_one_mapping_per_port() -> None:
    assert parse_ports("0.0.0.0:8000-8002->8000-8002/tcp") == [
        P("0.0.0.0", 8000, 8000, "tcp"),
        P("0.0.0.0", 8001, 8001, "tcp"),
        P("0.0.0.0", 8002, 8002, "tcp"),
    ]
    assert parse_ports("[::]:18013-18014->18013-18014/udp") == [
        P("::", 18013, 18013, "udp"),
        P("::", 18014, 18014, "udp"),
    ]
    assert parse_ports("9000-9001/tcp") == [P(None, None, 9000, "tcp"), P(None, None, 9001, "tcp")]


def test_list_keeps_docker_order() -> None:
    text = (
        "7000/tcp, 0.0.0.0:18081->80/tcp, 127.0.0.1:18080->80/tcp, [::]:18081->80/tcp, "
        "0.0.0.0:32769->9999/udp, [::]:32769->9999/udp"
    )
    assert parse_ports(text) == [
        P(None, None, 7000, "tcp"),
        P("0.0.0.0", 18081, 80, "tcp"),
        P("127.0.0.1", 18080, 80, "tcp"),
        P("::", 18081, 80, "tcp"),
        P("0.0.0.0", 32769, 9999, "udp"),
        P("::", 32769, 9999, "udp"),
    ]


def test_service_ports_joined_without_space() -> None:
    # docker 17.12's `service ls` joined with "," only
    assert parse_ports("*:80->80/tcp,*:443->443/tcp") == [P("0.0.0.0", 80, 80, "tcp"), P("0.0.0.0", 443, 443, "tcp")]


@pytest.mark.parametrize(
    "text",
    ["0.0.0.0:8000-8002->80-81/tcp", "web/tcp", "0.0.0.0:http->80/tcp", "0.0.0.0:80->/tcp", "a->b->c"],
)
def test_garbage_raises_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_ports(text)


# Items in every form the inline fast path of parse_ports takes, or hands on.
_ITEMS = [
    "80/tcp",
    "80",
    "80/",
    "80/TCP",
    "7000/sctp",
    "0.0.0.0:8080->80/tcp",
    "[::]:8080->80/tcp",
    ":::8080->80/tcp",
    "*:80->80/tcp",
    ":8080->80/tcp",
    "8080->80/tcp",
    "0.0.0.0:->80/tcp",
    "1.2.3.4:8080->80",
    "[::1]:1->2/udp",
    "9000-9001/tcp",
    "0.0.0.0:8000-8002->8000-8002/tcp",
    "0.0.0.0:08080->080/tcp",
    "\u0663/tcp",
    "host-a:1->2/tcp",
]


@pytest.mark.parametrize("item", _ITEMS)
def test_fast_path_agrees_with_general_parser(item: str) -> None:
    """parse_ports handles the common items inline; _parse_item defines what they mean."""
    assert parse_ports(item) == ports_module._parse_item(item)


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "80/tcp",
        "0.0.0.0:8080->80/tcp, [::]:8080->80/tcp",
        ":::8080->80/tcp",
        "*:80->80/tcp",
        "[fe80::1]:1->2/udp",
        "9000-9001/tcp, 9999/sctp",
        ":8080->80/tcp",
    ],
)
def test_well_formed(text: str | None) -> None:
    assert well_formed_ports(text)
    parse_ports(text)


@pytest.mark.parametrize(
    "text",
    # garbage, and forms parse_ports takes but only it can check (published ranges) or that
    # docker does not print (no protocol, commas without spaces)
    [
        "0.0.0.0:8000-8002->80-81/tcp",
        "0.0.0.0:8000-8002->8000-8002/tcp",
        "web/tcp",
        "0.0.0.0:http->80/tcp",
        "0.0.0.0:80->/tcp",
        "a->b->c",
        "80",
        "80/tcp,81/tcp",
        "80/tcp, ",
        "host-a:1->2/tcp",
        "\u0663/tcp",
        "[fe80::1%eth0]:8080->80/tcp",
        "80/TCP",
    ],
)
def test_not_well_formed(text: str) -> None:
    assert not well_formed_ports(text)


def test_well_formed_never_hides_a_failure() -> None:
    """Records leave ports that pass well_formed_ports to be parsed on first read: whatever it
    accepts must parse. Items from docker's forms and near misses, joined every which way."""
    rng = random.Random(4)

    def pick(good: list[str], bad: list[str]) -> str:
        return rng.choice(good) if rng.random() < 0.8 else rng.choice(bad)

    hosts = (
        ["0.0.0.0:", "[::]:", ":::", "::1:", "*:", ":", "[::1]:"],
        ["[:", "]:", "1.2.3.4", "::", "a:", "0.0.0.0:08", "[fe80::1%eth0]:"],
    )
    ports = (["80", "8000-8002", "08"], ["", "x", "9-1", "1-", "-1", "99999999999999999999", "\u0663"])
    protocols = (["/tcp", "/udp", "/sctp"], ["", "/", "/TCP", "/tcp/udp"])
    arrows = (["->"], ["-", ">", "", "->->"])
    separators = ([", "], [",", " ,", "", ",  "])
    accepted = 0
    for _ in range(20_000):
        items = []
        for _ in range(rng.randint(1, 3)):
            published = f"{pick(*hosts)}{pick(*ports)}{pick(*arrows)}" if rng.random() < 0.5 else ""
            items.append(f"{published}{pick(*ports)}{pick(*protocols)}")
        text = items[0] + "".join(pick(*separators) + item for item in items[1:])
        if well_formed_ports(text):
            accepted += 1
            parse_ports(text)  # must not raise
    assert accepted > 1000  # the generator does reach the accepted forms


def test_str_gives_docker_form_back() -> None:
    for text in ["0.0.0.0:8080->80/tcp", "[::]:8080->80/tcp", "80/tcp", "127.0.0.1:53->53/udp"]:
        assert [str(mapping) for mapping in parse_ports(text)] == [text]


def test_to_json_keys() -> None:
    assert set(P("0.0.0.0", 8080, 80, "tcp").to_json()) == {"host_ip", "host_port", "container_port", "protocol"}
    assert P(None, None, 80, "udp").to_json() == {
        "host_ip": None,
        "host_port": None,
        "container_port": 80,
        "protocol": "udp",
    }


# -- recorded output ----------------------------------------------------------------------------

# What record.sh published: `-p 127.0.0.1:B-B+2:8000-8002 -p 127.0.0.1:B+80:80 -p [::1]:B+81:80
# -p 127.0.0.1:B+53:53/udp`, and exposed 7000, 9000-9001 and 9999/sctp without publishing them.
PUBLISHED = {
    P("127.0.0.1", PORT_BASE, 8000, "tcp"),
    P("127.0.0.1", PORT_BASE + 1, 8001, "tcp"),
    P("127.0.0.1", PORT_BASE + 2, 8002, "tcp"),
    P("127.0.0.1", PORT_BASE + 80, 80, "tcp"),
    P("::1", PORT_BASE + 81, 80, "tcp"),
    P("127.0.0.1", PORT_BASE + 53, 53, "udp"),
}
EXPOSED = {
    P(None, None, 7000, "tcp"),
    P(None, None, 9000, "tcp"),
    P(None, None, 9001, "tcp"),
    P(None, None, 9999, "sctp"),
}


def _ls_row(client: str, name: str, fixture: str = "container-ls") -> dict[str, str]:
    rows = [json.loads(line) for line in read(client, fixture).splitlines()]
    return next(row for row in rows if row["Names"] == name)


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("fixture", ["container-ls", "container-ls-size"])
def test_recorded_list_ports(client: str, fixture: str) -> None:
    mappings = parse_ports(_ls_row(client, WEB, fixture)["Ports"])
    assert len(mappings) == len(PUBLISHED) + len(EXPOSED)
    assert set(mappings) == PUBLISHED | EXPOSED


@pytest.mark.parametrize("client", client_params())
def test_recorded_port_command(client: str) -> None:
    assert set(parse_port_lines(read(client, "container-port"))) == PUBLISHED
    assert parse_port_lines(read(client, "container-port-created")) == []


@pytest.mark.parametrize("client", client_params())
def test_recorded_inspect_ports_agree_with_list(client: str) -> None:
    details = json.loads(read(client, "container-inspect"))
    web = next(item for item in details if item["Name"] == f"/{WEB}")
    assert set(ports_from_inspect(web["NetworkSettings"]["Ports"])) == PUBLISHED | EXPOSED


def test_port_lines_ipv6_both_forms() -> None:
    text = "80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n80/tcp -> :::8081\n53/udp -> 127.0.0.1:5353\n"
    assert parse_port_lines(text) == [
        P("0.0.0.0", 8080, 80, "tcp"),
        P("::", 8080, 80, "tcp"),
        P("::", 8081, 80, "tcp"),
        P("127.0.0.1", 5353, 53, "udp"),
    ]


@pytest.mark.parametrize("text", ["0.0.0.0:8080", "80/tcp => 0.0.0.0:8080", "80/tcp -> 0.0.0.0:http"])
def test_port_lines_garbage_raises(text: str) -> None:
    with pytest.raises(ValueError):
        parse_port_lines(text)


def test_inspect_ports_unpublished_and_published() -> None:
    ports = {
        "80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "8080"}, {"HostIp": "::", "HostPort": "8080"}],
        "7000/tcp": None,
        "53/udp": [],
    }
    assert ports_from_inspect(ports) == [
        P(None, None, 53, "udp"),
        P("0.0.0.0", 8080, 80, "tcp"),
        P("::", 8080, 80, "tcp"),
        P(None, None, 7000, "tcp"),
    ]
    assert ports_from_inspect(None) == []
    assert ports_from_inspect({}) == []
