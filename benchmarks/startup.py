"""Start-up time of the ``opendata`` command, measured like hyperfine: each command run N times as a
fresh process (after warm-up runs), wall-clock and CPU time per run, min / median / mean.

    .venv/bin/python benchmarks/startup.py [--runs 15] [--opendata .venv/bin/opendata]

Targets (issue 17): ``opendata --help`` under 0.3 s, a 1-row ``check`` under 1 s. On a shared
machine, wall-clock time includes waiting for a core; CPU time (user + system of the child) is what
the command itself costs, and the load average is printed so the two can be read together.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def measure(cmd: list[str], runs: int, warmup: int = 2) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for i in range(warmup + runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise RuntimeError(f"exit {done.returncode}")
        if i >= warmup:
            walls.append(wall)
            cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--opendata", default=str(Path(sys.executable).with_name("opendata")))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one-row.csv"
        one.write_text("序号,名称,金额\n1,示范项目,12.5\n", encoding="utf-8")
        package = Path(tmp) / "one-row-package"
        package.mkdir()
        (package / "data.csv").write_text("id,name,amount\n1,示范项目,12.5\n", encoding="utf-8")
        (package / "datapackage.json").write_text(json.dumps({
            "name": "one-row", "title": "一行", "opendata": {"grade": "L1"},
            "resources": [{"name": "data", "path": "data.csv", "schema": {"fields": [
                {"name": "id", "type": "integer"}, {"name": "name"}, {"name": "amount", "type": "number"}]}}]},
            ensure_ascii=False), encoding="utf-8")
        env_home = Path(tmp) / "home"
        os.environ["OPENDATA_HOME"] = str(env_home)  # check appends to the audit log: not the user's
        od = args.opendata
        cases = [("opendata --help", [od, "--help"]), ("opendata --version", [od, "--version"]),
                 ("opendata check <1-row csv>", [od, "check", str(one)]),
                 ("opendata check <1-row package>", [od, "check", str(package)]),
                 ("opendata scan <1-row csv>", [od, "scan", str(one)])]
        print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {args.runs} runs each")
        print("| command | wall min | wall median | wall mean | CPU median |")
        print("|---|---|---|---|---|")
        for label, cmd in cases:
            try:
                walls, cpus = measure(cmd, args.runs)
            except RuntimeError as exc:  # an older opendata without the option (--version)
                print(f"| `{label}` | n/a ({exc}) | | | |")
                continue
            print(f"| `{label}` | {min(walls):.3f} s | {statistics.median(walls):.3f} s | "
                  f"{statistics.mean(walls):.3f} s | {statistics.median(cpus):.3f} s |")
        print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
