"""`explain` against the installed docker, engine-free: its descriptions are what docker prints
for `--help`, and a missing operand is what docker itself refuses. The lines: explain_cases.py.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess

import pytest

from dockwrap import surface
from dockwrap.explain import explain

from .explain_cases import CASES

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
