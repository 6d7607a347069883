#!/usr/bin/env bash
# 06 networks: on the default bridge containers cannot find each other by name; on a network
# you create, docker's embedded DNS (127.0.0.11) resolves container names and --alias names.
# Shows: network ls, inspect bridge, create, connect --alias, DNS by name, disconnect.
# Run: bash examples/06_networks.sh
set -euo pipefail

EXAMPLE=06_networks
ID="$$-$RANDOM"
NET="dwx-06-$ID-net"; A="dwx-06-$ID-a"; B="dwx-06-$ID-b"
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

# Containers first: a network cannot be removed while something is attached to it.
cleanup() {
    dockwrap container rm -f "$A" "$B" >/dev/null || true
    dockwrap network rm "$NET" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
fail() { echo "FAILED: $*" >&2; exit 1; }
jget() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
# Right after a connect, give the embedded DNS a moment: retry a few times, 0.5 s apart.
reaches() { for _ in 1 2 3 4 5 6; do dockwrap exec "$A" ping -c 1 -W 1 "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done; return 1; }

echo "== the networks every engine has: bridge (the default), host, none"
dockwrap network ls --filter type=builtin
BRIDGE=$(dockwrap network inspect bridge --json)
jget '"bridge: subnet %s, %d containers attached now" % (d[0]["subnet"], len(d[0]["containers"]))' <<<"$BRIDGE"

for c in "$A" "$B"; do
    dockwrap run -d --init --name "$c" "${LABELS[@]}" --pull never busybox:latest sleep 300 >/dev/null
done
echo
echo "== $A and $B on the default bridge: no DNS for container names there"
if dockwrap -x exec "$A" ping -c 1 -W 1 "$B"; then fail "$B resolved on the default bridge"; fi

echo
echo "== a network of our own; $B joins it also known as 'db', then $A joins"
dockwrap -x network create "${LABELS[@]}" "$NET" >/dev/null
dockwrap -x network connect --alias db "$NET" "$B"
dockwrap network connect "$NET" "$A"
dockwrap network inspect "$NET"

echo
echo "== by name on $NET: the container's name and its alias both resolve"
reaches "$B" || fail "$A cannot reach $B by name on $NET"
reaches db || fail "$A cannot reach the alias db on $NET"
dockwrap -x exec "$A" ping -c 1 -W 1 db
dockwrap exec "$A" nslookup -type=a db | grep -A2 '^Name:'

# A container sits on several networks at once, an address on each; aliases are per network
# (docker adds the short container ID as one too).
INSPECT=$(dockwrap container inspect "$B" --json)
OLD_IP=$(jget "d[0]['networks']['$NET']['ip_address']" <<<"$INSPECT")
ALIASED=$(jget "'db' in d[0]['networks']['$NET']['aliases']" <<<"$INSPECT")
echo "$B is on:"
jget '"\n".join("  %s: %s, aliases %s" % (n, e["ip_address"], e["aliases"]) for n, e in d[0]["networks"].items())' <<<"$INSPECT"
[ "$ALIASED" = True ] || fail "inspect does not list the alias db on $NET"

# Disconnecting takes the interface away: the address on $NET no longer answers. (An IP, not
# the name, so that no failing name lookup leaves the machine.)
echo
echo "== disconnect $B from $NET"
dockwrap -x network disconnect "$NET" "$B"
if dockwrap exec "$A" ping -c 1 -W 1 "$OLD_IP" >/dev/null; then fail "$OLD_IP still answers after disconnect"; fi
LEFT=$(dockwrap network inspect "$NET" --json | jget '" ".join(c["name"] for c in d[0]["containers"])')
echo "$OLD_IP no longer answers; left on $NET: $LEFT"
[ "$LEFT" = "$A" ] || fail "expected only $A on $NET, found: $LEFT"

echo
echo "OK: names resolved on $NET, not on the default bridge, and disconnect took $B off $NET"
