"""Generators for PI written the way people write it, and helpers for black-box PI tests (issue 14).

Synthetic values only: division codes 3399xx belong to no real district; names are random combinations.
"""

from __future__ import annotations

import csv
import io
import random
import re
from pathlib import Path
from typing import Any

import opendata as od
from conftest import make_package
from opendata.identifiers import luhn_check_digit
from pii_data import mobile, resident_id

RARE_SURNAMES = "傅阎萧赖洪郦竺宓蔺禚亓逯仉鞠糜庹檀"
COMPOUND_SURNAMES = ("闻人", "端木", "皇甫", "欧阳", "司马", "诸葛", "上官", "令狐", "慕容", "夏侯", "尉迟", "公孙",
                     "宇文", "东方", "南宫", "司徒", "澹台", "呼延")
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国文红云飞波宁斌浩宇轩然博晨欣怡嘉琪"
UYGHUR_PARTS = ("阿不都热合曼", "买买提", "古丽娜尔", "吐尔逊", "努尔兰", "哈斯木", "艾力", "阿不都拉", "热依拉",
                "阿依古丽", "叶尔兰", "别克", "热合曼", "库尔班", "阿娜尔")
MINORITY_SEPARATORS = ("·", "•", ".", "・", "")
TIBETAN_YI = ("扎西顿珠", "次仁卓玛", "格桑梅朵", "丹增尼玛", "央金拉姆", "阿西木呷", "吉克曲布", "沙马阿果",
              "阿牛木呷", "洛桑旺堆", "达瓦次仁", "曲比阿乌", "尼玛扎西", "拉巴卓嘎")
