"""Detectors: true values, wrong check digits, decoys, masked values, spans, opaque headers."""

from __future__ import annotations

import json

import phonenumbers
import pyarrow as pa
import pytest
from stdnum import luhn
from stdnum.cn import ric, uscc as stdnum_uscc

import opendata as od
from opendata.pii.detectors import REGISTRY, TYPES
from opendata.pii.detectors.base import Detector
from opendata.pii.detectors.bank_card import luhn_valid
from opendata.pii.detectors.resident_id import ric_valid
from opendata.pii.detectors.uscc import uscc_valid
from opendata.pii.scan import _SHAPE_ONLY, decide, scan, scan_column
from pii_data import bank_card, mobile, name, resident_id, rng, uscc, wrong_check

PUBLIC_TYPES = {"cn_resident_id", "cn_mobile", "cn_landline", "email", "bank_card", "cn_passport",
                "cn_license_plate", "person_name", "address", "birth_date", "ip_address", "cn_uscc", "cn_service_number",
                "qq_number", "military_id", "wechat_id", "geo_coordinates", "hk_macau_tw_id", "passport_mrz",
                "other_phone"}


def cells(kind, values):
    return list(REGISTRY[kind].cells(pa.array(values, pa.string())))


def test_the_type_names_are_the_public_contract():
    assert set(TYPES) == PUBLIC_TYPES
    assert REGISTRY["cn_uscc"].personal is False and REGISTRY["cn_service_number"].personal is False
    assert all(REGISTRY[t].personal for t in PUBLIC_TYPES - {"cn_uscc", "cn_service_number"})


def test_resident_id_check_agrees_with_stdnum():
    r = rng(7)
    # A real division code (so stdnum's birth-place lookup passes) and random everything else.
    values = [f"110101{r.randint(1900, 2099)}{r.randint(0, 13):02d}{r.randint(0, 32):02d}{r.randint(0, 999):03d}"
              f"{r.choice('0123456789X')}" for _ in range(5000)]
    ours = list(ric_valid(pa.array(values)))
    assert sum(ours) > 50  # the sample must contain valid ones, or it proves nothing
    assert ours == [ric.is_valid(v) for v in values]
    # Mixed in one array: lowercase check characters, letters among the digits, other widths.
    mixed = [v.lower() if v.endswith("X") else v for v in values[:2000]] \
        + [v[:8] + "A" + v[9:] for v in values[:200]] + [v[:17] for v in values[:200]]
    ours = list(ric_valid(pa.array(mixed)))
    assert any(v.endswith("x") and ok for v, ok in zip(mixed, ours))
    assert ours == [ric.is_valid(v) for v in mixed]


def test_resident_id_true_wrong_check_lowercase_x_and_legacy():
    r = rng(1)
    good = [resident_id(r) for _ in range(200)]
    assert all(cells("cn_resident_id", good))
    assert not any(cells("cn_resident_id", [wrong_check(v) for v in good]))
    with_x = next(v for v in (resident_id(r) for _ in range(10_000)) if v.endswith("X"))
    assert cells("cn_resident_id", [with_x.lower()]) == [True]
    assert cells("cn_resident_id", ["339901900101123", "339901901301123"]) == [True, False]  # 15-digit legacy


def test_uscc_check_agrees_with_stdnum_and_is_not_personal():
    r = rng(2)
    values = [uscc(r) for _ in range(300)] + ["91339901" + "".join(r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
                                                                   for _ in range(10)) for _ in range(3000)]
    ours = list(uscc_valid(pa.array(values)))
    assert ours == [stdnum_uscc.is_valid(v) for v in values]
    total, found = scan_column(pa.array(values[:300]))
    assert found["cn_uscc"].matches == 300 and "cn_resident_id" not in found


