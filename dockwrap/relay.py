"""Copying a passthrough call's output (logs, exec, a foreground run) to our own stdout and stderr,
byte for byte and in order, while telling docker's own failure from the command's output.

Docker writes its own failure message on the same stderr as the container, so the text cannot
tell them apart: a container may print `Error response from daemon: ...` itself. What the
container cannot fake is the phase and the exit status:

* docker fails before the command runs (no such container or image, a bad option, no engine), and
  then it writes its message and exits with a status of its own (run: 125-127; exec and start:
  1 or 125-127; logs: any non-zero status, since logs has none of the container's);
* once the command shows it runs (a line docker never writes, on stderr; on stdout, where docker
  writes nothing of its own but an exec'd command's refusal to start, any other byte), nothing
  it prints is held or read again: it all passes as it comes, and the status is the command's.

So until then ("the quiet phase") lines that docker may have written are held, each for at most
HOLD_SECONDS (docker exits microseconds after its message), and released as soon as the command
shows life. At the end, a status of docker's with held output is docker's failure: the held text
is the error, and is not printed. Otherwise everything held is printed, in order.
"""

from __future__ import annotations

import os
import re
import selectors
import time
from collections.abc import Callable, Collection
from typing import IO, Any

from .errors import NO_ENGINE_LINE

__all__ = ["Relay", "HeldLines", "HOLD_SECONDS", "DOCKER_LINE", "docker_failed", "sink"]

#: the longest a line that may be docker's is held back before it is printed anyway
HOLD_SECONDS = 0.5
# docker's own messages are short: more than this held is the command's output
_HOLD_BYTES = 65536
_CHUNK = 65536


def sink(stream: IO[Any]) -> Callable[[bytes], None]:
    """A writer of bytes to one of our streams: its fd when it has one (after what Python holds in
    its buffers), else its binary buffer (pytest's capture, Click's test runner)."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):

        def to_stream(data: bytes) -> None:
            buffer = getattr(stream, "buffer", None)
            if buffer is None:
                stream.write(data.decode("utf-8", "replace"))
            else:
                buffer.write(data)
            stream.flush()

        return to_stream
    stream.flush()

    def to_fd(data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(fd, view) :]
        except OSError as exc:
            from .signals import write_failed

            write_failed(fd, exc)

    return to_fd


def docker_failed(
    status: int, statuses: Collection[int] | None, stdout: bytes, stderr: bytes, docker_line: Callable[[str], object]
) -> bool:
    """The rule of the relay for output captured whole: a status of docker's, and nothing but
    lines that docker writes (at least one)."""
    if len(stdout) + len(stderr) > _HOLD_BYTES:
        return False
    lines = [line for line in (stdout + b"\n" + stderr).decode("utf-8", "replace").splitlines() if line.strip()]
    return bool(lines) and all(docker_line(line) for line in lines) and _dockers_status(status, statuses, lines)


def _dockers_status(status: int, statuses: Collection[int] | None, lines: list[str]) -> bool:
    """Whether docker failing with these lines would exit with this status: one of the command's
    (None: any but 0), or 1, with which docker ends any command that it cannot even start (no
    such context) before the command's own statuses apply."""
    if status == 0:
        return False
    if statuses is None or status in statuses:
        return True
    return status == 1 and all(_STARTUP_FAILURE.match(line) for line in lines if line.strip())


