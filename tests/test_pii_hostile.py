"""Hostile input for the PI pipeline (issue 14): a file built to slip personal information past the
detectors — invisible characters inside an ID, digits of another script, look-alike letters, a
value wrapped in markup or a formula — is found and treated, or refused; never written raw.

The leak check here is independent of the code under test: it reads every output cell the way a
person would (Unicode's own digit values, format characters dropped) with :mod:`unicodedata`.
"""

from __future__ import annotations

import csv
import json
import io
import random
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.errors import OpendataError
from pii_data import mobile, name, resident_id
from pii_forms import csv_text, decided, id_with_x, package

# ---- how a person reads a cell (the test's own reading, not opendata's) ------------------------------------

_CN = dict(zip("〇零幺一二三四五六七八九", "001123456789"))


def read_as_person(cell: str) -> str:
    """The cell's characters as read: format characters and combining marks gone, every character
    with a digit value as that digit, Chinese numerals and O/l inside numbers as digits."""
    out = []
    for char in unicodedata.normalize("NFKC", cell):
        if unicodedata.category(char) in ("Cf", "Mn", "Me"):
            continue
        digit = unicodedata.digit(char, None)
        out.append(str(digit) if digit is not None else _CN.get(char, char))
    text = "".join(out)
    return re.sub(r"[0-9OoIl]{7,}", lambda m: m.group().translate(str.maketrans("OoIl", "0011")), text)


def bare_digits(cell: str) -> str:
    return re.sub(r"[^0-9]", "", read_as_person(cell))


def leaked(values: list[str], out_cells: list[str], *, numbers: bool = True) -> list[str]:
    """The values still readable in an output cell (masked forms only, for the message)."""
    read = [bare_digits(c) for c in out_cells] if numbers else [read_as_person(c) for c in out_cells]
    found = []
    for value in values:
        needle = bare_digits(value) if numbers else value
        if any(needle in r for r in read):
            found.append(value[:1] + "*" * (len(value) - 2) + value[-1:])
    return found


# ---- the hostile forms ----------------------------------------------------------------------------------------

def _between(value: str, chars: str, r: random.Random, n: int = 3, *, whole: bool = False) -> str:
    """``value`` with ``n`` of ``chars`` inserted at distinct places inside it (``whole``: ``chars`` is one separator)."""
    cut = list(value)
    for at in sorted(r.sample(range(1, len(value)), min(n, len(value) - 1)), reverse=True):
        cut.insert(at, chars if whole else r.choice(chars))
    return "".join(cut)


def _digits_from(value: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in value)


ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
FORMS = {
    "zero_width": lambda v, r: _between(v, ZERO_WIDTH, r),
    "soft_hyphen": lambda v, r: _between(v, "\u00ad", r),
    "bidi": lambda v, r: _between(v, BIDI, r),
    "combining": lambda v, r: "".join(c + "\u0301" if i % 4 == 1 else c for i, c in enumerate(v)),
    "arabic_indic": lambda v, r: _digits_from(v, 0x0660),
    "devanagari": lambda v, r: _digits_from(v, 0x0966),
    "math_bold": lambda v, r: _digits_from(v, 0x1D7CE),
    "math_mono": lambda v, r: _digits_from(v, 0x1D7F6),
    "superscript": lambda v, r: v.translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")),
    "circled": lambda v, r: "".join("⓪" if c == "0" else chr(0x2460 + int(c) - 1) if c.isdigit() else c
                                    for c in v),
    "chinese_numerals": lambda v, r: v.translate(str.maketrans("0123456789", "〇一二三四五六七八九")),
    "letters_for_digits": lambda v, r: v.replace("0", "O").replace("1", "l"),
    "cyrillic_x": lambda v, r: v.replace("X", "х"),
    "line_break": lambda v, r: v[:7] + "\n" + v[7:],
    "line_separator": lambda v, r: v[:7] + "\u2028" + v[7:],
    "thin_spaces": lambda v, r: _between(v, "\u2009\u202f\u00a0\u205f", r, 2),
    "html_entities": lambda v, r: "".join(f"&#x{ord(c):x};" if i % 3 == 0 else c for i, c in enumerate(v)),
    "percent_escapes": lambda v, r: "".join(f"%{ord(c):02X}" if i % 3 == 0 else c for i, c in enumerate(v)),
    "formula": lambda v, r: f'="{v[:6]}"&"{v[6:]}"',
    "markup": lambda v, r: f"<span>{v}</span>",
}


