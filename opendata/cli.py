"""The ``opendata`` command: thin verbs over the Python API.

Exit codes: 0 success / publishable, 1 blocked (the data or a policy stops it), 2 usage or input
error (unreadable file, bad descriptor), 130 interrupted. Errors are one clear line on stderr, in
Chinese by default (``--lang en`` or ``OPENDATA_LANG=en`` for English); never a traceback, unless
``OPENDATA_DEBUG=1`` asks for one.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from . import keys, messages, taxonomy
from .catalogs import LocalCatalog
from .check import check
from .errors import OpendataError, PolicyError, ValidationFailed
from .package import load
from .pii.scan import scan
from .policy import load_policy
from .publish import publish
from .redact import redact
from .regrade import regrade

EXIT_OK, EXIT_BLOCKED, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def _policy(args: argparse.Namespace):
    return load_policy(args.policy) if getattr(args, "policy", None) else load_policy()


def cmd_check(args: argparse.Namespace) -> int:
    package = load(args.path)
    report = check(package, policy=_policy(args), limit=args.limit)
    if args.format == "json":
        _out(report.to_json())
    else:
        for note in report.notes:
            _err(note)
        _out(report.to_text())
    return EXIT_OK if report.publishable else EXIT_BLOCKED


def cmd_scan(args: argparse.Namespace) -> int:
    report = scan(load(args.path), sample_rows=args.sample)
    _out(report.to_json() if args.format == "json" else report.to_text())
    return EXIT_OK


def cmd_redact(args: argparse.Namespace) -> int:
    out, report = redact(load(args.path), args.out, policy=_policy(args))
    if args.format == "json":
        _out(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    _out(messages.t("redact.done", path=args.out))
    for res in report.to_dict()["resources"]:
        for f in res["fields"]:
            parts = []
            for t in f["treatments"]:
                text = (messages.t("redact.spans") if t["spans"] else "") + messages.t(f"pii.{t['type']}") \
                    if t["type"] else ""
                parts.append(f"{t['operator']} {text}".strip() + (messages.t("redact.auto") if t["auto"] else ""))
            _out(messages.t("redact.field", resource=res["name"], field=f["name"], treatments="；".join(parts)))
        if res["suppressedRows"] or res["generalizedQuasiIdentifiers"]:
            _out(messages.t("redact.rows_suppressed", resource=res["name"], rows=res["suppressedRows"],
                            k=_policy(args).k, fields=", ".join(res["generalizedQuasiIdentifiers"]) or "-"))
    if report.key_id:
        _out(messages.t("redact.key", key_id=report.key_id))
    return EXIT_OK


def cmd_keys(args: argparse.Namespace) -> int:
    if args.action == "init":
        key_id, created = keys.init_data_keys()
        _out(messages.t("keys.created" if created else "keys.exists", key_id=key_id, home=keys.home()))
    elif args.action == "rotate":
        _out(messages.t("keys.rotated", key_id=keys.rotate_data_key()))
    else:
        for entry in keys.list_data_keys():
            _out(f"{entry['id']}  {entry['created']}  {'active' if entry.get('active') else ''}")
    return EXIT_OK


def cmd_regrade(args: argparse.Namespace) -> int:
    results = regrade(LocalCatalog(args.catalog), policy=_policy(args), apply=args.apply)
    if args.format == "json":
        _out(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            key = "regrade.applied" if r.applied else ("regrade.shrink" if r.must_shrink else "regrade.ok")
            _out(messages.t(key, name=r.name, grade=r.grade, published=taxonomy.label("openness", r.published),
                            allowed=taxonomy.label("openness", r.allowed)))
            for reason in r.reasons[:5] if r.must_shrink else []:
                _out(f"    - {reason}")
    pending = [r for r in results if r.must_shrink and not r.applied]
    return EXIT_BLOCKED if pending else EXIT_OK


def cmd_publish(args: argparse.Namespace) -> int:
    catalog = LocalCatalog(args.catalog)
    policy = _policy(args)
    status = EXIT_OK
    for path in args.paths:
        try:
            package = load(path)
            for note in package.notes:
                _err(note)
            result = publish(package, catalog, policy=policy)
        except PolicyError as exc:
            _err(exc.render())
            status = max(status, EXIT_BLOCKED)
            continue
        except ValidationFailed as exc:
            _err(exc.render())
            if exc.report is not None and args.verbose:
                _err(exc.report.to_text())
            status = max(status, EXIT_BLOCKED)
            continue
        _out(messages.t("publish.done", title=package.title, name=package.name, catalog=catalog.label,
                        url=result.url))
    _out(messages.t("publish.open_portal", index=catalog.index_path().resolve(), catalog=args.catalog))
    return status


class _PortalHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".jsonld": "application/ld+json; charset=utf-8",
        ".parquet": "application/vnd.apache.parquet",
        ".html": "text/html; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        _err("%s %s" % (self.address_string(), format % args))


def cmd_serve(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not (directory / "index.html").is_file():
        raise OpendataError("input.not_found", path=str(directory / "index.html"))
    handler = functools.partial(_PortalHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        _err(messages.t("serve.listening", host=args.host, port=server.server_address[1], path=directory))
        server.serve_forever()
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every verb."""
    parser = argparse.ArgumentParser(prog="opendata", description=messages.t("cli.description"))
    parser.add_argument("--lang", choices=["zh", "en"], help="message language (default: zh, or $OPENDATA_LANG)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="validate a dataset and say whether it may be published")
    p.add_argument("path", help="dataset directory, datapackage.json, or a CSV/XLSX/JSON/Parquet file")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=int, default=1000, help="errors listed per resource (default 1000)")
    p.add_argument("--policy", help="policy file (default: opendata.toml [policy] file, else the shipped default)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("scan", help="find personal information in every field")
    p.add_argument("path")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--sample", type=int, help="scan only the first N rows of each resource")
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("redact", help="write a copy with personal information treated")
    p.add_argument("path")
    p.add_argument("--out", required=True, help="output directory (new or empty)")
    p.add_argument("--policy")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("keys", help="manage data keys under $OPENDATA_HOME (never printed)")
    p.add_argument("action", choices=["init", "rotate", "list"])
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("regrade", help="re-evaluate published datasets against the current policy (动态调整)")
    p.add_argument("--catalog", required=True)
    p.add_argument("--policy")
    p.add_argument("--apply", action="store_true", help="withdraw or restrict what must shrink, and record it")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_regrade)

    p = sub.add_parser("publish", help="check and publish datasets into a catalogue")
    p.add_argument("paths", nargs="+", help="dataset directories")
    p.add_argument("--catalog", required=True, help="local catalogue directory")
    p.add_argument("--policy")
    p.add_argument("-v", "--verbose", action="store_true", help="print the full report of blocked datasets")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("serve", help="serve a local catalogue on 127.0.0.1")
    p.add_argument("directory")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        messages.set_language(args.lang)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except OpendataError as exc:
        _err(exc.render())
        return exc.exit_code
    except KeyboardInterrupt:
        _err(messages.t("cli.interrupted"))
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: say so plainly, keep the traceback for those who ask
        if os.environ.get("OPENDATA_DEBUG"):
            traceback.print_exc()
        _err(messages.t("cli.internal_error", kind=type(exc).__name__))
        return 70
    finally:
        messages.set_language(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
