"""redact: treats what it must, leaves the rest byte-for-byte, records it, and proves nothing is left."""

from __future__ import annotations

import csv
import io
import json

import pytest

import opendata as od
from conftest import make_package
from opendata.trust import keys
from opendata.pii.scan import scan
from opendata.redact import redact
from pii_data import mobile, name, resident_id, rng

FIELDS = [
    {"name": "case_no", "title": "工单编号"},
    {"name": "id_number", "title": "身份证号", "opendata": {"pii": "cn_resident_id", "treatment": {"operator": "mask"}}},
    {"name": "caller", "title": "来电人", "opendata": {"pii": "person_name", "treatment": {"operator": "pseudonymize"}}},
    {"name": "col_x"},
    {"name": "content", "title": "诉求内容"},
    {"name": "district", "title": "区县"},
]


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()


def _hotline(tmp_path, rows=80):
    r = rng(11)
    data = []
    for i in range(rows):
        data.append([f"GD2026{i:06d}", resident_id(r), name(r), mobile(r),
                     f"反映路灯不亮，联系电话{mobile(r)}，请处理,含逗号" if i % 2 else "咨询公交线路", "西湖区"])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f["name"] for f in FIELDS])
    writer.writerows(data)
    return make_package(tmp_path / "in", FIELDS, buffer.getvalue()), data


def _rows(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_redact_treats_declared_and_undeclared_pi_and_keeps_the_rest_byte_for_byte(tmp_path, home):
    directory, source = _hotline(tmp_path)
    out, report = redact(od.load(directory), tmp_path / "out")
    rows = _rows(tmp_path / "out" / "data" / "data.csv")
    assert rows[0] == ["case_no", "id_number", "caller", "col_x", "content", "district"]
    assert len(rows) - 1 == len(source)  # same count, same order
    for got, want in zip(rows[1:], source):
        assert got[0] == want[0] and got[5] == want[5]        # untouched fields, exactly
        assert got[1] == want[1][:6] + "********" + want[1][-4:]
        assert len(got[2]) == 24 and got[2] != want[2]        # pseudonym
        assert got[3] == want[3][:3] + "****" + want[3][-4:]  # undeclared mobile: policy default (mask)
        assert (want[4] == got[4]) == ("电话" not in want[4])
    plans = {f["name"]: f["treatments"] for f in report.to_dict()["resources"][0]["fields"]}
    assert plans["col_x"][0] == {"operator": "mask", "type": "cn_mobile", "params": {}, "auto": True, "spans": False,
                                 "cells": False}
    assert plans["content"][0]["spans"] and plans["content"][0]["auto"]
    descriptor = json.loads((tmp_path / "out" / "datapackage.json").read_text("utf-8"))
    fields = {f["name"]: f for f in descriptor["resources"][0]["schema"]["fields"]}
    assert fields["caller"]["opendata"]["treated"]["key_id"] == keys.data_key().id
    assert fields["id_number"]["opendata"]["treated"]["operator"] == "mask"
    assert "treated" not in fields["case_no"].get("opendata", {})
    assert descriptor["opendata"]["redaction"]["policy"]["id"] == "zj-default"


def test_redacted_output_grades_down_and_publishes(tmp_path, home):
    directory, _ = _hotline(tmp_path)
    before = od.check(od.load(directory))
    codes = {f.code for f in before.blocking}
    assert {"treatment_pending", "undeclared_pii", "undeclared_pii_spans"} <= codes and not before.publishable
    out, _ = redact(od.load(directory), tmp_path / "out")
    after = od.check(out)
    assert after.valid and after.grade == "L2" and after.openness == "restricted"  # pseudonyms stay PI
    assert after.publishable


def test_residual_pi_fails_names_rows_and_leaves_nothing_then_mask_all_is_the_way_forward(tmp_path, home, monkeypatch,
                                                                                          run):
    # A span treatment that leaves its spans (injected: every real one treats them, which the
    # other tests show) must be caught by the re-scan, named by row, and nothing written.
    from opendata.pii.operators.mask import Mask

    monkeypatch.setattr(Mask, "apply_spans", lambda self, values, *a, **k: values)
    monkeypatch.setattr(Mask, "apply_spans_fast", lambda self, values, *a, **k: values)
    rows = ["事由"] + [f"噪音扰民，联系电话{mobile(r)}，请尽快处理" if i % 3 == 0 else "路灯不亮"
                     for i, r in enumerate([rng(i) for i in range(12)])]
    directory = make_package(tmp_path / "in", [{"name": "事由"}], "\n".join(rows) + "\n")
    with pytest.raises(od.PolicyError) as info:
        redact(od.load(directory), tmp_path / "out")
    assert info.value.code == "redact.residual_rows" and info.value.params["field"] == "事由"
    assert info.value.params["rows"] == "2, 5, 8, 11"  # file rows (the header is row 1)
    assert "****" in info.value.params["samples"] and "1" in info.value.params["samples"]
    assert not any(m in str(info.value) for m in rows[1::3])  # no raw phone number in the message
    assert not (tmp_path / "out").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "in"]  # no staging left behind
    result = run("redact", directory, "--out", tmp_path / "out", "--mask-all", "事由")
    assert result.code == 0, result.err
    text = (tmp_path / "out" / "data" / "data.csv").read_text("utf-8-sig")
    assert "路灯" not in text and not any(m in text for m in rows[1::3])  # every cell masked whole
    assert run("redact", directory, "--out", tmp_path / "o2", "--suppress", "nope").code == 2


