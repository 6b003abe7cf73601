"""Usage figures of a CKAN, read from CKAN's own tracking (``opendata stats --catalog URL``).

CKAN counts differently from ``opendata serve`` (opendata.server.usage), and the report says so:

- a **view** is a dataset page (``/dataset/NAME``) opened in a browser, a **download** a click on a
  resource's link there; both are sent by CKAN's JavaScript to ``/_tracking`` (no JavaScript, no
  count; a file fetched straight from its URL, or through the API, is not counted; CKAN does not
  count API calls at all);
- CKAN stores each event with a key hashed from the browser's IP address, user agent and language,
  and counts one per key, URL and day; the figures move only when the site runs
  ``ckan tracking update`` (usually daily, from cron), which keeps a running total and the last
  14 days per URL.

opendata reads only those aggregates (``tracking_summary`` in ``package_search`` /
``package_show``, as the public reads them, without an API key); the raw events and their user keys
stay in CKAN's database and are never read or copied.

Tracking is the ``tracking`` plugin in CKAN 2.11 (``ckan.plugins = … tracking``) and
``ckan.tracking_enabled = true`` up to 2.10; without it there are no figures, which is reported as
a finding (``stats.no_tracking``), never as zeros.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..errors import CatalogError

#: Datasets per package_search call (CKAN's own ``ckan.search.rows_max`` default).
PAGE = 1000


class _BadFigure(ValueError):
    """A count that is not a non-negative integer (a broken or hostile server)."""


def _count(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _BadFigure(repr(value)[:40])
    return value


def _summary(entity: dict[str, Any]) -> dict[str, int]:
    found = entity.get("tracking_summary") or {}
    if not isinstance(found, dict):
        raise _BadFigure(type(found).__name__)
    return {"total": _count(found.get("total")), "recent": _count(found.get("recent"))}


def _packages(client: Any) -> Iterator[dict[str, Any]]:
    """Every public dataset, with its tracking_summary where the CKAN adds one.

    CKAN 2.11's tracking plugin adds it to search results; where a page of results has none
    (CKAN 2.10, opendata serve), each dataset is read again with ``package_show(include_tracking)``."""
    import ckanapi

    start, seen = 0, set()
    while True:
        found = client.call("package_search", q="*:*", rows=PAGE, start=start, sort="name asc")
        page = found.get("results") or []
        fresh = [pkg for pkg in page if pkg.get("name") not in seen]
        if page and not fresh:  # a server repeating a whole page ends the listing rather than loops
            return
        for pkg in fresh:
            if pkg.get("name") in seen:  # a dataset twice in one page (an index not yet cleaned) counts once
                continue
            seen.add(pkg.get("name"))
            if "tracking_summary" not in pkg:
                try:
                    pkg = client.call("package_show", id=pkg["name"], include_tracking=True)
                except ckanapi.NotFound:  # deleted since the search
                    continue
                except CatalogError as exc:
                    if exc.code != "ckan.not_authorized":  # made private since the search
                        raise
                    continue
            yield pkg
        start += len(page)
        if not page or start >= int(found.get("count") or 0):
            return


def _dataset(pkg: dict[str, Any]) -> dict[str, Any]:
    page = _summary(pkg)
    resources = [{"id": r.get("id"), "name": r.get("name"), "downloads": s["total"], "recent_downloads": s["recent"]}
                 for r in pkg.get("resources") or [] for s in (_summary(r),)]
    own = pkg.get("tracking_summary") or {}
    # opendata serve answers as CKAN does and also gives its own counts (downloads, API calls).
    downloads = _count(own.get("downloads", sum(r["downloads"] for r in resources)))
    recent = _count(own.get("recent_downloads", sum(r["recent_downloads"] for r in resources)))
    api_calls = None if own.get("api_calls") is None else _count(own["api_calls"])
    return {"name": pkg["name"], "title": pkg.get("title"), "live": True,
            "views": page["total"], "recent_views": page["recent"],
            "downloads": downloads, "recent_downloads": recent, "api_calls": api_calls,
            "resources": resources}


def ckan_figures(url: str) -> dict[str, Any]:
    """Views and downloads per dataset (total and last 14 days) from a CKAN's own tracking.

    Raises CatalogError: ``stats.no_tracking`` when the CKAN does not track usage,
    ``stats.bad_figures`` when its answers are not CKAN's, ``ckan.*`` when it cannot be read."""
    from ..catalogs.ckan import CkanCatalog

    # No API key: the figures the public sees. CkanCatalog's calls retry transient failures, time
    # out, and turn CKAN's errors into findings.
    client = CkanCatalog(url)
    try:
        status = client.call("status_show")
        plugin = "tracking" in (status.get("extensions") or [])
        packages = list(_packages(client))
    except (ValueError, TypeError, AttributeError, KeyError) as exc:  # not the shape CKAN answers in
        raise CatalogError("stats.bad_figures", url=url, name="-", reason=type(exc).__name__) from None
    if not plugin and not any("tracking_summary" in p for p in packages):
        raise CatalogError("stats.no_tracking", url=url)
    datasets = []
    for pkg in packages:
        try:
            datasets.append(_dataset(pkg))
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            name = pkg.get("name") if isinstance(pkg, dict) else "-"
            raise CatalogError("stats.bad_figures", url=url, name=str(name)[:100],
                               reason=str(exc)[:60]) from None
    datasets.sort(key=lambda d: d["name"])
    api = [d["api_calls"] for d in datasets if d["api_calls"] is not None]
    return {"catalog": url, "source": "ckan-tracking", "since": None, "datasets": datasets,
            "total": {key: sum(d[key] for d in datasets)
                      for key in ("views", "recent_views", "downloads", "recent_downloads")}
            | {"api_calls": sum(api) if api else None}}
