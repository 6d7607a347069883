"""The runner against the real engine: -x, --dry-run, an unreachable host, and -it through a
pseudo-terminal (the user's terminal handed to the container)."""

import subprocess
import sys

import pytest

from tests.harness import docker_cli, dockwrap, our_resources, run_in_terminal

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def test_explain_prints_each_call_before_running_it(names, labels):
    name = names("x")
    result = dockwrap(
        "-x",
        "run",
        "--rm",
        "--name",
        name,
        "--pull",
        "never",
        "-l",
        f"dockwrap.test={labels['dockwrap.test']}",
        "busybox:latest",
        "echo",
        "hi there",
    )
    assert result.returncode == 0
    assert result.stdout == "hi there\n"
    # the user's words as written, in the user's order
    assert result.stderr == (
        f"+ docker container run --rm --name {name} --pull never -l dockwrap.test={labels['dockwrap.test']} "
        "busybox:latest echo 'hi there'\n"
    )


def test_dry_run_creates_nothing(names, labels):
    name = names("never")
    args = ["--dry-run", "run", "-d", "--name", name, "--pull", "never"]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    result = dockwrap(*args, "busybox:latest", "sleep", "60")
    assert result.returncode == 0
    assert result.stdout.startswith("docker container run -d --name " + name)
    assert docker_cli("container", "inspect", name).returncode == 1
    assert our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}") == {}
    network = dockwrap("--dry-run", "network", "create", names("net"))
    assert network.stdout.count("\n") == 1 and docker_cli("network", "inspect", names("net")).returncode == 1


def test_dry_run_output_runs_as_printed(names, labels):
    name = names("printed")
    args = ["--dry-run", "run", "-d", "--init", "--name", name, "--pull", "never"]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    printed = dockwrap(*args, "busybox:latest", "sh", "-c", "echo 'quoted; $(not run)' && sleep 60")
    ran = subprocess.run(["bash", "-c", printed.stdout], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    logs = docker_cli("logs", name)
    assert logs.stdout == "quoted; $(not run)\n"


def test_unreachable_host_names_the_socket(tmp_path):
    socket_path = f"unix://{tmp_path}/nothing.sock"
    result = dockwrap("-H", socket_path, "ps")
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith("dockwrap: error: ") and socket_path in first
    assert "hint:" in result.stderr and "Traceback" not in result.stderr


def test_run_interactive_terminal(names, labels):
    code, screen = run_in_terminal(
        [
            sys.executable,
            "-m",
            "dockwrap",
            "run",
            "-it",
            "--rm",
            "--name",
            names("tty"),
            "--pull",
            "never",
            "-l",
            f"dockwrap.test={labels['dockwrap.test']}",
            "busybox:latest",
            "sh",
        ],
        b"echo h''i; exit 3\r",
    )
    assert code == 3, screen
    assert b"\nhi\r\n" in screen or b"\r\nhi\r\n" in screen, screen


def test_start_attach_interactive(names, labels):
    name = names("again")
    label_args = sum((["--label", f"{k}={v}"] for k, v in labels.items()), [])
    assert docker_cli("container", "create", "-it", "--name", name, *label_args, "busybox:latest", "sh").returncode == 0
    code, screen = run_in_terminal(
        [sys.executable, "-m", "dockwrap", "container", "start", "-ai", name], b"echo a''b; exit 4\r"
    )
    assert code == 4, screen
    assert b"ab\r\n" in screen


def test_exec_interactive_terminal(docker, names, labels):
    name = names("box")
    docker.container.run(
        "busybox:latest", ["sleep", "120"], detach=True, init=True, name=name, labels=labels, pull="never"
    )
    code, screen = run_in_terminal(
        [sys.executable, "-m", "dockwrap", "exec", "-it", name, "sh"], b"echo e''x; exit 6\r"
    )
    assert code == 6, screen
    assert b"ex\r\n" in screen
