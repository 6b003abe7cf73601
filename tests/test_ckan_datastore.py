"""Publishing into CKAN's DataStore, against a real CKAN with the DataStore (scripts/ckan-dev with
CKAN_DEV_EXTENSIONS=scheming,dcat,datastore: the extended configuration of tests/test_ckan.py)."""

from __future__ import annotations

import io
import json
import uuid

import ckanapi
from hypothesis import given, settings, strategies as st
import pandas as pd
import pytest
import requests

import opendata as od
from conftest import approved, make_package
from opendata.catalogs import ckan_datastore
from opendata.catalogs.ckan import CkanCatalog
from opendata.errors import CatalogError
from opendata.trust import audit
from test_ckan import _start, _started, ckan  # noqa: F401 (the fixture)

FIELDS = [
    {"name": "stop_id", "type": "integer", "title": "站点编号"},
    {"name": "stop_name", "title": "站点名称", "description": "站牌上的名称"},
    {"name": "lat", "type": "number", "title": "纬度"},
    {"name": "sheltered", "type": "boolean", "title": "有候车亭"},
    {"name": "opened", "type": "date", "title": "启用日期"},
    {"name": "checked", "type": "datetime", "title": "核查时间"},
    {"name": "remark", "title": "备注"},
]
TYPES = {"stop_id": "int8", "stop_name": "text", "lat": "numeric", "sheltered": "bool", "opened": "date",
         "checked": "timestamp", "remark": "text"}


def _rows(count: int, *, shift: int = 0) -> str:
    lines = ["stop_id,stop_name,lat,sheltered,opened,checked,remark"]
    for i in range(count):
        name = "=HYPERLINK(\"x\")" if i == 3 else f"示范路{i + shift}号"  # a formula cell: escaped as in the CSV
        remark = "" if i % 4 == 0 else f"备注{i}"
        quoted = name.replace('"', '""')
        lines.append(f"{1000 + i},\"{quoted}\",{30 + i / 1000 + shift:.4f},{'true' if i % 2 else 'false'},"
                     f"2026-0{1 + i % 9}-1{i % 10},2026-11-2{i % 10}T0{i % 10}:15:00,{remark}")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="session")
def ckan_ds():
    """The extended CKAN, which runs the DataStore."""
    if "scheming+dcat" not in _started:
        _started["scheming+dcat"] = _start("scheming+dcat")
    server = _started["scheming+dcat"]
    if not CkanCatalog(*server).has_datastore():
        if server.directory is None:
            pytest.skip("the CKAN at OPENDATA_CKAN_EXT_URL runs no DataStore")
        pytest.fail("scripts/ckan-dev started the extended CKAN without the DataStore")
    return server


