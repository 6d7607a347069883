"""What recipes read inside containers (busybox ping and nslookup, recorded in
tests/fixtures/recipes/ by its record.sh), and how they decide an engine is local."""

from pathlib import Path

import pytest

from dockwrap import Docker, Recipes
from dockwrap.recipes.pingable_pair import parse_ping
from dockwrap.recipes.round_robin import parse_nslookup
from dockwrap.runner import Runner

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recipes"


def test_ping_numbers():
    numbers = parse_ping((FIXTURES / "busybox-ping.txt").read_text(), "", 3)
    assert numbers == {"resolved": True, "resolved_ip": "172.29.0.2", "sent": 3, "received": 3,
                       "loss_percent": 0.0, "rtt_avg_ms": 0.129, "error": None}


def test_ping_bad_address():
    numbers = parse_ping("", (FIXTURES / "busybox-ping-bad-address.txt").read_text(), 1)
    assert numbers["resolved"] is False and numbers["received"] == 0 and numbers["rtt_avg_ms"] is None
    assert numbers["error"].startswith("ping: bad address '")


def test_nslookup_lists_every_address_of_the_alias_not_the_server():
    addresses = parse_nslookup((FIXTURES / "busybox-nslookup-alias.txt").read_text())
    assert addresses == ["172.29.0.3", "172.29.0.2", "172.29.0.4"]


@pytest.mark.parametrize("runner, local", [
    (Runner(), True),
    (Runner(host="unix:///tmp/other.sock"), True),
    (Runner(host="tcp://10.0.0.5:2376"), False),
    (Runner(host="ssh://me@box"), False),
    (Runner(context="default"), True),
    (Runner(context="prod"), None),  # only `docker context inspect` knows
])
def test_is_local(runner, local, monkeypatch):
    monkeypatch.delenv("DOCKER_HOST", raising=False)
    assert runner.is_local is local


def test_process_view_says_so_for_a_remote_engine():
    result = Recipes(Docker(host="tcp://10.0.0.5:2376", dry_run=True)).process_view()
    assert result.note and "not on this machine" in result.note and "tcp://10.0.0.5:2376" in result.note
    assert not result.ok
