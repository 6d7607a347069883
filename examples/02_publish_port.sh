#!/usr/bin/env bash
# 02 publish a port: a web server in a detached container, reachable from the host on 127.0.0.1.
# Shows: run -d, -p 127.0.0.1:0:80, port, fetching the page from the host, logs, ls.
# Run: bash examples/02_publish_port.sh      (removes its container at the end, whatever happens)
set -euo pipefail

EXAMPLE=02_publish_port
ID="$$-$RANDOM"                         # unique: other people may use the same engine right now
WEB="dwx-02-$ID-web"
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

cleanup() { dockwrap container rm -f "$WEB" >/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM    # Ctrl-C / kill still run the EXIT trap
fail() { echo "FAILED: $*" >&2; exit 1; }
jget() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

# -d returns at once and leaves the server running. -p 127.0.0.1:0:80 publishes container port 80
# on the host's loopback only (nothing outside this machine can reach it), and host port 0 lets
# docker pick a free one: a fixed 8080 would clash with anything else using it.
echo "== start a web server in the background (-x shows the docker call)"
dockwrap -x run -d --init --name "$WEB" --hostname "$WEB" "${LABELS[@]}" \
    -p 127.0.0.1:0:80 --pull never busybox:latest \
    sh -c 'mkdir -p /www && echo "hello from $(hostname)" > /www/index.html && exec httpd -f -vv -p 80 -h /www'

echo
echo "== which host port docker picked"
dockwrap container port "$WEB"
PORT=$(dockwrap container port "$WEB" --json | jget 'd[0]["host_port"]')
URL="http://127.0.0.1:$PORT/"

# The container is running before httpd listens: retry for a moment rather than sleep blindly.
echo
echo "== fetch $URL from the host"
BODY=$(python3 - "$URL" <<'PY'
import sys, time, urllib.request
for attempt in range(50):
    try:
        print(urllib.request.urlopen(sys.argv[1], timeout=5).read().decode(), end="")
        break
    except OSError:
        time.sleep(0.1)
PY
)
echo "$BODY"
[ "$BODY" = "hello from $WEB" ] || fail "expected 'hello from $WEB' from $URL, got '$BODY'"

# docker keeps what the container writes to stdout and stderr: httpd logs each request there.
# The client address is the bridge's gateway, not 127.0.0.1: docker forwarded the connection.
echo
echo "== the container's logs"
LOG=$(dockwrap logs "$WEB" 2>&1)
echo "$LOG"
grep -q "response:200" <<<"$LOG" || fail "the request is not in the container's logs"

echo
echo "== ls: the container, still running, with its published port"
dockwrap ps --filter "name=$WEB"

echo
echo "OK: $WEB served its page on $URL (and only on 127.0.0.1)"
