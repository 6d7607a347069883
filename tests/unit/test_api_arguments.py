"""Every public method of the Python API checks its arguments before any docker call (README,
"Python API"; dockwrap/args.py): a wrong type is an ArgumentTypeError (a TypeError and a
UsageError) naming the parameter, a value docker would not take a UsageError (a ValueError); one
str where a list is expected is one item; a mapping gives KEY=VALUE items. Run under
Docker(dry_run=True): what would run is what is printed, and nothing runs."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from dockwrap import ArgumentTypeError, Docker, DockwrapError, UsageError

Call = Callable[[Docker], Any]


def dry() -> Docker:
    return Docker(binary="docker", dry_run=True)


def printed(call: Call, capsys: pytest.CaptureFixture[str]) -> str:
    call(dry())
    return capsys.readouterr().out.strip()


# (call with one argument of the wrong type, the parameter the error must name)
WRONG_TYPES: list[tuple[str, Call, str]] = [
    ("container.ls all", lambda d: d.container.ls(all="yes"), "all"),
    ("container.ls filters", lambda d: d.container.ls(filters=5), "filters"),
    ("container.inspect None", lambda d: d.container.inspect(None), "names"),
    ("container.inspect [None]", lambda d: d.container.inspect([None]), "names"),
    ("container.top", lambda d: d.container.top(5), "name"),
    ("container.top ps_args", lambda d: d.container.top("a", [1]), "ps_args"),
    ("container.port", lambda d: d.container.port(None), "name"),
    ("container.stats", lambda d: d.container.stats(5), "names"),
    ("container.stats all", lambda d: d.container.stats(all=1), "all"),
    ("container.stats_stream", lambda d: next(iter(d.container.stats_stream(5)), None), "names"),
    ("container.run image", lambda d: d.container.run(None), "image"),
    ("container.run command", lambda d: d.container.run("busybox", 5), "command"),
    ("container.run name", lambda d: d.container.run("busybox", name=5), "name"),
    ("container.run env", lambda d: d.container.run("busybox", env=5), "env"),
    ("container.run env value", lambda d: d.container.run("busybox", env={"A": [1]}), "env"),
    ("container.run labels", lambda d: d.container.run("busybox", labels=5), "labels"),
    ("container.run remove", lambda d: d.container.run("busybox", remove="no"), "remove"),
    ("container.run detach", lambda d: d.container.run("busybox", detach=1), "detach"),
    ("container.run publish", lambda d: d.container.run("busybox", publish=80), "publish"),
    ("container.run workdir", lambda d: d.container.run("busybox", workdir=1), "workdir"),
    ("container.run pull", lambda d: d.container.run("busybox", pull=True), "pull"),
    ("container.run output", lambda d: d.container.run("busybox", output=1), "output"),
    ("container.exec name", lambda d: d.container.exec(None, ["ls"]), "name"),
    ("container.exec command", lambda d: d.container.exec("a", None), "command"),
    ("container.exec env", lambda d: d.container.exec("a", ["ls"], env=1), "env"),
    ("container.exec user", lambda d: d.container.exec("a", ["ls"], user=0), "user"),
    ("container.exec input", lambda d: d.container.exec("a", ["ls"], input="text"), "input"),
    ("container.start", lambda d: d.container.start(None), "names"),
    ("container.start attach", lambda d: d.container.start("a", attach="yes"), "attach"),
    ("container.stop time", lambda d: d.container.stop("a", time="5"), "time"),
    ("container.rm force", lambda d: d.container.rm("a", force=None), "force"),
    ("container.logs name", lambda d: d.container.logs(None), "name"),
    ("container.logs tail", lambda d: d.container.logs("a", tail="5"), "tail"),
    ("container.logs follow", lambda d: d.container.logs("a", follow="no"), "follow"),
    ("network.ls", lambda d: d.network.ls(filters=1), "filters"),
    ("network.create", lambda d: d.network.create(5), "name"),
    ("network.create driver", lambda d: d.network.create("n", driver=5), "driver"),
    ("network.create internal", lambda d: d.network.create("n", internal="yes"), "internal"),
    ("network.connect", lambda d: d.network.connect("n", None), "container"),
    ("network.connect aliases", lambda d: d.network.connect("n", "c", aliases=5), "aliases"),
    ("network.disconnect", lambda d: d.network.disconnect(5, "c"), "network"),
    ("network.inspect", lambda d: d.network.inspect(None), "names"),
    ("network.rm", lambda d: d.network.rm(None), "names"),
    ("image.ls", lambda d: d.image.ls(all="all"), "all"),
    ("image.ls reference", lambda d: d.image.ls(reference=5), "reference"),
    ("image.repo_digests", lambda d: d.image.repo_digests(None), "reference"),
    ("swarm.init", lambda d: d.swarm.init(advertise_addr=5), "advertise_addr"),
    ("swarm.leave", lambda d: d.swarm.leave(force="yes"), "force"),
    ("node.ls", lambda d: d.node.ls(filters=5), "filters"),
    ("service.create image", lambda d: d.service.create(None, name="s"), "image"),
    ("service.create name", lambda d: d.service.create("busybox", name=5), "name"),
    ("service.create replicas", lambda d: d.service.create("busybox", name="s", replicas="2"), "replicas"),
    ("service.create network", lambda d: d.service.create("busybox", name="s", network=5), "network"),
    ("service.create detach", lambda d: d.service.create("busybox", name="s", detach="no"), "detach"),
    ("service.ls", lambda d: d.service.ls(filters=5), "filters"),
    ("service.ps", lambda d: d.service.ps(None), "names"),
    ("service.scale", lambda d: d.service.scale(None, 1), "name"),
    ("service.inspect", lambda d: d.service.inspect(None), "names"),
    ("service.rm", lambda d: d.service.rm(None), "names"),
    ("service.logs", lambda d: d.service.logs(None), "name"),
    ("service.wait_converged timeout", lambda d: d.service.wait_converged("s", timeout="9"), "timeout"),
    ("service.wait_converged on_progress", lambda d: d.service.wait_converged("s", on_progress=5), "on_progress"),
    ("system.context_host", lambda d: d.system.context_host(None), "name"),
    ("Docker host", lambda d: Docker(host=5), "host"),
    ("Docker context", lambda d: Docker(context=b"x" and 1), "context"),
    ("Docker binary", lambda d: Docker(binary=["docker"]), "binary"),
    ("Docker timeout", lambda d: Docker(timeout="x"), "timeout"),
    ("Docker explain", lambda d: Docker(explain="yes"), "explain"),
    ("Docker dry_run", lambda d: Docker(dry_run=None), "dry_run"),
]


@pytest.mark.parametrize("call, parameter", [pytest.param(c, p, id=i) for i, c, p in WRONG_TYPES])
def test_a_wrong_type_is_an_argument_type_error_naming_the_parameter(call, parameter, capsys):
    with pytest.raises(ArgumentTypeError) as info:
        call(dry())
    assert isinstance(info.value, TypeError) and isinstance(info.value, UsageError)
    assert str(info.value).startswith(parameter), str(info.value)
    assert info.value.exit_code == 2
    assert capsys.readouterr().out == ""  # nothing would have run


# (call with a value docker would not take, the parameter named)
BAD_VALUES: list[tuple[str, Call, str]] = [
    ("container.inspect []", lambda d: d.container.inspect([]), "container"),
    ("container.inspect ['']", lambda d: d.container.inspect([""]), "names"),
    ("container.run image ''", lambda d: d.container.run(""), "image"),
    ("container.run pull", lambda d: d.container.run("busybox", pull="sometimes"), "pull"),
    ("container.run output", lambda d: d.container.run("busybox", output="screen"), "output"),
    ("container.exec []", lambda d: d.container.exec("a", []), "exec"),
    ("network.create ''", lambda d: d.network.create(""), "name"),
    ("service.create mode", lambda d: d.service.create("busybox", name="s", mode="both"), "mode"),
    ("service.create replicas", lambda d: d.service.create("busybox", name="s", replicas=-1), "replicas"),
    ("service.scale", lambda d: d.service.scale("a=b", 1), "not a service name"),
    ("service.wait_converged nan", lambda d: d.service.wait_converged("s", timeout=math.nan), "timeout"),
    ("service.wait_converged -1", lambda d: d.service.wait_converged("s", interval=-1), "interval"),
    ("service.wait_converged inf", lambda d: d.service.wait_converged("s", interval=math.inf), "interval"),
    ("Docker timeout nan", lambda d: Docker(timeout=math.nan), "timeout"),
    ("Docker timeout -1", lambda d: Docker(timeout=-1), "timeout"),
    ("Docker context and host", lambda d: Docker(context="a", host="unix:///b"), "--context"),
    ("NUL in an argument", lambda d: d.container.run("busybox", ["echo", "a\0b"]), "an argument"),
]


@pytest.mark.parametrize("call, words", [pytest.param(c, w, id=i) for i, c, w in BAD_VALUES])
def test_a_bad_value_is_a_usage_error(call, words, capsys):
    with pytest.raises(UsageError) as info:
        call(dry())
    assert isinstance(info.value, ValueError) and isinstance(info.value, DockwrapError)
    assert not isinstance(info.value, TypeError)
    assert words in str(info.value), str(info.value)
    assert capsys.readouterr().out == ""


# (call, the argv printed): a str where a list goes is one item, a mapping gives KEY=VALUE items
SHAPES: list[tuple[str, Call, str]] = [
    ("publish str", lambda d: d.container.run("busybox", publish="80"), "docker container run --publish 80 busybox"),
    (
        "env mapping",
        lambda d: d.container.run("busybox", env={"A": "1", "B": None, "C": 2}),
        "docker container run --env A=1 --env B --env C=2 busybox",
    ),
    ("env str", lambda d: d.container.exec("a", "ls", env="A=1"), "docker container exec --env A=1 a ls"),
    ("labels mapping", lambda d: d.network.create("n", labels={"k": "v w"}), "docker network create --label 'k=v w' n"),
    ("command str", lambda d: d.container.run("busybox", "echo hi"), "docker container run busybox 'echo hi'"),
    (
        "filters str",
        lambda d: d.network.ls(filters="name=x"),
        "docker network ls --filter name=x --format '{{json .}}'",
    ),
    (
        "filters mapping",
        lambda d: d.container.stats("a b"),
        "docker container stats --no-stream --format '{{json .}}' 'a b'",
    ),
    ("aliases str", lambda d: d.network.connect("n", "c", aliases="web"), "docker network connect --alias web n c"),
    (
        "network str",
        lambda d: d.service.create("busybox", name="s", network="net"),
        "docker service create --detach --name s --network net busybox",
    ),
    (
        "container labels mapping",
        lambda d: d.service.create("busybox", name="s", container_labels={"a": "b"}),
        "docker service create --detach --name s --container-label a=b busybox",
    ),
    ("ps_args str", lambda d: d.container.top("a", "aux"), "docker container top a aux"),
    (
        "bytes",
        lambda d: d.container.run(b"busybox", [b"echo", b"caf\xe9"]),
        "docker container run busybox echo $'caf\\xe9'",
    ),
]


@pytest.mark.parametrize("call, argv", [pytest.param(c, a, id=i) for i, c, a in SHAPES])
def test_lists_and_mappings_take_the_shapes_people_write(call, argv, capsys):
    assert printed(call, capsys) == argv


@pytest.mark.parametrize(
    "timeout, kept", [(None, None), (0, None), (math.inf, None), (1e308, None), (2.5, 2.5), (3, 3.0)]
)
def test_timeouts_of_no_limit(timeout, kept):
    """inf (and anything beyond what a timer can wait) means no limit, as 0 does (before: a thread
    traceback, and the call ran without one)."""
    assert Docker(timeout=timeout).runner.timeout == kept
