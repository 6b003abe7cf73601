"""Issue 14, blind corpus #8: a column of townships (湾溪乡, 兴城镇, 红湾街道) under 乡镇 or an opaque header (F2) was
asked about as names: a third of them fit a name's form (a surname and two characters), and, being diverse, they were
never read for what they are. Every one of them reads as a place (a township's suffix, a division's name), so the
column is one of places; a column of real names, or of names with a few places among them, is decided or asked
about as before."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import given, settings, strategies as st

from opendata.pii.decide import decide
from opendata.pii.detectors import REGISTRY
from opendata.pii.scan import scan_column
from pii_data import name

SOME = settings(max_examples=15, deadline=None, derandomize=True, database=None)
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
# Characters townships are named with, surnames among them (井, 高, 梅, 金 …), as in #8's 乡镇 columns.
_PLACE_CHARS = "湾溪井凰红竹沙兴城双新西和金林高桥河安坪桃东丰民凤田青梅北塘源山长茂乐园龙星石柳富"
_SUFFIXES = ("乡", "镇", "街道")


def _township(r: random.Random) -> str:
    return "".join(r.sample(_PLACE_CHARS, 2)) + r.choice(_SUFFIXES)


def _decision(values: list[str], header: str):
    total, found = scan_column(pa.array(values))
    counts = found.get("person_name")
    return None if counts is None else decide(REGISTRY["person_name"], counts, total, header)


@SOME
@given(r=SEEDS, header=st.sampled_from(["乡镇", "F2", "所属街道", "col_4"]))
def test_a_column_of_townships_is_no_column_of_names(r: random.Random, header: str) -> None:
    values = [_township(r) for _ in range(600)]
    assert _decision(values, header) is None


@SOME
@given(r=SEEDS, header=st.sampled_from(["F2", "col_4", "字段3"]))
def test_names_are_still_decided_or_asked_about(r: random.Random, header: str) -> None:
    """Decoys: real names, and real names with a tenth of townships among them, under an opaque header."""
    names = [name(r) for _ in range(600)]
    mixed = [_township(r) if i % 10 == 0 else n for i, n in enumerate(names)]
    for values in (names, mixed):
        found = _decision(values, header)
        assert found is not None and found.status in ("column", "uncertain")
