"""`dockwrap --docker podman` on a live podman (scripts/podman, a state of its own for the session):
ps, inspect and network ls give the records docker's output gives, with the same JSON keys.

What podman runs here is made by podman directly (quick) and removed afterwards; the session's
podman is removed whole by `scripts/podman down` at the end (tests/remote_fixtures.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.harness import Case, dockwrap, free_port, http_get
from tests.reliability.helpers import wait_until
from tests.remote_fixtures import docker_still_works, podman_env  # noqa: F401

pytestmark = [pytest.mark.docker, pytest.mark.podman, pytest.mark.timeout(180)]

# the keys of docker's records (tests/unit/test_records_container.py, test_records_network.py)
CONTAINER_KEYS = {
    "id",
    "name",
    "image",
    "command",
    "created_at",
    "state",
    "status",
    "ports",
    "networks",
    "labels",
    "size_bytes",
    "running_for",
}
DETAILS_KEYS = {
    "id",
    "name",
    "image",
    "image_id",
    "command",
    "created_at",
    "state",
    "networks",
    "ports",
    "labels",
    "env",
    "restart_policy",
    "hostname",
}
NETWORK_KEYS = {"id", "name", "driver", "scope", "internal", "ipv6", "labels", "created_at"}


def podman(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["podman", *args], env=env, capture_output=True, text=True, timeout=120)


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    return done


@pytest.fixture
def scene(podman_env: dict[str, str], case: Case) -> Iterator[dict[str, str]]:  # noqa: F811
    """A user network and a web server on it, published on 127.0.0.1, with the case's labels."""
    network, web = case.name("net"), case.name("web")
    port = free_port()
    ok(podman(podman_env, "network", "create", *case.label_args, "--label", "desc=a, b=c", network))
    ok(
        podman(
            podman_env,
            "run",
            "-d",
            "--pull",
            "never",
            "--name",
            web,
            *case.label_args,
            "--label",
            "desc=hello, world",
            "--network",
            network,
            "--network-alias",
            "web",
            "-p",
            f"127.0.0.1:{port}:80",
            "busybox",
            "httpd",
            "-f",
            "-p",
            "80",
            "-h",
            "/",
        )
    )
    try:
        yield {"network": network, "web": web, "port": str(port), "label": f"dockwrap.test.case={case.id}"}
    finally:
        podman(podman_env, "rm", "-f", "-t", "0", web)
        podman(podman_env, "network", "rm", "-f", network)


def test_ps(podman_env: dict[str, str], scene: dict[str, str]) -> None:  # noqa: F811
    done = ok(dockwrap("--docker", "podman", "ps", "--json", "--filter", f"label={scene['label']}", env=podman_env))
    (row,) = json.loads(done.stdout)
    assert set(row) == CONTAINER_KEYS
    assert row["name"] == scene["web"] and row["state"] == "running" and row["image"] == "localhost/busybox:latest"
    assert row["labels"]["desc"] == "hello, world" and row["networks"] == [scene["network"]]
    assert row["ports"] == [
        {"host_ip": "127.0.0.1", "host_port": int(scene["port"]), "container_port": 80, "protocol": "tcp"}
    ]
    assert http_get(f"http://127.0.0.1:{scene['port']}/etc/hostname")[0] == 200
    # the table too, and with sizes (podman's own JSON, not dockwrap's template)
    table = ok(dockwrap("--docker", "podman", "ps", "-s", "--filter", f"label={scene['label']}", env=podman_env))
    assert scene["web"] in table.stdout and f"127.0.0.1:{scene['port']}->80/tcp" in table.stdout
    sized = json.loads(
        ok(
            dockwrap("--docker", "podman", "ps", "-s", "--json", "--filter", f"label={scene['label']}", env=podman_env)
        ).stdout
    )
    assert [r["name"] for r in sized] == [scene["web"]] and isinstance(sized[0]["size_bytes"], int)


def test_inspect(podman_env: dict[str, str], scene: dict[str, str]) -> None:  # noqa: F811
    done = ok(dockwrap("--docker", "podman", "container", "inspect", scene["web"], "--json", env=podman_env))
    (details,) = json.loads(done.stdout)
    assert set(details) == DETAILS_KEYS
    assert details["name"] == scene["web"] and details["state"]["running"] and details["state"]["pid"] > 0
    assert details["command"] == ["httpd", "-f", "-p", "80", "-h", "/"]
    endpoint = details["networks"][scene["network"]]
    assert endpoint["ip_address"] and "web" in endpoint["aliases"]
    assert details["state"]["health"] is None and details["restart_policy"] is None


