#!/usr/bin/env python3
"""Load test of ``datastore_search`` in ``opendata serve`` on a 1M-row dataset, on loopback only.

Builds (once, cached under ``build/bench-api``) a synthetic dataset of ``--rows`` rows — district,
category, date, a value and a count, no personal information — taken through the real flow
(redact, approve with a test key, publish into a local catalogue), starts ``opendata serve`` on
127.0.0.1, and sends ``datastore_search`` requests from ``--clients`` keep-alive connections
until ``--requests`` are done or ``--seconds`` have passed, whichever comes first. The query mix
is what a portal's data explorer sends:

- ``page``: the table in file order at a random offset (limit 100);
- ``filter``: ``filters`` on one district (limit 100, with the total);
- ``sort``: sorted by value, descending, at a random offset below 10,000;
- ``q``: a substring searched in every text column (limit 20, with the total).

Prints requests/s and latency percentiles per kind and overall, as a Markdown table for
benchmarks/RESULTS.md. The client runs on the same two cores as the server.

    .venv/bin/python benchmarks/api_load.py --rows 1000000 --requests 2000 --seconds 60 --clients 8
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DISTRICTS = ["上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区",
             "桐庐县", "淳安县", "建德市"]
CATEGORIES = ["餐饮", "零售", "住宿", "交通", "教育", "医疗", "文化", "体育", "金融", "物流"]


def build(directory: Path, rows: int) -> Path:
    """A published local catalogue holding one ``rows``-row dataset; its path."""
    site = directory / f"site-{rows}"
    if (site / "datasets" / "bench-api" / "package.json").is_file():
        return site
    os.environ["OPENDATA_HOME"] = str(directory / "home")
    import opendata as od
    from opendata.trust import keys

    if not (directory / "home").exists():
        keys.init_data_keys()
        keys.create_signing_key("压测审核员")
    source = directory / f"src-{rows}"
    (source / "data").mkdir(parents=True, exist_ok=True)
    rng = random.Random(19)
    with open(source / "data" / "records.csv", "w", encoding="utf-8") as out:
        out.write("record_id,district,category,day,value,count\n")
        for i in range(rows):
            out.write(f"R{i:08d},{rng.choice(DISTRICTS)},{rng.choice(CATEGORIES)},"
                      f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},{rng.uniform(0, 1000):.2f},{rng.randint(0, 500)}\n")
    fields = [{"name": "record_id", "title": "记录编号", "opendata": {"pii": "none"}},
              {"name": "district", "title": "区县", "opendata": {"pii": "none"}},
              {"name": "category", "title": "类别", "opendata": {"pii": "none"}},
              {"name": "day", "title": "日期", "type": "date"},
              {"name": "value", "title": "金额", "type": "number"},
              {"name": "count", "title": "数量", "type": "integer"}]
    descriptor = {"name": "bench-api", "title": "压测数据（合成）", "licenses": [{"name": "CC-BY-4.0"}],
                  "opendata": {"publisher": "demo-data", "subject": "finance", "frequency": "daily", "grade": "L1",
                               "openness": "unconditional"},
                  "resources": [{"name": "records", "path": "data/records.csv", "schema": {"fields": fields}}]}
    (source / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    out_dir = directory / f"approved-{rows}"
    import shutil

    shutil.rmtree(out_dir, ignore_errors=True)
    redacted, _ = od.redact(od.load(source), out_dir)
    od.approve(redacted, od.check(redacted), reviewer="压测审核员")
    od.publish(od.load(out_dir), od.LocalCatalog(site))
    return site


def start(site: Path, port: int) -> tuple[subprocess.Popen, int]:
    script = os.path.join(os.path.dirname(sys.executable), "opendata")
    proc = subprocess.Popen([script, "--lang", "en", "serve", str(site), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        proc.kill()
        raise SystemExit(f"server did not start: {line}{proc.stderr.read()}")
    return proc, int(match.group(1))


def call(conn: http.client.HTTPConnection, params: dict, *, strict: bool = True) -> dict | int:
    """The result, or (``strict=False``) the HTTP status of a refused call (409: the time limit)."""
    conn.request("POST", "/api/3/action/datastore_search", body=json.dumps(params),
                 headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    body = json.loads(response.read())
    if response.status != 200:
        if not strict:
            return response.status
        raise RuntimeError(f"{response.status}: {body}")
    return body["result"]


def queries(rid: str, rng: random.Random, kinds: list[str] = ("page", "filter", "sort", "q")):
    while True:
        kind = rng.choice(kinds)
        if kind == "page":
            yield kind, {"resource_id": rid, "limit": 100, "offset": rng.randrange(0, 990_000)}
        elif kind == "filter":
            yield kind, {"resource_id": rid, "limit": 100, "filters": {"district": rng.choice(DISTRICTS)}}
        elif kind == "sort":
            yield kind, {"resource_id": rid, "limit": 100, "offset": rng.randrange(0, 10_000), "sort": "value desc"}
        else:
            yield kind, {"resource_id": rid, "limit": 20, "q": rng.choice(["R0001", "滨江", "餐饮", "R00099"])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=2000, help="stop after this many requests")
    parser.add_argument("--seconds", type=float, default=60, help="stop after this long")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--mix", default="page,filter,sort,q", help="the query kinds sent, comma-separated")
    parser.add_argument("--port", type=int, default=0, help="loopback port (0: any free one)")
    parser.add_argument("--dir", type=Path, default=ROOT / "build" / "bench-api")
    args = parser.parse_args()

    t0 = time.perf_counter()
    site = build(args.dir, args.rows)
    print(f"dataset ready in {time.perf_counter() - t0:.1f} s: {site}", file=sys.stderr)
    proc, port = start(site, args.port)
    try:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(100):
            try:
                conn.request("GET", "/api/3/action/package_show?id=bench-api")
                pkg = json.loads(conn.getresponse().read())["result"]
                break
            except ConnectionError:
                time.sleep(0.1)
        rid = next(r["id"] for r in pkg["resources"] if r.get("datastore_active") and r["format"] == "CSV")
        first = call(conn, {"resource_id": rid, "limit": 1})
        assert first["total"] == args.rows, first["total"]
        middle = call(conn, {"resource_id": rid, "limit": 100, "offset": args.rows // 2})
        assert [r["_id"] for r in middle["records"]] == list(range(args.rows // 2 + 1, args.rows // 2 + 101))
        assert middle["records"][0]["record_id"] == f"R{args.rows // 2:08d}"  # file order at any offset
        for _, (_, params) in zip(range(8), queries(rid, random.Random(0))):  # warm the footer cache and the pool
            call(conn, params)

        results: list[tuple[str, float]] = []
        refused: dict[int, int] = {}
        lock = threading.Lock()
        issued = [0]
        deadline = time.perf_counter() + args.seconds

        def client(seed: int) -> None:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for kind, params in queries(rid, random.Random(seed), args.mix.split(",")):
                with lock:
                    if issued[0] >= args.requests or time.perf_counter() > deadline:
                        return
                    issued[0] += 1
                start_t = time.perf_counter()
                outcome = call(connection, params, strict=False)
                with lock:
                    if isinstance(outcome, int):
                        refused[outcome] = refused.get(outcome, 0) + 1
                    results.append((kind, time.perf_counter() - start_t))

        load = os.getloadavg()[0]
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    def row(name: str, times: list[float], seconds: float) -> str:
        ms = sorted(t * 1000 for t in times)
        p = lambda q: ms[min(len(ms) - 1, int(round(q * (len(ms) - 1))))]  # noqa: E731
        return (f"| {name} | {len(ms)} | {len(ms) / seconds:.1f} | {statistics.median(ms):.1f} | {p(0.95):.1f} | "
                f"{p(0.99):.1f} | {ms[-1]:.1f} |")

    print(f"\n{len(results)} requests in {elapsed:.1f} s, {args.clients} clients, {args.rows:,} rows; "
          f"refused: {refused or 'none'}; load average before: {load:.1f}\n")
    print("| query | requests | req/s | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for kind in ("page", "filter", "sort", "q"):
        times = [t for k, t in results if k == kind]
        if times:
            print(row(kind, times, elapsed))
    print(row("**all**", [t for _, t in results], elapsed))


if __name__ == "__main__":
    main()
