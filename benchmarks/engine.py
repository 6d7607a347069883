"""The engine side of a benchmark run: what it creates (and removes), and the command lines and
helper scripts compared."""

from __future__ import annotations

import secrets
import shlex
import signal
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.common import BENCH_LABEL, IMAGE, RAW_TEMPLATE, checked, log

# -- the engine -----------------------------------------------------------------------------------


class Engine:
    """What this run creates, and its removal (by name and by this run's label)."""

    def __init__(self, docker: str) -> None:
        self.docker = docker
        self.run_id = secrets.token_hex(3)
        self.prefix = f"dwb-{self.run_id}"
        self.run_label = f"dockwrap.bench.run={self.run_id}"
        self.labels = [BENCH_LABEL, self.run_label]
        self.containers: list[str] = []
        self.networks: list[str] = []

    def cli(self, *args: str, timeout: float = 120) -> str:
        return checked([self.docker, *args], timeout=timeout)

    def label_args(self) -> list[str]:
        return [arg for label in self.labels for arg in ("--label", label)]

    def ensure_containers(self, count: int) -> None:
        """Own `sleep` containers up to `count` (started a few at a time)."""
        missing = [f"{self.prefix}-c{number}" for number in range(len(self.containers) + 1, count + 1)]
        if not missing:
            return
        log(f"starting {len(missing)} containers ({len(self.containers)} -> {count})")
        self.containers += missing  # entered before docker creates them: removed whatever happens

        def start(name: str) -> None:
            self.cli(
                "container",
                "run",
                "--detach",
                "--init",
                "--pull",
                "never",
                "--name",
                name,
                *self.label_args(),
                IMAGE,
                "sleep",
                "3600",
            )

        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(start, missing))

    def create_networks(self, count: int) -> list[str]:
        names = [f"{self.prefix}-net{number}" for number in range(1, count + 1)]
        for name in names:
            self.networks.append(name)
            self.cli("network", "create", *self.label_args(), name)
        return names

    def remove(self, name_prefix: str) -> None:
        """Remove the containers, then the networks, whose names start with `name_prefix`."""
        for kind, listing, template, force in (
            ("container", ["container", "ls", "--all"], "{{.Names}}", ["--force"]),
            ("network", ["network", "ls"], "{{.Name}}", []),
        ):
            found = subprocess.run(
                [self.docker, *listing, "--filter", f"name={name_prefix}", "--format", template],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.split()
            names = [name for name in found if name.startswith(name_prefix)]
            if names:
                subprocess.run([self.docker, kind, "rm", *force, *names], capture_output=True, timeout=120)

    def running_total(self) -> int:
        return len(self.cli("container", "ls", "--quiet").split())

    def cleanup(self) -> None:
        """Remove every container and network of this run: by name, then by label (the recipe's)."""
        saved = {s: signal.signal(s, signal.SIG_IGN) for s in (signal.SIGINT, signal.SIGTERM)}
        try:
            for selector in (f"label={self.run_label}", f"name={self.prefix}-"):
                ids = subprocess.run(
                    [self.docker, "container", "ls", "--all", "--quiet", "--filter", selector],
                    capture_output=True,
                    text=True,
                    timeout=60,
                ).stdout.split()
                if ids:
                    subprocess.run([self.docker, "container", "rm", "--force", *ids], capture_output=True, timeout=120)
            for selector in (f"label={self.run_label}", f"name={self.prefix}-"):
                nets = subprocess.run(
                    [self.docker, "network", "ls", "--quiet", "--filter", selector],
                    capture_output=True,
                    text=True,
                    timeout=60,
                ).stdout.split()
                if nets:
                    subprocess.run([self.docker, "network", "rm", *nets], capture_output=True, timeout=120)
            left = subprocess.run(
                [self.docker, "container", "ls", "--all", "--quiet", "--filter", f"label={self.run_label}"],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.split()
            left += subprocess.run(
                [self.docker, "network", "ls", "--quiet", "--filter", f"label={self.run_label}"],
                capture_output=True,
                text=True,
                timeout=60,
            ).stdout.split()
            if left:
                log(f"warning: could not remove {left}")
            else:
                log(f"removed everything of run {self.run_id}")
        finally:
            for s, handler in saved.items():
                signal.signal(s, handler)


# -- the commands compared ------------------------------------------------------------------------


class Programs:
    """The command lines and helper scripts of the comparisons (helper files in a temp folder)."""

    def __init__(self, engine: Engine, tmp: Path) -> None:
        from dockwrap.container.api import LS_TEMPLATE

        self.engine = engine
        self.tmp = tmp
        self.python = sys.executable
        script = Path(sys.executable).with_name("dockwrap")
        self.dockwrap = [str(script)] if script.exists() else [sys.executable, "-m", "dockwrap"]
        self.ls_template = LS_TEMPLATE
        # The floor: Python, click and sh imported, and the very docker call dockwrap makes.
        self.floor = tmp / "floor_ls.py"
        self.floor.write_text(
            "import sys\nimport click\nimport sh\n"
            "out = sh.Command('docker')('container', 'ls', *sys.argv[1:], "
            f"'--format', {LS_TEMPLATE!r}, _tty_out=False)\n"
            "sys.stdout.write(str(out))\n"
        )
        # For scale: the same without sh (subprocess instead); dockwrap runs docker through sh.
        self.floor_nosh = tmp / "floor_ls_subprocess.py"
        self.floor_nosh.write_text(
            "import subprocess\nimport sys\nimport click\n"
            f"argv = ['docker', 'container', 'ls', *sys.argv[1:], '--format', {LS_TEMPLATE!r}]\n"
            "sys.stdout.write(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)\n"
        )
        # python-on-whales: list, then read each container's name and state.
        self.pow_script = tmp / "pow_ls.py"
        self.pow_script.write_text(
            "import sys\nfrom python_on_whales import DockerClient\n"
            "docker = DockerClient(client_call=[sys.argv[1]])\n"
            "filters = {'label': sys.argv[2]} if len(sys.argv) > 2 else {}\n"
            "rows = [(c.name, c.state.status) for c in docker.container.list(filters=filters)]\n"
            "print(len(rows))\n"
        )
        # dockwrap's Python API doing the same.
        self.api_script = tmp / "dockwrap_api_ls.py"
        self.api_script.write_text(
            "import sys\nfrom dockwrap import Docker\n"
            "filters = ['label=' + sys.argv[2]] if len(sys.argv) > 2 else []\n"
            "rows = [(c.name, c.state) for c in Docker(binary=sys.argv[1]).container.ls(filters=filters)]\n"
            "print(len(rows))\n"
        )
        # Counts docker calls: one line per exec, then the real docker.
        self.count_log = tmp / "docker-calls.log"
        self.counter = tmp / "docker-counting"
        self.counter.write_text(
            "#!/bin/sh\n"
            f"printf '%s\\n' \"$*\" >> {shlex.quote(str(self.count_log))}\n"
            f'exec {shlex.quote(engine.docker)} "$@"\n'
        )
        self.counter.chmod(0o755)

    def ls(self, filters: Sequence[str]) -> dict[str, list[str]]:
        args = [arg for f in filters for arg in ("--filter", f)]
        return {
            "dockwrap": [*self.dockwrap, "container", "ls", "--json", *args],
            "floor": [self.python, str(self.floor), *args],
            "raw": [self.engine.docker, "container", "ls", *args, "--format", RAW_TEMPLATE],
            "nosh": [self.python, str(self.floor_nosh), *args],
        }

    def count_calls(self, argv: Sequence[str]) -> tuple[int, list[str]]:
        self.count_log.write_text("")
        checked(argv)
        calls = [line for line in self.count_log.read_text().splitlines() if line]
        return len(calls), calls
