"""The one place that runs docker.

Every docker call of dockwrap goes through a `Runner`: it builds the final argv (binary, global
flags, then the call's own argv list; never a shell string), shows it (-x) or only prints it
(--dry-run), runs it through `sh` and turns failures into the errors of `dockwrap.errors`.

Four ways to run, by what happens to the output:
* `run`          captured and returned (parsed by the caller); stdout is not a TTY;
* `passthrough`  docker writes straight to our stdout/stderr, byte for byte (logs, exec, run);
* `stream`       lines yielded as they come (logs -f, stats, events); the child dies with the iterator;
* `interactive`  the user's terminal is handed to docker (-it).

`sh` costs ~100 ms to import (it pulls in asyncio), so it is imported on the first real call
only: --help, --version and --dry-run never pay for it. For the same reason shutil, signal and
the quoting of `display` are imported where they are used.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any, Callable, Iterator, Literal, Sequence

from .signals import SignalsHeld, after_docker_failed
from .errors import CommandTimeout, DockerCommandFailed, DockerNotExecutable, DockerNotFound, UsageError, classify

if TYPE_CHECKING:  # pragma: no cover
    import sh

__all__ = ["Runner", "Completed", "Output"]

#: where a call's output goes: captured and returned, or straight to our own stdout and stderr
Output = Literal["capture", "terminal"]

# sh raises on any exit status not listed here; we read the status ourselves instead.
_ANY_STATUS = list(range(-64, 256))
# After SIGTERM, how long a child gets before SIGKILL (timeouts, interrupts).
KILL_GRACE_SECONDS = 1.0
# How long an interrupted call that creates something may take to finish (a second Ctrl-C ends it).
FINISH_SECONDS = 20.0
# Reading in 64 KiB chunks: sh's default line buffering costs ~0.6 s per 200,000 lines.
_CHUNK = 65536


@dataclass(frozen=True)
class Completed:
    """A finished docker call."""

    argv: tuple[str, ...]
    exit_code: int
    stdout: bytes = b""
    stderr: bytes = b""

    def __repr__(self) -> str:
        # The argv as -x shows it: the values of secret `-e NAME=VALUE` never get into logs.
        from .display import redacted

        return (f"Completed(argv={tuple(redacted(self.argv))!r}, exit_code={self.exit_code!r}, "
                f"stdout={self.stdout!r}, stderr={self.stderr!r})")

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


class _Live:
    """Children that are running now, so that an interrupt can end them all."""

    __slots__ = ("procs", "finishing", "lock")

    def __init__(self) -> None:
        self.procs: dict[int, Any] = {}
        #: calls that an interrupt lets finish (they create something): terminate_all spares them
        self.finishing: set[int] = set()
        self.lock = threading.Lock()


class Runner:
    """Runs docker: `Runner(binary=, context=, host=, explain=, dry_run=, timeout=)`.

    :param binary: the docker-compatible CLI (default: $DOCKWRAP_DOCKER, else `docker` on PATH)
    :param context: passed to every call as `--context NAME`
    :param host: passed to every call as `--host URL`
    :param explain: print each call to stderr as `+ argv` before running it
    :param dry_run: print each call to stdout and run none
    :param timeout: seconds allowed to each captured or passthrough call (None or 0: no limit)
    """

    def __init__(
        self,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
    ) -> None:
        if context and host:
            raise UsageError("--context and --host cannot be used together (docker refuses both)")
        if timeout is not None and timeout < 0:
            raise UsageError(f"the timeout must be 0 or more seconds, not {timeout}")
        self.binary = binary or os.environ.get("DOCKWRAP_DOCKER") or "docker"
        self.context = context
        self.host = host
        self.explain = explain
        self.dry_run = dry_run
        self.timeout = timeout or None
        #: appended to every line printed under --dry-run (recipes mark calls that may fail)
        self.dry_run_suffix = ""
        self._command: sh.Command | None = None
        self._live = _Live()
        self._print_lock = threading.Lock()

    # -- what is run ---------------------------------------------------------------------------

    def argv(self, args: Sequence[str]) -> list[str]:
        """The full argv of a call: binary, global flags, then args."""
        bad = [a for a in args if not isinstance(a, str)]
        if bad:
            # sh would silently drop None/False and str() anything else: refuse instead.
            raise TypeError(f"docker arguments must be strings, got {bad[0]!r} in {list(args)!r}")
        prefix = [self.binary]
        if self.context:
            prefix += ["--context", self.context]
        if self.host:
            prefix += ["--host", self.host]
        return prefix + list(args)

    @property
    def endpoint(self) -> str:
        """The engine the calls go to, in words, for error messages."""
        if self.context:
            return f"context {self.context!r}"
        if self.host:
            return self.host
        if os.environ.get("DOCKER_HOST"):
            return f"{os.environ['DOCKER_HOST']} (DOCKER_HOST)"
        if os.environ.get("DOCKER_CONTEXT"):
            return f"context {os.environ['DOCKER_CONTEXT']!r} (DOCKER_CONTEXT)"
        return "the current docker context (default: unix:///var/run/docker.sock)"

    @property
    def is_local(self) -> bool | None:
        """Whether the engine runs on this machine (its PIDs are ours to look up); None for a
        named context, whose endpoint only `docker context inspect` knows."""
        if self.context and self.context != "default":
            return None
        host = self.host or (None if self.context else os.environ.get("DOCKER_HOST"))
        return host is None or host.startswith("unix://")

    def show(self, argv: Sequence[str], dry_run_suffix: str = "") -> None:
        """Print a call as -x or --dry-run want it."""
        if not (self.dry_run or self.explain):
            return
        from .display import quote

        if self.dry_run:
            with self._print_lock:
                print(quote(argv) + (dry_run_suffix or self.dry_run_suffix), flush=True)
        elif self.explain:
            with self._print_lock:
                print("+ " + quote(argv), file=sys.stderr, flush=True)

    # -- running -------------------------------------------------------------------------------

    def run(
        self,
        args: Sequence[str],
        *,
        check: bool = True,
        input: bytes | None = None,
        timeout: float | None | bool = True,
        dry_run_suffix: str = "",
        creates: bool | float = False,
    ) -> Completed:
        """Run a call and capture its output.

        :param check: raise the classified error when docker exits non-zero
        :param input: bytes for docker's stdin (default: an empty, closed stdin)
        :param timeout: True for the runner's limit, or seconds, or None for none
        :param dry_run_suffix: appended to the printed line under --dry-run (e.g. `|| true`)
        :param creates: the call makes something (`run --detach`, `network create`): an interrupt
            lets it finish (up to FINISH_SECONDS, or as many seconds as given; a second interrupt
            stops the wait) rather than killing it, since the daemon goes on creating after its
            client died, and what it made then would appear only after a cleanup had looked for it
        """
        argv = self.argv(args)
        self.show(argv, dry_run_suffix)
        if self.dry_run:
            return Completed(tuple(argv), 0)
        kwargs: dict[str, Any] = {"_out_bufsize": _CHUNK, "_err_bufsize": _CHUNK}
        if input is not None:
            kwargs["_in"] = input
        grace = FINISH_SECONDS if creates is True else float(creates or 0)
        proc = self._call(argv, self._limit(timeout), finish=grace, **kwargs)
        done = Completed(tuple(argv), proc.exit_code, proc.stdout, proc.stderr)
        if check and done.exit_code != 0:
            raise self.error(done)
        return done

    def passthrough(
        self,
        args: Sequence[str],
        *,
        stdin: bool = False,
        hold_stderr: Callable[[str], object] | None = None,
        timeout: float | None | bool = True,
        status_is_docker: bool = False,
    ) -> Completed:
        """Run a call whose output goes straight to our stdout and stderr.

        :param stdin: give docker our stdin (for `exec -i` and friends)
        :param hold_stderr: stderr lines for which this is true are kept back rather than
            printed (docker's own error lines): with a non-zero status they are the error raised;
            with status 0 they were the container's after all, and are printed then
        :param status_is_docker: any non-zero status is docker's failure (`logs` has no status
            of its own), not a container command's
        :returns: the exit status
        """
        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return Completed(tuple(argv), 0)
        held: list[bytes] = []
        blanks: list[bytes] = []
        sys.stdout.flush()
        sys.stderr.flush()
        kwargs: dict[str, Any] = {"_out": _target(sys.stdout)}
        if hold_stderr is None:
            kwargs["_err"] = _target(sys.stderr)
        else:
            def on_err(chunk: str | bytes) -> None:
                # A line; sh hands over the bytes themselves when they are not UTF-8 (binary
                # output), else the decoded text, which encodes back to the same bytes.
                line = chunk if isinstance(chunk, bytes) else chunk.encode("utf-8")
                # docker separates its message from its help footer by a blank line: a blank
                # line waits to see whether docker's own text or the container's comes next.
                if not line.strip():
                    blanks.append(line)
                elif hold_stderr(line.decode("utf-8", "replace")):
                    blanks.clear()
                    held.append(line)
                else:
                    _write_stderr(b"".join(blanks) + line)
                    blanks.clear()

            kwargs["_err"] = on_err
            kwargs["_encoding"] = "utf-8"
        if stdin:
            kwargs["_in"] = sys.stdin
        if not _has_fileno(sys.stdout):
            kwargs["_out_bufsize"] = _CHUNK
        proc = self._call(argv, self._limit(timeout), **kwargs)
        if proc.exit_code != 0:
            after_docker_failed()  # did it fail because nobody reads our stdout or stderr?
        if blanks and not held:
            _write_stderr(b"".join(blanks))
        done = Completed(tuple(argv), proc.exit_code, b"", b"".join(held))
        if done.exit_code != 0 and (held or status_is_docker):
            raise self.error(done)
        if held:
            _write_stderr(done.stderr)
        return Completed(tuple(argv), proc.exit_code)

    def interactive(self, args: Sequence[str]) -> int:
        """Hand the user's terminal to docker (`run -it`, `exec -it`, `start -ai`); its exit status."""
        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return 0
        command = self._resolve()
        sys.stdout.flush()
        sys.stderr.flush()
        # _fg spawns docker on our own stdio and waits; a non-zero status comes back as an
        # ErrorReturnCode (or SignalException) carrying it.
        try:
            command(*argv[1:], _fg=True, _env=_environment())
        except _sh().ErrorReturnCode as exc:
            code = int(exc.exit_code)
            return 128 - code if code < 0 else code
        except PermissionError as exc:
            raise DockerNotExecutable(self.binary) from exc
        return 0

    def stream(self, args: Sequence[str], *, check: bool = True, merge_stderr: bool = False) -> Iterator[str]:
        """Yield docker's stdout (and stderr, merged) line by line as it comes; ending the
        iteration ends docker."""
        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return
        started: list[Any] = []
        try:
            proc = self._spawn(argv, started, _iter=True, _bg=False, _decode_errors="replace",
                               _err_to_out=merge_stderr)
            for line in proc:
                yield line
        finally:
            if started:
                if started[0].process.is_alive()[0]:
                    self._end(started[0])
                self._reap(started[0])
        if check and proc.exit_code not in (0, None) and proc.exit_code > 0:
            raise self.error(Completed(tuple(argv), proc.exit_code, b"", proc.stderr))

    # -- errors and lifecycle ------------------------------------------------------------------

    def error(self, done: Completed) -> DockerCommandFailed:
        """The error a failed call stands for."""
        return classify(done.argv, done.exit_code, done.err, done.out, self.endpoint)

    def terminate_all(self) -> None:
        """End every docker child still running (on interrupt: docker must not outlive us),
        except the calls that create something: their own thread waits for them to finish."""
        with self._live.lock:
            procs = [proc for key, proc in self._live.procs.items() if key not in self._live.finishing]
        for proc in procs:
            self._end(proc)

    # -- internals -----------------------------------------------------------------------------

    def _limit(self, timeout: float | None | bool) -> float | None:
        if timeout is True:
            return self.timeout
        if timeout is False:
            return None
        return timeout or None

    def _resolve(self) -> "sh.Command":
        if self._command is None:
            import shutil

            path = shutil.which(self.binary)
            if path is None:
                candidate = self.binary if os.sep in self.binary else shutil.which(self.binary, mode=os.F_OK)
                if candidate and os.path.isfile(candidate):
                    raise DockerNotExecutable(self.binary)
                raise DockerNotFound(self.binary)
            sh = _sh()
            self._command = sh.Command(path)
        return self._command

    def _call(self, argv: list[str], limit: float | None, finish: float = 0, **kwargs: Any) -> Any:
        """Start docker and wait for it. A timeout ends it. An interrupt, whenever it comes (even
        between the start and the wait), ends it too, after letting it finish for up to `finish`
        seconds when it creates something."""
        started: list[Any] = []
        expired = threading.Event()
        timer = None
        try:
            proc = self._spawn(argv, started, finish, **kwargs)
            if limit:
                timer = threading.Timer(limit, self._expire, (proc, expired))
                timer.daemon = True
                timer.start()
            proc.wait()
        except BaseException:
            # KeyboardInterrupt or our SIGTERM exception: docker must not be left orphaned.
            if started:
                if finish:
                    self._finish(started[0], limit, finish)
                self._end(started[0])
                self._reap(started[0])
            raise
        finally:
            if timer is not None:
                timer.cancel()
            if started:
                self._forget(started[0])
        if expired.is_set():
            raise CommandTimeout(argv, limit or 0)
        return proc

    def _spawn(self, argv: list[str], started: list[Any], finish: float = 0, **kwargs: Any) -> Any:
        """Start docker and append it to `started` (the caller's handle for ending it)."""
        command = self._resolve()
        options: dict[str, Any] = {
            "_bg": True,
            "_bg_exc": False,
            "_tty_out": False,
            "_env": _environment(),
            "_ok_code": _ANY_STATUS,
            "_return_cmd": True,
            # Its own process group, so that a timeout or an interrupt ends docker together with
            # anything it started (ssh for ssh:// hosts) that would hold its pipes open.
            "_new_group": True,
        }
        options.update(kwargs)
        if _has_fileno(options.get("_out")):
            # docker writes straight to that fd, terminal or not; sh refuses _tty_out beside a TTY.
            del options["_tty_out"]
        # An interrupt while sh starts docker would leave sh half-way with docker running and no
        # handle on it: it waits until the caller has the handle, and is delivered then.
        with SignalsHeld() as deferred:
            try:
                proc = command(*argv[1:], **options)
            except PermissionError as exc:
                raise DockerNotExecutable(self.binary) from exc
            except FileNotFoundError as exc:
                raise DockerNotFound(self.binary) from exc
            with self._live.lock:
                self._live.procs[id(proc)] = proc
                if finish:
                    self._live.finishing.add(id(proc))
            started.append(proc)
        if deferred.pending:
            deferred.deliver()
        return proc

    def _expire(self, proc: Any, expired: threading.Event) -> None:
        expired.set()
        self._end(proc)

    @staticmethod
    def _finish(proc: Any, limit: float | None, grace: float) -> None:
        """Let an interrupted call that creates something end by itself, within bounds."""
        try:
            proc.wait(timeout=min(limit or grace, grace))
        except BaseException:  # out of time, or interrupted once more: it is ended now
            pass

    def _end(self, proc: Any) -> None:
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

    def _reap(self, proc: Any) -> None:
        try:
            proc.wait()
        except BaseException:  # a second Ctrl-C while reaping: give up on the zombie
            pass
        self._forget(proc)

    def _forget(self, proc: Any) -> None:
        with self._live.lock:
            self._live.procs.pop(id(proc), None)
            self._live.finishing.discard(id(proc))


def _sh() -> Any:
    import sh

    return sh


def _environment() -> dict[str, str]:
    # docker prints some times in the client's zone; UTC makes them the same everywhere.
    return dict(os.environ, TZ="UTC")


def _has_fileno(stream: Any) -> bool:
    try:
        stream.fileno()
    except (AttributeError, OSError, ValueError):
        return False
    return True


def _write_stderr(data: bytes) -> None:
    """Bytes to our stderr as they are (its binary buffer, where it has one)."""
    buffer = getattr(sys.stderr, "buffer", None)
    if buffer is None:
        sys.stderr.write(data.decode("utf-8", "replace"))
        sys.stderr.flush()
        return
    sys.stderr.flush()
    buffer.write(data)
    buffer.flush()


def _target(stream: IO[Any]) -> Any:
    """An fd-backed stream is given to docker as is (byte-exact, no copying through Python);
    others (pytest's capture, Click's test runner) get their binary buffer written to."""
    if _has_fileno(stream):
        return stream
    return getattr(stream, "buffer", stream)
