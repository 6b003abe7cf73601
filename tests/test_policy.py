"""Grading and openness under a policy: derivation, enforcement, custom policies, regrade."""

from __future__ import annotations

import json

import numpy as np
import pytest
import yaml

import opendata as od
from conftest import EXAMPLES, ROOT, approved, make_package
from opendata.policy import load_policy
from opendata.policy.regrade import regrade
from pii_data import resident_id, rng

R = rng(21)
IDS = [resident_id(R) for _ in range(30)]
MASKED = [v[:6] + "********" + v[-4:] for v in IDS]


def _people(tmp_path, values, **props):
    fields = [{"name": "case_no"}, {"name": "col_2"}]
    text = "case_no,col_2\n" + "".join(f"A{i:04d},{v}\n" for i, v in enumerate(values))
    return make_package(tmp_path, fields, text, opendata={"grade": "L1", "openness": "unconditional", **props})


def test_undeclared_id_numbers_raise_the_dataset_above_unconditional(tmp_path):
    report = od.check(od.load(_people(tmp_path / "raw", IDS)))
    grades = {g.field: g for g in report.classification.fields}
    assert grades["col_2"].grade == "L4" and grades["col_2"].reason == "pii_raw"
    assert report.grade == "L4" and report.openness == "prohibited" and not report.publishable
    codes = {f.code for f in report.blocking}
    assert {"undeclared_pii", "openness_too_wide", "prohibited"} <= codes


def test_masked_version_of_the_same_field_brings_it_back(tmp_path):
    report = od.check(od.load(_people(tmp_path / "masked", MASKED)))
    grades = {g.field: g for g in report.classification.fields}
    assert grades["col_2"].reason == "pii_masked" and grades["col_2"].grade == "L1"
    assert report.openness == "unconditional" and report.publishable


def test_unclassified_fields_are_not_public(tmp_path):
    directory = make_package(tmp_path, [{"name": "a"}], "a\nx\n", grade=None)
    report = od.check(od.load(directory))
    assert report.classification.fields[0].reason == "unclassified"
    assert report.grade == "L2" and report.openness == "restricted"


def test_declared_openness_wider_than_allowed_names_each_field(tmp_path):
    fields = [{"name": "a", "opendata": {"grade": "L3"}}, {"name": "b", "opendata": {"grade": "L3"}}, {"name": "c"}]
    directory = make_package(tmp_path, fields, "a,b,c\n1,2,3\n", opendata={"grade": "L1", "openness": "unconditional"})
    report = od.check(od.load(directory))
    finding = next(f for f in report.findings if f.code == "openness_too_wide")
    assert finding.field == "a、b" and "L3" in finding.message("en")
    assert not report.publishable


def test_a_custom_policy_changes_the_outcome(tmp_path):
    policy = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    policy["id"], policy["version"] = "strict-city", "1"
    policy["pii"]["cn_resident_id"]["treated"]["mask"] = "L2"  # masked IDs no longer public
    path = tmp_path / "strict.yaml"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    package = od.load(_people(tmp_path / "masked", MASKED))
    assert od.check(package).openness == "unconditional"
    strict = od.check(package, policy=load_policy(path))
    assert strict.openness == "restricted" and not strict.publishable  # declared unconditional is too wide
    assert strict.classification.policy["id"] == "strict-city"
    assert strict.classification.policy["sha256"] == __import__("hashlib").sha256(path.read_bytes()).hexdigest()


