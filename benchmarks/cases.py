"""The benchmarks themselves, one function per family: `ls`, python-on-whales, start-up, docker
calls, the pingable-pair recipe, and parsing. Each adds its rows to the report."""

from __future__ import annotations

import configparser
import json
import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.common import (
    BENCH_DIR,
    POW_VENV,
    ROOT,
    BenchError,
    Report,
    Row,
    Settings,
    checked,
    log,
    paired,
    ratio_text,
)
from benchmarks.engine import Engine, Programs

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
