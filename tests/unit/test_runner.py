"""The runner without an engine: argv building, -x, --dry-run, and faults injected with fake binaries."""

import os
import stat
import sys
import textwrap
import time

import pytest

from dockwrap import CommandTimeout, DockerNotExecutable, DockerNotFound, ParseError, UsageError
from dockwrap.runner import Runner


def fake_docker(tmp_path, body: str, name: str = "docker") -> str:
    """A fake docker binary for fault injection (see tests/fakes/README.md)."""
    path = tmp_path / name
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_argv_has_global_flags_first():
    assert Runner(binary="docker", context="ctx").argv(["ps"]) == ["docker", "--context", "ctx", "ps"]
    assert Runner(binary="d", host="unix:///x.sock").argv(["ps"]) == ["d", "--host", "unix:///x.sock", "ps"]


def test_context_and_host_together_is_a_usage_error():
    with pytest.raises(UsageError):
        Runner(context="a", host="unix:///b")


def test_arguments_must_be_strings():
    # sh would silently drop None and False: refuse instead of running something else.
    with pytest.raises(TypeError):
        Runner().argv(["run", None, "img"])


def test_dry_run_prints_and_runs_nothing(capsys, tmp_path):
    marker = tmp_path / "ran"
    binary = fake_docker(tmp_path, f"touch {marker}\n")
    done = Runner(binary=binary, dry_run=True).run(["container", "rm", "-f", "a b"])
    assert done.exit_code == 0
    assert capsys.readouterr().out == f"{binary} container rm -f 'a b'\n"
    assert not marker.exists()


def test_explain_prints_to_stderr_before_running(capsys, tmp_path):
    binary = fake_docker(tmp_path, 'echo "out:$*"\n')
    done = Runner(binary=binary, explain=True).run(["run", "-e", "TOKEN=abc", "img"])
    captured = capsys.readouterr()
    assert captured.err == f"+ {binary} run -e 'TOKEN=***' img\n"
    assert done.out == "out:run -e TOKEN=abc img\n"  # the real value still reaches docker


def test_missing_binary(tmp_path):
    with pytest.raises(DockerNotFound) as info:
        Runner(binary=str(tmp_path / "nope")).run(["ps"])
    assert info.value.exit_code == 127


