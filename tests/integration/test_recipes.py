"""Recipes on the real engine: each result, and 0 resources left after success, a failing step,
SIGINT, SIGTERM, runs in parallel and the --dry-run script; cleanup removes what --keep left."""

import json
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from tests.harness import docker_cli, dockwrap, free_port, http_get, our_resources

pytestmark = [pytest.mark.docker, pytest.mark.timeout(180)]


def label_options(labels) -> list[str]:
    args = []
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    return args


def left_by(labels) -> dict:
    return our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}")


def run_id_of(name: str) -> str:
    # dw-RECIPE-RUN-part
    return name.split("-")[-2]


def test_pingable_pair(labels):
    result = dockwrap("recipe", "pingable-pair", "--count", "2", "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {
        "network",
        "from",
        "to",
        "resolved",
        "resolved_ip",
        "sent",
        "received",
        "loss_percent",
        "rtt_avg_ms",
        "error",
    }
    assert out["resolved"] is True and out["resolved_ip"].count(".") == 3
    assert (out["sent"], out["received"], out["loss_percent"], out["error"]) == (2, 2, 0.0, None)
    assert out["rtt_avg_ms"] > 0
    assert out["network"].startswith("dw-pingable-pair-") and out["from"].endswith("-a")
    assert left_by(labels) == {}


def test_pingable_pair_on_a_named_network(names, labels):
    net = names("lesson")
    out = json.loads(
        dockwrap("recipe", "pingable-pair", "-c", "1", "--network", net, "--json", *label_options(labels)).stdout
    )
    assert out["network"] == net and out["received"] == 1
    assert docker_cli("network", "inspect", net).returncode == 1  # created for the run, removed after it


