"""``opendata serve``: the local catalogue's portal and a read-only CKAN Action API beside it.

Heavy parts (Starlette, uvicorn, DuckDB) are imported only when a server starts, so the rest of
the command line stays quick.
"""

from __future__ import annotations

__all__ = ["create_app", "serve"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    if name == "serve":
        from .run import serve

        return serve
    raise AttributeError(name)
