"""Canary records: keyed synthetic rows that trace a leak of the untreated columns alone."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import opendata.delivery as dl
from conftest import REVIEWER
from delivery_data import DISTRICTS, deliver_to, publish_restricted, read_rows, write_leak, write_source
from opendata.delivery import canary, watermark
from opendata.delivery.trace import ALPHA
from opendata.trust import audit

NAME = "demo-subsidy-recipients"
UNTREATED = ["case_id", "district", "amount"]


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """Four recipients' received extracts of 1,000 synthetic people (5 canaries each)."""
    base = tmp_path_factory.mktemp("canary")
    source = write_source(base / "source", count=1000)
    publish_restricted(source, base / "published", base / "site", REVIEWER)
    out = {}
    for who in ("甲研究院", "乙大学", "丙公司", "丁中心"):
        grant, plain = deliver_to(who, base / who, base / "site", source, REVIEWER)
        out[who] = (grant["id"], plain)
    return base, out, read_rows(source / "data.csv")


def _rows(plain: Path) -> list[dict[str, str]]:
    return read_rows(plain / "data" / "recipients.csv")


_write = write_leak


def _key(row: dict[str, str]) -> tuple[str, str, str]:
    """A row by its untreated values: a canary may draw a real row's case_id by chance (C######, 1 in 1,000 here),
    never its whole untreated row, so the real rows are told from canaries by all three values, not the id alone."""
    return row["case_id"], row["district"], row["amount"]


def _keys(rows: list[dict[str, str]]) -> set[tuple[str, str, str]]:
    return {_key(r) for r in rows}


def test_every_extract_holds_its_canaries_and_says_how_many_but_not_which(extracts):
    base, got, real = extracts
    ids = _keys(real)
    for who, (grant, plain) in got.items():
        rows = _rows(plain)
        fakes = [r for r in rows if _key(r) not in ids]
        manifest = json.loads((plain / "manifest.json").read_text("utf-8"))
        descriptor = json.loads((plain / "datapackage.json").read_text("utf-8"))
        assert len(fakes) == canary.count_for(1000) == 5 == manifest["synthetic_rows"]["recipients"]
        assert descriptor["opendata"]["delivery"]["synthetic_rows"] == {"recipients": 5}
        assert len(rows) == 1005 and manifest["rows"] == {"recipients": 1005}
        assert rows[-5:] != fakes  # among the real rows, not after them
        assert "合成" in (plain / "terms.txt").read_text("utf-8")  # the terms say so
    record = next(r for r in audit.central().records() if r.get("action") == "deliver" and r["grant"] == grant)
    text = json.dumps(record["canaries"], ensure_ascii=False)
    for district in DISTRICTS:  # categories only as keyed hashes: the log lists no value
        assert district not in text
    assert record["canaries"]["recipients"]["columns"]["case_id"] == {"kind": "pattern", "pattern": "C######"}


def test_a_canary_is_no_real_person_and_looks_like_any_row(extracts):
    _, got, real = extracts
    ids = _keys(real)
    amounts = [int(r["amount"]) for r in real]
    tokens, copies = [], []
    for _, plain in got.values():
        rows = _rows(plain)
        tokens_here = {r["id_number"] for r in rows}
        assert len(tokens_here) == len(rows)  # a canary's pseudonym is of no one: no real row shares it
        phones = {r["phone"].replace("*", "") for r in rows if _key(r) in ids}
        prefixes = {r["phone"][:3] for r in real}
        for r in (r for r in rows if _key(r) not in ids):
            assert len(r["case_id"]) == 7 and r["case_id"][0] == "C" and r["case_id"][1:].isdigit()
            assert r["district"] in DISTRICTS and min(amounts) <= int(r["amount"]) <= max(amounts)
            assert watermark.is_token(r["id_number"]) and watermark.is_token(r["person"])
            # masked like the real ones (a real prefix, 4 digits kept), but no copy of a real row's value
            assert re.fullmatch(r"1[0-9]{2}\*{4,}[0-9]{4}", r["phone"]) and r["phone"][:3] in prefixes
            copies.append(r["phone"].replace("*", "") in phones)
            tokens.append(r["id_number"])
    assert len(set(tokens)) == len(tokens) == 20  # per recipient: another canary in each extract
    assert sum(copies) <= 2  # by chance only (a real prefix and the same 4 last digits: ~0.3% each)


