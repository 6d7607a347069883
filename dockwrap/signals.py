"""Every way out of the program, and how each still cleans up.

* Signals. The CLI turns SIGINT into KeyboardInterrupt and SIGTERM, SIGHUP (a closed terminal) and
  SIGQUIT into `Terminated`, so that `finally` blocks and a recipe's cleanup run; the exit status is
  128 + the signal's number. A signal that arrives while Python imports a module is not raised
  there: an exception in the middle of an import leaves the module half made (a later
  `NameError: name 'coroutines' is not defined` from asyncio, or a `RuntimeError` from a class
  being built), so it comes again 20 ms later, once the import is over.
* Closed outputs. A write to a stdout or stderr whose reader is gone (`| head`: EPIPE) or whose
  terminal was closed (EIO) points that descriptor at /dev/null, so that nothing written later fails
  (a cleanup's `-x` lines), and then ends the run like a signal: `OutputClosed`, exit 141, as a
  program killed by SIGPIPE. docker, writing straight to our stdout, dies of SIGPIPE or exits 1
  with "broken pipe" instead: after a failed call, an output of ours with no reader says why
  (`after_docker_failed`).
* `SignalsHeld`: a moment that must not be cut short (sh starting docker, a recipe removing what it
  made) holds all of these until it is over.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
import threading
from typing import Any

__all__ = [
    "SignalsHeld",
    "Terminated",
    "OutputClosed",
    "EXIT_SIGNALS",
    "install",
    "guard_stdio",
    "output_closed",
    "mute_closed_outputs",
    "exit_status",
    "CLOSED_OUTPUT_ERRNOS",
    "after_docker_failed",
    "write_failed",
]

#: the signals that end a run with its cleanup (SIGKILL cannot be caught: `dockwrap cleanup` is for that)
EXIT_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
#: a write failed with one of these: nobody reads that output any more
CLOSED_OUTPUT_ERRNOS = (errno.EPIPE, errno.EIO)
# How a closed output is recorded among held signals (it is what SIGPIPE would have said).
_OUTPUT_CLOSED = signal.SIGPIPE
# How long a signal that came during an import waits before it is raised again.
_AFTER_IMPORT_SECONDS = 0.02

#: the signals that reached the CLI's handlers, first one first: the exit status says so even where
#: Python swallowed the exception they raised (in a `__del__` or weakref callback)
received: list[int] = []
_holding = threading.local()
# Whether guard_stdio() made stdout and stderr the CLI's (a library caller's stay as they are).
_guarded = False


class Terminated(BaseException):
    """SIGTERM, SIGHUP or SIGQUIT, raised like KeyboardInterrupt so that `finally` blocks clean up."""

    def __init__(self, signum: int = signal.SIGTERM) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


class OutputClosed(BaseException):
    """Nobody reads our stdout or stderr any more: the run ends (after its cleanup) with 141."""

    exit_code = 128 + signal.SIGPIPE


def install() -> None:
    """The CLI's handlers for EXIT_SIGNALS (main thread only). A signal the parent set to be
    ignored stays ignored (`nohup` ignores SIGHUP; a background job, SIGINT)."""
    for signum in EXIT_SIGNALS:
        if signal.getsignal(signum) not in (signal.SIG_IGN, None):
            signal.signal(signum, _raise_for)


def _raise_for(signum: int, frame: Any) -> None:
    if signum not in received:
        received.append(signum)
    if _importing(frame):
        import _thread

        timer = threading.Timer(_AFTER_IMPORT_SECONDS, _thread.interrupt_main, (signum,))
        timer.daemon = True
        timer.start()
        return
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated(signum)


def _importing(frame: Any) -> bool:
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def exit_status(code: int) -> int:
    """The status to exit with: a signal that reached the CLI wins over what it caused (an error
    raised on its way, a pipe that closed because of it, or a success it was swallowed in)."""
    if received and code not in {128 + signum for signum in received}:
        return 128 + received[0]
    return code


class SignalsHeld:
    """EXIT_SIGNALS wait until the block is over (main thread only: Python delivers signals
    there), and so does a closed output (`output_closed` during the block writes on to /dev/null);
    `deliver()` then raises the first one as its handler would have.

        with SignalsHeld() as held:
            ...
        if held.pending:
            held.deliver()
    """

    def __enter__(self) -> SignalsHeld:
        self.pending: list[int] = []
        self.saved: dict[int, Any] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in EXIT_SIGNALS:
                # None: a handler set outside Python; SIG_IGN: ignored on purpose. Both left alone.
                if signal.getsignal(signum) not in (None, signal.SIG_IGN):
                    self.saved[signum] = signal.signal(signum, self._hold)
        stack = getattr(_holding, "stack", None)
        if stack is None:
            stack = _holding.stack = []
        stack.append(self)
        return self

    def _hold(self, signum: int, frame: Any) -> None:
        self.pending.append(signum)
        if signum not in received and self.saved.get(signum) is _raise_for:
            received.append(signum)

    def __exit__(self, *exc: object) -> None:
        _holding.stack.remove(self)
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)

    def deliver(self) -> None:
        if self.pending[0] == _OUTPUT_CLOSED:
            _end_for_closed_output()
            return
        signal.raise_signal(self.pending[0])


# -- closed outputs ------------------------------------------------------------------------------


def output_closed(fd: int | None = None) -> None:
    """A write to `fd` (None: stdout or stderr, whichever it was) found nobody reading: point it
    at /dev/null and end the run with OutputClosed, or, inside SignalsHeld, once the block is over."""
    if fd is None:
        mute_closed_outputs()
    else:
        _mute(fd)
    _end_for_closed_output()


def _end_for_closed_output() -> None:
    stack = getattr(_holding, "stack", None)
    if stack:
        stack[-1].pending.append(_OUTPUT_CLOSED)
        return
    raise OutputClosed()


def write_failed(fd: int, exc: OSError) -> None:
    """Our own write of docker's output to `fd` failed: under the CLI's guard a reader that left (or
    a terminal that hung up) ends the run as any closed output does; anything else is raised."""
    if _guarded and exc.errno in CLOSED_OUTPUT_ERRNOS:
        output_closed(fd)
        return
    raise exc


def after_docker_failed() -> None:
    """A docker that wrote straight to the CLI's stdout or stderr failed: when nobody reads them
    any more, that is why (docker dies of SIGPIPE, or `run` says "write /dev/stdout: broken pipe"
    and exits 1), and the run ends as for our own write. Our descriptors tell, not docker's words.
    For a library caller (no guard_stdio), docker's failure is reported as it is."""
    if _guarded and closed_outputs():
        output_closed()


