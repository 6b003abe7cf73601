#!/usr/bin/env python3
"""The script a department schedules (cron) to check, redact and publish its folder of datasets.

    # crontab: every night at 02:30
    30 2 * * *  cd /srv/opendata && .venv/bin/python scripts/scheduled_publish.py /data/exports \\
                    --catalog https://data.example.gov.cn --work /srv/opendata/work >> /var/log/opendata-cron.log 2>&1

For every dataset directory in SOURCE (each with a datapackage.json):

1. ``check`` it (the report is logged; a blocked dataset stops here, the others go on);
2. ``redact`` it into WORK/incoming/<name>;
3. if a reviewer already approved the same data (WORK/approved/<name>: same data files, same
   descriptor), keep that approved package; otherwise move the new one to WORK/pending/<name>, where
   it waits for ``opendata approve WORK/pending/<name> --reviewer …`` — approved packages are moved
   to WORK/approved on the next run;
4. ``publish`` every approved package to the catalogue (the gate checks each again).

It logs one line per step with a timestamp (no cell values: names, counts and decisions only) and
exits 0 when everything is published and current, 1 when something waits for approval or was
blocked, 2 on a usage or input error. Secrets come from the environment (OPENDATA_CKAN_API_KEY).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import opendata as od  # noqa: E402
from opendata.trust.approval import APPROVAL  # noqa: E402
from opendata.trust.snapshot import covered_files  # noqa: E402
from opendata.catalogs import open_catalog  # noqa: E402
from opendata.errors import OpendataError  # noqa: E402


def log(message: str) -> None:
    print(f"{dt.datetime.now().isoformat(timespec='seconds')} {message}", flush=True)


def fingerprint(directory: Path) -> dict:
    """What must be unchanged for an approval to still apply: data files and the descriptor
    (without the redaction's own timestamp)."""
    files = {p: h for p, h in covered_files(directory).items() if p != "datapackage.json"}
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    descriptor.get("opendata", {}).get("redaction", {}).pop("time", None)
    return {"files": files, "descriptor": descriptor}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="folder of dataset directories")
    parser.add_argument("--catalog", required=True, help="CKAN URL, name in opendata.toml, or local directory")
    parser.add_argument("--work", default=str(ROOT / "build" / "scheduled"))
    args = parser.parse_args()

    work = Path(args.work)
    for sub in ("incoming", "pending", "approved"):
        (work / sub).mkdir(parents=True, exist_ok=True)
    status = 0
    try:
        catalog = open_catalog(args.catalog)
    except OpendataError as exc:
        log(f"error: {exc.render('en')}")
        return 2
    # Packages a reviewer has approved since the last run move from pending/ to approved/.
    for pending in sorted((work / "pending").iterdir()):
        if (pending / APPROVAL).is_file():
            shutil.rmtree(work / "approved" / pending.name, ignore_errors=True)
            pending.rename(work / "approved" / pending.name)
            log(f"{pending.name}: approved by a reviewer, ready to publish")

    for source in sorted(p for p in Path(args.source).iterdir() if (p / "datapackage.json").is_file()):
        name = source.name
        try:
            report = od.check(od.load(source))
            if not report.valid:
                log(f"{name}: blocked at check ({report.problem_count} problems) — run opendata check {source}")
                status = 1
                continue
            incoming = work / "incoming" / name
            shutil.rmtree(incoming, ignore_errors=True)
            od.redact(od.load(source), incoming)
            approved = work / "approved" / name
            if approved.is_dir() and fingerprint(approved) == fingerprint(incoming):
                shutil.rmtree(incoming)
                log(f"{name}: unchanged since its approval")
                continue
            shutil.rmtree(work / "pending" / name, ignore_errors=True)
            incoming.rename(work / "pending" / name)
            log(f"{name}: new data redacted, waiting for approval: opendata approve {work / 'pending' / name}")
            status = 1
        except OpendataError as exc:
            log(f"{name}: blocked: {exc.render('en')}")
            status = 1

    for approved in sorted((work / "approved").iterdir()):
        try:
            result = od.publish(od.load(approved), catalog)
            log(f"{approved.name}: {result.status} → {result.url}")
        except OpendataError as exc:
            log(f"{approved.name}: not published: {exc.render('en')}")
            status = 1
    log(f"done (exit {status})")
    return status


if __name__ == "__main__":
    sys.exit(main())
