"""CkanCatalog against a real CKAN (scripts/ckan-dev), not a mock."""

from __future__ import annotations

import hashlib
import json
import re
import os
import subprocess
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

import opendata as od
from conftest import ROOT, approved, make_package
from opendata.catalogs.ckan import CkanCatalog
from opendata.catalogs import ops
from opendata import taxonomy
from opendata.catalogs.metadata import extra
from opendata.errors import CatalogError


# The two configurations every CKAN test runs against: a bare CKAN, and one with ckanext-scheming
# (the shipped schema) and ckanext-dcat, as government sites run it. Each has its own state
# directory and ports, taken from the environment (the CKAN_DEV_* settings of scripts/ckan-dev;
# CKAN_DEV_EXT_* for the second), so the suite can run beside other servers.
CONFIGS = {
    "bare": {"extensions": "", "dir": "CKAN_DEV_DIR", "port": "CKAN_DEV_PORT", "solr": "CKAN_DEV_SOLR_PORT",
             "redis": "CKAN_DEV_REDIS_PORT", "defaults": ("build/ckan-dev", "5055", "8984", "6390"),
             "url": "OPENDATA_CKAN_URL", "key": "OPENDATA_CKAN_API_KEY"},
    "scheming+dcat": {"extensions": "scheming,dcat,datastore,tracking", "dir": "CKAN_DEV_EXT_DIR", "port": "CKAN_DEV_EXT_PORT",
                      "solr": "CKAN_DEV_EXT_SOLR_PORT", "redis": "CKAN_DEV_EXT_REDIS_PORT",
                      "defaults": ("build/ckan-dev-ext", "5056", "8986", "6392"),
                      "url": "OPENDATA_CKAN_EXT_URL", "key": "OPENDATA_CKAN_EXT_API_KEY"},
}


@dataclass(frozen=True)
class Ckan:
    url: str
    key: str = field(repr=False)  # an API token: never in test output
    config: str = ""
    directory: Path | None = None  # its CKAN_DEV_DIR, when this suite started it

    def __iter__(self):  # url, key = ckan
        return iter((self.url, self.key))

    @property
    def extended(self) -> bool:
        return self.config != "bare"


