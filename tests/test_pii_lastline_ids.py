"""The last line's own checks of the identifier forms of blind corpus #6 (:mod:`opendata.pii.lastline_ids`):
a passport's machine-readable zone, Hong Kong, Macao and Taiwan identity cards and phones, WeChat IDs and
QQ numbers after the word for them.

Each check's cheap first test (RE2) never drops a cell its full test flags, on generated cells that hold
a value in the forms people write it and on noise of the same alphabet; its check algorithm agrees with
the detector's, built apart; decoys of the same shapes stay unflagged; and a value of each type left raw
in an output cell, the detectors made blind to it, makes ``redact`` refuse, naming the field and the
count and not the value."""

from __future__ import annotations

import random
import string
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.pii import lastline, lastline_ids as ids
from opendata.pii.detectors import REGISTRY
from opendata.pii.detectors.mrz import check_digit, mrz_valid
from opendata.pii.detectors.regional import hk_valid, tw_valid
from pii_forms import package, redacted

SOME = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
PINYIN = ("ZHANG", "WANG", "LI", "OUYANG", "SANFENG", "XIAOMING", "JIANGUO", "HAO")
_TW = "ABCDEFGHJKLMNPQRSTUVXYWZIO"


# ---- values of each type, valid by the detectors' checks (built apart from the last line's) ---------------

def mrz_lines(r: random.Random) -> tuple[str, str]:
    number = r.choice("EGPD") + "".join(r.choice(string.digits) for _ in range(8))
    born = f"{r.randint(40, 99):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    expires = f"{r.randint(26, 35):02d}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    personal = r.choice(("<" * 14, "".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(14))))
    body = (number + str(check_digit(number)) + "CHN" + born + str(check_digit(born)) + r.choice("MF") + expires
            + str(check_digit(expires)) + personal + str(check_digit(personal)))
    line2 = body + str(check_digit(body[0:10] + body[13:20] + body[21:43]))
    line1 = f"P{r.choice('<O')}CHN{r.choice(PINYIN)}<<{r.choice(PINYIN)}".ljust(44, "<")
    assert mrz_valid(line2) and mrz_valid(line1)
    return line1, line2


def hk_card(r: random.Random) -> str:
    letters = "".join(r.choice("ABCDEGHKMPRVWXYZ") for _ in range(r.choice((1, 1, 2))))
    digits = "".join(r.choice(string.digits) for _ in range(6))
    return next(v for c in "0123456789A" if hk_valid(v := f"{letters}{digits}({c})"))


def tw_card(r: random.Random) -> str:
    body = r.choice(_TW) + r.choice("1289") + "".join(r.choice(string.digits) for _ in range(7))
    return next(v for c in string.digits if tw_valid(v := body + c))


def macao_card(r: random.Random) -> str:
    return f"{r.choice('157')}{r.randint(0, 999_999):06d}({r.randint(0, 9)})"


def regional_phone(r: random.Random) -> str:
    sep = r.choice((" ", "-", ""))
    eight = f"{r.choice('2356789')}{r.randint(0, 999):03d}{sep}{r.randint(0, 9999):04d}"
    return r.choice((f"{r.choice(('+852', '+852 ', '00852', '(852) ', '（+852）'))}{eight}",
                     f"{r.choice(('+853 ', '00853-'))}6{eight[1:]}",
                     f"{r.choice(('+886 ', '+886-', '00886'))}9{r.randint(0, 99):02d}{sep}{r.randint(0, 999):03d}{sep}"
                     f"{r.randint(0, 999):03d}",
                     f"09{r.randint(0, 99):02d}{r.choice(' -')}{r.randint(0, 999):03d}{r.choice(' -')}{r.randint(0, 999):03d}"))


def wechat(r: random.Random) -> str:
    if r.random() < 0.2:
        return "wxid_" + "".join(r.choice(string.ascii_lowercase + string.digits) for _ in range(14))
    word = "".join(r.choice(string.ascii_lowercase) for _ in range(r.randint(3, 8)))
    cue = r.choice(("微信", "微信号：", "微信號 ", "VX:", "vx ", "wx：", "WeChat: ", "加微", "加V ", "威信"))
    return f"{cue}{word}{r.choice(('_', '-', ''))}{r.randint(1960, 2008)}"


