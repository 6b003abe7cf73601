#!/usr/bin/env python3
"""Blind corpus #9 for issue #14: 15 synthetic government-style tables and their truth.json.

Written from the issue, shared/reference/ and the evaluators' truth format only (the detectors were not read).
Every value is synthetic.  Output is byte-identical per seed (XLSX re-zipped with fixed times).

    python benchmarks/blind_pii9/corpus.py --out DIR --seed N

Each cell is built from pieces: plain text, or a labelled personal value (type, substring, core).  The cell's text
as the evaluator reads it is the concatenation, so every label is exact by construction; a row is drawn again when
a label would occur twice in its cell or a perfect masking would leave it findable (evaluate.leaked), or when an
unlabelled valid identifier is left in a cell.  After writing, every file is read back with evaluate6.read_input
and truth.json is written only if every cell reads back exactly as it was labelled.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import csv
import random
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "blind_pii6"))
import evaluate6 as e6  # noqa: E402
EV = e6.evaluate

# ------------------------------------------------------------------ domain lists (synthetic draws only)
COMMON_SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤")
RARE_SUR = list("傅阎萧赖洪郦竺宓冼邝晁缪芮逯蒯郗訾庹仉禚佘隗厍甄卞琚栾靳糜鄢寇滕蓝柏辜")
COMPOUND_SUR = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐",
                "端木", "闻人", "夏侯", "澹台", "南宫", "呼延", "第五", "钟离", "申屠", "独孤", "拓跋", "左丘", "西门"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍建国志红梅飞鹏辉文斌宇浩凯婷雪琳晨欣怡佳俊"
             "博彬子涵睿泽轩昊然梓萱诗雨嘉豪瑶思远海波春生德福荣慧颖晓东亮峰")
UYGHUR_G = ["阿不都热依木", "买买提", "艾尔肯", "古丽米拉", "热依拉", "努尔买买提", "阿依古丽", "吐尔逊", "迪丽娜尔",
            "帕提古丽", "艾力", "阿布力孜", "热合曼", "如克亚", "玉苏甫", "祖丽皮耶", "依明", "阿迪力"]
UYGHUR_F = ["吐尔逊", "买买提", "艾买提", "阿不都拉", "热合木", "肉孜", "司马义", "依沙克", "卡德尔", "吾守尔"]
KAZAKH_G = ["叶尔兰", "努尔兰", "哈力木拉提", "阿依达娜", "别克", "江布尔", "巴合提亚尔", "古丽娜尔", "加娜尔"]
KAZAKH_F = ["吐尔逊别克", "努尔哈力", "哈布力", "阿合买提", "加肯", "托合塔尔"]
TIBETAN = ["扎西", "次仁", "卓玛", "格桑", "拉姆", "旦增", "央金", "尼玛", "达瓦", "平措", "德吉", "索朗", "益西", "贡布",
           "曲珍", "多吉", "白玛", "顿珠"]
YI = ["吉克曲布", "阿牛阿呷", "俄木沙玛", "吉伍伍牛", "阿西阿呷", "曲比阿果", "沙马拉毅", "海来阿木", "吉胡阿莎", "勒格日哈"]
MONGOL = ["巴特尔", "其其格", "乌云", "斯琴高娃", "额尔敦", "苏和", "那仁", "宝音图", "乌兰托娅", "朝鲁门"]
DAI = ["岩温", "玉香", "岩罕", "玉应", "岩保", "玉波罕", "岩温扁"]
PINYIN_SUR = {"王": "WANG", "李": "LI", "张": "ZHANG", "刘": "LIU", "陈": "CHEN", "杨": "YANG", "黄": "HUANG",
              "赵": "ZHAO", "周": "ZHOU", "吴": "WU", "徐": "XU", "孙": "SUN", "欧阳": "OUYANG", "司马": "SIMA",
              "林": "LIN", "郑": "ZHENG", "何": "HE", "罗": "LUO", "高": "GAO", "傅": "FU", "萧": "XIAO"}
PINYIN_GIVEN = ["Wei", "Fang", "Na", "Min", "Jing", "Li", "Qiang", "Lei", "Jun", "Yang", "Xiaoming", "Jianguo",
                "Yuting", "Haoran", "Zihan", "Xinyi", "Junjie", "Meiling", "Zhiwei", "Lanlan"]
# (division code, province/prefecture/county words for addresses); codes of real counties, draws are synthetic
DIVS = [("110105", "北京市朝阳区"), ("110108", "北京市海淀区"), ("310115", "上海市浦东新区"), ("120101", "天津市和平区"),
        ("500103", "重庆市渝中区"), ("130102", "河北省石家庄市长安区"), ("140105", "山西省太原市小店区"),
        ("150102", "内蒙古自治区呼和浩特市新城区"), ("210102", "辽宁省沈阳市和平区"), ("220102", "吉林省长春市南关区"),
        ("230103", "黑龙江省哈尔滨市南岗区"), ("320106", "江苏省南京市鼓楼区"), ("330106", "浙江省杭州市西湖区"),
        ("330782", "浙江省义乌市"), ("330324", "浙江省温州市永嘉县"), ("340104", "安徽省合肥市蜀山区"),
        ("350102", "福建省福州市鼓楼区"), ("360111", "江西省南昌市青山湖区"), ("370102", "山东省济南市历下区"),
        ("410105", "河南省郑州市金水区"), ("420106", "湖北省武汉市武昌区"), ("430104", "湖南省长沙市岳麓区"),
        ("440305", "广东省深圳市南山区"), ("440106", "广东省广州市天河区"), ("450103", "广西壮族自治区南宁市青秀区"),
        ("460106", "海南省海口市龙华区"), ("510107", "四川省成都市武侯区"), ("513401", "四川省凉山彝族自治州西昌市"),
        ("520102", "贵州省贵阳市南明区"), ("530102", "云南省昆明市五华区"), ("532801", "云南省西双版纳傣族自治州景洪市"),
        ("540102", "西藏自治区拉萨市城关区"), ("610113", "陕西省西安市雁塔区"), ("620102", "甘肃省兰州市城关区"),
        ("630102", "青海省西宁市城东区"), ("640104", "宁夏回族自治区银川市兴庆区"), ("650102", "新疆维吾尔自治区乌鲁木齐市天山区"),
        ("653101", "新疆维吾尔自治区喀什市"), ("654002", "新疆维吾尔自治区伊宁市")]
MINORITY_DIVS = {"uy": ["650102", "653101", "654002"], "kz": ["654002"], "ti": ["540102"], "yi": ["513401"],
                 "mo": ["150102"], "dai": ["532801"]}
BINS = [("622202", 19), ("622848", 19), ("621700", 19), ("622588", 16), ("621226", 19), ("622262", 19),
        ("621661", 19), ("623058", 19), ("436742", 19), ("622700", 19), ("621483", 16), ("621799", 19)]
BANKS = ["中国工商银行", "中国农业银行", "中国建设银行", "招商银行", "中国工商银行", "交通银行", "中国银行", "平安银行",
         "中国建设银行", "中国建设银行", "招商银行", "中国邮政储蓄银行"]
MOBILE_PRE = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152", "153",
              "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183",
              "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
AREA = ["010", "021", "022", "023", "020", "025", "027", "028", "029", "0571", "0574", "0577", "0579", "0531", "0371",
        "0991", "0891", "0834", "0471", "0871", "0851"]
ROADS = ["解放路", "人民路", "建设路", "中山路", "文化路", "长江路", "和平路", "新华路", "胜利路", "学院路", "朝阳路", "光明路"]
ESTATES = ["翠苑", "金都花园", "阳光家园", "锦绣华庭", "和谐嘉园", "幸福里", "滨江名苑", "丽景湾", "怡景小区", "绿城桂花园"]
VILLAGES = ["石桥", "王家", "前进", "红星", "新民", "上塘", "下洋", "东山", "柳树", "杨庄", "白沙", "岭头"]
TOWNS = ["城关镇", "南山镇", "石门乡", "临溪镇", "新安镇", "永和乡", "清河镇", "双桥乡"]
COMPANIES = ["华信", "恒通", "宏达", "鑫源", "永泰", "瑞丰", "嘉禾", "天成", "博远", "中科"]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ZW = "\u200b"  # zero-width space, as pasted from web forms
FW = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")


def luhn_ok(d: str) -> bool:
    t = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch) * (2 if i % 2 else 1)
        t += n - 9 if n > 9 else n
    return t % 10 == 0


def id_valid(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s) or not 11 <= int(s[:2]) <= 83:
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return "10X98765432"[sum(int(c) * w for c, w in zip(s, ID_W)) % 11] == s[17]


def stray(text: str) -> bool:
    """An unlabelled valid 18-digit ID, 11-digit mobile or Luhn 62/4 card left in (masked) text."""
    t = unicodedata.normalize("NFKC", text).upper()
    if any(id_valid(m) for m in re.findall(r"(?<![0-9A-Z])(\d{17}[\dX])(?![0-9A-Z])", t)):
        return True
    if re.search(r"(?<!\d)1[3-9]\d{9}(?!\d)", t):
        return True
    return any(luhn_ok(m) for m in re.findall(r"(?<!\d)([46]\d{15,18})(?!\d)", t))


class G:
    """Draws of synthetic values for one table (its own random stream)."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def c(self, seq):
        return self.r.choice(seq)

    def p(self, x: float) -> bool:
        return self.r.random() < x

    # ---------------------------------------------------------------- names
    def given(self, n=None):
        n = n or (1 if self.p(0.3) else 2)
        return "".join(self.c(GIVEN) for _ in range(n))

    def han(self, rare=0.2, compound=0.08):
        x = self.r.random()
        sur = self.c(COMPOUND_SUR) if x < compound else self.c(RARE_SUR) if x < compound + rare else self.c(COMMON_SUR)
        return sur + self.given(1 if len(sur) == 2 and self.p(0.5) else None)

    def minority(self, kind=None, seps="·•.・．", nosep=0.15):
        kind = kind or self.c(["uy", "kz", "ti", "yi", "mo", "dai"])
        if kind in ("uy", "kz"):
            g, f = (UYGHUR_G, UYGHUR_F) if kind == "uy" else (KAZAKH_G, KAZAKH_F)
            sep = "" if self.p(nosep) else self.c(seps)
            return self.c(g) + sep + self.c(f), kind
        if kind == "ti":
            a, b = self.c(TIBETAN), self.c(TIBETAN)
            return (a + b if a != b and self.p(0.6) else a), kind
        return self.c({"yi": YI, "mo": MONGOL, "dai": DAI}[kind]), kind

    def roman(self):
        sur = self.c(list(PINYIN_SUR.values()))
        g = self.c(PINYIN_GIVEN)
        form = self.r.randrange(4)
        return [f"{sur} {g}", f"{g} {sur.title()}", f"{sur}, {g}", f"{sur.title()} {g}"][form]

    def person_name(self, minority=0.1, rare=0.2, compound=0.08):
        if self.p(minority):
            return self.minority()[0]
        return self.han(rare, compound)

    # ---------------------------------------------------------------- dates and identifiers
    def date(self, y0, y1):
        d0 = dt.date(y0, 1, 1).toordinal()
        return dt.date.fromordinal(self.r.randrange(d0, dt.date(y1, 12, 31).toordinal() + 1))

    def rid(self, birth: dt.date, div=None, sex=None):
        div = div or self.c(DIVS)[0]
        seq = self.r.randrange(0, 1000)
        if sex is not None and seq % 2 != (1 if sex == "男" else 0):
            seq = (seq + 1) % 1000
        body = f"{div}{birth:%Y%m%d}{seq:03d}"
        return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, ID_W)) % 11]

    def rid15(self, birth: dt.date, div=None):
        div = div or self.c(DIVS)[0]
        return f"{div}{birth:%y%m%d}{self.r.randrange(0, 1000):03d}"

    def mobile(self):
        return self.c(MOBILE_PRE) + f"{self.r.randrange(10 ** 8):08d}"

    def card(self):
        i = self.r.randrange(len(BINS))
        b, n = BINS[i]
        body = b + "".join(str(self.r.randrange(10)) for _ in range(n - len(b) - 1))
        for k in range(10):
            if luhn_ok(body + str(k)):
                return body + str(k), BANKS[i]
        raise AssertionError

    def landline(self):
        a = self.c(AREA)
        n = 8 if len(a) == 3 or self.p(0.7) else 7
        return a, str(self.r.randrange(2, 9)) + "".join(str(self.r.randrange(10)) for _ in range(n - 1))

    def uscc(self):
        body = self.c(["91", "92", "93", "52"]) + self.c(DIVS)[0] + "".join(self.c(USCC_CH[:10] + "ABCDEFGH") for _ in range(9))
        s = sum(USCC_CH.index(ch) * w for ch, w in zip(body, USCC_W))
        return body + USCC_CH[(31 - s % 31) % 31]

    def digits(self, n, first="123456789"):
        return self.c(first) + "".join(str(self.r.randrange(10)) for _ in range(n - 1))

    def not_id18(self, prefix=""):
        while True:
            s = prefix + self.digits(18 - len(prefix))
            if not id_valid(s) and not stray(s):
                return s

    def plate(self):
        return self.c("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼") + self.c("ABCDEFGHJK") + \
            "".join(self.c("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))

    # ---------------------------------------------------------------- addresses
    def province(self, div=None):
        return re.match(r".+?(省|自治区|市)", self.div_words(div)).group(0)

    def div_words(self, div=None):
        return dict(DIVS)[div] if div else self.c(DIVS)[1]

    def urban_addr(self, div=None):
        w = self.div_words(div)
        k = self.r.randrange(4)
        if k == 0:
            return f"{w}{self.c(ROADS)}{self.r.randrange(1, 400)}号{self.r.randrange(1, 30)}幢{self.r.randrange(1, 4)}单元{self.r.randrange(1, 33)}0{self.r.randrange(1, 5)}室"
        if k == 1:
            return f"{w}{self.c(ESTATES)}{self.r.randrange(1, 40)}-{self.r.randrange(1, 9)}-{self.r.randrange(1, 33)}0{self.r.randrange(1, 5)}"
        if k == 2:
            return f"{self.c(ESTATES)}{self.r.randrange(1, 40)}-{self.r.randrange(1, 9)}-{self.r.randrange(1, 27)}0{self.r.randrange(1, 5)}"
        return f"{w}{self.c(ROADS)}{self.r.randrange(1, 300)}弄{self.r.randrange(1, 60)}号{self.r.randrange(1, 7)}0{self.r.randrange(1, 5)}室"

    def village_addr(self, div=None):
        w = self.div_words(div)
        v = self.c(VILLAGES)
        # 苏木/嘎查 (Inner Mongolia's township and village words) only for Inner Mongolian divisions
        k = self.r.randrange(4 if (div or "").startswith("15") else 3)
        if k == 0:
            return f"{w}{self.c(TOWNS)}{v}村{self.r.randrange(1, 12)}组{self.r.randrange(1, 90)}号"
        if k == 1:
            return f"{w}{self.c(TOWNS)}{v}村委会第{self.r.randrange(1, 9)}村民小组{self.r.randrange(1, 60)}号"
        if k == 2:
            return f"{self.c(TOWNS)}{v}村{self.r.randrange(1, 12)}组{self.r.randrange(1, 90)}号"
        return f"{w}{self.c(['巴彦', '哈日', '乌兰'])}苏木{self.c(['额尔敦', '宝力格', '查干'])}嘎查{self.r.randrange(1, 80)}号"

    def addr(self, div=None, village=0.4):
        return self.village_addr(div) if self.p(village) else self.urban_addr(div)

    def company(self):
        return self.c(TOWNS[:4] + ["杭州", "宁波", "金华"]) + self.c(COMPANIES) + self.c(["贸易有限公司", "建设工程有限公司", "科技有限公司", "餐饮管理有限公司", "物业服务有限公司"])


# ------------------------------------------------------------------ pieces: (text, type, core) or plain str
def P(text, typ, core=None):
    return (text, typ, core)


def canon(s: str) -> str:
    return re.sub(r"[\s\-·•.・()（）\u200b]", "", unicodedata.normalize("NFKC", s)).upper()


def id_piece(g: G, rid: str, forms=("plain",) * 6 + ("lower", "space", "dash", "fw"), zw=False):
    f = g.c(forms)
    s = rid
    if f == "lower":
        s = rid.lower() if rid.endswith("X") else rid
    elif f == "space":
        s = (f"{rid[:6]} {rid[6:14]} {rid[14:]}" if g.p(0.6) else " ".join(rid[i:i + 4] for i in range(0, 18, 4)))
    elif f == "dash":
        s = f"{rid[:6]}-{rid[6:14]}-{rid[14:]}"
    elif f == "fw":
        s = rid.translate(FW)
    return P(s, "cn_resident_id", rid.upper())


def mobile_text(g: G, m: str, forms=("plain",) * 5 + ("p86", "0086", "86-", "space", "dash")):
    f = g.c(forms)
    return {"plain": m, "p86": "+86 " + m, "0086": "0086" + m, "86-": "86-" + m,
            "space": f"{m[:3]} {m[3:7]} {m[7:]}", "dash": f"{m[:3]}-{m[3:7]}-{m[7:]}",
            "fw": m.translate(FW)}[f]


def mob_piece(g: G, m=None, **kw):
    m = m or g.mobile()
    return P(mobile_text(g, m, **kw), "cn_mobile", m)


def card_piece(g: G, c=None, forms=("plain", "plain", "space4", "dash4", "fw")):
    c = c or g.card()[0]
    f = g.c(forms)
    s = {"plain": c, "space4": " ".join(c[i:i + 4] for i in range(0, len(c), 4)),
         "dash4": "-".join(c[i:i + 4] for i in range(0, len(c), 4)), "fw": c.translate(FW)}[f]
    return P(s, "bank_card", c)


def land_piece(g: G):
    a, n = g.landline()
    s = g.c([f"{a}-{n}", f"{a}{n}", f"({a}){n}", f"{a} {n}", f"（{a}）{n}"])
    return P(s, "cn_landline", a + n)


def dob_text(g: G, d: dt.date, forms=("iso", "compact", "cn", "slash", "dot", "eng")):
    f = g.c(forms)
    return {"iso": d.isoformat(), "compact": f"{d:%Y%m%d}", "cn": f"{d.year}年{d.month}月{d.day}日",
            "slash": f"{d.year}/{d.month}/{d.day}", "dot": f"{d:%Y.%m.%d}",
            "eng": f"{d.day:02d} {d:%b}".upper() + f" {d.year}", "ym_dot": f"{d:%Y.%m}",
            "ym_cn": f"{d.year}年{d.month}月", "ym_compact": f"{d:%Y%m}", "ym_dash": f"{d.year}-{d.month}"}[f]


def company_date_text(g: G, d: dt.date):
    return dob_text(g, d)


class Cell:
    """A cell: the value written to the file, its text as the evaluator reads it, its labels."""
    __slots__ = ("value", "text", "labels")

    def __init__(self, value, text, labels):
        self.value, self.text, self.labels = value, text, labels


def cat(*parts) -> Cell:
    """A string cell from plain strings and labelled pieces."""
    out, labels = [], []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, tuple):
            out.append(p[0])
            labels.append((p[1], p[0], p[2]))
        else:
            out.append(p)
    s = "".join(out)
    return Cell(s, s, labels)


def typed(value, text, labels=()) -> Cell:
    return Cell(value, text, list(labels))


def nested(obj, labels) -> Cell:
    """A JSON object/array cell: labelled pieces were put in as their text; labels collected by the caller."""
    return Cell(obj, e6.render(obj), labels)


class Nest:
    """Collects labels while a nested JSON value is built: n(piece) returns the piece's text."""

    def __init__(self):
        self.labels = []

    def __call__(self, p):
        if isinstance(p, tuple):
            self.labels.append((p[1], p[0], p[2]))
            return p[0]
        return p

    def cat(self, *parts):
        return "".join(self(p) for p in parts if p is not None)


def row_ok(cells) -> bool:
    for cell in cells:
        text, labels = cell.text, cell.labels
        masked = text
        for typ, sub, core in sorted(labels, key=lambda x: -len(x[1])):
            if sub not in text or not sub.strip():
                return False
            masked = masked.replace(sub, "*" * len(sub))
        for typ, sub, core in labels:
            # exactly as many occurrences as labels, outside longer labels that contain it
            other = text
            for t2, s2, c2 in labels:
                if len(s2) > len(sub) and sub in s2:
                    other = other.replace(s2, "#" * len(s2))
            if other.count(sub) != sum(1 for x in labels if x[1] == sub):
                return False
            if EV.leaked(typ, sub, core, masked):
                return False
        if stray(masked):
            return False
    return True


# ------------------------------------------------------------------ tables
TABLES = []


def table(fn):
    TABLES.append(fn)
    return fn


@table
def t01(g: G):
    """义务教育入学报名 — full pinyin headers."""
    cols = ["xuhao", "baomingbianhao", "xingming", "xingbie", "chushengriqi", "shenfenzhenghao", "hukousuozaidi",
            "xianjuzhudizhi", "fuqinxingming", "fuqinshouji", "muqinxingming", "muqinshouji", "baomingxuexiao",
            "xuexiaodianhua", "beizhu"]
    schools = [(f"{t}{k}", f"0571-8{g.digits(7, '0123456789')}") for t in ("西湖区", "拱墅区", "义乌市", "永嘉县")
               for k in ("实验小学", "第一小学", "文澜小学", "崇文小学")]

    def row(i):
        sex = g.c("男女")
        b = g.date(2018, 2019)
        div = g.c(DIVS)[0]
        rid = g.rid(b, div, sex)
        fa, mo = g.han(0.15, 0.05), g.han(0.15, 0.05)
        child = fa[:2] if fa[:2] in COMPOUND_SUR else fa[0]
        child = child + g.given() if g.p(0.85) else g.han()
        sch, tel = g.c(schools)
        note = ""
        k = g.r.random()
        if k < 0.12:
            note = cat("由外婆", P(g.han(), "person_name"), "接送，电话", mob_piece(g))
        elif k < 0.2:
            note = cat("随迁子女，父母居住证编号", "ZJ" + g.digits(10), "，监护人", P(g.han(), "person_name"))
        elif k < 0.3:
            note = cat(g.c(["二孩", "多孩家庭", "学区内户籍", "无", "房产证已核验"]))
        elif k < 0.34:
            note = cat("哥哥", P(child[:len(child) - 1] + g.c(GIVEN) if len(child) > 1 else g.han(), "person_name"), "在本校五年级就读")
        tel_t = tel + (f" 转{g.digits(4)}" if g.p(0.3) else "")
        fm = cat(mob_piece(g)) if g.p(0.95) else cat(mob_piece(g), "，", mob_piece(g))
        father_missing = g.p(0.06)
        wrap = g.c(["", "", "", "", ZW, " ", '"'])
        return [cat(str(i + 1)), cat(g.not_id18("2025")), cat(P(child, "person_name")), cat(sex),
                cat(P(dob_text(g, b, ("iso", "iso", "compact", "cn", "slash")), "birth_date")),
                cat(wrap, id_piece(g, rid), wrap if wrap in (" ", '"') else ""),
                cat(P(g.addr(div, 0.3), "address")), cat(P(g.urban_addr(), "address")),
                cat("") if father_missing else cat(P(fa, "person_name")),
                cat("") if father_missing else fm,
                cat(P(mo, "person_name")), cat(mob_piece(g)), cat(sch), cat(tel_t), note if note else cat("")]
    return dict(file="01_yiwu_jiaoyu_ruxue_baoming.csv", format="csv", encoding="utf-8", domain="education",
                columns=cols, rows=(row, 1100),
                notes={"baomingbianhao": "decoy: 18-digit enrolment numbers (not valid IDs)",
                       "xuexiaodianhua": "decoy: school switchboards, some with extensions",
                       "beizhu": "remarks: names after 外婆/监护人/哥哥 cues, a mobile"})


@table
def t02(g: G):
    """异地就医备案 — headers with notes, units and line breaks; Excel dates and numbers."""
    cols = ["序号", "参保人姓名\n（必填）", "性别", "证件类型", "证件号码（18位）", "出生日期\n（年-月-日）", "参保地",
            "就医地", "就医医院", "备案日期", "手机号码（必填）", "现居住地址（详细到门牌号）", "紧急联系人及关系",
            "紧急联系人电话", "经办机构电话", "备注"]
    hospitals = ["浙江大学医学院附属第一医院", "北京协和医院", "四川大学华西医院", "复旦大学附属中山医院", "中山大学附属第一医院"]

    def row(i):
        sex = g.c("男女")
        b = g.date(1940, 1995)
        hk = g.p(0.06)
        div = ("810000" if g.p(0.6) else "820000") if hk else g.c(DIVS)[0]
        rid = g.rid(b, div, sex)
        kind = "港澳居民居住证" if hk else g.c(["居民身份证"] * 17 + ["护照", "港澳居民来往内地通行证"])
        if kind == "护照":
            pp = g.c(["E" + g.digits(8, "0123456789"), "E" + g.c("ABCDEFGHJK") + g.digits(7, "0123456789")])
            idcell = cat(P(pp, "cn_passport", pp))
        elif kind == "港澳居民来往内地通行证":
            pp = g.c("HM") + g.digits(8, "0123456789")
            idcell = cat(P(pp, "hk_macau_permit", pp))
        else:
            idcell = cat(id_piece(g, rid, ("plain",) * 8 + ("lower", "space")))
        name = g.person_name(0.08)
        m = g.mobile()
        mcell = typed(int(m), m, [("cn_mobile", m, m)]) if g.p(0.5) else cat(mob_piece(g, m))
        rel = g.c(["女儿", "儿子", "配偶", "妻子", "丈夫", "母亲", "侄子"])
        ec = g.han()
        ecell = (cat(P(ec, "person_name"), "（", rel, "）") if g.p(0.5) else
                 cat(P(ec, "person_name"), " ", rel) if g.p(0.5) else cat(rel, "：", P(ec, "person_name")))
        reg = g.date(2024, 2025)
        bdt = dt.datetime(b.year, b.month, b.day)
        note = cat("")
        if g.p(0.1):
            note = cat("代办人", P(g.han(), "person_name"), "，", mob_piece(g))
        elif g.p(0.1):
            note = cat(g.c(["长期异地居住", "转诊", "临时外出就医", "  "]))
        return [typed(i + 1, str(i + 1)), cat(P(name, "person_name")), cat(sex),
                cat(kind), idcell,
                typed(bdt, str(bdt), [("birth_date", str(bdt.date()), None)]), cat(g.province()), cat(g.province()),
                cat(g.c(hospitals)), typed(dt.datetime(reg.year, reg.month, reg.day), f"{reg} 00:00:00"), mcell,
                cat(P(g.urban_addr(), "address")), ecell, cat(mob_piece(g)),
                cat(g.c(["0571-12393", "12393", "0571-87050000转2", "028-12333"])), note]
    return dict(file="02_yidi_jiuyi_beian.xlsx", format="xlsx", encoding=None, domain="health insurance",
                columns=cols, rows=(row, 900),
                notes={"备案日期": "decoy: registration dates (Excel dates)", "经办机构电话": "decoy: agency numbers",
                       "出生日期\n（年-月-日）": "birth dates as Excel dates under a header with a line break"})


@table
def t03(g: G):
    """灵活就业人员社保补贴 API dump — camelCase keys, nested objects, URLs holding identifiers."""
    def rec(i):
        n = Nest()
        sex = g.c("男女")
        b = g.date(1968, 2000)
        rid = g.rid(b, None, sex)
        name = g.person_name(0.08, 0.2, 0.1)
        m = g.mobile()
        cells = {}
        cells["applyNo"] = cat(f"LH{g.date(2025, 2025):%Y%m%d}{g.digits(6, '0123456789')}")
        cells["applicantName"] = cat(P(name, "person_name"))
        cells["idNo"] = cat(id_piece(g, rid, ("plain",) * 6 + ("lower", "space")))
        cells["gender"] = cat(sex)
        cells["birthDate"] = cat(P(dob_text(g, b, ("iso", "compact", "slash")), "birth_date"))
        if g.p(0.4):
            cells["mobilePhone"] = typed(int(m), m, [("cn_mobile", m, m)])
        else:
            cells["mobilePhone"] = cat(mob_piece(g, m))
        contact = {"tel": n(land_piece(g)) if g.p(0.3) else "", "email": "", "address": n(P(g.addr(), "address"))}
        if g.p(0.5):
            local = g.digits(g.c([8, 9, 10]))
            contact["email"] = n(P(g.c([f"{local}@qq.com", f"{g.c(PINYIN_GIVEN).lower()}{g.digits(4)}@163.com",
                                         f"{g.c(list(PINYIN_SUR.values())).lower()}{g.digits(2)}@126.com"]), "email"))
        cells["contact"] = nested(contact, n.labels)
        n2 = Nest()
        c, bank = g.card()
        cells["bankAccount"] = nested({"bankName": bank, "cardNo": n2(card_piece(g, c, ("plain", "space4")))}, n2.labels)
        n3 = Nest()
        fam = []
        for _ in range(g.r.randrange(0, 3)):
            fb = g.date(1940, 2020)
            fam.append({"name": n3(P(g.han(), "person_name")), "relation": g.c(["spouse", "child", "parent"]),
                        "idCard": n3(id_piece(g, g.rid(fb), ("plain", "plain", "lower")))})
        cells["familyMembers"] = nested(fam, n3.labels)
        n4 = Nest()
        att = [f"https://zwfw.example.gov.cn/file/download?id={g.digits(12)}&name=" + n4(P(name, "person_name")) + g.c(["身份证正面.jpg", "_社保缴费证明.pdf", "银行卡.png"])]
        if g.p(0.5):
            att.append(f"https://zwfw.example.gov.cn/file/download?id={g.digits(12)}&name=申请表.pdf")
        cells["attachments"] = nested(att, n4.labels)
        if g.p(0.35):
            cells["callbackUrl"] = cat("https://sms.example.gov.cn/notify?mobile=", P(m, "cn_mobile", m), f"&sign={g.r.getrandbits(64):016x}")
        else:
            cells["callbackUrl"] = cat(f"https://sms.example.gov.cn/notify?ticket={g.r.getrandbits(64):016x}")
        cells["employerName"] = cat(g.company() if g.p(0.3) else "")
        cells["employerUscc"] = cat(g.uscc() if cells["employerName"].text else "")
        cells["subsidyAmount"] = typed(round(g.r.uniform(500, 3000), 2), None)
        cells["subsidyAmount"].text = e6.render(cells["subsidyAmount"].value)
        cells["insuredMonths"] = typed(g.r.randrange(1, 13), None)
        cells["insuredMonths"].text = str(cells["insuredMonths"].value)
        cells["auditor"] = cat(P(g.han(), "person_name")) if g.p(0.8) else cat(g.c(["系统自动审核", "王科长", "窗口"]))
        cells["auditDate"] = cat(str(g.date(2025, 2025)))
        return list(cells.values()), list(cells.keys())
    return dict(file="03_linghuo_jiuye_shebao_butie.json", format="json", encoding="utf-8", domain="employment",
                columns=None, rows=(rec, 700),
                notes={"applyNo": "decoy: application numbers", "employerUscc": "decoy: USCC",
                       "callbackUrl": "mobile inside a URL query string",
                       "attachments": "applicant's name inside download URLs"})


@table
def t04(g: G):
    """护林员名册 (GBK) — headers 列1…列12 only; minority and rare names; 15-digit IDs; year-month births."""
    cols = [f"列{k}" for k in range(1, 13)]
    ethnic = {"uy": "维吾尔族", "kz": "哈萨克族", "ti": "藏族", "yi": "彝族", "mo": "蒙古族", "dai": "傣族"}

    def row(i):
        if g.p(0.45):
            name, kind = g.minority(seps="·.．", nosep=0.2)
            div = g.c(MINORITY_DIVS[kind])
            eth = ethnic[kind]
        else:
            name = g.han(0.35, 0.12)
            div = g.c(DIVS)[0]
            eth = "汉族"
        b = g.date(1955, 1990)
        if b.year < 1966 and g.p(0.5):
            s15 = g.rid15(b, div)
            idp = P(s15, "cn_resident_id", s15)
        else:
            idp = id_piece(g, g.rid(b, div), ("plain",) * 4 + ("lower", "space", "dash"))
        phones = cat(mob_piece(g)) if g.p(0.8) else cat(mob_piece(g), g.c(["/", "、", " ", "；"]), mob_piece(g))
        area = round(g.r.uniform(500, 5000), 1)
        return [cat(str(i + 1)), cat(g.c(TOWNS)), cat(g.c(VILLAGES) + "村"), cat(P(name, "person_name")), cat(eth),
                cat(idp), cat(P(dob_text(g, b, ("ym_dot", "ym_cn", "ym_compact", "ym_dash", "iso")), "birth_date")),
                phones, cat(P(g.village_addr(div), "address")), cat(str(area)),
                cat(str(g.date(2016, 2024))), cat(card_piece(g, None, ("plain", "space4", "dash4")))]
    return dict(file="04_senlin_fanghuo_hulinyuan.csv", format="csv", encoding="gbk", domain="forestry",
                columns=cols, rows=(row, 1000),
                notes={"列10": "decoy: area in mu", "列11": "decoy: hiring dates", "列3": "decoy: village names alone"})


@table
def t05(g: G):
    """供水管网压力监测 (Parquet) — no personal information."""
    stations = [(f"WS{330100 + k:06d}{g.digits(4, '0123456789')}", f"{g.c(ROADS)}{g.c(['与', '近'])}{g.c(ROADS)}{g.c(['交叉口', '路口', '泵站'])}监测点") for k in range(40)]
    ops = [(g.company().replace("贸易", "水务").replace("餐饮管理", "水务"), g.uscc(), f"0571-96{g.digits(3, '0123456789')}") for _ in range(4)]
    base = dt.datetime(2025, 6, 1)

    def row(i):
        code, nm = g.c(stations)
        op = g.c(ops)
        t = base + dt.timedelta(minutes=15 * i + g.r.randrange(0, 3))
        return [typed(code, code), typed(nm, nm), typed(t, str(t)), typed(round(g.r.uniform(0.18, 0.45), 3), None),
                typed(round(g.r.uniform(10, 900), 1), None), typed(f"WP-{g.r.getrandbits(32):08X}", None),
                typed("1064" + g.digits(9, "0123456789"), None), typed(op[0], op[0]), typed(op[1], op[1]),
                typed(op[2], op[2]), typed(None if g.p(0.8) else g.c(["低压告警", "通讯中断", "高压告警"]), None),
                typed(int(g.not_id18("2025")), None)]
    return dict(file="05_gongshui_guanwang_yali.parquet", format="parquet", encoding=None, domain="water supply",
                columns=["监测点编码", "监测点名称", "采集时间", "压力MPa", "瞬时流量", "设备序列号", "物联网卡号", "运维单位",
                         "运维单位信用代码", "运维热线", "告警状态", "批次号"],
                rows=(row, 1000),
                arrow=["dict", "dict", "ts", "f64", "f64", "str", "str", "dict", "dict", "dict", "str", "i64"],
                notes={"物联网卡号": "decoy: 13-digit IoT SIM numbers", "批次号": "decoy: 18-digit int64 batch numbers"})


@table
def t06(g: G):
    """农业保险理赔清单 (Parquet) — typed columns."""
    staff = [g.han() for _ in range(6)]
    villages = [f"{g.c(TOWNS)}{v}村" for v in VILLAGES]

    def row(i):
        b = g.date(1945, 1985)
        name = g.person_name(0.05)
        rid = g.rid(b)
        bt = dt.datetime(b.year, b.month, b.day)
        m = g.mobile() if g.p(0.85) else None
        c = g.card()[0]
        payee = None if g.p(0.75) else g.han()
        s = g.c(staff)
        return [typed(f"PICC{g.digits(14, '0123456789')}", None), typed(name, name, [("person_name", name, None)]),
                typed(rid, rid, [("cn_resident_id", rid, rid)]), typed(bt, str(bt), [("birth_date", str(bt.date()), None)]),
                typed(int(m) if m else None, m or "", [("cn_mobile", m, m)] if m else []),
                typed(int(c), c, [("bank_card", c, c)]), typed(g.c(villages), None),
                typed(g.c(["水稻种植保险", "能繁母猪保险", "茶叶低温气象指数保险", "柑橘种植保险"]), None),
                typed(round(g.r.uniform(0.5, 60), 2), None), typed(round(g.r.uniform(200, 30000), 2), None),
                typed(g.date(2024, 2025), None), typed(s, s, [("person_name", s, None)]),
                typed(payee, payee or "", [("person_name", payee, None)] if payee else [])]
    return dict(file="06_nongye_baoxian_lipei.parquet", format="parquet", encoding=None, domain="agriculture",
                columns=["保单号", "被保险人", "证件号码", "出生日期", "联系电话", "银行卡号", "村", "险种", "受灾面积", "赔款金额",
                         "出险日期", "查勘员", "领款人"],
                rows=(row, 900),
                arrow=["str", "lstr", "str", "ts", "i64", "i64", "dict", "dict", "f64", "f64", "date", "dict", "lstr"],
                notes={"出险日期": "decoy: loss dates (date32)", "保单号": "decoy: policy numbers",
                       "联系电话": "mobiles as int64 with nulls", "银行卡号": "cards as int64"})


@table
def t07(g: G):
    """消防安全检查记录 (UTF-8-BOM) — long inspection notes."""
    cols = ["检查编号", "检查对象", "场所地址", "单位电话", "负责人", "负责人电话（手机）", "检查人员", "检查情况", "整改期限", "复查结论"]

    def row(i):
        comp = g.company()
        owner = g.han()
        inspectors = [g.han() for _ in range(g.r.randrange(1, 4))]
        sep = g.c(["、", "，", " ", "/"])
        ins = []
        for k, x in enumerate(inspectors):
            if k:
                ins.append(sep)
            ins.append(P(x, "person_name"))
        inscell = cat(*ins) if g.p(0.9) else cat(g.c(["检查员张某", "消防救援站", "李队长、王某"]))
        a, n = g.landline()
        text = []
        k = g.r.random()
        text += ["现场检查发现", g.c(["该店二楼设员工宿舍，", "疏散通道堆放杂物，", "灭火器压力不足，", "未发现明显隐患，"])]
        if k < 0.4:
            text += ["店主", P(owner, "person_name"), "（手机", mob_piece(g, None, forms=("plain", "plain", "space")), "）称已知晓。"]
        if g.p(0.35):
            text += ["房东", P(g.han(), "person_name"), "住", P(g.urban_addr(), "address"), "，已电话通知。"]
        if g.p(0.3):
            ts = [g.han() for _ in range(2)]
            text += ["租户：", P(ts[0], "person_name"), "、", P(ts[1], "person_name"), "。"]
        if g.p(0.3):
            text += [f"该单位成立于{company_date_text(g, g.date(2000, 2020))}，值班电话{a}-{n}。"]
        if g.p(0.2):
            text += ["附件：", P(g.han(), "person_name"), g.c(["承诺书.pdf", "身份证复印件.jpg"]), "、现场照片.zip。"]
        if g.p(0.15):
            text += ["其妻", P(g.han(), "person_name"), "在场，住宅电话", land_piece(g), "。"]
        text += [g.c(["责令限期整改。", "当场整改完毕。", "已下发责令改正通知书。"])]
        ocell = cat(P(owner, "person_name")) if g.p(0.85) else cat(g.c(["张经理", "李总", "王店长"]))
        return [cat(f"XF-2025-{g.digits(6, '0123456789')}"), cat(comp), cat(g.div_words() + g.c(ROADS) + f"{g.r.randrange(1, 300)}号"),
                cat(f"{a}-{n}"), ocell, cat(mob_piece(g), ZW if g.p(0.1) else ""), inscell, cat(*text),
                cat(str(g.date(2025, 2026))), cat(g.c(["合格", "不合格", "待复查", ""]))]
    return dict(file="07_xiaofang_anquan_jiancha.csv", format="csv", encoding="utf-8-sig", domain="fire safety",
                columns=cols, rows=(row, 800),
                notes={"场所地址": "decoy: business addresses", "单位电话": "decoy: switchboards",
                       "检查情况": "free text: names after 店主/房东/租户/其妻, addresses, phones, names in file names; founding dates (decoy)",
                       "检查编号": "decoy: case numbers"})


@table
def t08(g: G):
    """事业单位工资发放 (XLSX) — English snake_case headers."""
    cols = ["emp_no", "emp_name", "gender", "id_no", "dob", "dept", "post_title", "hire_date", "contact_tel",
            "office_ext", "personal_email", "bank_acct", "net_pay", "home_addr", "emergency_contact", "remark"]
    odd = dict(zip(g.r.sample(range(800), 2), ("id", "mobile")))
    depts = ["办公室", "财务科", "信息中心", "业务一科", "后勤保障科"]

    def row(i):
        sex = g.c("男女")
        b = g.date(1962, 1999)
        rid = g.rid(b, None, sex)
        name = g.roman() if g.p(0.15) else g.person_name(0.08)
        if g.p(0.5):
            bd = dt.datetime(b.year, b.month, b.day)
            dob = typed(bd, str(bd), [("birth_date", str(bd.date()), None)])
        else:
            dob = cat(P(dob_text(g, b, ("slash", "eng", "dot", "cn")), "birth_date"))
        h = g.date(2005, 2024)
        m = g.mobile()
        tel = typed(int(m), m, [("cn_mobile", m, m)]) if g.p(0.4) else cat(mob_piece(g, m, forms=("plain", "p86", "space", "dash", "0086")))
        ec = g.roman() if g.p(0.2) else g.han()
        ecell = cat(P(ec, "person_name"), f" ({g.c(['spouse', 'parent', 'sibling', '配偶', '父亲'])}) ", mob_piece(g))
        if odd.get(i) == "id":
            mail = cat(id_piece(g, g.rid(g.date(1970, 1999)), ("plain",)))
        elif odd.get(i) == "mobile":
            mail = cat(mob_piece(g, None, forms=("plain",)))
        elif g.p(0.9):
            local = g.c([f"{g.c(PINYIN_GIVEN).lower()}.{g.c(list(PINYIN_SUR.values())).lower()}",
                         g.digits(g.c([8, 9, 10])), f"{g.c(list(PINYIN_SUR.values())).lower()}{g.digits(4, '0123456789')}"])
            mail = cat(P(local + g.c(["@qq.com", "@163.com", "@126.com", "@foxmail.com", "@sina.com"]), "email"))
        else:
            mail = cat("")
        rm = cat("")
        if g.p(0.08):
            rm = cat("payroll changed per request of ", P(g.han(), "person_name"))
        elif g.p(0.1):
            rm = cat(g.c(["maternity leave", "on secondment", "  ", "N/A"]))
        return [cat(f"E{h.year}-{g.digits(4, '0123456789')}"), cat(P(name, "person_name")), cat(sex),
                cat(id_piece(g, rid, ("plain",) * 6 + ("lower", "space", "fw"))), dob, cat(g.c(depts)),
                cat(g.c(["科员", "副科长", "工程师", "会计", "主任科员"])), typed(dt.datetime(h.year, h.month, h.day), f"{h} 00:00:00"),
                tel, cat(f"0571-8700{g.digits(4, '0123456789')}-{g.digits(3)}"), mail, cat(card_piece(g)),
                typed(round(g.r.uniform(4000, 15000), 2), None), cat(P(g.urban_addr(), "address")), ecell, rm]
    return dict(file="08_shiye_danwei_gongzi_fafang.xlsx", format="xlsx", encoding=None, domain="public payroll",
                columns=cols, rows=(row, 800),
                notes={"hire_date": "decoy: hire dates", "office_ext": "decoy: office numbers with extension",
                       "emp_no": "decoy: staff numbers"})


@table
def t09(g: G):
    """边民补助发放 (GB18030) — headers 字段A…字段K, minority names with every separator."""
    cols = [f"字段{c}" for c in "ABCDEFGHIJK"]

    def member(kind):
        if kind in ("uy", "kz", "ti", "yi", "mo", "dai"):
            return g.minority(kind)[0]
        return g.han()

    def row(i):
        kind = g.c(["uy", "uy", "kz", "ti", "ti", "dai", "mo", "han"])
        div = g.c(MINORITY_DIVS[kind]) if kind != "han" else g.c(DIVS)[0]
        head = member(kind)
        b = g.date(1950, 1995)
        if b.year < 1970 and g.p(0.4):
            s = g.rid15(b, div)
            idp = P(s, "cn_resident_id", s)
        else:
            idp = id_piece(g, g.rid(b, div), ("plain",) * 4 + ("fw", "lower", "space"))
        mem = []
        nm = g.r.randrange(0, 4)
        for k in range(nm):
            if k:
                mem.append(g.c(["；", "、", "，", " "]))
            # the first member is the spouse or a parent, the rest children
            rel = g.c(["妻", "夫", "母", "父"]) if k == 0 else g.c(["子", "女", "长子", "次女"])
            if g.p(0.6):
                mem += [rel, g.c([" ", "：", ""]), P(member(kind), "person_name")]
            else:
                mem += [P(member(kind), "person_name")]
        k2 = g.r.random()
        if k2 < 0.2:
            rm = cat("村委会主任", P(member(kind), "person_name"), "核实")
        elif k2 < 0.3:
            rm = cat(g.c(["经办人王某", "同上", "无", "本人领取"]))
        else:
            rm = cat("")
        return [cat(f"BM{div}{g.digits(5, '0123456789')}"), cat(P(head, "person_name")), cat(idp),
                cat(str(nm + 1)), cat(*mem), cat(mob_piece(g, None, forms=("plain",) * 4 + ("86-", "p86"))),
                cat(P(g.village_addr(div), "address")), cat(f"{g.c([1200, 1500, 1800, 2400])}.00"),
                cat(str(g.date(2025, 2025))), cat(card_piece(g, None, ("plain", "space4"))), rm]
    return dict(file="09_bianjing_jumin_butie.csv", format="csv", encoding="gb18030", domain="ethnic affairs",
                columns=cols, rows=(row, 900),
                notes={"字段A": "decoy: household codes", "字段I": "decoy: payment dates", "字段H": "decoy: amounts"})


@table
def t10(g: G):
    """会议纪要公开 (JSON) — names in lists, after cues, in file names; title-only officials."""
    def rec(i):
        cells = {}
        cells["会议编号"] = cat(f"HY-2025-{i + 1:04d}")
        cells["会议名称"] = cat(g.c(["局长办公会议", "专题协调会", "安全生产例会", "项目推进会"]))
        cells["会议时间"] = cat(f"{g.date(2025, 2025)} {g.r.randrange(8, 17):02d}:30")
        cells["会议地点"] = cat(g.div_words() + g.c(ROADS) + f"{g.r.randrange(1, 200)}号行政中心{g.r.randrange(1, 9)}楼会议室")
        chair = g.han()
        cells["主持人"] = cat(P(chair, "person_name"), g.c(["副局长", "局长", "主任", ""])) if g.p(0.8) else cat(g.c(["李局长", "王主任", "张副局长"]))
        n = Nest()
        att = []
        for _ in range(g.r.randrange(2, 7)):
            if g.p(0.8):
                att.append(n.cat(P(g.han(), "person_name"), g.c(["（办公室主任）", "（财务科）", "", " 副局长", "（法规科科长）"])))
            else:
                att.append(g.c(["刘科长", "各科室负责人", "赵主任", "法律顾问"]))
        cells["参会人员"] = nested(att, n.labels)
        cells["记录人"] = cat(P(g.han(), "person_name"))
        t = []
        t += ["会议听取了", P(g.han(), "person_name"), "同志关于", g.c(["年度预算执行", "信访积案化解", "老旧小区改造"]), "情况的汇报。"]
        if g.p(0.5):
            t += ["会议明确由", P(g.han(), "person_name"), "牵头，", P(g.han(), "person_name"), "配合，月底前完成。"]
        if g.p(0.35):
            t += ["关于群众", P(g.han(), "person_name"), "（住", P(g.addr(), "address"), "，电话", mob_piece(g), "）反映的问题，责成街道核实。"]
        if g.p(0.25):
            t += ["信访人刘某某的诉求已答复。"]
        if g.p(0.2):
            t += ["同意", P(g.han(), "person_name"), "同志退休，其配偶", P(g.han(), "person_name"), "的遗属补助按规定办理。"]
        cells["纪要正文"] = cat(*t)
        n2 = Nest()
        files = ["会议签到表.pdf"]
        if g.p(0.5):
            files.append(n2.cat("关于", P(g.han(), "person_name"), "同志任职的请示.docx"))
        cells["附件"] = nested(files, n2.labels)
        n3 = Nest()
        a, num = g.landline()
        cells["联系人"] = nested({"姓名": n3(P(g.han(), "person_name")), "电话": f"{a}-{num}"}, n3.labels)
        return list(cells.values()), list(cells.keys())
    return dict(file="10_huiyi_jiyao_gongkai.json", format="json", encoding="utf-8", domain="government affairs",
                columns=None, rows=(rec, 450),
                notes={"会议地点": "decoy: office address", "会议编号": "decoy: meeting numbers",
                       "联系人": "contact name (PI) with an office number (not PI)"})


@table
def t11(g: G):
    """交通违法代办委托书 (XLSX) — register words 车主/驾驶人/受托人; plates with · or space; company owners."""
    cols = ["委托编号", "车主", "车主证件号", "号牌号码", "号牌种类", "驾驶人", "驾驶证号", "受托人", "受托人手机",
            "委托日期", "违法地点", "决定书编号"]

    def plate_text(p):
        f = g.c(["plain", "plain", "dot", "space", "lower"])
        return {"plain": p, "dot": p[:2] + "·" + p[2:], "space": p[:2] + " " + p[2:], "lower": p[:1] + p[1:].lower()}[f]

    def row(i):
        pl = g.plate()
        company = g.p(0.15)
        if company:
            owner = cat(g.company())
            oid = cat(g.uscc())
            plc = cat(plate_text(pl))
        else:
            o = g.person_name(0.06)
            owner = cat(P(o, "person_name"))
            oid = cat(id_piece(g, g.rid(g.date(1960, 2002))))
            plc = cat(P(plate_text(pl), "cn_license_plate", pl))
        drv = g.han()
        d = g.date(2025, 2025)
        return [cat(f"WT{d:%Y%m%d}{g.digits(4, '0123456789')}"), owner, oid, plc, cat(g.c(["小型汽车", "小型新能源汽车"])),
                cat(P(drv, "person_name")), cat(id_piece(g, g.rid(g.date(1965, 2003)), ("plain", "plain", "space"))),
                cat(P(g.han(), "person_name")), typed(int(m := g.mobile()), m, [("cn_mobile", m, m)]) if g.p(0.5) else cat(mob_piece(g)),
                typed(dt.datetime(d.year, d.month, d.day), f"{d} 00:00:00"),
                cat(g.c(ROADS) + g.c(["与", "近"]) + g.c(ROADS) + "路口"), cat("33" + g.digits(14, "0123456789"))]
    return dict(file="11_weizhang_daiban_weituoshu.xlsx", format="xlsx", encoding=None, domain="traffic",
                columns=cols, rows=(row, 700),
                notes={"车主": "persons (PI) and companies (not PI)", "号牌号码": "private plates PI, company plates not",
                       "决定书编号": "decoy: 16-digit decision numbers", "委托日期": "decoy"})


@table
def t12(g: G):
    """电子签章流水 — sparse and mixed, headers col_a…col_h."""
    cols = ["col_a", "col_b", "col_c", "col_d", "col_e", "col_f", "col_g", "col_h"]
    N = 1200
    special = {}
    kinds = ["a_id", "a_mob", "a_mail", "b_phone", "b_id", "c_json", "d_card", "g_name_land", "h_file", "g_mail",
             "c_mob", "d_passport", "a_id_code"]
    picks = g.r.sample(range(N), len(kinds))
    for k, r in zip(kinds, picks):
        special[r] = k

    def row(i):
        k = special.get(i)
        a = cat(f"QZ2025{g.digits(10, '0123456789')}")
        b = cat(f"https://ca.example.gov.cn/verify?doc={g.r.getrandbits(40):010x}&t={g.digits(10)}")
        c = cat(json.dumps({"signer": "SYS", "seal": f"S{g.digits(6)}"}))
        d = cat(f"DEV-{g.r.getrandbits(32):08X}")
        gcell = cat("" if g.p(0.85) else g.c(["  ", "已归档", "重签"]))
        h = cat(f"合同{g.digits(6)}.pdf")
        if k == "a_id":
            a = cat(id_piece(g, g.rid(g.date(1970, 2000)), ("space",)))
        elif k == "a_id_code":
            rid = g.rid(g.date(1960, 2000))
            a = cat("QZ-", P(rid, "cn_resident_id", rid), "-01")
        elif k == "a_mob":
            a = cat(mob_piece(g))
        elif k == "a_mail":
            a = cat(P(f"{g.c(PINYIN_GIVEN).lower()}.{g.c(list(PINYIN_SUR.values())).lower()}@163.com", "email"))
        elif k == "b_phone":
            m = g.mobile()
            b = cat(f"https://ca.example.gov.cn/verify?doc={g.r.getrandbits(40):010x}&phone=", P(m, "cn_mobile", m))
        elif k == "b_id":
            rid = g.rid(g.date(1970, 2000))
            b = cat("https://ca.example.gov.cn/verify?idcard=", P(rid, "cn_resident_id", rid), "&t=", g.digits(6))
        elif k == "c_json":
            rid = g.rid(g.date(1970, 2000))
            c = cat('{"signerName": "', P(g.han(), "person_name"), '", "idNo": "', P(rid, "cn_resident_id", rid), '"}')
        elif k == "c_mob":
            m = g.mobile()
            c = cat('{"signer": "USER", "tel": "', P(m, "cn_mobile", m), '"}')
        elif k == "d_card":
            d = cat(card_piece(g, None, ("plain",)))
        elif k == "d_passport":
            p = "E" + g.digits(8, "0123456789")
            d = cat(P(p, "cn_passport", p))
        elif k == "g_name_land":
            gcell = cat("联系", P(g.han(), "person_name"), " ", land_piece(g))
        elif k == "g_mail":
            gcell = cat("回执发至", P(f"{g.digits(9)}@qq.com", "email"))
        elif k == "h_file":
            h = cat(P(g.han(), "person_name"), "授权委托书.pdf")
        t = dt.datetime(2025, 3, 1) + dt.timedelta(seconds=g.r.randrange(0, 86400 * 200))
        return [a, b, c, d, cat(g.c(["法人签章", "个人签名", "骑缝章"])), cat(t.strftime("%Y-%m-%d %H:%M:%S")), gcell, h]
    return dict(file="12_dianzi_qianzhang_liushui.csv", format="csv", encoding="utf-8", domain="e-government",
                columns=cols, rows=(row, N),
                notes={c: "mixed column: mostly non-PI codes with one or two personal values" for c in
                       ("col_a", "col_b", "col_c", "col_d", "col_g", "col_h")})


@table
def t13(g: G):
    """家庭农场名录 (GBK) — quotes and spaces around values, founding dates beside birth months."""
    cols = ["名录编号", "农场名称", "经营者", "经营者身份证号", "经营者出生年月", "成立日期", "统一社会信用代码", "联系电话",
            "经营者住址", "经营地点", "经营面积（亩）", "主要产业", "开户银行", "对公账号", "备注"]

    def corp_acct():
        while True:
            s = g.digits(g.c([17, 19, 20, 22]), "13")
            if not stray(s):
                return s

    def row(i):
        b = g.date(1958, 1995)
        name = g.han(0.3, 0.1)
        rid = g.rid(b)
        ip = id_piece(g, rid, ("plain",) * 5 + ("lower", "space", "dash"))
        wrap = g.c(["", "", "", "'", " ", "\t"])
        idc = cat(wrap, ip, " " if wrap == " " else "")
        f = g.date(2008, 2023)
        form = g.c(["ym_dot", "ym_cn", "ym_compact", "cn", "compact", "iso"])
        ftxt = dob_text(g, f, (form if not form.startswith("ym") else "cn",))
        tel = cat(mob_piece(g)) if g.p(0.75) else cat(land_piece(g))
        rm = cat("")
        k = g.r.random()
        if k < 0.15:
            rm = cat("其子", P(name[0] + g.given(), "person_name"), "协助经营")
        elif k < 0.25:
            rm = cat(g.c(["示范家庭农场", "省级示范", "无", "“三品一标”认证"]))
        return [cat(f"JTNC{g.digits(8, '0123456789')}"), cat(g.c(VILLAGES) + g.c(["生态", "果蔬", "稻香", "茶园"]) + "家庭农场"),
                cat(P(name, "person_name")), idc, cat(P(dob_text(g, b, (form,)), "birth_date")), cat(ftxt),
                cat(g.uscc()), tel, cat(P(g.village_addr(), "address")), cat(g.c(TOWNS) + g.c(VILLAGES) + "村"),
                cat(str(round(g.r.uniform(30, 800), 1))), cat(g.c(["粮食", "水果", "茶叶", "畜禽", "水产"])),
                cat(g.c(["农商银行", "中国农业银行", "邮储银行"])), cat(corp_acct()), rm]
    return dict(file="13_jiating_nongchang_mingce.csv", format="csv", encoding="gbk", domain="agriculture",
                columns=cols, rows=(row, 800),
                notes={"成立日期": "decoy: founding dates written like the birth months beside them",
                       "对公账号": "decoy: corporate accounts (some pass Luhn)", "统一社会信用代码": "decoy: USCC",
                       "经营地点": "decoy: village names alone", "名录编号": "decoy"})


@table
def t14(g: G):
    """外卖骑手备案 (Parquet) — int64 mobiles, date32 births, dictionary station masters."""
    masters = [g.han() for _ in range(8)]
    stations = [f"{g.c(['西湖', '拱墅', '滨江', '余杭'])}{g.c(['文三', '古墩', '江南', '良渚'])}站" for _ in range(8)]

    def row(i):
        b = g.date(1975, 2005)
        name = g.person_name(0.12)
        rid = g.rid(b)
        m = g.mobile()
        k = g.r.randrange(8)
        st = stations[k]
        mm = masters[k]
        ec = g.han()
        ecm = g.mobile()
        ect = cat(g.c(["母亲", "父亲", "配偶", "哥哥"]), " ", P(ec, "person_name"), " ", P(ecm, "cn_mobile", ecm)) if g.p(0.85) else None
        t = dt.datetime(2024, 1, 1) + dt.timedelta(seconds=g.r.randrange(0, 86400 * 500))
        return [typed(name, name, [("person_name", name, None)]), typed(rid, rid, [("cn_resident_id", rid, rid)]),
                typed(int(m), m, [("cn_mobile", m, m)]), typed(b, str(b), [("birth_date", str(b), None)]),
                typed(st, st), typed(mm, mm, [("person_name", mm, None)]), typed(f"JKZ{g.digits(12, '0123456789')}", None),
                typed(ect.text if ect else None, ect.text if ect else "", ect.labels if ect else []),
                typed(t, str(t)), typed((a := g.urban_addr()), a, [("address", a, None)]),
                typed(g.r.randrange(0, 3000), None), typed(round(g.r.uniform(3.5, 5.0), 2), None)]
    return dict(file="14_waimai_qishou_beian.parquet", format="parquet", encoding=None, domain="platform economy",
                columns=["骑手姓名", "证件号码", "手机号", "出生日期", "站点", "站长", "健康证编号", "紧急联系人", "入职时间",
                         "居住地址", "配送单量", "评分"],
                rows=(row, 1000),
                arrow=["lstr", "str", "i64", "date", "dict", "dict", "str", "lstr", "ts", "str", "i64", "f64"],
                notes={"健康证编号": "decoy", "入职时间": "decoy: timestamps", "站长": "names in a dictionary column"})


@table
def t15(g: G):
    """医疗纠纷人民调解 (JSON) — arrays of persons, organisation objects (not PI), case summaries."""
    hosp = []
    for _ in range(10):
        div = g.c(DIVS)[0]
        hosp.append({"机构名称": f"{g.province(div)}{g.c(['第一', '第二', '中医', '妇幼'])}人民医院",
                     "统一社会信用代码": g.uscc(), "地址": g.div_words(div) + g.c(ROADS) + f"{g.r.randrange(1, 300)}号",
                     "电话": "-".join(g.landline())})

    def rec(i):
        cells = {}
        d = g.date(2024, 2025)
        cells["案件编号"] = cat(f"（2025）医调字第{i + 1}号")
        cells["受理日期"] = cat(str(d))
        pn = g.person_name(0.08)
        pb = g.date(1935, 2015)
        n0 = Nest()
        cells["患者"] = nested({"姓名": n0(P(pn, "person_name")), "性别": g.c("男女"), "年龄": 2025 - pb.year,
                               "出生日期": n0(P(dob_text(g, pb, ("iso", "cn", "compact")), "birth_date"))}, n0.labels)
        n = Nest()
        fam = []
        for _ in range(g.r.randrange(1, 3)):
            # relatives born plausibly for the patient: children 20-35 years later, parents 20-35 earlier
            rel = g.c(["配偶", "儿子", "女儿"] if pb.year < 1985 else ["配偶", "母亲", "父亲"] if pb.year < 2005 else ["母亲", "父亲"])
            y = pb.year + {"配偶": g.r.randrange(-5, 6), "儿子": g.r.randrange(20, 36), "女儿": g.r.randrange(20, 36)}.get(rel, -g.r.randrange(20, 36))
            y = max(1930, min(y, 2005))
            mem = {"姓名": n(P(g.han(), "person_name")), "关系": rel,
                   "证件号码": n(id_piece(g, g.rid(g.date(y, y)), ("plain", "plain", "lower")))}
            if g.p(0.2):
                mem["电话"] = int(m := g.mobile())
                n.labels.append(("cn_mobile", m, m))
            else:
                mem["电话"] = n(mob_piece(g))
            fam.append(mem)
        cells["患方"] = nested(fam, n.labels)
        cells["医方"] = nested(g.c(hosp), [])
        n2 = Nest()
        staff = []
        for _ in range(g.r.randrange(1, 4)):
            staff.append(n2.cat(g.c(["主治医师 ", "护士 ", "医师", "护士长"]), P(g.han(), "person_name")) if g.p(0.8) else g.c(["王主任", "李护士长", "值班医生"]))
        cells["涉事医务人员"] = nested(staff, n2.labels)
        s = ["患者", P(pn, "person_name"), g.c(["因腹痛", "因骨折", "因发热"]), f"于{d.year}年{d.month}月入院，"]
        if g.p(0.5):
            kin, y = ("其子", min(pb.year + g.r.randrange(20, 36), 2005)) if pb.year < 1980 else ("其母", pb.year - g.r.randrange(20, 36))
            s += [kin, P(g.han(), "person_name"), "（身份证号", id_piece(g, g.rid(g.date(y, y)), ("plain",)), "）认为"]
        else:
            s += ["家属认为"]
        s += ["医院存在延误诊治。"]
        if g.p(0.3):
            s += ["家属", P(g.han(), "person_name"), "住", P(g.urban_addr(), "address"), "，联系电话", mob_piece(g), "。"]
        if g.p(0.2):
            s += ["医院联系人电话", hosp[0]["电话"], "。"]
        cells["案情摘要"] = cat(*s)
        cells["调解员"] = cat(P(g.han(), "person_name"))
        cells["调解结果"] = cat(g.c(["达成协议", "调解不成", "撤回申请"]))
        cells["赔偿金额"] = typed(g.r.randrange(0, 300000), None)
        cells["赔偿金额"].text = str(cells["赔偿金额"].value)
        return list(cells.values()), list(cells.keys())
    return dict(file="15_yiliao_jiufen_tiaojie.json", format="json", encoding="utf-8", domain="health / mediation",
                columns=None, rows=(rec, 500),
                notes={"医方": "decoy: hospital object (USCC, address, switchboard)", "受理日期": "decoy"})


# ------------------------------------------------------------------ writing
def fix_text(cell: Cell, fmt: str):
    if cell.text is None:
        cell.text = e6.render(cell.value)
    if fmt == "xlsx" and isinstance(cell.value, float) and cell.value.is_integer():
        cell.text = str(int(cell.value))  # openpyxl reads a whole float back as an int
    if fmt == "parquet" and isinstance(cell.value, float):
        cell.text = str(cell.value)


def write_csv(path, cols, rows, enc):
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([c.value for c in r])
    path.write_bytes(buf.getvalue().encode(enc))


FIXED = dt.datetime(2025, 1, 1)


def write_xlsx(path, cols, rows):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(cols)
    for r in rows:
        ws.append([c.value if c.value != "" else None for c in r])
    for r_i, r in enumerate(rows, start=2):
        for c_i, c in enumerate(r, start=1):
            if isinstance(c.value, dt.datetime):
                ws.cell(r_i, c_i).number_format = "yyyy-mm-dd"
    wb.properties.created = wb.properties.modified = FIXED
    raw = io.BytesIO()
    wb.save(raw)
    zin = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in sorted(zin.namelist()):
            data = zin.read(name)
            if name == "docProps/core.xml":
                data = re.sub(rb"<dcterms:(created|modified)([^>]*)>[^<]*<", rb"<dcterms:\1\2>2025-01-01T00:00:00Z<", data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def write_json(path, cols, rows):
    recs = [{k: c.value for k, c in zip(cols, r)} for r in rows]
    path.write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")


def write_parquet(path, cols, rows, kinds):
    import pyarrow as pa
    import pyarrow.parquet as pq
    arrays = []
    for j, k in enumerate(kinds):
        vals = [r[j].value for r in rows]
        vals = [None if v == "" else v for v in vals]
        if k == "dict":
            arrays.append(pa.array(vals, pa.string()).dictionary_encode())
        elif k == "lstr":
            arrays.append(pa.array(vals, pa.large_string()))
        elif k == "str":
            arrays.append(pa.array(vals, pa.string()))
        elif k == "i64":
            arrays.append(pa.array(vals, pa.int64()))
        elif k == "f64":
            arrays.append(pa.array(vals, pa.float64()))
        elif k == "ts":
            arrays.append(pa.array(vals, pa.timestamp("s")))
        elif k == "date":
            arrays.append(pa.array(vals, pa.date32()))
    pq.write_table(pa.table(arrays, names=cols), path, compression="snappy")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in ("READY", "truth.json"):
        (out / f).unlink(missing_ok=True)
    truth = {"corpus": "blind_pii9", "seed": a.seed, "tables": [], "tables_json_parquet": []}
    problems = 0
    for idx, fn in enumerate(TABLES, start=1):
        g0 = G(random.Random(a.seed * 1000 + idx))
        spec = fn(g0)
        # the spec closes over g0: rows are drawn from the same stream
        cols, rows, redraws = build_from(spec, g0)
        path = out / spec["file"]
        fmt = spec["format"]
        if fmt == "csv":
            write_csv(path, cols, rows, spec["encoding"])
        elif fmt == "xlsx":
            write_xlsx(path, cols, rows)
        elif fmt == "json":
            write_json(path, cols, rows)
        else:
            write_parquet(path, cols, rows, spec["arrow"])
        values = [[r, c, typ, sub, core] for r, row in enumerate(rows) for c, cell in enumerate(row)
                  for typ, sub, core in cell.labels]
        coltypes = [sorted({v[2] for v in values if v[1] == c}) for c in range(len(cols))]
        tb = {"file": spec["file"], "format": fmt, "encoding": spec["encoding"], "domain": spec["domain"],
              "rows": len(rows),
              "columns": [{"name": name, "label": name.replace("\n", " "), "types": coltypes[c],
                           "note": spec["notes"].get(name, "personal" if coltypes[c] else "not personal")}
                          for c, name in enumerate(cols)],
              "values": values}
        # read back through the evaluator's own reader
        h, back = e6.read_input(tb, path)
        if h != cols or len(back) != len(rows):
            print(f"{spec['file']}: header or row count differs on read-back", file=sys.stderr)
            problems += 1
        else:
            bad = sum(1 for r, row in enumerate(rows) for c, cell in enumerate(row) if back[r][c] != cell.text)
            if bad:
                ex = next((r, c) for r, row in enumerate(rows) for c, cell in enumerate(row) if back[r][c] != cell.text)
                print(f"{spec['file']}: {bad} cells read back otherwise than labelled (first at {ex})", file=sys.stderr)
                problems += 1
        for r, c, typ, sub, core in values:
            if typ == "cn_resident_id" and not (id_valid(core) or (len(core) == 15 and core.isdigit())):
                problems += 1
            if typ == "bank_card" and not (luhn_ok(core) and 16 <= len(core) <= 19):
                problems += 1
            if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core):
                problems += 1
            if typ in ("cn_resident_id", "bank_card", "cn_passport", "cn_license_plate") and canon(sub) != core:
                problems += 1
                print(f"{spec['file']}: core not canonical at row {r} col {c} ({typ})", file=sys.stderr)
        key = "tables" if fmt in ("csv", "xlsx") else "tables_json_parquet"
        truth[key].append(tb)
        print(f"{spec['file']:38} {fmt:8} rows {len(rows):5} values {len(values):6} redraws {redraws}")
    if problems:
        print(f"{problems} problems: truth.json not written", file=sys.stderr)
        return 1
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    (out / "READY").write_text("")
    n = sum(len(t["values"]) for t in truth["tables"] + truth["tables_json_parquet"])
    rws = sum(t["rows"] for t in truth["tables"] + truth["tables_json_parquet"])
    print(f"{out}: 15 tables, {rws} rows, {n} personal values")
    return 0


def build_from(spec, g):
    fn, n = spec["rows"]
    rows, cols = [], spec["columns"]
    redraws = 0
    for i in range(n):
        for attempt in range(50):
            out = fn(i)
            if cols is None or spec["columns"] is None:
                out, keys = out
                if cols is None:
                    cols = keys
                if keys != cols:
                    raise SystemExit(f"{spec['file']}: keys differ")
            for c in out:
                fix_text(c, spec["format"])
            if row_ok(out):
                break
            redraws += 1
        else:
            raise SystemExit(f"{spec['file']}: row {i} could not be drawn")
        rows.append(out)
    return cols, rows, redraws


if __name__ == "__main__":
    sys.exit(main())