def _start(config: str) -> Ckan:
    spec = CONFIGS[config]
    url, key = os.environ.get(spec["url"]), os.environ.get(spec["key"])
    if url and key:
        return Ckan(url, key, config, None)
    if os.environ.get("OPENDATA_SKIP_CKAN") == "1":
        pytest.skip("OPENDATA_SKIP_CKAN=1: CKAN integration tests not run")
    directory, port, solr, redis = spec["defaults"]
    env = dict(os.environ, CKAN_DEV_EXTENSIONS=spec["extensions"],
               CKAN_DEV_DIR=os.environ.get(spec["dir"]) or str(ROOT / directory),
               CKAN_DEV_PORT=os.environ.get(spec["port"]) or port,
               CKAN_DEV_SOLR_PORT=os.environ.get(spec["solr"]) or solr,
               CKAN_DEV_REDIS_PORT=os.environ.get(spec["redis"]) or redis)
    proc = subprocess.run([str(ROOT / "scripts" / "ckan-dev"), "start"], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        pytest.fail(f"scripts/ckan-dev start ({config}) failed:\n" + proc.stderr[-3000:])
    out = dict(line.removeprefix("export ").split("=", 1) for line in proc.stdout.splitlines()
               if line.startswith("export "))
    return Ckan(out["OPENDATA_CKAN_URL"], out["OPENDATA_CKAN_API_KEY"], config, Path(env["CKAN_DEV_DIR"]))


_started: dict[str, Ckan] = {}


@pytest.fixture(scope="session", params=list(CONFIGS))
def ckan(request) -> Ckan:
    if request.param not in _started:
        _started[request.param] = _start(request.param)
    return _started[request.param]


@pytest.fixture(scope="session")
def ckan_ext() -> Ckan:
    """The scheming + dcat configuration alone (for what only it has: the DCAT endpoint)."""
    if "scheming+dcat" not in _started:
        _started["scheming+dcat"] = _start("scheming+dcat")
    return _started["scheming+dcat"]


class CountingCkan(CkanCatalog):
    """The real backend, counting (and optionally failing) its upload calls."""

    def __init__(self, *args, fail_on_upload: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploads = 0
        self.fail_on_upload = fail_on_upload

    def call(self, action, files=None, **data):
        if action in ("resource_create", "resource_update"):
            self.uploads += 1
            if self.fail_on_upload == self.uploads:
                raise CatalogError("ckan.unreachable", url=self.url, reason="injected failure")
        return super().call(action, files=files, **data)


def _dataset(tmp_path, *, rows=("A1,12.5", "A2,13.0"), openness="unconditional", grade="L1"):
    name = f"ckan-test-{uuid.uuid4().hex[:10]}"
    directory = make_package(
        tmp_path / "src", [{"name": "station", "title": "站号"}, {"name": "temp", "type": "number", "title": "气温"}],
        "station,temp\n" + "\n".join(rows) + "\n", name=name, grade=None, version="1.0",
        opendata={"publisher": "demo-weather", "subject": "weather", "frequency": "daily", "openness": openness,
                  "grade": grade, "updated": "2026-11-20"})
    return approved(directory, tmp_path / name), name


def _anonymous_names(url):
    return requests.get(f"{url}/api/3/action/package_list", timeout=30).json()["result"]


def test_create_publishes_public_and_the_download_equals_the_approved_file(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path)
    catalog = CountingCkan(url, key)
    result = od.publish(package, catalog)
    assert result.status == "published" and catalog.uploads == 5  # CSV, Parquet, dictionary ×2, descriptor
    shown = catalog.get(name)
    assert shown["private"] is False and shown["organization"]["name"] == "demo-weather"
    assert [g["name"] for g in shown["groups"]] == ["weather"]
    assert extra(shown, "opendata_grade") == "L1" and extra(shown, "opendata_openness") == "unconditional"
    assert extra(shown, "opendata_frequency") == "daily" and extra(shown, "opendata_policy").startswith("zj-default")
    assert extra(shown, "opendata_approval") and shown["version"] == "1.0-r1"
    assert name in _anonymous_names(url)
    csv = next(r for r in shown["resources"] if r["opendata_file"].endswith(".csv") and "data/" in r["opendata_file"])
    downloaded = requests.get(csv["url"], timeout=30).content  # as the public gets it
    assert downloaded == (package.basepath / "data" / "data.csv").read_bytes()


def test_republishing_unchanged_data_makes_no_uploads(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))
    again = CountingCkan(url, key)
    assert od.publish(package, again).status == "unchanged"
    assert again.uploads == 0


def test_changing_one_value_replaces_the_resources_and_bumps_the_version(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path / "v1")
    od.publish(package, CkanCatalog(url, key))
    source = package.basepath.parent / "src"
    (source / "data.csv").write_text("station,temp\nA1,12.5\nA2,13.5\n", encoding="utf-8")
    changed = approved(source, tmp_path / "v2")
    catalog = CountingCkan(url, key)
    assert od.publish(changed, catalog).status == "published"
    assert 0 < catalog.uploads < 5  # only the files that changed
    shown = catalog.get(name)
    assert shown["version"] == "1.0-r2" and not shown["private"]
    csv = next(r for r in shown["resources"] if r["opendata_file"] == "data/data.csv")
    assert requests.get(csv["url"], timeout=30).content == (changed.basepath / "data" / "data.csv").read_bytes()


def test_restricted_datasets_are_published_without_data(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path, openness="restricted", grade="L2")
    od.publish(package, CkanCatalog(url, key))
    shown = CkanCatalog(url, key).get(name)
    files = {r["opendata_file"] for r in shown["resources"]}
    assert files == {"dictionary.csv", "dictionary.json", "datapackage.json"}
    assert extra(shown, "opendata_openness") == "restricted"


def test_a_failure_between_uploads_leaves_the_dataset_private_and_the_next_run_completes_it(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path)
    with pytest.raises(CatalogError):
        od.publish(package, CountingCkan(url, key, fail_on_upload=3))
    shown = CkanCatalog(url, key).get(name)
    assert shown["private"] is True and len(shown["resources"]) == 2
    assert name not in _anonymous_names(url)  # nothing half-published in public
    assert od.publish(package, CkanCatalog(url, key)).status == "published"
    shown = CkanCatalog(url, key).get(name)
    assert shown["private"] is False and len(shown["resources"]) == 5


def test_retract_makes_private_or_purges_and_is_audited(ckan, tmp_path, run):
    url, key = ckan
    package, name = _dataset(tmp_path)
    catalog = CkanCatalog(url, key)
    od.publish(package, catalog)
    os.environ["OPENDATA_CKAN_API_KEY"] = key
    result = run("--lang", "en", "retract", name, "--catalog", url, "--reason", "wrong figures")
    assert result.code == 0
    assert catalog.get(name)["private"] is True and name not in _anonymous_names(url)
    with pytest.raises(od.ApprovalError) as info:
        od.publish(package, catalog)
    assert info.value.code == "approval.retracted"
    od.approve(package, od.check(package), reviewer="测试审核员")
    assert od.publish(od.load(package.basepath), catalog).status == "published"
    od.retract(catalog, name, reason="duplicate", purge=True)
    with pytest.raises(CatalogError):
        catalog.get(name)
    actions = [r["action"] for r in od.audit.central().records() if r.get("dataset") == name]
    assert actions.count("retract") == 2 and actions.count("publish") == 2


def test_invalid_api_key_stops_with_ckans_message(ckan, tmp_path):
    url, _ = ckan
    package, name = _dataset(tmp_path)
    with pytest.raises(CatalogError) as info:
        od.publish(package, CkanCatalog(url, "not-a-valid-token"))
    assert info.value.code in ("ckan.not_authorized", "ckan.error")
    assert url in info.value.render("en")


def test_ckan_down_is_retried_then_a_clear_error(tmp_path):
    package, _ = _dataset(tmp_path)
    with pytest.raises(CatalogError) as info:
        od.publish(package, CkanCatalog("http://127.0.0.1:9", "key", retries=2, backoff=0.01))
    assert info.value.code == "ckan.unreachable"
    assert "nothing was made public" in info.value.render("en")


def test_pull_reads_back_exactly_what_was_approved(ckan, tmp_path, run):
    url, key = ckan
    package, name = _dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))
    os.environ["OPENDATA_CKAN_API_KEY"] = key
    result = run("--lang", "en", "catalog", "pull", name, "--from", url, "--out", tmp_path / "pulled",
                 "--compare", package.basepath)
    assert result.code == 0 and "every hash verified" in result.out and "✗" not in result.out
    pulled = od.load(tmp_path / "pulled")
    assert (tmp_path / "pulled" / "data" / "data.csv").read_bytes() == \
        (package.basepath / "data" / "data.csv").read_bytes()
    assert pulled.resources[0].to_arrow().column("station").to_pylist() == ["A1", "A2"]


def test_diff_and_status_between_local_and_ckan(ckan, tmp_path):
    url, key = ckan
    package, name = _dataset(tmp_path)
    local = od.LocalCatalog(tmp_path / "site")
    od.publish(package, local)
    remote = CkanCatalog(url, key)
    od.publish(package, remote)
    differences = {d.name: d.kind for d in ops.diff(local, remote)}
    assert differences[name] == "same"
    fresh = {f.name: f for f in ops.status(remote)}
    assert fresh[name].frequency == "daily" and fresh[name].overdue  # updated 2026-11-20, daily