class Recording(CkanCatalog):
    """The real backend, recording its DataStore calls (and optionally failing one)."""

    def __init__(self, *args, fail: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions: list[str] = []
        self.fail = fail

    def call(self, action, files=None, **data):
        if action.startswith("datastore_"):
            self.actions.append(action)
            if action == self.fail:
                raise CatalogError("ckan.validation", url=self.url, action=action, field="records",
                                   reason="injected failure")
        return super().call(action, files=files, **data)


def _dataset(tmp_path, text, *, openness="unconditional", grade="L1", fields=FIELDS):
    name = f"ckan-ds-{uuid.uuid4().hex[:10]}"
    directory = make_package(tmp_path / "src", fields, text, name=name, grade=None, version="1.0",
                             schema_extra={"primaryKey": "stop_id"},
                             opendata={"publisher": "demo-transport", "subject": "transport", "frequency": "daily",
                                       "openness": openness, "grade": grade, "updated": "2026-11-20"})
    return approved(directory, tmp_path / name), name


def _csv_resource(catalog, name):
    return next(r for r in catalog.get(name)["resources"] if r.get("opendata_file") == "data/data.csv")


def _search_all(url, resource_id):
    """Every record, as the public reads them (anonymous ckanapi), paged."""
    public = ckanapi.RemoteCKAN(url)
    out, offset = [], 0
    while True:
        page = public.action.datastore_search(resource_id=resource_id, limit=7, offset=offset, sort="stop_id")
        out += page["records"]
        offset += 7
        if offset >= page["total"]:
            return page, out


def _frame(source):
    frame = pd.read_csv(source, encoding="utf-8-sig", keep_default_na=False, na_values=[""],
                        dtype={"stop_name": str, "remark": str})
    return frame.sort_values("stop_id").reset_index(drop=True)


def _approved_frame(package):
    """The approved CSV as pandas reads it, with the published CSV's formula escaping (one ' in
    front of a cell that starts with =, +, -, @: the only difference the release makes)."""
    frame = _frame(package.basepath / "data" / "data.csv")
    for column in ("stop_name", "remark"):
        frame[column] = [v if pd.isna(v) or not v.startswith(("=", "+", "-", "@")) else "'" + v for v in frame[column]]
    return frame


def _published_frame(catalog, name):
    """The CSV resource as the public downloads it from CKAN."""
    return _frame(io.BytesIO(requests.get(_csv_resource(catalog, name)["url"], timeout=30).content))


def _assert_same_rows(frame, records):
    got = pd.DataFrame(records).drop(columns="_id")[list(frame.columns)]
    assert len(got) == len(frame)
    assert got["stop_id"].tolist() == frame["stop_id"].tolist()
    assert got["stop_name"].tolist() == frame["stop_name"].tolist()
    assert [None if pd.isna(v) else v for v in frame["remark"]] == [r["remark"] for r in records]
    assert pd.to_numeric(got["lat"]).round(6).tolist() == frame["lat"].round(6).tolist()
    assert got["sheltered"].tolist() == frame["sheltered"].tolist()
    assert pd.to_datetime(got["opened"]).dt.date.tolist() == pd.to_datetime(frame["opened"]).dt.date.tolist()
    assert pd.to_datetime(got["checked"]).tolist() == pd.to_datetime(frame["checked"]).tolist()


def test_publish_loads_the_approved_table_typed_and_batched(ckan_ds, tmp_path, monkeypatch):
    url, key = ckan_ds
    monkeypatch.setattr(ckan_datastore, "BATCH_ROWS", 10)  # 25 rows: three datastore_upsert calls
    package, name = _dataset(tmp_path, _rows(25))
    catalog = Recording(url, key)
    assert od.publish(package, catalog).status == "published"
    assert catalog.actions.count("datastore_upsert") == 3 and catalog.actions.count("datastore_create") == 1
    shown = catalog.get(name)
    active = {r["opendata_file"] for r in shown["resources"] if r.get("datastore_active")}
    assert active == {"data/data.csv"}  # one table, on the CSV resource (CKAN previews it)
    page, records = _search_all(url, _csv_resource(catalog, name)["id"])
    frame = _approved_frame(package)
    assert page["total"] == len(frame) == 25
    assert {f["id"]: f["type"] for f in page["fields"] if f["id"] != "_id"} == TYPES
    _assert_same_rows(frame, records)
    _assert_same_rows(_published_frame(catalog, name), records)  # the DataStore agrees with the CSV resource
    assert records[3]["stop_name"] == "'=HYPERLINK(\"x\")"  # the CSV's formula escaping, in the DataStore too
    views = ckanapi.RemoteCKAN(url).action.resource_view_list(id=_csv_resource(catalog, name)["id"])
    assert [v["view_type"] for v in views] == ["datatables_view"]  # CKAN's own table preview
    info = ckanapi.RemoteCKAN(url).action.datastore_info(id=_csv_resource(catalog, name)["id"])
    labels = {f["id"]: f.get("info", {}).get("label") for f in info["fields"]}
    assert labels["stop_id"] == "站点编号"  # the Table Schema's titles make CKAN's data dictionary
    with pytest.raises(CatalogError, match="duplicate key"):  # the schema's primary key holds in the DataStore
        CkanCatalog(url, key).call("datastore_upsert", resource_id=_csv_resource(catalog, name)["id"], force=True,
                                   method="insert", records=[{"stop_id": 1000}])


def test_unchanged_republish_makes_no_datastore_load_and_a_lost_table_is_loaded_again(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path, _rows(12))
    od.publish(package, CkanCatalog(url, key))
    again = Recording(url, key)
    assert od.publish(package, again).status == "unchanged"
    assert "datastore_create" not in again.actions and "datastore_upsert" not in again.actions
    resource = _csv_resource(again, name)
    CkanCatalog(url, key).call("datastore_delete", resource_id=resource["id"], force=True)  # lost
    repair = Recording(url, key)
    assert od.publish(package, repair).status == "published"
    assert repair.actions.count("datastore_create") == 1
    page, records = _search_all(url, resource["id"])
    assert page["total"] == 12
    _assert_same_rows(_approved_frame(package), records)


def test_republishing_changed_data_replaces_the_table_and_removes_the_old_one(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path / "v1", _rows(12))
    catalog = CkanCatalog(url, key)
    od.publish(package, catalog)
    old = _csv_resource(catalog, name)["id"]
    source = package.basepath.parent / "src"
    (source / "data.csv").write_text(_rows(9, shift=1), encoding="utf-8")
    changed = approved(source, tmp_path / "v2")
    assert od.publish(changed, CkanCatalog(url, key)).status == "published"
    new = _csv_resource(catalog, name)["id"]
    assert new != old
    page, records = _search_all(url, new)
    assert page["total"] == 9
    _assert_same_rows(_approved_frame(changed), records)
    with pytest.raises(ckanapi.NotFound):
        catalog.call("datastore_search", resource_id=old)


def test_a_failed_load_leaves_the_public_dataset_and_its_table_as_they_were(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path / "v1", _rows(12))
    catalog = CkanCatalog(url, key)
    od.publish(package, catalog)
    before = catalog.get(name)
    source = package.basepath.parent / "src"
    (source / "data.csv").write_text(_rows(9, shift=1), encoding="utf-8")
    changed = approved(source, tmp_path / "v2")
    with pytest.raises(CatalogError) as info:
        od.publish(changed, Recording(url, key, fail="datastore_upsert"))
    assert info.value.code == "ckan.update_undone" and info.value.params["action"] == "datastore_upsert"
    assert "datastore_upsert" in info.value.render("en")
    record = [r for r in audit.central().records() if r.get("dataset") == name][-1]
    assert record["action"] == "publish_failed" and record["ckan_action"] == "datastore_upsert"
    after = catalog.get(name)
    assert after["private"] is False
    assert [r["id"] for r in after["resources"]] == [r["id"] for r in before["resources"]]
    page, records = _search_all(url, _csv_resource(catalog, name)["id"])
    assert page["total"] == 12  # the old table still answers the public
    _assert_same_rows(_approved_frame(package), records)
    assert len(catalog.call("package_show", id=name)["resources"]) == 5  # the new resources taken back
    assert od.publish(changed, CkanCatalog(url, key)).status == "published"  # the next run completes it
    assert _search_all(url, _csv_resource(catalog, name)["id"])[0]["total"] == 9


def test_a_failed_load_of_a_new_dataset_publishes_nothing_and_the_next_run_completes_it(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path, _rows(12))
    with pytest.raises(CatalogError) as info:
        od.publish(package, Recording(url, key, fail="datastore_upsert"))
    assert info.value.params["action"] == "datastore_upsert"
    catalog = CkanCatalog(url, key)
    assert catalog.get(name)["private"] is True
    with pytest.raises(ckanapi.NotAuthorized):  # nothing public, DataStore included
        ckanapi.RemoteCKAN(url).action.datastore_search(resource_id=_csv_resource(catalog, name)["id"])
    assert od.publish(package, catalog).status == "published"
    page, records = _search_all(url, _csv_resource(catalog, name)["id"])
    assert page["total"] == 12
    _assert_same_rows(_approved_frame(package), records)


def test_retract_removes_the_table(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path, _rows(12))
    catalog = CkanCatalog(url, key)
    od.publish(package, catalog)
    resource = _csv_resource(catalog, name)["id"]
    od.retract(catalog, name, reason="wrong figures")
    assert catalog.get(name)["private"] is True
    assert not _csv_resource(catalog, name).get("datastore_active")
    with pytest.raises(ckanapi.NotFound):
        catalog.call("datastore_search", resource_id=resource)


def test_restricted_datasets_are_never_loaded(ckan_ds, tmp_path):
    url, key = ckan_ds
    package, name = _dataset(tmp_path, _rows(12), openness="restricted", grade="L2")
    catalog = Recording(url, key)
    assert od.publish(package, catalog).status == "published"
    assert catalog.actions == []
    assert not any(r.get("datastore_active") for r in catalog.get(name)["resources"])


def test_a_field_the_datastore_cannot_hold_is_refused_before_anything_is_sent(ckan_ds, tmp_path):
    url, key = ckan_ds
    fields = [*FIELDS[:-1], {"name": "_remark"}]
    package, name = _dataset(tmp_path, _rows(3).replace(",remark\n", ",_remark\n", 1), fields=fields)
    with pytest.raises(CatalogError) as info:
        od.publish(package, CkanCatalog(url, key))
    assert info.value.code == "ckan.datastore_field" and info.value.params["field"] == "_remark"
    with pytest.raises(CatalogError):
        CkanCatalog(url, key).get(name)  # no dataset was created


def test_a_ckan_without_the_datastore_gets_none(ckan, tmp_path):
    """The bare configuration (and the extended one, which has it): loaded exactly where it runs."""
    url, key = ckan
    package, name = _dataset(tmp_path, _rows(5))
    catalog = Recording(url, key)
    od.publish(package, catalog)
    loaded = any(r.get("datastore_active") for r in catalog.get(name)["resources"])
    assert loaded == catalog.has_datastore() and (catalog.actions != []) == catalog.has_datastore()


def test_field_names_the_datastore_refuses():
    assert ckan_datastore.field_name_problem("站点编号") == ""
    for bad in ("_id", "a\"b", " x", "", "名" * 22):
        assert ckan_datastore.field_name_problem(bad), bad


def test_records_carry_the_csv_escaping_and_json_values():
    import pyarrow as pa

    batch = pa.record_batch({"a": pa.array(["=1+1", "-5", None]), "b": pa.array([1.5, float("nan"), None])})
    fields = [{"id": "a", "type": "text"}, {"id": "b", "type": "numeric"}]
    assert ckan_datastore.records(batch, fields) == [{"a": "'=1+1", "b": 1.5}, {"a": "-5", "b": None},
                                                     {"a": None, "b": None}]


def test_ckan_dev_gives_the_datastore_its_own_database_and_read_only_user(ckan_ds):
    """Named after the directory like the main database; CKAN checks at start that the read URL's
    user cannot write (it refuses to start otherwise), so a running CKAN proves the permissions."""
    import hashlib
    import re

    if ckan_ds.directory is None:
        pytest.skip("the CKAN was not started by this suite")
    ini = (ckan_ds.directory / "ckan.ini").read_text(encoding="utf-8")
    db = "ckan_dev_" + hashlib.sha256(str(ckan_ds.directory.resolve()).encode()).hexdigest()[:12]
    write = re.search(r"^ckan.datastore.write_url = postgresql://(\w+):\w+@127.0.0.1/(\w+)$", ini, re.M)
    read = re.search(r"^ckan.datastore.read_url = postgresql://(\w+):\w+@127.0.0.1/(\w+)$", ini, re.M)
    assert write.groups() == (db, f"{db}_ds") and read.groups() == (f"{db}_ro", f"{db}_ds")
    assert (ckan_ds.directory / "datastore.initialized").read_text().strip() == f"{db}_ds"


_TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=("Cs",)), max_size=12)


