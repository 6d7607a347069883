"""Reading shell text into simple commands and their words (dockwrap/explain/shell.py).

The words are compared with what bash passes for the same text (`printf '%s\\n'` in place of the
command), so the reader is held to the real shell, not to our idea of it.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from dockwrap.explain.shell import commands


def words(text: str) -> list[tuple[str, ...]]:
    return [command.words for command in commands(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("docker run -d busybox || true  # start it\n", [("docker", "run", "-d", "busybox"), ("true",)]),
        ("docker run \\\n   -p 80:80 \\\n   nginx\n", [("docker", "run", "-p", "80:80", "nginx")]),
        ("docker logs web 2>&1 | grep x >/dev/null", [("docker", "logs", "web"), ("grep", "x")]),
        ("docker run &>log x; a && b & c", [("docker", "run", "x"), ("a",), ("b",), ("c",)]),
        ("echo a 2 > f", [("echo", "a", "2")]),
        (
            'docker run --name "$WEB" busybox sh -c \'echo "$(hostname)"\'',
            [("docker", "run", "--name", "$WEB", "busybox", "sh", "-c", 'echo "$(hostname)"')],
        ),
        ("docker rm -f $(docker ps -aq) ; echo done", [("docker", "rm", "-f", "$(docker ps -aq)"), ("echo", "done")]),
        (
            "cat <<'EOF' | docker run -i busybox sh\necho hi\n  docker ps\nEOF\ndocker ps",
            [("cat",), ("docker", "run", "-i", "busybox", "sh"), ("docker", "ps")],
        ),
        ('docker inspect -f "{{ .State.StartedAt }}" c', [("docker", "inspect", "-f", "{{ .State.StartedAt }}", "c")]),
        ("# only a comment\n\n   \n", []),
        ("docker run a#b '' \"\" x\\ y", [("docker", "run", "a#b", "", "", "x y")]),
        ("(cd /tmp && docker ps)", [("cd", "/tmp"), ("docker", "ps")]),
        ('docker run -v "$(pwd)":/src busybox', [("docker", "run", "-v", "$(pwd):/src", "busybox")]),
        # the end of the text in the middle of something
        ("docker ps <", [("docker", "ps")]),
        ("echo $", [("echo", "$")]),
        ("docker run 'a", [("docker", "run", "'a")]),
        ("docker rm $(docker ps", [("docker", "rm", "$(docker ps")]),
        ("cat <<", [("cat",)]),
    ],
)
def test_commands_and_words(text, expected):
    assert words(text) == expected


def test_lines_and_text_as_written():
    found = commands("set -e\n\ndocker run \\\n  --rm busybox \\\n  echo hi  # and a comment\ndocker ps | cat\n")
    assert [(command.line, command.text) for command in found] == [
        (1, "set -e"),
        (3, "docker run --rm busybox echo hi"),
        (6, "docker ps"),
        (6, "cat"),
    ]


def test_expansions_are_listed():
    found = commands("docker run --name \"$NAME\" -e 'HOME=$HOME' -v `pwd`:/w ${IMAGE:-busybox} echo $((1+1))")[0]
    assert found.expansions == ("$NAME", "`pwd`:/w", "${IMAGE:-busybox}", "$((1+1))")


@pytest.mark.skipif(shutil.which("bash") is None, reason="no bash")
@pytest.mark.parametrize(
    "text",
    [
        "docker run --name 'a b' -e \"X=1 2\" busybox sh -c 'echo \"hi there\"'",
        "docker run -l a=b\\ c --label=\"d='e'\" busybox",
        "docker inspect --format '{{json .NetworkSettings}}' x",
        "docker run busybox printf '%s\\n' a\\\\b 'c\\d'",
        'docker run -e A= -e "" busybox',
    ],
)
def test_words_are_the_ones_bash_passes(text):
    # the same text with `docker` replaced by printf: bash prints each word it would pass
    script = text.replace("docker", "printf '[%s]\\n'", 1)
    out = subprocess.run(["bash", "-c", script], capture_output=True, text=True).stdout
    assert [f"[{word}]" for word in words(text)[0][1:]] == out.splitlines()