def _values(kind: str, r: random.Random, n: int) -> list[str]:
    if kind == "id":  # a third with the check character X, for the look-alike X forms
        return [id_with_x(r) if i % 3 == 0 else resident_id(r) for i in range(n)]
    return [mobile(r) for _ in range(n)]


def _redact(tmp_path: Path, columns: dict[str, list[str]]) -> tuple[list[str], Exception | None]:
    source = tmp_path / "data.csv"
    source.write_text(csv_text(columns), encoding="utf-8")
    try:
        od.redact(od.load(source), tmp_path / "out")
    except OpendataError as exc:
        return [], exc
    text = next((tmp_path / "out").rglob("*.csv")).read_text(encoding="utf-8-sig")
    return [c for row in csv.reader(io.StringIO(text)) for c in row], None


def _no_raw_pi_in(error: Exception, values: list[str]) -> None:
    message = str(error)
    assert not leaked(values, [message]), "a refusal must not echo the value"


# ---- a column of them, a single one among codes, one in every sentence ------------------------------------


@pytest.mark.parametrize("kind", ["id", "mobile"])
@pytest.mark.parametrize("layout", ["column", "single", "text"])
def test_identifiers_in_hostile_forms_never_leave_raw(tmp_path, kind, layout):
    """Every form at once (each row its own), under a header that gives no hint (字段2), as one cell
    among 200 codes, or inside a sentence: each value is treated, or the file is refused."""
    r = random.Random(f"{kind}-{layout}")
    # (a formula is a whole cell: one inside a sentence is text, and the last line refuses what it reads there)
    forms = [f for f in FORMS if not (layout == "text" and f == "formula")]
    values = _values(kind, r, 2 * len(forms))
    hostile = [FORMS[forms[i % len(forms)]](v, r) for i, v in enumerate(values)]
    if layout == "column":
        columns = {"序号": [str(i) for i in range(len(values))], "字段2": hostile}
    elif layout == "single":
        codes = [f"CODE-{i:04d}" for i in range(400)]
        for i, value in enumerate(hostile):  # sparse: one in ten cells
            codes[10 * i + 3] = value
        columns = {"序号": [str(i) for i in range(len(codes))], "代码": codes}
    else:
        columns = {"序号": [str(i) for i in range(len(values))],
                   "备注": [f"经核实，当事人{v}于上月来访，已登记。" for v in hostile]}
    cells, refused = _redact(tmp_path, columns)
    if refused is not None:
        _no_raw_pi_in(refused, values)
        pytest.fail(f"refused where it should treat: {type(refused).__name__}")
    assert not leaked(values, cells), f"{layout}: raw {kind} in the output"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 17), st.sampled_from(ZERO_WIDTH + BIDI + "\u00ad\u034f\u2028")),
                min_size=1, max_size=4), st.randoms(use_true_random=False))
def test_invisible_characters_anywhere_in_an_id_are_seen_through(tmp_path_factory, cuts, r):
    """Random invisible characters at random places of every ID of a column with no hint."""
    tmp_path = tmp_path_factory.mktemp("zw")
    values = [resident_id(r) for _ in range(20)]
    hostile = []
    for value in values:
        for at, char in sorted(cuts, reverse=True):
            value = value[:at + 1] + char + value[at + 1:]
        hostile.append(value)
    cells, refused = _redact(tmp_path, {"编号": [str(i) for i in range(20)], "字段3": hostile})
    assert refused is None, type(refused).__name__
    assert not leaked(values, cells)


