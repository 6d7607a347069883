"""podman as the binary, without an engine: what dockwrap asks podman differently (top's host
PIDs, rm -f's --ignore, `events`), what it reads differently (live stats frames, image ls columns),
what it refuses before any call (swarm mode, docker's contexts), and how it knows the binary is podman (its name). On
podman's recorded output (tests/fixtures/podman/, record_podman.sh)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from dockwrap import Docker, Recipes
from dockwrap.call import _is_podman
from dockwrap.container.records import parse_top
from dockwrap.container.records.stats import parse_stats_stream
from dockwrap.container.records.top import host_pids
from dockwrap.errors import PodmanHasNoContexts, PodmanHasNoSwarm, UsageError
from dockwrap.image.cli.ls import COLUMNS as IMAGE_COLUMNS
from dockwrap.image.records import parse_image_ls
from dockwrap.parse.times import human_since
from dockwrap.parse.units import human_size
from dockwrap.recipes.run import RecipeRun

from .corpus import PAUSED, PODMAN_VERSIONS, WEB, read_podman

pytestmark = pytest.mark.parametrize("version", PODMAN_VERSIONS)


def dockwrap(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dockwrap", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "DOCKWRAP_DOCKER": ""},
    )


# -- knowing podman -------------------------------------------------------------------------------


def test_podman_is_known_by_its_name_or_its_link(version: str, tmp_path) -> None:
    assert _is_podman("podman") and _is_podman("/usr/bin/podman") and not _is_podman("docker")
    assert not _is_podman("/usr/local/bin/docker") and not _is_podman("podmanic")
    podman = tmp_path / "opt" / "podman"  # a podman of its own: the test must not need podman installed
    podman.parent.mkdir()
    podman.write_text("#!/bin/sh\n")
    podman.chmod(0o755)
    link = tmp_path / "docker"
    link.symlink_to(podman)
    assert _is_podman(str(link))
    script = tmp_path / "bin" / "docker"  # podman-docker's kind: a script that runs podman
    script.parent.mkdir()
    script.write_text('#!/bin/sh\nexec podman "$@"\n')
    script.chmod(0o755)
    assert not _is_podman(str(script))


# -- top: the host's PIDs -------------------------------------------------------------------------


def test_top_asks_podman_for_host_pids(version: str, capsys) -> None:
    Docker(binary="podman", dry_run=True).container.top("web")
    Docker(binary="podman", dry_run=True).container.top("web", ["-o", "pid,comm"])
    Docker(binary="docker", dry_run=True).container.top("web")
    assert capsys.readouterr().out.splitlines() == [
        "podman container top web hpid pid ppid user args",
        "podman container top web -o pid,comm",
        "docker container top web",
    ]


def test_host_pids_from_podmans_hpid(version: str) -> None:
    processes = host_pids(parse_top(read_podman(version, "container-top-hpid"), "podman container top"))
    assert [(p.pid, p.ppid, p.extra["container_pid"], p.uid) for p in processes] == [
        (720, None, "1", "root"),
        (731, 720, "7", "root"),
    ]
    assert processes[0].cmd == "httpd -f -p 8000 -h /" and "hpid" not in processes[0].extra
    assert processes[0].raw["HPID"] == "720"  # what podman printed, for the CLI's table


# -- stats: podman's live frames -------------------------------------------------------------------


def test_live_stats_reads_each_frame_once(version: str) -> None:
    lines = read_podman(version, "container-stats-stream").splitlines(keepends=True)
    samples = list(parse_stats_stream(iter(lines), "podman container stats"))
    assert [s.name for s in samples] == [WEB, PAUSED] * 3
    assert all(s.mem_usage_bytes and s.pids for s in samples)


def test_live_stats_cut_off_mid_frame_gives_the_frames_before(version: str) -> None:
    lines = read_podman(version, "container-stats-stream").splitlines(keepends=True)
    samples = list(parse_stats_stream(iter(lines[:40]), "podman container stats"))
    assert [s.name for s in samples] == [WEB, PAUSED]


# -- image ls: docker's columns from podman's numbers ----------------------------------------------


def test_image_table_says_created_and_size_as_docker_does(version: str) -> None:
    image = parse_image_ls(read_podman(version, "image-ls"))[0]
    created, size = (dict(IMAGE_COLUMNS)[name](image) for name in ("CREATED", "SIZE"))
    assert size == "2.02MB" and created and created.endswith(" ago")


@pytest.mark.parametrize(
    "size, text",
    [
        (0, "0B"),
        (999, "999B"),
        (1000, "1kB"),
        (2019080, "2.02MB"),
        (1983000, "1.98MB"),
        (999_500, "1e+03kB"),
        (None, None),
    ],
)
def test_human_size(version: str, size: int | None, text: str | None) -> None:
    assert human_size(size) == text


@pytest.mark.parametrize(
    "seconds, text",
    [
        (0.5, "Less than a second ago"),
        (1, "1 second ago"),
        (59, "59 seconds ago"),
        (60, "About a minute ago"),
        (59 * 60, "59 minutes ago"),
        (3600, "About an hour ago"),
        (4 * 3600 + 10, "4 hours ago"),
        (47 * 3600, "47 hours ago"),
        (3 * 86400, "3 days ago"),
        (20 * 86400, "2 weeks ago"),
        (90 * 86400, "3 months ago"),
        (800 * 86400, "2 years ago"),
    ],
)
def test_human_since(version: str, seconds: float, text: str) -> None:
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert human_since(now - timedelta(seconds=seconds), now) == text


# -- rm -f: podman's --ignore ----------------------------------------------------------------------


def test_rm_force_adds_ignore_for_podman_only(version: str, capsys) -> None:
    Docker(binary="podman", dry_run=True).container.rm(["a", "b"], force=True)
    Docker(binary="podman", dry_run=True).container.rm(["a"], docker_args=["-fv"])
    Docker(binary="podman", dry_run=True).container.rm(["a"])
    Docker(binary="docker", dry_run=True).container.rm(["a"], force=True)
    assert capsys.readouterr().out.splitlines() == [
        "podman container rm --ignore --force a b",
        "podman container rm --ignore -fv a",
        "podman container rm a",
        "docker container rm --force a",
    ]


# -- swarm mode: refused before any call ------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda d: d.service.ls(),
        lambda d: d.node.ls(),
        lambda d: d.swarm.init(),
        lambda d: d.call("stack ls"),
        lambda d: d.call("config ls"),
        lambda d: Recipes(d).swarm_round_robin(),
    ],
)
def test_swarm_mode_is_refused_before_any_call(version: str, call, capsys) -> None:
    with pytest.raises(PodmanHasNoSwarm) as raised:
        call(Docker(binary="/usr/bin/podman", dry_run=True))
    assert capsys.readouterr().out == ""  # nothing printed, so nothing would have run
    assert isinstance(raised.value, UsageError) and raised.value.exit_code == 2
    assert str(raised.value).startswith("podman has no swarm: `")
    assert 'Docker(binary="docker")' in (raised.value.hint or "")


def test_swarm_mode_on_the_cli_is_one_line_and_a_hint(version: str) -> None:
    for args in (["service", "ls"], ["stack", "ls"], ["recipe", "round-robin", "--swarm"]):
        done = dockwrap("--docker", "podman", "--dry-run", *args)
        assert done.returncode == 2 and done.stdout == ""
        error, hint = done.stderr.splitlines()
        assert error.startswith("dockwrap: error: podman has no swarm: ") and "--docker docker" in hint


def test_other_commands_and_docker_are_not_refused(version: str, capsys) -> None:
    Docker(binary="podman", dry_run=True).call("secret ls")  # podman has secrets of its own
    Docker(binary="docker", dry_run=True).service.ls()
    assert RecipeRun(Docker(binary="podman", dry_run=True), "round-robin").swarm.wanted is False
    assert capsys.readouterr().out.splitlines()[0] == "podman secret ls"


def test_cleanup_asks_podman_for_no_services(version: str, capsys) -> None:
    Recipes(Docker(binary="podman", dry_run=True)).cleanup()
    assert [line.split()[1:3] for line in capsys.readouterr().out.splitlines()] == [
        ["container", "ls"],
        ["network", "ls"],
        ["image", "ls"],
    ]


# -- docker's contexts: refused before any call ------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda d: d.context.ls(),
        lambda d: d.context.show(),
        lambda d: d.context.inspect("other"),
        lambda d: d.context.create("other", host="unix:///run/podman/podman.sock"),
        lambda d: d.context.use("other"),
        lambda d: d.context.rm("other"),
        lambda d: d.call("context ls"),
    ],
)
def test_contexts_are_refused_before_any_call(version: str, call, capsys) -> None:
    with pytest.raises(PodmanHasNoContexts) as raised:
        call(Docker(binary="/usr/bin/podman", dry_run=True))
    assert capsys.readouterr().out == ""
    assert isinstance(raised.value, UsageError) and raised.value.exit_code == 2
    assert str(raised.value).startswith("podman has no docker contexts: `context ")
    assert 'Docker(binary="docker")' in (raised.value.hint or "")


def test_contexts_on_the_cli_are_one_line_and_a_hint(version: str) -> None:
    for args in (["context", "ls"], ["context", "show"], ["context", "use", "default"]):
        done = dockwrap("--docker", "podman", "--dry-run", *args)
        assert done.returncode == 2 and done.stdout == ""
        error, hint = done.stderr.splitlines()
        assert error.startswith("dockwrap: error: podman has no docker contexts: ") and "--docker docker" in hint
    docker = dockwrap("--docker", "docker", "--dry-run", "context", "ls")
    assert docker.returncode == 0 and docker.stdout.startswith("docker context ls")


# -- what dockwrap asks podman differently: events, prunes ------------------------------------------


def test_events_are_podmans_events_not_system_events(version: str, capsys) -> None:
    list(Docker(binary="podman", dry_run=True).system.events(since="5m", until="1s"))
    list(Docker(binary="docker", dry_run=True).system.events(since="5m", until="1s"))
    podman, docker = capsys.readouterr().out.splitlines()
    assert podman.startswith("podman events --since 5m --until 1s --format ")
    assert docker.startswith("docker system events --since 5m --until 1s --format ")


def test_df_verbose_is_refused_before_any_call(version: str, capsys) -> None:
    """podman 4.3's `system df -v` prints its tables whatever the format (system-df-verbose.txt)."""
    assert read_podman(version, "system-df-verbose").startswith("Images space usage:")
    with pytest.raises(UsageError) as raised:
        Docker(binary="podman", dry_run=True).system.df(verbose=True)
    assert capsys.readouterr().out == "" and str(raised.value).startswith("system df -v: podman 4.3 prints")
    Docker(binary="podman", dry_run=True).system.df()
    assert capsys.readouterr().out.startswith("podman system df --format ")


def test_df_and_history_tables_write_podmans_bytes_as_docker_does(version: str) -> None:
    from dockwrap.image.cli.history import COLUMNS as HISTORY_COLUMNS
    from dockwrap.image.records.history import parse_image_history
    from dockwrap.system.cli.df import TOTALS
    from dockwrap.system.records.df import parse_df

    usage = parse_df(read_podman(version, "system-df"))
    rows = [("Images", usage.images), ("Build Cache", usage.build_cache)]
    assert [[column(row) for _, column in TOTALS] for row in rows] == [
        ["Images", 1, 0, "2.02MB", "2.02MB"],
        ["Build Cache", 0, 0, "0B", "0B"],
    ]
    step = parse_image_history(read_podman(version, "image-history-built"))[1]
    created, created_by, size = (
        column(step) for name, column in HISTORY_COLUMNS if name != "IMAGE" and name != "COMMENT"
    )
    assert created.endswith(" ago") and created_by.startswith("/bin/sh -c echo") and size == "6.14kB"
