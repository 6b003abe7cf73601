#!/usr/bin/env python3
"""Peak memory of validating a large CSV: `opendata check` on a generated file of SIZE_GB.

Generates a weather-observation CSV (the example schema: 20-digit primary key, datetime, numbers
with range constraints) of the requested size, then runs `opendata check --format json` on it in a
child process and reads the child's peak RSS from the kernel (getrusage RUSAGE_CHILDREN).

    .venv/bin/python benchmarks/validate_memory.py --size-gb 2

Target (issue #2): peak RSS under 1 GB for a 2 GB file. Results go to benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

ROOT = Path(__file__).resolve().parent.parent
ROWS_PER_CHUNK = 500_000


def chunk(start: int, rng: np.random.Generator) -> pa.Table:
    n = ROWS_PER_CHUNK
    index = np.arange(start, start + n)
    serial = pa.array(np.char.add("2026", np.char.zfill(index.astype(str), 16)))  # 20 digits, unique
    stamp = (np.datetime64("2020-01-01T00:00:00") + index.astype("timedelta64[h]")).astype(str)
    return pa.table({
        "record_id": serial,
        "station_id": pa.array(np.full(n, "58457")),
        "station_name": pa.array(np.full(n, "示范市国家基本气象站")),
        "observed_at": pa.array(stamp),
        "temperature": pa.array(np.round(rng.normal(17, 8, n), 1).astype(str)),
        "humidity": pa.array(rng.integers(20, 100, n).astype(str)),
        "precipitation": pa.array(np.round(np.abs(rng.normal(0, 1, n)), 1).astype(str)),
        "wind_speed": pa.array(np.round(np.abs(rng.normal(2.5, 1.5, n)), 1).astype(str)),
        "wind_direction": pa.array(rng.integers(0, 360, n).astype(str)),
    })


def generate(directory: Path, size_bytes: int) -> int:
    directory.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(7)
    path = directory / "observations.csv"
    rows = 0
    with open(path, "wb") as handle:
        first = True
        while handle.tell() < size_bytes:
            table = chunk(rows, rng)
            pa_csv.write_csv(table, handle, write_options=pa_csv.WriteOptions(include_header=first,
                                                                               quoting_style="none"))
            first = False
            rows += table.num_rows
    schema = json.loads((ROOT / "schemas/weather-observations.json").read_text("utf-8"))
    descriptor = {"name": "benchmark-weather", "resources": [
        {"name": "observations", "path": "observations.csv", "schema": schema}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), "utf-8")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-gb", type=float, default=2.0)
    parser.add_argument("--workdir", default=str(ROOT / "benchmarks" / "work"))
    parser.add_argument("--keep", action="store_true", help="keep the generated file")
    args = parser.parse_args()

    workdir = Path(args.workdir) / "validate-memory"
    started = time.perf_counter()
    rows = generate(workdir, int(args.size_gb * 1024**3))
    size = (workdir / "observations.csv").stat().st_size
    print(f"generated {size / 1024**3:.2f} GiB, {rows:,} rows in {time.perf_counter() - started:.0f} s", flush=True)

    # The child reports its own peak (VmHWM resets at exec; getrusage's ru_maxrss would carry this
    # process's peak from generating the file across the fork).
    wrapper = ("import sys\nfrom opendata import cli\ncode = cli.main(sys.argv[1:])\n"
               "peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]\n"
               "print('VmHWM', peak, file=sys.stderr)\nsys.exit(code)")
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", wrapper, "check", str(workdir), "--format", "json"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    peak_kib = int(next(line for line in proc.stderr.splitlines() if line.startswith("VmHWM")).split()[1])
    report = json.loads(proc.stdout) if proc.stdout.strip().startswith("{") else {}
    result = {
        "file_gib": round(size / 1024**3, 2),
        "rows": rows,
        "exit_code": proc.returncode,
        "publishable": report.get("publishable"),
        "seconds": round(elapsed, 1),
        "rows_per_s": int(rows / elapsed),
        "mib_per_s": round(size / 1024**2 / elapsed, 1),
        "peak_rss_mib": round(peak_kib / 1024, 1),
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    if proc.returncode != 0:
        print(proc.stderr[-2000:], file=sys.stderr)
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0 if proc.returncode == 0 and peak_kib < 1024 * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
