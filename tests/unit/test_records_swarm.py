"""Swarm records over what the real clients printed (tests/fixtures/record_swarm.sh), and the
errors their failures are classified as. Every test runs for each recorded client version.

The 17.12-style variants are the recorded rows with the fields that client did not have deleted
(nothing is invented)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dockwrap.cli.hints import cli_hint
from dockwrap.errors import (
    AlreadyInSwarm,
    DaemonUnreachable,
    DockerCommandFailed,
    NameConflict,
    NoSuchContext,
    NoSuchService,
    NotInSwarm,
    NotSwarmManager,
    ParseError,
    ServiceExists,
    classify,
)
from dockwrap.node.records import parse_node_ls
from dockwrap.parse.ports import PortMapping
from dockwrap.service.records import (
    parse_replicas,
    parse_service_inspect,
    parse_service_ls,
    parse_service_ps,
)
from dockwrap.swarm.records import parse_swarm_init, parse_swarm_state

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VERSIONS = sorted(p.name for p in (FIXTURES / "docker").iterdir() if (p / "service-ls.txt").is_file())
CONTRACT_KEYS = {
    "service": ["id", "name", "mode", "replicas_running", "replicas_desired", "image", "ports"],
    "task": ["id", "name", "image", "node", "desired_state", "current_state", "error", "ports"],
    "node": ["id", "hostname", "status", "availability", "manager_status", "engine_version", "self"],
}

pytestmark = pytest.mark.skipif(not VERSIONS, reason="no swarm fixtures: run tests/fixtures/record_swarm.sh")


def fixture(version: str, name: str) -> str:
    return (FIXTURES / "docker" / version / f"{name}.txt").read_text()


def by_suffix(rows, suffix):
    """The row whose name ends with -SUFFIX (fixture names carry a random run id)."""
    found = [row for row in rows if row.name.endswith(f"-{suffix}") or f"-{suffix}." in row.name]
    assert found, f"no row named *-{suffix} in {[r.name for r in rows]}"
    return found


def test_both_clients_were_recorded():
    assert {"28.2.2", "20.10.24"} <= set(VERSIONS)


# -- service ls -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ls(version):
    services = parse_service_ls(fixture(version, "service-ls"))
    assert len(services) == 8
    for service in services:
        assert list(service.to_json()) == CONTRACT_KEYS["service"]
        assert len(service.id) == 12
        assert service.image == "busybox:latest"
    (dns,) = by_suffix(services, "dns")
    assert (dns.mode, dns.replicas_running, dns.replicas_desired, dns.ports) == ("replicated", 2, 2, [])
    assert dns.converged
    (glob,) = by_suffix(services, "glob")
    # a global service prints running/nodes: no desired count of its own
    assert (glob.mode, glob.replicas_running, glob.replicas_desired) == ("global", 1, None)
    (fail,) = by_suffix(services, "fail")
    assert (fail.replicas_running, fail.replicas_desired, fail.converged) == (0, 1, False)


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ls_replicas_grammar(version):
    services = parse_service_ls(fixture(version, "service-ls"))
    (limited,) = by_suffix(services, "max")
    assert limited.raw["Replicas"] == "1/2 (max 1 per node)"
    assert (limited.replicas_running, limited.replicas_desired) == (1, 2)
    assert limited.replicas.max_per_node == 1
    assert not limited.converged
    (job,) = by_suffix(services, "job")
    assert job.mode == "replicated job"
    assert (job.replicas_running, job.replicas_desired) == (0, 1)
    assert (job.replicas.completed, job.replicas.total_completions) == (1, 1)
    assert job.converged  # a job is done when its completions are
    (global_job,) = by_suffix(services, "gjob")
    assert global_job.mode == "global job"
    assert (global_job.replicas_running, global_job.replicas_desired) == (0, None)
    assert global_job.converged


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ls_ingress_ports(version):
    (pub,) = by_suffix(parse_service_ls(fixture(version, "service-ls")), "pub")
    # recorded as `*:P->80/tcp, *:Q-R->Q-R/tcp, *:S->53/udp` (ports chosen at recording time)
    published = [int(n) for n in re.findall(r"\*:(\d+)", pub.raw["Ports"])]
    first, second, udp = published
    assert pub.ports == [
        PortMapping("0.0.0.0", first, 80, "tcp"),
        PortMapping("0.0.0.0", second, second, "tcp"),
        PortMapping("0.0.0.0", second + 1, second + 1, "tcp"),
        PortMapping("0.0.0.0", udp, 53, "udp"),
    ]
    port = {"host_ip": "0.0.0.0", "host_port": first, "container_port": 80, "protocol": "tcp"}
    assert pub.to_json()["ports"][0] == port


def test_replicas_grammar_rejects_garbage():
    assert parse_replicas("3/5").desired == 5
    for bad in ("", "3", "a/b", "1/2 (whatever)", "1/2 (max x per node)"):
        with pytest.raises(ValueError):
            parse_replicas(bad)


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ls_bad_replicas_names_the_command(version):
    row = json.loads(fixture(version, "service-ls").splitlines()[0])
    row["Replicas"] = "two of three"
    with pytest.raises(ParseError) as caught:
        parse_service_ls(json.dumps(row))
    assert "docker service ls" in str(caught.value) and "Replicas" in str(caught.value)


def test_service_ls_garbage_line():
    with pytest.raises(ParseError) as caught:
        parse_service_ls("ID NAME MODE\nabc web replicated\n")
    assert "docker service ls" in str(caught.value)


def test_service_ls_empty():
    assert parse_service_ls("") == []


# -- service ps -------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ps(version):
    tasks = parse_service_ps(fixture(version, "service-ps"))
    for task in tasks:
        assert list(task.to_json()) == CONTRACT_KEYS["task"]
    dns = by_suffix(tasks, "dns")
    assert [t.name.rsplit(".", 1)[1] for t in dns] == ["1", "2"]
    assert all((t.desired_state, t.state, t.error) == ("Running", "running", None) for t in dns)
    assert all(t.node and t.current_state.startswith("Running ") for t in dns)
    assert all(t.service.endswith("-dns") for t in dns)


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ps_errors_lose_docker_quotes(version):
    tasks = parse_service_ps(fixture(version, "service-ps"))
    failed = by_suffix(tasks, "fail")
    # two tasks of one slot: the same Name (the ` \_ ` history prefix is table-only)
    assert len(failed) == 2 and failed[0].name == failed[1].name
    assert all(t.error == "task: non-zero exit (7)" for t in failed)
    assert all(t.state == "failed" and t.desired_state == "Shutdown" for t in failed)
    pending = [t for t in by_suffix(tasks, "max") if t.state == "pending"]
    assert len(pending) == 1
    assert pending[0].node is None  # no node would take it
    assert pending[0].error.endswith("…") and '"' not in pending[0].error


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ps_no_trunc(version):
    tasks = parse_service_ps(fixture(version, "service-ps-no-trunc"))
    assert all(len(t.id) == 25 for t in tasks)
    pending = [t for t in tasks if t.state == "pending"]
    assert pending[0].error == "no suitable node (max replicas per node limit exceed)"


@pytest.mark.parametrize("version", VERSIONS)
def test_service_ps_host_mode_ports(version):
    (task,) = by_suffix(parse_service_ps(fixture(version, "service-ps")), "host")
    # docker lists the host-mode port once per address family, both as `*:P->80/tcp`
    assert task.raw["Ports"].count("->") == 2
    (port,) = task.ports
    assert (port.host_ip, port.container_port, port.protocol) == ("0.0.0.0", 80, "tcp")
    assert str(port.host_port) in task.raw["Ports"]


# -- node ls ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_node_ls(version):
    (node,) = parse_node_ls(fixture(version, "node-ls"))
    assert list(node.to_json()) == CONTRACT_KEYS["node"]
    assert node.self is True
    assert (node.status, node.availability, node.manager_status) == ("Ready", "Active", "Leader")
    assert node.engine_version and node.engine_version[0].isdigit()
    assert len(node.id) == 25
    assert node.raw["TLSStatus"] == "Ready"  # not in the contract: kept in raw


@pytest.mark.parametrize("version", VERSIONS)
def test_node_ls_before_18_03_has_no_engine_version(version):
    row = json.loads(fixture(version, "node-ls").splitlines()[0])
    del row["EngineVersion"]
    (node,) = parse_node_ls(json.dumps(row))
    assert node.engine_version is None
    assert node.to_json()["engine_version"] is None


@pytest.mark.parametrize("version", VERSIONS)
def test_node_ls_missing_fields_are_null(version):
    row = json.loads(fixture(version, "node-ls").splitlines()[0])
    for key in ("ManagerStatus", "Self", "TLSStatus", "EngineVersion"):
        del row[key]
    (node,) = parse_node_ls(json.dumps(row))
    assert (node.manager_status, node.self, node.engine_version) == (None, False, None)


def test_node_ls_bad_self():
    with pytest.raises(ParseError) as caught:
        parse_node_ls('{"ID": "x", "Hostname": "h", "Self": "maybe"}')
    assert "Self" in str(caught.value)


# -- service inspect ----------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_service_inspect(version):
    details = parse_service_inspect(fixture(version, "service-inspect"))
    assert len(details) == 5
    (dns,) = by_suffix(details, "dns")
    assert (dns.mode, dns.replicas, dns.endpoint_mode, dns.virtual_ips) == ("replicated", 2, "dnsrr", [])
    assert len(dns.networks) == 1 and len(dns.networks[0]) == 25
    assert dns.command == ["httpd", "-f", "-p", "80"]
    assert dns.labels["dockwrap.fixture"] == "1"
    assert dns.created_at is not None and dns.created_at.tzinfo is not None
    (pub,) = by_suffix(details, "pub")
    assert pub.endpoint_mode == "vip"
    (vip,) = pub.virtual_ips  # the ingress network's
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", vip)
    assert [(p.container_port, p.protocol) for p in pub.ports][0] == (80, "tcp")
    assert len(pub.ports) == 4
    (glob,) = by_suffix(details, "glob")
    assert (glob.mode, glob.replicas) == ("global", None)
    (job,) = by_suffix(details, "job")
    assert (job.mode, job.replicas, job.command) == ("replicated job", 1, ["true"])
    (host,) = by_suffix(details, "host")
    assert host.ports[0].host_port is not None and host.ports[0].container_port == 80


def test_service_inspect_garbage():
    with pytest.raises(ParseError):
        parse_service_inspect("not json")
    with pytest.raises(ParseError):
        parse_service_inspect('[{"no": "id"}]')


# -- swarm init / state -----------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_swarm_init(version):
    text = fixture(version, "swarm-init")
    assert "SWMTKN-REDACTED" in text  # the recording keeps no join token
    assert re.fullmatch(r"[a-z0-9]{25}", parse_swarm_init(text))


def test_swarm_init_unexpected_output():
    with pytest.raises(ParseError) as caught:
        parse_swarm_init("something else\n")
    assert "docker swarm init" in str(caught.value)


@pytest.mark.parametrize("version", VERSIONS)
def test_swarm_state(version):
    assert parse_swarm_state(fixture(version, "swarm-state-active")) == "active"
    assert parse_swarm_state(fixture(version, "swarm-state-inactive")) == "inactive"
    for bad in ("", '""', "json"):
        with pytest.raises(ParseError):
            parse_swarm_state(bad)


# -- errors -----------------------------------------------------------------------------------------


def recorded_error(version: str, case: str) -> tuple[int, str]:
    """(exit status, stderr) of a recorded failure: `# ` lines are the recording's notes."""
    lines = (FIXTURES / "errors" / version / f"{case}.txt").read_text().splitlines(keepends=True)
    status = int(re.fullmatch(r"# exit: (\d+)\n?", lines[0]).group(1))
    return status, "".join(line for line in lines[1:] if not line.startswith("# "))


