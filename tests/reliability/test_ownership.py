"""A recipe removes only what its own run made, on the real engine.

A name the user gives (`webhost --name`, `pingable-pair --network`, process-view's container)
or one the recipe makes up (`dw-RECIPE-RUN-part`, here taken on purpose by fixing the run ID) may
belong to something that exists already: the run then fails with docker's name conflict and a hint
that says it left that object alone, and the object is still there, the same one (same ID, still
running, its containers still attached). The same holds for the printed --dry-run script. And
`dockwrap cleanup` refuses selectors that would widen it, and touches only what carries its labels.

Run against code without that check, `cleanup --run ""` removes every recipe's resources on the
engine, other people's too: never run the selector cases against such code on a shared engine.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from dockwrap import NameConflict, Recipes
from dockwrap.recipes.run import naming
from tests.harness import docker_cli, dockwrap, free_port, http_get
from tests.reliability.helpers import label_options, left_by, no_traceback

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]

LEFT_ALONE = "exists already and is not this run's (it was left as it is)"


def object_id(kind: str, name: str) -> str:
    done = docker_cli(kind, "inspect", "--format", "{{.Id}}", name)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def users_container(case, name: str, *options: str) -> str:
    """A container of the user's (labelled only for the harness), running `sleep`; its ID."""
    done = docker_cli(
        "run",
        "-d",
        "--init",
        "--name",
        name,
        *case.label_args,
        *options,
        "--pull",
        "never",
        "busybox:latest",
        "sleep",
        "300",
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def running(name: str) -> bool:
    return docker_cli("container", "inspect", "--format", "{{.State.Running}}", name).stdout.strip() == "true"


def test_webhost_name_of_a_users_container(case, names, labels):
    mine = names("mine")
    before = users_container(case, mine)
    result = dockwrap("-x", "recipe", "webhost", "--name", mine, "--port", "0", *label_options(labels))
    assert result.returncode == 125, result.stderr
    no_traceback(result.stderr)
    error, hint = [line for line in result.stderr.splitlines() if not line.startswith("+ ")]
    assert "is already in use" in error
    assert hint == f"hint: a container named {mine!r} {LEFT_ALONE}: choose another name"
    assert not [line for line in result.stderr.splitlines() if line.startswith("+ ") and " rm " in line]
    assert object_id("container", mine) == before and running(mine)
    assert left_by(labels) == {"containers": [mine]}


def test_pingable_pair_network_of_the_users(case, names, labels):
    lan, box = names("lan"), names("box")
    assert docker_cli("network", "create", *case.label_args, lan).returncode == 0
    before = object_id("network", lan)
    users_container(case, box, "--network", lan)
    result = dockwrap("recipe", "pingable-pair", "--network", lan, *label_options(labels))
    assert result.returncode == 1, result.stderr
    error, hint = result.stderr.splitlines()
    assert "already exists" in error and hint == f"hint: a network named {lan!r} {LEFT_ALONE}: choose another name"
    assert object_id("network", lan) == before and running(box)
    assert json.loads(docker_cli("network", "inspect", "--format", "{{json .Containers}}", lan).stdout)
    assert left_by(labels) == {"containers": [box], "networks": [lan]}


def test_process_view_of_a_users_stopped_container(case, names, labels):
    # `top` fails on a container that is not running: the run ends in error, the container stays.
    mine = names("stopped")
    assert docker_cli("create", "--name", mine, *case.label_args, "busybox:latest", "sleep", "300").returncode == 0
    result = dockwrap("recipe", "process-view", mine, *label_options(labels))
    assert result.returncode == 1 and "is not running" in result.stderr
    assert left_by(labels) == {"containers": [mine]}


@pytest.fixture
def run_id(monkeypatch, case) -> str:
    """This test's recipe run gets a known ID, so that the names it will make up can be taken first."""
    run = case.id.replace("-", "")
    monkeypatch.setattr(naming.secrets, "token_hex", lambda nbytes=None: run)
    return run


@pytest.mark.parametrize(
    "part, options",
    [
        ("s2", {}),  # a server, started beside s1
        ("client", {}),  # the `run --rm` client, after the servers
        ("lookup", {"client_per_query": True}),  # the first throwaway client of --client-per-query
    ],
)
def test_round_robin_names_it_makes_up(part, options, docker, case, labels, run_id):
    taken = f"dw-round-robin-{run_id}-{part}"
    before = users_container(case, taken)
    with pytest.raises(NameConflict) as info:
        Recipes(docker).round_robin(replicas=2, queries=4, labels=labels, **options)
    assert info.value.name == taken and LEFT_ALONE in (info.value.hint or "")
    assert object_id("container", taken) == before and running(taken)
    assert left_by(labels) == {"containers": [taken]}


def test_round_robin_network_it_makes_up(docker, case, labels, run_id):
    taken = f"dw-round-robin-{run_id}-net"
    assert docker_cli("network", "create", *case.label_args, taken).returncode == 0
    before = object_id("network", taken)
    with pytest.raises(NameConflict):
        Recipes(docker).round_robin(replicas=2, queries=4, labels=labels)
    assert object_id("network", taken) == before
    assert left_by(labels) == {"networks": [taken]}


def test_dry_run_script_leaves_a_users_container(case, names, labels, tmp_path):
    mine = names("mine")
    before = users_container(case, mine)
    printed = dockwrap("--dry-run", "recipe", "webhost", "--name", mine, "--port", "0", *label_options(labels))
    script = tmp_path / "webhost.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 125, ran.stderr
    assert object_id("container", mine) == before and running(mine)
    assert left_by(labels) == {"containers": [mine]}


def test_a_port_clash_hint_names_no_container_that_was_removed(labels):
    port = free_port()
    first = dockwrap("recipe", "webhost", "--port", str(port), "--json", *label_options(labels))
    assert first.returncode == 0, first.stderr
    kept = json.loads(first.stdout)["container"]
    second = dockwrap("recipe", "webhost", "--port", str(port), *label_options(labels))
    assert second.returncode == 125
    error, hint = second.stderr.splitlines()
    assert "already allocated" in error
    # docker made the second container without starting it, and the run removed it: the hint
    # must not tell the user to remove it
    assert hint == "hint: publish another host port; the container docker made without starting it was removed"
    assert left_by(labels) == {"containers": [kept]}
    assert http_get(f"http://127.0.0.1:{port}/")[0] == 200


@pytest.mark.parametrize(
    "selector",
    [["--run", ""], ["--recipe", ""], ["--run", "a=b"], ["--run", " "], ["--recipe", "pingable-pair", "--run", ""]],
)
def test_cleanup_with_an_empty_or_malformed_selector_removes_nothing(selector, labels):
    kept = json.loads(dockwrap("recipe", "pingable-pair", "-c", "1", "--keep", "--json", *label_options(labels)).stdout)
    before = left_by(labels)
    assert before["containers"] and before["networks"]
    result = dockwrap("cleanup", *selector)
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert left_by(labels) == before
    run = kept["from"].split("-")[-2]
    assert dockwrap("cleanup", "--run", run).returncode == 0
    assert left_by(labels) == {}


def test_cleanup_takes_only_what_carries_both_labels(case, names, labels):
    kept = json.loads(dockwrap("recipe", "process-view", "--keep", "--json", *label_options(labels)).stdout)
    run = kept["container"].split("-")[-2]
    # the user's container, named like the run's and carrying its run label, but no recipe label
    lookalike = f"dw-process-view-{run}-lookalike"
    users_container(case, lookalike, "--label", f"dockwrap.run={run}")
    removed = json.loads(dockwrap("cleanup", "--run", run, "--json").stdout)
    assert removed == {"containers": [kept["container"]], "networks": [], "services": [], "images": []}
    assert running(lookalike)
