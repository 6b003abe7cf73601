"""Synthetic catalogue entries (search documents) for the portal's scale test and benchmark, and a
static portal written from them — the same files ``LocalCatalog`` renders, without publishing."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from opendata import taxonomy
from opendata.catalogs import portal, portal_assets, search_index

PLACES = ["示范市", "东城区", "西湖区", "滨江区", "临平区", "富阳区", "萧山区", "余杭区"]
TOPICS = ["公交站点", "企业登记", "医疗机构", "中小学校", "气象观测", "空气质量", "停车场", "养老机构", "菜市场",
          "公共厕所", "充电桩", "图书馆", "体育场馆", "行政许可", "行政处罚", "水质监测", "道路养护", "垃圾分类"]
KINDS = ["名录", "信息", "统计", "分布", "月报", "年报", "实时数据"]
FIELDS = ["名称", "地址", "经度", "纬度", "联系电话", "登记日期", "所属区县", "类别", "数量", "状态", "编号", "备注"]


def synthetic_docs(n: int, seed: int = 19) -> list[dict[str, Any]]:
    """``n`` search documents with realistic Chinese titles, publishers, subjects and fields."""
    rng = random.Random(seed)
    orgs, subjects = list(taxonomy.items("organizations")), list(taxonomy.items("subjects"))
    frequencies = list(taxonomy.items("frequencies"))
    docs = []
    for i in range(n):
        place, topic, kind = rng.choice(PLACES), rng.choice(TOPICS), rng.choice(KINDS)
        restricted = rng.random() < 0.15
        docs.append({
            "name": f"synthetic-{i:05d}",
            "title": f"{place}{topic}{kind}（第 {i} 号）",
            "notes": f"{place}{topic}的{kind}，按{rng.choice(frequencies)}更新。数据为合成示例，编号 {i}。",
            "keywords": [topic, place],
            "organization": (org := rng.choice(orgs)),
            "publisher": f"{taxonomy.label('organizations', org, 'zh')} {taxonomy.label('organizations', org, 'en')}",
            "subject": rng.choice(subjects),
            "openness": "restricted" if restricted else "unconditional",
            "frequency": rng.choice(frequencies),
            "res_format": [] if restricted else ["CSV", "PARQUET"],
            "modified": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            "fields": rng.sample(FIELDS, 5),
        })
    return docs


def write_portal(directory: Path, docs: list[dict[str, Any]], lang: str = "zh") -> Path:
    """The front page, index and assets of a catalogue holding ``docs``; returns ``index.html``."""
    (directory / "assets").mkdir(parents=True, exist_ok=True)
    (directory / "assets" / "style.css").write_text(portal_assets.STYLE, encoding="utf-8")
    (directory / "assets" / "portal.js").write_text(portal_assets.SCRIPT, encoding="utf-8")
    (directory / "search-index.js").write_text(search_index.index_script(docs, lang), encoding="utf-8")
    (directory / "index.html").write_text(portal.index_page(docs, lang=lang), encoding="utf-8")
    return directory / "index.html"


def expected_hits(docs: list[dict[str, Any]], query: str, lang: str = "zh", **facets: list[str]) -> list[str]:
    """The names a query and facet selection should find (the API's and the script's rule)."""
    terms = query.lower().split()
    out = []
    for doc in docs:
        text = search_index.haystack(doc)
        if not all(t in text for t in terms):
            continue
        if all(not chosen or set(doc[key] if isinstance(doc[key], list) else [doc[key]]) & set(chosen)
               for key, chosen in facets.items()):
            out.append(doc["name"])
    return out
