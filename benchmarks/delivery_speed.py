"""Delivery speed and memory (issue 21): one extract of N synthetic rows, through the CLI.

Builds a restricted dataset of N people (ID number, name, mobile, district, amount), publishes it,
applies and grants (ID and name as tagged pseudonyms, mobile masked with the recipient's marks),
then times ``opendata deliver`` (check, treat, re-scan, encrypt), ``opendata receive`` (decrypt,
verify) and ``opendata trace`` of the whole received file, each in its own process, with its peak
resident memory.

    .venv/bin/python benchmarks/delivery_speed.py [--rows 500000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


# VmHWM, not ru_maxrss: Linux carries the parent's peak over exec into the child's ru_maxrss.
_RUN = ("import re, sys\nfrom opendata.cli import main\ncode = main(sys.argv[1:])\n"
        "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
        "print('peak-rss-kib', hwm, file=sys.stderr)\nsys.exit(code)")


def timed(*args: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one CLI run in its own process."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{args[0]} failed: {done.stderr.strip()}")
    peak = next(int(line.split()[1]) for line in reversed(done.stderr.splitlines()) if line.startswith("peak-rss-kib"))
    return wall, peak / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="delivery-speed-"))
    os.environ["OPENDATA_HOME"] = str(work / "home")
    import opendata.delivery as dl
    from delivery_data import publish_restricted, write_source
    from opendata.trust import keys

    keys.init_data_keys()
    keys.create_signing_key("基准审核员")
    t0 = time.perf_counter()
    source = write_source(work / "source", count=args.rows)
    size = (source / "data.csv").stat().st_size
    publish_restricted(source, work / "published", work / "site", "基准审核员")
    prepared = time.perf_counter() - t0
    dl.create_recipient(work / "k")
    app = dl.apply("demo-subsidy-recipients", str(work / "site"), applicant="基准单位", contact="b@example.org",
                   purpose="基准", until=(dt.date.today() + dt.timedelta(days=30)).isoformat(),
                   recipient_key=work / "k" / "recipient.pub", out=work / "app.json")
    dl.grant(app, dl.review(app, treatments={"phone": "mask"}), reviewer="基准审核员", out=work / "grant.json")
    results = [("deliver", *timed("deliver", str(work / "grant.json"), str(source), "--out", str(work / "out")))]
    results.append(("receive", *timed("receive", str(work / "out"), "--key", str(work / "k" / "recipient.key"),
                                      "--out", str(work / "plain"))))
    results.append(("trace (whole file)", *timed("trace", str(work / "plain" / "data" / "recipients.csv"))))
    print(f"{args.rows:,} rows, {size / 2**20:.0f} MiB source CSV (prepared and published in {prepared:.0f} s)\n")
    print("| step | wall s | peak RSS MiB |")
    print("|---|---|---|")
    for name, wall, peak in results:
        print(f"| {name} | {wall:.1f} | {peak:.0f} |")
    import shutil

    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