@pytest.mark.parametrize("form", ["zero_width", "bidi", "combining", "markup", "formula", "quoted", "spaced"])
def test_names_in_hostile_forms_are_found(tmp_path, form):
    """A column of names (no hint) each with invisible characters, marks, markup, a formula or
    quotes around it, or spaced out to align (王　芳): found and treated like plain names."""
    r = random.Random(form)
    values = [name(r) for _ in range(40)]
    wrap = {"quoted": lambda v, _: f"“{v}”",
            "spaced": lambda v, _: v[0] + "\u3000" + v[1:]}.get(form) or FORMS[form]
    cells, refused = _redact(tmp_path, {"序号": [str(i) for i in range(40)],
                                        "字段2": [wrap(v, r) for v in values]})
    assert refused is None, type(refused).__name__
    assert not leaked(values, cells, numbers=False)


def test_names_written_with_han_look_alikes_are_found(tmp_path):
    """Surnames written with their CJK compatibility twin (U+F9E1 for 李, U+F9F4 for 林) or a Kangxi
    radical (⼈ for 人) look the same and match no pattern: found and treated like plain names."""
    twins = {unicodedata.normalize("NFC", chr(c)): chr(c) for c in range(0xF900, 0xFB00)}
    r = random.Random(51)
    values = [r.choice("李林梁") + r.choice("伟芳娜敏静丽强磊军洋") + r.choice(["", "华"]) for _ in range(40)]
    hostile = [twins[v[0]] + v[1:] for v in values]
    cells, refused = _redact(tmp_path, {"序号": [str(i) for i in range(40)], "字段2": hostile})
    assert refused is None
    assert not leaked(values, cells, numbers=False)


def test_cells_without_pi_keep_their_written_form(tmp_path):
    """Folding is for finding: a cell the treatment leaves as it was is written as it came, and a
    field with no PI is not touched (a zero-width space in a note, Arabic-Indic digits in a count)."""
    r = random.Random(7)
    notes = [f"材料\u200b齐全，第{i}号" for i in range(30)]
    notes[4] = f"当事人手机{mobile(r)}，材料齐全"
    counts = ["٣٤", "①", "“已办结”", "'0571", "<b>是</b>", "=\"是\""] * 5
    cells, refused = _redact(tmp_path, {"序号": [str(i) for i in range(30)], "备注": notes, "数量": counts})
    assert refused is None
    rows = list(zip(*[iter(cells)] * 3))[1:]
    assert [row[2] for row in rows] == counts
    assert [row[1] for i, row in enumerate(rows) if i != 4] == [n for i, n in enumerate(notes) if i != 4]
    assert rows[4][1] != notes[4]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False), st.sampled_from([" ", "  ", "-", " - ", "\u00a0", "\u2009"]))
def test_an_id_spaced_at_random_in_text_is_treated_or_refused(tmp_path_factory, r, separator):
    """Separators (up to three characters) at random places of an ID inside a sentence, not the
    6-8-4 grouping a detector knows: the output never holds it raw; a refusal names no value."""
    tmp_path = tmp_path_factory.mktemp("spaced")
    values = [resident_id(r) for _ in range(15)]
    spaced = [_between(v, separator, r, 3, whole=True) for v in values]
    cells, refused = _redact(tmp_path, {"序号": [str(i) for i in range(15)],
                                        "备注": [f"经核实，当事人{v}于上月来访。" for v in spaced]})
    if refused is not None:
        _no_raw_pi_in(refused, values)
    assert not leaked(values, cells)


# ---- headers ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["出\u200b生日期", "\u202e出生日期", "出生\u00ad日期", "出\ufeff生日期", "cs\u2060rq"])
def test_a_hint_with_invisible_characters_inside_still_hints(tmp_path, header):
    """Birth dates are personal only under birth-date evidence: a header that says so with an
    invisible character inside says so still (and the same dates under 字段2 decide nothing)."""
    r = random.Random(header)
    dates = [f"{r.randint(1950, 2000)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}" for _ in range(30)]
    hidden = od.check(od.load(package(tmp_path / "hidden", {"序号": [str(i) for i in range(30)], header: dates})))
    plain = od.check(od.load(package(tmp_path / "plain", {"序号": [str(i) for i in range(30)], "字段2": dates})))
    assert "birth_date" in decided(hidden, header)
    assert "birth_date" not in decided(plain, "字段2")


