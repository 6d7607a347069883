"""The generated table (dockwrap/surface/data/) and its runtime API (dockwrap/surface/__init__.py)."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dockwrap import surface
from dockwrap.surface.helptext import parse_help

ROOT = Path(__file__).resolve().parents[2]
HELP = ROOT / "tests" / "fixtures" / "help"
DATA = ROOT / "dockwrap" / "surface" / "data"
GEN = ROOT / "scripts" / "gen-surface"
TREES = ["--from", "tests/fixtures/help/28.2.2", "--from", "tests/fixtures/help/20.10.24"]


def gen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(GEN), *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_the_checked_in_table_is_exactly_what_the_generator_makes(tmp_path):
    done = gen("build", *TREES, "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    made = sorted(path.name for path in tmp_path.glob("*.py"))
    assert made == sorted(path.name for path in DATA.glob("*.py"))
    match, mismatch, errors = filecmp.cmpfiles(DATA, tmp_path, made, shallow=False)
    assert (mismatch, errors) == ([], []), "regenerate: see docs/surface.md"


def test_the_order_of_the_trees_does_not_matter(tmp_path):
    done = gen("build", *TREES[2:], *TREES[:2], "--out", str(tmp_path))
    assert done.returncode == 0, done.stderr
    for path in DATA.glob("*.py"):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_unknown_type_word_stops_the_build_naming_the_option(tmp_path):
    tree = tmp_path / "28.2.2"
    shutil.copytree(HELP / "28.2.2", tree)
    page = tree / "network_create.txt"
    page.write_text(page.read_text().replace("--subnet strings", "--subnet cidrs  "))
    done = gen("build", "--from", str(tree), "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "gen-surface: docker 28.2.2 `network create --subnet`: unknown type word 'cidrs';"
        " classify it in scripts/surfacegen/kinds.py KINDS"
    )
    assert "Traceback" not in done.stderr and not (tmp_path / "out").exists()


def listed(client: str, name: str) -> list[str]:
    """The options `--help` prints for a command (its built-in --help left out)."""
    page = parse_help((HELP / client / f"{name}.txt").read_text())
    return [option.long for option in page.options if option.long != "help"]


@pytest.mark.parametrize(
    "command, printed, hidden",
    [
        # docker 28.2.2 without an engine prints 103 options for `container run` (and --help). Against
        # an engine it hides what that engine cannot use: with this machine's dockerd 20.10 (API 1.41)
        # that is the 4 Windows-only ones and --annotation (API 1.43), --health-start-interval (API
        # 1.44), leaving the 97 the issue counted. The table holds all 103, plus the hidden
        # spellings docker accepts and never prints.
        ("container run", 103, ["dns-opt", "net", "net-alias"]),
        ("network create", 17, []),
        ("service create", 73, []),  # 71 against dockerd 20.10: --health-start-interval, --oom-score-adj
    ],
)
def test_option_counts_equal_docker_28s(command, printed, hidden):
    found = surface.lookup(command)
    assert found is not None
    assert len(listed("28.2.2", command.replace(" ", "_"))) == printed
    assert [option.long for option in found.options if not option.hidden] == listed("28.2.2", command.replace(" ", "_"))
    assert [option.long for option in found.options if option.hidden] == hidden
    assert len(found.options) == printed + len(hidden)


def test_every_printed_option_of_both_clients_is_in_the_table():
    for client in ("28.2.2", "20.10.24"):
        for path in (HELP / client).glob("*.txt"):
            page = parse_help(path.read_text())
            held = surface.lookup(page.path) if page.path else None
            options = held.options if held else surface.GLOBAL_OPTIONS
            assert {o.long for o in page.options} - {"help"} <= {o.long for o in options}, (client, path.stem)


def test_lookup_resolves_aliases_and_shortcuts():
    assert surface.lookup(("ps",)).path == ("container", "ls")
    assert surface.lookup(("container", "list")).path == ("container", "ls")
    assert surface.lookup("container ps") is surface.lookup(("ps",))
    assert surface.lookup(("images",)).path == ("image", "ls")
    assert surface.lookup(("rmi",)).path == ("image", "rm")
    assert surface.lookup(("builder", "build")).path == ("image", "build")
    assert surface.lookup(("stack", "down")).path == ("stack", "rm")
    assert surface.lookup(("events",)).path == ("system", "events")
    assert surface.lookup(("version",)).path == ("version",)
    assert surface.lookup(("container", "nope")) is None and surface.lookup(()) is None
    assert surface.resolve(("rmi",)) == ("image", "rm") and surface.resolve("nope") is None
    assert surface.lookup(("container", "ls")).aliases == (("container", "list"), ("container", "ps"), ("ps",))


def test_command_facts():
    run = surface.lookup(("run",))
    assert run.name == "container run" and str(run) == "docker container run"
    assert not run.group and run.interspersed is False and run.clients == () and not run.hidden
    assert [operand.name for operand in run.usages[0]] == ["IMAGE", "COMMAND", "ARG"]
    assert surface.lookup("container ls").interspersed is True
    assert surface.lookup("container").group and surface.lookup("container").interspersed is None
    assert surface.lookup("checkpoint create").clients == ("28.2.2",)  # 20.10 hides it without an engine
    assert surface.lookup("completion").hidden and surface.lookup("completion bash").hidden
    assert surface.lookup("system dial-stdio").hidden and surface.lookup("help").hidden
    assert surface.lookup("manifest create").experimental
    stopping = {" ".join(path) for path in surface.commands() if surface.lookup(path).interspersed is False}
    assert stopping == {
        "container commit",
        "container create",
        "container exec",
        "container run",
        "container top",
        "image tag",
        "service create",
    }


def test_option_facts():
    run = surface.lookup(("run",))
    publish = surface.find_option(run, "-p")
    assert publish is surface.find_option(("container", "run"), "--publish") is run.option("publish")
    assert (publish.long, publish.short, publish.kind, publish.type_word) == ("publish", "p", "list", "list")
    assert str(publish) == "-p, --publish" and publish.spellings == ("--publish", "-p") and publish.takes_value
    kinds = {long: run.option(long).kind for long in ("detach", "name", "env", "sysctl", "mount", "ulimit", "cpus")}
    assert kinds == {
        "detach": "flag",
        "name": "value",
        "env": "list",
        "sysctl": "map",
        "mount": "list",
        "ulimit": "list",
        "cpus": "value",
    }
    assert run.option("sig_proxy").default_true and not run.option("rm").default_true
    net = run.option("--net")
    assert net.hidden and not net.deprecated and net.kind == "list" and net.type_word == "network"
    time = surface.find_option(("stop",), "--time")
    assert time.hidden and time.deprecated and time.short is None  # 28.x gives -t to --timeout
    assert surface.find_option(("stop",), "-t").long == "timeout"
    assert run.option("annotation").clients == ("28.2.2",) and run.option("cpu-count").clients == ()
    assert run.option("cpu-count").marks == ("windows-only",)
    assert surface.find_option(("image", "build"), "stream").clients == ("20.10.24",)
    assert run.option("--nope") is None and run.option("-%") is None
    assert surface.find_option(("nope",), "-p") is None


def test_global_options():
    spelled = [str(option) for option in surface.GLOBAL_OPTIONS]
    assert spelled == [
        "--config",
        "-c, --context",
        "-D, --debug",
        "-H, --host",
        "-l, --log-level",
        "--tls",
        "--tlscacert",
        "--tlscert",
        "--tlskey",
        "--tlsverify",
        "-v, --version",
    ]
    assert surface.CLIENTS == ("28.2.2", "20.10.24")


def test_commands_and_subcommands():
    paths = surface.commands()
    assert paths == tuple(sorted(paths)) and len(paths) == len(set(paths)) > 150
    assert ("container", "run") in paths and ("run",) not in paths
    assert {"run", "ps", "container", "images", "rmi"} <= set(surface.subcommands(()))
    assert "list" in surface.subcommands(("container",)) and surface.subcommands(("container", "run")) == ()


def test_looking_up_ps_loads_the_index_and_the_container_family_only():
    code = textwrap.dedent("""
        import sys, time
        import dockwrap  # the package's own start-up is not the table's
        start = time.perf_counter()
        import dockwrap.surface
        found = dockwrap.surface.lookup(("ps",))
        took = time.perf_counter() - start
        print(found.path, took * 1000)
        print(" ".join(sorted(m for m in sys.modules if m.startswith("dockwrap.surface"))))
    """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    first, loaded = done.stdout.strip().splitlines()
    assert first.startswith("('container', 'ls')")
    assert loaded.split() == [
        "dockwrap.surface",
        "dockwrap.surface.data",
        "dockwrap.surface.data._index",
        "dockwrap.surface.data.container",
    ]
    # measured, not asserted (docs/surface.md has the figures)
    print(f"import dockwrap.surface + lookup(('ps',)): {float(first.split(')')[-1]):.1f} ms")


def test_the_data_holds_facts_only():
    texts = {path.name: path.read_text() for path in DATA.glob("*.py")}
    assert "Create and run a new container" not in texts["container.py"]
    assert "Publish a container" not in texts["container.py"]
    for name, text in texts.items():
        assert text.startswith("# Generated by scripts/gen-surface"), name
        assert not re.search(r"\b20\d\d-\d\d-\d\d", text), name  # no timestamps


def installed_docker() -> str | None:
    found = shutil.which("docker")
    if found is None and os.environ.get("CI") == "true":
        pytest.fail("no docker client on PATH: CI must have one")
    return found


def test_the_installed_client_has_nothing_the_table_lacks():
    if installed_docker() is None:
        pytest.skip("no docker client on PATH: nothing to compare the table with")
    done = gen("check", "--docker", "docker")
    assert done.returncode == 0, f"drift (regenerate, docs/surface.md):\n{done.stdout}{done.stderr}"
    assert "the table matches" in done.stderr
