"""The local catalogue's DCAT-AP 3.0.1 description (JSON-LD, and Turtle through rdflib).

Built from the CKAN package dicts the catalogue stores (metadata.py), so the local catalogue and
a CKAN with ckanext-dcat describe a dataset alike. What DCAT-AP asks for and how it is met:

- every IRI is absolute, under the catalogue's base URL (``LocalCatalog(base_url=…)``, the
  ``base_url`` of a ``[catalogs.NAME]`` in opendata.toml, or ``OPENDATA_BASE_URL``); without one,
  the catalogue directory's ``file://`` URL;
- themes, frequencies, access rights, file types, licences and the catalogue's language are IRIs
  of the EU vocabularies (catalog/*.json says which), each typed with the class DCAT-AP gives its
  range; the Chinese labels are kept (``skos:prefLabel``/``rdfs:label`` @zh), and each subject
  area is also a concept of the catalogue's own scheme, ``skos:broadMatch`` its EU theme;
- a 受限开放 dataset has ``dct:accessRights`` RESTRICTED and no data distribution: its one
  distribution is the way to apply (``dcat:accessURL`` = its page, no ``dcat:downloadURL``);
- the data dictionary and ``datapackage.json`` are the dataset's documentation (``foaf:page``),
  not distributions of its data.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .. import taxonomy
from . import licenses
from .metadata import SHA256, extra, resource_sha256

EU = "http://publications.europa.eu/resource/authority/"
EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
IANA = "http://www.iana.org/assignments/media-types/"
LOCAL_AUTHORITY = "http://purl.org/adms/publishertype/LocalAuthority"
STABLE = EU + "planned-availability/STABLE"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatap": "http://data.europa.eu/r5r/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "spdx": "http://spdx.org/rdf/terms#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "locn": "http://www.w3.org/ns/locn#",
    "gsp": "http://www.opengis.net/ont/geosparql#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
#: The licence types of the ADMS vocabulary (DCAT-AP recommends one on every licence).
LICENCE_TYPES = {"CC0-1.0": "PublicDomain", "PDDL-1.0": "PublicDomain"}
#: Labels of the EU and ADMS concepts used here (DCAT-AP: every skos:Concept has a prefLabel):
#: the vocabularies' English labels, with a Chinese translation.
LABELS = {
    EU + "data-theme/AGRI": ("Agriculture, fisheries, forestry and food", "农业、渔业、林业和食品"),
    EU + "data-theme/ECON": ("Economy and finance", "经济和金融"),
    EU + "data-theme/EDUC": ("Education, culture and sport", "教育、文化和体育"),
    EU + "data-theme/ENER": ("Energy", "能源"),
    EU + "data-theme/ENVI": ("Environment", "环境"),
    EU + "data-theme/GOVE": ("Government and public sector", "政府和公共部门"),
    EU + "data-theme/HEAL": ("Health", "卫生健康"),
    EU + "data-theme/INTR": ("International issues", "国际事务"),
    EU + "data-theme/JUST": ("Justice, legal system and public safety", "司法、法律体系和公共安全"),
    EU + "data-theme/REGI": ("Regions and cities", "地区和城市"),
    EU + "data-theme/SOCI": ("Population and society", "人口和社会"),
    EU + "data-theme/TECH": ("Science and technology", "科学和技术"),
    EU + "data-theme/TRAN": ("Transport", "交通运输"),
    STABLE: ("Stable", "稳定"),
    LOCAL_AUTHORITY: ("Local Authority", "地方政府机关"),
    "http://purl.org/adms/licencetype/Attribution": ("Attribution", "署名"),
    "http://purl.org/adms/licencetype/PublicDomain": ("Public domain", "公有领域"),
}


def _zh(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "zh"}


def _labels(entry: dict[str, Any]) -> list[dict[str, str]]:
    return [{"@value": entry[code], "@language": code} for code in ("zh", "en") if entry.get(code)]


def _date(value: str) -> dict[str, str]:
    value = str(value)
    return {"@value": value[:10], "@type": "xsd:date"} if len(value) >= 10 else {"@value": value}


def _concept(iri: str, kind: str, entry: dict[str, Any] | None = None, *, scheme: str | None = None) -> dict[str, Any]:
    node: dict[str, Any] = {"@id": iri, "@type": kind}
    if entry is None and iri in LABELS:
        entry = {"en": LABELS[iri][0], "zh": LABELS[iri][1]}
    if entry:
        node["skos:prefLabel"] = _labels(entry)
    if scheme:
        node["skos:inScheme"] = {"@id": scheme}
    return node


def _licence(license_id: str) -> dict[str, Any] | None:
    iri = licenses.iri(license_id)
    if not iri:
        return None
    entry = licenses.find(license_id) or {}
    kind = LICENCE_TYPES.get(entry.get("id", ""), "Attribution")
    node = {"@id": iri, "@type": "dct:LicenseDocument",
            "dct:type": _concept(f"http://purl.org/adms/licencetype/{kind}", "skos:Concept")}
    labels = [{"@value": entry[k], "@language": lang} for k, lang in (("title_zh", "zh"), ("title", "en")) if entry.get(k)]
    if labels:
        node["rdfs:label"] = labels
    return node


def _json(value: str) -> Any:
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None


class _Builder:
    def __init__(self, base: str) -> None:
        self.base = base

    def agent(self, org_id: str, org_title: str) -> dict[str, Any]:
        entry = taxonomy.get("organizations", org_id) or {"zh": org_title or org_id}
        return {"@id": f"{self.base}organizations/{org_id}", "@type": "foaf:Agent",
                "foaf:name": _labels(entry),
                "dct:type": _concept(entry.get("dcat_type", LOCAL_AUTHORITY), "skos:Concept")}

    def subject(self, subject: str) -> list[dict[str, Any]]:
        entry = taxonomy.get("subjects", subject)
        if not entry:
            return []
        own = _concept(f"{self.base}subjects/{subject}", "skos:Concept", entry, scheme=f"{self.base}subjects")
        if not entry.get("dcat"):
            return [own]
        own["skos:broadMatch"] = {"@id": entry["dcat"]}
        return [_concept(entry["dcat"], "skos:Concept", scheme=EU + "data-theme"), own]

    def dataset(self, pkg: dict[str, Any]) -> dict[str, Any]:
        page = f"{self.base}datasets/{pkg['name']}/"
        openness = extra(pkg, "opendata_openness") or "unconditional"
        node: dict[str, Any] = {
            "@id": f"{page}#dataset",
            "@type": "dcat:Dataset",
            "dct:identifier": pkg["name"],
            "dct:title": _zh(pkg["title"]),
            "dct:description": _zh(pkg.get("notes") or pkg["title"]),
            "dcat:keyword": [_zh(t["name"]) for t in pkg.get("tags", [])],
            "dcat:landingPage": {"@id": f"{page}index.html", "@type": "foaf:Document"},
            "dcat:distribution": [],
        }
        modified = extra(pkg, "modified") or extra(pkg, "opendata_modified")
        if modified:
            node["dct:modified"] = _date(modified)
        if extra(pkg, "issued"):
            node["dct:issued"] = _date(extra(pkg, "issued"))
        if pkg.get("version"):
            node["dcat:version"] = pkg["version"]
        if pkg.get("owner_org"):
            node["dct:publisher"] = self.agent(pkg["owner_org"], (pkg.get("organization") or {}).get("title", ""))
        themes = self.subject(extra(pkg, "opendata_subject"))
        if themes:
            node["dcat:theme"] = themes
        frequency = taxonomy.get("frequencies", extra(pkg, "opendata_frequency"))
        if frequency and frequency.get("dcat"):
            node["dct:accrualPeriodicity"] = _concept(frequency["dcat"], "dct:Frequency", frequency)
        access = taxonomy.get("openness", openness)
        if access and access.get("dcat"):
            node["dct:accessRights"] = {"@id": access["dcat"], "@type": "dct:RightsStatement",
                                        "rdfs:label": _labels(access)}
        contact = _json(extra(pkg, "opendata_contact")) or {}
        name, email = extra(pkg, "contact_name") or contact.get("name"), extra(pkg, "contact_email") or contact.get("email")
        if name or email:
            point: dict[str, Any] = {"@type": ["vcard:Kind", "vcard:Organization"]}
            if name:
                point["vcard:fn"] = _zh(name)
            if email and EMAIL.fullmatch(email):  # anything else would make an invalid IRI
                point["vcard:hasEmail"] = {"@id": f"mailto:{email}"}
            node["dcat:contactPoint"] = point
        temporal = _json(extra(pkg, "opendata_temporal")) or {}
        start = extra(pkg, "temporal_start") or temporal.get("start")
        end = extra(pkg, "temporal_end") or temporal.get("end")
        if start or end:
            period: dict[str, Any] = {"@type": "dct:PeriodOfTime"}
            if start:
                period["dcat:startDate"] = _date(start)
            if end:
                period["dcat:endDate"] = _date(end)
            node["dct:temporal"] = period
        spatial = extra(pkg, "spatial_text") or extra(pkg, "opendata_spatial")
        if spatial:
            location: dict[str, Any] = {"@type": "dct:Location", "skos:prefLabel": _zh(spatial)}
            for key, prop in (("spatial_bbox", "dcat:bbox"), ("spatial_centroid", "dcat:centroid")):
                if extra(pkg, key):
                    location[prop] = {"@value": extra(pkg, key), "@type": "gsp:wktLiteral"}
            node["dct:spatial"] = location
        licence = _licence(pkg.get("license_id", ""))
        pages = []
        for res in pkg.get("resources", []):
            url = f"{page}{res['url']}"
            if not res.get("opendata_resource"):  # the data dictionary, datapackage.json
                pages.append({"@id": url, "@type": "foaf:Document", "dct:title": _zh(res["name"])})
                continue
            node["dcat:distribution"].append(self.distribution(res, url, page, licence))
        if openness == "restricted":
            node["dcat:distribution"].append(self.application(pkg, page, licence))
        if pages:
            node["foaf:page"] = pages
        return node

    def distribution(self, res: dict[str, Any], url: str, page: str, licence: dict[str, Any] | None) -> dict[str, Any]:
        fmt = taxonomy.get("formats", str(res.get("format", "")).upper())
        node: dict[str, Any] = {
            "@id": f"{url}#distribution",
            "@type": "dcat:Distribution",
            "dct:title": _zh(res["name"]),
            "dct:description": _zh(res.get("description") or res["name"]),
            "dcat:accessURL": {"@id": f"{page}index.html"},
            "dcat:downloadURL": {"@id": url},
            "dcatap:availability": _concept(STABLE, "skos:Concept"),
        }
        if fmt and fmt.get("dcat"):
            node["dct:format"] = {"@id": fmt["dcat"], "@type": "dct:MediaTypeOrExtent"}
        if res.get("mimetype"):
            node["dcat:mediaType"] = {"@id": IANA + res["mimetype"], "@type": "dct:MediaType"}
        if res.get("size") is not None:
            node["dcat:byteSize"] = {"@value": str(int(res["size"])), "@type": "xsd:nonNegativeInteger"}
        digest = resource_sha256(res)
        if digest:
            node["spdx:checksum"] = {"@type": "spdx:Checksum",
                                     "spdx:algorithm": {"@id": SHA256, "@type": "spdx:ChecksumAlgorithm"},
                                     "spdx:checksumValue": {"@value": digest, "@type": "xsd:hexBinary"}}
        if licence:
            node["dct:license"] = licence
        return node

    def application(self, pkg: dict[str, Any], page: str, licence: dict[str, Any] | None) -> dict[str, Any]:
        """A 受限开放 dataset's one distribution: where to apply for the data (no download)."""
        how = extra(pkg, "opendata_application")
        node: dict[str, Any] = {
            "@id": f"{page}#application",
            "@type": "dcat:Distribution",
            "dct:title": [_zh("受限开放：申请获取"), {"@value": "Restricted: apply for access", "@language": "en"}],
            "dct:description": _zh(how or "本数据集受限开放，数据须经申请获取，不提供下载。"),
            "dcat:accessURL": {"@id": f"{page}index.html"},
            "dct:format": {"@id": EU + "file-type/HTML", "@type": "dct:MediaTypeOrExtent"},
            "dcatap:availability": _concept(STABLE, "skos:Concept"),
        }
        if licence:
            node["dct:license"] = licence
        return node