def test_policy_from_opendata_toml(tmp_path, monkeypatch):
    policy = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    policy["id"] = "from-toml"
    (tmp_path / "p.yaml").write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    (tmp_path / "opendata.toml").write_text('[policy]\nfile = "p.yaml"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_policy().id == "from-toml"


def test_invalid_policies_are_clear_errors(tmp_path, run):
    policy = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    policy["pii"]["cn_mobile"]["grade"] = "L9"
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    result = run("--lang", "en", "check", EXAMPLES / "weather", "--policy", path)
    assert result.code == 2 and 'undefined grade "L9"' in result.err and "pii.cn_mobile.grade" in result.err
    path.write_text("pii: [\n", encoding="utf-8")
    result = run("--lang", "en", "check", EXAMPLES / "weather", "--policy", path)
    assert result.code == 2 and "not valid YAML (line 2, column 1)" in result.err
    del policy["grades"]
    path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")
    result = run("--lang", "en", "check", EXAMPLES / "weather", "--policy", path)
    assert result.code == 2 and "'grades' is a required property" in result.err


@pytest.mark.parametrize("prop,value", [("subject", "astrology"), ("frequency", "hourly"), ("publisher", "nobody")])
def test_unknown_taxonomy_values_are_clear_errors(tmp_path, run, prop, value):
    directory = make_package(tmp_path, [{"name": "a"}], "a\n1\n", opendata={prop: value})
    result = run("--lang", "en", "check", directory)
    assert result.code == 2
    assert f'opendata.{prop} has the unknown value "{value}"' in result.err
    assert "known values:" in result.err


def test_sensitive_terms_block_with_field_and_row(tmp_path):
    directory = make_package(tmp_path, [{"name": "title"}, {"name": "body"}],
                             "title,body\n通知,正常内容\n会议纪要,本文件为内部资料请勿外传\n", title="会议纪要（机密）")
    report = od.check(od.load(directory))
    cell = next(f for f in report.findings if f.code == "sensitive_cell")
    assert (cell.field, cell.row, cell.params["term"]) == ("body", 3, "内部资料")
    meta = next(f for f in report.findings if f.code == "sensitive_metadata")
    assert meta.params == {"property": "title", "term": "机密"}
    assert not report.publishable


def test_check_report_shows_grades_and_policy(run):
    result = run("--lang", "en", "check", EXAMPLES / "enterprises", "--format", "json")
    data = json.loads(result.out)
    assert data["grade"] == "L1" and data["openness"] == "unconditional"
    policy = data["classification"]["policy"]
    assert policy["id"] == "zj-default" and len(policy["sha256"]) == 64
    legal = next(f for f in data["classification"]["fields"] if f["field"] == "legal_representative")
    assert legal["reason"] == "disclosed" and "企业信息公示暂行条例" in legal["explanation"]


def test_restricted_dataset_has_a_page_but_no_data_file_anywhere(tmp_path):
    fields = [{"name": "station"}, {"name": "reading", "type": "integer"}]
    values = [f"ST{i:03d},{i * 7}" for i in range(25)]
    directory = make_package(tmp_path / "pkg", fields, "station,reading\n" + "\n".join(values) + "\n",
                             grade="L2", name="restricted-readings",
                             opendata={"grade": "L2", "openness": "restricted", "application": "向示范市气象局提交申请表"})
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(approved(directory, tmp_path / "approved"), catalog)
    page = (tmp_path / "site/datasets/restricted-readings/index.html").read_text("utf-8")
    assert "受限开放" in page and "向示范市气象局提交申请表" in page
    assert "CC-BY-4.0" in page and "notspecified" not in page  # a licence is required to publish (issue 17)
    for path in (tmp_path / "site").rglob("*"):  # (the approved package itself lies outside the catalogue)
        if path.is_file():
            assert path.suffix not in (".csv", ".parquet") or "dictionary" in path.name, path
            text = path.read_bytes()
            assert b"ST017" not in text, path  # no data value in any file of the catalogue
    meta = json.loads((tmp_path / "site/datasets/restricted-readings/package.json").read_text("utf-8"))
    assert not [r for r in meta["resources"] if r.get("opendata_resource")]


def test_prohibited_dataset_is_refused_outright(tmp_path):
    directory = make_package(tmp_path / "pkg", [{"name": "a", "opendata": {"grade": "L4"}}], "a\n1\n")
    with pytest.raises(od.PolicyError):
        od.publish(od.load(directory), od.LocalCatalog(tmp_path / "site"))
    assert not (tmp_path / "site").exists()


def test_regrade_finds_a_dataset_made_stricter_by_a_new_policy_and_applies_it(tmp_path, run):
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(approved(EXAMPLES / "hospitals", tmp_path / "hospitals"), catalog)
    od.publish(approved(EXAMPLES / "weather", tmp_path / "weather"), catalog)
    policy = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    policy["version"] = "2027.01"
    policy["pii"]["cn_landline"]["disclosable"] = False  # institution phones no longer published untreated
    path = tmp_path / "stricter.yaml"
    path.write_text(yaml.safe_dump(policy, allow_unicode=True), encoding="utf-8")

    assert all(not r.must_shrink for r in regrade(catalog))
    result = run("--lang", "en", "regrade", "--catalog", tmp_path / "site", "--policy", path)
    assert result.code == 1
    assert "demo-medical-institutions: grade L2, published as Open to all" in result.out
    assert "✓ demo-weather-observations" in result.out

    applied = regrade(catalog, policy=load_policy(path), apply=True)
    assert [r.name for r in applied if r.applied] == ["demo-medical-institutions"]
    live = tmp_path / "site/datasets/demo-medical-institutions"
    assert (live / "index.html").is_file() and not (live / "data").exists()
    assert "受限开放" in (live / "index.html").read_text("utf-8")
    actions = [r["action"] for r in catalog.audit.records()]
    assert actions[-2:] == ["restrict", "regrade"] and catalog.audit.verify() is None
    assert all(not r.must_shrink for r in regrade(catalog, policy=load_policy(path)))  # converged


def test_sensitive_cells_are_found_as_a_search_of_each_cell_would():
    import pyarrow as pa

    from opendata.policy.sensitive import cell_hits

    batch = pa.record_batch({
        "body": ["正常内容", "本件内部", "资料请勿外传", None, "列为机密件", "x"],  # 内部|资料 split over two cells
        "code": ["A1", "SECRET-7", "B2", "C3", "D4", "E5"],
        "note": ["", "", "", "", "", "不宜公开"],
    })
    rows = np.arange(2, 8)
    hits = cell_hits(batch, rows, ["body", "code", "note"], ("内部资料", "机密", "不宜公开"))
    assert hits == [("body", 6, "机密"), ("note", 7, "不宜公开")]
    # An ASCII term is searched for in ASCII columns too.
    assert cell_hits(batch, rows, ["body", "code"], ("机密", "SECRET")) == [("body", 6, "机密"), ("code", 3, "SECRET")]
    assert cell_hits(batch, rows, ["body", "code", "note"], ()) == []


def test_a_policy_sets_the_detection_thresholds_and_extends_the_header_hints(tmp_path):
    # A header nobody ships a hint for (bhxm, a department's own abbreviation) over names of no known
    # form: the default policy does not know it; a policy that adds it as a person_name token makes
    # the field a column of names; a policy that raises the share a hint needs makes a sparse
    # hinted column uncertain again.
    base = yaml.safe_load((ROOT / "schemas/policy.default.yaml").read_text("utf-8"))
    values = ["扎西顿珠", "阿不都热合曼买买提", "次仁卓玛", "热依拉", "阿牛木呷", "努尔兰"] * 4
    directory = make_package(tmp_path / "pkg", [{"name": "id"}, {"name": "bhxm"}],
                             "id,bhxm\n" + "".join(f"{i},{v}\n" for i, v in enumerate(values)))
    detected = lambda policy: {d.type: d.status for d in od.check(od.load(directory), policy=policy)  # noqa: E731
                               .scan.resource("data").field("bhxm").detected}
    assert "person_name" not in detected(load_policy())
    extended = dict(base, id="dept-names", pii_hints={"person_name": {"tokens": ["bhxm"]}})
    (tmp_path / "extended.yaml").write_text(yaml.safe_dump(extended, allow_unicode=True), encoding="utf-8")
    assert detected(load_policy(tmp_path / "extended.yaml")) == {"person_name": "column"}

    mobiles = ["13812345678", "无", "无", "无", "无", "无", "无", "无", "无", "无"]
    phones = make_package(tmp_path / "phones", [{"name": "lxdh"}], "lxdh\n" + "\n".join(mobiles) + "\n")
    status = lambda policy: {d.type: d.status for d in od.check(od.load(phones), policy=policy)  # noqa: E731
                             .scan.resource("data").field("lxdh").detected}["cn_mobile"]
    assert status(load_policy()) == "cells"  # one valid mobile counts wherever it stands
    strict = dict(base, id="dept-strict", detection={"hinted_min": 0.05})
    (tmp_path / "strict.yaml").write_text(yaml.safe_dump(strict, allow_unicode=True), encoding="utf-8")
    assert status(load_policy(tmp_path / "strict.yaml")) == "column"  # a hint and 10% now decide the field
