"""The DuckDB engine behind datastore_search, on Parquet files with many row groups: file order
without a sort, the same rows as pandas, hostile values and field names, the time limit."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from opendata.server.datastore import Engine, QueryError, QueryTimeout, Table


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    n = 200_000
    path = tmp_path_factory.mktemp("engine") / "t.parquet"
    frame = pd.DataFrame({
        "code": [f"C{i:06d}" for i in range(n)],
        'we"ird name': [("甲", "乙", "丙'); DROP TABLE x; --")[i % 3] for i in range(n)],
        "value": [(i * 7919) % 1000 / 10 for i in range(n)],
    })
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path, row_group_size=5_000)
    return Table(path, [("code", "text", "编码"), ('we"ird name', "text", ""), ("value", "numeric", "")]), frame


def test_pages_without_a_sort_are_in_file_order_across_row_groups(table):
    t, frame = table
    engine = Engine()
    for offset in (0, 4_990, 123_457, 199_950):
        result = engine.search(t, limit=100, offset=offset)
        assert [r[0] for r in result["records"]] == list(range(offset + 1, min(offset + 100, len(frame)) + 1))
        assert [r[1] for r in result["records"]] == frame["code"].iloc[offset:offset + 100].tolist()
    hostile = "丙'); DROP TABLE x; --"
    result = engine.search(t, filters={'we"ird name': hostile}, limit=50, offset=20_000)
    expected = frame[frame['we"ird name'] == hostile].iloc[20_000:20_050]
    assert [r[0] - 1 for r in result["records"]] == expected.index.tolist()
    assert result["total"] == int((frame['we"ird name'] == hostile).sum())


def test_sort_and_q_match_pandas(table):
    t, frame = table
    engine = Engine()
    quoted = engine.search(t, sort='"we""ird name" DESC, value', limit=5, fields=["value"])
    expected = frame.sort_values(['we"ird name', "value"], ascending=[False, True], kind="stable").iloc[:5]
    assert [r[0] - 1 for r in quoted["records"]] == expected.index.tolist()
    result = engine.search(t, sort="value desc", limit=30, offset=777, fields=["value"])
    expected = frame.sort_values("value", ascending=False, kind="stable").iloc[777:807]
    assert [r[0] - 1 for r in result["records"]] == expected.index.tolist()
    chosen = engine.search(t, filters={'we"ird name': "乙"}, q="c00", sort="value asc", offset=40, limit=25)
    subset = frame[(frame['we"ird name'] == "乙") & frame["code"].str.lower().str.contains("c00")]
    expected = subset.sort_values("value", kind="stable").iloc[40:65]
    assert [r[0] - 1 for r in chosen["records"]] == expected.index.tolist() and chosen["total"] == len(subset)
    result = engine.search(t, q="c0001", limit=1000)  # case-insensitive substring, as pandas computes it
    text = frame[["code", 'we"ird name']]  # q looks in the text fields
    mask = text.apply(lambda c: c.str.lower().str.contains("c0001", regex=False)).any(axis=1)
    assert result["total"] == int(mask.sum()) == 100


def test_unknown_names_are_refused_before_any_sql(table):
    t, _ = table
    engine = Engine()
    for kwargs, field in (({"sort": 'value; DROP TABLE t'}, "sort"), ({"fields": ['code" --']}, "fields"),
                          ({"filters": {"nope": 1}}, "filters"), ({"filters": {"value": "abc"}}, "filters")):
        with pytest.raises(QueryError) as info:
            engine.search(t, **kwargs)
        assert info.value.field == field


def test_a_query_past_the_time_limit_is_interrupted(table):
    t, _ = table
    engine = Engine(timeout=0.0005)
    with pytest.raises(QueryTimeout):
        for _ in range(5):  # a sort of 200,000 rows takes far longer than half a millisecond
            engine.search(t, q="zzz", sort="code desc", limit=1)


def test_queries_wait_for_a_slot_and_give_up_at_the_time_limit(table):
    from opendata.server.datastore import QueryBusy

    t, _ = table
    engine = Engine(timeout=0.2, parallel=1)
    assert engine._slots.acquire(timeout=1)  # a long query holds the only slot
    try:
        with pytest.raises(QueryBusy):
            engine.search(t, limit=1)
    finally:
        engine._slots.release()
    assert engine.search(t, limit=1)["total"] == 200_000  # the slot is free again
