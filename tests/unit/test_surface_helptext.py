"""docker's `--help` pages, both clients (dockwrap/surface/helptext.py on tests/fixtures/help/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dockwrap.surface import Operand
from dockwrap.surface.helptext import HelpOption, parse_help, parse_usage

HELP = Path(__file__).resolve().parents[1] / "fixtures" / "help"
CLIENTS = ("28.2.2", "20.10.24")


def page(client: str, name: str):
    return parse_help((HELP / client / f"{name}.txt").read_text())


@pytest.mark.parametrize("client", CLIENTS)
def test_every_recorded_page_parses_and_names_its_own_command(client):
    files = sorted((HELP / client).glob("*.txt"))
    assert len(files) > 180
    for path in files:
        parsed = parse_help(path.read_text())
        assert parsed.path == (() if path.stem == "_root" else tuple(path.stem.split("_"))), path
        assert parsed.usages and parsed.summary, path
        assert all(option.long and " " not in option.long for option in parsed.options), path


@pytest.mark.parametrize(
    "client, summary",
    [
        ("28.2.2", "Create and run a new container from an image"),
        ("20.10.24", "Run a command in a new container"),
    ],
)
def test_run_page(client, summary):
    run = page(client, "container_run")
    assert run.path == ("container", "run") and run.takes_options and not run.is_group
    assert run.summary == summary
    image, command, arg = Operand("IMAGE", True, False), Operand("COMMAND", False, False), Operand("ARG", False, True)
    assert run.usages == ((image, command, arg),)
    assert run.option("-p") == run.option("--publish") == run.option("publish")
    publish = run.option("-p")
    assert publish is not None and (publish.long, publish.short, publish.type_word) == ("publish", "p", "list")
    assert publish.spellings == ("--publish", "-p")
    assert run.option("--detach").type_word is None  # no word: a boolean
    assert run.option("--sig-proxy").default == "true"
    assert run.option("--memory").type_word == "bytes" and run.option("--cpus").type_word == "decimal"
    assert run.option("--ulimit").default == "[]" and run.option("--sysctl").default == "map[]"
    assert run.option("--memory-swappiness").default == "-1"
    assert run.option("--net") is None  # hidden: docker does not print it


def test_description_joins_its_continuation_lines_and_keeps_the_default_apart():
    run = page("28.2.2", "container_run")
    pull = run.option("--pull")
    text = 'Pull image before running ("always", "missing", "never")'
    assert pull == HelpOption("pull", None, "string", '"missing"', text)
    cgroupns = run.option("--cgroupns")
    assert cgroupns.default is None and cgroupns.description.endswith("option on the daemon (default)")
    assert run.option("--health-interval").default == "0s"


def test_a_booleans_parenthesised_text_is_not_a_default():
    listing = page("28.2.2", "container_ls")
    assert listing.option("-a").default is None
    assert listing.option("-a").description == "Show all containers (default shows just running)"
    assert listing.option("-n").default == "-1"


def test_markers_docker_prints():
    run = page("28.2.2", "container_run")
    assert run.option("--cpu-count").markers == ("windows-only",)
    assert page("28.2.2", "image_ls").option("--tree").markers == ("experimental",)
    assert page("28.2.2", "manifest_create").experimental and not run.experimental


def test_aliases_both_forms_become_full_paths():
    # 28.x prints full spellings, the top-level shortcut included
    assert page("28.2.2", "container_ls").spellings == (
        ("container", "ls"),
        ("container", "list"),
        ("container", "ps"),
        ("ps",),
    )
    assert page("28.2.2", "ps").spellings[0] == ("container", "ls")
    # 20.10 prints names relative to the group, and nothing on the shortcut
    assert page("20.10.24", "container_ls").spellings == (
        ("container", "ls"),
        ("container", "ps"),
        ("container", "list"),
    )
    assert page("20.10.24", "ps").spellings == ()


@pytest.mark.parametrize(
    "client, first_section, global_options",
    [
        ("28.2.2", "Common Commands", True),
        ("20.10.24", "Management Commands", True),
    ],
)
def test_root_page(client, first_section, global_options):
    root = page(client, "_root")
    assert root.path == () and root.is_group and root.usages == ((Operand("COMMAND", True, False),),)
    assert root.subcommands[0].section == first_section
    names = {sub.name for sub in root.subcommands}
    assert {"container", "run", "ps", "network", "service", "volume"} <= names
    assert [option.long for option in root.options][:3] == ["config", "context", "debug"]
    assert root.option("-H").type_word == "list"


def test_swarm_commands_section_on_28():
    sections = {sub.name: sub.section for sub in page("28.2.2", "_root").subcommands}
    assert sections["service"] == "Swarm Commands" and sections["image"] == "Management Commands"
    assert sections["attach"] == "Commands"
    assert sections.get("completion") is None  # hidden on 28.x


def test_group_page_lists_its_verbs():
    group = page("28.2.2", "container")
    assert group.is_group and group.usages == ((Operand("COMMAND", True, False),),)
    assert [sub.name for sub in group.subcommands][:3] == ["attach", "commit", "cp"]
    assert not group.options
    trust = page("28.2.2", "trust")
    assert {sub.section for sub in trust.subcommands} == {"Management Commands", "Commands"}


def test_two_usage_lines():
    cp = page("28.2.2", "container_cp")
    assert cp.usages == (
        (Operand("CONTAINER:SRC_PATH", True, False), Operand("DEST_PATH|-", True, False)),
        (Operand("SRC_PATH|-", True, False), Operand("CONTAINER:DEST_PATH", True, False)),
    )


@pytest.mark.parametrize(
    "line, path, options, operands",
    [
        (
            "docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]",
            ("container", "run"),
            True,
            [("IMAGE", 1, 0), ("COMMAND", 0, 0), ("ARG", 0, 1)],
        ),
        (
            "docker container rm [OPTIONS] CONTAINER [CONTAINER...]",
            ("container", "rm"),
            True,
            [("CONTAINER", 1, 0), ("CONTAINER", 0, 1)],
        ),
        ("docker image build [OPTIONS] PATH | URL | -", ("image", "build"), True, [("PATH | URL | -", 1, 0)]),
        (
            "docker container top CONTAINER [ps OPTIONS]",
            ("container", "top"),
            False,
            [("CONTAINER", 1, 0), ("ps OPTIONS", 0, 0)],
        ),
        (
            "docker trust signer add OPTIONS NAME REPOSITORY [REPOSITORY...]",
            ("trust", "signer", "add"),
            True,
            [("NAME", 1, 0), ("REPOSITORY", 1, 0), ("REPOSITORY", 0, 1)],
        ),
        (
            "docker image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]",
            ("image", "tag"),
            False,
            [("SOURCE_IMAGE[:TAG]", 1, 0), ("TARGET_IMAGE[:TAG]", 1, 0)],
        ),
        ("docker image pull [OPTIONS] NAME[:TAG|@DIGEST]", ("image", "pull"), True, [("NAME[:TAG|@DIGEST]", 1, 0)]),
        ("docker help [command]", ("help",), False, [("command", 0, 0)]),
        ("docker node demote NODE [NODE...]", ("node", "demote"), False, [("NODE", 1, 0), ("NODE", 0, 1)]),
        (
            "docker swarm join-token [OPTIONS] (worker|manager)",
            ("swarm", "join-token"),
            True,
            [("(worker|manager)", 1, 0)],
        ),
        ("docker container ls [OPTIONS]", ("container", "ls"), True, []),
        ("docker", (), False, []),
    ],
)
def test_usage_lines(line, path, options, operands):
    expected = tuple(Operand(name, bool(required), bool(variadic)) for name, required, variadic in operands)
    assert parse_usage(line) == (path, options, expected)


@pytest.mark.parametrize("text", ["", "Usage:", "no usage here\n", "Usage:  podman run\n"])
def test_not_a_help_page(text):
    with pytest.raises(ValueError):
        parse_help(text)
