"""Container commands on the real engine: what docker did is checked, not what we printed."""

import json
import os
import time

import pytest

from dockwrap import NoSuchContainer, NoSuchImage
from tests.harness import docker_cli, dockwrap, free_port, http_get

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]

HTTPD = ["sh", "-c", "mkdir -p /www && echo hello-$(hostname) > /www/index.html && exec httpd -f -p 80 -h /www"]


def wait_http(url: str, seconds: float = 10) -> tuple[int, str]:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return http_get(url)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.fixture
def web(docker, names, labels):
    """A busybox httpd published on a free 127.0.0.1 port, started through the CLI."""
    name, port = names("web"), free_port()
    args = ["run", "-d", "--init", "--name", name, "--hostname", name, "-p", f"127.0.0.1:{port}:80", "--pull", "never"]
    for key, value in labels.items():
        args += ["-l", f"{key}={value}"]
    result = dockwrap(*args, "busybox:latest", *HTTPD)
    assert result.returncode == 0, result.stderr
    return {"name": name, "port": port, "id": result.stdout.strip()}


def test_run_detached_publishes_a_page_reachable_from_the_host(web):
    assert len(web["id"]) == 64
    status, body = wait_http(f"http://127.0.0.1:{web['port']}/")
    assert (status, body) == (200, f"hello-{web['name']}\n")


def test_ls_shows_parsed_ports_and_labels(web, labels):
    result = dockwrap("container", "ls", "--filter", f"name={web['name']}", "--json")
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)
    assert row["name"] == web["name"] and row["state"] == "running"
    assert {"host_ip": "127.0.0.1", "host_port": web["port"], "container_port": 80, "protocol": "tcp"} in row["ports"]
    assert row["labels"]["dockwrap.test.case"] == labels["dockwrap.test.case"]
    assert row["size_bytes"] is None  # not asked for: docker computed no sizes
    table = dockwrap("ps", "--filter", f"name={web['name']}")
    assert table.stdout.splitlines()[0].split()[:3] == ["CONTAINER", "ID", "IMAGE"]
    assert web["name"] in table.stdout


def test_ls_size_and_quiet(web):
    sized = json.loads(dockwrap("ps", "-s", "--filter", f"name={web['name']}", "--json").stdout)
    assert isinstance(sized[0]["size_bytes"], int)
    quiet = dockwrap("ps", "-q", "--filter", f"name={web['name']}")
    assert quiet.stdout == web["id"][:12] + "\n"


def test_ls_all_shows_exited_containers(docker, names, labels):
    name = names("done")
    done = docker.container.run("busybox:latest", ["sh", "-c", "exit 3"], name=name, labels=labels, pull="never")
    assert done.exit_code == 3
    running = [c.name for c in docker.container.ls(filters=[f"name={name}"])]
    everything = {c.name: c for c in docker.container.ls(all=True, filters=[f"name={name}"])}
    assert running == []
    assert everything[name].state == "exited" and everything[name].status.startswith("Exited (3)")


def test_run_twice_makes_two_containers(docker, names, labels):
    first = docker.container.run("busybox:latest", ["true"], labels=labels, pull="never")
    second = docker.container.run("busybox:latest", ["true"], labels=labels, pull="never")
    assert first.exit_code == second.exit_code == 0
    case = labels["dockwrap.test.case"]
    assert len(docker.container.ls(all=True, filters=[f"label=dockwrap.test.case={case}"])) == 2


def test_foreground_run_keeps_streams_apart_and_returns_the_status():
    result = dockwrap("run", "--rm", "--pull", "never", "busybox:latest", "sh", "-c", "echo out; echo err >&2; exit 5")
    assert (result.returncode, result.stdout, result.stderr) == (5, "out\n", "err\n")


