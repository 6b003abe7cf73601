"""Verbs of the trust chain: ``keys`` (with its own sub-commands) and ``approve``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import messages
from ..errors import KeyMaterialError, OpendataError
from .common import EXIT_BLOCKED, EXIT_OK, err, out, policy_of, progress


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


def keys_init(args: argparse.Namespace) -> int:
    from ..trust import keys

    passphrase = _new_passphrase(args) if args.reviewer else None  # before anything is written
    key_id, created = keys.init_data_keys()
    out(messages.t("keys.created" if created else "keys.exists", key_id=key_id, home=keys.home()))
    if args.reviewer:
        signing = keys.create_signing_key(args.reviewer, passphrase)
        public = keys.keys_dir() / "signing" / f"{signing}.pub.pem"
        keys.write_public(public, keys.public_pem(signing))
        out(messages.t("keys.signing_created", reviewer=args.reviewer, key_id=signing, path=public))
    return EXIT_OK


def keys_rotate(args: argparse.Namespace) -> int:
    from ..trust import keys

    if args.reviewer:
        signing = keys.create_signing_key(args.reviewer, _new_passphrase(args))
        out(messages.t("keys.signing_created", reviewer=args.reviewer, key_id=signing,
                       path=keys.keys_dir() / "signing"))
    else:
        out(messages.t("keys.rotated", key_id=keys.rotate_data_key()))
    return EXIT_OK


def keys_trust(args: argparse.Namespace) -> int:
    from ..trust import keys

    if args.audit:
        key_id = keys.trust_audit_key(Path(args.file).read_text(encoding="ascii"))
        out(messages.t("keys.audit_trusted", key_id=key_id))
    else:
        key_id = keys.trust_add(Path(args.file).read_text(encoding="ascii"), args.reviewer, expires=args.expires,
                                unrevoke=args.unrevoke)
        out(messages.t("keys.trusted", key_id=key_id, reviewer=args.reviewer))
    return EXIT_OK


def keys_revoke(args: argparse.Namespace) -> int:
    from ..trust import keys

    keys.trust_revoke(args.file)
    out(messages.t("keys.revoked", key_id=args.file))
    return EXIT_OK


def keys_public(args: argparse.Namespace) -> int:
    from ..trust import keys

    if getattr(args, "delivery", False):  # the key recipients pin (receive --trust)
        from ..delivery.keys import delivery_public_pem

        out(delivery_public_pem().rstrip())
        return EXIT_OK
    out((keys.audit_public_pem() if args.audit else keys.public_pem(args.file)).rstrip())
    return EXIT_OK


def keys_list(args: argparse.Namespace) -> int:
    from ..trust import keys

    for entry in keys.list_data_keys():
        out(f"{entry['id']}  {entry['created']}  {'active' if entry.get('active') else ''}")
    for entry in keys.signing_keys():
        out(f"{entry['id']}  {entry['created']}  {entry['reviewer']}  {'active' if entry.get('active') else ''}")
    return EXIT_OK


def keys_recipient(args: argparse.Namespace) -> int:
    """``keys recipient``: an applicant's X25519 pair (:mod:`.delivery`)."""
    from .delivery import keys_recipient as make

    return make(args)


def cmd_approve(args: argparse.Namespace) -> int:
    from .. import taxonomy
    from ..check import check
    from ..package import load
    from ..trust import keys
    from ..trust.approval import ApprovalError, approve
    from ..trust.snapshot import snapshot

    package = load(args.path)
    if package.basepath is None or not (package.basepath / "datapackage.json").is_file():
        raise ApprovalError("approval.no_directory", name=package.name)
    # The reviewer is shown the check of a private copy, read once and hashed while copied; the
    # approval signs those hashes, and is refused if the files change before it is signed.
    with snapshot(package.basepath) as snap:
        with progress("cli.progress.check", name=snap.package.name):
            report = check(snap.package, policy=policy_of(args))
        out(report.to_text())
        if not report.publishable:
            raise ApprovalError("approval.not_publishable", name=snap.package.name, count=report.problem_count)
        if not args.yes:
            if not sys.stdin.isatty():
                err(messages.t("approval.declined") + " (--yes)")
                return EXIT_BLOCKED
            if input(messages.t("approval.confirm", reviewer=args.reviewer)).strip().lower() not in ("y", "yes", "是"):
                err(messages.t("approval.declined"))
                return EXIT_BLOCKED
        key_id = keys.active_signing_key_id(args.reviewer)
        entry = next((e for e in keys.signing_keys() if e["id"] == key_id), {})
        approval = approve(snap, report, reviewer=args.reviewer, key_id=key_id,
                           passphrase=_passphrase() if entry.get("encrypted") else None)
    out(messages.t("approval.done", path=package.basepath / "approval.json", reviewer=args.reviewer,
                   key_id=key_id, openness=taxonomy.label("openness", approval.openness)))
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("keys", help=h("keys"), description=h("keys"), parents=[common])
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION", title=h("actions"))

    a = actions.add_parser("init", help=h("keys_init"), description=h("keys_init"), parents=[common])
    a.add_argument("--reviewer", help=h("keys_reviewer"))
    a.add_argument("--encrypt", action="store_true", help=h("encrypt"))
    a.set_defaults(func=keys_init)

    a = actions.add_parser("rotate", help=h("keys_rotate"), description=h("keys_rotate"), parents=[common])
    a.add_argument("--reviewer", help=h("keys_reviewer"))
    a.add_argument("--encrypt", action="store_true", help=h("encrypt"))
    a.set_defaults(func=keys_rotate)

    a = actions.add_parser("list", help=h("keys_list"), description=h("keys_list"), parents=[common])
    a.set_defaults(func=keys_list)

    a = actions.add_parser("trust", help=h("keys_trust"), description=h("keys_trust"), parents=[common])
    a.add_argument("file", metavar="PEM", help=h("keys_pem"))
    a.add_argument("--reviewer", help=h("keys_reviewer"))
    a.add_argument("--expires", help=h("expires"))
    a.add_argument("--unrevoke", action="store_true", help=h("unrevoke"))
    a.add_argument("--audit", action="store_true", help=h("audit_key"))
    a.set_defaults(func=keys_trust)

    a = actions.add_parser("revoke", help=h("keys_revoke"), description=h("keys_revoke"), parents=[common])
    a.add_argument("file", metavar="KEY_ID", help=h("key_id"))
    a.set_defaults(func=keys_revoke)

    a = actions.add_parser("public", help=h("keys_public"), description=h("keys_public"), parents=[common])
    a.add_argument("file", metavar="KEY_ID", nargs="?", help=h("key_id"))
    a.add_argument("--audit", action="store_true", help=h("audit_key"))
    a.add_argument("--delivery", action="store_true", help=h("delivery_key"))
    a.set_defaults(func=keys_public)

    a = actions.add_parser("recipient", help=h("keys_recipient"), description=h("keys_recipient"), parents=[common])
    a.add_argument("--out", required=True, metavar="DIR", help=h("out"))
    a.set_defaults(func=keys_recipient)

    p = sub.add_parser("approve", help=h("approve"), description=h("approve"), parents=[common])
    p.add_argument("path", help=h("approved_path"))
    p.add_argument("--reviewer", required=True, help=h("reviewer"))
    p.add_argument("--yes", action="store_true", help=h("yes"))
    p.add_argument("--policy", help=h("policy"))
    p.set_defaults(func=cmd_approve)
