"""How the Spark engine scales: ``check`` of a generated table written as parts, on one machine
and on Spark with 1 and 2 cores (each in a fresh process), with time, the driver's peak memory and
whether the report is the same.

    .venv/bin/python benchmarks/spark_scale.py --rows 1000000 --parts 8

Data: a register of ``--rows`` rows × 8 columns (ids with some repeated, mobile numbers, names,
districts and birth years as quasi-identifiers, ages with some out of range, free text with phone
numbers), as ``--parts`` CSV parts, with a primary key and a unique field. The driver's peak RSS
is the Python driver process's (VmHWM); in Spark's local mode the JVM beside it runs the
executors too, so its memory is reported apart (the JVM's own peak from /proc, as VmHWM).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲")
DISTRICTS = ["西湖区", "上城区", "拱墅区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区"]


def generate(directory: Path, rows: int, parts: int, seed: int = 20) -> None:
    rng = np.random.default_rng(seed)
    data = directory / "register"
    data.mkdir(parents=True, exist_ok=True)
    per = -(-rows // parts)
    for part in range(parts):
        start, n = part * per, min(per, rows - part * per)
        ids = np.arange(start + 1, start + n + 1)
        ids[::100_000] = 1  # a repeated id in every part
        phones = 13_800_000_000 + rng.integers(0, 99_999_999, n)
        names = np.char.add(np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)],
                            np.char.add(np.array(GIVEN)[rng.integers(0, len(GIVEN), n)],
                                        np.array(GIVEN)[rng.integers(0, len(GIVEN), n)]))
        ages = rng.integers(0, 100, n)
        ages[::50_000] = 300
        text = np.where(rng.random(n) < 0.2, np.char.add("市民来电反映噪声扰民，回电", phones.astype(str)), "已办结")
        table = pa.table({"编号": pa.array(ids.astype(str)), "姓名": pa.array(names), "手机": pa.array(phones.astype(str)),
                          "区县": pa.array(np.array(DISTRICTS)[rng.integers(0, len(DISTRICTS), n)]),
                          "出生年": pa.array((1940 + rng.integers(0, 70, n)).astype(str)),
                          "年龄": pa.array(ages.astype(str)), "流水号": pa.array((ids * 7 + 3).astype(str)),
                          "处理情况": pa.array(text)})
        pa_csv.write_csv(table, data / f"part-{part:05d}.csv")
    fields = [{"name": "编号", "type": "integer"}, {"name": "姓名"}, {"name": "手机"},
              {"name": "区县", "opendata": {"quasi_identifier": True}},
              {"name": "出生年", "opendata": {"quasi_identifier": True}},
              {"name": "年龄", "type": "integer", "constraints": {"maximum": 120}},
              {"name": "流水号", "constraints": {"unique": True}}, {"name": "处理情况"}]
    descriptor = {"name": "register", "title": "来电登记", "opendata": {"grade": "L2"},
                  "resources": [{"name": "register", "path": "register", "format": "csv",
                                 "schema": {"fields": fields, "primaryKey": "编号"}}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _jvm_peak(stop: threading.Event, found: dict) -> None:
    """The peak VmHWM of the JVM children of this process (Spark's driver JVM in local mode)."""
    me = os.getpid()
    while not stop.is_set():
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            if f"PPid:\t{me}\n" in status and "java" in Path(f"/proc/{pid}/comm").read_text(errors="ignore"):
                hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0)
                found["jvm"] = max(found.get("jvm", 0), hwm)
        stop.wait(0.5)


def _own_peak_kib() -> int:
    """This process's peak RSS (VmHWM: unlike ``ru_maxrss``, not inherited from the parent across exec)."""
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))


def run_one(mode: str, package_dir: Path) -> dict:
    """One measurement, in this process: ``local`` or a Spark master."""
    import opendata as od

    package = od.load(package_dir)
    found: dict = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_jvm_peak, args=(stop, found), daemon=True)
    watcher.start()
    startup = 0.0
    if mode == "local":
        start = time.perf_counter()
        report = od.check(package)
    else:
        os.environ["OPENDATA_SPARK_MASTER"] = mode
        from opendata.engines import spark as ods

        begin = time.perf_counter()
        session = ods.session()
        session.range(1).count()  # the JVM and a first job: start-up, timed apart
        startup = time.perf_counter() - begin
        start = time.perf_counter()
        report = ods.check(package, spark=session)
    seconds = time.perf_counter() - start
    stop.set()
    watcher.join()
    digest = hashlib.sha256(report.to_json("en").encode()).hexdigest()[:12]
    return {"mode": mode, "seconds": round(seconds, 1), "startup": round(startup, 1),
            "driver_rss_mib": _own_peak_kib() // 1024,
            "jvm_mib": found.get("jvm", 0) // 1024, "rows": report.validation.resources[0].rows,
            "errors": report.validation.error_count, "report": digest}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--out", default="build/spark-scale")
    parser.add_argument("--modes", default="local,local[1],local[2]")
    parser.add_argument("--run", help=argparse.SUPPRESS)
    args = parser.parse_args()
    directory = Path(args.out) / f"{args.rows}-{args.parts}"
    if args.run:
        print(json.dumps(run_one(args.run, directory)))
        return
    if not (directory / "datapackage.json").is_file():
        began = time.perf_counter()
        generate(directory, args.rows, args.parts)
        print(f"generated {args.rows:,} rows in {args.parts} parts in {time.perf_counter() - began:.1f} s",
              file=sys.stderr)
    print(f"load average before: {os.getloadavg()}", file=sys.stderr)
    results = []
    for mode in args.modes.split(","):
        done = subprocess.run([sys.executable, __file__, "--rows", str(args.rows), "--parts", str(args.parts),
                               "--out", args.out, "--run", mode], capture_output=True, text=True)
        if done.returncode:
            (Path(args.out) / f"failed-{mode}.log").write_text(done.stderr, encoding="utf-8")  # the whole of it
            print(done.stderr[-3000:], file=sys.stderr)
            raise SystemExit(done.returncode)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), file=sys.stderr)
    print(f"load average after: {os.getloadavg()}", file=sys.stderr)
    print("| engine | check s | start-up s | driver peak RSS | JVM peak | rows | errors | report |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['mode']} | {r['seconds']} | {r['startup']} | {r['driver_rss_mib']} MiB | "
              f"{r['jvm_mib'] or '-'} MiB | {r['rows']:,} | {r['errors']:,} | {r['report']} |")


if __name__ == "__main__":
    main()
