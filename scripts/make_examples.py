#!/usr/bin/env python3
"""Generate the bundled example datasets (synthetic data only, fixed seed: re-running gives the same bytes).

Every name, code and number below is generated: the city (示范市), its districts (codes 3399xx, which
no real district uses), its enterprises and their representatives. Run from the repository root:

    python scripts/make_examples.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from opendata.identifiers import USCC_ALPHABET, uscc_check_char  # noqa: E402

R = random.Random(20261124)
TODAY = dt.date(2026, 11, 1)
DISTRICTS = [("339901", "东城区"), ("339902", "西湖区"), ("339903", "滨江区"), ("339904", "临江区"),
             ("339905", "北山区"), ("339906", "南湖区"), ("339907", "新桥区"), ("339908", "云溪县")]
ROADS = ["文一路", "文二路", "学院路", "庆丰路", "解放路", "建设路", "滨河路", "人民大道", "湖滨路", "新华路",
         "体育场路", "秋涛路", "江南大道", "东信大道", "丰潭路", "古墩路", "莫干山路", "天目山路"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉玲建国文红云飞波宁斌浩宇轩然博晨欣怡嘉琪子涵思雨梓萱"
WORDS = ["华信", "恒达", "鼎盛", "锦程", "汇丰", "瑞祥", "宏远", "启明", "新越", "东方", "博远", "嘉禾", "中科",
         "天成", "金桥", "永安", "云帆", "海纳", "星河", "青禾", "众创", "智联", "安泰", "广源"]
TRADES = [("科技", "软件和信息技术服务"), ("贸易", "批发和零售"), ("餐饮管理", "住宿和餐饮"), ("建设工程", "建筑"),
          ("物流", "交通运输、仓储"), ("文化传媒", "文化、体育和娱乐"), ("食品", "制造"), ("咨询", "租赁和商务服务")]


def name() -> str:
    return R.choice(SURNAMES) + "".join(R.choice(GIVEN) for _ in range(R.choice((1, 2, 2))))


def address(district: str) -> str:
    return f"示范市{district}{R.choice(ROADS)}{R.randint(1, 999)}号"


def uscc(district_code: str) -> str:
    # 9 (工商) + 1 (企业) + division code + 9-character organization code + check character.
    org = "".join(R.choice(USCC_ALPHABET) for _ in range(9))
    first17 = "91" + district_code + org
    return first17 + uscc_check_char(first17)


def point() -> tuple[str, str]:
    return f"{R.uniform(119.95, 120.45):.6f}", f"{R.uniform(30.05, 30.45):.6f}"


def write_csv(path: Path, header: list[str], rows: list[list[object]], encoding: str = "utf-8") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))


def write_json(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def package(name_: str, title: str, description: str, resources: list[dict], *, publisher: str, subject: str,
            frequency: str, keywords: list[str], temporal: dict | None = None, version: str = "1.0.0") -> dict:
    return {
        "name": name_,
        "title": title,
        "description": description,
        "version": version,
        "keywords": keywords,
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
                      "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "opendata": {
            "publisher": publisher,
            "subject": subject,
            "frequency": frequency,
            "openness": "unconditional",
            "grade": "L1",
            "spatial": "示范市",
            # The fictional city's extent (WGS 84), for DCAT-AP's dcat:bbox and dcat:centroid.
            "spatial_bbox": "POLYGON((119.8 30.0,120.6 30.0,120.6 30.5,119.8 30.5,119.8 30.0))",
            "spatial_centroid": "POINT(120.2 30.25)",
            "updated": TODAY.isoformat(),
            "temporal": temporal or {"start": "2026-01-01", "end": "2026-10-31"},
            "contact": {"name": "数据开放办公室", "email": "opendata@demo-city.example"},
        },
        "resources": resources,
    }


# --------------------------------------------------------------------------------------------------
def enterprises() -> None:
    rows = []
    for _ in range(320):
        code, district = R.choice(DISTRICTS)
        word, (suffix, industry) = R.choice(WORDS), R.choice(TRADES)
        kind = R.choice(["有限责任公司", "有限责任公司", "股份有限公司", "个人独资企业", "合伙企业"])
        firm = f"示范市{word}{suffix}{'有限公司' if '有限' in kind else '中心'}"
        founded = TODAY - dt.timedelta(days=R.randint(30, 365 * 25))
        capital = f"{R.choice([10, 50, 100, 200, 500, 1000, 3000]) * R.choice([1, 1, 2, 5]):.2f}"
        status = R.choices(["存续", "在业", "吊销", "注销"], weights=[70, 20, 5, 5])[0]
        rows.append([uscc(code), firm, name(), kind, industry, capital, founded.isoformat(), status, code,
                     address(district), f"示范市{district}市场监督管理局"])
    header = ["uscc", "name", "legal_representative", "enterprise_type", "industry", "registered_capital",
              "established", "status", "district_code", "address", "registration_authority"]
    write_csv(ROOT / "examples/enterprises/data/enterprises.csv", header, rows)
    write_json(ROOT / "examples/enterprises/datapackage.json", package(
        "demo-enterprise-registrations", "示范市企业登记信息",
        "示范市在册企业的登记信息：统一社会信用代码、名称、类型、行业、注册资本、成立日期、登记状态与住所。"
        "法定代表人姓名依《企业信息公示暂行条例》公示。数据为合成示例。",
        [{"name": "enterprises", "title": "企业登记信息", "path": "data/enterprises.csv",
          "schema": "../../schemas/enterprise-registration.json"}],
        publisher="demo-amr", subject="enterprise", frequency="monthly",
        keywords=["企业登记", "市场主体", "统一社会信用代码"]))


def hospitals() -> None:
    rows = []
    kinds = ["综合医院", "中医医院", "专科医院", "社区卫生服务中心", "乡镇卫生院", "妇幼保健院"]
    levels = ["三级甲等", "三级乙等", "二级甲等", "二级乙等", "一级", "未定级"]
    for i in range(1, 211):
        code, district = R.choice(DISTRICTS)
        kind = R.choice(kinds)
        level = R.choice(levels[:4]) if kind in ("综合医院", "中医医院", "专科医院") else R.choice(levels[4:])
        lon, lat = point()
        beds = R.randint(200, 2500) if level.startswith("三") else R.randint(20, 600)
        phone = f"0571-{R.randint(8000, 8899)}{R.randint(1000, 9999)}"
        rows.append([f"PDY{R.randint(10000000, 99999999)}{code}{i:04d}", f"示范市{district}{R.choice(WORDS)}{kind}",
                     kind, level, R.choice(["公立", "公立", "民营"]), code, address(district), phone, beds, lon, lat])
    header = ["license_no", "name", "category", "level", "ownership", "district_code", "address", "phone",
              "beds", "longitude", "latitude"]
    write_csv(ROOT / "examples/hospitals/data/hospitals.csv", header, rows, encoding="utf-8-sig")
    write_json(ROOT / "examples/hospitals/datapackage.json", package(
        "demo-medical-institutions", "示范市医疗机构名录",
        "示范市医疗机构的执业登记信息：名称、类别、等级、所有制、地址、对外服务电话、床位数与坐标。数据为合成示例。",
        [{"name": "hospitals", "title": "医疗机构", "path": "data/hospitals.csv",
          "schema": "../../schemas/medical-institutions.json"}],
        publisher="demo-health", subject="health", frequency="quarterly",
        keywords=["医疗机构", "医院", "卫生健康"]))


def schools() -> None:
    rows = []
    kinds = [("小学", 6), ("初级中学", 3), ("九年一贯制学校", 9), ("普通高中", 3), ("中等职业学校", 3)]
    for i in range(1, 261):
        code, district = R.choice(DISTRICTS)
        kind, grades = R.choice(kinds)
        students = R.randint(200, 2400)
        suffix = {"小学": "小学", "初级中学": "中学", "九年一贯制学校": "学校", "普通高中": "高级中学",
                  "中等职业学校": "职业学校"}[kind]
        rows.append([f"31{code[2:]}{i:04d}", f"示范市{district}{R.choice(ROADS)[:2]}{suffix}", kind,
                     R.choice(["公办", "公办", "公办", "民办"]), code, address(district), students,
                     max(12, students // R.randint(12, 18)), R.randint(1905, 2024)])
    header = ["school_code", "name", "category", "ownership", "district_code", "address", "students",
              "teachers", "founded"]
    # Exported from a provincial system that writes GBK, as many government systems still do.
    write_csv(ROOT / "examples/schools/data/schools.csv", header, rows, encoding="gbk")
    write_json(ROOT / "examples/schools/datapackage.json", package(
        "demo-schools", "示范市中小学校名录",
        "示范市中小学与中等职业学校：学校标识码、名称、类别、办学性质、地址、在校生与专任教师数、建校年份。"
        "源文件为 GBK 编码。数据为合成示例。",
        [{"name": "schools", "title": "学校名录", "path": "data/schools.csv",
          "schema": "../../schemas/schools.json"}],
        publisher="demo-education", subject="education", frequency="yearly",
        keywords=["学校", "教育", "义务教育"]))


def bus() -> None:
    routes, stops = [], []
    stop_ids: dict[str, str] = {}
    for n in range(1, 21):
        route_id = f"B{n:04d}"
        name_ = f"{R.choice([1, 2, 3, 5, 7, 9, 11, 12, 15, 18, 21, 26, 31, 39, 52, 66, 81, 99, 101, 155])}{'' if n < 15 else 'B'}路"
        routes.append([route_id, name_, R.choice(["05:30", "06:00", "06:30"]), R.choice(["21:30", "22:00", "23:00"]),
                       R.choice(["2", "2", "3"]), R.choice(["示范公交集团第一分公司", "示范公交集团第二分公司"])])
        count = R.randint(8, 14)
        seq_stops = [f"{R.choice(ROADS)}{R.choice(['口', '站', '东', '西', '北'])}" for _ in range(count)]
        for direction in ("上行", "下行"):
            ordered = seq_stops if direction == "上行" else list(reversed(seq_stops))
            for seq, stop in enumerate(ordered, 1):
                stop_id = stop_ids.setdefault(stop, f"{len(stop_ids) + 1:06d}")
                lon, lat = point()
                stops.append([route_id, direction, seq, stop_id, stop, lon, lat])
    write_csv(ROOT / "examples/bus/data/routes.csv", ["route_id", "route_name", "first_bus", "last_bus", "fare",
                                                       "operator"], routes)
    write_csv(ROOT / "examples/bus/data/stops.csv", ["route_id", "direction", "seq", "stop_id", "stop_name",
                                                      "longitude", "latitude"], stops)
    write_json(ROOT / "examples/bus/datapackage.json", package(
        "demo-bus-routes-stops", "示范市公交线路与站点",
        "示范市常规公交线路（首末班时间、票价、运营单位）及各线路上下行站点序列与坐标。站点编号保留前导零。数据为合成示例。",
        [{"name": "routes", "title": "公交线路", "path": "data/routes.csv", "schema": "../../schemas/bus-routes.json"},
         {"name": "stops", "title": "公交站点", "path": "data/stops.csv", "schema": "../../schemas/bus-stops.json"}],
        publisher="demo-transport", subject="transport", frequency="monthly",
        keywords=["公交", "线路", "站点", "交通出行"]))


def weather_rows(stations: list[tuple[str, str]], days: int) -> list[list[object]]:
    rows = []
    start = dt.datetime(2026, 10, 25)
    for station_id, station in stations:
        base = R.uniform(14, 20)
        for h in range(days * 24):
            at = start + dt.timedelta(hours=h)
            temp = base + 6 * math.sin((at.hour - 9) / 24 * 6.283) + R.uniform(-1, 1)
            rain = max(0.0, R.gauss(0, 1.2)) if R.random() < 0.2 else 0.0
            serial = f"{at:%Y%m%d%H}{station_id}{R.randint(0, 99999):05d}"  # 20 digits
            rows.append([serial, station_id, station, at.strftime("%Y-%m-%dT%H:%M:%S"), f"{temp:.1f}",
                         R.randint(45, 98), f"{rain:.1f}", f"{abs(R.gauss(2.5, 1.5)):.1f}", R.randint(0, 359)])
    return rows


WEATHER_HEADER = ["record_id", "station_id", "station_name", "observed_at", "temperature", "humidity",
                  "precipitation", "wind_speed", "wind_direction"]


def weather() -> None:
    rows = weather_rows([("58457", "示范市国家基本气象站"), ("58459", "西湖区自动站"), ("K1021", "滨江区自动站")], 5)
    write_csv(ROOT / "examples/weather/data/observations.csv", WEATHER_HEADER, rows)
    write_json(ROOT / "examples/weather/datapackage.json", package(
        "demo-weather-observations", "示范市逐小时气象观测",
        "示范市国家站与区域自动站逐小时观测：气温、相对湿度、降水量、风速风向。记录编号为 20 位流水号。数据为合成示例。",
        [{"name": "observations", "title": "逐小时观测", "path": "data/observations.csv",
          "schema": "../../schemas/weather-observations.json"}],
        publisher="demo-weather", subject="weather", frequency="daily",
        keywords=["气象", "气温", "降水"], temporal={"start": "2026-10-25", "end": "2026-10-29"}))


def invalid_weather() -> None:
    """The same schema as the weather example, with one mistake of each kind a real export has."""
    rows = weather_rows([("58457", "示范市国家基本气象站")], 1)
    rows[3][5] = 120                      # humidity above its maximum of 100
    rows[5][3] = "2026-10-25 25:00:00"    # an hour that does not exist
    rows[7][1] = ""                       # station_id is required
    rows[9][0] = rows[8][0]               # record_id is the primary key: a duplicate
    rows[11][4] = "N/A"                   # a temperature that is not a number
    rows[13] = rows[13][:6]               # a row cut short by a broken export
    write_csv(ROOT / "examples/invalid-weather/data/observations.csv", WEATHER_HEADER, rows)
    write_json(ROOT / "examples/invalid-weather/datapackage.json", package(
        "demo-weather-invalid", "示范市气象观测（故意出错的示例）",
        "用于演示检查报告：与气象示例同一表结构，但含有超出范围的湿度、不存在的时刻、缺失的站号、重复的记录编号、"
        "非数字的气温和缺列的行。opendata 会拒绝发布它。",
        [{"name": "observations", "title": "逐小时观测", "path": "data/observations.csv",
          "schema": "../../schemas/weather-observations.json"}],
        publisher="demo-weather", subject="weather", frequency="daily", keywords=["气象", "示例"]))


if __name__ == "__main__":
    enterprises()
    hospitals()
    schools()
    bus()
    weather()
    invalid_weather()
    print("examples written under", ROOT / "examples")
