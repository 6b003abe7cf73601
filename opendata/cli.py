"""The ``opendata`` command: thin verbs over the Python API.

Exit codes: 0 success / publishable, 1 blocked (the data or a policy stops it), 2 usage or input
error (unreadable file, bad descriptor), 130 interrupted. Errors are one clear line on stderr, in
Chinese by default (``--lang en`` or ``OPENDATA_LANG=en`` for English); never a traceback, unless
``OPENDATA_DEBUG=1`` asks for one.
"""

from __future__ import annotations

import argparse
import ctypes
import errno
import functools
import http.server
import json
import os
import platform
import re
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

import pyarrow as pa

from .trust import audit, keys
from . import messages, taxonomy
from .trust.approval import ApprovalError, approve
from .trust.audit import AuditLog
from .catalogs import LocalCatalog, open_catalog
from .check import check
from .errors import KeyMaterialError, OpendataError
from .package import load
from .paths import require_writable
from .pii.scan import scan
from .policy.rules import load_policy
from .trust.gate import publish, retract
from .trust.snapshot import snapshot
from .redact import redact
from .policy.regrade import regrade

EXIT_OK, EXIT_BLOCKED, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


#: Characters a terminal acts on rather than shows: C0 controls but tab and newline (ESC starts
#: escape sequences, CR rewrites the line), DEL, C1 controls (0x9b is CSI on some terminals) and
#: the bidirectional overrides that reorder what is shown. A title could otherwise hide the verdict.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as ``\\uXXXX`` (also a valid JSON escape, so
    ``--format json`` output stays JSON)."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(text: str) -> str:
    """A value for a rich table: controls escaped, and rich's own markup (``[red]``) shown as text."""
    from rich.markup import escape

    return escape(terminal_safe(str(text)))


def _out(text: str) -> None:
    sys.stdout.write(terminal_safe(text) + "\n")
    sys.stdout.flush()


def _err(text: str) -> None:
    sys.stderr.write(terminal_safe(text) + "\n")
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
    report = scan(load(args.path), sample_rows=args.sample, rules=_policy(args).detection)
    _out(report.to_json() if args.format == "json" else report.to_text())
    return EXIT_OK


def cmd_redact(args: argparse.Namespace) -> int:
    policy = _policy(args)
    out, report = redact(load(args.path), args.out, policy=policy, mask_all=tuple(args.mask_all),
                         suppress=tuple(args.suppress))
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
                            k=policy.k, fields=", ".join(res["generalizedQuasiIdentifiers"]) or "-"))
    if report.key_id:
        _out(messages.t("redact.key", key_id=report.key_id))
    return EXIT_OK


def _passphrase(confirm: bool = False) -> str | None:
    """A key passphrase from OPENDATA_KEY_PASSPHRASE or the terminal — never from the command line."""
    if os.environ.get("OPENDATA_KEY_PASSPHRASE"):
        return os.environ["OPENDATA_KEY_PASSPHRASE"]
    if not sys.stdin.isatty():
        return None
    import getpass

    first = getpass.getpass("passphrase: ")
    if confirm and getpass.getpass("passphrase (again): ") != first:
        raise OpendataError("keys.bad_passphrase", key_id="-")
    return first


