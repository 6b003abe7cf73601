"""Issue 14, speed: the cheap searches that pick out the cells an exact check then reads.

A prefilter may only drop a cell the check it guards would never flag: each is compared here
with that check over generated cells of every written form — separators, full-width digits,
prefixes and labels in any case, digits and letters glued on either side, text around.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings, strategies as st

from opendata.pii import lastline
from opendata.pii.detectors.phones import GLUED_LABELS
from pii_data import bank_card, name, resident_id, rng

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

_DIGITS = st.text("0123456789", min_size=1, max_size=14)
_SEPARATOR = st.sampled_from(["", "", "", " ", "-", ".", "/", "  ", "--", "_", "，", "\n"])
_PREFIX = st.sampled_from(["", "+86", "0086", "86", "86 ", "86-", "+86-", "８６", "０", "1", "9 "]
                          + list(GLUED_LABELS) + [w.upper() for w in GLUED_LABELS] + [w.title() for w in GLUED_LABELS])
_AROUND = st.sampled_from(["", "", "手机", "电话：", "联系电话", "tel:", "SF", "A", "x", "7", "７", "号", " ", "\n", "。", "：",
                           "-", ".", "/"])


@st.composite
def _phone_like(draw) -> str:
    """Groups of digits joined by separators (a mobile, sometimes, grouped any way), behind a
    prefix, in text, some or all of it in full-width digits."""
    groups = draw(st.lists(_DIGITS, min_size=1, max_size=4))
    if draw(st.booleans()):  # a mobile number of its usual form among them
        groups[0] = "1" + draw(st.sampled_from("3456789")) + groups[0][:9].ljust(9, "0")
    body = groups[0]
    for group in groups[1:]:
        body += draw(_SEPARATOR) + group
    cell = draw(_AROUND) + draw(_PREFIX) + body + draw(_AROUND)
    width = draw(st.sampled_from(["half", "full", "mixed"]))
    if width == "full":
        cell = cell.translate(FULL_WIDTH)
    elif width == "mixed":
        cell = "".join(ch.translate(FULL_WIDTH) if i % 2 else ch for i, ch in enumerate(cell))
    return cell


def _mobile_cells_exhaustive(cells: list[str]) -> tuple[int, int]:
    """:func:`lastline.mobile_cells` as it was before its prefilter: every cell read in Python."""
    mobiles = runs = 0
    for cell in cells:
        found = [re.sub(r"[^0-9]", "", m) for m in lastline._MOBILE_RUN.findall(cell.translate(lastline._FULLWIDTH))]
        runs += bool(found)
        mobiles += any(f[0] == "1" and f[1] in "3456789" for f in found)
    return mobiles, runs


@SETTINGS
@given(st.lists(_phone_like(), min_size=1, max_size=12))
def test_the_mobile_prefilter_keeps_every_cell_the_last_line_reads_a_run_in(cells: list[str]) -> None:
    kept = pc.match_substring_regex(pa.array(cells), lastline.MOBILE_CANDIDATE).to_pylist()
    for cell, keep in zip(cells, kept):
        if lastline._MOBILE_RUN.findall(cell.translate(lastline._FULLWIDTH)):
            assert keep, cell
    assert lastline.mobile_cells(pa.array(cells)) == _mobile_cells_exhaustive(cells)


def test_the_mobile_prefilter_passes_over_longer_numbers_and_masked_phones() -> None:
    # The reason it exists: a column of case numbers or masked phones is not read cell by cell.
    cells = ["GD202600000123", "158****7328", "建议增设停车位，联系电话172****7364，请尽快处理", "10.48.*.*"]
    assert not pc.match_substring_regex(pa.array(cells), lastline.MOBILE_CANDIDATE).to_pylist().count(True)
    assert lastline.mobile_cells(pa.array(cells)) == (0, 0)
    # … while a number behind 86 or a label still goes to the exact check (a letter glued on is a code)
    assert lastline.mobile_cells(pa.array(["GD13812345678", "8613812345678", "TEL13812345678"])) == (2, 2)


def _grouped(r, digits: str, sep: str) -> str:
    """``digits`` in groups of four joined by ``sep`` (an ID or card as people write it)."""
    return sep.join(digits[i:i + 4] for i in range(0, len(digits), 4))


@st.composite
def _text_cell(draw) -> str:
    """A cell of free text holding what the last line's checks look for, or a near miss: an ID or
    card number grouped any way (full-width or not, behind letters), a mobile however written, a
    name after a cue, a travel document after its word; or plain text."""
    r = rng(draw(st.integers(0, 10_000)))
    kind = draw(st.sampled_from(["id", "card", "mobile", "cue", "document", "text"]))
    if kind in ("id", "card"):
        number = resident_id(r) if kind == "id" else bank_card(r)
        body = _grouped(r, number, draw(st.sampled_from(["", " ", "-", ".", "/"])))
        body = draw(st.sampled_from(["", "G", "证号", "NO."])) + body
    elif kind == "mobile":
        body = draw(_phone_like())
    elif kind == "cue":
        body = draw(st.sampled_from(lastline.CUE_WORDS + lastline.COLON_CUES)) + draw(
            st.sampled_from(["", "：", ":", "为", " "])) + name(r)
    elif kind == "document":
        body = draw(st.sampled_from(["护照", "护照号", "港澳通行证", "回乡证号", "旅行证", "Passport", "PASSPORT No."])) + draw(
            st.sampled_from(["", "：", " "])) + draw(st.sampled_from("EGDSPHM")) + f"{r.randint(0, 99_999_999):08d}"
    else:
        body = name(r)
    if draw(st.booleans()):
        body = body.translate(FULL_WIDTH)
    return draw(_AROUND) + "据查，" + body + draw(st.sampled_from(["反映噪音", "，已处理", "", "。"]))


@SETTINGS
@given(st.lists(_text_cell(), min_size=1, max_size=8))
def test_one_search_settles_the_last_line_only_where_none_of_its_checks_finds_anything(cells: list[str]) -> None:
    for cell in cells:
        values = pa.array([cell])
        found = (sum(lastline.identifier_cells(values)) + lastline.name_cue_cells(values)
                 + sum(lastline.mobile_cells(values)) + lastline.document_cells(values))
        if found:
            assert lastline.text_checks_needed(values), cell
    values = pa.array(cells)
    if not lastline.text_checks_needed(values):
        assert lastline.identifier_cells(values) == (0, 0, 0) and lastline.name_cue_cells(values) == 0
        assert lastline.mobile_cells(values) == (0, 0) and lastline.document_cells(values) == 0


def test_one_search_passes_over_treated_text_and_case_numbers() -> None:
    treated = ["建议增设停车位，联系电话172****7364，请尽快处理", "GD202600000123", "10.48.*.*", "张*"]
    assert not lastline.text_checks_needed(pa.array(treated))
    assert lastline.text_checks_needed(pa.array(treated + ["来电人张建国反映噪音"]))


def test_an_answer_is_remembered_for_the_same_column_within_a_batch_step_only() -> None:
    from opendata.pii import memo
    from opendata.strings import DigitRun, digit_runs, trimmed

    calls: list[int] = []

    def count(values: pa.Array) -> int:
        calls.append(1)
        return len(calls)

    column = pa.array([" 张三 ", "13812345678", "李四"])
    same = column.cast(pa.string())  # another object over the same buffers
    other = pa.array([" 张三 ", "13812345678", "李四"])  # equal values, other buffers
    with memo.scope():
        assert memo.remembered("k", column, count) == memo.remembered("k", same, count) == 1
        assert memo.remembered("k", other, count) == 2 and memo.remembered("j", column, count) == 3
        assert memo.remembered("k", column.slice(1), count) == 4  # a slice is another column
        assert memo.trimmed(column).to_pylist() == trimmed(column).to_pylist() == ["张三", "13812345678", "李四"]
        run = DigitRun(11, b"1", b"3456789")
        assert [a.tolist() for a in memo.digit_runs(column, run)] == [a.tolist() for a in digit_runs(column, run)]
    assert memo.remembered("k", column, count) == 5  # outside a step nothing is kept
    assert memo.remembered("k", column, count) == 6


# -- the hostile-form search (normalize.fold): a cell it passes over is one fold_text keeps ----------------------
from opendata.pii import normalize  # noqa: E402

_HOSTILE_ALPHABET = ("0123456789" * 3 + "XxOolI" + "ОоΟοІіӀӏХхΧχ×" + "〇零一二三四五六七八九" + "¹²③⑴❶"
                     + "٣५𝟏" + "\u200b\u200d\u2060\ufeff\u202e\u00ad\u034f\u0301" + " \u00a0\u3000\u2009\n\u2028"
                     + "<>/=&#%;\"'“「《{[" + "张伟区号" + "\uf9e1\u2f08" + "ab")


@settings(max_examples=2000, deadline=None, derandomize=True, database=None)
@given(st.lists(st.text(_HOSTILE_ALPHABET, min_size=1, max_size=24), min_size=1, max_size=8))
def test_the_hostile_search_keeps_every_cell_fold_would_change(cells: list[str]) -> None:
    """A prefilter only: every cell :func:`~opendata.pii.normalize.fold_text` changes is one the
    hostile-form search finds (else a hostile ID would be scanned unfolded, and missed)."""
    hit = pc.match_substring_regex(pa.array(cells, pa.string()), normalize.hostile_pattern()).to_pylist()
    for cell, found in zip(cells, hit):
        if normalize.fold_text(cell) != cell:
            assert found, [hex(ord(c)) for c in cell]


def test_the_hostile_search_passes_over_plain_ids_ending_in_x() -> None:
    """A resident ID whose check character is X (one in eleven) is no hostile form: the search
    leaves it alone (it was a tenth of an ID column's cells folded for nothing)."""
    r = rng(7)
    ids = [resident_id(r)[:17] + "X" for _ in range(50)]
    assert not any(pc.match_substring_regex(pa.array(ids), normalize.hostile_pattern()).to_pylist())
    assert [normalize.fold_text(v) for v in ids] == ids
