"""The lessons over a real remote connection give what they give locally, three ways:

* `ssh-host`: `dockwrap -H ssh://root@127.0.0.1:PORT` through a test sshd (tests/sshd.py) whose
  sessions reach the machine's engine, docker finding the `ssh` wrapper first on PATH;
* `ssh-context`: `dockwrap --context NAME`, a docker context for that URL made in a DOCKER_CONFIG
  of our own;
* `tls-env`: DOCKER_HOST=tcp://127.0.0.1:PORT, DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH in the
  environment, to a second engine listening with --tlsverify (tests/engines.py, tests/certs.py);
* `tls-flags`: the same engine through dockwrap's global options, `-H tcp://127.0.0.1:PORT
  --tlsverify --tlscacert CA --tlscert CERT --tlskey KEY`, and nothing in the environment.

Each result is compared with the same command run locally against the same engine (no flag for
the machine's engine, `-H unix://...` for the second one).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from tests.engines import SecondEngine
from tests.harness import DOCKER, SESSION, Case, docker_cli, dockwrap, our_resources
from tests.remote_fixtures import docker_config, sshd, tls_engine  # noqa: F401
from tests.sshd import SSHServer

pytestmark = [pytest.mark.docker, pytest.mark.timeout(300)]

WAYS = ["ssh-host", "ssh-context", "tls-env", "tls-flags"]


@dataclass
class Way:
    """How dockwrap reaches the engine remotely, and how it reaches the same engine locally."""

    name: str
    options: list[str]
    env: dict[str, str]
    local_options: list[str]
    docker: Callable[..., subprocess.CompletedProcess[str]]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return dockwrap(*self.options, *args, env=self.env)

    def run_local(self, *args: str) -> subprocess.CompletedProcess[str]:
        return dockwrap(*self.local_options, *args)


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    return done


@pytest.fixture(scope="module")
def ssh_context(sshd: SSHServer, docker_config) -> Iterator[str]:  # noqa: F811
    name = f"dwt-{SESSION}-ssh"
    env = sshd.env(base={**os.environ, "DOCKER_CONFIG": str(docker_config)})
    done = subprocess.run(
        [DOCKER, "context", "create", name, "--docker", f"host={sshd.url()}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    yield name
    subprocess.run([DOCKER, "context", "rm", "--force", name], env=env, capture_output=True, timeout=30)


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest) -> Way:
    if request.param.startswith("tls-"):
        engine: SecondEngine = request.getfixturevalue("tls_engine")
        if request.param == "tls-env":
            return Way("tls-env", [], engine.tls_env(), ["-H", engine.host], engine.docker)
        assert engine.certs is not None
        return Way(
            "tls-flags", ["-H", engine.tls_host, *engine.certs.client_args()], {}, ["-H", engine.host], engine.docker
        )
    server: SSHServer = request.getfixturevalue("sshd")
    if request.param == "ssh-host":
        return Way("ssh-host", ["-H", server.url()], server.env(), [], docker_cli)
    name = request.getfixturevalue("ssh_context")
    config = str(request.getfixturevalue("docker_config"))
    return Way(
        "ssh-context", ["--context", name], server.env(base={**os.environ, "DOCKER_CONFIG": config}), [], docker_cli
    )


@pytest.fixture
def sleeper(way: Way, case: Case) -> Iterator[str]:
    """A running container on the way's engine, made by docker directly (quick), removed afterwards."""
    name = case.name("sleeper")
    done = way.docker(
        "run",
        "-d",
        "--pull",
        "never",
        "--name",
        name,
        *case.label_args,
        "busybox",
        "sh",
        "-c",
        "echo first line; echo to stderr >&2; echo second line; exec sleep 300",
    )
    assert done.returncode == 0, done.stderr
    yield name
    way.docker("rm", "-f", name)


def _comparable(rows: list[dict]) -> list[dict]:
    # running_for and status say "N seconds ago", which moves between two calls
    return [{k: v for k, v in row.items() if k not in ("running_for", "status")} for row in rows]


def test_ps_is_the_local_listing(way: Way, sleeper: str, case: Case) -> None:
    args = ("ps", "--json", "--filter", f"label=dockwrap.test.case={case.id}")
    remote = json.loads(ok(way.run(*args)).stdout)
    assert [row["name"] for row in remote] == [sleeper]
    assert remote[0]["state"] == "running" and remote[0]["labels"]["dockwrap.test.case"] == case.id
    assert _comparable(remote) == _comparable(json.loads(ok(way.run_local(*args)).stdout))


def test_run_detached_lands_on_that_engine(way: Way, case: Case) -> None:
    name = case.name("run")
    try:
        created = ok(
            way.run("run", "-d", "--name", name, "--pull", "never", *case.label_args, "busybox", "sleep", "60")
        ).stdout.strip()
        assert len(created) == 64
        assert way.docker("inspect", "--format", "{{.Id}}", name).stdout.strip() == created
    finally:
        way.docker("rm", "-f", name)


