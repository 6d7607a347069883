"""The one place that runs docker.

Every docker call of dockwrap goes through a `Runner`: it builds the final argv (binary, global
flags, then the call's own argv list; never a shell string), shows it (-x) or only prints it
(--dry-run), runs it through `sh` and turns failures into the errors of `dockwrap.errors`.

Five ways to run, by what happens to the output:
* `run`          captured and returned (parsed by the caller); stdout is not a TTY;
* `watch`        captured and returned, each piece of stdout also given to a callback as it comes
                 (pull, push, build), on a pipe or a pseudo-terminal of a given size;
* `passthrough`  docker writes straight to our stdout/stderr, byte for byte (logs, exec, run);
* `stream`       lines yielded as they come (logs -f, stats, events); the child dies with the iterator;
* `interactive`  the user's terminal is handed to docker (-it).

This file is longer than the project's ~400 lines on purpose: it is the one module that spawns
processes, and every way of spawning, waiting and ending a child is kept here where it can be read
at once (the children's bookkeeping is in `children`, the output relays in `relay` and `watch`).

`sh` costs ~100 ms to import (it pulls in asyncio), so it is imported on the first real call
only: --help, --version and --dry-run never pay for it. For the same reason shutil, signal and
the quoting of `display` are imported where they are used.
"""

from __future__ import annotations

import copy
import os
import sys
import threading
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from . import children
from .args import time_limit
from .call import Completed, RunnerConfig, Settings
from .children import Children, Stopper, end, environment, finish
from .errors import CommandTimeout, DockerCommandFailed, DockerNotExecutable, DockerNotFound, DockwrapError, classify
from .record import INTERRUPTED, NOT_STARTED
from .signals import SignalsHeld, after_docker_failed

if TYPE_CHECKING:  # pragma: no cover
    import sh

    from .record import Recorder

__all__ = ["Runner", "Completed", "Output"]

#: where a call's output goes: captured and returned, or straight to our own stdout and stderr
Output = Literal["capture", "terminal"]

# How long an interrupted call that creates something may take to finish (a second Ctrl-C ends it).
FINISH_SECONDS = 20.0
# Reading in 64 KiB chunks: sh's default line buffering costs ~0.6 s per 200,000 lines.
_CHUNK = 65536


