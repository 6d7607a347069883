"""Ctrl-C, SIGTERM and SIGKILL in the middle of every recipe, and many recipes at once.

The signal goes to dockwrap alone (not its process group): dockwrap itself must end the docker
call under way, remove everything the run created, and exit 130 / 143. Each recipe is caught at
a moment where a docker call is running (found in /proc by the run's name in the call's argv):
during the creating `run -d` (process-view), an `exec` (pingable-pair), a foreground `run`
(round-robin's client, a per-query client, the swarm client), or the wait for a page (webhost's
`wait_for`, caught by its `docker system events`).

Afterwards: 0 resources of the test left, and no docker process still carrying the test's label or
the run's names (scanned in /proc). After SIGKILL nothing can clean up in-process; `dockwrap cleanup
--run RUN` then removes what the run left.
"""

from __future__ import annotations

import json
import shutil
import signal
import time

import pytest

from tests.harness import DOCKER, docker_cli, dockwrap, free_port, no_swarm_until_done, swarm_state
from tests.reliability.helpers import (
    catch,
    docker_argvs,
    fake_docker,
    label_options,
    left_by,
    no_traceback,
    ours,
    run_id_of,
    start_recipe,
    wait_until,
)

pytestmark = pytest.mark.docker

RECIPES = {
    "pingable-pair": (["pingable-pair", "-c", "30"], "exec"),
    "round-robin": (["round-robin", "--replicas", "2", "--queries", "300"], "-client"),
    "round-robin-client-per-query": (
        ["round-robin", "--client-per-query", "--replicas", "2", "--queries", "30"],
        "-q2",
    ),
    # nothing answers on 81: it waits for its page (wait_for, whose `docker system events` names the
    # run's container; it runs only once `run -d` returned, and no `port` call when the port is given)
    "webhost": (["webhost", "--port", "PORT", "--container-port", "81"], "events"),
    "process-view": (["process-view"], "-box"),  # during the `run -d` that creates its container
    "round-robin-swarm": (["round-robin", "--swarm", "--replicas", "2", "--queries", "4"], "-client"),
}


@pytest.fixture
def swarm_guard(request):
    """For the swarm recipe: only where no swarm is active (the recipe starts one and must leave
    it); otherwise nothing to guard."""
    if "swarm" not in request.node.callspec.id:
        yield None
        return
    yield from no_swarm_until_done("the interrupted recipe")


SIGNALS = {"SIGINT": (signal.SIGINT, 130), "SIGTERM": (signal.SIGTERM, 143), "SIGHUP": (signal.SIGHUP, 129)}
# SIGQUIT (Ctrl-\) is taken like SIGTERM: on two recipes, one per kind of waiting docker call.
CASES = [(recipe, name) for recipe in RECIPES for name in SIGNALS] + [
    ("pingable-pair", "SIGQUIT"),
    ("round-robin", "SIGQUIT"),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("recipe, signame", CASES)
def test_signal_mid_recipe_removes_everything(recipe, signame, labels, swarm_guard):
    signum, status = SIGNALS.get(signame, (signal.SIGQUIT, 131))
    argv, moment = RECIPES[recipe]
    argv = [a.replace("PORT", str(free_port())) for a in argv]
    proc = start_recipe("recipe", *argv, *label_options(labels))
    try:
        run = catch(proc, labels, moment)
        proc.send_signal(signum)
        _, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == status, err
    no_traceback(err)
    assert err.strip() == "", err  # nothing failed in the removal
    assert left_by(labels) == {}
    assert wait_until(lambda: not ours(labels, run), 3), f"docker processes left: {_argvs(labels, run)}"
    if swarm_guard is not None:
        assert swarm_state() == "inactive"
        assert (docker_cli("network", "inspect", "docker_gwbridge").returncode == 0) == swarm_guard


def _argvs(labels, run: str) -> list[str]:
    """The docker processes of this test, as their command lines (what was left, said in the failure)."""
    return [
        " ".join(docker_argvs(marker).get(pid, []))
        for pid in ours(labels, run)
        for marker in (f"-{run}-", labels["dockwrap.test.case"])
        if pid in docker_argvs(marker)
    ][:5]


@pytest.mark.timeout(60)
def test_second_signal_during_cleanup_does_not_stop_it(labels):
    proc = start_recipe("recipe", "round-robin", "--replicas", "3", "--queries", "300", *label_options(labels))
    run = catch(proc, labels, "-client")
    proc.send_signal(signal.SIGINT)
    time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)  # while it removes
    time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (130, 143), err
    no_traceback(err)
    assert left_by(labels) == {}
    assert wait_until(lambda: not ours(labels, run), 3)


