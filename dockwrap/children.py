"""The runner's docker children: the binary found, sh's options for each, the ones running now
(so that an interrupt or a timeout can end them all), and how one is ended.

The runner starts each docker child (with `options()`) in its own process group, so that
ending it also ends what it started (ssh for ssh:// hosts) that would hold its pipes open. One
`Children` is shared by a runner and every runner made from it (`Runner.with_settings`), so that
`terminate_all` reaches the calls of every thread of a recipe.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from typing import Any

from .args import ARGV_CODEC, register_argv_codec
from .errors import DockerNotExecutable, DockerNotFound

__all__ = ["Children", "Stopper", "KILL_GRACE_SECONDS"]

# sh raises on any exit status not listed here; we read the status ourselves instead.
_ANY_STATUS = list(range(-64, 256))

# After SIGTERM, how long a child gets before SIGKILL (timeouts, interrupts).
KILL_GRACE_SECONDS = 1.0


class Children:
    """The live docker children of a runner (sh's RunningCommand objects)."""

    __slots__ = ("_procs", "_finishing", "_lock")

    def __init__(self) -> None:
        self._procs: dict[int, Any] = {}
        #: calls that an interrupt lets finish (they create something): terminate_all spares them
        self._finishing: set[int] = set()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._procs)

    def add(self, proc: Any, grace: float = 0) -> None:
        """A child that has started; `grace`: it creates something, and terminate_all spares it."""
        with self._lock:
            self._procs[id(proc)] = proc
            if grace:
                self._finishing.add(id(proc))

    def forget(self, proc: Any) -> None:
        with self._lock:
            self._procs.pop(id(proc), None)
            self._finishing.discard(id(proc))

    def terminate_all(self) -> None:
        """End every child still running, except the calls that create something: their own
        thread waits for them to finish."""
        with self._lock:
            procs = [proc for key, proc in self._procs.items() if key not in self._finishing]
        for proc in procs:
            end(proc)

    def reap(self, proc: Any) -> None:
        try:
            proc.wait()
        except BaseException:  # a second Ctrl-C while reaping: give up on the zombie
            pass
        self.forget(proc)


class Stopper:
    """A handle for ending a streaming call from another thread (`Runner.stream(stopper=)`): the
    thread reading the stream is blocked in it and cannot close it, so `stop()` ends docker
    instead, and the stream then ends by itself (its reader reaps docker). A stop that comes
    before docker started ends it as soon as it does."""

    __slots__ = ("_proc", "_stopped", "_lock")

    def __init__(self) -> None:
        self._proc: Any = None
        self._stopped = False
        self._lock = threading.Lock()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def attach(self, proc: Any) -> None:
        with self._lock:
            self._proc = proc
            stopped = self._stopped
        if stopped:
            end(proc)

    def stop(self) -> None:
        with self._lock:
            self._stopped, proc = True, self._proc
        if proc is not None and proc.process.is_alive()[0]:
            end(proc)


def sh() -> Any:
    """The `sh` module (~100 ms to import: only on the first real call)."""
    import sh

    register_argv_codec()
    return sh


def command(binary: str) -> Any:
    """sh's Command for the docker binary, found on PATH (DockerNotFound, DockerNotExecutable)."""
    import shutil

    path = shutil.which(binary)
    if path is None:
        candidate = binary if os.sep in binary else shutil.which(binary, mode=os.F_OK)
        if candidate and os.path.isfile(candidate):
            raise DockerNotExecutable(binary)
        raise DockerNotFound(binary)
    return sh().Command(path)


def options(**kwargs: Any) -> dict[str, Any]:
    """sh's options for a docker child: in the background, in its own process group, any exit
    status read by us (not raised by sh), argv bytes as sys.argv has them; `kwargs` on top."""
    chosen: dict[str, Any] = {
        "_bg": True,
        "_bg_exc": False,
        "_tty_out": False,
        "_env": environment(),
        "_ok_code": _ANY_STATUS,
        "_return_cmd": True,
        "_new_group": True,
        "_encoding": ARGV_CODEC,
        **kwargs,
    }
    out = chosen.get("_out")
    if _has_fileno(out) or (isinstance(out, int) and os.isatty(out)):
        # docker writes straight to that fd, terminal or not; sh refuses _tty_out beside a TTY.
        del chosen["_tty_out"]
    return chosen


def environment(changes: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """docker's environment: ours, with CHANGES (a None value removes the variable)."""
    # docker prints some times in the client's zone; UTC makes them the same everywhere.
    env = dict(os.environ, TZ="UTC")
    for name, value in (changes or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


def end(proc: Any) -> None:
    """SIGTERM to docker's process group, then SIGKILL after a grace period."""
    import signal

    try:
        proc.process.signal_group(signal.SIGTERM)
    except (ProcessLookupError, OSError):
        return

    def kill() -> None:
        try:
            proc.process.signal_group(signal.SIGKILL)
        except (ProcessLookupError, OSError):
            pass

    killer = threading.Timer(KILL_GRACE_SECONDS, kill)
    killer.daemon = True
    killer.start()


def finish(proc: Any, limit: float | None, grace: float) -> None:
    """Let an interrupted call that creates something end by itself, within bounds."""
    try:
        proc.wait(timeout=min(limit or grace, grace))
    except BaseException:  # out of time, or interrupted once more: it is ended now
        pass


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True
