"""``opendata serve DIR``: a local catalogue's portal over HTTP on loopback (imported only when used)."""

from __future__ import annotations

import argparse
import functools
import http.server
from pathlib import Path

from .. import messages
from ..errors import OpendataError
from .common import EXIT_OK, err


class PortalHandler(http.server.SimpleHTTPRequestHandler):
    """Static files of a local catalogue, with the media types a browser needs for them."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".jsonld": "application/ld+json; charset=utf-8",
        ".parquet": "application/vnd.apache.parquet",
        ".html": "text/html; charset=utf-8",
    }

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        err("%s %s" % (self.address_string(), format % args))


def cmd_serve(args: argparse.Namespace) -> int:
    directory = Path(args.directory)
    if not (directory / "index.html").is_file():
        raise OpendataError("input.not_found", path=str(directory / "index.html"))
    handler = functools.partial(PortalHandler, directory=str(directory))
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        err(messages.t("serve.listening", host=args.host, port=server.server_address[1], path=directory))
        server.serve_forever()
    return EXIT_OK
