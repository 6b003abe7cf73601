"""Tracing a leaked extract to its recipient (数据水印), and never naming an innocent one."""

from __future__ import annotations

import csv
import io
import math
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import opendata.delivery as dl
from conftest import REVIEWER
from delivery_data import deliver_to, publish_restricted, write_source
from opendata.delivery import watermark
from opendata.errors import PolicyError
from opendata.delivery.trace import ALPHA, binomial_sf
from opendata.trust import keys

NAME = "demo-subsidy-recipients"


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    """Three recipients' received extracts of the same restricted dataset (all fields, phone masked)."""
    base = tmp_path_factory.mktemp("trace")
    source = write_source(base / "source", count=400)
    publish_restricted(source, base / "published", base / "site", REVIEWER)
    out = {}
    for who in ("甲研究院", "乙大学", "丙公司"):
        grant, plain = deliver_to(who, base / who, base / "site", source, REVIEWER)
        out[who] = (grant["id"], plain / "data" / "recipients.csv")
    return base, out


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def _leak(rows: list[dict[str, str]], columns: list[str], path: Path, *, encoding: str = "utf-8") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([r[c] for c in columns] for r in rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def test_a_tenth_of_the_rows_resorted_one_column_in_gbk_names_the_recipient_and_nobody_else(extracts, tmp_path):
    _, got = extracts
    grant, path = got["乙大学"]
    rows = _rows(path)
    random.Random(3).shuffle(rows)
    leak = _leak(sorted(rows[:40], key=lambda r: r["district"]), ["district", "person"], tmp_path / "leak.csv",
                 encoding="gbk")
    result = dl.trace(leak)
    assert [c.grant for c in result.named] == [grant]
    assert result.named[0].organisation == "乙大学"
    innocent = [c for c in result.candidates if c.grant != grant]
    assert innocent and all(c.confidence < 1 - ALPHA for c in innocent)


def test_an_excel_copy_of_the_masked_column_alone_names_the_recipient(extracts, tmp_path):
    import openpyxl

    _, got = extracts
    grant, path = got["丙公司"]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["电话", "区县"])
    for r in _rows(path):
        sheet.append([r["phone"], r["district"]])
    book.save(tmp_path / "leak.xlsx")
    result = dl.trace(tmp_path / "leak.xlsx")
    assert result.tokens == 0 and result.masked > 300
    assert [c.grant for c in result.named] == [grant]


def _real(base: Path) -> set[str]:
    """The department's case ids: a row of an extract whose case id is not one is a canary."""
    return {r["case_id"] for r in _rows(base / "source" / "data.csv")}


def test_unmarked_columns_without_canaries_raw_data_and_tiny_leaks_name_nobody(extracts, tmp_path, run):
    base, got = extracts
    _, path = got["甲研究院"]
    real = _real(base)
    rows = _rows(path)
    stripped = [r for r in rows if r["case_id"] in real]  # what a leak without the canary rows holds
    assert len(rows) - len(stripped) == 2  # 400 rows: 2 canaries
    for name, columns, some in (("plain.csv", ["case_id", "district", "amount"], stripped),
                                ("one.csv", ["id_number"], stripped[:1]),
                                ("few.csv", ["phone"], stripped[:5])):
        leak = _leak(some, columns, tmp_path / name)
        assert dl.trace(leak).named == [], name
    r = run("trace", base / "source" / "data.csv")  # the department's own raw data
    assert r.code == 1 and "无法确定来源" in r.out


def test_a_merged_leak_names_both_recipients(extracts, tmp_path):
    _, got = extracts
    (a, pa_), (b, pb) = got["甲研究院"], got["乙大学"]
    leak = _leak(_rows(pa_)[:20] + _rows(pb)[:20], ["id_number", "phone"], tmp_path / "merged.csv")
    assert sorted(c.grant for c in dl.trace(leak).named) == sorted([a, b])


def test_pseudonyms_differ_per_recipient_but_stay_joinable_within_one(extracts):
    _, got = extracts
    real = _real(_)
    a, b = ([r for r in _rows(got[w][1]) if r["case_id"] in real] for w in ("甲研究院", "乙大学"))
    assert len(a) == len(b) == 400 and all(x["case_id"] == y["case_id"] and x["id_number"] != y["id_number"] for x, y in zip(a, b))
    assert len({r["id_number"] for r in a}) == len({r["id_number"] for r in b})  # one token per person


def test_a_masked_value_keeps_exactly_the_characters_the_mask_keeps():
    key = watermark.grant_keys(keys.data_key(), "grant-0000000000000000")
    for masked in ("138****5678", "张*", "欧阳**", "330102********123X"):
        marked = watermark.mark_mask(key, masked)
        assert marked.replace("*", "") == masked.replace("*", "")
        assert 0 <= marked.count("*") - masked.count("*") < watermark.MASK_VARIANTS


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 60), p=st.sampled_from([0.5, 2.0 ** -16, 0.1]), data=st.data())
def test_the_binomial_tail_is_the_exact_sum(n, p, data):
    x = data.draw(st.integers(0, n))
    exact = sum(math.comb(n, k) * p ** k * (1 - p) ** (n - k) for k in range(x, n + 1))
    got = binomial_sf(x, n, p)
    if x <= n * p:
        assert got == 1.0  # no evidence
    else:
        assert got == pytest.approx(exact, rel=1e-9, abs=1e-300)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_part_of_an_extract_leaks_no_innocent_recipient_is_named(extracts, tmp_path_factory, data):
    _, got = extracts
    who = data.draw(st.sampled_from(sorted(got)))
    grant, path = got[who]
    rows = _rows(path)
    picked = data.draw(st.lists(st.integers(0, len(rows) - 1), min_size=1, max_size=120, unique=True))
    columns = data.draw(st.lists(st.sampled_from(list(rows[0])), min_size=1, max_size=6, unique=True))
    encoding = data.draw(st.sampled_from(["utf-8", "gbk"]))
    leak = _leak([rows[i] for i in picked], columns, tmp_path_factory.mktemp("leak") / "leak.csv", encoding=encoding)
    named = [c.grant for c in dl.trace(leak, record=False).named]
    assert named in ([], [grant])
    if {"id_number", "person"} & set(columns) and len(picked) >= 2:
        assert named == [grant]  # two pseudonym cells or more always suffice


def test_a_trace_refuses_to_read_an_edited_audit_log(extracts, tmp_path, monkeypatch):
    """Whoever edits the log to put another organisation on a delivery gets no answer, not a
    wrong one."""
    from opendata.trust import audit

    _, got = extracts
    grant, path = got["甲研究院"]
    log = audit.central()
    copy = tmp_path / "audit.jsonl"
    lines = log.path.read_text("utf-8").splitlines(keepends=True)
    copy.write_text("".join(line.replace("甲研究院", "乙大学") if grant in line and '"deliver"' in line else line
                            for line in lines), encoding="utf-8")
    copy.with_name("audit.jsonl.head").write_bytes(log.head_path.read_bytes())
    monkeypatch.setattr(audit, "central", lambda: audit.AuditLog(copy, mode=0o600))
    with pytest.raises(PolicyError) as info:
        dl.trace(path, record=False)
    assert info.value.code == "audit.broken"
