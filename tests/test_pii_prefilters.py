"""Issue 14, speed: the cheap searches that pick out the cells an exact check then reads.

A prefilter may only drop a cell the check it guards would never flag: each is compared here
with that check over generated cells of every written form — separators, full-width digits,
prefixes and labels in any case, digits and letters glued on either side, text around.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc
import re2
from hypothesis import given, settings, strategies as st

from opendata.pii import lastline
from opendata.pii.detectors.phones import GLUED_LABELS
from opendata.pii.scan import _anywhere, _re2_options, _share_in_sample

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


_SAMPLE_PIECES = st.sampled_from(["13812345678", "张三", "中", "a", "\n", " ", "0571-88123456", "x@y.cn", "^", "1"])


@SETTINGS
@given(st.lists(st.lists(_SAMPLE_PIECES, max_size=5).map("".join), max_size=10),
       st.sampled_from([r"^\d+$", r"1[3-9]\d{9}", r"^张|中$", r"a\n?1", r"(?:^|\s)x@"]))
def test_the_share_in_a_sample_is_the_share_each_value_searched_alone_gives(values: list[str], pattern: str) -> None:
    alone = re2.compile(pattern, options=_re2_options())
    nonempty = [v for v in values if v]
    expected = sum(alone.search(v) is not None for v in nonempty) / len(nonempty) if nonempty else 0.0
    assert _share_in_sample(pattern, pa.array(values, pa.string())) == expected
    if any(nonempty):
        assert _anywhere(pa.array(nonempty), pattern) or expected == 0.0
