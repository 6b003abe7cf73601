"""What every verb shares: exit codes, safe output, the policy argument, verbosity and progress.

Nothing heavy is imported here: ``opendata --help`` must not pay for pandas or pyarrow.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from typing import Iterator

from .. import messages

EXIT_OK, EXIT_BLOCKED, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_BUG = 0, 1, 2, 130, 70

#: -1 quiet (results only), 0 normal, 1+ verbose (more detail on stderr). Set by :func:`main`.
VERBOSITY = 0

#: Characters a terminal acts on rather than shows: C0 controls but tab and newline (ESC starts
#: escape sequences, CR rewrites the line), DEL, C1 controls (0x9b is CSI on some terminals) and
#: the bidirectional overrides that reorder what is shown. A title could otherwise hide the verdict.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    """``text`` with every control character shown as ``\\uXXXX`` (also a valid JSON escape, so
    ``--format json`` output stays JSON)."""
    return _CONTROLS.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def cell(text: object) -> str:
    """A value for a rich table: controls escaped, and rich's own markup (``[red]``) shown as text."""
    from rich.markup import escape

    return escape(terminal_safe(str(text)))


def out(text: str) -> None:
    """A result line on stdout (printed even with ``-q``)."""
    sys.stdout.write(terminal_safe(text) + "\n")
    sys.stdout.flush()


def err(text: str) -> None:
    """An error or a refusal on stderr (printed even with ``-q``)."""
    sys.stderr.write(terminal_safe(text) + "\n")
    sys.stderr.flush()


def note(text: str) -> None:
    """Information on stderr the officer may silence with ``-q``."""
    if VERBOSITY >= 0:
        err(text)


def detail(text: str) -> None:
    """Detail on stderr shown only with ``-v``."""
    if VERBOSITY > 0:
        err(text)


def policy_of(args: argparse.Namespace):
    """The policy named by ``--policy``, else the workspace's, else the shipped default."""
    from ..policy.rules import load_policy

    return load_policy(args.policy) if getattr(args, "policy", None) else load_policy()


@contextlib.contextmanager
def progress(label_key: str, **params: object) -> Iterator[None]:
    """Show rows and bytes read while the block runs: on a terminal's stderr only, never with ``-q``
    or in a pipe (a log or a script's captured output stays clean)."""
    if VERBOSITY > 0:  # -v: how much was read and how long it took, whatever stderr is
        with _measured(label_key, **params):
            yield
        return
    if VERBOSITY < 0 or not sys.stderr.isatty() or os.environ.get("OPENDATA_NO_PROGRESS"):
        yield
        return
    from .. import progress as sink
    from rich.console import Console
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), TextColumn("{task.fields[rows]:,} " + messages.t("cli.progress.rows")),
               TextColumn("{task.fields[size]}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(messages.t(label_key, **params), total=None, rows=0, size="0 MB")

        def report(rows: int, nbytes: int) -> None:
            bar.update(task, rows=rows, size=f"{nbytes / 1e6:,.1f} MB")

        with sink.reporting(report):
            yield


@contextlib.contextmanager
def _measured(label_key: str, **params: object) -> Iterator[None]:
    import time

    from .. import progress as sink

    totals = [0, 0]

    def keep(rows: int, nbytes: int) -> None:
        totals[0], totals[1] = rows, nbytes

    start = time.perf_counter()
    with sink.reporting(keep):
        yield
    detail(messages.t("cli.progress.done", step=messages.t(label_key, **params), rows=f"{totals[0]:,}",
                      size=f"{totals[1] / 1e6:,.1f}", seconds=f"{time.perf_counter() - start:.2f}"))
