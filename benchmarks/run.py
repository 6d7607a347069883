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

This module is the entry point (arguments, the run, the report); the rest lives beside it in the
`benchmarks` package: common.py (settings, rows, timed pairs), engine.py (what the run creates,
and the commands compared), cases.py (the benchmarks).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the `benchmarks` package is found from the repo


from benchmarks.cases import bench_calls, bench_ls, bench_parse, bench_pow, bench_recipe, bench_startup
from benchmarks.common import CHILD_ENV, IMAGE, BenchError, Interrupted, Report, Settings, child_env, log
from benchmarks.engine import Engine, Programs

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