@given(st.lists(st.one_of(st.none(), _TEXT), min_size=1, max_size=30))
@settings(max_examples=200, deadline=None)
def test_a_text_cell_goes_into_the_datastore_as_the_published_csv_holds_it(cells):
    """For any text, the DataStore record equals the cell of the CSV the release writes (its own
    writer, read back with Python's csv module): one form of every value, whichever a user reads."""
    import csv as csv_module

    import pyarrow as pa

    from opendata.formulas import escape_batch
    from opendata.release import csv_rows

    raw = pa.record_batch({"a": pa.array(["" if c is None else c for c in cells], pa.string())})
    written = csv_rows(escape_batch(raw)[0], ["a"]).to_pybytes().decode("utf-8")
    from_csv = [row[0] if row else "" for row in csv_module.reader(io.StringIO(written, newline=""))]
    parquet = pa.record_batch({"a": pa.array([None if c in (None, "") else c for c in cells], pa.string())})
    stored = [r["a"] for r in ckan_datastore.records(parquet, [{"id": "a", "type": "text"}])]
    assert [("" if v is None else v) for v in stored] == from_csv


def test_a_dataset_regraded_to_restricted_loses_its_table(ckan_ds, tmp_path):
    """受限开放 after 无条件开放: the data resources go, and with them their DataStore table."""
    url, key = ckan_ds
    package, name = _dataset(tmp_path / "v1", _rows(6))
    catalog = Recording(url, key)
    od.publish(package, catalog)
    old = _csv_resource(catalog, name)["id"]
    source = package.basepath.parent / "src"
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["opendata"].update(openness="restricted", grade="L2")
    (source / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    catalog.actions.clear()
    assert od.publish(approved(source, tmp_path / "v2"), catalog).status == "published"
    assert catalog.actions == ["datastore_delete"]  # the replaced CSV resource's table, after the switch
    assert not any(r.get("datastore_active") for r in catalog.get(name)["resources"])
    with pytest.raises(ckanapi.NotFound):
        catalog.call("datastore_search", resource_id=old)