def test_bank_card_luhn_agrees_with_stdnum():
    r = rng(3)
    values = ["".join(str(r.randint(0, 9)) for _ in range(r.randint(16, 19))) for _ in range(3000)]
    assert list(luhn_valid(pa.array(values))) == [luhn.is_valid(v) for v in values]
    good = [bank_card(r) for _ in range(100)]
    assert all(cells("bank_card", good))


def test_mobiles_that_phonenumbers_accepts_are_found_in_every_written_form():
    r = rng(4)
    numbers = [m for m in (mobile(r) for _ in range(2000))
               if phonenumbers.is_valid_number(phonenumbers.parse(m, "CN"))][:300]
    assert len(numbers) > 100
    forms = numbers + [f"+86{m}" for m in numbers[:50]] + [f"{m[:3]} {m[3:7]} {m[7:]}" for m in numbers[:50]] \
        + [f"0086-{m[:3]}-{m[3:7]}-{m[7:]}" for m in numbers[:50]]
    assert all(cells("cn_mobile", forms))
    assert not any(cells("cn_mobile", ["12812345678", "1381234567", "138123456789"]))


def _shape_corpus(seed=12, n=20_000):
    """Strings near the identifier shapes: digits of every width around 11 and 15-19, a trailing
    X or x, a +86 prefix, separators, CJK and full-width digits mixed in."""
    r = rng(seed)
    out = [resident_id(r) for _ in range(300)] + [mobile(r) for _ in range(300)] + [bank_card(r) for _ in range(300)]
    for _ in range(3000):  # dates: ten-byte forms valid and not (months 00-13, days 00-32), and others
        year = r.choice(["19", "20", "19", "20", "18", "21", "2x"]) + f"{r.randint(0, 99):02d}"
        out.append(f"{year}{r.choice('-/.')}{r.randint(0, 13):02d}{r.choice('-/.')}{r.randint(0, 32):02d}")
        sep1, sep2 = r.choice("-/.-_ 年"), r.choice("-/.-_ 月")
        month, day = r.choice([f"{r.randint(0, 13):02d}", str(r.randint(1, 9))]), r.choice(
            [f"{r.randint(0, 32):02d}", str(r.randint(1, 9))])
        out.append(r.choice([f"{year}{sep1}{month}{sep2}{day}", f"{year}{month}{day}", f"{year}{sep1}{month}{sep2}{day}日",
                             f"{year}{month}{day[:1]}日", f"{year}年{month[:1]}{day}", f"{year}{sep1}{month}{sep2}{day}x"]))
    for _ in range(1500):  # plates: nine-byte forms with every kind of wrong character, and longer ones
        chars = [r.choice("浙京粤港沪A"), r.choice("ABHIOZa1浙")] + [r.choice("0123456789ABDFIOZa９-") for _ in range(5)]
        if r.random() < 0.3:
            chars = chars[:2] + [r.choice("0123456789ABDFZ") for _ in range(5)]
        out.append("".join(chars) + r.choice(["", "", "", "D", "F", "学", "警", "1"]))
    for _ in range(1500):  # landlines: area code, separator and number of every length near the usual ones
        area = r.choice("0019") + "".join(r.choice("0123456789") for _ in range(r.choice([1, 2, 3, 4])))
        number = r.choice("0123456789") + "".join(r.choice("0123456789a") for _ in range(r.choice([5, 6, 7, 8])))
        out.append(area + r.choice(["-", "-", "-", " ", "", "_", "－"]) + number + r.choice(["", "", "", "-12", "转3"]))
    out += ["(0571)88123456", "(010)6234567", "0571-8812345５"]
    from opendata.pii.detectors.person import COMPOUND
    near = ["某", "一", "龥", "\u9fa6", "\u4dff", "\u67cf", "\u67d1", "〇", "a", "é", "𠀀", "欧", "阳", "王", "狗"]
    for _ in range(1500):  # names of 2-4 characters: true ones, and with one character off the sets
        head = r.choice([r.choice("王李张欧司上诸猫狗"), r.choice(COMPOUND), r.choice(COMPOUND)[::-1]])
        chars = list(head + "".join(r.choice("伟芳娜秀英敏静丽强磊") for _ in range(r.randint(0, 3))))
        if r.random() < 0.4:
            chars[r.randrange(len(chars))] = r.choice(near)
        out.append("".join(chars))
    out += [name(r) for _ in range(300)]
    out += ["7NK伟", "7NK伟芳", "王4|_", "王4|_芳"]  # ASCII bytes with the low bits of 王 and 伟
    from opendata.pii.detectors.person import divisions
    places = divisions()[0].to_pylist()
    for _ in range(600):  # street addresses led by a division or by a made-up place, with and without a dwelling
        out.append(r.choice([r.choice(places), r.choice(places), "示范市", "某某"]) + r.choice(["文三", "解放", "和平"])
                   + r.choice(["路", "街", "村", "巷"]) + str(r.randint(1, 300)) + r.choice(["号", "号", "号3幢201室", "弄4号"])
                   + r.choice(["", "", "601", "，"]))
    # 2- and 3-byte leads near the provinces; "fuY" has the low bits of 浙 (U+6D59) in ASCII bytes
    out += ["éA12345", "ÀA123456", "\u4e00A12345", "\uffffA12345", "fuYA12345", "fuYA1234D"]
    for _ in range(n):
        width = r.choice([10, 11, 12, 14, 15, 16, 17, 18, 19, 20])
        s = "".join(r.choice("0123456789") for _ in range(width))
        roll = r.random()
        if roll < 0.15:
            s = s[:-1] + r.choice("Xx")
        elif roll < 0.25:
            s = "1" + r.choice("0123456789") + s[2:]
        elif roll < 0.35:
            i = r.randrange(len(s))
            s = s[:i] + r.choice(["张", "-", " ", "a", "９"]) + s[i + 1:]
        elif roll < 0.4:
            s = "+86" + s[:11]
        out.append(s)
    return out


