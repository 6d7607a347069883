"""pingable-pair: two containers on a fresh user-defined network reach each other by name.

The contrast: on the default `bridge` network there is no embedded DNS, so the same names do not
resolve (--default-bridge), unless the old `--link` writes them into /etc/hosts (--link).

docker calls: network create, run a, run b (together), exec a ping b, rm -f a b, network rm.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..parse.record import NOT_IN_JSON, Record, json_key
from .run import DEFAULT_IMAGE, ContainerSpec, Keep, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["PingResult", "pingable_pair", "parse_ping"]


@dataclass(frozen=True)
class PingResult(Record):
    network: str
    source: str = field(metadata=json_key("from"))
    target: str = field(metadata=json_key("to"))
    resolved: bool
    resolved_ip: str | None
    sent: int
    received: int
    loss_percent: float
    rtt_avg_ms: float | None
    error: str | None
    #: what the lesson expects: True when the name should resolve (user network, or --link)
    expect_resolved: bool = field(default=True, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        """Whether what the recipe demonstrates was shown to hold."""
        if self.expect_resolved:
            return self.resolved and self.received > 0
        return not self.resolved


# busybox: "PING b (172.18.0.3): 56 data bytes"; iputils: "PING b (172.18.0.3) 56(84) bytes of data."
_TARGET = re.compile(r"^PING \S+ \(([0-9a-fA-F.:]+)\)", re.MULTILINE)
# busybox: "3 packets transmitted, 3 packets received, 0% packet loss"; iputils: "3 received"
_COUNTS = re.compile(
    r"(\d+) packets transmitted, (\d+) (?:packets )?received,(?: \+\d+ errors,)? ([\d.]+)% packet loss"
)
# busybox: "round-trip min/avg/max = 0.1/0.2/0.3 ms"; iputils: "rtt min/avg/max/mdev = 0.1/0.2/0.3/0.0 ms"
_RTT = re.compile(r"min/avg/max(?:/mdev)? = [\d.]+/([\d.]+)/")


def parse_ping(stdout: str, stderr: str, count: int) -> dict[str, Any]:
    """The numbers of a ping run (busybox's or iputils' wording)."""
    target = _TARGET.search(stdout)
    counts = _COUNTS.search(stdout)
    rtt = _RTT.search(stdout)
    error = stderr.strip().splitlines()[-1] if stderr.strip() else None
    return {
        "resolved": target is not None,
        "resolved_ip": target.group(1) if target else None,
        "sent": int(counts.group(1)) if counts else (count if target else 0),
        "received": int(counts.group(2)) if counts else 0,
        "loss_percent": float(counts.group(3)) if counts else 100.0,
        "rtt_avg_ms": float(rtt.group(1)) if rtt else None,
        "error": error,
    }


def pingable_pair(
    docker: Docker,
    *,
    count: int = 3,
    network: str | None = None,
    default_bridge: bool = False,
    link: bool = False,
    image: str = DEFAULT_IMAGE,
    keep: Keep = "never",
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
) -> PingResult:
    """Start containers a and b, then ping b by name from a."""
    if count < 1:
        raise ValueError("count must be at least 1")
    if link and not default_bridge:
        raise ValueError("--link is the default bridge's way; use it with --default-bridge")
    if network and default_bridge:
        raise ValueError("--network names the user-defined network; --default-bridge uses `bridge`")
    with RecipeRun(docker, "pingable-pair", image=image, keep=keep, labels=labels, pull=pull) as run:
        a, b = run.name("a"), run.name("b")
        sleeper = ["sleep", "3600"]
        if default_bridge:
            net = "bridge"
            if link:
                # a's /etc/hosts gets b's address: b must exist first.
                run.start(ContainerSpec("b", sleeper))
                run.start(ContainerSpec("a", sleeper, links=[f"{b}:{b}"]))
            else:
                run.start_all([ContainerSpec("a", sleeper), ContainerSpec("b", sleeper)])
        else:
            net = run.create_network(name=network)
            run.start_all([ContainerSpec("a", sleeper, network=net), ContainerSpec("b", sleeper, network=net)])
        expect = not default_bridge or link
        # On the default bridge the lookup fails by design: let the printed script go on.
        done = run.may_fail(not expect).container.exec(a, ["ping", "-c", str(count), "-W", "2", b])
        numbers = parse_ping(done.out, done.err, count)
        if numbers["resolved"] or done.exit_code == 0:
            numbers["error"] = None if numbers["received"] else numbers["error"]
        result = PingResult(network=net, source=a, target=b, expect_resolved=expect, **numbers)
        run.succeeded = result.ok
        return result
