"""Issue 14: the column decisions and identifier forms blind corpus #5 found wanting, with generated
data of our own.

Birth dates that lost their format and header (a spreadsheet's serial day numbers, two-digit years)
beside ID numbers; decoys beside each: the same forms that are not births.
"""

from __future__ import annotations

import datetime
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from pii_data import name, resident_id, rng
from pii_forms import decided, detections, leaks, output_cells, package, redacted
import opendata as od

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ROWS = 40


def _fresh() -> Path:
    return Path(tempfile.mkdtemp(prefix="od-pii14e-"))


def _column(rows: list[dict[str, str]], field: str) -> list[str]:
    return [row[field] for row in rows]


# ---- birth dates without their format, beside ID numbers ------------------------------------------------

def _serial(day: datetime.date) -> str:
    """The day as a spreadsheet stores it: days since 1899-12-30."""
    return str((day - datetime.date(1899, 12, 30)).days)


def _lost_format(r: random.Random, day: datetime.date, form: str) -> str:
    """A date as an export without its cell format writes it."""
    sep = r.choice(".-/")
    return {"serial": _serial(day), "two_digit": f"{day.year % 100:02d}{sep}{day.month:02d}{sep}{day.day:02d}",
            "two_digit_short": f"{day.year % 100:02d}{sep}{day.month}{sep}{day.day}",
            "zh": f"{day.year}年{day.month}月{day.day}日", "dash": f"{day.year}-{day.month}-{day.day}"}[form]


def _born(ident: str) -> datetime.date:
    return datetime.date(int(ident[6:10]), int(ident[10:12]), int(ident[12:14]))


@FEW
@given(seed=st.integers(0, 10_000), mark=st.sampled_from(["'", "\t"]),
       lost=st.lists(st.sampled_from(["serial", "two_digit", "two_digit_short"]), min_size=1, max_size=3, unique=True))
def test_dates_that_lost_their_format_but_equal_the_ids_birth_dates_are_birth_dates(
        seed: int, mark: str, lost: list[str]) -> None:
    """D holds, row by row, the birth date inside C's ID — two thirds of them as serial numbers or
    with a two-digit year, which no birth date is by its shape: the column is birth dates whatever
    its header, every cell treated (a third of the IDs carry a spreadsheet's text mark or a tab).
    F, dates of the same forms that are not births, stays."""
    r = rng(seed)
    ids = [resident_id(r) for _ in range(ROWS)]
    births = [_lost_format(r, _born(i), r.choice(lost) if k % 3 else r.choice(["zh", "dash"]))
              for k, i in enumerate(ids)]
    checks = [_lost_format(r, datetime.date(2024, r.randint(1, 12), r.randint(1, 28)), r.choice(lost)) for _ in ids]
    directory = package(_fresh() / "p", {"A": [str(k + 1) for k in range(ROWS)], "B": [name(r) for _ in ids],
                                         "C": [mark + i if k % 3 == 1 else i for k, i in enumerate(ids)], "D": births, "F": checks})
    report = od.check(od.load(directory))
    assert "birth_date" in decided(report, "D"), [(d.type, d.status) for d in detections(report, "D")]
    assert "birth_date" not in {d.type for d in detections(report, "F")}
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(births, output_cells(rows), min_digits=5) == []
    assert not set(_column(rows, "D")) & set(births)
    assert _column(rows, "F") == checks
