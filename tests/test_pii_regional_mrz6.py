"""Blind corpus #6: identity documents the detectors did not know — a passport's machine-readable
zone (ICAO 9303 TD3), Hong Kong, Macao and Taiwan identity cards, and phone numbers outside the
mainland's plan — with generated data of our own, decoys beside them.
"""

from __future__ import annotations

import random
import string
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from pii_data import mobile, name, rng
from pii_forms import decided, detections, leaks, output_cells, package, redacted
import opendata as od

FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None, phases=(Phase.explicit, Phase.generate),
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40
PINYIN = ("ZHANG", "WANG", "LI", "OUYANG", "SANFENG", "XIAOMING", "JIANGUO", "YIRAN", "HAO", "MEI")


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii-doc6-"))


# ---- the machine-readable zone ------------------------------------------------------------------------------
def _icao(field: str) -> str:
    """ICAO 9303's check digit: weights 7 3 1, digits as they are, A–Z 10–35, the filler 0."""
    value = {c: i for i, c in enumerate(string.digits + string.ascii_uppercase)}
    return str(sum((0 if c == "<" else value[c]) * (7, 3, 1)[i % 3] for i, c in enumerate(field)) % 10)


def _mrz(r: random.Random, *, break_: str = "\n", wrong: bool = False) -> tuple[str, dict[str, str]]:
    """A TD3 zone with valid check digits (one wrong with ``wrong``), and the personal values in it."""
    surname, given = r.choice(PINYIN), r.choice(PINYIN)
    number = "E" + "".join(r.choice(string.digits) for _ in range(8))
    born = f"{r.randint(50, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    expires = f"{r.randint(26, 35):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    line1 = f"P<CHN{surname}<<{given}".ljust(44, "<")
    personal = "<" * 14
    body = number + _icao(number) + "CHN" + born + _icao(born) + r.choice("MF") + expires + _icao(expires) \
        + personal + "0"
    composite = _icao(body[0:10] + body[13:20] + body[21:43])
    if wrong:
        composite = str((int(composite) + 1) % 10)
    return line1 + break_ + body + composite, {"name": f"{surname}<<{given}", "number": number, "born": born}


@FEW
@given(seed=st.integers(0, 10_000), break_=st.sampled_from(["\n", " ", ""]))
def test_a_column_of_machine_readable_zones_is_a_passport_column_and_no_zone_leaves_raw(seed: int, break_: str) -> None:
    """The previous passport's MRZ in a third of the rows (the rest empty), under a header that says
    nothing: the zones are passports (their check digits say so), and each is treated whole — no
    name, passport number or birth date inside it is left. Zones whose composite check fails are no
    zone: a column of them is left as it is."""
    r = rng(seed)
    zones = [_mrz(r, break_=break_) if k % 3 == 0 else ("", {}) for k in range(ROWS)]
    decoys = [_mrz(r, break_=break_, wrong=True)[0] for _ in range(ROWS)]
    directory = package(_fresh() / "p", {"申请人": [name(r) for _ in range(ROWS)], "备用码": [z for z, _ in zones],
                                         "校验串": decoys})
    report = od.check(od.load(directory))
    assert {d.type: d.status for d in detections(report, "备用码")}.get("passport_mrz") == "column"
    assert "passport_mrz" not in {d.type for d in detections(report, "校验串")}
    rows, _, _ = redacted(directory, directory.parent / "out")
    column = [row["备用码"] for row in rows]
    inside = [v for _, values in zones for v in values.values()]
    assert not leaks(inside, column, min_digits=6)
    assert [row["校验串"] for row in rows] == decoys


@FEW
@given(seed=st.integers(0, 10_000))
def test_one_machine_readable_zone_in_a_note_is_found_and_treated(seed: int) -> None:
    r = rng(seed)
    zone, values = _mrz(r, break_=" ")
    notes = [r.choice(("材料齐全", "已补交照片", "")) for _ in range(ROWS)]
    at = r.randrange(ROWS)
    notes[at] = f"旧护照机读码 {zone} 已作废"
    directory = package(_fresh() / "p", {"编号": [f"SQ{k:05d}" for k in range(len(notes))], "备注": notes})
    assert "passport_mrz" in decided(od.check(od.load(directory)), "备注")
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks(list(values.values()), output_cells(rows), min_digits=6)


# ---- Hong Kong, Macao and Taiwan identity cards -------------------------------------------------------------
_TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def _hk(r: random.Random, *, valid: bool = True) -> str:
    letter = r.choice("ABCDEFGHJKLMNPRSTVWYZ")  # (the letters Hong Kong issues: no I, O, Q, U, X)
    digits = "".join(r.choice(string.digits) for _ in range(6))
    total = 36 * 9 + (ord(letter) - 55) * 8 + sum(int(d) * w for d, w in zip(digits, range(7, 1, -1)))
    check = (11 - total % 11) % 11
    if not valid:
        check = (check + 1 + r.randrange(10)) % 11
    return f"{letter}{digits}({'A' if check == 10 else check})"


def _tw(r: random.Random, *, valid: bool = True) -> str:
    # (a decoy with I or O first would be read as the digits it looks like: 0275938248 is a landline)
    letter = r.choice(list(_TW_LETTERS) if valid else [c for c in _TW_LETTERS if c not in "IO"])
    body = r.choice("12") + "".join(r.choice(string.digits) for _ in range(7))
    code = _TW_LETTERS[letter]
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(body, range(8, 0, -1)))
    check = (10 - total % 10) % 10
    if not valid:
        check = (check + 1 + r.randrange(9)) % 10
    return f"{letter}{body}{check}"


