"""Issue 14, blind corpus #8: values that were recognisable one by one and passed all the same.

- A Parquet column of integers with missing values is stored as float64 (pandas does so): Arrow
  wrote its phones ``1.3812345678e+10``. The reader writes integral floats as integers, so the
  column is scanned, decided and treated like the same numbers stored as text.
- A romanised name with a courtesy title (Dr. Hongmei Xu, Ms. ZHU Haiyan) is a name: the title no
  longer hides it from the name pattern, and an English role word (HR Officer) hints at a person.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.pii.decide import decide
from opendata.pii.detectors.person import PINYIN_SURNAMES
from opendata.pii.detectors import REGISTRY
from opendata.pii.scan import scan_column
from opendata.readers.base import arrow_to_text
from pii_forms import PINYIN_GIVEN, decided, field_findings, package, redacted

SOME = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
DIGIT = st.sampled_from("0123456789")


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.lists(DIGIT, min_size=n, max_size=n).map("".join)


def _decided(values: pa.Array, kind: str, header: str) -> bool:
    total, found = scan_column(values)
    counts = found.get(kind)
    if counts is None:
        return False
    d = decide(REGISTRY[kind], counts, total, header)
    return d is not None and d.status == "column"


# ---- mobiles stored as float64 with nulls ---------------------------------------------------------------

_MOBILE = st.tuples(st.sampled_from(["13", "15", "17", "18", "19"]), DIGIT, _digits(8)).map("".join)


@SOME
@given(st.lists(st.one_of(_MOBILE, st.none()), min_size=30, max_size=60).filter(
    lambda v: sum(x is not None for x in v) >= 20))
def test_mobiles_stored_as_floats_are_decided_as_mobiles(mobiles):
    floats = pa.array([None if m is None else float(m) for m in mobiles], pa.float64())
    text = arrow_to_text(floats)
    assert [t for t in text.to_pylist() if t] == [m for m in mobiles if m is not None]
    assert _decided(text, "cn_mobile", "联系电话")


@SOME
@given(st.lists(st.one_of(st.integers(1, 99999).map(lambda n: n / 100), st.none()), min_size=5, max_size=30))
def test_other_floats_read_as_before(amounts):
    """Decoy: amounts with a fraction keep their text; nothing in them reads as a phone."""
    floats = pa.array(amounts, pa.float64())
    text = arrow_to_text(floats).to_pylist()
    for a, t in zip(amounts, text):
        if a is None:
            assert t == ""
        elif a != int(a):
            assert float(t) == a and "." in t
        else:
            assert t == str(int(a))
    assert not _decided(arrow_to_text(floats), "cn_mobile", "缴费金额")


# ---- romanised names with a courtesy title -----------------------------------------------------------------

_TITLES = st.sampled_from(["Dr. ", "Ms. ", "Mr. ", "Mrs. ", "Prof. ", "Dr ", "MR. ", ""])


@st.composite
def _titled_names(draw) -> str:
    surname = draw(st.sampled_from(PINYIN_SURNAMES)).capitalize()
    given = draw(st.sampled_from(PINYIN_GIVEN))
    form = draw(st.sampled_from(["{s} {g}", "{S} {g}", "{g} {s}", "{g} {S}"]))
    return draw(_TITLES) + form.format(s=surname, S=surname.upper(), g=given)


@FEW
@given(st.lists(_titled_names(), min_size=40, max_size=40, unique=True), st.sampled_from(["HR Officer", "col_13"]))
def test_titled_romanised_names_are_decided_and_treated(names, header):
    """Under a role's header the names are decided; under an opaque one the values alone decide or
    ask; either way no name is written raw (the title may stay)."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        package(base / "in", {"编号": [str(i) for i in range(40)], header: names})
        report = od.check(od.load(base / "in"))
        if header == "HR Officer":
            assert "person_name" in decided(report, header)
        else:
            assert "person_name" in decided(report, header) or field_findings(report, header, ("pii_uncertain",))
        if "person_name" not in decided(report, header):
            return
        _, _, text = redacted(base / "in", base / "out")
        for name in names:
            bare = re.sub(r"^(Dr|Ms|Mr|Mrs|Prof|MR)\.? ", "", name)
            assert bare not in text


def test_titles_alone_and_english_words_are_no_names():
    """Decoy: a title before words that hold no pinyin surname, or a title alone, is no name."""
    values = pa.array(["Dr. Smith Johnson", "Ms. Officer", "Mr. Brown", "Prof. Emeritus", "Senior Lecturer"] * 8)
    total, found = scan_column(values)
    assert "person_name" not in found or not decide(REGISTRY["person_name"], found["person_name"], total, "col_13")
