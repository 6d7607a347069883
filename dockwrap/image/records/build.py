"""`docker image build` output of the classic builder: BuildResult, BuildStep, failed_step().

    Sending build context to Docker daemon  6.144kB
    Step 5/10 : RUN echo "greeting=$GREETING"
     ---> Running in 864d41a6ff2e
    greeting=hi                                  (the step's output; its stderr in ESC[91m colour)
    Removing intermediate container 864d41a6ff2e
     ---> 777c1e29f145                           (or ` ---> Using cache`, then the ID)
    [Warning] One or more build-args [FXREC_UNUSED] were not consumed
    Successfully built f919bfd42e85
    Successfully tagged fxrec-img-built:v1

`-q` prints the image ID alone (`sha256:...`). A failing step ends the output after its output
lines; the reason is on stderr (`The command '/bin/sh -c ...' returned a non-zero code: 3`).
BuildKit's output (DOCKER_BUILDKIT=1 with a client that has it) is another format, on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...errors import ParseError
from ...parse.build_output import QUIET, MalformedLine, StepsReader, last_step, output_lines
from ...parse.record import Record


@dataclass(frozen=True, slots=True)
class BuildStep(Record):
    """One Dockerfile instruction as the build ran it: `image_id` is what it made (None for a
    step that failed), `output` what its command printed (stdout and stderr, colours removed)."""

    number: int
    total: int
    instruction: str
    cached: bool
    image_id: str | None
    output: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class BuildResult(Record):
    """A finished build: the image ID (12 digits from `Successfully built`, `sha256:...` from
    `-q`), the names tagged, the steps seen (none with `-q`), docker's warnings, the size of the
    context sent."""

    image_id: str
    tags: list[str]
    steps: list[BuildStep]
    warnings: list[str]
    context_bytes: int | None


def parse_build(text: str, command: str = "docker image build") -> BuildResult:
    """A successful build's stdout, `-q` or not. ParseError when it has no image ID (cut short,
    or not classic-builder output)."""
    lines = output_lines(text)
    if len(lines) == 1 and QUIET.match(lines[0]):
        return BuildResult(lines[0], [], [], [], None)
    reader = StepsReader()
    try:
        for line in lines:
            reader.read(line)
    except MalformedLine as error:
        raise ParseError(command, str(error), error.line) from None
    if reader.image_id is None:
        raise ParseError(command, "no 'Successfully built' line: the output is cut short", lines[-1] if lines else "")
    steps = [BuildStep(**step) for step in reader.steps]
    return BuildResult(reader.image_id, reader.tags, steps, reader.warnings, reader.context_bytes)


def failed_step(text: str) -> BuildStep | None:
    """The step a failed build's stdout ended in, with its output; None when it ended before any
    step (a missing Dockerfile) or is not classic-builder output. Never raises: it feeds an error."""
    step = last_step(text)
    return BuildStep(**step) if step else None
