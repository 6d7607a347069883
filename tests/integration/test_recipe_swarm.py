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
