#!/usr/bin/env python3
"""07 DNS round robin, from Python: three servers share the --network-alias "web"; the embedded
DNS returns all three addresses, shuffled, so queries spread over them. By hand, then the recipe.

Run: python3 examples/07_round_robin.py
"""

import os
import re
import secrets
import signal
import sys
from collections import Counter

from dockwrap import Docker, Recipes

EXAMPLE = "07_round_robin"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

SERVE = "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www"  # answers its name
# The client waits for "web" to answer, resolves it once, then queries it 30 times.
CLIENT = (
    "for i in $(seq 50); do wget -q -O /dev/null http://web/ && break; sleep 0.2; done; "
    "nslookup -type=a web; echo ---; for i in $(seq 30); do wget -q -O - http://web/ || echo failed; done"
)

d = Docker()  # Docker(explain=True) would print each docker call, the recipe's too
net = f"dwx-07-{ID}-net"
servers = [f"dwx-07-{ID}-s{i}" for i in (1, 2, 3)]
client = f"dwx-07-{ID}-client"
try:
    d.network.create(net, labels=LABELS)
    for name in servers:
        d.container.run(
            "busybox:latest",
            ["sh", "-c", SERVE],
            detach=True,
            name=name,
            hostname=name,
            init=True,
            network=net,
            network_aliases=["web"],
            labels=LABELS,
            pull="never",
        )
    # A foreground run: returns when the client is done, with its output; remove=True is --rm.
    done = d.container.run(
        "busybox:latest", ["sh", "-c", CLIENT], name=client, network=net, remove=True, labels=LABELS, pull="never"
    )
    lookup, _, answers = done.out.partition("---")
    resolved = re.findall(r"^Address: *([0-9.]+)$", lookup.split("Name:", 1)[-1], re.MULTILINE)
    ips = {c.name: c.networks[net].ip_address for c in d.container.inspect(servers)}  # one call for all
    print(f"web resolves to {resolved}; the servers are {ips}")
    counts = Counter(answers.split())
    for name in servers:
        print(f"  {name} ({ips[name]}) answered {counts[name]} of 30")
    if sorted(resolved) != sorted(ips.values()) or not all(counts[name] for name in servers):
        sys.exit("FAILED: web did not resolve to every server, or a server never answered")

    # The recipe does all of that, and its own cleanup, in one call; labels go on what it creates.
    result = Recipes(d).round_robin(replicas=3, queries=30, labels=LABELS)
    print(f"recipe: {result.alias} on {result.network} -> {result.resolved_ips}")
    for backend in result.backends:
        print(f"  {backend.name} ({backend.ip}) answered {backend.answers}")
    if not result.ok:
        sys.exit("FAILED: the recipe's lesson did not hold")
    print("OK: one alias, three addresses, and every server answered")
finally:
    d.container.rm([*servers, client], force=True)
    if any(n.name == net for n in d.network.ls(filters=[f"name={net}"])):
        d.network.rm(net)