def _new_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase of a new signing key: ``--encrypt`` without one is an error, never a plain key."""
    if not args.encrypt:
        return None
    passphrase = _passphrase(confirm=True)
    if not passphrase:
        raise KeyMaterialError("keys.encrypt_needs_passphrase")
    return passphrase


def cmd_keys(args: argparse.Namespace) -> int:
    if args.action == "init":
        passphrase = _new_passphrase(args) if args.reviewer else None  # before anything is written
        key_id, created = keys.init_data_keys()
        _out(messages.t("keys.created" if created else "keys.exists", key_id=key_id, home=keys.home()))
        if args.reviewer:
            signing = keys.create_signing_key(args.reviewer, passphrase)
            public = keys.keys_dir() / "signing" / f"{signing}.pub.pem"
            keys.write_public(public, keys.public_pem(signing))
            _out(messages.t("keys.signing_created", reviewer=args.reviewer, key_id=signing, path=public))
    elif args.action == "rotate":
        if args.reviewer:
            signing = keys.create_signing_key(args.reviewer, _new_passphrase(args))
            _out(messages.t("keys.signing_created", reviewer=args.reviewer, key_id=signing,
                            path=keys.keys_dir() / "signing"))
        else:
            _out(messages.t("keys.rotated", key_id=keys.rotate_data_key()))
    elif args.action == "trust" and args.audit:
        key_id = keys.trust_audit_key(Path(args.file).read_text(encoding="ascii"))
        _out(messages.t("keys.audit_trusted", key_id=key_id))
    elif args.action == "trust":
        key_id = keys.trust_add(Path(args.file).read_text(encoding="ascii"), args.reviewer, expires=args.expires,
                                unrevoke=args.unrevoke)
        _out(messages.t("keys.trusted", key_id=key_id, reviewer=args.reviewer))
    elif args.action == "revoke":
        keys.trust_revoke(args.file)
        _out(messages.t("keys.revoked", key_id=args.file))
    elif args.action == "recipient":
        from .cli_delivery import keys_recipient

        return keys_recipient(args)
    elif args.action == "public":
        _out((keys.audit_public_pem() if args.audit else keys.public_pem(args.file)).rstrip())
    else:
        for entry in keys.list_data_keys():
            _out(f"{entry['id']}  {entry['created']}  {'active' if entry.get('active') else ''}")
        for entry in keys.signing_keys():
            _out(f"{entry['id']}  {entry['created']}  {entry['reviewer']}  {'active' if entry.get('active') else ''}")
    return EXIT_OK


def cmd_approve(args: argparse.Namespace) -> int:
    package = load(args.path)
    if package.basepath is None or not (package.basepath / "datapackage.json").is_file():
        raise ApprovalError("approval.no_directory", name=package.name)
    # The reviewer is shown the check of a private copy, read once and hashed while copied; the
    # approval signs those hashes, and is refused if the files change before it is signed.
    with snapshot(package.basepath) as snap:
        report = check(snap.package, policy=_policy(args))
        _out(report.to_text())
        if not report.publishable:
            raise ApprovalError("approval.not_publishable", name=snap.package.name, count=report.problem_count)
        if not args.yes:
            if not sys.stdin.isatty():
                _err(messages.t("approval.declined") + " (--yes)")
                return EXIT_BLOCKED
            if input(messages.t("approval.confirm", reviewer=args.reviewer)).strip().lower() not in ("y", "yes", "是"):
                _err(messages.t("approval.declined"))
                return EXIT_BLOCKED
        key_id = keys.active_signing_key_id(args.reviewer)
        entry = next((e for e in keys.signing_keys() if e["id"] == key_id), {})
        approval = approve(snap, report, reviewer=args.reviewer, key_id=key_id,
                           passphrase=_passphrase() if entry.get("encrypted") else None)
    _out(messages.t("approval.done", path=package.basepath / "approval.json", reviewer=args.reviewer,
                    key_id=key_id, openness=taxonomy.label("openness", approval.openness)))
    return EXIT_OK


def cmd_retract(args: argparse.Namespace) -> int:
    catalog = open_catalog(args.catalog, must_exist=True)
    retract(catalog, args.name, reason=args.reason, purge=args.purge)
    _out(messages.t("retract.done", name=args.name, catalog=catalog.label, reason=args.reason))
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    log = AuditLog(args.log) if args.log else audit.central()
    if args.action == "verify":
        problem = log.verify()
        if problem is not None:
            _err(messages.t("audit.broken", path=log.path, line=problem.line, reason=problem.render()))
            return EXIT_BLOCKED
        _out(messages.t("audit.ok", path=log.path, count=sum(1 for _ in log.records())))
        return EXIT_OK
    records = [r for r in log.records() if r.get("dataset") == args.name]
    if not records:
        _err(messages.t("audit.empty", name=args.name))
        return EXIT_BLOCKED
    for r in records:
        detail = {k: v for k, v in r.items() if k not in ("seq", "time", "action", "dataset", "prev", "hash", "files")}
        files = r.get("files") or {}
        _out(f"{r['time']}  {r['action']:8} " + json.dumps(detail, ensure_ascii=False, sort_keys=True)
             + "".join(f"\n    {path}  sha256:{digest}" for path, digest in sorted(files.items())))
    return EXIT_OK


def cmd_regrade(args: argparse.Namespace) -> int:
    catalog = open_catalog(args.catalog, must_exist=True)
    if not isinstance(catalog, LocalCatalog):
        raise OpendataError("regrade.local_only", catalog=args.catalog)
    results = regrade(catalog, policy=_policy(args), apply=args.apply)
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


def expand_datasets(paths: list[str]) -> list[Path]:
    """Dataset directories from the arguments: each a dataset, or a folder of datasets."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not (path / "datapackage.json").is_file():
            found = sorted(p for p in path.iterdir() if (p / "datapackage.json").is_file())
            out.extend(found or [path])
        else:
            out.append(path)
    return out


