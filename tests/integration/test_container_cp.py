"""`cp` on the real engine (issue 17): a directory of binary files, modes and a symbolic link goes
into a container and back identical, through paths, through tar streams (`-`) and through the
CLI; the failures are one line each."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from dockwrap import DockerCommandFailed, NoSuchContainer
from dockwrap.errors import NoSuchPath
from tests.harness import docker_cli, dockwrap
from tests.integration.everyday import one_error_line, sleeper

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]


def make_tree(root: Path) -> Path:
    root.mkdir()
    (root / "all-bytes.bin").write_bytes(bytes(range(256)) * 300 + os.urandom(70_000))
    (root / "secret").write_bytes(b"\x00\xff only mine\r\n")
    (root / "secret").chmod(0o600)
    (root / "run.sh").write_text("#!/bin/sh\necho hi\n")
    (root / "run.sh").chmod(0o755)
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "sub").chmod(0o750)
    (root / "sub" / "deeper" / "caf\u00e9 name.txt").write_text("accents and spaces\n")
    (root / "empty-dir").mkdir()
    (root / "link").symlink_to("all-bytes.bin")
    (root / "sub" / "dangling").symlink_to("../nowhere")
    return root


def tree(root: Path) -> dict[str, tuple]:
    """Every entry under ROOT: its kind, mode, and content or link target."""
    found: dict[str, tuple] = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        key = str(path.relative_to(root))
        if stat.S_ISLNK(info.st_mode):
            found[key] = ("link", os.readlink(path))
        elif stat.S_ISDIR(info.st_mode):
            found[key] = ("dir", stat.S_IMODE(info.st_mode))
        else:
            found[key] = ("file", stat.S_IMODE(info.st_mode), path.read_bytes())
    return found


@pytest.fixture
def box(names, labels):
    return sleeper(names("box"), labels)


def test_a_directory_goes_in_and_comes_back_identical(docker, box, tmp_path):
    source = make_tree(tmp_path / "source")
    assert docker.container.cp(source, (box, "/tmp/copy")).exit_code == 0
    listing = docker_cli("exec", box, "ls", "-l", "/tmp/copy").stdout
    assert "-rw-------" in listing and "link -> all-bytes.bin" in listing
    back = tmp_path / "back"
    docker.container.cp(f"{box}:/tmp/copy", str(back))
    assert tree(back) == tree(source)


def test_tar_streams_both_ways(docker, box, tmp_path):
    source = make_tree(tmp_path / "source")
    docker.container.cp(str(source), (box, "/tmp/copy"))
    archive = docker.container.cp((box, "/tmp/copy"), "-").stdout  # a tar of the directory, on stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(tmp_path / "untarred", filter="tar")
    assert tree(tmp_path / "untarred" / "copy") == tree(source)
    docker_cli("exec", box, "mkdir", "/tmp/from-tar")
    docker.container.cp("-", (box, "/tmp/from-tar"), input=archive)  # and one read from stdin
    docker.container.cp((box, "/tmp/from-tar/copy"), str(tmp_path / "again"))
    assert tree(tmp_path / "again") == tree(source)


def test_the_cli_copies_both_ways_and_streams_byte_for_byte(box, tmp_path):
    source = make_tree(tmp_path / "source")
    into = dockwrap("-x", "cp", str(source), f"{box}:/tmp/cli")
    assert into.returncode == 0 and into.stdout == "", into.stderr
    assert into.stderr.startswith("+ ") and f"container cp {source} {box}:/tmp/cli" in into.stderr
    assert dockwrap("container", "cp", f"{box}:/tmp/cli", str(tmp_path / "back")).returncode == 0
    assert tree(tmp_path / "back") == tree(source)
    ours = subprocess.run(
        [sys.executable, "-m", "dockwrap", "cp", f"{box}:/tmp/cli/all-bytes.bin", "-"], capture_output=True, timeout=60
    )
    theirs = subprocess.run(["docker", "cp", f"{box}:/tmp/cli/all-bytes.bin", "-"], capture_output=True, timeout=60)
    assert ours.returncode == 0 and ours.stdout == theirs.stdout
    piped = subprocess.run(
        [sys.executable, "-m", "dockwrap", "cp", "-", f"{box}:/tmp"],
        input=theirs.stdout,
        capture_output=True,
        timeout=60,
    )
    assert piped.returncode == 0, piped.stderr
    sums = docker_cli("exec", box, "md5sum", "/tmp/all-bytes.bin", "/tmp/cli/all-bytes.bin").stdout.split()
    assert sums[0] == sums[2]


def test_failures_are_one_line(docker, box, names, tmp_path):
    missing = names("gone")
    with pytest.raises(DockerCommandFailed) as info:
        docker.container.cp((missing, "/etc/hostname"), str(tmp_path / "x"))
    assert isinstance(info.value, (NoSuchContainer, NoSuchPath))  # 20.10: `No such container:path` for both
    with pytest.raises(NoSuchPath):
        docker.container.cp((box, "/no/such/file"), str(tmp_path / "x"))
    one_error_line(dockwrap("cp", f"{box}:/no/such/file", str(tmp_path / "x")), 1, "/no/such/file")
    one_error_line(dockwrap("cp", str(tmp_path / "not-here"), f"{box}:/tmp"), 1, "not-here")
    one_error_line(dockwrap("cp", f"{missing}:/etc/hostname", str(tmp_path / "x")), 1, missing)
    assert not (tmp_path / "x").exists()
