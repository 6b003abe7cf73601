"""Issue 14 part B: the failure forms blind corpus #3 found, with generated data of our own.

Each group is one form a real export takes (an ID inside a longer code, a name and a phone in one
cell, rooms and romanised names in free text, names in parentheses after a word of kinship, military
certificate numbers, neighbours in a 四至 description), decoys beside it, and the promise that the
output holds no value of it raw.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

from opendata.pii import lastline
from opendata.pii.detectors import REGISTRY
from opendata.pii.scan import span_counts
from pii_data import mobile, name, resident_id, rng
from pii_forms import decided, leaks, output_cells, package, redacted
import opendata as od

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 24


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii14b-"))


def _redacted_cells(directory: Path) -> tuple[list[dict[str, str]], list[str]]:
    rows, _, _ = redacted(directory, directory.parent / (directory.name + "-out"))
    return rows, output_cells(rows)


# ---- an ID inside a longer code ---------------------------------------------------------------------------

def _code_on_id(r: random.Random, form: str) -> tuple[str, str]:
    """A code built on a resident ID, and the ID: 残疾人证号 (ID + category + grade), 学籍号 (G + ID)."""
    ident = resident_id(r)
    if form == "disability":
        return ident + f"{r.randint(1, 7)}{r.randint(1, 4)}", ident
    if form == "letter":
        return r.choice("GLJ") + ident, ident
    return ident + str(r.randint(0, 9)), ident


@FEW
@given(seed=st.integers(0, 10_000), form=st.sampled_from(["disability", "letter", "one"]),
       header=st.sampled_from(["残疾人证号", "学籍号", "证号", "code"]))
def test_a_code_built_on_an_id_is_an_id_and_leaves_nothing(seed: int, form: str, header: str) -> None:
    r = rng(seed)
    pairs = [_code_on_id(r, form) for _ in range(ROWS)]
    directory = package(_fresh() / "p", {"编号": [f"N{i:04d}" for i in range(ROWS)],
                                         header: [code for code, _ in pairs]})
    assert "cn_resident_id" in decided(od.check(od.load(directory)), header)
    rows, cells = _redacted_cells(directory)
    assert leaks([ident for _, ident in pairs], cells) == []
    assert [row["编号"] for row in rows] == [f"N{i:04d}" for i in range(ROWS)]  # the decoy codes stay


def test_codes_that_only_look_built_on_an_id_are_not_ids() -> None:
    r = rng(3)
    # 20-digit settlement numbers whose first 18 digits fail the ID check; 19-digit transit cards.
    decoys = []
    while len(decoys) < 50:
        value = "".join(str(r.randint(0, 9)) for _ in range(20))
        if not REGISTRY["cn_resident_id"].cells(pa.array([value]))[0]:
            decoys.append(value)
    assert not REGISTRY["cn_resident_id"].cells(pa.array(decoys)).any()
    assert lastline.identifier_cells(pa.array(decoys))[0] == 0


@FEW
@given(seed=st.integers(0, 10_000), where=st.sampled_from([
    "/data/zxws/{id}_执行裁定书.pdf", "https://example.org/ws?sfzh={id}&t=1", "残疾人证号{id}53，已核验。",
    "附件 scan_{id}_2.jpg", "学籍号G{id}已注销"]))
def test_ids_in_links_file_names_and_longer_codes_inside_text_are_found_and_treated(seed: int, where: str) -> None:
    r = rng(seed)
    ids = [resident_id(r) for _ in range(ROWS)]
    texts = [where.format(id=i) for i in ids]
    detector = REGISTRY["cn_resident_id"]
    if not where.startswith("学籍号"):
        assert (span_counts(detector, pa.array(texts)) == 1).all()
    assert lastline.identifier_cells(pa.array(texts))[0] == ROWS  # the last line sees every one
    directory = package(_fresh() / "p", {"序号": [str(i) for i in range(ROWS)], "说明": texts})
    _, cells = _redacted_cells(directory)
    assert leaks(ids, cells) == []
