"""Every docker option on every API method (dockwrap/verbs.py): keywords of every kind checked by
the table, the caller's order, `docker_args` verbatim, the semantics a method reads from the final
words, `Docker().call()` and `call_json()`. Under Docker(dry_run=True): what would run is printed,
and nothing runs; `call_json` reads outputs recorded from real runs through a fake docker."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dockwrap import ArgumentTypeError, Docker, UsageError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "docker"

Call = Callable[[Docker], Any]


def printed(call: Call, capsys: pytest.CaptureFixture[str]) -> str:
    capsys.readouterr()
    call(Docker(binary="docker", dry_run=True))
    return capsys.readouterr().out.strip()


ARGV: list[tuple[str, Call, str]] = [
    (
        "every kind, in the caller's order",
        lambda d: d.container.run(
            "busybox",
            ["sleep", "1"],
            detach=True,
            read_only=True,
            memory="64m",
            cpus=0.5,
            stop_timeout=10,
            volume="data:/data",
            cap_add=["NET_ADMIN", "SYS_TIME"],
            sysctl={"net.ipv4.ip_forward": "1"},
            restart="unless-stopped",
            tmpfs=["/run"],
            sig_proxy=False,
        ),
        "docker container run --detach --read-only --memory 64m --cpus 0.5 --stop-timeout 10 --volume data:/data "
        "--cap-add NET_ADMIN --cap-add SYS_TIME --sysctl net.ipv4.ip_forward=1 --restart unless-stopped "
        "--tmpfs /run --sig-proxy=false busybox sleep 1",
    ),
    (
        "typed keywords first, then the others, then docker_args, then operands",
        lambda d: d.container.run(
            "busybox", "true", user="1000", name="web", docker_args=["-dit", "--name=x", "-e", "A=1"]
        ),
        "docker container run --name web --user 1000 -dit --name=x -e A=1 busybox true",
    ),
    (
        "docker spellings and hidden options as keys",
        lambda d: d.container.run("busybox", **{"--add-host": "db:10.0.0.2", "-p": "80", "net": "host"}),
        "docker container run --add-host db:10.0.0.2 --publish 80 --net host busybox",
    ),
    (
        "the older names",
        lambda d: d.container.run(
            "busybox", remove=True, labels={"a": "b"}, network_aliases="web", links=["db"], network="n"
        ),
        "docker container run --rm --label a=b --network n --network-alias web --link db busybox",
    ),
    (
        "legacy names in **options too",
        lambda d: d.network.connect("n", "c", aliases=["a"], link=["db"]),
        "docker network connect --alias a --link db n c",
    ),
    (
        "a list keyword takes one str as one item",
        lambda d: d.network.create("n", gateway="10.0.0.1", ipv6=True),
        "docker network create --gateway 10.0.0.1 --ipv6 n",
    ),
    (
        "bytes and a mapping's None",
        lambda d: d.container.exec("box", "env", env={"A": None}, privileged=True),
        "docker container exec --env A --privileged box env",
    ),
    (
        "docker_args as one str is one word",
        lambda d: d.container.rm("a", docker_args="--link"),
        "docker container rm --link a",
    ),
    (
        "ls with any of its options",
        lambda d: d.container.ls(last=3, no_trunc=True),
        "docker container ls --last 3 --no-trunc --format '"
        + __import__("dockwrap.container.api").container.api.LS_TEMPLATE
        + "'",
    ),
    (
        "-s in docker_args asks for the sizes' template",
        lambda d: d.container.ls(docker_args=["-as"]),
        "docker container ls -as --format '{{json .}}'",
    ),
    (
        "service create with any option",
        lambda d: d.service.create(
            "busybox",
            name="s",
            limit_memory="64m",
            mount="type=volume,source=v,target=/v",
            constraint=["node.role==manager"],
        ),
        "docker service create --detach --name s --limit-memory 64m --mount type=volume,source=v,target=/v "
        "--constraint node.role==manager busybox",
    ),
    (
        "logs with since",
        lambda d: d.container.logs("box", since="10m", details=True),
        "docker container logs --since 10m --details box",
    ),
    (
        "swarm init with any option",
        lambda d: d.swarm.init(advertise_addr="127.0.0.1", task_history_limit=2),
        "docker swarm init --advertise-addr 127.0.0.1 --task-history-limit 2",
    ),
]


@pytest.mark.parametrize("call, argv", [pytest.param(c, a, id=i) for i, c, a in ARGV])
def test_keywords_and_docker_args_reach_docker_as_written(call, argv, capsys):
    assert printed(call, capsys) == argv


def test_what_a_method_needs_is_read_from_the_final_words():
    docker = Docker(binary="docker", dry_run=True)
    # detached by a bundle in docker_args: the (dry-run) result is the name, not a finished call
    assert docker.container.run("busybox", docker_args=["-dit", "--name=web"]) == "web"
    assert docker.container.run("busybox", detach=True, docker_args=["--detach=false"]).exit_code == 0
    assert docker.service.create("busybox", docker_args=["--name", "api"]) == "api"


# (call, the keyword the error names, what else it says)
TYPE_ERRORS: list[tuple[str, Call, str, str]] = [
    (
        "unknown",
        lambda d: d.container.run("busybox", memroy="1g"),
        "memroy",
        "is not an option of docker container run; did you mean memory (--memory)?",
    ),
    ("unknown, nothing close", lambda d: d.network.ls(zzzzzz=1), "zzzzzz", "is not an option of docker network ls"),
    (
        "a flag takes a bool",
        lambda d: d.container.run("busybox", read_only="yes"),
        "read_only",
        "--read-only is a flag: give True or False, not str 'yes'",
    ),
    (
        "a value takes one value",
        lambda d: d.container.run("busybox", memory=["64m"]),
        "memory",
        "--memory takes one value (str, int or float), not list ['64m']",
    ),
    (
        "a list takes str items",
        lambda d: d.container.run("busybox", cap_add=[True]),
        "cap_add",
        "--cap-add: each item is a str or a number, not bool True",
    ),
    (
        "a list takes an iterable",
        lambda d: d.container.run("busybox", volume=5),
        "volume",
        "--volume takes a str, an iterable of str, or a dict, not int 5",
    ),
    (
        "a map's values",
        lambda d: d.network.create("n", opt={"a": [1]}),
        "opt",
        "--opt: each item is a str or a number, not list [1]",
    ),
    (
        "an option of another command",
        lambda d: d.container.ls(memory="1g"),
        "memory",
        "is not an option of docker container ls",
    ),
    (
        "call: a keyword",
        lambda d: d.call("volume create", "v", labl="a=b"),
        "labl",
        "is not an option of docker volume create; did you mean label (--label)?",
    ),
    ("call: an operand", lambda d: d.call("volume rm", 5), "operands", "must be a str"),
    ("docker_args", lambda d: d.container.rm("a", docker_args=[1]), "docker_args", "must be a str"),
]


@pytest.mark.parametrize("call, keyword, words", [pytest.param(c, k, w, id=i) for i, c, k, w in TYPE_ERRORS])
def test_a_wrong_keyword_or_value_is_a_type_error_naming_it(call, keyword, words, capsys):
    with pytest.raises(ArgumentTypeError) as raised:
        call(Docker(binary="docker", dry_run=True))
    assert isinstance(raised.value, TypeError)
    assert str(raised.value).startswith(keyword) and words in str(raised.value), str(raised.value)
    assert capsys.readouterr().out == ""  # nothing would have run


USAGE_ERRORS: list[tuple[str, Call, str]] = [
    (
        "a format of the caller's where records are read",
        lambda d: d.container.ls(format="{{.ID}}"),
        "format: container.ls() reads docker's JSON; "
        "for what `docker container ls --format` prints, use Docker().call(",
    ),
    ("quiet too", lambda d: d.network.ls(docker_args=["-q"]), "quiet: network.ls() reads docker's JSON"),
    ("inspect's format", lambda d: d.container.inspect("a", format="{{.Id}}"), "format: container.inspect()"),
    (
        "call: no such command",
        lambda d: d.call("volume lss"),
        "docker has no command 'volume lss'; did you mean 'volume ls'?",
    ),
    (
        "call: a group",
        lambda d: d.call("volume"),
        "docker volume is a group of commands: name one of create, inspect, ls",
    ),
]


@pytest.mark.parametrize("call, words", [pytest.param(c, w, id=i) for i, c, w in USAGE_ERRORS])
def test_what_a_method_cannot_read_is_a_usage_error(call, words, capsys):
    with pytest.raises(UsageError) as raised:
        call(Docker(binary="docker", dry_run=True))
    assert not isinstance(raised.value, TypeError)
    assert words in str(raised.value), str(raised.value)
    assert capsys.readouterr().out == ""


CALLS: list[tuple[str, Call, str]] = [
    (
        "any command",
        lambda d: d.call("volume create", "data", label={"a": "b"}, driver="local"),
        "docker volume create --label a=b --driver local data",
    ),
    ("a shortcut runs as its long form", lambda d: d.call("ps", all=True), "docker container ls --all"),
    (
        "a path as words",
        lambda d: d.call(("image", "history"), "busybox", no_trunc=True),
        "docker image history --no-trunc busybox",
    ),
    (
        "docker_args verbatim, dashed operands after --",
        lambda d: d.call("cp", "box:/etc/hostname", "-", docker_args=["-L"]),
        "docker container cp -L -- box:/etc/hostname -",
    ),
    (
        "call_json adds the format",
        lambda d: d.call_json("volume ls", filter="dangling=true"),
        "docker volume ls --filter dangling=true --format '{{json .}}'",
    ),
    (
        "call_json keeps the caller's format",
        lambda d: d.call_json("volume inspect", "v", format="{{json .Labels}}"),
        "docker volume inspect --format '{{json .Labels}}' v",
    ),
]


@pytest.mark.parametrize("call, argv", [pytest.param(c, a, id=i) for i, c, a in CALLS])
def test_call_runs_any_command_checked_by_the_table(call, argv, capsys):
    assert printed(call, capsys) == argv


def replaying(tmp_path: Path, fixture: str) -> Docker:
    """A Docker whose binary prints a recorded output (and records its argv)."""
    path = tmp_path / "docker"
    path.write_text(f'#!/bin/sh\necho "$@" > {tmp_path}/argv\ncat {FIXTURES / fixture}\n')
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return Docker(binary=str(path))


@pytest.mark.parametrize("client", ["28.2.2", "20.10.24"])
def test_call_json_reads_an_inspect_array_with_snake_case_keys(client, tmp_path):
    objects = replaying(tmp_path, f"{client}/volume-inspect.txt").call_json("volume inspect", "a", "b")
    raw = json.loads((FIXTURES / client / "volume-inspect.txt").read_text())
    assert [o["name"] for o in objects] == [o["Name"] for o in raw]
    assert set(objects[0]) == {"created_at", "driver", "labels", "mountpoint", "name", "options", "scope"}
    assert objects[0]["labels"] == raw[0]["Labels"]  # label keys are data: unchanged
    assert (tmp_path / "argv").read_text() == "volume inspect --format {{json .}} a b\n"


@pytest.mark.parametrize("client", ["28.2.2", "20.10.24"])
def test_call_json_reads_json_lines(client, tmp_path):
    objects = replaying(tmp_path, f"{client}/volume-ls.txt").call_json("volume ls")
    lines = (FIXTURES / client / "volume-ls.txt").read_text().splitlines()
    assert len(objects) == len(lines) and all("mountpoint" in o and "Mountpoint" not in o for o in objects)


def test_call_json_of_container_inspect_keeps_network_names_and_labels(tmp_path):
    (details,) = replaying(tmp_path, "28.2.2/container-inspect.txt").call_json("container inspect", "x")[:1]
    raw = json.loads((FIXTURES / "28.2.2" / "container-inspect.txt").read_text())[0]
    assert set(details["network_settings"]["networks"]) == set(raw["NetworkSettings"]["Networks"])
    assert details["config"]["labels"] == raw["Config"]["Labels"]
    assert details["host_config"]["network_mode"] == raw["HostConfig"]["NetworkMode"]


def test_the_split_of_a_twenty_word_run_line_costs_microseconds():
    """Each call splits its option words once (dockwrap.verbs); a run line of 20 words must stay
    far below a millisecond (the figure is in the report; this guards against a slip)."""
    import timeit

    from dockwrap.surface.split import split

    words = [
        "container",
        "run",
        "-d",
        "--name",
        "web",
        "-p",
        "8080:80",
        "-e",
        "A=1",
        "-e",
        "B=2",
        "-v",
        "data:/data",
        "--restart",
        "unless-stopped",
        "-m",
        "64m",
        "--cap-add",
        "NET_ADMIN",
        "--read-only",
    ]
    split(words)
    seconds = min(timeit.repeat(lambda: split(words), number=200, repeat=5)) / 200
    assert seconds < 0.001, f"{seconds * 1e6:.0f} µs"