class Relay:
    """Reads docker's stdout and stderr pipes until both end, writing to `out` and `err`.

    :param docker_line: whether a line may be docker's own (held in the quiet phase)
    :param data_on_stdout: docker itself is the command (a pass-through: `volume rm`, `cp -`):
        its stdout is its data, passed at once; whatever it writes on stderr is its own (held
        for at most HOLD_SECONDS), and is its failure when it exits with one of the statuses
    """

    def __init__(
        self,
        out_fd: int,
        err_fd: int,
        out: Callable[[bytes], None],
        err: Callable[[bytes], None],
        docker_line: Callable[[str], object],
        data_on_stdout: bool = False,
    ) -> None:
        self._write = {out_fd: out, err_fd: err}
        self._data_fd = out_fd if data_on_stdout else None
        self._open = [out_fd, err_fd]
        self._err_fd = err_fd
        self._docker_line = docker_line
        self.quiet = True
        #: (fd, bytes) held in the quiet phase, in the order they came
        self.held: list[tuple[int, bytes]] = []
        self._held_since: float | None = None
        self._held_size = 0
        # per stream, the quiet phase's line that has not ended yet (to judge it when it does)
        self._line = {out_fd: b"", err_fd: b""}
        #: the end of the stderr printed last (a failure after the quiet phase is told from it)
        self.last_err = b""

    def run(self) -> None:
        """Copy until both pipes end; what is still held stays held (see `failure`)."""
        with selectors.DefaultSelector() as selector:
            for fd in self._open:
                selector.register(fd, selectors.EVENT_READ)
            while self._open:
                wait = None
                if self._held_since is not None:
                    wait = max(0.0, self._held_since + HOLD_SECONDS - time.monotonic())
                events = selector.select(wait)
                if not events:
                    self.release()
                for key, _ in events:
                    chunk = os.read(key.fd, _CHUNK)
                    if not chunk:
                        selector.unregister(key.fd)
                        self._open.remove(key.fd)
                        os.close(key.fd)
                    elif self.quiet and key.fd != self._data_fd:
                        self._hold(key.fd, chunk)
                    else:
                        self._emit(key.fd, chunk)

    def failure(self, status: int, statuses: Collection[int] | None) -> tuple[bytes, bytes] | None:
        """Docker's own (stdout, stderr) when the call ended in docker's failure, else None (and
        whatever was held is printed)."""
        held_lines = b"".join(data for _, data in self.held).decode("utf-8", "replace").splitlines()
        if (
            self.quiet
            and self.held
            and _dockers_status(status, statuses, held_lines)
            and all(self._dockers([line], fd) for fd, line in self._line.items())
        ):
            out = b"".join(data for fd, data in self.held if fd != self._err_fd)
            err = b"".join(data for fd, data in self.held if fd == self._err_fd)
            self.held.clear()
            return out, err
        self.release()
        if statuses is None and status != 0:
            # logs: any failure is docker's, even after the container's output (its stream broke);
            # its message, already printed, was the last line
            return b"", self.last_err.rstrip(b"\n").rpartition(b"\n")[2]
        return None

    def close(self, release: bool = False) -> None:
        """Close the pipes not read to their end; with release (an interrupt, a timeout, a closed
        stdout) what is held is printed, if our streams still take it."""
        while self._open:
            os.close(self._open.pop())
        if release and self.held:
            try:
                self.release()
            except OSError:
                self.held.clear()

    def release(self) -> None:
        """Print what is held, in order (the quiet phase goes on)."""
        held, self.held = self.held, []
        self._held_since = None
        self._held_size = 0
        for fd, data in held:
            self._emit(fd, data)

    def _emit(self, fd: int, data: bytes) -> None:
        self._write[fd](data)
        if fd == self._err_fd:
            self.last_err = (self.last_err + data)[-4096:]

    def _hold(self, fd: int, chunk: bytes) -> None:
        self.held.append((fd, chunk))
        self._held_size += len(chunk)
        if self._held_since is None:
            self._held_since = time.monotonic()
        *ended, self._line[fd] = (self._line[fd] + chunk).split(b"\n")
        if fd != self._err_fd:
            # on stdout docker writes only a runtime's refusal to start an exec'd command: any
            # other byte there is the command's
            ended.append(self._line[fd])
        if self._held_size > _HOLD_BYTES or len(self._line[fd]) > _HOLD_BYTES or not self._dockers(ended, fd):
            self.quiet = False
            self._line.clear()
            self.release()

    def _dockers(self, lines: list[bytes], fd: int) -> bool:
        """Whether these lines (of one stream) may all be docker's own (blank lines are: docker
        puts one between its message and its help footer)."""
        if fd == self._err_fd and self._data_fd is not None:
            return True
        for line in lines:
            if not line.strip():
                continue
            if fd != self._err_fd:
                if not (line.startswith(_DOCKER_STDOUT) or _DOCKER_STDOUT.startswith(line)):
                    return False
            elif not self._docker_line(line.decode("utf-8", "replace")):
                return False
        return True


class HeldLines:
    """The relay's rule for lines yielded one by one (an iterator over `logs -f`, stdout and
    stderr merged): at the start, lines that docker may have written are held (at most
    HOLD_SECONDS each, checked whenever the iterator wakes); the first other line ends that."""

    def __init__(self, docker_line: Callable[[str], object]) -> None:
        self._docker_line = docker_line
        self.quiet = True
        self.held: list[str] = []
        self._since = 0.0
        self.last = ""

    def feed(self, line: str) -> list[str]:
        """The lines to yield now."""
        self.last = line
        if self.quiet and (not line.strip() or self._docker_line(line)):
            if not self.held:
                self._since = time.monotonic()
            self.held.append(line)
            return []
        self.quiet = False
        return [*self.release(), line]

    def due(self, running: bool) -> list[str]:
        """The held lines, once they have waited long enough while docker still runs (once it
        has ended, its status decides)."""
        return self.release() if running and self.held and time.monotonic() - self._since >= HOLD_SECONDS else []

    def release(self) -> list[str]:
        held, self.held = self.held, []
        return held

    def failure(self, status: int, statuses: Collection[int] | None) -> bytes | None:
        """docker's message when it failed (the held lines, else the last line, already yielded:
        logs fails after the container's output only when its stream broke), else None."""
        text = "".join(self.held)
        if self.held and _dockers_status(status, statuses, text.splitlines()):
            self.held.clear()
            return text.encode()
        if statuses is None:
            return self.last.encode()
        return None


# docker's words when it cannot set itself up (a context that does not exist), for any command
_STARTUP_FAILURE = re.compile(r"^(Failed to initialize: |unable to resolve docker endpoint: )")
# what docker writes on stdout of its own: `exec` reports a command it cannot start there (docker/cli#2025)
_DOCKER_STDOUT = b"OCI runtime "


#: lines docker itself writes before the command runs, as both clients word them: its failure
#: (`docker: ...`, the daemon's answer, a runtime that cannot start the command, a missing engine
#: or context), the help footer after it, the pull of a missing image, and its own log lines
DOCKER_LINE = re.compile(
    r"^(\S*docker: |Error response from daemon: |Error: (No such |failed to start containers: )|Unable to find image '|"
    r"[\w.-]+: Pulling from |See '\S*docker|Run 'docker .*--help'|Usage:  docker |unknown (shorthand )?flag: |"
    r"OCI runtime (exec|create) failed|time=\".*\" level=(warning|error|fatal) |no such task or service: |"
    r"error from daemon in stream: |invalid value for \"(since|until)\": |" + NO_ENGINE_LINE + ")"
)
