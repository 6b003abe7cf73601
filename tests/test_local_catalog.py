"""The embedded catalogue: CKAN metadata, downloads equal to the source, a portal, atomic replacement."""

from __future__ import annotations

import csv
import http.client
import io
import json
import os

import pyarrow.parquet as pq
import pytest

import opendata as od
from conftest import EXAMPLES, VALID_EXAMPLES as VALID, approved, make_package, publish_examples
from opendata.trust.audit import AuditLog
from serving import serving


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("site")
    work = tmp_path_factory.mktemp("approved")
    catalog = od.LocalCatalog(path)
    publish_examples(catalog, work)
    return path


def _source_rows(resource: od.Resource) -> list[list[str]]:
    table = resource.to_arrow(typed=False)
    return [list(map(str, row.values())) for row in table.to_pylist()]


def test_there_are_five_valid_examples_from_the_priority_domains():
    subjects = {od.load(d).opendata["subject"] for d in VALID}
    assert {"enterprise", "health", "education", "transport", "weather"} <= subjects
    assert len(VALID) >= 5


def test_index_lists_every_example(site):
    index = (site / "index.html").read_text(encoding="utf-8")
    for directory in VALID:
        package = od.load(directory)
        assert f'href="datasets/{package.name}/index.html"' in index
        assert package.title in index


@pytest.mark.parametrize("directory", VALID, ids=[d.name for d in VALID])
def test_downloaded_csv_equals_the_source_data(site, directory):
    package = od.load(directory)
    for resource in package.resources:
        raw = (site / "datasets" / package.name / "data" / f"{resource.name}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 BOM so Excel shows Chinese text"
        rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"))))
        assert rows[0] == resource.schema.field_names
        assert rows[1:] == _source_rows(resource)


def test_parquet_is_typed_and_keeps_identifiers(site):
    table = pq.read_table(site / "datasets/demo-weather-observations/data/observations.parquet")
    assert str(table.schema.field("humidity").type) == "int64"
    assert str(table.schema.field("observed_at").type).startswith("timestamp")  # Parquet stores s as ms
    source = od.load(EXAMPLES / "weather").resources[0].to_arrow(typed=False).column("record_id").to_pylist()
    assert table.column("record_id").to_pylist() == source
    stops = pq.read_table(site / "datasets/demo-bus-routes-stops/data/stops.parquet")
    assert stops.column("stop_id")[0].as_py() == "000001"


def test_package_json_is_a_ckan_package_dict(site):
    meta = json.loads((site / "datasets/demo-enterprise-registrations/package.json").read_text("utf-8"))
    assert meta["name"] == "demo-enterprise-registrations"
    assert meta["owner_org"] == "demo-amr" and meta["license_id"] == "CC-BY-4.0"
    assert {"name": "企业登记"} in meta["tags"] and meta["groups"] == [{"name": "enterprise"}]
    extras = {e["key"]: e["value"] for e in meta["extras"]}
    assert extras["opendata_frequency"] == "monthly" and extras["opendata_openness"] == "unconditional"
    data = [r for r in meta["resources"] if r["format"] == "CSV" and r.get("opendata_resource")]
    assert data[0]["url"] == "data/enterprises.csv" and data[0]["opendata_rows"] == 320
    digest = data[0]["hash"]  # hex, as DCAT's spdx:checksumValue; the algorithm named beside it
    assert data[0]["hash_algorithm"] == "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
    from opendata.release import sha256_file

    assert sha256_file(site / "datasets/demo-enterprise-registrations/data/enterprises.csv") == digest


def test_dataset_page_has_metadata_dictionary_and_downloads(site):
    page = (site / "datasets/demo-schools/index.html").read_text("utf-8")
    assert "示范市中小学校名录" in page and "示范市教育局" in page and "每年" in page
    assert 'href="data/schools.csv"' in page and 'href="data/schools.parquet"' in page
    assert "学校标识码" in page  # data dictionary row
    dictionary = list(csv.DictReader(io.StringIO((site / "datasets/demo-schools/dictionary.csv").read_text("utf-8-sig"))))
    assert [d["field"] for d in dictionary][:2] == ["school_code", "name"]


def test_dcat_catalogue_lists_datasets_and_distributions(site):
    dcat = json.loads((site / "catalog.jsonld").read_text("utf-8"))
    assert dcat["@type"] == "dcat:Catalog"
    ids = {d["dct:identifier"] for d in dcat["dcat:dataset"]}
    assert ids == {od.load(d).name for d in VALID}
    weather = next(d for d in dcat["dcat:dataset"] if d["dct:identifier"] == "demo-weather-observations")
    urls = [x["dcat:downloadURL"]["@id"] for x in weather["dcat:distribution"]]
    assert site.resolve().as_uri() + "/datasets/demo-weather-observations/data/observations.csv" in urls
    assert weather["dct:accrualPeriodicity"]["@id"].endswith("/DAILY")


def test_publish_is_recorded_in_a_verifiable_log(site):
    log = AuditLog(site / "audit.jsonl")
    records = list(log.records())
    assert [r["action"] for r in records] == ["publish"] * len(VALID)
    assert all(r["files"] and r["release"] for r in records)
    assert log.verify() is None


def test_served_over_http_on_loopback(site):
    with serving(site) as base:
        conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=5)
        conn.request("GET", "/datasets/demo-schools/data/schools.csv")
        response = conn.getresponse()
        body = response.read()
        assert response.status == 200 and response.getheader("Content-Type") == "text/csv; charset=utf-8"
        assert body == (site / "datasets/demo-schools/data/schools.csv").read_bytes()
        for hidden in ("/.opendata-catalog", "/.lock", "/.usage/usage.sqlite", "/datasets/../.lock"):
            conn.request("GET", hidden)
            response = conn.getresponse()
            response.read()
            assert response.status == 404, hidden


