"""Safe outputs (issue 15): formula-leading cells are found by the check and neutralised, reversibly,
in the published CSV and dictionary.csv; control characters never reach the terminal raw."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq

import opendata as od
from opendata import formulas

from conftest import REVIEWER, approved, make_package

FIELDS = [{"name": "id", "type": "integer"}, {"name": "link", "type": "string"},
          {"name": "note", "type": "string", "title": "=cmd|' /C calc'!A0"}]
CELLS = ['=HYPERLINK("http://evil.example","点击")', "+SUM(1)", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
         "'=already quoted", "-5", "普通文本"]


def _formula_package(tmp_path: Path) -> Path:
    rows = [["id", "link", "note"]] + [[str(-i if i % 2 else i), cell, "ok"] for i, cell in enumerate(CELLS, 1)]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(rows)
    return make_package(tmp_path / "pkg", FIELDS, buffer.getvalue())


def _csv_cells(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def test_check_reports_formula_cells_per_field_without_blocking(tmp_path):
    report = od.check(od.load(_formula_package(tmp_path)))
    found = [f for f in report.findings if f.code == "formula_cells"]
    assert [(f.field, f.params["count"], f.blocking) for f in found] == [("link", 7, False)]
    assert report.publishable  # negative ids (-1, -3 …) in the integer field are not formulas
    assert "link" in found[0].message("en") and "7" in found[0].message("en")


def test_published_csv_and_dictionary_are_neutralised_reversibly(tmp_path, run):
    package = approved(_formula_package(tmp_path), tmp_path / "out")
    catalog = tmp_path / "site"
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    live = catalog / "datasets" / package.name
    approved_rows = _csv_cells(package.basepath / "data" / "data.csv")
    published_rows = _csv_cells(live / "data" / "data.csv")
    assert published_rows[0] == approved_rows[0]
    for approved_row, published_row in zip(approved_rows[1:], published_rows[1:]):
        assert published_row[0] == approved_row[0]  # -1, -3 … untouched
        link = approved_row[1]
        expected = link if link in ("-5", "普通文本") else "'" + link
        assert published_row[1] == expected
        assert formulas.unescape_text(published_row[1]) == link  # reversible
    assert not any(c[:1] and c[:1] in "=+-@\t\r" and not c.lstrip("-").isdigit() for row in published_rows for c in row)
    # the typed Parquet file keeps the values as approved
    assert pq.read_table(live / "data" / "data.parquet").column("link").to_pylist() == [r[1] for r in approved_rows[1:]]
    dictionary = {r["field"]: r for r in csv.DictReader(io.StringIO((live / "dictionary.csv").read_text("utf-8-sig")))}
    assert dictionary["note"]["title"] == "'=cmd|' /C calc'!A0"
    assert json.loads((live / "dictionary.json").read_text("utf-8"))[2]["title"] == "=cmd|' /C calc'!A0"
    record = json.loads((live / "datapackage.json").read_text("utf-8"))["opendata"]["formula_escape"]
    assert record["prefix"] == "'" and record["files"] == {"data/data.csv": {"link": 7}, "dictionary.csv": {"title": 1}}
    assert od.load(live).name == package.name  # the published descriptor is still a valid package


def test_data_without_formulas_is_published_byte_for_byte(tmp_path, run):
    directory = make_package(tmp_path / "pkg", [{"name": "id", "type": "integer"}, {"name": "t", "type": "string"}],
                             "id,t\n-5,甲\n2,-\n")
    package = approved(directory, tmp_path / "out")
    catalog = tmp_path / "site"
    assert run("publish", package.basepath, "--catalog", catalog).code == 0
    live = catalog / "datasets" / package.name
    assert (live / "data" / "data.csv").read_bytes() == (package.basepath / "data" / "data.csv").read_bytes()
    assert (live / "datapackage.json").read_bytes() == (package.basepath / "datapackage.json").read_bytes()


def test_a_formula_field_name_blocks_publication(tmp_path):
    directory = make_package(tmp_path / "pkg", [{"name": "=HYPERLINK(\"http://x\")", "type": "string"},
                                                {"name": "-5", "type": "string"}], '"=HYPERLINK(""http://x"")",-5\na,b\n')
    report = od.check(od.load(directory))
    assert [(f.code, f.field) for f in report.blocking] == [("formula_header", '=HYPERLINK("http://x")')]
    assert not report.publishable


def test_escape_and_unescape_are_inverse():
    values = ["=1", "''=1", "'", "'-5", "-5", "-", "--x", "@", "a=b", "", "\t", "'\r", "+86 138 0000 0000"]
    for value in values:
        assert formulas.unescape_text(formulas.escape_text(value)) == value
        assert formulas.escape_text(value) == formulas.escape_column(__import__("pyarrow").array([value]))[0][0].as_py()


HOSTILE_TITLE = "标题\x1b[2J\x1b[32m结论：可以发布\r\x9b31m\u202e[red]x[/red]"


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c in "\x1b\r\x9b\u202e"]


def test_control_characters_are_escaped_in_check_approve_and_publish(tmp_path, run):
    directory = make_package(tmp_path / "pkg", [{"name": "id", "type": "integer"}, {"name": "t", "type": "string"}],
                             "id,t\n1,甲\n", title=HOSTILE_TITLE)
    for fmt in ("text", "json"):
        result = run("check", directory, "--format", fmt)
        assert result.code == 0 and not _raw_controls(result.out + result.err)
        assert "\\u001b[2J" in result.out
    assert json.loads(run("check", directory, "--format", "json").out)["title"] == HOSTILE_TITLE
    out, _ = od.redact(od.load(directory), tmp_path / "out")
    result = run("approve", out.basepath, "--reviewer", REVIEWER, "--yes")
    assert result.code == 0 and not _raw_controls(result.out + result.err) and "\\u001b" in result.out
    (tmp_path / "evil\x1b[31m").mkdir()
    result = run("publish", out.basepath, tmp_path / "evil\x1b[31m", "--catalog", tmp_path / "site")
    assert result.code == 1 and not _raw_controls(result.out + result.err)
    assert "\\u001b[31m" in result.out  # the blocked directory's name, shown escaped in the table
