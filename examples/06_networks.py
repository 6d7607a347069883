#!/usr/bin/env python3
"""06 networks, from Python: names do not resolve on the default bridge; on a network you create,
docker's embedded DNS resolves container names and aliases. Then disconnect.

Run: python3 examples/06_networks.py
"""

import os
import secrets
import signal
import sys
import time

from dockwrap import Docker

EXAMPLE = "06_networks"
ID = f"{os.getpid()}-{secrets.token_hex(2)}"
LABELS = {"dockwrap.example": EXAMPLE}
if os.environ.get("DOCKWRAP_TEST_LABEL"):
    key, _, value = os.environ["DOCKWRAP_TEST_LABEL"].partition("=")
    LABELS[key] = value
signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

d = Docker(explain=True)
net, a, b = f"dwx-06-{ID}-net", f"dwx-06-{ID}-a", f"dwx-06-{ID}-b"


def ping(target: str, tries: int = 1) -> bool:
    """One ping from a; retried a little right after a connect, to give the embedded DNS a moment."""
    for _ in range(tries):
        if d.container.exec(a, ["ping", "-c", "1", "-W", "1", target]).exit_code == 0:
            return True
        time.sleep(0.5)
    return False


try:
    print("built-in networks:", [(n.name, n.driver) for n in d.network.ls(filters=["type=builtin"])])
    (bridge,) = d.network.inspect("bridge")
    print(f"the default bridge: subnet {bridge.subnet}, {len(bridge.containers)} containers attached now")

    for name in (a, b):
        d.container.run(
            "busybox:latest", ["sleep", "300"], detach=True, name=name, init=True, labels=LABELS, pull="never"
        )
    # The default bridge has no DNS for container names: this one lookup is meant to fail.
    if ping(b):
        sys.exit(f"FAILED: {b} resolved on the default bridge")
    print(f"default bridge: {a} cannot find {b} by name")

    d.network.create(net, labels=LABELS)
    d.network.connect(net, b, aliases=["db"])  # b is now also "db", on this network only
    d.network.connect(net, a)
    for target in (b, "db"):
        if not ping(target, tries=6):
            sys.exit(f"FAILED: {a} cannot reach {target} by name on {net}")
        print(f"{net}: {a} reaches {target} by name")

    (details,) = d.container.inspect([b])
    for network, endpoint in details.networks.items():
        print(f"{b} on {network}: {endpoint.ip_address}, aliases {endpoint.aliases}")
    old_ip = details.networks[net].ip_address

    # Disconnect removes b's interface on net: its address there stops answering.
    d.network.disconnect(net, b)
    if ping(old_ip):
        sys.exit(f"FAILED: {old_ip} still answers after disconnect")
    left = [c.name for c in d.network.inspect(net)[0].containers]
    print(f"after disconnect, {old_ip} is silent and {net} has {left}")
    if left != [a]:
        sys.exit(f"FAILED: expected only {a} on {net}")
    print(f"OK: names resolved on {net}, not on the default bridge, and disconnect took {b} off")
finally:
    d.container.rm([a, b], force=True)  # containers first: a network in use cannot be removed
    if any(n.name == net for n in d.network.ls(filters=[f"name={net}"])):
        d.network.rm(net)
