"""Where the table is in a government spreadsheet, as it was exported.

Sheets made for printing put a title above the header (``示范市2024年企业登记统计表``), a unit line
(``单位：万元``), a header over two rows with merged cells (``户籍人口`` over ``男``/``女``), and notes
and totals below the data (``合计``, ``填报单位：``, ``制表人：``). :func:`find_table` finds the
header rows and the rows that are not data, as Table Dialect properties (``headerRows``,
``headerJoin``, ``commentRows``) that ``opendata describe`` records in the descriptor, so the same
file is read the same way every time: the reader only ever follows the dialect, it never guesses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

#: a row starting with one of these is a note or a total, not data
FOOTER = re.compile(r"^\s*(?:合\s*计|总\s*计|小\s*计|填报单位|填表单位|填报人|填表人|制表人|制表单位|制表日期|制表|"
                    r"审核人|审核|负责人|单位负责人|统计负责人|联系电话|填报日期|注|说明|备注|数据来源|资料来源|"
                    r"total|subtotal|note|notes)\s*(?:$|[:：]|[0-9一二三四五六七八九十、.]|\s)", re.IGNORECASE)
_NUMBER = re.compile(r"^-?[\d,]+(\.\d+)?%?$")


@dataclass
class Layout:
    """Where the table is: 1-based sheet rows, as Table Dialect properties name them."""

    header_rows: list[int]
    comment_rows: list[int] = field(default_factory=list)
    title: str | None = None
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (row, why) for the officer

    @property
    def dialect(self) -> dict[str, Any]:
        """The dialect that reads the sheet this way (empty for a plain sheet: header on row 1)."""
        out: dict[str, Any] = {}
        if self.header_rows != [1]:
            out["headerRows"] = self.header_rows
            if len(self.header_rows) > 1:
                out["headerJoin"] = " "
        if self.comment_rows:
            out["commentRows"] = self.comment_rows
        return out


def _filled(row: list[str]) -> list[int]:
    return [i for i, c in enumerate(row) if c.strip()]


def find_table(rows: list[list[str]]) -> Layout:
    """The header rows and the non-data rows of a sheet's cells (as text)."""
    widths = [len(_filled(r)) for r in rows]
    widest = max(widths, default=0)
    if widest == 0:
        return Layout([1])
    # The header: the first row filled across most of the table's width (a title row is one cell).
    # A one-column sheet has its header in its first filled row.
    header = next(i for i, w in enumerate(widths) if w >= max(min(2, widest), 0.5 * widest))
    header_rows = [header + 1]
    below = rows[header + 1] if header + 1 < len(rows) else []
    if below and _filled(below) and all(not _NUMBER.match(c.strip()) for c in below if c.strip()) \
            and (len(_filled(rows[header])) < len(_filled(below)) or any(
                not rows[header][i].strip() for i in _filled(below) if i < len(rows[header]))):
        header_rows.append(header + 2)  # a second header row under merged cells
    layout = Layout(header_rows)
    for i in range(header):
        text = " ".join(c.strip() for c in rows[i] if c.strip())
        if text:
            layout.skipped.append((i + 1, "title"))
            if layout.title is None and not re.match(r"^(单位|计量单位)[:：]", text):
                layout.title = text
    first_data = header_rows[-1]  # 0-based index of the first data row
    # Totals and notes close the table: only the rows after the last data row are skipped, so a
    # data row that happens to start with 说明 or 合计 in the middle of the table stays data.
    footer: list[int] = []
    for i in range(len(rows) - 1, first_data - 1, -1):
        cells = [c.strip() for c in rows[i] if c.strip()]
        if not cells:
            continue  # blank rows are not data either way; the reader skips them as empty
        if FOOTER.match(cells[0]) or (len(cells) == 1 and widest > 2):
            footer.append(i + 1)
        else:
            break
    layout.comment_rows = sorted(footer)
    layout.skipped += [(r, "note") for r in layout.comment_rows]
    return layout


def header_labels(rows: list[list[str]], header_rows: list[int], join: str = " ") -> list[str]:
    """One label per column from the header rows; a merged cell's text (in its first column only)
    is carried to the columns it spans, as long as the row below has a label there."""
    picked = [list(rows[r - 1]) for r in header_rows if r - 1 < len(rows)]
    width = max((len(r) for r in picked), default=0)
    picked = [r + [""] * (width - len(r)) for r in picked]
    for upper, lower in zip(picked, picked[1:]):
        carried = ""
        for i in range(width):
            if upper[i].strip():
                carried = upper[i]
            elif carried and lower[i].strip():
                upper[i] = carried
            else:
                carried = ""
    labels = []
    for i in range(width):
        parts: list[str] = []
        for row in picked:
            text = row[i].strip()
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(join.join(parts))
    return labels
