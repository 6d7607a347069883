"""`system events` records from the recorded output of both clients (dockwrap/system/records/events.py).

The recording is one container's life on a private engine between --since and --until (so docker
ended by itself): create, start, network connect, exec, health_status, kill, die, disconnect, stop,
destroy; the health checks of another container (fxrec-system-web) run meanwhile.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from dockwrap.errors import ParseError
from dockwrap.system.records import Event, event_from_object, parse_events

from .corpus import read, recorded_params

EV = "fxrec-system-ev"
KEYS = {"type", "action", "actor_id", "attributes", "scope", "time", "time_nano", "status", "id", "from"}


@pytest.mark.parametrize("client", recorded_params("system-events"))
def test_a_container_s_life_in_order(client: str) -> None:
    events = parse_events(read(client, "system-events"))
    assert all(isinstance(event, Event) for event in events)
    mine = [e for e in events if e.type == "container" and e.name == EV]
    actions = [e.base_action for e in mine]
    assert actions[:2] == ["create", "start"] and actions[-4:] == ["kill", "die", "stop", "destroy"]
    for before, after in (("create", "start"), ("start", "die"), ("die", "destroy"), ("start", "health_status")):
        assert actions.index(before) < actions.index(after)
    assert len({e.actor_id for e in mine}) == 1 and len(mine[0].actor_id) == 64
    health = next(e for e in mine if e.base_action == "health_status")
    assert health.action == "health_status: healthy"
    die = next(e for e in mine if e.action == "die")
    assert die.exit_code == 0 and next(e for e in mine if e.action == "kill").attributes["signal"] == "15"
    times = [e.time_nano for e in events]
    assert times == sorted(times)


@pytest.mark.parametrize("client", recorded_params("system-events"))
def test_network_events_have_no_old_form(client: str) -> None:
    events = parse_events(read(client, "system-events"))
    connects = [e for e in events if e.type == "network" and e.action == "connect"]
    assert {e.attributes["name"] for e in connects} == {"bridge", "fxrec-system-net"}
    for event in connects:
        assert event.status is None and event.id is None and event.from_ is None
        assert len(event.attributes["container"]) == 64 and event.scope == "local"
    container = next(e for e in events if e.type == "container")
    assert container.status == container.action and container.id == container.actor_id
    assert container.from_ == "busybox:latest"


@pytest.mark.parametrize("client", recorded_params("system-events"))
def test_times_keep_the_nanoseconds(client: str) -> None:
    for event in parse_events(read(client, "system-events")):
        assert event.time_nano // 1_000_000_000 == event.raw["time"]
        assert event.time.tzinfo == timezone.utc
        assert event.time == datetime.fromtimestamp(event.raw["time"], timezone.utc).replace(
            microsecond=event.time_nano % 1_000_000_000 // 1000
        )
        data = event.to_json()
        assert set(data) == KEYS and data["time"].endswith("Z")
        json.dumps(data)


@pytest.mark.parametrize("client", recorded_params("system-events-filtered"))
def test_filtered(client: str) -> None:
    events = parse_events(read(client, "system-events-filtered"))
    assert [(e.type, e.action, e.name) for e in events] == [("container", "start", EV), ("container", "die", EV)]
    assert events[1].exit_code == 0 and events[0].exit_code is None


@pytest.mark.parametrize("client", recorded_params("system-events"))
def test_both_clients_print_the_daemon_s_objects(client: str) -> None:
    assert read(client, "system-events") == read("28.2.2", "system-events")


def test_one_line_of_a_stream() -> None:
    line = read("28.2.2", "system-events").splitlines()[0]
    assert event_from_object(json.loads(line)) == parse_events(line)[0]


def test_old_form_only() -> None:
    """Before API 1.22 events had only status, id, from and time."""
    event = parse_events('{"status":"start","id":"abc","from":"busybox","time":1700000000}')[0]
    assert (event.type, event.action, event.actor_id, event.from_) == (None, "start", "abc", "busybox")
    assert event.time_nano == 1_700_000_000_000_000_000


@pytest.mark.parametrize(
    "text",
    [
        "garbage",
        '{"Type":"container"}',
        '{"Action":"start","timeNano":"soon"}',
        '{"Action":"start"}',
        '{"Action":"start","timeNano":1,"Actor":{"Attributes":{"a":1}}}',
        '{"Action":5,"timeNano":1}',
        '{"Action":"start","timeNano":-1}',
        '{"Action":"start","timeNano":1',
    ],
)
def test_garbage_is_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_events(text)
    assert caught.value.command == "docker system events"
