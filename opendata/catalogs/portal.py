"""The static portal of the local catalogue: an index of datasets and one page per dataset.

Plain HTML, one stylesheet and one script, all served from the catalogue (no external CDN), so any
web server can serve it and any browser, screen reader or crawler can read it. The front page's
search, facets, sort and paging run in the browser over the prebuilt index ``search-index.js``
(:mod:`.search_index`); each dataset page carries its preview (first rows, chart, map) made at
publish time from the release's own files. Every value is HTML-escaped.
"""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from .. import messages, taxonomy
from . import charts, search_index
from .metadata import extra, resource_id, resource_sha256
from .preview import Preview

PAGE_SIZE = 20

#: Where a licence is read when the package names no URL for it.
LICENSE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "ODC-BY-1.0": "https://opendatacommons.org/licenses/by/1-0/",
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "PDDL-1.0": "https://opendatacommons.org/licenses/pddl/1-0/",
}
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def _page(title: str, body: str, *, lang: str, root: str, scripts: str = "") -> str:
    t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
    html_lang = "zh-CN" if lang == "zh" else "en"
    return f"""<!doctype html>
<html lang="{html_lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="{root}assets/style.css">
<link rel="alternate" type="application/ld+json" href="{root}catalog.jsonld">
<link rel="icon" href="data:,">
</head>
<body>
<a class="skip" href="#main">{escape(t("portal.skip"))}</a>
<header class="site"><p class="title"><a href="{root}index.html">{escape(t("portal.title"))}</a></p></header>
<main id="main">
{body}
<footer>{escape(t("portal.generated"))} · <a href="{root}catalog.jsonld">{escape(t("portal.dcat"))}</a></footer>
</main>
{scripts}
</body>
</html>
"""


