"""A relative written with the name first and the word of kinship after it, in brackets (王建国（父亲）), or
in a legacy export's records (子女-王强-330…|父母-李芳-330…); and the fail-closed rule behind them: under a
header that names a person, values read as text whose cells mostly hold no name found are uncertain, never
published with the few spans found treated and the rest raw.

Generated data (names from the detector's own surname list, words of kinship from its list, every bracket
form), decoys included (a masked name or a surname and title with a word of kinship, an organisation's
branch in brackets).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.pii import lastline
from opendata.pii.decide import decide, default_rules
from opendata.pii.detectors import REGISTRY
from opendata.pii.detectors.person import ADDRESSED, COMPOUND, KIN_LABELS, SURNAMES, kin_name_cells
from opendata.pii.scan import Counts
from pii_data import resident_id, rng
from pii_forms import decided, field_findings, leaks, output_cells, package, redacted

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 30
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国文红云飞波宁斌浩宇轩然博晨欣怡嘉琪"
# (the surnames that are words first, 区 那 …, read apart in text: left out of the generated names)
_PLAIN_SURNAMES = [c for c in SURNAMES if c not in "区铁过鲜那朴家全都"]
BRACKETS = (("（", "）"), ("(", ")"), ("（", ")"), ("(", "）"), ("（ ", " ）"))


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-kin-after-"))


@st.composite
def names(draw) -> str:
    """A name of a known form: a surname of the detector's list (single or compound) and one or two
    given characters, all distinct across a column (so a leak check by substring is exact)."""
    surname = draw(st.sampled_from(COMPOUND)) if draw(st.booleans()) and draw(st.booleans()) \
        else draw(st.sampled_from(_PLAIN_SURNAMES))
    given = draw(st.text(alphabet=GIVEN, min_size=2, max_size=2))
    return surname + given


def _kin_cell(name: str, kin: str, bracket: tuple[str, str]) -> str:
    return f"{name}{bracket[0]}{kin}{bracket[1]}"


column_of_relatives = st.lists(st.tuples(names(), st.sampled_from(KIN_LABELS), st.sampled_from(BRACKETS)),
                               min_size=ROWS, max_size=ROWS, unique_by=lambda t: t[0])


@FEW
@given(column_of_relatives)
def test_name_then_kin_in_brackets_is_a_name_masked_with_the_word_kept(rows):
    """紧急联系人 written 王建国（父亲）: the column is names (not text with a few spans), every name masked
    (its first character kept), the word of kinship and its brackets kept."""
    cells = [_kin_cell(*row) for row in rows]
    directory = package(_fresh() / "p", {"编号": [f"R{i:03d}" for i in range(ROWS)], "紧急联系人": cells})
    report = od.check(od.load(directory))
    kinds = {d.type: d.status for d in report.scan.resource("data").field("紧急联系人").detected}
    assert kinds.get("person_name") == "column"
    out_rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks([name for name, _, _ in rows], output_cells(out_rows))
    for (name, kin, bracket), row in zip(rows, out_rows):
        treated = row["紧急联系人"]
        assert treated.startswith(name[0]) and "*" in treated
        assert treated.endswith(f"{bracket[0]}{kin}{bracket[1]}")


@FEW
@given(column_of_relatives)
def test_kin_cells_are_cells_of_a_name_whatever_the_order_and_bracket(rows):
    name_first = [_kin_cell(*row) for row in rows]
    kin_first = [f"{kin}{bracket[0]}{name}{bracket[1]}".replace(" ", "") for name, kin, bracket in rows]
    assert kin_name_cells(pa.array(name_first)).all()
    assert kin_name_cells(pa.array(kin_first)).all()


def test_decoys_name_nobody_and_are_kept():
    """A masked name (王某（父亲）, 张*（母亲）) or a surname and a title (李女士（母亲）) with a word of kinship
    names nobody: no kin cell, as good as masked, kept by the treatment and not refused by the last line;
    an organisation's branch in brackets (…有限公司（分公司）) is no relative."""
    r = rng(7)
    surnames = [r.choice(_PLAIN_SURNAMES) for _ in range(6)]
    decoys = [f"{surnames[0]}某（父亲）", f"{surnames[1]}*(母亲)", f"{surnames[2]}{ADDRESSED[0]}（母亲）",
              f"{surnames[3]}{ADDRESSED[1]}(配偶)", f"子女（{surnames[4]}**）"]
    values = pa.array(decoys)
    assert not kin_name_cells(values).any()
    assert REGISTRY["person_name"].masked(values).all()
    assert lastline.name_cue_cells(values) == 0
    branch = pa.array(["衢州市江山鸿达纺织股份有限公司（分公司）", "柯城区房屋征收办（子公司）"])
    assert not kin_name_cells(branch).any()
    assert lastline.name_cue_cells(branch) == 0
    # … and beside relatives' names in one column, the decoys stay as written, the names are masked
    names_ = [f"{r.choice(_PLAIN_SURNAMES)}{r.choice(GIVEN)}{r.choice(GIVEN)}" for _ in range(ROWS)]
    cells = [f"{n}（{r.choice(KIN_LABELS)}）" for n in names_] + decoys
    directory = package(_fresh() / "p", {"紧急联系人": cells})
    out_rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks(names_, output_cells(out_rows))
    assert [row["紧急联系人"] for row in out_rows[ROWS:]] == decoys


