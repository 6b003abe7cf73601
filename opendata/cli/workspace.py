"""``opendata init DIR``: a department's workspace (see :mod:`opendata.workspace`)."""

from __future__ import annotations

import argparse

from .. import messages
from .common import EXIT_OK, out


def cmd_init(args: argparse.Namespace) -> int:
    from .. import workspace

    ws = workspace.init(args.directory, publisher_id=args.publisher, publisher_name=args.name,
                        publisher_name_en=args.name_en, contact_name=args.contact or args.name,
                        contact_email=args.email, license=args.license, frequency=args.frequency)
    out(messages.t("workspace.created", path=ws.root, config=ws.config_path, datasets=ws.datasets_dir))
    return EXIT_OK


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser, h) -> None:
    p = sub.add_parser("init", help=h("init"), description=h("init"), parents=[common])
    p.add_argument("directory", help=h("init_dir"))
    p.add_argument("--publisher", required=True, metavar="ID", help=h("init_publisher"))
    p.add_argument("--name", required=True, help=h("init_name"))
    p.add_argument("--name-en", help=h("init_name_en"))
    p.add_argument("--contact", help=h("init_contact"))
    p.add_argument("--email", required=True, help=h("init_email"))
    p.add_argument("--license", default="CC-BY-4.0", help=h("init_license"))
    p.add_argument("--frequency", default="yearly", help=h("init_frequency"))
    p.set_defaults(func=cmd_init)
