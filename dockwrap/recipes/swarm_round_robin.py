"""round-robin --swarm: the same lesson with a replicated swarm service on an attachable overlay
network, in both endpoint modes side by side:

* `vip` (docker's default): the service name resolves to ONE virtual IP, and the kernel's IPVS
  spreads connections over the tasks. Without IPVS (some kernels, this project's CI machines)
  connections to the VIP fail: the recipe says so, with the reason, instead of failing.
* `dnsrr`: the name resolves to every task's IP, and clients spread themselves, as with
  `--network-alias` on a plain bridge network.

The engine becomes a single-node swarm for the run if it is in none (and leaves it afterwards).
docker calls: swarm init, network create (overlay), 2 x service create, service ls (until both
converge), image inspect (registry digest or not), run the client, service ps, service rm,
network rm, swarm leave.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parse.record import NOT_IN_JSON, Record
from .round_robin import SERVER_SCRIPT, Backend, check_alias, check_counts, parse_nslookup
from .run import DEFAULT_IMAGE, Keep, RecipeArgumentError, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = ["SwarmRoundRobinResult", "VipResult", "swarm_round_robin", "CLIENT_SCRIPT", "client_command"]

_MARKS = ("--- dnsrr", "--- vip", "--- answers", "--- vip-answers")


# Resolve both names ($1, $2), then query each $3 times. A VIP query that does not answer within
# 3 s means the VIP does not work here: the rest of the VIP queries are skipped. busybox's own
# `timeout` applet: there even where the image has no `timeout` link. The values come as
# positional parameters, never as part of the script: no shell reads them.
CLIENT_SCRIPT = (
    'i=0; until wget -q -O /dev/null "http://$1/"; do i=$((i+1)); [ $i -ge 50 ] && break; sleep 0.2; done; '
    f"echo '{_MARKS[0]}'; nslookup \"$1\"; echo '{_MARKS[1]}'; nslookup \"$2\"; "
    f"echo '{_MARKS[2]}'; i=0; "
    'while [ $i -lt "$3" ]; do i=$((i+1)); wget -q -O - "http://$1/" || echo \'!error\'; done; '
    f"echo '{_MARKS[3]}'; if busybox timeout 3 wget -q -O - \"http://$2/\"; then "
    f'i=1; while [ $i -lt "$3" ]; do i=$((i+1)); busybox timeout 3 wget -q -O - "http://$2/" || echo \'!error\'; done; '
    'else echo "!unavailable $?"; fi'
)


def client_command(alias: str, vip_alias: str, queries: int) -> list[str]:
    """The client's argv: the script, then the two names and the number of queries as its arguments."""
    return ["sh", "-c", CLIENT_SCRIPT, "sh", alias, vip_alias, str(queries)]


def _sections(text: str) -> dict[str, str]:
    sections: dict[str, str] = {}
    current = None
    for line in text.splitlines():
        if line in _MARKS:
            current = line
            sections[current] = ""
        elif current:
            sections[current] += line + "\n"
    return sections


@dataclass(frozen=True)
class VipResult(Record):
    service: str
    virtual_ip: str | None
    available: bool
    reason: str | None
    backends: list[Backend]