@pytest.mark.parametrize("kind", sorted(k for k, d in REGISTRY.items() if type(d).shaped is not Detector.shaped))
def test_detectors_that_shape_cells_without_re2_agree_with_their_pattern(kind):
    import pyarrow.compute as pc

    values = pa.array(_shape_corpus(), pa.string())
    expected = pc.fill_null(pc.match_substring_regex(values, REGISTRY[kind].cell_pattern), False).to_pylist()
    assert list(REGISTRY[kind].shaped(values)) == expected
    assert sum(expected) > 100  # the corpus holds enough of the type to prove something


@pytest.mark.parametrize("kind", sorted(k for k, d in REGISTRY.items() if type(d).cells is not Detector.cells))
def test_detectors_with_their_own_cells_agree_with_pattern_and_validate(kind):
    detector = REGISTRY[kind]
    values = pa.array(_shape_corpus() + ["1990年5月7日", "1990-05-1７", "2000-02-29", "1900-02-29"], pa.string())
    assert list(detector.cells(values)) == list(Detector.cells(detector, values))
    assert 100 < sum(detector.cells(values)) < len(values)


@pytest.mark.parametrize("kind,good,bad", [
    ("cn_landline", ["0571-88123456", "010-62345678", "(0571)8812345", "0571-88123456-123"], ["0571-1234", "571-88123456"]),
    ("email", ["zhang.san@example.com", "li_si+tag@mail.example.cn"], ["zhang@", "@example.com", "zhang san@x.com"]),
    ("cn_passport", ["E12345678", "EA1234567", "G12345678", "DE1234567"], ["E1234567", "EI1234567", "X12345678"]),
    ("cn_license_plate", ["浙A12345", "浙AD12345", "浙A12345F", "京B1234挂"], ["浙I12345", "AA12345", "浙A1234",
                                                                           "京B1234学", "浙A1234警"]),
    ("ip_address", ["192.168.1.20", "10.0.0.1", "2001:db8::1"], ["256.1.1.1", "1.2.3"]),
    ("address", ["示范市西湖区文一路12号3幢2单元301室", "滨江区江南大道88号1号楼1203室"], ["示范市东城区解放路3号", "西湖区"]),
    ("birth_date", ["1990-05-17", "19900517", "1990年5月17日"], ["1990-02-30", "2990-01-01"]),
])
def test_other_detectors_true_values_and_near_misses(kind, good, bad):
    assert all(cells(kind, good)), good
    assert not any(cells(kind, bad)), bad


