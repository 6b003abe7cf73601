"""Issue 14, names in free text (blind corpus #7's accident narratives, first contact): the other party of a
collision (与X驾驶的…, 被X驾驶的…) is a person, and a name found once in a text is masked wherever it stands
in it again (…，X轻微擦伤), cue or none."""

from __future__ import annotations

import random

import pyarrow as pa
from hypothesis import HealthCheck, given, settings, strategies as st

from pii_data import name
from pii_forms import leaks, output_cells, package, redacted

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

LEADS = ("与", "和", "被")
VERBS = ("驾驶的电动自行车", "驾驶的小型轿车", "骑行的自行车", "驾车")
AFTER = ("轻微擦伤。", "自行就医。", "送医治疗。", "负事故次要责任。")


def _narrative(r: random.Random, driver: str, other: str) -> str:
    lead, verb = r.choice(LEADS), r.choice(VERBS)
    again = f"{other}{r.choice(AFTER)}" if r.random() < 0.7 else ""
    return (f"{r.randint(0, 23):02d}时{r.randint(0, 59):02d}分，{driver}驾驶小型轿车行驶至幸福村路口时，"
            f"{lead}{other}{verb}发生碰撞，{again}")


@FEW
@given(seed=st.integers(0, 10**6))
def test_collision_parties_and_their_names_again_are_masked(seed):
    import tempfile
    from pathlib import Path

    r = random.Random(seed)
    drivers = [name(r) for _ in range(40)]
    others = [name(r) for _ in range(40)]
    texts = [_narrative(r, d, o) for d, o in zip(drivers, others)]
    directory = package(Path(tempfile.mkdtemp(prefix="od-collide-")) / "in",
                        {"编号": [f"A{i:03d}" for i in range(40)], "事故经过": texts})
    rows, _, _ = redacted(directory, directory.parent / "out")
    cells = output_cells(rows)
    assert [n for n in others + drivers if any(n in c for c in cells)] == []


def test_a_name_found_once_is_masked_again_in_the_same_cell():
    from opendata.pii.operators.mask import _mask_name_spans

    out = _mask_name_spans(pa.array(["来电人张建华反映，张建华家门口道路积水。"]), "*")
    assert "张建华" not in out[0].as_py() and "建华" not in out[0].as_py(), out[0].as_py()


def test_a_place_that_begins_like_a_found_name_elsewhere_in_another_cell_stays():
    # the repeat is looked for in the same cell only: another cell's 金华市 is untouched
    from opendata.pii.operators.mask import _mask_name_spans

    values = pa.array(["来电人金华反映噪音扰民。", "金华市婺城区人民路1号"])
    out = _mask_name_spans(values, "*").to_pylist()
    assert "金华" not in out[0] and out[1] == "金华市婺城区人民路1号"
