#!/usr/bin/env bash
# 05 exec: run more commands inside a container that is already running; -i and -t.
# On a terminal it opens an interactive shell (exec -it; type `exit` to go on); without one
# (a pipe, CI) it feeds a shell its commands on stdin instead (exec -i).
# Run: bash examples/05_exec.sh
set -euo pipefail

EXAMPLE=05_exec
ID="$$-$RANDOM"
BOX="dwx-05-$ID-box"
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

cleanup() { dockwrap container rm -f "$BOX" >/dev/null || true; }
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
fail() { echo "FAILED: $*" >&2; exit 1; }

dockwrap run -d --init --name "$BOX" --hostname "$BOX" "${LABELS[@]}" --pull never busybox:latest sleep 300 >/dev/null
echo "started $BOX"

echo
echo "== exec runs a command in the running container (not in a new one)"
dockwrap -x exec "$BOX" hostname

# dockwrap exec exits with the command's own status, so `if` and `||` work as for local commands.
echo
echo "== the exit status is the command's own"
STATUS=0
dockwrap exec "$BOX" sh -c 'exit 7' || STATUS=$?
echo "sh -c 'exit 7' -> exit status $STATUS"
[ "$STATUS" = 7 ] || fail "expected exit status 7, got $STATUS"

# Every exec joins the same container: a file one exec writes, the next one sees.
echo
echo "== environment (-e) and working directory (-w) per exec; the filesystem is shared"
dockwrap -x exec -e GREETING=hello -w /tmp "$BOX" sh -c 'echo "$GREETING from $(pwd)" > note; cat note'
[ "$(dockwrap exec "$BOX" cat /tmp/note)" = "hello from /tmp" ] || fail "the second exec did not see the file"

# -i keeps stdin open (the container reads your input); -t gives it a terminal (prompt, line
# editing, Ctrl-C). -t needs a terminal on our side too, so without one only -i makes sense.
echo
if [ -t 0 ] && [ -t 1 ]; then
    echo "== exec -it: an interactive shell in $BOX (try: ps, ls /tmp, hostname; then: exit)"
    dockwrap -x exec -it "$BOX" sh || true
else
    echo "== no terminal here, so -t would be refused:"
    if dockwrap exec -it "$BOX" true </dev/null; then fail "exec -it without a terminal should fail"; fi
    echo
    echo "== exec -i: the shell reads its commands from a pipe instead, and its status comes back"
    STATUS=0
    OUT=$(printf 'echo "read from stdin, running as $(whoami) in $(hostname)"\nexit 3\n' \
        | dockwrap -x exec -i "$BOX" sh) || STATUS=$?
    echo "$OUT (exit status $STATUS)"
    [ "$OUT" = "read from stdin, running as root in $BOX" ] || fail "unexpected output: $OUT"
    [ "$STATUS" = 3 ] || fail "expected exit status 3, got $STATUS"
fi

echo
echo "OK: exec ran commands in $BOX, with their own status, environment and input"
