"""round-robin: N servers share one `--network-alias`; the embedded DNS returns all N addresses
(in a shuffled order each time), so queries to the alias spread over every server.

Each server answers HTTP with its own host name. One client container resolves the alias once
(nslookup) and then sends M queries; the answers are counted per backend.
`client_per_query` does it the classic way instead: a throwaway container per query (slow).

docker calls: network create, run N servers (together), run the client, network inspect,
rm -f (all), network rm.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..parse.record import NOT_IN_JSON, Record
from .run import DEFAULT_IMAGE, ContainerSpec, Keep, RecipeArgumentError, RecipeRun

if TYPE_CHECKING:  # pragma: no cover
    from ..client import Docker

__all__ = [
    "Backend",
    "RoundRobinResult",
    "round_robin",
    "parse_nslookup",
    "SERVER_SCRIPT",
    "CLIENT_SCRIPT",
    "client_command",
    "check_alias",
    "check_counts",
]

# Serve a page holding the container's host name (set to its container name) on port 80.
SERVER_SCRIPT = "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www"
_DNS_MARK, _ANSWERS_MARK = "--- dns", "--- answers"


# The client's shell: wait for the alias ($1) to answer, resolve it once, then query it $2 times.
# The values come as positional parameters, never as part of the script: no shell reads them.
CLIENT_SCRIPT = (
    'i=0; until wget -q -O /dev/null "http://$1/"; do i=$((i+1)); '
    "[ $i -ge 50 ] && break; sleep 0.2; done; "
    f"echo '{_DNS_MARK}'; nslookup \"$1\"; echo '{_ANSWERS_MARK}'; "
    'i=0; while [ $i -lt "$2" ]; do i=$((i+1)); wget -q -O - "http://$1/" || echo \'!error\'; done'
)
# A DNS name: what an alias must be to be looked up and put in a URL.
_DNS_NAME = re.compile(r"(?=.{1,253}\Z)[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}))*\Z")


def client_command(alias: str, queries: int) -> list[str]:
    """The client's argv: the script, then the alias and the number of queries as its arguments."""
    return ["sh", "-c", CLIENT_SCRIPT, "sh", alias, str(queries)]


def check_alias(alias: object) -> str:
    """An alias is looked up by DNS and put in URLs: a DNS name (letters, digits, `-`, `_`, dots)."""
    if not isinstance(alias, str) or not _DNS_NAME.match(alias):
        raise RecipeArgumentError(f"the alias must be a DNS name (letters, digits, '-', '_', dots), not {alias!r}")
    return alias


def check_counts(**counts: object) -> None:
    """Counts must be whole numbers (a string would be compared, or spliced, as text)."""
    for what, value in counts.items():
        if not isinstance(value, int) or isinstance(value, bool):
            raise RecipeArgumentError(f"{what} must be a whole number, not {value!r}")


@dataclass(frozen=True)
class Backend(Record):
    name: str
    ip: str | None
    answers: int


@dataclass(frozen=True)
class RoundRobinResult(Record):
    alias: str
    network: str
    queries: int
    resolved_ips: list[str]
    backends: list[Backend]
    failed_queries: int = field(default=0, metadata=NOT_IN_JSON)
    expected: int = field(default=0, repr=False, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        """All N addresses resolved, and every backend answered at least once."""
        ips = {b.ip for b in self.backends}
        return (
            len(self.backends) == self.expected
            and ips <= set(self.resolved_ips)
            and all(b.answers > 0 for b in self.backends)
        )


_ADDRESS = re.compile(r"^Address(?: \d+)?:\s+([0-9a-fA-F.:]+)(?:#\d+)?\s*$")


def parse_nslookup(text: str) -> list[str]:
    """The addresses busybox's (or bind's) nslookup printed for the name: lines `Address: IP`
    after the `Name:` line (the ones before it are the DNS server's own)."""
    addresses: list[str] = []
    seen_name = False
    for line in text.splitlines():
        if line.startswith("Name:"):
            seen_name = True
            continue
        match = _ADDRESS.match(line.strip())
        if match and seen_name and match.group(1) not in addresses:
            addresses.append(match.group(1))
    return addresses


def _sections(text: str) -> tuple[str, list[str]]:
    dns, _, answers = text.partition(_ANSWERS_MARK)
    dns = dns.partition(_DNS_MARK)[2]
    return dns, [line.strip() for line in answers.splitlines() if line.strip()]


def round_robin(
    docker: Docker,
    *,
    replicas: int = 3,
    alias: str = "web",
    queries: int = 30,
    client_per_query: bool = False,
    image: str = DEFAULT_IMAGE,
    keep: Keep = "never",
    labels: Mapping[str, str] | None = None,
    pull: str | None = "never",
) -> RoundRobinResult:
    """Start N servers behind one alias, resolve it, and count which server answers M queries.

    :raises RecipeArgumentError: (a ValueError) for an alias that is no DNS name, or counts that
        are not whole numbers, fewer than 1 replica, or fewer queries than replicas
    """
    check_alias(alias)
    check_counts(replicas=replicas, queries=queries)
    if replicas < 1:
        raise RecipeArgumentError("replicas must be at least 1")
    if queries < replicas:
        raise RecipeArgumentError(
            f"queries ({queries}) must be at least replicas ({replicas}) for every server to answer"
        )
    with RecipeRun(docker, "round-robin", image=image, keep=keep, labels=labels, pull=pull) as run:
        net = run.create_network()
        servers = [
            ContainerSpec(
                f"s{i}", ["sh", "-c", SERVER_SCRIPT], network=net, aliases=[alias], hostname=run.name(f"s{i}")
            )
            for i in range(1, replicas + 1)
        ]
        names = run.start_all(servers)
        if client_per_query:
            dns, answers = _one_container_per_query(run, net, alias, queries)
        else:
            dns, answers = _sections(run.run_once("client", client_command(alias, queries), network=net).out)
        members = {m.name: m.ipv4_address for d in docker.network.inspect(net) for m in d.containers}
        counts = Counter(answers)
        result = RoundRobinResult(
            alias=alias,
            network=net,
            queries=queries,
            resolved_ips=parse_nslookup(dns),
            backends=[Backend(name, members.get(name), counts.get(name, 0)) for name in names],
            failed_queries=queries - sum(counts.get(name, 0) for name in names),
            expected=replicas,
        )
        run.succeeded = result.ok
        return result


def _one_container_per_query(run: RecipeRun, net: str, alias: str, queries: int) -> tuple[str, list[str]]:
    """The seed's way: `docker run --rm` a fresh client for the lookup and for every query."""
    dns, _ = _sections(run.run_once("lookup", client_command(alias, 0), network=net).out)
    answers = []
    for i in range(1, queries + 1):
        done = run.run_once(f"q{i}", ["wget", "-q", "-O", "-", f"http://{alias}/"], network=net)
        answers.append(done.out.strip() if done.exit_code == 0 else "!error")
    return dns, answers
