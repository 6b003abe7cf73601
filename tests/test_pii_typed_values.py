"""Issue 14, blind corpus #8: typed values written as people read them.

- A timestamp column is written ``2025-07-27 05:20:00`` (as Python's ``str`` writes it): Arrow's
  strftime wrote a millisecond column ``2025-07-27T05:20:00.000``, a fraction of zeros that changed
  every cell. A fraction that is not zero is kept. The project's validation and Frictionless read the
  text back as the same datetime.
- A float is written as Python writes it (``250.0``, ``87.1``, ``1e-05``): Arrow dropped the ``.0``
  of whole values. Whole values of five digits or more stay integer digits (``13812345678``): they
  may be phones or codes that pandas stored as float64 (test_pii_blind8).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings, strategies as st

import opendata as od
from opendata.readers.base import WHOLE_AS_DIGITS, arrow_to_text
from opendata.schema import Field
from opendata.validate.types import _read_datetime

SOME = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=3, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_TIMES = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31))


@SOME
@given(st.lists(st.one_of(_TIMES, st.none()), min_size=1, max_size=30), st.sampled_from(["s", "ms", "us"]))
def test_timestamps_read_as_python_writes_them(times, unit):
    whole = [None if t is None else t.replace(microsecond=0) for t in times]
    text = arrow_to_text(pa.array(whole, pa.timestamp(unit))).to_pylist()
    assert text == ["" if t is None else str(t) for t in whole]
    # … and they read back as the same datetimes, by the project's validation and by Frictionless
    back = _read_datetime(pa.array([t or None for t in text], pa.string()), Field({"name": "t", "type": "datetime"}))
    assert back.to_pylist() == whole
    from frictionless import fields

    read = fields.DatetimeField(name="t").create_value_reader()
    assert [read(t) if t else None for t in text] == whole


@SOME
@given(st.lists(st.tuples(_TIMES, st.integers(1, 999)), min_size=1, max_size=10))
def test_a_fraction_that_is_not_zero_is_kept(times):
    """Decoy: milliseconds that are there are written (and read back), only a zero fraction goes."""
    exact = [t.replace(microsecond=ms * 1000) for t, ms in times]
    text = arrow_to_text(pa.array(exact, pa.timestamp("ms"))).to_pylist()
    assert all(t.count(".") == 1 and len(t.split(".")[1]) == 3 for t in text)
    assert [dt.datetime.fromisoformat(t) for t in text] == exact


_FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


@SOME
@given(st.lists(st.one_of(_FLOATS, st.integers(-20000, 20000).map(float), st.none()), min_size=1, max_size=40))
def test_floats_read_as_python_writes_them(values):
    text = arrow_to_text(pa.array(values, pa.float64())).to_pylist()
    low, high = WHOLE_AS_DIGITS
    for v, t in zip(values, text):
        if v is None:
            assert t == ""
        elif v == math.floor(v) and low <= abs(v) < high:
            assert t == str(int(v))  # an identifier's digits (test_pii_blind8)
        else:
            assert t == str(v)
        if v is not None:
            assert float(t) == v  # exact: it reads back as the same double


@SOME
@given(st.lists(st.floats(min_value=-1e6, max_value=1e6, width=32), min_size=1, max_size=20))
def test_float32_keeps_its_shortest_text(values):
    """Decoy: a float32 is written with the digits it has (87.1), not the widened double's."""
    column = pa.array(values, pa.float32())
    text = arrow_to_text(column).to_pylist()
    for v, t in zip(column.to_pylist(), text):
        assert float(pa.array([float(t)], pa.float32())[0].as_py()) == v
        assert len(t) <= len(str(v)) + 2  # (the widened double of 87.1 is 87.0999984741211)


@FEW
@given(st.integers(0, 2 ** 16))
def test_parquet_output_keeps_the_values_and_passes_its_check(tmp_path_factory, seed):
    """End to end: a Parquet table of times and amounts is written as people read it, and the output
    package's field types (datetime, number) validate against the written CSV."""
    import random

    r = random.Random(seed)
    n = 40
    times = [dt.datetime(2025, 1, 1) + dt.timedelta(minutes=5 * r.randint(0, 100_000)) for _ in range(n)]
    amounts = [r.choice([100.0, 250.0, 1250.0, round(r.uniform(20, 120), 1)]) for _ in range(n)]
    work = tmp_path_factory.mktemp("typed")
    pq.write_table(pa.table({"时间": pa.array(times, pa.timestamp("ms")), "金额": amounts}), work / "t.parquet")
    out = work / "out"
    od.redact(od.load(work / "t.parquet"), out)
    [data] = list((out / "data").glob("*.csv"))
    rows = list(csv.DictReader(io.StringIO(data.read_text(encoding="utf-8-sig"))))
    assert [row["时间"] for row in rows] == [str(t) for t in times]
    assert [row["金额"] for row in rows] == [str(a) for a in amounts]
    report = od.check(od.load(out))
    assert not [f for f in report.findings if f.code.startswith(("type", "schema", "constraint", "structure"))]
    table = od.load(out).resources[0].to_arrow()
    assert table.column("时间").to_pylist() == times
    assert table.column("金额").to_pylist() == amounts
