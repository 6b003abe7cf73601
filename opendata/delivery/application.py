"""Applications (依申请): who asks for a restricted dataset, for what, which fields, until when.

The department records an application with :func:`apply` (``opendata apply``): it must name a
dataset its catalogue lists as 受限开放, fields that dataset has, a period of use within the
policy's limit, and the applicant's X25519 public key. The record — with the applicant's contact
and identity, which are personal data — is signed with the department's delivery key and kept in
the private store (:mod:`.store`); a copy goes to ``--out``. The audit log gets the application's
id, dataset, organisation, field count, period and hash: never the contact, identity or purpose
text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import messages
from ..errors import InputError, PolicyError
from ..policy.rules import Policy, load_policy
from ..trust import audit
from . import keys as dkeys
from . import signing, store

FORMAT = "opendata-application/1"


@dataclass(frozen=True)
class Application:
    record: dict[str, Any]

    @property
    def id(self) -> str:
        return self.record["id"]

    @property
    def dataset(self) -> str:
        return self.record["dataset"]


def terms_text(lang: str | None = None) -> str:
    """The default terms of use every applicant accepts (the department may give its own file)."""
    return messages.t("delivery.terms", lang=lang)


def catalogue_descriptor(catalog_spec: str, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dataset's catalogue entry and its published ``datapackage.json`` (every file checked
    against its recorded hash while it is read back)."""
    from ..catalogs import open_catalog
    from ..catalogs import ops

    catalog = open_catalog(catalog_spec, must_exist=True)
    entry = catalog.get(name)
    scratch = Path(tempfile.mkdtemp(prefix="apply-"))
    try:
        ops.pull(catalog, name, scratch / "pkg")
        descriptor = store.read_json(scratch / "pkg" / "datapackage.json")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return entry, descriptor


