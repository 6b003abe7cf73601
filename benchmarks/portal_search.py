#!/usr/bin/env python3
"""The portal's search with many datasets, in headless Chromium (Debian's chromium + chromium-driver).

Writes the front page, ``search-index.js`` and assets for ``--datasets`` synthetic catalogue entries
(tests/portal_data.py: Chinese titles, publishers, subjects, field titles), opens it from disk,
and measures in the page itself (``performance.now()``): the time from navigation to the first
drawn list, and per query the time to filter, sort, count, draw the page of results and redraw the
facet counts — what a person waits for after a keystroke. The result counts are checked against
the same query computed in Python. Also: the index file's size, raw and gzip-compressed.

    .venv/bin/python benchmarks/portal_search.py --datasets 5000
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

QUERIES = ["公交", "滨江区 医疗", "养老机构 年报", "第 4999 号", "经度", "不存在的词", "示范市", "统计"]

MEASURE = """
const q = document.getElementById('q');
const t0 = performance.now();
q.value = arguments[0];
q.dispatchEvent(new Event('input'));
const t1 = performance.now();
return [t1 - t0, document.getElementById('count').textContent];
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--datasets", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from browser import chromium
    from portal_data import expected_hits, synthetic_docs, write_portal

    docs = synthetic_docs(args.datasets)
    with tempfile.TemporaryDirectory() as tmp:
        page = write_portal(Path(tmp), docs)
        index = (Path(tmp) / "search-index.js").read_bytes()
        with chromium(1280, 900) as driver:
            loads = []
            for _ in range(args.repeat):
                driver.get(page.as_uri())
                loads.append(driver.execute_script(
                    "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime"))
            times: dict[str, list[float]] = {q: [] for q in QUERIES}
            for _ in range(args.repeat):
                for query in QUERIES:
                    elapsed, count = driver.execute_script(MEASURE, query)
                    expected = len(expected_hits(docs, query))
                    assert str(expected) in count, (query, count, expected)
                    times[query].append(elapsed)
    every = sorted(t for ts in times.values() for t in ts)
    print(f"{args.datasets} datasets: search-index.js {len(index) / 1024:.0f} KiB "
          f"({len(gzip.compress(index)) / 1024:.0f} KiB gzip); page load to list drawn: "
          f"median {statistics.median(loads):.0f} ms\n")
    print("| query | hits | median ms | max ms |")
    print("|---|---:|---:|---:|")
    for query, ts in times.items():
        print(f"| {query} | {len(expected_hits(docs, query))} | {statistics.median(ts):.1f} | {max(ts):.1f} |")
    print(f"| **all** ({len(every)}) | | {statistics.median(every):.1f} | {every[-1]:.1f} |")


if __name__ == "__main__":
    main()
