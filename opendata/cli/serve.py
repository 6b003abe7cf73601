"""``opendata serve DIR`` and ``opendata stats``: a local catalogue's portal and Data API on loopback,
and its usage figures (imported only when used: Starlette, uvicorn and DuckDB load with the server)."""

from __future__ import annotations

import argparse

from .common import EXIT_OK, err, out


def cmd_serve(args: argparse.Namespace) -> int:
    from ..server import serve

    serve(args.directory, host=args.host, port=args.port, lang=args.lang, max_rows=args.max_rows,
          timeout=args.timeout, usage_path=args.usage, say=err, apply_limit=max(1, args.apply_limit))
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from ..server.stats import report

    out(report(args.catalog, since=args.since, fmt=args.format, usage_path=args.usage))
    return EXIT_OK