class Runner(Settings):
    """Runs docker: `Runner(binary=, context=, host=, explain=, dry_run=, timeout=, config=,
    tls=, tlsverify=, tlscacert=, tlscert=, tlskey=, debug=, log_level=)`.

    :param binary: the docker-compatible CLI (default: $DOCKWRAP_DOCKER, else `docker` on PATH)
    :param context: passed to every call as `--context NAME`
    :param host: passed to every call as `--host URL`
    :param config: ... log_level: docker's other global options, passed to every call as docker
        spells them (`--config DIR`, `--tlsverify`, `--tlscacert PATH`, `-l` as `--log-level`);
        a flag is True, False (`--tls=false`) or None (not given: docker reads its environment,
        DOCKER_TLS_VERIFY and DOCKER_CERT_PATH)
    :param explain: print each call to stderr as `+ argv` before running it
    :param dry_run: print each call to stdout and run none
    :param timeout: seconds allowed to each captured or passthrough call (None, 0 or inf: no limit)
    :param record: append every call that runs to this file as a bash script (`dockwrap.record`)
    :raises ArgumentTypeError: an argument of the wrong type (`host=5`, `timeout="x"`)
    :raises UsageError: both context and host, a timeout that is nan or negative, or a record
        file that cannot be written
    """

    def __init__(
        self,
        binary: str | None = None,
        context: str | None = None,
        host: str | None = None,
        explain: bool = False,
        dry_run: bool = False,
        timeout: float | None = None,
        *,
        config: str | None = None,
        tls: bool | None = None,
        tlsverify: bool | None = None,
        tlscacert: str | None = None,
        tlscert: str | None = None,
        tlskey: str | None = None,
        debug: bool | None = None,
        log_level: str | None = None,
        record: str | None = None,
    ) -> None:
        options = {
            "config": config,
            "tls": tls,
            "tlsverify": tlsverify,
            "tlscacert": tlscacert,
            "tlscert": tlscert,
            "tlskey": tlskey,
            "debug": debug,
            "log_level": log_level,
        }
        self._config = RunnerConfig.checked(binary, context, host, explain, dry_run, timeout, options)
        self._command: sh.Command | None = None
        self._children = Children()
        self._print_lock = threading.Lock()
        # shared by the twins of with_settings: one run, one header
        self._recorder: Recorder | None = None
        if record is not None:
            from .args import text
            from .record import Recorder

            self._recorder = Recorder(text(record, "record"))

    def with_settings(self, **changes: Any) -> Runner:
        """A runner like this one, for the same engine and sharing its running children (one
        terminate_all ends them all), whose calls get another `timeout` (seconds, None: none),
        `dry_run_suffix` or `explain` (-x). This runner stays as it is: its settings never change."""
        twin = copy.copy(self)
        twin._config = self._config.replaced(**changes)
        return twin

    @property
    def record(self) -> str | None:
        """The file every call is appended to (--record), if any."""
        return self._recorder.path if self._recorder else None

    def argv(self, args: Sequence[str]) -> list[str]:
        """The full argv of a call: binary, global flags, then args (RunnerConfig.argv)."""
        return self._config.argv(args)

    def show(
        self,
        argv: Sequence[str],
        dry_run_suffix: str = "",
        env: Mapping[str, str | None] | None = None,
        stdin_from: str | None = None,
    ) -> None:
        """Print a call as -x or --dry-run want it (with what it changes in docker's environment,
        and where its stdin comes from: `display.shell_line`)."""
        if not (self.dry_run or self.explain):
            return
        from .display import shell_line

        line = shell_line(argv, env, stdin_from)
        with self._print_lock:
            if self.dry_run:
                print(line + (dry_run_suffix or self.dry_run_suffix), flush=True)
            else:
                print("+ " + line, file=sys.stderr, flush=True)

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
        done_of: Callable[[str], object] | None = None,
        env: Mapping[str, str | None] | None = None,
        stdin_from: str | None = None,
    ) -> Completed:
        """Run a call and capture its output.

        :param check: raise the classified error when docker exits non-zero
        :param input: bytes for docker's stdin, or our stdin (`sys.stdin`: docker reads it)
            (default: an empty, closed stdin)
        :param timeout: True for the runner's limit, or seconds, or None for none
        :param dry_run_suffix: appended to the printed line under --dry-run (e.g. `|| true`)
        :param creates: the call makes something (`run --detach`, `network create`): an interrupt
            lets it finish (up to FINISH_SECONDS, or as many seconds as given; a second interrupt
            stops the wait) rather than killing it, since the daemon goes on creating after its
            client died, and what it made then would appear only after a cleanup had looked for it
        :param done_of: reads what docker did from its stdout, for the error's `done` when it
            failed part way (a verb on several objects)
        :param env: what docker's environment changes (a None value removes the variable)
        :param stdin_from: the environment variable whose value `input` is (shown, never its value)
        """
        argv = self.argv(args)
        self.show(argv, dry_run_suffix, env, stdin_from)
        if self.dry_run:
            return Completed(tuple(argv), 0)
        kwargs: dict[str, Any] = {"_out_bufsize": _CHUNK, "_err_bufsize": _CHUNK, "_env": environment(env)}
        if input is not None:
            kwargs["_in"] = input
        grace = FINISH_SECONDS if creates is True else float(creates or 0)
        proc = self._call(argv, self._limit(timeout), grace=grace, shown=(env, stdin_from), **kwargs)
        done = Completed(tuple(argv), proc.exit_code, proc.stdout, proc.stderr)
        if check and done.exit_code != 0:
            error = self.error(done)
            if done_of is not None and done.stdout.strip():
                try:
                    error.done = done_of(done.out)
                except DockwrapError:  # nothing readable came before the failure
                    pass
            raise error
        return done

    def passthrough(
        self,
        args: Sequence[str],
        *,
        stdin: bool = False,
        timeout: float | None | bool = True,
        docker_statuses: Collection[int] | None = (),
        stdout_is_data: bool = False,
    ) -> Completed:
        """Run a call whose output goes to our stdout and stderr, byte for byte and in order
        (`dockwrap.relay`: only what may be docker's own failure message is held, briefly).

        :param stdin: give docker our stdin (for `exec -i` and friends)
        :param docker_statuses: the exit statuses with which docker reports a failure of its own
            (run: 125-127); None when every non-zero status is docker's (`logs` has no status
            of the container's)
        :param stdout_is_data: docker is the command (a pass-through): its stdout passes at once,
            and its failure is told from its stderr alone
        :returns: the finished call; its exit status is the command's own
        :raises DockerCommandFailed: (or a subclass) docker failed: its message is not printed
        """
        from .relay import DOCKER_LINE, Relay, sink

        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return Completed(tuple(argv), 0)
        # docker writes into our pipes (sh's own reading goes line by line, keeping every line whole)
        out, err = os.pipe(), os.pipe()
        relay = Relay(out[0], err[0], sink(sys.stdout), sink(sys.stderr), DOCKER_LINE.match, stdout_is_data)
        proc = self._piped(argv, self._limit(timeout), relay, out, err, stdin=sys.stdin if stdin else None)
        relay.close()
        if proc.exit_code != 0:
            after_docker_failed()  # did it fail because nobody reads our stdout or stderr?
        failure = relay.failure(proc.exit_code, docker_statuses)
        if failure is not None:
            raise self.error(Completed(tuple(argv), proc.exit_code, *failure))
        return Completed(tuple(argv), proc.exit_code)

    def watch(
        self,
        args: Sequence[str],
        on_output: Callable[[bytes], None],
        *,
        terminal: tuple[int, int] | None = None,
        input: Any = None,
        env: Mapping[str, str | None] | None = None,
        timeout: float | None | bool = True,
        stdin_from: str | None = None,
    ) -> Completed:
        """Run a call as `run` does (captured; a failure raised as its error), giving each piece of
        docker's stdout to ON_OUTPUT as it comes (a pull's progress, a build's steps).

        :param terminal: (columns, rows): docker's stdout is a pseudo-terminal of that size (it
            draws its terminal progress there; lines end in `\\r\\n`), else a pipe
        :param input: bytes for docker's stdin, or our stdin (`sys.stdin`); default: none
        :param stdin_from: as for `run`
        """
        from .watch import Outputs, pseudo_terminal

        argv = self.argv(args)
        self.show(argv, env=env, stdin_from=stdin_from)
        if self.dry_run:
            return Completed(tuple(argv), 0)
        out, err = pseudo_terminal(*terminal) if terminal else os.pipe(), os.pipe()
        outputs = Outputs(out[0], err[0], on_output)
        proc = self._piped(argv, self._limit(timeout), outputs, out, err, stdin=input, env=env, stdin_from=stdin_from)
        outputs.close()
        done = Completed(tuple(argv), proc.exit_code, bytes(outputs.stdout), bytes(outputs.stderr))
        if done.exit_code != 0:
            raise self.error(done)
        return done

    def interactive(self, args: Sequence[str]) -> int:
        """Hand the user's terminal to docker (`run -it`, `exec -it`, `start -ai`); its exit status."""
        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return 0
        command = self._resolve()
        sys.stdout.flush()
        sys.stderr.flush()
        # _fg spawns docker on our own stdio and waits (os.spawnve: arguments as sys.argv had
        # them, any byte); a non-zero status comes back as an ErrorReturnCode (or
        # SignalException) carrying it.
        started = time.time()
        code: int | str = NOT_STARTED
        try:
            command(*argv[1:], _fg=True, _env=environment())
            code = 0
        except children.sh().ErrorReturnCode as exc:
            status = int(exc.exit_code)
            code = 128 - status if status < 0 else status
        except PermissionError as exc:
            raise DockerNotExecutable(self.binary) from exc
        except BaseException:
            code = INTERRUPTED
            raise
        finally:
            if self._recorder:
                self._recorder.call(argv, started, code, stdin=True)
        return code if isinstance(code, int) else 0

    def stream(
        self,
        args: Sequence[str],
        *,
        check: bool = True,
        merge_stderr: bool = False,
        docker_statuses: Collection[int] | None = (),
        stopper: Stopper | None = None,
    ) -> Iterator[str]:
        """Yield docker's stdout (and stderr, merged) line by line as it comes; ending the
        iteration ends docker, and so does `stopper.stop()` from another thread.

        :param docker_statuses: with merge_stderr, as for `passthrough`: lines docker may have
            written are held at the start (for at most HOLD_SECONDS each), and are the error
            rather than lines when docker fails; None: any failure is docker's (`logs -f`)
        """
        from .relay import DOCKER_LINE, HeldLines

        argv = self.argv(args)
        self.show(argv)
        if self.dry_run:
            return
        held = HeldLines(DOCKER_LINE.match) if merge_stderr and docker_statuses != () else None
        started: list[Any] = []
        since = time.time()
        try:
            proc = self._spawn(
                argv,
                started,
                _decode_errors="replace",
                _err_to_out=merge_stderr,
                **({"_iter_noblock": True} if held else {"_iter": True, "_bg": False}),
            )
            if stopper is not None:
                stopper.attach(proc)
            for line in proc:
                if held is None:
                    yield line
                elif isinstance(line, int):  # nothing came for a moment
                    yield from held.due(running=started[0].process.is_alive()[0])
                else:
                    yield from held.feed(line)
        finally:
            if started:
                if started[0].process.is_alive()[0]:
                    end(started[0])
                self._children.reap(started[0])
            if self._recorder:
                # ended by its reader (logs -f): the signal we sent; never started: said so
                code = started[0].exit_code if started else NOT_STARTED
                self._recorder.call(argv, since, INTERRUPTED if code is None else code)
        status = proc.exit_code
        if check and status not in (0, None) and status > 0:
            stderr = proc.stderr if held is None else held.failure(status, docker_statuses)
            if stderr is not None:
                raise self.error(Completed(tuple(argv), status, b"", stderr))
        if held is not None:
            yield from held.release()

    # -- errors and lifecycle ------------------------------------------------------------------

    def error(self, done: Completed) -> DockerCommandFailed:
        """The error a failed call stands for."""
        return classify(done.argv, done.exit_code, done.err, done.out, self.endpoint)

    def terminate_all(self) -> None:
        """End every docker child still running (on interrupt: docker must not outlive us),
        except the calls that create something: their own thread waits for them to finish."""
        self._children.terminate_all()

    # -- internals -----------------------------------------------------------------------------

    def _limit(self, timeout: float | None | bool) -> float | None:
        if timeout is True:
            return self.timeout
        if timeout is False:
            return None
        return time_limit(timeout, "timeout")

    def _resolve(self) -> sh.Command:
        if self._command is None:
            self._command = children.command(self.binary)
        return self._command

    def _call(
        self,
        argv: list[str],
        limit: float | None,
        grace: float = 0,
        on_start: Callable[[], None] | None = None,
        shown: tuple[Mapping[str, str | None] | None, str | None] = (None, None),
        **kwargs: Any,
    ) -> Any:
        """Start docker and wait for it. A timeout ends it. An interrupt, whenever it comes (even
        between the start and the wait), ends it too, after letting it finish for up to `grace`
        seconds when it creates something.

        :param on_start: called once docker runs, before the wait (reading its pipes)
        :param shown: the call's environment changes and stdin variable, as -x shows them (for --record)"""
        started: list[Any] = []
        expired = threading.Event()
        timer = None
        since, status = time.time(), NOT_STARTED
        try:
            proc = self._spawn(argv, started, grace, **kwargs)
            if limit:
                timer = threading.Timer(limit, self._expire, (proc, expired))
                timer.daemon = True
                timer.start()
            if on_start is not None:
                on_start()
            proc.wait()
            status = proc.exit_code
        except BaseException:
            status = INTERRUPTED if started else status
            # KeyboardInterrupt or our SIGTERM exception: docker must not be left orphaned.
            if started:
                if grace:
                    finish(started[0], limit, grace)
                end(started[0])
                self._children.reap(started[0])
            raise
        finally:
            if timer is not None:
                timer.cancel()
            if started:
                self._children.forget(started[0])
            if self._recorder:
                timed_out = f"timed out after {limit:g}s" if expired.is_set() else status
                self._recorder.call(argv, since, timed_out, stdin="_in" in kwargs, env=shown[0], stdin_from=shown[1])
        if expired.is_set():
            raise CommandTimeout(argv, limit or 0)
        return proc

    def _piped(
        self,
        argv: list[str],
        limit: float | None,
        reader: Any,
        out: tuple[int, int],
        err: tuple[int, int],
        stdin: Any = None,
        env: Mapping[str, str | None] | None = None,
        stdin_from: str | None = None,
    ) -> Any:
        """Start docker writing into OUT and ERR ((our end, docker's end) each) and wait for it
        while READER reads our ends (`run()` until both end; `close(release=True)` when cut short)."""
        ours = [out[1], err[1]]  # docker's ends, ours to close once docker has them

        def read() -> None:
            while ours:
                os.close(ours.pop())
            reader.run()

        kwargs: dict[str, Any] = {
            "_out": out[1],
            "_err": err[1],
            "_no_out": True,
            "_no_err": True,
            "_env": environment(env),
        }
        if stdin is not None:
            kwargs["_in"] = stdin
        try:
            return self._call(argv, limit, on_start=read, shown=(env, stdin_from), **kwargs)
        except BaseException:
            reader.close(release=True)
            raise
        finally:
            while ours:
                os.close(ours.pop())

    def _spawn(self, argv: list[str], started: list[Any], grace: float = 0, **kwargs: Any) -> Any:
        """Start docker and append it to `started` (the caller's handle for ending it)."""
        command = self._resolve()
        # An interrupt while sh starts docker would leave sh half-way with docker running and no
        # handle on it: it waits until the caller has the handle, and is delivered then.
        with SignalsHeld() as deferred:
            try:
                proc = command(*argv[1:], **children.options(**kwargs))
            except PermissionError as exc:
                raise DockerNotExecutable(self.binary) from exc
            except FileNotFoundError as exc:
                raise DockerNotFound(self.binary) from exc
            self._children.add(proc, grace)
            started.append(proc)
        if deferred.pending:
            deferred.deliver()
        return proc

    @staticmethod
    def _expire(proc: Any, expired: threading.Event) -> None:
        expired.set()
        end(proc)
