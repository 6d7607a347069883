"""What the tests of the everyday verbs (issue 17) share: labelled objects and the one-line
failure check."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping

from tests.harness import docker_cli


def label_words(labels: Mapping[str, str], option: str = "--label") -> list[str]:
    return [word for key, value in labels.items() for word in (option, f"{key}={value}")]


def case_filter(labels: Mapping[str, str]) -> str:
    """The filter that selects what this test made, and only that."""
    return f"label=dockwrap.test.case={labels['dockwrap.test.case']}"


def one_error_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    """The CLI failed with STATUS and said so in one `dockwrap: error:` line holding WORDS (a hint
    line may follow); that line."""
    assert result.returncode == status, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if not line.startswith(("+ ", "hint: "))]
    assert len(lines) == 1 and lines[0].startswith("dockwrap: error: "), result.stderr
    for word in words:
        assert word in lines[0], (word, lines[0])
    assert "Traceback" not in result.stderr
    return lines[0]


def sleeper(name: str, labels: Mapping[str, str], *options: str, command: tuple[str, ...] = ("sleep", "300")) -> str:
    """A running busybox container (with --init, so that it stops at once); its name."""
    done = docker_cli(
        "run",
        "-d",
        "--init",
        "--pull",
        "never",
        "--name",
        name,
        *label_words(labels),
        *options,
        "busybox:latest",
        *command,
    )
    assert done.returncode == 0, done.stderr
    return name
