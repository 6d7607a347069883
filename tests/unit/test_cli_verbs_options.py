"""The CLI's wrapped verbs and docker's words, without an engine (dockwrap/cli/verbs.py,
cli/passthrough.py): every wrapped verb takes every docker option of its command, as docker splits
them; what docker would refuse exits 2 with docker's words, its usage line and the closest
spelling; a wrapped verb's help lists both sets of options, a pass-through command's is docker's.
The registration helper itself: test_cli_verbs.py."""

from __future__ import annotations

import shutil
import stat

import pytest

from tests.harness import dockwrap

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
