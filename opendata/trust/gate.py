"""Publishing: the one gate between a package and a catalogue.

:func:`publish` reads the package once into a private snapshot (:mod:`.snapshot`), verifies the
reviewer's signed approval against the snapshot's hashes (trusted key, every file byte-for-byte as
approved, not retracted, signed after the dataset's last retraction), checks the snapshot again
under the current policy, requires the openness the reviewer approved, exports the release files
from the snapshot and hands them to the catalogue. Catalogue backends are never given a package
directly; there is no other way to publish.
"""

from __future__ import annotations

import datetime as dt
import shutil
from contextlib import contextmanager
from typing import Any, Iterator

from . import audit
from .accountable import require_metadata, require_own_name
from .approval import Approval, ApprovalError, check_against, verify
from .snapshot import APPROVAL, snapshot
from ..catalogs.base import Catalog, PublishResult
from ..catalogs.metadata import ckan_package
from ..check import check
from ..errors import CatalogError, PolicyError
from ..package import Package
from ..paths import require_writable
from ..policy.rules import Policy
from ..release import export


def publish(package: Package, catalog: Catalog, *, policy: Policy | None = None,
            modified: str | None = None, replace: bool = False, parts: bool = False) -> PublishResult:
    """Publish an approved ``package`` to ``catalog``, as the check and the approval allow.

    无条件开放 datasets go out whole; 受限开放 ones as a catalogue entry with metadata and data
    dictionary but no data; 禁止开放 ones are refused. Raises :class:`ApprovalError` (a
    :class:`PolicyError`) with the exact reason when the gate refuses; nothing reaches the
    catalogue then. A dataset needs a title, a licence, a publisher and a contact; one whose name
    another publisher holds in ``catalog`` is refused unless ``replace``
    (:mod:`.accountable`).

    A table in parts (``redact --engine spark``) is published as one CSV and one Parquet file
    made of its approved parts; with ``parts``, as the approved parts themselves
    (:func:`~opendata.release.export`).
    """
    if package.basepath is None:
        raise ApprovalError("approval.no_directory", name=package.name)
    require_writable(audit.central().path)  # nothing goes out that the log cannot record
    if not (package.basepath / APPROVAL).is_file():  # say so before copying anything
        raise ApprovalError("approval.missing", path=str(package.basepath / APPROVAL))
    # One read of every file: the snapshot's hashes are verified against the approval, and the
    # check and the release are made from its private copy, never from the live paths again.
    with snapshot(package.basepath) as snap:
        package = snap.package
        require_metadata(package)
        approval = verify(snap.origin, snap.files)
        with _failure_audited(package.name, catalog, approval.id):
            if catalog.is_retracted(package.name, approval.id) or _retracted_in_audit(package.name, approval.id):
                raise ApprovalError("approval.retracted", approval=approval.id)
            retracted = _retracted_since(catalog, package.name, approval)
            if retracted is not None:
                raise ApprovalError("approval.retracted_since", approval=approval.id, approved=approval.record["time"],
                                    retracted=retracted)
            report = check(package, policy=policy)
            if report.openness == "prohibited":
                raise PolicyError("publish.prohibited", name=package.name, grade=report.grade)
            check_against(approval, package, report)
            require_own_name(catalog, package, replace=replace)
            staging = catalog.staging_dir()
            try:
                release = export(package, staging / "release", with_data=report.openness == "unconditional",
                                 parts=parts)
                package_dict: dict[str, Any] = ckan_package(package, release, modified=modified, report=report,
                                                            approval=approval)
                result = catalog.store(release, package_dict)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    audit.record("publish", dataset=package.name, catalog=catalog.label, status=result.status,
                 release=result.release_id, approval=approval.id, reviewer=approval.reviewer,
                 openness=report.openness, files={f.path: f.sha256 for f in release.files})
    return result


@contextmanager
def _failure_audited(name: str, catalog: Catalog, approval_id: str) -> Iterator[None]:
    """Record in the log that a publish failed on the catalogue's side, where, and what became of
    the dataset (codes and field names only: a catalogue's own text may quote a value)."""
    try:
        yield
    except CatalogError as exc:
        audit.record("publish_failed", dataset=name, catalog=catalog.label, approval=approval_id,
                     error=exc.code, cause=exc.params.get("cause", exc.code), ckan_action=exc.params.get("action", ""),
                     field=exc.params.get("field", ""), undone=exc.params.get("undone", ""))
        raise


def _retracted_in_audit(name: str, approval_id: str) -> bool:
    """Whether the audit log records a retraction of the release approved by ``approval_id``
    (it survives a purged CKAN dataset, which forgets everything)."""
    return any(r.get("action") == "retract" and r.get("dataset") == name and r.get("approval") == approval_id
               for r in audit.central().records())


def _parse(value: Any) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _retracted_since(catalog: Catalog, name: str, approval: Approval) -> str | None:
    """The time of the latest retraction of ``name`` not older than ``approval``, or ``None``.

    A retraction is final for every approval issued before it, not only the one it withdrew:
    publishing again needs an approval signed after it. Retractions are read from this
    installation's audit log and from the catalogue's own log, where it keeps one.
    """
    signed = _parse(approval.record.get("time"))
    logs = [audit.central()] + ([catalog.audit] if isinstance(getattr(catalog, "audit", None), audit.AuditLog) else [])
    latest: dt.datetime | None = None
    for log in logs:
        for r in log.records():
            if r.get("action") == "retract" and r.get("dataset") == name:
                when = _parse(r.get("time"))
                if when is not None and (latest is None or when > latest):
                    latest = when
    if latest is None or (signed is not None and signed > latest):
        return None
    return latest.isoformat()


def retract(catalog: Catalog, name: str, *, reason: str, purge: bool = False) -> None:
    """Withdraw ``name`` from ``catalog``; publishing it again needs a new approval. Audited."""
    from ..catalogs.metadata import extra

    approval = extra(catalog.get(name), "opendata_approval")
    if purge:
        catalog.retract(name, reason=reason, purge=True)
    else:
        catalog.retract(name, reason=reason)
    audit.record("retract", dataset=name, catalog=catalog.label, reason=reason, approval=approval, purge=purge)
