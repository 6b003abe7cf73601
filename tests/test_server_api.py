"""The Data API of ``opendata serve``, driven through ckanapi's own RemoteCKAN against a real uvicorn
server: results and totals are compared with the same query computed by pandas on the approved CSV."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request

import ckanapi
import pandas as pd
import pytest

import opendata as od
from conftest import EXAMPLES, approved, make_package
from opendata.catalogs.metadata import resource_id
from serving import serving

WEATHER = "demo-weather-observations"
RESTRICTED = "restricted-readings"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The examples and one 受限开放 dataset in a local catalogue; the approved packages beside it."""
    site = tmp_path_factory.mktemp("site")
    work = tmp_path_factory.mktemp("approved")
    catalog = od.LocalCatalog(site)
    for name in ("weather", "bus", "schools"):
        od.publish(approved(EXAMPLES / name, work / name), catalog)
    fields = [{"name": "station"}, {"name": "reading", "type": "integer"}]
    rows = "\n".join(f"ST{i:03d},{i * 7}" for i in range(25))
    directory = make_package(work / "src-restricted", fields, "station,reading\n" + rows + "\n", name=RESTRICTED,
                             opendata={"grade": "L2", "openness": "restricted", "application": "apply@demo.example"})
    od.publish(approved(directory, work / "restricted"), catalog)
    return site, work


@pytest.fixture(scope="module")
def api(published):
    site, _ = published
    with serving(site, "--max-rows", "500") as base:
        yield base, ckanapi.RemoteCKAN(base)


