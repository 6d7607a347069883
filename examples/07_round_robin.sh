#!/usr/bin/env bash
# 07 DNS round robin: three servers share one --network-alias, "web". The embedded DNS answers
# "web" with all three addresses, shuffled each time, so queries spread over the servers.
# First by hand with the CLI, then the same lesson as one command: dockwrap recipe round-robin.
# Run: bash examples/07_round_robin.sh
set -euo pipefail

EXAMPLE=07_round_robin
ID="$$-$RANDOM"
NET="dwx-07-$ID-net"; CLIENT="dwx-07-$ID-client"
SERVERS=("dwx-07-$ID-s1" "dwx-07-$ID-s2" "dwx-07-$ID-s3")
LABELS=(--label "dockwrap.example=$EXAMPLE")
if [ -n "${DOCKWRAP_TEST_LABEL:-}" ]; then LABELS+=(--label "$DOCKWRAP_TEST_LABEL"); fi

cleanup() {
    dockwrap container rm -f "${SERVERS[@]}" "$CLIENT" >/dev/null || true
    dockwrap network rm "$NET" >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT; trap 'exit 143' TERM
fail() { echo "FAILED: $*" >&2; exit 1; }
# Each server answers with its own host name, so the client can tell who served it.
SERVE='mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www'

echo "== a network, and three servers on it that all answer to the alias 'web'"
dockwrap network create "${LABELS[@]}" "$NET" >/dev/null
X=-x                                           # show the first docker call: note --network-alias
for s in "${SERVERS[@]}"; do
    dockwrap $X run -d --init --name "$s" --hostname "$s" --network "$NET" --network-alias web \
        "${LABELS[@]}" --pull never busybox:latest sh -c "$SERVE" >/dev/null
    X=
done
# One client container for all queries (cheaper than a container per query).
dockwrap run -d --init --name "$CLIENT" --network "$NET" "${LABELS[@]}" --pull never busybox:latest sleep 300 >/dev/null

# The servers' httpd may take a moment to listen: wait until "web" answers at all.
dockwrap exec "$CLIENT" sh -c 'for i in $(seq 50); do wget -q -O /dev/null http://web/ && exit 0; sleep 0.2; done; exit 1' \
    || fail "nothing answered on http://web/"

echo
echo "== one name, three addresses"
LOOKUP=$(dockwrap exec "$CLIENT" nslookup -type=a web)
echo "$LOOKUP"
# One inspect call for all three servers: their addresses on $NET are the ones DNS gave.
IPS=$(dockwrap container inspect "${SERVERS[@]}" --json \
    | python3 -c "import json, sys; print(' '.join(c['networks']['$NET']['ip_address'] for c in json.load(sys.stdin)))")
echo "the servers' addresses on $NET: $IPS"
for ip in $IPS; do grep -qx "Address: *$ip" <<<"$LOOKUP" || fail "$ip is not among web's addresses"; done
ADDRESSES=$(sed -n '/^Name:/,$p' <<<"$LOOKUP" | grep -c '^Address' || true)
[ "$ADDRESSES" -eq 3 ] || fail "web resolved to $ADDRESSES addresses, expected 3"

# busybox wget looks the name up on every run and takes the first address: the order changes
# from one answer to the next, so 30 queries should reach every server.
echo
echo "== 30 queries to http://web/: who answered how often"
ANSWERS=$(dockwrap exec "$CLIENT" sh -c 'for i in $(seq 30); do wget -q -O - http://web/ || echo failed; done')
sort <<<"$ANSWERS" | uniq -c
for s in "${SERVERS[@]}"; do grep -qx "$s" <<<"$ANSWERS" || fail "$s never answered"; done

# The recipe does all of the above (and its cleanup) in one command; -x shows its docker calls,
# --dry-run would print them as a script instead. It exits 1 if the lesson did not hold.
echo
echo "== the same lesson as a recipe"
dockwrap -x recipe round-robin --replicas 3 --queries 30 "${LABELS[@]}"

echo
echo "OK: one alias, three addresses, and every server answered"
