"""Run the app under uvicorn on a socket bound first, so the real port (``--port 0``) is known and
said before the first request."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Callable

from .. import messages
from ..errors import InputError


def serve(directory: str | Path, *, host: str = "127.0.0.1", port: int = 8000, lang: str | None = None,
          max_rows: int = 1000, timeout: float = 5.0, usage_path: str | Path | None = None,
          say: Callable[[str], None] = print, apply_limit: int = 5) -> None:
    """Serve the catalogue at ``directory`` until interrupted."""
    import uvicorn

    from .app import create_app

    directory = Path(directory)
    if not (directory / "index.html").is_file():
        raise InputError("input.not_found", path=str(directory / "index.html"))
    app = create_app(directory, lang=lang, max_rows=max_rows, timeout=timeout, usage_path=usage_path,
                     apply_limit=apply_limit)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise InputError("serve.cannot_bind", host=host, port=port, reason=exc.strerror or str(exc)) from None
    sock.listen(2048)
    bound = sock.getsockname()[1]
    # No access log: it would keep every client's address (personal information); usage is counted
    # per dataset and day instead.
    config = uvicorn.Config(app, access_log=False, log_level="warning", lifespan="on", timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    say(messages.t("serve.listening", host=host, port=bound, path=directory))
    server.run(sockets=[sock])
