"""A runner's settings never change after it is made: other settings (a recipe's `|| true` for a
call that may fail, cleanup's shorter time limit) make another runner, and threads that share the
first one (a recipe's parallel steps) never see them."""

from __future__ import annotations

import threading

import pytest

from dockwrap import Docker, UsageError
from dockwrap.container.api import ContainerCommands
from dockwrap.recipes.run import RecipeRun
from dockwrap.runner import Runner


def test_settings_are_read_only() -> None:
    runner = Runner(binary="docker", timeout=5)
    for name, value in (("timeout", 1), ("dry_run_suffix", " || true"), ("dry_run", True), ("binary", "x")):
        with pytest.raises(AttributeError):
            setattr(runner, name, value)
    assert (runner.timeout, runner.dry_run_suffix) == (5, "")


def test_with_settings_makes_another_runner_sharing_the_children() -> None:
    runner = Runner(binary="docker", host="unix:///x.sock", timeout=5)
    other = runner.with_settings(timeout=None, dry_run_suffix=" || true")
    assert (other.timeout, other.dry_run_suffix, other.host) == (None, " || true", "unix:///x.sock")
    assert (runner.timeout, runner.dry_run_suffix) == (5, "")
    assert other._children is runner._children  # one terminate_all ends the calls of both
    with pytest.raises(UsageError):
        runner.with_settings(timeout=-1)
    with pytest.raises(TypeError):
        runner.with_settings(host="unix:///y.sock")


def test_with_settings_can_show_the_calls() -> None:
    """The tour shows its steps' calls as -x does, on a twin of the user's runner."""
    runner = Runner(binary="docker")
    shown = runner.with_settings(explain=True)
    assert (shown.explain, runner.explain) == (True, False)
    with pytest.raises(TypeError):
        runner.with_settings(explain="yes")


def test_a_step_that_may_fail_marks_only_its_own_calls(capsys) -> None:
    """One step prints its calls with `|| true` while another prints its own at the same moment:
    before, the suffix was set on the runner both shared, and the other step's line got it too."""
    run = RecipeRun(Docker(binary="docker", dry_run=True), "pingable-pair", run_id="r1")
    both_in, printed = threading.Barrier(2, timeout=5), threading.Barrier(2, timeout=5)

    def tolerant() -> None:
        docker = run.may_fail()
        both_in.wait()
        docker.network.rm("tolerant")
        printed.wait()

    def plain() -> None:
        both_in.wait()
        run.docker.network.rm("plain")
        printed.wait()

    threads = [threading.Thread(target=tolerant), threading.Thread(target=plain)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    lines = sorted(capsys.readouterr().out.splitlines())
    assert lines == ["docker network rm plain", "docker network rm tolerant || true"]


def test_cleanup_limit_is_its_own(monkeypatch) -> None:
    """Cleanup's calls get at most 60 s; a step running beside it keeps the run's limit."""
    run = RecipeRun(Docker(binary="docker", timeout=600), "pingable-pair", run_id="r2")
    with run.ledger.creating("container", "dw-pingable-pair-r2-a"):
        pass
    in_cleanup, seen_beside = threading.Barrier(2, timeout=5), threading.Barrier(2, timeout=5)
    limits = {}

    def rm(commands: ContainerCommands, names: object, force: bool = False, volumes: bool = False) -> list[str]:
        limits["cleanup"] = commands._runner.timeout
        in_cleanup.wait()
        seen_beside.wait()
        return []

    monkeypatch.setattr(ContainerCommands, "rm", rm)
    cleaning = threading.Thread(target=run.removal.cleanup)
    cleaning.start()
    in_cleanup.wait()
    limits["beside"] = run.docker.runner.timeout
    seen_beside.wait()
    cleaning.join()
    assert limits == {"cleanup": 60.0, "beside": 600.0}
