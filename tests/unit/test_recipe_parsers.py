"""What recipes read inside containers (busybox ping and nslookup, round-robin's client, webhost's
question on the engine's machine; recorded in tests/fixtures/recipes/ by its record.sh), and how
they decide an engine is local."""

from pathlib import Path

import pytest

from dockwrap import Docker, Recipes
from dockwrap.recipes.pingable_pair import parse_ping
from dockwrap.recipes.round_robin import parse_nslookup, parse_page, read_client
from dockwrap.recipes.webhost import parse_asked
from dockwrap.runner import Runner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recipes"


def test_ping_numbers():
    numbers = parse_ping((FIXTURES / "busybox-ping.txt").read_text(), "", 3)
    assert numbers == {
        "resolved": True,
        "resolved_ip": "172.29.0.2",
        "sent": 3,
        "received": 3,
        "loss_percent": 0.0,
        "rtt_avg_ms": 0.129,
        "error": None,
    }


def test_ping_bad_address():
    numbers = parse_ping("", (FIXTURES / "busybox-ping-bad-address.txt").read_text(), 1)
    assert numbers["resolved"] is False and numbers["received"] == 0 and numbers["rtt_avg_ms"] is None
    assert numbers["error"].startswith("ping: bad address '")


def test_nslookup_lists_every_address_of_the_alias_not_the_server():
    addresses = parse_nslookup((FIXTURES / "busybox-nslookup-alias.txt").read_text())
    assert addresses == ["172.29.0.3", "172.29.0.2", "172.29.0.4"]


SERVERS = ["fxrec-rs1", "fxrec-rs2", "fxrec-rs3"]


def test_round_robin_client_on_docker_spreads_and_names_each_backends_address():
    result = read_client((FIXTURES / "busybox-round-robin-client.txt").read_text(), SERVERS, "web", 12, "net")
    assert result.resolved_ips == ["192.168.144.3", "192.168.144.2", "192.168.144.4"]
    assert [(b.name, b.ip, b.answers) for b in result.backends] == [
        ("fxrec-rs1", "192.168.144.2", 4),
        ("fxrec-rs2", "192.168.144.3", 4),
        ("fxrec-rs3", "192.168.144.4", 4),
    ]
    assert result.spread and result.ok and result.note is None and result.failed_queries == 0


def test_round_robin_client_on_podman_holds_by_address_and_says_the_dns_did_not_spread():
    """aardvark-dns gives the addresses in one order: every query by name reaches one server; the
    lesson holds (each server answered at its address) and the note says why."""
    result = read_client((FIXTURES / "podman-round-robin-client.txt").read_text(), SERVERS, "web", 12, "net")
    assert result.resolved_ips == ["10.89.0.2", "10.89.0.3", "10.89.0.4"]
    assert [(b.ip, b.answers) for b in result.backends] == [("10.89.0.2", 0), ("10.89.0.3", 0), ("10.89.0.4", 12)]
    assert result.reached == SERVERS and result.ok and not result.spread
    assert result.note and "went to fxrec-rs3" in result.note and "aardvark-dns" in result.note


def test_round_robin_client_fails_when_a_server_never_answers():
    text = (FIXTURES / "podman-round-robin-client.txt").read_text()
    text = text.replace("fxrec-rs1 10.89.0.2", "!error 10.89.0.2")
    result = read_client(text, SERVERS, "web", 12, "net")
    assert not result.ok and result.note is None and result.backends[0].ip is None


@pytest.mark.parametrize(
    "line, page",
    [
        ("fxrec-rs1 10.89.0.2", ("fxrec-rs1", "10.89.0.2")),
        ("web1", ("web1", None)),
        ("web1 fd00::2 172.17.0.3", ("web1", "172.17.0.3")),
        ("!error", None),
        ("!error 10.0.0.1", None),
        ("", None),
    ],
)
def test_parse_page(line, page):
    assert parse_page(line) == page


@pytest.mark.parametrize(
    "fixture, asked",
    [
        ("webhost-ask-200.txt", (200, None)),
        ("webhost-ask-404.txt", (404, None)),
        ("webhost-ask-refused.txt", (None, "wget: can't connect to remote host (127.0.0.1): Connection refused")),
    ],
)
def test_webhost_reads_what_wget_said_on_the_engines_machine(fixture, asked):
    assert parse_asked((FIXTURES / fixture).read_text()) == asked
    assert parse_asked("") == (None, "no answer")


@pytest.mark.parametrize(
    "runner, local",
    [
        (Runner(), True),
        (Runner(host="unix:///tmp/other.sock"), True),
        (Runner(host="tcp://10.0.0.5:2376"), False),
        (Runner(host="ssh://me@box"), False),
        (Runner(context="default"), True),
        (Runner(context="prod"), None),  # only `docker context inspect` knows
    ],
)
def test_is_local(runner, local, monkeypatch):
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    assert runner.is_local is local


def test_process_view_says_so_for_a_remote_engine():
    result = Recipes(Docker(host="tcp://10.0.0.5:2376", dry_run=True)).process_view()
    assert result.note and "not on this machine" in result.note and "tcp://10.0.0.5:2376" in result.note
    assert not result.ok
