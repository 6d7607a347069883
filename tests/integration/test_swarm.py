"""Swarm on the machine's engine: init, a replicated dnsrr service on an attachable overlay network,
ls/ps/inspect/scale/logs/rm through the Python API and the CLI, node ls, and the errors.

The swarm is the engine's, shared with everyone using it: the module fixture inits one only when
the engine is in none (an active swarm may be someone else's: then these tests skip), and always
leaves it again, also when a test fails. The kernel here has no IPVS, so nothing sends traffic to
a service VIP or the routing mesh; dnsrr answers are checked by DNS only.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator

import pytest

from dockwrap import Docker
from dockwrap.errors import NotConverged
from tests.harness import Case, docker_cli, dockwrap, free_port

pytestmark = pytest.mark.docker
IMAGE = "busybox:latest"


def swarm_state() -> str:
    return docker_cli("info", "--format", "{{.Swarm.LocalNodeState}}").stdout.strip()


def ok(result):
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    return result


def remove(service: str | None = None, network: str | None = None) -> None:
    """Remove a service, then its network (the tasks leave the network a moment later)."""
    if service:
        docker_cli("service", "rm", service)
    if network:
        for _ in range(60):
            if docker_cli("network", "rm", network).returncode == 0:
                break
            if docker_cli("network", "inspect", network).returncode != 0:
                break
            time.sleep(0.5)


# -- without a swarm (these run before the module's swarm exists) -----------------------------------


def skip_unless_inactive() -> None:
    state = swarm_state()
    if state != "inactive":
        pytest.skip(f"the engine's swarm is {state!r}: this test needs none")


def test_without_a_swarm_service_ls_says_how_to_make_one():
    skip_unless_inactive()
    result = dockwrap("service", "ls")
    assert result.returncode == 1
    first, hint = result.stderr.splitlines()
    assert first.startswith("dockwrap: error: ") and "not a swarm manager" in first
    assert hint.startswith("hint: make this engine a single-node swarm with: dockwrap swarm init")
    assert result.stdout == ""


def test_without_a_swarm_leave_is_one_clear_error():
    skip_unless_inactive()
    result = dockwrap("swarm", "leave")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "dockwrap: error: Error response from daemon: This node is not part of a swarm",
        "hint: this engine is in no swarm, so there is nothing to leave",
    ]


def test_without_a_swarm_active_is_false(docker: Docker):
    skip_unless_inactive()
    assert docker.swarm.state() == "inactive"
    assert docker.swarm.active() is False


# -- in a swarm -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def swarm() -> Iterator[str]:
    """A single-node swarm for this module's tests: its node ID. Left afterwards, whatever happened."""
    state = swarm_state()
    if state != "inactive":
        pytest.skip(f"the engine's swarm is {state!r} (maybe someone else's): not touching it")
    had_gwbridge = docker_cli("network", "inspect", "docker_gwbridge").returncode == 0
    ours = False
    try:
        result = dockwrap("swarm", "init", "--advertise-addr", "127.0.0.1", "--json")
        # Joined by someone else in between? Then it is theirs to leave.
        ours = result.returncode == 0 or "already part of a swarm" not in result.stderr
        ok(result)
        yield json.loads(result.stdout)["node_id"]
    finally:
        if ours:
            left = dockwrap("swarm", "leave", "--force")
            if swarm_state() != "inactive":
                docker_cli("swarm", "leave", "--force")
            # swarm init made docker_gwbridge, and leaving keeps it
            if not had_gwbridge:
                docker_cli("network", "rm", "docker_gwbridge")
            assert left.returncode == 0, left.stderr
            assert swarm_state() == "inactive"


def test_active_in_a_swarm(swarm: str, docker: Docker):
    assert docker.swarm.active() is True


