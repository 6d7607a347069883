"""Runner.watch (a call whose stdout is read as it comes: pull, push, build), a call's environment
and the line -x and --dry-run print for it, without an engine: the stand-in docker reports what it
was given (its terminal, its environment), it never plays docker (tests/fakes/README.md)."""

from __future__ import annotations

import os
import time

import pytest

from dockwrap import DockerCommandFailed
from dockwrap.display import shell_line
from dockwrap.runner import Runner
from tests.reliability.helpers import fake_docker


def test_watch_gives_stdout_as_it_comes_and_keeps_it_whole(tmp_path):
    binary = fake_docker(tmp_path, "echo one; sleep 0.3; echo two; echo on-stderr >&2\n")
    seen: list[tuple[float, bytes]] = []
    done = Runner(binary=binary).watch(["image", "pull", "x"], lambda chunk: seen.append((time.monotonic(), chunk)))
    assert (done.exit_code, done.stdout, done.stderr) == (0, b"one\ntwo\n", b"on-stderr\n")
    assert b"".join(chunk for _, chunk in seen) == b"one\ntwo\n"
    assert len(seen) == 2 and seen[1][0] - seen[0][0] > 0.2  # the first line came before docker ended


def test_watch_on_a_terminal_of_a_given_size(tmp_path):
    binary = fake_docker(tmp_path, "[ -t 1 ] && echo tty; stty size <&1; [ -t 2 ] || echo 'stderr: a pipe' >&2\n")
    done = Runner(binary=binary).watch(["image", "pull", "x"], lambda chunk: None, terminal=(132, 40))
    assert done.stdout == b"tty\n40 132\n"  # docker's own bytes: the user's terminal adds its \r
    assert done.stderr == b"stderr: a pipe\n"


def test_watch_failing_raises_the_classified_error_with_both_outputs(tmp_path):
    binary = fake_docker(
        tmp_path,
        "echo 'Step 1/1 : RUN false'; echo \"The command '/bin/sh -c false' returned a "
        'non-zero code: 1" >&2; exit 1\n',
    )
    with pytest.raises(DockerCommandFailed) as info:
        Runner(binary=binary).watch(["image", "build", "."], lambda chunk: None)
    assert type(info.value).__name__ == "BuildFailed"
    assert info.value.stdout == "Step 1/1 : RUN false\n" and info.value.exit_status == 1


def test_watch_passes_input_and_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("DWT_GONE", "must-not-reach-docker")
    binary = fake_docker(tmp_path, 'cat; echo "gone=${DWT_GONE-unset} set=$DWT_SET"\n')
    done = Runner(binary=binary).watch(
        ["login"], lambda chunk: None, input=b"from-stdin\n", env={"DWT_GONE": None, "DWT_SET": "0"}
    )
    assert done.stdout == b"from-stdin\ngone=unset set=0\n"
    ran = Runner(binary=binary).run(["login"], input=b"", env={"DWT_GONE": None})
    assert ran.out == "gone=unset set=\n"


def test_watch_under_dry_run_prints_and_runs_nothing(tmp_path, capsys):
    marker = tmp_path / "ran"
    binary = fake_docker(tmp_path, f"touch {marker}\n")
    Runner(binary=binary, dry_run=True).watch(["image", "build", "."], lambda chunk: None, env={"DOCKER_BUILDKIT": "0"})
    assert capsys.readouterr().out == f"DOCKER_BUILDKIT=0 {binary} image build .\n"
    assert not marker.exists()


def test_the_printed_line_says_what_the_environment_and_stdin_are(tmp_path, capsys):
    binary = fake_docker(tmp_path, "cat >/dev/null\n")
    Runner(binary=binary, explain=True).run(
        ["login", "-u", "me", "--password-stdin", "r:5000"],
        input=b"secret-value\n",
        env={"DWT_PW": None},
        stdin_from="DWT_PW",
    )
    err = capsys.readouterr().err
    assert err == f"+ printf '%s\\n' \"$DWT_PW\" | env -u DWT_PW {binary} login -u me --password-stdin r:5000\n"
    assert "secret-value" not in err


def test_a_watched_build_says_which_variable_its_stdin_is(tmp_path, capsys):
    from dockwrap import Docker

    binary = fake_docker(tmp_path, "exit 99\n")
    Docker(binary=binary, dry_run=True).image.build("-", input=b"FROM scratch\n", input_from="dw_dockerfile")
    assert capsys.readouterr().out == (
        f"printf '%s\\n' \"$dw_dockerfile\" | DOCKER_BUILDKIT=0 {binary} image build --force-rm -- -\n"
    )


def test_shell_line_runs_as_printed(tmp_path):
    import subprocess

    line = shell_line(["sh", "-c", 'cat; echo "A=$A B=$B C=${C-unset}"'], {"A": "x y", "B": "'", "C": None}, "DWT_IN")
    done = subprocess.run(
        ["bash", "-c", line], capture_output=True, text=True, env=dict(os.environ, DWT_IN="piped", C="there")
    )
    assert done.stdout == "piped\nA=x y B=' C=unset\n"
    assert shell_line(["d"], {"API_TOKEN": "abc"}) == "API_TOKEN='***' d"  # a secret's value never shows
