#!/usr/bin/env python3
"""dockwrap over SSH against the local socket: per recipe, its docker calls and its wall time.

    .venv/bin/python benchmarks/remote.py [--runs N] [--quick]     (as root: it starts a test sshd)

The engine is the machine's own, reached four ways: its socket (`local`), and `-H ssh://root@
127.0.0.1:PORT` through the test sshd of tests/sshd.py, with root's login as it is (`ssh`: bash
reads root's ~/.bashrc, which runs `pyenv init`), with a login that skips ~/.bashrc (`ssh lean`:
the sshd gives that key SHLVL=1), and through one reused SSH connection (`ssh reused`: OpenSSH's
ControlMaster/ControlPersist in the `ssh` that docker runs; docker 28.2.2 itself has no option or
variable for it). Each row runs its ways alternately, `--runs` times, after one warm-up, and shows
the medians; `calls` counts the docker calls (`-x` lines) of one run, `ssh logins` the times docker
ran `ssh` for them (a `run -d` or an `exec` is two, a foreground `run` three).

What it creates carries `dockwrap.bench=1` and `dockwrap.bench.run=RUN`; the recipes remove their
own, and anything left with the run's label is removed at the end, also on Ctrl-C or SIGTERM.
The Markdown table goes to stdout, progress to stderr. Exit status 0, or 2 when it could not run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.sshd import SSH, SSHFailed, SSHServer, sshd_available  # noqa: E402

DOCKER = shutil.which("docker") or "docker"
QUICK_ROWS = ("`docker ps -q`", "`dockwrap ps`", "recipe process-view")


def log(message: str) -> None:
    print(f"[remote bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def reusing_ssh(server: SSHServer) -> Path:
    """A directory whose `ssh` is the trusted one that keeps its connection open for 60 s and
    reuses it (OpenSSH's ControlMaster): what a user's ~/.ssh/config can do for docker."""
    trusted = server.bin_dir("trusted") / "ssh"
    config = trusted.read_text().split('-F "', 1)[1].split('"', 1)[0]
    directory = trusted.parent.parent / "bin-reused"
    directory.mkdir(exist_ok=True)
    wrapper = directory / "ssh"
    wrapper.write_text(
        f'#!/bin/sh\nexec {SSH} -F "{config}" -o ControlMaster=auto '
        f'-o ControlPath="{directory}/cm-%C" -o ControlPersist=60 "$@"\n'
    )
    wrapper.chmod(0o755)
    return directory


def stop_reusing(directory: Path, port: int) -> None:
    """End the kept connection now (its master runs on its own, not under the sshd's listener;
    it would end when the sshd's sessions do)."""
    subprocess.run(
        [str(directory / "ssh"), "-O", "exit", "-p", str(port), "root@127.0.0.1"], capture_output=True, timeout=10
    )


class Way:
    def __init__(self, name: str, env: dict[str, str], host: list[str], logins: Path | None = None) -> None:
        self.name, self.env, self.host = name, env, host
        #: where this way's `ssh` writes a line each time docker runs it
        self.logins = logins


def counting_ssh(server: SSHServer) -> tuple[Path, Path]:
    """A directory whose `ssh` notes each time docker runs it, then is the trusted one; its log."""
    directory = server.bin_dir("trusted").parent / "bin-counting"
    directory.mkdir(exist_ok=True)
    logins = directory / "logins"
    wrapper = directory / "ssh"
    wrapper.write_text(f'#!/bin/sh\necho >> "{logins}"\nexec "{server.bin_dir("trusted") / "ssh"}" "$@"\n')
    wrapper.chmod(0o755)
    return directory, logins


def ways(server: SSHServer, reused: Path) -> list[Way]:
    base = {k: v for k, v in os.environ.items() if k not in ("DOCKER_HOST", "DOCKER_CONTEXT")}
    url = ["-H", server.url()]
    reused_env = dict(base, PATH=f"{reused}{os.pathsep}{base.get('PATH', os.defpath)}")
    counting, logins = counting_ssh(server)
    return [
        Way("local", base, []),
        Way("ssh", dict(base, PATH=f"{counting}{os.pathsep}{base.get('PATH', os.defpath)}"), url, logins),
        Way("ssh lean", server.env("lean", base), url),
        Way("ssh reused", reused_env, url),
    ]


def rows(run: str) -> list[tuple[str, list[str]]]:
    labels = ["-l", "dockwrap.bench=1", "-l", f"dockwrap.bench.run={run}"]
    return [
        ("`docker ps -q`", ["docker", "ps", "-q"]),
        ("`dockwrap ps`", ["dockwrap", "ps"]),
        ("recipe pingable-pair -c 1", ["dockwrap", "recipe", "pingable-pair", "-c", "1", *labels]),
        ("recipe round-robin (3 servers, 6 queries)", ["dockwrap", "recipe", "round-robin", "--queries", "6", *labels]),
        ("recipe process-view", ["dockwrap", "recipe", "process-view", *labels]),
        ("recipe webhost --rm", ["dockwrap", "recipe", "webhost", "--rm", "--port", "PORT", *labels]),
    ]


def argv_for(command: list[str], way: Way) -> list[str]:
    command = [str(free_port()) if word == "PORT" else word for word in command]
    if command[0] == "docker":
        return [DOCKER, *way.host, *command[1:]]
    return [sys.executable, "-m", "dockwrap", "-x", *way.host, *command[1:]]


def timed(argv: list[str], way: Way) -> tuple[float, int, int]:
    """(seconds, docker calls, SSH logins) of one run."""
    if way.logins is not None:
        way.logins.write_text("")
    start = time.monotonic()
    done = subprocess.run(argv, env=way.env, capture_output=True, text=True, timeout=300, cwd=ROOT)
    seconds = time.monotonic() - start
    calls = 1 if argv[0] == DOCKER else sum(line.startswith("+ ") for line in done.stderr.splitlines())
    if done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} ({way.name}) exited {done.returncode}: {done.stderr[-500:]}")
    return seconds, calls, len(way.logins.read_text().splitlines()) if way.logins is not None else 0


def measure(the_rows: list[tuple[str, list[str]]], the_ways: list[Way], runs: int) -> list[str]:
    table = [
        "| measurement | calls (local / ssh) | ssh logins | "
        + " | ".join(f"{w.name} ms" for w in the_ways)
        + " | ssh / local |",
        "|---|---|---|" + "---|" * len(the_ways) + "---|",
    ]
    for title, command in the_rows:
        times: dict[str, list[float]] = {w.name: [] for w in the_ways}
        calls: dict[str, int] = {}
        logins = 0
        for attempt in range(runs + 1):
            order = the_ways if attempt % 2 == 0 else list(reversed(the_ways))
            for way in order:
                seconds, count, ssh_logins = timed(argv_for(command, way), way)
                calls[way.name] = count
                logins = ssh_logins or logins
                if attempt:  # the first round warms up
                    times[way.name].append(seconds)
        medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
        log(f"{title}: " + ", ".join(f"{name} {ms:.0f} ms" for name, ms in medians.items()))
        table.append(
            f"| {title} | {calls['local']} / {calls['ssh']} | {logins} | "
            + " | ".join(f"{medians[w.name]:.0f}" for w in the_ways)
            + f" | {medians['ssh'] / medians['local']:.1f} |"
        )
    return table


def remove_left(run: str) -> None:
    label = f"label=dockwrap.bench.run={run}"
    for listing, removal in ((["ps", "-aq"], ["rm", "-f"]), (["network", "ls", "-q"], ["network", "rm"])):
        left = subprocess.run([DOCKER, *listing, "--filter", label], capture_output=True, text=True).stdout.split()
        if left:
            log(f"removing what was left: {' '.join(left)}")
            subprocess.run([DOCKER, *removal, *left], capture_output=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each way per row (default 3)")
    parser.add_argument("--quick", action="store_true", help="one run, three rows (ps, and process-view): a smoke test")
    args = parser.parse_args()
    if args.quick:
        args.runs = 1
    usable, why = sshd_available()
    if not usable:
        log(f"cannot run: {why}")
        return 2

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    run = secrets.token_hex(3)
    server = SSHServer()
    reused: Path | None = None
    try:
        server.start()
        reused = reusing_ssh(server)
        log(f"run {run}: sshd on 127.0.0.1:{server.port} ({server.dir}), {args.runs} runs a way, docker {DOCKER}")
        the_rows = rows(run)
        if args.quick:
            the_rows = [row for row in the_rows if row[0] in QUICK_ROWS]
        table = measure(the_rows, ways(server, reused), args.runs)
    except (SSHFailed, RuntimeError) as exc:
        log(f"cannot run: {exc}")
        return 2
    finally:
        if reused is not None and server.port is not None:
            stop_reusing(reused, server.port)
        server.stop()
        remove_left(run)
    print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
