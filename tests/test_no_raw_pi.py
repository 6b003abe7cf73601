"""No raw personal information in any report, log line or error message opendata produces."""

from __future__ import annotations

import csv
import io
import json

from conftest import make_package
from opendata.trust import keys
from pii_data import mobile, name, resident_id, rng


def test_no_raw_pi_in_reports_logs_or_errors(tmp_path, run, monkeypatch):
    monkeypatch.setenv("OPENDATA_HOME", str(tmp_path / "home"))
    keys.init_data_keys()
    keys.create_signing_key("审核员")
    r = rng(31)
    rows = [[f"C{i}", resident_id(r), name(r), mobile(r), f"投诉人{name(r)}反映，电话{mobile(r)}"] for i in range(40)]
    rows[5][1] = rows[5][1][:-1] + "?"  # a malformed ID: a validation error on a PI cell
    fields = [{"name": "no"}, {"name": "id_number", "constraints": {"pattern": r"\d{17}[\dX]"}},
              {"name": "who", "title": "姓名"}, {"name": "phone"}, {"name": "text"}]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[f["name"] for f in fields]] + rows)
    directory = make_package(tmp_path / "in", fields, buffer.getvalue())
    raw = {cell for row in rows for cell in row[1:4]} | {m for row in rows for m in [row[4][row[4].index("电话") + 2:]]}

    outputs = []
    for args in (("check", directory), ("check", directory, "--format", "json"), ("scan", directory),
                 ("scan", directory, "--format", "json"), ("publish", directory, "--catalog", tmp_path / "site"),
                 ("redact", directory, "--out", tmp_path / "bad")):
        result = run(*args)
        outputs.append(result.out + result.err)
    rows[5][1] = resident_id(r)  # fix the data; now redaction runs
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([[f["name"] for f in fields]] + rows)
    (directory / "data.csv").write_text(buffer.getvalue(), encoding="utf-8")
    raw.add(rows[5][1])
    for args in (("redact", directory, "--out", tmp_path / "out", "--format", "json"),
                 ("approve", tmp_path / "out", "--reviewer", "审核员", "--yes"),
                 ("publish", tmp_path / "out", "--catalog", tmp_path / "site"), ("check", tmp_path / "out"),
                 ("audit", "show", "test-data"), ("retract", "test-data", "--catalog", tmp_path / "site",
                                                  "--reason", "test")):
        result = run(*args)
        outputs.append(result.out + result.err)
    assert json.loads(outputs[-6])["resources"]  # the redaction report was produced
    assert "已发布" in outputs[-4]  # and the redacted data went all the way out
    outputs.append((tmp_path / "site" / "audit.jsonl").read_text("utf-8"))
    outputs.append((tmp_path / "home" / "audit.jsonl").read_text("utf-8"))
    outputs.append((tmp_path / "out" / "approval.json").read_text("utf-8"))
    everything = "\n".join(outputs)
    assert "第 7 行" in outputs[0]  # the malformed ID was reported, by row …
    leaked = sorted(v for v in raw if v in everything)
    assert leaked == [], f"{len(leaked)} raw values leaked"  # … but never shown