def index_page(docs: list[dict[str, Any]], *, lang: str) -> str:
    """The catalogue's front page: search, facets with counts, sort and paging (by the script over
    ``search-index.js``); without the script, the most recently updated datasets."""
    t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
    labels = search_index.facet_labels(docs, lang)
    ordered = sorted(docs, key=lambda d: d["title"])
    ordered.sort(key=lambda d: d["modified"], reverse=True)
    items = "".join(_item(d, labels, t) for d in ordered[:PAGE_SIZE])
    facets = []
    for key in search_index.FACETS:
        counts: dict[str, int] = {}
        for d in docs:
            for value in d[key] if isinstance(d[key], list) else [d[key]]:
                if value:
                    counts[value] = counts.get(value, 0) + 1
        options = "".join(
            f'<label><input type="checkbox" name="{key}" value="{escape(v)}"><span>{escape(labels[key].get(v, v))}</span>'
            f'<span class="count">{n}</span></label>'
            for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        facets.append(f'<fieldset data-facet="{key}"><legend>{escape(t(f"portal.facet.{key}"))}</legend>'
                      f'<div class="options">{options}</div></fieldset>')
    strings = {"found": t("portal.found", count="{count}"), "page": t("portal.page", page="{page}", pages="{pages}"),
               "modified": t("portal.modified"), "page-size": str(PAGE_SIZE)}
    data = " ".join(f'data-{k}="{escape(v)}"' for k, v in strings.items())
    body = f"""<h1 class="visually-hidden">{escape(t("portal.title"))}</h1>
<div id="portal" {data}>
<form id="search-form" class="search" role="search" action="#">
<label for="q">{escape(t("portal.search_label"))}</label>
<input type="search" id="q" name="q" placeholder="{escape(t("portal.search"))}" autocomplete="off">
</form>
<div class="layout">
<details class="filters" id="filters" open>
<summary><h2 style="display:inline;font-size:inherit">{escape(t("portal.filters"))}</h2></summary>
<div id="facets">{"".join(facets)}</div>
</details>
<section aria-labelledby="results-heading">
<h2 id="results-heading" class="visually-hidden">{escape(t("portal.results"))}</h2>
<div class="toolbar">
<p id="count" role="status" aria-live="polite" tabindex="-1">{escape(t("portal.found", count=len(docs)))}</p>
<button type="button" id="clear" hidden>{escape(t("portal.clear"))}</button>
<div><label for="sort">{escape(t("portal.sort"))}</label>
<select id="sort" name="sort"><option value="updated">{escape(t("portal.sort.updated"))}</option>
<option value="title">{escape(t("portal.sort.title"))}</option></select></div>
</div>
<div id="empty" class="empty" hidden><p>{escape(t("portal.empty"))}</p></div>
<noscript><p class="muted">{escape(t("portal.noscript"))} <a href="catalog.json">catalog.json</a></p></noscript>
<ul class="datasets" id="results">{items}</ul>
<nav class="pager" id="pager" aria-label="{escape(t("portal.pager"))}"{" hidden" if len(docs) <= PAGE_SIZE else ""}>
<button type="button" id="prev" disabled>{escape(t("portal.prev"))}</button>
<span id="pageinfo">{escape(t("portal.page", page=1, pages=max(1, -(-len(docs) // PAGE_SIZE))))}</span>
<button type="button" id="next">{escape(t("portal.next"))}</button>
</nav>
</section>
</div>
</div>"""
    scripts = '<script src="search-index.js"></script>\n<script src="assets/portal.js"></script>'
    return _page(t("portal.title"), body, lang=lang, root="", scripts=scripts)


def _item(doc: dict[str, Any], labels: dict[str, dict[str, str]], t) -> str:
    tags = "".join(f'<span class="tag">{escape(labels[k].get(doc[k], doc[k]))}</span>'
                   for k in ("subject", "openness", "frequency") if doc[k])
    tags += "".join(f'<span class="tag">{escape(v)}</span>' for v in doc["res_format"])
    org = labels["organization"].get(doc["organization"], doc["organization"])
    return (f'<li><h3><a href="datasets/{escape(doc["name"])}/index.html">{escape(doc["title"])}</a></h3>'
            f'<div class="muted">{escape(org)} · {escape(t("portal.modified"))} {escape(doc["modified"])}</div>'
            f'<p>{escape(_first_line(doc["notes"]))}</p><div>{tags}</div></li>')


def _first_line(text: str) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line[:200]


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def describe_constraints(constraints: dict[str, Any], *, lang: str) -> str:
    """Constraints in words for the data dictionary (``必填；格式 \\d{6}；最小值 0``)."""
    parts = []
    for name, value in constraints.items():
        key = f"portal.c.{name}"
        if not messages.has(key) or value is False:
            continue
        if isinstance(value, list):
            value = "、".join(map(str, value)) if lang == "zh" else ", ".join(map(str, value))
        parts.append(messages.t(key, lang=lang, value=value))
    return "；".join(parts) if lang == "zh" else "; ".join(parts)


def _linked_emails(text: str) -> str:
    """``text`` escaped, with every e-mail address a ``mailto:`` link."""
    out, last = [], 0
    for match in _EMAIL.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f'<a href="mailto:{escape(match.group())}">{escape(match.group())}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _contact(pkg: dict[str, Any]) -> str:
    raw = extra(pkg, "opendata_contact")
    if not raw:
        return ""
    try:
        info = json.loads(raw)
    except ValueError:
        return _linked_emails(raw)
    if not isinstance(info, dict):
        return _linked_emails(str(info))
    parts = []
    for key, value in info.items():
        if not value:
            continue
        value = str(value)
        if key == "email" and _EMAIL.fullmatch(value):
            parts.append(f'<a href="mailto:{escape(value)}">{escape(value)}</a>')
        elif key in ("phone", "telephone", "tel"):
            parts.append(f'<a href="tel:{escape(re.sub(r"[^0-9+]", "", value))}">{escape(value)}</a>')
        else:
            parts.append(_linked_emails(value))
    return " · ".join(parts)


def _license(pkg: dict[str, Any], t) -> str:
    license_id = pkg.get("license_id")
    if license_id in ("", None, "notspecified"):
        return escape(t("portal.license_unspecified"))
    title = pkg.get("license_title") or license_id
    url = pkg.get("license_url") or LICENSE_URLS.get(license_id, "")
    if url.startswith(("https://", "http://")):
        return f'<a href="{escape(url)}" rel="license">{escape(title)}</a>'
    return escape(title)


def type_label(field_type: str, lang: str) -> str:
    """A Table Schema type in words (文本, 整数 …); an unknown one as it is."""
    key = f"type.{field_type or 'string'}"
    return messages.t(key, lang=lang) if messages.has(key) else field_type


def _preview_section(previews: list[Preview], titles: dict[str, str], t) -> str:
    out = []
    for n, p in enumerate(previews):
        head = "".join(f'<th scope="col">{escape(title or name)}<br><code>{escape(name)}</code></th>'
                       for name, title in p.columns)
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in p.rows)
        label = f"{t('portal.preview')}：{titles.get(p.resource, p.resource)}"
        out.append(f'<h3>{escape(titles.get(p.resource, p.resource))}</h3>'
                   f'<p class="muted">{escape(t("portal.preview_note", shown=len(p.rows), rows=p.total_rows))}</p>'
                   f'<div class="scroll" role="region" aria-label="{escape(label)}" tabindex="0">'
                   f'<table class="preview"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')
        if p.chart:
            c = p.chart
            title = t("portal.chart", value=c["value"].get("title") or c["value"]["field"],
                      date=c["date"].get("title") or c["date"]["field"])
            out.append(f'<figure class="chart">{charts.line_chart(c["points"], title=title, label_id=f"chart-{n}")}'
                       f'<figcaption>{escape(title)} · {escape(t("portal.chart_note", rows=c["rows"], points=len(c["points"])))}'
                       f'</figcaption></figure>')
        if p.map:
            m = p.map
            lons, lats = [x for x, _ in m["points"]], [y for _, y in m["points"]]
            title = t("portal.map", lon=m["lon"].get("title") or m["lon"]["field"],
                      lat=m["lat"].get("title") or m["lat"]["field"])
            note = t("portal.map_note", points=len(m["points"]), lon_min=f"{min(lons):.4f}",
                     lon_max=f"{max(lons):.4f}", lat_min=f"{min(lats):.4f}", lat_max=f"{max(lats):.4f}")
            out.append(f'<figure class="map">{charts.point_map(m["points"], title=title, label_id=f"map-{n}")}'
                       f'<figcaption>{escape(title)} · {escape(note)}</figcaption></figure>')
    return "".join(out)