def test_an_id_hidden_in_a_label_blocks_check_and_redact(tmp_path, run):
    """An ID number with a zero-width space inside, as a header label: check blocks naming the
    property, redact writes nothing, and neither prints the number."""
    r = random.Random(11)
    value = resident_id(r)
    label = "备注" + value[:6] + "\u200b" + value[6:]
    directory = package(tmp_path / "pkg", {"序号": ["1", "2"], label: ["无", "无"]})
    result = run("check", directory)
    assert "pii_in_metadata" in result.out and "fields[1].name" in result.out
    assert not leaked([value], [result.out, result.err])
    result = run("redact", directory, "--out", tmp_path / "out")
    assert result.code != 0 and not (tmp_path / "out").exists()
    assert "fields[1].name" in result.err and not leaked([value], [result.out, result.err])


def test_a_table_without_its_header_row_is_refused_and_never_echoed(tmp_path, run):
    """A CSV exported without its header row: its first person's name and ID number become the
    labels. check blocks on both, redact writes nothing, and no report prints them."""
    r = random.Random(12)
    rows = [(name(r), resident_id(r), str(r.randint(20, 80))) for _ in range(40)]
    source = tmp_path / "noheader.csv"
    source.write_text("".join(f"{a},{b},{c}\n" for a, b, c in rows), encoding="utf-8")
    first_name, first_id = rows[0][0], rows[0][1]
    texts = []
    for args in (("check", source), ("--format", "json", "check", source), ("--format", "json", "scan", source),
                 ("scan", source)):
        result = run(*args)
        texts += [result.out, result.err]
    assert all(first_name not in t for t in texts) and not leaked([first_id], texts)
    report = od.check(od.load(source))
    flagged = {f.params["where"]: f.params["type"] for f in report.findings if f.code == "pii_in_metadata"}
    assert flagged == {"resources[0].schema.fields[0].name": "person_name",
                       "resources[0].schema.fields[1].name": "cn_resident_id"}
    result = run("redact", source, "--out", tmp_path / "out")
    assert result.code != 0 and not (tmp_path / "out").exists()
    assert first_name not in result.err and not leaked([first_id], [result.err])


@pytest.mark.parametrize("label", ["申请人", "经办人", "户主", "字段1"])
def test_a_register_word_over_names_is_a_label_not_a_value(tmp_path, label):
    """The name detector takes 申请人 or 经办人 for a name on its own; over a column of names it is
    the header, not the column's first value: no metadata finding."""
    r = random.Random(label)
    directory = package(tmp_path / "pkg", {"序号": [str(i) for i in range(40)], label: [name(r) for _ in range(40)]})
    report = od.check(od.load(directory))
    assert "person_name" in decided(report, label)
    assert not [f for f in report.findings if f.code == "pii_in_metadata"]


# ---- workbooks and JSON -----------------------------------------------------------------------------------------


def _output_text(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(out.rglob("*")) if p.is_file())


def test_a_workbooks_hidden_parts_never_reach_the_output(tmp_path):
    """IDs in a hidden column and a merged cell are read and treated; IDs in a cell comment and
    in a hidden sheet are not part of the table and are not carried into the copy."""
    openpyxl = pytest.importorskip("openpyxl")
    from openpyxl.comments import Comment

    r = random.Random(21)
    ids = [resident_id(r) for _ in range(30)]
    hidden = [(name(r), resident_id(r)) for _ in range(10)]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["序号", "事项", "字段3"])
    for i, value in enumerate(ids):
        sheet.append([i, "办结", value])
    sheet.column_dimensions["C"].hidden = True
    sheet["B2"].comment = Comment(f"当事人身份证{ids[0]}", "x")
    sheet.merge_cells("B5:B7")
    sheet["B5"] = ids[5]
    other = book.create_sheet("隐藏")
    other.sheet_state = "hidden"
    for row in hidden:
        other.append(list(row))
    book.save(tmp_path / "book.xlsx")
    od.redact(od.load(tmp_path / "book.xlsx"), tmp_path / "out")
    text = _output_text(tmp_path / "out")
    assert not leaked(ids + [v for _, v in hidden], [text])
    assert not any(n in text for n, _ in hidden)


