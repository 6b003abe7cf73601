#!/usr/bin/env python3
"""PI scan + redaction throughput and memory, side by side with Presidio and a bare pyarrow read+write.

One run, one generated file (``--rows`` rows x 12 columns of synthetic Chinese PI: ID numbers,
names, mobiles, landlines, e-mail, bank cards, dwelling addresses, birth dates, plates, IPs and a
free-text column with phone numbers inside), and these contenders, each in its own process so its
peak RSS is its own:

- ``bare``: ``pyarrow.csv.read_csv`` (default options) + ``write_csv`` of the same file;
- ``bare-jemalloc``: the same with Arrow's jemalloc pool, which the ``opendata`` CLI uses;
- ``bare-streaming``: pyarrow's streaming reader, all columns as strings, streamed to a CSV writer;
- ``opendata-scan``: ``opendata scan`` — every detector on every column, check digits included;
- ``opendata-redact``: ``opendata redact`` — validation, scan, treatment of every PI field and of
  the phones inside the text, the CSV write and the re-scan of the output;
- ``presidio``: Presidio's ``PatternRecognizer`` with the same patterns (one recognizer per type,
  all run on every cell, detection only, no check digits), on the first ``--presidio-rows`` rows.

    .venv/bin/python benchmarks/pii_speed.py                    # Presidio from this environment
    .venv/bin/python benchmarks/pii_speed.py --presidio-python /path/to/venv/bin/python

Presidio is optional (``pip install -e '.[bench]'``). Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

# Peak RSS from the kernel's per-process high-water mark (VmHWM resets at exec; getrusage's
# ru_maxrss would carry the parent's peak across fork).
PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1]) / 1024"

CHILD = textwrap.dedent('''
    import json, sys, time
    from pathlib import Path
    mode, source, out, extra = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    if mode in ("bare", "bare-streaming"):
        import pyarrow as pa, pyarrow.csv as c
    else:
        import csv, itertools
        from presidio_analyzer import Pattern, PatternRecognizer
    started, cpu = time.perf_counter(), time.process_time()  # imports are not timed, for any contender
    rows = None
    if mode == "bare":
        table = c.read_csv(source)
        c.write_csv(table, out)
        rows = table.num_rows
    elif mode == "bare-streaming":
        names = open(source, encoding="utf-8").readline().strip().split(",")
        reader = c.open_csv(source, convert_options=c.ConvertOptions(column_types={n: pa.string() for n in names}))
        rows = 0
        with open(out, "wb") as handle:
            writer = None
            for batch in reader:
                writer = writer or c.CSVWriter(handle, batch.schema)
                writer.write_batch(batch)
                rows += batch.num_rows
            writer.close()
    elif mode == "presidio":
        patterns = json.loads(Path(extra).read_text(encoding="utf-8"))  # a file: the patterns outgrow an argument
        recognizers = [PatternRecognizer(supported_entity=t.upper(), patterns=[Pattern(t, p, 0.5)])
                       for t, p in patterns.items()]
        limit = int(out)
        rows = found = 0
        with open(source, encoding="utf-8", newline="") as handle:
            for row in itertools.islice(csv.DictReader(handle), limit):
                for cell in row.values():
                    for recognizer in recognizers:
                        found += len(recognizer.analyze(cell, entities=recognizer.supported_entities))
                rows += 1
    else:
        raise SystemExit("unknown mode " + mode)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(json.dumps({"mode": mode, "rows": rows, "seconds": seconds, "cpu_seconds": cpu, "peak_rss_mib": PEAK_EXPR}))
''').replace("PEAK_EXPR", PEAK)


def run_child(python: str, mode: str, source: Path, out: str, extra: str = "", pool: str | None = None) -> dict:
    env = dict(os.environ, ARROW_DEFAULT_MEMORY_POOL=pool) if pool else None
    proc = subprocess.run([python, "-c", CHILD, mode, str(source), out, extra], capture_output=True, text=True,
                          env=env)
    if proc.returncode != 0:
        raise SystemExit(f"{mode} failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if pool:
        result["mode"] += f"-{pool}"
    return result


def run_opendata(verb: list[str], rows: int) -> dict:
    """Time an ``opendata`` command (its ``main``, imports excluded) in a child process.

    ``main()`` reads its arguments from ``sys.argv`` as the installed command does: given them as
    a list, it takes itself for a caller's library call and leaves pyarrow's first-use import of
    pandas in place (0.3-0.5 s the command never pays; ``opendata.cli.runtime``)."""
    wrapper = ("import json, sys, time\nfrom opendata import cli\nt, c = time.perf_counter(), time.process_time()\n"
               "code = cli.main()\n"
               "print(json.dumps({'seconds': time.perf_counter() - t, 'cpu_seconds': time.process_time() - c, "
               f"'code': code, 'peak_rss_mib': {PEAK}}}), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", wrapper, *verb], capture_output=True, text=True)
    result = json.loads(proc.stderr.strip().splitlines()[-1])
    if result["code"] not in (0, None):
        raise SystemExit(f"opendata {' '.join(verb)} failed:\n{proc.stderr[-3000:]}")
    return {"mode": "opendata-" + verb[0], "rows": rows, "seconds": result["seconds"],
            "cpu_seconds": result["cpu_seconds"], "peak_rss_mib": result["peak_rss_mib"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--presidio-rows", type=int, default=20_000)
    parser.add_argument("--presidio-python", default=sys.executable)
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the median is reported")
    parser.add_argument("--workdir", default=str(ROOT / "benchmarks" / "work" / "pii-speed"))
    parser.add_argument("--text-repeat", type=int, default=1,
                        help="make the free-text column this many times longer (wide rows: memory)")
    args = parser.parse_args()

    import pii_data
    from opendata.pii.detectors import REGISTRY
    from opendata.pii.operators.base import python_pattern

    work = Path(args.workdir)
    shutil.rmtree(work, ignore_errors=True)
    source = pii_data.write(work / "in", args.rows, text_repeat=args.text_repeat)
    size = source.stat().st_size
    os.environ.setdefault("OPENDATA_HOME", str(work / "home"))
    subprocess.run([str(Path(sys.executable).with_name("opendata")), "keys", "init"], check=True, capture_output=True)

    def redact_run() -> dict:
        shutil.rmtree(work / "out", ignore_errors=True)
        return run_opendata(["redact", str(work / "in"), "--out", str(work / "out"), "--format", "json"], args.rows)

    contenders = {
        "bare": lambda: run_child(sys.executable, "bare", source, str(work / "bare.csv")),
        # The CLI runs with Arrow's jemalloc pool (opendata.cli._tune_allocators); the bare read+write
        # gains from it too, so it is measured both ways and the faster is the yardstick.
        "bare-jemalloc": lambda: run_child(sys.executable, "bare", source, str(work / "bare.csv"), pool="jemalloc"),
        "bare-streaming": lambda: run_child(sys.executable, "bare-streaming", source, str(work / "bare2.csv")),
        "opendata-scan": lambda: run_opendata(["scan", str(work / "in"), "--format", "json"], args.rows),
        "opendata-redact": redact_run,
    }
    # Rounds of every contender in turn, so that a machine that slows down or speeds up during the
    # run weighs on all of them alike; the median run of each is reported.
    runs: dict[str, list[dict]] = {name: [] for name in contenders}
    for _ in range(args.repeat):
        for name, run in contenders.items():
            runs[name].append(run())
    results = []
    for name, done in runs.items():
        ordered = sorted(done, key=lambda r: r["seconds"])
        chosen = dict(ordered[len(ordered) // 2])
        chosen["all_seconds"] = [round(r["seconds"], 2) for r in done]
        results.append(chosen)
    patterns = {t: python_pattern(d.span_pattern or d.cell_pattern) for t, d in REGISTRY.items()}
    try:
        patterns_file = work / "patterns.json"
        patterns_file.write_text(json.dumps(patterns), encoding="utf-8")
        results.append(run_child(args.presidio_python, "presidio", source, str(args.presidio_rows), str(patterns_file)))
    except SystemExit as exc:
        print(f"presidio not measured ({str(exc).splitlines()[0]}); pip install -e '.[bench]'", file=sys.stderr)

    by_mode = {r["mode"]: r for r in results}
    for r in results:
        r["rows_per_s"] = int(r["rows"] / r["seconds"])
    redact = by_mode["opendata-redact"]
    fastest = min(("bare", "bare-jemalloc"), key=lambda m: by_mode[m]["seconds"])
    summary = {
        "rows": args.rows, "file_mib": round(size / 1024**2, 1), "cpu_count": os.cpu_count(),
        "redact_vs_bare": round(redact["seconds"] / by_mode["bare"]["seconds"], 2),
        "redact_vs_bare_jemalloc": round(redact["seconds"] / by_mode["bare-jemalloc"]["seconds"], 2),
        # The same ratio round by round: each redaction against the faster bare run of its round.
        "redact_vs_fastest_bare_by_round": [
            round(r["seconds"] / min(b["seconds"], j["seconds"]), 2)
            for b, j, r in zip(runs["bare"], runs["bare-jemalloc"], runs["opendata-redact"])],
        "yardstick": fastest,
        "redact_vs_bare_streaming": round(redact["seconds"] / by_mode["bare-streaming"]["seconds"], 2),
    }
    if "presidio" in by_mode:
        summary["redact_vs_presidio_throughput"] = round(redact["rows_per_s"] / by_mode["presidio"]["rows_per_s"], 1)
        summary["scan_vs_presidio_throughput"] = round(by_mode["opendata-scan"]["rows_per_s"]
                                                       / by_mode["presidio"]["rows_per_s"], 1)
    print(f"{'contender':18} {'rows':>10} {'seconds':>8} {'CPU s':>7} {'rows/s':>10} {'peak RSS MiB':>13}  runs (s)")
    for r in results:
        print(f"{r['mode']:18} {r['rows']:>10,} {r['seconds']:>8.2f} {r['cpu_seconds']:>7.2f} {r['rows_per_s']:>10,} "
              f"{r['peak_rss_mib']:>13.0f}  {r.get('all_seconds', '')}")
    print(json.dumps(summary, indent=2))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
