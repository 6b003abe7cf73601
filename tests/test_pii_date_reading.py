"""Issue 14, speed: dates read off the bytes are read as the regexes read them.

:func:`~opendata.pii.detectors.person.written_dates` reads a value whose first bytes are ASCII
digits and separators (a phone, a card, 0571-88123456, 1990.5.17) off its bytes, as the patterns
of :func:`~opendata.pii.detectors.person._written_dates` would; every other value goes to them.
Compared here with the patterns alone over generated values of every shape they take.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import example, given, settings, strategies as st

from opendata.pii.detectors import person
from opendata.pii.detectors.person import linkable_dates, written_dates

SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None)

_PIECE = st.one_of(
    st.text("0123456789", min_size=1, max_size=5),
    st.sampled_from(["-", "/", ".", " ", "年", "月", "日", "x", "A", "Jun", "AUG", "\n", "，", "０", "٣", "\x00", ""]))


_SEPARATOR = st.sampled_from(["", "", "-", "/", ".", " ", "年", "月", "x", "，"])


@st.composite
def _date_like(draw) -> str:
    """Groups of one to four digits joined by separators (1985-06, 1985.6.5, 19850605, 0571-8981…),
    text or letters after them now and then."""
    groups = draw(st.lists(st.text("0123456789", min_size=1, max_size=4), min_size=1, max_size=4))
    cell = groups[0]
    for group in groups[1:]:
        cell += draw(_SEPARATOR) + group
    return cell + draw(st.sampled_from(["", "", "", "月", "日", "号", "A", "5", "12"]))


@st.composite
def _values(draw) -> list[str]:
    """Values built of digit groups and separators, ASCII and not, of any length."""
    return [draw(st.one_of(_date_like(), st.lists(_PIECE, min_size=0, max_size=7).map("".join)))
            for _ in range(draw(st.integers(1, 40)))]


def _by_regex(values: list[str]) -> tuple[np.ndarray, ...]:
    """What :func:`written_dates` gives with nothing read off the bytes."""
    array = pa.array(values, pa.string())
    year, month, day = written_dates(pa.array(["x"] * len(values)))  # zeros of the right shape
    iso = np.array([len(v.encode()) == 10 for v in values])
    by_bytes = written_dates(array)
    rest = np.flatnonzero(~iso)
    for out, part in zip((year, month, day), person._written_dates(array.take(pa.array(rest, pa.int64())))):
        out[rest] = part
    for out, part in zip((year, month, day), by_bytes):  # the ISO form is read off the bytes as before
        out[iso] = part[iso]
    return year, month, day


@SETTINGS
@given(_values())
@example(["1985-06", "1985.6", "198506", "1985-6-5", "0000-06-05", "1985年6月", "85-6-5", "18170"])
def test_dates_read_off_the_bytes_are_the_regexes_reading(values: list[str]) -> None:
    got = written_dates(pa.array(values, pa.string()))
    want = _by_regex(values)
    for g, w in zip(got, want):
        assert g.tolist() == w.tolist()


@SETTINGS
@given(st.lists(st.text("0123456789-/. ", min_size=8, max_size=20), min_size=1, max_size=30))
def test_ascii_digits_are_read_as_the_year_first_pattern_reads_them(values: list[str]) -> None:
    array = pa.array(values, pa.string())
    read, parts = person._year_first_ascii(array)
    regex = person._written_dates(array)
    for i in np.flatnonzero(read):
        assert [int(p[i]) for p in parts] == [int(p[i]) for p in regex]


def test_the_usual_identifier_columns_are_read_off_the_bytes() -> None:
    """The fast path takes what it is for (else the test above could pass on a path never taken)."""
    values = pa.array(["15806897328", "0571-89816337", "6222024200964114302", "1990.5.17", "1985年6月5日", "0000123456"])
    read, (year, month, day) = person._year_first_ascii(values)
    assert read.tolist() == [True, True, True, True, False, False]
    assert (year[:4].tolist(), month[:4].tolist(), day[:4].tolist()) == (
        [1580, 571, 6222, 1990], [68, 89, 2, 5], [97, 81, 42, 17])
    assert linkable_dates(values)[0][:4].tolist() == [15806897, 5718981, 62220242, 19900517]
