"""Delivery: the extract a grant allows, treated as granted, fingerprinted, encrypted to its
recipient — and its reception and verification on the recipient's side.

:func:`deliver` passes the grant through :func:`~.grant.verify_grant`, reads the department's
untreated package once (a :mod:`~opendata.trust.snapshot`), grades it under the current policy and
refuses any granted treatment weaker than the minimum for a field's grade (a field graded higher
now than when it was granted is held to the higher minimum), or any field the detectors are unsure
about. It writes only the granted fields, each treated as granted — pseudonyms and masks with the
recipient's fingerprint (:mod:`.watermark`) — re-scans the result, and encrypts every file to the
recipient's X25519 key (:mod:`.envelope`). The output directory holds::

    manifest.json      signed by the department's delivery key: grant, recipient key, cipher
                       header, and per file its size and SHA-256 before and after encryption
    grant.json         the grant as the reviewer signed it (organisation, never personal data)
    terms.txt          the terms the applicant accepted
    payload/NN.bin     the encrypted files: datapackage.json and data/<resource>.csv

:func:`receive` decrypts and checks all of it; :func:`verify` checks a delivery or a received copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from ..errors import InputError, PolicyError
from ..policy.rules import Policy, load_policy
from ..release import sha256_file
from ..trust import audit
from ..trust import keys as trust_keys
from . import canary, envelope, signing, store, watermark
from . import keys as dkeys
from .grant import GrantError, expired, verify_grant

FORMAT = "opendata-delivery/1"
MANIFEST, GRANT, TERMS, PAYLOAD = "manifest.json", "grant.json", "terms.txt", "payload"


@dataclass
class Delivery:
    """What a delivery wrote (no values)."""

    grant: str
    directory: Path
    rows: dict[str, int]
    fields: dict[str, str]
    files: list[dict[str, Any]] = field(default_factory=list)


def _check_fields(grant: dict[str, Any], package: Any, report: Any, policy: Policy) -> dict[tuple[str, str], dict]:
    """Each granted field as it stands in the untreated package: its grade now, its types, and the
    treatment — refused if weaker than the policy's minimum or not accepted for the type."""
    grades = {(g.resource, g.field): g for g in report.classification.fields}
    uncertain = {(f.resource, f.field) for f in report.classification.findings if f.code == "pii_uncertain"}
    rules = policy.delivery
    out: dict[tuple[str, str], dict] = {}
    worst = policy.grades[0].id
    for d in grant["fields"]:
        key = (d["resource"], d["field"])
        if key not in grades:
            raise PolicyError("delivery.field_missing", field=f"{key[0]}.{key[1]}", dataset=package.name)
        if key in uncertain:
            raise PolicyError("delivery.pii_uncertain", field=d["field"])
        fg = grades[key]
        op = d["treatment"]["operator"]
        types = [t for t in fg.pii if t in policy.pii]
        grade = fg.grade  # as graded now; a declared treatment the delivery does not apply lowers nothing:
        if fg.reason != "disclosed":  # personal information counts at its untreated grade
            for t in types:
                grade = policy.higher(policy.pii[t].grade, grade)
        minimum = rules.minimum_for(grade)
        if rules.rank(op) < 0 or rules.rank(op) < rules.rank(minimum):
            raise PolicyError("delivery.too_weak", field=d["field"], operator=op, grade=grade, minimum=minimum,
                              allowed=", ".join(rules.strength[max(rules.rank(minimum), 0):]))
        if op != "none" and any(op not in policy.pii[t].treated for t in types):
            raise PolicyError("delivery.too_weak", field=d["field"], operator=op, grade=grade, minimum=minimum,
                              allowed="-")
        after = grade if op == "none" or not types else policy.grades[0].id
        for t in types if op != "none" else []:
            after = policy.higher(policy.pii[t].treated[op], after)
        if op != "suppress":
            worst = policy.higher(after, worst)
        out[key] = {"operator": op, "types": types, "grade": grade, "grade_after": after}
    selected = grant.get("rows")
    if selected:
        key = (selected["resource"], selected["field"])
        if key not in grades:
            raise PolicyError("delivery.field_missing", field=f"{key[0]}.{key[1]}", dataset=package.name)
        if grades[key].pii:
            raise PolicyError("delivery.rows_personal", field=key[1])
    if "restricted" not in policy.grade(worst).openness:
        raise PolicyError("delivery.grade_too_high", grade=worst)
    return out