@pytest.mark.parametrize("label,values", [
    ("18-digit order numbers failing the ID check", ["201805170012345678", "202311241234567891", "201901011234567890"] * 10),
    ("13-digit barcodes", ["6901234567892", "6920202888883"] * 10),
    ("20-digit serials", ["20261025005845788360", "00000000000000000001"] * 10),
    ("postal codes", ["310000", "310012", "100000"] * 10),
    ("division codes", ["330102", "339901", "110101"] * 10),
    ("plain dates", ["2024-01-05", "2023-12-31"] * 10),
    ("categories", ["公办", "民办", "存续", "在业"] * 10),
])
def test_decoys_are_not_personal_information(label, values):
    total, found = scan_column(pa.array(values))
    detected = {kind for kind, counts in found.items()
                if REGISTRY[kind].personal and decide(REGISTRY[kind], counts, total, "col_7")}
    assert detected == set(), label


def test_masked_values_are_reported_as_masked_not_raw():
    total, found = scan_column(pa.array(["330102********123X", "339901********2338"]))
    assert found["cn_resident_id"].masked == 2 and found["cn_resident_id"].matches == 0
    _, found = scan_column(pa.array(["138****5678"] * 3))
    assert found["cn_mobile"].masked == 3 and found["cn_mobile"].matches == 0
    _, found = scan_column(pa.array(["张*", "欧阳**", "李某"]))
    assert found["person_name"].masked == 3


def test_free_text_spans_are_found_inside_cells():
    r = rng(5)
    texts = [f"市民来电反映楼道堆物，联系电话{mobile(r)}，住址文一路12号3幢2单元{r.randint(101, 999)}室，请尽快处理"
             for _ in range(20)] + ["已办结，无个人信息"] * 5
    _, found = scan_column(pa.array(texts))
    assert found["cn_mobile"].span_cells == 20 and found["cn_mobile"].matches == 0
    assert found["address"].span_cells == 20


def test_a_repetitive_column_counts_the_same_scanned_by_its_distinct_values(monkeypatch):
    import opendata.pii.scan as scan_module

    r = rng(9)
    pool = ([resident_id(r) for _ in range(30)] + ["330102********123X", "138****5678", "张*", "", "  "]
            + [f"投诉人{name(r)}反映，电话{mobile(r)}，身份证{resident_id(r)}" for _ in range(10)]
            + [wrong_check(resident_id(r)), "公办", "6901234567892"])
    column = pa.array([r.choice(pool) for _ in range(20_000)])
    assert len(scan_module.distinct_values(column)[0]) < 100  # the distinct path is taken
    fast, fast_raw = scan_column(column), scan_column(column, raw_only=True)
    monkeypatch.setattr(scan_module, "DISTINCT_SAMPLE", 10**9)  # every value scanned as it is
    assert len(scan_module.distinct_values(column)[0]) == 20_000
    plain = scan_column(column)
    assert fast == plain and fast_raw == scan_column(column, raw_only=True)
    assert plain[1]["cn_resident_id"].matches > 0 and plain[1]["cn_mobile"].span_cells > 0


