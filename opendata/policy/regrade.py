"""Dynamic adjustment (动态调整): re-evaluate published datasets against the current policy.

Each dataset in a catalogue is checked again — its published data re-scanned where the catalogue
holds it, its declarations re-graded under the current policy — and compared with the openness it
was published with. Datasets whose openness must shrink are listed; ``apply`` withdraws the data of
those that must become 受限开放 (they stay as catalogue entries) and retracts those that may no
longer be opened at all, recording each change in the catalogue's audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..catalogs.local import LocalCatalog
from ..catalogs.metadata import extra
from ..check import check
from .classify import classify
from ..errors import OpendataError
from ..package import Package, load
from ..schema import Schema
from ..pii.scan import FieldScan, ResourceScan, ScanReport
from .rules import OPENNESS_ORDER, Policy, load_policy


def _metadata_package(catalog: LocalCatalog, name: str) -> Package:
    """The published descriptor of a dataset without data files, as a package to grade."""
    import json

    from ..package import Resource

    descriptor = json.loads((catalog.dataset_dir(name) / "datapackage.json").read_text(encoding="utf-8"))
    resources = [Resource(r["name"], Schema.from_descriptor(r["schema"], path=name, resource=r["name"]), r)
                 for r in descriptor["resources"]]
    return Package(descriptor, resources, catalog.dataset_dir(name), name)


@dataclass
class Regrade:
    """One dataset's published openness against what the current policy allows."""

    name: str
    published: str
    allowed: str
    grade: str
    reasons: list[str] = field(default_factory=list)
    applied: bool = False

    @property
    def must_shrink(self) -> bool:
        return OPENNESS_ORDER.index(self.allowed) > OPENNESS_ORDER.index(self.published)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "published": self.published, "allowed": self.allowed, "grade": self.grade,
                "mustShrink": self.must_shrink, "applied": self.applied, "reasons": self.reasons}


def regrade(catalog: LocalCatalog, *, policy: Policy | None = None, apply: bool = False,
            lang: str | None = None) -> list[Regrade]:
    """Re-evaluate every dataset of ``catalog``; with ``apply``, shrink those that must shrink."""
    policy = policy or load_policy()
    results = []
    for pkg_dict in catalog.datasets():
        name = pkg_dict["name"]
        published = extra(pkg_dict, "opendata_openness") or "unconditional"
        try:
            package: Package | None = load(catalog.dataset_dir(name))
            has_data = all(r.files and all(p.is_file() for p in r.files) for r in package.resources)
        except OpendataError:  # a metadata-only entry has no data paths to load
            package, has_data = None, False
        if package is not None and has_data:
            report = check(package, policy=policy)
            grade, allowed = report.grade, report.openness
            if not report.publishable and allowed != "prohibited":
                allowed = "restricted"  # new findings in published data: withdraw the data
            reasons = [f.message(lang) for f in report.blocking]
        else:
            # Metadata-only entry (受限开放): grade the declarations; there is no data to scan.
            package = package or _metadata_package(catalog, name)
            empty = ScanReport([ResourceScan(r.name, "", 0, [FieldScan(f.name) for f in r.schema.fields])
                                for r in package.resources])
            classification = classify(package, empty, policy)
            grade, allowed = classification.grade, classification.openness
            reasons = [f.message(lang) for f in classification.findings]
        if allowed != "prohibited" and published == "restricted" and allowed == "unconditional":
            allowed = "restricted"  # regrade only narrows; widening needs a new approval and publish
        item = Regrade(name, published, allowed, grade, reasons)
        if apply and item.must_shrink:
            _shrink(catalog, package, item, policy)
        results.append(item)
    return results


def _shrink(catalog: LocalCatalog, package: Any, item: Regrade, policy: Policy) -> None:
    reason = f"regrade: policy {policy.id} {policy.version}: grade {item.grade}"
    if item.allowed == "prohibited":
        catalog.retract(item.name, reason=reason)
    else:
        catalog.restrict(item.name, reason=reason, grade=item.grade)
    catalog.audit.append("regrade", catalog="local", dataset=item.name, before=item.published, after=item.allowed,
                         grade=item.grade, policy=policy.summary())
    from ..trust import audit

    audit.record("regrade", catalog=catalog.label, dataset=item.name, before=item.published, after=item.allowed,
                 grade=item.grade, policy=policy.summary())
    item.applied = True
