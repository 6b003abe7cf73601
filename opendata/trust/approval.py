"""Approvals: a reviewer's Ed25519 signature over exactly what will be published.

``approval.json`` sits in the package directory and records the reviewer, the time, the policy
(id, version, SHA-256), the dataset's name and version, its grade and the openness approved, and the
SHA-256 of every file the package refers to (see :mod:`.snapshot`: data and schemas wherever they
live, hidden paths included); the signature covers all of it (canonical JSON). The hashes signed are
those of the bytes that were checked: ``approve`` given a :class:`~.snapshot.Snapshot` signs the
snapshot's hashes, and refuses if the live files differ from them by then. The publish gate
(:func:`verify`) accepts a package only if the signature is valid and from a trusted, unrevoked,
unexpired key, and every file is byte-for-byte what was approved — no file changed, missing or
added.

Approved packages must be in the canonical published form (UTF-8 CSV with BOM, as ``opendata
redact`` writes), so the files the reviewer approved are the files the public downloads.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from . import keys
from ..check import CheckReport
from ..errors import PolicyError
from ..package import Package
from ..release import is_canonical_csv
from .audit import canonical_json
from .snapshot import APPROVAL, Snapshot, covered_files

FORMAT = "opendata-approval/1"


class ApprovalError(PolicyError):
    """The publish gate refused: no valid, trusted approval of exactly these bytes."""


def signed_bytes(record: dict[str, Any]) -> bytes:
    """What a record's Ed25519 signature covers: its canonical JSON without ``signature``."""
    return canonical_json({k: v for k, v in record.items() if k != "signature"})


def _require_canonical(package: Package) -> None:
    for resource in package.resources:
        if not is_canonical_csv(resource):
            raise ApprovalError("approval.not_canonical", resource=resource.name, path=str(resource.path))


@dataclass(frozen=True)
class Approval:
    """A verified approval."""

    record: dict[str, Any]

    @property
    def id(self) -> str:
        """Stable id of this approval: derived from its signature."""
        return hashlib.sha256(self.record["signature"].encode("ascii")).hexdigest()[:16]

    @property
    def openness(self) -> str:
        return self.record["openness"]

    @property
    def reviewer(self) -> str:
        return self.record["reviewer"]


def pii_decisions(package: Package) -> list[dict[str, Any]]:
    """Every field's declared personal-information type (``"pii"``: a type, a list, or ``"none"``)
    with the officer's reason where one is given."""
    out = []
    for res in package.resources:
        for f in res.schema.fields:
            props = f.opendata
            if "pii" in props:
                decision = {"resource": res.name, "field": f.name, "pii": props["pii"]}
                if isinstance(props.get("reason"), str):
                    decision["reason"] = props["reason"]
                out.append(decision)
    return out


