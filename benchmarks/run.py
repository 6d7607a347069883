#!/usr/bin/env python3
"""dockwrap benchmarks: whole-process timings against their floors, docker calls per operation,
and parsing cost, each with its target.

    .venv/bin/python benchmarks/run.py [--quick] [--no-pow] [--runs N] [--strict]   (or: make bench)

Method (as in shared/research/perf-baseline.md): every comparison runs its commands alternately
(A B A B ...), each timed from process start until it is reaped; a row shows the median of each
command and the median of the per-pair ratios A/B, with the interquartile range of those ratios.
Warm-up runs come first and are not counted. The Markdown table goes to stdout, progress to stderr.

What it creates on the engine carries the label `dockwrap.bench=1` plus `dockwrap.bench.run=RUN`
and a name starting `dwb-RUN-` (the pingable-pair recipe names its own two containers
`dw-pingable-pair-...`; they carry both labels). All of it is removed at the end, also on a failure,
Ctrl-C or SIGTERM. Nothing is pulled (`--pull never`, local busybox:latest), nothing is pruned.

python-on-whales runs from its own venv, `.venv-bench/`, made on first use with the requirement
of dockwrap's `bench` extra (setup.cfg); `--no-pow` skips it (no network install).

Exit status: 0 when everything ran (targets missed or not; timings depend on the machine),
1 with --strict when a target was missed, 2 when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import configparser
import json
import os
import platform
import re
import secrets
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "benchmarks"
POW_VENV = ROOT / ".venv-bench"
IMAGE = "busybox:latest"
BENCH_LABEL = "dockwrap.bench=1"
RAW_TEMPLATE = "{{json .}}"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class BenchError(Exception):
    """A benchmark could not run (not a missed target)."""


class Interrupted(BaseException):
    """SIGTERM, raised like KeyboardInterrupt so that the cleanup in `finally` runs."""


# -- settings -------------------------------------------------------------------------------------


@dataclass
class Settings:
    quick: bool
    pow: bool
    strict: bool
    counts: tuple[int, ...]  # own containers for the `ls` rows
    pow_count: int  # own containers for the python-on-whales rows
    runs: int  # pairs per process comparison
    startup_runs: int
    recipe_runs: int
    parse_runs: int
    warmup: int

    @classmethod
    def make(cls, args: argparse.Namespace) -> Settings:
        if args.quick:
            s = cls(
                quick=True,
                pow=not args.no_pow,
                strict=args.strict,
                counts=(0, 5),
                pow_count=5,
                runs=3,
                startup_runs=5,
                recipe_runs=2,
                parse_runs=5,
                warmup=1,
            )
        else:
            s = cls(
                quick=False,
                pow=not args.no_pow,
                strict=args.strict,
                counts=(0, 20, 50),
                pow_count=50,
                runs=15,
                startup_runs=20,
                recipe_runs=12,
                parse_runs=7,
                warmup=2,
            )
        if args.runs:
            s.runs = s.startup_runs = s.recipe_runs = args.runs
        return s


# -- results --------------------------------------------------------------------------------------


@dataclass
class Row:
    number: str
    what: str
    measured: str
    baseline: str = ""
    ratio: str = ""
    target: str = ""
    ok: bool | None = None  # None: informational

    @property
    def result(self) -> str:
        return "" if self.ok is None else ("PASS" if self.ok else "MISS")


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    packages: list[str] = field(default_factory=list)
    loads: list[float] = field(default_factory=list)
    engine_running: list[int] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        log(f"{row.number} {row.what}: {row.measured} | {row.baseline} | {row.ratio} | {row.target} {row.result}")


@dataclass
class Pairs:
    """Alternating timings: one list of wall times (and CPU times) per command."""

    labels: list[str]
    wall: dict[str, list[float]]
    cpu: dict[str, list[float]]

    def median(self, label: str) -> float:
        return statistics.median(self.wall[label])

    def ratios(self, a: str, b: str) -> list[float]:
        return [x / y for x, y in zip(self.wall[a], self.wall[b], strict=True)]


def ratio_text(ratios: Sequence[float]) -> str:
    if len(ratios) >= 4:
        q = statistics.quantiles(ratios, n=4)
        return f"{statistics.median(ratios):.2f} ({q[0]:.2f}–{q[2]:.2f})"
    return f"{statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f})"


# -- processes ------------------------------------------------------------------------------------


#: the environment of every measured process (set in main): Python may cache bytecode, as an
#: installed package has it, but in a temporary folder rather than the work tree
CHILD_ENV: dict[str, str] = dict(os.environ)


def child_env(pycache: Path) -> dict[str, str]:
    """With PYTHONDONTWRITEBYTECODE=1 (set on some of our machines), an editable install compiles
    every dockwrap module from source at each start: 30-40 ms that no installed copy pays."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    for name in ("DOCKWRAP_EXPLAIN", "DOCKWRAP_DOCKER", "DOCKWRAP_TIMEOUT", "DOCKWRAP_DEBUG"):
        env.pop(name, None)
    return env