@pytest.mark.timeout(90)
@pytest.mark.parametrize(
    "recipe, moment, cleanup",
    [
        (["pingable-pair", "-c", "30"], "exec", []),
        (["round-robin", "--replicas", "2", "--queries", "300"], "-client", ["--recipe", "round-robin"]),
    ],
    ids=["pingable-pair", "round-robin"],
)
def test_sigkill_then_cleanup_removes_what_the_run_left(recipe, moment, cleanup, labels):
    proc = start_recipe("recipe", *recipe, *label_options(labels))
    run = catch(proc, labels, moment)
    if moment == "-client":
        # Once docker made the client: a `docker run` orphaned before that could still make it
        # after the cleanup below (nothing in-process survives SIGKILL to stop it).
        assert wait_until(lambda: any(n.endswith("-client") for n in left_by(labels).get("containers", [])), 20)
    proc.kill()
    proc.communicate(timeout=10)
    left = left_by(labels)
    assert left.get("containers") and left.get("networks")  # nothing could remove them
    assert all(f"-{run}-" in name for names in left.values() for name in names)
    removed = dockwrap("cleanup", *cleanup, "--run", run, "--json")
    assert removed.returncode == 0, removed.stderr
    out = json.loads(removed.stdout)
    # what the run left, and only that (its client may come and, being `run --rm`, go meanwhile)
    assert all(f"-{run}-" in name for name in out["containers"] + out["networks"])
    assert {n for n in left["containers"] if not n.endswith("-client")} <= set(out["containers"])
    assert out["networks"] == left["networks"]
    assert left_by(labels) == {}
    # the killed run's docker children (its own process group) end with their containers
    assert wait_until(lambda: not ours(labels, run), 15), f"docker processes left: {ours(labels, run)}"


def _parallel(labels, runs: list[list[str]], seconds: float) -> list[dict]:
    start = time.monotonic()
    procs = [start_recipe("recipe", *argv, "--json", *label_options(labels)) for argv in runs]
    outputs = []
    try:
        for proc in procs:
            outputs.append(proc.communicate(timeout=seconds))
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    took = time.monotonic() - start
    assert [p.returncode for p in procs] == [0] * len(runs), [err for _, err in outputs]
    assert took < seconds, took
    return [json.loads(out) for out, _ in outputs]


@pytest.mark.timeout(150)
def test_ten_recipes_at_once(labels):
    # Five new networks at most: docker's default address pools run out at about thirty, and other
    # test runs share this engine.
    runs = (
        [["pingable-pair", "-c", "1"]] * 3
        + [["pingable-pair", "--default-bridge", "-c", "1"]] * 2
        + [["round-robin", "--replicas", "2", "--queries", "20"]] * 2
        + [["webhost", "--port", "0", "--rm"]] * 2
        + [["process-view"]]
    )
    results = _parallel(labels, runs, 120)
    names = [r.get("from") or r.get("backends", [{}])[0].get("name") or r.get("container") for r in results]
    assert len({run_id_of(n) for n in names}) == 10, names  # ten runs, ten distinct run IDs: no clash
    assert len({r["url"] for r in results if "url" in r}) == 2
    assert left_by(labels) == {}


@pytest.mark.timeout(120)
def test_three_different_recipes_at_once(labels):
    results = _parallel(
        labels,
        [
            ["pingable-pair", "-c", "1"],
            ["process-view"],
            ["round-robin", "--client-per-query", "--replicas", "2", "--queries", "12"],
        ],
        100,
    )
    names = [r.get("network") or r.get("container") for r in results]
    assert len({run_id_of(n) for n in names}) == 3
    assert left_by(labels) == {}


@pytest.mark.timeout(90)
def test_a_container_the_daemon_makes_after_its_client_died_is_removed(labels, tmp_path):
    # The fault: the daemon makes the client container after dockwrap ended its `docker run`, and
    # after the cleanup's first look (moby/moby#46749). A second signal cuts the grace that a first
    # one gives the call. The fake hands that call to the real docker in a session of its own (so
    # that ending the fake does not end it), once the cleanup's `container ls` has run; every
    # other call is real docker's.
    real = shutil.which(DOCKER)
    called, swept = tmp_path / "client-called", tmp_path / "swept"
    binary = fake_docker(
        tmp_path,
        f"""\
        case "$*" in
          *"container run --rm"*-client" "*)
            touch {called}
            setsid sh -c 'while [ ! -e {swept} ]; do sleep 0.01; done; exec "$0" "$@" >/dev/null 2>&1 </dev/null' \\
                {real} "$@" &
            exec sleep 60 ;;
          "container ls"*)
            {real} "$@"; status=$?; touch {swept}; exit $status ;;
          *) exec {real} "$@" ;;
        esac
    """,
    )
    proc = start_recipe(
        "--docker", binary, "recipe", "round-robin", "--replicas", "1", "--queries", "300", *label_options(labels)
    )
    try:
        assert wait_until(called.exists, 60, 0.01), proc.communicate()
        proc.send_signal(signal.SIGINT)
        time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)  # ends the grace: the client's `docker run` is killed at once
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode in (130, 143), err
    assert swept.exists()
    no_traceback(err)
    assert err.strip() == "", err
    assert left_by(labels) == {}