def test_logs_tail_and_timestamps(docker, names, labels):
    name = names("talk")
    docker.container.run(
        "busybox:latest",
        ["sh", "-c", "echo oops >&2; sleep 0.2; for i in 1 2 3; do echo line $i; done"],
        name=name,
        labels=labels,
        pull="never",
    )
    full = dockwrap("logs", name)
    assert (full.returncode, full.stdout, full.stderr) == (0, "line 1\nline 2\nline 3\n", "oops\n")
    tail = dockwrap("logs", "--tail", "2", name)
    assert (tail.stdout, tail.stderr) == ("line 2\nline 3\n", "")
    stamped = dockwrap("container", "logs", "-t", "--tail", "1", name)
    stamp, _, text = stamped.stdout.rstrip("\n").partition(" ")
    assert text == "line 3" and stamp.endswith("Z") and "T" in stamp


def test_logs_follow_yields_lines_and_ends_docker(docker, names, labels):
    name = names("ticker")
    docker.container.run(
        "busybox:latest",
        ["sh", "-c", "i=0; while :; do i=$((i+1)); echo tick $i; sleep 0.1; done"],
        detach=True,
        name=name,
        init=True,
        labels=labels,
        pull="never",
    )
    lines = docker.container.logs(name, follow=True)
    got = [next(lines) for _ in range(3)]
    lines.close()
    assert got == ["tick 1\n", "tick 2\n", "tick 3\n"]


def test_top_shows_host_pids(docker, web):
    processes = docker.container.top(web["name"])
    assert processes, "top listed nothing"
    for process in processes:
        assert os.path.exists(f"/proc/{process.pid}"), f"PID {process.pid} is not a host process"
    assert any("httpd" in (p.cmd or "") for p in processes)
    # (top's options, dockwrap's too, come before the container: the words after it are ps's)
    result = dockwrap("container", "top", "--json", web["name"])
    assert {p["pid"] for p in json.loads(result.stdout)} == {p.pid for p in processes}


def test_top_with_ps_arguments(web):
    result = dockwrap("container", "top", "--json", web["name"], "-o", "pid,comm")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) >= {"pid", "cmd"} for row in rows)


def test_inspect_many_in_one_call(docker, web, names, labels):
    other = names("other")
    docker.container.run(
        "busybox:latest", ["sleep", "60"], detach=True, init=True, name=other, labels=labels, pull="never"
    )
    details = {d.name: d for d in docker.container.inspect([web["name"], other])}
    assert set(details) == {web["name"], other}
    state = details[web["name"]].state
    assert state.running and state.status == "running" and os.path.exists(f"/proc/{state.pid}")
    assert details[web["name"]].networks["bridge"].ip_address.count(".") == 3
    assert details[web["name"]].labels["dockwrap.test"] == labels["dockwrap.test"]
    explained = dockwrap("-x", "container", "inspect", web["name"], other, "--json")
    assert explained.stderr.count("+ ") == 1  # one docker call for both


def test_stats_gives_numbers(docker, web):
    (sample,) = docker.container.stats(web["name"])
    assert sample.mem_usage_bytes > 0 and sample.pids >= 1
    assert sample.mem_limit_bytes > sample.mem_usage_bytes
    assert sample.cpu_percent is not None
    result = dockwrap("container", "stats", "--no-stream", "--json", web["name"])
    assert json.loads(result.stdout)[0]["name"] == web["name"]


def test_port_gives_the_mapping(web):
    result = dockwrap("container", "port", web["name"], "--json")
    assert json.loads(result.stdout) == [
        {"host_ip": "127.0.0.1", "host_port": web["port"], "container_port": 80, "protocol": "tcp"}
    ]


def test_exec_returns_the_command_status(web):
    result = dockwrap("exec", web["name"], "sh", "-c", "echo in-$(hostname); exit 7")
    assert (result.returncode, result.stdout) == (7, f"in-{web['name']}\n")


def test_exec_with_stdin(web):
    result = dockwrap("exec", "-i", web["name"], "sh", "-c", "cat; echo done", input="piped\n")
    assert result.stdout == "piped\ndone\n"