def qq(r: random.Random) -> str:
    cue = r.choice(("QQ", "qq号", "QQ号码：", "Q号", "扣扣 ", "企鹅号是", "QQ: "))
    return f"{cue}{r.randint(1, 9)}{''.join(r.choice(string.digits) for _ in range(r.randint(4, 10)))}"


def _noise(r: random.Random, alphabet: str, size: int = 12) -> str:
    return "".join(r.choice(alphabet) for _ in range(r.randint(0, size)))


_TEXT = "备注已核验联系人香港澳门台湾，。：（）() -+<"
_VALUES = {
    "mrz": lambda r: r.choice(mrz_lines(r)) if r.random() < 0.7 else "\n".join(mrz_lines(r)),
    "regional_id": lambda r: r.choice((hk_card(r), tw_card(r), macao_card(r), "香港身份证" + hk_card(r).replace("(", "")
                                       .replace(")", ""), "澳门居民身份证号码 " + macao_card(r)[:7] + "1")),
    "account": lambda r: r.choice((wechat(r), qq(r))),
    "regional_phone": regional_phone,
}
_CHECKS = {"mrz": (ids.MRZ_CANDIDATE, ids.mrz_cell), "regional_id": (ids.REGIONAL_CANDIDATE,
                                                                       lambda c: any(ids.regional_cell(c)[:2])),
           "account": (ids.ACCOUNT_CANDIDATE, ids.account_cell), "regional_phone": (ids.PHONE_CANDIDATE, ids.phone_cell)}


def _cells(r: random.Random, kind: str) -> tuple[list[str], list[bool]]:
    """Cells holding a value of ``kind`` amid text, and noise of the characters the forms are made of;
    and which hold a value."""
    alphabet = _TEXT + string.ascii_uppercase[:8] + "0123456789<" + "微信QqVvXxWw号：852"
    out, holds = [], []
    for _ in range(40):
        holds.append(r.random() < 0.6)
        out.append(_noise(r, _TEXT, 6) + _VALUES[kind](r) + _noise(r, _TEXT, 6) if holds[-1] else _noise(r, alphabet, 60))
    return out, holds


@pytest.mark.parametrize("kind", sorted(_CHECKS))
@SOME
@given(r=SEEDS)
def test_the_first_test_never_drops_a_cell_the_full_check_flags(kind: str, r: random.Random) -> None:
    candidate, check = _CHECKS[kind]
    cells, holds = _cells(r, kind)
    prefiltered = pc.match_substring_regex(pa.array(cells), candidate).to_pylist()
    flagged = [check(c) for c in cells]
    assert not [c for c, f, p in zip(cells, flagged, prefiltered) if f and not p]
    # (and most cells that hold a value are flagged, the text around some spoils one: the property is not empty)
    assert 2 * sum(f for f, h in zip(flagged, holds) if h) >= sum(holds)


@pytest.mark.parametrize("kind", sorted(_VALUES))
@SOME
@given(r=SEEDS)
def test_each_value_in_its_written_forms_is_flagged(kind: str, r: random.Random) -> None:
    cell = _noise(r, "备注已核验，。 ", 6) + _VALUES[kind](r) + _noise(r, "，。已离职 ", 6)
    assert _CHECKS[kind][1](cell)


