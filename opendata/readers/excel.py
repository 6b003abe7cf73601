"""XLSX/XLS reader through python-calamine (Rust), cells rendered back to the text a person typed.

Excel stores numbers as doubles: a value typed as a number has already lost digits past the 15th
(an ID number typed without a leading apostrophe is damaged inside Excel itself). Cells stored as
text come through exactly. Integral numbers are written without ``.0`` and, however long, in
digits; dates as ISO 8601.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
import zipfile
from pathlib import Path
from typing import Any, Iterator

from ..errors import InputError
from .base import Chunk, TableSource, batched, width_issue


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        if value.is_integer() and abs(value) < 1e21:
            # A long number typed into a cell (an ID number, 330802195705281234) is kept by Excel
            # to 15 significant digits: written out as the sheet shows it in a number format
            # (330802195705281000), not as 3.30802195705281e+17 — so that a column of such cells
            # is read as the damaged ID numbers they are, and treated with the column.
            return str(int(Decimal(repr(value))))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


#: An XLSX is a zip of XML; more than this much XML once inflated is refused before any of it is
#: inflated (a 2 MB "zip bomb" can declare 2 GiB of sheet XML). A full Excel sheet of a million
#: short rows stays well below it.
MAX_INFLATED_BYTES = 1 << 30


def check_inflated_size(path: Path, limit: int = MAX_INFLATED_BYTES) -> None:
    """Refuse a workbook whose members would inflate to more than ``limit`` bytes, from the sizes
    its zip directory declares (nothing is decompressed). A member that inflates past its declared
    size is refused by calamine's zip reader itself (checked: "larger than its declared uncompressed
    size"), so the declared sizes bound the work. Legacy ``.xls`` files are not zips."""
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as book:
            members = book.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError("input.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc
    total = 0
    for member in members:
        total += member.file_size
        if total > limit:
            raise InputError("hostile.xlsx_too_large", path=str(path), member=member.filename[:200],
                             limit=limit >> 20)


def _used_width(row: list[str]) -> int:
    width = len(row)
    while width and row[width - 1] == "":
        width -= 1
    return width


def read_rows(path: Path, sheet: str | int | None = None) -> list[list[str]]:
    """Every row of the sheet (by name or 1-based index; the first by default) as text, trailing
    empty rows dropped."""
    from python_calamine import CalamineWorkbook

    check_inflated_size(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        if isinstance(sheet, str) and not sheet.isdigit():
            data = book.get_sheet_by_name(sheet)
        else:
            data = book.get_sheet_by_index(int(sheet or 1) - 1)
        rows = [[_text(v) for v in row] for row in data.to_python(skip_empty_area=False)]
    except Exception as exc:  # calamine raises its own exception types for broken workbooks
        raise InputError("input.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc
    # Drop trailing fully empty rows: Excel's used range often runs past the data.
    while rows and all(c == "" for c in rows[-1]):
        rows.pop()
    return rows


def sheet_names(path: Path) -> list[str]:
    """The workbook's sheets, in order."""
    from python_calamine import CalamineWorkbook

    check_inflated_size(path)
    try:
        return list(CalamineWorkbook.from_path(str(path)).sheet_names)
    except Exception as exc:
        raise InputError("input.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc


def open_excel(path: Path, sheet: str | int | None = None, dialect: dict[str, Any] | None = None) -> TableSource:
    """Open the first sheet (or ``sheet``, by name or 1-based index) of a workbook.

    The dialect's ``headerRows`` (joined with ``headerJoin``; a merged cell's text carried across
    the columns it spans) and ``commentRows`` say where the table is in a sheet made for printing
    (:mod:`.layout`); rows above the first header row are not read, and rows keep their sheet
    numbers in reports.
    """
    from .layout import header_labels

    dialect = dialect or {}
    rows = read_rows(path, sheet)
    header_rows = list(dialect.get("headerRows") or [1])
    skip = set(dialect.get("commentRows") or ())
    first_data = max(header_rows)  # 0-based index of the first data row
    if len(rows) < header_rows[0] or all(c == "" for c in rows[header_rows[0] - 1]):
        raise InputError("input.empty", path=str(path))
    labels = header_labels(rows, header_rows, dialect.get("headerJoin", " "))
    # The table is as wide as the widest row of the used range, so a trailing blank header cell
    # over data is a blank (or extra) label, as in Frictionless, not an extra cell of each row.
    numbered = [(i + 1, r) for i, r in enumerate(rows) if i >= first_data and i + 1 not in skip]
    width = max([_used_width(labels)] + [_used_width(r) for _, r in numbered])
    header = (labels + [""] * width)[:width]
    body = [(n, r[:width]) for n, r in numbered]

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        return batched(iter(body), width, batch_rows, width_issue(width))

    notes = []
    if header_rows != [1] or skip:  # what the dialect made the reader leave out, by row number only
        from .. import messages

        notes.append(messages.t("input.sheet_layout", path=str(path), header=", ".join(map(str, header_rows)),
                                before=header_rows[0] - 1, skipped=", ".join(map(str, sorted(skip))) or "-"))
    return TableSource(str(path), "xlsx", header, None, chunks, notes=notes)
