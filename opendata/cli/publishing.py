"""Verbs that change a catalogue: ``publish``, ``retract``, ``regrade``."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import messages
from ..errors import OpendataError
from .common import EXIT_BLOCKED, EXIT_OK, VERBOSITY, cell, out, policy_of


def expand_datasets(paths: list[str]) -> list[Path]:
    """Dataset directories from the arguments: each a dataset, or a folder of datasets."""
    found_all: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not (path / "datapackage.json").is_file():
            found = sorted(p for p in path.iterdir() if (p / "datapackage.json").is_file())
            found_all.extend(found or [path])
        else:
            found_all.append(path)
    return found_all


def cmd_publish(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    from ..catalogs import LocalCatalog, open_catalog
    from ..package import load
    from ..trust.gate import publish

    catalog = open_catalog(args.catalog)
    if isinstance(catalog, LocalCatalog):
        catalog.preflight()  # a catalogue that cannot be written is one error, not one per dataset
    policy = policy_of(args)
    datasets = expand_datasets(args.paths)
    console = Console(stderr=True)
    rows: list[tuple[str, str, str]] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console,
                  transient=True, disable=not console.is_terminal or VERBOSITY < 0) as progress:
        task = progress.add_task(messages.t("publish.progress"), total=len(datasets))
        for path in datasets:
            progress.update(task, description=f"{messages.t('publish.progress')} {cell(path.name)}")
            try:
                package = load(path)
                result = publish(package, catalog, policy=policy, replace=args.replace, parts=args.parts)
                rows.append((package.name, result.status, result.url))
            except OpendataError as exc:  # one failure does not stop the others
                rows.append((path.name, "blocked", exc.render()))
            progress.advance(task)
    if args.format == "json":
        out(json.dumps([{"dataset": n, "status": s, "detail": d} for n, s, d in rows], ensure_ascii=False, indent=2))
    else:
        table = Table(title=cell(messages.t("publish.summary", catalog=catalog.label)), show_lines=False)
        for column in ("dataset", "status", "detail"):
            table.add_column(messages.t(f"publish.col.{column}"))
        for name, status, detail in rows:
            label = messages.t(f"publish.status.{status}")
            table.add_row(cell(name), f"[red]{label}[/red]" if status == "blocked" else label, cell(detail))
        Console(width=160).print(table)
        if isinstance(catalog, LocalCatalog):
            out(messages.t("publish.open_portal", index=catalog.index_path().resolve(), catalog=args.catalog))
    return EXIT_BLOCKED if any(status == "blocked" for _, status, _ in rows) else EXIT_OK


def cmd_retract(args: argparse.Namespace) -> int:
    from ..catalogs import open_catalog
    from ..trust.gate import retract

    catalog = open_catalog(args.catalog, must_exist=True)
    retract(catalog, args.name, reason=args.reason, purge=args.purge)
    out(messages.t("retract.done", name=args.name, catalog=catalog.label, reason=args.reason))
    return EXIT_OK


def cmd_regrade(args: argparse.Namespace) -> int:
    from .. import taxonomy
    from ..catalogs import LocalCatalog, open_catalog
    from ..policy.regrade import regrade

    catalog = open_catalog(args.catalog, must_exist=True)
    if not isinstance(catalog, LocalCatalog):
        raise OpendataError("regrade.local_only", catalog=args.catalog)
    results = regrade(catalog, policy=policy_of(args), apply=args.apply)
    if args.format == "json":
        out(json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=2))
    else:
        for r in results:
            key = "regrade.applied" if r.applied else ("regrade.shrink" if r.must_shrink else "regrade.ok")
            out(messages.t(key, name=r.name, grade=r.grade, published=taxonomy.label("openness", r.published),
                           allowed=taxonomy.label("openness", r.allowed)))
            for reason in r.reasons[:5] if r.must_shrink else []:
                out(f"    - {reason}")
    pending = [r for r in results if r.must_shrink and not r.applied]
    return EXIT_BLOCKED if pending else EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("publish", help=h("publish"), description=h("publish"), parents=[common])
    p.add_argument("paths", nargs="+", help=h("paths"))
    p.add_argument("--catalog", required=True, help=h("catalog"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--replace", action="store_true", help=h("replace"))
    p.add_argument("--parts", action="store_true", help=h("parts"))
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("retract", help=h("retract"), description=h("retract"), parents=[common])
    p.add_argument("name", help=h("dataset"))
    p.add_argument("--catalog", required=True, help=h("catalog"))
    p.add_argument("--reason", required=True, help=h("reason"))
    p.add_argument("--purge", action="store_true", help=h("purge"))
    p.set_defaults(func=cmd_retract)

    p = sub.add_parser("regrade", help=h("regrade"), description=h("regrade"), parents=[common])
    p.add_argument("--catalog", required=True, help=h("local_catalog"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--apply", action="store_true", help=h("apply"))
    p.set_defaults(func=cmd_regrade)
