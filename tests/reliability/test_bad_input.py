"""Bad names and arguments: spaces, `;`, `$(...)`, backticks, quotes, unicode, a leading `-`.
They are never run by a shell (a `$(touch FILE)` never makes the file), reach docker verbatim
(-x prints exactly the argv, and docker sees exactly the name), and whatever docker thinks of them
is docker's own error, shown with docker's own status. A name that starts with `-` goes after a
`--`, so that docker reads it as a name and not as a flag (tests/unit/test_args.py has the argv
of every verb)."""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest

from dockwrap import Docker, NoSuchContainer, NoSuchNetwork
from tests.harness import DOCKER, docker_cli, dockwrap
from tests.reliability.helpers import no_traceback

pytestmark = [pytest.mark.docker, pytest.mark.timeout(60)]


@pytest.fixture
def marker(tmp_path) -> Iterator[Path]:
    """A file that only a shell running our input would make."""
    path = tmp_path / "shell-ran"
    yield path
    assert not path.exists(), "a name was run by a shell"


def odd_names(case_id: str, marker: Path) -> dict[str, str]:
    base = f"dwt-{case_id}"
    return {
        "space": f"{base} with spaces",
        "semicolon": f"{base};touch {marker}",
        "command-substitution": f"{base}$(touch {marker})",
        "backticks": f"{base}`touch {marker}`",
        "quotes": f"{base}'q\"uo\"te'",
        "unicode": f"{base}-café-名前-😀",
        "leading-dash": f"-{base}",
        "flag-like": f"--rm{base}",
        "glob": f"{base}*?[a]",
        "newline": f"{base}\nsecond-line",
    }


KINDS = list(odd_names("x", Path("/m")))


def remove_networks(labels) -> None:
    """By ID: the harness's cleanup reads names split at white space."""
    ids = docker_cli(
        "network", "ls", "-q", "--filter", f"label=dockwrap.test.case={labels['dockwrap.test.case']}"
    ).stdout.split()
    if ids:
        docker_cli("network", "rm", *ids)


@pytest.mark.parametrize("kind", KINDS)
def test_odd_network_names_reach_docker_verbatim(kind, case, labels, marker):
    """docker 20.10's daemon takes any network name: create, inspect and remove each one."""
    name = odd_names(case.id, marker)[kind]
    label = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    dash = ["--"] if name.startswith("-") else []
    try:
        created = dockwrap("-x", "network", "create", "--label", label, *dash, name)
        assert created.returncode == 0, created.stderr
        # what -x shows is the argv exactly, shell-quoted: it runs as shown
        argv = [DOCKER, "network", "create", "--label", label, *dash, name]
        assert created.stderr == "+ " + shlex.join(argv) + "\n"
        assert shlex.split(created.stderr[2:]) == argv
        inspected = dockwrap("network", "inspect", "--json", "--", name)
        if "\n" in name:
            # docker itself cannot look such a name up (its API path breaks): its error, its status
            assert inspected.returncode == 1
            assert inspected.stderr == "dockwrap: error: Error response from daemon: page not found\n"
            return
        assert [d["name"] for d in json.loads(inspected.stdout)] == [name]
        assert dockwrap("network", "rm", "--", name).returncode == 0
        assert docker_cli("network", "inspect", "--", name).returncode == 1  # gone
    finally:
        remove_networks(labels)


@pytest.mark.parametrize("kind", KINDS)
def test_odd_container_names_get_dockers_own_error(kind, case, labels, marker):
    name = odd_names(case.id, marker)[kind]
    result = dockwrap(
        "run",
        "-d",
        "--name",
        name,
        "--label",
        f"dockwrap.test.case={labels['dockwrap.test.case']}",
        "--pull",
        "never",
        "busybox:latest",
        "true",
    )
    assert result.returncode == 125, result.stderr  # docker's status for a refused `run`
    assert result.stderr.startswith("dockwrap: error: ")
    # docker's message, with the name as given (a newline in it is docker's own line break)
    assert f"Invalid container name ({name.splitlines()[0]}" in result.stderr
    no_traceback(result.stderr)
    assert docker_cli("container", "inspect", "--", name).returncode == 1  # nothing made


