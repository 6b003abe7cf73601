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


def deliver_to(who: str, directory: Path, site: Path, source: Path, reviewer: str, *,
               treatments: dict[str, str] | None = None, fields: list[str] | None = None) -> tuple[dict, Path]:
    """The whole path for one recipient ``who``: a key pair, an application for ``fields`` (all by
    default) of the restricted dataset in ``site``, its grant (phone masked unless ``treatments``
    says otherwise), the delivery from ``source`` and its reception. Returns the grant and the
    received directory (``directory / "plain"``)."""
    import datetime as dt

    import opendata.delivery as dl

    dl.create_recipient(directory / "k")
    app = dl.apply(json.loads((source / "datapackage.json").read_text("utf-8"))["name"], str(site), applicant=who,
                   contact="x@example.org", purpose="研究", until=(dt.date.today() + dt.timedelta(days=30)).isoformat(),
                   recipient_key=directory / "k" / "recipient.pub", out=directory / "app.json", fields=fields)
    grant = dl.grant(app, dl.review(app, treatments={"phone": "mask"} if treatments is None else treatments),
                     reviewer=reviewer, out=directory / "grant.json")
    dl.deliver(directory / "grant.json", source, directory / "out")
    dl.receive(directory / "out", directory / "k" / "recipient.key", directory / "plain")
    return grant, directory / "plain"


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows (UTF-8, with or without BOM)."""
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def write_leak(rows: list[dict[str, str]], columns: list[str], path: Path, how: str = "csv") -> Path:
    """``columns`` of ``rows`` as a leaked copy: ``csv`` (UTF-8), ``gbk`` (GBK, CRLF) or ``xlsx``
    (amounts as numbers, as a spreadsheet user would have them)."""
    if how == "xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(columns)
        for r in rows:
            sheet.append([int(r[c]) if c == "amount" else r[c] for c in columns])
        book.save(path)
        return path
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n" if how == "gbk" else "\n")
    writer.writerow(columns)
    writer.writerows([r[c] for c in columns] for r in rows)
    path.write_bytes(buffer.getvalue().encode("gbk" if how == "gbk" else "utf-8"))
    return path