def test_binary_not_on_path(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(DockerNotFound):
        Runner(binary="docker").run(["ps"])


def test_not_executable_binary(tmp_path):
    path = tmp_path / "docker"
    path.write_text("#!/bin/sh\necho hi\n")
    path.chmod(0o644)
    with pytest.raises(DockerNotExecutable) as info:
        Runner(binary=str(path)).run(["ps"])
    assert info.value.exit_code == 126


def test_env_var_names_the_binary(monkeypatch, tmp_path):
    binary = fake_docker(tmp_path, "echo from-env\n")
    monkeypatch.setenv("DOCKWRAP_DOCKER", binary)
    assert Runner().run(["version"]).out == "from-env\n"


def test_docker_runs_with_tz_utc(tmp_path):
    binary = fake_docker(tmp_path, 'echo "$TZ"\n')
    assert Runner(binary=binary).run(["x"]).out == "UTC\n"


def test_hanging_call_is_killed_at_the_timeout(tmp_path):
    # The fake ignores SIGTERM: the runner must follow up with SIGKILL.
    binary = fake_docker(tmp_path, "trap '' TERM\nsleep 30 &\nwait\nsleep 30\n")
    start = time.monotonic()
    with pytest.raises(CommandTimeout) as info:
        Runner(binary=binary, timeout=1).run(["ps"])
    assert time.monotonic() - start < 1 + 2.5
    assert info.value.exit_code == 124
    assert "ps" in str(info.value)


def test_exit_status_and_stderr_come_back(tmp_path):
    binary = fake_docker(tmp_path, "echo oops >&2\nexit 3\n")
    done = Runner(binary=binary).run(["x"], check=False)
    assert (done.exit_code, done.err) == (3, "oops\n")


def test_garbage_output_is_a_parse_error_naming_the_command(tmp_path):
    from dockwrap import Docker

    binary = fake_docker(tmp_path, 'echo \'{"ID": "abc", truncated\'\n')
    with pytest.raises(ParseError) as info:
        Docker(binary=binary).container.ls()
    assert "docker container ls" in str(info.value)
    assert "truncated" in str(info.value)


def test_stream_ends_docker_when_the_consumer_stops(tmp_path):
    pidfile = tmp_path / "pid"
    binary = fake_docker(tmp_path, f"echo $$ > {pidfile}\nwhile :; do echo line; sleep 0.05; done\n")
    lines = Runner(binary=binary).stream(["logs", "-f", "x"])
    assert next(lines) == "line\n"
    lines.close()
    pid = int(pidfile.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and os.path.exists(f"/proc/{pid}"):
        time.sleep(0.05)
    assert not os.path.exists(f"/proc/{pid}")


def test_a_stopper_ends_a_stream_read_in_another_thread(tmp_path):
    # The reader is blocked inside the stream (nothing comes): only ending docker can end it.
    import threading

    from dockwrap.children import Stopper

    pidfile = tmp_path / "pid"
    binary = fake_docker(tmp_path, f"echo $$ > {pidfile}\necho first\nexec sleep 60\n")
    stopper, seen = Stopper(), []
    reader = threading.Thread(target=lambda: seen.extend(Runner(binary=binary).stream(["events"], stopper=stopper)))
    reader.start()
    deadline = time.monotonic() + 5
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
    stopper.stop()
    reader.join(5)
    assert not reader.is_alive()
    assert seen == ["first\n"]
    assert not os.path.exists(f"/proc/{int(pidfile.read_text())}")


def test_a_stop_before_docker_starts_ends_it_at_once(tmp_path):
    from dockwrap.children import Stopper

    binary = fake_docker(tmp_path, "echo first\nexec sleep 60\n")
    stopper = Stopper()
    stopper.stop()
    started = time.monotonic()
    assert list(Runner(binary=binary).stream(["events"], stopper=stopper)) in ([], ["first\n"])
    assert time.monotonic() - started < 5


def test_passthrough_is_byte_exact(tmp_path, capfdbinary):
    binary = fake_docker(tmp_path, "printf 'a\\r\\n\\000\\377b'\n")
    done = Runner(binary=binary).passthrough(["logs", "x"])
    assert done.exit_code == 0
    assert capfdbinary.readouterr().out == b"a\r\n\x00\xffb"


def test_sh_is_not_imported_by_a_dry_run():
    # sh costs ~100 ms to import; printing a call must not pay for it.
    code = (
        "import sys; from dockwrap import Docker; "
        "Docker(binary='docker', dry_run=True).container.rm(['a'], force=True); "
        "print('sh' in sys.modules, 'tabulate' in sys.modules)"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "False False"


def test_passthrough_to_a_terminal(tmp_path):
    # stdout a real terminal: docker must write to it directly (sh refuses _tty_out beside a TTY).
    import pty
    import subprocess

    binary = fake_docker(tmp_path, "echo to-the-terminal\n")
    code = (
        f"from dockwrap.runner import Runner; import sys; "
        f"sys.exit(Runner(binary={binary!r}).passthrough(['logs', 'x']).exit_code)"
    )
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=follower, stderr=follower)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 1024)
        except OSError:
            break
        if not chunk:
            break
        screen += chunk
    assert proc.wait(timeout=30) == 0, screen
    assert b"to-the-terminal" in screen and b"Traceback" not in screen


def _interrupt_right_after_start(monkeypatch) -> None:
    """Make a Ctrl-C land between docker's start and the wait for it (a window CI once hit)."""
    original = Runner._spawn

    def spawn_then_interrupt(self, *args, **kwargs):
        original(self, *args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(Runner, "_spawn", spawn_then_interrupt)


def test_interrupt_right_after_start_lets_a_creating_call_finish(tmp_path, monkeypatch):
    made = tmp_path / "made"
    binary = fake_docker(tmp_path, f"sleep 1\ntouch {made}\necho 0123456789ab\n")
    runner = Runner(binary=binary)
    _interrupt_right_after_start(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        runner.run(["run", "-d", "busybox"], creates=True)
    assert made.exists()  # finished before the interrupt went on, not orphaned
    assert not len(runner._children)


def test_interrupt_right_after_start_ends_any_other_call(tmp_path, monkeypatch):
    made = tmp_path / "made"
    binary = fake_docker(tmp_path, f"sleep 2\ntouch {made}\n")
    runner = Runner(binary=binary)
    _interrupt_right_after_start(monkeypatch)
    start = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        runner.run(["ps"])
    assert time.monotonic() - start < 1.9
    assert not len(runner._children)
    time.sleep(2.5)
    assert not made.exists()  # ended, not left running on its own
