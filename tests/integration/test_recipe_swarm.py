"""round-robin --swarm on the real engine: the dnsrr half always, the VIP half where the kernel
has IPVS (and a plain "unavailable, because" where it has not, as on our machines)."""

import json
import os
import subprocess

import pytest

from tests.harness import docker_cli, dockwrap, no_swarm_until_done, our_resources, swarm_state

pytestmark = [pytest.mark.docker, pytest.mark.timeout(240)]


@pytest.fixture
def no_swarm():
    """The recipe makes the engine a swarm for its run; someone else's swarm is not ours to touch."""
    yield from no_swarm_until_done("the recipe")


def test_swarm_round_robin(no_swarm, labels):
    args = ["recipe", "round-robin", "--swarm", "--replicas", "3", "--queries", "30", "--json"]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    result = dockwrap(*args, timeout=200)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert len(out["resolved_ips"]) == 3
    assert {b["ip"] for b in out["backends"]} == set(out["resolved_ips"])
    assert all(b["answers"] > 0 for b in out["backends"]) and sum(b["answers"] for b in out["backends"]) == 30
    vip = out["vip"]
    assert vip["virtual_ip"] and vip["virtual_ip"] not in out["resolved_ips"]
    if os.path.exists("/proc/net/ip_vs"):
        assert vip["available"] is True and len(vip["backends"]) == 3
        assert all(b["answers"] > 0 for b in vip["backends"])
    else:
        assert vip["available"] is False and vip["backends"] == []
        assert "IPVS" in vip["reason"]
    assert swarm_state() == "inactive"
    assert our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}") == {}
    gwbridge = docker_cli("network", "inspect", "docker_gwbridge").returncode == 0
    assert gwbridge == no_swarm


def test_swarm_round_robin_dry_run_script_runs(no_swarm, labels, tmp_path):
    args = ["--dry-run", "recipe", "round-robin", "--swarm", "--replicas", "2", "--queries", "4"]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    printed = dockwrap(*args)
    assert printed.returncode == 0 and swarm_state() == "inactive"
    script = tmp_path / "swarm.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=180)
    assert ran.returncode == 0, ran.stderr
    assert swarm_state() == "inactive"
    assert our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}") == {}


def test_swarm_round_robin_leaves_a_users_container(no_swarm, docker, case, labels, monkeypatch):
    # The name the recipe makes up for its client is taken by the user's container: the run fails
    # with the conflict, leaves that container alone, and removes its services, network and swarm.
    from dockwrap import NameConflict, Recipes
    from dockwrap.recipes.run import naming

    run = case.id.replace("-", "")
    monkeypatch.setattr(naming.secrets, "token_hex", lambda nbytes=None: run)
    taken = f"dw-round-robin-{run}-client"
    started = docker_cli(
        "run", "-d", "--init", "--name", taken, *case.label_args, "--pull", "never", "busybox:latest", "sleep", "300"
    )
    assert started.returncode == 0, started.stderr
    with pytest.raises(NameConflict) as info:
        Recipes(docker).swarm_round_robin(replicas=1, queries=1, labels=labels)
    assert info.value.name == taken and "left as it is" in (info.value.hint or "")
    assert docker_cli("container", "inspect", "--format", "{{.Id}}", taken).stdout.strip() == started.stdout.strip()
    assert swarm_state() == "inactive"
    assert our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}") == {"containers": [taken]}


def test_swarm_dry_run_script_that_fails_leaves_the_swarm_it_started(no_swarm, labels, tmp_path):
    args = [
        "--dry-run",
        "recipe",
        "round-robin",
        "--swarm",
        "--replicas",
        "1",
        "--queries",
        "1",
        "--image",
        "dwt-no-such-image:1",
    ]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    script = tmp_path / "swarm.sh"
    script.write_text(dockwrap(*args).stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=180)
    assert ran.returncode == 125, ran.stderr  # the client's `run` of the missing image
    assert swarm_state() == "inactive"
    assert our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}") == {}
    assert (docker_cli("network", "inspect", "docker_gwbridge").returncode == 0) == no_swarm