PINYIN_SURNAMES = ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Huang", "Zhao", "Ouyang", "Sima", "Xu", "Guo")
PINYIN_GIVEN = ("Wei", "Fang", "Na", "Min", "Jing", "Xiaoming", "Jianguo", "Haoyu", "Zixuan", "Yiran", "Lei")
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
PROVINCES = (("浙江省", "湖州市", "安吉县"), ("四川省", "凉山彝族自治州", "昭觉县"),
             ("新疆维吾尔自治区", "喀什地区", "疏附县"), ("西藏自治区", "拉萨市", "城关区"),
             ("内蒙古自治区", "呼伦贝尔市", "海拉尔区"), ("广西壮族自治区", "桂林市", "阳朔县"),
             ("宁夏回族自治区", "银川市", "兴庆区"), ("河南省", "周口市", "郸城县"), ("黑龙江省", "绥化市", "望奎县"))
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def digits(value: str) -> str:
    """The value's digits only, full-width folded (what a leak check must also look for)."""
    return re.sub(r"\D", "", value.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def id_with_x(r: random.Random) -> str:
    """A valid resident ID whose check character is X."""
    while True:
        value = resident_id(r)
        if value.endswith("X"):
            return value


def legacy_id(r: random.Random) -> str:
    """A 15-digit first-generation resident ID (no check character)."""
    return f"339901{r.randint(50, 99)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}{r.randint(0, 999):03d}"


def written_id(r: random.Random, style: str) -> str:
    """A valid resident ID as people write it: plain, spaces, dashes, full-width digits, lower-case x."""
    value = id_with_x(r) if style == "lower_x" else resident_id(r)
    if style == "spaces":
        return f"{value[:6]} {value[6:14]} {value[14:]}"
    if style == "dashes":
        return f"{value[:6]}-{value[6:14]}-{value[14:]}"
    if style == "full_width":
        return value.translate(FULL_WIDTH)
    if style == "lower_x":
        return value.lower()
    return value


def bank_card_19(r: random.Random, bin_: str = "622202") -> str:
    partial = bin_ + "".join(str(r.randint(0, 9)) for _ in range(18 - len(bin_)))
    return partial + luhn_check_digit(partial)


def grouped(value: str, sep: str) -> str:
    """Digits grouped by four, as on the card."""
    return sep.join(value[i:i + 4] for i in range(0, len(value), 4))


def plate(r: random.Random, sep: str) -> str:
    tail = "".join(r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(4)) + str(r.randint(0, 9))
    return f"{r.choice('浙苏沪京川粤鲁豫')}{r.choice('ABCDEFG')}{sep}{tail}"


def prefixed_mobile(r: random.Random, prefix: str) -> tuple[str, str]:
    """(as written, the bare 11 digits)."""
    bare = mobile(r)
    spaced = r.choice((bare, f"{bare[:3]} {bare[3:7]} {bare[7:]}", f"{bare[:3]}-{bare[3:7]}-{bare[7:]}"))
    return f"{prefix}{spaced}", bare


def rare_name(r: random.Random) -> str:
    surname = r.choice(RARE_SURNAMES) if r.random() < 0.5 else r.choice(COMPOUND_SURNAMES)
    return surname + "".join(r.choice(GIVEN) for _ in range(r.choice((1, 2))))


def minority_name(r: random.Random, sep: str | None = None) -> str:
    first, second = r.sample(UYGHUR_PARTS, 2)
    return f"{first}{r.choice(MINORITY_SEPARATORS) if sep is None else sep}{second}"


def romanised_name(r: random.Random) -> str:
    surname, given = r.choice(PINYIN_SURNAMES), r.choice(PINYIN_GIVEN)
    return r.choice((f"{surname} {given}", f"{surname.upper()} {given}", f"{given} {surname}", f"{surname}, {given}"))


def village_address(r: random.Random) -> str:
    province, city, county = r.choice(PROVINCES)
    return (f"{province}{city}{county}{r.choice(('新华', '东风', '红旗', '团结'))}乡"
            f"{r.choice(('横山', '李家', '前进', '永安'))}村{r.randint(1, 12)}组{r.randint(1, 99)}号")


def estate_address(r: random.Random) -> str:
    province, city, county = r.choice(PROVINCES)
    return (f"{city}{county}{r.choice(('翠苑', '阳光', '金色家园', '幸福里'))}小区"
            f"{r.randint(1, 30)}-{r.randint(1, 6)}-{r.randint(1, 33)}0{r.randint(1, 4)}")


def birth_date(r: random.Random, style: str | None = None) -> str:
    y, m, d = r.randint(1940, 2010), r.randint(1, 12), r.randint(1, 28)
    style = style or r.choice(("compact", "zh", "slash", "en", "iso"))
    return {"compact": f"{y}{m:02d}{d:02d}", "zh": f"{y}年{m}月{d}日", "slash": f"{y}/{m}/{d}",
            "en": f"{d:02d} {MONTHS[m - 1]} {y}", "iso": f"{y}-{m:02d}-{d:02d}"}[style]


def passport(r: random.Random) -> str:
    return "E" + f"{r.randint(0, 99_999_999):08d}"


def email(r: random.Random) -> str:
    user = "".join(r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(r.randint(4, 9)))
    return f"{user}{r.randint(1, 999)}@{r.choice(('example.com', 'mail.example.cn', 'test.org'))}"


def corporate_account(r: random.Random, *, luhn: bool = False) -> str:
    """A corporate account number: 16–19 digits, branch-style prefixes outside card BIN ranges."""
    length = r.randint(16, 19)
    prefix = r.choice(("1202", "1001", "1100", "1903", "1604", "1207"))
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    if luhn:
        return body + luhn_check_digit(body)
    return body + str(r.randint(0, 9))


# ---- packages and results -------------------------------------------------------------------------------


def csv_text(columns: dict[str, list[str]]) -> str:
    """The columns as CSV text (header first), quoted as the csv module sees fit."""
    names = list(columns)
    size = len(columns[names[0]])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for i in range(size):
        writer.writerow([columns[c][i] for c in names])
    return buffer.getvalue()


def package(directory: Path, columns: dict[str, list[str]], *,
            field_props: dict[str, dict[str, Any]] | None = None, **props: Any) -> Path:
    """A one-resource package (resource ``data``) holding ``columns``; ``field_props`` extends fields by name."""
    fields = [{"name": c, **(field_props or {}).get(c, {})} for c in columns]
    return make_package(directory, fields, csv_text(columns), **props)


def detections(report: Any, field: str) -> list[Any]:
    """Every detection the check's scan made for ``field`` of resource ``data``."""
    return list(report.scan.resource("data").field(field).detected)


def decided(report: Any, field: str) -> set[str]:
    """Types the scan decided for ``field`` (whole column or single cells), not the uncertain ones."""
    return {d.type for d in detections(report, field) if d.status in ("column", "cells", "spans")}


PERSONAL_FINDINGS = ("undeclared_pii", "undeclared_pii_spans", "pii_uncertain")


def field_findings(report: Any, field: str, codes: tuple[str, ...] = PERSONAL_FINDINGS) -> list[Any]:
    """The findings that say ``field`` holds (or may hold) personal information."""
    return [f for f in report.findings if f.field == field and f.code in codes]


def redacted(directory: Path, out: Path, **kwargs: Any) -> tuple[list[dict[str, str]], dict[str, Any], str]:
    """Redact ``directory`` into ``out``: (rows of the output CSV, report dict, the whole output text)."""
    _, report = od.redact(od.load(directory), out, **kwargs)
    text = (out / "data" / "data.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    return rows, report.to_dict(), text


def cell_counts(report: dict[str, Any], field: str) -> dict[str, int]:
    """How many cells of ``field`` the redaction treated, by type / "generic" / "masked"."""
    for resource in report["resources"]:
        for f in resource["fields"]:
            if f["name"] == field:
                return dict(f.get("cells") or {})
    return {}


def leaks(values: list[str], cells: list[str], *, min_digits: int = 7) -> list[str]:
    """The ``values`` still present raw in any output cell: as written, or (numbers) as their digits only.

    Returns masked forms only, so a failing assertion never prints a whole value.
    """
    bare_cells = [digits(c) for c in cells]
    found = []
    for value in values:
        bare = digits(value)
        numeric = len(bare) >= min_digits and len(bare) * 10 >= len(value.replace(" ", "")) * 6
        if any(value and value in c for c in cells) or (numeric and any(bare in b for b in bare_cells)):
            found.append(value[:2] + "*" * max(len(value) - 4, 1) + value[-2:])
    return found


def output_cells(rows: list[dict[str, str]]) -> list[str]:
    """Every cell of the output rows."""
    return [v for row in rows for v in row.values() if v is not None]

