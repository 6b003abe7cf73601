"""Package → CKAN package dict: the one mapping every catalogue backend publishes.

The local catalogue stores exactly this dict (so a local catalogue can later be pushed to CKAN);
the CKAN backend sends it. opendata's own properties travel as ``extras`` (``opendata_*`` keys,
opendata's own ids); the DCAT properties travel under the names ckanext-dcat reads
(``frequency``, ``theme``, ``access_rights``, ``issued``, ``modified``, ``temporal_start``/``_end``,
``spatial_text``, ``contact_name``/``_email``; per resource ``hash``, ``hash_algorithm``,
``license``), with the values DCAT-AP wants (EU vocabulary IRIs, ISO dates, a hex SHA-256).
A CKAN with the scheming schema in ``catalog/`` takes both as real fields (see ckan.py).
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
from . import licenses

#: SPDX's IRI for SHA-256, the algorithm of every resource's ``hash``.
SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256"
#: The DCAT properties a dataset carries (ckanext-dcat's names), in the order they are documented.
DCAT_KEYS = ("frequency", "theme", "access_rights", "issued", "modified", "temporal_start", "temporal_end",
             "spatial_text", "spatial_bbox", "spatial_centroid", "contact_name", "contact_email")

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


def dcat_properties(package: Package, modified: str, report: Any = None) -> dict[str, str]:
    """The DCAT properties of ``package`` under ckanext-dcat's names, as strings (a list is JSON)."""
    props = package.opendata
    openness = report.openness if report is not None else props.get("openness", "")
    subject = taxonomy.get("subjects", props.get("subject")) or {}
    temporal = props.get("temporal") or {}
    contact = props.get("contact") or {}
    issued = props.get("issued") or str(package.descriptor.get("created") or "")[:10]
    values = {
        "frequency": (taxonomy.get("frequencies", props.get("frequency")) or {}).get("dcat", ""),
        "theme": json.dumps([subject["dcat"]]) if subject.get("dcat") else "",
        "access_rights": (taxonomy.get("openness", openness) or {}).get("dcat", ""),
        "issued": issued,
        "modified": modified,
        "temporal_start": str(temporal.get("start") or ""),
        "temporal_end": str(temporal.get("end") or ""),
        "spatial_text": props.get("spatial", ""),
        "spatial_bbox": props.get("spatial_bbox", ""),
        "spatial_centroid": props.get("spatial_centroid", ""),
        "contact_name": contact.get("name", ""),
        "contact_email": contact.get("email", ""),
    }
    return {k: v for k, v in values.items() if v}


def resource_sha256(resource: dict[str, Any]) -> str:
    """The SHA-256 a resource dict records: ``hash`` in hex with ``hash_algorithm`` SHA-256, or
    the older ``sha256:<hex>`` form; ``""`` when it records none."""
    value = str(resource.get("hash") or "")
    if value.startswith("sha256:"):
        return value.split(":", 1)[1]
    algorithm = str(resource.get("hash_algorithm") or "")
    if algorithm in (SHA256, "sha256", "SHA256", "SHA-256") and re.fullmatch(r"[0-9a-f]{64}", value):
        return value
    return ""


def ckan_package(package: Package, release: Release, *, modified: str | None = None,
                 base_url: str = "", report: Any = None, approval: Any = None) -> dict[str, Any]:
    """The CKAN package dict of ``package`` as exported in ``release``.

    Resource URLs are ``base_url`` + the file's path in the release (relative when ``base_url``
    is empty, as in the local catalogue).
    """
    props = package.opendata
    modified = modified or props.get("updated") or dt.date.today().isoformat()
    license_id, license_title = _license(package)
    license_iri = licenses.iri(license_id)
    checksum = {"hash_algorithm": SHA256, **({"license": license_iri} if license_iri else {})}
    org_id = props.get("publisher", "")
    org = taxonomy.get("organizations", org_id) or {}
    resources = []
    for f in release.files:
        if f.kind == "data":
            res_desc = package.resource(f.resource).descriptor
            resources.append({
                "name": f"{res_desc.get('title') or f.resource} ({f.format.upper()}"
                        + (f" {f.part[0]}/{f.part[1]})" if f.part else ")"),
                "description": res_desc.get("description", ""),
                "url": base_url + f.path, "format": f.format.upper(), "mimetype": f.media_type,
                "hash": f.sha256, "size": f.size, **checksum,
                "opendata_resource": f.resource, "opendata_rows": release.rows.get(f.resource, 0),
            })
        elif f.kind == "dictionary":
            resources.append({"name": f"数据字典 Data dictionary ({f.format.upper()})", "url": base_url + f.path,
                              "format": f.format.upper(), "mimetype": f.media_type, "hash": f.sha256,
                              "size": f.size, **checksum})
        elif f.kind == "descriptor":
            resources.append({"name": "datapackage.json", "url": base_url + f.path, "format": "JSON",
                              "mimetype": f.media_type, "hash": f.sha256, "size": f.size, **checksum})
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
            **dcat_properties(package, modified, report),
            **({"opendata_approval": approval.id, "opendata_approved": approval.record["time"]} if approval else {}),
        }.items())],
        "resources": resources,
    }


def extra(pkg_dict: dict[str, Any], key: str, default: str = "") -> str:
    """A property's value from a CKAN package dict: an extra, or the field of that name (a CKAN
    with the scheming schema keeps opendata's properties as fields)."""
    for item in pkg_dict.get("extras") or []:
        if item.get("key") == key:
            return item.get("value", default)
    value = pkg_dict.get(key)
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return default if value in (None, "") else str(value)


def merge_extras(extras: list[dict[str, str]], updates: dict[str, str]) -> list[dict[str, str]]:
    """CKAN extras with ``updates`` applied (added or replaced), sorted by key."""
    merged = {e["key"]: e["value"] for e in extras}
    merged.update(updates)
    return [{"key": k, "value": v} for k, v in sorted(merged.items())]
