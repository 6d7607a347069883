"""The CLI's one registration helper and what it guarantees (dockwrap/cli/verbs.py,
cli/passthrough.py), without an engine: every group registers through it; every wrapped verb is a
docker command of the table, and dockwrap's own options never take a spelling docker has;
shortcuts reach the same verb; everything else passes through as written; the library never
imports the CLI. How docker's options reach docker, and what docker would refuse: in
test_cli_verbs_options.py."""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path

import click
import pytest

from dockwrap import surface
from dockwrap.cli import OWN, WRAPPED, cli
from dockwrap.cli.passthrough import PassthroughCommand, docker_command
from dockwrap.cli.verbs import DOCKER_ARG, DockerVerbCommand, LazyGroup, NounGroup

PACKAGE = Path(__file__).resolve().parents[2] / "dockwrap"


def walk(command: click.Command, path: tuple[str, ...] = ()):
    yield path, command
    if isinstance(command, click.Group):
        for name in command.commands:
            yield from walk(command.commands[name], (*path, name))


def every_command() -> list[tuple[tuple[str, ...], click.Command]]:
    found = list(walk(cli))
    for name in WRAPPED:
        found += list(walk(WRAPPED[name], (name,)))
    return found


def test_every_group_registers_through_the_helper():
    groups = [(path, command) for path, command in every_command() if isinstance(command, click.Group)]
    assert {path for path, _ in groups} >= {
        (),
        ("recipe",),
        ("container",),
        ("image",),
        ("network",),
        ("node",),
        ("service",),
        ("swarm",),
        ("system",),
    }
    assert [path for path, group in groups if not isinstance(group, LazyGroup)] == []
    # docker's nouns fall back to pass-through for the verbs dockwrap does not wrap
    assert all(isinstance(WRAPPED[name], NounGroup) for name in WRAPPED if name not in ("version", "login", "logout"))


def wrapped_verbs() -> list[DockerVerbCommand]:
    return [command for _, command in every_command() if isinstance(command, DockerVerbCommand)]


def test_every_wrapped_verb_is_a_docker_command_of_the_table():
    verbs = wrapped_verbs()
    assert len(verbs) >= 29  # (as of issue 15: container 11, network 6, service 7, swarm 2, image, node, version)
    for verb in verbs:
        assert surface.lookup(verb.path).path == verb.path, verb.path
        assert verb.epilog and "Examples:" in verb.epilog


@pytest.mark.parametrize("verb", wrapped_verbs(), ids=lambda verb: " ".join(verb.path))
def test_dockwraps_own_options_never_take_a_spelling_docker_has(verb):
    command = surface.lookup(verb.path)
    docker_spellings = {spelling for option in command.options for spelling in option.spellings}
    for own in verb.own:
        assert f"--{own.long}" not in docker_spellings, f"{verb.path}: --{own.long} is docker's"
    assert DOCKER_ARG in verb.own


@pytest.mark.parametrize(
    "shortcut",
    [
        "ps",
        "run",
        "exec",
        "logs",
        "top",
        "start",
        "stop",
        "rm",
        "images",
        "port",
        "stats",
        "container list",
        "container remove",
        "image list",
        "network list",
        "pull",
        "push",
        "rmi",
        "build",
        "tag",
        "save",
        "load",
        "import",
        "history",
        "image remove",
    ],
)
def test_shortcuts_and_aliases_reach_the_same_verb_as_their_long_form(shortcut):
    words = tuple(shortcut.split())
    canonical = surface.resolve(words)
    assert docker_command(words) is docker_command(canonical)
    assert isinstance(docker_command(words), DockerVerbCommand)


@pytest.mark.parametrize(
    "words",
    [
        ("inspect",),
        ("plugin",),
        ("attach",),
        ("commit",),
        ("search",),
        ("builder",),
        ("container", "export"),
        ("builder", "prune"),
        ("network", "prune"),
        ("volume", "update"),
    ],
)
def test_what_dockwrap_does_not_wrap_passes_through_as_spelled(words):
    command = docker_command(words)
    assert isinstance(command, PassthroughCommand) and command.spelled == words
    # docker's generic inspect is not container inspect
    assert docker_command(("inspect",)) is not docker_command(("container", "inspect"))


LIBRARY_MAY_NOT_IMPORT = ("dockwrap.cli", ".cli")


def _imports(path: Path) -> list[str]:
    """Absolute module names a file imports (relative imports resolved)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = (
                f"{base}.{node.module}" if node.level and node.module else (node.module if not node.level else base)
            )
            names.append(target or "")
            names += [f"{target}.{alias.name}" for alias in node.names]
    return names


def _is_cli(module: str) -> bool:
    parts = module.split(".")
    return parts[0] == "dockwrap" and ("cli" in parts or module == "dockwrap.__main__")


def test_the_library_never_imports_the_cli():
    """Only the CLI (dockwrap/cli/, each noun's cli/, recipes/cli.py, explain/cli.py, __main__)
    imports CLI modules: the library stays usable without Click's side of things."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        if _is_cli(module):
            continue
        offenders += [f"{module} imports {name}" for name in _imports(path) if _is_cli(name)]
    assert offenders == []
    # and the check sees an import when there is one
    assert any(_is_cli(name) for name in _imports(PACKAGE / "cli" / "passthrough.py"))


def test_a_verb_loads_the_table_of_its_own_family_only():
    import subprocess

    code = (
        "import sys\nfrom dockwrap.cli import main\ntry:\n    main(['--dry-run', 'ps'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('dockwrap.surface.data')), file=sys.stderr)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, DOCKWRAP_DOCKER="docker")
    )
    assert out.stderr.strip().splitlines()[-1] == str(
        ["dockwrap.surface.data", "dockwrap.surface.data._index", "dockwrap.surface.data.container"]
    )


def test_own_commands_come_first_and_are_not_dockers():
    assert set(OWN) == {"recipe", "cleanup", "explain", "wait-for", "tour"}
    assert all(surface.resolve((name,)) is None for name in OWN)


def test_quiet_prints_each_records_key_an_id_or_what_the_record_names():
    """`-q` (docker's --quiet) prints each record's key: its id, or for records without one (a
    volume, a context) the field the record class names, on outputs recorded from docker."""
    from dockwrap.cli.output import record_key
    from dockwrap.container.records.ls import parse_container_ls
    from dockwrap.context.records import parse_context_ls
    from dockwrap.volume.records import parse_volume_ls

    fixtures = Path(__file__).resolve().parent.parent / "fixtures" / "docker" / "28.2.2"
    containers = parse_container_ls((fixtures / "container-ls.txt").read_text())
    assert [record_key(c) for c in containers] == [c.id for c in containers] and containers
    volumes = parse_volume_ls((fixtures / "volume-ls.txt").read_text())
    assert [record_key(v) for v in volumes] == [v.name for v in volumes] and volumes
    contexts = parse_context_ls((fixtures / "context-ls.txt").read_text())
    assert [record_key(c) for c in contexts] == [c.name for c in contexts] and contexts
