"""The engine dies in the middle: a private dockerd (tests/engines.py) is killed with SIGKILL, with
or without its containerd, while dockwrap drives it with `-H unix://...`. dockwrap must end at
once with a non-zero status and a clear error naming the engine (never a traceback, never a made-up
result), and leave no docker process of its own behind.

What works on the second engine: it has its own bridge and no iptables rules, and the machine's
FORWARD policy drops bridged traffic, so containers there start, exec and resolve names, but pings
and HTTP between them get no answer. `pingable-pair -c 60` therefore sits in its `exec ... ping`
for a minute (sending unanswered pings): a dependable moment to kill the daemon. round-robin's
client waits for its servers the same way, inside a foreground `docker run`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator

import pytest

from tests.engines import SecondEngine, busybox_engine
from tests.reliability.helpers import (
    docker_argvs,
    docker_processes,
    label_options,
    no_traceback,
    start_recipe,
    wait_until,
)

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


@pytest.fixture
def engine() -> Iterator[SecondEngine]:
    """A fresh second engine with busybox: a killed one cannot be used again."""
    directory = pool = None
    with busybox_engine() as second:
        directory, pool = second.dir, second.pool
        yield second
    # nothing of it survives: no dockerd, containerd or shim names its directory any more, and
    # no bridge of its networks holds an address of its pool
    assert directory is None or not docker_processes(str(directory))
    assert pool is None or not bridges_in(pool)


def bridges_in(pool: str) -> list[str]:
    """Network interfaces with an IPv4 address in the pool (10.N.0.0/16)."""
    prefix = pool.split(".0.0/")[0] + "."
    listed = subprocess.run(["ip", "-o", "-4", "addr", "show"], capture_output=True, text=True, timeout=10).stdout
    return [line.split()[1] for line in listed.splitlines() if line.split()[3].startswith(prefix)]


def kill_engine(engine: SecondEngine, what: str) -> None:
    assert engine.dir is not None and engine.pid is not None
    containerd = int((engine.dir / "exec" / "containerd" / "containerd.pid").read_text())
    os.kill(engine.pid, signal.SIGKILL)
    if what == "dockerd+containerd":
        os.kill(containerd, signal.SIGKILL)


def finish(proc: subprocess.Popen[str], seconds: float) -> tuple[str, str, float]:
    start = time.monotonic()
    out, err = proc.communicate(timeout=seconds)
    return out, err, time.monotonic() - start


@pytest.mark.parametrize("what", ["dockerd+containerd", "dockerd"])
@pytest.mark.parametrize(
    "recipe, moment",
    [
        (["pingable-pair", "-c", "60"], "exec"),  # during `exec a ping -c 60 b`
        (["round-robin", "--replicas", "2", "--queries", "4"], "-client"),  # during the client's foreground run
    ],
    ids=["pingable-pair", "round-robin"],
)
def test_engine_killed_mid_recipe(engine: SecondEngine, recipe, moment, what, labels):
    socket_path = str(engine.socket)
    proc = start_recipe("-H", engine.host, "recipe", *recipe, *label_options(labels))
    try:

        def at_the_moment() -> bool:
            assert proc.poll() is None, proc.communicate()
            return any(arg.endswith(moment) for argv in docker_argvs(socket_path).values() for arg in argv)

        assert wait_until(at_the_moment, 60, 0.02), "the recipe never got there"
        time.sleep(0.5)
        kill_engine(engine, what)
        out, err, took = finish(proc, 60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert took < 15, f"took {took:.1f}s after the kill"
    assert proc.returncode == 1, err
    assert out == ""  # no result made of a half-run step
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert (
        lines[0]
        == f"dockwrap: error: Cannot connect to the Docker daemon at {engine.host}. Is the docker daemon running?"
    )
    assert lines[1].startswith(f"hint: no Docker engine answers at {engine.host}")
    assert "once it answers, remove what run " in lines[1] and "dockwrap cleanup --run " in lines[1]
    no_traceback(err)
    assert wait_until(lambda: not docker_processes(socket_path), 10), "docker processes outlived dockwrap"


def test_engine_killed_under_plain_verbs(engine: SecondEngine, names):
    """A foreground run, logs -f and exec, each waiting on the engine when it dies."""
    box, foreground = names("box"), names("fg")
    engine.docker("run", "-d", "--init", "--name", box, "busybox", "sleep", "300")
    socket_path = str(engine.socket)
    procs = {
        "run": start_recipe(
            "-H", engine.host, "run", "--rm", "--pull", "never", "--name", foreground, "busybox", "sleep", "60"
        ),
        "logs": start_recipe("-H", engine.host, "logs", "-f", box),
        "exec": start_recipe("-H", engine.host, "exec", box, "sleep", "61"),
    }

    def waiting() -> bool:
        """Each call is past its start, waiting on the engine: the run's container and the exec's
        command run (on a busy machine a docker process can exist well before that)."""
        running = engine.docker("ps", "--format", "{{.Names}}", check=False)
        top = engine.docker("top", box, check=False)
        return (
            foreground in running.stdout.split()
            and "sleep 61" in top.stdout
            and bool(docker_processes(socket_path, "logs"))
        )

    try:
        assert wait_until(waiting, 30)
        time.sleep(0.5)
        kill_engine(engine, "dockerd+containerd")
        results = {name: finish(proc, 30) for name, proc in procs.items()}
    finally:
        for proc in procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
    for name, (_out, err, took) in results.items():
        assert took < 15, (name, took)
        no_traceback(err)
    # run: docker's own status 125, and the reason it logged (not "exited with status 125")
    assert procs["run"].returncode == 125
    assert results["run"][1].splitlines()[0] == "dockwrap: error: error waiting for container: unexpected EOF"
    # logs: docker's stream broke; logs has no status of its own, so any failure is an error
    assert procs["logs"].returncode == 1 and "dockwrap: error: " in results["logs"][1]
    # exec: docker itself ends with 255 and says nothing when the daemon is gone (its
    # getExecExitStatus: "the daemon probably died"); dockwrap passes that status on
    assert procs["exec"].returncode == 255
    assert wait_until(lambda: not docker_processes(socket_path), 10)