@pytest.mark.parametrize("treatment,expected", [
    ({"operator": "mask"}, ["10.20.*.*", "2001:0db8:*:*:*:*:*:*"]),
    ({"operator": "generalize"}, ["10.20.30.*", "2001:0db8:00aa:*:*:*:*:*"]),
])
def test_ipv6_addresses_are_treated_like_ipv4_ones(tmp_path, home, treatment, expected):
    fields = [{"name": "client_ip", "opendata": {"pii": "ip_address", "treatment": treatment}}]
    text = "client_ip\n" + "10.20.30.40\n2001:db8:aa:bb::1\n" * 10
    out, _ = redact(od.load(make_package(tmp_path / "in", fields, text)), tmp_path / "out")
    assert [row[0] for row in _rows(tmp_path / "out" / "data" / "data.csv")[1:]] == expected * 10
    detected = scan(out).to_dict()["resources"][0]["fields"][0]["detected"]
    assert [(d["type"], d["matches"], d["masked"]) for d in detected] == [("ip_address", 0, 20)]  # known as treated


def test_suppress_removes_the_field_and_records_it(tmp_path, home):
    fields = [{"name": "a"}, {"name": "phone", "opendata": {"pii": "cn_mobile", "treatment": {"operator": "suppress"}}}]
    r = rng(13)
    directory = make_package(tmp_path / "in", fields, "a,phone\n" + "".join(f"{i},{mobile(r)}\n" for i in range(10)))
    out, _ = redact(od.load(directory), tmp_path / "out")
    assert out.resources[0].schema.field_names == ["a"]
    assert _rows(tmp_path / "out" / "data" / "data.csv")[1] == ["0"]
    assert out.opendata["suppressed"] == [{"resource": "data", "field": "phone"}]


def test_k_anonymity_check_and_redaction(tmp_path, home):
    fields = [{"name": "birth", "title": "出生日期", "type": "date",
               "opendata": {"pii": "birth_date", "quasi_identifier": True, "disclosure": "test"}},
              {"name": "sex", "opendata": {"quasi_identifier": True}},
              {"name": "district", "opendata": {"quasi_identifier": True}},
              {"name": "diagnosis"}]
    r = rng(14)
    lines = ["birth,sex,district,diagnosis"]
    for i in range(200):  # 200 people spread over 4 years: rare at day level, common at year level
        lines.append(f"{r.randint(1990, 1993)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d},{r.choice('男女')},西湖区,感冒")
    lines.append("1950-01-01,男,南湖区,感冒")  # unique even at year level
    directory = make_package(tmp_path / "in", fields, "\n".join(lines) + "\n")
    report = od.check(od.load(directory))
    finding = next(f for f in report.findings if f.code == "k_anonymity")
    assert finding.params["groups"] > 10 and "birth, sex, district" in finding.message("en")
    assert "1950-01-01" not in finding.message("en")  # combinations are shown masked
    out, result = redact(od.load(directory), tmp_path / "out")
    assert result.generalized_qi["data"] == ["birth"]
    assert result.suppressed_rows["data"] == 1 and result.rows_out["data"] == 200
    assert not [f for f in od.check(out).findings if f.code == "k_anonymity"]


