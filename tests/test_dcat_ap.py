"""The local catalogue's DCAT against the official DCAT-AP 3.0.1 SHACL shapes (pyshacl), and the
catalogue configuration files against each other."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS as DCT, RDF, SKOS

import opendata as od
from conftest import ROOT, approved, make_package, publish_examples
from opendata import taxonomy

SHAPES = Path(__file__).parent / "data" / "dcat-ap-3.0.1"
BASE = "https://data.demo-city.example/open/"
EU = "http://publications.europa.eu/resource/authority/"
SH = Namespace("http://www.w3.org/ns/shacl#")


_SHAPES: list[Graph] = []


def _shapes() -> Graph:
    """The three shape files in one graph. ranges.ttl of the 3.0.1 release names five property
    shapes (sh:property) that neither file defines; pyshacl refuses a dangling reference, so those
    five references (which constrain nothing) are dropped here; the files stay as published."""
    if not _SHAPES:
        graph = Graph()
        for name in ("dcat-ap-SHACL.ttl", "ranges.ttl", "shapes_recommended.ttl"):
            graph.parse(SHAPES / name, format="turtle")
        dangling = [(s, o) for s, o in graph.subject_objects(SH.property) if graph.value(o, SH.path) is None]
        assert len(dangling) == 5, dangling  # the release's own defect, no more
        for s, o in dangling:
            graph.remove((s, SH.property, o))
        _SHAPES.append(graph)
    return _SHAPES[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    path = tmp_path_factory.mktemp("dcat-site")
    work = tmp_path_factory.mktemp("dcat-approved")
    catalog = od.LocalCatalog(path, base_url=BASE)
    publish_examples(catalog, work)
    restricted = make_package(
        work / "restricted-src", [{"name": "station", "title": "站号"}, {"name": "temp", "type": "number"}],
        "station,temp\nA1,12.5\n", name="demo-restricted", grade=None, description="受限开放的测试数据",
        keywords=["测试"], licenses=[{"name": "CC-BY-4.0", "title": "CC BY 4.0"}],
        opendata={"publisher": "demo-weather", "subject": "weather", "frequency": "daily", "openness": "restricted",
                  "grade": "L2", "updated": "2026-11-20", "issued": "2026-01-05", "spatial": "示范市",
                  "spatial_bbox": "POLYGON((120.0 30.0,120.5 30.0,120.5 30.5,120.0 30.5,120.0 30.0))",
                  "spatial_centroid": "POINT(120.25 30.25)", "application": "向示范市大数据局提交申请",
                  "temporal": {"start": "2026-10-01", "end": "2026-10-31"},
                  "contact": {"name": "数据开放办公室", "email": "opendata@demo-city.example"}})
    od.publish(approved(restricted, work / "restricted"), catalog)
    return path


def _results(data: Graph) -> list[tuple[str, str, str]]:
    conforms, report, _ = validate(data, shacl_graph=_shapes(), inference="none", allow_warnings=False)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        out.append((str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1],
                    str(report.value(result, SH.focusNode)), str(report.value(result, SH.resultMessage))))
    return out


@pytest.mark.parametrize("name", ["catalog.jsonld", "catalog.ttl"])
def test_the_local_catalogue_conforms_to_dcat_ap_3_mandatory_and_recommended(site, name):
    data = Graph().parse(site / name, format="json-ld" if name.endswith(".jsonld") else "turtle")
    assert len(data) > 100
    results = _results(data)
    assert results == [], "\n".join(map(str, results[:30]))


def test_the_shapes_do_find_what_is_missing(site):
    """The oracle can fail: the same catalogue without its publisher and a distribution's access URL."""
    data = Graph().parse(site / "catalog.ttl", format="turtle")
    catalogue = next(data.subjects(RDF.type, DCAT.Catalog))
    data.remove((catalogue, DCT.publisher, None))
    distribution = next(data.subjects(RDF.type, DCAT.Distribution))
    data.remove((distribution, DCAT.accessURL, None))
    severities = [r[0] for r in _results(data)]
    assert severities.count("Violation") >= 2


def test_iris_are_absolute_under_the_base_url_and_restricted_data_is_not_downloadable(site):
    data = Graph().parse(site / "catalog.ttl", format="turtle")
    assert URIRef(BASE) in set(data.subjects(RDF.type, DCAT.Catalog))
    for url in data.objects(None, DCAT.downloadURL):
        assert str(url).startswith(BASE)
    restricted = URIRef(f"{BASE}datasets/demo-restricted/#dataset")
    assert data.value(restricted, DCT.accessRights) == URIRef(EU + "access-right/RESTRICTED")
    distributions = list(data.objects(restricted, DCAT.distribution))
    assert distributions and all(data.value(d, DCAT.downloadURL) is None for d in distributions)
    weather = URIRef(f"{BASE}datasets/demo-weather-observations/#dataset")
    assert data.value(weather, DCT.accessRights) == URIRef(EU + "access-right/PUBLIC")
    downloads = {str(data.value(d, DCAT.downloadURL)) for d in data.objects(weather, DCAT.distribution)}
    assert f"{BASE}datasets/demo-weather-observations/data/observations.csv" in downloads


