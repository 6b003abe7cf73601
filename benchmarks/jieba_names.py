#!/usr/bin/env python3
"""What jieba's person-name tagging (``nr``) would add to the name detection in free text.

On the free-text columns of the blind corpus (benchmarks/blind_pii), for every labelled name inside a
cell: is it found by opendata's name spans, by jieba.posseg's ``nr`` words, or by neither; and how many
``nr`` words jieba tags that are not labelled names (false alarms), and what it costs per 1,000 cells.

    .venv/bin/python benchmarks/blind_pii/corpus.py --out build/blind-pii
    .venv/bin/python benchmarks/jieba_names.py --corpus build/blind-pii
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", default=str(ROOT / "build" / "blind-pii"))
    args = parser.parse_args()
    import jieba
    import jieba.posseg as posseg

    from opendata.pii.detectors import REGISTRY
    from opendata.pii.operators.base import python_pattern

    jieba.setLogLevel(60)
    spans = re.compile(python_pattern(REGISTRY["person_name"].span_pattern))
    truth = json.loads((Path(args.corpus) / "truth.json").read_text("utf-8"))["tables"]
    ours = theirs = both = neither = labelled = false_alarms = cells = 0
    seconds = 0.0
    for table, info in truth.items():
        path = next(Path(args.corpus).glob(f"{table}.csv"), None)
        if path is None:
            continue
        for candidate in ("utf-8-sig", "gb18030"):
            try:
                rows = list(csv.reader(path.open(encoding=candidate, newline="")))
                break
            except UnicodeDecodeError:
                continue
        header = rows[0]
        for column, spec in info["columns"].items():
            names = {int(r): [s for t, s in items if t == "person_name"] for r, items in spec.get("cells", {}).items()}
            if not any(names.values()):
                continue
            j = header.index(column)
            texts = [row[j] for row in rows[1:]]
            if sum(len(t) > 12 for t in texts) < 0.5 * max(1, sum(bool(t) for t in texts)):
                continue  # free text only: whole-cell name columns are not what jieba is for
            for r, text in enumerate(texts):
                if not text:
                    continue
                cells += 1
                found = {m.group(0) for m in spans.finditer(text)}
                started = time.perf_counter()
                tagged = {w.word for w in posseg.cut(text) if w.flag == "nr"}
                seconds += time.perf_counter() - started
                for name in names.get(r, []):
                    labelled += 1
                    a = any(name in f for f in found)
                    b = any(name == w or name in w or w in name and len(w) >= 2 for w in tagged)
                    ours += a and not b
                    theirs += b and not a
                    both += a and b
                    neither += not a and not b
                false_alarms += sum(1 for w in tagged if not any(w in n or n in w for n in names.get(r, [])))
    print(json.dumps({"cells": cells, "labelled_names": labelled, "found_by_both": both,
                      "only_opendata_spans": ours, "only_jieba_nr": theirs, "neither": neither,
                      "jieba_nr_not_a_labelled_name": false_alarms,
                      "jieba_ms_per_1000_cells": round(1000 * seconds / max(cells, 1) * 1000, 1)}, indent=2))


if __name__ == "__main__":
    main()
