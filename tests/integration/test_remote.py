"""`dockwrap -H URL` and `dockwrap --context NAME` drive another engine, not the default one.

The other engine is a second dockerd in /tmp/dwr-XXXX (tests/engines.py), with busybox loaded
from the machine's engine. A container made through dockwrap must show up there and not on the
machine's engine; the engine, its temp directory and the docker context go away afterwards, also
when a test fails.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.engines import SecondEngine, busybox_engine
from tests.harness import SESSION, Case, docker_cli, dockwrap

pytestmark = pytest.mark.docker


def ok(done: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert done.returncode == 0, f"exit {done.returncode}\nstdout: {done.stdout}\nstderr: {done.stderr}"
    return done


@pytest.fixture(scope="module")
def engine() -> Iterator[SecondEngine]:
    with busybox_engine() as second:
        yield second
    assert second.dir is None


@pytest.fixture(scope="module")
def context(engine: SecondEngine) -> Iterator[str]:
    """A docker context pointing at the second engine (docker's own contexts, shared by all users
    of this machine: unique name, removed afterwards)."""
    name = f"dwt-{SESSION}-remote"
    done = docker_cli(
        "context",
        "create",
        name,
        "--description",
        "dockwrap test (removed after the tests)",
        "--docker",
        f"host={engine.host}",
    )
    assert done.returncode == 0, done.stderr
    try:
        yield name
    finally:
        docker_cli("context", "rm", "--force", name)
    assert name not in docker_cli("context", "ls", "--format", "{{.Name}}").stdout.split()


def names_on(host: str | None, label: str) -> list[str]:
    """Container names carrying the label, on an engine (None: the machine's own)."""
    args = ["ps", "-a", "--filter", f"label={label}", "--format", "{{.Names}}"]
    done = docker_cli(*(["-H", host] if host else []), *args)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_host_runs_containers_on_that_engine(engine: SecondEngine, case: Case, names: Callable[[str], str]) -> None:
    name = names("remote")
    label = f"dockwrap.test.case={case.id}"
    done = ok(
        dockwrap(
            "-H",
            engine.host,
            "run",
            "-d",
            "--name",
            name,
            "--network",
            "none",
            "--pull",
            "never",
            "-l",
            label,
            "busybox",
            "sleep",
            "60",
        )
    )
    container_id = done.stdout.strip()
    assert len(container_id) == 64
    try:
        assert names_on(engine.host, label) == [name]
        assert names_on(None, label) == []
        listed = json.loads(ok(dockwrap("-H", engine.host, "ps", "--json", "--filter", f"label={label}")).stdout)
        assert [c["id"] for c in listed] == [container_id[:12]] or [c["id"] for c in listed] == [container_id]
        assert json.loads(ok(dockwrap("ps", "-a", "--json", "--filter", f"label={label}")).stdout) == []
    finally:
        engine.docker("rm", "-f", name, check=False)


def test_host_run_in_the_foreground(engine: SecondEngine) -> None:
    done = ok(
        dockwrap(
            "-H",
            engine.host,
            "run",
            "--rm",
            "--network",
            "none",
            "--pull",
            "never",
            "busybox",
            "echo",
            "hello from the second engine",
        )
    )
    assert done.stdout == "hello from the second engine\n"


def test_host_version_json(engine: SecondEngine) -> None:
    info = json.loads(ok(dockwrap("-H", engine.host, "version", "--json")).stdout)
    assert info["client"]["version"]
    server = engine.docker("version", "--format", "{{.Server.Version}}").stdout.strip()
    assert info["server"]["version"] == server


def test_explain_shows_the_host(engine: SecondEngine) -> None:
    done = ok(dockwrap("-x", "-H", engine.host, "ps", "-q"))
    assert f"--host {engine.host} container ls" in done.stderr


def test_context_drives_that_engine(
    engine: SecondEngine, context: str, case: Case, names: Callable[[str], str]
) -> None:
    name = names("ctx")
    label = f"dockwrap.test.case={case.id}"
    try:
        ok(
            dockwrap(
                "--context",
                context,
                "run",
                "-d",
                "--name",
                name,
                "--network",
                "none",
                "--pull",
                "never",
                "-l",
                label,
                "busybox",
                "sleep",
                "60",
            )
        )
        assert names_on(engine.host, label) == [name]
        assert names_on(None, label) == []
        listed = json.loads(
            ok(dockwrap("--context", context, "ps", "-a", "--json", "--filter", f"label={label}")).stdout
        )
        assert [c["name"] for c in listed] == [name]
        done = ok(
            dockwrap(
                "--context",
                context,
                "run",
                "--rm",
                "--network",
                "none",
                "--pull",
                "never",
                "busybox",
                "echo",
                "via context",
            )
        )
        assert done.stdout == "via context\n"
        info = json.loads(ok(dockwrap("--context", context, "version", "--json")).stdout)
        assert info["server"] is not None
    finally:
        engine.docker("rm", "-f", name, check=False)


def test_missing_socket_is_one_clear_error(engine: SecondEngine) -> None:
    assert engine.dir is not None
    missing = f"unix://{engine.dir}/missing.sock"
    done = dockwrap("-H", missing, "ps")
    assert done.returncode == 1
    assert f"{engine.dir}/missing.sock" in done.stderr
    assert done.stderr.startswith("dockwrap: error: ")
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


def test_missing_context_is_one_clear_error() -> None:
    name = f"dwt-{SESSION}-no-such-context"
    done = dockwrap("--context", name, "ps")
    assert done.returncode == 1
    assert done.stderr.startswith("dockwrap: error: ")
    assert name in done.stderr
    assert "hint: list contexts with: dockwrap context ls" in done.stderr
    assert "Traceback" not in done.stderr


def test_second_engine_cleans_up_after_a_crash():
    """What a reliability test does mid-recipe: kill -9 the daemon and its containerd while a
    container runs. stop() must still leave no process, mount or directory behind."""
    with busybox_engine() as engine:
        container_id = engine.docker(
            "run", "-d", "--network", "none", "--pull", "never", "busybox", "sleep", "300"
        ).stdout.strip()
        directory = engine.dir
        assert directory is not None and engine.pid is not None
        containerd = int((directory / "exec" / "containerd" / "containerd.pid").read_text())
        os.kill(engine.pid, signal.SIGKILL)
        os.kill(containerd, signal.SIGKILL)
        time.sleep(0.3)
    assert not directory.exists()
    marker = str(directory).encode()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
                cgroup = Path(f"/proc/{entry}/cgroup").read_text()
            except OSError:
                continue
            assert marker not in cmdline, cmdline
            assert container_id not in cgroup, f"the container's process {entry} survived"
    with open("/proc/self/mountinfo") as mounts:
        assert str(directory) not in mounts.read()
