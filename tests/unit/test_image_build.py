"""BuildResult and the failing step, from the classic builder's recorded output (both clients)."""

from __future__ import annotations

import json

import pytest

from dockwrap.errors import ParseError
from dockwrap.image.records import BuildResult, BuildStep, failed_step, parse_build
from dockwrap.parse.terminal import screen_lines, strip_escapes

from .corpus import ERRORS, read, read_error
from .test_image_inspect_history import IMAGE_CLIENTS


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_build(client: str) -> None:
    result = parse_build(read(client, "image-build"))
    assert isinstance(result, BuildResult)
    assert result.tags == ["fxrec-img-built:v1"] and result.context_bytes == 6144  # "6.144kB"
    assert [step.number for step in result.steps] == list(range(1, 11)) and {s.total for s in result.steps} == {10}
    assert result.steps[0].instruction == "FROM busybox:latest"
    assert result.steps[-1].instruction == "LABEL fxrec.build=v1"  # --label becomes a last step
    assert not any(step.cached for step in result.steps)
    assert all(step.image_id and len(step.image_id) == 12 for step in result.steps)
    assert result.image_id == result.steps[-1].image_id
    (run,) = [step for step in result.steps if step.output]
    assert run.instruction.startswith("RUN echo") and run.output == ["greeting=hi"]  # --build-arg reached it
    assert result.warnings == ["One or more build-args [FXREC_UNUSED] were not consumed"]
    data = json.loads(json.dumps(result.to_json()))
    assert set(data) == {"image_id", "tags", "steps", "warnings", "context_bytes"}
    assert set(data["steps"][0]) == {"number", "total", "instruction", "cached", "image_id", "output"}


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_build_again_from_the_cache(client: str) -> None:
    first = parse_build(read(client, "image-build"))
    cached = parse_build(read(client, "image-build-cached"))
    assert not cached.steps[0].cached and all(step.cached for step in cached.steps[1:])  # FROM is never "cached"
    assert [step.image_id for step in cached.steps] == [step.image_id for step in first.steps]
    assert cached.image_id == first.image_id and cached.tags == ["fxrec-img-built:v2"]
    assert not any(step.output for step in cached.steps)


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_build_quiet_and_target(client: str) -> None:
    quiet = parse_build(read(client, "image-build-q"))
    assert quiet.image_id.startswith("sha256:") and len(quiet.image_id) == 71
    assert (quiet.tags, quiet.steps, quiet.context_bytes) == ([], [], None)
    target = parse_build(read(client, "image-build-target"))
    assert [step.instruction for step in target.steps] == [
        "FROM busybox:latest AS base",
        "LABEL fxrec.scene=img fxrec.stage=base",
        "RUN echo base > /stage",
    ]
    assert target.tags == ["fxrec-img-target:v1"]


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_the_28_client_warns_on_stderr_only(client: str) -> None:
    stderr = ERRORS.parent / "docker" / client / "image-build.stderr.txt"
    if client.startswith("28."):
        assert stderr.read_text().startswith("DEPRECATED: The legacy builder is deprecated")
    else:
        assert not stderr.exists()


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
def test_failed_step(client: str) -> None:
    case = read_error(ERRORS / client / "image-build-run-fails.txt")
    step = failed_step(case.stdout)
    assert isinstance(step, BuildStep) and step.image_id is None
    assert (step.number, step.total) == (3, 3)
    assert step.instruction == 'RUN echo "about to fail"; echo "to stderr" >&2; exit 3'
    # stdout and stderr of the step, the colour of its stderr removed
    assert "\x1b[91m" in case.stdout and sorted(step.output) == ["about to fail", "to stderr"]
    with pytest.raises(ParseError):
        parse_build(case.stdout)  # no "Successfully built": not a result


@pytest.mark.parametrize("client", IMAGE_CLIENTS)
@pytest.mark.parametrize("name", ["image-build-missing-dockerfile", "image-build-bad-instruction"])
def test_no_step_ran(client: str, name: str) -> None:
    assert failed_step(read_error(ERRORS / client / f"{name}.txt").stdout) is None


def test_buildkit_output_is_another_format() -> None:
    # 20.10's client with DOCKER_BUILDKIT=1: nothing on stdout, its progress on stderr
    assert read("20.10.24", "image-build-buildkit") == ""
    with pytest.raises(ParseError):
        parse_build(read("20.10.24", "image-build-buildkit"))
    with pytest.raises(ParseError):
        parse_build((ERRORS.parent / "docker" / "20.10.24" / "image-build-buildkit.stderr.txt").read_text())


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "garbage\n",
        "Successfully built xyz\n",
        "Sending build context to Docker daemon  lots\n",
        "Step 1/2 : FROM busybox:latest\n ---> 672f1c9bf7b3\n",
    ],
)
def test_build_garbage_or_cut_short(text: str) -> None:
    with pytest.raises(ParseError):
        parse_build(text)


def test_build_cut_short_of_a_recording() -> None:
    text = read("28.2.2", "image-build")
    with pytest.raises(ParseError):
        parse_build(text[: text.index("Successfully built")])


def test_failed_step_never_raises() -> None:
    assert failed_step("") is None and failed_step("garbage\n\x00\n") is None


def test_terminal_text() -> None:
    assert strip_escapes("\x1b[1A\x1b[2K\rabc\x1b[0m") == "\rabc"
    assert screen_lines("a\r\n\r\n\x1b[1A\x1b[2K\rb: x \r\x1b[1Bc\r") == ["a", "b: x", "c"]
