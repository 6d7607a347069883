"""--record FILE without an engine: the records, their header, redaction, whole lines under
threads and processes, the usage errors. (Replaying a recipe's record: tests/integration.)"""

import re
import stat
import subprocess
import sys
import textwrap
import threading

import pytest

from dockwrap import CommandTimeout, Docker, DockerNotFound, UsageError
from dockwrap.record import Recorder
from dockwrap.runner import Runner
from tests.harness import dockwrap

RECORD_HEAD = re.compile(r"^# \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \d+\.\d{3}s (exit \d+|.+)$")


def fake_docker(tmp_path, body: str) -> str:
    """A fake docker for exit statuses and delays only (its output is never read here)."""
    path = tmp_path / "docker"
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def records(text: str) -> list[tuple[str, str]]:
    """(comment, command) of each record; fails on a line that belongs to none."""
    found: list[tuple[str, str]] = []
    head = None
    for line in text.splitlines():
        if RECORD_HEAD.match(line):
            assert head is None, f"a record without its command before {line!r}"
            head = line
        elif line.startswith("#") or not line:
            continue
        else:
            assert head is not None, f"a command without its record comment: {line!r}"
            found.append((head, line))
            head = None
    return found


def test_a_call_is_recorded_with_its_time_duration_and_status(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 3\n")
    runner = Runner(binary=binary, record=str(log))
    assert runner.run(["container", "rm", "a b"], check=False).exit_code == 3
    text = log.read_text()
    assert text.startswith("#!/usr/bin/env bash\n# ---- dockwrap run ")
    [(head, command)] = records(text)
    assert head.endswith(" exit 3")
    assert command == f"{binary} container rm 'a b'"
    assert subprocess.run(["bash", "-n", str(log)]).returncode == 0


def test_runs_append_each_with_its_header_and_one_shebang(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    for name in ("one", "two"):
        Runner(binary=binary, record=str(log)).run(["volume", "create", name])
    text = log.read_text()
    assert text.count("#!/usr/bin/env bash") == 1
    assert text.count("# ---- dockwrap run ") == 2
    assert [command for _, command in records(text)] == [f"{binary} volume create one", f"{binary} volume create two"]


def test_a_runner_that_makes_no_call_writes_nothing(tmp_path):
    log = tmp_path / "calls.sh"
    Runner(record=str(log))
    assert log.read_text() == ""


def test_the_twins_of_with_settings_share_the_run_and_its_header(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    docker = Docker(binary=binary, record=str(log))
    docker.runner.run(["ps"])
    docker.with_settings(timeout=5).runner.run(["ps"])
    assert log.read_text().count("# ---- dockwrap run ") == 1
    assert len(records(log.read_text())) == 2
    assert docker.runner.record == str(log)


def test_secret_values_are_redacted_as_with_x_and_the_record_says_so(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    Runner(binary=binary, record=str(log)).run(["run", "-e", "API_TOKEN=hunter2secret", "-e", "MODE=x", "busybox"])
    text = log.read_text()
    assert "hunter2secret" not in text
    assert f"{binary} run -e 'API_TOKEN=***' -e MODE=x busybox\n" in text
    assert "# *** stands for a secret value" in text


def test_dry_run_records_nothing(tmp_path, capsys):
    log = tmp_path / "calls.sh"
    Runner(binary="docker", dry_run=True, record=str(log)).run(["ps"])
    assert log.read_text() == ""


def test_a_timed_out_call_says_so(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "sleep 30\n")
    with pytest.raises(CommandTimeout):
        Runner(binary=binary, timeout=0.5, record=str(log)).run(["ps"])
    [(head, _)] = records(log.read_text())
    assert head.endswith(" timed out after 0.5s")


def test_a_call_that_never_started_says_so(tmp_path):
    log = tmp_path / "calls.sh"
    with pytest.raises(DockerNotFound):
        Runner(binary=str(tmp_path / "nope"), record=str(log)).run(["ps"])
    [(head, _)] = records(log.read_text())
    assert head.endswith(" not started")


def test_a_passthrough_call_is_recorded(tmp_path, capfd):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    Runner(binary=binary, record=str(log)).passthrough(["logs", "web"])
    assert [command for _, command in records(log.read_text())] == [f"{binary} logs web"]


@pytest.mark.parametrize("where", ["directory", "missing-directory"])
def test_a_file_that_cannot_be_written_is_a_usage_error_at_start(tmp_path, where):
    path = tmp_path if where == "directory" else tmp_path / "no" / "calls.sh"
    with pytest.raises(UsageError, match="cannot record to"):
        Runner(record=str(path))


def test_cli_unwritable_record_exits_2_before_any_docker_call(tmp_path):
    marker = tmp_path / "ran"
    binary = fake_docker(tmp_path, f"touch {marker}\n")
    for extra, env in ((["--record", str(tmp_path)], {}), ([], {"DOCKWRAP_RECORD": str(tmp_path)})):
        result = dockwrap("--docker", binary, *extra, "container", "rm", "x", env=env)
        assert result.returncode == 2, result.stderr
        assert result.stderr == f"dockwrap: error: cannot record to {tmp_path}: Is a directory\n"
    assert not marker.exists()


def test_cli_record_from_the_environment_and_with_x(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    result = dockwrap("--docker", binary, "-x", "container", "rm", "-f", "web", env={"DOCKWRAP_RECORD": str(log)})
    assert result.returncode == 0, result.stderr
    assert result.stderr == f"+ {binary} container rm -f web\n"
    text = log.read_text()
    assert re.search(r"^# ---- dockwrap run .*: dockwrap --docker \S+ -x container rm -f web$", text, re.M)
    assert [command for _, command in records(text)] == [f"{binary} container rm -f web"]


def test_concurrent_calls_of_one_run_stay_whole_records(tmp_path):
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "exit 0\n")
    runner = Runner(binary=binary, record=str(log))
    # long words: a record bigger than a pipe's atomic size, several threads at once
    words = {f"t{thread}-{call}": "x" * 5000 + f"-{thread}-{call}" for thread in range(6) for call in range(5)}

    def calls(thread: int) -> None:
        for call in range(5):
            runner.run(["volume", "create", "--label", f"k={words[f't{thread}-{call}']}", f"t{thread}-{call}"])

    threads = [threading.Thread(target=calls, args=(thread,)) for thread in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    got = sorted(command for _, command in records(log.read_text()))
    assert got == sorted(f"{binary} volume create --label k={value} {key}" for key, value in words.items())


def test_runs_appending_at_once_stay_whole_records(tmp_path):
    log = tmp_path / "calls.sh"
    code = textwrap.dedent(f"""
        import sys
        from dockwrap.record import Recorder
        recorder = Recorder({str(log)!r})
        for n in range(200):
            recorder.call(["docker", "volume", "create", sys.argv[1] * 3000 + str(n)], 0.0, 0)
    """)
    procs = [subprocess.Popen([sys.executable, "-c", code, letter]) for letter in "abcd"]
    assert all(proc.wait(60) == 0 for proc in procs)
    text = log.read_text()
    assert text.count("# ---- dockwrap run ") == 4
    got = [command for _, command in records(text)]
    assert len(got) == 800
    assert all(re.fullmatch(r"docker volume create ([abcd])\1{2999}\d+", command) for command in got)


def test_recorder_status_words():
    from dockwrap.record import outcome

    assert (outcome(0), outcome(125), outcome(-15), outcome("interrupted")) == (
        "exit 0",
        "exit 125",
        "killed by signal 15",
        "interrupted",
    )
    assert Recorder  # the module's public class


def test_a_call_with_an_environment_and_a_stdin_variable_is_recorded_as_x_shows_it(tmp_path):
    # build's DOCKER_BUILDKIT=0 and login's password from a variable: the record runs as -x prints
    log = tmp_path / "calls.sh"
    binary = fake_docker(tmp_path, "cat >/dev/null; exit 0\n")
    runner = Runner(binary=binary, record=str(log))
    runner.run(["image", "build", "-"], env={"DOCKER_BUILDKIT": "0"}, input=b"FROM scratch\n")
    runner.watch(
        ["login", "--password-stdin", "-u", "me", "r.example"],
        lambda chunk: None,
        input=b"secret\n",
        stdin_from="DW_PASSWORD",
    )
    text = log.read_text()
    [(_, build), (_, login)] = records(text)
    assert build == f"DOCKER_BUILDKIT=0 {binary} image build -"
    assert login == f"printf '%s\\n' \"$DW_PASSWORD\" | {binary} login --password-stdin -u me r.example"
    assert "# its stdin is the value of $DW_PASSWORD: set it before running this line" in text
    assert "secret" not in text