@pytest.mark.parametrize("columns,how,resort", [
    (UNTREATED, "csv", False),
    (UNTREATED, "gbk", True),
    (UNTREATED, "xlsx", True),
    (["case_id", "amount"], "csv", True),
    (["case_id", "district"], "xlsx", True),
])
def test_a_leak_of_only_untreated_columns_names_its_recipient_and_nobody_else(extracts, tmp_path, columns, how,
                                                                              resort):
    _, got, _ = extracts
    grant, plain = got["乙大学"]
    rows = _rows(plain)
    if resort:
        rows.sort(key=lambda r: (r["amount"], r["district"]))
    leak = _write(rows, columns, tmp_path / f"leak.{'xlsx' if how == 'xlsx' else 'csv'}", how)
    result = dl.trace(leak, record=False)
    assert result.tokens == 0 and result.masked == 0  # nothing but the canaries says who
    assert [c.grant for c in result.named] == [grant]
    assert result.named[0].canaries_found == 5
    assert all(c.confidence < 1 - ALPHA for c in result.candidates if c.grant != grant)


def test_a_part_of_the_rows_with_two_canaries_still_names_the_recipient(extracts, tmp_path):
    _, got, real = extracts
    ids = _keys(real)
    grant, plain = got["丙公司"]
    rows = _rows(plain)
    fakes = [r for r in rows if _key(r) not in ids]
    some = random.Random(5).sample([r for r in rows if _key(r) in ids], 100) + fakes[:2]
    random.Random(6).shuffle(some)
    result = dl.trace(_write(some, UNTREATED, tmp_path / "leak.csv"), record=False)
    assert [c.grant for c in result.named] == [grant] and result.named[0].canaries_found == 2


def test_without_its_canaries_an_untreated_leak_names_nobody(extracts, tmp_path, run):
    _, got, real = extracts
    ids = _keys(real)
    _, plain = got["丁中心"]
    stripped = [r for r in _rows(plain) if _key(r) in ids]
    result = dl.trace(_write(stripped, UNTREATED, tmp_path / "leak.csv"), record=False)
    assert result.named == [] and all(c.canaries_found == 0 for c in result.candidates)
    r = run("trace", _write(real, UNTREATED, tmp_path / "raw.csv"), "--format", "json")
    assert r.code == 1 and json.loads(r.out)["named"] == []


def test_a_changed_value_in_a_canary_makes_it_no_evidence(extracts, tmp_path):
    _, got, real = extracts
    ids = _keys(real)
    _, plain = got["甲研究院"]
    rows = _rows(plain)
    for r in rows:
        if _key(r) not in ids:
            r["amount"] = str(int(r["amount"]) + 1)
    result = dl.trace(_write(rows, UNTREATED, tmp_path / "leak.csv"), record=False)
    assert result.named == []


@settings(max_examples=15, deadline=None, derandomize=True)
@given(data=st.data())
def test_any_untreated_leak_names_its_recipient_or_nobody_never_another(extracts, tmp_path_factory, data):
    _, got, _ = extracts
    who = data.draw(st.sampled_from(sorted(got)))
    grant, plain = got[who]
    rows = _rows(plain)
    picked = data.draw(st.lists(st.integers(0, len(rows) - 1), min_size=1, max_size=400, unique=True))
    columns = data.draw(st.lists(st.sampled_from(UNTREATED), min_size=1, max_size=3, unique=True))
    how = data.draw(st.sampled_from(["csv", "gbk", "xlsx"]))
    path = tmp_path_factory.mktemp("leak") / f"leak.{'xlsx' if how == 'xlsx' else 'csv'}"
    leak = _write([rows[i] for i in picked], columns, path, how)
    assert [c.grant for c in dl.trace(leak, record=False).named] in ([], [grant])


def test_a_grant_delivered_again_from_changed_data_is_traced_by_either_copys_canaries(extracts, tmp_path):
    base, _, _ = extracts
    grant, _ = deliver_to("戊学会", tmp_path, base / "site", base / "source", REVIEWER, treatments={},
                          fields=UNTREATED)
    for n, count in enumerate((1000, 1400)):  # the department's data grew in between
        source = write_source(tmp_path / f"source{n}", count=count)
        dl.deliver(tmp_path / "grant.json", source, tmp_path / f"out{n}")
        dl.receive(tmp_path / f"out{n}", tmp_path / "k" / "recipient.key", tmp_path / f"plain{n}")
    for n in (0, 1):
        leak = _write(_rows(tmp_path / f"plain{n}"), ["case_id", "amount"], tmp_path / "leak.csv")
        result = dl.trace(leak, record=False)
        assert [c.grant for c in result.named] == [grant["id"]], n


