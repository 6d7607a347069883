"""The ship recipe on the real engine and a local registry: the same digest and image back; nothing
left on the engine after success, a failing push, SIGINT mid-run, and its --dry-run script."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest

from tests.harness import docker_cli, dockwrap, free_port, our_resources

pytestmark = [pytest.mark.docker, pytest.mark.registry, pytest.mark.timeout(180)]


def label_options(labels) -> list[str]:
    return [word for key, value in labels.items() for word in ("-l", f"{key}={value}")]


def left_by(labels) -> dict:
    """Containers, networks and images carrying the test case's label."""
    selector = f"dockwrap.test.case={labels['dockwrap.test.case']}"
    left = our_resources(selector)
    images = docker_cli("image", "ls", "-q", "--filter", f"label={selector}").stdout.split()
    if images:
        left["images"] = images
    return left


@pytest.fixture
def sweep(labels):
    """Whatever a failed test left, removed (by the case's label) after it."""
    yield
    for image in left_by(labels).get("images", []):
        docker_cli("image", "rm", "-f", image)


def test_ship_gets_the_same_image_back_and_leaves_nothing(registry, labels, sweep):
    result = dockwrap("recipe", "ship", "--registry", registry.address, "--json", *label_options(labels))
    assert result.returncode == 0, result.stderr
    shipped = json.loads(result.stdout)
    assert shipped["pushed_digest"].startswith("sha256:") and shipped["pushed_digest"] == shipped["pulled_digest"]
    assert shipped["built_id"] == shipped["pulled_id"] and shipped["output"].startswith("shipped by run ")
    assert shipped["reference"].startswith(f"{registry.address}/dw-ship-")
    assert left_by(labels) == {}


def test_a_registry_that_does_not_answer_fails_the_push_and_leaves_nothing(labels, sweep):
    result = dockwrap("recipe", "ship", "--registry", f"127.0.0.1:{free_port()}", *label_options(labels))
    assert result.returncode == 1 and "connection refused" in result.stderr and "Traceback" not in result.stderr
    assert left_by(labels) == {}


def test_interrupted_mid_run_leaves_nothing(registry, labels, sweep):
    proc = subprocess.Popen(
        [sys.executable, "-m", "dockwrap", "recipe", "ship", "--registry", registry.address, *label_options(labels)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not left_by(labels).get("images"):  # built: the push or pull is next
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the recipe built nothing within 60 s"
        time.sleep(0.02)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert left_by(labels) == {}


def test_dry_run_prints_a_script_that_runs(registry, labels, tmp_path, sweep):
    printed = dockwrap("--dry-run", "recipe", "ship", "--registry", registry.address, *label_options(labels))
    assert printed.returncode == 0, printed.stderr
    assert left_by(labels) == {}  # printing ran nothing
    script = tmp_path / "ship.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert "shipped by run" in ran.stdout
    assert left_by(labels) == {}


def test_dry_run_script_removes_what_it_built_when_the_push_fails(labels, tmp_path, sweep):
    printed = dockwrap("--dry-run", "recipe", "ship", "--registry", f"127.0.0.1:{free_port()}", *label_options(labels))
    script = tmp_path / "ship.sh"
    script.write_text(printed.stdout)
    ran = subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 1 and "connection refused" in ran.stderr
    assert left_by(labels) == {}


def test_keep_then_cleanup_removes_the_images(registry, labels, sweep):
    kept = dockwrap("recipe", "ship", "--registry", registry.address, "--keep", "--json", *label_options(labels))
    assert kept.returncode == 0, kept.stderr
    assert left_by(labels).get("images")
    run = json.loads(kept.stdout)["reference"].split("-")[-2]
    removed = dockwrap("cleanup", "--run", run, "--json")
    assert removed.returncode == 0 and json.loads(removed.stdout)["images"], removed.stderr
    assert left_by(labels) == {}