def timed(argv: Sequence[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one process, from start until reaped; its stdout is discarded, its
    stderr kept (in a file, so that it can never block) for the error when it fails."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, env=env or CHILD_ENV
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace").strip()[-1500:]
            raise BenchError(f"exit {proc.returncode}: {shlex.join(argv)}" + (f"\n{message}" if message else ""))
    return wall, usage.ru_utime + usage.ru_stime


def checked(argv: Sequence[str], env: dict[str, str] | None = None, timeout: float = 120) -> str:
    """Run once, output captured; a failure is a BenchError naming the command."""
    done = subprocess.run(
        argv, capture_output=True, text=True, env=env or CHILD_ENV, timeout=timeout, stdin=subprocess.DEVNULL
    )
    if done.returncode != 0:
        raise BenchError(f"exit {done.returncode}: {shlex.join(argv)}\n{done.stderr.strip()[-2000:]}")
    return done.stdout


def paired(
    commands: dict[str, Sequence[str]],
    runs: int,
    warmup: int,
    envs: dict[str, dict[str, str]] | None = None,
    tolerate: int = 0,
    failures: list[str] | None = None,
    after_failure: Callable[[], None] | None = None,
) -> Pairs:
    """Run the commands alternately (A B C A B C ...): `warmup` rounds first, uncounted.

    :param envs: another environment than CHILD_ENV for some of the commands
    :param tolerate: how many failed runs to accept (the round is dropped and run again, and the
        failure appended to `failures`); one more is a BenchError
    :param after_failure: called after a failed run, before the round is run again
    """
    labels = list(commands)
    wall: dict[str, list[float]] = {label: [] for label in labels}
    cpu: dict[str, list[float]] = {label: [] for label in labels}
    rounds = failed = 0
    while rounds < warmup + runs:
        results = {}
        try:
            for label in labels:
                results[label] = timed(commands[label], (envs or {}).get(label))
        except BenchError as exc:
            failed += 1
            if failed > tolerate:
                raise
            log(f"a run failed, its round is dropped and run again: {exc}")
            if failures is not None:
                failures.append(str(exc).splitlines()[0] + " / " + str(exc).splitlines()[-1])
            if after_failure is not None:
                after_failure()
            continue
        if rounds >= warmup:
            for label, (w, c) in results.items():
                wall[label].append(w)
                cpu[label].append(c)
        rounds += 1
    return Pairs(labels, wall, cpu)


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


# -- the benchmarks -------------------------------------------------------------------------------


def sample_environment(report: Report, engine: Engine) -> None:
    report.loads.append(os.getloadavg()[0])
    report.engine_running.append(engine.running_total())


def bench_ls(s: Settings, engine: Engine, programs: Programs, report: Report) -> None:
    for count in s.counts:
        engine.ensure_containers(count)
        for filtered in (True, False):
            sample_environment(report, engine)
            filters = [engine.run_label] if filtered else []
            filters = [f"label={f}" for f in filters]
            commands = programs.ls(filters)
            rows = json.loads(checked(commands["dockwrap"]))
            if filtered and len(rows) != count:
                raise BenchError(f"dockwrap listed {len(rows)} of {count} own containers")
            scope = f"{count} own, filtered" if filtered else f"{count} own, unfiltered ({len(rows)} running)"
            log(f"ls: {scope}")
            pairs = paired(commands, s.runs, s.warmup)
            a = pairs.median("dockwrap")
            floor_ratios = pairs.ratios("dockwrap", "floor")
            raw_ratios = pairs.ratios("dockwrap", "raw")
            report.add(
                Row(
                    "1",
                    f"`container ls --json`, {scope}: vs floor (python+click+sh, same call)",
                    f"{a:.3f} s",
                    f"{pairs.median('floor'):.3f} s",
                    ratio_text(floor_ratios),
                    "≤ 1.15×",
                    statistics.median(floor_ratios) <= 1.15,
                )
            )
            report.add(
                Row(
                    "1",
                    f"`container ls --json`, {scope}: vs raw `docker container ls --format '{{{{json .}}}}'`",
                    f"{a:.3f} s",
                    f"{pairs.median('raw'):.3f} s",
                    ratio_text(raw_ratios),
                    "≤ 8×",
                    statistics.median(raw_ratios) <= 8,
                )
            )
            if filtered:
                r = pairs.ratios("floor", "raw")
                report.add(
                    Row(
                        "1",
                        f"(info) the floor itself vs raw docker, {scope}",
                        f"{pairs.median('floor'):.3f} s",
                        f"{pairs.median('raw'):.3f} s",
                        ratio_text(r),
                        "",
                        None,
                    )
                )
                r = pairs.ratios("nosh", "raw")
                report.add(
                    Row(
                        "1",
                        f"(info) python + click + `subprocess.run` (no sh), same call, vs raw docker, {scope}",
                        f"{pairs.median('nosh'):.3f} s",
                        f"{pairs.median('raw'):.3f} s",
                        ratio_text(r),
                        "",
                        None,
                    )
                )
            sample_environment(report, engine)


def ensure_pow(report: Report) -> Path:
    """python-on-whales in its own venv (.venv-bench), with the requirement of the `bench` extra."""
    python = POW_VENV / "bin" / "python"
    probe = [
        str(python),
        "-c",
        "import python_on_whales, importlib.metadata as m; print(m.version('python-on-whales'))",
    ]
    if python.exists():
        done = subprocess.run(probe, capture_output=True, text=True)
        if done.returncode == 0:
            report.packages.append(f"python-on-whales {done.stdout.strip()} (in .venv-bench)")
            return python
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    requirements = config.get("options.extras_require", "bench", fallback="python-on-whales").split()
    log(f"installing {' '.join(requirements)} into {POW_VENV.name}/ (pip)")
    if not python.exists():
        checked([sys.executable, "-m", "venv", str(POW_VENV)], timeout=300)
    checked([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *requirements], timeout=600)
    version = checked(probe).strip()
    report.packages.append(f"python-on-whales {version} (installed into .venv-bench)")
    return python


def bench_pow(s: Settings, engine: Engine, programs: Programs, report: Report) -> None:
    pow_python = ensure_pow(report)
    engine.ensure_containers(s.pow_count)
    sample_environment(report, engine)
    label = engine.run_label
    commands = {
        "dockwrap": [*programs.dockwrap, "container", "ls", "--json", "--filter", f"label={label}"],
        "api": [programs.python, str(programs.api_script), engine.docker, label],
        "pow": [str(pow_python), str(programs.pow_script), engine.docker, label],
    }
    listed = int(checked(commands["pow"]).strip())
    if listed != s.pow_count:
        raise BenchError(f"python-on-whales listed {listed} of {s.pow_count} own containers")
    log(f"python-on-whales: {s.pow_count} own containers, list + name + state")
    pairs = paired(commands, s.runs, s.warmup)
    pow_median = f"{pairs.median('pow'):.3f} s"
    r = pairs.ratios("dockwrap", "pow")
    # The target is set at 50 containers; with fewer (--quick) python-on-whales' 1+N calls weigh less.
    at_50 = s.pow_count >= 50
    report.add(
        Row(
            "2",
            f"`container ls --json` vs python-on-whales list + name + state, {s.pow_count} own, filtered",
            f"{pairs.median('dockwrap'):.3f} s",
            pow_median,
            ratio_text(r),
            "≤ 0.3×" if at_50 else "(≤ 0.3× at 50)",
            statistics.median(r) <= 0.3 if at_50 else None,
        )
    )
    r = pairs.ratios("api", "pow")
    report.add(
        Row(
            "2",
            f"(info) the same with dockwrap's Python API (`Docker().container.ls`), {s.pow_count} own",
            f"{pairs.median('api'):.3f} s",
            pow_median,
            ratio_text(r),
            "",
            None,
        )
    )
    calls, _ = programs.count_calls([str(pow_python), str(programs.pow_script), str(programs.counter), label])
    report.add(
        Row(
            "4",
            f"(info) docker calls: python-on-whales list + name + state of {s.pow_count}",
            f"{calls} calls",
            "",
            "",
            "",
            None,
        )
    )
    sample_environment(report, engine)


def bench_startup(s: Settings, engine: Engine, programs: Programs, report: Report) -> None:
    sample_environment(report, engine)
    commands = {
        "python": [programs.python, "-c", "pass"],
        "--help": [*programs.dockwrap, "--help"],
        "--version": [*programs.dockwrap, "--version"],
        "--dry-run container ls": [*programs.dockwrap, "--dry-run", "container", "ls"],
    }
    # This shell's own environment, where it forbids bytecode caching: an editable install then
    # compiles dockwrap from source at every start.
    envs = {}
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        commands["as-is --version"] = [*programs.dockwrap, "--version"]
        envs["as-is --version"] = dict(os.environ)
    log("start-up: --help, --version, --dry-run against python -c pass")
    pairs = paired(commands, s.startup_runs, s.warmup, envs=envs)
    for label in list(commands)[1:4]:
        r = pairs.ratios(label, "python")
        report.add(
            Row(
                "3",
                f"`dockwrap {label}` vs `python -c pass`",
                f"{pairs.median(label):.3f} s",
                f"{pairs.median('python'):.3f} s",
                ratio_text(r),
                "≤ 5×",
                statistics.median(r) <= 5,
            )
        )
    if "as-is --version" in commands:
        r = pairs.ratios("as-is --version", "python")
        report.add(
            Row(
                "3",
                "(info) `dockwrap --version` under this shell's PYTHONDONTWRITEBYTECODE=1 (editable install: "
                "dockwrap compiled at each start)",
                f"{pairs.median('as-is --version'):.3f} s",
                f"{pairs.median('python'):.3f} s",
                ratio_text(r),
                "",
                None,
            )
        )
    sample_environment(report, engine)


def recipe_args(engine: Engine, network: str) -> list[str]:
    labels = [arg for label in engine.labels for arg in ("--label", label)]
    return ["recipe", "pingable-pair", "--count", "1", *labels, "--network", network]


def bench_calls(s: Settings, engine: Engine, programs: Programs, report: Report) -> None:
    sample_environment(report, engine)
    engine.ensure_containers(max(s.counts[-1], 2))
    names = engine.containers
    networks = engine.create_networks(3)
    dw = [*programs.dockwrap, "--docker", str(programs.counter)]
    cases = [
        ("`container ls`", [*dw, "container", "ls", "--json"], 1),
        (f"`container inspect` of {len(names)} names", [*dw, "container", "inspect", "--json", *names], 1),
        (f"`network inspect` of {len(networks)} networks", [*dw, "network", "inspect", "--json", *networks], 1),
        ("`recipe pingable-pair -c 1`", [*dw, *recipe_args(engine, f"{engine.prefix}-ppcount"), "--json"], 6),
    ]
    for what, argv, limit in cases:
        calls, lines = programs.count_calls(argv)
        log(f"calls of {what}: " + "; ".join(line[:80] for line in lines))
        report.add(
            Row(
                "4",
                f"docker calls: {what}",
                f"{calls} call{'s' if calls != 1 else ''}",
                "",
                "",
                f"{'=' if limit == 1 else '≤'} {limit}",
                calls <= limit,
            )
        )


def bench_recipe(s: Settings, engine: Engine, programs: Programs, report: Report) -> None:
    sample_environment(report, engine)
    script_text = checked([*programs.dockwrap, "--dry-run", *recipe_args(engine, f"{engine.prefix}-ppbash")])
    # The script uses the names dockwrap chose for one run; give them this run's prefix.
    run = re.search(r"\(run ([0-9a-f]+)\)", script_text)
    if run is None:
        raise BenchError("the --dry-run script does not name its run")
    script_text = script_text.replace(f"dw-pingable-pair-{run.group(1)}-", f"{engine.prefix}-pp-")
    script = programs.tmp / "pingable_pair.sh"
    script.write_text(script_text)
    calls = sum(1 for line in script_text.splitlines() if line.startswith("docker "))
    commands = {
        "dockwrap": [*programs.dockwrap, *recipe_args(engine, f"{engine.prefix}-ppdw")],
        "bash": ["bash", str(script)],
    }
    log(f"pingable-pair -c 1: dockwrap against the sequential bash script ({calls} docker calls)")
    # A single ping right after the containers start is occasionally lost: the recipe (and the
    # script, under set -e) then exits 1. Such a round is dropped and run again, and counted.
    failures: list[str] = []
    # The script stops at the failed call (set -e) before its cleanup: remove what it left.
    pairs = paired(
        commands,
        s.recipe_runs,
        1,
        tolerate=max(3, s.recipe_runs // 3),
        failures=failures,
        after_failure=lambda: engine.remove(f"{engine.prefix}-pp"),
    )
    if failures:
        report.notes.append(f"recipe rounds dropped after a failed run: {len(failures)} ({'; '.join(failures)})")
    r = pairs.ratios("dockwrap", "bash")
    report.add(
        Row(
            "5",
            "`recipe pingable-pair -c 1` vs its `--dry-run` bash script (sequential)",
            f"{pairs.median('dockwrap'):.3f} s",
            f"{pairs.median('bash'):.3f} s",
            ratio_text(r),
            "≤ 1.0×",
            statistics.median(r) <= 1.0,
        )
    )
    cpu = [a / b for a, b in zip(pairs.cpu["dockwrap"], pairs.cpu["bash"], strict=True)]
    report.add(
        Row(
            "5",
            "(info) the same, CPU time (user + system of the process and its children)",
            f"{statistics.median(pairs.cpu['dockwrap']):.3f} s",
            f"{statistics.median(pairs.cpu['bash']):.3f} s",
            ratio_text(cpu),
            "",
            None,
        )
    )
    sample_environment(report, engine)


def bench_parse(s: Settings, report: Report) -> None:
    """10,000 `container ls` lines to records, in-process (benchmarks/parse_ls.py's input)."""
    sys.path.insert(0, str(BENCH_DIR))
    try:
        import parse_ls
    finally:
        sys.path.remove(str(BENCH_DIR))
    rows = 10_000
    log(f"parsing {rows} container ls lines")
    text = parse_ls.build_output(parse_ls.recorded_lines("container-ls.txt"), rows)
    ms = parse_ls.median_ms(text, s.parse_runs)
    report.add(
        Row(
            "6",
            f"{rows:,} `container ls` lines → records (in-process, median of {s.parse_runs})",
            f"{ms:.1f} ms",
            "",
            "",
            "≤ 120 ms",
            ms <= 120,
        )
    )
    ms = parse_ls.median_ms(text, s.parse_runs, read_all=True)
    report.add(
        Row(
            "6",
            "(info) the same, then every field of every record read (ports and labels load on first read)",
            f"{ms:.1f} ms",
            "",
            "",
            "",
            None,
        )
    )
    size_text = parse_ls.build_output(parse_ls.recorded_lines("container-ls-size.txt"), rows)
    ms = parse_ls.median_ms(size_text, s.parse_runs)
    report.add(Row("6", "(info) the same, `{{json .}}` lines of `ls --size`", f"{ms:.1f} ms", "", "", "", None))


# -- output ---------------------------------------------------------------------------------------


def versions(engine: Engine) -> dict[str, str]:
    from importlib.metadata import version

    info: dict[str, str] = {}
    try:
        v = json.loads(engine.cli("version", "--format", "{{json .}}"))
        info["docker"] = (
            f"client {v['Client']['Version']} (API {v['Client']['ApiVersion']}), "
            f"engine {(v.get('Server') or {}).get('Version')}"
        )
    except (BenchError, ValueError, KeyError):
        info["docker"] = "unknown"
    info["python"] = f"{platform.python_implementation()} {platform.python_version()}"
    info["packages"] = ", ".join(f"{name} {version(name)}" for name in ("dockwrap", "click", "sh", "tabulate"))
    return info


def machine() -> str:
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {memory} RAM, {platform.system()} {platform.release()}"


def markdown(report: Report, s: Settings, info: dict[str, str], seconds: float) -> str:
    out = [f"## dockwrap benchmarks ({'quick' if s.quick else 'full'} run, {time.strftime('%Y-%m-%d %H:%M')})", ""]
    loads = report.loads or [os.getloadavg()[0]]
    running = report.engine_running or [0]
    out += [
        f"* machine: {machine()}",
        f"* docker: {info['docker']}",
        f"* python: {info['python']}; {info['packages']}" + "".join(f", {n}" for n in report.packages),
        f"* load average (1 min) sampled during the run: {min(loads):.2f}–{max(loads):.2f}; "
        f"running containers on the engine (all users): {min(running)}–{max(running)}",
        f"* pairs per comparison: {s.runs} (start-up {s.startup_runs}, recipe {s.recipe_runs}) after {s.warmup} "
        f"warm-up round(s); took {seconds:.0f} s",
        *[f"* note: {note}" for note in report.notes],
        "",
        "| # | measurement: A vs B | A median | B median | A/B per pair: median (IQR) | target | result |",
        "|---|---|---:|---:|---:|---|---|",
    ]
    for row in report.rows:
        out.append(
            f"| {row.number} | {row.what} | {row.measured} | {row.baseline} "
            f"| {row.ratio} | {row.target} | {row.result} |"
        )
    missed = [row for row in report.rows if row.ok is False]
    passed = [row for row in report.rows if row.ok]
    out += ["", f"{len(passed)} targets met, {len(missed)} missed."]
    return "\n".join(out) + "\n"


# -- main -----------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="dockwrap benchmarks (Markdown table on stdout)")
    parser.add_argument("--quick", action="store_true", help="few runs, small N (CI smoke: under 2 minutes)")
    parser.add_argument("--no-pow", action="store_true", help="skip python-on-whales (no install into .venv-bench)")
    parser.add_argument("--runs", type=int, help="pairs per comparison (overrides the mode's numbers)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    s = Settings.make(args)

    docker = shutil.which("docker")
    if docker is None:
        print("benchmarks: no docker CLI on PATH", file=sys.stderr)
        return 2
    try:
        subprocess.run([docker, "image", "inspect", IMAGE], check=True, capture_output=True, timeout=60)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        print(f"benchmarks: no engine answers, or no local {IMAGE} (start one with scripts/engine up)", file=sys.stderr)
        return 2

    def on_sigterm(signum: int, frame: object) -> None:
        raise Interrupted()

    signal.signal(signal.SIGTERM, on_sigterm)
    started = time.perf_counter()
    engine = Engine(docker)
    report = Report()
    tmp = Path(tempfile.mkdtemp(prefix="dwb-"))
    CHILD_ENV.clear()
    CHILD_ENV.update(child_env(tmp / "pycache"))
    log(f"run {engine.run_id}: {'quick' if s.quick else 'full'} mode, helper files in {tmp}")
    try:
        info = versions(engine)
        programs = Programs(engine, tmp)
        bench_startup(s, engine, programs, report)
        bench_parse(s, report)
        bench_ls(s, engine, programs, report)
        if s.pow:
            bench_pow(s, engine, programs, report)
        bench_calls(s, engine, programs, report)
        bench_recipe(s, engine, programs, report)
    except BenchError as exc:
        print(f"benchmarks: could not run: {exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Interrupted):
        print("benchmarks: interrupted", file=sys.stderr)
        return 130
    finally:
        engine.cleanup()
        shutil.rmtree(tmp, ignore_errors=True)
    sys.stdout.write(markdown(report, s, info, time.perf_counter() - started))
    if s.strict and any(row.ok is False for row in report.rows):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
