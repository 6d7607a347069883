"""Every script under examples/ runs as a learner would run it (bash for .sh, this venv's python for
.py, no terminal), exits 0, labels what it creates, and leaves nothing behind."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.harness import docker_cli, run_in_terminal

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(p for p in EXAMPLES.glob("[0-9][0-9]_*") if p.suffix in (".sh", ".py"))


def example_env(case) -> dict[str, str]:
    """The caller's environment without DOCKWRAP_* settings (DOCKWRAP_EXPLAIN would change the
    output), the venv's bin first so `dockwrap` and `python3` resolve to it, and the test label."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCKWRAP_") or k == "DOCKWRAP_DOCKER"}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["DOCKWRAP_TEST_LABEL"] = f"dockwrap.test.case={case.id}"
    return env


def run_example(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    command = ["bash", str(script)] if script.suffix == ".sh" else [sys.executable, str(script)]
    return subprocess.run(
        command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=100
    )


def left_over(*filters: str) -> dict[str, list[str]]:
    """Containers and networks matching all the filters (docker ANDs label filters)."""
    found = {}
    selectors = [arg for item in filters for arg in ("--filter", item)]
    for kind, args in (
        ("containers", ["ps", "-a", "--format", "{{.Names}}"]),
        ("networks", ["network", "ls", "--format", "{{.Name}}"]),
    ):
        done = docker_cli(*args, *selectors)
        assert done.returncode == 0, done.stderr
        if done.stdout.split():
            found[kind] = done.stdout.split()
    return found


def containers_created(since: float, case_label: str) -> list[tuple[str, str]]:
    """(name, dockwrap.example label) of every container created with the case label since then."""
    done = docker_cli(
        "events",
        "--since",
        f"{since:.3f}",
        "--until",
        f"{time.time():.3f}",
        "--filter",
        "type=container",
        "--filter",
        "event=create",
        "--filter",
        f"label={case_label}",
        "--format",
        '{{.Actor.Attributes.name}} {{index .Actor.Attributes "dockwrap.example"}}',
    )
    assert done.returncode == 0, done.stderr
    return [tuple(line.split(" ", 1)) for line in done.stdout.splitlines() if line.strip()]


def test_every_example_is_in_the_readme():
    readme = (EXAMPLES / "README.md").read_text()
    assert SCRIPTS, "no examples found"
    for stem in sorted({p.stem for p in SCRIPTS}):
        assert f"`{stem}.sh` / `.py`" in readme, f"{stem} is not listed in examples/README.md"
        assert (EXAMPLES / f"{stem}.sh").exists() and (EXAMPLES / f"{stem}.py").exists(), f"{stem} needs both forms"


@pytest.mark.docker
@pytest.mark.timeout(120)
@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_example(script, case):
    case_label = f"dockwrap.test.case={case.id}"
    started = time.time() - 1
    done = run_example(script, example_env(case))
    assert done.returncode == 0, (
        f"{script.name} exited {done.returncode}\n--- stdout\n{done.stdout}\n--- stderr\n{done.stderr}"
    )
    assert "OK:" in done.stdout, done.stdout
    assert "Traceback" not in done.stderr, done.stderr
    # Nothing labelled dockwrap.example is left by this run (other people's runs may be going on),
    # nor anything else that carries the test's label.
    assert left_over("label=dockwrap.example", f"label={case_label}") == {}
    assert left_over(f"label={case_label}") == {}
    # What it created carried both labels and a dwx- (or a recipe's dw-) name, so that the checks
    # above could see it at all.
    created = containers_created(started, case_label)
    if script.stem != "01_version":
        assert created, f"{script.name} created no container with the test label"
    for name, example in created:
        assert example == script.stem, (name, example)
        assert name.startswith(("dwx-", "dw-")), name


@pytest.mark.docker
@pytest.mark.timeout(120)
@pytest.mark.parametrize("script", [EXAMPLES / "05_exec.sh", EXAMPLES / "05_exec.py"], ids=["05_exec.sh", "05_exec.py"])
def test_exec_example_at_a_terminal(script, case):
    """On a terminal, lesson 05 hands it to a shell in the container (exec -it); every other
    command of the script prints to that terminal too."""
    command = ["bash", str(script)] if script.suffix == ".sh" else [sys.executable, str(script)]
    code, screen = run_in_terminal(
        command, b"echo typed-$((6*7)); exit\r", b"/ # ", env=example_env(case), cwd=str(ROOT)
    )
    text = screen.decode(errors="replace")
    assert left_over(f"label=dockwrap.test.case={case.id}") == {}
    assert code == 0, text
    assert "typed-42" in text and "OK:" in text, text
