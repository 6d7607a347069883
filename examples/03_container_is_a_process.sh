#!/usr/bin/env bash
# 03 a container is a process: `top` lists host PIDs, and the host's own ps shows the same
# processes. Inside the container, the same processes have other numbers (a PID namespace).
# Needs the engine on this machine (a remote engine's PIDs are another machine's).
# Run: bash examples/03_container_is_a_process.sh
set -euo pipefail

EXAMPLE=03_container_is_a_process
ID="$$-$RANDOM"
BOX="dwx-03-$ID-box"
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

cleanup() { dockwrap container rm -f "$BOX" >/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
fail() { echo "FAILED: $*" >&2; exit 1; }

# --init puts a tiny init (docker-init) as PID 1 in front of sleep, so there are two processes.
dockwrap run -d --init --name "$BOX" "${LABELS[@]}" --pull never busybox:latest sleep 300 >/dev/null
echo "started $BOX: sleep 300, behind docker-init"

echo
echo "== dockwrap container top: docker asks the host's ps about the container's processes"
dockwrap -x container top "$BOX"
PIDS=$(dockwrap container top --json "$BOX" | python3 -c \
    'import json, sys; print(" ".join(str(p["pid"]) for p in json.load(sys.stdin)))')

# Those numbers are ordinary host PIDs: the host's ps finds them, and the parent of the first one
# is containerd-shim, not your shell: the engine started it.
echo
echo "== the host's own view of PIDs $PIDS"
if command -v ps >/dev/null; then
    ps -o pid,ppid,cmd -p "${PIDS// /,}"
else
    for pid in $PIDS; do echo "$pid $(tr '\0' ' ' </proc/"$pid"/cmdline)"; done
fi
for pid in $PIDS; do
    CMD=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || fail "PID $pid is not in this host's /proc"
    case "$CMD" in *sleep*) ;; *) fail "host PID $pid runs '$CMD', not the container's sleep" ;; esac
done
FIRST=${PIDS%% *}
PARENT=$(awk '{print $4}' "/proc/$FIRST/stat")
echo "parent of $FIRST on the host: PID $PARENT, $(cat "/proc/$PARENT/comm")"

# The container has its own PID namespace: there, docker-init is PID 1 and sleep a small number.
# The exec'd ps has parent 0: it did not descend from PID 1, docker exec put it in from outside.
echo
echo "== the same processes seen from inside the container"
dockwrap exec "$BOX" ps -o pid,ppid,args
INSIDE=$(dockwrap exec "$BOX" ps -o pid,args)
grep -Eq '^ *1 .*init' <<<"$INSIDE" || fail "inside the container, PID 1 is not the init"
[ "$FIRST" != 1 ] || fail "the host PID of the container's init should not be 1"

echo
echo "OK: $BOX's processes are host processes ($PIDS), numbered 1.. inside the container"
