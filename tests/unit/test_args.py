"""dockwrap/args.py: `operands` puts user-given names after a `--` only when one starts with `-`
(docker would read it as a flag); every printed command is unchanged otherwise."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from dockwrap import Docker
from dockwrap.args import operands


def test_plain_names_are_left_as_they_are():
    assert operands(["web", "db"]) == ["web", "db"]
    assert operands([]) == []
    assert operands(["a-b", "a--b", "x-"]) == ["a-b", "a--b", "x-"]  # a dash inside is no flag


@pytest.mark.parametrize("names", [["-x"], ["web", "-x"], ["--rm"], ["-"], ["--"]])
def test_a_leading_dash_puts_all_names_after_a_double_dash(names):
    assert operands(names) == ["--", *names]


def test_the_list_given_is_not_changed():
    names = ["-x"]
    operands(names)
    assert names == ["-x"]


def printed(call: Callable[[Docker], Any], capsys: pytest.CaptureFixture[str]) -> str:
    call(Docker(binary="docker", dry_run=True))
    return capsys.readouterr().out.strip()


# (call, printed with the plain name "web", printed with the name "-web")
VERBS = [
    (
        lambda d, n: d.container.inspect([n, "db"]),
        "docker container inspect {n} db",
        "docker container inspect -- {n} db",
    ),
    (
        lambda d, n: d.container.rm(n, force=True),
        "docker container rm --force {n}",
        "docker container rm --force -- {n}",
    ),
    (lambda d, n: d.container.stop(n, time=1), "docker container stop -t 1 {n}", "docker container stop -t 1 -- {n}"),
    (lambda d, n: d.container.start(n), "docker container start {n}", "docker container start -- {n}"),
    (lambda d, n: d.container.top(n, ["-ef"]), "docker container top {n} -ef", "docker container top -- {n} -ef"),
    (lambda d, n: d.container.port(n), "docker container port {n}", "docker container port -- {n}"),
    (
        lambda d, n: d.container.logs(n, tail=5),
        "docker container logs --tail 5 {n}",
        "docker container logs --tail 5 -- {n}",
    ),
    (
        lambda d, n: d.container.exec(n, ["ls", "-l"]),
        "docker container exec {n} ls -l",
        "docker container exec -- {n} ls -l",
    ),
    (
        lambda d, n: d.container.stats(n),
        "docker container stats --no-stream --format '{{{{json .}}}}' {n}",
        "docker container stats --no-stream --format '{{{{json .}}}}' -- {n}",
    ),
    (
        lambda d, n: d.container.run("busybox", ["true"], name=n, detach=True),
        "docker container run --detach --name {n} busybox true",
        "docker container run --detach --name {n} busybox true",
    ),
    (lambda d, n: d.network.create(n), "docker network create {n}", "docker network create -- {n}"),
    (
        lambda d, n: d.network.connect(n, "box", aliases=["a"]),
        "docker network connect --alias a {n} box",
        "docker network connect --alias a -- {n} box",
    ),
    (
        lambda d, n: d.network.disconnect("net", n),
        "docker network disconnect net {n}",
        "docker network disconnect -- net {n}",
    ),
    (lambda d, n: d.network.inspect(n), "docker network inspect {n}", "docker network inspect -- {n}"),
    (lambda d, n: d.network.rm([n]), "docker network rm {n}", "docker network rm -- {n}"),
    (lambda d, n: d.service.rm(n), "docker service rm {n}", "docker service rm -- {n}"),
    (lambda d, n: d.service.inspect(n), "docker service inspect {n}", "docker service inspect -- {n}"),
    (
        lambda d, n: d.service.scale(n, 2),
        "docker service scale --detach {n}=2",
        "docker service scale --detach -- {n}=2",
    ),
    (lambda d, n: d.service.logs(n), "docker service logs {n}", "docker service logs -- {n}"),
    (
        lambda d, n: d.service.ps(n),
        "docker service ps --format '{{{{json .}}}}' {n}",
        "docker service ps --format '{{{{json .}}}}' -- {n}",
    ),
]


@pytest.mark.parametrize("call, plain, dashed", VERBS)
def test_verbs_print_plain_names_unchanged_and_dashed_ones_after_double_dash(call, plain, dashed, capsys):
    assert printed(lambda d: call(d, "web"), capsys) == plain.format(n="web")
    assert printed(lambda d: call(d, "-web"), capsys) == dashed.format(n="-web")


def test_a_dashed_image_goes_after_double_dash(capsys):
    # docker then says "invalid reference format" instead of reading the image as a flag
    assert printed(lambda d: d.container.run("-img", ["true"]), capsys) == "docker container run -- -img true"
    assert printed(lambda d: d.container.run("busybox", ["-x"]), capsys) == "docker container run busybox -x"
