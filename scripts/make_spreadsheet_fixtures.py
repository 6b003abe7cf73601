"""Write tests/data/spreadsheets/: synthetic government-style workbooks as departments export them
(title rows, a unit line, a two-row merged header, totals and notes below the data, several sheets,
numbers stored as text, dates as Excel serials), as .xlsx (openpyxl) and legacy .xls (xlwt).

Dev-only: ``.venv/bin/pip install xlwt`` first. The files are committed; tests never need xlwt.
All data is invented (示范市, districts 3399xx).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "spreadsheets"
TITLE = "示范市2024年各区户籍人口统计表"
UNIT = "单位：人"
UPPER = ["区划代码", "地区", "户籍人口", "", "统计日期"]
LOWER = ["", "", "男", "女", ""]
ROWS = [["339901", "示范一区", "51234", 50321, 45292], ["339902", "示范二区", "42110", 41876, 45292],
        ["339903", "示范三区", "38001", 37555, 45292]]  # counts partly stored as text; 45292 = 2024-01-01
FOOTER = [["合计", "", "131345", 129752, ""], ["填报单位：示范市统计局"], ["制表人：王小明    审核人：李大伟"],
          ["注：数据为合成示例。"]]


def write_xlsx(path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "户籍人口"
    sheet.append([TITLE]); sheet.merge_cells("A1:E1")
    sheet.append([UNIT])
    sheet.append(UPPER); sheet.merge_cells("C3:D3"); sheet.merge_cells("A3:A4"); sheet.merge_cells("B3:B4")
    sheet.merge_cells("E3:E4")
    sheet.append(LOWER)
    for row in ROWS:
        sheet.append(row)
        sheet.cell(sheet.max_row, 5).number_format = "yyyy-mm-dd"
    for row in FOOTER:
        sheet.append(row)
    other = book.create_sheet("说明")
    other.append(["本表为示例"])
    book.save(path)


def write_xls(path: Path) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("户籍人口")
    dates = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet.write_merge(0, 0, 0, 4, TITLE)
    sheet.write(1, 0, UNIT)
    sheet.write_merge(2, 3, 0, 0, UPPER[0]); sheet.write_merge(2, 3, 1, 1, UPPER[1])
    sheet.write_merge(2, 2, 2, 3, UPPER[2]); sheet.write_merge(2, 3, 4, 4, UPPER[4])
    sheet.write(3, 2, LOWER[2]); sheet.write(3, 3, LOWER[3])
    for r, row in enumerate(ROWS, start=4):
        for c, value in enumerate(row):
            if c == 4:
                sheet.write(r, c, dt.date(1899, 12, 30) + dt.timedelta(days=value), dates)
            else:
                sheet.write(r, c, value)
    for r, row in enumerate(FOOTER, start=4 + len(ROWS)):
        for c, value in enumerate(row):
            if value != "":
                sheet.write(r, c, value)
    book.save(str(path))


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(OUT / "示范市户籍人口统计表.xlsx")
    write_xls(OUT / "示范市户籍人口统计表.xls")
    print(f"written to {OUT}")
