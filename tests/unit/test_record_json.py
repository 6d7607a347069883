"""One JSON mechanism for every record: `Record.to_json`, with field metadata for a key that is
renamed, left out or spread; no record writes its own."""

from __future__ import annotations

import re
from pathlib import Path

from dockwrap.container.records.top import Process
from dockwrap.recipes.pingable_pair import PingResult
from dockwrap.recipes.process_view import HostProcess, ProcessViewResult
from dockwrap.recipes.round_robin import Backend, RoundRobinResult

PACKAGE = Path(__file__).resolve().parents[2] / "dockwrap"


def test_no_record_writes_its_own_to_json() -> None:
    own = [
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*.py")
        if re.search(r"^\s+def to_json\(", path.read_text(), re.MULTILINE)
    ]
    assert own == ["parse/record.py"]


def test_renamed_and_left_out_fields() -> None:
    result = PingResult("net", "a", "b", True, "172.18.0.3", 3, 3, 0.0, 0.1, None, expect_resolved=False)
    assert list(result.to_json()) == [
        "network",
        "from",
        "to",
        "resolved",
        "resolved_ip",
        "sent",
        "received",
        "loss_percent",
        "rtt_avg_ms",
        "error",
    ]
    assert (result.to_json()["from"], result.to_json()["to"]) == ("a", "b")


def test_nested_records_use_the_same_mechanism() -> None:
    view = ProcessViewResult("box", [HostProcess(1, 0, "sleep", True, "sleep", "containerd-shim")], note="remote")
    assert view.to_json() == {"container": "box", "processes": [{"pid": 1, "ppid": 0, "cmd": "sleep", "on_host": True}]}
    rr = RoundRobinResult(
        "web",
        "net",
        4,
        ["10.0.0.2"],
        [Backend("s1", "10.0.0.2", 4)],
        True,
        failed_queries=0,
        expected=1,
        reached=["s1"],
    )
    assert rr.to_json() == {
        "alias": "web",
        "network": "net",
        "queries": 4,
        "resolved_ips": ["10.0.0.2"],
        "backends": [{"name": "s1", "ip": "10.0.0.2", "answers": 4}],
        "spread": True,
    }


def test_spread_fields_and_raw() -> None:
    row = Process("root", 1, 0, "0", "10:00", "?", "00:00:00", "sleep", extra={"rss": "4"}, raw={"PID": "1"})
    assert row.to_json() == {
        "uid": "root",
        "pid": 1,
        "ppid": 0,
        "c": "0",
        "stime": "10:00",
        "tty": "?",
        "time": "00:00:00",
        "cmd": "sleep",
        "rss": "4",
    }
    assert row.to_json(raw=True)["raw"] == {"PID": "1"}
