"""Generate a large synthetic table of Chinese personal information for the PI benchmark.

Vectorized with numpy so a million rows take seconds. Every value is generated: ID numbers get
valid check characters, names come from common surnames and given-name characters, and the
division codes 3399xx belong to no real district.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv

from opendata.identifiers import RIC_CHECK, RIC_WEIGHTS

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国文红云飞波宁斌浩宇轩然博晨欣怡嘉琪子涵思雨梓萱")
ROADS = ["文一路", "文二路", "学院路", "庆丰路", "解放路", "建设路", "滨河路", "人民大道", "湖滨路", "新华路"]
DISTRICTS = ["东城区", "西湖区", "滨江区", "临江区", "北山区", "南湖区"]
ISSUES = ["反映楼道堆放杂物", "咨询公交线路调整", "投诉夜间施工噪音", "反映路灯不亮", "建议增设停车位"]
COLUMNS = ["case_no", "id_number", "name", "mobile", "landline", "email", "bank_card", "address", "birth_date",
           "plate", "ip", "content"]


def _digits(rng: np.random.Generator, n: int, width: int) -> np.ndarray:
    return rng.integers(0, 10, size=(n, width))


def _join(parts: np.ndarray) -> np.ndarray:
    return np.array(["".join(map(str, row)) for row in parts]) if parts.ndim == 2 else parts


def _ids(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    year = rng.integers(1950, 2010, n)
    month = rng.integers(1, 13, n)
    day = rng.integers(1, 29, n)
    body = np.char.add(np.char.add(np.char.add("339901", year.astype(str)), np.char.zfill(month.astype(str), 2)),
                       np.char.add(np.char.zfill(day.astype(str), 2), np.char.zfill(rng.integers(0, 1000, n).astype(str), 3)))
    digits = body.astype("S17").view(np.uint8).reshape(n, 17).astype(np.int64) - 48
    check = np.frombuffer(RIC_CHECK.encode(), dtype=np.uint8)[(digits * np.array(RIC_WEIGHTS)).sum(axis=1) % 11]
    ids = np.char.add(body, check.view("S1").astype(str))
    birth = np.char.add(np.char.add(year.astype(str), "-"), np.char.add(np.char.zfill(month.astype(str), 2),
                                                                         np.char.add("-", np.char.zfill(day.astype(str), 2))))
    return ids, birth


def _luhn_cards(rng: np.random.Generator, n: int) -> np.ndarray:
    digits = np.concatenate([np.tile([6, 2, 2, 2, 0, 2], (n, 1)), _digits(rng, n, 12)], axis=1)
    doubled = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9])
    rev = digits[:, ::-1]
    total = doubled[rev[:, 0::2]].sum(axis=1) + rev[:, 1::2].sum(axis=1)
    check = (10 - total % 10) % 10
    full = np.concatenate([digits, check[:, None]], axis=1)
    return (full + 48).astype(np.uint8).view("S19").ravel().astype(str)


def table(n: int, seed: int = 42, text_repeat: int = 1) -> pa.Table:
    """``n`` rows; ``text_repeat`` makes the free-text column that many times longer (wide rows)."""
    rng = np.random.default_rng(seed)
    ids, birth = _ids(rng, n)
    names = np.char.add(np.array(SURNAMES)[rng.integers(0, len(SURNAMES), n)],
                        np.char.add(np.array(GIVEN)[rng.integers(0, len(GIVEN), n)],
                                    np.where(rng.random(n) < 0.6, np.array(GIVEN)[rng.integers(0, len(GIVEN), n)], "")))
    mobiles = np.char.add(np.char.add("1", rng.choice(list("35789"), n)), np.char.zfill(rng.integers(0, 10**9, n).astype(str), 9))
    landlines = np.char.add("0571-8", np.char.zfill(rng.integers(0, 10**7, n).astype(str), 7))
    emails = np.char.add(np.char.add("user", rng.integers(0, 10**6, n).astype(str)), "@mail.example.cn")
    addresses = np.char.add(np.char.add(np.char.add("示范市", np.array(DISTRICTS)[rng.integers(0, 6, n)]),
                                        np.array(ROADS)[rng.integers(0, len(ROADS), n)]),
                            np.char.add(np.char.add(rng.integers(1, 300, n).astype(str), "号"),
                                        np.char.add(rng.integers(1, 30, n).astype(str), "幢")))
    addresses = np.char.add(np.char.add(addresses, rng.integers(1, 6, n).astype(str)),
                            np.char.add("单元", np.char.add(rng.integers(101, 2600, n).astype(str), "室")))
    plates = np.char.add("浙A", np.char.zfill(rng.integers(0, 10**5, n).astype(str), 5))
    ips = np.char.add("10.", np.char.add(rng.integers(0, 256, n).astype(str), np.char.add(".",
                      np.char.add(rng.integers(0, 256, n).astype(str), np.char.add(".", rng.integers(1, 255, n).astype(str))))))
    content = np.char.add(np.char.add(np.array(ISSUES)[rng.integers(0, len(ISSUES), n)], "，联系电话"),
                          np.char.add(mobiles[rng.permutation(n)], "，请尽快处理"))
    if text_repeat > 1:
        content = np.char.multiply(np.char.add(content, "；"), text_repeat)
    case_no = np.char.add("GD2026", np.char.zfill(np.arange(n).astype(str), 8))
    arrays = [case_no, ids, names, mobiles, landlines, emails, _luhn_cards(rng, n), addresses, birth, plates, ips, content]
    return pa.table({c: pa.array(a) for c, a in zip(COLUMNS, arrays)})


def write(directory: Path, rows: int, chunk: int = 250_000, text_repeat: int = 1) -> Path:
    """Write a package of ``rows`` rows (generated in chunks) to ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "hotline.csv"
    with open(path, "wb") as handle:
        for start in range(0, rows, chunk):
            t = table(min(chunk, rows - start), seed=start, text_repeat=text_repeat)
            t = t.set_column(0, "case_no", pa.array(np.char.add("GD2026", np.char.zfill(
                np.arange(start, start + t.num_rows).astype(str), 8))))
            pa_csv.write_csv(t, handle, write_options=pa_csv.WriteOptions(include_header=start == 0,
                                                                          quoting_style="none"))
    fields = [{"name": c} for c in COLUMNS]
    fields[8].update(title="出生日期")
    descriptor = {"name": "benchmark-hotline", "opendata": {"grade": "L1"},
                  "resources": [{"name": "hotline", "path": "hotline.csv", "schema": {"fields": fields}}]}
    (directory / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    return path
