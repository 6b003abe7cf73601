"""argparse's own sentences ("usage:", "the following arguments are required") from the message
catalogue, so ``--help`` and usage errors read in the officer's language.

argparse looks its sentences up through the module-level ``gettext``/``ngettext`` names it
imported; :func:`translated` points those at the catalogue while a command line is parsed, and puts
them back afterwards (the library must not change argparse for a program that imports it).
"""

from __future__ import annotations

import argparse
import contextlib
from typing import Iterator

from .. import messages

#: argparse's English text -> the catalogue's key
SENTENCES = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "one of the arguments %s is required": "argparse.one_required",
}


def gettext(text: str) -> str:
    key = SENTENCES.get(text)
    return messages.t(key) if key else text


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


@contextlib.contextmanager
def translated() -> Iterator[None]:
    """argparse speaks the current language inside the block."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