def test_nested_json_values_are_read_as_the_text_they_say(tmp_path):
    """A JSON table whose cells are objects ({"姓名":…,"电话":…,"证件":{"号码":…}}): the name after its
    key, the phone and the ID inside are each treated."""
    r = random.Random(22)
    people = [(name(r), resident_id(r), mobile(r)) for _ in range(30)]
    records = [{"序号": i, "联系人": {"姓名": n, "电话": m, "证件": {"号码": d}}} for i, (n, d, m) in enumerate(people)]
    (tmp_path / "nested.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    od.redact(od.load(tmp_path / "nested.json"), tmp_path / "out")
    text = _output_text(tmp_path / "out")
    assert not leaked([v for p in people for v in p[1:]], [text])
    assert not [n for n, _, _ in people if n in text]


@pytest.mark.parametrize("kind", ["id", "mobile"])
def test_identifiers_in_hostile_forms_inside_json_leaves_never_leave_raw(tmp_path, kind):
    """The hostile forms inside a nested JSON field's leaves (the field is read leaf by leaf, not as
    text): each value is treated; a leaf no treatment touches keeps its written form."""
    r = random.Random(f"nested-{kind}")
    forms = [f for f in FORMS if f != "formula"]  # (a formula is a whole spreadsheet cell, not a JSON leaf)
    values = _values(kind, r, 2 * len(forms))
    hostile = [FORMS[forms[i % len(forms)]](v, r) for i, v in enumerate(values)]
    key = "证件号码" if kind == "id" else "手机号码"
    duty = "财务\u200b专员"  # no PI: kept byte for byte
    records = [{"序号": i, "联络员": {"姓名": name(r), key: v, "职务": json.loads(f'"{duty}"')}}
               for i, v in enumerate(hostile)]
    (tmp_path / "nested.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    try:
        od.redact(od.load(tmp_path / "nested.json"), tmp_path / "out")
    except OpendataError as exc:
        _no_raw_pi_in(exc, values)
        pytest.fail(f"refused where it should treat: {type(exc).__name__}")
    text = next((tmp_path / "out").rglob("*.csv")).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    contacts = [json.loads(row["联络员"]) for row in rows]
    assert len(contacts) == len(records)
    assert not leaked(values, [json.dumps(c, ensure_ascii=False) for c in contacts]), f"raw {kind} in a JSON leaf"
    assert all(c["职务"] == json.loads(f'"{duty}"') for c in contacts)


def test_json_keyed_by_its_data_is_refused_without_echoing_a_key(tmp_path, run):
    """[{"序号":1,"张伟":"138…"}, …]: each name would become a column name, in the header and the
    descriptor. Refused by name of file; records sharing their keys (some optional) still read."""
    r = random.Random(23)
    people = [(name(r), mobile(r)) for _ in range(30)]
    keyed = tmp_path / "keyed.json"
    keyed.write_text(json.dumps([{"序号": i, n: m} for i, (n, m) in enumerate(people)], ensure_ascii=False),
                     encoding="utf-8")
    result = run("check", keyed)
    assert result.code == 2 and "keyed.json" in result.err
    assert not [n for n, _ in people if n in result.err + result.out]
    optional = tmp_path / "optional.json"
    optional.write_text(json.dumps([{"序号": i, "事项": "办结", **({"备注": "无"} if i % 3 else {})}
                                    for i in range(30)], ensure_ascii=False), encoding="utf-8")
    assert run("check", optional).code != 2


# ---- bounded work -----------------------------------------------------------------------------------------------


def test_a_cell_longer_than_the_name_search_reads_is_refused_until_decided(tmp_path):
    """A cell of names-like characters longer than LONG_CELL (the name search would run for
    minutes on megabytes): check blocks naming field and limit, redact refuses; --mask-all masks
    it whole, and a declared ``pii: none`` is the reviewer's decision (no finding)."""
    from opendata.pii.scan import LONG_CELL

    r = random.Random(31)
    long = "".join(r.choice("王李张刘陈杨黄赵伟芳娜敏静丽强磊") for _ in range(LONG_CELL + 1))
    columns = {"序号": ["1", "2", "3"], "备注": ["市民来电反映道路积水", long, "已办结"]}
    directory = package(tmp_path / "pkg", columns)
    report = od.check(od.load(directory))
    found = [f for f in report.findings if f.code == "pii_unscannable"]
    assert [(f.field, f.params["count"], f.blocking) for f in found] == [("备注", 1, True)]
    with pytest.raises(OpendataError) as refused:
        od.redact(od.load(directory), tmp_path / "out")
    assert str(LONG_CELL) in str(refused.value) and not (tmp_path / "out").exists()
    od.redact(od.load(directory), tmp_path / "masked", mask_all=("备注",))
    cells = list(csv.reader(io.StringIO((tmp_path / "masked" / "data" / "data.csv").read_text(encoding="utf-8-sig"))))
    assert set(cells[2][1]) == {"*"}
    declared = package(tmp_path / "none", columns, field_props={"备注": {"opendata": {"pii": "none"}}})
    assert not [f for f in od.check(od.load(declared)).findings if f.code == "pii_unscannable"]


# ---- identifiers split across cells -------------------------------------------------------------------------


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.randoms(use_true_random=False), st.sampled_from([(6,), (6, 14), (10,), (4, 12), (17,)]))
def test_an_id_split_across_adjacent_columns_is_treated_whole(tmp_path_factory, r, cuts):
    """An ID number written in two or three adjacent columns (地区|日期|顺序, 前17位|校验位), none of
    which is an ID alone: the columns are treated whole, and no row's ID can be joined back."""
    tmp_path = tmp_path_factory.mktemp("split")
    values = [resident_id(r) for _ in range(30)]
    bounds = [0, *cuts, 18]
    parts = {f"代码{chr(65 + k)}": [v[bounds[k]:bounds[k + 1]] for v in values] for k in range(len(bounds) - 1)}
    cells, refused = _redact(tmp_path, {"序号": [str(i) for i in range(30)], **parts})
    assert refused is None
    rows = [cells[i:i + len(parts) + 1] for i in range(0, len(cells), len(parts) + 1)][1:]
    assert not leaked(values, ["".join(row[1:]) for row in rows])


def test_a_mobile_split_into_its_groups_is_treated_and_counts_beside_it_are_not(tmp_path):
    """138|1234|5678 in three columns is a mobile number; three columns of counts of the same
    lengths (户数 130-199 | 人口 | 面积) that join into "mobile numbers" in every row but are written
    without a leading zero anywhere, as numbers are, stay as they are."""
    r = random.Random(41)
    phones = [mobile(r) for _ in range(30)]
    phones[0] = phones[0][:3] + "0" + phones[0][4:]  # (a group with its leading zero: one in ten has it)
    counts = {"户数": [str(r.randint(130, 199)) for _ in range(30)],
              "人口": [str(r.randint(1000, 9999)) for _ in range(30)], "面积": [str(r.randint(1000, 9999)) for _ in range(30)]}
    columns = {"序号": [str(i) for i in range(30)], "号段": [p[:3] for p in phones], "中间": [p[3:7] for p in phones],
               "尾号": [p[7:] for p in phones], **counts}
    cells, refused = _redact(tmp_path, columns)
    assert refused is None
    rows = [cells[i:i + 7] for i in range(0, len(cells), 7)]
    assert not leaked(phones, ["".join(row[1:4]) for row in rows[1:]])
    assert [row[4:] for row in rows[1:]] == [list(t) for t in zip(*counts.values())]


def test_an_id_column_beside_an_age_column_does_not_make_the_age_an_id(tmp_path):
    """An ID column and an age column beside it join into "an ID followed by a code's digits",
    which the ID's own column already is: the ages are no split ID and stay as they are."""
    r = random.Random(42)
    ages = [str(r.randint(18, 99)) if i % 5 else "" for i in range(30)]  # (an empty age joins into the ID alone)
    cells, refused = _redact(tmp_path, {"字段1": [resident_id(r) for _ in range(30)], "字段2": ages})
    assert refused is None
    assert cells[3::2] == ages
