"""`explain` of real docker command lines: the roles, the findings, and docker's own descriptions.

The lines are docker's documentation examples (docker/cli docs/reference/commandline/*.md at
v28.2.2, as `$ docker ...` prompts there), the docker calls of dockwrap's lessons (examples/*.sh
under -x) and learners' mistakes. The descriptions are compared with what the installed docker
prints for `--help`, engine-free.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

import pytest

from dockwrap import surface
from dockwrap.explain import explain
from dockwrap.explain.records import Explanation

# line | canonical command | pieces after the command: options as "--long" or "--long=value" (globals
# prefixed "G "), operands as "NAME:word", "env NAME" | finding codes, in order
CASES = [
    # docker docs: container_run.md, container_ls.md, network_*.md, service_create.md, image_*.md, ...
    ("$ docker run --name test -d nginx:alpine", "container run", "--name=test --detach IMAGE:nginx:alpine", ""),
    (
        "$ docker run --name test --net mynet -d nginx:alpine",
        "container run",
        "--name=test --net=mynet --detach IMAGE:nginx:alpine",
        "legacy-option",
    ),
    (
        '$ docker run --cidfile /tmp/docker_test.cid ubuntu echo "test"',
        "container run",
        "--cidfile=/tmp/docker_test.cid IMAGE:ubuntu COMMAND:echo ARG:test",
        "latest-tag",
    ),
    (
        "$ docker run -t -i --rm ubuntu bash",
        "container run",
        "--tty --interactive --rm IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run -w /path/to/dir/ ubuntu pwd",
        "container run",
        "--workdir=/path/to/dir/ IMAGE:ubuntu COMMAND:pwd",
        "latest-tag",
    ),
    (
        "$ docker run -d --tmpfs /run:rw,noexec,nosuid,size=65536k my_image",
        "container run",
        "--detach --tmpfs=/run:rw,noexec,nosuid,size=65536k IMAGE:my_image",
        "latest-tag",
    ),
    (
        "$ docker run --read-only -v /icanwrite busybox touch /icanwrite/here",
        "container run",
        "--read-only --volume=/icanwrite IMAGE:busybox COMMAND:touch ARG:/icanwrite/here",
        "latest-tag",
    ),
    (
        "$ docker run -t -i --mount type=bind,src=/data,dst=/data busybox sh",
        "container run",
        "--tty --interactive --mount=type=bind,src=/data,dst=/data IMAGE:busybox COMMAND:sh",
        "latest-tag",
    ),
    (
        "$ docker run -p 127.0.0.1:80:8080/tcp nginx:alpine",
        "container run",
        "--publish=127.0.0.1:80:8080/tcp IMAGE:nginx:alpine",
        "",
    ),
    ("$ docker run -P nginx:alpine", "container run", "--publish-all IMAGE:nginx:alpine", "all-interfaces"),
    ("$ docker run --pull=never hello-world", "container run", "--pull=never IMAGE:hello-world", "latest-tag"),
    (
        "$ docker run -e MYVAR1 --env MYVAR2=foo --env-file ./env.list ubuntu bash",
        "container run",
        "--env=MYVAR1 --env=MYVAR2=foo --env-file=./env.list IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run --env VAR1=value1 --env VAR2=value2 ubuntu env | grep VAR",
        "container run",
        "--env=VAR1=value1 --env=VAR2=value2 IMAGE:ubuntu COMMAND:env",
        "latest-tag",
    ),
    (
        "$ docker run -l my-label --label com.example.foo=bar ubuntu bash",
        "container run",
        "--label=my-label --label=com.example.foo=bar IMAGE:ubuntu COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker run -itd --network=my-net --ip=192.0.2.69 busybox",
        "container run",
        "--interactive --tty --detach --network=my-net --ip=192.0.2.69 IMAGE:busybox",
        "latest-tag",
    ),
    (
        "$ docker run -d -p 80:80 my_image nginx -g 'daemon off;'",
        "container run",
        "--detach --publish=80:80 IMAGE:my_image COMMAND:nginx ARG:-g ARG:daemon off;",
        "all-interfaces latest-tag",
    ),
    (
        "$ docker run --device=/dev/sda:/dev/xvdc --rm -it ubuntu fdisk  /dev/xvdc",
        "container run",
        "--device=/dev/sda:/dev/xvdc --rm --interactive --tty IMAGE:ubuntu COMMAND:fdisk ARG:/dev/xvdc",
        "latest-tag",
    ),
    (
        "$ docker run -a stdin -a stdout -i -t ubuntu /bin/bash",
        "container run",
        "--attach=stdin --attach=stdout --interactive --tty IMAGE:ubuntu COMMAND:/bin/bash",
        "latest-tag",
    ),
    (
        "$ docker run --restart=on-failure:10 redis",
        "container run",
        "--restart=on-failure:10 IMAGE:redis",
        "latest-tag",
    ),
    (
        '$ docker run --ulimit nofile=1024:1024 --rm debian sh -c "ulimit -n"',
        "container run",
        "--ulimit=nofile=1024:1024 --rm IMAGE:debian COMMAND:sh ARG:-c ARG:ulimit -n",
        "latest-tag",
    ),
    (
        "$ docker run --security-opt label=level:s0:c100,c200 -it fedora bash",
        "container run",
        "--security-opt=label=level:s0:c100,c200 --interactive --tty IMAGE:fedora COMMAND:bash",
        "latest-tag",
    ),
    (
        "$ docker create --name test alpine:latest top",
        "container create",
        "--name=test IMAGE:alpine:latest COMMAND:top",
        "latest-tag",
    ),
    ("$ docker ps -a --filter 'exited=0'", "container ls", "--all --filter=exited=0", ""),
    (
        "$ docker container ls --format '{{.ID}}: {{.Command}}' --no-trunc",
        "container ls",
        "--format={{.ID}}: {{.Command}} --no-trunc",
        "",
    ),
    (
        "$ docker network create --subnet 172.20.0.0/16 --ip-range 172.20.240.0/20 multi-host-network",
        "network create",
        "--subnet=172.20.0.0/16 --ip-range=172.20.240.0/20 NETWORK:multi-host-network",
        "",
    ),
    (
        "$ docker network connect --alias db --alias mysql multi-host-network container2",
        "network connect",
        "--alias=db --alias=mysql NETWORK:multi-host-network CONTAINER:container2",
        "",
    ),
    ("$ docker network ls --filter driver=bridge", "network ls", "--filter=driver=bridge", ""),
    (
        '$ docker inspect -f "{{ .State.StartedAt }}" my-container',
        "inspect",
        "--format={{ .State.StartedAt }} NAME|ID:my-container",
        "",
    ),
    (
        "$ docker service create --name redis --hostname myredis redis:7.4.1",
        "service create",
        "--name=redis --hostname=myredis IMAGE:redis:7.4.1",
        "",
    ),
    (
        "$ docker service create --limit-memory=4GB --name=too-big nginx:alpine",
        "service create",
        "--limit-memory=4GB --name=too-big IMAGE:nginx:alpine",
        "",
    ),
    (
        "$ docker image pull --quiet --platform=linux/riscv64 alpine",
        "image pull",
        "--quiet --platform=linux/riscv64 NAME[:TAG|@DIGEST]:alpine",
        "",
    ),
    (
        "$ docker image tag myimage registry-host:5000/myname/myimage:v1.0",
        "image tag",
        "SOURCE_IMAGE[:TAG]:myimage TARGET_IMAGE[:TAG]:registry-host:5000/myname/myimage:v1.0",
        "",
    ),
    (
        '$ docker images --filter "label=com.example.version=0.1"',
        "image ls",
        "--filter=label=com.example.version=0.1",
        "",
    ),
    (
        '$ docker container prune --force --filter "until=2017-01-04T13:10:00"',
        "container prune",
        "--force --filter=until=2017-01-04T13:10:00",
        "",
    ),
    (
        "$ docker cp CONTAINER:/var/logs/ /tmp/app_logs",
        "container cp",
        "CONTAINER:SRC_PATH:CONTAINER:/var/logs/ DEST_PATH|-:/tmp/app_logs",
        "",
    ),
    (
        "$ docker cp ./some_file CONTAINER:/work",
        "container cp",
        "SRC_PATH|-:./some_file CONTAINER:DEST_PATH:CONTAINER:/work",
        "",
    ),
    (
        "$ docker update --cpu-shares 512 abebf7571666",
        "container update",
        "--cpu-shares=512 CONTAINER:abebf7571666",
        "",
    ),
    ("$ docker rm --force redis", "container rm", "--force CONTAINER:redis", ""),
    ("$ docker logs -f --until=2s test", "container logs", "--follow --until=2s CONTAINER:test", ""),
    # the lessons (examples/*.sh), as -x shows the docker calls they make
    (
        "docker container run --detach --init --name web --label dockwrap.example=02 --publish 127.0.0.1:0:80 "
        "--pull never busybox:latest sh -c 'exec httpd -f -p 80'",
        "container run",
        "--detach --init --name=web --label=dockwrap.example=02 --publish=127.0.0.1:0:80 --pull=never "
        "IMAGE:busybox:latest COMMAND:sh ARG:-c ARG:exec httpd -f -p 80",
        "latest-tag",
    ),
    ("docker container port web", "container port", "CONTAINER:web", ""),
    (
        "docker container exec -e GREETING=hello -w /tmp box sh -c 'cat note'",
        "container exec",
        "--env=GREETING=hello --workdir=/tmp CONTAINER:box COMMAND:sh ARG:-c ARG:cat note",
        "",
    ),
    ("docker container exec -i box sh", "container exec", "--interactive CONTAINER:box COMMAND:sh", ""),
    (
        "docker container stats --no-stream --format '{{json .}}' box",
        "container stats",
        "--no-stream --format={{json .}} CONTAINER:box",
        "",
    ),
    ("docker network connect --alias db net b", "network connect", "--alias=db NETWORK:net CONTAINER:b", ""),
    (
        "docker container exec a ping -c 1 -W 1 b",
        "container exec",
        "CONTAINER:a COMMAND:ping ARG:-c ARG:1 ARG:-W ARG:1 ARG:b",
        "",
    ),
    # mistakes: after the image, unknown option and command, missing value and operand, -t alone, -p, --link
    (
        "docker run nginx -d -p 8080:80",
        "container run",
        "IMAGE:nginx COMMAND:-d ARG:-p ARG:8080:80",
        "latest-tag after-image",
    ),
    ("docker exec web -it sh", "container exec", "CONTAINER:web COMMAND:-it ARG:sh", "after-container"),
    ("docker ps --formatt '{{.Names}}'", "container ls", "--formatt ?:{{.Names}}", "unknown-option"),
    ("docker imags ls", None, "?:ls", "unknown-command"),
    ("docker run --name", "container run", "--name", "missing-value missing-operand"),
    ("docker network connect net", "network connect", "NETWORK:net", "missing-operand"),
    (
        "docker run -t busybox:1.36 sh",
        "container run",
        "--tty IMAGE:busybox:1.36 COMMAND:sh",
        "tty-without-interactive",
    ),
    ("docker run -p 80:70000 busybox:1.36", "container run", "--publish=80:70000 IMAGE:busybox:1.36", "bad-publish"),
    (
        "docker run --link db:db --net-alias web busybox:1.36",
        "container run",
        "--link=db:db --net-alias=web IMAGE:busybox:1.36",
        "legacy-link legacy-option",
    ),
    (
        "docker run -e DB_PASSWORD=hunter2 busybox:1.36",
        "container run",
        "--env=DB_PASSWORD=hunter2 IMAGE:busybox:1.36",
        "secret-in-argv",
    ),
    ("DOCKER_HOST=ssh://me@box docker -D ps", "container ls", "env DOCKER_HOST G --debug", ""),
    ("docker --context prod stop -t 5 web", "container stop", "G --context=prod --timeout=5 CONTAINER:web", ""),
    ("docker network", "network", "", "group"),
    ("docker stop --time 5 web", "container stop", "--time=5 CONTAINER:web", "deprecated-option"),
]


def pieces_of(explanation: Explanation) -> str:
    shown = []
    for piece in explanation.pieces:
        if piece.role == "command":
            continue
        if piece.role == "environment":
            shown.append(f"env {piece.name}")
        elif piece.role == "operand":
            shown.append(f"{piece.name or '?'}:{piece.words[0]}")
        else:
            name = piece.name or piece.spelling
            prefix = "G " if piece.role == "global-option" else ""
            shown.append(prefix + (name if piece.value is None else f"{name}={piece.value}"))
    return " ".join(shown)


@pytest.mark.parametrize("line, command, pieces, codes", CASES, ids=[case[0][:60] for case in CASES])
def test_roles_and_findings(line, command, pieces, codes):
    explanation = explain(line, describe=False)
    assert explanation.status == "explained"
    assert explanation.command == command
    assert pieces_of(explanation) == pieces
    assert [finding.code for finding in explanation.findings] == codes.split()


def test_there_are_thirty_real_lines_and_more():
    real = [case for case in CASES if case[0].startswith("$ ") or case[0].startswith("docker container")]
    assert len(real) >= 30 and len(CASES) >= 55


@pytest.mark.parametrize(
    "line, command, note",
    [
        (
            "docker ps",
            "container ls",
            "short for docker container ls (also: docker container list, docker container ps)",
        ),
        ("docker container ls", "container ls", "also written: docker container list, docker container ps, docker ps"),
        ("docker container list", "container ls", "= docker container ls (also: docker container ps, docker ps)"),
        ("docker images", "image ls", "short for docker image ls (also: docker image list)"),
        ("docker rmi x", "image rm", "short for docker image rm (also: docker image remove, docker image rmi)"),
        ("docker container remove x", "container rm", "= docker container rm (also: docker rm)"),
        ("docker exec a b", "container exec", "short for docker container exec"),
        ("docker network remove n", "network rm", "= docker network rm"),
    ],
)
def test_aliases_name_the_canonical_command(line, command, note):
    explanation = explain(line, describe=False)
    piece = explanation.pieces[0]
    assert (explanation.command, piece.role, piece.name, piece.note) == (command, "command", command, note)


def test_after_the_image_suggests_the_line_docker_means():
    explanation = explain("docker -D run --rm nginx -d -p 8080:80 --name web", describe=False)
    after = next(finding for finding in explanation.findings if finding.code == "after-image")
    assert after.suggestion == "docker -D run --rm -d -p 8080:80 --name web nginx"
    assert after.message.startswith("-d -p 8080:80 --name web after the image nginx goes to the container")


def test_an_image_that_takes_its_own_flags_is_not_a_mistake():
    # --config.file is no option of docker run: the image's entrypoint gets it, as meant
    explanation = explain("docker run prom/prometheus:v2.53.0 --config.file=/etc/p.yml", describe=False)
    assert explanation.findings == ()


def test_publish_notes_say_where_the_port_is():
    notes = [
        piece.note
        for piece in explain(
            "docker run -p 8080:80 -p 127.0.0.1::53/udp -p 9000-9001:90-91 -p [::1]:81:80 busybox:1", describe=False
        ).pieces
        if piece.name == "--publish"
    ]
    assert notes == [
        "host port 8080 on every interface (0.0.0.0 and ::) -> container port 80/tcp",
        "a free host port on 127.0.0.1 -> container port 53/udp",
        "host port 9000-9001 on every interface (0.0.0.0 and ::) -> container port 90-91/tcp",
        "host port 81 on ::1 -> container port 80/tcp",
    ]


def test_image_references():
    from dockwrap.explain.checks import image_note

    assert image_note("nginx")[1:] == (None, "nginx")
    assert image_note("busybox:1.36") == (
        "busybox, tag 1.36, from Docker Hub (docker.io/library/busybox)",
        "1.36",
        "busybox",
    )
    assert "from the registry localhost:5000" in image_note("localhost:5000/app:2")[0]
    assert "from Docker Hub (docker.io/bitnami/redis)" in image_note("bitnami/redis:7")[0]
    assert "pinned by its digest sha256:ab" in image_note("alpine@sha256:ab")[0]


def test_expansions_are_explained_as_written_with_a_note():
    explanation = explain('docker rm -f $(docker ps -aq) "$NAME"', describe=False)
    assert [piece.words[0] for piece in explanation.pieces if piece.role == "operand"] == ["$(docker ps -aq)", "$NAME"]
    assert explanation.findings[-1].code == "shell-expansion"


# -- docker's own descriptions -------------------------------------------------------------------

DOCKER = shutil.which("docker")
NO_ENGINE = dict(os.environ, DOCKER_HOST="unix:///nonexistent/dockwrap-tests/docker.sock")


@functools.cache
def docker_help(path: tuple[str, ...]) -> str:
    out = subprocess.run([DOCKER or "docker", *path, "--help"], capture_output=True, text=True, env=NO_ENGINE)
    return " ".join(out.stdout.split())


@pytest.mark.skipif(DOCKER is None, reason="no docker client on PATH")
@pytest.mark.parametrize("line", [case[0] for case in CASES if case[1]] + ["docker -H unix:///x.sock --tls ps"])
def test_descriptions_are_the_installed_dockers(line):
    explanation = explain(line)
    pages = {(): docker_help(())}
    described = 0
    for piece in explanation.pieces:
        path = () if piece.role == "global-option" else tuple(explanation.command.split())
        page = pages.setdefault(path, docker_help(path))
        if piece.role == "command":
            assert piece.description and piece.description in page
            described += 1
        elif piece.role in ("option", "global-option") and piece.description:
            # the option's line of `docker PATH --help`, its description after it, as docker prints them
            assert f"{piece.name} " in page and piece.description in page.split(piece.name, 1)[1]
            described += 1
        elif piece.role == "option" and piece.name and not surface.find_option(path, piece.name).hidden:
            pytest.fail(f"{piece.name} has no description, and docker's --help lists it")
    assert described >= 1


@pytest.mark.parametrize(
    "text",
    [
        "$ docker ps",
        "+ docker container ls",
        "sudo docker ps",
        "DOCKER_CONTEXT=prod docker ps",
        "/usr/local/bin/docker ps",
        "if docker ps; then",
        "time docker ps",
        "! docker ps",
    ],
)
def test_what_may_come_before_docker(text):
    from dockwrap.explain import explain_script

    explained = [line for line in explain_script(text, describe=False) if line.status == "explained"]
    assert [line.command for line in explained] == ["container ls"]


def test_other_commands_are_skipped():
    from dockwrap.explain import explain_script

    lines = explain_script("dockwrap ps\necho docker ps\ndocker-compose up\n", describe=False)
    assert [line.status for line in lines] == ["skipped"] * 3


# -- missing operands: docker's own verdict -------------------------------------------------------


@pytest.mark.skipif(DOCKER is None, reason="no docker client on PATH")
@pytest.mark.parametrize(
    "argv",
    [
        ["run"],
        ["run", "busybox"],
        ["exec", "box"],
        ["exec", "box", "sh"],
        ["network", "connect", "net"],
        ["network", "connect", "net", "box"],
        ["rm"],
        ["rm", "a", "b"],
        ["logs"],
        ["image", "tag", "a"],
        ["cp", "a"],
        ["cp", "a:/x", "/tmp/y"],
        ["ps"],
        ["network", "create"],
        ["volume", "create"],
        ["service", "scale"],
        ["container", "top"],
        ["container", "top", "box", "-o", "pid"],
        ["swarm", "join"],
        ["node", "update"],
    ],
)
def test_a_missing_operand_is_what_docker_refuses(argv, tmp_path):
    env = {**NO_ENGINE, "DOCKER_CONFIG": str(tmp_path / "config"), "HOME": str(tmp_path)}
    out = subprocess.run(
        [DOCKER or "docker", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )
    refused = "requires" in out.stderr and "argument" in out.stderr
    missing = "missing-operand" in [finding.code for finding in explain(argv, describe=False).findings]
    assert missing == refused, out.stderr


@pytest.mark.parametrize(
    "line", ["docker ps -h", "docker run --help", "docker --help", "docker network connect --help"]
)
def test_help_runs_nothing_and_needs_no_operand(line):
    explanation = explain(line, describe=False)
    assert explanation.findings == ()
    [piece] = [piece for piece in explanation.pieces if piece.name == "--help"]
    assert piece.note == "docker prints the help and runs nothing"
