"""`--record FILE`: every docker call a run makes, appended to FILE as a bash script.

Each call that ran is one record: a comment with its start time (UTC), its duration and its exit
status, then the command as -x shows it (quoted for bash, secret values redacted as `***`). Each
run starts with a header (the first run of a file starts it with `#!/usr/bin/env bash` too), so
that several runs append to one file and the file stays a script that runs as written.

The file is opened once, in append mode, when the runner is made (a file that cannot be written is
a UsageError then, before any docker call); each record is written in one `write` under a lock, so
that concurrent calls of one run (a recipe's parallel steps) and of other runs appending to the
same file never interleave within a record. A call that ran with --dry-run did not run: nothing
is recorded then (the script is on stdout).
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence

from .errors import UsageError

__all__ = ["Recorder", "INTERRUPTED", "NOT_STARTED"]

#: what a record says of a call cut short by an interrupt (Ctrl-C, SIGTERM, ...) or never started
INTERRUPTED = "interrupted"
NOT_STARTED = "not started"

_SECRET_NOTE = "# *** stands for a secret value dockwrap does not write down: put it back before running this line\n"


def _timestamp(seconds: float) -> str:
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds))
    return f"{stamp}.{int(seconds % 1 * 1000):03d}Z"


def outcome(status: int | str) -> str:
    """A call's exit status in words: `exit 0`, `killed by signal 15`, `interrupted`."""
    if isinstance(status, str):
        return status
    return f"killed by signal {-status}" if status < 0 else f"exit {status}"


class Recorder:
    """Appends the calls of one run to `path` (UsageError: the file cannot be written)."""

    def __init__(self, path: str) -> None:
        self.path = path
        try:
            # not inherited by docker (Python's descriptors are close-on-exec)
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        except OSError as exc:
            raise UsageError(f"cannot record to {path}: {exc.strerror or exc}") from exc
        self._lock = threading.Lock()
        self._began = time.time()
        self._headed = False
        self._failed = False

    def call(
        self,
        argv: Sequence[str],
        started: float,
        status: int | str,
        *,
        stdin: bool = False,
        env: Mapping[str, str | None] | None = None,
        stdin_from: str | None = None,
    ) -> None:
        """Record one call: started at `started` (time.time()), ended now, with `status` (the exit
        status, or INTERRUPTED / NOT_STARTED / a sentence); `env` and `stdin_from` as -x shows
        them (`display.shell_line`: `DOCKER_BUILDKIT=0 docker ...`, `printf ... "$VAR" | docker ...`)."""
        from .display import redacted, shell_line

        ended = time.time()
        lines = [f"# {_timestamp(started)} {ended - started:.3f}s {outcome(status)}\n"]
        if stdin_from:
            lines.append(f"# its stdin is the value of ${stdin_from}: set it before running this line\n")
        elif stdin:
            lines.append("# its stdin is not recorded\n")
        if redacted(argv) != list(argv):
            lines.append(_SECRET_NOTE)
        lines.append(shell_line(argv, env, stdin_from) + "\n")
        self._write("".join(lines))

    def _write(self, record: str) -> None:
        with self._lock:
            if not self._headed:
                record = self._header() + record
                self._headed = True
            data = record.encode("utf-8", "surrogateescape")
            try:
                os.write(self._fd, data)
            except OSError as exc:  # a full disk mid-run: the run goes on, and says so once
                if self._failed:
                    return
                self._failed = True
                print(f"dockwrap: warning: cannot record to {self.path}: {exc.strerror or exc}", file=sys.stderr)

    def _header(self) -> str:
        from .display import quote

        first = "#!/usr/bin/env bash\n" if os.fstat(self._fd).st_size == 0 else "\n"
        # the CLI's command line as the user typed it (`python -m dockwrap` too); a library caller's own
        argv = sys.argv or ["python"]
        command = quote(["dockwrap", *argv[1:]] if "dockwrap" in argv[0] else argv)
        return (
            f"{first}# ---- dockwrap run {_timestamp(self._began)} (pid {os.getpid()}): {command}\n"
            "# each call: its start (UTC), duration and exit status;"
            " the script runs on past a failed call, as the run did\n"
        )

    def close(self) -> None:
        os.close(self._fd)
