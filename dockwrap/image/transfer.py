"""How `image pull`, `push` (and `build`) show their progress while they run, and what a pull's
result is missing from docker's output.

Where the progress goes is a stream, the `display` (the CLI's stderr):

* a terminal: docker runs on a pseudo-terminal of that terminal's size, draws its own progress
  there (bars above 110 columns, byte counts, redrawn in place), and its bytes are copied to the
  display unchanged;
* anything else: docker's pipe output, which is one line per layer state (at most five per
  layer: never a flood), each line as docker wrote it; the reference a pull or push prints last
  alone is data (the caller's result), not progress.

The typed events (`ProgressEvent`) go to the `progress` callback in both cases; only a terminal
gets byte counts from docker.
"""

from __future__ import annotations

import codecs
import dataclasses
import os
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

from ..relay import sink
from .records.progress import ProgressEvent, ProgressStream, PullResult, PushResult, parse_pull, parse_push

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import Completed, Runner
    from ..verbs import CommandLine
    from .records.inspect import ImageDetails

__all__ = ["Progress", "Display", "terminal_size", "watched", "pulled", "pushed", "split_reference"]

#: called with each event of a pull or push as docker's output arrives
Progress = Callable[[ProgressEvent], None]
#: where docker's progress is shown while it runs (a terminal gets docker's own drawing)
Display = IO[Any]


def terminal_size(display: Display | None) -> tuple[int, int] | None:
    """(columns, rows) of the display when it is a terminal, else None."""
    try:
        fd = display.fileno() if display is not None else -1
        if fd < 0 or not os.isatty(fd):
            return None
        size = os.get_terminal_size(fd)
    except (AttributeError, OSError, ValueError):
        return None
    return size.columns, size.lines


class _Shown:
    """What becomes of each piece of docker's stdout: copied to a terminal, read into events
    (given to `progress`), and on a display that is no terminal, each line written there."""

    def __init__(
        self,
        progress: Callable[[Any], None] | None,
        display: Display | None,
        terminal: bool,
        events: Callable[[str], list[Any]] | None,
        line_of: Callable[[Any], str | None],
    ) -> None:
        self._write = sink(display) if display is not None else None
        self._terminal = terminal
        self._progress = progress
        self._events = events if (progress or (self._write and not terminal)) else None
        self._line_of = line_of
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def __call__(self, chunk: bytes) -> None:
        if self._write is not None and self._terminal:
            self._write(chunk)
        if self._events is not None:
            self._give(self._events(self._decoder.decode(chunk)))

    def _give(self, events: list[Any]) -> None:
        for event in events:
            if self._write is not None and not self._terminal:
                line = self._line_of(event)
                if line is not None:
                    self._write(f"{line}\n".encode())
            if self._progress is not None:
                self._progress(event)


def watched(
    runner: Runner,
    line: CommandLine,
    progress: Callable[[Any], None] | None,
    display: Display | None,
    *,
    events: Callable[[str], list[Any]],
    line_of: Callable[[Any], str | None],
    close: Callable[[], list[Any]],
    pty: bool = True,
    **run: Any,
) -> Completed:
    """Run the call with its progress shown (see the module): EVENTS reads decoded output into
    events (CLOSE the rest at the end), LINE_OF is the line a display that is no terminal shows for
    an event (None: none); with `pty` False docker writes to a pipe even for a terminal, whose
    display gets docker's bytes unchanged all the same."""
    size = terminal_size(display)
    shown = _Shown(progress, display, size is not None, events, line_of)
    done = runner.watch(line.argv, shown, terminal=size if pty else None, **run)
    if shown._events is not None:
        shown._give(close())
    return done


def _progress(runner: Runner, line: CommandLine, progress: Progress | None, display: Display | None) -> Completed:
    stream = ProgressStream()
    return watched(
        runner,
        line,
        progress,
        display,
        events=stream.feed,
        close=stream.close,
        line_of=lambda event: None if event.kind == "reference" else event.text,
    )


def split_reference(reference: str) -> tuple[str, str | None]:
    """(repository, tag or digest) of `[host[:port]/]path[:tag][@digest]`."""
    if "@" in reference:
        repository, _, digest = reference.partition("@")
        return repository, digest
    repository, sep, tag = reference.rpartition(":")
    if not sep or "/" in tag:  # `host:port/path` has no tag
        return reference, None
    return repository, tag


def pulled(
    runner: Runner,
    inspect: Callable[[list[str]], Sequence[ImageDetails]],
    line: CommandLine,
    progress: Progress | None,
    display: Display | None,
) -> PullResult:
    """`image pull` with its progress shown; the result with the image's ID (which docker never
    prints) and, after `-q`, the digest: one `image inspect` more (INSPECT: `ImageCommands.inspect`)."""
    done = _progress(runner, line, progress, display)
    reference = line.rest[-1]
    if runner.dry_run:
        return PullResult(reference, None, None, {})
    result = parse_pull(done.out)
    if line.flag("all-tags"):  # several images: no one ID to give
        return result
    details = inspect([result.reference])[0]
    digest = result.digest
    if digest is None:
        repository = split_reference(result.reference)[0]
        digest = next(
            (
                found.rpartition("@")[2]
                for found in details.repo_digests
                if found.rpartition("@")[0] in (repository, f"docker.io/{repository}")
            ),
            None,
        )
    return dataclasses.replace(result, image_id=details.id, digest=digest)


def pushed(runner: Runner, line: CommandLine, progress: Progress | None, display: Display | None) -> PushResult:
    """`image push` with its progress shown."""
    done = _progress(runner, line, progress, display)
    if runner.dry_run:
        return PushResult(line.rest[-1], None, None, {})
    return parse_push(done.out)
