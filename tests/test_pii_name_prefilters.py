"""Issue 14, speed: the cheap searches that spare the name regexes most cells never change a count.

:func:`~opendata.pii.scan._count_loose_names` reads by :data:`~opendata.pii.scan._LOOSE_NAME` only
the cells of 36 bytes or fewer without an ASCII digit, and
:func:`~opendata.pii.detectors.person.kin_name_cells` reads by ``KIN_NAME_CELL`` only the cells that
hold an opening bracket. Both are compared with the regexes on every cell over generated cells:
names of every form, relatives in brackets, Latin names, digits, codes and text around them.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings, strategies as st

from opendata.bitmaps import to_mask
from opendata.pii import scan
from opendata.pii.detectors import person
from opendata.pii.scan import Counts
from opendata.strings import byte_lengths
from pii_data import name, rng

SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None)

_HAN_NAME = st.integers(0, 10_000).map(lambda seed: name(rng(seed)))
_LATIN = st.sampled_from(["MÜLLER Anna", "O'Brien, Sean", "CHAN Tai Man", "Sean", "Anna-Lena Berg", "José García"])
_PIECE = st.one_of(_HAN_NAME, _LATIN, st.sampled_from(
    ["·", "•", ".", "・", " ", "1", "７", "2026", "GD", "（", "(", "）", ")", "号", "x", "阿不都热合曼", "买买提", ""]))


@st.composite
def _cell(draw) -> str:
    """A name, a relative in brackets, or pieces of names, digits and marks glued together."""
    kind = draw(st.sampled_from(["name", "kin", "pieces"]))
    if kind == "name":
        return draw(_HAN_NAME) if draw(st.booleans()) else draw(_LATIN)
    if kind == "kin":
        opening, closing = draw(st.sampled_from([("（", "）"), ("(", ")"), ("（", ")"), ("(", "）")]))
        around = draw(st.sampled_from(["", " ", "  ", "1", "号"]))
        return around + draw(st.sampled_from(person.KIN)) + opening + draw(_HAN_NAME) + closing + around
    return "".join(draw(st.lists(_PIECE, min_size=1, max_size=6)))


def _loose_by_regex(text: pa.Array) -> Counts:
    """:func:`scan._count_loose_names` with every short cell read by the regexes."""
    counts = Counts()
    short = np.flatnonzero(byte_lengths(text) <= scan._KIN_BYTES)
    sub = text.take(pa.array(short, pa.int64()))
    hits = to_mask(pc.match_substring_regex(sub, scan._LOOSE_NAME)) & (byte_lengths(sub) <= 36)
    if hits.any():
        named = short[hits]
        offices = scan.REGISTRY["person_name"].unlike(text.take(pa.array(named, pa.int64())))
        counts.loose, counts.offices = int((~offices).sum()), int(offices.sum())
    counts.kin = int(to_mask(pc.match_substring_regex(sub, person.KIN_NAME_CELL)).sum())
    return counts


@SETTINGS
@given(st.lists(_cell(), min_size=1, max_size=40))
def test_loose_and_kin_names_are_counted_as_by_the_regexes(cells: list[str]) -> None:
    text = pa.array(cells, pa.string())
    found: dict[str, Counts] = {}
    scan._count_loose_names(text, np.ones(len(cells), dtype=np.int64), np.arange(len(cells)), found)
    got = found.get("person_name", Counts())
    want = _loose_by_regex(text)
    assert (got.loose, got.offices, got.kin) == (want.loose, want.offices, want.kin)


@SETTINGS
@given(st.lists(st.one_of(_cell(), st.none()), min_size=1, max_size=40))
def test_kin_cells_are_the_regexes(cells: list[str | None]) -> None:
    values = pa.array(cells, pa.string())
    want = to_mask(pc.fill_null(pc.match_substring_regex(values, person.KIN_NAME_CELL), False))
    assert person.kin_name_cells(values).tolist() == want.tolist()


def test_the_generated_cells_hold_what_the_filters_judge() -> None:
    """Both kinds occur (else the tests above could pass on cells the filters never see)."""
    values = pa.array(["父亲（王建国）", "姐(扎西顿珠)", "王建国", "MÜLLER Anna", "GD2026", "王建国1"])
    assert person.kin_name_cells(values).tolist() == [True, True, False, False, False, False]
    found: dict[str, Counts] = {}
    scan._count_loose_names(values, np.ones(6, dtype=np.int64), np.arange(6), found)
    assert (found["person_name"].loose + found["person_name"].offices, found["person_name"].kin) == (2, 2)
