"""Network commands on the real engine, following the seed's sequence: names resolve on a user
network and not on the default bridge; aliases; two networks, two addresses; disconnect."""

import json

import pytest

from dockwrap import DockerCommandFailed, NoSuchNetwork
from tests.harness import docker_cli, dockwrap

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


@pytest.fixture
def net(docker, names, labels):
    """A fresh user-defined bridge network."""
    name = names("net")
    docker.network.create(name, labels=labels)
    return name


def sleeper(docker, name, labels, network=None, **options):
    docker.container.run(
        "busybox:latest",
        ["sleep", "300"],
        detach=True,
        init=True,
        name=name,
        network=network,
        labels=labels,
        pull="never",
        **options,
    )
    return name


def ping(docker, source, target):
    return docker.container.exec(source, ["ping", "-c", "1", "-W", "2", target])


def test_ls_shows_the_builtin_networks():
    rows = {n["name"]: n for n in json.loads(dockwrap("network", "ls", "--json").stdout)}
    assert rows["bridge"]["driver"] == "bridge"
    assert rows["host"]["driver"] == "host"
    assert rows["none"]["driver"] == "null"
    assert all(isinstance(n["internal"], bool) for n in rows.values())


def test_create_with_options_and_labels(docker, names, labels):
    name = names("opts")
    args = ["network", "create", "--subnet", "10.213.7.0/24", "--internal", "--attachable", "--json"]
    for key, value in labels.items():
        args += ["--label", f"{key}={value}"]
    created = json.loads(dockwrap(*args, name).stdout)
    (details,) = docker.network.inspect(name)
    assert details.id == created["id"]
    assert (details.subnet, details.internal, details.attachable) == ("10.213.7.0/24", True, True)
    assert details.labels["dockwrap.test.case"] == labels["dockwrap.test.case"]
    (listed,) = docker.network.ls(filters=[f"name={name}"])
    assert listed.internal is True and listed.labels["dockwrap.test"] == labels["dockwrap.test"]


def test_two_containers_ping_each_other_by_name(docker, net, names, labels):
    a = sleeper(docker, names("a"), labels, net)
    b = sleeper(docker, names("b"), labels, net)
    there, back = ping(docker, a, b), ping(docker, b, a)
    assert there.exit_code == 0 and " 0% packet loss" in there.out
    assert back.exit_code == 0
    members = {m.name: m for m in docker.network.inspect(net)[0].containers}
    assert f"({members[b].ipv4_address})" in there.out


def test_default_bridge_does_not_resolve_names(docker, names, labels):
    a = sleeper(docker, names("a"), labels)
    b = sleeper(docker, names("b"), labels)
    result = ping(docker, a, b)
    assert result.exit_code != 0
    assert f"bad address '{b}'" in result.err


def test_connect_with_aliases_and_two_addresses(docker, net, names, labels):
    other = names("net")
    docker.network.create(other, labels=labels)
    a = sleeper(docker, names("a"), labels, net)
    b = sleeper(docker, names("b"), labels, other)
    result = dockwrap("network", "connect", "--alias", "alpha", "--alias", "beta", net, b)
    assert result.returncode == 0, result.stderr
    for alias in ("alpha", "beta"):
        assert ping(docker, a, alias).exit_code == 0, f"{alias} does not resolve"
    (details,) = docker.container.inspect(b)
    assert set(details.networks) == {net, other}
    assert {"alpha", "beta"} <= set(details.networks[net].aliases)
    addresses = [e.ip_address for e in details.networks.values()]
    assert len(set(addresses)) == 2 and all(addresses)


def test_disconnect_ends_reachability(docker, net, names, labels):
    a = sleeper(docker, names("a"), labels, net)
    b = sleeper(docker, names("b"), labels, net)
    assert ping(docker, a, b).exit_code == 0
    assert dockwrap("network", "disconnect", net, b).returncode == 0
    assert ping(docker, a, b).exit_code != 0
    assert docker.network.inspect(net)[0].member(b) is None


def test_inspect_many_networks_in_one_call(docker, net, names, labels):
    a = sleeper(docker, names("a"), labels, net)
    result = dockwrap("-x", "network", "inspect", net, "bridge", "--json")
    assert result.stderr.count("+ ") == 1
    details = {d["name"]: d for d in json.loads(result.stdout)}
    assert set(details) == {net, "bridge"}
    (member,) = details[net]["containers"]
    assert member["name"] == a and member["ipv4_address"].count(".") == 3
    assert set(member) == {"id", "name", "ipv4_address", "ipv6_address", "mac_address"}


def test_rm_network_in_use_is_a_clear_error(docker, net, names, labels):
    sleeper(docker, names("a"), labels, net)
    result = dockwrap("network", "rm", net)
    assert result.returncode == 1
    assert result.stderr.startswith("dockwrap: error: ") and "active endpoints" in result.stderr
    assert "exit status" not in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(DockerCommandFailed):
        docker.network.rm(net)


def test_rm_missing_network(docker):
    result = dockwrap("network", "rm", "dwt-no-such-net")
    assert result.returncode == 1
    assert "dwt-no-such-net" in result.stderr.splitlines()[0]
    with pytest.raises(NoSuchNetwork):
        docker.network.inspect("dwt-no-such-net")


def test_run_on_a_missing_network(names):
    result = dockwrap(
        "run", "--rm", "--pull", "never", "--network", "dwt-no-such-net", "--name", names("x"), "busybox:latest", "true"
    )
    assert result.returncode == 125
    assert "dwt-no-such-net" in result.stderr and result.stderr.startswith("dockwrap: error: ")


def test_rm_network(docker, names, labels):
    name = names("gone")
    docker.network.create(name, labels=labels)
    assert dockwrap("network", "rm", name).stdout == f"{name}\n"
    assert docker_cli("network", "inspect", name).returncode == 1
