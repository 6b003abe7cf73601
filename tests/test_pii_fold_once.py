"""Issue 14, speed: what a batch step has folded is not folded again, and a column fold left as it was
is not compared cell by cell.

- a JSON column's leaves are folded once per batch step: the scan (:func:`~opendata.pii.nested.scan_parts`)
  and the treatment (:func:`~opendata.pii.nested.treat`) of the same column read the same folded leaves;
- :func:`~opendata.pii.normalize.unfold_traditional` returns the treated column as it is when fold left
  the raw one as it was (the same buffers, whatever the object: :func:`~opendata.pii.memo.same_values`).
"""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings, strategies as st

from opendata.pii import memo, nested, normalize
from pii_data import name, rng

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None)

_NAME = st.integers(0, 10_000).map(lambda seed: name(rng(seed)))
_LEAF = st.one_of(_NAME, st.sampled_from(["13812345678", "330802195705281234", "浙A12345", "", "无", "\u200b1"]))
_OBJECT = st.dictionaries(st.sampled_from(["姓名", "电话", "备注", "地址"]), _LEAF, min_size=1, max_size=4)
_CELL = st.one_of(_OBJECT.map(lambda o: json.dumps(o, ensure_ascii=False)),
                  st.lists(_OBJECT, min_size=1, max_size=3).map(lambda a: json.dumps(a, ensure_ascii=False)))


@settings(max_examples=15, deadline=None, derandomize=True, database=None)  # (a scan of each: slow)
@given(st.lists(_CELL, min_size=1, max_size=20))
def test_a_json_columns_leaves_are_folded_once_per_batch_step(cells):
    column = pa.array(cells, pa.string())
    folds: list[int] = []
    original = nested._text_array

    def counted(leaves):
        folds.append(len(leaves))
        return original(leaves)

    nested._text_array = counted
    try:
        with memo.scope():
            parts = nested.scan_parts(column, "成员")
            scanned = len(folds)
            out = nested.treat(column, "成员", {label: [] for label in parts}, lambda *a: None, {}, None)
    finally:
        nested._text_array = original
    assert scanned == len(parts) > 0
    assert len(folds) == scanned  # the treatment folded nothing again
    assert out.to_pylist() == cells  # (no treatment: every cell as written)


@SETTINGS
@given(st.lists(st.text(alphabet="张伟0123456789-号区", max_size=12), min_size=1, max_size=30))
def test_a_column_fold_left_as_it_was_is_not_compared_again(cells):
    raw = pa.array(cells, pa.string())
    with memo.scope():
        normalize.fold(raw)  # the scan's fold …
        folded = normalize.fold(pa.array(cells, pa.string()).slice(0))  # … of another column's object
        again = normalize.fold(raw.slice(0))  # … and of the same column through another object
    assert folded.to_pylist() == cells
    assert memo.same_values(raw, again) and again is not raw.slice(0)
    treated = pc.utf8_upper(raw)

    class NoCompare:
        def __getattr__(self, attr):
            if attr in ("not_equal", "equal"):
                raise AssertionError("the cells were compared")
            return getattr(pc, attr)

    original = normalize.pc
    normalize.pc = NoCompare()
    try:
        out = normalize.unfold_traditional(raw, again, treated)
    finally:
        normalize.pc = original
    assert out.to_pylist() == treated.to_pylist()
    assert not memo.same_values(raw, pa.array(cells, pa.string()))  # other buffers, though the same values