def test_transient_5xx_is_retried_with_backoff_and_permanent_4xx_is_not():
    """Unit level (a loopback server that fails on purpose): the real-server tests cover publishing."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    calls = {"n": 0}

    class Flaky(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            calls["n"] += 1
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if "status_show" in self.path and calls["n"] <= 2:
                status, body = 503, b'{"success": false, "error": {"message": "busy"}}'
            elif "status_show" in self.path:
                status, body = 200, b'{"success": true, "result": {"ckan_version": "2.11"}}'
            else:
                status, body = 403, b'{"success": false, "error": {"__type": "Authorization Error", "message": "no"}}'
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Flaky)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        catalog = CkanCatalog(f"http://127.0.0.1:{server.server_address[1]}", "key", retries=3, backoff=0.01)
        assert catalog.call("status_show")["ckan_version"] == "2.11"
        assert calls["n"] == 3  # two 503s retried, then success
        before = calls["n"]
        with pytest.raises(CatalogError) as info:
            catalog.call("package_create", name="x")
        assert info.value.code == "ckan.not_authorized" and calls["n"] == before + 1  # no retry
    finally:
        server.shutdown()


# -- every metadata property, through CKAN and back ---------------------------------------------------
FULL = {"publisher": "demo-weather", "subject": "weather", "frequency": "daily", "openness": "unconditional",
        "grade": "L1", "updated": "2026-11-20", "issued": "2026-01-05", "spatial": "示范市",
        "temporal": {"start": "2026-10-01", "end": "2026-10-31"},
        "contact": {"name": "数据开放办公室", "email": "opendata@demo-city.example"}}


def _full_dataset(tmp_path, **changes):
    name = f"ckan-full-{uuid.uuid4().hex[:10]}"
    directory = make_package(
        tmp_path / "src", [{"name": "station", "title": "站号"}, {"name": "temp", "type": "number", "title": "气温"}],
        "station,temp\nA1,12.5\nA2,13.0\n", name=name, grade=None, version="1.0", description="示范市逐日气温观测",
        keywords=["气象", "气温"], opendata={**FULL, **changes},
        licenses=[{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                   "path": "https://creativecommons.org/licenses/by/4.0/"}])
    return approved(directory, tmp_path / name), name


def test_ckans_own_dcat_endpoint_shows_every_property(ckan_ext, tmp_path):
    """Published with every property, read back from CKAN's /dataset/NAME.ttl (ckanext-dcat)."""
    from rdflib import Graph, Literal, Namespace, URIRef
    from rdflib.namespace import DCAT, DCTERMS as DCT, FOAF, RDF, XSD

    VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
    SPDX = Namespace("http://spdx.org/rdf/terms#")
    SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
    SCHEMA = Namespace("http://schema.org/")
    EU = "http://publications.europa.eu/resource/authority/"
    url, key = ckan_ext
    package, name = _full_dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))
    response = requests.get(f"{url}/dataset/{name}.ttl", timeout=30)
    assert response.status_code == 200, response.text[:500]
    g = Graph().parse(data=response.content.decode("utf-8"), format="turtle")  # Turtle is UTF-8
    ds = g.value(predicate=RDF.type, object=DCAT.Dataset)
    assert ds is not None, response.text
    one = lambda s, p: g.value(s, p)  # noqa: E731
    assert str(one(ds, DCT.title)) == "测试数据"
    assert str(one(ds, DCT.description)) == "示范市逐日气温观测"
    assert {str(k) for k in g.objects(ds, DCAT.keyword)} == {"气象", "气温"}
    assert str(one(one(ds, DCT.publisher), FOAF.name)) == "示范市气象局"
    assert set(g.objects(ds, DCAT.theme)) == {URIRef(EU + "data-theme/ENVI")}
    assert one(ds, DCT.accrualPeriodicity) == URIRef(EU + "frequency/DAILY")
    contact = one(ds, DCAT.contactPoint)
    assert str(one(contact, VCARD.fn)) == "数据开放办公室"
    assert str(one(contact, VCARD.hasEmail)) == "mailto:opendata@demo-city.example"
    period = one(ds, DCT.temporal)
    assert str(one(period, DCAT.startDate) or one(period, SCHEMA.startDate)).startswith("2026-10-01")
    assert str(one(period, DCAT.endDate) or one(period, SCHEMA.endDate)).startswith("2026-10-31")
    assert str(one(one(ds, DCT.spatial), SKOS.prefLabel)) == "示范市"
    assert one(ds, DCT.accessRights) == URIRef(EU + "access-right/PUBLIC")
    assert str(one(ds, DCT.issued)).startswith("2026-01-05")
    assert str(one(ds, DCT.modified)).startswith("2026-11-20")  # the data's own date, not CKAN's record time
    shown = CkanCatalog(url, key).get(name)
    assert shown["license_id"] == "CC-BY-4.0"  # the shipped licence register is installed there
    distributions = list(g.objects(ds, DCAT.distribution))
    assert len(distributions) == 5
    for resource in shown["resources"]:
        dist = next(d for d in distributions if str(one(d, DCT.title)) == resource["name"])
        assert str(one(dist, DCAT.accessURL)) == resource["url"]
        content = requests.get(resource["url"], timeout=30).content  # the download URL gives the file
        assert one(dist, DCT.license) == URIRef(EU + "licence/CC_BY_4_0")
        assert str(one(dist, DCT["format"])) == resource["format"] and resource["format"] in ("CSV", "PARQUET", "JSON")
        assert str(one(dist, DCAT.mediaType)) == resource["mimetype"]
        assert one(dist, DCAT.byteSize).toPython() == len(content)
        checksum = one(dist, SPDX.checksum)
        assert one(checksum, SPDX.checksumValue) == Literal(hashlib.sha256(content).hexdigest(), datatype=XSD.hexBinary)
        assert one(checksum, SPDX.algorithm) == SPDX.checksumAlgorithm_sha256
        if resource["opendata_file"] == "data/data.csv":
            assert content == (package.basepath / "data" / "data.csv").read_bytes()
    catalog = Graph().parse(data=requests.get(f"{url}/catalog.ttl", timeout=30).content.decode("utf-8"),
                            format="turtle")
    assert (None, DCT.identifier, None) in catalog and any(
        str(t) == "测试数据" for t in catalog.objects(None, DCT.title))


