"""The lines of classic-builder output (`docker image build`), read into plain steps; podman's
(buildah's) build output too, whose steps read the same.

Plain dicts and strings, no records: the error a failed build raises reads its step here, and
errors sit below the records (dockwrap/image/records/build.py makes BuildStep records of them).
"""

from __future__ import annotations

import re
from typing import Any

from .terminal import strip_escapes
from .units import parse_size


class MalformedLine(ValueError):
    """A line that is not classic-builder output; `line` is the line."""

    def __init__(self, reason: str, line: str) -> None:
        super().__init__(reason)
        self.line = line


_STEP = re.compile(r"^Step (\d+)/(\d+) : (.*)$")
_RESULT = re.compile(r"^ ---> ([0-9a-f]{12})$")
_RUNNING = re.compile(r"^ ---> Running in ([0-9a-f]{12})$")
_REMOVING = re.compile(r"^Removing intermediate container [0-9a-f]{12}$")
_BUILT = re.compile(r"^Successfully built ([0-9a-f]{12})$")
_TAGGED = re.compile(r"^Successfully tagged (\S+)$")
_CONTEXT = re.compile(r"^Sending build context to Docker daemon +(\S+)$")
QUIET = re.compile(r"^sha256:[0-9a-f]{64}$")
# podman 4.3 (buildah): `STEP 2/4: RUN ...`, the step's output, `--> 2c4c7294332` (11 digits);
# the last step's `COMMIT NAME` before its `-->`; then `Successfully tagged` and the full ID
_PODMAN_STEP = re.compile(r"^STEP (\d+)/(\d+): (.*)$")
_PODMAN_RESULT = re.compile(r"^--> ([0-9a-f]{11,64})$")
_PODMAN_COMMIT = re.compile(r"^COMMIT(?: \S+)?$")
_PODMAN_ID = re.compile(r"^[0-9a-f]{64}$")


def output_lines(text: str) -> list[str]:
    # A line rewritten with \r (the context upload's count) is what the terminal shows last.
    lines = []
    for line in strip_escapes(text).split("\n"):
        pieces = [piece for piece in line.split("\r") if piece]
        lines.append(pieces[-1] if pieces else "")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


class StepsReader:
    """The steps (dicts of BuildStep's fields) and summary lines of classic-builder output,
    line by line; MalformedLine for a line that is none of them."""

    def __init__(self) -> None:
        self.steps: list[dict[str, Any]] = []
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
            self.steps.append({**self.current, "image_id": image_id})
        self.current, self.running = None, False

    def read(self, line: str) -> None:
        if match := (_STEP.match(line) or _PODMAN_STEP.match(line)):
            self.close_step(None)
            number, total, instruction = match.groups()
            self.current = {
                "number": int(number),
                "total": int(total),
                "instruction": instruction,
                "cached": False,
                "output": [],
            }
        elif self.current is not None and (match := (_RESULT.match(line) or _PODMAN_RESULT.match(line))):
            self.close_step(match.group(1))
        elif self.current is not None and _PODMAN_COMMIT.match(line):
            pass
        elif self.current is None and self.steps and _PODMAN_ID.match(line):
            self.image_id = line
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
                raise MalformedLine("the context size is not a size", line) from None
        elif line.startswith("[Warning] "):
            self.warnings.append(line[len("[Warning] ") :])
        elif self.current is not None:
            # an instruction's own lines (ONBUILD triggers, a FROM that pulls)
            self.current["output"].append(line)
        elif line:
            raise MalformedLine("not a line of build output", line)


def last_step(text: str) -> dict[str, Any] | None:
    """The step a failed build's stdout ended in (BuildStep's fields, `image_id` None); None when
    it ended before any step or is not classic-builder output. Never raises: it feeds an error."""
    reader = StepsReader()
    try:
        for line in output_lines(text):
            reader.read(line)
    except MalformedLine:
        return None
    if reader.current is None:
        return None
    reader.close_step(None)
    return reader.steps[-1]
