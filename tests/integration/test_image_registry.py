"""pull, push, login and logout against the real local registries (tests/registry.py): the digest
round trip, progress on a pipe and on a terminal, each failure's class, status and one line, and
the password kept out of every command line, environment, `-x`, `--dry-run` and error text.

Logins write to a DOCKER_CONFIG of the test's own: the user's docker configuration is not touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from dockwrap.errors import LoginFailed, NoSuchTag, NotLoggedIn, RegistryUnreachable
from tests.harness import DOCKER, docker_cli, dockwrap, free_port, run_in_terminal
from tests.integration.image_fixtures import images_fixture  # noqa: F401  (the fixture `images`)

pytestmark = [pytest.mark.docker, pytest.mark.registry, pytest.mark.timeout(180)]


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """A docker client configuration of this test's own (credentials stored there, then gone)."""
    directory = tmp_path / "docker-config"
    directory.mkdir()
    monkeypatch.setenv("DOCKER_CONFIG", str(directory))
    return {"DOCKER_CONFIG": str(directory)}


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("dockwrap: error:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def pushed_image(images, registry, hint: str) -> tuple[str, str]:
    """An image of this test tagged for the registry, with a layer of its own (a pull downloads
    it once the image is removed): (that reference, its ID)."""
    tag, built = images.build(f"RUN echo {images.case.id}-{hint} > /made", hint=hint)
    reference = registry.ref(tag.split(":")[0])
    assert docker_cli("tag", tag, reference).returncode == 0
    assert docker_cli("image", "rm", tag).returncode == 0  # the registry's name alone: rm it, and it is gone
    images.record(reference)
    return reference, built


def test_push_then_rm_then_pull_gives_the_same_digest_and_image(docker, images, registry):
    reference, built = pushed_image(images, registry, "roundtrip")
    events: list = []
    pushed = docker.image.push(reference, progress=events.append)
    assert pushed.reference == reference and pushed.digest and pushed.digest.startswith("sha256:")
    assert any(event.layer_id for event in events)
    docker.image.rm(reference)
    pulled = docker.image.pull(reference)
    assert (pulled.digest, pulled.image_id) == (pushed.digest, built)
    assert f"{reference.rsplit(':', 1)[0]}@{pushed.digest}" in docker.image.inspect(reference)[0].repo_digests


def test_progress_on_a_pipe_is_a_few_lines_per_layer(images, registry):
    reference, _ = pushed_image(images, registry, "pipe")
    pushed = dockwrap("push", reference)
    assert pushed.returncode == 0, pushed.stderr
    assert pushed.stdout.splitlines()[0].split() == ["REFERENCE", "DIGEST", "SIZE"]
    docker_cli("image", "rm", reference)
    pulled = dockwrap("pull", reference, "--json")
    assert pulled.returncode == 0, pulled.stderr
    per_layer = Counter(line.split(":")[0] for line in pulled.stderr.splitlines() if re.match(r"[0-9a-f]{12}: ", line))
    assert per_layer and max(per_layer.values()) <= 5, pulled.stderr
    assert "MB" not in pulled.stderr and "\x1b" not in pulled.stderr and "\r" not in pulled.stderr
    assert (
        json.loads(pulled.stdout)["image_id"]
        == docker_cli("image", "inspect", "-f", "{{.Id}}", reference).stdout.strip()
    )
    quiet = dockwrap("pull", "-q", reference)
    assert (quiet.returncode, quiet.stdout.strip(), quiet.stderr) == (0, reference, "")


def test_progress_on_a_terminal_is_dockers_own(images, registry):
    reference, _ = pushed_image(images, registry, "tty")
    assert docker_cli("push", reference).returncode == 0
    docker_cli("image", "rm", reference)
    env = {**os.environ, "COLUMNS": "132", "LINES": "40"}
    status, screen = run_in_terminal([sys.executable, "-m", "dockwrap", "pull", reference], b"", prompt=b"", env=env)
    assert status == 0, screen
    assert b"Pulling from" in screen and b"\x1b[" in screen  # docker's cursor moves: it drew for a terminal
    assert b"Pull complete" in screen and reference.encode() in screen


def test_pull_of_a_missing_tag(docker, registry, case):
    reference = registry.ref(f"dwt-{case.id}-none", "missing")
    with pytest.raises(NoSuchTag) as info:
        docker.image.pull(reference)
    assert info.value.exit_code == 1
    result = dockwrap("pull", reference)
    assert result.returncode == 1 and "not found" in one_error_line(result)


def test_pull_from_a_registry_that_does_not_answer(docker, case):
    reference = f"127.0.0.1:{free_port()}/dwt-{case.id}-none:1"
    with pytest.raises(RegistryUnreachable):
        docker.image.pull(reference)
    result = dockwrap("pull", reference)
    assert result.returncode == 1 and "connection refused" in one_error_line(result)


def test_push_without_login_then_login_push_logout(docker, images, auth_registry, config):
    reference, _ = pushed_image(images, auth_registry, "auth")
    with pytest.raises(NotLoggedIn):
        docker.image.push(reference)
    result = dockwrap("push", reference, env=config)
    assert result.returncode == 1 and "basic auth credentials" in one_error_line(result)
    done = docker.registry.login(auth_registry.address, username=auth_registry.user, password=auth_registry.password)
    assert "Login Succeeded" in done.out
    assert docker.image.push(reference).digest
    assert auth_registry.address in (Path(config["DOCKER_CONFIG"]) / "config.json").read_text()
    out = dockwrap("logout", auth_registry.address, env=config)
    assert out.returncode == 0 and auth_registry.address in out.stdout
    assert auth_registry.address not in (Path(config["DOCKER_CONFIG"]) / "config.json").read_text()


def test_login_with_a_wrong_password(docker, auth_registry, config):
    wrong = f"wrong-{auth_registry.password}"
    with pytest.raises(LoginFailed) as info:
        docker.registry.login(auth_registry.address, username=auth_registry.user, password=wrong)
    assert wrong not in str(info.value) and wrong not in repr(info.value.argv)
    result = dockwrap(
        "login", "-u", auth_registry.user, "--password-stdin", auth_registry.address, env=config, input=wrong + "\n"
    )
    assert result.returncode == 1 and "401 Unauthorized" in one_error_line(result)
    assert wrong not in result.stdout + result.stderr


def test_the_password_is_in_no_command_line_while_docker_runs(auth_registry, config):
    """docker reads its stdin to the end: while we hold it open, docker runs, and every process's
    command line can be read."""
    password = auth_registry.password
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dockwrap",
            "-x",
            "login",
            "-u",
            auth_registry.user,
            "--password-stdin",
            auth_registry.address,
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **config},
    )
    seen: list[bytes] = []
    docker_line = None
    deadline = time.monotonic() + 30
    while docker_line is None and time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            try:
                words = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            seen.append(words)
            if words.split(b"\0")[0].endswith(b"docker") and b"login\0" in words:
                docker_line = words
        time.sleep(0.05)
    out, err = proc.communicate(password.encode() + b"\n", timeout=60)
    assert docker_line is not None and b"--password-stdin" in docker_line, "docker login was never seen running"
    assert proc.returncode == 0, err
    assert not [words for words in seen if password.encode() in words]
    assert password.encode() not in out + err and b"+ docker login" in err  # -x shows the call, not the password