@dataclass(frozen=True)
class SwarmRoundRobinResult(Record):
    alias: str
    service: str
    network: str
    queries: int
    resolved_ips: list[str]
    backends: list[Backend]
    vip: VipResult
    expected: int = field(default=0, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        """dnsrr: every task resolved and answered; VIP: balanced over every task, or plainly
        unavailable on this engine (the exit status reflects only what could be shown)."""
        dnsrr = (
            len(self.backends) == self.expected
            and {b.ip for b in self.backends} <= set(self.resolved_ips)
            and all(b.answers > 0 for b in self.backends)
        )
        vip = (not self.vip.available and bool(self.vip.reason)) or all(b.answers > 0 for b in self.vip.backends)
        return dnsrr and vip


def _no_ipvs_reason(local: bool | None, status: str) -> str:
    reason = (
        f"connections to the virtual IP failed ({status}): VIP balancing and the ingress routing mesh "
        "need the kernel's IPVS"
    )
    if local and not os.path.exists("/proc/net/ip_vs"):
        reason += ", and this kernel shows none (no /proc/net/ip_vs)"
    return reason


def swarm_round_robin(
    docker: Docker,
    *,
    replicas: int = 3,
    alias: str = "web",
    queries: int = 30,
    image: str = DEFAULT_IMAGE,
    keep: Keep = "never",
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
    wait_seconds: float = 60.0,
) -> SwarmRoundRobinResult:
    """Two services of N tasks (vip and dnsrr) on one overlay network; resolve and query both.

    :raises RecipeArgumentError: (a ValueError) as round_robin does
    """
    # A DNS name also keeps the alias one field of `--network name=...,alias=...` (docker reads CSV there).
    check_alias(alias)
    check_counts(replicas=replicas, queries=queries)
    if replicas < 1 or queries < replicas:
        raise RecipeArgumentError("need replicas >= 1 and queries >= replicas")
    vip_alias = check_alias(f"{alias}-vip")
    with RecipeRun(docker, "round-robin", image=image, keep=keep, labels=labels, pull=pull, swarm=True) as run:
        run.start_swarm()
        net = run.create_network("mesh", driver="overlay", attachable=True)
        server = ["sh", "-c", SERVER_SCRIPT]
        # Each task answers with "<service>.<slot>", the name `service ps` shows for it.
        hostname = "{{.Service.Name}}.{{.Task.Slot}}"
        dnsrr, vip = run.parallel(
            [
                lambda: run.create_service(
                    "dnsrr",
                    server,
                    replicas=replicas,
                    endpoint_mode="dnsrr",
                    network=f"name={net},alias={alias}",
                    hostname=hostname,
                ),
                lambda: run.create_service(
                    "vip",
                    server,
                    replicas=replicas,
                    endpoint_mode="vip",
                    network=f"name={net},alias={vip_alias}",
                    hostname=hostname,
                ),
            ]
        )
        if not docker.dry_run:
            run.parallel(
                [
                    lambda: docker.service.wait_converged(dnsrr, timeout=wait_seconds),
                    lambda: docker.service.wait_converged(vip, timeout=wait_seconds),
                ]
            )
        client = run.run_once("client", client_command(alias, vip_alias, queries), network=net)
        sections = _sections(client.out)
        tasks = {
            t.name: t for service in (dnsrr, vip) for t in docker.service.ps(service, filters=["desired-state=running"])
        }
        members = {m.name: m.ipv4_address for d in docker.network.inspect(net) for m in d.containers}
        ips = {name: _task_ip(name, members) for name in tasks}
        answers = Counter(line.strip() for line in sections.get(_MARKS[2], "").splitlines())
        vip_lines = [line.strip() for line in sections.get(_MARKS[3], "").splitlines() if line.strip()]
        vip_answers = Counter(vip_lines)
        unavailable = next((line for line in vip_lines if line.startswith("!unavailable")), None)
        vip_ips = parse_nslookup(sections.get(_MARKS[1], ""))
        vip_result = VipResult(
            service=vip,
            virtual_ip=vip_ips[0] if vip_ips else None,
            available=unavailable is None and not docker.dry_run,
            reason=_no_ipvs_reason(docker.runner.is_local, f"wget exit status {unavailable.split()[-1]}")
            if unavailable
            else None,
            backends=[]
            if unavailable
            else [Backend(n, ips.get(n), vip_answers.get(n, 0)) for n in sorted(tasks) if n.startswith(vip + ".")],
        )
        result = SwarmRoundRobinResult(
            alias=alias,
            service=dnsrr,
            network=net,
            queries=queries,
            resolved_ips=parse_nslookup(sections.get(_MARKS[0], "")),
            backends=[Backend(n, ips.get(n), answers.get(n, 0)) for n in sorted(tasks) if n.startswith(dnsrr + ".")],
            vip=vip_result,
            expected=replicas,
        )
        run.succeeded = result.ok
        return result


def _task_ip(task: str, members: dict[str, str | None]) -> str | None:
    # A task's container is named "<service>.<slot>.<task id>".
    for name, ip in members.items():
        if name.startswith(task + "."):
            return ip
    return None