def test_themes_formats_and_licences_are_eu_vocabulary_iris_with_the_chinese_labels_kept(site):
    data = Graph().parse(site / "catalog.jsonld", format="json-ld")
    weather = URIRef(f"{BASE}datasets/demo-weather-observations/#dataset")
    themes = set(data.objects(weather, DCAT.theme))
    assert URIRef(EU + "data-theme/ENVI") in themes
    own = next(t for t in themes if str(t).startswith(BASE))
    assert Literal("气象", lang="zh") in set(data.objects(own, SKOS.prefLabel))
    frequency = data.value(weather, DCT.accrualPeriodicity)
    assert frequency == URIRef(EU + "frequency/DAILY")
    assert Literal("每日", lang="zh") in set(data.objects(frequency, SKOS.prefLabel))
    formats = {data.value(d, DCT["format"]) for d in data.objects(weather, DCAT.distribution)}
    assert formats == {URIRef(EU + "file-type/CSV"), URIRef(EU + "file-type/PARQUET")}
    licences = {data.value(d, DCT.license) for d in data.objects(weather, DCAT.distribution)}
    assert licences == {URIRef(EU + "licence/CC_BY_4_0")}


def test_the_base_url_comes_from_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "opendata.toml").write_text(
        f'[catalogs.portal]\npath = "site"\nbase_url = "{BASE}"\npublisher = "demo-data"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OPENDATA_CONFIG", str(tmp_path / "opendata.toml"))
    from opendata.catalogs import open_catalog

    portal = open_catalog("portal")
    assert portal.base_url == BASE and portal.publisher == "demo-data"
    package = approved(make_package(tmp_path / "src", [{"name": "a", "title": "甲"}], "a\nx\n", name="one",
                                    opendata={"publisher": "demo-weather", "subject": "weather"}), tmp_path / "one")
    od.publish(package, portal)
    data = Graph().parse(tmp_path / "site" / "catalog.ttl", format="turtle")
    assert data.value(URIRef(BASE), DCT.publisher) == URIRef(f"{BASE}organizations/demo-data")


# -- the catalogue configuration files agree with each other -----------------------------------------------
def test_the_scheming_schema_offers_exactly_the_taxonomies(ckan_schema=None):
    schema = yaml.safe_load((ROOT / "catalog" / "ckan_dataset_schema.yaml").read_text(encoding="utf-8"))
    fields = {f["field_name"]: f for f in schema["dataset_fields"]}
    expected = {"opendata_publisher": ("organizations", "id"), "opendata_subject": ("subjects", "id"),
                "opendata_frequency": ("frequencies", "id"), "opendata_openness": ("openness", "id"),
                "frequency": ("frequencies", "dcat"), "access_rights": ("openness", "dcat")}
    for field, (kind, key) in expected.items():
        assert fields[field]["preset"] == "select"
        assert [c["value"] for c in fields[field]["choices"]] == [e[key] for e in taxonomy.items(kind).values()]
    from opendata.catalogs.ckan import MANAGED

    assert MANAGED <= set(fields)  # every property opendata sends has its field


def test_the_licence_register_is_in_ckans_format():
    register = json.loads((ROOT / "catalog" / "ckan_licenses.json").read_text(encoding="utf-8"))
    assert isinstance(register, list) and all({"id", "title", "url"} <= set(e) for e in register)
    ids = [e["id"] for e in register]
    assert len(ids) == len(set(ids)) and "CC-BY-4.0" in ids


def test_hostile_metadata_cannot_break_the_description():
    """Quotes, angle brackets, newlines and a malformed e-mail stay literals (or are left out): the
    Turtle still parses and says the same as the JSON-LD."""
    from opendata.catalogs import dcat

    pkg = {"name": "hostile", "title": 'a"b<c>\n}d', "notes": "x\"\"\" . <y>", "tags": [{"name": "t>"}],
           "owner_org": "demo-weather", "license_id": "CC-BY-4.0", "resources": [],
           "extras": [{"key": "contact_email", "value": "a b>@x"}, {"key": "contact_name", "value": "名<"},
                      {"key": "spatial_text", "value": "示范市\"> ."}]}
    document = dcat.catalog([pkg], title="t", base=BASE)
    ttl = Graph().parse(data=dcat.turtle(document), format="turtle")
    ld = Graph().parse(data=json.dumps(document, ensure_ascii=False), format="json-ld")
    from rdflib.compare import isomorphic

    assert isomorphic(ttl, ld)
    dataset = URIRef(f"{BASE}datasets/hostile/#dataset")
    assert str(ttl.value(dataset, DCT.title)) == 'a"b<c>\n}d'
    assert ttl.value(ttl.value(dataset, DCAT.contactPoint), Namespace("http://www.w3.org/2006/vcard/ns#").hasEmail) is None
