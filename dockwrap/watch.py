"""Reading a watched call's output while it runs (`Runner.watch`: a pull's progress, a build's
steps): docker's stdout on a pipe or on a pseudo-terminal of a given size, its stderr on a pipe;
each piece of stdout goes to a callback as it comes, and both are kept whole for the result.

On a pseudo-terminal docker draws what it draws for a terminal (a pull's byte counts and bars,
redrawn in place). Its output is not processed there (no `\\n` to `\\r\\n`): the bytes are
docker's own, and the user's terminal, where they are copied, does what it does with docker's.
"""

from __future__ import annotations

import errno
import os
import selectors
from collections.abc import Callable

__all__ = ["Outputs", "pseudo_terminal"]

_CHUNK = 65536


def pseudo_terminal(columns: int, rows: int) -> tuple[int, int]:
    """A new pseudo-terminal of that size, its output unprocessed: (our end, docker's end)."""
    import fcntl
    import struct
    import termios

    ours, theirs = os.openpty()
    fcntl.ioctl(theirs, termios.TIOCSWINSZ, struct.pack("HHHH", max(rows, 1), max(columns, 1), 0, 0))
    modes = termios.tcgetattr(theirs)
    modes[1] &= ~termios.OPOST
    termios.tcsetattr(theirs, termios.TCSANOW, modes)
    return ours, theirs


class Outputs:
    """Our ends of docker's stdout and stderr: `run()` reads until both end (a terminal's end
    reads EIO once docker's side is closed: that is its end too)."""

    def __init__(self, out_fd: int, err_fd: int, on_out: Callable[[bytes], None]) -> None:
        self._open = [out_fd, err_fd]
        self._out_fd = out_fd
        self._on_out = on_out
        self.stdout = bytearray()
        self.stderr = bytearray()

    def run(self) -> None:
        with selectors.DefaultSelector() as selector:
            for fd in self._open:
                selector.register(fd, selectors.EVENT_READ)
            while self._open:
                for key, _ in selector.select():
                    try:
                        chunk = os.read(key.fd, _CHUNK)
                    except OSError as exc:
                        if exc.errno != errno.EIO:
                            raise
                        chunk = b""
                    if not chunk:
                        selector.unregister(key.fd)
                        self._close(key.fd)
                    elif key.fd == self._out_fd:
                        self.stdout += chunk
                        self._on_out(chunk)
                    else:
                        self.stderr += chunk

    def close(self, release: bool = False) -> None:
        """Close what was not read to its end (`release`: as Relay's, nothing is held here)."""
        for fd in list(self._open):
            self._close(fd)

    def _close(self, fd: int) -> None:
        self._open.remove(fd)
        os.close(fd)
