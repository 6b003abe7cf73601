"""Taxonomies of the catalogue (``catalog/*.json``): subject areas, update frequencies, openness
levels and publishing organizations, each with Chinese and English labels."""

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


def items(kind: str) -> dict[str, dict[str, Any]]:
    """All entries of a taxonomy, by id."""
    if kind not in KINDS:
        raise ValueError(f"unknown taxonomy {kind!r}")
    return _load(kind, str(catalog_dir()))


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
