"""Issue 14, speed: the cheap tests that spare a regex most cells, and the name counts taken off
Arrow's kernel, never change an answer.

- :func:`~opendata.pii.normalize.fold` runs the hostile-form pattern only on cells that hold a byte of
  :data:`~opendata.pii.normalize.HOSTILE_BYTES`: no cell of other bytes may match it;
- :func:`~opendata.pii.scan._count_shapes` runs a detector's ``shape_pattern`` only on cells of its
  ``shape_bytes``: no value of the shape may have another length;
- :func:`~opendata.pii.scan.count_matches` counts a long pattern's matches itself: the kernel's counts.
"""

from __future__ import annotations

import itertools
import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import re2
from hypothesis import given, settings, strategies as st

from opendata.bitmaps import to_mask
from opendata.pii import normalize, scan
from opendata.pii.detectors import REGISTRY, person
from opendata.strings import byte_lengths, holds_bytes
from pii_data import name, rng

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)


def _hostile(values: list[str]) -> np.ndarray:
    return to_mask(pc.fill_null(pc.match_substring_regex(pa.array(values, pa.string()),
                                                         normalize.hostile_pattern()), False))


def _spared(values: list[str]) -> np.ndarray:
    """Cells the prefilter spares the pattern."""
    return ~holds_bytes(pa.array(values, pa.string()), normalize.HOSTILE_BYTES)


def test_no_short_ascii_cell_of_other_bytes_is_hostile():
    # Every ASCII text of up to two characters, and of three over the characters the hostile forms
    # are built from: one the prefilter spares and the pattern matches would be folded no more.
    ascii_ = [chr(c) for c in range(1, 128)]
    cells = ascii_ + ["".join(p) for p in itertools.product(ascii_, repeat=2)]
    around = "0123456789aAfFxXoOlIiz \t\r\n\x0b\x0c=[{\"'<&%#;/"
    cells += ["".join(p) for p in itertools.product(around, repeat=3)]
    spared = _spared(cells)
    assert spared.any() and (~spared).any()
    assert not (_hostile(cells) & spared).any()
    assert not normalize.may_be_hostile(pa.array([c for c, s in zip(cells, spared) if s], pa.string()))


_PIECES = st.sampled_from(["0", "7", "33", "1957", "X", "x", "O", "o", "l", "I", "\r\n", "\n", " ", "\u3000",
                           "\u200b", "３", "٣", "①", "三", "〇", "&#51;", "%33", "<b>", "=\"", "'", "“", "张伟",
                           "號", "Ｘ", "а", "-", ".", "@", "mail", "example", "GD", "浙A", ":"])


@SETTINGS
@given(st.lists(st.lists(_PIECES, max_size=8).map("".join), min_size=1, max_size=30))
def test_fold_with_the_prefilter_folds_what_the_pattern_alone_folds(cells):
    values = pa.array(cells, pa.string())
    hostile = _hostile(cells)
    assert not (hostile & _spared(cells)).any()
    folded = normalize._fold(values)
    expected = [normalize.fold_text(c) if h else c for c, h in zip(cells, hostile)]
    assert folded.to_pylist() == expected
    # the whole-column test: a column is spared only if each of its cells would be
    if not normalize.may_be_hostile(values):
        assert _spared(cells).all()
    assert normalize.may_be_hostile(values) == (not _spared(cells).all()) or values.null_count or "" in cells


def _shaped_detectors():
    return [d for d in REGISTRY.values() if d.shape_pattern is not None]


def test_every_shape_of_its_own_says_its_lengths():
    # A shape without its byte lengths is searched in every cell: correct, but the cost this spares.
    assert _shaped_detectors()
    assert all(d.shape_bytes is not None for d in _shaped_detectors())


