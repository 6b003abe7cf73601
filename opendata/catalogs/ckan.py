"""CkanCatalog: publish into a real CKAN through ckanapi, safely and repeatably.

- A new dataset is created **private**, its resources uploaded, and it is made public in a last
  step; an update of a public dataset also goes private first. A failure at any point leaves
  nothing half-published in public, and the next run completes it.
- Every resource carries the SHA-256 of its file (``hash``) and its path in the release
  (``opendata_file``): re-publishing unchanged data makes no uploads; changed files replace their
  resources; files no longer in the release are deleted; the revision counter is bumped.
- Transient failures (connection errors, timeouts, HTTP 5xx) are retried with backoff; permanent
  ones (403, CKAN validation errors) stop at once with CKAN's own message.
- opendata's properties travel as ``extras`` (any CKAN) — with ckanext-scheming and the schema in
  ``catalog/ckan_dataset_schema.yaml`` installed they show as proper fields.
- Nothing here needs CKAN's search: it uses ``package_show`` and ``package_list``.
"""

from __future__ import annotations

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
from .base import PublishResult
from .metadata import extra, merge_extras

TRANSIENT = (requests.exceptions.ConnectionError, requests.exceptions.Timeout)


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
                raise CatalogError("ckan.validation", url=self.url, action=action,
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
        """Bring the CKAN dataset to exactly this release (private until complete)."""
        name = package_dict["name"]
        self._ensure_organization(package_dict)
        groups = self._ensure_groups(package_dict)
        existing = self._show(name)
        wanted = {f.path: f for f in release.files}
        meta = self._metadata(package_dict, groups)

        if existing is not None and not existing.get("private") and self._same(existing, release, meta):
            return PublishResult(name, "unchanged", f"{self.url}/dataset/{name}", release.release_id)

        retracted = extra(existing, "opendata_retracted_approvals", "[]") if existing else "[]"
        revision = int(extra(existing, "opendata_revision", "0") or 0) if existing else 0
        files_changed = existing is None or self._files_changed(existing, release)
        revision += 1 if files_changed else 0
        meta["extras"] = merge_extras(meta["extras"], {"opendata_revision": str(max(revision, 1)),
                                                        "opendata_release": release.release_id,
                                                        "opendata_retracted_approvals": retracted})
        meta["version"] = f"{package_dict.get('version') or '0'}-r{max(revision, 1)}"
        if existing is None:
            dataset = self.call("package_create", **meta, private=True)
        else:
            dataset = self.call("package_patch", id=existing["id"], private=True)
        current = {r.get("opendata_file"): r for r in dataset.get("resources", []) if r.get("opendata_file")}
        described = {r["url"]: r for r in package_dict["resources"]}
        for path, file in wanted.items():
            info = described.get(path, {})
            fields = {"name": info.get("name", path), "description": info.get("description", ""),
                      "format": info.get("format", file.format.upper()), "mimetype": file.media_type,
                      "hash": f"sha256:{file.sha256}", "size": file.size, "opendata_file": path,
                      **{k: v for k, v in info.items() if k.startswith("opendata_")}}
            old = current.get(path)
            if old is not None and old.get("hash") == fields["hash"]:
                continue
            with open(release.directory / path, "rb") as handle:
                upload = {"upload": (Path(path).name, handle)}
                if on_upload:
                    on_upload(path)
                if old is None:
                    self.call("resource_create", files=upload, package_id=dataset["id"], **fields)
                else:
                    self.call("resource_update", files=upload, id=old["id"], **fields)
        for path, old in current.items():
            if path not in wanted:
                self.call("resource_delete", id=old["id"])
        self.call("package_patch", id=dataset["id"], private=False, **{k: v for k, v in meta.items() if k != "name"})
        return PublishResult(name, "published", f"{self.url}/dataset/{name}", release.release_id)

    def retract(self, name: str, *, reason: str, purge: bool = False) -> None:
        """Make a dataset private (or purge it), remembering the approval it was published under."""
        found = self.get(name)
        if purge:
            self.call("dataset_purge", id=found["id"])
            return
        retracted = json.loads(extra(found, "opendata_retracted_approvals", "[]"))
        approval = extra(found, "opendata_approval")
        if approval and approval not in retracted:
            retracted.append(approval)
        extras = merge_extras(found.get("extras", []), {
            "opendata_retracted_approvals": json.dumps(retracted), "opendata_retraction_reason": reason})
        self.call("package_patch", id=found["id"], private=True, extras=extras)

    def download(self, resource: dict[str, Any], target: Path) -> None:
        """Download a resource file (the API key is sent, so private datasets work too)."""
        headers = {"Authorization": self._api_key} if self._api_key else {}
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
        return meta

    def _files_changed(self, existing: dict[str, Any], release: Release) -> bool:
        have = {r.get("opendata_file"): r.get("hash") for r in existing.get("resources", [])}
        want = {f.path: f"sha256:{f.sha256}" for f in release.files}
        return have != want

    def _same(self, existing: dict[str, Any], release: Release, meta: dict[str, Any]) -> bool:
        if self._files_changed(existing, release):
            return False
        keep = {"opendata_revision", "opendata_release", "opendata_retracted_approvals", "opendata_retraction_reason"}
        have = {e["key"]: e["value"] for e in existing.get("extras", []) if e["key"] not in keep}
        want = {e["key"]: e["value"] for e in meta.get("extras", [])}
        same_text = all((existing.get(k) or "") == (meta.get(k) or "") for k in ("title", "notes", "license_id", "url"))
        return have == want and same_text

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