def test_node_ls(swarm: str):
    (node,) = json.loads(ok(dockwrap("node", "ls", "--json")).stdout)
    assert node["id"] == swarm
    assert (node["self"], node["status"], node["availability"], node["manager_status"]) == (
        True,
        "Ready",
        "Active",
        "Leader",
    )
    assert node["engine_version"]
    table = ok(dockwrap("node", "ls")).stdout.splitlines()
    assert table[0].split() == ["ID", "HOSTNAME", "STATUS", "AVAILABILITY", "MANAGER", "STATUS", "ENGINE", "VERSION"]
    assert table[1].split()[:2] == [swarm, "*"]
    assert ok(dockwrap("node", "ls", "-q")).stdout == f"{swarm}\n"


def test_init_in_a_swarm_is_one_clear_error(swarm: str):
    result = dockwrap("swarm", "init", "--advertise-addr", "127.0.0.1")
    assert result.returncode == 1
    assert "already part of a swarm" in result.stderr
    assert "hint: this engine is in a swarm already" in result.stderr
    assert "Traceback" not in result.stderr


def addresses(nslookup_output: str) -> list[str]:
    """The answers of busybox nslookup (not the server's own address, 127.0.0.11)."""
    found = re.findall(r"^Address:?\s+(\d+\.\d+\.\d+\.\d+)\s*$", nslookup_output, re.MULTILINE)
    return sorted(ip for ip in found if not ip.startswith("127."))


def test_replicated_dnsrr_service(
    swarm: str, docker: Docker, case: Case, names: Callable[[str], str], labels: dict[str, str]
):
    network, name = names("mesh"), names("web")
    try:
        docker.network.create(network, driver="overlay", attachable=True, labels=labels)
        service_id = docker.service.create(
            IMAGE,
            ["sh", "-c", "echo hello from $(hostname); exec httpd -f -p 80"],
            name=name,
            replicas=2,
            network=network,
            endpoint_mode="dnsrr",
            labels=labels,
            resolve_image=False,
        )
        assert re.fullmatch(r"[a-z0-9]{25}", service_id)
        converged = docker.service.wait_converged(name, timeout=90)
        assert converged is not None and (converged.replicas_running, converged.replicas_desired) == (2, 2)

        (row,) = docker.service.ls(filters=[f"label=dockwrap.test.case={case.id}"])
        assert (row.name, row.mode, row.image, row.ports) == (name, "replicated", IMAGE, [])
        assert service_id.startswith(row.id)

        tasks = docker.service.ps(name, filters=["desired-state=running"])
        assert sorted(t.name for t in tasks) == [f"{name}.1", f"{name}.2"]
        (node,) = docker.node.ls()
        assert all(t.state == "running" and t.node == node.hostname and t.error is None for t in tasks)

        (details,) = docker.service.inspect(name)
        network_id = docker.network.inspect(network)[0].id
        assert (details.endpoint_mode, details.virtual_ips, details.replicas) == ("dnsrr", [], 2)
        assert details.networks == [network_id]

        # dnsrr: the service's name resolves to every task, for a container on the network
        lookup = docker.container.run(
            IMAGE, ["nslookup", name], network=network, remove=True, pull="never", labels=labels
        )
        assert lookup.exit_code == 0, lookup.err
        assert len(addresses(lookup.out)) == 2

        docker.service.scale(name, 3)
        assert docker.service.wait_converged(name, timeout=90).replicas_running == 3
        assert len(docker.service.ps(name, filters=["desired-state=running"])) == 3

        deadline = time.monotonic() + 20
        while True:  # each task's first line reaches the log a moment after it starts
            logs = docker.service.logs(name)
            if logs.out.count("hello from") == 3 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        lines = [line for line in logs.out.splitlines() if "hello from" in line]
        assert len(lines) == 3
        assert all(line.startswith(f"{name}.") and " | hello from " in line for line in lines)

        assert docker.service.rm(name) == [name]
        assert docker.service.ls(filters=[f"label=dockwrap.test.case={case.id}"]) == []
    finally:
        remove(name, network)