# ---- the domains, drawn and read back -----------------------------------------------------------

def test_how_many_canaries():
    assert [canary.count_for(n) for n in (0, 19, 20, 300, 1000, 2000, 100_000, 10**7)] == [0, 0, 2, 2, 5, 10, 100, 100]
    assert all(canary.count_for(n) <= n // canary.SHARE for n in range(0, 5000, 7))


SPECS = [
    {"kind": "int", "min": -40, "max": 5000},
    {"kind": "decimal", "min": -1250, "max": 99999, "scale": 2},
    {"kind": "date", "min": "2020-02-27", "max": "2024-03-01"},
    {"kind": "pattern", "pattern": "ZJ-####-##"},
    {"kind": "choice", "hashes": ["00aa", "11bb", "22cc"]},
]


@settings(max_examples=200, deadline=None)
@given(spec=st.sampled_from(SPECS), u=st.integers(0, 2**64 - 1))
def test_a_drawn_value_is_in_its_domain_and_survives_a_spreadsheet(spec, u):
    secret = b"k" * 32
    value = canary.draw(spec, u)
    kind = spec["kind"]
    if kind == "int":
        assert spec["min"] <= int(value) <= spec["max"]
        assert canary.normalize(spec, f"{value}.0", secret) == value == canary.normalize(spec, f" {value} ", secret)
    elif kind == "decimal":
        from decimal import Decimal

        assert Decimal(spec["min"]).scaleb(-2) <= Decimal(value) <= Decimal(spec["max"]).scaleb(-2)
        assert canary.normalize(spec, str(float(value)), secret) == value  # 12.50 → 12.5 in Excel
    elif kind == "date":
        assert spec["min"] <= value <= spec["max"] and dt.date.fromisoformat(value)
        assert canary.normalize(spec, f"{value} 00:00:00", secret) == value
    elif kind == "pattern":
        assert len(value) == len(spec["pattern"]) and value[:3] == "ZJ-" and value[7] == "-"
    else:
        assert value in spec["hashes"]


def test_a_profile_finds_each_kind_of_domain():
    secret = b"s" * 32

    def spec(values: list[str], type_: str = "string") -> dict:
        p = canary.Profile(type_, secret, False)
        p.add(pa.array(values))
        return p.spec()

    assert spec([str(i) for i in range(100, 200)], "integer") == {"kind": "int", "min": 100, "max": 199}
    assert spec([f"{i}.50" for i in range(10, 60)], "number")["kind"] == "decimal"
    assert spec([f"2024-01-{d:02d}" for d in range(1, 29)], "date") == {"kind": "date", "min": "2024-01-01",
                                                                        "max": "2024-01-28"}
    assert spec([f"A{i:05d}" for i in range(50)]) == {"kind": "pattern", "pattern": "A#####"}
    assert spec(["甲", "乙"] * 10)["kind"] == "choice"
    assert spec(["自由文本" + "x" * i for i in range(40)]) == {"kind": "copy"}
    p = canary.Profile("string", secret, True)  # personal information: never drawn nor copied
    p.add(pa.array(["13800001111"] * 30))
    assert p.spec() == {"kind": "empty"}


@settings(max_examples=60, deadline=None)
@given(numbers=st.lists(st.integers(-10**6, 10**6), min_size=2, max_size=300), cut=st.integers(1, 50),
       blanks=st.integers(0, 5))
def test_a_profile_over_many_batches_finds_the_range_and_keeps_a_sample_of_real_values(numbers, cut, blanks):
    p = canary.Profile("integer", b"s" * 32, False)
    values = [str(n) for n in numbers] + [""] * blanks + ["  "]
    for start in range(0, len(values), cut):  # the batches of a streamed read
        p.add(pa.array(values[start:start + cut]))
    spec = p.spec()
    if len(set(numbers)) >= 2 and not (len(set(numbers)) <= canary.CHOICE_MAX
                                       and min(numbers.count(v) for v in set(numbers)) >= 4):
        assert spec == {"kind": "int", "min": min(numbers), "max": max(numbers)}
    assert p.sample and set(p.sample) <= {str(n) for n in numbers}  # never a blank, never invented
    assert len(p.sample) == min(canary.SAMPLE, len(numbers))
