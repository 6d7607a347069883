"""`-p` values as docker reads them (dockwrap/parse/ports.py parse_publish, parse_service_publish).

The installed docker client is the judge: with DOCKER_HOST a socket that does not exist, it
refuses a value it cannot read before it tries the engine ("invalid containerPort: abc"), and
fails on the engine ("Cannot connect to the Docker daemon") for a value it accepted. Nothing
reaches an engine.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from dockwrap.parse.ports import PublishSpec, parse_publish, parse_service_publish

SPECS = [
    "8080:80",
    "80",
    "127.0.0.1::80",
    "[::1]:8080:80",
    "8080-8081:80-81",
    "0.0.0.0:80:80",
    "8080-8090:80",
    "1.2.3.4:8080-8081:80-81/udp",
    "80/udp",
    "80/UDP",
    "80/sctp",
    "80-81",
    ":80",
    "0:80",
    "65535:80",
    "08080:080",
    "80-81-82",
    "[1.2.3.4]:80:80",
    "80/",
    "published=8080,target=80",
    "target=80",
    "published=8080,target=80,protocol=udp,mode=host",
    "mode=host,target=80",
    # refused
    "abc",
    "",
    "8080-8082:80-81",
    "1.2.3:80:80",
    "80/xyz",
    "70000:80",
    "65536:80",
    "80-70000",
    "localhost:80:80",
    "+80",
    "[::1:80:80",
    "fe80::1%eth0:80:80",
    "01.2.3.4:80:80",
    "/tcp",
    "81-80",
    "published=8080",
    "x=1,y",
    "a=b",
    "published=80,target=x",
    "=80",
    "8080:",
    "mode=x,target=80",
    "foo=1,target=80",
]
DOCKER = shutil.which("docker")
NO_ENGINE = dict(os.environ, DOCKER_HOST="unix:///nonexistent/dockwrap-tests/docker.sock")


def docker_accepts(argv: list[str]) -> bool:
    out = subprocess.run(
        [DOCKER or "docker", *argv], capture_output=True, text=True, env=NO_ENGINE, stdin=subprocess.DEVNULL, timeout=30
    )
    assert out.returncode != 0
    return "Cannot connect to the Docker daemon" in out.stderr


def ours(parse, spec: str) -> bool:
    try:
        parse(spec)
    except ValueError:
        return False
    return True


@pytest.mark.skipif(DOCKER is None, reason="no docker client on PATH")
@pytest.mark.parametrize("spec", SPECS)
def test_run_reads_p_as_docker_does(spec):
    assert ours(parse_publish, spec) == docker_accepts(["run", "--pull", "never", "-p", spec, "busybox"])


@pytest.mark.skipif(DOCKER is None, reason="no docker client on PATH")
@pytest.mark.parametrize("spec", SPECS)
def test_service_create_reads_p_as_docker_does(spec):
    argv = ["service", "create", "--no-resolve-image", "-p", spec, "busybox"]
    assert ours(parse_service_publish, spec) == docker_accepts(argv)


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("8080:80", PublishSpec(None, (8080, 8080), (80, 80))),
        ("127.0.0.1::53/UDP", PublishSpec("127.0.0.1", None, (53, 53), "udp")),
        ("[::1]:8000-8001:80-81", PublishSpec("::1", (8000, 8001), (80, 81))),
        ("8000-8010:80", PublishSpec(None, (8000, 8010), (80, 80))),
        ("published=8080,target=80,protocol=udp", PublishSpec(None, (8080, 8080), (80, 80), "udp")),
    ],
)
def test_parse_publish(spec, expected):
    assert parse_publish(spec) == expected


def test_messages_are_dockers():
    with pytest.raises(ValueError, match="^invalid containerPort: abc$"):
        parse_publish("abc")
    with pytest.raises(
        ValueError, match="^invalid ranges specified for container and host Ports: 80-81 and 8080-8082$"
    ):
        parse_publish("8080-8082:80-81")
    with pytest.raises(ValueError, match="^hostip is not supported$"):
        parse_service_publish("127.0.0.1:80:80")


@pytest.mark.parametrize(
    "spec, text",
    [
        ("8080:80", "host port 8080 on every interface (0.0.0.0 and ::) -> container port 80/tcp"),
        ("127.0.0.1::80", "a free host port on 127.0.0.1 -> container port 80/tcp"),
        ("8000-8010:80", "a free host port in 8000-8010 on every interface (0.0.0.0 and ::) -> container port 80/tcp"),
    ],
)
def test_a_spec_says_where_it_publishes(spec, text):
    assert str(parse_publish(spec)) == text


def test_a_service_spec_says_where_it_publishes():
    assert str(parse_service_publish("8080:80")) == "port 8080 of every swarm node -> 80/tcp in each task"
    assert (
        str(parse_service_publish("target=80,mode=host"))
        == "a free port of the node running each task -> 80/tcp in each task"
    )


@pytest.mark.skipif(DOCKER is None, reason="no docker client on PATH")
@pytest.mark.parametrize(
    "spec, local",
    [
        ("8080:80", "127.0.0.1:8080:80"),
        ("80", "127.0.0.1::80"),
        ("53:53/udp", "127.0.0.1:53:53/udp"),
        ("9000-9001:90-91", "127.0.0.1:9000-9001:90-91"),
        ("published=8080,target=80", "127.0.0.1:8080:80"),
    ],
)
def test_the_loopback_spelling_explain_suggests_is_one_docker_takes(spec, local):
    assert parse_publish(spec).on("127.0.0.1") == local
    assert parse_publish(local).host_ip == "127.0.0.1"
    assert docker_accepts(["run", "--pull", "never", "-p", local, "busybox"])
    assert parse_publish("8080:80").on("::1") == "[::1]:8080:80"
