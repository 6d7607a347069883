"""`dockwrap explain` as a user runs it: the real docker client, and no engine anywhere.

DOCKER_HOST is a socket that does not exist in every test: a docker call that needed an engine
would fail, so a run that succeeds reached none. `-x` shows every docker call explain makes.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dockwrap.explain.describe import NO_ENGINE
from tests.harness import dockwrap as run_dockwrap
from tests.harness import run_in_terminal

pytestmark = pytest.mark.skipif(shutil.which("docker") is None, reason="no docker client on PATH")

NOWHERE = {"DOCKER_HOST": "unix:///nonexistent/dockwrap-tests/docker.sock", "COLUMNS": "100"}
ROOT = Path(__file__).resolve().parents[2]


def dockwrap(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_dockwrap(*args, input=input, env={**NOWHERE, **(env or {})})


def docker_calls(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("+ ")]


def test_a_line_is_explained_block_by_block():
    result = dockwrap("explain", "docker", "run", "-d", "-p", "8080:80", "--name", "web", "nginx")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "docker run -d -p 8080:80 --name web nginx"
    assert lines[1].split()[:2] == ["command", "run"] and "Create and run a new container" in lines[1]
    assert lines[2].split()[:3] == ["option", "-d", "--detach:"]
    assert lines[3].split()[:4] == ["option", "-p", "8080:80", "--publish:"]
    assert any(line.split()[:2] == ["IMAGE", "nginx"] for line in lines)
    findings = [line.strip() for line in lines if line.startswith("  warning:") or line.startswith("  error:")]
    assert [finding.split(":")[0] for finding in findings] == ["warning", "warning"]
    assert all(len(line) <= 100 for line in lines)


def test_nothing_runs_but_help_and_no_engine_is_asked():
    result = dockwrap("-x", "-H", "tcp://192.0.2.1:2375", "explain", "-D", "run", "--rm", "busybox:1", "echo", "hi")
    assert result.returncode == 0, result.stderr
    assert sorted(docker_calls(result.stderr)) == [
        f"+ docker --host {NO_ENGINE} --help",
        f"+ docker --host {NO_ENGINE} container run --help",
    ]


def test_one_help_call_per_distinct_command():
    script = (
        "docker ps\ndocker ps -a\ndocker container ls -q\ndocker run busybox:1 true\ndocker run -d busybox:1 true\n"
    )
    result = dockwrap("-x", "explain", "-", input=script)
    calls = docker_calls(result.stderr)
    assert sorted(calls) == sorted(f"+ docker --host {NO_ENGINE} container {verb} --help" for verb in ("ls", "run"))


def test_exit_status_2_when_docker_would_refuse_a_line():
    for argv in (
        ["ps", "--formatt", "x"],
        ["imags"],
        ["run", "--name"],
        ["network", "connect", "net"],
        ["run", "-p", "80:70000", "busybox:1"],
    ):
        result = dockwrap("explain", *argv)
        assert result.returncode == 2, argv
        assert "  error: " in result.stdout and "Traceback" not in result.stderr


def test_warnings_alone_exit_0():
    result = dockwrap("explain", "run", "-t", "--link", "db", "nginx", "-p", "80:80")
    assert result.returncode == 0
    codes = [line.split(":")[0].strip() for line in result.stdout.splitlines() if line.startswith("  warning")]
    assert len(codes) == 4


def test_json_is_a_list_of_records():
    result = dockwrap("explain", "--json", "docker", "ps", "-a", "--formatt", "x")
    assert result.returncode == 2
    [line] = json.loads(result.stdout)
    assert set(line) == {"text", "status", "line", "words", "argv", "command", "spelled", "pieces", "findings"}
    assert (line["command"], line["spelled"], line["status"]) == ("container ls", "ps", "explained")
    assert set(line["pieces"][0]) == {"role", "words", "name", "spelling", "value", "description", "default", "note"}
    assert [piece["role"] for piece in line["pieces"]] == ["command", "option", "option", "operand"]
    assert line["pieces"][1]["description"] == "Show all containers (default shows just running)"
    assert line["findings"] == [
        {
            "level": "error",
            "code": "unknown-option",
            "word": "--formatt",
            "message": "unknown flag: --formatt (did you mean --format?)",
            "suggestion": "--format",
        }
    ]


def test_a_script_from_stdin():
    script = textwrap.dedent("""\
        #!/bin/sh
        set -e
        # a network, then a server on it
        docker network create web-net
        docker run -d --name web \\
            --network web-net busybox:1.36 httpd -f   # a comment
        docker logs web 2>&1 | grep -c GET || true
        """)
    result = dockwrap("explain", input=script)
    assert result.returncode == 0, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith("line ")]
    assert headers == [
        "line 2: skipped, not a docker command: set -e",
        "line 4: docker network create web-net",
        "line 5: docker run -d --name web --network web-net busybox:1.36 httpd -f",
        "line 7: docker logs web 2>&1",
        "line 7: skipped, not a docker command: grep -c GET",
        "line 7: skipped, not a docker command: true",
    ]
    assert dockwrap("explain", "-", input=script).stdout == result.stdout


@pytest.mark.parametrize(
    "recipe",
    [["pingable-pair", "--default-bridge", "--link"], ["round-robin", "--swarm"], ["webhost"], ["process-view"]],
)
def test_every_recipes_script_is_explained_with_no_error(recipe):
    script = dockwrap("--dry-run", "recipe", *recipe).stdout
    result = dockwrap("explain", "--json", input=script)
    assert result.returncode == 0, result.stderr
    lines = json.loads(result.stdout)
    explained = [line for line in lines if line["status"] == "explained"]
    # every docker call: the script's own lines, and those of its cleanup function and traps
    assert len(explained) >= len([text for text in script.splitlines() if text.lstrip().startswith("docker ")])
    for line in explained:
        assert [finding["code"] for finding in line["findings"] if finding["code"] != "latest-tag"] in (
            [],
            ["legacy-link"],
        )
        assert all(piece["description"] for piece in line["pieces"] if piece["role"] in ("command", "option"))


def test_a_recipe_script_is_explained_whole():
    script = dockwrap("--dry-run", "recipe", "round-robin").stdout
    result = dockwrap("explain", "--json", input=script)
    assert result.returncode == 0, result.stderr
    explained = [line for line in json.loads(result.stdout) if line["status"] == "explained"]
    assert [line["command"] for line in explained] == [
        "container ls",
        "network ls",  # the cleanup function that the script's traps call
        "network create",
        *["container run"] * 4,
        "container rm",
        "network rm",
    ]
    for line in explained:
        assert not [finding for finding in line["findings"] if finding["level"] == "error"]
        assert all(piece["description"] for piece in line["pieces"] if piece["role"] in ("command", "option"))
    client = explained[6]["pieces"]
    # sh -c SCRIPT sh ALIAS QUERIES: the user's values are the script's positional parameters
    assert [piece["name"] for piece in client if piece["role"] == "operand"] == ["IMAGE", "COMMAND", *["ARG"] * 5]


def test_dry_run_prints_the_help_calls_only_and_loads_neither_sh_nor_tabulate():
    code = textwrap.dedent("""
        import sys
        from dockwrap.cli import main
        try:
            main(['--dry-run', 'explain', '-H', 'ssh://box', 'ps', '-a'])
        except SystemExit as exit:
            print('exit', exit.code, 'sh' in sys.modules, 'tabulate' in sys.modules, file=sys.stderr)
    """)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **NOWHERE}
    )
    assert out.stdout.splitlines() == [
        f"docker --host {NO_ENGINE} --help",
        f"docker --host {NO_ENGINE} container ls --help",
    ]
    assert out.stderr.splitlines()[-1] == "exit 0 False False"


def test_a_missing_docker_is_one_line_and_127():
    result = dockwrap("--docker", "/nonexistent/docker", "explain", "ps")
    assert result.returncode == 127
    assert result.stderr.splitlines()[0] == "dockwrap: error: docker binary '/nonexistent/docker' not found"


@pytest.mark.skipif(not os.access("/usr/bin/docker", os.X_OK), reason="no second docker client at /usr/bin/docker")
def test_a_help_page_docker_refuses_is_a_note():
    # docker 20.10 refuses `checkpoint ... --help` without an engine
    version = subprocess.run(["/usr/bin/docker", "--version"], capture_output=True, text=True).stdout
    if "20.10" not in version:
        pytest.skip(f"/usr/bin/docker is {version.strip()}")
    result = dockwrap("--docker", "/usr/bin/docker", "explain", "--json", "checkpoint", "create", "c", "cp1")
    assert result.returncode == 0
    [line] = json.loads(result.stdout)
    assert [(finding["level"], finding["code"]) for finding in line["findings"]] == [("note", "no-help")]
    assert line["findings"][0]["message"].startswith(
        "no description: docker checkpoint create --help printed no help page: docker checkpoint create is only"
    )


def test_no_line_on_a_terminal_is_a_usage_error():
    env = {**os.environ, **NOWHERE}
    status, screen = run_in_terminal(
        [sys.executable, "-m", "dockwrap", "explain"], b"", prompt=b"\0", env=env, cwd=str(ROOT)
    )
    assert status == 2
    assert b"give a docker command line, or `-` and a script on stdin" in screen


def test_nothing_to_explain_says_so():
    result = dockwrap("explain", input="set -e\necho hi\n")
    assert result.returncode == 0
    assert result.stderr == "dockwrap: note: no docker command in the input\n"


@pytest.mark.skipif(not os.access("/usr/bin/docker", os.X_OK), reason="no second docker client at /usr/bin/docker")
def test_the_descriptions_are_the_installed_clients_own():
    # the same line, two clients: each one's words (dockwrap stores none of them)
    def summary(*docker: str) -> str:
        result = dockwrap(*docker, "explain", "--json", "run", "busybox:1")
        return json.loads(result.stdout)[0]["pieces"][0]["description"]

    old = subprocess.run(["/usr/bin/docker", "--version"], capture_output=True, text=True).stdout
    new = subprocess.run(["docker", "--version"], capture_output=True, text=True).stdout
    if "20.10" not in old or "20.10" in new:
        pytest.skip(f"want docker 20.10 at /usr/bin/docker and another on PATH, have {old!r} and {new!r}")
    assert summary("--docker", "/usr/bin/docker") == "Run a command in a new container"
    assert summary() == "Create and run a new container from an image"


@pytest.mark.parametrize("doc", ["README.md", "docs/explain.md"])
def test_the_documented_output_is_what_explain_prints(doc):
    import shlex

    text = (ROOT / doc).read_text()
    blocks = [block.split("```")[0] for block in text.split("```\n$ dockwrap explain ")[1:]]
    assert blocks
    for block in blocks:
        argv, _, shown = block.partition("\n")
        assert dockwrap("explain", *shlex.split(argv)).stdout == shown


def test_bytes_that_are_not_utf8_are_read_not_refused():
    result = subprocess.run(
        [sys.executable, "-m", "dockwrap", "explain", "-"],
        input=b"docker run --name \xff\xfe busybox:1\n",
        capture_output=True,
        env={**os.environ, **NOWHERE},
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "--name \ufffd\ufffd" in result.stdout.decode()