def _frame(work, name: str, resource: str) -> pd.DataFrame:
    """The approved CSV as pandas reads it, typed as the schema says."""
    package = od.load(work / name)
    res = package.resource(resource)
    df = pd.read_csv(res.path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for f in res.schema.fields:
        if f.type in ("integer", "number"):
            df[f.name] = pd.to_numeric(df[f.name].replace("", None))
    return df


def _rid(ck, name: str, resource: str) -> str:
    pkg = ck.action.package_show(id=name)
    return next(r["id"] for r in pkg["resources"] if r.get("opendata_resource") == resource and r["format"] == "CSV")


def _records(df: pd.DataFrame) -> list[dict]:
    out = []
    for row in df.to_dict("records"):
        out.append({k: (None if isinstance(v, float) and pd.isna(v) else v) for k, v in row.items()})
    return out


def _strip(records: list[dict]) -> list[dict]:
    return [{k: v for k, v in r.items() if k != "_id"} for r in records]


def test_package_list_show_and_resource_ids(api):
    _, ck = api
    assert ck.action.package_list() == sorted(["demo-bus-routes-stops", "demo-schools", WEATHER, RESTRICTED])
    pkg = ck.action.package_show(id=WEATHER)
    assert pkg["name"] == WEATHER and pkg["title"] == "示范市逐小时气象观测" and pkg["license_url"].startswith("https:")
    data = [r for r in pkg["resources"] if r.get("opendata_resource")]
    assert data and all(r["datastore_active"] for r in data)
    assert all(r["url"].startswith("http://127.0.0.1:") for r in pkg["resources"])
    assert ck.action.resource_show(id=data[0]["id"])["url"] == data[0]["url"]
    assert ck.action.package_show(id=pkg["id"])["name"] == WEATHER  # by id too, as CKAN
    with pytest.raises(ckanapi.NotFound):
        ck.action.package_show(id="no-such-dataset")


def test_datastore_search_equals_pandas_on_the_approved_csv(api, published):
    _, ck = api
    _, work = published
    df = _frame(work, "weather", "observations")
    rid = _rid(ck, WEATHER, "observations")
    result = ck.action.datastore_search(resource_id=rid)
    assert result["total"] == len(df) and len(result["records"]) == 100  # CKAN's default limit
    types = {f["id"]: f["type"] for f in result["fields"]}
    assert types == {"_id": "int", "record_id": "text", "station_id": "text", "station_name": "text",
                     "observed_at": "timestamp", "temperature": "numeric", "humidity": "int",
                     "precipitation": "numeric", "wind_speed": "numeric", "wind_direction": "int"}
    assert [r["_id"] for r in result["records"]] == list(range(1, 101))
    assert _strip(result["records"]) == _records(df.head(100))

    station = df["station_id"].iloc[-1]
    result = ck.action.datastore_search(resource_id=rid, filters={"station_id": station}, limit=500)
    expected = df[df["station_id"] == station]
    assert result["total"] == len(expected) and _strip(result["records"]) == _records(expected)

    result = ck.action.datastore_search(resource_id=rid, filters={"humidity": [86, 67]}, limit=500)
    expected = df[df["humidity"].isin([86, 67])]
    assert result["total"] == len(expected) > 0 and _strip(result["records"]) == _records(expected)

    result = ck.action.datastore_search(resource_id=rid, q="国家基本", limit=0)
    text = ["record_id", "station_id", "station_name", "observed_at"]  # observed_at is a timestamp: not text
    expected = df[df[text[:3]].apply(lambda c: c.str.lower().str.contains("国家基本", regex=False)).any(axis=1)]
    assert result["total"] == len(expected) > 0 and result["records"] == []

    result = ck.action.datastore_search(resource_id=rid, sort="temperature desc, humidity asc", offset=14, limit=7,
                                        fields="station_id,temperature,humidity")
    expected = df.sort_values(["temperature", "humidity"], ascending=[False, True], kind="stable").iloc[14:21]
    assert [f["id"] for f in result["fields"]] == ["_id", "station_id", "temperature", "humidity"]
    assert _strip(result["records"]) == _records(expected[["station_id", "temperature", "humidity"]])
    assert [r["_id"] for r in result["records"]] == [i + 1 for i in expected.index]

    lists = ck.action.datastore_search(resource_id=rid, records_format="lists", limit=2, fields=["temperature"])
    assert lists["records"] == [[1, df["temperature"].iloc[0]], [2, df["temperature"].iloc[1]]]


def test_paging_through_a_table_gives_every_row_once(api, published):
    _, ck = api
    _, work = published
    df = _frame(work, "bus", "stops")
    rid = _rid(ck, "demo-bus-routes-stops", "stops")
    seen, offset = [], 0
    while True:
        page = ck.action.datastore_search(resource_id=rid, sort="stop_name asc", limit=37, offset=offset)
        assert page["total"] == len(df)
        seen.extend(page["records"])
        if len(page["records"]) < 37:
            break
        offset += 37
    assert len(seen) == len(df) and len({r["_id"] for r in seen}) == len(df)
    assert _strip(seen) == _records(df.sort_values("stop_name", kind="stable"))
    assert seen[0]["stop_id"].startswith("0")  # identifiers stay text: leading zeros kept


def _raw(base: str, path: str, body: dict | None = None) -> tuple[int, dict]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize("params, field", [
    ({"limit": "x"}, "limit"), ({"limit": -1}, "limit"), ({"limit": 501}, "limit"), ({"offset": -5}, "offset"),
    ({"sort": "nope desc"}, "sort"), ({"sort": "temperature sideways"}, "sort"), ({"fields": "temperature,nope"}, "fields"),
    ({"filters": {"nope": 1}}, "filters"), ({"filters": {"humidity": "many"}}, "filters"),
    ({"filters": "{not json"}, "filters"), ({"q": {"nope": "x"}}, "q"), ({"limt": 5}, "limt"),
    ({"records_format": "csv"}, "records_format"), ({"include_total": "maybe"}, "include_total"),
])
def test_a_bad_parameter_is_a_400_naming_it(api, published, params, field):
    base, ck = api
    rid = _rid(ck, WEATHER, "observations")
    for prefix in ("/api/3/action/", "/api/action/"):
        status, body = _raw(base, prefix + "datastore_search", {"resource_id": rid, **params})
        assert status == 400 and body["success"] is False, body
        assert body["error"]["__type"] == "Validation Error" and field in body["error"], body
        assert field in body["error"][field][0]
    with pytest.raises(ckanapi.ValidationError) as info:  # and ckanapi raises its own error for it
        ck.action.datastore_search(resource_id=rid, **params)
    assert field in info.value.error_dict


def test_get_with_a_query_string_works_as_in_ckan(api):
    base, ck = api
    rid = _rid(ck, WEATHER, "observations")
    query = urllib.parse.urlencode({"resource_id": rid, "limit": 3, "filters": json.dumps({"humidity": 86})})
    status, body = _raw(base, f"/api/3/action/datastore_search?{query}")
    assert status == 200 and body["success"] and all(r["humidity"] == 86 for r in body["result"]["records"])
    status, body = _raw(base, "/api/3/action/no_such_action")
    assert status == 400 and "no_such_action" in body["error"]["message"]


def test_restricted_datasets_are_listed_but_their_data_is_not_served(api, published):
    base, ck = api
    site, _ = published
    pkg = ck.action.package_show(id=RESTRICTED)
    assert not any(r["datastore_active"] for r in pkg["resources"])
    guessed = resource_id(RESTRICTED, "data/data.csv")  # where its data would be, had it been published
    for rid in [guessed] + [r["id"] for r in pkg["resources"]]:
        with pytest.raises(ckanapi.NotFound):
            ck.action.datastore_search(resource_id=rid)
    status, body = _raw(base, "/api/3/action/datastore_search", {"resource_id": guessed})
    assert status == 404 and body["error"]["__type"] == "Not Found Error"
    assert not list((site / "datasets" / RESTRICTED).glob("data/*"))
    page = (site / "datasets" / RESTRICTED / "index.html").read_text("utf-8")
    assert '<a href="mailto:apply@demo.example">apply@demo.example</a>' in page  # how to apply, as a link
    assert 'id="preview"' not in page and "ST017" not in page  # no preview: there is no data to show


def test_package_search_with_facets(api):
    _, ck = api
    everything = ck.action.package_search(rows=100)
    assert everything["count"] == 4
    openness = {i["name"]: i["count"] for i in everything["search_facets"]["opendata_openness"]["items"]}
    assert openness == {"unconditional": 3, "restricted": 1}
    found = ck.action.package_search(q="站点")  # in the bus dataset's title and field titles
    assert [r["name"] for r in found["results"]] == ["demo-bus-routes-stops"]
    by_field_title = ck.action.package_search(q="相对湿度")  # a field title only
    assert [r["name"] for r in by_field_title["results"]] == [WEATHER]
    for q, name in (("交通运输局", "demo-bus-routes-stops"),  # the publisher's name
                    ("交通出行", "demo-bus-routes-stops"),  # a keyword
                    ("20 位流水号", WEATHER),  # words of the description
                    ("GBK 编码", "demo-schools")):
        assert [r["name"] for r in ck.action.package_search(q=q)["results"]] == [name], q
    narrowed = ck.action.package_search(fq="opendata_openness:unconditional res_format:CSV", rows=1, start=1,
                                        sort="title_string asc", **{"facet.field": json.dumps(["organization"])})
    assert narrowed["count"] == 3 and len(narrowed["results"]) == 1
    assert sum(i["count"] for i in narrowed["search_facets"]["organization"]["items"]) == 3
    with pytest.raises(ckanapi.ValidationError) as info:
        ck.action.package_search(fq="bogus:1")
    assert "fq" in info.value.error_dict
    with pytest.raises(ckanapi.ValidationError):
        ck.action.package_search(sort="popularity desc")


def test_a_query_past_the_time_limit_is_stopped(published):
    """A tiny limit (1 ms) makes any scan run past it: the query is interrupted, CKAN's error shape."""
    site, _ = published
    with serving(site, "--timeout", "0.001") as base:
        ck = ckanapi.RemoteCKAN(base)
        rid = _rid(ck, "demo-bus-routes-stops", "stops")
        for _ in range(3):  # a scan of 404 rows takes a few ms: past 1 ms, but a fast machine gets 3 tries
            status, body = _raw(base, "/api/3/action/datastore_search",
                                {"resource_id": rid, "q": "不存在的文字", "sort": "stop_name desc"})
            if status == 409:
                break
        assert status == 409 and "query" in body["error"], body


def test_usage_is_counted_per_dataset_and_day_without_client_data(published, tmp_path):
    site, _ = published
    usage = tmp_path / "usage.sqlite"
    with serving(site, "--usage", str(usage)) as base:
        ck = ckanapi.RemoteCKAN(base)
        rid = _rid(ck, WEATHER, "observations")  # one package_show
        for _ in range(3):
            ck.action.datastore_search(resource_id=rid, limit=1)
        for _ in range(2):
            urllib.request.urlopen(f"{base}/datasets/{WEATHER}/data/observations.csv", timeout=10).read()
        urllib.request.urlopen(f"{base}/datasets/demo-schools/data/schools.parquet", timeout=10).read()
        ck.action.package_search(q="x")  # not about one dataset: not counted for any
        shown = ck.action.opendata_usage_show(id=WEATHER)  # before the flush: pending counts included
        assert (shown["downloads"], shown["api_calls"]) == (2, 4)
    columns = [row[1] for row in sqlite3.connect(usage).execute("PRAGMA table_info(usage)")]
    assert columns == ["day", "dataset", "kind", "count"]  # no address, agent or time of day
    stored = sqlite3.connect(usage).execute("SELECT dataset, kind, count FROM usage ORDER BY 1, 2").fetchall()
    assert stored == [("demo-schools", "download", 1), (WEATHER, "api", 4), (WEATHER, "download", 2)]
    raw = usage.read_bytes()
    assert b"127.0.0.1" not in raw

    out = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", str(site), "--usage", str(usage),
                          "--format", "json"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    figures = {d["name"]: d for d in json.loads(out.stdout)["datasets"]}
    assert (figures[WEATHER]["downloads"], figures[WEATHER]["api_calls"]) == (2, 4)
    assert figures[WEATHER]["days"][0]["downloads"] == 2
    later = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", str(site), "--usage",
                            str(usage), "--since", "2999-01-01", "--format", "json"], capture_output=True, text=True)
    assert json.loads(later.stdout)["total"] == {"downloads": 0, "api_calls": 0}
    text = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", str(site), "--usage",
                           str(usage)], capture_output=True, text=True)
    assert "示范市逐小时气象观测" in text.stdout and "下载次数" in text.stdout
    bad = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", str(site), "--since", "yesterday"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "--since" in bad.stderr and "Traceback" not in bad.stderr


