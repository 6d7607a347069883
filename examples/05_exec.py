#!/usr/bin/env python3
"""05 exec, from Python: more commands in a running container; its status, environment, input.

On a terminal it opens an interactive shell (exec -it; type `exit` to go on); without one it
feeds a shell its commands on stdin (exec -i). Run: python3 examples/05_exec.py
"""

import os
import secrets
import signal
import sys

from dockwrap import Docker

EXAMPLE = "05_exec"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

d = Docker(explain=True)
box = f"dwx-05-{ID}-box"
try:
    d.container.run(
        "busybox:latest", ["sleep", "300"], detach=True, name=box, hostname=box, init=True, labels=LABELS, pull="never"
    )

    # exec joins the running container; the result carries the command's output and status.
    done = d.container.exec(box, ["hostname"])
    print(f"hostname inside: {done.out.strip()} (exit {done.exit_code})")

    # A failing command is not an exception: its status is data (docker's own failures raise).
    status = d.container.exec(box, ["sh", "-c", "exit 7"]).exit_code
    print(f"sh -c 'exit 7' -> exit_code {status}")
    if status != 7:
        sys.exit(f"FAILED: expected exit code 7, got {status}")

    # Environment and working directory per call; the filesystem is the container's, shared.
    d.container.exec(box, ["sh", "-c", 'echo "$GREETING from $(pwd)" > note'], env=["GREETING=hello"], workdir="/tmp")
    note = d.container.exec(box, ["cat", "/tmp/note"]).out.strip()
    print(f"a second exec reads what the first wrote: {note!r}")
    if note != "hello from /tmp":
        sys.exit(f"FAILED: unexpected note {note!r}")

    if sys.stdin.isatty() and sys.stdout.isatty():
        # output="terminal" with interactive and tty hands our terminal to the shell (exec -it).
        print(f"an interactive shell in {box} (try: ps, cat /tmp/note; then: exit)")
        d.container.exec(box, ["sh"], interactive=True, tty=True, output="terminal")
    else:
        # No terminal: send the shell its input instead (exec -i). container.exec has no input=
        # parameter, so this goes one level down, to the runner that runs every docker call.
        script = b'echo "read from stdin, running as $(whoami) in $(hostname)"\nexit 3\n'
        piped = d.runner.run(["container", "exec", "--interactive", box, "sh"], input=script, check=False)
        print(f"exec -i with piped input: {piped.out.strip()!r} (exit {piped.exit_code})")
        if (piped.out.strip(), piped.exit_code) != (f"read from stdin, running as root in {box}", 3):
            sys.exit("FAILED: the piped shell did not run as expected")
    print(f"OK: exec ran commands in {box}, with their own status, environment and input")
finally:
    d.container.rm(box, force=True)