@FEW
@given(st.lists(names(), min_size=3 * ROWS, max_size=3 * ROWS, unique=True),
       st.lists(st.tuples(st.integers(1, 3), st.lists(st.sampled_from(KIN_LABELS), min_size=3, max_size=3)),
                min_size=ROWS, max_size=ROWS))
def test_relatives_records_joined_by_bars_are_treated(people, households):
    """被共济人 written as records 母亲-X-330…|孙子女-Y-330… (a legacy export): every name and ID treated, the
    words of kinship kept."""
    r = rng(3)
    cells, ids, kept = [], [], []
    names_ = iter(people)
    for size, kins in households:
        records = [(kin, next(names_), resident_id(r)) for kin in kins[:size]]
        cells.append("|".join(f"{kin}-{name}-{rid}" for kin, name, rid in records))
        ids += [rid for _, _, rid in records]
        kept.append([kin for kin, _, _ in records])
    directory = package(_fresh() / "p", {"编号": [f"R{i:03d}" for i in range(ROWS)], "被共济人": cells})
    report = od.check(od.load(directory))
    assert "person_name" in decided(report, "被共济人")
    out_rows, _, _ = redacted(directory, directory.parent / "out")
    out = output_cells(out_rows)
    used = [name for cell in cells for name in (record.split("-")[1] for record in cell.split("|"))]
    assert not leaks(used, out)
    assert not leaks(ids, out)
    for labels, row in zip(kept, out_rows):
        assert [record.split("-", 1)[0] for record in row["被共济人"].split("|")] == labels


@FEW
@given(column_of_relatives)
def test_last_line_finds_a_relative_left_raw(rows):
    """The last line, built apart from the detector: a name before a bracket holding a word of kinship, or after
    a word of kinship and a hyphen, left unmasked, is found; masked, it is not."""
    raw = [_kin_cell(*row) for row in rows]
    assert lastline.name_cue_cells(pa.array(raw)) == len(raw)
    masked = [_kin_cell(name[0] + "*" * (len(name) - 1), kin, bracket) for name, kin, bracket in rows]
    assert lastline.name_cue_cells(pa.array(masked)) == 0
    records = [f"{kin}-{name}-{resident_id(rng(i))}" for i, (name, kin, _) in enumerate(rows)]
    assert lastline.name_cue_cells(pa.array(records)) == len(records)


# -- the fail-closed rule ------------------------------------------------------------------------------------------
def _counts(span_cells: int, **more: int) -> Counts:
    return Counts(span_cells=span_cells, span_matches=span_cells, **more)


@pytest.mark.parametrize("header", ["紧急联系人", "被共济人", "监护人姓名"])
def test_person_header_over_text_with_few_spans_is_uncertain(header):
    detector, rules = REGISTRY["person_name"], default_rules()
    few = decide(detector, _counts(24), 1400, header, rules)
    assert few is not None and few.uncertain and few.reason == "text"
    # … every cell with a name found: the spans are the names, treated in place
    assert decide(detector, _counts(1400), 1400, header, rules).status == "spans"
    # … cells that read as an office or are already masked need no span
    assert decide(detector, _counts(700, offices=400, masked=300), 1400, header, rules).status == "spans"
    # … a header that names no person: text with a few names, as before
    assert decide(detector, _counts(24), 1400, "备注", rules).status == "spans"


def test_person_header_over_names_of_an_unread_form_refuses(tmp_path):
    """Names in a form the detector does not read (〔父亲〕 brackets), a few cells with a name it does: not
    published with the few spans treated — check blocks, redact refuses naming the field."""
    r = rng(11)
    names_ = list(dict.fromkeys(f"{r.choice(_PLAIN_SURNAMES)}{r.choice(GIVEN)}{r.choice(GIVEN)}" for _ in range(60)))[:40]
    cells = [f"{n}〔{r.choice(KIN_LABELS)}〕" for n in names_[:36]] + [f"联系人{n}，" for n in names_[36:]]
    directory = package(tmp_path / "p", {"紧急联系人": cells})
    report = od.check(od.load(directory))
    assert [f.code for f in field_findings(report, "紧急联系人")] == ["pii_uncertain"]
    with pytest.raises(od.PolicyError) as caught:
        od.redact(od.load(directory), tmp_path / "out")
    assert caught.value.code == "redact.pii_uncertain"
    assert "紧急联系人" in str(caught.value)
    assert not any(n in str(caught.value) for n in names_)


@FEW
@given(st.lists(names(), min_size=ROWS, max_size=ROWS, unique=True))
def test_free_text_under_a_person_header_with_every_name_found_is_published(people):
    """Genuine text under a person's header (来电人反映内容) whose every cell's name is found stays text with
    spans: no new refusal."""
    cells = [f"来电人{n}反映小区路灯损坏，要求尽快维修。" for n in people]
    directory = package(_fresh() / "p", {"来电人反映内容": cells})
    report = od.check(od.load(directory))
    kinds = {d.type: d.status for d in report.scan.resource("data").field("来电人反映内容").detected}
    assert kinds.get("person_name") == "spans"
    out_rows, _, _ = redacted(directory, directory.parent / "out")
    assert not leaks(people, output_cells(out_rows))
