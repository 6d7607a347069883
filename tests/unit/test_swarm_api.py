"""The swarm API and CLI without an engine: the argv each verb builds (--dry-run), argument
checks, secret redaction, wait_converged's polling and its error, and import costs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dockwrap import Docker
from dockwrap.cli.hints import cli_hint
from dockwrap.errors import CommandTimeout, NoSuchService, NotConverged, UsageError
from dockwrap.service.records import parse_service_ls
from tests.harness import dockwrap

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "docker"


def dry(capsys) -> Docker:
    capsys.readouterr()
    return Docker(binary="docker", dry_run=True)


def printed(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


# -- argv -------------------------------------------------------------------------------------------


def test_create_argv(capsys):
    docker = dry(capsys)
    result = docker.service.create(
        "busybox",
        ["httpd", "-f", "-p", "80"],
        name="web",
        replicas=2,
        publish=["8080:80"],
        network="mesh",
        endpoint_mode="dnsrr",
        labels={"a": "b"},
        env=["API_TOKEN=s3cret", "PLAIN=1"],
        resolve_image=False,
    )
    assert result == "web"  # under --dry-run: the name dockwrap chose
    assert printed(capsys) == [
        "docker service create --detach --no-resolve-image --name web --replicas 2 --endpoint-mode dnsrr "
        "--network mesh --publish 8080:80 --label a=b --env 'API_TOKEN=***' --env PLAIN=1 "
        "busybox httpd -f -p 80"
    ]


def test_create_minimal_and_modes(capsys):
    docker = dry(capsys)
    docker.service.create("busybox", name="g", mode="global", detach=False)
    docker.service.create("busybox", ["true"], name="j", mode="replicated-job", network=["a", "b"])
    assert printed(capsys) == [
        "docker service create --detach=false --name g --mode global busybox",
        "docker service create --detach --name j --mode replicated-job --network a --network b busybox true",
    ]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"mode": "everywhere"},
        {"endpoint_mode": "round-robin"},
        {"replicas": -1},
        {"replicas": True},
        {"replicas": "2"},
        {"replicas": 2, "mode": "global"},
        {"name": ""},
    ],
)
def test_create_refuses_bad_arguments_before_any_call(capsys, kwargs):
    docker = dry(capsys)
    options = {"name": "web", **kwargs}
    with pytest.raises(UsageError):
        docker.service.create("busybox", **options)
    assert printed(capsys) == []


def test_create_command_given_as_one_str_is_one_argument(capsys):
    dry(capsys).service.create("busybox", "httpd -f", name="web")
    assert printed(capsys) == ["docker service create --detach --name web busybox 'httpd -f'"]


def test_scale_ls_ps_rm_inspect_argv(capsys):
    docker = dry(capsys)
    docker.service.scale("web", 3)
    docker.service.ls(filters=["label=a=b"])
    docker.service.ps("web", filters=["desired-state=running"], no_trunc=True)
    docker.service.rm(["web", "api"])
    docker.service.inspect("web")
    docker.node.ls()
    assert printed(capsys) == [
        "docker service scale --detach web=3",
        "docker service ls --filter label=a=b --format '{{json .}}'",
        "docker service ps --no-trunc --filter desired-state=running --format '{{json .}}' web",
        "docker service rm web api",
        "docker service inspect web",
        "docker node ls --format '{{json .}}'",
    ]


@pytest.mark.parametrize("name,replicas", [("web", -1), ("web", 1.5), ("", 1), ("a=b", 1)])
def test_scale_refuses_bad_arguments(capsys, name, replicas):
    with pytest.raises(UsageError):
        dry(capsys).service.scale(name, replicas)


def test_swarm_argv(capsys):
    docker = dry(capsys)
    assert docker.swarm.init(advertise_addr="127.0.0.1") == ""
    docker.swarm.leave(force=True)
    assert docker.swarm.active() is False
    assert printed(capsys) == [
        "docker swarm init --advertise-addr 127.0.0.1",
        "docker swarm leave --force",
        "docker info --format '{{json .Swarm.LocalNodeState}}'",
    ]


def test_logs_argv(capsys):
    docker = dry(capsys)
    docker.service.logs("web", tail=5, timestamps=True)
    assert printed(capsys) == ["docker service logs --tail 5 --timestamps web"]


def test_names_are_required(capsys):
    with pytest.raises(UsageError):
        dry(capsys).service.rm([])


# -- wait_converged ---------------------------------------------------------------------------------


def recorded_services(name: str):
    """service ls rows recorded from 28.2.2, by name suffix."""
    rows = parse_service_ls((FIXTURES / "28.2.2" / "service-ls.txt").read_text())
    return {row.name.rsplit("-", 1)[1]: row for row in rows}[name]


def scripted(monkeypatch, docker: Docker, rows: list) -> list:
    """wait_converged sees these rows, one per poll (the last one from then on)."""
    polls: list = []

    def find(name):
        polls.append(name)
        return rows[min(len(polls), len(rows)) - 1]

    monkeypatch.setattr(docker.service, "_find", find)
    monkeypatch.setattr(docker.service, "_why", lambda name: "1 pending; last task error: no suitable node")
    return polls


def test_wait_converged_returns_once_seen_twice(monkeypatch):
    docker = Docker(binary="docker")
    pending, ready = recorded_services("max"), recorded_services("dns")
    polls = scripted(monkeypatch, docker, [pending, pending, ready, ready])
    seen = []
    assert docker.service.wait_converged("web", timeout=10, interval=0.01, on_progress=seen.append) is ready
    assert len(polls) == 4
    assert seen == [pending, pending]


def test_wait_converged_is_not_fooled_by_one_lucky_poll(monkeypatch):
    # a crash-looping task counts as running for a moment
    docker = Docker(binary="docker")
    pending, ready = recorded_services("max"), recorded_services("dns")
    polls = scripted(monkeypatch, docker, [ready, pending, pending, ready, ready])
    assert docker.service.wait_converged("web", timeout=10, interval=0.01) is ready
    assert len(polls) == 5


def test_wait_converged_job_is_done_when_completed(monkeypatch):
    docker = Docker(binary="docker")
    job = recorded_services("job")
    scripted(monkeypatch, docker, [job])
    assert docker.service.wait_converged("job", timeout=5, interval=0.01) is job


def test_wait_converged_times_out_with_the_reason(monkeypatch):
    docker = Docker(binary="docker")
    scripted(monkeypatch, docker, [recorded_services("max")])
    with pytest.raises(NotConverged) as caught:
        docker.service.wait_converged("web", timeout=0.2, interval=0.01)
    error = caught.value
    assert isinstance(error, CommandTimeout) and error.exit_code == 124
    assert str(error) == (
        "service 'web' did not converge within 0.2s: 1/2 tasks running (1 pending; last task error: no suitable node)"
    )
    assert error.hint == "see each task's state and error with: docker service ps web"
    assert cli_hint(error) == "see each task's state and error with: dockwrap service ps web"
    assert (error.running, error.desired) == (1, 2)


def test_wait_converged_under_dry_run_returns_at_once(capsys):
    assert dry(capsys).service.wait_converged("web") is None
    assert printed(capsys) == []


def test_wait_converged_refuses_negative_times(capsys):
    with pytest.raises(UsageError):
        dry(capsys).service.wait_converged("web", timeout=-1)


def test_find_of_a_missing_service(monkeypatch):
    from dockwrap.runner import Completed

    docker = Docker(binary="docker")
    # docker's name filter matches prefixes: a longer name is not the service asked for
    recorded = (FIXTURES / "28.2.2" / "service-ls.txt").read_bytes()
    monkeypatch.setattr(docker.runner, "run", lambda args, **kw: Completed(tuple(args), 0, recorded))
    with pytest.raises(NoSuchService) as caught:
        docker.service.wait_converged("fxswarm", timeout=1, interval=0.01)
    assert "no such service: fxswarm" in str(caught.value)
    assert caught.value.hint == "list services with: docker service ls"
    assert cli_hint(caught.value) == "list services with: dockwrap service ls"


# -- CLI --------------------------------------------------------------------------------------------


def test_cli_create_dry_run_prints_the_call_only_with_the_secret_redacted():
    result = dockwrap(
        "--dry-run",
        "service",
        "create",
        "--name",
        "web",
        "--replicas",
        "2",
        "-e",
        "DB_PASSWORD=hunter2",
        "-e",
        "MODE=x",
        "--endpoint-mode",
        "dnsrr",
        "--no-resolve-image",
        "--wait",
        "--json",
        "busybox",
        "httpd",
        "-f",
        "-p",
        "80",
    )
    assert result.returncode == 0, result.stderr
    # dockwrap's --detach first, then the user's words as written (dockwrap's own options left out)
    assert result.stdout == (
        "docker service create --detach --name web --replicas 2 -e 'DB_PASSWORD=***' -e MODE=x "
        "--endpoint-mode dnsrr --no-resolve-image busybox httpd -f -p 80\n"
    )
    assert "hunter2" not in result.stdout + result.stderr


def test_cli_explain_redacts_too(tmp_path):
    # -x shows the call before running it; docker is missing here, which fails after the show
    result = dockwrap(
        "--docker",
        str(tmp_path / "no-docker"),
        "-x",
        "service",
        "create",
        "--name",
        "w",
        "-e",
        "API_KEY=abc",
        "busybox",
    )
    assert "+ " in result.stderr and "API_KEY=***" in result.stderr and "abc" not in result.stderr
    assert result.returncode == 127


@pytest.mark.parametrize(
    "args",
    [
        ["service", "scale", "web"],
        ["service", "scale", "web=x"],
        ["service", "scale"],
        ["service", "create"],  # an image is required (a name is not: docker makes one)
        ["service", "create", "--name", "w", "--endpoint-mode", "rr", "busybox"],
        ["service", "create", "--name", "w", "--replicas", "-1", "busybox"],
        ["service", "ps"],
        ["service", "rm"],
    ],
)
def test_cli_usage_errors_exit_2(args):
    result = dockwrap("--dry-run", *args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_cli_scale_dry_run():
    result = dockwrap("--dry-run", "service", "scale", "--wait", "web=3", "api=0")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "docker service scale --detach web=3\ndocker service scale --detach api=0\n"


def test_cli_swarm_verbs_dry_run():
    result = dockwrap("--dry-run", "swarm", "init", "--advertise-addr", "127.0.0.1")
    assert (result.returncode, result.stdout) == (0, "docker swarm init --advertise-addr 127.0.0.1\n")
    result = dockwrap("--dry-run", "swarm", "leave", "--force")
    assert (result.returncode, result.stdout) == (0, "docker swarm leave --force\n")


def test_every_swarm_help_ends_with_examples():
    for args in (
        ["swarm"],
        ["node"],
        ["service"],
        ["swarm", "init"],
        ["swarm", "leave"],
        ["node", "ls"],
        *[["service", verb] for verb in ("create", "ls", "ps", "inspect", "scale", "logs", "rm")],
    ):
        result = dockwrap(*args, "--help")
        assert result.returncode == 0
        assert "Examples:\n" in result.stdout, args
        tail = result.stdout.rsplit("Examples:\n", 1)[1]
        assert all(line.startswith("    ") for line in tail.strip("\n").splitlines()), args


def test_import_dockwrap_loads_no_swarm_module():
    code = (
        "import sys, dockwrap; "
        "print(sorted(m for m in sys.modules if m.startswith(('dockwrap.swarm', 'dockwrap.node', 'dockwrap.service'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_help_loads_no_swarm_api_or_records():
    code = (
        "import sys\nfrom dockwrap.cli import cli\n"
        "print(sorted(m for m in sys.modules "
        "if m.endswith(('.api', '.records')) and m.split('.')[1] in ('swarm', 'node', 'service')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_create_without_an_id_in_the_output_is_a_parse_error(monkeypatch):
    from dockwrap.errors import ParseError
    from dockwrap.runner import Completed

    docker = Docker(binary="docker")
    monkeypatch.setattr(docker.runner, "run", lambda args, **kw: Completed(tuple(args), 0, b""))
    with pytest.raises(ParseError) as caught:
        docker.service.create("busybox", name="web")
    assert "docker service create" in str(caught.value)
