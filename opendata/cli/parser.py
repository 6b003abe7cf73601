"""The argument parser: global options, then one sub-command per verb (registered by the verb
groups' modules). Every help text comes from the message catalogue."""

from __future__ import annotations

import argparse
import re

from .. import __version__, messages

#: The modules that register verbs, in the order ``--help`` lists them. A new verb group adds its
#: module here and a ``register(sub, common, h)`` function there.
VERB_GROUPS = ("workspace", "data", "trust", "publishing", "catalog", "audit", "delivery", "completion")


class Formatter(argparse.HelpFormatter):
    """argparse's layout, with Chinese punctuation in Chinese: section headings end in "：" (argparse
    writes an ASCII colon after each heading itself, outside the message catalogue)."""

    def format_help(self) -> str:
        text = super().format_help()
        if messages.current_language() == "zh":
            text = re.sub(r"(?m)^(\S[^\n]*?):$", r"\1：", text)
        return text


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose sub-command parsers (made with its class) use :class:`Formatter`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        super().__init__(*args, **kwargs)


def help_text(key: str) -> str:
    return messages.t(f"cli.help.{key}")


def global_options() -> argparse.ArgumentParser:
    """Options every verb accepts, before or after it. Their defaults are left unset
    (``SUPPRESS``) so a value given before the verb is not overwritten by the verb's default;
    :func:`defaults` fills them afterwards."""
    common = argparse.ArgumentParser(add_help=False)
    group = common.add_argument_group(help_text("global"))
    group.add_argument("--lang", choices=["zh", "en"], default=argparse.SUPPRESS, help=help_text("lang"))
    group.add_argument("--format", choices=["text", "json"], default=argparse.SUPPRESS, help=help_text("format"))
    group.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=help_text("quiet"))
    group.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS, help=help_text("verbose"))
    return common


GLOBAL_DEFAULTS = {"lang": None, "format": "text", "quiet": False, "verbose": 0}


def defaults(args: argparse.Namespace) -> argparse.Namespace:
    for name, value in GLOBAL_DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, value)
    return args


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every verb."""
    import importlib

    common = global_options()
    parser = Parser(prog="opendata", description=messages.t("cli.description"), parents=[common])
    parser.add_argument("--version", action="version", version=f"opendata {__version__}", help=help_text("version"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", title=help_text("commands"))
    for group in VERB_GROUPS:
        importlib.import_module(f".{group}", __package__).register(sub, common, help_text)
    return parser


def language_from(argv: list[str]) -> str | None:
    """``--lang`` must take effect before the parser renders its help texts."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None
