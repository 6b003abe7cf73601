"""Verbs that read a catalogue: ``catalog pull|diff|status``, ``serve`` and ``stats``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import messages
from .common import EXIT_BLOCKED, EXIT_OK, cell, out


def catalog_pull(args: argparse.Namespace) -> int:
    from ..catalogs import open_catalog, ops

    files = ops.pull(open_catalog(args.source, must_exist=True), args.name, Path(args.out))
    out(messages.t("catalog.pulled", name=args.name, path=args.out, count=len(files)))
    if args.compare:
        approved = json.loads((Path(args.compare) / "approval.json").read_text(encoding="utf-8"))["files"]
        differs = [p for p in files if p in approved and approved[p] != files[p]]
        for p in sorted(files):
            if p in approved:
                out(f"  {'✓' if p not in differs else '✗'} {p}")
        return EXIT_BLOCKED if differs else EXIT_OK
    return EXIT_OK


def catalog_diff(args: argparse.Namespace) -> int:
    from ..catalogs import open_catalog, ops

    differences = ops.diff(open_catalog(args.local, must_exist=True), open_catalog(args.catalog, must_exist=True))
    for d in differences:
        out(messages.t(f"catalog.diff.{d.kind}", name=d.name, detail=d.detail))
    return EXIT_OK if all(d.kind == "same" for d in differences) else EXIT_BLOCKED


def catalog_status(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from .. import taxonomy
    from ..catalogs import open_catalog, ops

    rows = ops.status(open_catalog(args.catalog, must_exist=True))
    table = Table(title=cell(messages.t("catalog.status_title", catalog=args.catalog)))
    for column in ("dataset", "frequency", "updated", "age", "state"):
        table.add_column(messages.t(f"catalog.col.{column}"))
    for f in rows:
        table.add_row(cell(f.name), cell(taxonomy.label("frequencies", f.frequency)), cell(f.updated or "-"),
                      "-" if f.age_days is None else str(f.age_days),
                      f"[red]{messages.t('catalog.overdue')}[/red]" if f.overdue else messages.t("catalog.current"))
    Console(width=160).print(table)
    return EXIT_BLOCKED if any(f.overdue for f in rows) else EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .serve import cmd_serve as serve  # the server's stack only when serving

    return serve(args)


def cmd_stats(args: argparse.Namespace) -> int:
    from .serve import cmd_stats as stats

    return stats(args)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("catalog", help=h("catalog_verb"), description=h("catalog_verb"), parents=[common])
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION", title=h("actions"))

    a = actions.add_parser("pull", help=h("catalog_pull"), description=h("catalog_pull"), parents=[common])
    a.add_argument("name", help=h("pull_name"))
    a.add_argument("--from", dest="source", required=True, help=h("pull_from"))
    a.add_argument("--out", required=True, help=h("pull_out"))
    a.add_argument("--compare", help=h("pull_compare"))
    a.set_defaults(func=catalog_pull)

    a = actions.add_parser("diff", help=h("catalog_diff"), description=h("catalog_diff"), parents=[common])
    a.add_argument("--local", required=True, help=h("diff_local"))
    a.add_argument("--catalog", required=True, help=h("catalog"))
    a.set_defaults(func=catalog_diff)

    a = actions.add_parser("status", help=h("catalog_status"), description=h("catalog_status"), parents=[common])
    a.add_argument("--catalog", required=True, help=h("catalog"))
    a.set_defaults(func=catalog_status)

    p = sub.add_parser("serve", help=h("serve"), description=h("serve"), parents=[common])
    p.add_argument("directory", help=h("local_catalog"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-rows", type=int, default=1000, help=h("max_rows"))
    p.add_argument("--timeout", type=float, default=5.0, help=h("query_timeout"))
    p.add_argument("--usage", help=h("usage_file"))
    p.add_argument("--apply-limit", type=int, default=5, metavar="N", help=h("apply_limit"))
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("stats", help=h("stats"), description=h("stats"), parents=[common])
    p.add_argument("--catalog", default="site", help=h("local_catalog"))
    p.add_argument("--since", help=h("since"))
    p.add_argument("--usage", help=h("usage_file"))
    p.set_defaults(func=cmd_stats)
