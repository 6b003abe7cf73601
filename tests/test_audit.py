"""The audit log's hash chain detects edited, removed and reordered records."""

from __future__ import annotations

import json

from opendata.trust.audit import AuditLog


def _log(tmp_path, n=4):
    log = AuditLog(tmp_path / "audit.jsonl")
    for i in range(n):
        log.append("publish", dataset=f"d{i}")
    return log


def _lines(log):
    return log.path.read_text(encoding="utf-8").splitlines(keepends=True)


def test_intact_log_verifies(tmp_path):
    assert _log(tmp_path).verify() is None


def test_edited_record_is_detected_at_its_line(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    record = json.loads(lines[2])
    record["dataset"] = "forged"
    lines[2] = json.dumps(record, ensure_ascii=False) + "\n"
    log.path.write_text("".join(lines), encoding="utf-8")
    assert log.verify().line == 3


def test_removed_record_is_detected(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    del lines[1]
    log.path.write_text("".join(lines), encoding="utf-8")
    assert log.verify().line == 2


def test_reordered_records_are_detected(tmp_path):
    log = _log(tmp_path)
    lines = _lines(log)
    lines[1], lines[2] = lines[2], lines[1]
    log.path.write_text("".join(lines), encoding="utf-8")
    assert log.verify().line == 2


def test_appends_continue_the_chain(tmp_path):
    log = _log(tmp_path, 2)
    last = json.loads(_lines(log)[-1])  # the signed checkpoint after the last publish
    record = log.append("retract", dataset="d0", reason="x")
    assert record["seq"] == last["seq"] + 1 and record["prev"] == last["hash"]
