"""Issue 14, "decoys stay decoys": numbers that look like a landline or a bank card by their digits
but not by the identifier's real format, and an organisation's own phone in text.

- A mainland landline's area code and local number go together: 010 and 020–029 with eight digits,
  03xx–09xx with seven or eight — so a plain run is 11 or 12 digits, and a 10-digit account number
  or data-quality code beginning with 0 is no landline.
- A bank card has an issuer's prefix (BIN) and, for some brands, a fixed length: order numbers that
  pass Luhn but begin 1, 7, most 2s and 8s are no cards; a card of every brand still is.
- A landline in the brackets of an organisation's particulars (…有限公司（统一社会信用代码…，住所地…，
  电话0570-…）) is the organisation's; anything of a person's there keeps it treated.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.identifiers import luhn_check_digit
from opendata.pii.decide import decide
from opendata.pii.detectors import REGISTRY
from opendata.pii.scan import scan_column
from pii_forms import field_findings, package, redacted

SOME = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=4, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

LANDLINE = REGISTRY["cn_landline"]
CARD = REGISTRY["bank_card"]
DIGIT = st.sampled_from("0123456789")


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.lists(DIGIT, min_size=n, max_size=n).map("".join)


def _spans(texts: list[str]) -> list[int]:
    return [int(n) for n in LANDLINE.spans(pa.array(texts))]


def _cells(detector, values: list[str]) -> list[bool]:
    return [bool(v) for v in detector.cells(pa.array(values))]


# ---- landlines: area code and length ---------------------------------------------------------------------

@st.composite
def landlines(draw) -> tuple[str, str]:
    """(area code with its 0, local number) as the numbering plan has them."""
    if draw(st.booleans()):
        area = draw(st.sampled_from(["010"] + [f"02{d}" for d in range(10)]))
        size = 8
    else:
        area = "0" + draw(st.sampled_from("3456789")) + draw(_digits(2))
        size = draw(st.sampled_from([7, 8]))
    return area, draw(st.sampled_from("23456789")) + draw(_digits(size - 1))


def _written(area: str, local: str, form: str) -> str:
    half = len(local) - 4
    return {"dash": f"{area}-{local}", "paren": f"({area}){local}", "fwparen": f"（{area}）{local}",
            "space": f"{area} {local[:half]} {local[half:]}", "plain": area + local,
            "intl": f"+86-{area[1:]}-{local}", "ext": f"{area}-{local}转8021", "dashext": f"{area}-{local}-238"}[form]


@SOME
@given(landlines(), st.sampled_from(["dash", "paren", "fwparen", "space", "plain", "intl", "ext", "dashext"]))
def test_landlines_of_the_numbering_plan_are_found_however_written(landline, form):
    written = _written(*landline, form)
    assert _spans([f"家中座机{written}，请回电。"]) == [1], form
    if form in ("dash", "paren", "plain", "ext"):
        assert _cells(LANDLINE, [written]) == [True], form


@st.composite
def not_landlines(draw) -> str:
    """Digit runs beginning with 0 whose area code and length do not go together: ten digits (an
    account number 0570xxxxxx, a quality code), a three-digit code with seven digits, a four-digit
    one with six, or a three-digit code that is no area code (057-…)."""
    kind = draw(st.sampled_from(["ten", "short3", "short4", "bad3"]))
    if kind == "ten":
        return "0" + draw(_digits(9))
    if kind == "short3":
        return draw(st.sampled_from(["010", "021", "025"])) + draw(st.sampled_from(["", "-"])) \
            + draw(st.sampled_from("2345678")) + draw(_digits(6))
    if kind == "short4":
        return "0" + draw(st.sampled_from("3456789")) + draw(_digits(2)) + draw(st.sampled_from(["", "-", " "])) \
            + draw(st.sampled_from("2345678")) + draw(_digits(5))
    return "0" + draw(st.sampled_from("3456789")) + draw(_digits(1)) + "-" + draw(st.sampled_from("2345678")) \
        + draw(_digits(draw(st.sampled_from([6, 7]))))


@SOME
@given(not_landlines())
def test_digit_runs_the_numbering_plan_does_not_have_are_no_landlines(value):
    assert _spans([f"户号{value}已过户", value, f"（{value}）"]) == [0, 0, 0]
    assert _cells(LANDLINE, [value]) == [False]


@SOME
@given(st.integers(0, 2 ** 32))
def test_a_column_of_ten_digit_codes_is_decided_not_landlines(seed):
    import random

    r = random.Random(seed)
    # data-quality codes of 0, 1 and 9, and, as in a utility's register, 10-digit accounts 0570…
    values = ["".join(r.choice("019") for _ in range(10)) for _ in range(200)]
    values += ["0570" + "".join(r.choice("0123456789") for _ in range(6)) for _ in range(200)]
    total, found = scan_column(pa.array(values))
    counts = found.get("cn_landline")
    assert counts is None or decide(LANDLINE, counts, total, "数据质量码") is None


def test_a_table_with_a_quality_code_column_is_written_unchanged():
    import random

    r = random.Random(5)
    codes = ["".join(r.choice("019") for _ in range(10)) for _ in range(120)]
    directory = Path(tempfile.mkdtemp(prefix="od-decoy7-"))
    package(directory, {"站名": [f"测站{i}" for i in range(120)], "数据质量码": codes})
    report = od.check(od.load(directory))
    assert field_findings(report, "数据质量码") == []
    rows, _, _ = redacted(directory, directory / "out")
    assert [row["数据质量码"] for row in rows] == codes


# ---- bank cards: issuer prefix and length ----------------------------------------------------------------

#: (brand, prefixes, lengths) as the issuers have them
BRANDS = [
    ("UnionPay", ["622202", "621226", "623058", "625965"], [16, 17, 18, 19]),
    ("UnionPay 8-series", ["810", "8110", "8155", "8171"], [16, 19]),
    ("domestic 60", ["601382", "603367"], [16, 19]),
    ("old domestic 9", ["9558", "9559", "9400"], [19]),
    ("Visa", ["436742", "4", "491234"], [16, 19]),
    ("Mastercard", ["51", "53", "55"], [16]),
    ("Mastercard 2-series", ["2221", "2500", "2720"], [16]),
    ("JCB", ["3528", "3566", "3589"], [16, 19]),
    ("Diners Club", ["300", "305", "3095", "36", "38", "39"], [16]),
    ("Discover", ["6011", "644", "649", "65"], [16, 19]),
    ("Mir", ["2200", "2204"], [16, 19]),
]


def _luhn_number(prefix: str, length: int, body: str) -> str:
    partial = (prefix + body)[:length - 1]
    return partial + luhn_check_digit(partial)


@SOME
@given(st.sampled_from(BRANDS), st.data())
def test_a_card_of_every_brand_is_a_card(brand, data):
    _, prefixes, lengths = brand
    card = _luhn_number(data.draw(st.sampled_from(prefixes)), data.draw(st.sampled_from(lengths)), data.draw(_digits(19)))
    assert _cells(CARD, [card]) == [True], brand[0]


#: prefixes no card of 16–19 digits has: 1, 7, 8 outside UnionPay's 810–8171, 2 outside Mir and
#: Mastercard (and Mastercard's 2-series beyond 16 digits), 34/37 (American Express: 15 digits), 31–33
NO_CARD = [("1", [16, 19]), ("7", [16, 19]), ("82", [16, 19]), ("8172", [16, 19]), ("89", [16, 19]),
           ("20", [16, 19]), ("2205", [16]), ("2220", [16]), ("2721", [16]), ("28", [16, 19]), ("29", [16]),
           ("2221", [17, 19]), ("25", [18, 19]), ("34", [16, 19]), ("37", [16]), ("31", [16]), ("3527", [16]),
           ("3590", [16]), ("306", [16])]


@SOME
@given(st.sampled_from(NO_CARD), st.data())
def test_numbers_passing_luhn_without_an_issuers_prefix_are_no_cards(kind, data):
    prefix, lengths = kind
    number = _luhn_number(prefix, data.draw(st.sampled_from(lengths)), data.draw(_digits(19)))
    assert _cells(CARD, [number]) == [False], prefix


@FEW
@given(st.integers(0, 2 ** 32))
def test_a_column_of_luhn_order_numbers_is_no_bank_card_column(seed):
    import random

    r = random.Random(seed)
    orders = []
    for _ in range(300):
        prefix, lengths = r.choice(NO_CARD)
        orders.append(_luhn_number(prefix, r.choice(lengths), "".join(r.choice("0123456789") for _ in range(19))))
    total, found = scan_column(pa.array(orders))
    counts = found.get("bank_card")
    assert counts is None or decide(CARD, counts, total, "采购订单号") is None
    assert counts is None or counts.matches == 0


def test_a_column_of_cards_of_every_brand_is_a_card_column():
    import random

    r = random.Random(7)
    cards = [_luhn_number(r.choice(prefixes), r.choice(lengths), "".join(r.choice("0123456789") for _ in range(19)))
             for _ in range(20) for _, prefixes, lengths in BRANDS]
    total, found = scan_column(pa.array(cards))
    detection = decide(CARD, found["bank_card"], total, "col_3")
    assert detection is not None and detection.status == "column" and detection.matches == len(cards)


# ---- an organisation's phone among its particulars -------------------------------------------------------

ORGANISATIONS = ["衢州市新安江电器有限公司", "衢州市王记食品经营部", "衢州市衢化新材料合伙企业（有限合伙）",
                 "柯城区某某五金股份有限公司", "常山县人民医院", "衢州市某某律师事务所"]


@SOME
@given(st.sampled_from(ORGANISATIONS), landlines(), st.sampled_from(["电话", "联系电话", "办公电话", ""]),
       st.sampled_from([["统一社会信用代码91330802MA2XXXXX1X", "住所地衢州市人民路208号"], ["住所地衢州市鹿鸣路250号"], []]))
def test_an_organisations_landline_among_its_particulars_stays(organisation, landline, label, particulars):
    number = f"{landline[0]}-{landline[1]}"
    inside = "，".join(particulars + [label + number])
    assert _spans([f"申请人与被申请人{organisation}（{inside}）劳动争议一案。"]) == [0]


@SOME
@given(st.sampled_from(ORGANISATIONS), landlines(),
       st.sampled_from(["法定代表人张建国", "联系人：王丽", "李春磊", "男，1994年11月28日出生", "负责人赵敏"]))
def test_a_persons_landline_in_an_organisations_brackets_is_treated(organisation, landline, person):
    number = f"{landline[0]}-{landline[1]}"
    assert _spans([f"被申请人{organisation}（{person}，电话{number}）经合法传唤。",
                   f"被申请人{organisation}员工李春磊（电话{number}）出庭作证。",
                   f"申请人李春磊（住所地衢州市人民路208号，电话{number}）"]) == [1, 1, 1]
