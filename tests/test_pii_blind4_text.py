"""Issue 14, blind corpus #4's forms in free text, with generated data of our own: ID and card numbers
grouped with dots or slashes inside a sentence, names after the words for who reported, saw or was
visited (据报告人X称, 走访对象X), transliterated names written with a full-width full stop, and the
word for a document after a cue that is no name (申请人护照…)."""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.pii import lastline
from pii_data import bank_card, name, resident_id, rng
from pii_forms import grouped, leaks, minority_name, output_cells, package, passport, redacted

FEW = settings(max_examples=5, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 30


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii-b4text-"))


def _written_id(r: random.Random, sep: str) -> str:
    value = resident_id(r)
    return sep.join((value[:6], value[6:14], value[14:])) if r.random() < 0.5 else grouped(value, sep)


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from(["/", ".", " ", "-"]))
def test_ids_and_cards_grouped_with_dots_or_slashes_in_text_are_treated(seed: int, sep: str) -> None:
    r = rng(seed)
    ids = [_written_id(r, sep) for _ in range(ROWS)]
    cards = [grouped(bank_card(r), sep) for _ in range(ROWS)]
    notes = [f"走访核实，身份证{i}，补贴打入卡号{c}，已办结。" for i, c in zip(ids, cards)]
    directory = package(_fresh() / "p", {"编号": [f"ZF{i:05d}" for i in range(ROWS)], "走访情况": notes})
    rows, _, _ = redacted(directory, directory.parent / "out")  # the last line would refuse what is left
    assert leaks(ids + cards, output_cells(rows)) == []
    assert [row["编号"] for row in rows] == [f"ZF{i:05d}" for i in range(ROWS)]


def test_the_last_line_reads_a_slashed_id_left_in_text() -> None:
    r = rng(2)
    cells = pa.array([f"身份证{_written_id(r, '/')}已核验" for _ in range(5)])
    assert lastline.identifier_cells(cells)[0] == 5


@FEW
@given(seed=st.integers(0, 10_000), cue=st.sampled_from(["据报告人", "目击人", "发现人", "证明人", "走访对象", "社区矫正对象", "房东", "租客", "家属",
                                                    "消费者", "快递员", "店主", "网民"]),
       dotted=st.booleans())
def test_names_after_who_reported_saw_or_was_visited_are_masked(seed: int, cue: str, dotted: bool) -> None:
    r = rng(seed)
    names = [minority_name(r, "．") if dotted and i % 2 else name(r) for i in range(ROWS)]
    notes = [f"{cue}{n}（班组长）称，当日在车间作业时受伤。" for n in names]
    directory = package(_fresh() / "p", {"编号": [f"GS{i:05d}" for i in range(ROWS)], "事故经过": notes})
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(names, output_cells(rows)) == []
    assert all("班组长）称" in row["事故经过"] for row in rows)  # the sentence stays


def test_a_document_after_a_cue_is_no_name_to_the_last_line() -> None:
    r = rng(4)
    cells = pa.array([f"申请人护照{passport(r)}已核验" for _ in range(5)] + [f"申请人证件齐全，已受理{i}" for i in range(5)])
    assert lastline.name_cue_cells(cells) == 0
    assert lastline.name_cue_cells(pa.array([f"据报告人{name(r)}称，已处理"])) == 1


@FEW
@given(seed=st.integers(0, 10_000), sep=st.sampled_from([".", "·", " ", ""]), lower=st.booleans())
def test_plates_in_text_with_a_dot_or_in_lower_case_are_masked(seed: int, sep: str, lower: bool) -> None:
    r = rng(seed)
    plates = [f"{r.choice('浙苏粤桂青')}{r.choice('ABCDEF')}{sep}{r.randint(10000, 99999)}" for _ in range(ROWS)]
    plates = [p[0] + p[1:].lower() if lower else p for p in plates]
    notes = [f"涉事车辆{p}停放在消防通道，已劝离。" for p in plates]
    directory = package(_fresh() / "p", {"编号": [f"ZF{i:05d}" for i in range(ROWS)], "走访情况": notes})
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(plates, output_cells(rows)) == []
    assert all("停放在消防通道" in row["走访情况"] for row in rows)


@FEW
@given(seed=st.integers(0, 10_000), cut=st.sampled_from([(4, 8), (3, 8), (7,), (5,), (3, 7)]),
       sep=st.sampled_from([" ", "-", ".", "/"]))
def test_mobiles_grouped_any_way_in_text_are_masked(seed: int, cut: tuple[int, ...], sep: str) -> None:
    r = rng(seed)
    numbers = [f"1{r.choice('3456789')}{r.randint(0, 999_999_999):09d}" for _ in range(ROWS)]
    written = [sep.join(n[a:b] for a, b in zip((0,) + cut, cut + (11,))) for n in numbers]
    notes = [f"来电人称手机{w}无法接通" for w in written]
    directory = package(_fresh() / "p", {"编号": [f"GD{i:05d}" for i in range(ROWS)], "处理情况": notes})
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(numbers, output_cells(rows)) == []
