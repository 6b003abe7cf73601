"""A crash-consistent local catalogue (issue 15): a publish killed at any point is completed by the
next run, litter is cleaned, and two first publishes into a new catalogue are both safe."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import opendata as od
from opendata.catalogs.local import LocalCatalog

from conftest import ROOT, approved, make_package

FIELDS = [{"name": "id", "type": "integer"}, {"name": "name", "type": "string", "opendata": {"pii": "none"}}]


def _version(tmp_path: Path, tag: str, text: str) -> od.Package:
    return approved(make_package(tmp_path / f"src-{tag}", FIELDS, text, name="crash-data"), tmp_path / f"out-{tag}")


def _publish_killed_after_switch(package: od.Package, catalog: Path) -> int:
    """Publish in a child process that is SIGKILLed right after the dataset's link is switched."""
    code = textwrap.dedent(f"""
        import os, signal
        import opendata as od
        from opendata.catalogs.local import LocalCatalog
        switch = LocalCatalog._switch
        def killed(self, name, target):
            switch(self, name, target)
            os.kill(os.getpid(), signal.SIGKILL)
        LocalCatalog._switch = killed
        od.publish(od.load({str(package.basepath)!r}), LocalCatalog({str(catalog)!r}))
    """)
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=dict(os.environ), timeout=300).returncode


def test_a_publish_killed_after_the_switch_is_completed_by_the_next_run(tmp_path, run):
    first = _version(tmp_path, "1", "id,name\n1,甲\n")
    second = _version(tmp_path, "2", "id,name\n1,甲\n2,乙\n")
    catalog = tmp_path / "site"
    assert run("publish", first.basepath, "--catalog", catalog).code == 0
    assert _publish_killed_after_switch(second, catalog) == -9
    local = LocalCatalog(catalog)
    live = local.current_release("crash-data")
    assert live and any((catalog / ".staging").iterdir())  # the kill left its export behind

    result = run("--lang", "en", "publish", second.basepath, "--catalog", catalog)
    assert result.code == 0 and "published" in result.out  # not "unchanged": the last run never finished

    listed = json.loads((catalog / "catalog.json").read_text(encoding="utf-8"))
    live_package = json.loads((catalog / "datasets" / "crash-data" / "package.json").read_text(encoding="utf-8"))
    assert listed == [live_package]
    assert [r["opendata_rows"] for r in listed[0]["resources"] if "opendata_rows" in r] == [2, 2]
    dcat = json.loads((catalog / "catalog.jsonld").read_text(encoding="utf-8"))
    hashes = {d["spdx:checksum"]["spdx:checksumValue"]["@value"] for d in dcat["dcat:dataset"][0]["dcat:distribution"]}
    assert hashes == {r["hash"] for r in live_package["resources"] if r.get("opendata_resource")}
    records = [r for r in local.audit.records() if r.get("dataset") == "crash-data"]
    assert records[-1]["action"] == "publish" and records[-1]["release"] == live
    assert local.audit.verify() is None
    assert list((catalog / ".staging").iterdir()) == []  # litter of the killed publish cleaned
    assert [p.name for p in (catalog / "releases" / "crash-data").iterdir()] == [live]

    again = run("--lang", "en", "publish", second.basepath, "--catalog", catalog)
    assert again.code == 0 and "unchanged" in again.out
    assert len([r for r in local.audit.records() if r.get("dataset") == "crash-data"]) == len(records)


def test_an_unchanged_publish_repairs_stale_index_files_and_a_damaged_release(tmp_path, run):
    package = _version(tmp_path, "1", "id,name\n1,甲\n")
    catalog = tmp_path / "site"
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    rendered = {name: (catalog / name).read_bytes() for name in ("catalog.json", "catalog.jsonld", "index.html",
                                                                  "search-index.js", "assets/portal.js")}
    for name in rendered:
        (catalog / name).write_text("stale", encoding="utf-8")
    live = catalog / "datasets" / "crash-data" / "data" / "data.csv"
    approved_bytes = live.read_bytes()
    live.write_bytes(b"tampered")
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    assert {name: (catalog / name).read_bytes() for name in rendered} == rendered
    assert live.read_bytes() == approved_bytes