@pytest.mark.parametrize("label,values,expected", [
    ("case numbers", [f"GD2026{i:08d}" for i in range(20_000)], None),
    ("masked ID numbers", [resident_id(rng(i))[:6] + "********" + resident_id(rng(i))[-4:] for i in range(3_000)],
     None),
    ("text over several lines", [f"第{i}行\n已办结\n备注：无" for i in range(20_000)], None),
    ("one phone number far past the sample", ["已办结"] * 19_999 + ["回访电话13812345678"], "cn_mobile"),
    ("one ID number on a line of its own", [f"已办结\n{resident_id(rng(3))}\n谢谢"] + ["无"] * 9_999,
     "cn_resident_id"),
])
def test_a_column_with_nothing_to_find_is_settled_by_one_search_with_the_same_counts(label, values, expected,
                                                                                     monkeypatch):
    import opendata.pii.scan as scan_module

    column = pa.array(values)
    for raw_only in (False, True):
        joined = scan_column(column, raw_only=raw_only)
        with monkeypatch.context() as m:
            m.setattr(scan_module, "_anywhere", lambda *a: True)  # every value searched on its own
            assert scan_column(column, raw_only=raw_only) == joined, label
        # (a WeChat ID's or coordinates' shape is counted in any column — GD2026… has it — and decides
        # nothing under no hint: scan._SHAPE_ONLY)
        raw = {kind for kind, c in joined[1].items() if (c.matches or c.span_cells) and kind not in _SHAPE_ONLY}
        assert raw == ({expected} if expected else set()), label


def test_free_text_full_of_pi_counts_the_same_without_the_filtering_pass(monkeypatch):
    import opendata.pii.scan as scan_module

    r = rng(19)
    values = [f"投诉人{name(r)}反映，电话{mobile(r)}" for _ in range(3000)] + [mobile(r) for _ in range(300)] \
        + ["已办结"] * 700 + [resident_id(r) for _ in range(50)]
    column = pa.array([values[i] for i in rng(20).sample(range(len(values)), len(values))])
    assert scan_module._share_in_sample(scan_module._ANY_OR_SPAN, column.slice(0, 64)) >= 0.5  # skipped here
    skipped = scan_column(column)
    monkeypatch.setattr(scan_module, "_share_in_sample", lambda *a: 0.1)  # the pass runs
    assert scan_column(column) == skipped
    assert skipped[1]["cn_mobile"].span_cells == 3000 and skipped[1]["cn_mobile"].matches == 300


def test_a_search_of_values_joined_misses_nothing_a_search_of_each_finds():
    import pyarrow.compute as pc

    from opendata.pii.scan import _RAW_OR_SPAN, _anywhere

    r = rng(18)
    pool = ["已办结", "x", "", "\n", "第一行\n", "电话", mobile(r), resident_id(r), "投诉人", "张三", "3幢", "abc@x.cn"]
    for _ in range(300):
        values = pa.array(["".join(r.choice(pool) for _ in range(r.randint(0, 3))) for _ in range(r.randint(1, 8))])
        if pc.any(pc.match_substring_regex(values, _RAW_OR_SPAN)).as_py():
            assert _anywhere(values, _RAW_OR_SPAN)


def test_values_found_by_joined_pieces_are_those_a_search_of_each_finds(monkeypatch):
    import pyarrow.compute as pc

    import opendata.pii.scan as scan_module

    monkeypatch.setattr(scan_module, "PIECE_BYTES", 40)  # many pieces, some values longer than one
    r = rng(24)
    pool = ["已办结", "x", "", "\n", "第一行\n", "电话", mobile(r), resident_id(r), "投诉人", "张三", "3幢",
            "abc@x.cn", "浙A12345", "a" * 60]
    for pattern in (scan_module._RAW_OR_SPAN, scan_module._CELL_ANY, scan_module.REGISTRY["cn_mobile"].span_pattern):
        for _ in range(100):
            values = pa.array(["".join(r.choice(pool) for _ in range(r.randint(0, 3)))
                               for _ in range(r.randint(0, 30))], pa.string()).slice(r.randint(0, 1))
            expected = pc.fill_null(pc.match_substring_regex(values, pattern), False).to_pylist()
            assert scan_module._matching(values, pattern).tolist() == expected, values


