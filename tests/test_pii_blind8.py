"""Issue 14, blind corpus #8: values that were recognisable one by one and passed all the same.

- A Parquet column of integers with missing values is stored as float64 (pandas does so): Arrow
  wrote its phones ``1.3812345678e+10``. The reader writes integral floats as integers, so the
  column is scanned, decided and treated like the same numbers stored as text.
- A romanised name with a courtesy title (Dr. Hongmei Xu, Ms. ZHU Haiyan) is a name: the title no
  longer hides it from the name pattern, and an English role word (HR Officer) hints at a person.
- 出生年月 as a year and month (1935.06, 1935年6月, 193506, 1935-6) under an opaque header (F6) is
  a birth date where, row by row, it is the birth year and month of the ID beside it; without
  IDs, dates of adults' lifetimes spread over decades in a table of persons ask (pii_uncertain).
- A dwelling in text: a house in a natural village (…镇…村花家塘42号), rooms in an estate named
  by its phase (…万科一期15栋1101).
- One Chinese e-passport (E + 8 digits) among codes of another shape counts as one cell; a column
  of codes of the passport's shape asks.
"""

from __future__ import annotations

import random
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
from pii_data import name, resident_id
from pii_forms import PINYIN_GIVEN, legacy_id, decided, field_findings, package, redacted

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
    """Decoy: amounts keep the text Python gives them; nothing in them reads as a phone."""
    floats = pa.array(amounts, pa.float64())
    text = arrow_to_text(floats).to_pylist()
    for a, t in zip(amounts, text):
        if a is None:
            assert t == ""
        else:  # as Python writes it (25.0, 87.1): what a reader of the data expects
            assert t == str(a) and float(t) == a
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


# ---- 出生年月 under a header that says nothing, beside the IDs -----------------------------------------------

# (seeded generators: a HypothesisRandom shrinks to one year and one name, which no register holds)
_SEEDS = st.integers(0, 2**32).map(random.Random)


def _year_month(r, y: int, m: int) -> str:
    return r.choice([f"{y}.{m:02d}", f"{y}年{m}月", f"{y}{m:02d}", f"{y}-{m}", f"{y}/{m:02d}"])


def _people(r, n: int) -> tuple[list[str], list[str], list[str]]:
    """(names, IDs of 18 or 15 digits, the IDs' birth year and month as 出生年月 is written)."""
    names, ids, months = [], [], []
    for _ in range(n):
        value = resident_id(r) if r.random() < 0.6 else legacy_id(r)
        y = int(value[6:10]) if len(value) == 18 else 1900 + int(value[6:8])
        m = int(value[10:12]) if len(value) == 18 else int(value[8:10])
        names.append(name(r))
        ids.append(value)
        months.append(_year_month(r, y, m))
    return names, ids, months


@FEW
@given(_SEEDS)
def test_year_month_birth_dates_beside_ids_are_birth_dates(r):
    names, ids, months = _people(r, 40)
    with tempfile.TemporaryDirectory() as tmp:
        package(Path(tmp), {"F4": names, "F6": months, "F7": ids})
        report = od.check(od.load(Path(tmp)))
    assert "birth_date" in decided(report, "F6")


@FEW
@given(_SEEDS)
def test_months_of_payment_beside_ids_are_no_birth_dates(r):
    """Decoy: a month of payment (发放月份 within a few years) beside the IDs agrees with none of them."""
    names, ids, _ = _people(r, 40)
    paid = [_year_month(r, r.randint(2023, 2026), r.randint(1, 12)) for _ in names]
    with tempfile.TemporaryDirectory() as tmp:
        package(Path(tmp), {"F4": names, "F6": paid, "F7": ids})
        report = od.check(od.load(Path(tmp)))
    assert "birth_date" not in decided(report, "F6")
    assert not field_findings(report, "F6")


def _lifetime_dates(r, n: int) -> list[str]:
    """Year-month or full dates of adults born over decades (1930–1990)."""
    out = []
    for _ in range(n):
        y, m = r.randint(1930, 1990), r.randint(1, 12)
        out.append(_year_month(r, y, m) if r.random() < 0.7 else f"{y}-{m:02d}-{r.randint(1, 28):02d}")
    return out


@FEW
@given(_SEEDS)
def test_lifetime_dates_in_a_table_of_people_ask(r):
    """No ID beside, a header that says nothing: the dates of adults' lifetimes beside names ask."""
    names = [name(r) for _ in range(40)]
    with tempfile.TemporaryDirectory() as tmp:
        package(Path(tmp), {"F4": names, "F6": _lifetime_dates(r, 40)})
        report = od.check(od.load(Path(tmp)))
    assert field_findings(report, "F6", ("pii_uncertain",))


