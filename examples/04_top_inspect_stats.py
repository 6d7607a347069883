#!/usr/bin/env python3
"""04 three views of one running container, from Python: container.top (processes),
container.inspect (configuration and state), container.stats (resource use), as typed records.

Run: python3 examples/04_top_inspect_stats.py
"""

import json
import os
import secrets
import signal
import sys

from dockwrap import Docker

EXAMPLE = "04_top_inspect_stats"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

d = Docker(explain=True)
box = f"dwx-04-{ID}-box"
try:
    d.container.run("busybox:latest", ["sleep", "300"], detach=True, name=box, init=True, labels=LABELS, pull="never")

    processes = d.container.top(box)
    print("top:", [(p.pid, p.cmd) for p in processes])

    # inspect takes a list: any number of containers in one docker call.
    (details,) = d.container.inspect([box])
    print(
        f"inspect: {details.name} is {details.state.status}, PID {details.state.pid}, "
        f"image {details.image}, addresses {details.ip_addresses}"
    )
    print("inspect state as JSON:", json.dumps(details.state.to_json()))

    # One sample (docker's --no-stream): numbers already converted, memory in binary units.
    (sample,) = d.container.stats(box)
    print(
        f"stats: cpu {sample.cpu_percent} %, memory {sample.mem_usage_bytes / 1024:.0f} KiB "
        f"of {sample.mem_limit_bytes / 2**30:.1f} GiB, {sample.pids} processes, "
        f"network in {sample.net_rx_bytes} B / out {sample.net_tx_bytes} B"
    )

    # The three views describe one thing, so they must agree.
    if not details.state.running:
        sys.exit("FAILED: inspect says the container is not running")
    if details.state.pid not in [p.pid for p in processes]:
        sys.exit(f"FAILED: inspect's PID {details.state.pid} is not among top's")
    if sample.pids != len(processes):
        sys.exit(f"FAILED: stats counts {sample.pids} processes, top lists {len(processes)}")
    if not sample.mem_usage_bytes:
        sys.exit("FAILED: stats shows no memory in use")
    print(
        f"OK: top, inspect and stats agree: PID 1 is host PID {details.state.pid}, "
        f"{sample.pids} processes, {sample.mem_usage_bytes} bytes of memory"
    )
finally:
    d.container.rm(box, force=True)
