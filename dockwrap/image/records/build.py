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

import re
from dataclasses import dataclass, field
from typing import Any

from ...errors import ParseError
from ...parse.record import Record
from ...parse.terminal import strip_escapes
from ...parse.units import parse_size

_STEP = re.compile(r"^Step (\d+)/(\d+) : (.*)$")
_RESULT = re.compile(r"^ ---> ([0-9a-f]{12})$")
_RUNNING = re.compile(r"^ ---> Running in ([0-9a-f]{12})$")
_REMOVING = re.compile(r"^Removing intermediate container [0-9a-f]{12}$")
_BUILT = re.compile(r"^Successfully built ([0-9a-f]{12})$")
_TAGGED = re.compile(r"^Successfully tagged (\S+)$")
_CONTEXT = re.compile(r"^Sending build context to Docker daemon +(\S+)$")
_QUIET = re.compile(r"^sha256:[0-9a-f]{64}$")


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


def _lines(text: str) -> list[str]:
    # A line rewritten with \r (the context upload's count) is what the terminal shows last.
    lines = []
    for line in strip_escapes(text).split("\n"):
        pieces = [piece for piece in line.split("\r") if piece]
        lines.append(pieces[-1] if pieces else "")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class _Reader:
    """The steps and summary lines of classic-builder output, line by line."""

    def __init__(self, command: str) -> None:
        self.command = command
        self.steps: list[BuildStep] = []
        self.current: dict[str, Any] | None = None
        self.running = False
        self.image_id: str | None = None
        self.tags: list[str] = []
        self.warnings: list[str] = []
        self.context_bytes: int | None = None

    def close_step(self, image_id: str | None) -> None:
        if self.current is not None:
            output = self.current["output"]
            while output and not output[-1]:  # the colour reset after a step's stderr
                output.pop()
            self.steps.append(BuildStep(image_id=image_id, **self.current))
        self.current, self.running = None, False

    def read(self, line: str) -> None:
        if match := _STEP.match(line):
            self.close_step(None)
            number, total, instruction = match.groups()
            self.current = {"number": int(number), "total": int(total), "instruction": instruction,
                            "cached": False, "output": []}
        elif self.current is not None and (match := _RESULT.match(line)):
            self.close_step(match.group(1))
        elif self.current is not None and _RUNNING.match(line):
            self.running = True
        elif self.current is not None and line == " ---> Using cache":
            self.current["cached"] = True
        elif self.running and _REMOVING.match(line):
            self.running = False
        elif self.running and self.current is not None:
            self.current["output"].append(line)
        elif match := _BUILT.match(line):
            self.close_step(None)
            self.image_id = match.group(1)
        elif match := _TAGGED.match(line):
            self.tags.append(match.group(1))
        elif match := _CONTEXT.match(line):
            try:
                self.context_bytes = parse_size(match.group(1))
            except ValueError:
                raise ParseError(self.command, "the context size is not a size", line) from None
        elif line.startswith("[Warning] "):
            self.warnings.append(line[len("[Warning] "):])
        elif self.current is not None:
            # an instruction's own lines (ONBUILD triggers, a FROM that pulls)
            self.current["output"].append(line)
        elif line:
            raise ParseError(self.command, "not a line of build output", line)


def parse_build(text: str, command: str = "docker image build") -> BuildResult:
    """A successful build's stdout, `-q` or not. ParseError when it has no image ID (cut short,
    or not classic-builder output)."""
    lines = _lines(text)
    if len(lines) == 1 and _QUIET.match(lines[0]):
        return BuildResult(lines[0], [], [], [], None)
    reader = _Reader(command)
    for line in lines:
        reader.read(line)
    if reader.image_id is None:
        raise ParseError(command, "no 'Successfully built' line: the output is cut short", lines[-1] if lines else "")
    return BuildResult(reader.image_id, reader.tags, reader.steps, reader.warnings, reader.context_bytes)


def failed_step(text: str) -> BuildStep | None:
    """The step a failed build's stdout ended in, with its output; None when it ended before any
    step (a missing Dockerfile) or is not classic-builder output. Never raises: it feeds an error."""
    reader = _Reader("docker image build")
    try:
        for line in _lines(text):
            reader.read(line)
    except ParseError:
        return None
    if reader.current is None:
        return None
    reader.close_step(None)
    return reader.steps[-1]
