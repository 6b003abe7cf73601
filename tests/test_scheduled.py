"""The scheduled (cron) script: prepares, waits for the reviewer, publishes, and logs each step."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import yaml

import opendata as od
from conftest import EXAMPLES, REVIEWER, ROOT


def _run(source, work, site):
    env = {**os.environ, "OPENDATA_SCHEMAS_DIR": str(source.parent / "schemas")}
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "scheduled_publish.py"), str(source),
                           "--catalog", str(site), "--work", str(work)], capture_output=True, text=True, env=env)
    return proc.returncode, proc.stdout + proc.stderr


def test_scheduled_publish_waits_for_approval_then_publishes_and_stays_current(tmp_path):
    # A department's layout: its exports, and its shared schemas beside them (../../schemas/…).
    source = tmp_path / "exports"
    source.mkdir()
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    for name in ("weather", "schools"):
        shutil.copytree(EXAMPLES / name, source / name)
    work, site = tmp_path / "work", tmp_path / "site"
    code, log = _run(source, work, site)
    assert code == 1 and log.count("waiting for approval") == 2
    assert not (site / "datasets").exists()  # nothing goes out unapproved
    for name in ("weather", "schools"):
        pending = od.load(work / "pending" / name)
        od.approve(pending, od.check(pending), reviewer=REVIEWER)
    code, log = _run(source, work, site)
    assert code == 0, log
    assert "weather: unchanged since its approval" in log and "published" in log
    assert sorted(p.name for p in (site / "datasets").iterdir()) == ["demo-schools", "demo-weather-observations"]
    code, log = _run(source, work, site)  # a night with no new data
    assert code == 0 and log.count("unchanged since its approval") == 2 and "→" in log


def test_the_scheming_schema_declares_every_field_opendata_sends():
    schema = yaml.safe_load((ROOT / "catalog" / "ckan_dataset_schema.yaml").read_text("utf-8"))
    declared = {f["field_name"] for f in schema["dataset_fields"]}
    keys = {"opendata_publisher", "opendata_subject", "opendata_frequency", "opendata_openness", "opendata_grade",
            "opendata_policy", "opendata_modified", "opendata_spatial", "opendata_temporal", "opendata_contact",
            "opendata_application", "opendata_approval", "opendata_approved", "opendata_revision", "opendata_release"}
    import inspect

    from opendata.catalogs import ckan, metadata

    source = inspect.getsource(metadata) + inspect.getsource(ckan)
    sent = {k for k in keys if f'"{k}"' in source}
    assert sent == keys  # the list above is what the code sends
    assert keys <= declared