@SOME
@given(r=SEEDS)
def test_the_last_lines_checks_agree_with_the_detectors_built_apart(r: random.Random) -> None:
    letters = "".join(r.choice(string.ascii_uppercase) for _ in range(r.choice((1, 2))))
    hk = f"{letters}{r.randint(0, 999_999):06d}({r.choice('0123456789A')})"
    assert ids.regional_cell(hk)[0] == hk_valid(hk)
    tw = f"{r.choice(_TW)}{r.choice('1289')}{r.randint(0, 99_999_999):08d}"
    assert ids.regional_cell(tw)[1] == tw_valid(tw)
    field = "".join(r.choice(string.ascii_uppercase + string.digits + "<") for _ in range(r.randint(1, 30)))
    assert ids.icao_check(field) == check_digit(field)
    line1, line2 = mrz_lines(r)
    wrong = line2[:-1] + str((int(line2[-1]) + r.randint(1, 9)) % 10)
    assert ids.mrz_cell(line2) and not ids.mrz_cell(wrong)
    # a zone is judged by its number line's checks, its name line with it (a zone whose checks fail is none)
    for between in ("\n", " ", ""):
        assert ids.mrz_cell(line1 + between + line2) == mrz_valid(line1 + between + line2) is True
        assert ids.mrz_cell(line1 + between + wrong) == mrz_valid(line1 + between + wrong) is False


def test_decoys_of_the_same_shapes_are_not_flagged() -> None:
    r = random.Random(3)
    decoys = (["型号A1234567", "订单A123456", "批号Z202589932-1", "QQ群12345678欢迎加入", "wxyz123abc", "微信 WeChat",
               "微信支付", "联系电话13912345678", "0571-88123456", "户号0912345678", "852123456789", "微信公众号已关注",
               "P<CHN" + "*" * 39, "QQ：842*****", "微信******", "+852 ******67", "wxid_******", "A******(*)"]
              + ["".join(r.choice(string.ascii_uppercase + string.digits) for _ in range(44)) for _ in range(50)])
    counts = ids.id_form_cells(pa.array(decoys))
    assert counts["mrz"] == counts["regional_id"] == counts["account"] == counts["regional_phone"] == 0
    # a column of codes of a Taiwan number's shape passes its check by chance only: weighed as chance
    codes = [f"{r.choice(_TW)}{r.choice('12')}{r.randint(0, 99_999_999):08d}" for _ in range(400)]
    counts = ids.id_form_cells(pa.array(codes))
    assert counts["taiwan_runs"] == 400
    assert not lastline.cards_beyond_chance(counts["taiwan_id"], counts["taiwan_runs"], chance=ids.TAIWAN_CHANCE)
    assert not lastline.text_checks_needed(pa.array(["已核验", "无异常", "编号N0001"]))


# ---- a raw value in an output cell makes redact refuse ----------------------------------------------------

_BLIND = {"mrz": ("passport_mrz",), "regional_id": ("hk_macau_tw_id",), "account": ("wechat_id", "qq_number"),
          "regional_phone": ("other_phone",)}
_WHAT = {"mrz": "机读码", "regional_id": "港澳台居民身份证", "account": "微信", "regional_phone": "港澳台电话"}


@pytest.mark.parametrize("kind", sorted(_BLIND))
def test_a_value_left_raw_in_an_output_cell_makes_redact_refuse_naming_field_and_count(kind: str, monkeypatch) -> None:
    r = random.Random(11)
    values = [_VALUES[kind](r) for _ in range(3)]
    notes = ["已核验，无异常"] * 40
    for at, value in zip((4, 17, 30), values):
        notes[at] = f"补充材料：{value}，已核验"
    # the detectors made blind to the type: only the last line is left to see it
    for detector in _BLIND[kind]:
        for attribute in ("span_pattern", "cell_pattern"):
            monkeypatch.setattr(type(REGISTRY[detector]), attribute, "qzqzqzq")
    directory = package(Path(tempfile.mkdtemp(prefix="od-ll-ids-")) / "p",
                        {"编号": [f"N{i:04d}" for i in range(40)], "备注": notes})
    with pytest.raises(od.PolicyError) as refused:
        redacted(directory, directory.parent / "out")
    message = refused.value.render("zh")  # (its str() is English throughout)
    assert "备注" in message and " 3 " in message and _WHAT[kind] in message
    for value in values:  # no value, nor a long part of one, in the message
        bare = value.replace(" ", "")
        assert not any(bare[i:i + 6] in message for i in range(0, max(len(bare) - 5, 1)))
