"""Publishing is never anonymous or silent (issue 17): publisher, title, licence and contact are
required; a name another publisher holds is not replaced without --replace; every link printed
after publishing exists; two bare files called data never share a name."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import opendata as od
from conftest import approved, make_package

FIELDS = [{"name": "id", "type": "integer"}, {"name": "city"}]
ROWS = "id,city\n1,杭州\n2,宁波\n"


@pytest.mark.parametrize("drop, named", [
    ("title", "title"), ("licenses", "licenses"), ("publisher", "opendata.publisher"), ("contact", "opendata.contact")])
def test_publish_refused_without_each_required_property_naming_it(run, tmp_path, drop, named):
    directory = make_package(tmp_path / "src", FIELDS, ROWS, name="cities")
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    if drop in ("publisher", "contact"):
        del descriptor["opendata"][drop]
    else:
        del descriptor[drop]
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    approved(directory, tmp_path / "out")
    result = run("--lang", "en", "publish", tmp_path / "out", "--catalog", tmp_path / "site")
    assert result.code == 1
    assert f"({named}" in result.out and "cannot be published" in result.out
    assert not (tmp_path / "site" / "datasets" / "cities").exists()
    with pytest.raises(od.PolicyError) as caught:
        od.publish(od.load(tmp_path / "out"), od.LocalCatalog(tmp_path / "site2"))
    assert caught.value.key == "publish.missing_metadata"
    assert f"（{named}" in caught.value.render("zh") and f"({named}" in str(caught.value)  # each in its language


def test_a_contact_needs_a_way_to_reach_it(tmp_path):
    from opendata.trust.accountable import missing_metadata

    base = {"title": "t", "licenses": [{"name": "CC-BY-4.0"}], "opendata": {"publisher": "demo-data"}}
    assert missing_metadata({**base, "opendata": {"publisher": "demo-data", "contact": {"name": "办公室"}}}) \
        == ["opendata.contact"]
    assert missing_metadata({**base, "opendata": {"publisher": "demo-data",
                                                  "contact": {"name": "办公室", "phone": "0571-1"}}}) == []
    assert missing_metadata({"title": " ", "licenses": [], "opendata": {}}) == [
        "title", "licenses", "opendata.publisher", "opendata.contact"]


def test_a_name_held_by_another_publisher_is_not_replaced_without_replace(run, tmp_path):
    first = make_package(tmp_path / "a", FIELDS, ROWS, name="shared-name")
    second = make_package(tmp_path / "b", FIELDS, "id,city\n9,温州\n", name="shared-name",
                          opendata={"grade": "L1", "publisher": "demo-health"})
    approved(first, tmp_path / "out-a")
    approved(second, tmp_path / "out-b")
    site = tmp_path / "site"
    assert run("publish", tmp_path / "out-a", "--catalog", site).code == 0
    refused = run("--lang", "en", "publish", tmp_path / "out-b", "--catalog", site)
    assert refused.code == 1 and "already has a dataset named" in refused.out and "demo-data" in refused.out
    catalog = od.LocalCatalog(site)
    assert json.loads(json.dumps(catalog.get("shared-name")))["extras"]
    rows = (site / "datasets" / "shared-name" / "data" / "data.csv").read_text(encoding="utf-8-sig")
    assert "杭州" in rows and "温州" not in rows
    replaced = run("publish", tmp_path / "out-b", "--catalog", site, "--replace")
    assert replaced.code == 0
    assert "温州" in (site / "datasets" / "shared-name" / "data" / "data.csv").read_text(encoding="utf-8-sig")


def test_the_same_publisher_updates_its_own_dataset(run, tmp_path):
    directory = make_package(tmp_path / "a", FIELDS, ROWS, name="own-data")
    approved(directory, tmp_path / "v1")
    assert run("publish", tmp_path / "v1", "--catalog", tmp_path / "site").code == 0
    (directory / "data.csv").write_text(ROWS + "3,温州\n", encoding="utf-8")
    approved(directory, tmp_path / "v2")
    assert run("publish", tmp_path / "v2", "--catalog", tmp_path / "site").code == 0


def _printed_paths(text: str) -> list[Path]:
    return [Path(p) for p in re.findall(r"(/[^\s│|]+\.html)", text)]


def test_every_link_printed_after_publishing_exists_also_after_a_replacement(run, tmp_path):
    directory = make_package(tmp_path / "a", FIELDS, ROWS, name="linked")
    site = tmp_path / "site"
    for version, rows in enumerate((ROWS, ROWS + "3,温州\n")):
        (directory / "data.csv").write_text(rows, encoding="utf-8")
        approved(directory, tmp_path / f"v{version}")
        as_json = run("publish", tmp_path / f"v{version}", "--catalog", site, "--format", "json")
        assert as_json.code == 0
        links = [Path(row["detail"]) for row in json.loads(as_json.out)]
        assert links and all(link.is_file() for link in links)
        text = run("publish", tmp_path / f"v{version}", "--catalog", site)  # unchanged: the same links
        printed = _printed_paths(text.out)
        assert len(printed) >= 2  # the dataset's page and the portal's index
        assert all(p.is_file() for p in printed), printed
    result = od.publish(od.load(tmp_path / "v1"), od.LocalCatalog(site))
    assert Path(result.url).is_file()
    html = Path(result.url).read_text(encoding="utf-8")
    hrefs = re.findall(r'href="([^"#:]+)"', html)
    assert hrefs
    for href in hrefs:  # the page's own links, resolved as a browser does (lexically, not through the link)
        assert Path(os.path.normpath(Path(result.url).parent / href)).exists(), href


def test_two_bare_files_called_data_never_share_a_name(tmp_path):
    for folder in ("health", "transport"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "data.csv").write_text("名称,地址\n甲,乙\n", encoding="utf-8")
    first, second = od.load(tmp_path / "health" / "data.csv"), od.load(tmp_path / "transport" / "data.csv")
    assert first.name != second.name
    assert first.name.startswith("data-") and second.name.startswith("data-")
    chinese = tmp_path / "health" / "医院名录.csv"
    chinese.write_text("名称\n甲\n", encoding="utf-8")
    assert od.load(chinese).name != "data" and re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", od.load(chinese).name)


def test_a_bare_file_cannot_be_published_anonymously(run, tmp_path):
    bare = tmp_path / "data.csv"
    bare.write_text(ROWS, encoding="utf-8")
    out, _ = od.redact(od.load(bare), tmp_path / "out")
    od.approve(out, od.check(out), reviewer="测试审核员")
    result = run("--lang", "en", "publish", tmp_path / "out", "--catalog", tmp_path / "site")
    assert result.code == 1
    for prop in ("licenses", "opendata.publisher", "opendata.contact"):
        assert prop in result.out
