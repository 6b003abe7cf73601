"""``opendata stats``: the usage figures a department reports (数据接口利用率), as text or JSON."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from .. import messages
from ..errors import InputError
from . import usage
from .ckan_usage import ckan_figures


def _ckan_url(spec: str) -> str | None:
    """The URL of a CKAN named by ``spec`` (a URL, or a name in opendata.toml with ``url``)."""
    import re

    from .. import config

    named = (config.load().get("catalogs") or {}).get(spec) or {}
    url = named.get("url") or spec
    return url if re.match(r"^https?://", url) else None


def figures(catalogue: str | Path, *, since: str | None = None,
            usage_path: str | Path | None = None) -> dict[str, Any]:
    """Downloads and API calls per dataset (with titles and per-day counts) since ``since``."""
    from ..catalogs import open_catalog

    if since is not None:
        try:
            since = dt.date.fromisoformat(since).isoformat()
        except ValueError:
            raise InputError("stats.bad_date", value=since) from None
    from ..catalogs import LocalCatalog

    catalog = open_catalog(str(catalogue), must_exist=True)
    if not isinstance(catalog, LocalCatalog):  # a CKAN keeps its own figures (its tracking)
        raise InputError("catalog.missing", path=str(catalogue))
    titles = {p["name"]: p.get("title", p["name"]) for p in catalog.datasets()}
    path = Path(usage_path) if usage_path else usage.default_path(Path(catalog.path))
    summary = usage.summarise(usage.read(path, since=since))
    granted = catalog.grant_counts()  # 受限开放 applications granted, ever (opendata.delivery)
    datasets = []
    for name in sorted(set(summary) | set(titles), key=lambda n: (n == usage.CATALOGUE, n)):
        entry = summary.get(name, {"downloads": 0, "api_calls": 0, "days": {}})
        datasets.append({"name": name, "title": titles.get(name), "live": name in titles,
                         "downloads": entry["downloads"], "api_calls": entry["api_calls"],
                         "grants": granted.get(name, 0),
                         "days": [{"date": d, **v} for d, v in sorted(entry["days"].items())]})
    return {"catalog": str(catalogue), "since": since, "until": usage.today(), "datasets": datasets,
            "total": {"downloads": sum(d["downloads"] for d in datasets),
                      "api_calls": sum(d["api_calls"] for d in datasets)}}


def report(catalogue: str | Path, *, since: str | None = None, fmt: str = "text",
           usage_path: str | Path | None = None) -> str:
    """The figures as the command prints them."""
    url = _ckan_url(str(catalogue))
    if url is not None:
        if since is not None:  # CKAN's tracking keeps a total and the last 14 days only
            raise InputError("stats.since_ckan")
        return _ckan_report(ckan_figures(url), fmt)
    data = figures(catalogue, since=since, usage_path=usage_path)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    t = messages.t
    period = t("stats.period_since", since=data["since"]) if data["since"] else t("stats.period_all")
    lines = [t("stats.title", path=catalogue, period=period)]
    if not data["total"]["downloads"] and not data["total"]["api_calls"]:
        lines.append(t("stats.none"))
    grants = any(d["grants"] for d in data["datasets"])  # a column only where applications were granted
    rows = [(t("stats.dataset"), t("stats.downloads"), t("stats.api_calls")) + ((t("stats.grants"),) if grants else ())]
    for d in data["datasets"]:
        label = t("stats.catalogue") if d["name"] == usage.CATALOGUE else \
            f"{d['title'] or d['name']} ({d['name']})" + ("" if d["live"] else t("stats.retracted"))
        rows.append((label, str(d["downloads"]), str(d["api_calls"])) + ((str(d["grants"]),) if grants else ()))
    rows.append((t("stats.total"), str(data["total"]["downloads"]), str(data["total"]["api_calls"]))
                + ((str(sum(d["grants"] for d in data["datasets"])),) if grants else ()))
    lines.append(_table("", rows).lstrip("\n"))
    return "\n".join(lines)


def _table(title: str, rows: list[tuple[str, ...]]) -> str:
    import io

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(*rows[0])
    for row in rows[1:]:
        table.add_row(*(escape(c) for c in row))
    out = io.StringIO()
    Console(width=120, file=out, color_system=None).print(table)
    return title + "\n" + out.getvalue().rstrip()


def _ckan_report(data: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    t = messages.t
    counted = data["total"]["api_calls"] is not None  # opendata serve counts API calls; CKAN does not
    rows = [(t("stats.dataset"), t("stats.views"), t("stats.ckan_downloads"), t("stats.recent_views"),
             t("stats.recent_downloads")) + ((t("stats.api_calls"),) if counted else ())]
    for d in data["datasets"] + [dict(data["total"], name=None)]:
        label = t("stats.total") if d["name"] is None else f"{d['title'] or d['name']} ({d['name']})"
        rows.append((label, str(d["views"]), str(d["downloads"]), str(d["recent_views"]), str(d["recent_downloads"]))
                    + ((str(d["api_calls"] or 0),) if counted else ()))
    table = _table(t("stats.ckan_title", url=data["catalog"]), rows)
    if not data["total"]["views"] and not data["total"]["downloads"]:
        table += "\n" + t("stats.ckan_none")
    return table + "\n" + t("stats.ckan_counts")
