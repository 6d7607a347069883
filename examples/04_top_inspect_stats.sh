#!/usr/bin/env bash
# 04 three views of one running container: top (its processes), inspect (its configuration and
# state), stats (its resource use), as tables and as --json for scripts. They must agree.
# Run: bash examples/04_top_inspect_stats.sh
set -euo pipefail

EXAMPLE=04_top_inspect_stats
ID="$$-$RANDOM"
BOX="dwx-04-$ID-box"
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

cleanup() { dockwrap container rm -f "$BOX" >/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
fail() { echo "FAILED: $*" >&2; exit 1; }
jget() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
# Pretty JSON: jq when installed, else Python's json.tool (always there with dockwrap).
if command -v jq >/dev/null; then pretty() { jq .; }; else pretty() { python3 -m json.tool; }; fi

dockwrap run -d --init --name "$BOX" "${LABELS[@]}" --pull never busybox:latest sleep 300 >/dev/null
echo "started $BOX"

echo
echo "== top: the processes (host PIDs)"
dockwrap -x container top "$BOX"
TOP=$(dockwrap container top --json "$BOX")

# inspect reads the engine's record of the container: one call for any number of names.
echo
echo "== inspect: state, PID, addresses per network, ports"
dockwrap -x container inspect "$BOX"
INSPECT=$(dockwrap container inspect "$BOX" --json)
echo "-- its state, from --json:"
jget 'json.dumps(d[0]["state"])' <<<"$INSPECT" | pretty

# stats streams a sample a second until Ctrl-C; --no-stream takes one sample and exits.
# Memory is in binary units (KiB), network and block I/O in decimal ones (kB), as docker prints.
echo
echo "== stats --no-stream: one sample"
dockwrap -x container stats --no-stream "$BOX"
STATS=$(dockwrap container stats --no-stream --json "$BOX")
echo "-- the same sample as --json: sizes in bytes, percentages as numbers, no unit strings to parse:"
pretty <<<"$STATS"

# The three views are of the same thing: check that they agree.
TOP_PIDS=$(jget '" ".join(str(p["pid"]) for p in d)' <<<"$TOP")
INIT_PID=$(jget 'd[0]["state"]["pid"]' <<<"$INSPECT")
RUNNING=$(jget 'd[0]["state"]["running"]' <<<"$INSPECT")
STATS_PIDS=$(jget 'd[0]["pids"]' <<<"$STATS")
MEM=$(jget 'd[0]["mem_usage_bytes"]' <<<"$STATS")
[ "$RUNNING" = True ] || fail "inspect says the container is not running"
grep -qw "$INIT_PID" <<<"$TOP_PIDS" || fail "inspect's PID $INIT_PID is not among top's ($TOP_PIDS)"
[ "$STATS_PIDS" -eq "$(wc -w <<<"$TOP_PIDS")" ] || fail "stats counts $STATS_PIDS processes, top lists $TOP_PIDS"
[ "$MEM" -gt 0 ] || fail "stats shows no memory in use"

echo
echo "OK: top, inspect and stats agree: PID 1 is host PID $INIT_PID, $STATS_PIDS processes, $MEM bytes of memory"