def test_service_verbs_on_the_cli(swarm: str, case: Case, names: Callable[[str], str]):
    name, port = names("cli"), free_port()
    label = f"dockwrap.test.case={case.id}"
    try:
        created = ok(
            dockwrap(
                "service",
                "create",
                "--name",
                name,
                "--replicas",
                "1",
                "-p",
                f"{port}:80",
                *case.label_args,
                "-e",
                "GREETING=hi",
                "--no-resolve-image",
                "--wait",
                IMAGE,
                "httpd",
                "-f",
                "-p",
                "80",
            )
        )
        service_id = created.stdout.strip()
        assert re.fullmatch(r"[a-z0-9]{25}", service_id)

        table = ok(dockwrap("service", "ls", "--filter", f"label={label}")).stdout.splitlines()
        assert table[0].split() == ["ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"]
        assert table[1].split() == [service_id[:12], name, "replicated", "1/1", IMAGE, f"*:{port}->80/tcp"]
        (row,) = json.loads(ok(dockwrap("service", "ls", "--json", "--filter", f"label={label}")).stdout)
        assert row == {
            "id": service_id[:12],
            "name": name,
            "mode": "replicated",
            "replicas_running": 1,
            "replicas_desired": 1,
            "image": IMAGE,
            "ports": [{"host_ip": "0.0.0.0", "host_port": port, "container_port": 80, "protocol": "tcp"}],
        }
        assert ok(dockwrap("service", "ls", "-q", "--filter", f"label={label}")).stdout == f"{service_id[:12]}\n"

        (task,) = json.loads(ok(dockwrap("service", "ps", name, "--json")).stdout)
        assert (task["name"], task["desired_state"], task["error"]) == (f"{name}.1", "Running", None)
        assert ok(dockwrap("service", "ps", "-q", name)).stdout == f"{task['id']}\n"
        ps_table = ok(dockwrap("service", "ps", name)).stdout.splitlines()
        assert ps_table[0].split()[:4] == ["ID", "NAME", "IMAGE", "NODE"]

        (details,) = json.loads(ok(dockwrap("service", "inspect", name, "--json")).stdout)
        assert (details["endpoint_mode"], details["env"]) == ("vip", ["GREETING=hi"])
        assert details["ports"] == row["ports"]

        ok(dockwrap("service", "scale", "--wait", f"{name}=2"))
        (row,) = json.loads(ok(dockwrap("service", "ls", "--json", "--filter", f"label={label}")).stdout)
        assert (row["replicas_running"], row["replicas_desired"]) == (2, 2)

        assert ok(dockwrap("service", "logs", name)).stderr == ""

        conflict = dockwrap("service", "create", "--name", name, "--no-resolve-image", IMAGE, "true")
        assert conflict.returncode == 1
        assert "hint: choose another --name, or remove the old service" in conflict.stderr

        assert ok(dockwrap("service", "rm", name)).stdout == f"{name}\n"
        gone = dockwrap("service", "ps", name)
        assert gone.returncode == 1
        assert gone.stderr.splitlines() == [
            f"dockwrap: error: no such service: {name}",
            "hint: list services with: dockwrap service ls",
        ]
    finally:
        remove(name)


def test_a_service_that_never_converges(
    swarm: str, docker: Docker, case: Case, names: Callable[[str], str], labels: dict[str, str]
):
    name = names("crash")
    try:
        docker.service.create(IMAGE, ["sh", "-c", "exit 3"], name=name, labels=labels, resolve_image=False)
        with pytest.raises(NotConverged) as caught:
            docker.service.wait_converged(name, timeout=6)
        message = str(caught.value)
        assert message.startswith(f"service {name!r} did not converge within 6s: 0/1 tasks running")
        assert "task: non-zero exit (3)" in message

        result = dockwrap("service", "scale", "--wait", "--wait-timeout", "3", f"{name}=2")
        assert result.returncode == 124
        assert f"dockwrap: error: service {name!r} did not converge within 3s" in result.stderr
        assert f"hint: see each task's state and error with: dockwrap service ps {name}" in result.stderr
    finally:
        remove(name)


def test_missing_service_logs_is_one_clear_error(swarm: str, names: Callable[[str], str]):
    name = names("nope")
    result = dockwrap("service", "logs", name)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"dockwrap: error: no such task or service: {name}"
    assert result.stdout == ""
