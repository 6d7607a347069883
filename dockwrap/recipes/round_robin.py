"""round-robin: N servers share one `--network-alias`; the embedded DNS returns all N addresses
(docker's in a shuffled order each time), so queries to the alias spread over every server.

Each server answers HTTP with its own host name and address. One client container resolves the
alias once (nslookup), sends M queries to the alias, and then asks each address the alias
resolved to once; the answers are counted per backend, and the backends' addresses come from
their own answers (no `network inspect`: one call less, and podman's lists no containers).
`client_per_query` does it the classic way instead: a throwaway container per query (slow).

The lesson holds when the alias resolves to all N servers and each of them answers. Whether the
queries by name spread (`spread`) is the DNS server's doing: docker's shuffles the addresses,
podman's aardvark-dns (1.4) gives them in one order, so every query by name reaches the same
server there; the result says so (`note`).

docker calls: network create, run N servers (together), run the client, rm -f (all), network rm.
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
    "ADDRESSED_SERVER_SCRIPT",
    "read_client",
    "parse_page",
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

# Serve a page holding the container's host name (set to its container name) on port 80 (the
# swarm recipe's servers).
SERVER_SCRIPT = "mkdir -p /www && hostname > /www/index.html && exec httpd -f -p 80 -h /www"
# The same page with the server's address after its name (`hostname -i`: what its name resolves
# to in its /etc/hosts, its address on the one network it is on).
ADDRESSED_SERVER_SCRIPT = (
    'mkdir -p /www && echo "$(hostname) $(hostname -i)" > /www/index.html && exec httpd -f -p 80 -h /www'
)
_DNS_MARK, _ANSWERS_MARK, _DIRECT_MARK = "--- dns", "--- answers", "--- direct"


# The client's shell: wait for the alias ($1) to answer, resolve it once, query it $2 times,
# then ask each IPv4 address it resolved to (the `Address` lines after `Name:`) once. The values
# come as positional parameters, never as part of the script: no shell reads them.
CLIENT_SCRIPT = (
    'i=0; until wget -q -O /dev/null "http://$1/"; do i=$((i+1)); '
    "[ $i -ge 50 ] && break; sleep 0.2; done; "
    f"echo '{_DNS_MARK}'; nslookup \"$1\" > /tmp/dns; cat /tmp/dns; echo '{_ANSWERS_MARK}'; "
    'i=0; while [ $i -lt "$2" ]; do i=$((i+1)); wget -q -O - "http://$1/" || echo \'!error\'; done; '
    f"echo '{_DIRECT_MARK}'; "
    "for ip in $(sed -n '/^Name:/,$ s/^Address[^:]*: *\\([0-9.]*\\).*/\\1/p' /tmp/dns); do "
    'wget -q -O - "http://$ip/" || echo "!error $ip"; done'
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
    #: every backend answered some of the queries to the alias (the DNS server shuffled)
    spread: bool = False
    failed_queries: int = field(default=0, metadata=NOT_IN_JSON)
    expected: int = field(default=0, repr=False, metadata=NOT_IN_JSON)
    #: the backends that answered when asked at their own address
    reached: list[str] = field(default_factory=list, metadata=NOT_IN_JSON)

    @property
    def ok(self) -> bool:
        """All N addresses resolved, and every backend answered (by the alias, or at its address)."""
        ips = {b.ip for b in self.backends}
        return (
            len(self.backends) == self.expected
            and len(self.resolved_ips) == self.expected
            and ips <= set(self.resolved_ips)
            and all(b.answers > 0 or b.name in self.reached for b in self.backends)
        )

    @property
    def note(self) -> str | None:
        """When the queries by name did not spread (said on stderr, not in the JSON)."""
        if self.spread or not self.ok:
            return None
        asked = [b.name for b in self.backends if b.answers]
        return (
            f"every query to {self.alias} went to {', '.join(asked) or 'no server'}: this engine's DNS "
            "gives the addresses in one order each time (docker's shuffles them; podman's aardvark-dns "
            "does not), so clients that take the first address all reach the same server; each server "
            "answered when asked at its own address"
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


def _sections(text: str) -> tuple[str, list[str], list[str]]:
    """What the client printed: the nslookup, the answers by name, the answers by address."""
    dns, _, rest = text.partition(_ANSWERS_MARK)
    answers, _, direct = rest.partition(_DIRECT_MARK)
    dns = dns.partition(_DNS_MARK)[2]

    def lines(part: str) -> list[str]:
        return [line.strip() for line in part.splitlines() if line.strip()]

    return dns, lines(answers), lines(direct)


def parse_page(line: str) -> tuple[str, str | None] | None:
    """A server's page, `NAME ADDRESS...`: (its name, its first IPv4 address); None for a query
    that failed (`!error`)."""
    words = line.split()
    if not words or words[0].startswith("!"):
        return None
    ipv4 = next((word for word in words[1:] if re.fullmatch(r"\d{1,3}(?:\.\d{1,3}){3}", word)), None)
    return words[0], ipv4


def read_client(text: str, names: list[str], alias: str, queries: int, network: str) -> RoundRobinResult:
    """The result from what the client printed (CLIENT_SCRIPT) for servers NAMES."""
    dns, answers, direct = _sections(text)
    pages = [page for page in map(parse_page, answers + direct) if page is not None]
    counts = Counter(page[0] for page in map(parse_page, answers) if page is not None)
    ips = {name: ip for name, ip in pages if ip}
    reached = sorted({page[0] for page in map(parse_page, direct) if page is not None})
    return RoundRobinResult(
        alias=alias,
        network=network,
        queries=queries,
        resolved_ips=parse_nslookup(dns),
        backends=[Backend(name, ips.get(name), counts.get(name, 0)) for name in names],
        spread=all(counts.get(name, 0) > 0 for name in names),
        failed_queries=queries - sum(counts.get(name, 0) for name in names),
        expected=len(names),
        reached=reached,
    )


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
                f"s{i}", ["sh", "-c", ADDRESSED_SERVER_SCRIPT], network=net, aliases=[alias], hostname=run.name(f"s{i}")
            )
            for i in range(1, replicas + 1)
        ]
        names = run.start_all(servers)
        if client_per_query:
            printed = _one_container_per_query(run, net, alias, queries)
        else:
            printed = run.run_once("client", client_command(alias, queries), network=net).out
        result = read_client(printed, names, alias, queries, net)
        run.succeeded = result.ok
        return result


def _one_container_per_query(run: RecipeRun, net: str, alias: str, queries: int) -> str:
    """The seed's way: `docker run --rm` a fresh client for the lookup (and the questions at each
    address) and for every query; what they printed, as the one client prints it."""
    lookup = run.run_once("lookup", client_command(alias, 0), network=net).out
    dns, _, direct = lookup.partition(_DIRECT_MARK)
    answers = []
    for i in range(1, queries + 1):
        done = run.run_once(f"q{i}", ["wget", "-q", "-O", "-", f"http://{alias}/"], network=net)
        answers.append(done.out.strip() if done.exit_code == 0 else "!error")
    return "\n".join([dns.partition(_ANSWERS_MARK)[0], _ANSWERS_MARK, *answers, _DIRECT_MARK + direct])
