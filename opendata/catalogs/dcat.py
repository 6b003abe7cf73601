"""DCAT-AP catalogue in JSON-LD, built from CKAN package dicts."""

from __future__ import annotations

from typing import Any

from .. import taxonomy
from .metadata import extra

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _dataset(pkg: dict[str, Any], base: str) -> dict[str, Any]:
    url = f"{base}datasets/{pkg['name']}/"
    frequency = taxonomy.get("frequencies", extra(pkg, "opendata_frequency")) or {}
    subject = extra(pkg, "opendata_subject")
    node: dict[str, Any] = {
        "@id": url,
        "@type": "dcat:Dataset",
        "dct:identifier": pkg["name"],
        "dct:title": {"@value": pkg["title"], "@language": "zh"},
        "dct:description": {"@value": pkg.get("notes", ""), "@language": "zh"},
        "dcat:keyword": [t["name"] for t in pkg.get("tags", [])],
        "dct:modified": {"@value": extra(pkg, "opendata_modified"), "@type": "xsd:date"},
        "dcat:landingPage": {"@id": url},
        "dcat:distribution": [],
    }
    if pkg.get("version"):
        node["dcat:version"] = pkg["version"]
    if pkg.get("organization"):
        node["dct:publisher"] = {"@type": "foaf:Agent", "foaf:name": pkg["organization"]["title"]}
    if subject:
        node["dcat:theme"] = taxonomy.label("subjects", subject, "zh")
    if frequency.get("dcat"):
        node["dct:accrualPeriodicity"] = {"@id": frequency["dcat"]}
    for res in pkg.get("resources", []):
        node["dcat:distribution"].append({
            "@type": "dcat:Distribution",
            "dct:title": res["name"],
            "dcat:downloadURL": {"@id": f"{url}{res['url']}"},
            "dcat:mediaType": res.get("mimetype", ""),
            "dct:format": res.get("format", ""),
            "dcat:byteSize": {"@value": str(res.get("size", 0)), "@type": "xsd:decimal"},
            "spdx:checksum": res.get("hash", ""),
            "dct:license": pkg.get("license_id", ""),
        })
    return node


def catalog(packages: list[dict[str, Any]], *, title: str, base: str = "") -> dict[str, Any]:
    """A ``dcat:Catalog`` listing every dataset and its distributions."""
    return {
        "@context": dict(CONTEXT, spdx="http://spdx.org/rdf/terms#"),
        "@id": base or "./",
        "@type": "dcat:Catalog",
        "dct:title": {"@value": title, "@language": "zh"},
        "dcat:dataset": [_dataset(p, base) for p in packages],
    }