def _treat(column: pa.Array, plan: dict, keys: watermark.GrantKeys, policy: Policy, data_key: Any = None) -> pa.Array:
    """One granted column treated as granted; pseudonyms and masks carry the recipient's marks.
    ``data_key`` serves a policy whose default treatment of another type in the column needs one."""
    from ..pii.treat import treat_field

    op, types = plan["operator"], plan["types"]
    kind = types[0] if types else None
    column = column.cast(pa.string())
    if op == "none":
        return column
    if op == "pseudonymize":
        return watermark.pseudonymize(column, keys)
    others = {k: (dict(r.default_treatment)["operator"], {p: v for p, v in r.default_treatment.items() if p != "operator"})
              for k, r in policy.pii.items()}
    params: dict[str, Any] = {}
    if op == "generalize" and kind in policy.pii and policy.pii[kind].default_treatment.get("operator") == "generalize":
        params = {p: v for p, v in policy.pii[kind].default_treatment.items() if p != "operator"}
    treated = treat_field(column, kind, op, params, data_key, others=others,
                          generic_treatment=dict(policy.generic_treatment))
    return watermark.mark_masks(treated, keys) if op == "mask" else treated


def _descriptor(package: Any, plans: dict[tuple[str, str], dict], grant: dict[str, Any]) -> dict[str, Any]:
    source = package.to_descriptor()
    resources = []
    for res, rdesc in zip(package.resources, source["resources"]):
        fields = []
        for fdesc in (rdesc.get("schema") or {}).get("fields", []):
            plan = plans.get((res.name, fdesc["name"]))
            if plan is None or plan["operator"] == "suppress":
                continue
            fdesc = {k: v for k, v in fdesc.items() if k in ("name", "title", "description", "type", "format",
                                                                 "opendata")}
            props = {k: v for k, v in (fdesc.get("opendata") or {}).items() if k in ("pii", "grade")}
            if plan["operator"] != "none":
                props["treated"] = {"operator": plan["operator"], "types": plan["types"], "delivery": grant["id"]}
                fdesc["type"] = "string"
                fdesc.pop("format", None)
            if props:
                fdesc["opendata"] = props
            else:
                fdesc.pop("opendata", None)
            fields.append(fdesc)
        if fields:
            resources.append({"name": res.name, "path": f"data/{res.name}.csv", "format": "csv",
                              "encoding": "utf-8-sig", "schema": {"fields": fields}})
    out = {k: v for k, v in source.items() if k in ("name", "title", "description", "version", "licenses")}
    out["resources"] = resources
    out["opendata"] = {"delivery": {"grant": grant["id"], "recipient": grant["recipient"]["organisation"],
                                    "expires": grant["expires"]}}
    return out


def _selected_rows(batch: pa.RecordBatch, selected: dict[str, Any] | None) -> pa.RecordBatch:
    """Only the granted rows of ``batch``, before anything is treated."""
    if selected is None:
        return batch
    column = pc.utf8_trim_whitespace(batch.column(batch.schema.get_field_index(selected["field"])))
    return batch.filter(pc.fill_null(pc.is_in(column, value_set=pa.array(selected["values"])), False))


def _profile(res: Any, names: list[str], plans: dict[tuple[str, str], dict], selected: dict[str, Any] | None,
             secret: bytes) -> tuple[int, dict[str, canary.Profile]]:
    """Rows to deliver, and the domain (or a sample) of each column a canary draws from."""
    types = {f.name: f.type for f in res.schema.fields}
    profiles: dict[str, canary.Profile] = {}
    for n in names:
        op = plans[(res.name, n)]["operator"]
        if op == "pseudonymize":
            continue
        profiles[n] = canary.Profile(types.get(n, "string"), secret, bool(plans[(res.name, n)]["types"]),
                                     sample_only=op != "none")
    rows = 0
    for batch in res.raw_batches():
        batch = _selected_rows(batch, selected)
        rows += batch.num_rows
        for n, profile in profiles.items():
            profile.add(batch.column(batch.schema.get_field_index(n)))
    return rows, profiles


