"""``audit verify`` and ``audit show NAME``: the central audit log, read back."""

from __future__ import annotations

import argparse
import json

from .. import messages
from .common import EXIT_BLOCKED, EXIT_OK, err, out


def _log(args: argparse.Namespace):
    from ..trust import audit
    from ..trust.audit import AuditLog

    return AuditLog(args.log) if args.log else audit.central()


def audit_verify(args: argparse.Namespace) -> int:
    log = _log(args)
    problem = log.verify()
    if problem is not None:
        err(messages.t("audit.broken", path=log.path, line=problem.line, reason=problem.render()))
        return EXIT_BLOCKED
    out(messages.t("audit.ok", path=log.path, count=sum(1 for _ in log.records())))
    return EXIT_OK


def audit_show(args: argparse.Namespace) -> int:
    records = [r for r in _log(args).records() if r.get("dataset") == args.name]
    if not records:
        err(messages.t("audit.empty", name=args.name))
        return EXIT_BLOCKED
    if args.format == "json":
        out(json.dumps(records, ensure_ascii=False, indent=2))
        return EXIT_OK
    for r in records:
        detail = {k: v for k, v in r.items() if k not in ("seq", "time", "action", "dataset", "prev", "hash", "files")}
        files = r.get("files") or {}
        out(f"{r['time']}  {r['action']:8} " + json.dumps(detail, ensure_ascii=False, sort_keys=True)
            + "".join(f"\n    {path}  sha256:{digest}" for path, digest in sorted(files.items())))
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("audit", help=h("audit"), description=h("audit"), parents=[common])
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION", title=h("actions"))
    a = actions.add_parser("verify", help=h("audit_verify"), description=h("audit_verify"), parents=[common])
    a.add_argument("--log", help=h("audit_log"))
    a.set_defaults(func=audit_verify)
    a = actions.add_parser("show", help=h("audit_show"), description=h("audit_show"), parents=[common])
    a.add_argument("name", help=h("audit_name"))
    a.add_argument("--log", help=h("audit_log"))
    a.set_defaults(func=audit_show)
