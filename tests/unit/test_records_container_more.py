"""The container verbs beyond ls/inspect/top/stats, from the recorded output of both clients
(tests/fixtures/record_container_more.sh): wait statuses, echoed names and IDs, logs bounded by
--since/--until, cp."""

from __future__ import annotations

import pytest

from dockwrap.container.records import WaitResult, parse_wait
from dockwrap.errors import ParseError
from dockwrap.parse.echo import parse_id, parse_names
from dockwrap.parse.times import parse_time

from .corpus import ERRORS, read, read_error, recorded_params

P = "fxrec-more"
WAITED = [f"{P}-exit0", f"{P}-exit3", f"{P}-killed", f"{P}-late", f"{P}-victim"]


@pytest.mark.parametrize("client", recorded_params("container-wait"))
def test_wait_statuses_in_the_order_named(client: str) -> None:
    results = parse_wait(read(client, "container-wait"), WAITED)
    assert all(isinstance(result, WaitResult) for result in results)
    # exited 0 and 3; killed (128 + 9); exited 42 two seconds into the wait; killed again
    assert [(r.name, r.status) for r in results] == list(zip(WAITED, [0, 3, 137, 42, 137], strict=True))
    assert results[1].to_json() == {"name": f"{P}-exit3", "status": 3}


@pytest.mark.parametrize("client", recorded_params("container-wait"))
def test_wait_prints_only_what_it_could_wait_for(client: str) -> None:
    recorded = read_error(ERRORS / client / "wait-some-missing.txt")
    assert recorded.exit_status == 1 and recorded.stdout == "3\n"
    assert parse_wait(recorded.stdout, [f"{P}-exit3"]) == [WaitResult(f"{P}-exit3", 3)]
    with pytest.raises(ParseError, match="1 statuses for 2 containers"):
        parse_wait(recorded.stdout, [f"{P}-exit3", f"{P}-nope"])


@pytest.mark.parametrize("text", ["", "abc\n", "0\n1\n", "-1\n"])
def test_wait_garbage(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_wait(text, ["a"])
    assert caught.value.command == "docker container wait"


@pytest.mark.parametrize(
    "name, names",
    [
        ("container-restart", [f"{P}-run", f"{P}-exit0"]),
        ("container-kill", [f"{P}-victim"]),
        ("container-kill-signal", [f"{P}-run"]),
        ("container-stop-signal", [f"{P}-victim"]),
        ("container-pause", [f"{P}-run"]),
        ("container-unpause", [f"{P}-run"]),
        ("container-update", [f"{P}-run"]),
        ("container-update-several", [f"{P}-run", f"{P}-exit3"]),
        ("container-rename", []),
        ("container-exec-detached", []),
        ("container-cp-in", []),
        ("container-cp-out", []),
    ],
)
def test_echoed_names(name: str, names: list[str]) -> None:
    """What each verb prints on success: the names as given, one per line (or nothing)."""
    clients = recorded_params(name)
    assert clients
    for param in clients:
        assert parse_names(read(param.values[0], name), f"docker {name}") == names


def test_stop_signal_is_28s() -> None:
    assert [p.values[0] for p in recorded_params("container-stop-signal")] == ["28.2.2"]
    recorded = read_error(ERRORS / "20.10.24" / "stop-signal-unknown-flag.txt")
    assert recorded.exit_status == 125 and "unknown flag: --signal" in recorded.stderr


@pytest.mark.parametrize("client", recorded_params("container-create"))
def test_create_prints_the_full_id(client: str) -> None:
    container_id = parse_id(read(client, "container-create"), "docker container create")
    assert len(container_id) == 64


@pytest.mark.parametrize("text", ["", "abc\n", "g" * 64 + "\n", "0" * 64 + "\n" + "1" * 64 + "\n", "0" * 12])
def test_id_garbage(text: str) -> None:
    with pytest.raises(ParseError):
        parse_id(text, "docker container create")


def test_name_garbage() -> None:
    with pytest.raises(ParseError):
        parse_names("Flag --time has been deprecated, use --timeout instead\nweb\n", "docker container restart")


@pytest.mark.parametrize("client", recorded_params("container-logs-since-until"))
def test_logs_since_until_are_inclusive(client: str) -> None:
    """--since and --until were the timestamps of lines 2 and 4 of five: both ends are kept."""
    lines = read(client, "container-logs-since-until").splitlines()
    stamps = [parse_time(line.split(" ", 1)[0]) for line in lines]
    assert [line.split(" ", 1)[1] for line in lines] == ["line 2", "line 3", "line 4"]
    assert all(stamps) and stamps == sorted(stamps)  # type: ignore[type-var]


@pytest.mark.parametrize("client", recorded_params("container-cp-tty"))
def test_cp_reports_only_to_a_terminal(client: str) -> None:
    text = read(client, "container-cp-tty")
    if client.startswith("28."):
        assert text.startswith("Successfully copied ") and text.endswith("/hostname\r\n")  # a terminal's line end
    else:
        assert text == ""  # 20.10 never says
    # with no terminal neither says anything
    assert read(client, "container-cp-out") == read(client, "container-cp-in") == ""
