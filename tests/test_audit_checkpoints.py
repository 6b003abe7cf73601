"""A log that cannot be quietly shortened or rewritten (issue 15): signed checkpoints and a signed
head detect truncation, deletion, re-ordering and re-chaining; the public log keeps no free text."""

from __future__ import annotations

import hashlib
import json

import pytest

import opendata as od
from conftest import EXAMPLES, approved
from opendata.trust.audit import CHECKPOINT, CHECKPOINT_EVERY, AuditLog, central, record_hash


def _log(tmp_path, actions=("check", "publish", "check", "retract", "check")) -> AuditLog:
    log = AuditLog(tmp_path / "audit.jsonl")
    for i, action in enumerate(actions):
        log.append(action, dataset=f"d{i}")
    return log


def _lines(log: AuditLog) -> list[str]:
    return log.path.read_text("utf-8").splitlines(keepends=True)


def _write(log: AuditLog, lines: list[str]) -> None:
    log.path.write_text("".join(lines), encoding="utf-8")


def _verify_cli(run, log: AuditLog):
    return run("--lang", "en", "audit", "verify", "--log", log.path)


def _rechain(records: list[dict]) -> list[str]:
    """What an attacker without the audit key can do: recompute every prev, seq and hash."""
    prev, out = "0" * 64, []
    for seq, record in enumerate(records, start=1):
        record = dict(record, seq=seq, prev=prev)
        if record.get("action") == CHECKPOINT:
            record["head"] = prev
        record["hash"] = record_hash(record)
        prev = record["hash"]
        out.append(json.dumps(record, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n")
    return out


def test_an_intact_signed_log_verifies(tmp_path, run):
    log = _log(tmp_path)
    assert log.verify() is None
    assert _verify_cli(run, log).code == 0


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_a_cut_tail_is_detected(tmp_path, run, cut):
    log = _log(tmp_path)
    _write(log, _lines(log)[:-cut])
    assert log.verify().reason == "audit.reason.truncated"
    result = _verify_cli(run, log)
    assert result.code == 1 and "tail was cut" in result.err


def test_a_cut_tail_stays_detected_after_later_appends(tmp_path):
    log = _log(tmp_path)
    _write(log, _lines(log)[:-2])
    log.append("check", dataset="later")
    problem = log.verify()
    assert problem is not None and problem.reason == "audit.reason.break"


def test_a_cut_tail_with_its_head_file_deleted_is_detected(tmp_path):
    log = _log(tmp_path)
    _write(log, _lines(log)[:-2])
    log.head_path.unlink()
    assert log.verify().reason == "audit.reason.head_missing"


def test_a_deleted_record_is_detected(tmp_path, run):
    log = _log(tmp_path)
    lines = _lines(log)
    del lines[2]
    _write(log, lines)
    assert log.verify().line == 3
    assert _verify_cli(run, log).code == 1


def test_reordered_records_are_detected(tmp_path, run):
    log = _log(tmp_path)
    lines = _lines(log)
    lines[0], lines[1] = lines[1], lines[0]
    _write(log, lines)
    assert log.verify().line == 1
    assert _verify_cli(run, log).code == 1


def test_a_log_rechained_with_recomputed_hashes_is_detected(tmp_path, run):
    log = _log(tmp_path)
    records = [json.loads(line) for line in _lines(log)]
    records[0]["dataset"] = "forged"
    _write(log, _rechain(records))
    problem = log.verify()
    assert problem is not None and problem.reason == "audit.reason.checkpoint"
    result = _verify_cli(run, log)
    assert result.code == 1 and "checkpoint" in result.err


def test_a_rechained_log_without_its_checkpoints_is_detected(tmp_path):
    log = _log(tmp_path)
    records = [json.loads(line) for line in _lines(log)]
    records = [r for r in records if r["action"] != CHECKPOINT]  # unsigned: drop them all
    records[0]["dataset"] = "forged"
    _write(log, _rechain(records))
    assert log.verify().reason in ("audit.reason.rewritten", "audit.reason.truncated")
    log.head_path.unlink()
    assert log.verify().reason == "audit.reason.head_missing"


def test_publish_and_retract_are_followed_by_signed_checkpoints(tmp_path):
    catalog = od.LocalCatalog(tmp_path / "site")
    package = approved(EXAMPLES / "weather", tmp_path / "weather")
    od.publish(package, catalog)
    od.retract(catalog, "demo-weather-observations", reason="数据有误")
    for log in (catalog.audit, central()):
        actions = [r["action"] for r in log.records(checkpoints=True)]
        for action in ("publish", "retract"):
            i = len(actions) - 1 - actions[::-1].index(action)
            assert actions[i + 1] == CHECKPOINT, (log.path, actions[i:])
        assert log.verify() is None


def test_checkpoints_are_also_written_periodically(tmp_path):
    log = _log(tmp_path, ["check"] * CHECKPOINT_EVERY)
    checkpoints = [r for r in log.records(checkpoints=True) if r["action"] == CHECKPOINT]
    assert len(checkpoints) == 1 and checkpoints[0]["seq"] == CHECKPOINT_EVERY + 1


def test_the_public_log_keeps_no_retraction_reason(tmp_path, run):
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(approved(EXAMPLES / "weather", tmp_path / "weather"), catalog)
    reason = "应张三（身份证 330102199001011234）要求撤回"
    result = run("retract", "demo-weather-observations", "--catalog", tmp_path / "site", "--reason", reason)
    assert result.code == 0
    public = (tmp_path / "site" / "audit.jsonl").read_text("utf-8")
    assert "张三" not in public and "330102199001011234" not in public
    retraction = [r for r in catalog.audit.records() if r["action"] == "retract"][-1]
    assert retraction["reason_given"] is True
    assert retraction["reason_sha256"] == hashlib.sha256(reason.encode("utf-8")).hexdigest()
    private = [r for r in central().records() if r["action"] == "retract"][-1]
    assert private["reason"] == reason  # kept where only the department can read it


def test_another_installation_verifies_a_published_log_with_the_audit_public_key(tmp_path, run, monkeypatch):
    log = _log(tmp_path)
    pem = tmp_path / "audit.pub.pem"
    result = run("keys", "public", "--audit")
    assert result.code == 0 and "BEGIN PUBLIC KEY" in result.out
    pem.write_text(result.out, encoding="ascii")
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "citizen"))  # knows nothing of this department
    assert _verify_cli(run, log).code == 1
    assert run("keys", "trust", pem, "--audit").code == 0
    assert _verify_cli(run, log).code == 0
