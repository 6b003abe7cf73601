#!/usr/bin/env python3
"""`opendata check` time against the number of columns (issue 15: linear, not quadratic).

Generates, for each requested width, a package of ROWS rows × COLUMNS string columns (small
integers as cells, so the time is per-column overhead, not data), runs `opendata check` on it in a
child process and prints wall time and the child's peak RSS. Doubling the width should about
double the time.

    .venv/bin/python benchmarks/wide_check.py --columns 25000 50000 100000

Results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make(directory: Path, columns: int, rows: int) -> Path:
    directory.mkdir(parents=True)
    names = [f"c{i}" for i in range(columns)]
    with open(directory / "data.csv", "w", encoding="utf-8") as out:
        out.write(",".join(names) + "\n")
        for r in range(rows):
            out.write(",".join(str((r + 1) * i % 997) for i in range(columns)) + "\n")
    descriptor = {"name": "wide", "title": "Wide", "opendata": {"grade": "L1"},
                  "resources": [{"name": "data", "path": "data.csv",
                                 "schema": {"fields": [{"name": n, "type": "string"} for n in names]}}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return directory


def run(directory: Path, home: Path) -> tuple[float, int, int]:
    """Wall seconds, exit code and peak RSS (KiB) of `opendata check` on ``directory``."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "opendata.cli", "check", str(directory)],
                          env=dict(os.environ, OPENDATA_HOME=str(home)), stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    return elapsed, done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, nargs="+", default=[25_000, 50_000, 100_000])
    parser.add_argument("--rows", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="opendata-wide-") as tmp:
        base = Path(tmp)
        print(f"{'columns':>8} {'rows':>5} {'exit':>4} {'seconds':>8} {'s/1k cols':>9} {'peak RSS MiB':>12}")
        for columns in args.columns:
            directory = make(base / f"w{columns}", columns, args.rows)
            elapsed, code, peak = run(directory, base / "home")
            print(f"{columns:>8} {args.rows:>5} {code:>4} {elapsed:>8.2f} {elapsed / columns * 1000:>9.3f} "
                  f"{peak / 1024:>12.0f}")


if __name__ == "__main__":
    main()
