"""The harness itself: the leftover check fails a run that leaks, and the engine script never
stops an engine it did not start."""

import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest

from tests.harness import docker_cli, remove_resources

pytestmark = [pytest.mark.docker, pytest.mark.timeout(120)]
ROOT = Path(__file__).resolve().parents[2]


def run_child_pytest(tmp_path: Path, body: str, session: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tests.harness"]\n')
    (tmp_path / "test_child.py").write_text(textwrap.dedent(body))
    env = dict(os.environ, DOCKWRAP_TEST_SESSION=session, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=100,
    )


def test_a_leaking_test_fails_the_run(tmp_path):
    session = "leak" + uuid.uuid4().hex[:6]
    # The leak bypasses the per-test cleanup: it carries the session label but not the case label.
    body = f"""
        import subprocess
        import pytest

        @pytest.mark.docker
        def test_leaks():
            subprocess.run(["docker", "run", "-d", "--pull", "never", "--name", "leaky-{session}",
                            "--label", "dockwrap.test={session}", "busybox:latest", "sleep", "60"], check=True)
    """
    try:
        result = run_child_pytest(tmp_path, body, session)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "1 passed" in result.stdout
        assert f"leftover check: tests left resources of session {session}" in result.stdout
        assert "leaky-" in result.stdout
        # ... and the check removed what it found.
        assert docker_cli("container", "inspect", f"leaky-{session}").returncode == 1
    finally:
        remove_resources(f"dockwrap.test={session}")


def test_a_clean_run_passes(tmp_path):
    session = "clean" + uuid.uuid4().hex[:6]
    body = """
        import pytest

        @pytest.mark.docker
        def test_clean(docker, names, labels):
            docker.container.run(
                "busybox:latest", ["sleep", "60"], detach=True, name=names("x"), labels=labels, pull="never"
            )
    """
    try:
        result = run_child_pytest(tmp_path, body, session)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "leftover" not in result.stdout
    finally:
        remove_resources(f"dockwrap.test={session}")


def test_without_an_engine_docker_tests_skip_but_fail_under_ci(tmp_path):
    body = """
        import pytest

        @pytest.mark.docker
        def test_needs_engine():
            pass
    """
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["tests.harness"]\n')
    (tmp_path / "test_child.py").write_text(textwrap.dedent(body))
    base = dict(os.environ, PYTHONPATH=str(ROOT), DOCKER_HOST=f"unix://{tmp_path}/none.sock")
    base.pop("CI", None)
    skipped = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        env=base,
        cwd=tmp_path,
        timeout=100,
    )
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout
    assert "no Docker engine answers" in skipped.stdout
    failed = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
        capture_output=True,
        text=True,
        env=dict(base, CI="true"),
        cwd=tmp_path,
        timeout=100,
    )
    assert failed.returncode == 1 and "CI=true but no Docker engine answers" in failed.stdout


def test_engine_down_never_stops_an_engine_it_did_not_start(tmp_path):
    result = subprocess.run(
        [str(ROOT / "scripts" / "engine"), "down"],
        capture_output=True,
        text=True,
        env=dict(os.environ, DOCKWRAP_ENGINE_STATE=str(tmp_path)),
        timeout=60,
    )
    assert result.returncode == 0
    assert "nothing to stop" in result.stdout
    assert docker_cli("info", "--format", "{{.ServerVersion}}").returncode == 0


def test_engine_up_uses_the_running_engine(tmp_path):
    result = subprocess.run(
        [str(ROOT / "scripts" / "engine"), "up"],
        capture_output=True,
        text=True,
        env=dict(os.environ, DOCKWRAP_ENGINE_STATE=str(tmp_path)),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "already answers: using it, touching nothing" in result.stdout
    assert "image busybox:latest is present" in result.stdout
    assert not (tmp_path / "dockerd.pid").exists()
