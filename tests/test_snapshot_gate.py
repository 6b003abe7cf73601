"""One snapshot from check to signature to publish, and retraction that is final (issue 15).

Every file a package refers to is covered by its approval, wherever it lives; what the reviewer
signs is what was checked and shown; what publish copies is what it verified, read once.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import pytest

import opendata as od
from conftest import EXAMPLES, REVIEWER, ROOT
from opendata.errors import OpendataError

CSV = "data/observations.csv"
NAME = "demo-weather-observations"


def _redacted(tmp_path: Path, name: str = "weather") -> Path:
    out, _ = od.redact(od.load(EXAMPLES / "weather"), tmp_path / name)
    return out.basepath


def _descriptor(directory: Path) -> dict:
    return json.loads((directory / "datapackage.json").read_text("utf-8"))


def _write_descriptor(directory: Path, descriptor: dict) -> None:
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _approve(directory: Path) -> dict:
    package = od.load(directory)
    od.approve(package, od.check(package), reviewer=REVIEWER)
    return json.loads((directory / "approval.json").read_text("utf-8"))


def _edit(raw: bytes) -> bytes:
    """The same table with one temperature changed: still valid, so only the approval can stop it."""
    return raw.replace(b'"15.7"', b'"15.8"', 1)


def _refused(directory: Path, catalog_dir: Path, code: str) -> None:
    catalog = od.LocalCatalog(catalog_dir)
    with pytest.raises(od.ApprovalError) as info:
        od.publish(od.load(directory), catalog)
    assert info.value.code == code, info.value.render("en")
    assert catalog.datasets() == []


# -- every file a package refers to is covered -------------------------------------------------------

def test_a_resource_under_a_hidden_path_is_covered_by_the_approval(tmp_path):
    directory = _redacted(tmp_path)
    (directory / "data").rename(directory / ".data")
    descriptor = _descriptor(directory)
    descriptor["resources"][0]["path"] = ".data/observations.csv"
    _write_descriptor(directory, descriptor)
    record = _approve(directory)
    assert ".data/observations.csv" in record["files"]
    data = directory / ".data" / "observations.csv"
    data.write_bytes(_edit(data.read_bytes()))
    _refused(directory, tmp_path / "site", "approval.file_changed")


def test_a_data_directory_symlinked_to_a_hidden_one_is_covered(tmp_path):
    directory = _redacted(tmp_path)
    (directory / "data").rename(directory / ".store")
    (directory / "data").symlink_to(".store")
    record = _approve(directory)
    assert CSV in record["files"]
    data = directory / ".store" / "observations.csv"
    data.write_bytes(_edit(data.read_bytes()))
    _refused(directory, tmp_path / "site", "approval.file_changed")


def test_a_shared_schema_outside_the_package_is_covered(tmp_path, monkeypatch):
    directory = _redacted(tmp_path / "departments" / "weather", "pkg")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")  # a department's own shared schemas
    monkeypatch.setenv("OPENDATA_SCHEMAS_DIR", str(tmp_path / "schemas"))
    shared = tmp_path / "schemas" / "weather.json"
    descriptor = _descriptor(directory)
    shared.write_text(json.dumps(descriptor["resources"][0]["schema"], ensure_ascii=False), encoding="utf-8")
    reference = os.path.relpath(shared, directory)  # ../../../schemas/weather.json
    descriptor["resources"][0]["schema"] = reference
    _write_descriptor(directory, descriptor)
    record = _approve(directory)
    assert record["files"][reference] == od.release.sha256_file(shared)
    schema = json.loads(shared.read_text("utf-8"))
    schema["fields"][0]["description"] = "未经审核的说明"  # would reach the published data dictionary
    shared.write_text(json.dumps(schema, ensure_ascii=False), encoding="utf-8")
    _refused(directory, tmp_path / "site", "approval.file_changed")


# -- approve signs what was checked and shown ----------------------------------------------------------

class _Terminal:
    """stdin as a reviewer's terminal: isatty() is what the CLI asks before prompting."""

    def isatty(self) -> bool:
        return True


def test_interactive_approve_refuses_files_changed_between_showing_and_signing(tmp_path, run, monkeypatch):
    directory = _redacted(tmp_path)
    data = directory / CSV
    shown = data.read_bytes()

    def reviewer_answers(prompt: str) -> str:
        data.write_bytes(_edit(shown))  # someone edits the file while the reviewer reads the report
        return "y"

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(builtins, "input", reviewer_answers)
    result = run("--lang", "en", "approve", directory, "--reviewer", REVIEWER)
    assert result.code == 1 and "changed after it was checked and shown" in result.err
    assert CSV in result.err
    assert not (directory / "approval.json").exists()


def test_interactive_approve_signs_the_hashes_of_the_bytes_shown(tmp_path, run, monkeypatch):
    directory = _redacted(tmp_path)
    shown = od.release.sha256_file(directory / CSV)
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr(builtins, "input", lambda prompt: "y")
    assert run("approve", directory, "--reviewer", REVIEWER).code == 0
    record = json.loads((directory / "approval.json").read_text("utf-8"))
    assert record["files"][CSV] == shown


# -- publish copies what it verified, read once --------------------------------------------------------

ROUNDS = 25


