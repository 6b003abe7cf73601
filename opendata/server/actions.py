"""CKAN's Action API, read-only, over the local catalogue: the actions and their parameters.

Each action takes the request's parameters (a dict: from the query string, a form or a JSON body,
as CKAN accepts them) and returns the ``result``; a parameter it cannot use raises
:class:`ApiError`, which the app sends in CKAN's error shape (``{"success": false, "error":
{"__type": "Validation Error", "<parameter>": ["…"]}}``) with HTTP 400, naming the parameter.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Callable

from .. import messages
from ..catalogs.search_index import FACETS
from ..catalogs.metadata import package_id
from .catalog_view import CatalogView, resource_id
from .datastore import Engine, QueryBusy, QueryError, QueryTimeout


class ApiError(Exception):
    """An action refused: HTTP ``status`` and CKAN's ``error`` dict."""

    def __init__(self, status: int, error: dict[str, Any]) -> None:
        super().__init__(error)
        self.status, self.error = status, error


@dataclass
class Context:
    """What an action needs: the catalogue, the query engine, limits, language and the base URL."""

    view: CatalogView
    engine: Engine
    base_url: str
    lang: str
    max_rows: int = 1000
    max_search_rows: int = 1000
    usage: Any = None  # UsageRecorder, or None
    usage_path: Any = None

    def t(self, key: str, **params: Any) -> str:
        return messages.t(key, lang=self.lang, **params)

    def invalid(self, field: str, key: str, **params: Any) -> ApiError:
        return ApiError(400, {"__type": "Validation Error", field: [self.t(key, field=field, **params)]})

    def not_found(self, key: str, **params: Any) -> ApiError:
        return ApiError(404, {"__type": "Not Found Error", "message": self.t(key, **params)})


# -- parameters ---------------------------------------------------------------------------------
def _int(ctx: Context, params: dict[str, Any], name: str, default: int, lo: int, hi: int | None) -> int:
    value = params.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value) if not isinstance(value, bool) else None
    except (TypeError, ValueError):
        number = None
    if number is None or isinstance(value, float):
        raise ctx.invalid(name, "api.not_integer")
    if number < lo or (hi is not None and number > hi):
        raise ctx.invalid(name, "api.out_of_range", low=lo, high=hi if hi is not None else "∞")
    return number


def _bool(ctx: Context, params: dict[str, Any], name: str, default: bool) -> bool:
    value = params.get(name)
    if value in (None, ""):
        return default
    if isinstance(value, bool):
        return value
    if str(value).lower() in ("true", "1", "yes", "on"):
        return True
    if str(value).lower() in ("false", "0", "no", "off"):
        return False
    raise ctx.invalid(name, "api.not_boolean")


def _json(ctx: Context, params: dict[str, Any], name: str, kinds: tuple[type, ...]) -> Any:
    """A parameter that is JSON in a query string and may already be decoded in a JSON body."""
    value = params.get(name)
    if isinstance(value, str) and not (str in kinds and not value.lstrip().startswith(("{", "["))):
        try:
            value = json.loads(value)
        except ValueError:
            raise ctx.invalid(name, "api.not_json") from None
    if value is not None and not isinstance(value, kinds):
        raise ctx.invalid(name, "api.wrong_shape")
    return value


def _only(ctx: Context, params: dict[str, Any], allowed: set[str]) -> None:
    """Refuse a parameter the action does not know (a typo such as ``limt`` would else be ignored)."""
    for name in params:
        if name not in allowed and not name.startswith("_"):  # _ : cache busters of CKAN's JS
            raise ctx.invalid(name, "api.unknown_parameter")


# -- actions ------------------------------------------------------------------------------------
def package_list(ctx: Context, params: dict[str, Any]) -> list[str]:
    _only(ctx, params, {"limit", "offset"})
    names = sorted(ctx.view.listing().by_name)
    offset = _int(ctx, params, "offset", 0, 0, None)
    limit = _int(ctx, params, "limit", len(names), 0, None)
    return names[offset:offset + limit]


