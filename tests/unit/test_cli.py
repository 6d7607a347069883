"""The CLI without an engine: usage, versions, exit statuses of docs/contract/cli.md, no tracebacks."""

import os
import stat
import sys
import textwrap

import pytest

from dockwrap import __version__
from tests.harness import dockwrap


def fake_docker(tmp_path, body: str) -> str:
    path = tmp_path / "docker"
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr


def test_version():
    result = dockwrap("--version")
    assert (result.returncode, result.stdout) == (0, f"dockwrap {__version__}\n")


def test_help_ends_with_examples():
    result = dockwrap("--help")
    assert result.returncode == 0
    assert "Examples:" in result.stdout.split("docker's commands:")[1]


def test_every_command_help_has_an_example():
    from dockwrap.cli import cli

    def walk(command, path):
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            yield from walk(sub, path + [name])

    missing = [" ".join(path) for path, command in walk(cli, ["dockwrap"]) if "Examples:" not in (command.epilog or "")]
    assert missing == []


def test_python_dash_m_is_the_same_cli():
    import subprocess

    out = subprocess.run([sys.executable, "-m", "dockwrap", "--version"], capture_output=True, text=True)
    assert out.stdout == f"dockwrap {__version__}\n"


def test_bad_usage_exits_2():
    result = dockwrap("container", "ls", "--bogus")
    assert result.returncode == 2
    assert result.stderr.startswith("dockwrap: error: unknown flag: --bogus\nUsage:  docker container ls [OPTIONS]\n")
    no_traceback(result)


def test_context_and_host_together_exit_2():
    result = dockwrap("--context", "a", "-H", "unix:///x", "ps")
    assert result.returncode == 2
    assert "cannot be used together" in result.stderr


def test_missing_binary_exits_127_and_names_it(tmp_path):
    result = dockwrap("--docker", str(tmp_path / "nodocker"), "ps")
    assert result.returncode == 127
    assert str(tmp_path / "nodocker") in result.stderr
    assert "DOCKWRAP_DOCKER" in result.stderr
    no_traceback(result)


def test_missing_binary_from_env_exits_127(tmp_path):
    result = dockwrap("ps", env={"DOCKWRAP_DOCKER": str(tmp_path / "nodocker")})
    assert result.returncode == 127


def test_not_executable_binary_exits_126(tmp_path):
    path = tmp_path / "docker"
    path.write_text("#!/bin/sh\n")
    path.chmod(0o644)
    result = dockwrap("--docker", str(path), "ps")
    assert result.returncode == 126
    assert "not executable" in result.stderr
    no_traceback(result)


def test_timeout_exits_124_naming_the_call(tmp_path):
    binary = fake_docker(tmp_path, "sleep 30\n")
    result = dockwrap("--docker", binary, "--timeout", "1", "ps", timeout=20)
    assert result.returncode == 124
    assert "timed out after 1s" in result.stderr and "container ls" in result.stderr
    no_traceback(result)


def test_timeout_from_the_environment(tmp_path):
    binary = fake_docker(tmp_path, "sleep 30\n")
    result = dockwrap("--docker", binary, "ps", env={"DOCKWRAP_TIMEOUT": "1"}, timeout=20)
    assert result.returncode == 124


@pytest.mark.parametrize(
    "value, where",
    [
        (value, where)
        for value in ["nan", "-1", "abc", "", "1e", "-inf"]
        for where in ["option", "environment"]
        if value or where == "option"
    ],
)
def test_a_nonsense_timeout_is_a_usage_error(value, where, tmp_path):
    """Before: `nan` timed out at once ("timed out after nans"); the others were Click's own words.
    (An empty DOCKWRAP_TIMEOUT counts as unset.)"""
    binary = fake_docker(tmp_path, "echo '[]'\n")
    if where == "option":
        result = dockwrap("--docker", binary, "--timeout", value, "network", "ls")
    else:
        result = dockwrap("--docker", binary, "network", "ls", env={"DOCKWRAP_TIMEOUT": value})
    assert result.returncode == 2, result.stderr
    assert "--timeout" in result.stderr and "not a number of seconds of 0 or more" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("value", ["inf", "1e308", "0", "infinity"])
