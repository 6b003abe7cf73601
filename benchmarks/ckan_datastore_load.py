"""How fast a release's table goes into a real CKAN's DataStore, and in how much memory.

    eval "$(CKAN_DEV_EXTENSIONS=datastore scripts/ckan-dev start)"
    .venv/bin/python benchmarks/ckan_datastore_load.py [--rows 200000]

Exports a synthetic typed table (integer, text, number, boolean, date, datetime) as a release,
makes a private dataset with one resource, and times ``ckan_datastore.load`` into it (create,
batched inserts, the final check), as ``CkanCatalog.store`` runs it. Prints rows/s and this
process's peak RSS (the batches are streamed: it should not grow with the row count). The dataset
is purged afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import uuid
from pathlib import Path

import opendata as od
from opendata.catalogs import ckan_datastore
from opendata.catalogs.ckan import CkanCatalog
from opendata.release import export

FIELDS = [{"name": "id", "type": "integer"}, {"name": "station"}, {"name": "value", "type": "number"},
          {"name": "valid", "type": "boolean"}, {"name": "day", "type": "date"},
          {"name": "measured", "type": "datetime"}]


def write_package(directory: Path, rows: int) -> None:
    directory.mkdir(parents=True)
    with open(directory / "data.csv", "w", encoding="utf-8") as handle:
        handle.write("id,station,value,valid,day,measured\n")
        for i in range(rows):
            handle.write(f"{i},站点{i % 977},{(i * 7919) % 10007 / 10:.1f},{'true' if i % 3 else 'false'},"
                         f"2026-{1 + i % 12:02d}-{1 + i % 28:02d},2026-11-{1 + i % 28:02d}T{i % 24:02d}:00:00\n")
    descriptor = {"name": "bench", "resources": [{"name": "data", "path": "data.csv",
                                                   "schema": {"fields": FIELDS, "primaryKey": "id"}}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    args = parser.parse_args()
    url, key = os.environ.get("OPENDATA_CKAN_URL"), os.environ.get("OPENDATA_CKAN_API_KEY")
    if not url or not key:
        print("set OPENDATA_CKAN_URL and OPENDATA_CKAN_API_KEY (scripts/ckan-dev start)", file=sys.stderr)
        return 2
    catalog = CkanCatalog(url, key)
    if not catalog.has_datastore():
        print(f"{url} runs no DataStore (CKAN_DEV_EXTENSIONS=datastore)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        write_package(Path(tmp) / "src", args.rows)
        release = export(od.load(Path(tmp) / "src"), Path(tmp) / "release")
        table = ckan_datastore.tables(release, url=url, name="bench")[0]
        try:
            catalog.call("organization_show", id="demo-weather")
        except Exception:
            catalog.call("organization_create", name="demo-weather")
        dataset = catalog.call("package_create", name=f"bench-ds-{uuid.uuid4().hex[:8]}", owner_org="demo-weather",
                               private=True)
        res = None
        try:
            res = catalog.call("resource_create", package_id=dataset["id"], name="data.csv",
                               url="http://127.0.0.1/data.csv")
            start = time.perf_counter()
            ckan_datastore.load(catalog.call, res["id"], release, table, url=url, name=dataset["name"])
            seconds = time.perf_counter() - start
        finally:
            if res is not None:
                ckan_datastore.drop(catalog.call, res["id"])
            catalog.call("dataset_purge", id=dataset["id"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {args.rows:,}  batches of {ckan_datastore.BATCH_ROWS:,}  load {seconds:.1f} s  "
          f"{args.rows / seconds:,.0f} rows/s  peak RSS of this process {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