def approve(package: Package | Snapshot, report: CheckReport, *, reviewer: str, key_id: str | None = None,
            passphrase: str | None = None, now: dt.datetime | None = None) -> Approval:
    """Sign ``package`` as checked in ``report`` and write ``approval.json`` into its directory.

    Give a :class:`~.snapshot.Snapshot` (and the check of ``snapshot.package``) to sign exactly the
    bytes that were checked and shown: the live files must still equal the snapshot, else the
    approval is refused. A plain :class:`Package` is hashed as it is on disk now. Refuses a
    package the check blocks, and one not in canonical published form.
    """
    snap = package if isinstance(package, Snapshot) else None
    package = snap.package if snap is not None else package
    directory = snap.origin if snap is not None else package.basepath
    if directory is None:
        raise ApprovalError("approval.no_directory", name=package.name)
    if not report.publishable:
        raise ApprovalError("approval.not_publishable", name=package.name, count=report.problem_count)
    _require_canonical(package)
    key_id = key_id or keys.active_signing_key_id(reviewer)
    private = keys.signing_key(key_id, passphrase)
    if snap is not None:
        changed = snap.changed()
        if changed:
            raise ApprovalError("approval.changed_since_check", file=changed[0], count=len(changed))
        files = snap.files
    else:
        files = covered_files(directory)
    record = {
        "format": FORMAT,
        "dataset": package.name,
        "version": str(package.descriptor.get("version", "")),
        "reviewer": reviewer,
        # Microseconds: an approval must be orderable against a retraction in the same second.
        "time": (now or dt.datetime.now(dt.timezone.utc)).isoformat(timespec="microseconds"),
        "policy": report.classification.policy,
        "grade": report.grade,
        "openness": report.openness,
        "files": files,
        # What the officer declared each field to hold (pii: a type, or none), signed with the rest:
        # a declaration that settled an uncertain field is the reviewer's decision on record.
        "decisions": pii_decisions(package),
        "key_id": key_id,
        # Ed25519 signatures are deterministic: the nonce makes every approval distinct, so a
        # retracted approval can never be confused with a new one of the same files.
        "nonce": secrets.token_hex(8),
    }
    record["signature"] = base64.b64encode(private.sign(signed_bytes(record))).decode("ascii")
    (directory / APPROVAL).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    approval = Approval(record)
    from . import audit

    audit.record("approve", dataset=package.name, reviewer=reviewer, key_id=key_id, approval=approval.id,
                 openness=record["openness"], grade=record["grade"], policy=record["policy"], files=record["files"],
                 decisions=[{k: d[k] for k in ("resource", "field", "pii")} for d in record["decisions"]])
    return approval


def _parse_time(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def verify(directory: Path, files: dict[str, str] | None = None) -> Approval:
    """The publish gate's first half: a valid, trusted signature over exactly these files.

    ``files`` are the hashes of the bytes about to be published (a snapshot's); without them the
    files in ``directory`` are hashed now.
    """
    path = directory / APPROVAL
    if not path.is_file():
        raise ApprovalError("approval.missing", path=str(path))
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        signature = base64.b64decode(record["signature"])
        key_id = record["key_id"]
        signed_at = _parse_time(record["time"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ApprovalError("approval.malformed", path=str(path)) from exc
    entry = keys.trusted_entry(key_id)
    if entry is None:
        raise ApprovalError("approval.untrusted_key", key_id=key_id, reviewer=record.get("reviewer", "?"))
    public = keys.entry_public_key(entry)  # checked against key_id on every use
    try:
        public.verify(signature, signed_bytes(record))
    except InvalidSignature:
        raise ApprovalError("approval.bad_signature", path=str(path)) from None
    revoked = _parse_time(entry.get("revoked"))
    if revoked is not None:
        raise ApprovalError("approval.revoked_key", key_id=key_id, when=entry["revoked"])
    expires = _parse_time(entry.get("expires"))
    if expires is not None and (signed_at is None or signed_at > expires or dt.datetime.now(dt.timezone.utc) > expires):
        raise ApprovalError("approval.expired_key", key_id=key_id, when=entry["expires"])
    if entry.get("reviewer") != record.get("reviewer"):
        raise ApprovalError("approval.wrong_reviewer", key_id=key_id, reviewer=record.get("reviewer", "?"))
    current = covered_files(directory) if files is None else files
    approved = record["files"]
    for name, digest in approved.items():
        if name not in current:
            raise ApprovalError("approval.file_missing", file=name)
        if current[name] != digest:
            raise ApprovalError("approval.file_changed", file=name)
    for name in current:
        if name not in approved:
            raise ApprovalError("approval.file_added", file=name)
    return Approval(record)


def check_against(approval: Approval, package: Package, report: CheckReport) -> None:
    """The gate's second half: the package still passes under the current policy, as approved."""
    if approval.record["dataset"] != package.name:
        raise ApprovalError("approval.other_dataset", approved=approval.record["dataset"], name=package.name)
    if report.openness != approval.openness:  # the most specific reason first
        raise ApprovalError("approval.openness_changed", approved=approval.openness, now=report.openness,
                            policy=f"{report.classification.policy['id']} {report.classification.policy['version']}")
    if not report.publishable:
        raise ApprovalError("approval.not_publishable", name=package.name, count=report.problem_count)
