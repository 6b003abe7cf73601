"""Publishing: the one gate between a package and a catalogue.

:func:`publish` verifies the reviewer's signed approval (trusted key, every file byte-for-byte as
approved, not retracted), checks the package again under the current policy, requires the openness
the reviewer approved, exports the release files and hands them to the catalogue. Catalogue
backends are never given a package directly; there is no other way to publish.
"""

from __future__ import annotations

import shutil
from typing import Any

from . import audit
from .approval import ApprovalError, check_against, verify
from ..catalogs.base import Catalog, PublishResult
from ..catalogs.metadata import ckan_package
from ..check import check
from ..errors import PolicyError
from ..package import Package
from ..paths import require_writable
from ..policy.rules import Policy
from ..release import export


def publish(package: Package, catalog: Catalog, *, policy: Policy | None = None,
            modified: str | None = None) -> PublishResult:
    """Publish an approved ``package`` to ``catalog``, as the check and the approval allow.

    无条件开放 datasets go out whole; 受限开放 ones as a catalogue entry with metadata and data
    dictionary but no data; 禁止开放 ones are refused. Raises :class:`ApprovalError` (a
    :class:`PolicyError`) with the exact reason when the gate refuses; nothing reaches the
    catalogue then.
    """
    if package.basepath is None:
        raise ApprovalError("approval.no_directory", name=package.name)
    require_writable(audit.central().path)  # nothing goes out that the log cannot record
    approval = verify(package.basepath)
    if catalog.is_retracted(package.name, approval.id) or _retracted_in_audit(package.name, approval.id):
        raise ApprovalError("approval.retracted", approval=approval.id)
    report = check(package, policy=policy)
    if report.openness == "prohibited":
        raise PolicyError("publish.prohibited", name=package.name, grade=report.grade)
    check_against(approval, package, report)
    staging = catalog.staging_dir()
    try:
        release = export(package, staging / "release", with_data=report.openness == "unconditional")
        package_dict: dict[str, Any] = ckan_package(package, release, modified=modified, report=report,
                                                    approval=approval)
        result = catalog.store(release, package_dict)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    audit.record("publish", dataset=package.name, catalog=catalog.label, status=result.status,
                 release=result.release_id, approval=approval.id, reviewer=approval.reviewer,
                 openness=report.openness, files={f.path: f.sha256 for f in release.files})
    return result


def _retracted_in_audit(name: str, approval_id: str) -> bool:
    """Whether the audit log records a retraction of the release approved by ``approval_id``
    (it survives a purged CKAN dataset, which forgets everything)."""
    return any(r.get("action") == "retract" and r.get("dataset") == name and r.get("approval") == approval_id
               for r in audit.central().records())


def retract(catalog: Catalog, name: str, *, reason: str, purge: bool = False) -> None:
    """Withdraw ``name`` from ``catalog``; publishing it again needs a new approval. Audited."""
    from ..catalogs.metadata import extra

    approval = extra(catalog.get(name), "opendata_approval")
    if purge:
        catalog.retract(name, reason=reason, purge=True)
    else:
        catalog.retract(name, reason=reason)
    audit.record("retract", dataset=name, catalog=catalog.label, reason=reason, approval=approval, purge=purge)