def test_run_in_the_foreground_keeps_streams_and_status(way: Way) -> None:
    args = (
        "run",
        "--rm",
        "--pull",
        "never",
        "--network",
        "none",
        "busybox",
        "sh",
        "-c",
        "echo out; echo err >&2; exit 3",
    )
    remote = way.run(*args)
    assert (remote.returncode, remote.stdout, remote.stderr) == (3, "out\n", "err\n")
    local = way.run_local(*args)
    assert (local.returncode, local.stdout, local.stderr) == (remote.returncode, remote.stdout, remote.stderr)


def test_logs(way: Way, sleeper: str) -> None:
    remote = ok(way.run("logs", sleeper))
    assert remote.stdout == "first line\nsecond line\n" and remote.stderr == "to stderr\n"
    local = ok(way.run_local("logs", sleeper))
    assert (local.stdout, local.stderr) == (remote.stdout, remote.stderr)


def test_exec(way: Way, sleeper: str) -> None:
    remote = way.run("exec", sleeper, "sh", "-c", "hostname; exit 4")
    container_id = way.docker("inspect", "--format", "{{.Id}}", sleeper).stdout.strip()
    assert (remote.returncode, remote.stdout) == (4, container_id[:12] + "\n")
    local = way.run_local("exec", sleeper, "sh", "-c", "hostname; exit 4")
    assert (local.returncode, local.stdout) == (remote.returncode, remote.stdout)


def test_inspect(way: Way, sleeper: str) -> None:
    remote = json.loads(ok(way.run("container", "inspect", sleeper, "--json")).stdout)
    assert [d["name"] for d in remote] == [sleeper] and remote[0]["state"]["running"]
    assert remote == json.loads(ok(way.run_local("container", "inspect", sleeper, "--json")).stdout)


def test_network_connect(way: Way, sleeper: str, case: Case) -> None:
    network = case.name("net")
    try:
        ok(way.run("network", "create", network, *case.label_args))  # (docker's network create has no -l)
        ok(way.run("network", "connect", "--alias", "lesson", network, sleeper))
        (details,) = json.loads(ok(way.run("container", "inspect", sleeper, "--json")).stdout)
        assert "lesson" in details["networks"][network]["aliases"]
        (net,) = json.loads(ok(way.run_local("network", "inspect", network, "--json")).stdout)
        assert [member["name"] for member in net["containers"]] == [sleeper]
    finally:
        way.docker("rm", "-f", sleeper)
        way.docker("network", "rm", network)


def test_recipe_pingable_pair(way: Way, case: Case) -> None:
    args = ("recipe", "pingable-pair", "--count", "1", "--json", *[a.replace("--label", "-l") for a in case.label_args])
    done = way.run(*args)
    out = json.loads(done.stdout)
    assert out["resolved"] is True and out["sent"] == 1 and out["error"] is None
    if way.name.startswith("tls-"):
        # The second engine has no iptables rules of its own, and the machine's FORWARD policy
        # (docker's DROP) drops what its bridges forward: its containers resolve each other but
        # get no ping through, locally too. The result is the local one all the same.
        local = dockwrap(*way.local_options, *args)
        assert done.returncode == local.returncode
        assert {k: v for k, v in out.items() if k in ("resolved", "sent", "received", "error")} == {
            k: v for k, v in json.loads(local.stdout).items() if k in ("resolved", "sent", "received", "error")
        }
        assert way.docker("ps", "-aq", "--filter", f"label=dockwrap.test.case={case.id}").stdout == ""
    else:
        ok(done)
        assert out["received"] == 1
        assert our_resources(f"dockwrap.test.case={case.id}") == {}


def test_the_python_api_with_tls_keywords(tls_engine: SecondEngine, case: Case) -> None:  # noqa: F811
    """`Docker(host=..., tlsverify=True, tlscacert=..., ...)`: the same containers the local socket lists."""
    from dockwrap import Docker

    assert tls_engine.certs is not None
    client = tls_engine.certs.client
    remote = Docker(
        binary=DOCKER,
        host=tls_engine.tls_host,
        tlsverify=True,
        tlscacert=str(client / "ca.pem"),
        tlscert=str(client / "cert.pem"),
        tlskey=str(client / "key.pem"),
    )
    name = case.name("api")
    try:
        created = remote.container.run(
            "busybox",
            ["sleep", "60"],
            detach=True,
            name=name,
            pull="never",
            labels={k: v for k, v in case.labels.items()},
        )
        selector = [f"label=dockwrap.test.case={case.id}"]
        assert [c.name for c in remote.container.ls(filters=selector)] == [name]
        local = Docker(binary=DOCKER, host=tls_engine.host)
        assert [created.startswith(c.id) for c in local.container.ls(filters=selector)] == [True]
        assert remote.version().server is not None
    finally:
        tls_engine.docker("rm", "-f", name, check=False)
