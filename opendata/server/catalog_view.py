"""What ``opendata serve`` knows of the catalogue it serves, read from the live releases.

The list of datasets comes from ``catalog.json`` and is re-read when that file changes (a publish
replaces it atomically); what a data query may read is decided from the dataset's own live
``package.json`` at the time of the query, so a dataset restricted or retracted a moment ago is not
served from a stale list. Ids are derived from names (UUID 5), so they stay the same across
releases and restarts, as a CKAN's ids do.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalogs import search_index
from ..catalogs.metadata import extra, package_id, resource_id
from .datastore import CKAN_TYPES, Table


@dataclass
class Listing:
    """The catalogue at one moment: package dicts, search documents and resource ids."""

    packages: list[dict[str, Any]] = field(default_factory=list)
    docs: list[dict[str, Any]] = field(default_factory=list)
    haystacks: list[str] = field(default_factory=list)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, Any]] = field(default_factory=dict)
    resources: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)


class CatalogView:
    """Read-only view of a local catalogue directory."""

    def __init__(self, root: str | os.PathLike[str], *, lang: str = "zh") -> None:
        self.root = Path(root).resolve()
        self.lang = lang
        self._lock = threading.Lock()
        self._stamp: tuple[int, int, int] | None = None
        self._listing = Listing()
        self._tables: dict[str, Table] = {}

    def listing(self) -> Listing:
        """The current listing (re-read when ``catalog.json`` was replaced)."""
        path = self.root / "catalog.json"
        try:
            st = path.stat()
            stamp = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            return Listing()
        with self._lock:
            if stamp != self._stamp:
                packages = json.loads(path.read_text(encoding="utf-8"))
                docs = search_index.read_documents(self.root, packages)
                labels = search_index.facet_labels(docs, self.lang)
                listing = Listing(packages, docs, [search_index.haystack(d) for d in docs], labels,
                                  {p["name"]: p for p in packages})
                for pkg in packages:
                    for res in pkg.get("resources", []):
                        listing.resources[resource_id(pkg["name"], res["url"])] = (pkg["name"], res)
                self._listing, self._stamp = listing, stamp
            return self._listing

    # -- the CKAN shapes ---------------------------------------------------------------------
    def api_package(self, pkg: dict[str, Any], base_url: str) -> dict[str, Any]:
        """``pkg`` as CKAN's package_show returns it: ids, absolute URLs, DataStore flags."""
        name = pkg["name"]
        queryable = extra(pkg, "opendata_openness") == "unconditional"
        out = dict(pkg)
        out.update(id=package_id(name), type="dataset", state="active", private=False,
                   metadata_modified=extra(pkg, "opendata_approved") or extra(pkg, "opendata_modified"),
                   num_tags=len(pkg.get("tags", [])), num_resources=len(pkg.get("resources", [])))
        if pkg.get("organization"):
            out["organization"] = {**pkg["organization"], "id": pkg["organization"].get("name"),
                                   "type": "organization", "is_organization": True, "state": "active"}
        resources = []
        for position, res in enumerate(pkg.get("resources", [])):
            url = res["url"]
            absolute = url if "://" in url else f"{base_url}datasets/{name}/{url}"
            resources.append({**res, "id": resource_id(name, url), "package_id": out["id"], "url": absolute,
                              "position": position, "state": "active",
                              "datastore_active": bool(queryable and res.get("opendata_resource"))})
        out["resources"] = resources
        return out

    def table(self, rid: str) -> tuple[str, Table] | None:
        """The dataset name and queryable table of resource ``rid``; ``None`` unless it is a data
        file of a live 无条件开放 dataset (its own ``package.json`` decides, read now)."""
        entry = self.listing().resources.get(rid)
        if entry is None or not entry[1].get("opendata_resource"):
            return None
        name, res = entry
        live = self.root / "datasets" / name
        try:
            pkg = json.loads((live / "package.json").read_text(encoding="utf-8"))
            parquet = (live / "data" / f"{res['opendata_resource']}.parquet").resolve(strict=True)
        except (OSError, ValueError):
            return None
        if extra(pkg, "opendata_openness") != "unconditional" or not parquet.is_relative_to(self.root):
            return None
        key = str(parquet)
        table = self._tables.get(key)
        if table is None:  # a release never changes once written: cache by its real path
            dictionary = json.loads((parquet.parent.parent / "dictionary.json").read_text(encoding="utf-8"))
            fields = [(d["field"], CKAN_TYPES.get(d.get("type") or "string", "text"), d.get("title") or "")
                      for d in dictionary if d["resource"] == res["opendata_resource"]]
            if len(self._tables) >= 512:  # releases replaced since: forget the oldest
                self._tables.pop(next(iter(self._tables)))
            table = self._tables[key] = Table(parquet, fields)
        return name, table