@SETTINGS
@given(st.data())
def test_no_value_of_a_shape_has_a_length_its_prefilter_skips(data):
    for detector in _shaped_detectors():
        # (re.ASCII: \d is 0-9 as in RE2)
        value = data.draw(st.from_regex(re.compile(detector.shape_pattern, re.ASCII), fullmatch=True))
        assert re2.search(detector.shape_pattern, value) is not None
        low, high = detector.shape_bytes
        assert low <= len(value.encode()) <= high, (detector.type, len(value.encode()))


@SETTINGS
@given(st.data())
def test_shapes_counted_after_the_prefilter_are_those_the_pattern_counts(data):
    for detector in _shaped_detectors():
        shaped = st.from_regex(re.compile(detector.shape_pattern, re.ASCII), fullmatch=True)
        other = st.text(alphabet="0123456789ABCXYZ()-", max_size=13)
        cells = data.draw(st.lists(st.one_of(shaped, other), min_size=1, max_size=30))
        text = pa.array(cells, pa.string())
        nonempty = byte_lengths(text) > 0
        found: dict = {}
        scan._count_shapes(text, np.ones(len(cells), dtype=np.int64), nonempty, found)
        expected = int((to_mask(pc.match_substring_regex(text, detector.shape_pattern)) & nonempty).sum())
        assert (found[detector.type].shaped if detector.type in found else 0) == expected


# -- counting a long pattern's matches ------------------------------------------------------------
_CUES = ["联系人", "来电人", "申请人", "邻居", "父亲", "房东", "经办人：", "市民", "被申请人", "联系电话", "反映",
         "称", "，", "。", "、", "（", "）", " ", "\n", "1", "138", "号", ":", "·", "阿不都热合曼", "有限公司"]
_TEXT = st.lists(st.one_of(st.sampled_from(_CUES), st.integers(0, 5000).map(lambda s: name(rng(s)))),
                 max_size=14).map("".join)


@settings(max_examples=25, deadline=None, derandomize=True, database=None)  # (the kernel compiles the pattern: 0.5 s a call)
@given(st.lists(_TEXT, min_size=1, max_size=150))
def test_names_in_text_are_counted_as_the_kernel_counts_them(cells):
    pattern = REGISTRY["person_name"].span_pattern
    assert len(pattern) > scan.KERNEL_PATTERN_CHARS  # (else the kernel counts them, and this tests nothing)
    values = pa.array(cells, pa.string())
    expected = np.asarray(pc.count_substring_regex(values, pattern).to_numpy(zero_copy_only=False), dtype=np.int64)
    assert scan.count_matches(values, pattern).tolist() == expected.tolist()


def test_counts_follow_the_kernel_where_a_match_starts_where_the_last_ended(monkeypatch):
    # The kernel searches the rest of the text after each match as a text of its own: ^ matches
    # again there (three matches of ^a in "aaa"), where a search inside the whole text finds one.
    monkeypatch.setattr(scan, "KERNEL_PATTERN_CHARS", 0)
    values = pa.array(["aaa", "ab ab", "", "\\bxy", "a\na"], pa.string())
    for pattern in ("^a", r"\ba", "a|b", "(a)(?P<n>b)?", r"[(]?a[)\]]?"):
        expected = pc.count_substring_regex(values, pattern).to_pylist()
        assert scan.count_matches(values, pattern).tolist() == expected, pattern
    # an empty match: the kernel steps one byte, and counts the cell itself
    assert scan.count_matches(values, "x*").tolist() == pc.count_substring_regex(values, "x*").to_pylist()


def test_capturing_groups_are_taken_out_and_nothing_else():
    assert scan.uncaptured(r"(a)(?P<n>b)(?:c)[(](?i:d)\(e\)[^)(]x[]()]") == r"(?:a)(?:b)(?:c)[(](?i:d)\(e\)[^)(]x[]()]"
    for detector in REGISTRY.values():
        for pattern in (detector.span_pattern, detector.cell_pattern):
            if pattern:
                assert re2.compile(scan.uncaptured(pattern)).groups == 0, detector.type
    assert re2.compile(person.name_span()).groups > 0
