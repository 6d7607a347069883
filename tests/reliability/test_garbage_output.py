"""Docker prints something dockwrap cannot read (another tool on PATH, a version whose format
differs, output cut short): every list and inspect command fails with a `ParseError` naming the
docker command and the offending text, exit 1, never a traceback nor a silently empty result.

The docker here is a fake (fault injection) printing garbage, or a real recording from
tests/fixtures/docker/ cut in the middle."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dockwrap import Docker, ParseError
from tests.harness import dockwrap
from tests.reliability.helpers import fake_docker, no_traceback

pytestmark = pytest.mark.timeout(60)

RECORDED = Path(__file__).resolve().parent.parent / "fixtures" / "docker" / "28.2.2"

# (dockwrap argv, the docker command named in the error, a real recording of its output)
COMMANDS = [
    (["ps", "-a"], "docker container ls", "container-ls.txt"),
    (["ps", "-s"], "docker container ls", "container-ls-size.txt"),
    (["container", "inspect", "box"], "docker container inspect", "container-inspect.txt"),
    (["container", "stats", "--no-stream"], "docker container stats", "container-stats.txt"),
    (["container", "top", "box"], "docker container top", "container-top.txt"),
    (["container", "port", "box"], "docker container port", "container-port.txt"),
    (["network", "ls"], "docker network ls", "network-ls.txt"),
    (["network", "inspect", "net"], "docker network inspect", "network-inspect.txt"),
    (["image", "ls"], "docker image ls", "image-ls.txt"),
    (["version"], "docker version", "version.txt"),
    (["node", "ls"], "docker node ls", "node-ls.txt"),
    (["service", "ls"], "docker service ls", "service-ls.txt"),
    (["service", "ps", "web"], "docker service ps", "service-ps.txt"),
    (["service", "inspect", "web"], "docker service inspect", "service-inspect.txt"),
]
IDS = [" ".join(argv) for argv, _, _ in COMMANDS]


def recording(name: str) -> Path:
    path = RECORDED / name
    if not path.exists():  # recorded with the other client only
        path = RECORDED.parent / "20.10.24" / name
    return path


def check(result, command: str, shown: str) -> None:
    assert result.returncode == 1, result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"dockwrap: error: cannot read the output of `{command}`"), result.stderr
    assert shown in first
    assert len(result.stderr.splitlines()) == 1
    assert result.stdout == ""
    no_traceback(result.stderr)


@pytest.mark.parametrize("argv, command, recorded", COMMANDS, ids=IDS)
def test_garbage(argv, command, recorded, tmp_path):
    binary = fake_docker(tmp_path, "echo '<html>502 Bad Gateway</html>'\n")
    check(dockwrap("--docker", binary, *argv, "--json"), command, "502 Bad Gateway")


@pytest.mark.parametrize("argv, command, recorded", COMMANDS, ids=IDS)
def test_output_cut_in_the_middle(argv, command, recorded, tmp_path):
    text = recording(recorded).read_bytes()
    cut = text[: len(text) // 2]
    binary = fake_docker(tmp_path, f"head -c {len(cut)} {recording(recorded)}\n")
    # a JSON-lines command names the line cut short: its first key is shown
    last = cut.decode(errors="replace").strip().splitlines()[-1]
    key = re.match(r'\{"(\w+)"', last)
    check(dockwrap("--docker", binary, *argv), command, f'"{key.group(1)}"' if key else "")


@pytest.mark.parametrize(
    "argv, command, recorded",
    [c for c in COMMANDS if "inspect" in c[1] or "version" in c[1]],
    ids=[i for i, c in zip(IDS, COMMANDS, strict=True) if "inspect" in c[1] or "version" in c[1]],
)
def test_json_of_the_wrong_shape(argv, command, recorded, tmp_path):
    binary = fake_docker(tmp_path, 'echo \'{"not": "a list"}\'\n' if "inspect" in command else "echo '[1, 2]'\n")
    check(dockwrap("--docker", binary, *argv), command, "")


def test_docker_killed_while_printing(tmp_path):
    """Half the output, then docker dies by a signal: a failure, not a short list."""
    recorded = recording("container-ls.txt")
    binary = fake_docker(tmp_path, f"head -c 300 {recorded}\nkill -9 $$\n")
    result = dockwrap("--docker", binary, "ps")
    assert result.returncode == 1
    assert result.stderr.startswith("dockwrap: error: docker exited with status -9")
    no_traceback(result.stderr)


@pytest.mark.parametrize(
    "method, command",
    [
        (lambda d: d.container.ls(), "docker container ls"),
        (lambda d: d.container.inspect("box"), "docker container inspect"),
        (lambda d: d.container.stats(), "docker container stats"),
        (lambda d: d.container.top("box"), "docker container top"),
        (lambda d: d.container.port("box"), "docker container port"),
        (lambda d: d.network.ls(), "docker network ls"),
        (lambda d: d.network.inspect("net"), "docker network inspect"),
        (lambda d: d.image.ls(), "docker image ls"),
        (lambda d: d.version(), "docker version"),
        (lambda d: d.node.ls(), "docker node ls"),
        (lambda d: d.service.ls(), "docker service ls"),
        (lambda d: d.service.ps("web"), "docker service ps"),
        (lambda d: d.service.inspect("web"), "docker service inspect"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_python_api_raises_parse_error(method, command, tmp_path):
    binary = fake_docker(tmp_path, 'printf \'{"ID": "abc", "Names": "x", trunc\'\n')
    with pytest.raises(ParseError) as info:
        method(Docker(binary=binary))
    assert info.value.command == command and info.value.exit_code == 1
    assert command in str(info.value)
