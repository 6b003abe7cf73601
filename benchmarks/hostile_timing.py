"""Bounded work on hostile cells: each case is a CSV built to make the scanners backtrack or to make
the per-cell Python paths run long; ``redact`` runs on it in a subprocess with a time limit, and the
wall time (or TIMEOUT) is printed. Run from a worktree:

    PYTHONPATH=$PWD python benchmarks/hostile_timing.py [--limit 300] [--only NAME] [--declare-none | --mask-all]

Synthetic data only. Times depend on the machine and its load; the point is that none is TIMEOUT
and that each grows about linearly with the input. A cell longer than the name search reads
(``LONG_CELL``) is refused (exit 1) unless its field is declared: ``--declare-none`` writes a
descriptor declaring ``备注`` ``pii: none`` (every other detector and the last line still read it),
``--mask-all`` passes ``--mask-all 备注``.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MB = 1 << 20


def _cases(r: random.Random) -> dict[str, list[list[str]]]:
    han = "".join(r.choice("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘伟芳娜敏静丽强磊军洋")
                  for _ in range(4 * MB // 3))
    cues = "来电人" * (MB // 3)
    addresses = "浙江省杭州市西湖区" + "某某村某某组某某号" * (MB // 9)
    digits_seps = "".join(r.choice("0123456789") + r.choice(" -./") for _ in range(MB // 2))
    id_like = "3 3 0 8 0 2 1 9 5 7 0 5 2 8 0 7 1 " * (MB // 36)
    zero_width = "".join(r.choice("0123456789") + "\u200b" for _ in range(MB // 2))
    dotted = "阿不都·" * (MB // 4)
    brackets = "（" * (MB // 2) + "张伟"
    many_zw = [f"备注\u200b{i}号，电话{r.randint(10**10, 10**11 - 1)}" for i in range(200_000)]
    return {
        "han_run_4mb": [[han]],
        "cue_words_1mb": [[cues]],
        "address_units_1mb": [[addresses]],
        "digits_and_separators_1mb": [[digits_seps]],
        "spaced_digits_1mb": [[id_like]],
        "zero_width_digits_1mb": [[zero_width]],
        "minority_dots_1mb": [[dotted]],
        "open_brackets_1mb": [[brackets]],
        "200k_distinct_zero_width_cells": [[c] for c in many_zw],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=300, help="seconds per case before TIMEOUT")
    parser.add_argument("--only")
    parser.add_argument("--declare-none", action="store_true", help="declare 备注 pii: none in a descriptor")
    parser.add_argument("--mask-all", action="store_true", help="redact with --mask-all 备注")
    args = parser.parse_args()
    cases = _cases(random.Random(1))
    root = Path(tempfile.mkdtemp(prefix="hostile-timing-"))
    for name, rows in cases.items():
        if args.only and name != args.only:
            continue
        source = root / f"{name}.csv"
        with source.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["序号", "备注"])
            writer.writerows([str(i), *row] for i, row in enumerate(rows))
        size = source.stat().st_size / MB
        target = source
        if args.declare_none:
            target = root / f"{name}.json"
            target.write_text(json.dumps({"name": name.replace("_", "-"), "resources": [{
                "name": "data", "path": source.name, "schema": {"fields": [
                    {"name": "序号"}, {"name": "备注", "opendata": {"pii": "none"}}]}}]}, ensure_ascii=False),
                encoding="utf-8")
        extra = ["--mask-all", "备注"] if args.mask_all else []
        start = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-P", "-m", "opendata", "-q", "redact", str(target), *extra,
                                   "--out", str(root / f"{name}-out")], capture_output=True, text=True,
                                  timeout=args.limit)
            outcome = f"exit {done.returncode}"
        except subprocess.TimeoutExpired:
            outcome = "TIMEOUT"
        print(f"{name:34s} {size:6.1f} MB  {time.perf_counter() - start:7.1f} s  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
