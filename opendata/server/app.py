"""The ASGI application of ``opendata serve``: the static portal and CKAN's Action API beside it.

``/api/3/action/<name>`` and ``/api/action/<name>`` answer GET (query string) and POST (JSON body or
form), as CKAN does, so ckanapi's ``RemoteCKAN`` and CKAN's own JavaScript work unchanged.
Everything else is a file of the catalogue directory; hidden paths (``.staging``, ``.usage``,
``.lock`` …) are never served. Downloads of data files and API calls are counted per dataset and
day (:mod:`.usage`); nothing about the client is kept, and the server writes no access log (it
would hold the clients' addresses).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from .. import messages
from . import usage as usage_mod
from .actions import ACTIONS, ApiError, Context, dataset_of
from .apply_form import ApplyForm, RateLimit
from .catalog_view import CatalogView
from .datastore import Engine

#: Request bodies larger than this are refused (a query is a few hundred bytes).
MAX_BODY = 1 << 20
#: How often counts are added to the usage file.
FLUSH_SECONDS = 2.0
#: Actions whose calls count as use of a dataset (not the portal's own look-up of the figures).
_COUNTED = {"package_show", "resource_show", "datastore_search"}

_MEDIA_TYPES = {".csv": "text/csv; charset=utf-8", ".json": "application/json; charset=utf-8",
                ".jsonld": "application/ld+json; charset=utf-8", ".parquet": "application/vnd.apache.parquet",
                ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8", ".jsonl": "application/jsonl; charset=utf-8"}


def _json(status: int, body: dict[str, Any]) -> Response:
    return JSONResponse(body, status_code=status, headers={"Access-Control-Allow-Origin": "*"})


class PortalFiles:
    """The catalogue's files: hidden paths refused, media types set, data downloads counted."""

    def __init__(self, root: Path, recorder: usage_mod.UsageRecorder | None) -> None:
        from starlette.middleware.gzip import GZipMiddleware

        # follow_symlink=False: a path is served only if its real path lies inside the catalogue (the
        # datasets/<name> links point into releases/, so they pass; a link leading out does not).
        self.static = StaticFiles(directory=str(root), html=True, follow_symlink=False)
        # Pages, the search index and metadata compress ~10x; data files go out as they are (their
        # bytes and length are what the recorded hashes and sizes describe).
        self.compressed = GZipMiddleware(self.static, minimum_size=1024)
        self.recorder = recorder

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        parts = [p for p in path.split("/") if p]
        if any(p.startswith(".") for p in parts):
            await Response(status_code=404)(scope, receive, send)
            return
        suffix = Path(path).suffix.lower()
        download = (len(parts) == 4 and parts[0] == "datasets" and parts[2] == "data"
                    and scope.get("method") == "GET")

        async def sending(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                if suffix in _MEDIA_TYPES:
                    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"content-type"]
                    headers.append((b"content-type", _MEDIA_TYPES[suffix].encode()))
                    message = {**message, "headers": headers}
                if download and message["status"] == 200 and self.recorder is not None:
                    self.recorder.count(parts[1], "download")
            await send(message)

        await (self.static if download or suffix == ".parquet" else self.compressed)(scope, receive, sending)


async def _params(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    if request.method == "POST":
        body = await request.body()
        if len(body) > MAX_BODY:
            raise ApiError(413, {"__type": "Validation Error", "body": ["too large"]})
        if body.strip():
            kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if kind == "application/x-www-form-urlencoded":
                params.update(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))
            else:  # CKAN reads a JSON body whatever the content type says
                try:
                    data = json.loads(body)
                except ValueError:
                    raise ApiError(400, {"__type": "Bad request", "message": "Bad request - JSON Error"}) from None
                if not isinstance(data, dict):
                    raise ApiError(400, {"__type": "Bad request", "message": "Bad request - JSON Error"})
                params.update(data)
    return params


def create_app(root: str | Path, *, lang: str | None = None, max_rows: int = 1000, timeout: float = 5.0,
               usage_path: str | Path | None = None, record_usage: bool = True,
               apply_limit: int = 5) -> ASGIApp:
    """The app serving the local catalogue at ``root``; ``apply_limit``: application forms a client
    may submit per hour (ten times as many in all)."""
    root = Path(root).resolve()
    lang = messages.normalize_language(lang) if lang else messages.current_language()
    view = CatalogView(root, lang=lang)
    engine = Engine(timeout=timeout)
    usage_path = Path(usage_path) if usage_path else usage_mod.default_path(root)
    recorder = usage_mod.UsageRecorder(usage_path) if record_usage else None

    async def action(request: Request) -> Response:
        name = request.path_params["action"]
        base = str(request.base_url)
        help_url = f"{base}api/3/action/help_show?name={name}"
        function = ACTIONS.get(name)
        if function is None:
            return _json(400, {"help": help_url, "success": False, "error": {
                "__type": "Bad request", "message": f"Bad request - Action name not known: {name}"}})
        ctx = Context(view, engine, base, lang, max_rows=max_rows, usage=recorder, usage_path=usage_path)
        try:
            params = await _params(request)
            result = await run_in_threadpool(function, ctx, params)
        except ApiError as exc:
            return _json(exc.status, {"help": help_url, "success": False, "error": exc.error})
        except Exception as exc:  # a bug: CKAN's shape, the kind of error, no traceback, no parameters
            import sys

            print(f"opendata serve: {name}: {type(exc).__name__}", file=sys.stderr)
            return _json(500, {"help": help_url, "success": False, "error": {
                "__type": "Internal Server Error", "message": f"Internal Server Error ({type(exc).__name__})"}})
        if recorder is not None and name in _COUNTED:
            dataset = dataset_of(name, params, ctx)
            if dataset:
                recorder.count(dataset, "api")
        return _json(200, {"help": help_url, "success": True, "result": result})

    async def api_root(request: Request) -> Response:
        return _json(200, {"version": 3})

    async def preflight(request: Request) -> Response:
        """CORS preflight of a browser's JSON POST from another site (the API is public and read-only)."""
        return Response(status_code=204, headers={
            "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
            "Access-Control-Allow-Headers": "Content-Type", "Access-Control-Max-Age": "86400"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        async def flusher() -> None:
            while True:
                await asyncio.sleep(FLUSH_SECONDS)
                await run_in_threadpool(recorder.flush)

        task = asyncio.create_task(flusher()) if recorder is not None else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                recorder.flush()

    routes = [
        Route("/api/3/action/{action}", action, methods=["GET", "POST"]),
        Route("/api/action/{action}", action, methods=["GET", "POST"]),
        Route("/api/3/action/{action}", preflight, methods=["OPTIONS"]),
        Route("/api/action/{action}", preflight, methods=["OPTIONS"]),
        Route("/api/3", api_root), Route("/api", api_root),
        Route("/apply/{name}", ApplyForm(view, lang, RateLimit(apply_limit, 10 * apply_limit)).handle,
              methods=["GET", "POST"]),
        Mount("/", app=PortalFiles(root, recorder)),
    ]
    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.recorder = recorder
    return app
