"""A restricted dataset for the delivery tests and the tracing experiment: synthetic people
(generated names, ID numbers with valid check characters, mobiles), published 受限开放."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pii_data import mobile, name, resident_id, rng

FIELDS = [
    {"name": "case_id", "type": "string", "opendata": {"pii": "none", "grade": "L1"}},
    {"name": "id_number", "type": "string", "title": "身份证号",
     "opendata": {"pii": "cn_resident_id", "treatment": {"operator": "mask"}}},
    {"name": "person", "type": "string", "title": "姓名",
     "opendata": {"pii": "person_name", "treatment": {"operator": "mask"}}},
    {"name": "phone", "type": "string", "title": "联系电话",
     "opendata": {"pii": "cn_mobile", "treatment": {"operator": "mask"}}},
    {"name": "district", "type": "string", "title": "区县", "opendata": {"pii": "none", "grade": "L1"}},
    {"name": "amount", "type": "integer", "title": "补助金额（元）", "opendata": {"pii": "none", "grade": "L2"}},
]

DISTRICTS = ["示范区", "东湖区", "西山区", "南港区", "北塘县"]


def rows(count: int, seed: int = 7) -> list[list[str]]:
    r = rng(seed)
    return [[f"C{i:06d}", resident_id(r), name(r), mobile(r), r.choice(DISTRICTS), str(r.randint(100, 5000))]
            for i in range(count)]


def write_source(directory: Path, count: int = 300, *, name_: str = "demo-subsidy-recipients") -> Path:
    """The department's own, untreated package."""
    directory.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([f["name"] for f in FIELDS])
    writer.writerows(rows(count))
    (directory / "data.csv").write_text(buffer.getvalue(), encoding="utf-8")
    descriptor = {
        "name": name_, "title": "示范市困难群众补助对象名单",
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "opendata": {"grade": "L2", "openness": "restricted", "publisher": "demo-health",
                     "subject": "livelihood", "frequency": "yearly",
                     "contact": {"name": "数据开放办公室", "email": "opendata@demo-city.example"}},
        "resources": [{"name": "recipients", "path": "data.csv", "schema": {"fields": FIELDS}}],
    }
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2), encoding="utf-8")
    return directory


def publish_restricted(source: Path, work: Path, catalog: Path, reviewer: str) -> None:
    """Redact, approve and publish ``source`` into the local catalogue ``catalog`` (受限开放:
    metadata and data dictionary only)."""
    import opendata as od

    out, _ = od.redact(od.load(source), work)
    od.approve(out, od.check(out), reviewer=reviewer)
    od.publish(od.load(work), od.LocalCatalog(catalog))
