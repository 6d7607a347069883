"""Recipes without an engine: values they refuse before any docker call (caller labels that would
pass for the run's own, cleanup selectors that would widen it, aliases and counts that would reach
a shell, a --command that is not a command line), the --dry-run script's trap, and a swarm that
was someone else's (recorded docker output, replayed by a fake binary)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from dockwrap import Docker, Recipes, UsageError
from tests.harness import dockwrap
from tests.reliability.helpers import fake_docker

ERRORS = Path(__file__).resolve().parent.parent / "fixtures" / "errors"
HOSTILE = [
    "$(touch /tmp/dwt-pwned)",
    "`touch /tmp/dwt-pwned`",
    "web; touch /tmp/dwt-pwned",
    "we'b",
    'we"b',
    "web/x",
    "user@web",
    "web,alias=x",
    "-web",
    "",
    " web",
    "web\n",
]


def recording_docker(tmp_path: Path) -> tuple[str, Path]:
    """A docker that records each call and answers nothing: whether dockwrap called it at all."""
    log = tmp_path / "calls"
    return fake_docker(tmp_path, f'printf "%s\\n" "$*" >> {log}\nexit 1\n'), log


@pytest.mark.parametrize(
    "labels",
    [
        {"dockwrap.run": "x"},
        {"dockwrap.recipe": "webhost"},
        {"dockwrap.recipe.extra": "1"},
        {"a": "b", "dockwrap.run": "other"},
    ],
)
@pytest.mark.parametrize("recipe", ["pingable_pair", "round_robin", "webhost", "process_view", "swarm_round_robin"])
def test_caller_labels_cannot_pass_for_the_runs_own(recipe, labels, capsys):
    with pytest.raises(UsageError) as info:
        getattr(Recipes(Docker(dry_run=True)), recipe)(labels=labels)
    assert isinstance(info.value, ValueError) and "set by the recipe itself" in str(info.value)
    assert capsys.readouterr().out == ""  # refused before the script's first line


def test_labels_must_be_a_mapping_of_strings():
    for labels in (["a=b"], {"a": 1}, {"": "x"}):
        with pytest.raises(ValueError):
            Recipes(Docker(dry_run=True)).pingable_pair(labels=labels)


@pytest.mark.parametrize(
    "selector",
    [
        {"run": ""},
        {"recipe": ""},
        {"run": " "},
        {"run": "a=b"},
        {"recipe": "a=b"},
        {"run": "abc def"},
        {"run": "-abc"},
        {"run": "abc\n"},
        {"run": 5},
    ],
)
def test_cleanup_refuses_empty_and_malformed_selectors(selector, tmp_path):
    binary, log = recording_docker(tmp_path)
    with pytest.raises(UsageError) as info:
        Recipes(Docker(binary=binary)).cleanup(**selector)
    assert isinstance(info.value, ValueError)
    assert not log.exists()  # no docker call, so no removal wider than asked


@pytest.mark.parametrize(
    "option, value", [("--run", ""), ("--recipe", ""), ("--run", "a=b"), ("--run", " "), ("--recipe", "web host")]
)
def test_cleanup_cli_refuses_them_with_status_2(option, value, tmp_path):
    binary, log = recording_docker(tmp_path)
    result = dockwrap("--docker", binary, "cleanup", option, value)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("dockwrap: error: ") and "Traceback" not in result.stderr
    assert not log.exists()


def test_unbalanced_quotes_in_webhost_command_are_a_usage_error(tmp_path):
    binary, log = recording_docker(tmp_path)
    for command in ("'unbalanced", 'httpd -f "x', "trailing\\"):
        result = dockwrap("--docker", binary, "recipe", "webhost", "--command", command)
        assert result.returncode == 2, result.stderr
        assert "--command" in result.stderr and "internal error" not in result.stderr
    assert not log.exists()


@pytest.mark.parametrize("alias", HOSTILE)
def test_hostile_aliases_are_refused_before_any_call(alias, tmp_path):
    binary, log = recording_docker(tmp_path)
    for swarm in ([], ["--swarm"]):
        result = dockwrap("--docker", binary, "recipe", "round-robin", *swarm, "--alias", alias)
        assert result.returncode == 2, result.stderr
        assert "DNS name" in result.stderr and "Traceback" not in result.stderr
    assert not log.exists()
    assert not Path("/tmp/dwt-pwned").exists()


def test_dns_names_are_aliases():
    from dockwrap.recipes.round_robin import check_alias

    for alias in ("web", "search", "a.b-c_d", "x1", "w" * 63):
        assert check_alias(alias) == alias


def test_counts_must_be_numbers():
    with pytest.raises(ValueError):
        Recipes(Docker(dry_run=True)).round_robin(queries="30; touch /tmp/dwt-pwned")
    with pytest.raises(ValueError):
        Recipes(Docker(dry_run=True)).swarm_round_robin(replicas="2")


def test_client_scripts_hold_no_value(capsys):
    # The alias and the counts follow the script as its positional parameters.
    Recipes(Docker(dry_run=True)).round_robin(alias="search", replicas=2, queries=7)
    Recipes(Docker(dry_run=True)).swarm_round_robin(alias="search", replicas=2, queries=7)
    clients = [line for line in capsys.readouterr().out.splitlines() if "-client " in line and " run " in line]
    assert len(clients) == 2
    assert clients[0].endswith(" sh search 7") and clients[1].endswith(" sh search search-vip 7")
    for line in clients:
        script = line.split(" sh -c ", 1)[1].rsplit(" sh ", 1)[0]
        assert "search" not in script and "7" not in script


@pytest.mark.parametrize(
    "argv",
    [
        ["pingable-pair"],
        ["pingable-pair", "--default-bridge", "--link"],
        ["round-robin"],
        ["round-robin", "--client-per-query", "--queries", "3"],
        ["round-robin", "--swarm"],
        ["webhost", "--rm"],
        ["process-view"],
    ],
)
def test_dry_run_script_traps_failure_and_interrupts(argv):
    printed = dockwrap("--docker", "/usr/bin/docker", "-H", "unix:///tmp/x.sock", "--dry-run", "recipe", *argv)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.splitlines()
    run = lines[1].split("(run ")[1].split(")")[0]
    assert lines[2] == "set -e"
    assert "trap dw_cleanup ERR" in lines
    for signal, status in (("INT", 130), ("TERM", 143), ("HUP", 129)):
        assert f"trap 'dw_cleanup; exit {status}' {signal}" in lines
    body = lines[lines.index("dw_cleanup() {") + 1 : lines.index("}")]
    # by the run's label, with the same binary and engine as every call, each line tolerant
    assert any(
        f"container ls --all --quiet --filter label=dockwrap.run={run} | xargs -r /usr/bin/docker -H"
        in line.replace("--host", "-H")
        for line in body
    )
    assert all(line.startswith("  ") and line.endswith(" || true") for line in body)
    assert lines.index("}") < next(i for i, line in enumerate(lines) if line.startswith("/usr/bin/docker "))
    syntax = subprocess.run(["bash", "-n"], input=printed.stdout, capture_output=True, text=True)
    assert syntax.returncode == 0, syntax.stderr


def test_kept_runs_print_no_trap():
    printed = dockwrap("--dry-run", "recipe", "pingable-pair", "--keep")
    assert "trap" not in printed.stdout
    assert printed.stdout.splitlines()[-1].startswith("# kept: remove later with: dockwrap cleanup --run ")


def test_swarm_script_leaves_only_the_swarm_it_started():
    lines = dockwrap("--dry-run", "recipe", "round-robin", "--swarm").stdout.splitlines()
    init = next(i for i, line in enumerate(lines) if line.startswith("docker swarm init"))
    assert lines[init - 1].startswith("dw_gwbridge_existed=$(docker network ls --quiet --filter")
    assert lines[init + 1] == "dw_swarm_started=1"
    assert lines[-1] == '[ -n "$dw_gwbridge_existed" ] || docker network rm docker_gwbridge'
    trap = next(line for line in lines if "swarm leave" in line and "dw_swarm_started" in line)
    assert trap.strip().startswith('if [ -n "${dw_swarm_started:-}" ]; then docker swarm leave --force')


def test_a_swarm_init_that_finds_a_swarm_leaves_it_alone(tmp_path):
    # The engine was in no swarm when asked, and in one by `swarm init` (another client made it
    # one meanwhile): that swarm is not the run's, so no `swarm leave`. docker's answer is the
    # recorded one.
    recorded = (ERRORS / "28.2.2" / "swarm-init-already-in-swarm.txt").read_text()
    message = "".join(line for line in recorded.splitlines(True) if not line.startswith("#"))
    (tmp_path / "init-error").write_text(message)
    log = tmp_path / "calls"
    binary = fake_docker(
        tmp_path,
        f"""\
        printf "%s\\n" "$*" >> {log}
        case "$*" in
          info*) echo '"inactive"' ;;
          "network ls"*) ;;
          "swarm init"*) cat {tmp_path / "init-error"} >&2; exit 1 ;;
          *) exit 0 ;;
        esac
    """,
    )
    result = dockwrap("--docker", binary, "recipe", "round-robin", "--swarm")
    assert result.returncode == 1, result.stderr
    assert "already part of a swarm" in result.stderr
    calls = log.read_text().splitlines()
    assert any(call.startswith("swarm init") for call in calls)
    assert not any(call.startswith("swarm leave") for call in calls), calls


@pytest.mark.parametrize(
    "registry",
    [
        "",
        "127.0.0.1",
        "127.0.0.1:99999",
        "host:5000/repo",
        "$(touch /tmp/dwt-pwned):1",
        "-h:5000",
        "http://127.0.0.1:5000",
        5000,
    ],
)
def test_ship_refuses_a_registry_that_is_not_host_port_before_any_call(registry, tmp_path):
    with pytest.raises(ValueError) as info:
        Recipes(Docker(dry_run=True)).ship(registry=registry)
    assert "HOST:PORT" in str(info.value)
    binary, log = recording_docker(tmp_path)
    result = dockwrap("--docker", binary, "recipe", "ship", "--registry", str(registry))
    assert result.returncode == 2 and "HOST:PORT" in result.stderr and "Traceback" not in result.stderr
    assert not log.exists()


def test_ship_needs_a_registry_and_its_script_traps_its_images(capsys):
    assert dockwrap("recipe", "ship").returncode == 2
    with pytest.raises(UsageError):
        Recipes(Docker(dry_run=True)).ship(registry="127.0.0.1:5000", labels={"dockwrap.run": "x"})
    Recipes(Docker(dry_run=True)).ship(registry="127.0.0.1:5000")
    lines = capsys.readouterr().out.splitlines()
    run = lines[1].split("(run ")[1].split(")")[0]
    assert (
        f"  docker image ls --quiet --filter label=dockwrap.run={run} "
        "| xargs -r docker image rm --force >/dev/null || true" in lines
    )
    build = next(line for line in lines if " image build " in line)
    assert build.startswith("printf '%s\\n' \"$dw_dockerfile\" | DOCKER_BUILDKIT=0 docker image build ")
    assert lines.index(
        next(line for line in lines if line.startswith("dw_dockerfile='FROM busybox:latest"))
    ) < lines.index(build)
    assert lines[-1].startswith("docker image rm --force ")