def _race(tmp_path: Path, directory: Path, swap) -> None:
    """Publish ``ROUNDS`` times while ``swap(stop)`` keeps changing the data file; the catalogue
    must never hold any bytes but the approved ones."""
    approved_bytes = (directory / CSV).read_bytes()
    published = 0
    for i in range(ROUNDS):
        stop = threading.Event()
        thread = threading.Thread(target=swap, args=(stop,), daemon=True)
        thread.start()
        catalog = od.LocalCatalog(tmp_path / f"site-{i}")
        try:
            od.publish(od.load(directory), catalog)
        except OpendataError:
            pass  # refused: the gate saw the other bytes
        finally:
            stop.set()
            thread.join(timeout=30)
        assert not thread.is_alive()
        live = catalog.dataset_dir(NAME) / CSV
        if live.exists():
            published += 1
            assert live.read_bytes() == approved_bytes, f"round {i}: unapproved bytes published"
    if published == 0:  # every round refused (the swapper won each time): the gate must still publish
        (directory / CSV).write_bytes(approved_bytes)
        catalog = od.LocalCatalog(tmp_path / "site-quiet")
        od.publish(od.load(directory), catalog)
        assert (catalog.dataset_dir(NAME) / CSV).read_bytes() == approved_bytes


def test_a_rename_race_during_publish_never_publishes_unapproved_bytes(tmp_path):
    directory = _redacted(tmp_path)
    _approve(directory)
    target = directory / CSV
    good = target.read_bytes()
    bad = _edit(good)
    spare = directory / ".swap.csv"  # hidden: outside the covered files

    def swap(stop: threading.Event) -> None:
        while not stop.is_set():
            for content in (bad, good):
                spare.write_bytes(content)
                os.replace(spare, target)
                time.sleep(0.001)  # let the publisher run in each state (not a timing assertion)

    _race(tmp_path, directory, swap)


def test_a_symlink_retarget_during_publish_never_publishes_unapproved_bytes(tmp_path):
    directory = _redacted(tmp_path)
    versions = directory / ".versions"
    versions.mkdir()
    good = (directory / CSV).read_bytes()
    (versions / "good.csv").write_bytes(good)
    (versions / "bad.csv").write_bytes(_edit(good))
    (directory / CSV).unlink()
    (directory / CSV).symlink_to("../.versions/good.csv")
    _approve(directory)
    link = directory / CSV

    def swap(stop: threading.Event) -> None:
        while not stop.is_set():
            for target in ("bad.csv", "good.csv"):
                tmp = directory / "data" / ".link"
                tmp.unlink(missing_ok=True)
                tmp.symlink_to(f"../.versions/{target}")
                os.replace(tmp, link)
                time.sleep(0.001)

    _race(tmp_path, directory, swap)


# -- retraction is final for every approval issued before it -------------------------------------------

def _published_then_retracted(tmp_path: Path, directory: Path) -> od.LocalCatalog:
    catalog = od.LocalCatalog(tmp_path / "site")
    assert od.publish(od.load(directory), catalog).status == "published"
    od.retract(catalog, NAME, reason="数据有误")
    return catalog


def test_an_older_approval_is_refused_after_a_retraction(tmp_path):
    directory = _redacted(tmp_path)
    _approve(directory)
    older = (directory / "approval.json").read_bytes()
    _approve(directory)  # the newer approval is the one published and retracted
    catalog = _published_then_retracted(tmp_path, directory)
    (directory / "approval.json").write_bytes(older)
    with pytest.raises(od.ApprovalError) as info:
        od.publish(od.load(directory), catalog)
    assert info.value.code == "approval.retracted_since"
    assert catalog.datasets() == []


def test_a_second_approval_of_the_same_bytes_made_before_the_retraction_is_refused(tmp_path):
    directory = _redacted(tmp_path)
    _approve(directory)
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(od.load(directory), catalog)
    _approve(directory)  # same bytes, approved again while the first release is live
    od.retract(catalog, NAME, reason="数据有误")
    with pytest.raises(od.ApprovalError) as info:
        od.publish(od.load(directory), catalog)
    assert info.value.code == "approval.retracted_since"
    assert catalog.datasets() == []


def test_an_approval_signed_after_the_retraction_publishes(tmp_path):
    directory = _redacted(tmp_path)
    _approve(directory)
    catalog = _published_then_retracted(tmp_path, directory)
    _approve(directory)
    assert od.publish(od.load(directory), catalog).status == "published"
    assert (catalog.dataset_dir(NAME) / CSV).read_bytes() == (directory / CSV).read_bytes()


def test_the_library_binds_check_and_signature_through_a_snapshot(tmp_path):
    directory = _redacted(tmp_path)
    with od.snapshot(directory) as snap:
        report = od.check(snap.package)
        (directory / CSV).write_bytes(_edit((directory / CSV).read_bytes()))
        with pytest.raises(od.ApprovalError) as info:
            od.approve(snap, report, reviewer=REVIEWER)
    assert info.value.code == "approval.changed_since_check"
    assert not (directory / "approval.json").exists()


def test_a_snapshot_left_by_a_killed_process_is_removed_and_one_in_use_is_not(tmp_path):
    directory = _redacted(tmp_path)
    where = tmp_path / "snapshots"
    left = where / "snapshot-killed"
    (left / "package").mkdir(parents=True)
    (left / ".lock").write_text("")  # its lock died with its process
    with od.snapshot(directory, parent=where) as first:
        in_use = first.directory.parent
        with od.snapshot(directory, parent=where):
            assert in_use.exists() and not left.exists()
    assert list(where.iterdir()) == []