@FEW
@given(_SEEDS)
def test_founding_dates_and_recent_dates_do_not_ask(r):
    """Decoys: a company's 成立日期 (its header says so), dates under a header that names them
    (参加工作时间), the same dates in a table of no persons, and dates of payment within a few
    years beside names."""
    names = [name(r) for _ in range(40)]
    founded = _lifetime_dates(r, 40)
    paid = [_year_month(r, r.randint(2022, 2026), r.randint(1, 12)) for _ in names]
    with tempfile.TemporaryDirectory() as tmp:
        package(Path(tmp) / "a", {"法定代表人": names, "成立日期": founded, "F9": paid, "参加工作时间": founded})
        package(Path(tmp) / "b", {"F1": [f"企业{i}" for i in range(40)], "F6": founded})
        with_names = od.check(od.load(Path(tmp) / "a"))
        without = od.check(od.load(Path(tmp) / "b"))
    assert not field_findings(with_names, "成立日期") and not field_findings(with_names, "F9")
    assert not field_findings(with_names, "参加工作时间")  # its header says what the dates are
    assert not field_findings(without, "F6")


# ---- dwellings in free text: a hamlet, an estate's phase ------------------------------------------------------

_HAN = st.sampled_from("东西南北青山花林清安平凤源石民宁丰湾桥新星")
_TWO = st.lists(_HAN, min_size=2, max_size=2).map("".join)


@SOME
@given(_TWO, _TWO, _HAN, st.sampled_from("塘坞湾坪岭垄坝屯庄寨"), st.integers(1, 99), st.sampled_from(["家住", "住", "现住"]))
def test_a_house_in_a_hamlet_is_a_dwelling_in_text(town, village, first, ending, number, verb):
    text = f"申请人张三，女，{verb}{town}镇{village}村{first}家{ending}{number}号。因劳务纠纷申请救助。"
    assert int(REGISTRY["address"].spans(pa.array([text]))[0]) >= 1


@SOME
@given(st.sampled_from(["重庆市万州区", "成都市锦江区", "吉林省长春市南关区"]), _TWO, st.sampled_from("一二三"),
       st.sampled_from("期区"), st.integers(1, 40), st.integers(1, 33), st.integers(1, 4))
def test_rooms_in_an_estate_named_by_its_phase_are_a_dwelling_in_text(city, estate, n, word, building, floor, room):
    text = f"申请人李四，住{city}{estate}{n}{word}{building}栋{floor}{room:02d}。"
    assert int(REGISTRY["address"].spans(pa.array([text]))[0]) >= 1


def test_phases_dates_and_village_committees_are_no_dwellings():
    """Decoys: a project's phase without rooms, a day of the month after a village's committee."""
    texts = ["申请人参加2024年第一期培训班，共15人。", "经村委会调解后于5号结案。", "该项目二期3栋已竣工验收。",
             "村委会证明属实，3月12号已公示。"]
    assert [int(n) for n in REGISTRY["address"].spans(pa.array(texts))] == [0, 0, 0, 0]


# ---- one e-passport among codes -------------------------------------------------------------------------------

_CODE = st.tuples(_digits(4), _digits(5)).map(lambda p: f"YW-{p[0]}-{p[1]}")
_E_PASSPORT = st.one_of(_digits(8).map(lambda d: "E" + d),
                        st.tuples(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ"), _digits(7)).map(lambda p: "E" + "".join(p)))


def _status(values: list[str], kind: str, header: str = "字段5") -> str | None:
    total, found = scan_column(pa.array(values))
    counts = found.get(kind)
    d = counts and decide(REGISTRY[kind], counts, total, header)
    return d.status if d else None


@SOME
@given(st.lists(_CODE, min_size=200, max_size=200), _E_PASSPORT, st.integers(0, 199))
def test_one_e_passport_among_codes_of_another_shape_counts(codes, passport, at):
    if passport[1:].isdigit() and passport[1:3] in ("19", "20") and 1 <= int(passport[5:7]) <= 12:
        return  # E and a date: a batch's code (the next test)
    values = codes[:at] + [passport] + codes[at:]
    assert _status(values, "cn_passport") == "cells"


@SOME
@given(st.lists(_E_PASSPORT, min_size=60, max_size=60, unique=True))
def test_a_column_of_codes_of_the_passport_shape_asks_and_a_dated_code_is_none(codes):
    """Decoys: codes of the passport's shape throughout are asked about, never decided on a guess
    as cells; one E and a date (E20251104) among other codes is a batch's code."""
    assert _status(codes, "cn_passport") in ("uncertain", None)
    assert _status(["YW-2804-88214"] * 100 + ["E20251104"], "cn_passport") is None


@SOME
@given(st.lists(_CODE, min_size=120, max_size=120), _E_PASSPORT, st.integers(0, 119))
def test_a_lower_case_e_passport_among_codes_is_treated(codes, passport, at):
    """Case is no part of a passport (es9343054 is ES9343054): one among codes counts, and redact treats it,
    though as written it is a WeChat ID's shape too (that type, not decided for the column, left it raw)."""
    if passport[1:].isdigit() and passport[1:3] in ("19", "20") and 1 <= int(passport[5:7]) <= 12:
        return  # E and a date: a batch's code
    lower = passport.lower()
    values = codes[:at] + [lower] + codes[at:]
    assert _status(values, "cn_passport") == "cells"
    with tempfile.TemporaryDirectory() as tmp:
        package(Path(tmp) / "in", {"字段5": values})
        rows, _, text = redacted(Path(tmp) / "in", Path(tmp) / "out")
    assert lower not in text and passport[1:] not in text
    assert [row["字段5"] for i, row in enumerate(rows) if i != at] == codes  # the codes stay as written
