"""`docker image pull` and `push` output: one ProgressEvent per line, PullResult and PushResult.

On a pipe docker prints one line per layer state and the summary lines:

    v1: Pulling from fxrec/built                    The push refers to repository [127.0.0.1:5000/fxrec/built]
    6bc201c7d968: Already exists                    79aab583f951: Preparing
    fddd3c2609fa: Pulling fs layer                  79aab583f951: Pushed          (or Layer already exists,
    fddd3c2609fa: Download complete                                                Mounted from fxrec/other)
    fddd3c2609fa: Pull complete                     v1: digest: sha256:... size: 945
    Digest: sha256:...
    Status: Downloaded newer image for 127.0.0.1:5000/fxrec/built:v1   (or Image is up to date for ...)
    127.0.0.1:5000/fxrec/built:v1

On a terminal it redraws the layer lines in place, adding byte counts (`Downloading
[==>   ]  36.45kB/3.001MB 2s`, the bar only on terminals wider than 110 columns); `-q` prints the
reference alone. Both forms read the same once the escape codes are gone (parse/terminal.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ParseError
from ...parse.record import Record
from ...parse.terminal import screen_lines
from ...parse.units import parse_size

_DIGEST = r"sha256:[0-9a-f]{64}"
_PULLING = re.compile(r"^(\S+): Pulling from (\S+)$")
_PUSHED = re.compile(rf"^(\S+): digest: ({_DIGEST}) size: (\d+)$")
_DIGEST_LINE = re.compile(rf"^Digest: ({_DIGEST})$")
_STATUS = re.compile(r"^Status: (Downloaded newer image|Image is up to date) for (\S+)$")
_REPOSITORY = re.compile(r"^The push refers to repository \[([^\]\s]+)\]$")
_LAYER = re.compile(r"^([0-9a-f]{12}): (.+)$")
_AMOUNT = r"\d+(?:\.\d+)?(?:e[+-]\d+)?[kMGTPEZY]?B"
# `%s [bar] %8v/%v %s`: state, bar (wide terminals), current/total (total left out when docker
# got a current above it), time left (while under half done)
_PROGRESS = re.compile(rf"^([A-Z][a-z]+(?: [a-z]+)*) +(?:\[[=> ]*\] +)?({_AMOUNT})(?:/({_AMOUNT}))?(?: +(\w+))?$")
_MOUNTED = re.compile(r"^Mounted from (\S+)$")
_STATE = re.compile(r"^[A-Z][a-z]*(?: [A-Za-z]+)*$|^Retrying in \d+ seconds?$")
# a name docker prints alone: [host[:port]/]path[:tag][@digest]
_REFERENCE = re.compile(rf"^[\w.-]+(?::\d+)?(?:/[\w.-]+)*(?::[\w][\w.-]*)?(?:@{_DIGEST})?$")

#: what each kind of event is
KINDS = ("layer", "pulling", "digest", "status", "repository", "pushed", "reference", "message")


@dataclass(frozen=True, slots=True)
class ProgressEvent(Record):
    """One line of pull or push output.

    kind "layer": `layer_id`, `state` (Pulling fs layer, Waiting, Downloading, Verifying Checksum,
    Download complete, Extracting, Pull complete, Already exists; Preparing, Pushing, Pushed,
    Layer already exists, Mounted from; Retrying in N seconds), the bytes when shown, and for
    Mounted from the repository in `detail`. "pulling": `reference` is the tag (or digest
    reference) pulled, `detail` the repository. "digest": `digest`. "status": `state`
    (Downloaded newer image, Image is up to date) and `reference`. "repository": `reference`,
    the repository pushed to. "pushed": `reference` (the tag), `digest` and `size_bytes` (of the
    manifest). "reference": the reference printed alone (last line of a pull; all of `-q`).
    "message": any other line (only where unknown lines are let through).
    """

    kind: str
    text: str
    layer_id: str | None = None
    state: str | None = None
    current_bytes: int | None = None
    total_bytes: int | None = None
    detail: str | None = None
    reference: str | None = None
    digest: str | None = None
    size_bytes: int | None = None


def _layer(layer_id: str, rest: str, text: str) -> ProgressEvent | None:
    match = _PROGRESS.match(rest)
    if match:
        state, current, total, _ = match.groups()
        return ProgressEvent("layer", text, layer_id, state, parse_size(current), parse_size(total) if total else None)
    match = _MOUNTED.match(rest)
    if match:
        return ProgressEvent("layer", text, layer_id, "Mounted from", detail=match.group(1))
    if _STATE.match(rest):
        return ProgressEvent("layer", text, layer_id, rest)
    return None


def _event(line: str) -> ProgressEvent | None:
    if match := _PUSHED.match(line):
        tag, digest, size = match.groups()
        return ProgressEvent("pushed", line, reference=tag, digest=digest, size_bytes=int(size))
    if match := _PULLING.match(line):
        return ProgressEvent("pulling", line, reference=match.group(1), detail=match.group(2))
    if match := _LAYER.match(line):
        return _layer(match.group(1), match.group(2), line)
    if match := _DIGEST_LINE.match(line):
        return ProgressEvent("digest", line, digest=match.group(1))
    if match := _STATUS.match(line):
        return ProgressEvent("status", line, state=match.group(1), reference=match.group(2))
    if match := _REPOSITORY.match(line):
        return ProgressEvent("repository", line, reference=match.group(1))
    if _REFERENCE.match(line):
        return ProgressEvent("reference", line, reference=line)
    return None


def parse_progress_line(line: str, command: str = "docker image pull") -> ProgressEvent:
    """The event one line (escape codes removed) stands for; ParseError for any other line."""
    event = _event(line)
    if event is None:
        raise ParseError(command, "not a line of pull or push progress", line)
    return event


def parse_progress(text: str, command: str = "docker image pull") -> list[ProgressEvent]:
    """Every event of a whole output, pipe or terminal form."""
    return [parse_progress_line(line, command) for line in screen_lines(text)]


class ProgressStream:
    """Events as docker's output arrives, in pieces of any size: feed() gives the events of the
    lines it completed, close() those of what was left. A line no event stands for becomes a
    "message" event: a progress display must not stop on a line it has not seen before."""

    def __init__(self) -> None:
        self._rest = ""

    def feed(self, text: str) -> list[ProgressEvent]:
        text = self._rest + text
        cut = max(text.rfind("\r"), text.rfind("\n"))
        if cut < 0:
            self._rest = text
            return []
        self._rest = text[cut + 1 :]
        return self._events(text[: cut + 1])

    def close(self) -> list[ProgressEvent]:
        rest, self._rest = self._rest, ""
        return self._events(rest)

    @staticmethod
    def _events(text: str) -> list[ProgressEvent]:
        return [_event(line) or ProgressEvent("message", line) for line in screen_lines(text)]


def _events(text: str, command: str) -> tuple[list[ProgressEvent], str | None]:
    """The events of a whole output, and the reference when that is all it printed (`-q`)."""
    events = parse_progress(text, command)
    if not events:
        raise ParseError(command, "no output")
    return events, events[0].text if len(events) == 1 and events[0].kind == "reference" else None


def _last_states(events: list[ProgressEvent]) -> dict[str, str]:
    layers: dict[str, str] = {}
    for event in events:
        if event.kind == "layer" and event.layer_id and event.state:
            layers[event.layer_id] = f"Mounted from {event.detail}" if event.state == "Mounted from" else event.state
    return layers


@dataclass(frozen=True, slots=True)
class PullResult(Record):
    """What a pull did: the reference, the manifest digest, the status (None with `-q`), each
    layer's last state; `image_id` is not in docker's output (None until somebody looks it up)."""

    reference: str
    digest: str | None
    status: str | None
    layers: dict[str, str]
    image_id: str | None = None

    @property
    def downloaded(self) -> bool | None:
        """Whether the pull brought a newer image (False: it was up to date; None: not said)."""
        return None if self.status is None else self.status == "Downloaded newer image"


def parse_pull(text: str, command: str = "docker image pull") -> PullResult:
    events, quiet = _events(text, command)
    if quiet:
        return PullResult(quiet, None, None, {})
    status = next((event for event in reversed(events) if event.kind == "status"), None)
    if status is None or status.reference is None:
        raise ParseError(command, "no Status line: the output is cut short", events[-1].text)
    if any(event.kind in ("repository", "pushed") for event in events):
        raise ParseError(command, "push output, not pull output", events[0].text)
    digest = next((event.digest for event in events if event.kind == "digest"), None)
    return PullResult(status.reference, digest, status.state, _last_states(events))


@dataclass(frozen=True, slots=True)
class PushResult(Record):
    """What a push did: the reference pushed, the manifest's digest and size (None with `-q`),
    each layer's last state (Pushed, Layer already exists, Mounted from <repository>)."""

    reference: str
    digest: str | None
    size_bytes: int | None
    layers: dict[str, str]


def parse_push(text: str, command: str = "docker image push") -> PushResult:
    events, quiet = _events(text, command)
    if quiet:
        return PushResult(quiet, None, None, {})
    repository = next((event.reference for event in events if event.kind == "repository"), None)
    pushed = next((event for event in reversed(events) if event.kind == "pushed"), None)
    if repository is None or pushed is None:
        raise ParseError(command, "no repository or digest line: the output is cut short", events[-1].text)
    if any(event.kind in ("pulling", "status") for event in events):
        raise ParseError(command, "pull output, not push output", events[0].text)
    return PushResult(f"{repository}:{pushed.reference}", pushed.digest, pushed.size_bytes, _last_states(events))
