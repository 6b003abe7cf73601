"""The static portal of the local catalogue: an index of datasets and one page per dataset.

Plain HTML and one stylesheet, no script needed to read it (a small one filters the index), so any
web server can serve it and any browser, screen reader or crawler can read it. Every value is
HTML-escaped.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from .. import messages, taxonomy
from .metadata import extra

STYLE = """
:root { --fg:#1d2733; --muted:#5b6775; --line:#dde3ea; --accent:#0b5cad; --bg:#f6f8fa; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;
       color:var(--fg); background:#fff; }
header { background:var(--accent); color:#fff; padding:18px 24px; }
header a { color:#fff; text-decoration:none; }
header h1 { margin:0; font-size:22px; }
main { max-width:1080px; margin:0 auto; padding:20px 24px 48px; }
a { color:var(--accent); }
.muted { color:var(--muted); }
input[type=search] { width:100%; padding:9px 12px; font-size:15px; border:1px solid var(--line); border-radius:6px; }
ul.datasets { list-style:none; padding:0; }
ul.datasets li { border-bottom:1px solid var(--line); padding:14px 0; }
ul.datasets h2 { font-size:18px; margin:0 0 4px; }
.tag { display:inline-block; background:var(--bg); border:1px solid var(--line); border-radius:4px;
       padding:0 6px; margin-right:6px; font-size:13px; }
table { border-collapse:collapse; width:100%; margin:8px 0 20px; }
th, td { border:1px solid var(--line); padding:6px 10px; text-align:left; vertical-align:top; }
th { background:var(--bg); font-weight:600; }
table.meta th { width:160px; }
.notice { background:#fff7e6; border:1px solid #f0c36d; border-radius:6px; padding:4px 14px; }
footer { color:var(--muted); font-size:13px; margin-top:32px; }
"""

FILTER_SCRIPT = """
document.getElementById('q').addEventListener('input', function (e) {
  var q = e.target.value.trim().toLowerCase();
  document.querySelectorAll('ul.datasets li').forEach(function (li) {
    li.hidden = q && li.textContent.toLowerCase().indexOf(q) < 0;
  });
});
"""


def _page(title: str, body: str, *, lang: str, root: str) -> str:
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
</head>
<body>
<header><h1><a href="{root}index.html">{escape(t("portal.title"))}</a></h1></header>
<main>
{body}
<footer>{escape(t("portal.generated"))} · <a href="{root}catalog.jsonld">{escape(t("portal.dcat"))}</a></footer>
</main>
</body>
</html>
"""


def index_page(packages: list[dict[str, Any]], *, lang: str) -> str:
    """The catalogue's front page: every dataset with its publisher, subject and last update."""
    t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
    items = []
    for pkg in sorted(packages, key=lambda p: p["title"]):
        org = taxonomy.label("organizations", pkg.get("owner_org"), lang)
        tags = "".join(f'<span class="tag">{escape(x)}</span>' for x in [
            taxonomy.label("subjects", extra(pkg, "opendata_subject"), lang),
            taxonomy.label("openness", extra(pkg, "opendata_openness"), lang),
            taxonomy.label("frequencies", extra(pkg, "opendata_frequency"), lang),
        ] if x)
        items.append(
            f'<li><h2><a href="datasets/{escape(pkg["name"])}/index.html">{escape(pkg["title"])}</a></h2>'
            f'<div class="muted">{escape(org)} · {escape(t("portal.modified"))} '
            f'{escape(extra(pkg, "opendata_modified"))}</div>'
            f'<p>{escape(_first_line(pkg.get("notes", "")))}</p><div>{tags}</div></li>'
        )
    body = (f'<p class="muted">{escape(t("portal.datasets", count=len(packages)))}</p>'
            f'<input type="search" id="q" placeholder="{escape(t("portal.search"))}" '
            f'aria-label="{escape(t("portal.search"))}">'
            f'<ul class="datasets">{"".join(items)}</ul><script>{FILTER_SCRIPT}</script>')
    return _page(t("portal.title"), body, lang=lang, root="")


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


def dataset_page(pkg: dict[str, Any], dictionary: list[dict[str, Any]], *, lang: str) -> str:
    """A dataset's page: description, metadata, downloads and data dictionary."""
    t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
    contact = extra(pkg, "opendata_contact")
    contact_text = ""
    if contact:
        info = json.loads(contact)
        contact_text = " · ".join(str(v) for v in info.values() if v)
    meta = [
        (t("portal.publisher"), taxonomy.label("organizations", pkg.get("owner_org"), lang)),
        (t("portal.subject"), taxonomy.label("subjects", extra(pkg, "opendata_subject"), lang)),
        (t("portal.openness"), taxonomy.label("openness", extra(pkg, "opendata_openness"), lang)),
        (t("portal.grade"), extra(pkg, "opendata_grade")),
        (t("portal.frequency"), taxonomy.label("frequencies", extra(pkg, "opendata_frequency"), lang)),
        (t("portal.modified"), extra(pkg, "opendata_modified")),
        (t("portal.version"), pkg.get("version", "")),
        (t("portal.license"), pkg.get("license_title") or (t("portal.license_unspecified")
                                                             if pkg.get("license_id") in ("", None, "notspecified")
                                                             else pkg.get("license_id"))),
        (t("portal.keywords"), "、".join(tag["name"] for tag in pkg.get("tags", []))),
        (t("portal.contact"), contact_text),
        (t("portal.grants"), extra(pkg, "opendata_grants")),
    ]
    meta_rows = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in meta if v)
    downloads = []
    for res in pkg.get("resources", []):
        rows = f' · {t("portal.rows")} {res["opendata_rows"]}' if "opendata_rows" in res else ""
        downloads.append(
            f'<tr><td><a href="{escape(res["url"])}" download>{escape(res["name"])}</a></td>'
            f'<td>{escape(res.get("format", ""))}</td><td>{_size(int(res.get("size", 0)))}{escape(rows)}</td>'
            f'<td><code>{escape(res.get("hash", "")[:19])}…</code></td></tr>')
    dict_rows = "".join(
        f'<tr><td>{escape(d["resource"])}</td><td><code>{escape(d["field"])}</code></td><td>{escape(d["title"])}</td>'
        f'<td>{escape(d["type"])}</td><td>{escape(d["description"])}</td>'
        f'<td>{escape(describe_constraints(json.loads(d["constraints"] or "{}"), lang=lang))}</td></tr>'
        for d in dictionary)
    restricted = ""
    if extra(pkg, "opendata_openness") == "restricted":
        how = extra(pkg, "opendata_application") or contact_text
        restricted = (f'<div class="notice"><p>{escape(t("portal.restricted"))}</p>'
                      + (f'<p><strong>{escape(t("portal.apply"))}</strong>：{escape(how)}</p>' if how else "")
                      + "</div>")
    body = f"""<p><a href="../../index.html">← {escape(t("portal.back"))}</a></p>
<h1>{escape(pkg["title"])}</h1>
<p>{escape(pkg.get("notes", ""))}</p>
<table class="meta">{meta_rows}</table>
{restricted}
<h2>{escape(t("portal.downloads"))}</h2>
<table><tbody>{"".join(downloads)}</tbody></table>
<h2>{escape(t("portal.dictionary"))}</h2>
<table><thead><tr><th>{escape(t("portal.resource"))}</th><th>{escape(t("portal.field"))}</th><th>{escape(t("portal.field_title"))}</th>
<th>{escape(t("portal.type"))}</th><th>{escape(t("portal.description"))}</th><th>{escape(t("portal.constraints"))}</th></tr></thead>
<tbody>{dict_rows}</tbody></table>
<p><a href="package.json">{escape(t("portal.metadata"))}</a> · <a href="datapackage.json">datapackage.json</a></p>"""
    return _page(pkg["title"], body, lang=lang, root="../../")