def test_invalid_dataset_can_be_neither_approved_nor_published(tmp_path):
    package = od.load(EXAMPLES / "invalid-weather")
    with pytest.raises(od.ApprovalError) as info:
        od.approve(package, od.check(package), reviewer="测试审核员")
    assert info.value.code == "approval.not_publishable" and info.value.params["count"] == 8
    catalog = od.LocalCatalog(tmp_path / "site")
    with pytest.raises(od.ApprovalError) as info:
        od.publish(package, catalog)
    assert info.value.code == "approval.missing"
    assert not (tmp_path / "site").exists()  # refused before anything was written
    assert not (EXAMPLES / "invalid-weather" / "approval.json").exists()


def test_republishing_unchanged_data_is_a_no_op(tmp_path):
    catalog = od.LocalCatalog(tmp_path / "site")
    package = approved(EXAMPLES / "weather", tmp_path / "weather")
    first = od.publish(package, catalog)
    again = od.publish(package, catalog)
    assert (first.status, again.status) == ("published", "unchanged")
    assert first.release_id == again.release_id
    assert len(list(AuditLog(tmp_path / "site" / "audit.jsonl").records())) == 1


def test_republishing_changed_data_switches_atomically_and_removes_the_old_release(tmp_path):
    fields = [{"name": "id", "type": "integer"}, {"name": "v"}]
    directory = make_package(tmp_path / "pkg", fields, "id,v\n1,a\n2,b\n")
    catalog = od.LocalCatalog(tmp_path / "site")
    first = od.publish(approved(directory, tmp_path / "v1"), catalog)
    link = tmp_path / "site" / "datasets" / "test-data"
    assert link.is_symlink()
    (directory / "data.csv").write_text("id,v\n1,a\n2,c\n", encoding="utf-8")
    second = od.publish(approved(directory, tmp_path / "v2"), catalog)
    assert second.release_id != first.release_id
    assert os.readlink(link).endswith(second.release_id)
    published = (link / "data" / "data.csv").read_text("utf-8-sig")
    assert list(csv.reader(io.StringIO(published))) == [["id", "v"], ["1", "a"], ["2", "c"]]
    assert not (tmp_path / "site" / "releases" / "test-data" / first.release_id).exists()


def test_a_failure_during_export_leaves_the_live_dataset_untouched(tmp_path, monkeypatch):
    fields = [{"name": "id", "type": "integer"}]
    directory = make_package(tmp_path / "pkg", fields, "id\n1\n")
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(approved(directory, tmp_path / "v1"), catalog)
    before = (tmp_path / "site" / "datasets" / "test-data" / "data" / "data.csv").read_bytes()
    (directory / "data.csv").write_text("id\n1\n2\n", encoding="utf-8")
    changed = approved(directory, tmp_path / "v2")

    import opendata.release as release

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(release, "_write_dictionary", broken)
    with pytest.raises(OSError):
        od.publish(changed, catalog)
    assert (tmp_path / "site" / "datasets" / "test-data" / "data" / "data.csv").read_bytes() == before
    assert not list((tmp_path / "site" / ".staging").iterdir())


