"""Verbs on one dataset's data: ``check``, ``describe``, ``scan``, ``redact``."""

from __future__ import annotations

import argparse
import functools
import json

from .. import messages
from .common import EXIT_BLOCKED, EXIT_OK, note, out, policy_of, progress


def _engine(args: argparse.Namespace):
    """The engine object for ``--engine`` (or OPENDATA_ENGINE, opendata.toml): None for this machine."""
    from ..engines import engine_name

    if engine_name(getattr(args, "engine", None)) != "spark":
        return None
    from ..engines.spark import SparkEngine

    return SparkEngine()


def _load(args: argparse.Namespace, engine):
    """The dataset at ``args.path``; with the Spark engine, a URI (``hdfs://…``, ``s3a://…``,
    ``file://…``) is a table or a directory of parts that Spark reads (schema inferred)."""
    from ..package import load

    if engine is not None and "://" in str(args.path):
        from ..engines.spark.remote import from_uri, uri_name

        return from_uri(str(args.path), uri_name(str(args.path)), spark=engine.spark)
    return load(args.path)


def cmd_check(args: argparse.Namespace) -> int:
    from ..check import check

    engine = _engine(args)
    package = _load(args, engine)
    with progress("cli.progress.check", name=package.name):
        report = check(package, policy=policy_of(args), limit=args.limit, engine=engine)
    from ..trust.accountable import missing_metadata

    missing = missing_metadata(package.descriptor)
    if args.format == "json":
        out(report.to_json())
    else:
        for line in report.notes:
            note(line)
        out(report.to_text())
        if missing:  # the check does not need them, publishing does: say so now, not at the gate
            out(messages.t("check.publish_needs", missing="; ".join(messages.t(f"publish.property.{p}")
                                                                       for p in missing)))
    return EXIT_OK if report.publishable else EXIT_BLOCKED


def cmd_scan(args: argparse.Namespace) -> int:
    from ..pii.scan import scan

    engine = _engine(args)
    package = _load(args, engine)
    run_scan = scan
    if engine is not None:
        from ..engines.spark import scan as spark_scan

        run_scan = functools.partial(spark_scan, spark=engine.spark)
    with progress("cli.progress.scan", name=package.name):
        report = run_scan(package, sample_rows=args.sample, rules=policy_of(args).detection)
    out(report.to_json() if args.format == "json" else report.to_text())
    return EXIT_OK


def cmd_redact(args: argparse.Namespace) -> int:
    from ..redact import redact

    policy = policy_of(args)
    engine = _engine(args)
    package = _load(args, engine)
    with progress("cli.progress.redact", name=package.name):
        _, report = redact(package, args.out, policy=policy, mask_all=tuple(args.mask_all),
                           suppress=tuple(args.suppress), engine=engine)
    if args.format == "json":
        out(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    out(messages.t("redact.done", path=args.out))
    for res in report.to_dict()["resources"]:
        for f in res["fields"]:
            parts = []
            for t in f["treatments"]:
                text = (messages.t("redact.spans") if t["spans"] else "") + messages.t(f"pii.{t['type']}") \
                    if t["type"] else ""
                parts.append(f"{t['operator']} {text}".strip() + (messages.t("redact.auto") if t["auto"] else ""))
            out(messages.t("redact.field", resource=res["name"], field=f["name"], treatments="；".join(parts)))
        if res["suppressedRows"] or res["generalizedQuasiIdentifiers"]:
            out(messages.t("redact.rows_suppressed", resource=res["name"], rows=res["suppressedRows"],
                           k=policy.k, fields=", ".join(res["generalizedQuasiIdentifiers"]) or "-"))
    if report.key_id:
        out(messages.t("redact.key", key_id=report.key_id))
    return EXIT_OK


def cmd_describe(args: argparse.Namespace) -> int:
    from ..describe import describe, write

    with progress("cli.progress.describe", name=args.path):
        draft = describe(args.path, title=args.title, name=args.name, sheet=args.sheet, policy=policy_of(args))
    if args.out:
        write(draft, args.out)
        out(messages.t("describe.written", path=args.out))
        out(draft.to_text())
    elif args.format == "json":
        out(draft.to_json().rstrip())
    else:
        out(draft.to_json().rstrip())
        note(draft.to_text())
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    """The data verbs on the parser ``sub``; ``common`` carries the global options."""
    p = sub.add_parser("check", help=h("check"), description=h("check"), parents=[common])
    p.add_argument("path", help=h("path"))
    p.add_argument("--limit", type=int, default=1000, help=h("limit"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--engine", choices=["local", "spark"], help=h("engine"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("describe", help=h("describe"), description=h("describe"), parents=[common])
    p.add_argument("path", help=h("describe_path"))
    p.add_argument("--out", help=h("describe_out"))
    p.add_argument("--title", help=h("describe_title"))
    p.add_argument("--name", help=h("describe_name"))
    p.add_argument("--sheet", help=h("describe_sheet"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_describe)

    p = sub.add_parser("scan", help=h("scan"), description=h("scan"), parents=[common])
    p.add_argument("path", help=h("path"))
    p.add_argument("--sample", type=int, help=h("sample"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--engine", choices=["local", "spark"], help=h("engine"))
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("redact", help=h("redact"), description=h("redact"), parents=[common])
    p.add_argument("path", help=h("path"))
    p.add_argument("--out", required=True, help=h("out"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--mask-all", action="append", default=[], metavar="FIELD", help=h("mask_all"))
    p.add_argument("--suppress", action="append", default=[], metavar="FIELD", help=h("suppress"))
    p.add_argument("--engine", choices=["local", "spark"], help=h("engine"))
    p.set_defaults(func=cmd_redact)