@pytest.mark.parametrize(
    "argv",
    [
        ["container", "inspect"],
        ["container", "rm"],
        ["container", "rm", "-f"],
        ["container", "stop"],
        ["container", "start"],
        ["container", "logs"],
        ["container", "top"],
        ["container", "port"],
        ["exec", "NAME", "true"],
        ["network", "inspect"],
        ["network", "rm"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_dashed_names_are_names_not_flags(argv, case):
    name = f"-dwt-{case.id}-missing"
    args = [a.replace("NAME", name) for a in argv] if "NAME" in argv else [*argv, name]
    if "NAME" in argv:
        args.insert(args.index(name), "--")
    else:
        args.insert(len(args) - 1, "--")
    result = dockwrap("-x", *args)
    shown = result.stderr.splitlines()[0]
    assert f" -- {shlex.quote(name)}" in shown  # passed after `--`
    if argv == ["container", "rm", "-f"]:
        assert result.returncode == 0  # docker: removing what is not there, by force, is no error
        return
    assert result.returncode == 1, result.stderr
    error = result.stderr.splitlines()[1]
    assert error.startswith("dockwrap: error: ")
    assert (
        f"No such container: {name}" in error
        or f"network {name} not found" in error
        or f"No such network: {name}" in error
    )
    assert "unknown shorthand flag" not in result.stderr and "unknown flag" not in result.stderr


def test_dashed_names_through_the_python_api(case):
    docker = Docker(binary=DOCKER)
    name = f"-dwt-{case.id}-missing"
    with pytest.raises(NoSuchContainer):
        docker.container.inspect(name)
    with pytest.raises(NoSuchContainer):
        docker.container.exec(name, ["true"])
    with pytest.raises(NoSuchNetwork):
        docker.network.inspect([name])
    assert docker.container.rm([name], force=True) == []


def test_shell_text_in_a_command_and_env_is_data(names, labels, marker):
    value = f"$(touch {marker}); `touch {marker}` && echo 'q\"'\n名前"
    result = dockwrap(
        "run",
        "--rm",
        "--name",
        names("echo"),
        "-e",
        f"V={value}",
        "--pull",
        "never",
        "busybox:latest",
        "sh",
        "-c",
        'printf %s "$V"; printf %s "$0"',
        value,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == value + value


def test_odd_label_values_are_kept_verbatim(docker, names, labels, marker):
    name = names("labelled")
    odd = f"a,b=c;$(touch {marker}) `x` 'q' \"d\" 名前"
    result = dockwrap(
        "run",
        "-d",
        "--name",
        name,
        "-l",
        f"odd={odd}",
        "--label",
        f"dockwrap.test.case={labels['dockwrap.test.case']}",
        "--pull",
        "never",
        "busybox:latest",
        "sleep",
        "30",
    )
    assert result.returncode == 0, result.stderr
    assert docker.container.inspect(name)[0].labels["odd"] == odd


@pytest.mark.parametrize(
    "image, message",
    [
        ("Bad Image", "invalid reference format"),
        ("busybox:$(touch MARK)", "invalid reference format"),
        ("-dwt-image", "invalid reference format"),
    ],
)
def test_bad_image_references_get_dockers_error(image, message, marker):
    image = image.replace("MARK", str(marker))
    dash = ["--"] if image.startswith("-") else []
    result = dockwrap("run", "--rm", "--pull", "never", *dash, image, "true")
    assert result.returncode == 125, result.stderr
    assert result.stderr.startswith("dockwrap: error: ") and message in result.stderr
    no_traceback(result.stderr)


HOSTILE_VALUES = [
    "$(touch /tmp/dwt-ran)",
    "`touch /tmp/dwt-ran`",
    "web; touch /tmp/dwt-ran",
    "web' ; touch /tmp/dwt-ran; '",
    'web" ; touch /tmp/dwt-ran; "',
    "web\ntouch /tmp/dwt-ran",
]


def test_recipe_client_scripts_read_their_values_as_data(docker, names, labels):
    # The recipes' client scripts (round-robin and its swarm form) get the alias and the counts as
    # positional parameters. Run with hostile values where a shell would have run them (the alias
    # itself is refused before that: tests/unit/test_recipe_guards.py), nothing they say happens.
    from dockwrap.recipes import round_robin, swarm_round_robin

    box = names("client")
    docker.container.run(
        "busybox:latest", ["sleep", "120"], detach=True, init=True, name=box, labels=labels, pull="never"
    )
    for value in HOSTILE_VALUES:
        for command in (round_robin.client_command(value, 1), swarm_round_robin.client_command(value, value, 1)):
            # One second is enough for a spliced value to run (it is in the first line); the
            # script itself would go on retrying a name that does not resolve.
            done = docker.container.exec(box, ["busybox", "timeout", "1", *command])
            assert done.exit_code != 0
        assert docker.container.exec(box, ["busybox", "test", "-e", "/tmp/dwt-ran"]).exit_code == 1, value
    assert not Path("/tmp/dwt-ran").exists()