def test_stop_start_rm(docker, names, labels):
    name = names("cycle")
    docker.container.run(
        "busybox:latest", ["sleep", "300"], detach=True, init=True, name=name, labels=labels, pull="never"
    )
    assert dockwrap("container", "stop", "-t", "1", name).stdout == f"{name}\n"
    assert docker.container.inspect(name)[0].state.status == "exited"
    assert dockwrap("container", "start", name).returncode == 0
    assert docker.container.inspect(name)[0].state.running
    refused = dockwrap("container", "rm", name)
    assert refused.returncode == 1 and "dockwrap: error:" in refused.stderr and "force" in refused.stderr
    assert dockwrap("container", "rm", "-f", name).stdout == f"{name}\n"
    assert docker_cli("container", "inspect", name).returncode == 1


def test_start_attached_returns_the_container_status(docker, names, labels):
    name = names("once")
    docker_cli(
        "container",
        "create",
        "--name",
        name,
        *sum((["--label", f"{k}={v}"] for k, v in labels.items()), []),
        "busybox:latest",
        "sh",
        "-c",
        "echo attached; exit 4",
    )
    result = dockwrap("container", "start", "-a", name)
    assert (result.returncode, result.stdout) == (4, "attached\n")


@pytest.mark.parametrize(
    "argv",
    [
        ["container", "inspect", "dwt-nonexistent-x"],
        ["container", "logs", "dwt-nonexistent-x"],
        ["container", "stop", "dwt-nonexistent-x"],
        ["container", "top", "dwt-nonexistent-x"],
        ["exec", "dwt-nonexistent-x", "true"],
    ],
)
def test_missing_container_is_one_clear_line(argv):
    result = dockwrap(*argv)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("dockwrap: error: ") and "No such container: dwt-nonexistent-x" in lines[0]
    assert len(lines) <= 2 and "Traceback" not in result.stderr


def test_missing_container_error_class(docker):
    with pytest.raises(NoSuchContainer):
        docker.container.inspect("dwt-nonexistent-x")


def test_rm_force_of_a_missing_container_is_no_error():
    result = dockwrap("container", "rm", "-f", "dwt-nonexistent-x")
    assert result.returncode == 0


def test_missing_image_exits_125_naming_it(docker):
    result = dockwrap("run", "--rm", "--pull", "never", "dwt-no-such-image:1")
    assert result.returncode == 125
    assert result.stderr.splitlines()[0].startswith("dockwrap: error: ")
    assert "dwt-no-such-image:1" in result.stderr and "Traceback" not in result.stderr
    with pytest.raises(NoSuchImage):
        docker.container.run("dwt-no-such-image:1", ["true"], pull="never")


def test_image_ls_lists_the_default_image():
    rows = json.loads(dockwrap("image", "ls", "--json").stdout)
    assert any(r["repository"] == "busybox" and r["tag"] == "latest" and r["size_bytes"] > 0 for r in rows)


def test_version_shows_client_and_server():
    info = json.loads(dockwrap("version", "--json").stdout)
    assert info["client"]["version"] and info["server"]["version"]
    assert info["server"]["api_version"]


def test_exec_it_without_a_terminal_says_what_to_do(web):
    result = dockwrap("exec", "-it", web["name"], "sh")  # stdin is a pipe here
    assert result.returncode == 1
    assert result.stderr.startswith("dockwrap: error: the input device is not a TTY")
    assert "drop -t" in result.stderr


def test_exec_of_a_missing_command_names_it(docker, web):
    from dockwrap import DockerCommandFailed

    with pytest.raises(DockerCommandFailed) as info:
        docker.container.exec(web["name"], ["dwt-no-such-command"])
    assert info.value.exit_code == 126 and "dwt-no-such-command" in str(info.value)


def test_exec_with_input_from_python(docker, web):
    done = docker.container.exec(web["name"], ["sh", "-c", "cat; echo end"], input=b"fed\n")
    assert (done.exit_code, done.stdout) == (0, b"fed\nend\n")