def test_routing_judges_a_sample_as_the_kernels_judge_each_value():
    import pyarrow.compute as pc

    from opendata.pii.scan import _CELL_ANY, _SPAN_DETECTORS, _in_values, _share_in_sample

    r = rng(21)
    pool = ["已办结", "x", "电话", mobile(r), resident_id(r), "投诉人", "张三", "3幢", "abc@x.cn", "第一行\n第二行",
            "浙A12345", "10.1.2.3", "0571-88123456", wrong_check(resident_id(r)), "  "]
    patterns = [d.cell_pattern for d in REGISTRY.values()] + [d.span_pattern for d in _SPAN_DETECTORS]
    for _ in range(200):
        values = ["".join(r.choice(pool) for _ in range(r.randint(1, 3))) for _ in range(r.randint(1, 8))]
        routed = _in_values(patterns, values)
        for pattern, hit in zip(patterns, routed):
            each = pc.any(pc.match_substring_regex(pa.array(values), pattern)).as_py()
            assert hit or not each, (pattern, values)  # routing may over-report, never miss
            if not any("\n" in v for v in values) and not hit:
                assert not each
        share = _share_in_sample(_CELL_ANY, pa.array(values))
        expected = pc.sum(pc.match_substring_regex(pa.array(values), _CELL_ANY)).as_py() / len(values)
        assert share == pytest.approx(expected)


def test_routing_changes_the_work_never_the_counts(monkeypatch):
    import opendata.pii.scan as scan_module

    r = rng(23)
    # The sample (the first cells) shows phone numbers in text only; later cells hold an ID number
    # in text, whole bank cards and IDs, a masked phone and a card number with a wrong check digit.
    values = ([f"建议增设停车位，联系电话{mobile(r)}，请尽快处理" for _ in range(200)]
              + [f"投诉人身份证{resident_id(r)}，电话{mobile(r)}" for _ in range(30)]
              + [bank_card(r) for _ in range(20)] + [resident_id(r) for _ in range(20)]
              + ["138****5678", bank_card(r)[:-1] + "0", "已办结", ""] * 5)
    column = pa.array(values)
    for raw_only in (False, True):
        routed = scan_column(column, raw_only=raw_only)
        with monkeypatch.context() as m:  # every detector on every cell
            m.setattr(scan_module, "_in_sample", lambda patterns, sample: [True] * len(patterns))
            m.setattr(scan_module, "_share_in_sample", lambda pattern, sample: 1.0)
            assert scan_column(column, raw_only=raw_only) == routed
    found = routed[1]
    assert found["cn_resident_id"].span_cells == 30 and found["cn_resident_id"].matches > 0
    assert found["cn_mobile"].span_cells == 230 and found["bank_card"].matches >= 20


def test_joined_searches_are_cut_to_a_bounded_size_and_still_see_every_value(monkeypatch):
    import opendata.pii.scan as scan_module

    column = pa.array(["已办结"] * 999 + ["电话13812345678"] + ["x" * 50] * 300).slice(7)
    pieces = list(scan_module._pieces(column, 2_000))
    assert len(pieces) > 5 and all(sum(len(v.encode()) for v in p.to_pylist()) <= 2_000 for p in pieces)
    assert [v for p in pieces for v in p.to_pylist()] == column.to_pylist()
    monkeypatch.setattr(scan_module, "JOIN_BYTES", 2_000)
    from opendata.pii.scan import _RAW_OR_SPAN, _anywhere
    assert _anywhere(column, _RAW_OR_SPAN) and not _anywhere(column.slice(0, 990), _RAW_OR_SPAN)
    assert not _anywhere(column.slice(1_000), _RAW_OR_SPAN)
    huge = pa.array(["a" * 5_000, "b", "c" * 3_000])  # a value longer than the budget is searched alone
    assert [p.to_pylist() for p in scan_module._pieces(huge, 2_000)] == [["a" * 5_000], ["b"], ["c" * 3_000]]


