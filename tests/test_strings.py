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

