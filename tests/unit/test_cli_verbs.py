"""The CLI's one registration helper and what it guarantees (dockwrap/cli/verbs.py,
cli/passthrough.py), without an engine: every group registers through it; every wrapped verb takes
every docker option of its command, as docker splits them, and dockwrap's own options never take
a spelling docker has; shortcuts reach the same verb; everything else passes through as written;
what docker would refuse exits 2 with docker's words, its usage line and the closest spelling;
the library never imports the CLI."""

from __future__ import annotations

import ast
import os
import shutil
import stat
import sys
from pathlib import Path

import click
import pytest

from dockwrap import surface
from dockwrap.cli import OWN, WRAPPED, cli
from dockwrap.cli.passthrough import PassthroughCommand, docker_command
from dockwrap.cli.verbs import DOCKER_ARG, DockerVerbCommand, LazyGroup, NounGroup
from tests.harness import dockwrap

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


ARGV = [
    # every option docker's command has, in any spelling, in the user's order; after the image the container's
    (
        [
            "run",
            "-dit",
            "--name=x",
            "-e",
            "A=1",
            "-e",
            "B=2",
            "-v",
            "d:/d",
            "--restart",
            "unless-stopped",
            "-m",
            "64m",
            "--cpus",
            "0.5",
            "-u",
            "1000",
            "--cap-add",
            "NET_ADMIN",
            "--add-host",
            "db:10.0.0.2",
            "--health-cmd",
            "true",
            "-P",
            "--read-only",
            "--tmpfs",
            "/run",
            "busybox",
            "echo",
            "--json",
            "-e",
            "X",
        ],
        "docker container run -dit --name=x -e A=1 -e B=2 -v d:/d --restart unless-stopped -m 64m --cpus 0.5 -u 1000 "
        "--cap-add NET_ADMIN --add-host db:10.0.0.2 --health-cmd true -P --read-only --tmpfs /run "
        "busybox echo --json -e X",
    ),
    (
        ["run", "--json", "-d", "--mount", "type=volume,source=v,target=/v", "busybox"],
        "docker container run -d --mount type=volume,source=v,target=/v busybox",
    ),
    (["exec", "-it", "-u", "0", "box", "sh", "-c", "id"], "docker container exec -it -u 0 box sh -c id"),
    (["ps", "-aq", "--no-trunc", "-n", "3"], "docker container ls -a --no-trunc -n 3 --format"),
    (["ps", "-a", "--format", "{{.Names}}", "--json"], "docker container ls -a --format '{{.Names}}'"),
    (
        ["container", "list", "--filter", "label=a", "--last=2"],
        "docker container ls --filter label=a --last=2 --format",
    ),
    (["images", "-q", "busybox"], "docker image ls --format '{{json .}}' busybox"),
    (["image", "ls", "--tree"], "docker image ls --tree"),
    (
        ["network", "create", "-d", "bridge", "--ipv6", "--opt", "a=b", "--label", "x=y", "n"],
        "docker network create -d bridge --ipv6 --opt a=b --label x=y n",
    ),
    (
        ["network", "connect", "--alias", "a", "--driver-opt", "k=v", "n", "c"],
        "docker network connect --alias a --driver-opt k=v n c",
    ),
    (["logs", "--since", "10m", "-n", "5", "box"], "docker container logs --since 10m -n 5 box"),
    (["container", "stop", "-s", "KILL", "-t", "1", "a", "b"], "docker container stop -s KILL -t 1 a b"),
    (["container", "inspect", "-s", "a", "--json"], "docker container inspect -s a"),
    (
        ["service", "create", "--limit-memory", "64m", "--mount", "type=tmpfs,target=/t", "--wait", "busybox", "top"],
        "docker service create --detach --limit-memory 64m --mount type=tmpfs,target=/t busybox top",
    ),
    (["service", "logs", "--raw", "--no-task-ids", "web"], "docker service logs --raw --no-task-ids web"),
    (
        ["swarm", "init", "--advertise-addr", "127.0.0.1", "--task-history-limit", "2"],
        "docker swarm init --advertise-addr 127.0.0.1 --task-history-limit 2",
    ),
    (["version", "-f", "{{.Client.Version}}"], "docker version -f '{{.Client.Version}}'"),
    # --docker-arg: a word docker's table does not know, passed as it is, where it was given
    (["ps", "--docker-arg=--newer-flag", "--docker-arg", "x", "-a"], "docker container ls --newer-flag x -a --format"),
    (["volume", "create", "--docker-arg=--brand-new", "v"], "docker volume create --brand-new v"),
    # wrapped since issue 17 (was pass-through): the same words, under docker's long name
    (
        ["volume", "create", "--label", "a=b", "--driver=local", "data"],
        "docker volume create --label a=b --driver=local data",
    ),
    (["cp", "-L", "box:/etc/hostname", "-"], "docker container cp -L -- box:/etc/hostname -"),
    (["container", "cp", "-", "box:/tmp"], "docker container cp -- - box:/tmp"),
    (
        ["events", "--since", "1m", "--filter", "type=container"],
        "docker system events --since 1m --filter type=container --format",
    ),
    (["system", "df", "-v"], "docker system df -v --format"),
    # pass-through, as spelled
    (["inspect", "--type", "volume", "data"], "docker inspect --type volume data"),
    (["login", "-u", "me", "--password-stdin", "r.example"], "docker login -u me --password-stdin r.example"),
    (
        ["build", "-t", "a:1", "--build-arg", "A=1", "--no-cache", "-f", "F", "ctx"],
        "DOCKER_BUILDKIT=0 docker image build --force-rm -t a:1 --build-arg A=1 --no-cache -f F ctx",
    ),
    (["rmi", "-f", "a", "b"], "docker image rm -f a b"),
    (["image", "prune", "-a", "--filter", "label=x=1"], "docker image prune --force -a --filter label=x=1"),
    (["plugin", "--help"], "docker plugin --help"),
    (["container", "export", "--help"], "docker container export --help"),
]


