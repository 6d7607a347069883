#!/usr/bin/env bash
# 01 version: which docker client dockwrap runs, and which engine that client reaches.
# Run: bash examples/01_version.sh
# It creates nothing, so there is nothing to clean up.
set -euo pipefail

# Read one value out of dockwrap's JSON (python3 is always there where dockwrap is; jq may not be).
jget() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

echo "== dockwrap's own version"
dockwrap --version

# The client and the engine are two programs, often of different releases: the client talks to
# the engine over an API version both understand. -x shows the one docker call this makes.
echo
echo "== client and engine (-x prints the docker call on stderr, like set -x)"
dockwrap -x version

# --dry-run prints the calls instead of running them: paste the line into a shell and it runs.
echo
echo "== the same command under --dry-run: nothing runs"
dockwrap --dry-run version

# --json has stable snake_case keys for scripts; "server" is null when no engine answered
# (in which case dockwrap already exits 1 and says how to start one).
echo
echo "== the parts a script wants, from --json"
JSON=$(dockwrap version --json)
CLIENT=$(jget 'd["client"]["version"]' <<<"$JSON")
SERVER=$(jget '(d["server"] or {}).get("version", "")' <<<"$JSON")
API=$(jget '(d["server"] or {}).get("api_version", "")' <<<"$JSON")

if [ -z "$SERVER" ]; then
    echo "FAILED: no docker engine answered (try: scripts/engine up)" >&2
    exit 1
fi
echo "OK: docker client $CLIENT talks to engine $SERVER over API $API"