ERROR_CASES = [
    ("service-ps-not-manager", NotSwarmManager),
    ("service-create-not-manager", NotSwarmManager),
    ("service-inspect-not-manager", NotSwarmManager),
    ("swarm-leave-not-in-swarm", NotInSwarm),
    ("swarm-init-already-in-swarm", AlreadyInSwarm),
    ("service-ps-missing", NoSuchService),
    ("service-inspect-missing", NoSuchService),
    ("service-rm-missing", NoSuchService),
    ("service-scale-missing", NoSuchService),
    ("service-logs-missing", NoSuchService),
    ("service-create-name-conflict", ServiceExists),
    ("context-missing", NoSuchContext),
    ("host-socket-missing", DaemonUnreachable),
]


@pytest.mark.parametrize("version", VERSIONS)
@pytest.mark.parametrize("case,cls", ERROR_CASES)
def test_recorded_errors_are_classified(version, case, cls):
    status, stderr = recorded_error(version, case)
    error = classify(["docker", "x"], status, stderr)
    assert type(error) is cls
    assert error.exit_code == status == 1
    assert "\n" not in error.message and error.message
    assert error.hint


@pytest.mark.parametrize("version", VERSIONS)
def test_not_a_manager_says_how_to_make_one(version):
    error = classify(["docker", "service", "ps", "x"], *recorded_error(version, "service-ps-not-manager"))
    assert "docker swarm init" in error.hint  # the library's advice; the CLI names its own command
    assert "dockwrap swarm init" in cli_hint(error)
    assert error.message.startswith("Error response from daemon: This node is not a swarm manager")