def test_a_timeout_of_no_limit_runs_the_call(value, tmp_path):
    """inf and anything beyond what a timer can wait mean no limit, as 0 does (before: inf and
    1e308 printed a thread's traceback)."""
    binary = fake_docker(tmp_path, "sleep 0.2\necho ''\n")
    for result in (
        dockwrap("--docker", binary, "--timeout", value, "network", "ls"),
        dockwrap("--docker", binary, "network", "ls", env={"DOCKWRAP_TIMEOUT": value}),
    ):
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""


def test_garbage_output_exits_1_naming_command_and_line(tmp_path):
    binary = fake_docker(tmp_path, "echo 'not json at all'\n")
    result = dockwrap("--docker", binary, "ps")
    assert result.returncode == 1
    assert result.stderr.startswith("dockwrap: error: cannot read the output of `docker container ls`")
    assert "not json at all" in result.stderr
    no_traceback(result)


def test_docker_status_is_passed_through(tmp_path):
    binary = fake_docker(tmp_path, "echo 'Error response from daemon: something odd' >&2\nexit 42\n")
    result = dockwrap("--docker", binary, "container", "stop", "x")
    assert result.returncode == 42
    assert result.stderr == "dockwrap: error: Error response from daemon: something odd\n"


def test_dry_run_prints_the_call_and_exits_0(tmp_path):
    binary = fake_docker(tmp_path, "exit 99\n")
    result = dockwrap(
        "--docker", binary, "--dry-run", "run", "-d", "--name", "web", "-e", "PASSWORD=x", "busybox", "sleep", "9"
    )
    assert result.returncode == 0
    # the user's words as written (docker's own spellings), the secret's value redacted
    assert result.stdout == f"{binary} container run -d --name web -e 'PASSWORD=***' busybox sleep 9\n"


def test_explain_from_the_environment(tmp_path):
    binary = fake_docker(tmp_path, "exit 0\n")
    result = dockwrap("--docker", binary, "container", "rm", "x", env={"DOCKWRAP_EXPLAIN": "1"})
    assert result.stderr == f"+ {binary} container rm x\n"


def test_debug_shows_the_traceback(tmp_path):
    binary = fake_docker(tmp_path, "echo garbage\n")
    result = dockwrap("--docker", binary, "ps", env={"DOCKWRAP_DEBUG": "1"})
    assert "Traceback" in result.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["--version"],
        ["--dry-run", "container", "ls"],
        ["recipe", "--help"],
        ["--dry-run", "volume", "create", "x"],
        ["run", "--help"],
        ["--dry-run", "pull", "x"],
        ["--dry-run", "build", "-t", "x", "."],
        ["--dry-run", "image", "prune", "-a"],
        ["--dry-run", "login", "--password-stdin", "h"],
        ["build", "--help"],
    ],
)
def test_fast_paths_import_neither_sh_nor_tabulate(argv):
    # sh (~100 ms, it pulls in asyncio) and tabulate (~25 ms) load only when needed.
    code = textwrap.dedent(f"""
        import sys
        from dockwrap.cli import main
        try:
            main({argv!r})
        except SystemExit:
            pass
        print('loaded:', 'sh' in sys.modules, 'tabulate' in sys.modules, file=sys.stderr)
    """)
    import subprocess

    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ, DOCKWRAP_DOCKER="docker")
    )
    assert out.stderr.strip().splitlines()[-1] == "loaded: False False"


@pytest.mark.parametrize(
    "argv",
    [
        ["container", "inspect", "x", "--raw"],
        ["network", "inspect", "x", "--json"],
        ["container", "ls", "--json"],
        ["network", "create", "x"],
        ["image", "pull", "x", "--json"],
        ["image", "push", "x"],
        ["image", "build", "--json", "."],
        ["image", "rm", "x", "y"],
        ["image", "history", "x"],
        ["image", "load", "-i", "x.tar"],
        ["image", "import", "x.tar", "y"],
        ["image", "prune", "--json"],
        ["logout", "h"],
    ],
)
def test_dry_run_prints_only_the_calls(tmp_path, argv):
    binary = fake_docker(tmp_path, "exit 99\n")
    result = dockwrap("--docker", binary, "--dry-run", *argv)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.removeprefix("DOCKER_BUILDKIT=0 ").startswith(binary + " ")  # (build says its builder)
