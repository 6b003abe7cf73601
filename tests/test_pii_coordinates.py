"""Geographic coordinates: a home's are personal information, a station's or a stop's are not, and
the table decides which (scan.coordinate_context): a header that names a household (表位坐标), or a
table whose rows are persons, makes them a home's; a table of stations, stops or organisations a
place's; a table that says neither is asked about (fail closed).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings, strategies as st

import opendata as od
from pii_data import name, resident_id
from pii_forms import decided, detections, leaks, package, redacted

FEW = settings(max_examples=6, deadline=None, derandomize=True, database=None,
               suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
               phases=(Phase.explicit, Phase.generate))  # (no shrinking: slow on whole tables; derandomized, a failure repeats)
# seeded generators: hypothesis's own random draws degenerate values first (every value the same)
SEEDS = st.integers(0, 2 ** 32).map(random.Random)
ROWS = 30


def degrees(r: random.Random, low: float, high: float, decimals: int) -> str:
    return f"{r.uniform(low, high):.{decimals}f}"


def pair(r: random.Random, decimals: int = 6, lon_first: bool = False, sep: str = ",") -> str:
    lat, lon = degrees(r, 18, 53, decimals), degrees(r, 74, 134, decimals)
    return f"{lon}{sep}{lat}" if lon_first else f"{lat}{sep}{lon}"


def _check(columns: dict[str, list[str]]):
    directory = package(Path(tempfile.mkdtemp(prefix="od-geo-")) / "p", columns)
    return directory, od.check(od.load(directory))


def _status(report, field: str) -> set[str]:
    return {d.status for d in detections(report, field) if d.type == "geo_coordinates"}


@FEW
@given(SEEDS, st.sampled_from(["表位坐标", "住户坐标", "户主位置经纬度", "家庭住址坐标"]),
       st.sampled_from([",", "，", " ", "/"]))
def test_a_households_coordinates_are_personal_and_generalized(r, header, sep):
    coords = [pair(r, r.choice((5, 6)), sep=sep) for _ in range(ROWS)]
    directory, report = _check({"户号": [str(r.randint(10 ** 9, 10 ** 10 - 1)) for _ in range(ROWS)],
                                header: coords})
    assert "geo_coordinates" in decided(report, header)
    rows, _, _ = redacted(directory, directory.parent / "out")
    out = [row[header] for row in rows]
    assert leaks(coords, out) == []
    # generalized to two decimals: the district stays readable
    assert all(o.startswith(c.split(".")[0] + "." + c.split(".")[1][:2]) for o, c in zip(out, coords))


@FEW
@given(SEEDS, st.sampled_from(["坐标", "经纬度", "GPS", "location lat/lng"]))
def test_coordinates_in_a_table_of_persons_are_personal(r, header):
    coords = [pair(r) for _ in range(ROWS)]
    directory, report = _check({"姓名": [name(r) for _ in range(ROWS)],
                                "身份证号": [resident_id(r) for _ in range(ROWS)], header: coords})
    assert "geo_coordinates" in decided(report, header)
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(coords, [row[header] for row in rows]) == []


@FEW
@given(SEEDS, st.sampled_from([("纬度", "经度"), ("lat", "lng"), ("latitude", "longitude")]))
def test_latitude_and_longitude_columns_of_persons_are_personal(r, headers):
    lats = [degrees(r, 18, 53, 6) for _ in range(ROWS)]
    lons = [degrees(r, 74, 134, 6) for _ in range(ROWS)]
    directory, report = _check({"户主姓名": [name(r) for _ in range(ROWS)],
                                "证件号码": [resident_id(r) for _ in range(ROWS)], headers[0]: lats, headers[1]: lons,
                                "用电比例": [f"{r.random():.4f}" for _ in range(ROWS)]})
    for header in headers:
        assert "geo_coordinates" in decided(report, header), header
    assert detections(report, "用电比例") == []  # decimals under no coordinate header are no coordinates
    rows, _, _ = redacted(directory, directory.parent / "out")
    assert leaks(lats + lons, [row[h] for row in rows for h in headers]) == []


@FEW
@given(SEEDS, st.booleans())
def test_coordinates_of_stations_and_stops_are_not_personal(r, stops):
    stations = [f"{r.choice(['柯城', '衢江', '龙游'])}{r.choice(['白云', '金星', '樟树', '华锋'])}{r.randint(1, 99)}号"
                for _ in range(ROWS)]
    if stops:  # a bus company's table: one "lon,lat" column of five decimals
        columns = {"线路名称": [f"B{r.randint(1, 400)}路" for _ in range(ROWS)], "站点名称": stations,
                   "经纬度": [pair(r, 5, lon_first=True) for _ in range(ROWS)]}
    else:  # a weather service's: longitude and latitude apart, four decimals
        columns = {"区站号": [str(r.randint(58000, 58999)) for _ in range(ROWS)], "站名": stations,
                   "经度": [degrees(r, 118, 119, 4) for _ in range(ROWS)],
                   "纬度": [degrees(r, 28, 29, 4) for _ in range(ROWS)]}
    directory, report = _check(columns)
    for header in columns:
        assert "geo_coordinates" not in {d.type for d in detections(report, header)}, header
    rows, _, _ = redacted(directory, directory.parent / "out")
    for header, values in columns.items():
        if header in ("经纬度", "经度", "纬度"):
            assert [row[header] for row in rows] == values, header


@FEW
@given(SEEDS, st.sampled_from(["服务站点坐标", "接种点坐标", "采样点经纬度", "所属单位坐标"]))
def test_a_sites_header_on_coordinates_says_not_personal_even_among_persons(r, header):
    coords = [pair(r) for _ in range(ROWS)]
    directory, report = _check({"姓名": [name(r) for _ in range(ROWS)],
                                "身份证号": [resident_id(r) for _ in range(ROWS)], header: coords})
    assert _status(report, header) == set()


@FEW
@given(SEEDS)
def test_coordinates_in_a_table_that_says_nothing_of_its_rows_are_uncertain(r):
    coords = [pair(r) for _ in range(ROWS)]
    directory, report = _check({"记录日期": [f"2024-0{r.randint(1, 9)}-1{r.randint(0, 9)}" for _ in range(ROWS)],
                                "位置": coords})
    assert _status(report, "位置") == {"uncertain"}
    assert any(f.code == "pii_uncertain" and f.field == "位置" for f in report.findings)
