"""`gen-surface record`: save every `--help` page of one docker client, and the probes' results.

The client runs with a fixed environment so that what it prints depends on its release only:
no engine (DOCKER_HOST is a socket that does not exist), no user config and so no context or
plugin from it (DOCKER_CONFIG is a path that does not exist), an empty HOME and working
directory, standard input not a terminal (docker wraps option text at the width of fd 0,
80 columns when it is not a terminal), C locale. CLI plugins installed system-wide still show
in `docker --help` (decorated `*`); they are not docker's own and are not walked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from dockwrap.surface.helptext import parse_help

from .kinds import HIDDEN_COMMANDS, HIDDEN_OPTIONS, PROBE_VALUES

#: a config directory that must not exist: docker then reads no config, and the paths it
#: prints as defaults (`--config`, `--tlscacert`, ...) are the same on every machine
CONFIG_DIR = "/nonexistent/dockwrap-gen-surface/docker-config"
NO_ENGINE = "unix:///nonexistent/dockwrap-gen-surface/docker.sock"
PROBE_OPERAND = "dwprobe-operand"
PROBES_FILE = "_probes.json"
TIMEOUT = 30


def page_name(path: tuple[str, ...]) -> str:
    """`("container", "run")` -> `container_run.txt`; docker itself -> `_root.txt`."""
    return ("_".join(path) or "_root") + ".txt"


class Client:
    """One docker binary, run with the fixed environment."""

    def __init__(self, docker: str, home: str) -> None:
        if os.path.exists(CONFIG_DIR):
            raise SystemExit(f"gen-surface: {CONFIG_DIR} exists; it must not (docker would read it)")
        self.docker = shutil.which(docker) or docker  # on the caller's PATH, not the fixed one
        self.home = home
        self.env = {
            "PATH": "/usr/bin:/bin",
            "HOME": home,
            "DOCKER_HOST": NO_ENGINE,
            "DOCKER_CONFIG": CONFIG_DIR,
            "COLUMNS": "80",
            "LC_ALL": "C",
            "TZ": "UTC",
        }

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.docker, *args],
            env=self.env,
            cwd=self.home,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )

    def version(self) -> tuple[str, str]:
        """(`28.2.2`, the whole `docker --version` line); the distribution suffix is dropped."""
        line = self.run("--version").stdout.strip()
        match = re.match(r"Docker version (\d+\.\d+\.\d+)", line)
        if not match:
            raise SystemExit(f"gen-surface: cannot read the version of {self.docker}: {line!r}")
        return match[1], line

    def help_page(self, path: tuple[str, ...]) -> str | None:
        """The `--help` text of PATH, or None when this client has no such command.

        A client that does not know the command prints an error, or (20.10) the help of the
        nearest command it knows: the usage line must name PATH itself.
        """
        done = self.run(*path, "--help")
        if done.returncode != 0:
            return None
        try:
            page = parse_help(done.stdout)
        except ValueError:
            return None
        return done.stdout if page.path == path else None

    def prints_help(self, *args: str) -> tuple[bool, list[str]]:
        """Whether `docker ARGS` printed help (exit 0), and the lines it printed (both streams)."""
        done = self.run(*args)
        lines = [line.strip() for line in (done.stdout + "\n" + done.stderr).splitlines() if line.strip()]
        return done.returncode == 0 and "Usage:" in done.stdout, lines

    def completed_options(self, path: tuple[str, ...]) -> list[str]:
        """The long options cobra's completion offers for PATH (`docker __complete PATH --`).

        Completion does not hide what `--help` hides by annotation when there is no engine
        (20.10 hides Windows-only and Kubernetes options, for one); it never offers the
        options docker marks hidden.
        """
        done = self.run("__complete", *path, "--")
        names = (line.split("\t")[0] for line in done.stdout.splitlines())
        return sorted(name[2:] for name in names if name.startswith("--") and name != "--help")


def walk(client: Client) -> Iterator[tuple[tuple[str, ...], str]]:
    """Every command's path and help page: docker's listed commands, then the hidden ones."""
    queue: list[tuple[str, ...]] = [()]
    queue += [tuple(path.split()) for path in HIDDEN_COMMANDS]
    seen: set[tuple[str, ...]] = set()
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        text = client.help_page(path)
        if text is None:
            continue
        yield path, text
        for sub in parse_help(text).subcommands:
            if not sub.plugin:
                queue.append((*path, sub.name))


def probe(client: Client, pages: dict[tuple[str, ...], str]) -> dict[str, object]:
    """What `--help` does not say, found out by running the client engine-free.

    * completion: the long options cobra's completion offers (see `completed_options`).
    * interspersed: `docker PATH OPERAND --help` prints help when options may follow an
      operand; when they may not (pflag's `SetInterspersed(false)`), `--help` is an operand
      and the command fails (it needs the engine, or rejects the operand).
    * hidden commands and options: a known one before `--help` prints help, an unknown one
      fails with "unknown command" / "unknown flag"; a deprecated one also prints "Flag --x
      has been deprecated, ..." on stderr.
    """
    interspersed = {}
    completed = {}
    for path, text in sorted(pages.items()):
        if not parse_help(text).is_group:
            interspersed[" ".join(path)], _ = client.prints_help(*path, PROBE_OPERAND, "--help")
        if path:
            completed[" ".join(path)] = client.completed_options(path)
    hidden_commands = {}
    for name in sorted(HIDDEN_COMMANDS):
        hidden_commands[name] = "exists" if tuple(name.split()) in pages else "absent"
    hidden_options: dict[str, dict[str, str]] = {}
    for (command, long), (type_word, _source) in sorted(HIDDEN_OPTIONS.items()):
        path = tuple(command.split())
        if path not in pages:
            continue
        value = (PROBE_VALUES.get(long) or PROBE_VALUES[type_word]) if type_word else None
        word = f"--{long}={value}" if value is not None else f"--{long}"
        printed, lines = client.prints_help(*path, word, "--help")
        unknown = f"unknown flag: --{long}"
        found = {"status": "exists" if printed else "absent" if unknown in lines else "error"}
        deprecated = f"Flag --{long} has been deprecated, "
        for line in lines:
            if line.startswith(deprecated):
                found["deprecated"] = line.removeprefix(deprecated)
        if found["status"] == "error":
            found["output"] = " / ".join(lines[:3])
        hidden_options[f"{command} --{long}"] = found
    return {
        "completion": completed,
        "interspersed": interspersed,
        "hidden_commands": hidden_commands,
        "hidden_options": hidden_options,
    }


def record(docker: str, out: Path) -> str:
    """Record DOCKER's pages and probes into OUT (replacing what is there); returns the version."""
    with tempfile.TemporaryDirectory(prefix="gen-surface-home-") as home:
        client = Client(docker, home)
        version, version_line = client.version()
        pages = dict(walk(client))
        if () not in pages:
            raise SystemExit(f"gen-surface: `{docker} --help` printed no usage")
        probes = probe(client, pages)
    if os.path.exists(CONFIG_DIR):
        raise SystemExit(f"gen-surface: docker created {CONFIG_DIR}; remove it and look at why")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    for path, text in pages.items():
        (out / page_name(path)).write_text(text)
    probes = {"client": version, "version_line": version_line, **probes}
    (out / PROBES_FILE).write_text(json.dumps(probes, indent=1, sort_keys=True) + "\n")
    print(f"gen-surface: {docker} ({version}): {len(pages)} pages in {out}", file=sys.stderr)
    return version
