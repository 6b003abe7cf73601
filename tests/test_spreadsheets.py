"""Government spreadsheets as they are (issue 17): title rows, a unit line, a two-row merged header,
totals and notes below the data, several sheets, numbers stored as text, dates as Excel serials, and
legacy .xls. describe finds the table, says what it skipped and records it in the dialect, so check
reads the same file the same way every time. Fixtures: scripts/make_spreadsheet_fixtures.py."""

from __future__ import annotations

import json
import shutil

import pytest

import opendata as od
from conftest import DATA
from opendata.readers.layout import find_table, header_labels

SHEETS = DATA / "spreadsheets"
EXPECTED_TITLES = ["区划代码", "地区", "户籍人口 男", "户籍人口 女", "统计日期"]


@pytest.fixture
def ws(tmp_path, monkeypatch, run):
    assert run("init", tmp_path / "bureau", "--publisher", "demo-stats", "--name", "示范市统计局",
               "--email", "opendata@demo-stats.example").code == 0
    monkeypatch.chdir(tmp_path / "bureau")
    return tmp_path / "bureau"


@pytest.mark.parametrize("suffix", [".xlsx", ".xls"])
def test_describe_finds_the_table_under_title_rows_over_totals_and_notes(ws, run, suffix):
    source = ws / f"示范市户籍人口统计表{suffix}"
    shutil.copy(SHEETS / source.name, source)
    result = run("--lang", "en", "describe", source, "--out", ws / "datasets" / "population")
    assert result.code == 0, result.err
    assert "title rows above the header skipped: row 1, 2" in result.out
    assert "row 8, 9, 10, 11 (recorded as dialect.commentRows)" in result.out
    assert "rows 3, 4" in result.out
    descriptor = json.loads((ws / "datasets" / "population" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] == "示范市2024年各区户籍人口统计表"  # the sheet's title row
    assert descriptor["name"] == "shi-fan-shi-2024-nian-ge-qu-hu-ji-ren-kou-tong-ji-biao"
    resource = descriptor["resources"][0]
    assert resource["dialect"] == {"headerRows": [3, 4], "headerJoin": " ", "commentRows": [8, 9, 10, 11]}
    fields = resource["schema"]["fields"]
    assert [f["title"] for f in fields] == EXPECTED_TITLES
    assert [f["type"] for f in fields] == ["integer", "string", "integer", "integer", "date"]  # text numbers, serial dates
    assert (ws / "datasets" / "population" / resource["path"]).is_file()
    checked = run("--lang", "en", "check", ws / "datasets" / "population")
    assert checked.code == 0, checked.out
    assert "header on row 3, 4, 2 rows above it skipped, totals and notes skipped: rows 8, 9, 10, 11" in checked.err
    table = od.load(ws / "datasets" / "population").resources[0].to_arrow(typed=False)
    assert table.num_rows == 3  # no total, no note
    assert table.column("di_qu").to_pylist() == ["示范一区", "示范二区", "示范三区"]
    assert table.column("tong_ji_ri_qi").to_pylist() == ["2024-01-01"] * 3
    # the notes name people (制表人): describe reports row numbers, never their text
    assert "王小明" not in result.out + result.err


def test_several_sheets_are_named_and_the_chosen_one_recorded(ws, run):
    source = ws / "示范市户籍人口统计表.xlsx"
    shutil.copy(SHEETS / source.name, source)
    result = run("--lang", "en", "describe", source)
    assert 'the workbook has several sheets: "户籍人口" was described; describe the others (说明)' in result.err
    assert json.loads(result.out)["resources"][0]["sheet"] == "户籍人口"


def test_the_same_file_reads_the_same_way_every_time(ws, run):
    source = ws / "示范市户籍人口统计表.xlsx"
    shutil.copy(SHEETS / source.name, source)
    run("describe", source, "--out", ws / "datasets" / "p")
    first = od.load(ws / "datasets" / "p").resources[0].to_arrow(typed=False)
    second = od.load(ws / "datasets" / "p").resources[0].to_arrow(typed=False)
    assert first.equals(second)
    # the dialect, not a guess, decides: without it the title row is read as the header
    descriptor = json.loads((ws / "datasets" / "p" / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["resources"][0]["dialect"]
    (ws / "datasets" / "p" / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert run("check", ws / "datasets" / "p").code == 1


def test_a_dialect_the_reader_cannot_follow_is_refused_not_ignored(tmp_path, run):
    (tmp_path / "data.json").write_text('[{"a": 1}]', encoding="utf-8")
    (tmp_path / "datapackage.json").write_text(json.dumps({"name": "j", "resources": [
        {"name": "j", "path": "data.json", "dialect": {"commentRows": [3]},
         "schema": {"fields": [{"name": "a", "type": "integer"}]}}]}), encoding="utf-8")
    result = run("--lang", "en", "check", tmp_path)
    assert result.code == 2 and "dialect.commentRows" in result.err


def test_find_table_on_shapes_it_was_not_written_for():
    plain = [["a", "b"], ["1", "2"]]
    assert find_table(plain).header_rows == [1] and find_table(plain).dialect == {}
    one_title = [["某某表", "", ""], ["名称", "数量", "金额"], ["甲", "1", "2"], ["总计", "1", "2"]]
    found = find_table(one_title)
    assert found.header_rows == [2] and found.comment_rows == [4] and found.title == "某某表"
    # a data row whose first cell is text is not a second header row
    text_first = [["名称", "地址"], ["示范医院", "示范路1号"], ["示范学校", "示范路2号"]]
    assert find_table(text_first).header_rows == [1]
    assert header_labels([["x", "合并", "", "y"], ["", "上", "下", ""]], [1, 2]) == ["x", "合并 上", "合并 下", "y"]


def test_unformatted_excel_serial_dates_are_named_for_the_officer(ws, run):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["登记日期", "名称"])
    book.active.append([45292, "甲"])
    book.active.append([45293, "乙"])
    book.save(ws / "示范登记表.xlsx")
    result = run("--lang", "en", "describe", ws / "示范登记表.xlsx")
    assert result.code == 0 and 'field "登记日期" looks like Excel serial dates' in result.err
    (ws / "示范人数表.csv").write_text("区划日期说明,人数\n甲,45292\n", encoding="utf-8")
    assert "serial dates" not in run("--lang", "en", "describe", ws / "示范人数表.csv").err


def test_a_csv_export_with_a_title_row_and_totals(ws, run):
    (ws / "示范表.csv").write_text("示范市2024年公园名录\n名称,面积,开放时间\n示范公园,12.5,全天\n滨江公园,8,6:00-22:00\n"
                                  "合计,20.5,\n填报单位：示范市园林局\n", encoding="gbk")
    result = run("--lang", "en", "describe", ws / "示范表.csv", "--out", ws / "datasets" / "parks")
    assert result.code == 0, result.err
    descriptor = json.loads((ws / "datasets" / "parks" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] == "示范市2024年公园名录"
    resource = descriptor["resources"][0]
    assert resource["dialect"] == {"headerRows": [2], "commentRows": [5, 6]} and resource["encoding"] == "gbk"
    assert [f["title"] for f in resource["schema"]["fields"]] == ["名称", "面积", "开放时间"]
    assert resource["schema"]["fields"][1]["type"] == "number"
    assert run("check", ws / "datasets" / "parks").code == 0
    rows = od.load(ws / "datasets" / "parks").resources[0].to_arrow(typed=False)
    assert rows.column(0).to_pylist() == ["示范公园", "滨江公园"]


def test_a_plain_csv_gets_no_dialect(ws, run):
    (ws / "示范名录.csv").write_text("名称,数量\n甲,1\n乙,2\n", encoding="utf-8")
    result = run("describe", ws / "示范名录.csv", "--format", "json")
    assert "dialect" not in json.loads(result.out)["resources"][0]