def _passes(monkeypatch):
    """Count the treatment passes redact makes after the check pass."""
    import sys

    module = sys.modules["opendata.redact"]
    calls = []
    original = module._treat_resource
    monkeypatch.setattr(module, "_treat_resource", lambda *a, **k: calls.append(a[0].name) or original(*a, **k))
    return module, calls


def test_treating_during_the_check_pass_writes_the_same_bytes_as_a_second_pass(tmp_path, home, monkeypatch):
    directory, _ = _hotline(tmp_path, rows=400)
    module, calls = _passes(monkeypatch)
    redact(od.load(directory), tmp_path / "one")
    assert calls == []  # the sample's plan held: the data was read once
    monkeypatch.setattr(module, "_provisional_plans", lambda *a: (None, None))
    redact(od.load(directory), tmp_path / "two")
    assert calls == ["data"]
    one, two = (tmp_path / d / "data" / "data.csv" for d in ("one", "two"))
    assert one.read_bytes() == two.read_bytes()


def test_a_plan_the_whole_file_changes_is_written_again_under_the_final_plan(tmp_path, home, monkeypatch):
    # The first rows of "notes" hold no PI; the rest are mobile numbers. A plan from the first
    # rows leaves the field alone; the whole-file scan masks it, so redact writes it again.
    r = rng(15)
    phones = [mobile(r) for _ in range(90)]
    directory = make_package(tmp_path / "in", [{"name": "n"}, {"name": "notes"}],
                             "n,notes\n" + "".join(f"{i},已办结\n" for i in range(10))
                             + "".join(f"{i},{p}\n" for i, p in enumerate(phones, 10)))
    module, calls = _passes(monkeypatch)
    monkeypatch.setattr(module, "PLAN_SAMPLE_ROWS", 10)
    out, report = redact(od.load(directory), tmp_path / "out")
    assert calls == ["data"]
    rows = _rows(tmp_path / "out" / "data" / "data.csv")
    assert [row[1] for row in rows[11:]] == [p[:3] + "****" + p[-4:] for p in phones]
    assert report.rows_out["data"] == 100 and out.resources[0].schema.get("notes").opendata["treated"]


def test_spans_in_every_written_form_come_out_as_the_exact_rewrite_makes_them(tmp_path, home, monkeypatch):
    from opendata.pii.operators.mask import Mask

    r = rng(17)
    forms = [lambda m: m, lambda m: "+86" + m, lambda m: f"{m[:3]} {m[3:7]} {m[7:]}", lambda m: f"+86-{m}"]
    texts = [f"来电反映，电话{r.choice(forms)(mobile(r))}，身份证{resident_id(r)}" for _ in range(300)]
    directory = make_package(tmp_path / "in", [{"name": "content", "title": "诉求内容"}],
                             "content\n" + "".join(f"{t}\n" for t in texts))
    redact(od.load(directory), tmp_path / "fast")
    monkeypatch.setattr(Mask, "apply_spans_fast", lambda *a, **k: None)
    redact(od.load(directory), tmp_path / "exact")
    fast, exact = (_rows(tmp_path / d / "data" / "data.csv") for d in ("fast", "exact"))
    assert fast == exact and fast[1:] != [[t] for t in texts]


def test_invalid_data_is_refused_and_nothing_is_left(tmp_path, home):
    fields = [{"name": "n", "type": "integer"}, {"name": "phone", "opendata": {"pii": "cn_mobile"}}]
    r = rng(16)
    directory = make_package(tmp_path / "in", fields,
                             "n,phone\n" + "".join(f"{i},{mobile(r)}\n" for i in range(20)) + "x,13812345678\n")
    with pytest.raises(od.ValidationFailed):
        redact(od.load(directory), tmp_path / "out")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["home", "in"]  # no output, no staging


def test_cli_redact_reports_what_it_did(tmp_path, home, run):
    directory, _ = _hotline(tmp_path)
    result = run("--lang", "en", "redact", directory, "--out", tmp_path / "out")
    assert result.code == 0, result.err
    assert "data.col_x: mask mobile number (undeclared PI detected: policy default)" in result.out
    again = run("--lang", "en", "redact", directory, "--out", tmp_path / "out")
    assert again.code == 2 and "exists and is not empty" in again.err