def _write_extract(package: Any, plans: dict[tuple[str, str], dict], grant: dict[str, Any], keys: watermark.GrantKeys,
                   policy: Policy, into: Path, data_key: Any = None,
                   canaries: dict[str, Any] | None = None) -> dict[str, int]:
    """Write the granted rows and fields, treated, with the grant's canary rows among them (their
    domains go into ``canaries``, for the audit record: see :mod:`.canary`)."""
    from ..release import CsvSink

    (into / "data").mkdir(parents=True)
    secret = canary.canary_key(data_key, grant["id"]) if data_key is not None else b""
    rows: dict[str, int] = {}
    for res in package.resources:
        names = [f.name for f in res.schema.fields
                 if (res.name, f.name) in plans and plans[(res.name, f.name)]["operator"] != "suppress"]
        if not names:
            continue
        selected = grant.get("rows") if (grant.get("rows") or {}).get("resource") == res.name else None
        if selected is not None and selected["field"] not in res.schema.field_names:
            raise PolicyError("delivery.field_missing", field=f"{res.name}.{selected['field']}", dataset=package.name)
        pending: list[tuple[int, pa.RecordBatch]] = []
        if canaries is not None and secret:
            real, profiles = _profile(res, names, plans, selected, secret)
            specs = {n: p.spec() for n, p in profiles.items() if plans[(res.name, n)]["operator"] == "none"}
            if selected is not None and selected["field"] in specs:  # a canary is one of the granted rows
                specs[selected["field"]] = {"kind": "choice", "hashes": sorted(
                    canary.value_hash(secret, v) for v in selected["values"])}
                profiles[selected["field"]].distinct = {v: 1 for v in selected["values"]}
            count = canary.count_for(real)
            raw = canary.raw_rows(secret, res.name, count, {n: plans[(res.name, n)] for n in names}, profiles, specs)
            for at, cells in zip(canary.positions(secret, res.name, real, count), raw):
                arrays = [_treat(pa.array([cells[n]], pa.string()), plans[(res.name, n)], keys, policy, data_key)
                          for n in names]
                pending.append((at, pa.RecordBatch.from_arrays(arrays, names=names)))
            canaries[res.name] = {"count": count, "rows": real, "columns": specs}
        sink = CsvSink(into / "data" / f"{res.name}.csv", names)
        count = 0
        try:
            for batch in res.raw_batches():
                batch = _selected_rows(batch, selected)
                arrays = [_treat(batch.column(batch.schema.get_field_index(n)), plans[(res.name, n)], keys, policy,
                                 data_key) for n in names]
                treated = pa.RecordBatch.from_arrays(arrays, names=names)
                start = 0
                while start < treated.num_rows:
                    while pending and pending[0][0] <= count:
                        sink.write(pending.pop(0)[1])
                        count += 1
                    take = treated.num_rows - start
                    if pending:
                        take = min(take, pending[0][0] - count)
                    sink.write(treated.slice(start, take))
                    count += take
                    start += take
            for _, row in pending:
                sink.write(row)
                count += 1
        finally:
            sink.close()
        rows[res.name] = count
    descriptor = _descriptor(package, plans, grant)
    if canaries:
        descriptor["opendata"]["delivery"]["synthetic_rows"] = {r: c["count"] for r, c in canaries.items()}
    (into / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2)
                                           + "\n", encoding="utf-8")
    return rows


def _rescan(into: Path, plans: dict[tuple[str, str], dict], policy: Policy) -> None:
    """No raw personal information in a treated field of the extract (fail closed)."""
    from ..package import load
    from ..pii.scan import scan

    extract = load(into)
    scanned = scan(extract, rules=policy.detection)
    for res in extract.resources:
        for f in res.schema.fields:
            plan = plans.get((res.name, f.name))
            if plan is None or plan["operator"] == "none":
                continue
            for d in scanned.resource(res.name).field(f.name).detected:
                if d.personal and d.raw and not d.uncertain:
                    raise PolicyError("delivery.residual", field=f.name, type=d.type, count=d.matches + d.span_matches)


