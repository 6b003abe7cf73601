"""The bitmap readers agree with Arrow's own conversion, at every offset and with nulls."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from opendata.bitmaps import null_mask, to_mask

RNG = np.random.default_rng(7)
VALUES = [None if RNG.random() < 0.2 else bool(RNG.random() < 0.5) for _ in range(157)]


def _expected(array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


@pytest.mark.parametrize("start", [0, 1, 3, 8, 13])
@pytest.mark.parametrize("length", [0, 1, 7, 64, 100])
def test_to_mask_and_null_mask_agree_with_arrow_at_any_offset(start, length):
    array = pa.array(VALUES, pa.bool_()).slice(start, length)
    assert to_mask(array).tolist() == _expected(array).tolist()
    assert null_mask(array).tolist() == array.is_null().to_pylist()
    text = pa.array([None if v is None else str(v) for v in VALUES], pa.string()).slice(start, length)
    assert null_mask(text).tolist() == text.is_null().to_pylist()


def test_masks_of_arrays_without_nulls_only_nulls_and_chunks():
    plain = pa.array([True, False, True])
    assert to_mask(plain).tolist() == [True, False, True]
    assert null_mask(plain).tolist() == [False, False, False]
    nulls = pa.array([None, None], pa.bool_())
    assert to_mask(nulls).tolist() == [False, False]
    assert null_mask(nulls).tolist() == [True, True]
    assert null_mask(pa.nulls(2)).tolist() == [True, True]
    chunked = pa.chunked_array([pa.array([True, None]), pa.array([False, True]).slice(1)])
    assert to_mask(chunked).tolist() == [True, False, True]
    assert null_mask(chunked).tolist() == [False, True, False]
    assert to_mask(pa.chunked_array([], pa.bool_())).tolist() == []


def test_the_mask_is_a_writable_copy():
    array = pa.array([True, True])
    mask = to_mask(array)
    mask[0] = False
    assert array.to_pylist() == [True, True]


def test_to_mask_refuses_what_is_not_boolean():
    with pytest.raises(TypeError):
        to_mask(pa.array([1, 0]))
