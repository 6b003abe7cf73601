"""The buffer-level string helpers agree with the per-value operations they stand in for."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from opendata.strings import concatenated, is_ascii

VALUES = ["欧阳娜娜", "欧", None, "", "司马光", "x欧阳", "上官婉儿\n2", "abc", "🙂欧阳"]


def _sliced(values):
    return pa.array(["padding", "欧阳"] + values, pa.string()).slice(2)  # an offset into the buffers


@pytest.mark.parametrize("make", [lambda v: pa.array(v, pa.string()), _sliced])
def test_concatenated_is_the_values_one_after_another(make):
    array = make(VALUES)
    assert concatenated(array).to_pylist() == ["".join(v for v in VALUES if v)]
    assert concatenated(pa.array([], pa.string())).to_pylist() == [""]
    assert concatenated(pa.array([1, 23])).to_pylist() == ["123"]
    whole = pc.match_substring(concatenated(array), "欧阳娜娜欧")[0].as_py()
    assert whole and not any(pc.fill_null(pc.match_substring(array, "欧阳娜娜欧"), False).to_pylist())


def test_is_ascii_looks_at_the_values_bytes_only():
    assert is_ascii(pa.array(["abc", None, "", "1-2"]))
    assert not is_ascii(pa.array(["abc", "é"]))
    assert is_ascii(_sliced(["abc", "x"]))  # the CJK value before the slice is not part of it
    assert is_ascii(pa.array([], pa.string()))



# -- the buffer-level stand-ins for kernels that copy or search every value -----------------------
from hypothesis import given, settings, strategies as st  # noqa: E402

from opendata.formulas import _formula_mask, formula_mask  # noqa: E402
from opendata.pii.normalize import _holds_fullwidth_digits  # noqa: E402
from opendata.strings import filled, first_bytes, han_counts, trimmed  # noqa: E402

_ALL = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
#: every character Arrow's trim takes for whitespace, read off the kernel itself
_SPACES = [chr(c) for c, empty in zip(_ALL, pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(
    pa.array([chr(c) for c in _ALL]))), 0).to_pylist()) if empty]
_PIECES = st.sampled_from(_SPACES + ["a", "中", "🙂", "é", "\u3000", "\u4dff", "ｘ", "１", "，", "x\n", "'", "="])
_CELLS = st.lists(st.one_of(st.none(), st.lists(_PIECES, max_size=5).map("".join), st.text(max_size=6)), max_size=12)


def test_whitespace_lies_below_u4000_as_trimmed_assumes():
    assert "\u3000" in _SPACES and " " in _SPACES
    assert all(ord(c) < 0x4000 for c in _SPACES)


@settings(max_examples=400, deadline=None)
@given(_CELLS, st.integers(0, 2))
def test_trimmed_filled_first_bytes_agree_with_the_kernels(cells, cut):
    array = pa.array(["  pad", "中"] + cells, pa.string()).slice(cut)
    assert trimmed(array).to_pylist() == pc.utf8_trim_whitespace(array).to_pylist()
    assert filled(array).to_pylist() == pc.fill_null(array, "").to_pylist()
    firsts = [v.encode()[0] if v else 0 for v in array.to_pylist()]
    assert first_bytes(array).tolist() == firsts


@settings(max_examples=300, deadline=None)
@given(_CELLS, st.integers(0, 2))
def test_han_counts_and_formula_mask_agree_with_the_regex_kernels(cells, cut):
    array = pa.array(["=1", "中"] + cells, pa.string()).slice(cut)
    plain = filled(array)
    assert han_counts(plain).tolist() == pc.count_substring_regex(plain, "[\\x{4e00}-\\x{9fa5}]").to_pylist()
    assert formula_mask(array).tolist() == _formula_mask(array).tolist()
    expected = any("０" <= ch <= "９" for v in plain.to_pylist() for ch in v)
    assert _holds_fullwidth_digits(plain) == expected


def test_han_counts_over_every_code_point():
    every = pa.array(["".join(chr(c) for c in _ALL[i:i + 700]) for i in range(0, len(_ALL), 700)])
    assert han_counts(every).tolist() == pc.count_substring_regex(every, "[\\x{4e00}-\\x{9fa5}]").to_pylist()