def deliver(grant_source: str | Path | dict[str, Any], package_dir: str | Path, out: str | Path, *,
            policy: Policy | None = None, now: dt.datetime | None = None, password: str | None = None) -> Delivery:
    """Make the encrypted, fingerprinted extract of ``grant_source`` from the department's own,
    untreated package in ``package_dir`` into ``out`` (a new directory). See the module.

    With ``password`` the extract is sealed under that password (scrypt, :mod:`.envelope`) instead
    of the recipient's key: the department sends the password to the recipient apart (another
    channel: telephone, a letter, an SMS — never with the extract)."""
    from ..check import check
    from ..trust.snapshot import snapshot

    if password is not None and len(password) < envelope.MIN_PASSWORD:  # before any work
        raise PolicyError("delivery.weak_password", minimum=envelope.MIN_PASSWORD)
    grant = verify_grant(grant_source, now=now)
    policy = policy or load_policy()
    out = Path(out)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("redact.output_exists", path=str(out))
    recipient = dkeys.public_from_raw(grant["recipient"]["public_key"])
    if dkeys.recipient_id(recipient) != grant["recipient"]["key_id"]:
        raise GrantError("delivery.grant_tampered", id=grant["id"])
    application = store.load("app", grant["application"]) or {}
    terms = application.get("terms", "")
    if hashlib.sha256(terms.encode("utf-8")).hexdigest() != grant["terms_sha256"]:
        raise GrantError("delivery.unknown_application", id=grant["application"])
    data_key = trust_keys.data_key()
    keys = watermark.grant_keys(data_key, grant["id"])
    scratch = store.scratch()
    staging = None
    try:
        with snapshot(package_dir) as snap:
            package = snap.package
            if package.name != grant["dataset"]:
                raise PolicyError("delivery.other_dataset", granted=grant["dataset"], name=package.name)
            report = check(package, policy=policy)
            if not report.valid:
                raise PolicyError("delivery.invalid_input", name=package.name, count=report.validation.error_count)
            plans = _check_fields(grant, package, report, policy)
            canaries: dict[str, Any] = {}
            rows = _write_extract(package, plans, grant, keys, policy, scratch / "plain", data_key, canaries)
        _rescan(scratch / "plain", plans, policy)
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = out.parent / f".{out.name}.{os.getpid()}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        (staging / PAYLOAD).mkdir(parents=True)
        (staging / GRANT).write_text(json.dumps(grant, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        (staging / TERMS).write_text(terms, encoding="utf-8")
        sealer = (envelope.Sealer.with_password(password, grant["id"]) if password is not None
                  else envelope.Sealer.to(recipient, grant["id"]))
        plain = scratch / "plain"
        files = []
        for n, path in enumerate(sorted(p for p in plain.rglob("*") if p.is_file())):
            name = path.relative_to(plain).as_posix()
            payload = f"{PAYLOAD}/{n:02d}.bin"
            files.append({"name": name, "payload": payload, **sealer.seal_file(path, staging / payload, name)})
        _, department = dkeys.delivery_signing_key()
        manifest = {
            "format": FORMAT, "grant": grant["id"], "grant_sha256": sha256_file(staging / GRANT),
            "terms_sha256": sha256_file(staging / TERMS), "dataset": grant["dataset"],
            "recipient_key": grant["recipient"]["key_id"], "expires": grant["expires"],
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "rows": rows,
            "synthetic_rows": {r: c["count"] for r, c in canaries.items()},
            "cipher": sealer.header, "files": files,
        }
        signing.sign(manifest, department)
        (staging / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if out.exists():
            out.rmdir()
        os.rename(staging, out)
        staging = None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    granted = {f"{r}.{f}": p["operator"] for (r, f), p in plans.items()}
    marks = Counter(p["operator"] for p in plans.values() if p["operator"] in ("pseudonymize", "mask"))
    audit.record("deliver", grant=grant["id"], dataset=grant["dataset"],
                 organisation=grant["recipient"]["organisation"], recipient_key=grant["recipient"]["key_id"],
                 data_key=data_key.id, fields=granted, marks=dict(marks), rows=rows, canaries=canaries,
                 sealed="password" if password is not None else "recipient-key",
                 manifest_sha256=sha256_file(out / MANIFEST), files={f["name"]: f["sha256"] for f in files})
    return Delivery(grant["id"], out, rows, granted, files)


@dataclass
class Received:
    grant: dict[str, Any]
    manifest: dict[str, Any]
    directory: Path
    files: list[str]


def _check_delivery(directory: Path, *, trust: str | Path | None = None) -> tuple[dict, dict]:
    """The manifest and the grant of a delivery, each signed and bound to the other; with
    ``trust`` (the department's delivery public key, PEM), signed by that key and no other."""
    manifest = store.read_json(directory / MANIFEST)
    if manifest.get("format") != FORMAT or not signing.signature_ok(manifest):
        raise PolicyError("delivery.manifest_tampered", path=str(directory / MANIFEST))
    if trust is not None and dkeys.pinned_key_id(trust) != manifest.get("key_id"):
        raise PolicyError("delivery.not_pinned", key_id=str(manifest.get("key_id")), path=str(trust))
    grant = store.read_json(directory / GRANT)
    if not signing.signature_ok(grant) or sha256_file(directory / GRANT) != manifest.get("grant_sha256") \
            or grant.get("id") != manifest.get("grant"):
        raise PolicyError("delivery.grant_tampered", id=str(manifest.get("grant"))[:40])
    department = grant.get("department_key") or {}
    if department.get("key_id") != manifest.get("key_id") or department.get("public_key") != manifest.get("public_key"):
        raise PolicyError("delivery.manifest_tampered", path=str(directory / MANIFEST))
    terms = directory / TERMS
    if not terms.is_file() or sha256_file(terms) != manifest.get("terms_sha256") or \
            sha256_file(terms) != grant.get("terms_sha256"):
        raise PolicyError("delivery.file_changed", file=TERMS)
    return manifest, grant


def _safe_name(directory: Path, name: str) -> Path:
    """A manifest's file name, only as a plain relative path inside ``directory``."""
    if not isinstance(name, str) or name.startswith(("/", "\\")) or ".." in Path(name).parts or not name:
        raise PolicyError("delivery.bad_manifest", what=str(name)[:80])
    return directory / name


def receive(directory: str | Path, key: str | Path | None, out: str | Path, *, passphrase: str | None = None,
            trust: str | Path | None = None, now: dt.datetime | None = None, password: str | None = None) -> Received:
    """Decrypt a delivery with the recipient's private key ``key`` (or the ``password`` the
    department sent apart, for a delivery sealed under one) into ``out`` and check everything: the
    signatures (by the department key ``trust`` names, when given — without it anyone could make
    a delivery that checks out against itself), that it is for this key, that the grant has not
    expired, every chunk and every file's SHA-256. Nothing is left in ``out`` unless all of it
    holds."""
    directory, out = Path(directory), Path(out)
    manifest, grant = _check_delivery(directory, trust=trust)
    sealed_by_password = envelope.is_password(manifest.get("cipher"))
    if sealed_by_password and password is None:
        raise InputError("delivery.needs_password")
    if not sealed_by_password and key is None:
        raise InputError("delivery.needs_key")
    private = None
    if not sealed_by_password:
        private = dkeys.load_recipient_private(key, passphrase)
        mine = dkeys.recipient_id(private.public_key())
        if mine != manifest.get("recipient_key") or mine != grant["recipient"]["key_id"]:
            raise PolicyError("delivery.wrong_key", key_id=mine, wanted=str(manifest.get("recipient_key")))
    if expired(grant, now):
        raise GrantError("delivery.grant_expired", id=grant["id"], expires=grant["expires"])
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise InputError("redact.output_exists", path=str(out))
    content = (envelope.password_opener(password, manifest["cipher"]) if sealed_by_password
               else envelope.opener(private, manifest["cipher"]))
    if manifest["cipher"].get("context") != grant["id"]:
        raise PolicyError("delivery.bad_manifest", what="context")
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.parent / f".{out.name}.{os.getpid()}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(mode=0o700)
    names = []
    try:
        for entry in manifest["files"]:
            target = _safe_name(staging, entry["name"])
            source = _safe_name(directory, entry["payload"])
            if not source.is_file():
                raise PolicyError("delivery.file_missing", file=entry["payload"])
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "xb") as handle:
                size, digest = envelope.open_file(content, source, handle, entry["name"])
            if size != entry["size"] or digest != entry["sha256"]:
                raise PolicyError("delivery.file_changed", file=entry["name"])
            names.append(entry["name"])
        for kept in (MANIFEST, GRANT, TERMS):
            shutil.copyfile(directory / kept, staging / kept)
        if out.exists():
            out.rmdir()
        os.rename(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return Received(grant, manifest, out, names)


def verify(directory: str | Path, *, trust: str | Path | None = None) -> tuple[dict[str, Any], list[str]]:
    """Check a delivery (encrypted: every payload's SHA-256) or a received copy (decrypted: every
    file's SHA-256) against its signed manifest and grant; returns the manifest and the files
    checked. :class:`PolicyError` names the first file that differs."""
    directory = Path(directory)
    manifest, _ = _check_delivery(directory, trust=trust)
    checked = []
    encrypted = (directory / PAYLOAD).is_dir()
    for entry in manifest["files"]:
        name = entry["payload"] if encrypted else entry["name"]
        path = _safe_name(directory, name)
        if not path.is_file():
            raise PolicyError("delivery.file_missing", file=name)
        if sha256_file(path) != (entry["payload_sha256"] if encrypted else entry["sha256"]):
            raise PolicyError("delivery.file_changed", file=name)
        checked.append(name)
    return manifest, checked
