"""Decisions on applications: a signed grant, a refusal, a revocation — each audited.

:func:`review` sets the request against the dataset as the catalogue lists it: each requested
field's grade untreated (from its personal-information types under the policy, else its declared
grade), the weakest treatment the policy allows for that grade, and the treatment proposed — the
weakest allowed one the field's type accepts (keyed pseudonyms where the type allows them, so a
purpose that needs joins keeps them). :func:`grant` signs the decision with the reviewer's
Ed25519 key (as approvals are signed): fields, treatment per field, expiry, recipient key, and the
department's delivery key that will sign the manifest. :func:`verify_grant` is the gate every
delivery passes: a trusted, unrevoked reviewer key, an intact signature, the grant this
department issued (its stored copy), not expired, not revoked.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, PolicyError
from ..policy.rules import Policy, load_policy
from ..trust import audit
from ..trust import keys as trust_keys
from . import keys as dkeys
from . import signing, store
from .application import Application, catalogue_descriptor, dataset_fields, load_application, parse_rows

FORMAT = "opendata-grant/1"
REFUSAL = "opendata-refusal/1"


class GrantError(PolicyError):
    """A grant is not (or no longer) good for a delivery."""


def _types(f: dict[str, Any]) -> list[str]:
    pii = (f.get("opendata") or {}).get("pii")
    if pii in (None, "none"):
        treated = ((f.get("opendata") or {}).get("treated") or {}).get("types") or []
        return list(treated)
    return [pii] if isinstance(pii, str) else [p for p in pii if p != "none"]


def field_grade(f: dict[str, Any], package_grade: str | None, policy: Policy) -> str:
    """A field's grade untreated: its personal-information types' grades, its declared grade,
    the package's, else the policy's grade for unclassified fields — the highest that applies."""
    grades = [policy.pii[t].grade for t in _types(f) if t in policy.pii]
    declared = (f.get("opendata") or {}).get("grade")
    if declared in {g.id for g in policy.grades}:
        grades.append(declared)
    if not grades:
        grades.append(package_grade if package_grade in {g.id for g in policy.grades} else policy.unclassified_grade)
    out = grades[0]
    for g in grades[1:]:
        out = policy.higher(g, out)
    return out


def allowed(types: list[str], grade: str, policy: Policy) -> list[str]:
    """Treatments a grant may give a field of ``types`` and ``grade``, weakest first."""
    rules = policy.delivery
    floor = rules.rank(rules.minimum_for(grade))
    out = []
    for op in rules.strength[max(floor, 0):]:
        if types:
            if op != "none" and not all(op in policy.pii[t].treated for t in types if t in policy.pii):
                continue
        elif op == "generalize":  # nothing says how to generalize a field of no known type
            continue
        out.append(op)
    return out


@dataclass
class FieldDecision:
    resource: str
    field: str
    grade: str
    types: list[str]
    minimum: str
    allowed: list[str]
    treatment: str

    def to_dict(self) -> dict[str, Any]:
        return {"resource": self.resource, "field": self.field, "grade": self.grade, "types": self.types,
                "minimum": self.minimum, "allowed": self.allowed, "treatment": {"operator": self.treatment}}


@dataclass
class Review:
    """An application set against the dataset: what the reviewer is shown before signing."""

    application: Application
    dataset_grade: str
    fields: list[FieldDecision] = field(default_factory=list)
    not_requested: list[str] = field(default_factory=list)
    #: only rows whose field holds one of these values (``None``: every row)
    rows: dict[str, Any] | None = None


def review(application: Application, *, fields: list[str] | None = None, treatments: dict[str, str] | None = None,
           rows: str | None = None, policy: Policy | None = None) -> Review:
    """The request against the dataset's grade and fields, with the proposed treatment of each.

    ``fields`` narrows the request (a grant never gives more than was asked); ``treatments``
    (``field`` → operator) chooses a stronger treatment than proposed — a weaker one than the
    policy's minimum is refused.
    """
    policy = policy or load_policy()
    record = application.record
    _, descriptor = catalogue_descriptor(record["catalog"], record["dataset"])
    package_grade = (descriptor.get("opendata") or {}).get("grade")
    listed = {(r, f["name"]): f for r, f in dataset_fields(descriptor)}
    requested = [(d["resource"], d["field"]) for d in record["fields"]]
    if fields:
        keep = []
        for name in fields:
            hits = [k for k in requested if name in (k[1], f"{k[0]}.{k[1]}")]
            if not hits:
                raise InputError("delivery.not_requested", field=name)
            keep.extend(h for h in hits if h not in keep)
        requested = keep
    treatments = dict(treatments or {})
    decisions = []
    for resource, name in requested:
        f = listed.get((resource, name))
        if f is None:
            raise InputError("delivery.unknown_field", field=name, known="-")
        types = [t for t in _types(f) if t in policy.pii]
        grade = field_grade(f, package_grade, policy)
        ok = allowed(types, grade, policy)
        if not ok:
            raise GrantError("delivery.no_treatment", field=name, grade=grade)
        chosen = treatments.pop(name, None) or treatments.pop(f"{resource}.{name}", None) or ok[0]
        if chosen not in ok:
            raise GrantError("delivery.too_weak", field=name, operator=chosen, grade=grade,
                             minimum=policy.delivery.minimum_for(grade), allowed=", ".join(ok))
        decisions.append(FieldDecision(resource, name, grade, types, policy.delivery.minimum_for(grade), ok, chosen))
    if treatments:
        raise InputError("delivery.not_requested", field=next(iter(treatments)))
    dataset_grade = policy.grades[0].id
    for d in decisions:
        dataset_grade = policy.higher(d.grade, dataset_grade)
    others = [f"{r}.{f['name']}" for r, f in dataset_fields(descriptor) if (r, f["name"]) not in requested]
    asked = record.get("rows")
    selected = parse_rows(rows, dataset_fields(descriptor)) if rows else asked
    if asked and (selected["resource"], selected["field"]) != (asked["resource"], asked["field"]) \
            or asked and not set(selected["values"]) <= set(asked["values"]):
        raise InputError("delivery.rows_not_requested", spec=str(rows)[:80])
    return Review(application, dataset_grade, decisions, others, selected)


def _decided(application_id: str) -> bool:
    return any(r.get("action") in ("grant", "refuse") and r.get("application") == application_id
               for r in audit.central().records())


def grant(application: Application, review_: Review, *, reviewer: str, key_id: str | None = None,
          passphrase: str | None = None, out: str | Path | None = None, policy: Policy | None = None,
          until: str | None = None, now: dt.datetime | None = None) -> dict[str, Any]:
    """Sign the grant of ``review_`` and store it; returns the grant record (no personal data:
    the applicant's organisation, never the contact or identity). ``until`` shortens the period
    of use the application asked for (never lengthens it); the grant expires at the end of that
    day, Beijing time."""
    policy = policy or load_policy()
    record = application.record
    if _decided(application.id):
        raise GrantError("delivery.already_decided", id=application.id)
    if until is not None:
        from .application import parse_until

        if parse_until(until, policy) > record["until"]:
            raise GrantError("delivery.until_beyond_application", until=until, asked=record["until"])
    key_id = key_id or trust_keys.active_signing_key_id(reviewer)
    private = trust_keys.signing_key(key_id, passphrase)
    department_id, department = dkeys.delivery_signing_key()
    now = now or dt.datetime.now(dt.timezone.utc)
    until = dt.date.fromisoformat(until or record["until"])
    expires = dt.datetime.combine(until, dt.time(23, 59, 59), tzinfo=dt.timezone(dt.timedelta(hours=8)))
    grant_id = store.new_id("grant")
    body = {
        "format": FORMAT, "id": grant_id, "application": application.id,
        "application_sha256": signing.digest(record), "dataset": record["dataset"], "catalog": record["catalog"],
        "recipient": {"organisation": record["applicant"]["organisation"], "key_id": record["recipient_key"]["id"],
                      "public_key": record["recipient_key"]["public"]},
        "purpose_sha256": hashlib.sha256(record["purpose"].encode("utf-8")).hexdigest(),
        "fields": [d.to_dict() for d in review_.fields], "rows": review_.rows, "grade": review_.dataset_grade,
        "issued": now.isoformat(timespec="seconds"), "expires": expires.isoformat(timespec="seconds"),
        "terms_sha256": record["terms_sha256"], "policy": policy.summary(), "reviewer": reviewer,
        "department_key": {"key_id": department_id,
                           "public_key": base64.b64encode(dkeys.raw(department.public_key())).decode("ascii")},
        "nonce": secrets.token_hex(8),
    }
    signing.sign(body, private)
    if body["key_id"] != key_id:
        raise GrantError("delivery.grant_untrusted", key_id=key_id)
    store.save("grant", grant_id, body)
    if out is not None:
        store.write_private(Path(out), body)
    audit.record("grant", grant=grant_id, application=application.id, dataset=record["dataset"],
                 organisation=body["recipient"]["organisation"], reviewer=reviewer, key_id=key_id,
                 expires=body["expires"], recipient_key=body["recipient"]["key_id"],
                 fields={f"{d.resource}.{d.field}": d.treatment for d in review_.fields}, sha256=signing.digest(body))
    _count_in_catalogue(record["catalog"], record["dataset"])
    return body


def grants_of(name: str) -> int:
    """How many grants the dataset ``name`` has had, from the audit log."""
    return sum(1 for r in audit.central().records() if r.get("action") == "grant" and r.get("dataset") == name)


def _count_in_catalogue(catalog_spec: str, name: str) -> None:
    """The catalogue shows how many grants a restricted dataset has had (counts only): the local
    catalogue counts them itself; a CKAN gets the count of the audit log."""
    from ..catalogs import LocalCatalog, open_catalog
    from ..catalogs.ckan import CkanCatalog

    catalog = open_catalog(catalog_spec, must_exist=True)
    if isinstance(catalog, LocalCatalog):
        catalog.count_grant(name)
    elif isinstance(catalog, CkanCatalog):
        catalog.set_grant_count(name, grants_of(name))


def refuse(application: Application, *, reviewer: str, reason: str) -> dict[str, Any]:
    """Refuse ``application`` with ``reason`` (kept in the private store and log only)."""
    if not reason.strip():
        raise InputError("delivery.missing_value", option="--reason")
    if _decided(application.id):
        raise GrantError("delivery.already_decided", id=application.id)
    ident = store.new_id("grant")
    record = {"format": REFUSAL, "id": ident, "application": application.id, "dataset": application.dataset,
              "reviewer": reviewer, "reason": reason,
              "time": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")}
    store.save("grant", ident, record)
    audit.record("refuse", application=application.id, dataset=application.dataset, reviewer=reviewer,
                 reason=reason, reason_sha256=hashlib.sha256(reason.encode("utf-8")).hexdigest())
    return record


def revoke(grant_record: dict[str, Any], *, reason: str) -> None:
    """Revoke a grant: no delivery is made under it again. Audited."""
    if not reason.strip():
        raise InputError("delivery.missing_value", option="--reason")
    stored = store.load("grant", str(grant_record.get("id", "")))
    if stored is None or stored.get("format") != FORMAT:
        raise GrantError("delivery.unknown_grant", id=str(grant_record.get("id", "?"))[:40])
    audit.record("revoke-grant", grant=stored["id"], dataset=stored["dataset"], reason=reason,
                 reason_sha256=hashlib.sha256(reason.encode("utf-8")).hexdigest())
    _resync_ckan(str(stored.get("catalog", "")), stored["dataset"])


def _resync_ckan(catalog_spec: str, name: str) -> None:
    """A revocation does not lower how many grants a dataset *has had*; on a CKAN it sets the
    count from the audit log again, which mends a count a failed update left behind."""
    import re

    if not re.match(r"^https?://", catalog_spec):
        return
    from ..catalogs import open_catalog

    catalog = open_catalog(catalog_spec, must_exist=True)
    if hasattr(catalog, "set_grant_count"):
        catalog.set_grant_count(name, grants_of(name))


def revoked(grant_id: str) -> str | None:
    """When ``grant_id`` was revoked, from the audit log (``None``: it was not)."""
    for r in audit.central().records():
        if r.get("action") == "revoke-grant" and r.get("grant") == grant_id:
            return str(r.get("time"))
    return None


def expired(record: dict[str, Any], now: dt.datetime | None = None) -> bool:
    try:
        expires = dt.datetime.fromisoformat(str(record["expires"]))
    except (KeyError, ValueError):
        return True
    return (now or dt.datetime.now(dt.timezone.utc)) > expires


def verify_grant(path_or_record: str | Path | dict[str, Any], *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The delivery gate: the grant, as this department issued and a trusted reviewer signed it,
    neither expired nor revoked. Returns the stored record; :class:`GrantError` names the reason."""
    record = path_or_record if isinstance(path_or_record, dict) else store.read_json(path_or_record)
    if record.get("format") != FORMAT:
        raise GrantError("delivery.not_a_grant", format=str(record.get("format"))[:40])
    if not signing.signature_ok(record):
        raise GrantError("delivery.grant_tampered", id=str(record.get("id"))[:40])
    entry = trust_keys.trusted_entry(str(record.get("key_id")))
    if entry is None or trust_keys.entry_public_key(entry) is None:
        raise GrantError("delivery.grant_untrusted", key_id=str(record.get("key_id")))
    if base64.b64encode(dkeys.raw(trust_keys.entry_public_key(entry))).decode() != record.get("public_key"):
        raise GrantError("delivery.grant_untrusted", key_id=str(record.get("key_id")))
    if entry.get("revoked"):
        raise GrantError("approval.revoked_key", key_id=record["key_id"], when=entry["revoked"])
    if entry.get("expires"):  # as for approvals: signed before the key expired, and used before too
        key_expires = dt.datetime.fromisoformat(trust_keys.parse_time(entry["expires"]))
        if dt.datetime.fromisoformat(record["issued"]) > key_expires or (now or dt.datetime.now(dt.timezone.utc)) > key_expires:
            raise GrantError("approval.expired_key", key_id=record["key_id"], when=entry["expires"])
    if entry.get("reviewer") != record.get("reviewer"):
        raise GrantError("approval.wrong_reviewer", key_id=record["key_id"], reviewer=str(record.get("reviewer")))
    stored = store.load("grant", str(record.get("id")))
    if stored is None or signing.signed_bytes(stored) != signing.signed_bytes(record) \
            or stored.get("signature") != record.get("signature"):
        raise GrantError("delivery.unknown_grant", id=str(record.get("id"))[:40])
    if expired(record, now):
        raise GrantError("delivery.grant_expired", id=record["id"], expires=record["expires"])
    when = revoked(record["id"])
    if when is not None:
        raise GrantError("delivery.grant_revoked", id=record["id"], when=when)
    return stored


def load_for_decision(path: str | Path) -> Application:
    return load_application(path)
