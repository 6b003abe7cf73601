"""opendata init and describe (issue 17): a department's workspace, and a complete descriptor drafted
for a bare export with Chinese, pinyin or English headers — no JSON written by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import opendata as od
from conftest import EXAMPLES as ROOT_EXAMPLES
from opendata import workspace

ENTERPRISES_ZH = ("统一社会信用代码,企业名称,法定代表人,联系电话,注册资本\n"
                  "91330100MA27XK7J5B,示范科技有限公司,张伟,13800138000,100\n"
                  "91330100MA2AXT0Y1H,示范商贸有限公司,李娜,13912345678,50\n")
ENTERPRISES_EN = ENTERPRISES_ZH.replace("统一社会信用代码,企业名称,法定代表人,联系电话,注册资本",
                                        "uscc,name,legal_representative,phone,capital")
PINYIN = "qiye_mingcheng,lianxi_dianhua,renshu\n示范科技有限公司,13800138000,12\n示范商贸有限公司,13912345678,7\n"


@pytest.fixture
def ws(tmp_path, monkeypatch, run):
    """A fresh workspace, the working directory inside it."""
    assert run("init", tmp_path / "bureau", "--publisher", "demo-bureau", "--name", "示范市某局",
               "--email", "opendata@demo-bureau.example").code == 0
    monkeypatch.chdir(tmp_path / "bureau")
    monkeypatch.delenv("OPENDATA_CONFIG", raising=False)
    return tmp_path / "bureau"


def _draft(run, path: Path, *extra: str) -> dict:
    result = run("describe", path, "--format", "json", *extra)
    assert result.code == 0, result.err
    return json.loads(result.out)


def test_init_writes_a_workspace_every_command_finds_from_below(ws, tmp_path, monkeypatch, run):
    for part in ("opendata.toml", "organizations.json", "taxonomies/subjects.json", "datasets", "schemas"):
        assert (ws / part).exists(), part
    (ws / "datasets" / "deep").mkdir()
    monkeypatch.chdir(ws / "datasets" / "deep")
    found = workspace.find()
    assert found is not None and found.root == ws.resolve()
    assert found.publisher["id"] == "demo-bureau" and found.defaults["license"] == "CC-BY-4.0"
    assert found.datasets_dir == ws.resolve() / "datasets"
    from opendata import taxonomy
    from opendata.trust import keys

    assert taxonomy.label("organizations", "demo-bureau") == "示范市某局"
    assert taxonomy.label("organizations", "demo-health")  # the shipped ones are still there
    monkeypatch.delenv("OPENDATA_HOME", raising=False)
    assert keys.home() == ws.resolve() / ".opendata-home"
    again = run("init", ws, "--publisher", "demo-bureau", "--name", "x", "--email", "a@b.example")
    assert again.code == 2 and "opendata.toml" in again.err
    monkeypatch.chdir(tmp_path)
    assert workspace.find() is None
    monkeypatch.setenv("OPENDATA_CONFIG", str(ws / "opendata.toml"))
    assert workspace.find().root == ws.resolve()


def test_workspace_taxonomy_extensions_and_own_schemas_are_used(ws, run):
    (ws / "taxonomies" / "subjects.json").write_text(json.dumps(
        {"items": [{"id": "own-subject", "zh": "本局专题", "en": "Our subject"}]}), encoding="utf-8")
    from opendata import taxonomy

    assert taxonomy.label("subjects", "own-subject") == "本局专题"
    (ws / "schemas" / "permits.json").write_text(json.dumps({"fields": [
        {"name": "permit_no", "title": "许可证编号", "type": "string"},
        {"name": "holder", "title": "持证单位", "type": "string"}]}, ensure_ascii=False), encoding="utf-8")
    (ws / "许可证.csv").write_text("许可证编号,持证单位\nXK001,示范科技有限公司\n", encoding="utf-8")
    fields = _draft(run, ws / "许可证.csv")["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == ["permit_no", "holder"]


def test_describe_chinese_headers_maps_onto_the_shared_schema_and_fills_the_workspace(ws, run):
    (ws / "企业登记信息.csv").write_text(ENTERPRISES_ZH, encoding="utf-8")
    draft = _draft(run, ws / "企业登记信息.csv")
    assert draft["name"] == "qi-ye-deng-ji-xin-xi" and draft["title"] == "企业登记信息"
    assert draft["licenses"] == [{"name": "CC-BY-4.0"}]
    assert draft["opendata"]["publisher"] == "demo-bureau"
    assert draft["opendata"]["contact"] == {"name": "示范市某局", "email": "opendata@demo-bureau.example"}
    assert draft["opendata"]["frequency"] == "yearly"
    fields = {f["title"]: f for f in draft["resources"][0]["schema"]["fields"]}
    assert fields["统一社会信用代码"]["name"] == "uscc" and fields["统一社会信用代码"]["constraints"]["required"]
    assert fields["法定代表人"]["opendata"]["disclosure"]  # the shared schema's legal basis
    phone = fields["联系电话"]
    assert phone["name"] == "lian_xi_dian_hua" and phone["type"] == "string"
    assert phone["opendata"]["pii"] == "cn_mobile" and phone["opendata"]["treatment"]["operator"]
    for f in fields.values():
        assert f["name"].isascii() and f["name"].replace("_", "").isalnum()
    text = run("describe", ws / "企业登记信息.csv")
    assert "enterprise-registration" in text.err and "联系电话" in text.err and "opendata.grade" in text.err


def test_check_on_the_drafted_package_names_what_is_missing_then_publishes(ws, run):
    (ws / "企业登记信息.csv").write_text(ENTERPRISES_ZH, encoding="utf-8")
    assert run("describe", ws / "企业登记信息.csv", "--out", ws / "datasets" / "qiye").code == 0
    checked = run("--lang", "en", "check", ws / "datasets" / "qiye")
    assert checked.code == 1
    assert "treatment_pending" in checked.out and "opendata redact" in checked.out
    assert "incorrect-label" not in checked.out  # Chinese headers over the shared schema's English names
    assert run("redact", ws / "datasets" / "qiye", "--out", ws / "build" / "qiye").code == 0
    assert run("check", ws / "build" / "qiye").code == 0
    assert run("approve", ws / "build" / "qiye", "--reviewer", "测试审核员", "--yes").code == 0
    published = run("publish", ws / "build" / "qiye", "--catalog", "site", "--format", "json")
    assert published.code == 0, published.out
    [row] = json.loads(published.out)
    assert row["status"] == "published" and Path(row["detail"]).is_file()
    assert Path(row["detail"]).is_relative_to(ws.resolve() / "site")  # [catalogs.site] of the workspace
    again = run("describe", ws / "企业登记信息.csv", "--out", ws / "datasets" / "qiye")
    assert again.code == 2 and "datapackage.json" in again.err  # a draft never overwrites


def test_describe_english_headers_match_the_shared_schema_by_name(ws, run):
    (ws / "enterprise-registrations.csv").write_text(ENTERPRISES_EN, encoding="utf-8")
    draft = _draft(run, ws / "enterprise-registrations.csv")
    assert draft["name"] == "enterprise-registrations"
    names = [f["name"] for f in draft["resources"][0]["schema"]["fields"]]
    assert names[:3] == ["uscc", "name", "legal_representative"] and names[3:] == ["phone", "capital"]


def test_describe_pinyin_headers_keep_them_as_names(ws, run):
    (ws / "shifan-qiye.csv").write_text(PINYIN, encoding="utf-8")
    draft = _draft(run, ws / "shifan-qiye.csv")
    fields = draft["resources"][0]["schema"]["fields"]
    assert [f["name"] for f in fields] == ["qiye_mingcheng", "lianxi_dianhua", "renshu"]
    assert fields[1]["opendata"]["pii"] == "cn_mobile" and fields[2]["type"] == "integer"


def test_a_file_called_data_needs_a_title_and_two_of_them_stay_two(ws, run):
    for folder in ("a", "b"):
        (ws / folder).mkdir()
        (ws / folder / "data.csv").write_text("名称,数量\n甲,1\n", encoding="utf-8")
    refused = run("--lang", "en", "describe", ws / "a" / "data.csv")
    assert refused.code == 2 and "--title" in refused.err
    first = _draft(run, ws / "a" / "data.csv", "--title", "示范市公园名录")
    second = _draft(run, ws / "b" / "data.csv", "--title", "示范市停车场名录")
    assert first["name"] != second["name"]
    assert first["name"] == "shi-fan-shi-gong-yuan-ming-lu"


def test_describe_outside_a_workspace_says_what_it_cannot_fill(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "医院名录.csv").write_text("医院名称,床位数\n示范医院,300\n", encoding="utf-8")
    result = run("--lang", "en", "describe", tmp_path / "医院名录.csv")
    draft = json.loads(result.out)
    assert "opendata" not in draft or "publisher" not in draft["opendata"]
    assert "not in a workspace" in result.err and "opendata.publisher" in result.err


def test_describe_json_and_parquet(ws, run):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"站点名称": ["一号站", "二号站"], "客流": [10, 20]}), ws / "公交客流.parquet")
    draft = _draft(run, ws / "公交客流.parquet")
    assert draft["name"] == "gong-jiao-ke-liu" and draft["resources"][0]["format"] == "parquet"
    (ws / "公交站点.json").write_text(json.dumps([{"站点": "一号站", "线路": "1"}], ensure_ascii=False), encoding="utf-8")
    assert _draft(run, ws / "公交站点.json")["resources"][0]["schema"]["fields"][0]["title"] == "站点"


def test_the_api_is_typed_and_documented(ws):
    (ws / "企业登记信息.csv").write_text(ENTERPRISES_ZH, encoding="utf-8")
    draft = od.describe(ws / "企业登记信息.csv")
    assert draft.grade and draft.openness and draft.decisions
    out = od.describe.__module__ and __import__("opendata.describe", fromlist=["write"]).write(draft, ws / "datasets" / "x")
    assert od.load(out).name == "qi-ye-deng-ji-xin-xi"
    assert workspace.find.__doc__ and workspace.Workspace.__doc__


def test_a_workspace_anyone_can_write_is_not_trusted_when_found_by_searching(tmp_path, monkeypatch, run):
    import os

    (tmp_path / "opendata.toml").write_text('[keys]\nhome = "/tmp/elsewhere"\n', encoding="utf-8")
    os.chmod(tmp_path / "opendata.toml", 0o666)
    (tmp_path / "below").mkdir()
    monkeypatch.chdir(tmp_path / "below")
    monkeypatch.delenv("OPENDATA_CONFIG", raising=False)
    result = run("--lang", "en", "check", ROOT_EXAMPLES / "weather")
    assert result.code == 2 and "writable by anyone" in result.err
    monkeypatch.setenv("OPENDATA_CONFIG", str(tmp_path / "opendata.toml"))  # named: trusted
    assert workspace.find().root == tmp_path.resolve()


def test_check_names_what_publishing_will_need_on_a_draft_outside_a_workspace(tmp_path, monkeypatch, run):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "医院名录.csv").write_text("医院名称,床位数\n示范医院,300\n", encoding="utf-8")
    assert run("describe", tmp_path / "医院名录.csv", "--out", tmp_path / "yiyuan").code == 0
    result = run("--lang", "en", "check", tmp_path / "yiyuan")
    assert "publishing will also need" in result.out
    for prop in ("licenses", "opendata.publisher", "opendata.contact"):
        assert prop in result.out
    assert "publishing will also need" not in run("check", ROOT_EXAMPLES / "weather").out


def test_a_first_row_of_personal_data_is_never_made_into_field_titles(ws, run):
    # no header row: the first row is somebody's record (synthetic ID number with a valid check digit)
    (ws / "人员名单.csv").write_text("11010519491231002X,13800138000\n110105194912310037,13912345678\n", encoding="utf-8")
    result = run("--lang", "en", "describe", ws / "人员名单.csv", "--out", ws / "datasets" / "x")
    assert result.code == 2 and "header column 1, 2 holds personal information" in result.err
    assert "11010519491231002X" not in result.err + result.out
    assert not (ws / "datasets" / "x").exists()
