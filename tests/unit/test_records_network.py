"""Network records from the recorded output of every client (dockwrap/network/records.py)."""

from __future__ import annotations

import ipaddress
import json

import pytest

from dockwrap.container.records import parse_container_inspect
from dockwrap.errors import ParseError
from dockwrap.network.records import Network, NetworkDetails, parse_network_inspect, parse_network_ls

from .corpus import NET1, NET2, WEB, client_params, read, release

# docs/contract/records.md
NETWORK_KEYS = {"id", "name", "driver", "scope", "internal", "ipv6", "labels", "created_at"}
DETAILS_KEYS = NETWORK_KEYS | {"subnet", "gateway", "containers"}
MEMBER_KEYS = {"id", "name", "ipv4_address", "ipv6_address", "mac_address"}


@pytest.mark.parametrize("client", client_params())
def test_network_ls(client: str) -> None:
    networks = {n.name: n for n in parse_network_ls(read(client, "network-ls"))}
    assert set(networks) == {NET1, NET2}
    net1, net2 = networks[NET1], networks[NET2]
    assert isinstance(net1, Network)
    assert (net1.driver, net1.scope, net1.internal, net1.ipv6) == ("bridge", "local", False, False)
    assert net2.internal is True
    assert net1.labels == {
        "dockwrap.fixture": "1",
        "fxrec.desc": "a, b=c",
        "fxrec.role": "frontend",
        "fxrec.scene": "1",
    }
    assert net1.created_at is not None and len(net1.id) == 12
    for network in networks.values():
        data = network.to_json()
        assert set(data) == NETWORK_KEYS
        json.dumps(data)


@pytest.mark.parametrize("client", client_params())
def test_network_ls_builtin(client: str) -> None:
    networks = {n.name: n for n in parse_network_ls(read(client, "network-ls-builtin"))}
    assert {name: n.driver for name, n in networks.items()} == {"bridge": "bridge", "host": "host", "none": "null"}
    assert all(n.labels == {} and not n.internal for n in networks.values())


@pytest.mark.parametrize("client", client_params())
def test_network_ls_newer_fields_stay_in_raw(client: str) -> None:
    for network in parse_network_ls(read(client, "network-ls")):
        # IPv4 is new in 28.0 ("false" even where IPv4 is on, against a 20.10 daemon)
        assert ("IPv4" in network.raw) == (release(client) >= (28, 0))
        assert "ipv4" not in network.to_json()


@pytest.mark.parametrize("client", client_params())
def test_network_inspect(client: str) -> None:
    details = {d.name: d for d in parse_network_inspect(read(client, "network-inspect"))}
    assert set(details) == {NET1, NET2}
    net1, net2 = details[NET1], details[NET2]
    assert isinstance(net1, NetworkDetails)
    for network in (net1, net2):
        assert network.subnet and network.gateway  # chosen by the daemon
        assert ipaddress.ip_address(network.gateway) in ipaddress.ip_network(network.subnet)
    assert net2.internal and net2.attachable and not net1.attachable
    assert net1.labels["fxrec.desc"] == "a, b=c"
    containers = {d.name: d for d in parse_container_inspect(read(client, "container-inspect"))}
    web = containers[WEB]
    for name, network in details.items():
        member = network.member(WEB)
        assert member is not None and member.id == web.id
        assert member.ipv4_address == web.networks[name].ip_address  # without the /prefix
        assert ipaddress.ip_address(member.ipv4_address) in ipaddress.ip_network(network.subnet)
        assert member.mac_address == web.networks[name].mac_address and member.ipv6_address is None
        assert network.member(web.id[:12]) == member
        assert network.member("fxrec-nobody") is None


@pytest.mark.parametrize("client", client_params())
def test_network_ls_and_inspect_agree(client: str) -> None:
    listed = {n.name: n for n in parse_network_ls(read(client, "network-ls"))}
    for detail in parse_network_inspect(read(client, "network-inspect")):
        row = listed[detail.name]
        assert detail.id.startswith(row.id)
        assert (detail.driver, detail.scope, detail.internal, detail.ipv6, detail.labels, detail.created_at) == (
            row.driver,
            row.scope,
            row.internal,
            row.ipv6,
            row.labels,
            row.created_at,
        )


@pytest.mark.parametrize("client", client_params())
def test_network_without_addresses(client: str) -> None:
    (none,) = parse_network_inspect(read(client, "network-inspect-none"))
    assert (none.name, none.driver, none.subnet, none.gateway, none.containers) == ("none", "null", None, None, [])


@pytest.mark.parametrize("client", client_params())
@pytest.mark.parametrize("fixture", ["network-inspect", "network-inspect-none"])
def test_network_inspect_to_json_has_contract_keys(client: str, fixture: str) -> None:
    for detail in parse_network_inspect(read(client, fixture)):
        data = detail.to_json()
        assert set(data) == DETAILS_KEYS
        for member in data["containers"]:
            assert set(member) == MEMBER_KEYS
        json.dumps(data)
        assert set(detail.to_json(raw=True)) == DETAILS_KEYS | {"raw"}


def test_unknown_inspect_fields_stay_in_raw() -> None:
    obj = json.loads(read("28.2.2", "network-inspect"))[0]
    obj["FutureField"] = [1]
    (detail,) = parse_network_inspect(json.dumps([obj]))
    assert detail.raw["FutureField"] == [1] and "FutureField" not in detail.to_json()


@pytest.mark.parametrize(
    "field, value",
    [
        ("Internal", "maybe"),
        ("Internal", 5),
        ("IPv6", "yes"),
        ("CreatedAt", "x"),
        ("Labels", 5),
        ("Name", 5),
        ("ID", ["a"]),
        ("Driver", {"a": 1}),
    ],
)
def test_network_ls_changed_type_is_parse_error(field: str, value: object) -> None:
    obj = json.loads(read("28.2.2", "network-ls").splitlines()[0])
    obj[field] = value
    with pytest.raises(ParseError) as caught:
        parse_network_ls(json.dumps(obj))
    assert caught.value.command == "docker network ls"


def test_network_ls_json_booleans_accepted() -> None:
    obj = json.loads(read("28.2.2", "network-ls").splitlines()[0])
    obj["Internal"], obj["IPv6"] = True, False
    (network,) = parse_network_ls(json.dumps(obj))
    assert network.internal is True and network.ipv6 is False


@pytest.mark.parametrize(
    "change",
    [
        lambda o: o.pop("Id"),
        lambda o: o.__setitem__("Containers", ["x"]),
        lambda o: o.__setitem__("IPAM", {"Config": [5]}),
        lambda o: o.__setitem__("Created", "yesterday"),
    ],
)
def test_network_inspect_changed_shape_is_parse_error(change) -> None:  # type: ignore[no-untyped-def]
    obj = json.loads(read("28.2.2", "network-inspect"))[0]
    change(obj)
    with pytest.raises(ParseError) as caught:
        parse_network_inspect(json.dumps([obj]))
    assert caught.value.command == "docker network inspect"
