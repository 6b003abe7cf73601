"""The publish gate: nothing goes out that a trusted reviewer did not sign, exactly as signed."""

from __future__ import annotations

import datetime as dt
import json
import stat

import pytest
import yaml

import opendata as od
from conftest import EXAMPLES, REVIEWER, ROOT, approved, make_package
from opendata.trust import keys
from opendata.trust.audit import central
from opendata.policy import load_policy


@pytest.fixture
def pkg(tmp_path):
    return approved(EXAMPLES / "weather", tmp_path / "weather")


def _blocked(package, tmp_path, code, **kwargs):
    catalog = od.LocalCatalog(tmp_path / "site")
    with pytest.raises(od.ApprovalError) as info:
        od.publish(package, catalog, **kwargs)
    assert info.value.code == code, info.value.render("en")
    assert catalog.datasets() == []  # nothing partial reached the catalogue
    return info.value


def test_a_valid_approval_publishes_and_the_public_gets_the_approved_bytes(pkg, tmp_path):
    record = json.loads((pkg.basepath / "approval.json").read_text("utf-8"))
    assert record["reviewer"] == REVIEWER and record["openness"] == "unconditional" and record["grade"] == "L1"
    assert record["policy"]["id"] == "zj-default" and len(record["policy"]["sha256"]) == 64
    assert set(record["files"]) == {"datapackage.json", "data/observations.csv"}
    result = od.publish(pkg, od.LocalCatalog(tmp_path / "site"))
    published = tmp_path / "site" / "datasets" / result.name / "data" / "observations.csv"
    assert published.read_bytes() == (pkg.basepath / "data" / "observations.csv").read_bytes()


def test_a_byte_changed_after_approval_blocks_publish(pkg, tmp_path):
    data = pkg.basepath / "data" / "observations.csv"
    raw = bytearray(data.read_bytes())
    raw[-3] = ord("7") if raw[-3] != ord("7") else ord("8")
    data.write_bytes(bytes(raw))
    error = _blocked(od.load(pkg.basepath), tmp_path, "approval.file_changed")
    assert error.params["file"] == "data/observations.csv"


def test_added_and_missing_files_block_publish(pkg, tmp_path):
    (pkg.basepath / "data" / "extra.csv").write_text("x\n", encoding="utf-8")
    _blocked(od.load(pkg.basepath), tmp_path, "approval.file_added")
    (pkg.basepath / "data" / "extra.csv").unlink()
    (pkg.basepath / "datapackage.json").rename(pkg.basepath / "moved.json")
    (pkg.basepath / "moved.json").rename(pkg.basepath / "datapackage.json")  # restored: passes again
    od.publish(od.load(pkg.basepath), od.LocalCatalog(tmp_path / "ok"))


def test_a_tampered_approval_blocks_publish(pkg, tmp_path):
    path = pkg.basepath / "approval.json"
    record = json.loads(path.read_text("utf-8"))
    record["openness"] = "restricted"  # an edit after signing, however harmless it looks
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    _blocked(od.load(pkg.basepath), tmp_path, "approval.bad_signature")
    path.write_text("{not json", encoding="utf-8")
    _blocked(od.load(pkg.basepath), tmp_path, "approval.malformed")
    path.unlink()
    _blocked(od.load(pkg.basepath), tmp_path, "approval.missing")


def test_a_signature_from_an_untrusted_key_blocks_publish(pkg, tmp_path, monkeypatch):
    # Another machine's reviewer: a key this machine's trust store has never seen.
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "elsewhere"))
    keys.create_signing_key("外单位审核员")
    stranger = approved(EXAMPLES / "weather", tmp_path / "weather2", reviewer="外单位审核员")
    monkeypatch.undo()
    _blocked(stranger, tmp_path, "approval.untrusted_key")


def test_revoked_and_expired_keys_block_publish(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()
    key_id = keys.create_signing_key("临时审核员")
    package = approved(EXAMPLES / "weather", tmp_path / "weather", reviewer="临时审核员")
    keys.trust_revoke(key_id)
    _blocked(package, tmp_path, "approval.revoked_key")
    keys.trust_add(keys.public_pem(key_id), "临时审核员",
                   expires=(dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=1)).isoformat(),
                   unrevoke=True)  # a revoked key is trusted again only explicitly
    _blocked(package, tmp_path, "approval.expired_key")


def test_a_changed_policy_that_now_forbids_the_openness_blocks_publish(pkg, tmp_path):
    policy = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    policy["version"] = "strict"
    policy["grades"][0]["openness"] = ["restricted"]  # nothing is open to all any more
    path = tmp_path / "strict.yaml"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    error = _blocked(pkg, tmp_path, "approval.openness_changed", policy=load_policy(path))
    assert error.params["approved"] == "unconditional" and error.params["now"] == "restricted"


def test_retraction_needs_a_new_approval_to_publish_again(tmp_path, run):
    package = approved(EXAMPLES / "weather", tmp_path / "weather")
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(package, catalog)
    result = run("--lang", "en", "retract", "demo-weather-observations", "--catalog", tmp_path / "site",
                 "--reason", "数据有误，待更正")
    assert result.code == 0 and "retracted" in result.out
    assert catalog.datasets() == []
    with pytest.raises(od.ApprovalError) as info:
        od.publish(package, catalog)
    assert info.value.code == "approval.retracted"
    od.approve(package, od.check(package), reviewer=REVIEWER)  # a fresh approval
    assert od.publish(od.load(package.basepath), catalog).status == "published"