def _macao(r: random.Random) -> str:
    return f"{r.choice('157')}{r.randint(0, 999_999):06d}({r.randint(0, 9)})"


@FEW
@given(seed=st.integers(0, 10_000), header=st.sampled_from(["身份证明文件号码", "证件号", "编号"]))
def test_hong_kong_macao_and_taiwan_identity_cards_decide_their_column_and_are_treated(seed: int, header: str) -> None:
    """A(1)23456(7), 1234567(8), A123456789 with their checks: the column is theirs (not asked about,
    not refused), each cell masked. Product codes of the same shapes whose checks pass only by chance
    (a letter and six digits; a letter and nine) are no cards, and stay; so do lot numbers that begin
    with a valid Taiwan number and run on (Z202589932-1)."""
    r = rng(seed)
    cards = [(_hk, _tw, _macao)[k % 3](r) for k in range(ROWS)]
    codes = [r.choice((lambda: _tw(r, valid=False), lambda: f"{r.choice('ABCDEF')}{r.randint(0, 999_999):06d}"))()
             for _ in range(ROWS)]
    lots = [f"{_tw(r)}-{r.randint(1, 9)}" for _ in range(ROWS)]
    directory = package(_fresh() / "p", {header: cards, "产品编码": codes, "批号": lots})
    report = od.check(od.load(directory))
    assert {d.type: d.status for d in detections(report, header)}.get("hk_macau_tw_id") == "column"
    assert not [d for d in detections(report, header) if d.status == "uncertain"]
    assert "hk_macau_tw_id" not in {d.type for d in detections(report, "产品编码")}
    assert "hk_macau_tw_id" not in {d.type for d in detections(report, "批号")}
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks(cards, [row[header] for row in rows], min_digits=6)
    assert [row["产品编码"] for row in rows] == codes
    assert [row["批号"] for row in rows] == lots


@FEW
@given(seed=st.integers(0, 10_000))
def test_one_hong_kong_and_one_taiwan_card_among_a_thousand_notes_are_treated(seed: int) -> None:
    r = rng(seed)
    hk, tw = _hk(r), _tw(r)
    notes = [r.choice(("已盘点", "型号A123456", "附件齐全", "")) for _ in range(ROWS * 5)]
    notes[3] = f"原使用人香港籍顾问证件{hk}，已离职"
    notes[7] = f"台籍专家{tw}借用"
    directory = package(_fresh() / "p", {"编号": [f"SQ{k:05d}" for k in range(len(notes))], "备注": notes})
    assert "hk_macau_tw_id" in decided(od.check(od.load(directory)), "备注")
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks([hk[:7], tw], output_cells(rows), min_digits=6)
    assert [row["备注"] for k, row in enumerate(rows) if k not in (3, 7)] == \
        [n for k, n in enumerate(notes) if k not in (3, 7)]


# ---- phones outside the mainland ----------------------------------------------------------------------------
def _other_phone(r: random.Random) -> str:
    form = r.randrange(4)
    if form == 0:
        return f"+852 {r.choice('569')}{r.randint(0, 999):03d} {r.randint(0, 9999):04d}"
    if form == 1:
        return f"+853 6{r.randint(0, 999):03d} {r.randint(0, 9999):04d}"
    if form == 2:
        return f"+886 9{r.randint(0, 99):02d} {r.randint(0, 999):03d} {r.randint(0, 999):03d}"
    return f"09{r.randint(0, 99):02d}-{r.randint(0, 999):03d}-{r.randint(0, 999):03d}"


@FEW
@given(seed=st.integers(0, 10_000), header=st.sampled_from(["境外联系电话", "联系电话", "备用号码"]))
def test_phones_of_hong_kong_macao_and_taiwan_decide_their_column_and_are_treated(seed: int, header: str) -> None:
    """+852 9123 4567, +853 6612 3456, +886 912 345 678, 0912-345-678: a column of them is a phone
    column (neither refused nor asked about), every number masked; beside a mainland mobile in the
    same column too. Eight-digit numbers with no country code under no hint (an asset's serial) stay."""
    r = rng(seed)
    phones = [_other_phone(r) if k % 4 else mobile(r) for k in range(ROWS)]
    serials = [f"{r.randint(2, 9)}{r.randint(0, 999):03d} {r.randint(0, 9999):04d}" for _ in range(ROWS)]
    directory = package(_fresh() / "p", {header: phones, "资产序列": serials})
    report = od.check(od.load(directory))
    statuses = {d.type: d.status for d in detections(report, header)}
    assert statuses.get("other_phone") == "column" and "uncertain" not in statuses.values()
    assert not detections(report, "资产序列")
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks(phones, [row[header] for row in rows])
    assert [row["资产序列"] for row in rows] == serials
