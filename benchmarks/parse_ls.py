#!/usr/bin/env python3
"""How long `parse_container_ls` takes for 10,000 rows of recorded `docker container ls` output.

    .venv/bin/python benchmarks/parse_ls.py [--rows N] [--runs N] [--limit MS]

The rows repeat the recorded fixture lines of every client (tests/fixtures/docker/*/container-ls.txt,
the per-field template dockwrap uses by default), each with its own ID. Prints the median of several
runs in milliseconds and exits 1 when it is over the limit (120 ms). Not part of the test suite:
timings depend on the machine.

A Container builds its ports and labels on first read (parsing only checks the ports text), so
the benchmark also prints the time when every field of every record is read, for callers that
print or dump them all.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dockwrap.container.records import Container, parse_container_ls  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "docker"


def recorded_lines(name: str) -> list[str]:
    lines = [line for path in sorted(FIXTURES.glob(f"*/{name}")) for line in path.read_text().splitlines() if line]
    if not lines:
        sys.exit(f"no recorded {name} under {FIXTURES}: run tests/fixtures/record.sh")
    return lines


def build_output(lines: list[str], rows: int) -> str:
    out = []
    for number in range(rows):
        line = lines[number % len(lines)]
        old_id = json.loads(line)["ID"]
        # a distinct 12-hex ID per row, so nothing can be cached across rows
        out.append(line.replace(f'"ID":"{old_id}"', f'"ID":"{number:012x}"', 1))
    return "\n".join(out) + "\n"


def read_every_field(rows: list[Container]) -> None:
    names = [f.name for f in dataclasses.fields(Container)]
    for row in rows:
        for name in names:
            getattr(row, name)


def median_ms(text: str, runs: int, read_all: bool = False) -> float:
    timings = []
    for _ in range(runs):
        gc.collect()  # each run starts without the previous run's garbage to collect
        start = time.perf_counter()
        rows = parse_container_ls(text)
        if read_all:
            read_every_field(rows)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--limit", type=float, default=120.0, help="milliseconds (default 120)")
    args = parser.parse_args()

    text = build_output(recorded_lines("container-ls.txt"), args.rows)
    rows = parse_container_ls(text)
    assert len(rows) == args.rows and len({row.id for row in rows}) == args.rows
    template_ms = median_ms(text, args.runs)
    read_all_ms = median_ms(text, args.runs, read_all=True)
    size_ms = median_ms(build_output(recorded_lines("container-ls-size.txt"), args.rows), args.runs)
    print(
        f"parse_container_ls, {args.rows} rows, median of {args.runs} runs: {template_ms:.1f} ms "
        f"(per-field template); {read_all_ms:.1f} ms with every field read; "
        f"{size_ms:.1f} ms with --size ({{{{json .}}}}); limit {args.limit:g} ms"
    )
    if template_ms > args.limit:
        print(f"too slow: {template_ms:.1f} ms > {args.limit:g} ms", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
