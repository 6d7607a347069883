"""What docker or a container wrote, in a dockwrap table (RELIABILITY.md, section 10): a command
with a line break and an escape sequence, a network name with both, a label value with both and a
very long one. The table shows them written out as Go writes them (docker's own table does so for
the command, and prints names raw, which lets them move the cursor and fake rows): no escape
character reaches the terminal, every row is one line, the command cell is docker's own."""

from __future__ import annotations

import pytest

from tests.harness import docker_cli, dockwrap

pytestmark = [pytest.mark.docker, pytest.mark.timeout(60)]

EVIL = "\x1b[2J\x1b[31mred\nFAKE ROW\r\x07"


def remove_networks(labels: dict[str, str]) -> None:
    """By ID: a name with a line break cannot be named to docker."""
    ids = docker_cli(
        "network", "ls", "-q", "--filter", f"label=dockwrap.test.case={labels['dockwrap.test.case']}"
    ).stdout.split()
    if ids:
        docker_cli("network", "rm", *ids)


def label_args(labels: dict[str, str]) -> list[str]:
    return [part for key, value in labels.items() for part in ("--label", f"{key}={value}")]


def test_container_table_shows_a_command_as_docker_does(names, labels):
    name = names("evil")
    assert (
        docker_cli(
            "container",
            "create",
            "--pull",
            "never",
            *label_args(labels),
            "--label",
            f"evil={EVIL}",
            "--label",
            "long=" + "x" * 65536,
            "--name",
            name,
            "busybox:latest",
            "sh",
            "-c",
            f"echo a\n{EVIL}",
        ).returncode
        == 0
    )
    selector = f"label=dockwrap.test.case={labels['dockwrap.test.case']}"
    ours = dockwrap("ps", "-a", "--filter", selector)
    assert ours.returncode == 0, ours.stderr
    assert "\x1b" not in ours.stdout and "\r" not in ours.stdout and "\x07" not in ours.stdout
    lines = ours.stdout.splitlines()
    assert len(lines) == 2 and lines[1].endswith(name)  # the header and one row
    theirs = docker_cli("ps", "-a", "--filter", selector, "--format", "{{.Command}}").stdout.strip()
    assert theirs.startswith("\"sh -c 'echo a\\n\\x1b[2J") and theirs in lines[1]
    # the JSON keeps the text itself, for programs (JSON escapes it)
    import json

    (row,) = json.loads(dockwrap("ps", "-a", "--filter", selector, "--json").stdout)
    assert row["labels"]["evil"] == EVIL and row["labels"]["long"] == "x" * 65536


def test_network_table_shows_a_name_written_out(names, labels):
    base = names("net")
    name = base + EVIL
    try:
        assert docker_cli("network", "create", *label_args(labels), name).returncode == 0
        ours = dockwrap("network", "ls", "--filter", f"label=dockwrap.test.case={labels['dockwrap.test.case']}")
        assert ours.returncode == 0, ours.stderr
        assert "\x1b" not in ours.stdout and "\r" not in ours.stdout
        lines = ours.stdout.splitlines()
        assert len(lines) == 2
        assert base + "\\x1b[2J\\x1b[31mred\\nFAKE ROW\\r\\a" in lines[1]
    finally:
        remove_networks(labels)


def test_an_error_quoting_a_name_shows_it_written_out():
    """docker's message quotes the name it did not find: its escape sequences must not reach the
    terminal through `dockwrap: error:` either."""
    result = dockwrap("container", "inspect", "dwt-\x1b[2J\x1b[31mnone")
    assert result.returncode == 1
    assert "\x1b" not in result.stderr
    assert result.stderr.splitlines()[0].endswith("No such container: dwt-\\x1b[2J\\x1b[31mnone")
