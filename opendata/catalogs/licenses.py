"""The licence register shipped in ``catalog/ckan_licenses.json``.

It is in CKAN's own licence-register format, so a CKAN administrator can install it as it is
(``licenses_group_url = file:///…/catalog/ckan_licenses.json``); opendata reads it to give each
licence its IRI (the EU licence vocabulary where it has the licence, else the licence's own URL)
and, for a CKAN that runs its default register, the nearest default id (``ckan_default``).
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from ..paths import catalog_dir

REGISTER = "ckan_licenses.json"


@lru_cache(maxsize=None)
def _load(root: str) -> tuple[dict[str, Any], ...]:
    with open(f"{root}/{REGISTER}", encoding="utf-8") as handle:
        return tuple(json.load(handle))


def register() -> tuple[dict[str, Any], ...]:
    """Every licence of the register."""
    return _load(str(catalog_dir()))


def find(ident: str | None) -> dict[str, Any] | None:
    """The register's entry for a licence id (case-insensitive) or one of its URLs, or ``None``."""
    if not ident:
        return None
    wanted = ident.strip().rstrip("/").lower()
    for entry in register():
        names = (entry["id"], entry.get("url", ""), entry.get("legal_code", ""), entry.get("eu", ""))
        if wanted in {n.rstrip("/").lower() for n in names if n}:
            return entry
    return None


def iri(ident: str | None) -> str:
    """The IRI of a licence: the EU vocabulary's where it exists, else its legal code's URL; an
    unknown licence given as a URL is its own IRI; anything else has none (``""``)."""
    entry = find(ident)
    if entry is not None:
        return entry.get("eu") or entry.get("legal_code") or ""
    return ident if ident and ident.startswith(("http://", "https://")) else ""


def ckan_id(ident: str, known: set[str]) -> str:
    """The licence id to send to a CKAN whose register holds ``known`` ids: ``ident`` itself when
    CKAN knows it (the shipped register installed), else the nearest CKAN default id."""
    if ident in known or not known:
        return ident
    entry = find(ident)
    if entry is not None and entry.get("ckan_default") in known:
        return entry["ckan_default"]
    return ident