def test_approve_cli_shows_the_report_and_needs_confirmation(tmp_path, run):
    out, _ = od.redact(od.load(EXAMPLES / "schools"), tmp_path / "schools")
    result = run("approve", tmp_path / "schools", "--reviewer", REVIEWER)  # no TTY, no --yes
    assert result.code == 1 and "结论：可以发布" in result.out
    assert not (tmp_path / "schools" / "approval.json").exists()
    result = run("--lang", "en", "approve", tmp_path / "schools", "--reviewer", REVIEWER, "--yes")
    assert result.code == 0 and "approved:" in result.out and "Open to all" in result.out
    result = run("approve", EXAMPLES / "schools", "--reviewer", REVIEWER, "--yes")  # a GBK source file
    assert result.code == 1 and "opendata redact" in result.err


def test_encrypted_signing_keys_need_their_passphrase(tmp_path, monkeypatch, run):
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("OPENDATA_KEY_PASSPHRASE", "correct horse")
    result = run("keys", "init", "--reviewer", "加密审核员", "--encrypt")
    assert result.code == 0 and "correct horse" not in result.out + result.err
    key_id = keys.active_signing_key_id("加密审核员")
    pem = (tmp_path / "home" / "keys" / "signing" / f"{key_id}.pem")
    assert stat.S_IMODE(pem.stat().st_mode) == 0o600 and b"ENCRYPTED" in pem.read_bytes()
    out, _ = od.redact(od.load(EXAMPLES / "weather"), tmp_path / "w")
    with pytest.raises(od.KeyMaterialError):
        od.approve(out, od.check(out), reviewer="加密审核员", passphrase="wrong")
    assert run("approve", tmp_path / "w", "--reviewer", "加密审核员", "--yes").code == 0
    assert od.publish(od.load(tmp_path / "w"), od.LocalCatalog(tmp_path / "site")).status == "published"


def test_rotated_signing_keys_keep_old_approvals_valid(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()
    first = keys.create_signing_key("轮换审核员")
    package = approved(EXAMPLES / "weather", tmp_path / "weather", reviewer="轮换审核员")
    second = keys.create_signing_key("轮换审核员")  # keys rotate --reviewer
    assert keys.active_signing_key_id("轮换审核员") == second != first
    assert od.publish(package, od.LocalCatalog(tmp_path / "site")).status == "published"


def test_every_action_is_audited_and_the_chain_verifies(tmp_path, run):
    log = central()
    before = sum(1 for _ in log.records())
    package = approved(EXAMPLES / "weather", tmp_path / "weather")
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(package, catalog)
    od.retract(catalog, "demo-weather-observations", reason="test")
    actions = [r["action"] for r in list(log.records())[before:]]
    assert actions[:3] == ["redact", "check", "approve"]
    assert actions[-2:] == ["publish", "retract"]
    assert run("audit", "verify").code == 0
    shown = run("--lang", "en", "audit", "show", "demo-weather-observations")
    assert shown.code == 0 and REVIEWER in shown.out and "sha256:" in shown.out


def test_audit_verify_names_the_first_bad_line(tmp_path, run):
    log = tmp_path / "audit.jsonl"
    from opendata.trust.audit import AuditLog

    for i in range(3):
        AuditLog(log).append("check", dataset=f"d{i}")
    lines = log.read_text("utf-8").splitlines(keepends=True)
    log.write_text(lines[0] + lines[2], encoding="utf-8")
    result = run("--lang", "en", "audit", "verify", "--log", log)
    assert result.code == 1 and "broken at line 2" in result.err


def test_the_officers_pii_decisions_are_signed_into_the_approval(tmp_path, run):
    # 名称 header over labels would be asked about; the officer declares pii: none with a reason, and
    # that decision travels, signed, in approval.json (and its audit record names the field).
    fields = [{"name": "id", "type": "integer"},
              {"name": "xm", "title": "姓名", "opendata": {"pii": "none", "reason": "测试标签，不是人名"}}]
    directory = make_package(tmp_path / "in", fields, "id,xm\n1,甲\n2,乙\n")
    out, _ = od.redact(od.load(directory), tmp_path / "out")
    approval = od.approve(out, od.check(out), reviewer=REVIEWER)
    record = json.loads((tmp_path / "out" / "approval.json").read_text("utf-8"))
    assert {"resource": "data", "field": "xm", "pii": "none", "reason": "测试标签，不是人名"} in record["decisions"]
    assert approval.record["decisions"] == record["decisions"]
    record["decisions"] = []  # an edited decision breaks the signature
    (tmp_path / "out" / "approval.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(od.OpendataError):
        od.publish(od.load(tmp_path / "out"), od.LocalCatalog(tmp_path / "site"))
    assert not (tmp_path / "site" / "datasets" / "test-data").exists()


def test_an_undecided_field_cannot_be_approved_until_the_officer_decides(tmp_path):
    fields = [{"name": "id", "type": "integer"}, {"name": "xm", "title": "姓名"}]
    directory = make_package(tmp_path / "in", fields, "id,xm\n1,甲\n2,乙\n")
    report = od.check(od.load(directory))
    assert [f.code for f in report.blocking] == ["pii_uncertain"] and report.blocking[0].field == "xm"
    assert "甲" not in report.to_json() and "乙" not in report.to_json()  # samples are masked
    with pytest.raises(od.PolicyError) as info:
        od.redact(od.load(directory), tmp_path / "out")
    assert info.value.code == "redact.pii_uncertain" and not (tmp_path / "out").exists()
    with pytest.raises(od.OpendataError):
        od.approve(od.load(directory), report, reviewer=REVIEWER)
    assert not (directory / "approval.json").exists()
