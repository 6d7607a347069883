"""`explain` of real docker command lines: the roles and the findings.

The lines (explain_cases.py) are docker's documentation examples (docker/cli
docs/reference/commandline/*.md at v28.2.2, as `$ docker ...` prompts there), the docker calls of
dockwrap's lessons (examples/*.sh under -x) and learners' mistakes. Docker's own descriptions and
verdicts, compared with the installed docker: test_explain_docker.py.
"""

from __future__ import annotations

import pytest

from dockwrap.explain import explain
from dockwrap.explain.records import Explanation

from .explain_cases import CASES


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


@pytest.mark.parametrize(
    "line", ["docker ps -h", "docker run --help", "docker --help", "docker network connect --help"]
)
def test_help_runs_nothing_and_needs_no_operand(line):
    explanation = explain(line, describe=False)
    assert explanation.findings == ()
    [piece] = [piece for piece in explanation.pieces if piece.name == "--help"]
    assert piece.note == "docker prints the help and runs nothing"
