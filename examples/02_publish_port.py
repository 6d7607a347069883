#!/usr/bin/env python3
"""02 publish a port, from Python: a detached web server reachable from the host on 127.0.0.1.

Shows: container.run(detach=True, publish=...), container.port, an HTTP fetch from the host,
container.logs, container.ls. Run: python3 examples/02_publish_port.py
"""

import os
import secrets
import signal
import sys
import time
import urllib.request

from dockwrap import Docker

EXAMPLE = "02_publish_port"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"  # unique: others may use the same engine right now
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that `finally` also runs on kill

SERVER = 'mkdir -p /www && echo "hello from $(hostname)" > /www/index.html && exec httpd -f -vv -p 80 -h /www'


def fetch(url: str) -> str:
    """The page, retrying briefly: the container runs a moment before httpd listens."""
    for _ in range(50):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"FAILED: nothing answered on {url}")


d = Docker(explain=True)  # each docker call is printed on stderr as it runs
web = f"dwx-02-{ID}-web"
try:
    # 127.0.0.1 keeps the port off the network; host port 0 lets docker choose a free one.
    cid = d.container.run(
        "busybox:latest",
        ["sh", "-c", SERVER],
        detach=True,
        name=web,
        hostname=web,
        init=True,
        publish=["127.0.0.1:0:80"],
        labels=LABELS,
        pull="never",
    )
    print(f"started {web} ({cid[:12]}), detached: run returned at once")

    (mapping,) = d.container.port(web)
    print(
        f"container port {mapping.container_port}/{mapping.protocol} "
        f"is published on {mapping.host_ip}:{mapping.host_port}"
    )
    url = f"http://127.0.0.1:{mapping.host_port}/"

    body = fetch(url).strip()
    print(f"GET {url} -> {body!r}")
    if body != f"hello from {web}":
        sys.exit(f"FAILED: expected 'hello from {web}', got {body!r}")

    # What the container wrote to stdout/stderr, kept by docker; httpd logs requests on stderr.
    logs = d.container.logs(web)
    print("its logs:", logs.err.strip().replace("\n", " | "))
    if "response:200" not in logs.err:
        sys.exit("FAILED: the request is not in the container's logs")

    (row,) = d.container.ls(filters=[f"name={web}"])
    print(f"ls: {row.name} is {row.state} ({row.status}), ports {[str(p) for p in row.ports]}")
    print(f"OK: {web} served its page on {url} (and only on 127.0.0.1)")
finally:
    d.container.rm(web, force=True)  # force: stop it and remove it; no error if it never started