def test_restricted_access_rights_reach_the_dcat_endpoint(ckan_ext, tmp_path):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCAT, DCTERMS as DCT, RDF

    url, key = ckan_ext
    package, name = _full_dataset(tmp_path, openness="restricted", grade="L2")
    od.publish(package, CkanCatalog(url, key))
    g = Graph().parse(data=requests.get(f"{url}/dataset/{name}.ttl", timeout=30).content.decode("utf-8"),
                      format="turtle")
    ds = g.value(predicate=RDF.type, object=DCAT.Dataset)
    assert g.value(ds, DCT.accessRights) == URIRef(
        "http://publications.europa.eu/resource/authority/access-right/RESTRICTED")
    files = {str(g.value(d, DCT.title)) for d in g.objects(ds, DCAT.distribution)}
    assert not any("(CSV)" in f or "(PARQUET)" in f for f in files if "数据字典" not in f)


# -- failure never takes data down ----------------------------------------------------------------------
class RefusingCkan(CkanCatalog):
    """The real backend; CKAN "refuses" its ``fail_at``-th call (a validation error naming a field)."""

    def __init__(self, *args, fail_at: int = 0, also_fail: tuple[str, ...] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.calls: list[str] = []
        self.fail_at = fail_at
        self.also_fail = also_fail  # actions refused every time after the first refusal
        self.failed = False

    def refuses(self, action: str, data: dict) -> bool:
        """Whether this call is the first one refused."""
        return len(self.calls) == self.fail_at

    def call(self, action, files=None, **data):
        self.calls.append(action)
        if self.failed and action in self.also_fail or not self.failed and self.refuses(action, data):
            self.failed = True
            raise CatalogError("ckan.validation", url=self.url, action=action, field="injected_field",
                               reason="injected_field: refused (injected)")
        return super().call(action, files=files, **data)


class RefusingTheSwitch(RefusingCkan):
    """Refuses the switch of an update (the package_patch that makes the dataset public with its new
    resources), and every package_patch after it — the undo's too. Picked by what the call does, not
    by its position: a re-upload of a resource whose download failed in between adds calls."""

    def refuses(self, action: str, data: dict) -> bool:
        return action == "package_patch" and data.get("private") is False and "resources" in data


def _state(url, key, name):
    """What the public and opendata see of a dataset: visibility, metadata, resources."""
    shown = CkanCatalog(url, key).get(name)
    from opendata.catalogs.ckan import MANAGED

    return {"private": shown["private"], "version": shown.get("version"), "notes": shown.get("notes"),
            "props": {k: extra(shown, k) for k in sorted(MANAGED)},
            "resources": sorted((r["id"], r.get("hash"), r.get("opendata_file")) for r in shown["resources"])}


def _last_record(name):
    return [r for r in od.audit.central().records() if r.get("dataset") == name][-1]


def test_a_refusal_at_any_step_of_an_update_leaves_the_public_dataset_as_it_was(ckan, tmp_path):
    url, key = ckan
    package, name = _full_dataset(tmp_path / "v1")
    od.publish(package, CkanCatalog(url, key))
    before = _state(url, key, name)
    csv = next(r for r in CkanCatalog(url, key).get(name)["resources"] if r["opendata_file"] == "data/data.csv")
    published_csv = requests.get(csv["url"], timeout=30).content
    source = package.basepath.parent / "src"
    (source / "data.csv").write_text("station,temp\nA1,12.5\nA2,14.0\n", encoding="utf-8")
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["description"] = "更新后的简介"
    descriptor["opendata"]["frequency"] = "weekly"
    (source / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    changed = approved(source, tmp_path / "v2")
    steps = 0
    for n in range(1, 60):
        catalog = RefusingCkan(url, key, fail_at=n)
        try:
            od.publish(changed, catalog)
        except CatalogError as exc:
            steps = n
            assert "injected_field" in exc.render("en"), exc.render("en")  # the error names the field
            assert _state(url, key, name) == before, f"refused at call {n} ({catalog.calls[-1]})"
            assert name in _anonymous_names(url)
            assert requests.get(csv["url"], timeout=30).content == published_csv
            record = _last_record(name)
            assert record["action"] == "publish_failed" and record["field"] == "injected_field"
            continue
        break  # no refusal left to inject: the publish went through
    assert steps >= 8  # metadata, visibility, each upload, the switch: every step was refused once
    after = CkanCatalog(url, key).get(name)
    assert not after["private"] and after["notes"] == "更新后的简介" and extra(after, "opendata_frequency") == "weekly"
    csv = next(r for r in after["resources"] if r["opendata_file"] == "data/data.csv")
    assert requests.get(csv["url"], timeout=30).content == (changed.basepath / "data" / "data.csv").read_bytes()
    assert len(after["resources"]) == 5


def test_when_taking_back_fails_too_the_error_says_so_and_the_next_run_completes_the_update(ckan, tmp_path):
    url, key = ckan
    package, name = _full_dataset(tmp_path / "v1")
    od.publish(package, CkanCatalog(url, key))
    source = package.basepath.parent / "src"
    (source / "data.csv").write_text("station,temp\nA1,12.5\nA2,15.0\n", encoding="utf-8")
    changed = approved(source, tmp_path / "v2")
    od.publish(changed, CkanCatalog(url, key))
    (source / "data.csv").write_text("station,temp\nA1,12.5\nA2,16.0\n", encoding="utf-8")
    again = approved(source, tmp_path / "v3")
    refusing = RefusingTheSwitch(url, key, also_fail=("package_patch",))
    with pytest.raises(CatalogError) as info:
        od.publish(again, refusing)
    assert refusing.failed and refusing.calls.count("package_patch") >= 3  # metadata, private, the switch; undo
    assert info.value.code == "ckan.update_undo_failed" and "publish again" in info.value.render("en")
    assert _last_record(name)["undone"] == "no"
    assert od.publish(again, CkanCatalog(url, key)).status == "published"
    shown = CkanCatalog(url, key).get(name)
    csv = next(r for r in shown["resources"] if r["opendata_file"] == "data/data.csv")
    assert not shown["private"] and len(shown["resources"]) == 5
    assert requests.get(csv["url"], timeout=30).content == (again.basepath / "data" / "data.csv").read_bytes()


def test_a_refusal_at_any_step_of_a_create_publishes_nothing_and_the_next_run_completes_it(ckan, tmp_path):
    url, key = ckan
    package, name = _full_dataset(tmp_path)
    admin = CkanCatalog(url, key)
    steps = 0
    for n in range(1, 60):
        catalog = RefusingCkan(url, key, fail_at=n)
        try:
            od.publish(package, catalog)
        except CatalogError as exc:
            steps = n
            assert "injected_field" in exc.render("en")
            assert name not in _anonymous_names(url)  # nothing half-published in public
            assert _last_record(name)["action"] == "publish_failed"
            if catalog.calls[-1] == "resource_create" and catalog.calls.count("resource_create") == 2:
                assert od.publish(package, CkanCatalog(url, key)).status == "published"  # completes it
                shown = admin.get(name)
                assert not shown["private"] and len(shown["resources"]) == 5
            found = admin._show(name)
            if found is not None:  # start the next step from nothing again
                admin.call("dataset_purge", id=found["id"])
            continue
        break
    assert steps >= 8 and not admin.get(name)["private"]


def test_ckan_refusing_the_metadata_of_an_update_leaves_the_dataset_public_and_names_the_field(ckan, tmp_path):
    """A real refusal (CKAN limits a version to 100 characters): checked before visibility changes."""
    url, key = ckan
    package, name = _full_dataset(tmp_path / "v1")
    od.publish(package, CkanCatalog(url, key))
    before = _state(url, key, name)
    source = package.basepath.parent / "src"
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["version"] = "1." + "9" * 120
    (source / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (source / "data.csv").write_text("station,temp\nA1,12.5\nA2,14.0\n", encoding="utf-8")
    catalog = CountingCkan(url, key)
    with pytest.raises(CatalogError) as info:
        od.publish(approved(source, tmp_path / "v2"), catalog)
    assert "version" in info.value.render("en") and info.value.params["field"] == "version"
    assert catalog.uploads == 0  # refused before anything was uploaded or hidden
    assert _state(url, key, name) == before and name in _anonymous_names(url)
    record = _last_record(name)
    assert record["action"] == "publish_failed" and record["field"] == "version"


def test_republishing_repairs_a_resource_whose_file_was_lost(ckan, tmp_path):
    url, key = ckan
    if ckan.directory is None:
        pytest.skip("the CKAN was not started by this suite: its storage is not ours to damage")
    package, name = _dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))
    csv = next(r for r in CkanCatalog(url, key).get(name)["resources"] if r["opendata_file"] == "data/data.csv")
    rid = csv["id"]
    (ckan.directory / "storage" / "resources" / rid[:3] / rid[3:6] / rid[6:]).unlink()
    assert requests.get(csv["url"], timeout=30).status_code != 200
    catalog = CountingCkan(url, key)
    assert od.publish(package, catalog).status == "published" and catalog.uploads == 1
    csv = next(r for r in CkanCatalog(url, key).get(name)["resources"] if r["opendata_file"] == "data/data.csv")
    assert requests.get(csv["url"], timeout=30).content == (package.basepath / "data" / "data.csv").read_bytes()
    assert od.publish(package, CountingCkan(url, key)).status == "unchanged"


# -- ckanext-scheming: the shipped schema, installed as the README says ----------------------------------
def test_each_property_is_sent_once_as_a_field_where_the_schema_has_it(ckan, tmp_path):
    url, key = ckan
    package, name = _full_dataset(tmp_path)
    catalog = CkanCatalog(url, key)
    od.publish(package, catalog)
    shown = catalog.get(name)
    extras = {e["key"] for e in shown.get("extras", [])}
    schema = catalog.schema()
    if ckan.extended:
        assert schema is not None and {"opendata_subject", "frequency", "access_rights"} <= schema.dataset_fields
        assert shown["opendata_subject"] == "weather" and shown["opendata_grade"] == "L1"
        assert shown["frequency"] == "http://publications.europa.eu/resource/authority/frequency/DAILY"
        assert not extras & schema.dataset_fields  # never both
    else:
        assert schema is None and "opendata_subject" not in shown, shown
        assert {"opendata_subject", "opendata_grade", "frequency", "access_rights", "modified"} <= extras, extras
        # the default register: CKAN's nearest id, so a licence link shows
        assert shown["license_id"] == "cc-by" and shown.get("license_url"), shown


def test_the_select_fields_refuse_a_value_outside_the_taxonomy(ckan_ext):
    url, key = ckan_ext
    catalog = CkanCatalog(url, key)
    with pytest.raises(CatalogError) as info:
        catalog.call("package_create", name=f"bad-{uuid.uuid4().hex[:8]}", title="x", owner_org="demo-weather",
                     opendata_subject="not-a-subject", private=True)
    assert info.value.code == "ckan.validation" and info.value.params["field"] == "opendata_subject"
    assert catalog.schema().choices["opendata_publisher"] == [o for o in taxonomy.items("organizations")]


def test_ckan_dev_keeps_each_directorys_state_in_its_own_database(ckan):
    if ckan.directory is None:
        pytest.skip("the CKAN was not started by this suite")
    ini = (ckan.directory / "ckan.ini").read_text(encoding="utf-8")
    database = re.search(r"^sqlalchemy.url = postgresql://(\w+):\w+@127.0.0.1/(\w+)$", ini, re.M)
    digest = hashlib.sha256(str(ckan.directory.resolve()).encode()).hexdigest()[:12]
    assert database.group(1) == database.group(2) == f"ckan_dev_{digest}"
    assert (ckan.directory / "db.initialized").read_text().strip() == database.group(2)


def test_an_editor_of_the_organization_can_publish_what_the_readme_says(ckan, tmp_path):
    """The administrator's guide: organizations and groups made ahead of time by a sysadmin; the
    publishing user is an editor of the organization and a member of the groups; no sysadmin."""
    url, key = ckan
    admin = CkanCatalog(url, key)
    user = f"publisher{uuid.uuid4().hex[:8]}"
    admin.call("user_create", name=user, email=f"{user}@opendata.invalid", password=uuid.uuid4().hex)
    admin.call("organization_member_create", id="demo-weather", username=user, role="editor")
    admin.call("group_member_create", id="weather", username=user, role="member")
    token = admin.call("api_token_create", user=user, name="opendata")["token"]
    package, name = _full_dataset(tmp_path)
    catalog = CkanCatalog(url, token, create_organizations=False)
    assert od.publish(package, catalog).status == "published"
    shown = admin.get(name)
    assert not shown["private"] and [g["name"] for g in shown["groups"]] == ["weather"]
    assert od.publish(package, CkanCatalog(url, token, create_organizations=False)).status == "unchanged"
    od.retract(catalog, name, reason="test")  # making it private again needs no more rights
    assert admin.get(name)["private"]


def test_the_readme_gives_the_administrator_the_config_lines_the_extended_ckan_runs_with(ckan_ext):
    """The administrator's guide is what the tests run: each ckan.ini line of the README is in the
    configuration scripts/ckan-dev made for the scheming + dcat CKAN, and that CKAN serves the schema."""
    if ckan_ext.directory is None:
        pytest.skip("the CKAN was not started by this suite")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- ckan-admin-config:", 1)[1].split("```ini", 1)[1].split("```", 1)[0]
    lines = [line.strip().replace("/ABSOLUTE/PATH", str(ROOT)) for line in block.splitlines() if line.strip()]
    ini = {line.strip() for line in (ckan_ext.directory / "ckan.ini").read_text(encoding="utf-8").splitlines()}
    # The plugins line names the README's plugins among others (the extended CKAN runs the DataStore too).
    running = set(next(line for line in ini if line.startswith("ckan.plugins =")).split("=", 1)[1].split())
    assert len(lines) == 6 and set(lines[0].split("=", 1)[1].split()) <= running
    assert [line for line in lines[1:] if line not in ini] == []
    datastore = readme.split("<!-- ckan-datastore-config:", 1)[1].split("```ini", 1)[1].split("```", 1)[0]
    keys = {line.split("=", 1)[0].strip() for line in datastore.splitlines() if "=" in line}
    assert keys == {"ckan.datastore.write_url", "ckan.datastore.read_url", "ckan.views.default_views"}
    assert keys <= {line.split("=", 1)[0].strip() for line in ini if "=" in line}
    assert {"datastore", "datatables_view"} <= running and "datastore set-permissions" in readme
    schema_file = (ROOT / "catalog" / "ckan_dataset_schema.yaml").read_text(encoding="utf-8")
    assert f"#   {lines[1].replace(str(ROOT), '/ABSOLUTE/PATH')}" in schema_file  # the YAML's own comment agrees
    schema = CkanCatalog(*ckan_ext).schema()
    assert schema is not None and "opendata_openness" in schema.choices


def test_the_api_key_goes_to_no_other_site_than_the_ckan():
    """A resource URL pointing elsewhere (edited in CKAN, or a link) is fetched without the key."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    seen = []

    class Recorder(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            seen.append(self.headers.get("Authorization"))
            self.send_response(200)
            self.send_header("Content-Length", "3")
            self.end_headers()
            self.wfile.write(b"abc")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    elsewhere = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        catalog = CkanCatalog("http://127.0.0.1:9", "secret-key")
        assert catalog._downloadable({"url": f"{elsewhere}/file.csv"}, 3)
        same = CkanCatalog(elsewhere, "secret-key")
        assert same._downloadable({"url": f"{elsewhere}/file.csv"}, 3)
        assert not same._downloadable({"url": f"{elsewhere}/file.csv"}, 4)  # not the approved size
    finally:
        server.shutdown()
    assert seen == [None, "secret-key", "secret-key"]


# -- CKAN's own usage tracking (the extended CKAN runs CKAN 2.11's tracking plugin, the bare one not) --
def _ckan_dev(ckan: Ckan, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CKAN_DEV_DIR=str(ckan.directory))
    return subprocess.run([str(ROOT / "scripts" / "ckan-dev"), *args], capture_output=True, text=True, env=env,
                          timeout=600)


# What a browser sends with CKAN's tracking.js (one key per browser: CKAN hashes these headers and the IP).
_BROWSER = {"Accept-Language": "zh-CN,zh;q=0.9", "Accept-Encoding": "gzip"}


def _track(url: str, agent: str, target: str, kind: str) -> None:
    """CKAN's tracking.js: `$.ajax({url: site_root + '_tracking', type: 'POST', data: {url, type},
    timeout: 300})`, a form POST; CKAN records it in an after_request hook (and answers 405).

    Its hook reads the body to the end of the stream, which under `ckan run` (werkzeug's server,
    no length limit) comes only when the client closes: the script's 300 ms timeout does that in a
    browser; here the request is sent on a socket whose sending side is then shut."""
    import socket
    from urllib.parse import urlencode, urlsplit

    body = urlencode({"url": target, "type": kind})
    where = urlsplit(url)
    head = {"Host": where.netloc, "User-Agent": agent, **_BROWSER, "X-Requested-With": "XMLHttpRequest",
            "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8", "Content-Length": str(len(body)),
            "Connection": "close"}
    request = "POST /_tracking HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n" + body
    with socket.create_connection((where.hostname, where.port), timeout=30) as sock:
        sock.sendall(request.encode())
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert answer.split(b" ", 2)[1] == b"405", answer[:200]  # no view at /_tracking; the hook has run


def _sql(ckan: Ckan, query: str) -> list[str]:
    """The rows of ``query`` in the CKAN's own database (what CKAN keeps, to compare with opendata's)."""
    ini = (ckan.directory / "ckan.ini").read_text(encoding="utf-8")
    database = re.search(r"^sqlalchemy.url = (postgresql://\S+)$", ini, re.M).group(1)
    return subprocess.run(["psql", database, "-tAc", query], capture_output=True, text=True, timeout=60,
                          check=True).stdout.split()


def _user_keys(ckan: Ckan) -> set[str]:
    """The user keys CKAN stored for the raw events."""
    return set(_sql(ckan, "SELECT DISTINCT user_key FROM tracking_raw"))


def test_stats_reads_views_and_downloads_from_ckans_own_tracking(ckan_ext, tmp_path, run):
    """Browsers open a dataset page and click its CSV link as CKAN's JavaScript reports them; after
    `ckan tracking update` opendata stats gives CKAN's own figures per dataset and resource — and
    none of the browsers' keys, addresses or agents."""
    if ckan_ext.directory is None:
        pytest.skip("the CKAN was not started by this suite (ckan tracking update runs in its directory)")
    url, key = ckan_ext
    package, name = _dataset(tmp_path / "a")
    other_package, other = _dataset(tmp_path / "b")
    od.publish(package, CkanCatalog(url, key))
    od.publish(other_package, CkanCatalog(url, key))
    agents = [f"Mozilla/5.0 (X11; Linux x86_64) opendata-test/{uuid.uuid4().hex[:8]}" for _ in range(3)]
    links = []
    for agent in agents:  # three readers open the page; it carries the tracking script and the links it reports
        page = requests.get(f"{url}/dataset/{name}", headers={**_BROWSER, "User-Agent": agent}, timeout=30).text
        assert re.search(r'<script[^>]+src="[^"]*tracking[^"]*\.js', page), "no tracking script on the page"
        links = re.findall(r'<a\b[^>]*\bclass="[^"]*\bresource-url-analytics\b[^"]*"[^>]*\bhref="([^"]+)"', page)
        _track(url, agent, f"/dataset/{name}", "page")
    _track(url, agents[0], f"/dataset/{name}", "page")  # the same browser again the same day: once
    csv = next(r for r in CkanCatalog(url, key).get(name)["resources"] if r["opendata_file"] == "data/data.csv")
    assert csv["url"] in links  # the download link CKAN's script reports is the resource's URL
    for agent in agents[:2]:
        _track(url, agent, csv["url"], "resource")
    _track(url, agents[2], f"/dataset/{other}", "page")
    # A reader of the Chinese pages of a site whose default locale is another: CKAN records the view
    # but `tracking update` ties only /dataset/… and two-letter /xx/dataset/… paths to a dataset (the
    # README tells sites to make zh_Hans_CN their default locale).
    _track(url, f"{agents[2]} zh", f"/zh_Hans_CN/dataset/{name}", "page")

    before = run("--lang", "en", "stats", "--catalog", url, "--format", "json")
    assert before.code == 0, before.err
    figures = {d["name"]: d for d in json.loads(before.out)["datasets"]}
    assert figures[name]["views"] == 0  # raw events count only once CKAN has summed them

    updated = _ckan_dev(ckan_ext, "tracking-update")
    assert updated.returncode == 0, updated.stderr
    result = run("--lang", "en", "stats", "--catalog", url, "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    figures = {d["name"]: d for d in report["datasets"]}
    mine = figures[name]
    assert (mine["views"], mine["recent_views"], mine["downloads"], mine["recent_downloads"]) == (3, 3, 2, 2)
    assert {r["id"]: r["downloads"] for r in mine["resources"]} == \
        {r["id"]: 2 if r["id"] == csv["id"] else 0 for r in CkanCatalog(url, key).get(name)["resources"]}
    assert (figures[other]["views"], figures[other]["downloads"]) == (1, 0)
    assert mine["api_calls"] is None and report["total"]["api_calls"] is None  # CKAN does not count them
    assert report["total"]["views"] == sum(d["views"] for d in report["datasets"]) >= 4
    # The figures are CKAN's own, as its API shows them to anyone.
    shown = requests.get(f"{url}/api/3/action/package_show", params={"id": name}, timeout=30).json()["result"]
    assert shown["tracking_summary"] == {"total": mine["views"], "recent": mine["recent_views"]}

    text = run("--lang", "en", "stats", "--catalog", url)
    assert text.code == 0, text.err
    row = next(line for line in text.out.splitlines() if f"({name})" in line)
    assert re.findall(r"\d+", row.split(f"({name})", 1)[1]) == ["3", "2", "3", "2"]
    assert "ckan tracking update" in text.out and "user keys" in text.out
    keys = _user_keys(ckan_ext)
    expected = {hashlib.md5((a + "127.0.0.1" + _BROWSER["Accept-Language"] + _BROWSER["Accept-Encoding"]).encode())
                .hexdigest() for a in agents}
    assert expected <= keys  # CKAN keeps a key per browser ...
    for output in (result.out, text.out):  # ... opendata copies none of them, nor what they are made of
        assert not [k for k in keys if k in output] and "127.0.0.1" not in output.replace(url, "")
        assert not [a for a in agents if a in output] and "opendata-test/" not in output


def test_stats_of_a_ckan_without_tracking_is_a_finding_not_zeros(ckan, tmp_path, run):
    """The bare CKAN has no tracking plugin: opendata stats says so (naming the setting), prints no
    figures; scripts/ckan-dev tracking-update refuses it too."""
    if ckan.extended:
        pytest.skip("the extended CKAN tracks usage")
    url, key = ckan
    package, name = _dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))
    for fmt in ("text", "json"):
        result = run("--lang", "en", "stats", "--catalog", url, "--format", fmt)
        assert result.code != 0 and result.out == ""
        assert "does not track usage" in result.err and "tracking plugin" in result.err
        assert "Traceback" not in result.err
    zh = run("stats", "--catalog", url)
    assert zh.code == result.code and "未启用 CKAN 的访问统计" in zh.err
    if ckan.directory is not None:
        refused = _ckan_dev(ckan, "tracking-update")
        assert refused.returncode == 2 and "without the tracking plugin" in refused.stderr


def test_a_real_browser_opening_ckans_dataset_page_is_counted_as_a_view(ckan_ext, tmp_path, run):
    """Headless Chromium opens the dataset page under two user agents; CKAN's own tracking.js posts
    each view; after `ckan tracking update` opendata stats reports the two views."""
    import time

    from browser import chromium

    if ckan_ext.directory is None:
        pytest.skip("the CKAN was not started by this suite (ckan tracking update runs in its directory)")
    url, key = ckan_ext
    package, name = _dataset(tmp_path)
    od.publish(package, CkanCatalog(url, key))

    def raw_views() -> int:
        return int(_sql(ckan_ext, f"SELECT count(DISTINCT user_key) FROM tracking_raw WHERE url = '/dataset/{name}'")[0])

    with chromium() as driver:
        for n in range(2):
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd("Network.setUserAgentOverride",
                                   {"userAgent": f"Mozilla/5.0 opendata-browser-test/{uuid.uuid4().hex[:8]}"})
            driver.get(f"{url}/dataset/{name}")
            # The script posts on load and gives up after 300 ms; CKAN records it once the request ends.
            deadline = time.monotonic() + 30
            while raw_views() < n + 1 and time.monotonic() < deadline:
                time.sleep(0.3)
            assert raw_views() == n + 1, "CKAN recorded no view from the browser"
    assert _ckan_dev(ckan_ext, "tracking-update").returncode == 0
    result = run("--lang", "en", "stats", "--catalog", url, "--format", "json")
    assert result.code == 0, result.err
    views = {d["name"]: d for d in json.loads(result.out)["datasets"]}[name]
    assert (views["views"], views["recent_views"], views["downloads"]) == (2, 2, 0)


def test_a_restricted_dataset_on_ckan_shows_how_many_grants_it_has_had(ckan, tmp_path, monkeypatch):
    """受限开放 on application against a CKAN catalogue: each grant sets the dataset's count (the
    ``opendata_grants`` scheming field, or an extra on a bare CKAN), which the public sees; no
    applicant data goes to the CKAN; re-publishing keeps the count."""
    import datetime as dt

    import opendata.delivery as dl
    from conftest import REVIEWER
    from delivery_data import write_source

    url, key = ckan
    monkeypatch.setenv("OPENDATA_CKAN_API_KEY", key)
    name = f"ckan-grants-{uuid.uuid4().hex[:8]}"
    source = write_source(tmp_path / "source", count=40, name_=name)
    catalog = CkanCatalog(url, key)
    assert od.publish(approved(source, tmp_path / "approved"), catalog).status == "published"
    dl.create_recipient(tmp_path / "k")
    until = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    for n, who in enumerate(("甲研究院", "乙大学"), start=1):
        app = dl.apply(name, url, applicant=who, contact="secret.contact@example.org", identity="王申请",
                       purpose="研究", until=until, recipient_key=tmp_path / "k" / "recipient.pub",
                       fields=["case_id", "district"])
        granted = dl.grant(app, dl.review(app), reviewer=REVIEWER)
        public = requests.get(f"{url}/api/3/action/package_show", params={"id": name}, timeout=30).json()["result"]
        assert extra(public, "opendata_grants") == str(n)  # anonymous: what the public sees
        if ckan.config == "scheming+dcat":
            assert public["opendata_grants"] == str(n)  # the schema's own field, not an extra
    catalog.call("package_patch", id=catalog.get(name)["id"],
                 **catalog._set_props(catalog.get(name), {"opendata_grants": "0"}))  # an update that was lost
    dl.revoke(granted, reason="违反协议")
    assert extra(catalog.get(name), "opendata_grants") == "2"  # has had two; the revocation mended the count
    text = json.dumps(catalog.get(name), ensure_ascii=False)
    assert "secret.contact" not in text and "王申请" not in text and "甲研究院" not in text
    changed = write_source(tmp_path / "source2", count=41, name_=name)  # one row more: a new revision
    assert od.publish(approved(changed, tmp_path / "approved2"), catalog).status in ("published", "updated")
    assert extra(catalog.get(name), "opendata_grants") == "2"  # kept across re-publishing
