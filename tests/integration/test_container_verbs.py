"""The container verbs of issue 17 on the real engine: create, restart, kill, stop -s, wait,
rename, pause/unpause, update, prune, logs --since/--until, exec's options, stats -a while
streaming; each failure as its error class, exit status and one line. (`cp`: test_container_cp.py.)"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta

import pytest

from dockwrap import DockerCommandFailed, NameConflict, NoSuchContainer, NoSuchImage
from dockwrap.errors import ContainerNotRunning, ContainerPaused
from tests.harness import docker_cli, dockwrap
from tests.integration.everyday import case_filter, label_words, one_error_line, sleeper

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def state(name: str) -> dict:
    return json.loads(docker_cli("inspect", "--format", "{{json .State}}", name).stdout)


def api_version(docker) -> tuple[int, ...]:
    return tuple(int(part) for part in (docker.version().server.api_version or "0").split("."))


def exited(name: str, status: int, labels) -> str:
    done = docker_cli(
        "run", "--pull", "never", "--name", name, *label_words(labels), "busybox:latest", "sh", "-c", f"exit {status}"
    )
    assert done.returncode == status, done.stderr
    return name


def test_create_then_start(docker, names, labels):
    name = names("made")
    result = dockwrap(
        "create",
        "--name",
        name,
        "--pull",
        "never",
        *label_words(labels),
        "--json",
        "busybox:latest",
        "sh",
        "-c",
        "echo made; sleep 300",
    )
    assert result.returncode == 0, result.stderr
    created = json.loads(result.stdout)["id"]
    assert len(created) == 64 and state(name)["Status"] == "created"
    other = docker.container.create(
        "busybox:latest", ["true"], name=names("made"), labels=labels, pull="never", memory="64m"
    )
    assert len(other) == 64 and docker.container.inspect(other)[0].raw["HostConfig"]["Memory"] == 64 * 1024 * 1024
    docker.container.start(name)
    assert state(name)["Status"] == "running"


def test_create_failures(docker, names, labels):
    with pytest.raises(NoSuchImage):
        docker.container.create("dwt-no-such-image:1", pull="never", labels=labels)
    one_error_line(
        dockwrap("create", "--pull", "never", "dwt-no-such-image:1"), 1, "dwt-no-such-image:1"
    )  # run says 125
    taken = sleeper(names("taken"), labels)
    with pytest.raises(NameConflict):
        docker.container.create("busybox:latest", name=taken, pull="never", labels=labels)
    one_error_line(
        dockwrap("create", "--memory", "1k", "--pull", "never", *label_words(labels), "busybox:latest"),
        1,
        "Minimum memory limit",
    )
    one_error_line(dockwrap("create", "--memory", "lots", "--pull", "never", "busybox:latest"), 125, "invalid size")


def test_restart_kill_and_stop_with_a_signal(docker, names, labels):
    # a shell that says which signal reached it (as PID 1 it gets only those it traps)
    script = "trap 'echo got-hup' HUP; trap 'exit 0' TERM; while :; do sleep 0.1; done"
    name = sleeper(names("sig"), labels, command=("sh", "-c", script))
    before = state(name)["StartedAt"]
    assert docker.container.restart(name, time=1) == [name]
    assert state(name)["StartedAt"] != before and state(name)["Running"]
    result = dockwrap("kill", "-s", "HUP", name)
    assert (result.returncode, result.stdout) == (0, f"{name}\n"), result.stderr
    deadline = time.monotonic() + 10
    while "got-hup" not in docker.container.logs(name).out and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "got-hup" in docker.container.logs(name).out
    assert docker.container.stop(name, signal="SIGKILL") == [name]
    # not TERM (which the shell traps, exit 0) but KILL: 137; docker sends no --signal to an
    # engine older than API 1.42 (docker 23), and TERM goes as before
    assert state(name)["ExitCode"] == (137 if api_version(docker) >= (1, 42) else 0)
    with pytest.raises(ContainerNotRunning):
        docker.container.kill(name)
    one_error_line(dockwrap("kill", name), 1, "is not running")
    gone = dockwrap("restart", names("gone"))
    one_error_line(gone, 1, "No such container")
    assert gone.stderr.splitlines()[-1] == "hint: list containers, running or not, with: dockwrap container ls -a"
    sleeper(names("sig"), labels)
    one_error_line(dockwrap("kill", "-s", "SIGNOPE", names("gone")), 1)


def test_wait_for_several_and_their_statuses(docker, names, labels):
    zero, three = exited(names("e"), 0, labels), exited(names("e"), 3, labels)
    late = sleeper(names("late"), labels, command=("sh", "-c", "sleep 1; exit 42"))
    results = docker.container.wait([zero, three, late])
    assert [(r.name, r.status) for r in results] == [(zero, 0), (three, 3), (late, 42)]
    cli = dockwrap("wait", three, zero)
    assert (cli.returncode, cli.stdout) == (0, "3\n0\n")
    assert json.loads(dockwrap("wait", "--json", three).stdout) == [{"name": three, "status": 3}]
    missing = names("gone")
    with pytest.raises(NoSuchContainer) as info:
        docker.container.wait([three, missing])
    assert [(r.name, r.status) for r in info.value.done] == [(three, 3)]
    partly = dockwrap("wait", three, missing)
    assert partly.stdout == "3\n"
    one_error_line(partly, 1, missing)


def test_rename_and_its_failures(docker, names, labels):
    old, new, other = names("old"), names("new"), names("other")
    sleeper(old, labels)
    sleeper(other, labels)
    docker.container.rename(old, new)
    assert docker.container.inspect(new)[0].name == new
    with pytest.raises(NameConflict):
        docker.container.rename(new, other)
    one_error_line(dockwrap("rename", new, other), 1, "already in use")
    one_error_line(dockwrap("rename", old, names("x")), 1, "No such container")
    one_error_line(dockwrap("rename", new, "bad/name"), 1, "Invalid container name")


def test_pause_and_unpause(docker, names, labels):
    name = sleeper(names("p"), labels)
    result = dockwrap("pause", name)
    assert (result.returncode, result.stdout) == (0, f"{name}\n")
    assert state(name)["Status"] == "paused"
    with pytest.raises(ContainerPaused):
        docker.container.pause(name)
    one_error_line(dockwrap("pause", name), 1, "paused")
    assert docker.container.unpause(name) == [name] and state(name)["Status"] == "running"
    one_error_line(dockwrap("unpause", name), 1, "not paused")
    stopped = exited(names("e"), 0, labels)
    with pytest.raises(ContainerNotRunning):
        docker.container.pause(stopped)


def test_update_memory_cpus_and_restart_policy(docker, names, labels):
    a, b = sleeper(names("u"), labels), exited(names("u"), 0, labels)
    assert docker.container.update([a, b], memory="64m", memory_swap="128m", cpus=0.5, restart="on-failure:3") == [a, b]
    for name in (a, b):
        host = docker.container.inspect(name)[0].raw["HostConfig"]
        assert (host["Memory"], host["MemorySwap"], host["NanoCpus"]) == (64 << 20, 128 << 20, 500_000_000)
        assert host["RestartPolicy"] == {"Name": "on-failure", "MaximumRetryCount": 3}
    result = dockwrap("update", "--restart", "unless-stopped", a)
    assert (result.returncode, result.stdout) == (0, f"{a}\n")
    one_error_line(dockwrap("update", "--cpus", "lots", a), 2, "--cpus")  # refused before any call
    one_error_line(dockwrap("update", "--memory", "1k", a), 1, "Minimum memory limit")
    one_error_line(dockwrap("update", "--restart", "sometimes", a), 1, "sometimes")
    one_error_line(dockwrap("update", "--cpus", "1", names("gone")), 1, "No such container")


def test_prune_removes_the_stopped_labelled_containers(docker, names, labels):
    running = sleeper(names("r"), labels)
    gone = [exited(names("e"), 0, labels), exited(names("e"), 1, labels)]
    refused = dockwrap("container", "prune", "--filter", case_filter(labels))  # no terminal to ask
    one_error_line(refused, 2, "asks before", "-f (--force)")
    assert len(docker.container.ls(all=True, filters=case_filter(labels))) == 3
    result = dockwrap("container", "prune", "-f", "--filter", case_filter(labels), "--json")
    assert result.returncode == 0, result.stderr
    pruned = json.loads(result.stdout)
    ids = {docker_cli("inspect", "-f", "{{.Id}}", name).stdout.strip() for name in gone}
    assert ids == {""}  # both gone
    assert len(pruned["containers"]) == 2 and pruned["space_reclaimed_bytes"] is not None
    assert [c.name for c in docker.container.ls(all=True, filters=case_filter(labels))] == [running]
    assert docker.container.prune(filters=case_filter(labels)).containers == []


def test_logs_since_and_until(docker, names, labels):
    name = sleeper(names("log"), labels, command=("sh", "-c", "for i in 1 2 3 4 5; do echo line $i; sleep 1; done"))
    docker.container.wait(name)
    stamped = docker.container.logs(name, timestamps=True).out.splitlines()
    times = [line.split()[0] for line in stamped]
    assert len(times) == 5
    middle = docker.container.logs(name, since=times[1], until=times[3]).out
    assert middle == "line 2\nline 3\nline 4\n"
    moment = datetime.fromisoformat(times[2][:26] + "+00:00")  # microseconds: a datetime's own precision
    assert docker.container.logs(name, since=moment + timedelta(microseconds=1)).out == "line 4\nline 5\n"
    cli = dockwrap("logs", "--since", times[3], name)
    assert cli.stdout == "line 4\nline 5\n"
    one_error_line(dockwrap("logs", "--since", "yesterday-ish", name), 1, "yesterday-ish")


def test_exec_detached_env_file_privileged_and_user(docker, names, labels, tmp_path):
    name = sleeper(names("x"), labels)
    env_file = tmp_path / "env"
    env_file.write_text("GREETING=hello from a file\n")
    done = docker.container.exec(name, ["sh", "-c", "sleep 0.3; echo detached > /tmp/mark"], detach=True)
    assert (done.exit_code, done.out) == (0, "")  # returned at once
    deadline = time.monotonic() + 10
    while docker_cli("exec", name, "cat", "/tmp/mark").stdout != "detached\n" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert docker_cli("exec", name, "cat", "/tmp/mark").stdout == "detached\n"
    cli = dockwrap(
        "exec", "--env-file", str(env_file), "-u", "1234:5678", name, "sh", "-c", 'echo "$GREETING $(id -u):$(id -g)"'
    )
    assert cli.stdout == "hello from a file 1234:5678\n", cli.stderr
    capabilities = "grep CapEff /proc/self/status"
    plain = docker.container.exec(name, ["sh", "-c", capabilities]).out.split()[-1]
    try:
        privileged = docker.container.exec(name, ["sh", "-c", capabilities], privileged=True).out.split()[-1]
        assert int(privileged, 16) > int(plain, 16)
    except DockerCommandFailed as error:  # a sandbox whose runtime may not grant every capability
        assert "unable to apply caps" in error.message
        one_error_line(dockwrap("exec", "--privileged", name, "true"), error.exit_code, "unable to apply caps")
    stopped = exited(names("e"), 0, labels)
    with pytest.raises(ContainerNotRunning):
        docker.container.exec(stopped, ["true"], detach=True)
    one_error_line(dockwrap("exec", "-d", stopped, "true"), 1, "is not running")


def test_stats_all_while_streaming_shows_stopped_containers(docker, names, labels):
    running, stopped = sleeper(names("s"), labels), exited(names("s"), 0, labels)
    seen: dict[str, object] = {}
    stream = docker.container.stats_stream([running, stopped], all=True)
    try:
        for sample in stream:
            seen[sample.name] = sample
            if len(seen) == 2:
                break
    finally:
        stream.close()
    assert set(seen) == {running, stopped}
    import subprocess
    import sys

    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "container", "stats", "-a", "--json", running, stopped],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        first = {json.loads(proc.stdout.readline())["name"] for _ in range(2)}  # type: ignore[union-attr]
    finally:
        proc.terminate()
        proc.wait(10)
        proc.stdout.close()  # type: ignore[union-attr]
    assert first == {running, stopped}


def test_docker_failures_keep_their_class_when_several(docker, names, labels):
    a = sleeper(names("a"), labels)
    with pytest.raises(NoSuchContainer) as info:
        docker.container.pause([a, names("gone")])
    assert info.value.done == [a]
    docker.container.unpause(a)
    with pytest.raises(DockerCommandFailed):
        docker.container.update(a, memory="1k")