def test_no_file_outside_the_catalogue_is_served_and_browsers_may_call_the_api(published, tmp_path):
    site, _ = published
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the public", encoding="utf-8")
    (site / "leak").symlink_to(tmp_path)  # a link planted in the catalogue, leading out of it
    try:
        with serving(site) as base:
            for path in ("/leak/secret.txt", "/%2e%2e/secret.txt", "/.usage/usage.sqlite", "/.opendata-catalog"):
                try:
                    urllib.request.urlopen(base + path, timeout=10)
                    raise AssertionError(f"{path} was served")
                except urllib.error.HTTPError as error:
                    assert error.code == 404, path
            request = urllib.request.Request(base + "/api/3/action/datastore_search", method="OPTIONS",
                                             headers={"Origin": "https://example.org",
                                                      "Access-Control-Request-Method": "POST"})
            with urllib.request.urlopen(request, timeout=10) as response:
                assert response.status == 204 and response.headers["Access-Control-Allow-Origin"] == "*"
    finally:
        (site / "leak").unlink()


def test_stats_reads_a_ckans_own_tracking(published, tmp_path):
    """For a CKAN, opendata stats reads tracking_summary (package_show include_tracking) without an
    API key — here from opendata serve, which answers it as CKAN does."""
    site, _ = published
    with serving(site, "--usage", str(tmp_path / "usage.sqlite")) as base:
        urllib.request.urlopen(f"{base}/datasets/demo-schools/data/schools.csv", timeout=10).read()
        env = {k: v for k, v in os.environ.items() if k != "OPENDATA_CKAN_API_KEY"}
        tracked = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", base, "--format", "json"],
                                 capture_output=True, text=True, timeout=60, env=env)
        assert tracked.returncode == 0, tracked.stderr
        views = {d["name"]: d for d in json.loads(tracked.stdout)["datasets"]}
        assert views["demo-schools"]["views"] == 1 and views[WEATHER]["views"] == 0
        since = subprocess.run([sys.executable, "-m", "opendata.cli", "stats", "--catalog", base, "--since", "2026-01-01"],
                               capture_output=True, text=True, timeout=60)
        assert since.returncode == 2 and "--since" in since.stderr