def test_network_ls(podman_env: dict[str, str], scene: dict[str, str]) -> None:  # noqa: F811
    done = ok(
        dockwrap("--docker", "podman", "network", "ls", "--json", "--filter", f"label={scene['label']}", env=podman_env)
    )
    (network,) = json.loads(done.stdout)
    assert set(network) == NETWORK_KEYS
    assert network["name"] == scene["network"] and network["driver"] == "bridge" and network["scope"] == "local"
    assert network["labels"]["desc"] == "a, b=c" and network["created_at"].endswith("Z")


def test_missing_container_is_one_clear_error(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    done = dockwrap("--docker", "podman", "container", "inspect", case.name("nope"), env=podman_env)
    assert done.returncode == 125  # podman's status for a missing object (docker's is 1)
    assert done.stderr.startswith("dockwrap: error: Error: ") and "no such container" in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[1:] == ["hint: list containers, running or not, with: dockwrap container ls -a"]


def test_docker_works_beside_podman(podman_env: dict[str, str], scene: dict[str, str], case: Case) -> None:  # noqa: F811
    """While podman runs a published container on a user network (netavark's chains in place)."""
    docker_still_works(case.name("beside"))


def test_stats(podman_env: dict[str, str], scene: dict[str, str]) -> None:  # noqa: F811
    (sample,) = json.loads(
        ok(
            dockwrap("--docker", "podman", "container", "stats", "--no-stream", "--json", scene["web"], env=podman_env)
        ).stdout
    )
    assert sample["name"] == scene["web"] and sample["pids"] >= 1 and sample["mem_usage_bytes"] > 0
    table = ok(dockwrap("--docker", "podman", "container", "stats", "--no-stream", scene["web"], env=podman_env))
    header, row = table.stdout.splitlines()
    assert header.split()[:3] == ["CONTAINER", "ID", "NAME"] and scene["web"] in row and "%" in row and " / " in row


def test_rm_force_removes_the_others_when_one_is_gone(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    """podman 4.3's own `rm -f A GONE` removes nothing and exits 0; dockwrap's removes A, as docker's does."""
    web = case.name("rm")
    ok(
        podman(
            podman_env,
            "run",
            "-d",
            "--init",
            "--pull",
            "never",
            "--name",
            web,
            *case.label_args,
            "busybox",
            "sleep",
            "60",
        )
    )
    try:
        done = ok(dockwrap("--docker", "podman", "rm", "-f", web, case.name("gone"), env=podman_env))
        assert done.stdout.split() == [web]
        assert podman(podman_env, "container", "exists", web).returncode == 1
    finally:
        podman(podman_env, "rm", "-f", "-t", "0", web)


def test_top_gives_the_host_pids(
    podman_env: dict[str, str],
    scene: dict[str, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """podman's `top` is asked for `hpid`: each PID is this machine's, running the container's command."""
    from dockwrap import Docker

    for key in ("CONTAINERS_CONF", "CONTAINERS_STORAGE_CONF"):
        monkeypatch.setenv(key, podman_env[key])
    (process,) = Docker(binary="podman").container.top(scene["web"])
    assert process.extra["container_pid"] == "1" and process.pid > 1 and process.ppid is None
    with open(f"/proc/{process.pid}/cmdline", "rb") as cmdline:
        assert cmdline.read().split(b"\0")[:2] == [b"httpd", b"-f"]


def test_live_stats_reads_podmans_frames(
    podman_env: dict[str, str],
    scene: dict[str, str],  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`stats` without --no-stream: podman prints a pretty-printed JSON array per frame; the
    samples come one at a time, and stopping the iteration ends podman."""
    from dockwrap import Docker

    for key in ("CONTAINERS_CONF", "CONTAINERS_STORAGE_CONF"):
        monkeypatch.setenv(key, podman_env[key])
    samples = Docker(binary="podman", timeout=30).container.stats_stream(scene["web"])
    try:
        first = next(samples)
    finally:
        samples.close()  # type: ignore[attr-defined]  # (an Iterator to the type checker)
    assert first.name == scene["web"] and first.pids and first.mem_usage_bytes
    assert wait_until(lambda: not streaming(scene["web"]), 5), streaming(scene["web"])


def streaming(name: str) -> list[str]:
    """The `podman ... stats ... NAME` processes running."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                argv = f.read().decode(errors="replace").split("\0")
        except (OSError, ValueError):
            continue
        if argv[0].endswith("podman") and "stats" in argv and name in argv:
            found.append(" ".join(argv))
    return found


def test_tables_of_the_other_verbs_read_podmans_numbers(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    """What podman prints no text for is written as docker would (sizes, times); a total podman
    did not print is not made up; what podman's -v prints, dockwrap refuses before any call."""
    volumes = [case.name("vol"), case.name("vol")]
    for volume in volumes:
        ok(podman(podman_env, "volume", "create", *case.label_args, volume))
    try:
        mine = f"label=dockwrap.test.case={case.id}"
        pruned = ok(dockwrap("--docker", "podman", "volume", "prune", "-f", "--filter", mine, env=podman_env))
        assert pruned.stdout.splitlines() == ["TYPE    REMOVED", *(f"volume  {volume}" for volume in volumes)]
        df = ok(dockwrap("--docker", "podman", "system", "df", env=podman_env)).stdout.splitlines()
        assert [row.split()[0] for row in df] == ["TYPE", "Images", "Containers", "Local", "Build"]
        assert df[1].split()[3].endswith("MB") and df[4].split()[-2:] == ["0B", "0B"]
        history = ok(dockwrap("--docker", "podman", "image", "history", "busybox", env=podman_env)).stdout
        row = history.splitlines()[-1]  # busybox as docker saved it: one step, imported
        assert " ago " in row and row.endswith("Imported from -") and row.split()[-4].endswith("MB")
        verbose = dockwrap("--docker", "podman", "system", "df", "-v", env=podman_env)
        assert verbose.returncode == 2 and verbose.stdout == ""
        assert verbose.stderr.startswith("dockwrap: error: system df -v: podman 4.3 prints its own tables")
    finally:
        for volume in volumes:
            podman(podman_env, "volume", "rm", "-f", volume)


def test_wait_for_reads_podmans_events(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    """wait-for on podman: `podman events` (no `system events` there) with podman's event names
    (`died`, `remove`): a log line, an exit status, and a removal while waiting."""
    box, gone = case.name("wait"), case.name("wait-gone")
    script = "echo hello; sleep 1; echo ready; sleep 1; exit 3"
    run = ["run", "-d", "--pull", "never", *case.label_args]
    ok(podman(podman_env, *run, "--name", box, "busybox", "sh", "-c", script))
    # created, never started: its removal is a `remove` event alone (`rm -f` of a running one
    # would first be a `died`, which ends the wait as an exit)
    ok(podman(podman_env, "create", "--pull", "never", *case.label_args, "--name", gone, "busybox", "sleep", "60"))
    try:
        seen = json.loads(
            ok(
                dockwrap(
                    "--docker",
                    "podman",
                    "wait-for",
                    box,
                    "--log",
                    "ready",
                    "--exited",
                    "--status",
                    "3",
                    "--timeout",
                    "30",
                    "--json",
                    env=podman_env,
                )
            ).stdout
        )
        assert seen["met"] == ["exited", "log"] and seen["exit_code"] == 3 and seen["log_line"] == "ready"
        waiting = subprocess.Popen(
            [sys.executable, "-m", "dockwrap", "--docker", "podman", "wait-for", gone, "--running", "--timeout", "30"],
            env=podman_env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # removed once the wait reads podman's events (before, it would be a missing container)
        watching = ["pgrep", "-f", f"podman events .*container={gone}"]
        assert wait_until(lambda: subprocess.run(watching, capture_output=True).returncode == 0, 20)
        ok(podman(podman_env, "rm", gone))
        _, err = waiting.communicate(timeout=30)
        assert waiting.returncode == 1, err
        assert err.startswith(f"dockwrap: error: {gone} was removed while waiting for running"), err
    finally:
        podman(podman_env, "rm", "-f", "-t", "0", box, gone)
