"""The preview on a dataset's page: its first rows, a chart and a map, made at publish time.

Everything is read from the release's own data files — the exported, approved bytes that are
published beside the page — never from the source package, and every read is bounded: the first
rows of the CSV (one block), at most :data:`SCAN_ROWS` rows of two columns for the chart and the map.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

#: Rows shown in the table, characters per cell, rows read for the chart and the map, points drawn.
PREVIEW_ROWS = 20
CELL_CHARS = 120
SCAN_ROWS = 100_000
CHART_POINTS = 400
MAP_POINTS = 2000

_LON = re.compile(r"^(lon|lng|long|longitude|x_?lon|经度)$|经度", re.IGNORECASE)
_LAT = re.compile(r"^(lat|latitude|y_?lat|纬度)$|纬度", re.IGNORECASE)
#: Integer fields that are codes or counters rather than measures are not charted.
_CODE = re.compile(r"(^|_)(id|code|no|seq|num|编号|代码|序号)$|编号|代码|序号", re.IGNORECASE)


@dataclass
class Preview:
    """What a dataset page shows of one resource."""

    resource: str
    columns: list[tuple[str, str]]  # (field, title)
    rows: list[list[str]]
    total_rows: int
    chart: dict[str, Any] | None = None  # date, value, points [(label, y)], rows
    map: dict[str, Any] | None = None  # lon, lat, points [(lon, lat)], bounds
    notes: list[str] = field(default_factory=list)


def _cut(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"


def _first_rows(path: Path, parquet: Path, names: list[str]) -> list[list[str]]:
    """The first rows of the published CSV, as the text it holds (read in 1 MiB blocks up to them).
    Should the reader refuse the file's shape, the rows are shown from the Parquet file."""
    import pyarrow.csv as pa_csv

    options = pa_csv.ReadOptions(block_size=1 << 20, encoding="utf-8")
    convert = pa_csv.ConvertOptions(column_types={n: pa.string() for n in names}, strings_can_be_null=False,
                                    quoted_strings_can_be_null=False)
    batches, count = [], 0
    try:
        reader = pa_csv.open_csv(path, read_options=options, convert_options=convert)
        try:
            while count < PREVIEW_ROWS:  # a block ends where it ends: read on to the rows shown, no further
                try:
                    batches.append(reader.read_next_batch())
                except StopIteration:
                    break
                count += batches[-1].num_rows
        finally:
            reader.close()
    except pa.ArrowInvalid:  # e.g. "straddling object straddles two block boundaries"
        import pyarrow.parquet as pq

        first = next(pq.ParquetFile(parquet).iter_batches(batch_size=PREVIEW_ROWS), None)
        if first is None:
            return []
        return [[_cut("" if v is None else str(v)) for v in row.values()] for row in first.to_pylist()]
    rows = [row for batch in batches for row in batch.to_pylist()][:PREVIEW_ROWS]
    out = []
    for row in rows:
        cells = []
        for name in names:
            cells.append(_cut(str(row.get(name) or "")))
        out.append(cells)
    return out


def _scan(path: Path, columns: list[str]) -> pa.Table:
    """At most :data:`SCAN_ROWS` rows of ``columns`` from the Parquet file."""
    import pyarrow.parquet as pq

    batches, rows = [], 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=65_536, columns=columns):
        batches.append(batch.slice(0, SCAN_ROWS - rows))
        rows += batches[-1].num_rows
        if rows >= SCAN_ROWS:
            break
    return pa.Table.from_batches(batches) if batches else pa.table({c: [] for c in columns})


def _chart(path: Path, fields: list[dict[str, Any]]) -> dict[str, Any] | None:
    date = next((f for f in fields if f.get("type") in ("date", "datetime")), None)
    value = next((f for f in fields if f.get("type") == "number" and not _LON.search(f["field"] + (f.get("title") or ""))
                  and not _LAT.search(f["field"] + (f.get("title") or ""))), None) or next(
        (f for f in fields if f.get("type") == "integer" and not _CODE.search(f["field"])), None)
    if date is None or value is None:
        return None
    table = _scan(path, [date["field"], value["field"]])
    sums: dict[Any, list[float]] = {}
    for x, y in zip(table.column(0).to_pylist(), table.column(1).to_pylist()):
        if x is None or y is None or (isinstance(y, float) and not math.isfinite(y)):
            continue
        entry = sums.setdefault(x, [0.0, 0])
        entry[0] += y
        entry[1] += 1
    if len(sums) < 2:
        return None
    points = sorted((x, total / n) for x, (total, n) in sums.items())
    if len(points) > CHART_POINTS:  # equal buckets in time order, each its mean
        size = math.ceil(len(points) / CHART_POINTS)
        points = [(points[i][0], sum(p[1] for p in points[i:i + size]) / len(points[i:i + size]))
                  for i in range(0, len(points), size)]
    label = lambda x: x.isoformat(sep=" ") if isinstance(x, dt.datetime) else x.isoformat()  # noqa: E731
    return {"date": date, "value": value, "rows": table.num_rows,
            "points": [(label(x), y) for x, y in points]}


def _map(path: Path, fields: list[dict[str, Any]]) -> dict[str, Any] | None:
    numeric = [f for f in fields if f.get("type") in ("number", "integer")]
    lon = next((f for f in numeric if _LON.search(f["field"]) or _LON.search(f.get("title") or "")), None)
    lat = next((f for f in numeric if _LAT.search(f["field"]) or _LAT.search(f.get("title") or "")), None)
    if lon is None or lat is None:
        return None
    table = _scan(path, [lon["field"], lat["field"]])
    points = [(x, y) for x, y in zip(table.column(0).to_pylist(), table.column(1).to_pylist())
              if x is not None and y is not None and -180 <= x <= 180 and -90 <= y <= 90]
    if not points:
        return None
    step = max(1, math.ceil(len(points) / MAP_POINTS))
    points = points[::step]
    return {"lon": lon, "lat": lat, "rows": table.num_rows, "points": points}


def build(release_dir: Path, dictionary: list[dict[str, Any]], rows: dict[str, int]) -> list[Preview]:
    """The previews of every data resource in a release directory (none for 受限开放)."""
    out = []
    for resource in dict.fromkeys(d["resource"] for d in dictionary):
        csv_path = release_dir / "data" / f"{resource}.csv"
        parquet = release_dir / "data" / f"{resource}.parquet"
        if not csv_path.is_file() or not parquet.is_file():
            continue
        fields = [d for d in dictionary if d["resource"] == resource]
        names = [f["field"] for f in fields]
        out.append(Preview(resource, [(f["field"], f.get("title") or "") for f in fields],
                           _first_rows(csv_path, parquet, names), rows.get(resource, 0),
                           chart=_chart(parquet, fields), map=_map(parquet, fields)))
    return out
