#!/usr/bin/env python3
"""Validation speed: ``opendata check`` against ``frictionless validate``, same schema, one run.

Generates the PI-rich table of the PI benchmark (``pii_data``: 12 columns of synthetic Chinese PI)
with a Table Schema that makes both validators work on every cell: a primary key, ``unique``,
``required``, ``pattern`` on ID numbers, mobiles and bank cards, an e-mail format, a date with
bounds, ``maxLength``. The data is valid under it, so neither stops early at an error limit.

Contenders, each in its own process (imports excluded from the time):

- ``opendata-check``: ``opendata check --format json`` on ``--rows`` rows (1M by default) —
  validation *and* the PI scan, grading and verdict, i.e. more than frictionless does;
- ``opendata-check-small``: the same on the ``--frictionless-rows`` rows frictionless gets;
- ``frictionless``: ``frictionless.validate`` of the same resource on the first
  ``--frictionless-rows`` rows (50,000 by default; at its speed a million rows take about half a
  minute); its time is **scaled linearly** to ``--rows`` for the ratio (which charges its fixed
  start-up cost once per 50,000 rows: slightly in opendata's favour). ``--frictionless-rows`` equal
  to ``--rows`` measures it on the whole table instead, with no scaling.

Rounds are interleaved (``--repeat``) and each contender's median is reported, because this
machine's speed drifts. Results go to benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/validate_speed.py --rows 1000000 --frictionless-rows 50000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"

SCHEMA = {
    "fields": [
        {"name": "case_no", "constraints": {"required": True, "unique": True, "pattern": "GD2026[0-9]{8}"}},
        {"name": "id_number", "constraints": {"required": True, "pattern": "[0-9]{17}[0-9X]"}},
        {"name": "name", "constraints": {"required": True, "minLength": 2, "maxLength": 3}},
        {"name": "mobile", "constraints": {"pattern": "1[3-9][0-9]{9}"}},
        {"name": "landline"},
        {"name": "email", "format": "email"},
        {"name": "bank_card", "constraints": {"pattern": "[0-9]{19}"}},
        {"name": "address", "constraints": {"maxLength": 100}},
        {"name": "birth_date", "type": "date", "constraints": {"minimum": "1900-01-01", "maximum": "2026-12-31"}},
        {"name": "plate"},
        {"name": "ip"},
        {"name": "content", "constraints": {"required": True}},
    ],
    "primaryKey": ["case_no"],
}

OPENDATA = textwrap.dedent(f'''
    import json, sys, time, io, contextlib
    from opendata import cli
    out = io.StringIO()
    t, c = time.perf_counter(), time.process_time()
    with contextlib.redirect_stdout(out):
        code = cli.main(["check", sys.argv[1], "--format", "json"])
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    report = json.loads(out.getvalue())["validation"]["resources"][0]
    print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu, "code": code, "rows": report["rows"],
                      "errors": report["errorCount"], "peak_rss_mib": {PEAK}}}))
''')

FRICTIONLESS = textwrap.dedent(f'''
    import json, sys, time, warnings
    warnings.simplefilter("ignore")
    import frictionless
    descriptor = json.load(open(sys.argv[1] + "/datapackage.json", encoding="utf-8"))["resources"][0]
    t, c = time.perf_counter(), time.process_time()
    report = frictionless.validate(frictionless.Resource(descriptor, basepath=sys.argv[1]))
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    task = report.tasks[0]
    print(json.dumps({{"seconds": seconds, "cpu_seconds": cpu, "rows": task.stats["rows"],
                      "errors": len(task.errors), "peak_rss_mib": {PEAK}}}))
''')


def package(directory: Path, rows: int) -> Path:
    """The PI table of ``rows`` rows with :data:`SCHEMA`, as a package in ``directory``."""
    import pii_data

    pii_data.write(directory, rows)
    descriptor = json.loads((directory / "datapackage.json").read_text("utf-8"))
    descriptor["resources"][0]["schema"] = SCHEMA
    descriptor["resources"][0]["encoding"] = "utf-8"
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory


def run(script: str, directory: Path) -> dict:
    proc = subprocess.run([sys.executable, "-c", script, str(directory)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--frictionless-rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="opendata-validate-speed-", dir=args.workdir))
    try:
        big = package(work / "big", args.rows)
        small = big if args.frictionless_rows == args.rows else package(work / "small", args.frictionless_rows)
        size = (big / "hotline.csv").stat().st_size
        runs: dict[str, list[dict]] = {"opendata-check": [], "opendata-check-small": [], "frictionless": []}
        for round_number in range(args.repeat):
            runs["opendata-check"].append(run(OPENDATA, big))
            runs["opendata-check-small"].append(run(OPENDATA, small))
            runs["frictionless"].append(run(FRICTIONLESS, small))
            print(f"round {round_number + 1}: " + ", ".join(f"{k} {v[-1]['seconds']:.2f} s" for k, v in runs.items()),
                  file=sys.stderr)
        for name, results in runs.items():
            for r in results:
                if r["errors"]:
                    raise SystemExit(f"{name} found {r['errors']} errors: the data must be valid for a fair timing")
        median = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
        scaled = median["frictionless"] * args.rows / args.frictionless_rows
        summary = {
            "rows": args.rows, "file_mib": round(size / 2**20, 1), "frictionless_rows": args.frictionless_rows,
            "median_seconds": {k: round(v, 3) for k, v in median.items()},
            "runs_seconds": {k: [round(r["seconds"], 3) for r in v] for k, v in runs.items()},
            "cpu_seconds": {k: round(statistics.median(r["cpu_seconds"] for r in v), 3) for k, v in runs.items()},
            "peak_rss_mib": {k: round(max(r["peak_rss_mib"] for r in v)) for k, v in runs.items()},
            "rows_per_second": {
                "opendata-check": round(args.rows / median["opendata-check"]),
                "opendata-check-small": round(args.frictionless_rows / median["opendata-check-small"]),
                "frictionless": round(args.frictionless_rows / median["frictionless"]),
            },
            "frictionless_scaled_seconds": round(scaled, 1),
            "speedup_vs_scaled_frictionless": round(scaled / median["opendata-check"], 1),
            "speedup_same_rows": round(median["frictionless"] / median["opendata-check-small"], 1),
        }
        print(json.dumps(summary, indent=2))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