@pytest.mark.parametrize("argv, printed", ARGV, ids=lambda value: " ".join(value) if isinstance(value, list) else "")
def test_docker_options_reach_docker_as_written(argv, printed):
    result = dockwrap("--docker", "docker", "--dry-run", *argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(printed + ("" if printed.endswith("--format") else "\n")), result.stdout


REFUSED = [
    (["ps", "--bogus"], "unknown flag: --bogus", "Usage:  docker container ls [OPTIONS]", "--docker-arg=--bogus"),
    (
        ["ps", "--formatt", "x"],
        "unknown flag: --formatt",
        "Usage:  docker container ls [OPTIONS]",
        "did you mean --format?",
    ),
    (
        ["run", "-z", "busybox"],
        "unknown shorthand flag: 'z' in -z",
        "Usage:  docker container run [OPTIONS] IMAGE [COMMAND] [ARG...]",
        "--docker-arg=-z",
    ),
    (["run", "--name"], "flag needs an argument: --name", "Usage:  docker container run", None),
    (["run"], "'docker container run' requires at least 1 argument", "Usage:  docker container run", None),
    (["logs", "a", "b"], "'docker container logs' requires exactly 1 argument", "Usage:  docker container logs", None),
    (["imags"], "unknown command: docker imags", "Usage:  docker [OPTIONS] COMMAND", "did you mean images?"),
    (
        ["container", "lss"],
        "unknown command: docker container lss",
        "Usage:  docker container COMMAND",
        "did you mean ls?",
    ),
    (
        ["volume", "creat", "x"],
        "unknown command: docker volume creat",
        "Usage:  docker volume COMMAND",
        "did you mean create?",
    ),
    (
        ["volume", "create", "--lable", "a=b"],
        "unknown flag: --lable",
        "Usage:  docker volume create [OPTIONS] [VOLUME]",
        "did you mean --label?",
    ),
    (
        ["network", "create", "-l", "a=b", "n"],
        "unknown shorthand flag: 'l' in -l",
        "Usage:  docker network create",
        None,
    ),
    (["service", "create", "--replicas", "-1", "busybox"], "invalid argument '-1' for --replicas", None, None),
    (
        ["service", "create", "--mode", "everywhere", "busybox"],
        "--mode of docker service create is one of replicated",
        None,
        None,
    ),
    (
        ["run", "--pull", "sometimes", "busybox"],
        "--pull of docker container run is one of always, missing, never",
        None,
        None,
    ),
    (["service", "scale", "web"], "'web' is not SERVICE=REPLICAS", None, None),
    (
        ["service", "create", "--wait-timeout", "soon", "busybox"],
        "invalid argument 'soon' for --wait-timeout",
        None,
        None,
    ),
    (["login", "-u", "me", "-p", "hunter2", "r.example"], "a password on the command line shows in `ps`", None, None),
    (["login", "--password=hunter2", "r.example"], "a password on the command line shows in `ps`", None, None),
    (["tag", "a"], "'docker image tag' requires exactly 2 arguments", "Usage:  docker image tag", None),
]


@pytest.mark.parametrize(
    "argv, error, usage, hint", REFUSED, ids=lambda value: " ".join(value) if isinstance(value, list) else ""
)
def test_what_docker_would_refuse_exits_2_before_any_call(argv, error, usage, hint):
    result = dockwrap("--docker", "docker", "--dry-run", *argv)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""  # not even printed: nothing would run
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"dockwrap: error: {error}"), lines
    if usage:
        assert lines[1].startswith(usage), lines
    if hint:
        assert lines[-1].startswith("hint: ") and hint in lines[-1], lines
    assert "Traceback" not in result.stderr


