"""CkanCatalog: publish into a real CKAN through ckanapi, safely and repeatably.

- A new dataset is created **private**, its resources uploaded, and it is made public in a last
  step; an update of a public dataset also goes private first. A failure at any point leaves
  nothing half-published in public, and the next run completes it.
- Every resource carries the SHA-256 of its file (``hash``) and its path in the release
  (``opendata_file``): re-publishing unchanged data makes no uploads; changed files replace their
  resources; files no longer in the release are deleted; the revision counter is bumped.
- Transient failures (connection errors, timeouts, HTTP 5xx) are retried with backoff; permanent
  ones (403, CKAN validation errors) stop at once with CKAN's own message.
- opendata's properties travel as ``extras`` (any CKAN); on a CKAN running ckanext-scheming, each
  property the active schema has (``scheming_dataset_schema_show``) is sent as that field instead,
  never both (CKAN refuses an extra that shares a field's name). The DCAT properties go under the
  names ckanext-dcat reads (see metadata.py), so its ``/dataset/NAME.ttl`` shows them.
- Licence ids the site does not know (its register is not ``catalog/ckan_licenses.json``) are sent
  as the nearest CKAN default id.
- A publish on unchanged data still confirms that each resource downloads with the approved size,
  and uploads again those that do not (a lost upload is repaired, not reported "unchanged").
- Nothing here needs CKAN's search: it uses ``package_show`` and ``package_list``.
- Where the site runs CKAN's DataStore (``status_show`` lists ``datastore``), each table of a
  无条件开放 release is loaded into the DataStore of its CSV resource (:mod:`.ckan_datastore`)
  before the dataset is switched to the new resources; the replaced resources' tables are removed
  after the switch, and a retraction removes them all. The load is part of the publish: when it
  fails, the publish fails naming the step and is undone like any other (the public dataset and
  its DataStore stay as they were; a new dataset stays private), and the next publish loads it.
  A published table the DataStore does not hold exactly (rows, field types) makes an otherwise
  unchanged publish load it again.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import ckanapi
import requests

from .. import taxonomy
from ..errors import CatalogError
from ..release import Release
from . import ckan_datastore, licenses
from .base import PublishResult
from .metadata import DCAT_KEYS, SHA256, extra, merge_extras, resource_sha256

TRANSIENT = (requests.exceptions.ConnectionError, requests.exceptions.Timeout)
#: Properties that record the publishing itself (not the data's metadata).
MARKERS = ("opendata_revision", "opendata_release", "opendata_retracted_approvals", "opendata_retraction_reason",
           "opendata_grants")
#: Every property opendata manages on a dataset besides CKAN's core fields.
MANAGED = frozenset(DCAT_KEYS) | {
    "opendata_publisher", "opendata_subject", "opendata_frequency", "opendata_openness", "opendata_grade",
    "opendata_policy", "opendata_application", "opendata_spatial", "opendata_modified", "opendata_temporal",
    "opendata_contact", "opendata_approval", "opendata_approved", *MARKERS}


class SchemingSchema:
    """The dataset schema a CKAN with ckanext-scheming runs (``scheming_dataset_schema_show``)."""

    def __init__(self, schema: dict[str, Any]) -> None:
        self.raw = schema
        fields = schema.get("dataset_fields") or []
        self.dataset_fields = frozenset(f["field_name"] for f in fields)
        self.resource_fields = frozenset(f["field_name"] for f in schema.get("resource_fields") or [])
        self.choices = {f["field_name"]: [str(c["value"]) for c in f["choices"]]
                        for f in [*fields, *(schema.get("resource_fields") or [])] if f.get("choices")}
        self.required = frozenset(f["field_name"] for f in fields if f.get("required"))

    def check(self, name: str, props: dict[str, Any], resources: dict[str, dict[str, Any]], *, url: str) -> None:
        """Refuse, naming the field, what this schema would refuse — before anything is sent."""
        for field in sorted(self.required):
            if props.get(field) in (None, "", []):
                raise CatalogError("ckan.schema_refused", url=url, name=name, field=field, reason="required")
        for field, allowed in sorted(self.choices.items()):
            values = [props.get(field)] + [r.get(field) for r in resources.values()]
            for value in values:
                if value not in (None, "") and str(value) not in allowed:
                    raise CatalogError("ckan.schema_refused", url=url, name=name, field=field,
                                       reason="not one of its choices")


class CkanCatalog:
    """A CKAN site reached through its Action API."""

    def __init__(self, url: str, api_key: str | None = None, *, create_organizations: bool = True,
                 retries: int = 4, backoff: float = 0.5, timeout: float = 60,
                 session: requests.Session | None = None) -> None:
        self.url = url.rstrip("/")
        self.label = self.url
        self.create_organizations = create_organizations
        self.retries = retries
        self.backoff = backoff
        self._ckan = ckanapi.RemoteCKAN(self.url, apikey=api_key, user_agent="opendata/0.1",
                                        session=session)
        self._timeout = timeout
        self._api_key = api_key
        self._schema: SchemingSchema | None | bool = False  # False: not asked yet
        self._licenses: set[str] | None = None
        self._datastore: bool | None = None

    def has_datastore(self) -> bool:
        """Whether the site runs CKAN's DataStore (``status_show`` lists it; asked once)."""
        if self._datastore is None:
            self._datastore = "datastore" in (self.call("status_show").get("extensions") or [])
        return self._datastore

    def schema(self) -> SchemingSchema | None:
        """The site's scheming dataset schema, or ``None`` when it runs none (asked once)."""
        if self._schema is False:
            try:
                found = self.call("scheming_dataset_schema_show", type="dataset")
                self._schema = SchemingSchema(found) if isinstance(found, dict) else None
            except ckanapi.NotFound:
                self._schema = None
            except CatalogError as exc:
                # Only CKAN's "Action name not known" means no ckanext-scheming; any other failure
                # (unreachable, not authorised, refused) is said, not taken for a bare CKAN.
                if exc.code != "ckan.error" or "Action name not known" not in str(exc.params.get("reason")):
                    raise
                self._schema = None
        return self._schema  # type: ignore[return-value]

    def license_ids(self) -> set[str]:
        """The licence ids the site's register holds (``license_list``)."""
        if self._licenses is None:
            self._licenses = {entry["id"] for entry in self.call("license_list")}
        return self._licenses

    # -- calls ---------------------------------------------------------------------------------
    def call(self, action: str, files: dict | None = None, **data: Any) -> Any:
        """One Action API call, retried on transient failures; errors become CatalogError."""
        delay = self.backoff
        for attempt in range(self.retries + 1):
            try:
                if files:
                    for handle in files.values():
                        handle[1].seek(0)
                return self._ckan.call_action(action, data, files=files, requests_kwargs={"timeout": self._timeout})
            except ckanapi.NotFound:
                raise
            except ckanapi.NotAuthorized as exc:
                raise CatalogError("ckan.not_authorized", url=self.url, action=action,
                                   reason=_ckan_message(exc)) from None
            except ckanapi.ValidationError as exc:
                raise CatalogError("ckan.validation", url=self.url, action=action, field=_ckan_fields(exc),
                                   reason=_ckan_message(exc)) from None
            except TRANSIENT as exc:
                if attempt == self.retries:
                    raise CatalogError("ckan.unreachable", url=self.url, reason=type(exc).__name__) from None
            except ckanapi.CKANAPIError as exc:
                status = _status(exc)
                if status is None or status < 500 or attempt == self.retries:
                    raise CatalogError("ckan.error", url=self.url, action=action, reason=_ckan_message(exc)) from None
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def _show(self, name: str) -> dict[str, Any] | None:
        try:
            return self.call("package_show", id=name)
        except ckanapi.NotFound:
            return None

    # -- the catalogue protocol ------------------------------------------------------------------
    def staging_dir(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="opendata-ckan-"))

    def datasets(self) -> list[dict[str, Any]]:
        """Every public dataset (``package_list`` + ``package_show``)."""
        return [d for d in (self._show(n) for n in self.call("package_list")) if d]

    def get(self, name: str) -> dict[str, Any]:
        found = self._show(name)
        if found is None:
            raise CatalogError("catalog.unknown_dataset", name=name)
        return found

    def is_retracted(self, name: str, approval_id: str) -> bool:
        found = self._show(name)
        return bool(found) and approval_id in json.loads(extra(found, "opendata_retracted_approvals", "[]"))

    def store(self, release: Release, package_dict: dict[str, Any], *,
              on_upload: Callable[[str], None] | None = None) -> PublishResult:
        """Bring the CKAN dataset to exactly this release, never taking published data down.

        Everything that can be checked is checked before anything changes: the metadata against
        the site's scheming schema (when it runs one), then by CKAN itself — the new metadata is
        applied to the dataset as it stands (an update CKAN refuses changes nothing). Only then
        does a dataset whose files change go private; the new files are uploaded as new
        resources beside the old ones, and one last call makes the dataset public with exactly
        the new resources. A failure on the way undoes what this run did (new resources
        deleted, metadata and visibility put back), so a dataset that was public stays public
        and unchanged; a new dataset stays private until a publish completes it.
        """
        name = package_dict["name"]
        self._ensure_organization(package_dict)
        groups = self._ensure_groups(package_dict)
        existing = self._show(name)
        schema = self.schema()
        meta = self._metadata(package_dict, groups)
        tables = self._datastore_tables(release, package_dict)
        broken = self._broken(existing, release) if existing is not None and not existing.get("private") else set()

        if (existing is not None and not existing.get("private") and not broken and self._same(existing, release, meta)
                and not self._unloaded(existing, tables)):
            return PublishResult(name, "unchanged", f"{self.url}/dataset/{name}", release.release_id)

        retracted = extra(existing, "opendata_retracted_approvals", "[]") if existing else "[]"
        revision = int(extra(existing, "opendata_revision", "0") or 0) if existing else 0
        files_changed = existing is None or bool(broken) or self._files_changed(existing, release)
        revision += 1 if files_changed else 0
        markers = {**(self._markers(existing) if existing else {}), "opendata_revision": str(max(revision, 1)),
                   "opendata_release": release.release_id, "opendata_retracted_approvals": retracted}
        version = f"{package_dict.get('version') or '0'}-r{max(revision, 1)}"
        resources = self._resource_fields(release, package_dict)
        if schema is not None:
            props = {k: v for k, v in meta.items() if k != "extras"}
            props.update({e["key"]: e["value"] for e in meta["extras"]}, **markers)
            schema.check(name, props, resources, url=self.url)

        if existing is None:
            created = self.call("package_create", **self._fields(meta, markers, schema), version=version,
                                private=True)
            made = self._upload(created, release, resources, broken=set(), on_upload=on_upload, replace=False)
            self._load_datastore(created["id"], release, tables, created=made, loaded=[])
            self.call("package_patch", id=created["id"], private=False)
            return PublishResult(name, "published", f"{self.url}/dataset/{name}", release.release_id)

        undo = _Undo(self, existing, schema)
        final: list[dict[str, Any]] | None = None
        try:
            # The metadata first, on the dataset as it stands: CKAN validates it, and refuses it whole.
            self.call("package_patch", id=existing["id"], version=version,
                      **self._fields(meta, self._markers(existing), schema))
            undo.metadata_changed = True
            if files_changed:
                if not existing.get("private"):
                    self.call("package_patch", id=existing["id"], private=True)
                    undo.made_private = True
                current = self._show(name) or existing
                undo.created = self._upload(current, release, resources, broken=broken, on_upload=on_upload,
                                            replace=True, keep=undo.created)
            self._load_datastore(existing["id"], release, tables, created=undo.created, loaded=undo.loaded)
            final = self._final_resources(existing["id"], release, undo.created) if files_changed else None
            self.call("package_patch", id=existing["id"], private=False,
                      **self._fields({"extras": meta["extras"]}, markers, schema, only_extras=True),
                      **({"resources": final} if final is not None else {}))
        except Exception as exc:  # whatever stopped it, take back what this run did
            undo.run()
            if not isinstance(exc, CatalogError):
                raise
            key = "ckan.update_undone" if undo.complete else "ckan.update_undo_failed"
            raise CatalogError(key, url=self.url, name=name, action=exc.params.get("action", ""),
                               reason=exc.params.get("reason", exc.code), field=exc.params.get("field", "-"),
                               cause=exc.code, undone="yes" if undo.complete else "no") from None
        if final is not None:
            self._drop_replaced(existing, final)
        return PublishResult(name, "published", f"{self.url}/dataset/{name}", release.release_id)

    # -- the steps of store -------------------------------------------------------------------------
    def _datastore_tables(self, release: Release, package_dict: dict[str, Any]) -> list[ckan_datastore.Table]:
        """The tables this release puts into the site's DataStore: none unless the site runs it
        and the dataset is 无条件开放 (a 受限开放 release has no data files either)."""
        if extra(package_dict, "opendata_openness") != "unconditional" or not self.has_datastore():
            return []
        return ckan_datastore.tables(release, url=self.url, name=package_dict["name"])

    def _table_resource(self, dataset: dict[str, Any], release: Release, table: ckan_datastore.Table,
                        created: list[str]) -> dict[str, Any] | None:
        """The resource holding the table's approved CSV (the one made by this run, if any)."""
        sha = release.file(table.csv_path).sha256
        found = [r for r in dataset.get("resources", [])
                 if r.get("opendata_file") == table.csv_path and resource_sha256(r) == sha]
        return next((r for r in found if r["id"] in created), found[0] if found else None)

    def _unloaded(self, dataset: dict[str, Any], tables: list[ckan_datastore.Table]) -> bool:
        """Whether a table of the release is missing from the DataStore, or held incompletely."""
        by_path = {r.get("opendata_file"): r for r in dataset.get("resources", [])}
        for table in tables:
            res = by_path.get(table.csv_path)
            if res is None or not res.get("datastore_active") or not ckan_datastore.holds(self.call, res["id"], table):
                return True
        return False

    def _load_datastore(self, dataset_id: str, release: Release, tables: list[ckan_datastore.Table], *,
                        created: list[str], loaded: list[str]) -> None:
        """Load each table into the DataStore of its resource: always for a resource this run
        made, else when the DataStore does not hold it exactly (the ids loaded in place are
        appended to ``loaded``, for the undo)."""
        if not tables:
            return
        dataset = self.call("package_show", id=dataset_id)
        for table in tables:
            res = self._table_resource(dataset, release, table, created)
            if res is None:
                raise CatalogError("ckan.datastore_incomplete", url=self.url, name=dataset.get("name", dataset_id),
                                   resource=table.resource, action="resource_show", rows=table.rows)
            if res["id"] not in created:
                if res.get("datastore_active") and ckan_datastore.holds(self.call, res["id"], table):
                    continue
                loaded.append(res["id"])
            ckan_datastore.load(self.call, res["id"], release, table, url=self.url,
                                name=dataset.get("name", dataset_id))
            # CKAN's table preview (datatables_view, where the site enables it) is made for a
            # resource only once its DataStore table exists; an existing view is kept.
            self.call("resource_create_default_resource_views", resource={**res, "datastore_active": True},
                      create_datastore_views=True)

    def _drop_replaced(self, existing: dict[str, Any], final: list[dict[str, Any]]) -> None:
        """After the switch: remove the DataStore tables of the resources it replaced. Those
        resources are deleted, so their tables answer no one; a failure here leaves only an
        unreachable table behind and does not fail the publish."""
        kept = {r["id"] for r in final}
        for res in existing.get("resources", []):
            if res.get("datastore_active") and res["id"] not in kept:
                try:
                    ckan_datastore.drop(self.call, res["id"])
                except CatalogError:
                    pass

    def _resource_fields(self, release: Release, package_dict: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """Release path → the fields of its CKAN resource (without the file)."""
        described = {r["url"]: r for r in package_dict["resources"]}
        out = {}
        for file in release.files:
            info = described.get(file.path, {})
            fields = {"name": info.get("name", file.path), "description": info.get("description", ""),
                      "format": info.get("format", file.format.upper()), "mimetype": file.media_type,
                      "hash": file.sha256, "hash_algorithm": SHA256, "size": file.size, "opendata_file": file.path,
                      **{k: v for k, v in info.items() if k.startswith("opendata_") or k == "license"}}
            out[file.path] = fields
        return out

    def _upload(self, dataset: dict[str, Any], release: Release, resources: dict[str, dict[str, Any]], *,
                broken: set[str], on_upload: Callable[[str], None] | None, replace: bool,
                keep: list[str] | None = None) -> list[str]:
        """Upload each file the dataset does not hold yet (by SHA-256) as a new resource; returns
        the ids of the resources made (appended to ``keep`` as they are made, for the undo)."""
        made = keep if keep is not None else []
        current = {r.get("opendata_file"): r for r in dataset.get("resources", []) if r.get("opendata_file")}
        for path, fields in resources.items():
            old = current.get(path)
            if old is not None and resource_sha256(old) == fields["hash"] and path not in broken:
                continue
            with open(release.directory / path, "rb") as handle:
                if on_upload:
                    on_upload(path)
                new = self.call("resource_create", files={"upload": (Path(path).name, handle)},
                                package_id=dataset["id"], **fields)
            made.append(new["id"])
            if not replace and old is not None:  # a new dataset's earlier, cut-off run
                self.call("resource_delete", id=old["id"])
        return made

    def _final_resources(self, dataset_id: str, release: Release, created: list[str]) -> list[dict[str, Any]]:
        """The dataset's resources once the release is in: for each file the resource just
        uploaded, else the one already holding it (full dicts, as CKAN's package_update wants)."""
        dataset = self.call("package_show", id=dataset_id)
        by_path: dict[str, dict[str, Any]] = {}
        wanted = {f.path: f.sha256 for f in release.files}
        for res in dataset.get("resources", []):
            path = res.get("opendata_file")
            if path not in wanted or resource_sha256(res) != wanted[path]:
                continue
            if path not in by_path or res["id"] in created:
                by_path[path] = res
        return [by_path[f.path] for f in release.files if f.path in by_path]

    def _broken(self, existing: dict[str, Any], release: Release) -> set[str]:
        """Release paths whose published resource holds the right hash but cannot be downloaded
        with the approved size (a lost upload): they are uploaded again."""
        sizes = {f.path: f.size for f in release.files}
        out = set()
        for res in existing.get("resources", []):
            path = res.get("opendata_file")
            if path in sizes and not self._downloadable(res, sizes[path]):
                out.add(path)
        return out

    def _auth_for(self, url: str) -> dict[str, str]:
        """The API key goes only to this CKAN: a resource URL elsewhere (edited, or a link) is
        fetched without it."""
        same_site = url.startswith(self.url + "/")
        return {"Authorization": self._api_key} if self._api_key and same_site else {}

    def _downloadable(self, resource: dict[str, Any], size: int) -> bool:
        headers = self._auth_for(resource.get("url", ""))
        try:
            with requests.get(resource.get("url", ""), headers=headers, stream=True, timeout=self._timeout) as response:
                if response.status_code != 200:
                    return False
                length = response.headers.get("Content-Length")
                if length is not None:
                    return int(length) == size
                digest, count = hashlib.sha256(), 0
                for chunk in response.iter_content(1 << 16):
                    digest.update(chunk)
                    count += len(chunk)
                return count == size and (not resource_sha256(resource) or digest.hexdigest() == resource_sha256(resource))
        except (requests.RequestException, ValueError):
            return False

    def _markers(self, existing: dict[str, Any]) -> dict[str, str]:
        return {k: extra(existing, k) for k in MARKERS if extra(existing, k)}

    def _fields(self, meta: dict[str, Any], markers: dict[str, str], schema: "SchemingSchema | None" = None, *,
                only_extras: bool = False) -> dict[str, Any]:
        """``meta`` with ``markers`` added to its properties, each property sent once: as a field
        where the site's schema has one, else as an extra."""
        props = {e["key"]: e["value"] for e in meta.get("extras", [])}
        props.update(markers)
        out = {} if only_extras else {k: v for k, v in meta.items() if k != "extras"}
        if schema is None:
            out["extras"] = [{"key": k, "value": v} for k, v in sorted(props.items())]
            return out
        extras = []
        for key in sorted(set(props) | (MANAGED & schema.dataset_fields)):
            if key in schema.dataset_fields:
                out[key] = props.get(key)  # None clears a field this release no longer has
            else:
                extras.append({"key": key, "value": props[key]})
        out["extras"] = extras
        return out

    def retract(self, name: str, *, reason: str, purge: bool = False) -> None:
        """Make a dataset private (or purge it), remembering the approval it was published under."""
        found = self.get(name)
        if purge:
            self._drop_tables(found)  # first: once purged, no resource id reaches its tables
            self.call("dataset_purge", id=found["id"])
            return
        retracted = json.loads(extra(found, "opendata_retracted_approvals", "[]"))
        approval = extra(found, "opendata_approval")
        if approval and approval not in retracted:
            retracted.append(approval)
        self.call("package_patch", id=found["id"], private=True, **self._set_props(found, {
            "opendata_retracted_approvals": json.dumps(retracted), "opendata_retraction_reason": reason}))
        self._drop_tables(found)

    def set_grant_count(self, name: str, count: int) -> int:
        """Show that the restricted dataset ``name`` has had ``count`` grants (受限开放 on
        application; a count, never who): the ``opendata_grants`` field (or extra, without the
        schema). The department's audit log is the source of the count, so setting it is
        idempotent: two grants at once, or a lost update, cannot make it wrong for long."""
        found = self.get(name)
        if extra(found, "opendata_openness") != "restricted":
            raise CatalogError("catalog.not_restricted", name=name)
        if extra(found, "opendata_grants") != str(count):
            self.call("package_patch", id=found["id"], **self._set_props(found, {"opendata_grants": str(count)}))
        return count

    def _drop_tables(self, dataset: dict[str, Any]) -> None:
        """Remove every DataStore table of the dataset's resources (retraction)."""
        for res in dataset.get("resources", []):
            if res.get("datastore_active"):
                try:
                    ckan_datastore.drop(self.call, res["id"])
                except CatalogError as exc:
                    raise CatalogError("ckan.datastore_retract_failed", url=self.url, name=dataset["name"],
                                       reason=exc.params.get("reason", exc.code)) from None

    def download(self, resource: dict[str, Any], target: Path) -> None:
        """Download a resource file (the API key is sent, so private datasets work too)."""
        headers = self._auth_for(resource["url"])
        try:
            with requests.get(resource["url"], headers=headers, stream=True, timeout=self._timeout) as response:
                response.raise_for_status()
                with open(target, "wb") as handle:
                    shutil.copyfileobj(response.raw, handle)
        except requests.RequestException as exc:
            raise CatalogError("ckan.download", url=resource["url"], reason=type(exc).__name__) from None

    # -- helpers -----------------------------------------------------------------------------------
    def _metadata(self, package_dict: dict[str, Any], groups: list[dict[str, str]]) -> dict[str, Any]:
        keys = ("name", "title", "notes", "owner_org", "license_id", "url", "tags", "extras")
        meta = {k: package_dict[k] for k in keys if package_dict.get(k) not in (None, "")}
        meta["groups"] = groups
        if meta.get("license_id"):
            meta["license_id"] = licenses.ckan_id(meta["license_id"], self.license_ids())
        return meta

    def _set_props(self, found: dict[str, Any], updates: dict[str, str]) -> dict[str, Any]:
        """package_patch arguments setting ``updates``: as fields where the schema has them, the
        rest merged into the dataset's extras."""
        schema = self.schema()
        fields = {k: v for k, v in updates.items() if schema is not None and k in schema.dataset_fields}
        rest = {k: v for k, v in updates.items() if k not in fields}
        return {**fields, "extras": merge_extras(found.get("extras", []), rest)}

    def _files_changed(self, existing: dict[str, Any], release: Release) -> bool:
        have = {r.get("opendata_file"): resource_sha256(r) for r in existing.get("resources", [])}
        want = {f.path: f.sha256 for f in release.files}
        return have != want

    def _same(self, existing: dict[str, Any], release: Release, meta: dict[str, Any]) -> bool:
        if self._files_changed(existing, release):
            return False
        want = {e["key"]: e["value"] for e in meta.get("extras", [])}
        keys = (set(want) | {e["key"] for e in existing.get("extras", [])} | MANAGED) - set(MARKERS)
        have = {k: extra(existing, k) for k in keys}
        same_text = all((existing.get(k) or "") == (meta.get(k) or "") for k in ("title", "notes", "license_id", "url"))
        return have == {k: want.get(k, "") for k in keys} and same_text

    def _ensure_organization(self, package_dict: dict[str, Any]) -> None:
        org = package_dict.get("owner_org")
        if not org:
            raise CatalogError("ckan.no_organization", name=package_dict["name"])
        try:
            self.call("organization_show", id=org)
        except ckanapi.NotFound:
            if not self.create_organizations:
                raise CatalogError("ckan.unknown_organization", url=self.url, organization=org) from None
            entry = taxonomy.get("organizations", org) or {}
            self.call("organization_create", name=org, title=entry.get("zh", org),
                      description=entry.get("en", ""))

    def _ensure_groups(self, package_dict: dict[str, Any]) -> list[dict[str, str]]:
        groups = []
        for group in package_dict.get("groups") or []:
            try:
                self.call("group_show", id=group["name"])
            except ckanapi.NotFound:
                entry = taxonomy.get("subjects", group["name"]) or {}
                try:
                    self.call("group_create", name=group["name"], title=entry.get("zh", group["name"]),
                              description=entry.get("en", ""))
                except CatalogError:
                    continue  # no right to create groups: publish without it
            groups.append({"name": group["name"]})
        return groups


class _Undo:
    """What a failed update of an existing dataset did, and how to take it back."""

    def __init__(self, catalog: CkanCatalog, existing: dict[str, Any], schema: SchemingSchema | None) -> None:
        self.catalog = catalog
        self.existing = existing
        self.schema = schema
        self.metadata_changed = False
        self.made_private = False
        self.created: list[str] = []
        self.loaded: list[str] = []  # existing resources whose DataStore table this run (re)loaded
        self.complete = True

    def run(self) -> None:
        """Delete the resources this run made; put the metadata and visibility back. Each step is
        tried even if one before it failed; ``complete`` says whether all succeeded."""
        for resource_id in self.loaded:
            try:
                ckan_datastore.drop(self.catalog.call, resource_id)
            except CatalogError:
                self.complete = False
        for resource_id in self.created:  # CKAN removes a deleted resource's DataStore table
            self._try("resource_delete", id=resource_id)
        if not (self.metadata_changed or self.made_private):
            return
        old = self.existing
        restore: dict[str, Any] = {k: old.get(k) or "" for k in ("title", "notes", "license_id", "url", "version")}
        restore["tags"] = [{"name": t["name"]} for t in old.get("tags") or []]
        restore["groups"] = [{"name": g["name"]} for g in old.get("groups") or []]
        restore["extras"] = [{"key": e["key"], "value": e["value"]} for e in old.get("extras") or []]
        if self.schema is not None:
            for key in MANAGED & self.schema.dataset_fields:
                restore[key] = old.get(key)
        self._try("package_patch", id=old["id"], private=bool(old.get("private")), **restore)

    def _try(self, action: str, **data: Any) -> None:
        try:
            self.catalog.call(action, **data)
        except (CatalogError, ckanapi.NotFound):
            self.complete = False


def _ckan_fields(exc: Exception) -> str:
    """The fields a CKAN validation error names (``-`` when it names none)."""
    detail = exc.args[0] if exc.args else None
    if isinstance(detail, dict):
        names = [k for k in detail if k not in ("__type", "message")]
        return ", ".join(names) or "-"
    return "-"


def _status(exc: Exception) -> int | None:
    for arg in exc.args:
        if isinstance(arg, (list, tuple)) and len(arg) >= 2 and isinstance(arg[1], int):
            return arg[1]
        if isinstance(arg, str):
            import re

            found = re.search(r"\b([45]\d\d)\b", arg)
            if found:
                return int(found.group(1))
    return None


def _ckan_message(exc: Exception) -> str:
    """CKAN's own message, compact (validation errors are dicts of field → messages)."""
    detail = exc.args[0] if exc.args else exc
    if isinstance(detail, dict):
        detail = {k: v for k, v in detail.items() if k != "__type"}
        return "; ".join(f"{k}: {' '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in detail.items())
    return str(detail)[:300]
