"""`dockwrap tour` without an engine: the steps and their order, --list, --from, the prompt (Enter,
q, the end of stdin), a step that does not hold, and the --dry-run script. (On the engine:
tests/integration/test_tour.py.)"""

import subprocess

import pytest

from dockwrap import Docker
from dockwrap.tour import STEPS, Outcome, Step, find_step, listing, tour
from tests.harness import dockwrap

NAMES = ["publish", "logs", "process", "views", "exec", "dns", "bridge", "round-robin"]


def test_the_steps_are_the_lessons_in_order():
    assert [step.name for step in STEPS] == NAMES
    assert all(step.title and step.why for step in STEPS)


def test_list_prints_each_step_numbered():
    result = dockwrap("tour", "--list")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == listing() and len(lines) == len(NAMES)
    assert [line.split()[:2] for line in lines] == [[f"{n}.", name] for n, name in enumerate(NAMES, 1)]


def test_a_step_by_name_or_number():
    assert find_step("dns") == find_step("6") == 5


def test_an_unknown_step_exits_2_naming_the_steps():
    result = dockwrap("tour", "--from", "nope", "--yes")
    assert result.returncode == 2
    assert result.stderr.startswith("dockwrap: error: the tour has no step 'nope'; its steps: publish, logs,")
    assert "Traceback" not in result.stderr


def fake_steps(played: list[str], failing: str | None = None) -> list[Step]:
    def play(name: str):
        def run(context) -> Outcome:
            played.append(name)
            return Outcome(name != failing, f"{name} saw")

        return run

    return [Step(name, f"{name} title", f"{name} why", play(name)) for name in ("one", "two", "three")]


def test_enter_continues_and_q_quits(capsys):
    played: list[str] = []
    answers = iter(["", "q"])
    status = tour(Docker(), steps=fake_steps(played), ask=lambda prompt: next(answers))
    assert (status, played) == (0, ["one"])
    out = capsys.readouterr().out
    assert "held: one saw" in out and "why: one why" in out
    assert "stopped before two; go on later with: dockwrap tour --from two" in out


def test_the_end_of_stdin_quits(capsys):
    played: list[str] = []
    assert tour(Docker(), steps=fake_steps(played), ask=lambda prompt: None) == 0
    assert played == []


def test_yes_runs_all_and_from_starts_later(capsys):
    played: list[str] = []
    assert tour(Docker(), steps=fake_steps(played), start="two", yes=True, ask=pytest.fail) == 0
    assert played == ["two", "three"]
    assert "== 2/3 two: two title" in capsys.readouterr().out


def test_a_step_that_does_not_hold_ends_the_tour_with_1(capsys):
    played: list[str] = []
    assert tour(Docker(), steps=fake_steps(played, failing="two"), yes=True) == 1
    assert played == ["one", "two"]
    captured = capsys.readouterr()
    assert "did NOT hold: two saw" in captured.out
    assert "go on with: dockwrap tour --from two" in captured.err


def test_q_from_stdin_on_the_cli_runs_nothing():
    result = dockwrap("--docker", "/nonexistent/docker", "tour", "--from", "dns", input="q\n")
    assert result.returncode == 0, result.stderr
    assert "stopped before dns; go on later with: dockwrap tour --from dns" in result.stdout
    assert result.stderr == ""  # no docker call was made (the binary does not exist)


def test_dry_run_is_one_bash_script_with_the_recipes_traps():
    result = dockwrap("--dry-run", "tour")
    assert result.returncode == 0, result.stderr
    script = result.stdout
    assert script.startswith("#!/usr/bin/env bash\n# dockwrap tour:")
    assert subprocess.run(["bash", "-n"], input=script, text=True).returncode == 0
    for number, name in enumerate(NAMES, 1):
        assert f"\n# == {number}/{len(NAMES)} {name}: " in script
    # every step's calls are under a trap that removes what carries its run's label
    assert script.count("trap dw_cleanup ERR") == 9  # the bridge step runs the recipe twice
    assert script.count("trap 'dw_cleanup; exit 143' TERM") == 9
    # no line waits for a terminal or for stdin (bash reads the script from it)
    commands = [line for line in script.splitlines() if line.startswith("docker ")]
    assert not [c for c in commands if " --interactive" in c or " --tty" in c or " -it " in c]
    assert [c for c in commands if c.startswith("docker container logs --follow ")]


def test_dry_run_from_a_step():
    result = dockwrap("--dry-run", "tour", "--from", "bridge")
    assert result.returncode == 0, result.stderr
    assert "# == 7/8 bridge:" in result.stdout and "/8 dns:" not in result.stdout