def test_a_password_from_a_named_variable_leaves_dockers_environment(auth_registry, config, tmp_path):
    password = auth_registry.password
    trace = tmp_path / "trace"
    wrapper = tmp_path / "docker"
    real = shutil.which(DOCKER)
    assert real
    wrapper.write_text(f'#!/bin/sh\n{{ printf "%s\\n" "$*"; env; }} >> "{trace}"\nexec "{real}" "$@"\n')
    wrapper.chmod(0o755)
    env = {**config, "DWT_REGISTRY_SECRET": password}
    shown = dockwrap(
        "--dry-run",
        "login",
        "-u",
        auth_registry.user,
        "--password-env",
        "DWT_REGISTRY_SECRET",
        auth_registry.address,
        env=env,
    )
    assert shown.returncode == 0 and password not in shown.stdout + shown.stderr
    assert '"$DWT_REGISTRY_SECRET"' in shown.stdout and "--password-stdin" in shown.stdout
    done = dockwrap(
        "--docker",
        str(wrapper),
        "-x",
        "login",
        "-u",
        auth_registry.user,
        "--password-env",
        "DWT_REGISTRY_SECRET",
        auth_registry.address,
        env=env,
    )
    assert done.returncode == 0 and "Login Succeeded" in done.stdout, done.stderr
    assert password not in done.stdout + done.stderr
    recorded = trace.read_text()
    assert "login" in recorded and "--password-stdin" in recorded and password not in recorded
    # the --dry-run line runs as printed
    ran = subprocess.run(
        ["bash", "-c", shown.stdout.replace("docker ", f"{wrapper} ", 1)],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert ran.returncode == 0 and "Login Succeeded" in ran.stdout, ran.stderr


def test_a_password_on_the_command_line_is_refused_before_docker_runs(auth_registry, config):
    result = dockwrap("login", "-u", "me", "-p", "hunter2-img2", auth_registry.address, env=config)
    assert result.returncode == 2 and "hunter2-img2" not in result.stdout + result.stderr
    assert "password on the command line" in result.stderr


def test_login_on_a_terminal_asks_for_the_password(auth_registry, config):
    password = auth_registry.password
    status, screen = run_in_terminal(
        [sys.executable, "-m", "dockwrap", "login", "-u", auth_registry.user, auth_registry.address],
        password.encode() + b"\n",
        prompt=b"Password: ",
        env={**os.environ, **config},
    )
    assert status == 0 and b"Login Succeeded" in screen, screen
    assert password.encode() not in screen  # not echoed
    assert auth_registry.address in (Path(config["DOCKER_CONFIG"]) / "config.json").read_text()
