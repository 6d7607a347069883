"""`image build` as dockwrap runs it: the classic builder, by name, with its output streamed.

* `DOCKER_BUILDKIT=0` in docker's environment (shown in -x and --dry-run lines): the 28.x client
  here has no buildx plugin, so it would refuse DOCKER_BUILDKIT=1 and build nothing, while the
  20.10 client would build through the daemon's BuildKit, whose output is another format on stderr
  and whose records stay in the build cache. Asked for by name, every client runs the one builder
  whose output dockwrap reads (`records/build.py`); 28.x then prints its DEPRECATED notice on
  stderr, which is not shown.
* `--force-rm` (before the caller's words, which may say `--force-rm=false`): a failed RUN step
  would leave its exited container behind.
* `--iidfile` in a directory of the run (the caller's own when given): the full image ID, while
  the output streams. Under --dry-run the line is printed without it (that file is the run's own:
  the printed script has no use for it and no directory to write it in).
"""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..parse.terminal import strip_escapes
from .records.build import BuildResult, parse_build
from .transfer import Display, watched

if TYPE_CHECKING:  # pragma: no cover
    from ..runner import Runner
    from ..verbs import CommandLine

__all__ = ["built", "BUILD_ENV", "build_words"]

#: docker's environment for a build (see the module)
BUILD_ENV = {"DOCKER_BUILDKIT": "0"}
_NOTICE = re.compile(
    r"^(DEPRECATED: The legacy builder|\s+(BuildKit is currently disabled|environment-variable\.|"
    r"Install the buildx component|https://docs\.docker\.com/go/buildx/))"
)


def build_words(dry_run: bool) -> tuple[list[str], str | None]:
    """The words dockwrap adds before the caller's, and the directory of the image ID file (None
    under --dry-run)."""
    if dry_run:
        return ["--force-rm"], None
    directory = tempfile.mkdtemp(prefix="dockwrap-build-")
    return ["--force-rm", "--iidfile", os.path.join(directory, "iid")], directory


class _Lines:
    """Decoded output to whole lines (escape codes removed; a line redrawn with `\\r` as shown last)."""

    def __init__(self) -> None:
        self._rest = ""

    def feed(self, text: str) -> list[str]:
        *lines, self._rest = (self._rest + text).split("\n")
        return [_shown(line) for line in lines]

    def close(self) -> list[str]:
        rest, self._rest = self._rest, ""
        return [_shown(rest)] if rest else []


def _shown(line: str) -> str:
    pieces = [piece for piece in strip_escapes(line).split("\r") if piece]
    return pieces[-1] if pieces else ""


def built(
    runner: Runner,
    line: CommandLine,
    directory: str | None,
    progress: Callable[[str], None] | None,
    display: Display | None,
    input: Any = None,
    stdin_from: str | None = None,
) -> BuildResult:
    """Run the build (its output streamed: see transfer.watched) and read its result, with the
    full image ID from the ID file (the caller's `--iidfile` or ours)."""
    lines = _Lines()
    try:
        done = watched(
            runner,
            line,
            progress,
            display,
            events=lines.feed,
            close=lines.close,
            line_of=lambda text: text,
            pty=False,
            env=BUILD_ENV,
            input=input,
            stdin_from=stdin_from,
        )
        if runner.dry_run:
            return BuildResult("", line.values("tag"), [], [], None)
        result = parse_build(done.out)
        id_file = line.value("iidfile")
        if id_file:
            try:
                with open(id_file, encoding="utf-8") as file:
                    image_id = file.read().strip()
            except OSError:
                image_id = ""
            if image_id.startswith("sha256:"):
                result = dataclasses.replace(result, image_id=image_id)
        _show_stderr(done.err, display)
        return result
    finally:
        if directory is not None:
            shutil.rmtree(directory, ignore_errors=True)


def _show_stderr(stderr: str, display: Display | None) -> None:
    """What docker said on stderr of a build that succeeded (a warning), but its builder notice."""
    kept = [line for line in stderr.splitlines() if line.strip() and not _NOTICE.match(line)]
    if kept and display is not None:
        from ..relay import sink

        sink(display)(("\n".join(kept) + "\n").encode())
