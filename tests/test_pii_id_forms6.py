"""Blind corpus #6: resident ID numbers in forms the detectors did not read — damaged by a
spreadsheet (a number cell of 15 significant digits, 3.30802195705281E+17, …281000), listed several
to a cell (ID和ID、ID), split across a slash with spaces — with generated data of our own.

A column that names IDs is treated whole, every cell of it, whatever form a cell has; a column that
names nothing but holds ID numbers in scientific notation is asked about (fail closed).
"""

from __future__ import annotations

import csv
import io
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from conftest import make_package
from pii_data import name, resident_id, rng
from pii_forms import decided, detections, leaks, output_cells, package, redacted
import opendata as od
from opendata.identifiers import uscc_valid

FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii-id6-"))


def _excel_number(ident: str) -> float:
    """An 18-digit ID typed into a cell as a number: Excel keeps 15 significant digits."""
    return float(ident[:15] + "000")


def _padded(r: random.Random, *, uscc: bool = False) -> tuple[str, str]:
    """(an ID, its first 15 digits padded with 000); with ``uscc`` one whose padded form also passes
    the unified social credit code's check (one in 31 does)."""
    while True:
        ident = resident_id(r, r.choice(("339901", "339902", "339903")))
        padded = ident[:15] + "000"
        if padded != ident and uscc_valid(padded) == uscc:
            return ident, padded


def _scientific(ident: str, digits: int) -> str:
    """The ID as a spreadsheet or pandas shows it in scientific notation, ``digits`` significant."""
    mantissa = ident[:digits].rstrip("0") or ident[0]
    return f"{mantissa[0]}.{mantissa[1:]}E+17" if digits < 16 else f"{mantissa[0]}.{mantissa[1:]}e+17"


