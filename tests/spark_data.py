"""Generated packages for the Spark engine's tests: tables written as directories of parts, with
errors planted in several parts, keys repeated across parts, PI in every written form the detectors
know and quasi-identifier combinations that are rare only when all parts are counted together.

Synthetic values only (division codes 3399xx, generated names).
"""

from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pii_data import bank_card, mobile, name, resident_id
from pii_forms import (bank_card_19, birth_date, email, estate_address, grouped, legacy_id, minority_name,
                       passport, plate, prefixed_mobile, rare_name, romanised_name, village_address, written_id)

DISTRICTS = ("西湖区", "上城区", "拱墅区", "滨江区")
#: district, sex, birth year: in two parts three times each (rare in each part, not in the whole
#: table at k = 5), and in two parts once each (rare in the whole table too).
SPLIT_COMMON = ("临平区", "女", "1931")
SPLIT_RARE = ("富阳区", "男", "1932")


def _id_forms(r: random.Random, i: int) -> str:
    kind = i % 6
    if kind == 0:
        return legacy_id(r)
    if kind == 1:
        return written_id(r, r.choice(("spaces", "full_width", "lower_x", "dashes")))
    return resident_id(r)


def _phone_forms(r: random.Random, i: int) -> str:
    kind = i % 4
    if kind == 0:
        return prefixed_mobile(r, r.choice(("+86 ", "86-", "(+86)")))[0]
    if kind == 1:
        return grouped(mobile(r), " ")
    return mobile(r)


def _name_forms(r: random.Random, i: int) -> str:
    return (rare_name, minority_name, romanised_name, name)[i % 4](r)


def people_rows(part: int, rows: int, seed: int, *, errors: bool) -> list[list[str]]:
    """One part's rows. With ``errors``: wrong types, broken constraints, ids repeated from part 0,
    dangling department codes; the ragged and blank rows are added by :func:`write_csv_part`."""
    r = random.Random(seed * 1000 + part)
    out = []
    for j in range(rows):
        i = part * rows + j
        pid = str(i + 1)
        if errors and part >= 2 and j in (3, 7):
            pid = str(j + 1)  # repeats a row of part 0
        age = str(r.randint(0, 99))
        if errors and j == 5:
            age = "abc" if part % 2 else "250"
        dept = f"D{r.randint(1, 4)}"
        if errors and j == 9:
            dept = "D9"
        district, sex, year = r.choice(DISTRICTS), r.choice("男女"), str(r.choice((1960, 1970, 1980)))
        if part in (1, 2) and j < 3:
            district, sex, year = SPLIT_COMMON
        if part in (0, 3) and j == 11:
            district, sex, year = SPLIT_RARE
        note = f"来电人称手机{_phone_forms(r, i)}无法接通" if j % 3 == 0 else "已办结"
        out.append([pid, _name_forms(r, i), _id_forms(r, i), _phone_forms(r, i),
                    (village_address, estate_address)[i % 2](r), birth_date(r), bank_card_19(r) if i % 2 else bank_card(r),
                    email(r), passport(r), plate(r, r.choice(("", "·", " "))), note, age, district, sex, year, dept])
    return out


PEOPLE_FIELDS: list[dict[str, Any]] = [
    {"name": "编号", "type": "integer"},
    {"name": "姓名"}, {"name": "证件号码"}, {"name": "联系电话"}, {"name": "住址"}, {"name": "出生日期"},
    {"name": "银行卡号"}, {"name": "电子邮箱"}, {"name": "护照号码"}, {"name": "车牌号"}, {"name": "处理情况"},
    {"name": "年龄", "type": "integer", "constraints": {"minimum": 0, "maximum": 120}},
    {"name": "区县", "opendata": {"quasi_identifier": True}},
    {"name": "性别", "opendata": {"quasi_identifier": True}},
    {"name": "出生年", "opendata": {"quasi_identifier": True}},
    {"name": "部门", "constraints": {"required": True}},
]
HEADER = [f["name"] for f in PEOPLE_FIELDS]


def _csv(rows: list[list[str]], header: bool = True) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    if header:
        writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv_part(path: Path, rows: list[list[str]], *, errors: bool, part: int) -> None:
    text = _csv(rows)
    if errors:
        lines = text.split("\n")
        lines.insert(4, ",".join(rows[0][:5]))  # missing cells
        lines.insert(8, ",".join(rows[1] + ["多余"]))  # an extra cell
        if part == 1:
            lines.insert(12, "")  # a blank line is skipped
            lines.insert(13, "," * (len(HEADER) - 1))  # a blank row
        text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")


def people_package(directory: Path, *, parts: int = 4, rows: int = 60, seed: int = 7, errors: bool = True,
                   fmt: str = "csv", fields: list[dict[str, Any]] | None = None,
                   primary_key: bool = True) -> Path:
    """A package whose ``people`` resource is a directory of ``parts`` parts; ``depts`` is one file."""
    data = directory / "people"
    data.mkdir(parents=True)
    (data / "_SUCCESS").write_text("")  # what Spark leaves beside its parts: not data
    (data / ".part-00000.crc").write_text("x")
    for part in range(parts):
        part_rows = people_rows(part, rows, seed, errors=errors)
        if fmt == "csv":
            write_csv_part(data / f"part-{part:05d}.csv", part_rows, errors=errors, part=part)
        else:
            columns = list(zip(*part_rows))
            table = pa.table({h: pa.array(list(c), pa.string()) for h, c in zip(HEADER, columns)})
            table = table.set_column(0, "编号", pa.array([int(v) for v in columns[0]], pa.int64()))
            pq.write_table(table, data / f"part-{part:05d}.parquet", row_group_size=25)
    (directory / "depts.csv").write_text("代码,名称\nD1,一科\nD2,二科\nD3,三科\nD4,四科\n", encoding="utf-8")
    schema: dict[str, Any] = {"fields": fields or PEOPLE_FIELDS,
                              "foreignKeys": [{"fields": "部门", "reference": {"resource": "depts", "fields": "代码"}}]}
    if primary_key:
        schema["primaryKey"] = ["编号"]
    descriptor = {"name": "people", "title": "来电登记", "licenses": [{"name": "CC-BY-4.0"}],
                  "opendata": {"grade": "L2", "publisher": "demo-data",
                               "contact": {"name": "数据开放办公室", "email": "opendata@demo-city.example"}},
                  "resources": [
        {"name": "people", "path": "people", "format": fmt, "schema": schema},
        {"name": "depts", "path": "depts.csv",
         "schema": {"fields": [{"name": "代码", "constraints": {"unique": True}}, {"name": "名称"}],
                    "primaryKey": "代码"}}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return directory