@pytest.mark.parametrize("version", VERSIONS)
def test_20_10_status_wrapper_is_unwrapped(version):
    error = classify(["docker", "service", "inspect", "x"], *recorded_error(version, "service-inspect-not-manager"))
    assert not error.message.startswith("Status:")
    assert not error.message.endswith("Code: 1")


@pytest.mark.parametrize("version", VERSIONS)
def test_service_name_conflict_names_the_service(version):
    error = classify(["docker"], *recorded_error(version, "service-create-name-conflict"))
    assert isinstance(error, NameConflict)
    assert error.name and error.name.startswith("fxswarm-") and error.name.endswith("-dns")


@pytest.mark.parametrize("version", VERSIONS)
def test_scale_of_a_global_service_is_docker_own_message(version):
    error = classify(["docker"], *recorded_error(version, "service-scale-global"))
    assert type(error) is DockerCommandFailed
    assert "scale can only be used with replicated or replicated-job mode" in error.message


# -- 17.12, derived by tests/fixtures/derive_1712.py (fields removed only) -------------------------

DERIVED = FIXTURES / "docker" / "17.12-derived"


@pytest.mark.skipif(not (DERIVED / "node-ls.txt").is_file(), reason="derive_1712.py has not derived the swarm files")
def test_derived_17_12_node_ls():
    (node,) = parse_node_ls((DERIVED / "node-ls.txt").read_text())
    assert node.engine_version is None and node.self is True


@pytest.mark.skipif(not (DERIVED / "service-ps.txt").is_file(), reason="derive_1712.py has not derived the swarm files")
def test_derived_17_12_service_ps():
    tasks = parse_service_ps((DERIVED / "service-ps.txt").read_text())
    assert tasks and all(list(t.to_json()) == CONTRACT_KEYS["task"] for t in tasks)