def test_default_bridge_does_not_resolve(labels):
    result = dockwrap("recipe", "pingable-pair", "--default-bridge", "-c", "1", "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr  # what it shows (no name resolution) held
    out = json.loads(result.stdout)
    assert (out["network"], out["resolved"], out["resolved_ip"], out["received"]) == ("bridge", False, None, 0)
    assert "bad address" in out["error"]
    assert left_by(labels) == {}


def test_default_bridge_with_link_resolves(labels):
    out = json.loads(
        dockwrap(
            "recipe", "pingable-pair", "--default-bridge", "--link", "-c", "1", "--json", *label_options(labels)
        ).stdout
    )
    assert out["resolved"] is True and out["received"] == 1
    assert left_by(labels) == {}


def test_round_robin(labels):
    result = dockwrap("recipe", "round-robin", "--replicas", "3", "--queries", "30", "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) == {"alias", "network", "queries", "resolved_ips", "backends", "spread"}
    assert out["alias"] == "web" and out["queries"] == 30
    assert out["spread"] is True and "note:" not in result.stderr  # docker's DNS shuffles the addresses
    assert len(out["resolved_ips"]) == 3
    assert {b["ip"] for b in out["backends"]} == set(out["resolved_ips"])
    assert all(b["answers"] > 0 for b in out["backends"])
    assert sum(b["answers"] for b in out["backends"]) == 30
    assert left_by(labels) == {}


def test_round_robin_one_client_per_query(labels):
    out = json.loads(
        dockwrap(
            "recipe",
            "round-robin",
            "--client-per-query",
            "--replicas",
            "2",
            "--queries",
            "14",
            "--alias",
            "search",
            "--json",
            *label_options(labels),
            timeout=170,
        ).stdout
    )
    assert out["alias"] == "search" and len(out["resolved_ips"]) == 2
    assert sum(b["answers"] for b in out["backends"]) == 14
    assert left_by(labels) == {}


def test_webhost_answers_and_is_removed_with_rm(labels):
    port = free_port()
    result = dockwrap("recipe", "webhost", "--port", str(port), "--rm", "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["url"] == f"http://127.0.0.1:{port}/" and out["status"] == 200
    assert out["ports"] == [{"host_ip": "127.0.0.1", "host_port": port, "container_port": 80, "protocol": "tcp"}]
    assert left_by(labels) == {}


def test_webhost_stays_up_until_cleanup(labels):
    port = free_port()
    out = json.loads(dockwrap("recipe", "webhost", "--port", str(port), "--json", *label_options(labels)).stdout)
    assert http_get(out["url"])[0] == 200  # still serving after the recipe ended
    run = run_id_of(out["container"])
    removed = dockwrap("cleanup", "--run", run, "--json")
    assert json.loads(removed.stdout)["containers"] == [out["container"]]
    assert left_by(labels) == {}
    with pytest.raises(OSError):
        http_get(out["url"], timeout=2)


def test_process_view_finds_container_pids_on_the_host(labels):
    result = dockwrap("recipe", "process-view", "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["processes"] and all(p["on_host"] is True for p in out["processes"])
    assert any("sleep" in p["cmd"] for p in out["processes"])
    assert all(set(p) == {"pid", "ppid", "cmd", "on_host"} for p in out["processes"])
    assert left_by(labels) == {}


def test_process_view_of_a_named_container_leaves_it_alone(docker, names, labels):
    name = names("box")
    docker.container.run(
        "busybox:latest", ["sleep", "300"], detach=True, init=True, name=name, labels=labels, pull="never"
    )
    out = json.loads(dockwrap("recipe", "process-view", name, "--json").stdout)
    assert out["container"] == name
    assert docker.container.inspect(name)[0].state.running


def test_keep_then_cleanup(labels):
    out = json.loads(dockwrap("recipe", "pingable-pair", "-c", "1", "--keep", "--json", *label_options(labels)).stdout)
    left = left_by(labels)
    assert sorted(left["containers"]) == sorted([out["from"], out["to"]]) and left["networks"] == [out["network"]]
    removed = json.loads(dockwrap("cleanup", "--run", run_id_of(out["from"]), "--json").stdout)
    assert sorted(removed["containers"]) == sorted([out["from"], out["to"]])
    assert removed["networks"] == [out["network"]]
    assert left_by(labels) == {}


def test_a_failing_step_removes_what_was_made(labels):
    result = dockwrap("recipe", "round-robin", "--image", "dwt-no-such-image:1", *label_options(labels))
    assert result.returncode == 125
    assert result.stderr.startswith("dockwrap: error: ") and "dwt-no-such-image:1" in result.stderr
    assert "Traceback" not in result.stderr
    assert left_by(labels) == {}  # the network made before the failing step is gone too


def test_port_clash_removes_the_created_container(labels):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = dockwrap("recipe", "webhost", "--port", str(port), *label_options(labels))
    assert result.returncode == 125
    assert "dockwrap: error:" in result.stderr and str(port) in result.stderr
    assert left_by(labels) == {}


def test_port_clash_with_another_container(docker, names, labels):
    port = free_port()
    first = dockwrap("recipe", "webhost", "--port", str(port), "--json", *label_options(labels))
    assert first.returncode == 0
    second = dockwrap("recipe", "webhost", "--port", str(port), *label_options(labels))
    assert second.returncode == 125 and "already allocated" in second.stderr
    assert http_get(f"http://127.0.0.1:{port}/")[0] == 200  # the first keeps running
    assert len(left_by(labels)["containers"]) == 1


def docker_children(marker: str) -> list[int]:
    """docker processes whose command line carries this marker (our test label)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().decode(errors="replace")
        except OSError:
            continue
        if marker in cmdline and "docker" in cmdline.split("\0")[0]:
            found.append(int(pid))
    return found


@pytest.mark.parametrize(
    "recipe",
    [
        ["pingable-pair", "-c", "30"],
        ["round-robin", "--queries", "3000"],
        ["webhost", "--port", "PORT", "--container-port", "81"],  # nothing answers: it waits
    ],
)
@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_recipe_removes_everything(recipe, signum, status, labels):
    argv = [a.replace("PORT", str(free_port())) for a in recipe]
    # Its own session: a child of a non-interactive shell would start with SIGINT ignored.
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "recipe", *argv, *label_options(labels)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while not left_by(labels).get("containers"):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the recipe created nothing within 30 s"
        time.sleep(0.05)
    proc.send_signal(signum)  # to dockwrap only, not its group: dockwrap must end its docker children
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == status, stderr
    assert "Traceback" not in stderr
    assert left_by(labels) == {}
    assert docker_children(labels["dockwrap.test.case"]) == []


def test_three_recipes_at_once(labels):
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dockwrap", "recipe", *argv, "--json", *label_options(labels)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in (["pingable-pair", "-c", "1"], ["pingable-pair", "-c", "1"], ["round-robin", "--replicas", "2"])
    ]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [err for _, err in outputs]
    networks = {json.loads(out)["network"] for out, _ in outputs}
    assert len(networks) == 3
    assert left_by(labels) == {}


@pytest.mark.parametrize(
    "recipe",
    [
        ["pingable-pair", "-c", "1"],
        ["pingable-pair", "--default-bridge", "-c", "1"],
        ["pingable-pair", "--default-bridge", "--link", "-c", "1"],
        ["round-robin", "--replicas", "2", "--queries", "4"],
        ["webhost", "--port", "PORT", "--rm"],
        ["process-view"],
    ],
)
def test_dry_run_prints_a_script_that_runs(recipe, labels, tmp_path):
    argv = [a.replace("PORT", str(free_port())) for a in recipe]
    printed = dockwrap("--dry-run", "recipe", *argv, *label_options(labels))
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    assert lines[:3][0] == "#!/usr/bin/env bash" and "set -e" in lines[:3]
    assert left_by(labels) == {}  # printing ran nothing
    assert any(line.startswith("docker container rm --force") for line in lines[-3:])
    script = tmp_path / "recipe.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert left_by(labels) == {}


def test_explain_shows_each_call_live(labels):
    result = dockwrap("-x", "recipe", "pingable-pair", "-c", "1", *label_options(labels))
    calls = [line[2:] for line in result.stderr.splitlines() if line.startswith("+ ")]
    assert [c.split()[1:3] for c in calls] == [
        ["network", "create"],
        ["container", "run"],
        ["container", "run"],
        ["container", "exec"],
        ["container", "rm"],
        ["network", "rm"],
    ]


@pytest.mark.parametrize(
    "recipe",
    [
        ["round-robin", "--replicas", "2", "--queries", "4"],  # network create, then the servers' run fails
        ["pingable-pair", "-c", "1"],
        ["round-robin", "--client-per-query", "--replicas", "1", "--queries", "1"],
    ],
)
def test_dry_run_script_removes_what_it_made_when_a_step_fails(recipe, labels, tmp_path):
    printed = dockwrap("--dry-run", "recipe", *recipe, "--image", "dwt-no-such-image:1", *label_options(labels))
    script = tmp_path / "recipe.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 125, ran.stderr  # docker's status for the missing image, as set -e left it
    assert "dwt-no-such-image:1" in ran.stderr
    assert left_by(labels) == {}  # the network made before the failing step is gone too


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_interrupted_dry_run_script_removes_what_it_made(signum, status, labels, tmp_path):
    printed = dockwrap("--dry-run", "recipe", "pingable-pair", "-c", "30", *label_options(labels))
    script = tmp_path / "recipe.sh"
    script.write_text(printed.stdout)
    proc = subprocess.Popen(
        ["bash", str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 30
        while not [pid for pid in docker_children(printed.stdout.split("(run ")[1][:6]) if _is_exec(pid)]:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the script never reached its exec"
            time.sleep(0.05)
        os.killpg(proc.pid, signum)  # as a terminal does: to the script and its docker call
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
    assert proc.returncode == status, stderr
    assert left_by(labels) == {}


def _is_exec(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"\0exec\0" in f.read()
    except OSError:
        return False
