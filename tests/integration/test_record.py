"""--record on the real engine: a recipe's record replays with bash to the same outcome and leaves
nothing; a recipe's parallel calls stay whole records; -x shows the same calls the record holds."""

import subprocess

import pytest

from tests.harness import dockwrap, our_resources
from tests.unit.test_record import records

pytestmark = [pytest.mark.docker, pytest.mark.timeout(180)]


def label_options(labels) -> list[str]:
    return [word for key, value in labels.items() for word in ("-l", f"{key}={value}")]


def left_by(labels) -> dict:
    return our_resources(f"dockwrap.test.case={labels['dockwrap.test.case']}")


def replay(path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(path)], capture_output=True, text=True, timeout=120)


def test_a_recipes_record_replays_to_the_same_outcome_and_leaves_nothing(labels, tmp_path):
    log = tmp_path / "calls.sh"
    result = dockwrap("--record", str(log), "recipe", "pingable-pair", "-c", "2", *label_options(labels))
    assert result.returncode == 0, result.stderr
    assert left_by(labels) == {}
    calls = records(log.read_text())
    assert all(head.endswith(" exit 0") for head, _ in calls)
    assert [command.split()[1:3] for _, command in calls][-2:] == [["container", "rm"], ["network", "rm"]]
    ran = replay(log)
    assert ran.returncode == 0, ran.stderr
    assert "2 packets received, 0% packet loss" in ran.stdout  # the ping by name held again
    assert left_by(labels) == {}


def test_parallel_calls_stay_whole_and_x_shows_what_is_recorded(labels, tmp_path):
    log = tmp_path / "calls.sh"
    # round-robin starts its three servers at once (parallel steps); the record is also in the environment
    result = dockwrap(
        "-x", "recipe", "round-robin", "--queries", "12", *label_options(labels), env={"DOCKWRAP_RECORD": str(log)}
    )
    assert result.returncode == 0, result.stderr
    shown = sorted(line[2:] for line in result.stderr.splitlines() if line.startswith("+ "))
    recorded = [command for _, command in records(log.read_text())]
    assert sorted(recorded) == shown
    assert sum(" run --detach " in command for command in recorded) == 3
    assert left_by(labels) == {}
    ran = replay(log)
    assert ran.returncode == 0, ran.stderr
    assert {
        line
        for line in ran.stdout.splitlines()
        if line.startswith("dw-round-robin-") and line.endswith(("-s1", "-s2", "-s3"))
    }
    assert left_by(labels) == {}
