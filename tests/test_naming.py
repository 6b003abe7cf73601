"""Names and spreadsheet layout on input they were not written for (hypothesis)."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from opendata.describe import identifier
from opendata.naming import MAX_LENGTH, ascii_name, bare_name, is_generic
from opendata.readers.layout import find_table, header_labels

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.one_of(CJK, st.characters()), max_size=120))
def test_ascii_name_is_a_catalogue_name_or_empty(text):
    name = ascii_name(text)
    assert name == "" or (NAME.match(name) and len(name) <= MAX_LENGTH)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.one_of(CJK, st.characters()), max_size=30), min_size=1, max_size=20))
def test_identifiers_are_safe_and_unique(labels):
    taken: set[str] = set()
    names = [identifier(label, i, taken) for i, label in enumerate(labels)]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names), names


def test_generic_names_and_bare_names(tmp_path):
    for generic in ("data", "Data (2)", "Sheet1", "导出数据", "数据", "export_3"):
        assert is_generic(generic), generic
    for real in ("示范市医院名录", "hospitals", "bus-routes-2024"):
        assert not is_generic(real), real
    assert bare_name(tmp_path / "a" / "data.csv") != bare_name(tmp_path / "b" / "data.csv")


CELL = st.one_of(st.just(""), st.sampled_from(["合计", "填报单位：甲", "名称", "数量", "1", "2.5", "甲", "注：x"]),
                 st.text(max_size=5))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=6), min_size=1, max_size=12))
def test_find_table_always_names_rows_of_the_sheet(rows):
    layout = find_table(rows)
    assert layout.header_rows and all(1 <= r <= max(len(rows), 1) for r in layout.header_rows)
    assert all(r > layout.header_rows[-1] and r <= len(rows) for r in layout.comment_rows)
    labels = header_labels(rows, layout.header_rows)
    assert len(labels) == max(len(rows[r - 1]) for r in layout.header_rows)


def test_only_rows_after_the_last_data_row_are_notes():
    rows = [["名称", "说明", "数量"], ["说明书印刷厂", "甲", "1"], ["合计表格厂", "乙", "2"], ["合计", "", "3"],
            ["填报单位：示范局", "", ""]]
    assert find_table(rows).comment_rows == [4, 5]  # rows 2 and 3 start like notes but are data
