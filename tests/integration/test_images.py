"""The image verbs on the real engine, without a registry: build, tag, rm, inspect, history,
save/load, import, prune; the typed result (Python) and what the CLI prints, and each failure's
class, exit status and one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from dockwrap import DockerCommandFailed
from dockwrap.errors import BuildFailed, ImageInUse, NoSuchImage
from tests.harness import DOCKER, docker_cli, dockwrap
from tests.integration.image_fixtures import images_fixture  # noqa: F401  (the fixture `images`)

pytestmark = [pytest.mark.docker, pytest.mark.timeout(180)]


def image_id(reference: str) -> str:
    done = docker_cli("image", "inspect", "--format", "{{.Id}}", reference)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("dockwrap: error:")]
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    return lines[0]


def test_build_returns_the_full_id_and_the_build_arg_reaches_the_build(docker, images, labels):
    context = images.context("ARG GREETING=none", 'RUN echo "greeting=$GREETING" > /greeting')
    tag = images.name("built")
    lines: list[str] = []
    result = docker.image.build(
        context, tags=[tag], build_args={"GREETING": "hello-img2"}, labels=labels, progress=lines.append
    )
    assert result.image_id == image_id(tag) and result.image_id.startswith("sha256:")
    assert tag in result.tags and any("RUN" in step.instruction for step in result.steps)
    assert lines, "the build's output reaches the progress callback"
    shown = docker_cli("run", "--rm", "--pull", "never", tag, "cat", "/greeting")
    assert shown.stdout.strip() == "greeting=hello-img2"
    assert docker.image.inspect(tag)[0].labels["dockwrap.test.case"] == labels["dockwrap.test.case"]


def test_build_on_the_cli_prints_the_id_on_stdout_and_the_build_on_stderr(images, case):
    tag = images.name("cli")
    context = images.context("RUN echo cli-build-output")
    result = dockwrap("build", "-t", tag, *case.label_args, str(context))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == image_id(tag)
    assert "cli-build-output" in result.stderr and "Step 2/" in result.stderr


def test_a_failing_run_step_gives_the_step_its_output_and_status_and_leaves_no_container(docker, images, labels, case):
    marker = f"boom-{case.id}"
    context = images.context(f"RUN echo {marker}; exit 3")
    with pytest.raises(BuildFailed) as info:
        docker.image.build(context, labels=labels)
    assert info.value.exit_code == 3 and info.value.step and marker in info.value.step
    assert any(marker in line for line in info.value.output)
    result = dockwrap("build", *case.label_args, str(context))
    assert result.returncode == 3
    assert "returned a non-zero code: 3" in one_error_line(result) and marker in result.stderr
    # --force-rm: the failed step's container is gone (docker's own default keeps it)
    left = docker_cli("ps", "-a", "--no-trunc", "--format", "{{.Command}}")
    assert marker not in left.stdout


def test_a_missing_dockerfile(docker, tmp_path):
    with pytest.raises(BuildFailed) as info:
        docker.image.build(tmp_path)
    assert info.value.step is None and "Dockerfile" in str(info.value)
    result = dockwrap("build", str(tmp_path))
    assert result.returncode == 1 and "Dockerfile" in one_error_line(result)


def test_tag_inspect_and_history_are_typed(docker, images):
    tag, built = images.build("LABEL stage=img2", 'CMD ["echo", "hi"]', hint="typed")
    other = images.name("alias")
    docker.image.tag(tag, other)
    details = docker.image.inspect([tag, other])
    assert [d.id for d in details] == [built, built] and set(details[0].repo_tags) >= {tag, other}
    assert details[0].cmd == ["echo", "hi"] and details[0].labels["stage"] == "img2" and details[0].os == "linux"
    history = docker.image.history(tag)
    assert history[0].id and built.removeprefix("sha256:").startswith(history[0].id)  # docker truncates
    assert docker.image.history(tag, docker_args=["--no-trunc"])[0].id == built
    assert any("stage=img2" in row.created_by for row in history)
    shown = dockwrap("image", "inspect", other, "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)[0]["id"] == built
    listed = dockwrap("history", "-q", tag)
    assert listed.returncode == 0 and listed.stdout.split()[0] == built.removeprefix("sha256:")[:12]


def test_rm_of_several_and_of_one_in_use(docker, images, names, case):
    first, _ = images.build("LABEL n=1", hint="first")
    second, _ = images.build("LABEL n=2", hint="second")
    removed = docker.image.rm([first, second])
    assert {(row.action, row.reference) for row in removed} >= {("untagged", first), ("untagged", second)}
    kept, _ = images.build("LABEL n=3", hint="used")
    gone, _ = images.build("LABEL n=4", hint="gone")
    used = docker_cli("create", "--name", names("user"), *case.label_args, "--pull", "never", kept, "true")
    assert used.returncode == 0, used.stderr
    with pytest.raises(ImageInUse) as info:
        docker.image.rm([gone, kept])
    assert ("untagged", gone) in {(row.action, row.reference) for row in info.value.done}  # type: ignore[attr-defined]
    assert info.value.container and used.stdout.startswith(info.value.container)
    docker_cli("tag", kept, gone)
    result = dockwrap("rmi", gone, kept, f"dwt-{case.id}-never:1")
    assert result.returncode == 1 and result.stdout.startswith(f"Untagged: {gone}\n")
    assert "No such image" in one_error_line(result) or "conflict" in one_error_line(result)
    forced = dockwrap("image", "rm", "-f", kept, "--json")
    assert forced.returncode == 0 and {"action": "untagged", "reference": kept} in json.loads(forced.stdout)


def test_rm_of_a_missing_image(docker, case):
    with pytest.raises(NoSuchImage):
        docker.image.rm(f"dwt-{case.id}-missing:1")


def test_save_then_load_round_trip_gives_the_same_image(docker, images, tmp_path):
    tag, built = images.build("LABEL saved=yes", hint="saved")
    archive = tmp_path / "saved.tar"
    piped = subprocess.run([sys.executable, "-m", "dockwrap", "save", tag], capture_output=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout[:512].strip(b"\0"), piped.stderr
    assert (
        piped.stdout == subprocess.run([DOCKER, "save", tag], capture_output=True, timeout=120).stdout
    )  # byte for byte
    docker.image.save(tag, archive)
    assert archive.read_bytes() == piped.stdout
    assert dockwrap("save", "-o", str(tmp_path / "cli.tar"), tag).returncode == 0
    assert (tmp_path / "cli.tar").read_bytes() == piped.stdout
    docker.image.rm(tag)
    loaded = subprocess.run(
        [sys.executable, "-m", "dockwrap", "load"], input=piped.stdout, capture_output=True, timeout=120
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.decode().strip() == f"Loaded image: {tag}" and image_id(tag) == built
    docker.image.rm(tag)
    assert docker.image.load(archive).references == [tag] and image_id(tag) == built
    docker.image.rm(tag)
    assert docker.image.load(archive.read_bytes()).references == [tag] and image_id(tag) == built
    docker.image.rm(tag)
    shown = dockwrap("load", "-i", str(archive), "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["references"] == [tag] and image_id(tag) == built


def test_import_a_root_file_system(docker, images, names, case, tmp_path):
    made = docker_cli("create", "--name", names("rootfs"), *case.label_args, "--pull", "never", "busybox:latest")
    assert made.returncode == 0, made.stderr
    archive = tmp_path / "rootfs.tar"
    assert docker_cli("export", "-o", str(archive), made.stdout.strip()).returncode == 0
    tag = images.name("imported")
    result = docker.image.import_(
        archive.read_bytes(), tag, changes=['CMD ["/bin/true"]', f"LABEL dockwrap.test.case={case.id}"]
    )
    assert result.image_id == image_id(tag)
    shown = dockwrap("import", "--change", f"LABEL dockwrap.test.case={case.id}", str(archive), images.name("cli"))
    assert shown.returncode == 0 and shown.stdout.strip().startswith("sha256:"), shown.stderr
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "dockwrap",
            "import",
            "--change",
            f"LABEL dockwrap.test.case={case.id}",
            "-",
            images.name("stdin"),
        ],
        input=archive.read_bytes(),
        capture_output=True,
        timeout=120,
    )
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode().strip() == image_id(images.names[-1])


def test_prune_removes_only_what_the_filter_names_and_says_what(docker, images, case):
    tag, first = images.build("LABEL round=1", hint="dangling")
    _, second = images.build("LABEL round=2", hint="dangling")
    docker_cli("tag", second, tag)  # the first loses its only tag: dangling
    result = docker.image.prune(filters=[f"label=dockwrap.test.case={case.id}"])
    assert first in result.images and second not in result.images
    assert image_id(second) == second
    docker_cli("image", "rm", tag)
    shown = dockwrap("image", "prune", "-f", "-a", "--filter", f"label=dockwrap.test.case={case.id}", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["space_reclaimed_bytes"] is not None
    assert images.ids() == []


def test_inspect_of_a_missing_image_on_the_cli(case):
    result = dockwrap("image", "inspect", f"dwt-{case.id}-missing:1")
    assert result.returncode == 1 and "No such image" in one_error_line(result)


def test_a_failure_is_a_docker_command_failed(docker, case):
    with pytest.raises(DockerCommandFailed):
        docker.image.tag(f"dwt-{case.id}-missing:1", f"dwt-{case.id}-other:1")
