"""The recipes with `--docker podman` on a live podman (scripts/podman, a state of its own for the
session): each lesson's result, and nothing of the run left in podman afterwards (its cleanup
removes the containers, then the network: podman 4.3's `rm -f` of a name already gone removed
none of the others without `--ignore`, and the network stayed "in use")."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.harness import Case, dockwrap, free_port, http_get
from tests.remote_fixtures import podman_env  # noqa: F401

pytestmark = [pytest.mark.docker, pytest.mark.podman, pytest.mark.timeout(180)]


def on_podman(env: dict[str, str], case: Case, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """`dockwrap --docker podman ARGS -l <the case's labels>` in the session's podman state."""
    labels = [word.replace("--label", "-l") for word in case.label_args]
    return dockwrap("--docker", "podman", *args, *labels, env=env, timeout=timeout)


def left_in_podman(env: dict[str, str], case: Case) -> dict[str, list[str]]:
    """What podman still has with the case's label."""
    selector = f"label=dockwrap.test.case={case.id}"
    left = {}
    for kind, args in (("containers", ["ps", "-a"]), ("networks", ["network", "ls"])):
        done = subprocess.run(
            ["podman", *args, "--filter", selector, "--format", "{{.Name}}" if kind == "networks" else "{{.Names}}"],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        if done.stdout.split():
            left[kind] = done.stdout.split()
    return left


def ok(done: subprocess.CompletedProcess[str]) -> dict:
    assert done.returncode == 0, f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    return json.loads(done.stdout)


def test_pingable_pair(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    out = ok(on_podman(podman_env, case, "recipe", "pingable-pair", "--count", "2", "--json"))
    assert (out["resolved"], out["sent"], out["received"], out["error"]) == (True, 2, 2, None)
    assert out["resolved_ip"].startswith("10.89.") and out["rtt_avg_ms"] > 0  # podman's own subnet
    assert left_in_podman(podman_env, case) == {}


def test_round_robin_holds_and_says_the_dns_did_not_spread(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    done = on_podman(podman_env, case, "recipe", "round-robin", "--replicas", "3", "--queries", "9", "--json")
    out = ok(done)
    assert len(out["resolved_ips"]) == 3 and {b["ip"] for b in out["backends"]} == set(out["resolved_ips"])
    assert sum(b["answers"] for b in out["backends"]) == 9
    if not out["spread"]:  # aardvark-dns 1.4 gives one order: the note says why the lesson holds anyway
        assert done.stderr.startswith("note: every query to web went to ") and "aardvark-dns" in done.stderr
    assert left_in_podman(podman_env, case) == {}


def test_round_robin_one_client_per_query(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    out = ok(
        on_podman(
            podman_env,
            case,
            "recipe",
            "round-robin",
            "--client-per-query",
            "--replicas",
            "2",
            "--queries",
            "4",
            "--json",
        )
    )
    assert len(out["resolved_ips"]) == 2 and all(b["ip"] for b in out["backends"])
    assert left_in_podman(podman_env, case) == {}


def test_process_view_finds_the_host_pids(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    """podman's `top` is asked for `hpid`: the PIDs are this machine's, as docker's `top` gives them."""
    out = ok(on_podman(podman_env, case, "recipe", "process-view", "--json"))
    assert out["processes"] and all(p["on_host"] is True for p in out["processes"])
    assert any(p["cmd"] == "sleep 3600" for p in out["processes"])
    assert all(p["pid"] > 1 for p in out["processes"])  # not the container's own PID 1
    assert left_in_podman(podman_env, case) == {}


def test_webhost_answers_then_cleanup_removes_it(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    port = free_port()
    out = ok(on_podman(podman_env, case, "recipe", "webhost", "--port", str(port), "--json"))
    assert (out["url"], out["status"], out["host"]) == (f"http://127.0.0.1:{port}/", 200, None)
    assert http_get(out["url"])[0] == 200  # still serving after the recipe ended
    run = out["container"].split("-")[-2]
    removed = dockwrap("--docker", "podman", "cleanup", "--run", run, "--json", env=podman_env)
    assert removed.returncode == 0, removed.stderr
    assert json.loads(removed.stdout)["containers"] == [out["container"]]
    assert left_in_podman(podman_env, case) == {}


def test_a_swarm_recipe_is_refused_before_any_call(podman_env: dict[str, str], case: Case) -> None:  # noqa: F811
    done = on_podman(podman_env, case, "-x", "recipe", "round-robin", "--swarm")
    assert done.returncode == 2 and done.stdout == ""
    error, hint = done.stderr.splitlines()  # no `+ podman ...` line: nothing ran
    assert error.startswith("dockwrap: error: podman has no swarm: ") and "--docker docker" in hint
    assert left_in_podman(podman_env, case) == {}