def closed_outputs() -> list[int]:
    """Which of stdout and stderr nobody reads any more (a pipe whose reader left, a terminal
    that was closed)."""
    import select

    closed = []
    for fd in (1, 2):
        poller = select.poll()
        poller.register(fd, select.POLLOUT)
        try:
            events = poller.poll(0)
        except OSError:
            continue
        if any(revents & (select.POLLERR | select.POLLHUP | select.POLLNVAL) for _, revents in events):
            closed.append(fd)
    return closed


def mute_closed_outputs() -> list[int]:
    """Point the outputs that nobody reads at /dev/null; the descriptors muted."""
    closed = closed_outputs()
    for fd in closed:
        _mute(fd)
    return closed


def _mute(fd: int) -> None:
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


class _GuardedOutput(io.RawIOBase):
    """A file descriptor whose writes turn a closed reader into `output_closed`."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self._fd = fd

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def isatty(self) -> bool:
        return os.isatty(self._fd)

    def write(self, data: Any) -> int:
        try:
            return os.write(self._fd, data)
        except OSError as exc:
            if exc.errno not in CLOSED_OUTPUT_ERRNOS:
                raise
            output_closed(self._fd)
            return len(data)  # held: it went to /dev/null


def guard_stdio() -> None:
    """The CLI's stdin, stdout and stderr: each always open (a closed stdout or stderr is a pipe
    nobody reads, a closed stdin is empty), and writes to a closed output end the run with 141.
    Only streams that are still the process's own are replaced (not a test's capture)."""
    global _guarded
    _guarded = True
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            _reopen_closed(fd)
    for name, fd in (("stdout", 1), ("stderr", 2)):
        current = getattr(sys, name)
        if current is not None and current is not getattr(sys, f"__{name}__"):
            continue
        if current is not None:
            try:
                current.flush()
            except OSError:
                pass
        encoding = getattr(current, "encoding", None) or "utf-8"
        errors = getattr(current, "errors", None) or ("backslashreplace" if fd == 2 else "strict")
        line_buffering = fd == 2 or bool(current is not None and current.line_buffering)
        guarded = io.TextIOWrapper(
            io.BufferedWriter(_GuardedOutput(fd)),
            encoding=encoding,
            errors=errors,
            newline="\n",
            line_buffering=line_buffering,
        )
        setattr(sys, name, guarded)


def _reopen_closed(fd: int) -> None:
    if fd == 0:
        target = os.open(os.devnull, os.O_RDONLY)
    else:
        reader, target = os.pipe()
        os.close(reader)
    if target != fd:
        os.dup2(target, fd)
        os.close(target)