def test_refuses_to_write_into_a_directory_that_is_not_a_catalogue(tmp_path):
    (tmp_path / "important.txt").write_text("keep me", encoding="utf-8")
    package = approved(EXAMPLES / "weather", tmp_path / "weather")
    with pytest.raises(od.CatalogError):
        od.publish(package, od.LocalCatalog(tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["important.txt", "weather"]


def test_retract_removes_the_dataset_and_logs_it(tmp_path):
    catalog = od.LocalCatalog(tmp_path / "site")
    od.publish(approved(EXAMPLES / "weather", tmp_path / "weather"), catalog)
    catalog.retract("demo-weather-observations", reason="test")
    assert catalog.datasets() == []
    assert "demo-weather-observations" not in (tmp_path / "site" / "index.html").read_text("utf-8")
    assert [r["action"] for r in AuditLog(tmp_path / "site" / "audit.jsonl").records()] == ["publish", "retract"]


def test_cli_publish_says_where_to_open_the_portal(run, tmp_path):
    approved(EXAMPLES / "weather", tmp_path / "weather")
    result = run("publish", tmp_path / "weather", EXAMPLES / "invalid-weather", "--catalog", tmp_path / "site")
    assert result.code == 1  # one dataset was refused; the other went out all the same
    summary = " ".join(result.out.split())  # the summary table wraps long cells
    assert "demo-weather-observations" in summary and "已发布" in summary
    assert "invalid-weather" in summary and "未发布" in summary and "没有审核签名" in summary
    assert str((tmp_path / "site" / "index.html").resolve()) in result.out


def test_opendata_serve_serves_the_portal_on_loopback(site):
    import re
    import subprocess
    import sys
    import time

    script = os.path.join(os.path.dirname(sys.executable), "opendata")
    proc = subprocess.Popen([script, "--lang", "en", "serve", str(site), "--port", "0"],
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        deadline = time.time() + 10
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", int(match.group(1)), timeout=5)
                conn.request("GET", "/index.html")
                response = conn.getresponse()
                break
            except ConnectionRefusedError:
                assert time.time() < deadline
                time.sleep(0.1)
        assert response.status == 200
        assert "示范市中小学校名录" in response.read().decode("utf-8")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_reading_verbs_refuse_a_directory_that_is_not_a_catalogue(run, tmp_path):
    for args in (("catalog", "status", "--catalog", tmp_path / "sitee"),
                 ("retract", "x", "--catalog", tmp_path / "sitee", "--reason", "r"),
                 ("regrade", "--catalog", tmp_path / "sitee")):
        result = run("--lang", "en", *args)
        assert result.code == 2 and "is not an existing opendata local catalogue" in result.err, args
    assert not (tmp_path / "sitee").exists()


def test_served_pages_and_index_are_compressed_but_data_files_are_not(site):
    with serving(site) as base:
        conn = http.client.HTTPConnection("127.0.0.1", int(base.rsplit(":", 1)[1]), timeout=5)
        for path, compressed in (("/search-index.js", True), ("/index.html", True),
                                 ("/datasets/demo-schools/data/schools.csv", False)):
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            body = response.read()
            assert response.status == 200, path
            assert (response.getheader("Content-Encoding") == "gzip") is compressed, path
        assert body == (site / "datasets/demo-schools/data/schools.csv").read_bytes()


def test_preview_is_bounded_and_made_from_the_published_files(tmp_path):
    """A 2 MB cell (longer than the preview's read block) and 500 rows: the page shows 20 rows, the
    long cell cut, and nothing of the rows after them."""
    fields = [{"name": "id", "type": "integer"}, {"name": "note", "opendata": {"pii": "none"}},
              {"name": "day", "type": "date"}, {"name": "level", "type": "number"}]
    rows = [f"{i},{'长' * 700_000 if i == 1 else f'记录{i}'},2026-01-{1 + i % 28:02d},{i % 17}" for i in range(500)]
    directory = make_package(tmp_path / "pkg", fields, "id,note,day,level\n" + "\n".join(rows) + "\n")
    od.publish(approved(directory, tmp_path / "approved"), od.LocalCatalog(tmp_path / "site"))
    page = (tmp_path / "site/datasets/test-data/index.html").read_text("utf-8")
    preview = page.split('<table class="preview">', 1)[1].split("</table>", 1)[0]
    assert preview.count("<tr>") == 21 and "记录19" in preview and "记录20" not in preview
    assert "长" * 119 + "…" in preview and "长" * 121 not in preview
    assert "<polyline" in page and "记录499" not in page  # the chart: level over day
    assert len(page) < 200_000
