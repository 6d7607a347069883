#!/usr/bin/env python3
"""01 version, from Python: the docker client dockwrap runs and the engine it reaches.

Run: python3 examples/01_version.py        (creates nothing, so nothing to clean up)
"""

import json
import sys

from dockwrap import DaemonUnreachable, Docker, DockerNotFound, __version__

print(f"dockwrap {__version__}")

# explain=True prints each docker call on stderr before it runs: one method, one docker call.
d = Docker(explain=True)
try:
    info = d.version()
except (DockerNotFound, DaemonUnreachable) as exc:
    # The two ways this fails on a fresh machine; both say what to do about it.
    print(f"FAILED: {exc}", file=sys.stderr)
    sys.exit(1)

# Records are typed: attributes instead of digging through docker's JSON by hand.
client, server = info.client, info.server
print(f"client: docker {client.version} (API {client.api_version}, {client.go_version}, {client.os}/{client.arch})")
if server is None:
    print("FAILED: the client answered, but no engine did", file=sys.stderr)
    sys.exit(1)
print(f"server: engine {server.version} (API {server.api_version}, oldest API it accepts: {server.min_api_version})")

# `release` is the numeric part of a version, handy for "is this engine new enough?" checks.
print(f"client release {client.release}, server release {server.release}")
if client.release[:2] != server.release[:2]:
    print("note: client and engine are different releases; they agree on an API version to talk")

# to_json() is exactly what `dockwrap version --json` prints (docker's own object stays in .raw).
print("server as JSON:", json.dumps(server.to_json()))

# dry_run=True prints the docker call to stdout and runs nothing.
print("under dry_run, the call is only printed:")
Docker(dry_run=True).version()

print(f"OK: docker client {client.version} talks to engine {server.version}")