def test_a_wrapped_verbs_help_lists_dockwraps_options_and_dockers():
    result = dockwrap("run", "--help")
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("Usage: dockwrap run [OPTIONS] IMAGE [COMMAND] [ARG...]")
    assert "--json" in text and "--docker-arg WORD" in text
    assert "docker's options (what they do: docker container run --help)" in text
    for spelling in ("-d, --detach", "-v, --volume list", "--restart string", "-m, --memory bytes", "--cpus decimal"):
        assert spelling in text
    assert "Examples:" in text
    # -h is run's --hostname, not help
    assert dockwrap("--dry-run", "run", "-h", "box", "busybox").stdout.startswith("docker container run -h box busybox")


@pytest.mark.skipif(shutil.which("docker") is None, reason="no docker client")
def test_a_pass_through_commands_help_is_dockers_own():
    result = dockwrap("--docker", "docker", "network", "prune", "--help")
    assert result.returncode == 0, result.stderr
    assert "Usage:  docker network prune [OPTIONS]" in result.stdout


@pytest.mark.skipif(shutil.which("docker") is None, reason="no docker client")
def test_a_cli_plugin_passes_through_unchecked(tmp_path):
    """docker's CLI plugins (`docker-NAME` in docker's plugin directories) are not in the table:
    their words reach them unchecked, through the real docker."""
    plugins = tmp_path / "cli-plugins"
    plugins.mkdir()
    plugin = plugins / "docker-dwtplug"
    plugin.write_text(
        '#!/bin/sh\nif [ "$1" = docker-cli-plugin-metadata ]; then\n'
        '  echo \'{"SchemaVersion":"0.1.0","Vendor":"dwt","Version":"0.0.1","ShortDescription":"test"}\'\n'
        '  exit 0\nfi\nshift\necho "plugin got: $*"\n'
    )
    plugin.chmod(plugin.stat().st_mode | stat.S_IXUSR)
    env = {"DOCKER_CONFIG": str(tmp_path)}
    result = dockwrap("--docker", "docker", "dwtplug", "--anything", "goes", "-x", env=env)
    assert (result.returncode, result.stdout) == (0, "plugin got: --anything goes -x\n"), result.stderr
    assert dockwrap("--docker", "docker", "--dry-run", "dwtplug", "--x", env=env).stdout == "docker dwtplug --x\n"
    missing = dockwrap("--docker", "docker", "dwtplugz", env=env)
    assert missing.returncode == 2 and "unknown command: docker dwtplugz" in missing.stderr


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