def _bare_gb18030(tmp_path, rows=60):
    r = rng(6)
    lines = ["col_1,col_2,col_3,col_4,col_5"]
    for i in range(rows):
        lines.append(f"{i:05d},{resident_id(r)},{name(r)},{mobile(r)},投诉人{name(r)}反映：电话{mobile(r)}。")
    path = tmp_path / "hotline.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode("gb18030"))
    return path


def test_bare_gb18030_csv_with_opaque_headers(tmp_path):
    report = scan(od.load(_bare_gb18030(tmp_path)))
    found = {f.name: {d.type: d for d in f.detected} for f in report.resources[0].fields}
    assert found["col_1"] == {}
    assert found["col_2"]["cn_resident_id"].ratio == 1.0
    assert found["col_3"]["person_name"].matches == 60
    assert found["col_4"]["cn_mobile"].ratio == 1.0
    assert found["col_5"]["cn_mobile"].spans and found["col_5"]["person_name"].spans


def test_scan_json_has_exactly_the_documented_shape(tmp_path, run):
    result = run("scan", _bare_gb18030(tmp_path), "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) == {"resources"}
    resource = data["resources"][0]
    assert set(resource) == {"name", "path", "rows", "fields"} and resource["rows"] == 60
    for f in resource["fields"]:
        assert set(f) == {"name", "detected"}
        for d in f["detected"]:
            extra = ({"spanMatches", "spanCells"} if d["spans"] else set()) | ({"reason"} if d["status"] == "uncertain" else set())
            assert set(d) == {"type", "status", "matches", "sampled", "ratio", "masked", "spans"} | extra
            assert isinstance(d["ratio"], float) and isinstance(d["spans"], bool)
            assert d["status"] in ("column", "cells", "spans", "uncertain")
    assert [f for f in resource["fields"] if f["name"] == "col_1"][0]["detected"] == []



@pytest.mark.parametrize("scale", [1, 1_000, 10 ** 7, 10 ** 12])  # int16, int16, int32 and int64 lanes
def test_digit_sums_are_exact_in_narrow_lanes(scale):
    import numpy as np

    from opendata.pii.detectors.base import digit_sums

    r = np.random.default_rng(scale)
    matrix = r.integers(ord("0"), ord("9") + 1, size=(500, 18), dtype=np.uint8)
    weights = r.integers(0, 10, size=(18, 4)) * np.array([1, scale // 10 or 1, scale, 3])
    weights[17] = 0  # a column that weighs nothing (a check character)
    expected = ((matrix.astype(np.int64) - 48) @ weights).T
    sums = digit_sums(matrix, weights)
    assert (sums.astype(np.int64) == expected).all()
    assert expected.max() > 2 ** 15 or scale == 1



def test_a_detectors_answer_is_remembered_only_within_a_scope_and_only_for_the_same_column():
    from opendata.pii import memo

    calls = []

    class Counting(type(REGISTRY["cn_mobile"])):
        def cells(self, values):
            calls.append(len(values))
            return super().cells(values)

    detector = Counting()
    column = pa.array(["13812345678", "x", "13912345678"])
    twin = pa.array(["13812345678", "x", "13912345678"])  # the same values in other buffers
    assert memo.cells(detector, column).tolist() == [True, False, True]
    assert memo.cells(detector, column).tolist() == [True, False, True] and len(calls) == 2  # no scope: asked again
    with memo.scope():
        first = memo.cells(detector, column)
        first[:] = False  # a caller's changes do not reach the remembered answer
        assert memo.cells(detector, column).tolist() == [True, False, True]
        assert memo.cells(detector, column.slice(1)).tolist() == [False, True]
        assert memo.cells(detector, twin).tolist() == [True, False, True]
        assert len(calls) == 5  # the column once, its slice once, the twin once
    assert memo.cells(detector, column).tolist() == [True, False, True] and len(calls) == 6
