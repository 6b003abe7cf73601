"""Issue 14, blind corpus #4: phone and document numbers, with generated data of our own.

A mobile number behind a label glued to it (``TEL186…``) or dotted (``tel:138.1234.5678``) went out
raw; a passport after the word for it in a note went out raw; an organisation's switchboards, 400
lines and faxes were masked as a person's landlines. Each group: the form, decoys beside it, and the
promise that the output holds no personal value of it raw — by the scanner and by the last line.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.pii import lastline
from opendata.pii.detectors import REGISTRY
from opendata.pii.normalize import ascii_digits, normalize
from opendata.pii.scan import scan_column, span_counts
from pii_data import mobile, name, resident_id, rng
from pii_forms import decided, detections, leaks, output_cells, package, passport, redacted

FEW = settings(max_examples=8, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 30
LABELS = ("TEL", "Tel", "tel:", "Tel: ", "手机:", "手机：", "电话：", "联系电话:", "☎", "Mobile", "+86 ", "0086-", "86-", "")
SEPARATORS = (" ", "-", ".", "/", "")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii14n-"))


def _written(r: random.Random, number: str, label: str, sep: str) -> str:
    """``number`` grouped 3-4-4 by ``sep`` behind ``label``, sometimes in full-width digits."""
    grouped = sep.join((number[:3], number[3:7], number[7:]))
    if r.random() < 0.15:
        grouped = grouped.translate(FULL_WIDTH)
    return label + grouped


def _landline(r: random.Random) -> str:
    return f"0{r.choice(['571', '574', '579', '931'])}-{r.randint(2, 9)}{r.randint(0, 9_999_999):07d}"


# ---- a mobile behind any label, with any separator ----------------------------------------------------

@FEW
@given(seed=st.integers(0, 10_000), label=st.sampled_from(LABELS), sep=st.sampled_from(SEPARATORS))
def test_a_mobile_behind_any_label_with_any_separator_is_found_whole_mixed_and_in_text(seed: int, label: str,
                                                                                      sep: str) -> None:
    r = rng(seed)
    numbers = [mobile(r) for _ in range(3 * ROWS)]
    whole = [_written(r, n, label, sep) for n in numbers[:ROWS]]
    mixed = [f"{_written(r, n, label, sep)}{r.choice([' 家:', '；', ' / '])}{_landline(r)}"
             for n in numbers[ROWS:2 * ROWS]]
    text = [f"已电话联系被征收人{name(r)}（{_written(r, n, label, sep)}），其表示同意。" for n in numbers[2 * ROWS:]]
    # the scanner: a column of such cells is a mobile column; in text each is a span
    assert REGISTRY["cn_mobile"].cells(normalize(pa.array(whole))).all()
    assert (span_counts(REGISTRY["cn_mobile"], ascii_digits(pa.array(mixed + text))) > 0).all()
    # the last line finds every one of them raw, and none once masked
    assert lastline.mobile_cells(pa.array(whole + mixed + text)) == (3 * ROWS, 3 * ROWS)
    directory = package(_fresh() / "p", {"被征收人": [name(r) for _ in range(ROWS)],
                                         "证件号码": [resident_id(r) for _ in range(ROWS)],
                                         "联系电话": whole, "电话": mixed, "备注": text})
    assert "cn_mobile" in decided(od.check(od.load(directory)), "联系电话")
    rows, _, _ = redacted(directory, _fresh() / "out")
    assert leaks(numbers, output_cells(rows)) == []


def test_the_label_stays_and_the_number_is_masked_in_text() -> None:
    from opendata.pii.operators import OPERATORS

    values = pa.array(["TEL18655927650 家:0571-88123456", "tel:138.1234.5678；(0579)82032248"])
    masked = OPERATORS["mask"].apply_spans(values, REGISTRY["cn_mobile"].span_pattern, "cn_mobile", {}, None)
    assert masked.to_pylist()[0].startswith("TEL186****7650") and masked.to_pylist()[1].startswith("tel:138****5678")


def test_numbers_that_only_look_like_a_mobile_are_not_counted_by_the_last_line() -> None:
    r = rng(4)
    decoys = ["SF" + mobile(r), "订单号2024" + mobile(r) + "9", "合同编号" + "-".join([resident_id(r)[:6], "2024", "0001"]),
              "1202 0212 3456 7890 123", "138****5678", "手机:135****9475", "面积138.5平方米"]
    assert lastline.mobile_cells(pa.array(decoys))[0] == 0
    # random 11-digit serial numbers hold 1[3-9] runs by chance only: not beyond chance
    serials = [f"{r.randint(0, 10 ** 11 - 1):011d}" for _ in range(400)]
    mobiles, runs = lastline.mobile_cells(pa.array(serials))
    assert runs == 400 and not lastline.cards_beyond_chance(mobiles, runs, chance=REGISTRY["cn_mobile"].chance)


def test_a_mobile_left_raw_in_a_field_the_detectors_did_not_treat_is_refused_by_the_last_line(monkeypatch) -> None:
    r = rng(5)
    numbers = [mobile(r) for _ in range(ROWS)]
    directory = package(_fresh() / "p", {"编号": [f"N{i:04d}" for i in range(ROWS)],
                                         "备注": [f"回访TEL{n[:3]}.{n[3:7]}.{n[7:]}" for n in numbers]})
    # the detectors made blind to it: only the last line is left to see it
    monkeypatch.setattr(type(REGISTRY["cn_mobile"]), "span_pattern", "qzqzqzq")
    monkeypatch.setattr(type(REGISTRY["cn_mobile"]), "span_other_forms", "qzqzqzq")
    try:
        redacted(directory, _fresh() / "out")
    except od.PolicyError as exc:
        assert "备注" in str(exc)
    else:
        raise AssertionError("the last line let raw mobiles through")


# ---- a passport after the word for it ---------------------------------------------------------------

@FEW
@given(seed=st.integers(0, 10_000), cue=st.sampled_from(["护照", "护照号", "护照号码：", "Passport No. ", "另附护照"]))
def test_a_single_passport_after_its_word_in_notes_is_found_and_treated(seed: int, cue: str) -> None:
    r = rng(seed)
    document = passport(r)
    notes = [f"ZS/2024/{i:05d} 已核验，无异常。" for i in range(200)]
    at = r.randrange(200)
    notes[at] = f"材料另附{cue}{document}，已核验。"
    directory = package(_fresh() / "p", {"证照编号": [f"ZS/2024/{i:05d}" for i in range(200)], "核查说明": notes})
    assert "cn_passport" in decided(od.check(od.load(directory)), "核查说明")
    assert lastline.document_cells(pa.array(notes)) == 1
    rows, _, _ = redacted(directory, _fresh() / "out")
    assert leaks([document], output_cells(rows)) == []
    assert lastline.document_cells(pa.array([row["核查说明"] for row in rows])) == 0
    assert [row["核查说明"] for i, row in enumerate(rows) if i != at] == [n for i, n in enumerate(notes) if i != at]


# ---- an organisation's phones ---------------------------------------------------------------------------

def _organisation_line(r: random.Random) -> str:
    return r.choice([f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}", f"95{r.randint(100, 999)}",
                     f"传真 {_landline(r)}", f"（0{r.randint(571, 579)}）{r.randint(2, 9)}{r.randint(0, 9_999_999):07d}",
                     _landline(r), _landline(r), f"{_landline(r)}转{r.randint(100, 8999)}"])


@FEW
@given(seed=st.integers(0, 10_000), header=st.sampled_from(["登记机关电话", "殡仪馆电话", "dwdh", "Site Phone",
                                                            "HR Contact Tel", "联系电话"]))
def test_an_organisations_switchboards_400_lines_and_faxes_stay_and_a_mobile_among_them_does_not(
        seed: int, header: str) -> None:
    r = rng(seed)
    phones = [_organisation_line(r) for _ in range(ROWS * 2)]
    at = r.randrange(len(phones))
    phones[at] = mobile(r)  # someone's own mobile, written where the switchboard goes
    directory = package(_fresh() / "p", {"姓名": [name(r) for _ in phones],
                                         "证件号码": [resident_id(r) for _ in phones], header: phones})
    report = od.check(od.load(directory))
    found = detections(report, header)
    assert not [d for d in found if d.type == "cn_landline"] and not [d for d in found if d.uncertain]
    rows, _, _ = redacted(directory, _fresh() / "out")
    assert leaks([phones[at]], output_cells(rows)) == []
    assert [row[header] for i, row in enumerate(rows) if i != at] == [p for i, p in enumerate(phones) if i != at]


def test_organisation_pinyin_headers_say_the_landlines_are_not_a_persons() -> None:
    r = rng(7)
    phones = [_landline(r) for _ in range(ROWS)]
    for header in ("dwdh", "bgdh", "zj", "czhm"):
        directory = package(_fresh() / "p", {"证件号码": [resident_id(r) for _ in phones], header: phones})
        assert not detections(od.check(od.load(directory)), header), header


def test_a_persons_landlines_with_a_few_service_numbers_among_them_are_still_treated() -> None:
    r = rng(8)
    phones = [_landline(r) for _ in range(ROWS * 2)]
    for i in range(0, len(phones), 10):  # one in ten: below the policy's organisation_lines share
        phones[i] = f"95{r.randint(100, 999)}"
    _, found = scan_column(pa.array(phones))
    assert found["cn_service_number"].matches < 0.2 * len(phones)
    directory = package(_fresh() / "p", {"证件号码": [resident_id(r) for _ in phones], "家庭电话": phones})
    assert "cn_landline" in decided(od.check(od.load(directory)), "家庭电话")
    rows, _, _ = redacted(directory, _fresh() / "out")
    assert leaks([p for p in phones if p.startswith("0")], output_cells(rows)) == []


# ---- a driving school's coach cars ----------------------------------------------------------------------

def _coach_plate(r: random.Random, suffix: str = "学") -> str:
    return f"{r.choice('浙苏沪川粤')}{r.choice('ABCDEFGH')}{r.randint(0, 9999):04d}{suffix}"


def test_coach_and_police_car_plates_are_an_organisations_and_private_plates_beside_them_are_not() -> None:
    r = rng(9)
    coach = [_coach_plate(r, r.choice("学学学警")) for _ in range(ROWS * 2)]
    private = [f"浙A{r.randint(10000, 99999)}" for _ in range(ROWS * 2)]
    directory = package(_fresh() / "p", {"学员姓名": [name(r) for _ in coach], "证件号码": [resident_id(r) for _ in coach],
                                         "jlcph": coach, "车牌号码": private,
                                         "备注": [f"学员自驾车{p}停放于训练场" for p in private]})
    report = od.check(od.load(directory))
    assert not detections(report, "jlcph")
    assert "cn_license_plate" in decided(report, "车牌号码") and "cn_license_plate" in decided(report, "备注")
    rows, _, _ = redacted(directory, _fresh() / "out")
    assert [row["jlcph"] for row in rows] == coach
    assert leaks(private, output_cells(rows)) == []


# ---- a card's label before its number -----------------------------------------------------------------------

@FEW
@given(seed=st.integers(0, 10_000), label=st.sampled_from(["卡号:", "卡号：", "银行卡号:", "账号 ", "收款账号："]),
       sep=st.sampled_from([" ", "/", ".", "\u3000", ""]))
def test_card_numbers_behind_a_label_count_as_cards_and_the_column_is_treated_whole(seed: int, label: str,
                                                                                   sep: str) -> None:
    """收款账户 under an opaque header: most cells bare card numbers, a quarter behind 卡号: with the
    digits grouped any way — the column is a card column, every cell treated, none refused."""
    from pii_data import bank_card
    from pii_forms import grouped

    r = rng(seed)
    cards = [bank_card(r) for _ in range(4 * ROWS)]
    cells = [f"{label}{grouped(c, sep)}" if i % 4 == 0 else c for i, c in enumerate(cards)]
    assert REGISTRY["bank_card"].cells(normalize(pa.array(cells))).all()
    directory = package(_fresh() / "p", {"xh": [str(i) for i in range(4 * ROWS)], "skzh": cells})
    assert "bank_card" in decided(od.check(od.load(directory)), "skzh")
    rows, _, _ = redacted(directory, _fresh() / "out")  # the last line refuses a card left raw
    assert leaks(cards, output_cells(rows)) == []