def _xlsx_package(directory: Path, header: str, cells: list[object]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", header])
    r = rng(len(cells))
    for cell in cells:
        sheet.append([name(r), cell])
    buffer = io.BytesIO()
    book.save(buffer)
    return make_package(directory, [{"name": "姓名"}, {"name": header}], buffer.getvalue(), filename="data.xlsx")


def _output_rows(out: Path) -> list[dict[str, str]]:
    path = next((out / "data").glob("*.csv"))
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@FEW
@given(seed=st.integers(0, 10_000), header=st.sampled_from(["申请人证件号码", "身份证号", "备注"]))
def test_ids_typed_as_numbers_into_a_workbook_are_read_as_digits_and_never_leave_raw(seed: int, header: str) -> None:
    """Number cells of IDs (15 significant digits kept) beside text IDs: the reader writes them out
    in digits (330802195705281000, not 3.30802195705281e+17), and an ID column treats every one."""
    r = rng(seed)
    ids = [resident_id(r, r.choice(("339901", "339902"))) for _ in range(ROWS)]
    numbers = ids[: ROWS // 3]
    cells: list[object] = [_excel_number(v) for v in numbers] + ids[ROWS // 3:]
    directory = _xlsx_package(_fresh() / "p", header, cells)
    from opendata.readers.excel import read_rows

    read = [row[1] for row in read_rows(directory / "data.xlsx")[1:]]
    assert read[: len(numbers)] == [v[:15] + "000" for v in numbers]
    report = od.check(od.load(directory))
    assert "cn_resident_id" in {d.type for d in detections(report, header) if d.status == "column"}
    out = directory.parent / "out"
    od.redact(od.load(directory), out)
    column = [row[header] for row in _output_rows(out)]
    assert not leaks([v[:15] for v in ids], column)


@FEW
@given(seed=st.integers(0, 10_000))
def test_ids_padded_with_000_in_an_id_column_are_treated_even_where_they_pass_an_organisations_check(seed: int) -> None:
    """An export's IDs cut to 15 digits and padded with 000 (…281000) beside whole ones: every cell
    of the ID column is treated — those whose digits happen to pass the unified social credit code's
    check too (they are no organisation's code: they read as the IDs they were)."""
    r = rng(seed)
    whole = [resident_id(r) for _ in range(ROWS // 2)]
    padded = [_padded(r, uscc=k % 3 == 0)[1] for k in range(ROWS // 2)]
    cells = whole + padded
    r.shuffle(cells)
    directory = package(_fresh() / "p", {"姓名": [name(r) for _ in cells], "公民身份号码": cells})
    report = od.check(od.load(directory))
    assert "cn_uscc" not in {d.type for d in detections(report, "公民身份号码")}
    rows, _, _ = redacted(directory, directory.parent / "out")
    column = [row["公民身份号码"] for row in rows]
    assert not leaks([v[:14] for v in cells], column)


@FEW
@given(seed=st.integers(0, 10_000), digits=st.sampled_from([12, 14, 15, 16]))
def test_ids_in_scientific_notation_make_an_unnamed_column_uncertain_and_a_named_one_an_id_column(
        seed: int, digits: int) -> None:
    """3.30802195705E+17 … 3.308021957052807e+17: under no header hint a column of them is asked
    about (uncertain, not nothing); under 证件号码 it is an ID column, every cell masked. Excel's
    General display, 3.30802E+17 (the division code alone), is no evidence: nothing is asked."""
    r = rng(seed)
    ids = [resident_id(r, r.choice(("339901", "110105", "440305"))) for _ in range(ROWS)]
    shown = [_scientific(v, digits) for v in ids]
    general = [_scientific(v, 6) for v in ids]
    directory = package(_fresh() / "p", {"编码": shown, "证件号码": shown, "区划": general})
    report = od.check(od.load(directory))
    unnamed = {d.type: d.status for d in detections(report, "编码")}
    assert unnamed.get("cn_resident_id") == "uncertain"
    assert {d.type: d.status for d in detections(report, "证件号码")}.get("cn_resident_id") == "column"
    assert not detections(report, "区划")
    declared = package(_fresh() / "q", {"证件号码": shown, "区划": general})
    rows, _, _ = redacted(declared, declared.parent / "out")
    assert not leaks(shown, [row["证件号码"] for row in rows])
    assert [row["区划"] for row in rows] == general


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from(["和", "、", "；", ", "]))
def test_a_column_of_id_lists_is_an_id_column_and_every_cell_is_treated(seed: int, sep: str) -> None:
    """One to three applicants' IDs to a cell (ID和ID): with a sixth of the cells a single ID (less
    than the share a header hint needs), the lists make the column an ID column (whole values, as
    many as the cell holds), and the cells of no known form in it (an ID Excel damaged) are masked
    with it."""
    r = rng(seed)
    cells = []
    for k in range(ROWS):
        if k % 6 == 0:
            cells.append(resident_id(r))
        elif k % 12 == 1:
            cells.append(_scientific(resident_id(r), 15))
        else:
            cells.append(sep.join(resident_id(r) for _ in range(r.randint(2, 3))))
    directory = package(_fresh() / "p", {"申请人证件号码": cells})
    report = od.check(od.load(directory))
    assert {d.type: d.status for d in detections(report, "申请人证件号码")}.get("cn_resident_id") == "column"
    rows, _, _ = redacted(directory, directory.parent / "out")
    column = [row["申请人证件号码"] for row in rows]
    ids = [part for c in cells for part in c.replace(", ", sep).split(sep)]
    assert not leaks(ids, column)


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from([" / ", " - ", "/ ", " . "]))
def test_an_id_split_across_a_separator_with_spaces_in_a_note_is_treated(seed: int, sep: str) -> None:
    """领用人证件 330803 / 195203237238 — one ID among many notes that hold none: found, treated."""
    r = rng(seed)
    ident = resident_id(r)
    notes = [r.choice(("已盘点", "随机附赠", "年度维护", "")) for _ in range(ROWS)]
    at = r.randrange(ROWS)
    notes[at] = f"领用人证件 {ident[:6]}{sep}{ident[6:]}"
    directory = package(_fresh() / "p", {"资产编号": [f"ZC{k:05d}" for k in range(ROWS)], "备注": notes})
    report = od.check(od.load(directory))
    assert "cn_resident_id" in decided(report, "备注")
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks([ident], output_cells(rows))
    assert [row["备注"] for k, row in enumerate(rows) if k != at] == [n for k, n in enumerate(notes) if k != at]