def dataset_page(pkg: dict[str, Any], dictionary: list[dict[str, Any]], *, lang: str,
                 previews: list[Preview] = ()) -> str:
    """A dataset's page: description, metadata, preview, downloads, data dictionary, API and usage."""
    t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
    contact = _contact(pkg)
    esc = lambda v: escape(str(v))  # noqa: E731
    meta = [
        (t("portal.publisher"), esc(taxonomy.label("organizations", pkg.get("owner_org"), lang))),
        (t("portal.subject"), esc(taxonomy.label("subjects", extra(pkg, "opendata_subject"), lang))),
        (t("portal.openness"), esc(taxonomy.label("openness", extra(pkg, "opendata_openness"), lang))),
        (t("portal.grade"), esc(extra(pkg, "opendata_grade"))),
        (t("portal.frequency"), esc(taxonomy.label("frequencies", extra(pkg, "opendata_frequency"), lang))),
        (t("portal.modified"), esc(extra(pkg, "opendata_modified"))),
        (t("portal.version"), esc(pkg.get("version", ""))),
        (t("portal.license"), _license(pkg, t)),
        (t("portal.keywords"), esc("、".join(tag["name"] for tag in pkg.get("tags", [])))),
        (t("portal.contact"), contact),
        (t("portal.grants"), esc(extra(pkg, "opendata_grants"))),
    ]
    meta_rows = "".join(f'<tr><th scope="row">{escape(k)}</th><td>{v}</td></tr>' for k, v in meta if v)
    labels = {k: t(f"portal.{k}") for k in ("file", "format", "size", "checksum")}
    downloads = []
    for res in pkg.get("resources", []):
        rows = f' · {t("portal.rows")} {res["opendata_rows"]}' if "opendata_rows" in res else ""
        downloads.append(
            f'<tr><td data-label="{escape(labels["file"])}"><a href="{escape(res["url"])}" download>{escape(res["name"])}</a></td>'
            f'<td data-label="{escape(labels["format"])}">{escape(res.get("format", ""))}</td>'
            f'<td data-label="{escape(labels["size"])}">{_size(int(res.get("size", 0)))}{escape(rows)}</td>'
            f'<td data-label="{escape(labels["checksum"])}"><code title="SHA-256 {escape(resource_sha256(res))}">'
            f'sha256:{escape(resource_sha256(res)[:12])}…</code></td></tr>')
    heads = [("resource", t("portal.resource")), ("field", t("portal.field")), ("title", t("portal.field_title")),
             ("type", t("portal.type")), ("description", t("portal.description")),
             ("constraints", t("portal.constraints"))]
    dict_rows = "".join(
        "<tr>" + "".join(f'<td data-label="{escape(label)}"{nowrap}>{cell}</td>' for (key, label), cell in zip(heads, [
            escape(d["resource"]), f'<code>{escape(d["field"])}</code>', escape(d["title"]),
            escape(type_label(d["type"], lang)), escape(d["description"]),
            escape(describe_constraints(json.loads(d["constraints"] or "{}"), lang=lang))])
            for nowrap in [' class="nowrap"' if key in ("resource", "type") else ""]) + "</tr>"
        for d in dictionary)
    restricted = ""
    if extra(pkg, "opendata_openness") == "restricted":
        how = extra(pkg, "opendata_application")
        how_html = _linked_emails(how) if how else contact
        restricted = (f'<div class="notice" role="note"><p>{escape(t("portal.restricted"))}</p>'
                      + (f'<p><strong>{escape(t("portal.apply"))}</strong>：{how_html}</p>' if how_html else "")
                      # shown by portal.js only where opendata serve answers the form (not on a static host)
                      + f'<p class="apply-online" hidden><a href="../../apply/{escape(pkg["name"])}">'
                        f'{escape(t("portal.apply_online"))}</a></p>'
                      + "</div>")
    preview = ""
    if previews:
        titles = {r["opendata_resource"]: r["name"].rsplit(" (", 1)[0]
                  for r in pkg.get("resources", []) if r.get("opendata_resource")}
        preview = f'<h2 id="preview">{escape(t("portal.preview"))}</h2>{_preview_section(list(previews), titles, t)}'
    queryable = [r for r in pkg.get("resources", []) if r.get("opendata_resource") and r.get("format") == "CSV"]
    api = ""
    if queryable and extra(pkg, "opendata_openness") == "unconditional":
        examples = "".join(
            f'<li>{escape(r["name"])}：<code>/api/3/action/datastore_search?resource_id='
            f'{resource_id(pkg["name"], r["url"])}&amp;limit=5</code></li>' for r in queryable)
        api = (f'<h2>{escape(t("portal.api"))}</h2><p>{escape(t("portal.api_text"))}</p><ul>{examples}</ul>'
               f'<p><code>/api/3/action/package_show?id={escape(pkg["name"])}</code></p>')
    body = f"""<p><a href="../../index.html">← {escape(t("portal.back"))}</a></p>
<h1>{escape(pkg["title"])}</h1>
<p>{escape(pkg.get("notes", ""))}</p>
<table class="meta">{meta_rows}</table>
{restricted}
<section id="usage" class="usage" aria-labelledby="usage-heading" data-name="{escape(pkg["name"])}"
 data-api="../../api/3/action/opendata_usage_show" data-text="{escape(t("portal.usage_text"))}">
<h2 id="usage-heading">{escape(t("portal.usage"))}</h2><p class="figures muted">{escape(t("portal.usage_static"))}</p>
</section>
<h2>{escape(t("portal.downloads"))}</h2>
<table class="stack"><thead><tr>{"".join(f'<th scope="col">{escape(v)}</th>' for v in labels.values())}</tr></thead>
<tbody>{"".join(downloads)}</tbody></table>
{preview}
<h2>{escape(t("portal.dictionary"))}</h2>
<table class="stack"><thead><tr>{"".join(f'<th scope="col">{escape(label)}</th>' for _, label in heads)}</tr></thead>
<tbody>{dict_rows}</tbody></table>
{api}
<p><a href="package.json">{escape(t("portal.metadata"))}</a> · <a href="datapackage.json">datapackage.json</a></p>"""
    return _page(pkg["title"], body, lang=lang, root="../../", scripts='<script src="../../assets/portal.js"></script>')