def dataset_fields(descriptor: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """``(resource, field descriptor)`` of every field the catalogue lists."""
    out = []
    for res in descriptor.get("resources") or []:
        for f in ((res.get("schema") or {}).get("fields") or []) if isinstance(res.get("schema"), dict) else []:
            out.append((res.get("name") or "data", f))
    return out


def resolve_fields(requested: list[str] | None, available: list[tuple[str, dict[str, Any]]]) -> list[dict[str, str]]:
    """The requested fields (``field`` or ``resource.field``) as ``{resource, field}``; all when
    ``None``. An unknown name is an input error naming it."""
    if not requested:
        return [{"resource": r, "field": f["name"]} for r, f in available]
    out: list[dict[str, str]] = []
    for name in requested:
        hits = [{"resource": r, "field": f["name"]} for r, f in available if name in (f["name"], f"{r}.{f['name']}")]
        if not hits:
            raise InputError("delivery.unknown_field", field=name,
                             known=", ".join(f["name"] for _, f in available)[:400])
        out.extend(h for h in hits if h not in out)
    return out


def parse_rows(spec: str | None, available: list[tuple[str, dict[str, Any]]]) -> dict[str, Any] | None:
    """A row restriction ``FIELD=V1,V2`` (rows whose FIELD is one of the values) as
    ``{resource, field, values}``; only a field holding no personal information may select rows
    (the values are written into the grant)."""
    if not spec:
        return None
    name, sep, values = str(spec).partition("=")
    wanted = [v.strip() for v in values.split(",") if v.strip()]
    if not sep or not wanted:
        raise InputError("delivery.bad_rows", spec=str(spec)[:80])
    hits = [(r, f) for r, f in available if name.strip() in (f["name"], f"{r}.{f['name']}")]
    if not hits:
        raise InputError("delivery.unknown_field", field=name.strip(), known=", ".join(f["name"] for _, f in available)[:400])
    resource, f = hits[0]
    if (f.get("opendata") or {}).get("pii") not in (None, "none") or (f.get("opendata") or {}).get("treated"):
        raise PolicyError("delivery.rows_personal", field=f["name"])
    return {"resource": resource, "field": f["name"], "values": sorted(set(wanted))}


def parse_until(value: str, policy: Policy, *, today: dt.date | None = None) -> str:
    """The last day of use: a date after today, at most the policy's ``max_days`` away."""
    try:
        until = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError("delivery.bad_date", value=str(value)[:40]) from None
    today = today or dt.datetime.now(dt.timezone.utc).date()
    if until < today:
        raise PolicyError("delivery.until_past", until=until.isoformat())
    if (until - today).days > policy.delivery.max_days:
        raise PolicyError("delivery.until_too_far", until=until.isoformat(), days=policy.delivery.max_days)
    return until.isoformat()


def apply(name: str, catalog: str, *, applicant: str, contact: str, purpose: str, until: str,
          recipient_key: str | Path, fields: list[str] | None = None, identity: str = "",
          terms: str | None = None, out: str | Path | None = None, policy: Policy | None = None,
          rows: str | None = None) -> Application:
    """Record an application for the restricted dataset ``name`` of ``catalog`` (see the module)."""
    policy = policy or load_policy()
    for what, value in (("--applicant", applicant), ("--contact", contact), ("--purpose", purpose)):
        if not str(value or "").strip():
            raise InputError("delivery.missing_value", option=what)
    public = dkeys.load_recipient_public(recipient_key)
    entry, descriptor = catalogue_descriptor(catalog, name)
    from ..catalogs.metadata import extra

    if extra(entry, "opendata_openness") != "restricted":
        raise PolicyError("delivery.not_restricted", name=name,
                          openness=extra(entry, "opendata_openness") or "-")
    requested = resolve_fields(fields, dataset_fields(descriptor))
    selected = parse_rows(rows, dataset_fields(descriptor))
    terms = terms if terms is not None else terms_text()
    ident = store.new_id("app")
    record = {
        "format": FORMAT, "id": ident, "dataset": name, "catalog": catalog,
        "applicant": {"organisation": applicant.strip(), "contact": contact.strip(), "identity": identity.strip()},
        "purpose": purpose.strip(), "fields": requested, "rows": selected, "until": parse_until(until, policy),
        "recipient_key": {"id": dkeys.recipient_id(public), "public": _b64(dkeys.raw(public))},
        "terms": terms, "terms_sha256": hashlib.sha256(terms.encode("utf-8")).hexdigest(), "terms_accepted": True,
        "received": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
    }
    _, private = dkeys.delivery_signing_key()
    signing.sign(record, private)
    store.save("app", ident, record)
    if out is not None:
        store.write_private(Path(out), record)  # holds the applicant's personal data: 0600
    audit.record("apply", application=ident, dataset=name, organisation=record["applicant"]["organisation"],
                 fields=len(requested), until=record["until"], recipient_key=record["recipient_key"]["id"],
                 sha256=signing.digest(record), purpose_sha256=hashlib.sha256(purpose.encode("utf-8")).hexdigest())
    return Application(record)


def load_application(path: str | Path) -> Application:
    """An application file, accepted only if it is exactly the one this department recorded
    (same id, same signed content): an edited copy — other fields, a later date, another
    recipient key — is refused."""
    record = store.read_json(path)
    stored = store.load("app", str(record.get("id", "")))
    if stored is None:
        raise PolicyError("delivery.unknown_application", id=str(record.get("id", "?"))[:40])
    if not signing.signature_ok(record) or signing.signed_bytes(record) != signing.signed_bytes(stored) \
            or record.get("signature") != stored.get("signature"):
        raise PolicyError("delivery.application_tampered", path=str(path))
    _, private = dkeys.delivery_signing_key()
    if record.get("key_id") != signing.trust_keys.key_id_of(private.public_key()):
        raise PolicyError("delivery.application_tampered", path=str(path))
    return Application(stored)


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def to_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2)
