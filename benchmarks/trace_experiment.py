"""Tracing experiment (issue 21): 50 recipients, leaks of every usual kind, who is named.

A restricted dataset of 2,000 synthetic people (ID number, name, mobile, district, amount) is
published 受限开放; 50 organisations apply and are granted (ID and name as per-recipient
pseudonyms, mobile masked, the rest as is); each extract is delivered, encrypted, and received.
Then, for every recipient, leaks are simulated — 1%, 10% and 100% of the rows, columns dropped
(down to the untreated columns alone, where only the canary rows can say who), rows re-sorted,
re-encoded in GBK, saved as Excel — and traced with the department's keys and
audit log only. For each kind of leak: how often the true recipient is named, how often nobody
is (the marks are too few), and how often an innocent recipient is named (must be never), with
the highest confidence any innocent grant reached.

    .venv/bin/python benchmarks/trace_experiment.py [--recipients 50] [--rows 2000]

Runs in a temporary $OPENDATA_HOME; nothing outside it is touched. About two minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


ALL = ["case_id", "id_number", "person", "phone", "district", "amount"]
#: (label, share of rows or fixed count, columns, re-sorted?, format)
SCENARIOS = [
    ("100% rows, all columns, CSV", 1.0, ALL, False, "csv"),
    ("10% rows, re-sorted, all columns", 0.10, ALL, True, "csv"),
    ("1% rows (20), all columns", 0.01, ALL, False, "csv"),
    ("1% rows, ID pseudonyms only", 0.01, ["id_number"], True, "csv"),
    ("1% rows, name pseudonyms + district", 0.01, ["person", "district"], True, "csv"),
    ("10% rows, re-sorted, GBK CSV", 0.10, ALL, True, "gbk"),
    ("10% rows, Excel (XLSX)", 0.10, ALL, False, "xlsx"),
    ("100% rows, Excel, masked phone only", 1.0, ["phone", "district"], True, "xlsx"),
    ("10% rows, masked phone only", 0.10, ["phone"], True, "csv"),
    ("5% rows (100), masked phone only", 100, ["phone"], True, "csv"),
    ("60 rows, masked phone only", 60, ["phone"], True, "csv"),
    ("40 rows, masked phone only", 40, ["phone"], True, "csv"),
    ("30 rows, masked phone only", 30, ["phone"], True, "csv"),
    ("1% rows, masked phone only", 0.01, ["phone"], True, "csv"),
    ("2 rows, all columns", 2, ALL, False, "csv"),
    ("1 row, all columns", 1, ALL, False, "csv"),
    ("100% rows, unmarked columns only", 1.0, ["case_id", "district", "amount"], True, "csv"),
    # untreated columns only: only the canary rows (10 in 2,000) can say who
    ("100% rows, untreated only, Excel", 1.0, ["case_id", "district", "amount"], True, "xlsx"),
    ("100% rows, untreated only, GBK", 1.0, ["case_id", "district", "amount"], True, "gbk"),
    ("100% rows, case id only", 1.0, ["case_id"], True, "csv"),
    ("100% rows, district + amount", 1.0, ["district", "amount"], True, "csv"),
    ("50% rows, untreated only", 0.5, ["case_id", "district", "amount"], True, "csv"),
    ("10% rows, untreated only", 0.10, ["case_id", "district", "amount"], True, "csv"),
    ("1% rows, untreated only", 0.01, ["case_id", "district", "amount"], True, "csv"),
    ("100% rows, untreated only, canaries removed", 1.0, ["case_id", "district", "amount"], True, "strip"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=50)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="trace-experiment-"))
    os.environ["OPENDATA_HOME"] = str(work / "home")
    import opendata.delivery as dl
    from delivery_data import deliver_to, publish_restricted, read_rows as _rows, write_leak as _write, write_source
    from opendata.delivery.trace import ALPHA
    from opendata.trust import keys

    keys.init_data_keys()
    keys.create_signing_key("实验审核员")
    source = write_source(work / "source", count=args.rows)
    publish_restricted(source, work / "published", work / "site", "实验审核员")
    extracts: dict[str, tuple[str, Path]] = {}
    started = time.perf_counter()
    for i in range(args.recipients):
        who = f"接收单位{i + 1:02d}"
        grant, plain = deliver_to(who, work / f"r{i:02d}", work / "site", source, "实验审核员")
        extracts[grant["id"]] = (who, plain / "data" / "recipients.csv")
    per_delivery = (time.perf_counter() - started) / args.recipients

    real = {r["case_id"] for r in _rows(source / "data.csv")}
    rng = random.Random(args.seed)
    tally: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    trace_times = []
    # Calibration: for an innocent grant P(G·p ≤ t) ≤ t/G, so over N innocent tests at most N·t/G
    # are expected at or below t; count them.
    levels = (0.1, 0.01, 0.001, 1e-6)
    innocent_tests = 0
    below = dict.fromkeys(levels, 0)
    for grant_id, (who, path) in extracts.items():
        rows = _rows(path)
        for label, share, columns, resort, how in SCENARIOS:
            count = share if isinstance(share, int) else max(1, round(len(rows) * share))
            leak = rng.sample(rows, count)
            if how == "strip":  # what two colluding recipients could do: keep only rows both have
                leak = [r for r in leak if r["case_id"] in real]
            if resort:
                leak.sort(key=lambda r: (r["district"], r["amount"]))
            file = _write(leak, columns, work / f"leak.{'xlsx' if how == 'xlsx' else 'csv'}", how)
            t0 = time.perf_counter()
            result = dl.trace(file, record=False)
            trace_times.append(time.perf_counter() - t0)
            named = [c.grant for c in result.named]
            t = tally[label]
            t["n"] += 1
            t["right"] += named == [grant_id]
            t["nobody"] += not named
            t["innocent"] += sum(1 for g in named if g != grant_id)
            grants_tested = len(result.candidates)
            for c in result.candidates:
                if c.grant != grant_id:
                    innocent_tests += 1
                    for level in levels:
                        below[level] += grants_tested * c.p_value <= level
            innocent = max((c.confidence for c in result.candidates if c.grant != grant_id), default=0.0)
            t["max_innocent"] = max(t["max_innocent"], innocent)
            true = next(c for c in result.candidates if c.grant == grant_id)
            t["min_true"] = min(t.get("min_true", 1.0), true.confidence)
            t["cells"] += result.tokens + result.masked
            t["canaries"] += true.canaries_found

    print(f"{args.recipients} recipients, {args.rows} rows, seed {args.seed}; alpha = {ALPHA:g}; "
          f"{per_delivery:.2f} s per apply+grant+deliver+receive; trace median "
          f"{sorted(trace_times)[len(trace_times) // 2]:.3f} s, max {max(trace_times):.3f} s "
          f"({len(trace_times)} traces, {args.recipients} grants tested each)\n")
    print("| leak | pseudonym + masked cells (mean) | canaries found (mean) | true recipient named | nobody named | "
          "innocent named | highest innocent confidence | lowest true confidence |")
    print("|---|---|---|---|---|---|---|---|")
    for label, *_ in SCENARIOS:
        t = tally[label]
        n = int(t["n"])
        print(f"| {label} | {t['cells'] / n:.0f} | {t['canaries'] / n:.1f} | {int(t['right'])}/{n} | "
              f"{int(t['nobody'])}/{n} | "
              f"{int(t['innocent'])} | {t['max_innocent']:.3g} | {t['min_true']:.6g} |")
    innocent_total = sum(int(t["innocent"]) for t in tally.values())
    print(f"\ninnocent recipients named in all {len(trace_times)} traces: {innocent_total}")
    print(f"\ncalibration over {innocent_tests} innocent grant tests (G = {args.recipients}):\n")
    print("| G·p at most | innocent tests | bound N·t/G |")
    print("|---|---|---|")
    for level in levels:
        print(f"| {level:g} | {below[level]} | {innocent_tests * level / args.recipients:.3g} |")
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 1 if innocent_total else 0


if __name__ == "__main__":
    sys.exit(main())
