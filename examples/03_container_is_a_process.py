#!/usr/bin/env python3
"""03 a container is a process, from Python: container.top gives host PIDs, and this machine's
/proc has them; inside the container the same processes are numbered from 1.

Needs the engine on this machine. Run: python3 examples/03_container_is_a_process.py
"""

import os
import secrets
import signal
import sys

from dockwrap import Docker

EXAMPLE = "03_container_is_a_process"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))


def host_view(pid: int) -> tuple[str, int, str]:
    """(command line, parent PID, parent's name) of a PID in this machine's process table."""
    with open(f"/proc/{pid}/cmdline", "rb") as f:
        cmdline = f.read().replace(b"\0", b" ").decode().strip()
    with open(f"/proc/{pid}/stat") as f:
        ppid = int(f.read().rsplit(")", 1)[1].split()[1])  # after "(comm)": state, then ppid
    with open(f"/proc/{ppid}/comm") as f:
        return cmdline, ppid, f.read().strip()


d = Docker(explain=True)
box = f"dwx-03-{ID}-box"
try:
    # --init: docker-init runs as PID 1 in front of sleep, so the container has two processes.
    d.container.run("busybox:latest", ["sleep", "300"], detach=True, name=box, init=True, labels=LABELS, pull="never")

    processes = d.container.top(box)  # docker runs ps on the host for us: host PIDs
    for proc in processes:
        try:
            cmdline, ppid, parent = host_view(proc.pid)
        except OSError:
            sys.exit(f"FAILED: PID {proc.pid} ({proc.cmd}) is not in this machine's /proc")
        print(f"top: PID {proc.pid:<7} {proc.cmd!r:40} host /proc: {cmdline!r}, parent {ppid} ({parent})")
        if "sleep" not in cmdline:
            sys.exit(f"FAILED: host PID {proc.pid} runs {cmdline!r}, not the container's sleep")

    # inspect's state.pid is the container's PID 1 as the host numbers it: the first of top's.
    (details,) = d.container.inspect([box])
    print(f"inspect: state.pid = {details.state.pid} (the container's init, on the host)")
    if details.state.pid not in {p.pid for p in processes}:
        sys.exit("FAILED: inspect's PID is not among top's")

    # Inside, a PID namespace numbers the same processes from 1.
    inside = d.container.exec(box, ["ps", "-o", "pid,args"])
    print("inside the container:\n" + inside.out.rstrip())
    if not any(line.split()[:1] == ["1"] and "init" in line for line in inside.out.splitlines()):
        sys.exit("FAILED: inside the container, PID 1 is not the init")
    print(f"OK: {box}'s processes are host processes {[p.pid for p in processes]}, numbered from 1 inside")
finally:
    d.container.rm(box, force=True)
