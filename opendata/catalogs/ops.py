"""Operations across catalogues: read a dataset back, compare two catalogues, check freshness.

- :func:`pull` downloads a published dataset into a local package directory, verifying each file
  against the SHA-256 the catalogue recorded, so what was published can be compared with what
  was approved.
- :func:`diff` compares two catalogues dataset by dataset (release files, openness, version).
- :func:`status` lists each dataset's update frequency, last update and whether it is overdue
  (强化数据更新).
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import taxonomy
from ..errors import CatalogError
from ..release import sha256_file
from .base import Catalog
from .local import LocalCatalog
from .metadata import extra, resource_sha256


def _files(pkg: dict[str, Any]) -> dict[str, str]:
    """Release path → SHA-256 of a published dataset's files."""
    out = {}
    for r in pkg.get("resources", []):
        path = r.get("opendata_file") or (r.get("url") if "://" not in r.get("url", "") else None)
        if path and resource_sha256(r):
            out[path] = resource_sha256(r)
    return out


def pull(catalog: Catalog, name: str, out: Path) -> dict[str, str]:
    """Download dataset ``name`` into ``out`` (a new directory); returns path → verified SHA-256."""
    pkg = catalog.get(name)
    files = _files(pkg)
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        from ..errors import InputError

        raise InputError("redact.output_exists", path=str(out))
    for path, digest in files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(catalog, LocalCatalog):
            shutil.copyfile(catalog.dataset_dir(name) / path, target)
        else:
            resource = next(r for r in pkg["resources"] if r.get("opendata_file") == path)
            catalog.download(resource, target)  # type: ignore[attr-defined]
        if sha256_file(target) != digest:
            raise CatalogError("catalog.hash_mismatch", name=name, file=path)
    return files


@dataclass(frozen=True)
class Difference:
    name: str
    kind: str  # only_left, only_right, files, openness, version, same
    detail: str = ""


def diff(left: Catalog, right: Catalog) -> list[Difference]:
    """How two catalogues differ, dataset by dataset."""
    a = {p["name"]: p for p in left.datasets()}
    b = {p["name"]: p for p in right.datasets()}
    out = []
    for name in sorted(set(a) | set(b)):
        if name not in b:
            out.append(Difference(name, "only_left"))
        elif name not in a:
            out.append(Difference(name, "only_right"))
        else:
            fa, fb = _files(a[name]), _files(b[name])
            changed = sorted(p for p in set(fa) | set(fb) if fa.get(p) != fb.get(p))
            if changed:
                out.append(Difference(name, "files", ", ".join(changed)))
            oa, ob = extra(a[name], "opendata_openness"), extra(b[name], "opendata_openness")
            if oa != ob:
                out.append(Difference(name, "openness", f"{oa} ≠ {ob}"))
            if not changed and oa == ob:
                out.append(Difference(name, "same"))
    return out


@dataclass(frozen=True)
class Freshness:
    name: str
    title: str
    frequency: str
    updated: str
    age_days: int | None
    overdue: bool


def status(catalog: Catalog, today: dt.date | None = None) -> list[Freshness]:
    """Each dataset's declared update frequency, last update, and whether it is overdue."""
    today = today or dt.date.today()
    out = []
    for pkg in catalog.datasets():
        frequency = extra(pkg, "opendata_frequency")
        updated = extra(pkg, "opendata_modified")
        limit = (taxonomy.get("frequencies", frequency) or {}).get("days")
        try:
            age = (today - dt.date.fromisoformat(updated[:10])).days
        except ValueError:
            age = None
        overdue = limit is not None and (age is None or age > limit)
        out.append(Freshness(pkg["name"], pkg.get("title", ""), frequency, updated, age, overdue))
    return sorted(out, key=lambda f: (not f.overdue, f.name))
