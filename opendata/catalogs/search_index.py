"""The catalogue's search documents: one small record per live dataset, what the portal's search and
facets and the API's ``package_search`` look at.

Both read the same records, built from the live releases alone (``package.json`` and
``dictionary.json``), so the portal's prebuilt index file (``search-index.js``) and
``opendata serve`` agree on what a query finds. Text is matched as substrings of one lower-cased
haystack per dataset: Chinese has no spaces between words, so a word index would miss 公交 in
公交站点.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable

from .. import taxonomy
from .metadata import extra

#: The facets of the portal and of ``package_search``: key in a document → taxonomy (or None).
FACETS: dict[str, str | None] = {
    "organization": "organizations",
    "subject": "subjects",
    "openness": "openness",
    "res_format": None,
    "frequency": "frequencies",
}

#: The longest description kept in a document (the search covers it whole; the list shows less).
NOTES_LIMIT = 600


def data_formats(pkg: dict[str, Any]) -> list[str]:
    """The formats of a dataset's data files (none for 受限开放: it has no data file)."""
    return sorted({r.get("format", "") for r in pkg.get("resources", []) if r.get("opendata_resource")} - {""})


def document(pkg: dict[str, Any], dictionary: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """The search document of one CKAN package dict and its data dictionary rows."""
    fields: list[str] = []
    for row in dictionary:
        for value in (row.get("title"), row.get("field")):
            if value and value not in fields:
                fields.append(str(value))
    return {
        "name": pkg["name"],
        "title": pkg.get("title") or pkg["name"],
        "notes": (pkg.get("notes") or "")[:NOTES_LIMIT],
        "keywords": [t["name"] for t in pkg.get("tags", [])],
        "organization": pkg.get("owner_org") or "",
        # The publisher's names in every language, so either finds it whatever the portal's language.
        "publisher": " ".join(dict.fromkeys(
            taxonomy.label("organizations", pkg.get("owner_org"), lang) for lang in ("zh", "en"))),
        "subject": extra(pkg, "opendata_subject"),
        "openness": extra(pkg, "opendata_openness"),
        "frequency": extra(pkg, "opendata_frequency"),
        "res_format": data_formats(pkg),
        "modified": extra(pkg, "opendata_modified"),
        "fields": fields,
    }


def haystack(doc: dict[str, Any]) -> str:
    """The lower-cased text a query is looked for in: title, description, keywords, publisher and
    field titles (the portal's script builds the same string from the same document)."""
    return "\n".join([doc["title"], doc["notes"], " ".join(doc["keywords"]), doc.get("publisher", ""),
                      " ".join(doc["fields"])]).lower()


def read_documents(root: Path, packages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents of ``packages`` (live package dicts of the catalogue at ``root``)."""
    docs = []
    for pkg in packages:
        path = root / "datasets" / pkg["name"] / "dictionary.json"
        try:
            dictionary = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # retracted meanwhile, or an older release without one
            dictionary = []
        docs.append(document(pkg, dictionary))
    return docs


def facet_labels(docs: list[dict[str, Any]], lang: str) -> dict[str, dict[str, str]]:
    """Display labels of every facet value that occurs, in ``lang``."""
    out: dict[str, dict[str, str]] = {key: {} for key in FACETS}
    for doc in docs:
        for key, kind in FACETS.items():
            values = doc[key] if isinstance(doc[key], list) else [doc[key]]
            for value in values:
                if value and value not in out[key]:
                    out[key][value] = taxonomy.label(kind, value, lang) if kind else value
    return out


def index_script(docs: list[dict[str, Any]], lang: str) -> str:
    """``search-index.js``: the documents and labels as one script (a ``<script src>`` also works
    when the portal is opened from disk, where a browser refuses to fetch a JSON file)."""
    payload = {"version": 1, "labels": facet_labels(docs, lang), "datasets": docs}
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # "</" can never close the script element it is loaded into, but keep the file safe to inline.
    return "window.OPENDATA_INDEX = " + text.replace("</", "<\\/") + ";\n"
