"""Package → CKAN package dict: the one mapping every catalogue backend publishes.

The local catalogue stores exactly this dict (so a local catalogue can later be pushed to CKAN);
the CKAN backend sends it. opendata's own properties travel as ``extras`` (``opendata_*`` keys),
which any CKAN accepts; a CKAN with the scheming schema in ``catalog/`` shows them as fields.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

from .. import taxonomy
from ..release import Release
from ..package import Package

TAG_PATTERN = re.compile(r"[^\w\s.-]", re.UNICODE)


def _tag(text: str) -> str:
    # CKAN tags: alphanumeric (Unicode letters allowed), spaces, -, _ and .; at most 100 chars.
    return TAG_PATTERN.sub("", str(text)).strip()[:100]


#: Ids of packages and resources are derived from names (UUID 5): the same across releases and
#: restarts, as a CKAN keeps its ids when a dataset is updated.
_NAMESPACE = uuid.UUID("6f1d0c52-9d0b-4f47-9b51-0d7e0c2a1f19")


def package_id(name: str) -> str:
    """The id of dataset ``name`` in the embedded catalogue's API."""
    return str(uuid.uuid5(_NAMESPACE, f"package/{name}"))


def resource_id(name: str, url: str) -> str:
    """The id of the resource at ``url`` (relative to the release) of dataset ``name``."""
    return str(uuid.uuid5(_NAMESPACE, f"resource/{name}/{url}"))


def _license_url(package: Package) -> str:
    licenses = package.descriptor.get("licenses") or []
    path = licenses[0].get("path", "") if licenses and isinstance(licenses[0], dict) else ""
    return path if isinstance(path, str) and path.startswith(("https://", "http://")) else ""


def _license(package: Package) -> tuple[str, str]:
    licenses = package.descriptor.get("licenses") or []
    if licenses and isinstance(licenses[0], dict):
        first = licenses[0]
        return first.get("name") or first.get("path") or "other-open", first.get("title") or first.get("name", "")
    return "notspecified", ""


def opendata_extras(package: Package, modified: str, report: Any = None) -> dict[str, str]:
    """opendata's properties as flat CKAN extras (strings)."""
    props = package.opendata
    extras = {
        "opendata_publisher": props.get("publisher", ""),
        "opendata_subject": props.get("subject", ""),
        "opendata_frequency": props.get("frequency", ""),
        "opendata_openness": report.openness if report is not None else props.get("openness", ""),
        "opendata_grade": report.grade if report is not None else props.get("grade", ""),
        "opendata_policy": (f"{report.classification.policy['id']} {report.classification.policy['version']} "
                            f"sha256:{report.classification.policy['sha256']}") if report is not None else "",
        "opendata_application": props.get("application", "") if report is not None and report.openness == "restricted" else "",
        "opendata_spatial": props.get("spatial", ""),
        "opendata_modified": modified,
    }
    if props.get("temporal"):
        extras["opendata_temporal"] = json.dumps(props["temporal"], ensure_ascii=False, sort_keys=True)
    if props.get("contact"):
        extras["opendata_contact"] = json.dumps(props["contact"], ensure_ascii=False, sort_keys=True)
    return {k: v for k, v in extras.items() if v}


def ckan_package(package: Package, release: Release, *, modified: str | None = None,
                 base_url: str = "", report: Any = None, approval: Any = None) -> dict[str, Any]:
    """The CKAN package dict of ``package`` as exported in ``release``.

    Resource URLs are ``base_url`` + the file's path in the release (relative when ``base_url``
    is empty, as in the local catalogue).
    """
    props = package.opendata
    modified = modified or props.get("updated") or dt.date.today().isoformat()
    license_id, license_title = _license(package)
    org_id = props.get("publisher", "")
    org = taxonomy.get("organizations", org_id) or {}
    resources = []
    for f in release.files:
        if f.kind == "data":
            res_desc = package.resource(f.resource).descriptor
            resources.append({
                "name": f"{res_desc.get('title') or f.resource} ({f.format.upper()})",
                "description": res_desc.get("description", ""),
                "url": base_url + f.path, "format": f.format.upper(), "mimetype": f.media_type,
                "hash": f"sha256:{f.sha256}", "size": f.size,
                "opendata_resource": f.resource, "opendata_rows": release.rows.get(f.resource, 0),
            })
        elif f.kind == "dictionary":
            resources.append({"name": f"数据字典 Data dictionary ({f.format.upper()})", "url": base_url + f.path,
                              "format": f.format.upper(), "mimetype": f.media_type, "hash": f"sha256:{f.sha256}",
                              "size": f.size})
        elif f.kind == "descriptor":
            resources.append({"name": "datapackage.json", "url": base_url + f.path, "format": "JSON",
                              "mimetype": f.media_type, "hash": f"sha256:{f.sha256}", "size": f.size})
    keywords = package.descriptor.get("keywords") or []
    return {
        "name": package.name,
        "title": package.title,
        "notes": package.descriptor.get("description", ""),
        "version": str(package.descriptor.get("version", "")),
        "owner_org": org_id,
        "organization": {"name": org_id, "title": org.get("zh", org_id)} if org_id else None,
        "license_id": license_id,
        "license_title": license_title,
        **({"license_url": _license_url(package)} if _license_url(package) else {}),
        "url": package.descriptor.get("homepage", ""),
        "tags": [{"name": t} for t in (_tag(k) for k in keywords) if len(t) >= 2],
        "groups": [{"name": props["subject"]}] if props.get("subject") else [],
        "extras": [{"key": k, "value": v} for k, v in sorted({
            **opendata_extras(package, modified, report),
            **({"opendata_approval": approval.id, "opendata_approved": approval.record["time"]} if approval else {}),
        }.items())],
        "resources": resources,
    }


def extra(pkg_dict: dict[str, Any], key: str, default: str = "") -> str:
    """An extra's value from a CKAN package dict."""
    for item in pkg_dict.get("extras") or []:
        if item.get("key") == key:
            return item.get("value", default)
    return default


def merge_extras(extras: list[dict[str, str]], updates: dict[str, str]) -> list[dict[str, str]]:
    """CKAN extras with ``updates`` applied (added or replaced), sorted by key."""
    merged = {e["key"]: e["value"] for e in extras}
    merged.update(updates)
    return [{"key": k, "value": v} for k, v in sorted(merged.items())]