def catalog(packages: list[dict[str, Any]], *, title: str, base: str = "", description: str = "",
            publisher: str = "", license_id: str = "CC-BY-4.0") -> dict[str, Any]:
    """A DCAT-AP 3.0.1 ``dcat:Catalog`` (JSON-LD) listing every dataset.

    ``base`` is the absolute URL the catalogue directory is served at (ending in ``/``);
    ``publisher`` an organization id of catalog/organizations.json (default: the first);
    ``license_id`` the licence of the catalogue's own metadata.
    """
    builder = _Builder(base)
    org = publisher or next(iter(taxonomy.items("organizations")), "")
    datasets = [builder.dataset(p) for p in packages]
    modified = sorted(d["dct:modified"]["@value"] for d in datasets if "dct:modified" in d)
    issued = sorted(d["dct:issued"]["@value"] for d in datasets if "dct:issued" in d)
    node: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": base,
        "@type": "dcat:Catalog",
        "dct:title": _zh(title),
        "dct:description": _zh(description or title),
        "dct:publisher": builder.agent(org, ""),
        "foaf:homepage": {"@id": f"{base}index.html", "@type": "foaf:Document"},
        "dct:language": {"@id": EU + "language/ZHO", "@type": "dct:LinguisticSystem"},
        "dcat:themeTaxonomy": [
            {"@id": EU + "data-theme", "@type": "skos:ConceptScheme", "dct:title": {"@value": "Data theme", "@language": "en"}},
            {"@id": f"{base}subjects", "@type": "skos:ConceptScheme", "dct:title": _zh("数据领域")},
        ],
        "dcat:dataset": datasets,
    }
    spatial = sorted({d["dct:spatial"]["skos:prefLabel"]["@value"] for d in datasets if "dct:spatial" in d})
    if spatial:
        node["dct:spatial"] = [dict(d["dct:spatial"]) for d in datasets if "dct:spatial" in d][:1]
    if modified:
        node["dct:modified"] = {"@value": modified[-1], "@type": "xsd:date"}
    if issued:
        node["dct:issued"] = {"@value": issued[0], "@type": "xsd:date"}
    licence = _licence(license_id)
    if licence:
        node["dct:license"] = licence
    return node


def turtle(document: dict[str, Any]) -> str:
    """The same catalogue in Turtle (rdflib parses the JSON-LD, whose context is inline)."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(data=json.dumps(document, ensure_ascii=False), format="json-ld")
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace)
    return graph.serialize(format="turtle")
