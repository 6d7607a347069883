"""What every benchmark shares: the settings, the rows of the report, and the timed processes
(alternating pairs, each timed from start until reaped). benchmarks/run.py is the entry point."""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
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
