"""The ``opendata`` command: thin verbs over the Python API, one module per verb group
(:mod:`.data`, :mod:`.trust`, :mod:`.publishing`, :mod:`.catalog`, :mod:`.audit`,
:mod:`.workspace`, :mod:`.completion`); :mod:`.parser` assembles them.

Exit codes: 0 success / publishable, 1 blocked (the data or a policy stops it), 2 usage or input
error (unreadable file, bad descriptor), 70 a bug in opendata, 130 interrupted. Errors are one clear
line on stderr, in Chinese by default (``--lang en`` or ``OPENDATA_LANG=en`` for English, before or
after the verb); never a traceback, unless ``OPENDATA_DEBUG=1`` asks for one. ``-q`` leaves only
results and errors, ``-v`` adds detail. Heavy libraries (pandas, pyarrow) are imported by the verbs
that read data, so ``opendata --help`` stays fast.
"""

from __future__ import annotations

import errno
import os
import sys
import traceback
from typing import Any, Callable, Sequence

from .. import messages
from . import common
from .common import EXIT_BLOCKED, EXIT_BUG, EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, terminal_safe

__all__ = ["main", "terminal_safe", "EXIT_OK", "EXIT_BLOCKED", "EXIT_INPUT", "EXIT_INTERRUPTED", "EXIT_BUG"]

_WRITE_ERRORS = (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR, errno.EISDIR)

#: Verbs that append to the central audit log (and may write output before they do).
AUDITED = ("check", "redact", "approve", "publish", "retract", "regrade",
           "apply", "grant", "refuse", "revoke", "deliver", "trace")
#: Verbs that stream data through Arrow (and so want its allocator tuned).
READS_DATA = ("check", "scan", "redact", "approve", "publish", "regrade", "describe", "deliver", "trace")


def __getattr__(name: str) -> Any:
    # Older names, kept for scripts and tests that imported them from opendata.cli.
    if name == "_tune_allocators":
        from .runtime import tune_allocators

        return tune_allocators
    if name == "build_parser":
        from .parser import build_parser

        return build_parser
    if name == "expand_datasets":
        from .publishing import expand_datasets

        return expand_datasets
    raise AttributeError(f"module 'opendata.cli' has no attribute {name!r}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    from . import i18n
    from .parser import build_parser, defaults, language_from

    own_process = argv is None  # the command itself, not a caller running it in its process
    argv = list(sys.argv[1:] if argv is None else argv)
    if language_from(argv) in ("zh", "en"):
        messages.set_language(language_from(argv))
    try:
        with i18n.translated():
            try:
                args = defaults(build_parser().parse_args(argv))
            except SystemExit as exc:  # --help, --version, or a usage error argparse already printed
                return exc.code if isinstance(exc.code, int) else EXIT_INPUT
        if args.lang:
            messages.set_language(args.lang)
        common.VERBOSITY = -1 if args.quiet else (args.verbose or 0)
        func: Callable[..., int] = args.func
        return _run(func, args, own_process=own_process)
    finally:
        messages.set_language(None)
        common.VERBOSITY = 0


def _run(func: Callable[..., int], args: Any, own_process: bool = False) -> int:
    try:
        if args.command in READS_DATA:
            from .runtime import spare_pyarrow_the_pandas_import, tune_allocators

            tune_allocators()
            if own_process:
                spare_pyarrow_the_pandas_import()
        if args.command in AUDITED:  # the record must be possible before anything is written
            from ..paths import require_writable
            from ..trust import audit

            require_writable(audit.central().path)
        return func(args)
    except KeyboardInterrupt:
        common.err(messages.t("cli.interrupted"))
        return EXIT_INTERRUPTED
    except Exception as exc:
        return _failed(exc)


def _failed(exc: Exception) -> int:
    from ..errors import OpendataError

    if isinstance(exc, OpendataError):
        common.err(exc.render())
        return exc.exit_code
    if os.environ.get("OPENDATA_DEBUG"):
        traceback.print_exc()
    if isinstance(exc, OSError):  # the file system refused (permissions, read-only, full): the operator's to fix
        common.err(messages.t("hostile.not_writable" if exc.errno in _WRITE_ERRORS else "hostile.os_error",
                              path=exc.filename or "-", reason=exc.strerror or type(exc).__name__))
        return EXIT_INPUT
    # a bug: say so plainly, keep the traceback for those who ask
    common.err(messages.t("cli.internal_error", kind=type(exc).__name__))
    return EXIT_BUG