def cmd_publish(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from rich.table import Table

    catalog = open_catalog(args.catalog)
    if isinstance(catalog, LocalCatalog):
        catalog.preflight()  # a catalogue that cannot be written is one error, not one per dataset
    policy = _policy(args)
    datasets = expand_datasets(args.paths)
    console = Console(stderr=True)
    rows: list[tuple[str, str, str]] = []
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console,
                  transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task(messages.t("publish.progress"), total=len(datasets))
        for path in datasets:
            progress.update(task, description=f"{messages.t('publish.progress')} {_cell(path.name)}")
            try:
                package = load(path)
                result = publish(package, catalog, policy=policy)
                rows.append((package.name, result.status, result.url))
            except OpendataError as exc:  # one failure does not stop the others
                rows.append((path.name, "blocked", exc.render()))
            progress.advance(task)
    table = Table(title=_cell(messages.t("publish.summary", catalog=catalog.label)), show_lines=False)
    for column in ("dataset", "status", "detail"):
        table.add_column(messages.t(f"publish.col.{column}"))
    for name, status, detail in rows:
        label = messages.t(f"publish.status.{status}")
        table.add_row(_cell(name), f"[red]{label}[/red]" if status == "blocked" else label, _cell(detail))
    Console(width=160).print(table)
    if isinstance(catalog, LocalCatalog):
        _out(messages.t("publish.open_portal", index=catalog.index_path().resolve(), catalog=args.catalog))
    return EXIT_BLOCKED if any(status == "blocked" for _, status, _ in rows) else EXIT_OK


def cmd_catalog(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table

    from .catalogs import ops

    if args.action == "pull":
        files = ops.pull(open_catalog(args.source, must_exist=True), args.name, Path(args.out))
        _out(messages.t("catalog.pulled", name=args.name, path=args.out, count=len(files)))
        if args.compare:
            approved = json.loads((Path(args.compare) / "approval.json").read_text(encoding="utf-8"))["files"]
            differs = [p for p in files if p in approved and approved[p] != files[p]]
            for p in sorted(files):
                if p in approved:
                    _out(f"  {'✓' if p not in differs else '✗'} {p}")
            return EXIT_BLOCKED if differs else EXIT_OK
        return EXIT_OK
    if args.action == "diff":
        differences = ops.diff(open_catalog(args.local, must_exist=True), open_catalog(args.catalog, must_exist=True))
        for d in differences:
            _out(messages.t(f"catalog.diff.{d.kind}", name=d.name, detail=d.detail))
        return EXIT_OK if all(d.kind == "same" for d in differences) else EXIT_BLOCKED
    rows = ops.status(open_catalog(args.catalog, must_exist=True))
    table = Table(title=_cell(messages.t("catalog.status_title", catalog=args.catalog)))
    for column in ("dataset", "frequency", "updated", "age", "state"):
        table.add_column(messages.t(f"catalog.col.{column}"))
    for f in rows:
        table.add_row(_cell(f.name), _cell(taxonomy.label("frequencies", f.frequency)), _cell(f.updated or "-"),
                      "-" if f.age_days is None else str(f.age_days),
                      f"[red]{messages.t('catalog.overdue')}[/red]" if f.overdue else messages.t("catalog.current"))
    Console(width=160).print(table)
    return EXIT_BLOCKED if any(f.overdue for f in rows) else EXIT_OK


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
    """The argument parser of every verb; every help text comes from the message catalogue."""
    h = lambda key: messages.t(f"cli.help.{key}")  # noqa: E731
    parser = argparse.ArgumentParser(prog="opendata", description=messages.t("cli.description"))
    parser.add_argument("--lang", choices=["zh", "en"], help=h("lang"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help=h("check"))
    p.add_argument("path", help=h("path"))
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--limit", type=int, default=1000, help=h("limit"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("scan", help=h("scan"))
    p.add_argument("path", help=h("path"))
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--sample", type=int, help=h("sample"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_scan)

    p = sub.add_parser("redact", help=h("redact"))
    p.add_argument("path", help=h("path"))
    p.add_argument("--out", required=True, help=h("out"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--mask-all", action="append", default=[], metavar="FIELD", help=h("mask_all"))
    p.add_argument("--suppress", action="append", default=[], metavar="FIELD", help=h("suppress"))
    p.set_defaults(func=cmd_redact)

    p = sub.add_parser("keys", help=h("keys"))
    p.add_argument("action", choices=["init", "rotate", "list", "trust", "revoke", "public", "recipient"])
    p.add_argument("--out", help=h("out"))
    p.add_argument("file", nargs="?", help=h("keys_file"))
    p.add_argument("--reviewer", help=h("keys_reviewer"))
    p.add_argument("--encrypt", action="store_true", help=h("encrypt"))
    p.add_argument("--expires", help=h("expires"))
    p.add_argument("--unrevoke", action="store_true", help=h("unrevoke"))
    p.add_argument("--audit", action="store_true", help=h("audit_key"))
    p.set_defaults(func=cmd_keys)

    p = sub.add_parser("approve", help=h("approve"))
    p.add_argument("path", help=h("approved_path"))
    p.add_argument("--reviewer", required=True, help=h("reviewer"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_approve)

    p = sub.add_parser("publish", help=h("publish"))
    p.add_argument("paths", nargs="+", help=h("paths"))
    p.add_argument("--catalog", required=True, help=h("catalog"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("retract", help=h("retract"))
    p.add_argument("name", help=h("dataset"))
    p.add_argument("--catalog", required=True, help=h("catalog"))
    p.add_argument("--reason", required=True, help=h("reason"))
    p.add_argument("--purge", action="store_true", help=h("purge"))
    p.set_defaults(func=cmd_retract)

    p = sub.add_parser("catalog", help=h("catalog_verb"))
    p.add_argument("action", choices=["pull", "diff", "status"])
    p.add_argument("name", nargs="?", help=h("pull_name"))
    p.add_argument("--from", dest="source", help=h("pull_from"))
    p.add_argument("--out", help=h("pull_out"))
    p.add_argument("--compare", help=h("pull_compare"))
    p.add_argument("--local", help=h("diff_local"))
    p.add_argument("--catalog", help=h("catalog"))
    p.set_defaults(func=cmd_catalog)

    p = sub.add_parser("regrade", help=h("regrade"))
    p.add_argument("--catalog", required=True, help=h("local_catalog"))
    p.add_argument("--policy", help=h("policy"))
    p.add_argument("--apply", action="store_true", help=h("apply"))
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_regrade)

    p = sub.add_parser("audit", help=h("audit"))
    p.add_argument("action", choices=["verify", "show"])
    p.add_argument("name", nargs="?", help=h("audit_name"))
    p.add_argument("--log", help=h("audit_log"))
    p.set_defaults(func=cmd_audit)

    from .cli_delivery import register as register_delivery

    register_delivery(sub, h)

    p = sub.add_parser("serve", help=h("serve"))
    p.add_argument("directory", help=h("local_catalog"))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(func=cmd_serve)
    return parser


def _language_from(argv: Sequence[str]) -> str | None:
    """``--lang`` must take effect before the parser renders its help texts."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


#: jemalloc keeps freed pages this long for reuse (Arrow's default, 0, returns them at once).
JEMALLOC_DECAY_MS = 5000
# glibc mallopt parameters (numpy's temporaries): serve blocks up to 64 MiB from the heap and keep
# up to 256 MiB free at its top, instead of mapping and unmapping each batch-sized array.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def _tune_allocators() -> None:
    """Allocators for a process that streams batches: Arrow's buffers from jemalloc, unless
    ARROW_DEFAULT_MEMORY_POOL chooses, and freed memory kept for the next batch (the CLI owns its
    process; the library leaves these choices to its caller).

    Every batch allocates and frees tens of MB. pyarrow's default pool on Linux, mimalloc, hands
    that memory back to the system and takes it again, batch after batch: about twice the system
    time and 0.4 s more per million rows redacted (median of six runs, benchmarks/RESULTS.md).
    jemalloc as Arrow configures it, and glibc for numpy's arrays, do the same on a smaller scale:
    keeping freed pages cut page faults by 40% and redaction time by ~6% (benchmarks/RESULTS.md).
    """
    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a pyarrow built without jemalloc
            pass
    if pa.default_memory_pool().backend_name == "jemalloc":
        pa.jemalloc_set_decay_ms(JEMALLOC_DECAY_MS)
    if platform.libc_ver()[0] == "glibc":
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(_M_TRIM_THRESHOLD, 256 << 20)


_WRITE_ERRORS = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR, errno.EISDIR)

#: Verbs that append to the central audit log (and may write output before they do).
AUDITED = ("check", "redact", "approve", "publish", "retract", "regrade",
           "apply", "grant", "refuse", "revoke", "deliver", "trace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    _tune_allocators()
    argv = list(sys.argv[1:] if argv is None else argv)
    if _language_from(argv) in ("zh", "en"):
        messages.set_language(_language_from(argv))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        messages.set_language(args.lang)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        if args.command in AUDITED:  # the record must be possible before anything is written
            require_writable(audit.central().path)
        return func(args)
    except OpendataError as exc:
        _err(exc.render())
        return exc.exit_code
    except KeyboardInterrupt:
        _err(messages.t("cli.interrupted"))
        return EXIT_INTERRUPTED
    except OSError as exc:  # the file system refused (permissions, read-only, full): the operator's to fix
        if os.environ.get("OPENDATA_DEBUG"):
            traceback.print_exc()
        _err(messages.t("hostile.not_writable" if exc.errno in _WRITE_ERRORS else "hostile.os_error",
                        path=exc.filename or "-", reason=exc.strerror or type(exc).__name__))
        return EXIT_INPUT
    except Exception as exc:  # a bug: say so plainly, keep the traceback for those who ask
        if os.environ.get("OPENDATA_DEBUG"):
            traceback.print_exc()
        _err(messages.t("cli.internal_error", kind=type(exc).__name__))
        return 70
    finally:
        messages.set_language(None)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