def package_show(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _only(ctx, params, {"id", "name_or_id", "include_tracking", "use_default_schema", "include_plugin_data"})
    ident = params.get("id") or params.get("name_or_id")
    if not ident or not isinstance(ident, str):
        raise ctx.invalid("id", "api.missing")
    listing = ctx.view.listing()
    pkg = listing.by_name.get(ident) or next((p for p in listing.packages if package_id(p["name"]) == ident), None)
    if pkg is None:
        raise ctx.not_found("api.no_dataset", name=ident)
    out = ctx.view.api_package(pkg, ctx.base_url)
    if _bool(ctx, params, "include_tracking", False):
        out["tracking_summary"] = usage_summary(ctx, pkg["name"])
    return out


def resource_show(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _only(ctx, params, {"id", "include_tracking"})
    rid = params.get("id")
    if not rid or not isinstance(rid, str):
        raise ctx.invalid("id", "api.missing")
    entry = ctx.view.listing().resources.get(rid)
    if entry is None:
        raise ctx.not_found("api.no_resource", id=rid)
    pkg = ctx.view.api_package(ctx.view.listing().by_name[entry[0]], ctx.base_url)
    return next(r for r in pkg["resources"] if r["id"] == rid)


#: package_search's facet and filter names → the search document's key.
_FACET_NAMES = {
    "organization": "organization", "owner_org": "organization",
    "groups": "subject", "subject": "subject", "opendata_subject": "subject", "extras_opendata_subject": "subject",
    "res_format": "res_format",
    "opendata_openness": "openness", "openness": "openness", "extras_opendata_openness": "openness",
    "opendata_frequency": "frequency", "frequency": "frequency", "extras_opendata_frequency": "frequency",
    "tags": "keywords", "name": "name",
}
_DEFAULT_FACETS = ["organization", "groups", "opendata_openness", "res_format", "opendata_frequency"]
_FQ_TERM = re.compile(r'\s*\+?([A-Za-z_.]+):(?:"((?:[^"\\]|\\.)*)"|(\S+))\s*')
_SORTS = {"metadata_modified": "modified", "title_string": "title", "name": "name", "score": "score",
          "title": "title"}


def _fq(ctx: Context, text: str) -> list[tuple[str, str]]:
    terms, position = [], 0
    while position < len(text):
        match = _FQ_TERM.match(text, position)
        if not match or match.end() == position:
            raise ctx.invalid("fq", "api.fq_syntax", value=text[position:position + 40])
        key = _FACET_NAMES.get(match.group(1))
        if key is None:
            raise ctx.invalid("fq", "api.fq_field", name=match.group(1), known=", ".join(sorted(_FACET_NAMES)))
        value = match.group(2) if match.group(2) is not None else match.group(3)
        terms.append((key, value.replace('\\"', '"')))
        position = match.end()
    return terms


def _matches(doc: dict[str, Any], key: str, value: str) -> bool:
    held = doc[key]
    return value in held if isinstance(held, list) else held == value


def package_search(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _only(ctx, params, {"q", "fq", "rows", "start", "sort", "facet", "facet.field", "facet.limit",
                        "facet.mincount", "include_private", "include_drafts", "fl"})
    listing = ctx.view.listing()
    q = params.get("q") or ""
    if not isinstance(q, str):
        raise ctx.invalid("q", "api.wrong_shape")
    fq = params.get("fq") or ""
    if not isinstance(fq, str):
        raise ctx.invalid("fq", "api.wrong_shape")
    rows = _int(ctx, params, "rows", 10, 0, ctx.max_search_rows)
    start = _int(ctx, params, "start", 0, 0, None)
    facet_fields = _json(ctx, params, "facet.field", (list,))
    facet_fields = _DEFAULT_FACETS if facet_fields is None else facet_fields
    for name in facet_fields:
        if not isinstance(name, str) or _FACET_NAMES.get(name) not in FACETS:
            raise ctx.invalid("facet.field", "api.facet_field", name=str(name),
                              known=", ".join(n for n, k in _FACET_NAMES.items() if k in FACETS))
    facet_limit = _int(ctx, params, "facet.limit", 50, -1, None)
    want_facets = _bool(ctx, params, "facet", True)
    sort = params.get("sort") or "score desc, metadata_modified desc"
    order: list[tuple[str, bool]] = []
    for item in str(sort).split(","):
        words = item.split()
        if not words:
            continue
        if words[0] not in _SORTS or len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise ctx.invalid("sort", "api.sort_package", value=item.strip(), known=", ".join(_SORTS))
        order.append((_SORTS[words[0]], len(words) == 2 and words[1].lower() == "desc"))

    terms = [] if q.strip() in ("", "*:*") else q.lower().split()
    filters = _fq(ctx, fq)
    hits = [i for i, doc in enumerate(listing.docs)
            if all(term in listing.haystacks[i] for term in terms)
            and all(_matches(doc, key, value) for key, value in filters)]
    for key, descending in reversed(order):  # stable sorts, last key first
        if key == "score":  # every hit matches every term: equal scores, the order stays
            continue
        hits.sort(key=lambda i: listing.docs[i][key], reverse=descending)

    facets: dict[str, dict[str, int]] = {}
    search_facets: dict[str, Any] = {}
    for name in facet_fields if want_facets else []:
        key = _FACET_NAMES[name]
        counts: dict[str, int] = {}
        for i in hits:
            held = listing.docs[i][key]
            for value in held if isinstance(held, list) else [held]:
                if value:
                    counts[value] = counts.get(value, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if facet_limit >= 0:
            ranked = ranked[:facet_limit]
        facets[name] = dict(ranked)
        search_facets[name] = {"title": name, "items": [
            {"name": v, "display_name": listing.labels.get(key, {}).get(v, v), "count": n} for v, n in ranked]}
    results = [ctx.view.api_package(listing.packages[i], ctx.base_url) for i in hits[start:start + rows]]
    return {"count": len(hits), "results": results, "facets": facets, "search_facets": search_facets,
            "sort": sort}


def datastore_search(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _only(ctx, params, {"resource_id", "id", "filters", "q", "fields", "sort", "limit", "offset",
                        "include_total", "records_format", "plain", "language", "distinct", "full_text"})
    rid = params.get("resource_id") or params.get("id")
    if not rid or not isinstance(rid, str):
        raise ctx.invalid("resource_id", "api.missing")
    if _bool(ctx, params, "distinct", False):
        raise ctx.invalid("distinct", "api.unsupported")
    if params.get("full_text"):
        raise ctx.invalid("full_text", "api.unsupported")
    found = ctx.view.table(rid)
    if found is None:
        raise ctx.not_found("api.no_datastore", id=rid)
    name, table = found
    filters = _json(ctx, params, "filters", (dict,)) or {}
    q = _json(ctx, params, "q", (str, dict))
    fields = params.get("fields")
    if isinstance(fields, str):
        fields = [f.strip() for f in fields.split(",") if f.strip()]
    elif fields is not None and not (isinstance(fields, list) and all(isinstance(f, str) for f in fields)):
        raise ctx.invalid("fields", "api.wrong_shape")
    sort = params.get("sort")
    if isinstance(sort, list):
        sort = ",".join(map(str, sort))
    elif sort is not None and not isinstance(sort, str):
        raise ctx.invalid("sort", "api.wrong_shape")
    limit = _int(ctx, params, "limit", 100, 0, ctx.max_rows)
    offset = _int(ctx, params, "offset", 0, 0, None)
    include_total = _bool(ctx, params, "include_total", True)
    records_format = params.get("records_format") or "objects"
    if records_format not in ("objects", "lists"):
        raise ctx.invalid("records_format", "api.records_format")
    try:
        found = ctx.engine.search(table, filters=filters, q=q, fields=fields, sort=sort, limit=limit,
                                  offset=offset, include_total=include_total)
    except QueryError as exc:
        raise ctx.invalid(exc.field, exc.key, **exc.params) from None
    except QueryTimeout:
        raise ApiError(409, {"__type": "Validation Error",
                             "query": [ctx.t("api.timeout", seconds=ctx.engine.timeout)]}) from None
    except QueryBusy:
        raise ApiError(503, {"__type": "Service Unavailable", "message": ctx.t("api.busy")}) from None
    names = found["names"]
    records = found["records"] if records_format == "lists" else [dict(zip(names, r)) for r in found["records"]]
    link = f"/api/3/action/datastore_search?resource_id={rid}"
    out: dict[str, Any] = {
        "resource_id": rid, "fields": found["fields"], "records": records, "limit": limit, "offset": offset,
        "records_format": records_format, "include_total": include_total,
        "_links": {"start": link, "next": f"{link}&offset={offset + limit}"},
    }
    if filters:
        out["filters"] = filters
    if q:
        out["q"] = q
    if sort:
        out["sort"] = sort
    if include_total:
        out["total"] = found["total"]
        out["total_was_estimated"] = False
    return out


def status_show(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    return {"site_title": ctx.t("portal.title"), "site_url": ctx.base_url.rstrip("/"), "ckan_version": "2.11.0",
            "site_description": "opendata", "locale_default": "zh_Hans_CN" if ctx.lang == "zh" else "en",
            "extensions": ["datastore", "opendata"]}


def organization_list(ctx: Context, params: dict[str, Any]) -> list[str]:
    _only(ctx, params, {"all_fields", "sort", "limit", "offset"})
    return sorted({d["organization"] for d in ctx.view.listing().docs if d["organization"]})


def usage_summary(ctx: Context, name: str) -> dict[str, Any]:
    """A dataset's usage: CKAN's ``tracking_summary`` (``total``, ``recent``: last 14 days) and
    opendata's per-kind figures."""
    import datetime as dt

    from . import usage

    rows = usage.read(ctx.usage_path, dataset=name) if ctx.usage_path else []
    pending = ctx.usage.pending(name) if ctx.usage else {"download": 0, "api": 0}
    recent_since = (dt.datetime.now(usage.CST).date() - dt.timedelta(days=13)).isoformat()
    totals = {k: pending[k] + sum(r["count"] for r in rows if r["kind"] == k) for k in usage.KINDS}
    recent = {k: pending[k] + sum(r["count"] for r in rows if r["kind"] == k and r["day"] >= recent_since)
              for k in usage.KINDS}
    return {"total": sum(totals.values()), "recent": sum(recent.values()),
            "downloads": totals["download"], "api_calls": totals["api"],
            "recent_downloads": recent["download"], "recent_api_calls": recent["api"]}


def opendata_usage_show(ctx: Context, params: dict[str, Any]) -> dict[str, Any]:
    _only(ctx, params, {"id"})
    name = params.get("id")
    if not name or not isinstance(name, str):
        raise ctx.invalid("id", "api.missing")
    if name not in ctx.view.listing().by_name:
        raise ctx.not_found("api.no_dataset", name=name)
    return usage_summary(ctx, name)


ACTIONS: dict[str, Callable[[Context, dict[str, Any]], Any]] = {
    "package_list": package_list, "package_show": package_show, "package_search": package_search,
    "resource_show": resource_show, "datastore_search": datastore_search, "status_show": status_show,
    "organization_list": organization_list, "opendata_usage_show": opendata_usage_show,
}


def dataset_of(action: str, params: dict[str, Any], ctx: Context) -> str | None:
    """The dataset an action call is about, for the usage figures (None: the catalogue)."""
    if action in ("package_show", "opendata_usage_show"):
        ident = params.get("id") or params.get("name_or_id")
        return ident if isinstance(ident, str) and ident in ctx.view.listing().by_name else None
    if action in ("datastore_search", "resource_show"):
        entry = ctx.view.listing().resources.get(params.get("resource_id") or params.get("id") or "")
        return entry[0] if entry else None
    return None


__all__ = ["ACTIONS", "ApiError", "Context", "dataset_of", "resource_id"]