def test_litter_of_killed_publishes_is_cleaned_but_a_running_one_is_kept(tmp_path, run):
    package = _version(tmp_path, "1", "id,name\n1,甲\n")
    catalog = tmp_path / "site"
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    held = LocalCatalog(catalog).staging_dir()  # a publish in progress in this process
    dead = catalog / ".staging" / "export-dead"
    (dead / "release").mkdir(parents=True)
    (dead / ".owner").write_text("", encoding="utf-8")  # its owner is gone: the lock is free
    old = catalog / ".staging" / "export-old"
    old.mkdir()
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    orphan = catalog / "releases" / "crash-data" / "0123456789abcdef"
    orphan.mkdir()
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    assert held.is_dir() and not dead.exists() and not old.exists() and not orphan.exists()


def test_a_staging_directory_removed_while_listed_does_not_stop_a_publish(tmp_path, monkeypatch):
    # A finished publish removes its own staging directory without the catalogue lock, so one
    # listed by another publish's clean-up may be gone by the time it is looked at.
    package = _version(tmp_path, "1", "id,name\n1,甲\n")
    catalog = tmp_path / "site"
    iterdir = Path.iterdir

    def listed_then_gone(self):
        yield from iterdir(self)
        if self == catalog / ".staging":
            yield self / "export-just-removed"

    monkeypatch.setattr(Path, "iterdir", listed_then_gone)
    assert od.publish(od.load(package.basepath), LocalCatalog(catalog)).status == "published"


RACER = """
import pathlib, sys, time
from opendata.catalogs.local import LocalCatalog
catalog, role, signal = pathlib.Path(sys.argv[1]), sys.argv[2], pathlib.Path(sys.argv[3])
if role == "slow":  # stops for a while after making its first directory inside the catalogue
    mkdir = pathlib.Path.mkdir
    def slow(self, *args, **kwargs):
        mkdir(self, *args, **kwargs)
        if self.parent == catalog and not signal.exists():
            signal.touch()
            time.sleep(1.0)
    pathlib.Path.mkdir = slow
else:  # starts while the other one is stopped there
    while not signal.exists():
        time.sleep(0.005)
LocalCatalog(catalog).staging_dir()
"""


def test_two_first_publishes_into_a_new_catalogue_are_both_safe(tmp_path):
    """The second comes in while the first is between creating the directory and finishing it
    (the window where the old code found a non-empty directory without a marker)."""
    for round_ in range(3):
        catalog, signal = tmp_path / f"site{round_}", tmp_path / f"signal{round_}"
        children = [subprocess.Popen([sys.executable, "-c", RACER, str(catalog), role, str(signal)], cwd=ROOT,
                                     stderr=subprocess.PIPE, text=True) for role in ("slow", "fast")]
        results = [(c.wait(timeout=120), c.stderr.read()) for c in children]
        assert [code for code, _ in results] == [0, 0], results
        assert (catalog / ".opendata-catalog").is_file()
        assert not [p for p in catalog.iterdir() if p.name.startswith(".opendata-catalog.")]


def test_two_first_publishes_of_real_datasets_both_succeed(tmp_path):
    packages = [_version(tmp_path, str(i), f"id,name\n{i},甲\n") for i in (1, 2)]
    catalog = tmp_path / "site"
    children = [subprocess.Popen([sys.executable, "-m", "opendata.cli", "publish", str(p.basepath), "--catalog",
                                  str(catalog)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for p in packages]
    outputs = [c.communicate(timeout=300) for c in children]
    assert [c.returncode for c in children] == [0, 0], outputs
    assert LocalCatalog(catalog).audit.verify() is None
