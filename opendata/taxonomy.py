"""Taxonomies of the catalogue (``catalog/*.json``): subject areas, update frequencies, openness
levels and publishing organizations, each with Chinese and English labels.

A department's workspace extends them: ``organizations.json`` and ``taxonomies/<kind>.json`` add
entries (an entry with a shipped id replaces it), and its ``[publisher]`` is an organisation."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import messages
from .paths import catalog_dir

KINDS = ("subjects", "frequencies", "openness", "organizations", "formats")


@lru_cache(maxsize=None)
def _load(kind: str, root: str) -> dict[str, dict[str, Any]]:
    path = Path(root) / f"{kind}.json"
    with open(path, encoding="utf-8") as handle:
        return {item["id"]: item for item in json.load(handle)["items"]}


def _workspace_items(kind: str) -> dict[str, dict[str, Any]]:
    from . import workspace

    ws = workspace.find()
    if ws is None:
        return {}
    found: dict[str, dict[str, Any]] = {}
    # _load reads <directory>/<kind>.json: the workspace root (organizations.json), then taxonomies/
    for directory in ([ws.root] if kind == "organizations" else []) + [ws.taxonomies_dir]:
        if (directory / f"{kind}.json").is_file():
            found.update(_load(kind, str(directory)))
    publisher = ws.publisher
    if kind == "organizations" and publisher.get("id"):
        found.setdefault(publisher["id"], {"id": publisher["id"], "zh": publisher.get("zh") or publisher["id"],
                                           "en": publisher.get("en") or publisher.get("zh") or publisher["id"]})
    return found


def items(kind: str) -> dict[str, dict[str, Any]]:
    """All entries of a taxonomy, by id: the shipped ones and the workspace's."""
    if kind not in KINDS:
        raise ValueError(f"unknown taxonomy {kind!r}")
    return {**_load(kind, str(catalog_dir())), **_workspace_items(kind)}


def get(kind: str, ident: str | None) -> dict[str, Any] | None:
    """One entry of a taxonomy, or ``None``."""
    return items(kind).get(ident) if ident else None


def label(kind: str, ident: str | None, lang: str | None = None) -> str:
    """The label of ``ident`` in ``lang``; unknown ids are shown as they are."""
    if not ident:
        return ""
    entry = get(kind, ident)
    if entry is None:
        return ident
    code = messages.normalize_language(lang) if lang else messages.current_language()
    return entry.get(code) or entry.get("zh") or ident
