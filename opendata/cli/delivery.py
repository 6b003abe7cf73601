"""CLI verbs of 受限开放 on application, thin over :mod:`opendata.delivery`.

``opendata keys recipient``, ``apply``, ``grant``, ``refuse``, ``revoke``, ``deliver``,
``receive``, ``verify`` and ``trace``. Registered by :func:`register`; exit codes as everywhere
(0 done, 1 refused, 2 input error).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Callable

from .. import messages
from .common import EXIT_BLOCKED, EXIT_OK
from .common import err as _err
from .common import out as _out


def _passphrase() -> str | None:
    return os.environ.get("OPENDATA_KEY_PASSPHRASE") or None


def _names(value: str | None) -> list[str] | None:
    return [v.strip() for v in value.split(",") if v.strip()] if value else None


def keys_recipient(args: argparse.Namespace) -> int:
    """``opendata keys recipient --out DIR``."""
    from ..delivery.keys import create_recipient
    from ..errors import InputError

    if not args.out:
        raise InputError("delivery.missing_value", option="--out")
    key_id, private, public = create_recipient(args.out, _passphrase())
    _out(messages.t("delivery.recipient_created", key_id=key_id, private=private, public=public))
    return EXIT_OK


def cmd_apply(args: argparse.Namespace) -> int:
    from ..delivery import apply

    app = apply(args.name, args.catalog, applicant=args.applicant, contact=args.contact, purpose=args.purpose,
                until=args.until, recipient_key=args.recipient_key, fields=_names(args.fields),
                identity=args.identity or "", out=args.out, rows=args.rows)
    _out(messages.t("delivery.applied", id=app.id, dataset=app.dataset, fields=len(app.record["fields"]),
                    until=app.record["until"], path=args.out))
    return EXIT_OK


def _treatments(values: list[str]) -> dict[str, str]:
    from ..errors import InputError

    out = {}
    for item in values:
        name, sep, op = item.partition("=")
        if not sep or not name.strip() or not op.strip():
            raise InputError("delivery.missing_value", option=f"--treat {item[:40]}")
        out[name.strip()] = op.strip()
    return out


def cmd_grant(args: argparse.Namespace) -> int:
    from ..delivery import grant, load_application, review
    from ..trust import keys

    app = load_application(args.application)
    r = review(app, fields=_names(args.fields), treatments=_treatments(args.treat), rows=args.rows)
    rec = app.record
    _out(messages.t("delivery.review_head", id=app.id, organisation=rec["applicant"]["organisation"],
                    dataset=app.dataset, grade=r.dataset_grade, until=rec["until"], purpose=rec["purpose"]))
    for d in r.fields:
        _out(messages.t("delivery.review_field", field=f"{d.resource}.{d.field}", grade=d.grade,
                        types=",".join(d.types) or "-", minimum=d.minimum, treatment=d.treatment,
                        allowed=",".join(d.allowed)))
    if r.not_requested:
        _out(messages.t("delivery.review_not_requested", fields=", ".join(r.not_requested)))
    if r.rows:
        _out(messages.t("delivery.review_rows", field=f"{r.rows['resource']}.{r.rows['field']}",
                        values=", ".join(r.rows["values"])))
    if not args.yes:
        if not sys.stdin.isatty() or input(messages.t("delivery.confirm", reviewer=args.reviewer)).strip().lower() \
                not in ("y", "yes", "是"):
            _err(messages.t("delivery.declined") + ("" if sys.stdin.isatty() else " (--yes)"))
            return EXIT_BLOCKED
    key_id = keys.active_signing_key_id(args.reviewer)
    entry = next((e for e in keys.signing_keys() if e["id"] == key_id), {})
    record = grant(app, r, reviewer=args.reviewer, key_id=key_id,
                   passphrase=_passphrase() if entry.get("encrypted") else None, out=args.out, until=args.until)
    _out(messages.t("delivery.granted", id=record["id"], organisation=record["recipient"]["organisation"],
                    fields=len(record["fields"]), expires=record["expires"], path=args.out))
    return EXIT_OK


def cmd_refuse(args: argparse.Namespace) -> int:
    from ..delivery import load_application, refuse

    app = load_application(args.application)
    refuse(app, reviewer=args.reviewer, reason=args.reason)
    _out(messages.t("delivery.refused", id=app.id))
    return EXIT_OK


def cmd_revoke(args: argparse.Namespace) -> int:
    from ..delivery import revoke
    from ..delivery.store import read_json

    record = read_json(args.grant)
    revoke(record, reason=args.reason)
    _out(messages.t("delivery.revoked", id=record.get("id")))
    return EXIT_OK


def cmd_deliver(args: argparse.Namespace) -> int:
    from ..delivery import deliver

    from ..delivery.keys import read_password

    password, created = read_password(args.password_file, create=True) if args.password_file else (None, False)
    d = deliver(args.grant, args.package, args.out, password=password)
    record = json.loads((d.directory / "manifest.json").read_text(encoding="utf-8"))
    if password is None:
        _out(messages.t("delivery.delivered", grant=d.grant, rows=sum(d.rows.values()), fields=len(d.fields),
                        key=record["recipient_key"], path=d.directory))
    else:
        _out(messages.t("delivery.delivered_password", grant=d.grant, rows=sum(d.rows.values()),
                        fields=len(d.fields), path=d.directory))
        _err(messages.t("delivery.password_apart" if not created else "delivery.password_created",
                        file=args.password_file))
    return EXIT_OK


def cmd_receive(args: argparse.Namespace) -> int:
    from ..delivery import receive

    from ..delivery.keys import read_password
    from ..errors import InputError

    if bool(args.key) == bool(args.password_file):
        raise InputError("delivery.key_or_password")
    password = read_password(args.password_file)[0] if args.password_file else None
    got = receive(args.directory, args.key, args.out, passphrase=_passphrase(), trust=args.trust, password=password)
    _out(messages.t("delivery.received", count=len(got.files), grant=got.grant["id"],
                    department=got.manifest["key_id"], reviewer=got.grant.get("reviewer"),
                    reviewer_key=got.grant.get("key_id"), path=got.directory))
    if not args.trust:
        _err(messages.t("delivery.unpinned", key_id=got.manifest["key_id"]))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from ..delivery import verify

    manifest, checked = verify(args.directory, trust=args.trust)
    _out(messages.t("delivery.verified", count=len(checked), grant=manifest["grant"], department=manifest["key_id"]))
    if not args.trust:
        _err(messages.t("delivery.unpinned", key_id=manifest["key_id"]))
    return EXIT_OK


def cmd_trace(args: argparse.Namespace) -> int:
    from ..delivery import trace

    result = trace(args.file)
    if args.format == "json":
        _out(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK if result.named else EXIT_BLOCKED
    for c in result.named:
        _out(messages.t("delivery.trace_named", grant=c.grant, organisation=c.organisation, dataset=c.dataset,
                        confidence=f"{c.confidence:.6f}", tokens=result.tokens, tokens_ok=c.tokens_ok,
                        masked=result.masked, masks_ok=c.masks_ok, canaries=c.canaries,
                        canaries_found=c.canaries_found))
    if not result.named:
        best = result.best
        _out(messages.t("delivery.trace_nobody", grants=len(result.candidates), tokens=result.tokens,
                        masked=result.masked, best=f"{best.grant} ({best.organisation})" if best else "-",
                        confidence=f"{best.confidence:.6f}" if best else "0", needed=f"{1 - result.alpha:.6f}"))
        return EXIT_BLOCKED
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h: Callable[[str], str]) -> None:
    """Add the verbs to the ``opendata`` parser."""
    def verb(name: str, key: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=h(key), description=h(key), parents=[common])

    p = verb("apply", "apply_verb")
    p.add_argument("name", help=h("dataset"))
    p.add_argument("--catalog", required=True, help=h("catalog"))
    p.add_argument("--applicant", required=True, help=h("applicant"))
    p.add_argument("--contact", required=True, help=h("contact"))
    p.add_argument("--identity", help=h("identity"))
    p.add_argument("--purpose", required=True, help=h("purpose"))
    p.add_argument("--until", required=True, help=h("until"))
    p.add_argument("--recipient-key", required=True, help=h("recipient_key"))
    p.add_argument("--fields", help=h("fields"))
    p.add_argument("--rows", metavar="FIELD=V1,V2", help=h("rows"))
    p.add_argument("--out", required=True, help=h("application_out"))
    p.set_defaults(func=cmd_apply)

    p = verb("grant", "grant")
    p.add_argument("application", help=h("application"))
    p.add_argument("--reviewer", required=True, help=h("reviewer"))
    p.add_argument("--fields", help=h("fields"))
    p.add_argument("--treat", action="append", default=[], metavar="FIELD=OPERATOR", help=h("treat"))
    p.add_argument("--rows", metavar="FIELD=V1,V2", help=h("rows"))
    p.add_argument("--until", metavar="YYYY-MM-DD", help=h("grant_until"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    p.add_argument("--out", required=True, help=h("grant_out"))
    p.set_defaults(func=cmd_grant)

    p = verb("refuse", "refuse")
    p.add_argument("application", help=h("application"))
    p.add_argument("--reviewer", required=True, help=h("reviewer"))
    p.add_argument("--reason", required=True, help=h("reason"))
    p.set_defaults(func=cmd_refuse)

    p = verb("revoke", "revoke_grant")
    p.add_argument("grant", help=h("grant_file"))
    p.add_argument("--reason", required=True, help=h("reason"))
    p.set_defaults(func=cmd_revoke)

    p = verb("deliver", "deliver")
    p.add_argument("grant", help=h("grant_file"))
    p.add_argument("package", help=h("path"))
    p.add_argument("--out", required=True, help=h("out"))
    p.add_argument("--password-file", metavar="FILE", help=h("password_file_deliver"))
    p.set_defaults(func=cmd_deliver)

    p = verb("receive", "receive")
    p.add_argument("directory", help=h("delivery_dir"))
    p.add_argument("--key", help=h("recipient_private"))
    p.add_argument("--password-file", metavar="FILE", help=h("password_file_receive"))
    p.add_argument("--trust", metavar="DEPARTMENT.pem", help=h("delivery_trust"))
    p.add_argument("--out", required=True, help=h("out"))
    p.set_defaults(func=cmd_receive)

    p = verb("verify", "verify")
    p.add_argument("directory", help=h("delivery_dir"))
    p.add_argument("--trust", metavar="DEPARTMENT.pem", help=h("delivery_trust"))
    p.set_defaults(func=cmd_verify)

    p = verb("trace", "trace")
    p.add_argument("file", help=h("leaked_file"))
    p.set_defaults(func=cmd_trace)


#: verbs that append to the central audit log
AUDITED = ("apply", "grant", "refuse", "revoke", "deliver", "trace")
