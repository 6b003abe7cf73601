#!/usr/bin/env python3
"""Blind corpus #6 for opendata's personal-information detectors: a deterministic generator.

    python benchmarks/blind_pii6/corpus.py --out DIR --seed N

Writes 15 bare tables (CSV UTF-8 / UTF-8-BOM / GBK / GB18030, XLSX, JSON, Parquet) and truth.json in the format of
benchmarks/blind_pii2 (see README.md).  CSV and XLSX tables are listed under truth.json's `tables` (what
benchmarks/blind_pii2/evaluate.py reads, unchanged); JSON and Parquet tables under `tables_json_parquet` (the same
per-table format; evaluate.py's read_input cannot read them, see evaluate6.py).  Every value is synthetic.
Standard library plus pyarrow and openpyxl (both in the project's .venv).
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

# ====================================================================== check digits
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_W)) % 11]


def valid_date(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def is_valid_id18(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    prov = int(s[:2])
    if not (11 <= prov <= 83 or s[0] == "9"):  # 81/82/83: HK/Macau/Taiwan residence permits
        return False
    if not valid_date(int(s[6:10]), int(s[10:12]), int(s[12:14])) or not (1900 <= int(s[6:10]) <= 2030):
        return False
    return id_check(s[:17]) == s[17]


def is_valid_id15(s: str) -> bool:
    if not re.fullmatch(r"\d{15}", s):
        return False
    if not 11 <= int(s[:2]) <= 82:
        return False
    return valid_date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))


def luhn_ok(s: str) -> bool:
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def org_code(rng) -> str:
    body = "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
    return body + ("X" if c == 10 else "0" if c == 11 else str(c))


def uscc(rng, div="330802") -> str:
    body = rng.choice(["91", "92", "93", "12", "52"]) + div + org_code(rng)
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W))
    c = 31 - s % 31
    return body + USCC_CHARS[0 if c == 31 else c]


def hkid(rng) -> str:
    """Hong Kong identity card: letter + 6 digits + (check)."""
    letter = rng.choice("ACDEGHKMPRVYZ")
    digs = "".join(rng.choice("0123456789") for _ in range(6))
    vals = [36, ord(letter) - 55] + [int(d) for d in digs]
    s = sum(v * w for v, w in zip(vals, [9, 8, 7, 6, 5, 4, 3, 2]))
    c = (11 - s % 11) % 11
    ch = "A" if c == 10 else str(c)
    return f"{letter}{digs}({ch})"


TW_LETTER = {"A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "J": 18, "K": 19, "L": 20,
             "M": 21, "N": 22, "P": 23, "Q": 24, "R": 25, "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30,
             "Y": 31, "Z": 33, "I": 34, "O": 35}


def twid(rng, sex=None) -> str:
    """Taiwan national ID: letter + 1/2 + 7 digits + check (sum ≡ 0 mod 10)."""
    letter = rng.choice("ABCDEFHJKLMNPQRTUVWXYZ")
    body = str(sex or rng.choice("12")) + "".join(rng.choice("0123456789") for _ in range(7))
    n = TW_LETTER[letter]
    s = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(body, [8, 7, 6, 5, 4, 3, 2, 1]))
    return f"{letter}{body}{(10 - s % 10) % 10}"


def macau_id(rng) -> str:
    return f"{rng.choice('157')}{''.join(rng.choice('0123456789') for _ in range(6))}({rng.randint(0, 9)})"


def mrz_check(s: str) -> str:
    tot = 0
    for i, ch in enumerate(s):
        v = int(ch) if ch.isdigit() else (0 if ch == "<" else ord(ch) - 55)
        tot += v * (7, 3, 1)[i % 3]
    return str(tot % 10)


# ====================================================================== pools
DIVS = [  # real county-level division codes: (code, province, city, district)
    ("110105", "北京市", "", "朝阳区"), ("110108", "北京市", "", "海淀区"), ("120104", "天津市", "", "南开区"),
    ("130102", "河北省", "石家庄市", "长安区"), ("140105", "山西省", "太原市", "小店区"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区"), ("210102", "辽宁省", "沈阳市", "和平区"),
    ("220102", "吉林省", "长春市", "南关区"), ("230102", "黑龙江省", "哈尔滨市", "道里区"),
    ("310101", "上海市", "", "黄浦区"), ("310115", "上海市", "", "浦东新区"), ("320102", "江苏省", "南京市", "玄武区"),
    ("330102", "浙江省", "杭州市", "上城区"), ("330106", "浙江省", "杭州市", "西湖区"),
    ("330802", "浙江省", "衢州市", "柯城区"), ("330803", "浙江省", "衢州市", "衢江区"),
    ("330822", "浙江省", "衢州市", "常山县"), ("330824", "浙江省", "衢州市", "开化县"),
    ("330825", "浙江省", "衢州市", "龙游县"), ("330881", "浙江省", "衢州市", "江山市"),
    ("340102", "安徽省", "合肥市", "瑶海区"), ("350102", "福建省", "福州市", "鼓楼区"),
    ("360102", "江西省", "南昌市", "东湖区"), ("361102", "江西省", "上饶市", "信州区"),
    ("370102", "山东省", "济南市", "历下区"), ("410102", "河南省", "郑州市", "中原区"),
    ("420102", "湖北省", "武汉市", "江岸区"), ("430102", "湖南省", "长沙市", "芙蓉区"),
    ("440103", "广东省", "广州市", "荔湾区"), ("440305", "广东省", "深圳市", "南山区"),
    ("450102", "广西壮族自治区", "南宁市", "兴宁区"), ("460105", "海南省", "海口市", "秀英区"),
    ("500103", "重庆市", "", "渝中区"), ("510104", "四川省", "成都市", "锦江区"),
    ("520102", "贵州省", "贵阳市", "南明区"), ("530102", "云南省", "昆明市", "五华区"),
    ("540102", "西藏自治区", "拉萨市", "城关区"), ("610102", "陕西省", "西安市", "新城区"),
    ("620102", "甘肃省", "兰州市", "城关区"), ("630102", "青海省", "西宁市", "城东区"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区"), ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"),
]
QZ_DIVS = [d for d in DIVS if d[2] == "衢州市"]
QZ_STREETS = {"柯城区": ["府山街道", "荷花街道", "信安街道", "白云街道", "双港街道", "花园街道"],
              "衢江区": ["樟潭街道", "浮石街道", "廿里镇", "莲花镇", "高家镇"],
              "常山县": ["天马街道", "紫港街道", "球川镇", "辉埠镇"],
              "开化县": ["华埠镇", "芹阳办事处", "池淮镇", "马金镇"],
              "龙游县": ["龙洲街道", "东华街道", "湖镇镇", "溪口镇"],
              "江山市": ["虎山街道", "双塔街道", "贺村镇", "清湖街道"]}
ROADS = ["荷花中路", "新桥街", "县学街", "衢化路", "白云中大道", "西安路", "花园东大道", "三衢路", "兴华路", "振兴路",
         "通荷路", "劳动路", "鹿鸣路", "江滨路", "文昌路", "人民路", "解放路", "中山路", "建设路", "和平路"]
ESTATES = ["书香门第", "荷花苑", "锦绣江南", "白云山庄", "江南名府", "阳光花园", "新湖景城", "紫荆花园", "丽景苑",
           "桂花城", "东方明珠苑", "清华园", "金色家园", "滨江一号", "翠竹苑", "盛世华庭"]
VILLAGES = ["樟树潭村", "石梁村", "上余村", "华锋村", "金星村", "龙山村", "下张村", "双溪村", "姜家山村", "塘坞村"]
ZIRAN = ["后垄", "上坞", "大坪", "新屋", "坑口", "塘边"]

COMMON_SUR = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余叶程汪祝毛姜方郑")
RARE_SUR = list("仝邴厍佴禤隋芈逄昝酆琚荀")
COMPOUND_SUR = ["太叔", "公羊", "宰父", "夹谷", "壤驷", "东门"]
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂建国华文辉玲宇浩梓轩欣怡晨俊佳雨思嘉志春红海峰慧婷颖鹏子诗泽睿博琳瑶晓宁凯")
PY_SUR = {"王": "Wáng", "李": "Lǐ", "张": "Zhāng", "刘": "Liú", "陈": "Chén", "杨": "Yáng", "黄": "Huáng",
          "赵": "Zhào", "吴": "Wú", "周": "Zhōu", "徐": "Xú", "孙": "Sūn", "马": "Mǎ", "朱": "Zhū", "胡": "Hú",
          "郭": "Guō", "何": "Hé", "林": "Lín", "罗": "Luó", "郑": "Zhèng", "梁": "Liáng", "谢": "Xiè", "宋": "Sòng",
          "唐": "Táng", "许": "Xǔ", "韩": "Hán", "冯": "Féng", "邓": "Dèng", "曹": "Cáo", "彭": "Péng", "曾": "Zēng",
          "肖": "Xiāo", "田": "Tián", "董": "Dǒng", "潘": "Pān", "袁": "Yuán", "蔡": "Cài", "蒋": "Jiǎng",
          "余": "Yú", "叶": "Yè", "程": "Chéng", "汪": "Wāng", "祝": "Zhù", "毛": "Máo", "姜": "Jiāng", "方": "Fāng",
          "仝": "Tóng", "邴": "Bǐng", "隋": "Suí", "荀": "Xún", "逄": "Páng", "昝": "Zǎn",
          "太叔": "Tàishū", "公羊": "Gōngyáng", "东门": "Dōngmén"}
PY_GIVEN = {"伟": "wěi", "芳": "fāng", "娜": "nà", "秀": "xiù", "英": "yīng", "敏": "mǐn", "静": "jìng", "丽": "lì",
            "强": "qiáng", "磊": "lěi", "军": "jūn", "洋": "yáng", "勇": "yǒng", "艳": "yàn", "杰": "jié",
            "娟": "juān", "涛": "tāo", "明": "míng", "超": "chāo", "霞": "xiá", "平": "píng", "刚": "gāng",
            "桂": "guì", "建": "jiàn", "国": "guó", "华": "huá", "文": "wén", "辉": "huī", "玲": "líng", "宇": "yǔ",
            "浩": "hào", "梓": "zǐ", "轩": "xuān", "欣": "xīn", "怡": "yí", "晨": "chén", "俊": "jùn", "佳": "jiā",
            "雨": "yǔ", "思": "sī", "嘉": "jiā", "志": "zhì", "春": "chūn", "红": "hóng", "海": "hǎi", "峰": "fēng",
            "慧": "huì", "婷": "tíng", "颖": "yǐng", "鹏": "péng", "子": "zǐ", "诗": "shī", "泽": "zé", "睿": "ruì",
            "博": "bó", "琳": "lín", "瑶": "yáo", "晓": "xiǎo", "宁": "níng", "凯": "kǎi"}
# Hong Kong (Cantonese romanisation) and Taiwan (Wade-Giles) names, traditional characters
HK_SUR = [("陳", "CHAN"), ("李", "LEE"), ("張", "CHEUNG"), ("黃", "WONG"), ("何", "HO"), ("梁", "LEUNG"),
          ("林", "LAM"), ("劉", "LAU"), ("吳", "NG"), ("鄭", "CHENG"), ("麥", "MAK"), ("區", "AU")]
HK_GIVEN = [("家豪", "Ka Ho"), ("嘉欣", "Ka Yan"), ("志明", "Chi Ming"), ("詠詩", "Wing Sze"), ("俊傑", "Chun Kit"),
            ("美玲", "Mei Ling"), ("偉文", "Wai Man"), ("曉彤", "Hiu Tung"), ("子軒", "Tsz Hin"), ("凱琳", "Hoi Lam"),
            ("國強", "Kwok Keung"), ("麗華", "Lai Wah")]
TW_SUR = [("陳", "CHEN"), ("林", "LIN"), ("黃", "HUANG"), ("張", "CHANG"), ("李", "LEE"), ("王", "WANG"),
          ("吳", "WU"), ("劉", "LIU"), ("蔡", "TSAI"), ("楊", "YANG"), ("許", "HSU"), ("鄭", "CHENG"),
          ("謝", "HSIEH"), ("郭", "KUO")]
TW_GIVEN = [("志豪", "CHIH-HAO"), ("雅婷", "YA-TING"), ("淑芬", "SHU-FEN"), ("家宏", "CHIA-HUNG"),
            ("美玲", "MEI-LING"), ("文雄", "WEN-HSIUNG"), ("怡君", "YI-CHUN"), ("欣怡", "HSIN-YI"),
            ("俊宏", "CHUN-HUNG"), ("佩珊", "PEI-SHAN"), ("冠宇", "KUAN-YU"), ("承恩", "CHENG-EN"),
            ("柏翰", "PO-HAN"), ("詩涵", "SHIH-HAN")]
TRAD = str.maketrans("陈刘张黄吴赵杨郑许叶苏冯伟华丽国荣强军红兰凤龙东杰静颖丰宝晓凯鹏轩诗涛娟艳辉俊峰慧婷琳瑶宁义",
                     "陳劉張黃吳趙楊鄭許葉蘇馮偉華麗國榮強軍紅蘭鳳龍東傑靜穎豐寶曉凱鵬軒詩濤娟豔輝俊峰慧婷琳瑤寧義")
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                 "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180", "181",
                 "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
AREA = ["0570", "0570", "0570", "0571", "010", "021", "020", "0755", "028", "027", "0591", "0931", "0991"]
BINS = ["622202", "621226", "622848", "621700", "622588", "622262", "621661", "623058", "621799", "622908"]
BANKS = ["工商银行", "农业银行", "建设银行", "中国银行", "邮储银行", "衢州农商银行"]
COMPANY_CORE = ["王记食品", "李氏建材", "张家港物流", "新安江电器", "衢州恒通机械", "江山鸿达纺织", "龙游宏宇竹木",
                "开化源泉茶业", "常山胡柚农业", "衢化新材料", "刘师傅家政", "陈氏五金", "浙西建工", "三衢数码科技"]
COMPANY_SUFFIX = ["有限公司", "有限责任公司", "股份有限公司", "经营部", "合伙企业（有限合伙）"]
ISP_FIRST = [36, 39, 42, 58, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 119, 120, 121, 122, 123,
             124, 125, 171, 175, 180, 182, 183, 202, 218, 219, 220, 221, 222, 223]


class G:
    """All random draws of one corpus."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)

    # ------------------------------------------------------------ people
    def surname(self, rare=0.08, compound=0.04):
        x = self.r.random()
        if x < compound:
            return self.r.choice(COMPOUND_SUR)
        if x < compound + rare:
            return self.r.choice(RARE_SUR)
        return self.r.choice(COMMON_SUR)

    def given(self, n=None):
        n = n or self.r.choice([1, 2, 2, 2])
        return "".join(self.r.choice(GIVEN) for _ in range(n))

    def name(self, **kw):
        return self.surname(**kw) + self.given()

    def name_parts(self):
        s = self.surname()
        return s, self.given()

    def py_name(self, style):
        """A name from the pinyin-mapped pools, romanised: UPPER (ZHANG San), slash (ZHANG/SANFENG), tone marks."""
        s = self.r.choice([k for k in PY_SUR])
        g = [self.r.choice(list(PY_GIVEN)) for _ in range(self.r.choice([1, 2, 2]))]
        sp = PY_SUR[s]
        gp = "".join(PY_GIVEN[c] for c in g)
        plain = lambda t: "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch))
        if style == "upper_first":
            out = f"{plain(sp).upper()} {plain(gp).capitalize()}"
        elif style == "slash":
            out = f"{plain(sp).upper()}/{plain(gp).upper()}"
        elif style == "comma":
            out = f"{plain(sp).upper()}, {plain(gp).upper()}"
        elif style == "tone":
            out = f"{sp} {gp.capitalize()}"
        elif style == "mrz":
            out = f"{plain(sp).upper()}<<{plain(gp).upper()}"
        else:
            out = f"{plain(sp).upper()} {plain(gp).upper()}"
        return s + "".join(g), out

    def trad_name(self):
        return self.name(rare=0, compound=0).translate(TRAD)

    # ------------------------------------------------------------ identifiers
    def birth(self, y0=1940, y1=2004):
        start = dt.date(y0, 1, 1).toordinal()
        end = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(self.r.randint(start, end))

    def div(self, local=0.6):
        return self.r.choice(QZ_DIVS) if self.r.random() < local else self.r.choice(DIVS)

    def rid(self, birth=None, div=None, sex=None):
        d = div or self.div()
        b = birth or self.birth()
        seq = self.r.randint(0, 499) * 2 + (1 if sex == "男" else 0 if sex == "女" else self.r.randint(0, 1))
        body = f"{d[0]}{b:%Y%m%d}{seq:03d}"
        return body + id_check(body)

    def mobile(self):
        return self.r.choice(MOBILE_PREFIX) + "".join(self.r.choice("0123456789") for _ in range(8))

    def landline(self, area=None):
        a = area or self.r.choice(AREA)
        n = 7 if a == "0570" else 8
        num = str(self.r.randint(2, 8)) + "".join(self.r.choice("0123456789") for _ in range(n - 1))
        return a, num

    def card(self):
        b = self.r.choice(BINS)
        L = self.r.choice([16, 19, 19])
        body = b + "".join(self.r.choice("0123456789") for _ in range(L - len(b) - 1))
        return luhn_complete(body)

    def passport(self):
        if self.r.random() < 0.6:
            return "E" + "".join(self.r.choice("0123456789") for _ in range(8))
        return "E" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(self.r.choice("0123456789") for _ in range(7))

    def hk_permit(self):  # 往来港澳通行证 C + 8
        return "C" + self.r.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(
            self.r.choice("0123456789") for _ in range(7))

    def tw_permit(self):  # 往来台湾通行证 L + 8
        return "L" + "".join(self.r.choice("0123456789") for _ in range(8))

    def home_return(self, hk=True):  # 港澳居民来往内地通行证 H/M + 8
        return ("H" if hk else "M") + "".join(self.r.choice("0123456789") for _ in range(8))

    def mtp(self):  # 台湾居民来往大陆通行证 (台胞证), 8 digits
        return "".join(self.r.choice("0123456789") for _ in range(8))

    def email(self, base=None):
        base = base or "".join(self.r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(self.r.randint(4, 8)))
        dom = self.r.choice(["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "outlook.com", "139.com"])
        tail = str(self.r.randint(1, 9999)) if self.r.random() < 0.5 else ""
        return f"{base}{tail}@{dom}"

    def qq(self):
        return str(self.r.randint(1, 9)) + "".join(self.r.choice("0123456789") for _ in range(self.r.randint(6, 9)))

    def wechat(self):
        x = self.r.random()
        if x < 0.4:
            return "wxid_" + "".join(self.r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
        base = "".join(self.r.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(self.r.randint(3, 8)))
        return base + self.r.choice(["_", "", "-"]) + str(self.r.randint(1970, 2005))

    def ip(self):
        return f"{self.r.choice(ISP_FIRST)}.{self.r.randint(1, 254)}.{self.r.randint(0, 255)}.{self.r.randint(1, 254)}"

    def company(self):
        d = self.r.choice(QZ_DIVS)
        return f"{d[2]}{self.r.choice(COMPANY_CORE)}{self.r.choice(COMPANY_SUFFIX)}"

    def plate(self, nev=False):
        letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
        p = "浙" + self.r.choice("ABCDEFGHJH")
        if nev:
            return p + self.r.choice("DF") + "".join(self.r.choice("0123456789") for _ in range(5))
        tail = [self.r.choice("0123456789" + letters) if i < 2 else self.r.choice("0123456789") for i in range(5)]
        return p + "".join(tail)

    # ------------------------------------------------------------ addresses
    def qz_addr(self, form=None, full=True):
        d = self.r.choice(QZ_DIVS)
        st = self.r.choice(QZ_STREETS[d[3]])
        pre = (f"浙江省衢州市{d[3]}" if self.r.random() < 0.3 else f"{d[3]}") if full else ""
        form = form or self.r.choice(["room", "hash", "dash", "zuo", "village", "ziran", "dong"])
        e, b, u = self.r.choice(ESTATES), self.r.randint(1, 32), self.r.randint(1, 4)
        r = f"{self.r.randint(1, 28)}{self.r.randint(1, 4):02d}"
        road, n = self.r.choice(ROADS), self.r.randint(1, 388)
        if form == "room":
            return f"{pre}{st}{road}{n}号{e}{b}幢{u}单元{r}室"
        if form == "hash":
            return f"{pre}{st}{e}{b}#{r}"
        if form == "dash":
            return f"{pre}{e}{b}幢-{u}-{r}"
        if form == "zuo":
            return f"{pre}{road}{n}号{self.r.choice('ABCD')}座{r}"
        if form == "dong":
            return f"{pre}{e}{b}栋{r}房"
        if form == "ziran":
            return f"{pre}{st}{self.r.choice(VILLAGES)}{self.r.choice(ZIRAN)}自然村{self.r.randint(1, 99)}号"
        return f"{pre}{st}{self.r.choice(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 99)}号"

    def far_addr(self):
        d = self.r.choice(DIVS)
        return (f"{d[1]}{d[2]}{d[3]}{self.r.choice(ROADS)}{self.r.randint(1, 999)}号"
                f"{self.r.randint(1, 30)}栋{self.r.randint(1, 6)}单元{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}")

    def addr(self, local=0.7):
        return self.qz_addr() if self.r.random() < local else self.far_addr()

    def digits(self, n, first="123456789"):
        return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

    def date_between(self, y0, y1):
        return dt.date.fromordinal(self.r.randint(dt.date(y0, 1, 1).toordinal(), dt.date(y1, 12, 31).toordinal()))


# ====================================================================== cells with labels
class V:
    """A labelled span inside a cell: type, text, core."""
    __slots__ = ("t", "s", "core")

    def __init__(self, t, s, core=None):
        self.t, self.s, self.core = t, s, core


IDENT_CORE = {"cn_resident_id", "cn_mobile", "cn_landline", "bank_card", "cn_passport", "hk_macau_permit",
              "qq_number", "cn_license_plate"}


def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def cell(*parts):
    """parts: str or V → (text, [V...])"""
    txt, vals = [], []
    for p in parts:
        if p is None:
            continue
        if isinstance(p, V):
            txt.append(p.s)
            vals.append(p)
        elif isinstance(p, tuple):  # a nested cell
            txt.append(p[0])
            vals.extend(p[1])
        else:
            txt.append(str(p))
    return "".join(txt), vals


def vid(s, core=...):
    return V("cn_resident_id", s, re.sub(r"[^0-9X]", "", nfkc(s).upper()) if core is ... else core)


def vmob(s, core):
    return V("cn_mobile", s, core)


def vname(s):
    return V("person_name", s)


def vaddr(s):
    return V("address", s)


def vbirth(s):
    return V("birth_date", s)


def vland(s, core):
    return V("cn_landline", s, core)


def vcard(s, core):
    return V("bank_card", s, core)


def mob_form(g: G, m: str, forms):
    f = g.r.choice(forms)
    if f == "dash":
        return f"{m[:3]}-{m[3:7]}-{m[7:]}"
    if f == "space":
        return f"{m[:3]} {m[3:7]} {m[7:]}"
    if f == "plus":
        return f"+86 {m[:3]}-{m[3:7]}-{m[7:]}"
    if f == "paren":
        return f"(+86){m}"
    return m


def land_form(g: G, a, n, forms):
    f = g.r.choice(forms)
    if f == "paren_space":
        return f"({a}){n[:len(n) - 4]} {n[-4:]}"
    if f == "space":
        return f"{a} {n[:len(n) - 4]} {n[-4:]}"
    if f == "fw_paren":
        return f"（{a}）{n}"
    return f"{a}-{n}"


def date_form(d: dt.date, f):
    if f == "iso":
        return d.isoformat()
    if f == "cn":
        return f"{d.year}年{d.month}月{d.day}日"
    if f == "slash":
        return f"{d.year}/{d.month}/{d.day}"
    if f == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if f == "dmy":
        return f"{d:%d/%m/%Y}"
    if f == "roc":
        return f"民國{d.year - 1911}年{d.month}月{d.day}日"
    if f == "roc_slash":
        return f"{d.year - 1911:03d}/{d:%m/%d}"
    if f == "mrz":
        return f"{d:%y%m%d}"
    if f == "ddmony":
        return f"{d.day:02d}{d:%b}".upper() + f"{d.year}"
    if f == "compact":
        return f"{d:%Y%m%d}"
    if f == "pdfloat":
        return f"{d:%Y%m%d}.0"
    raise ValueError(f)


def T(text, vals=(), raw=None):
    """A typed cell: the native value written to XLSX/Parquet, its text as the evaluator reads it, its labels."""
    return (text, list(vals), raw)


def org_land(g: G):
    a, n = g.landline("0570")
    return f"{a}-{n}"


def redraw(g: G, make, ok):
    for _ in range(1000):
        v = make()
        if ok(v):
            return v
    raise AssertionError("could not draw a clean decoy")


# ====================================================================== tables
def t01_jiaozheng(g: G, n=1400):
    """社区矫正对象名册 (GBK): surname and given name in two columns; the ID split into its first 6 and last 12."""
    cols = [("序号", ""), ("矫正编号", "case number"), ("姓", "surname alone: not PI"),
            ("名", "given name alone: PI (with the surname beside it, it names the person)"), ("性别", ""),
            ("身份证前六位", "division code: not PI"),
            ("身份证后十二位", "birth date + sequence + check: PI (core null, exact substring)"),
            ("矫正类别", ""), ("矫正期起", "non-birth date"), ("矫正期止", "non-birth date"),
            ("居住地址", "home: estate forms with #, 幢-单元-室, 栋…房, village 组/自然村"),
            ("联系电话", "mobile 138-1234-5678 / 138 1234 5678 / plain"),
            ("家属联系方式", "relation + name + mobile, or 李女士（母亲） + mobile (李女士 not PI)"),
            ("司法所", "organisation"), ("司法所电话", "organisation landline")]
    rows = []
    kinds = ["管制", "缓刑", "缓刑", "缓刑", "假释", "暂予监外执行"]
    for i in range(n):
        sex = g.r.choice("男女")
        sur, giv = g.name_parts()
        d = g.div(0.8)
        idv = g.rid(div=d, sex=sex, birth=g.birth(1950, 2002))
        start = g.date_between(2021, 2024)
        end = start + dt.timedelta(days=g.r.choice([180, 365, 540, 730, 1095]))
        m = g.mobile()
        if g.r.random() < 0.5:
            rel = g.r.choice(["父亲", "母亲", "配偶", "儿子", "女儿", "哥哥"])
            m2 = g.mobile()
            fam = cell(f"{rel} ", vname(g.name()), " ", vmob(mob_form(g, m2, ["dash", "plain", "space"]), m2))
        else:
            rel = g.r.choice(["母亲", "妻子", "姐姐", "女儿"])
            m2 = g.mobile()
            fam = cell(f"{g.surname(0, 0)}女士（{rel}）", vmob(mob_form(g, m2, ["dash", "plain"]), m2))
        sfs = g.r.choice(["柯城区荷花司法所", "柯城区府山司法所", "衢江区樟潭司法所", "江山市虎山司法所", "龙游县龙洲司法所"])
        rows.append([cell(str(i + 1)), cell(f"JZ{d[0]}-{start.year}-{i + 1:04d}"), cell(sur), cell(vname(giv)), cell(sex),
                     cell(idv[:6]), cell(vid(idv[6:], None)), cell(g.r.choice(kinds)), cell(start.isoformat()),
                     cell(end.isoformat()), cell(vaddr(g.qz_addr(form=g.r.choice(["hash", "dash", "dong", "room", "village", "ziran"])))),
                     cell(vmob(mob_form(g, m, ["dash", "dash", "dash", "space", "plain"]), m)), fam, cell(sfs),
                     cell(org_land(g))])
    return dict(file="01_shequ_jiaozheng_mingce.csv", format="csv", encoding="gbk", domain="社区矫正对象名册",
                note="split name (姓/名) and split ID (前六位/后十二位); dash-grouped mobiles; 李女士 beside a real phone",
                cols=cols, rows=rows)


def t02_gongzheng(g: G, n=1300):
    """公证办件登记 (XLSX): several applicants per cell; IDs as Excel numbers; real date cells."""
    cols = [("公证书编号", ""), ("公证事项", ""),
            ("申请人", "one to three names joined by 和 / 、 / ；"),
            ("申请人证件号码", "text IDs; Excel NUMBER cells holding 15 significant digits + 000 (PI, core null); "
                          "text '3.30802E+17' (6 significant digits = a county code: not PI)"),
            ("出生日期", "Excel date cells (read back as 'YYYY-MM-DD 00:00:00')"),
            ("联系电话", "mobiles as Excel NUMBER cells; home landlines as text"),
            ("被继承人", "deceased: PI (as #4)"), ("被继承人死亡日期", "non-birth date (Excel date cell)"),
            ("承办公证员", "recurring notaries: PI (a natural person in a role, as #3-#5)"),
            ("受理日期", "non-birth Excel date cell"), ("收费金额", "number")]
    matters = ["继承权公证", "委托公证", "声明书公证", "亲属关系公证", "出生公证", "无犯罪记录公证", "学历公证", "赠与合同公证"]
    notaries = [g.name() for _ in range(12)]
    rows = []
    for i in range(n):
        k = g.r.choice([1, 1, 1, 2, 2, 3])
        sep = g.r.choice(["和", "、", "；"]) if k > 1 else ""
        names, ids = [], []
        for j in range(k):
            names.append(vname(g.name()))
        parts = []
        for j, v in enumerate(names):
            if j:
                parts.append(sep)
            parts.append(v)
        ncell = cell(*parts)
        b = g.birth(1945, 2000)
        idv = g.rid(birth=b)
        x = g.r.random()
        if k == 1 and x < 0.25 and idv[-1] != "X":
            trunc = idv[:15] + "000"  # what Excel keeps of an 18-digit number: 15 significant digits
            shown = str(float(int(trunc)))  # how openpyxl (and the evaluator) reads the number cell back
            idc = T(shown, [vid(shown, trunc)], int(trunc))
        elif k == 1 and x < 0.40:
            mant = f"{int(idv[:6]) / 100000:.5f}"
            idc = T(f"{mant}E+17", [], None)
        else:
            idparts = [vid(idv)]
            for j in range(1, k):
                idparts += [sep, vid(g.rid())]
            t, vv = cell(*idparts)
            idc = T(t, vv, None)
        bd = dt.datetime(b.year, b.month, b.day)
        birth = T(str(bd), [vbirth(str(bd))], bd)
        if g.r.random() < 0.7:
            m = g.mobile()
            tel = T(m, [vmob(m, m)], int(m))
        else:
            a, num = g.landline("0570")
            s = f"{a}-{num}"
            tel = T(s, [vland(s, a + num)], None)
        if matters[0] == (mt := g.r.choice(matters)):
            dec = cell(vname(g.name()))
            dd = g.date_between(2015, 2024)
            ddt = dt.datetime(dd.year, dd.month, dd.day)
            death = T(str(ddt), [], ddt)
        else:
            dec, death = cell(""), T("", [], None)
        acc = g.date_between(2023, 2025)
        adt = dt.datetime(acc.year, acc.month, acc.day)
        fee = g.r.choice([200, 300, 400, 600, 800, 1200])
        rows.append([cell(f"（{acc.year}）浙衢{g.r.choice(['柯', '江', '龙', '常', '开'])}证字第{g.r.randint(100, 9999)}号"),
                     cell(mt), T(*ncell), idc, birth, tel, T(*dec), death, T(*cell(vname(g.r.choice(notaries)))),
                     T(str(adt), [], adt), T(str(fee), [], fee)])
    return dict(file="02_gongzheng_banjian.xlsx", format="xlsx", encoding=None, domain="公证办件登记",
                note="XLSX with native number and date cells: IDs typed as numbers lose their last 3 digits; "
                     "mobiles as numbers; several applicants per cell", cols=cols, rows=rows)


def t03_zhongcai(g: G, n=1200):
    """劳动人事争议仲裁案件摘要 (UTF-8): long free text with several personal types per sentence."""
    cols = [("案号", ""), ("立案日期", "non-birth date"), ("案由", ""),
            ("案情摘要", "free text: applicant's name, birth date, ID, home, phone in one parenthesis; legal "
                     "representative, agent lawyer, witness, spouse; bank card; company/USCC/office decoys; "
                     "X先生/X女士 not PI; entry/dismissal dates not birth dates"),
            ("被申请人", "companies"), ("被申请人统一社会信用代码", ""), ("仲裁员", "recurring staff: PI"),
            ("书记员", "recurring staff: PI"), ("结案方式", ""), ("裁决或调解金额（元）", "")]
    arbs = [g.name() for _ in range(10)]
    clerks = [g.name() for _ in range(8)]
    causes = ["追索劳动报酬争议", "经济补偿金争议", "确认劳动关系争议", "工伤保险待遇争议", "违法解除劳动合同赔偿金争议"]
    jobs = ["普工", "仓管员", "销售员", "厨师", "驾驶员", "会计", "电焊工", "保洁员"]
    firms = ["浙江衢信律师事务所", "浙江三衢律师事务所", "浙江江山正和律师事务所", "龙游县法律援助中心"]
    rows = []
    for i in range(n):
        comp = g.company()
        cu = uscc(g.r)
        sex = g.r.choice("男女")
        b = g.birth(1960, 2003)
        idv = g.rid(birth=b, sex=sex)
        m = g.mobile()
        parts = ["申请人", vname(g.name()), f"（{sex}，", vbirth(date_form(b, g.r.choice(["cn", "dot", "cn"]))), "出生，"]
        if g.r.random() < 0.8:
            parts += [g.r.choice(["公民身份号码", "身份证号", "身份证号码："]), vid(idv), "，"]
        parts += ["住", vaddr(g.addr(0.8)), "，", g.r.choice(["联系电话", "电话", "手机"]),
                  vmob(mob_form(g, m, ["dash", "plain", "space", "plus"]), m), "）与被申请人", comp,
                  "劳动争议一案。"]
        entry = g.date_between(2015, 2023)
        parts += ["申请人于", date_form(entry, "cn"), f"入职被申请人处，任{g.r.choice(jobs)}，月工资{g.r.randint(30, 120) * 100}元。"]
        if g.r.random() < 0.6:
            leave = min(entry + dt.timedelta(days=g.r.randint(200, 1500)), dt.date(2024, 11, 30))
            parts += [date_form(leave, "cn"), "，被申请人法定代表人", vname(g.name()), "以",
                      g.r.choice(["经营困难", "严重违纪", "岗位调整"]), "为由口头通知其离职。"]
        if g.r.random() < 0.5:
            parts += ["申请人委托代理人", vname(g.name()), f"（{g.r.choice(firms)}律师，执业证号",
                      "1330" + g.digits(13, "0123456789"), "）参加庭审。"]
        if g.r.random() < 0.4:
            m2 = g.mobile()
            parts += ["庭审中，证人", vname(g.name()), "（申请人同事，电话", vmob(mob_form(g, m2, ["dash", "plain"]), m2),
                      "）出庭作证。"]
        if g.r.random() < 0.4:
            parts += ["被申请人", comp, "（统一社会信用代码", cu, "，住所地", f"衢州市{g.r.choice(ROADS)}{g.r.randint(1, 300)}号",
                      "，电话", org_land(g), "）经合法传唤未到庭。"]
        if g.r.random() < 0.5:
            c = g.card()
            shown = " ".join(c[k:k + 4] for k in range(0, len(c), 4)) if g.r.random() < 0.4 else c
            parts += [f"经调解，被申请人同意支付{g.r.randint(5, 90) * 1000}元，转入申请人{g.r.choice(BANKS)}账户",
                      vcard(shown, c), "。"]
        if g.r.random() < 0.3:
            parts += ["申请人配偶", vname(g.name()), "代为签收法律文书。"]
        if g.r.random() < 0.3:
            parts += [f"经办人已与{g.surname(0, 0)}{g.r.choice(['先生', '女士'])}电话核实。"]
        filed = g.date_between(2024, 2025)
        rows.append([cell(f"衢劳人仲案字〔{filed.year}〕第{g.r.randint(1, 999)}号"), cell(filed.isoformat()), cell(g.r.choice(causes)), cell(*parts),
                     cell(comp), cell(cu), cell(vname(g.r.choice(arbs))), cell(vname(g.r.choice(clerks))),
                     cell(g.r.choice(["调解", "裁决", "撤诉", "裁决"])), cell(str(g.r.randint(0, 90) * 1000))])
    return dict(file="03_laodong_zhongcai_anjian.csv", format="csv", encoding="utf-8", domain="劳动人事争议仲裁",
                note="long case summaries: several personal types per sentence", cols=cols, rows=rows,
                free_text={"案情摘要"})


def t04_nianbao(g: G, n=1000):
    """企业年报 股东及出资、联络员 (JSON, nested)."""
    cols = [("统一社会信用代码", ""), ("企业名称", ""), ("年报年度", ""),
            ("法定代表人", "PI (as #3's decision)"), ("企业联系电话", "organisation"),
            ("企业电子邮箱", "organisation mailbox"), ("住所", "registered office"),
            ("股东及出资信息", "nested array of objects: natural-person shareholders (name + ID: PI) and corporate "
                        "shareholders (company + USCC: not PI); 出资日期 not a birth date"),
            ("联络员", "nested object: name and mobile (PI), ID already masked first-6/last-4 (not PI)"),
            ("成立日期", "not PI"), ("从业人数", "")]
    rows = []
    for i in range(n):
        comp = g.company()
        cu = uscc(g.r)
        sh = []
        for _ in range(g.r.choice([1, 2, 2, 3, 4])):
            if g.r.random() < 0.75:
                nm, idv = g.name(), g.rid(birth=g.birth(1955, 1998))
                sh.append({"股东名称": V("person_name", nm), "股东类型": "自然人股东", "证照类型": "居民身份证",
                           "证照号码": vid(idv), "认缴出资额（万元）": g.r.choice([10, 20, 30, 50, 100, 200]),
                           "出资方式": "货币", "出资日期": g.date_between(2020, 2035).isoformat()})
            else:
                sh.append({"股东名称": g.company(), "股东类型": "企业法人", "证照类型": "营业执照",
                           "证照号码": uscc(g.r), "认缴出资额（万元）": g.r.choice([100, 300, 500]),
                           "出资方式": "货币", "出资日期": g.date_between(2020, 2035).isoformat()})
        lidv = g.rid()
        m = g.mobile()
        liaison = {"姓名": V("person_name", g.name()), "手机号码": vmob(m, m),
                   "证件号码": lidv[:6] + "********" + lidv[-4:], "职务": g.r.choice(["财务", "行政", "办公室主任"])}
        a, num = g.landline("0570")
        tel = f"{a}-{num}" if g.r.random() < 0.8 else "400" + g.digits(7, "0123456789")
        mail = f"{g.r.choice(['service', 'hr', 'office', 'info', 'admin'])}@{''.join(g.r.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(6))}.com.cn"
        rows.append([cu, comp, "2024", V("person_name", g.name()), tel, mail,
                     f"浙江省衢州市{g.r.choice(QZ_DIVS)[3]}{g.r.choice(ROADS)}{g.r.randint(1, 300)}号",
                     sh, liaison, g.date_between(1998, 2022).isoformat(), g.r.randint(3, 300)])
    return dict(file="04_qiye_nianbao_gudong.json", format="json", encoding="utf-8", domain="企业年报（股东及出资、联络员）",
                note="JSON array of records; two fields hold nested objects/arrays with people", cols=cols,
                rows=rows, nested=True)


def decoy_clean(s: str) -> bool:
    """No digit run (joined across single separators) that a personal-identifier check would accept."""
    return not scan_text(s)


def t05_qixiang(g: G, n=1300):
    """气象站逐时观测 (Parquet, decoy-only, typed columns)."""
    cols = [("区站号", ""), ("站名", "place names"), ("站址", "a station's address in a village: not PI"),
            ("经度", "float"), ("纬度", "float"), ("海拔高度", "float"), ("观测时间", "timestamp"),
            ("记录编号", "18 digits: division code + date + hour, check character invalid by construction"),
            ("气温", ""), ("相对湿度", ""), ("降水量", ""), ("风向", ""), ("风速", ""),
            ("设备序列号", ""), ("站点值班电话", "organisation landline"), ("数据质量码", "")]
    stations = []
    for k in range(40):
        d = g.r.choice(QZ_DIVS)
        st = g.r.choice(QZ_STREETS[d[3]])
        vil = g.r.choice(VILLAGES)
        stations.append((g.r.choice(["58633", "58631", "58641", "58544", "58636"]) if k < 5 else f"K{g.r.randint(1000, 9999)}",
                         f"{d[3][:2]}{st[:2]}{vil[:2]}", f"{d[3]}{st}{vil}{g.r.randint(1, 12)}组（自动站）",
                         round(118.2 + g.r.random() * 1.2, 4), round(28.3 + g.r.random() * 1.1, 4),
                         round(60 + g.r.random() * 900, 1), d[0], org_land(g)))
    rows = []
    t0 = dt.datetime(2024, 7, 1, 0, 0)
    for i in range(n):
        s = stations[i % 40]
        t = t0 + dt.timedelta(hours=i // 40)
        rec = redraw(g, lambda: f"{s[6]}{t:%Y%m%d%H}{g.r.randint(0, 99):02d}", lambda v: id_check(v[:17]) != v[17])
        temp = round(18 + g.r.random() * 18, 1)
        rows.append([T(s[0]), T(s[1]), T(s[2]), T(str(s[3]), [], s[3]), T(str(s[4]), [], s[4]), T(str(s[5]), [], s[5]),
                     T(str(t), [], t), T(rec), T(str(temp), [], temp),
                     T(str(h := g.r.randint(40, 100)), [], h), T(str(p := round(g.r.random() * 12, 1)), [], p),
                     T(g.r.choice(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])),
                     T(str(w := round(g.r.random() * 9, 1)), [], w),
                     T(f"DZZ5-{g.r.randint(2015, 2023)}-{g.r.randint(100, 999)}"), T(s[7]),
                     T("".join(g.r.choice("0019") for _ in range(10)))])
    types = ["string", "string", "string", "float64", "float64", "float64", "timestamp", "string", "float64",
             "int64", "float64", "string", "float64", "string", "string", "string"]
    return dict(file="05_qixiang_zhandian_guance.parquet", format="parquet", encoding=None, domain="气象站逐时观测（诱饵表）",
                note="decoy-only: station IDs, coordinates, village addresses of stations, 18-digit record numbers "
                     "with a division code and a date", cols=cols, rows=rows, arrow_types=types)


def t06_gongjiao(g: G, n=1100):
    """公交线路站点 (GB18030, decoy-only)."""
    cols = [("线路编号", ""), ("线路名称", ""), ("站序", ""), ("站点名称", "stops named after villages/families (张家埠, 王家村)"),
            ("站点位置", "road junctions: not PI"), ("经纬度", "stop coordinates: not PI"), ("首班时间", ""),
            ("末班时间", ""), ("票价（元）", ""), ("运营单位", ""), ("调度电话", "organisation"),
            ("配车车牌", "company buses: not PI (as #4/#5)"), ("站点编码", "18 digits, invalid check by construction"),
            ("投诉电话", "12345 / 96xxx")]
    stops = ["荷花路口", "人民医院", "市政府", "火车站", "张家埠", "王家村", "石梁镇", "衢化医院", "学院路口",
             "汽车西站", "柯城区政务中心", "李家山", "周家村口", "汪村", "书院中学", "西区公园"]
    rows = []
    lines = []
    for k in range(40):
        nm = g.r.choice(["", "K", "B", "Y"]) + str(g.r.randint(1, 320)) + "路"
        lines.append((f"QZ{k + 1:03d}", nm, [g.plate(nev=True) for _ in range(4)], g.r.randint(6, 7), g.r.randint(18, 22)))
    i = 0
    while len(rows) < n:
        ln = lines[i % 40]
        i += 1
        for seq in range(1, g.r.randint(12, 30)):
            if len(rows) >= n:
                break
            d = g.r.choice(QZ_DIVS)
            plate = g.r.choice(ln[2])
            plate_s = g.r.choice([plate, plate[:2] + "·" + plate[2:]])
            code = redraw(g, lambda: f"{d[0]}{g.date_between(2005, 2023):%Y%m%d}{g.r.randint(0, 9999):04d}",
                          lambda v: id_check(v[:17]) != v[17])
            rows.append([cell(ln[0]), cell(ln[1]), cell(str(seq)), cell(g.r.choice(stops)),
                         cell(f"{d[3]}{g.r.choice(ROADS)}与{g.r.choice(ROADS)}交叉口{g.r.choice('东西南北')}侧"),
                         cell(f"{118.8 + g.r.random() * 0.2:.5f},{28.9 + g.r.random() * 0.1:.5f}"),
                         cell(f"{ln[3]:02d}:{g.r.choice(['00', '15', '30'])}"), cell(f"{ln[4]}:{g.r.choice(['00', '30'])}"),
                         cell(g.r.choice(["1", "2", "1-3"])), cell("衢州市公共交通集团有限公司"), cell(org_land(g)),
                         cell(plate_s), cell(code), cell(g.r.choice(["12345", "96111", "0570-8701234"]))])
    return dict(file="06_gongjiao_xianlu_zhandian.csv", format="csv", encoding="gb18030", domain="公交线路站点（诱饵表）",
                note="decoy-only: stop names with surnames, bus plates, coordinates, 18-digit stop codes", cols=cols,
                rows=rows)


def t07_gangaotai(g: G, n=1100):
    """港澳台居民就业登记 (XLSX, all text cells)."""
    cols = [("姓名", "traditional characters; 30% with the romanised name in brackets (two values)"),
            ("居民类别", ""),
            ("身份证明文件号码", "HK ID A123456(7), Macau 1234567(8), Taiwan A123456789: own type hk_macau_tw_id"),
            ("港澳台居民居住证号码", "810000/820000/830000 + birth date + GB 11643 check: cn_resident_id"),
            ("来往内地通行证号码", "H/M + 8 (回乡证) or 8 digits (台胞证): hk_macau_permit (the permit family)"),
            ("出生日期", "HK dd/mm/yyyy; Taiwan 民國74年6月4日 or 074/06/04 (ROC calendar)"),
            ("境外联系电话", "+852 9123 4567, +853 6612 3456, +886 912 345 678, 0912-345-678: own type other_phone"),
            ("内地手机", ""), ("内地住址", ""), ("境外住址", "traditional-character addresses in HK/Macau/Taiwan"),
            ("用人单位", ""), ("单位统一社会信用代码", ""), ("登记日期", "non-birth, same form as 出生日期 of the row")]
    hk_streets = ["九龍旺角彌敦道", "香港島銅鑼灣軒尼詩道", "新界沙田大圍道", "九龍觀塘開源道", "香港島北角英皇道"]
    mo_streets = ["澳門新馬路", "澳門氹仔柯維納馬路", "澳門黑沙環中街"]
    tw_streets = ["台北市大安區忠孝東路四段", "新北市板橋區文化路一段", "台中市西屯區台灣大道三段", "高雄市前鎮區中山二路"]
    rows = []
    for i in range(n):
        kind = g.r.choice(["香港", "香港", "澳门", "台湾", "台湾"])
        b = g.birth(1955, 2003)
        sex = g.r.choice("男女")
        if kind == "台湾":
            s, sr = g.r.choice(TW_SUR)
            gv, gr = g.r.choice(TW_GIVEN)
            rom = f"{sr} {gr}" if g.r.random() < 0.5 else f"{sr}, {gr}"
            doc = twid(g.r, 1 if sex == "男" else 2)
            prefix = "830000"
            permit = g.mtp()
            bform = g.r.choice(["roc", "roc_slash"])
            abroad_tel = g.r.choice([f"+886 9{g.digits(2, '0123456789')} {g.digits(3, '0123456789')} {g.digits(3, '0123456789')}",
                                     f"09{g.digits(2, '0123456789')}-{g.digits(3, '0123456789')}-{g.digits(3, '0123456789')}"])
            abroad_addr = f"{g.r.choice(tw_streets)}{g.r.randint(1, 300)}號{g.r.randint(2, 20)}樓"
        else:
            s, sr = g.r.choice(HK_SUR)
            gv, gr = g.r.choice(HK_GIVEN)
            rom = f"{sr} {gr}" if g.r.random() < 0.6 else f"{sr}, {gr}"
            hk = kind == "香港"
            doc = hkid(g.r) if hk else macau_id(g.r)
            prefix = "810000" if hk else "820000"
            permit = g.home_return(hk)
            bform = "dmy"
            abroad_tel = (f"+852 {g.r.choice('5679')}{g.digits(3, '0123456789')} {g.digits(4, '0123456789')}" if hk else
                          f"+853 6{g.digits(3, '0123456789')} {g.digits(4, '0123456789')}")
            abroad_addr = (f"{g.r.choice(hk_streets)}{g.r.randint(1, 500)}號{g.r.randint(2, 30)}樓{g.r.choice('ABCDEFGH')}室" if hk else
                           f"{g.r.choice(mo_streets)}{g.r.randint(1, 200)}號{g.r.choice(['金龍大廈', '海景花園', '華寶大廈'])}{g.r.randint(2, 25)}樓{g.r.choice('ABCD')}座")
        seq = g.r.randint(0, 499) * 2 + (1 if sex == "男" else 0)
        body = f"{prefix}{b:%Y%m%d}{seq:03d}"
        rpid = body + id_check(body)
        name = s + gv
        ncell = cell(vname(name), " (", vname(rom), ")") if g.r.random() < 0.3 else cell(vname(name))
        m = g.mobile()
        reg = g.date_between(2019, 2025)
        rows.append([ncell, cell(kind + "居民"), cell(V("hk_macau_tw_id", doc)), cell(vid(rpid)),
                     cell(V("hk_macau_permit", permit, permit)), cell(vbirth(date_form(b, bform))),
                     cell(V("other_phone", abroad_tel)), cell(vmob(mob_form(g, m, ["plain", "plus", "dash"]), m)),
                     cell(vaddr(g.addr(0.6))), cell(vaddr(abroad_addr)), cell(g.company()), cell(uscc(g.r)),
                     cell(date_form(reg, bform))])
    return dict(file="07_gangaotai_jumin_jiuye.xlsx", format="xlsx", encoding=None, domain="港澳台居民就业登记",
                note="Hong Kong / Macau / Taiwan ID card forms with their check characters, ROC-calendar birth dates, "
                     "+852/+853/+886 phones, traditional-character names and addresses", cols=cols, rows=rows)


def mrz_line2(pp: str, b: dt.date, sex: str, exp: dt.date) -> str:
    num = pp.ljust(9, "<")
    bd = f"{b:%y%m%d}"
    ed = f"{exp:%y%m%d}"
    pers = "<" * 14
    core = f"{num}{mrz_check(num)}CHN{bd}{mrz_check(bd)}{'M' if sex == '男' else 'F'}{ed}{mrz_check(ed)}{pers}{mrz_check(pers)}"
    comp = num + mrz_check(num) + bd + mrz_check(bd) + ed + mrz_check(ed) + pers + mrz_check(pers)
    return core + mrz_check(comp)


def t08_churujing(g: G, n=1400):
    """出入境证件申请受理 (UTF-8 BOM): pinyin names in four forms, MRZ lines, travel documents."""
    cols = [("受理编号", ""), ("申请人", ""),
            ("姓名拼音", "ZHANG/SANFENG, ZHANG, SANFENG, Zhāng Sānfēng (tone marks), ZHANG San"),
            ("性别", ""), ("出生日期", "1985-06-04, 04JUN1985, or MRZ-style 850604"), ("出生地", "province: not PI"),
            ("公民身份号码", ""), ("申请类别", ""),
            ("原证件号码", "previous passport E…, 往来港澳通行证 C…, 往来台湾通行证 L…+8 (hk_macau_permit family), or empty"),
            ("机读码", "30%: the previous passport's MRZ, 2 lines (P<CHNZHANG<<SANFENG<<…, number+check, YYMMDD): "
                     "name, passport number and birth date inside"),
            ("手机", ""), ("紧急联系人", "name（relation）"), ("紧急联系人电话", ""), ("户籍地址", ""),
            ("受理单位", ""), ("前往国家或地区", "")]
    rows = []
    for i in range(n):
        sex = g.r.choice("男女")
        b = g.birth(1950, 2012)
        d = g.div(0.7)
        idv = g.rid(birth=b, div=d, sex=sex)
        hanzi, rom = g.py_name(g.r.choice(["slash", "slash", "comma", "tone", "upper_first", "upper"]))
        _, mrzname = hanzi, None
        bf = g.r.choice(["iso", "iso", "ddmony", "mrz"])
        kind = g.r.choice(["普通护照", "普通护照", "往来港澳通行证", "往来台湾通行证"])
        prev_t = g.r.random()
        if kind == "普通护照" and prev_t < 0.7:
            pp = g.passport()
            prev = cell(V("cn_passport", pp, pp))
        elif kind == "往来港澳通行证" and prev_t < 0.7:
            pm = g.hk_permit()
            prev = cell(V("hk_macau_permit", pm, pm))
        elif kind == "往来台湾通行证" and prev_t < 0.7:
            pm = g.tw_permit()
            prev = cell(V("hk_macau_permit", pm, pm))
        else:
            prev = cell("")
        mrz = cell("")
        if kind == "普通护照" and prev[1] and g.r.random() < 0.45:
            pp = prev[1][0].s
            plain_sur, plain_giv = rom.replace(",", "").replace("/", " ").split(" ", 1)
            plain = lambda t: "".join(ch for ch in unicodedata.normalize("NFD", t) if not unicodedata.combining(ch)).upper()
            nm = f"{plain(plain_sur).strip()}<<{plain(plain_giv).strip().replace(' ', '<')}"
            l1 = ("P<CHN" + nm).ljust(44, "<")
            exp = g.date_between(2025, 2034)
            l2 = mrz_line2(pp, b, sex, exp)
            k = l2.index(pp) + len(pp)
            bpos = 13
            mrz = cell("P<CHN", vname(nm), l1[5 + len(nm):], "\n", V("cn_passport", pp, pp), l2[k:bpos],
                       vbirth(l2[bpos:bpos + 6]), l2[bpos + 6:])
            assert mrz[0] == l1 + "\n" + l2, (mrz[0], l1, l2)
        m, m2 = g.mobile(), g.mobile()
        sl = redraw(g, lambda: f"SL{d[0]}{g.date_between(2024, 2025):%Y%m%d}{g.r.randint(0, 9999):04d}", decoy_clean)
        rows.append([cell(sl), cell(vname(hanzi)),
                     cell(vname(rom)), cell(sex), cell(vbirth(date_form(b, bf))), cell(d[1]), cell(vid(idv)),
                     cell(kind + g.r.choice(["首次申请", "换发", "补发"])), prev, mrz,
                     cell(vmob(mob_form(g, m, ["plain", "plus", "paren"]), m)),
                     cell(vname(g.name()), f"（{g.r.choice(['配偶', '父亲', '母亲', '子女', '朋友'])}）"),
                     cell(vmob(mob_form(g, m2, ["plain", "dash"]), m2)), cell(vaddr(g.addr(0.6))),
                     cell(g.r.choice(["衢州市公安局出入境接待大厅", "柯城区公安分局出入境窗口", "江山市公安局出入境窗口"])),
                     cell(g.r.choice(["日本", "泰国", "美国", "香港", "澳门", "台湾", "法国", "新加坡"]))])
    return dict(file="08_churujing_zhengjian_shenqing.csv", format="csv", encoding="utf-8-sig",
                domain="出入境证件申请受理", note="romanised names in four forms; passport MRZ lines", cols=cols, rows=rows)


def t09_quanzhi(g: G, n=1400):
    """养犬登记 (UTF-8): a dog's name and birth month are not PI; the owner's are."""
    cols = [("登记证号", ""), ("犬主", "full names (PI); 张先生/李女士 (not PI); 15% written 张 三 with a space"),
            ("犬主证件号码", "IDs; 10% already masked first-6/last-4 (not PI)"),
            ("犬主电话", "mobiles 138-1234-5678 / 138 1234 5678; home landlines (0570)876 5432 / 0570 876 5432; "
                     "10% already masked 138****5678 (not PI)"),
            ("饲养地址", "home: 幢/单元/室, #, 栋…房, village forms"), ("犬名", "a dog's name: not PI"),
            ("犬种", ""), ("毛色", ""), ("犬只性别", ""), ("犬只出生年月", "a dog's birth month: not PI"),
            ("芯片号", "15 digits 156…: not PI, not a legacy ID by construction"), ("免疫证号", ""),
            ("免疫日期", ""), ("登记日期", "")]
    dogs = ["旺财", "豆豆", "小黑", "可乐", "Lucky", "大黄", "来福", "球球", "团子", "Coco", "毛毛", "花花", "阿福", "Bobby"]
    breeds = ["中华田园犬", "泰迪", "柯基", "金毛寻回犬", "拉布拉多", "比熊", "柴犬", "边境牧羊犬", "博美"]
    rows = []
    for i in range(n):
        x = g.r.random()
        if x < 0.15:
            sur, giv = g.name_parts()
            owner = cell(V("person_name", f"{sur} {giv}"))
        elif x < 0.3:
            owner = cell(f"{g.surname(0, 0)}{g.r.choice(['先生', '女士'])}")
        else:
            owner = cell(vname(g.name()))
        idv = g.rid()
        idc = cell(idv[:6] + "********" + idv[-4:]) if g.r.random() < 0.1 else cell(vid(idv))
        y = g.r.random()
        if y < 0.1:
            m = g.mobile()
            tel = cell(m[:3] + "****" + m[-4:])
        elif y < 0.75:
            m = g.mobile()
            tel = cell(vmob(mob_form(g, m, ["dash", "dash", "space", "plain"]), m))
        else:
            a, num = g.landline("0570")
            tel = cell(vland(land_form(g, a, num, ["paren_space", "space", "fw_paren"]), a + num))
        chip = redraw(g, lambda: "156" + g.digits(12, "0123456789"), lambda v: not is_valid_id15(v))
        db = g.date_between(2012, 2024)
        rows.append([cell(f"衢犬登字（{g.r.randint(2021, 2025)}）第{g.r.randint(1, 30000):05d}号"), owner, idc, tel,
                     cell(vaddr(g.qz_addr(form=g.r.choice(["room", "hash", "dong", "dash", "village", "zuo"])))),
                     cell(g.r.choice(dogs)), cell(g.r.choice(breeds)), cell(g.r.choice(["黑", "白", "黄", "棕", "黑白"])),
                     cell(g.r.choice(["公", "母"])), cell(f"{db.year}年{db.month}月"), cell(chip),
                     cell(f"MY{g.r.randint(2023, 2025)}{g.r.randint(0, 99999):05d}"),
                     cell(g.date_between(2023, 2025).isoformat()), cell(g.date_between(2021, 2025).isoformat())])
    return dict(file="09_yangquan_dengji.csv", format="csv", encoding="utf-8", domain="养犬登记",
                note="pet names and pet birth months beside owners; masked-already values beside raw ones", cols=cols,
                rows=rows)


def t10_tuoyu(g: G, n=1300):
    """托育机构入托登记 (Parquet, typed columns: date32 birth dates, int64 phones)."""
    cols = [("幼儿姓名", ""), ("性别", ""), ("出生日期", "Parquet date32 (read back as YYYY-MM-DD)"),
            ("幼儿身份证号", ""), ("父亲姓名", ""), ("父亲手机", "Parquet int64"), ("母亲姓名", ""),
            ("母亲手机", "Parquet int64, 10% null"), ("家庭住址", ""),
            ("接送人", "1-2 people: 奶奶王秀英；外公李建国 / 王秀英/李建国 (relation word outside the span)"),
            ("接送人电话", "1-2 mobiles joined by , or /"), ("托育机构", ""), ("机构地址", "organisation"),
            ("入托日期", "date32, non-birth"), ("月托费", "int64"), ("过敏史", "")]
    orgs = [("衢州市柯城区小橙子托育园", "柯城区荷花中路88号"), ("衢江区宝贝家托育中心", "衢江区樟潭街道振兴路12号"),
            ("江山市启蒙托育园", "江山市虎山街道鹿溪路6号"), ("龙游县爱心托育园", "龙游县龙洲街道文昌路18号")]
    rows = []
    for i in range(n):
        sex = g.r.choice("男女")
        b = g.date_between(2021, 2024)
        idv = g.rid(birth=b, div=g.div(0.9), sex=sex)
        fm, mm = g.mobile(), g.mobile()
        fsur = g.surname()
        child = fsur + g.given()
        pick = []
        for j in range(g.r.choice([1, 1, 2])):
            if j:
                pick.append(g.r.choice(["；", "/"]))
            if g.r.random() < 0.6:
                pick.append(g.r.choice(["奶奶", "爷爷", "外婆", "外公", "阿姨"]))
            pick.append(vname(g.name()))
        ph = []
        for j in range(g.r.choice([1, 2])):
            if j:
                ph.append(g.r.choice([",", "/"]))
            x = g.mobile()
            ph.append(vmob(x, x))
        o = g.r.choice(orgs)
        ent = g.date_between(2023, 2025)
        mnull = g.r.random() < 0.1
        rows.append([T(child, [vname(child)]), T(sex), T(b.isoformat(), [vbirth(b.isoformat())], b),
                     T(idv, [vid(idv)]), T(*cell(vname(fsur + g.given())), None),
                     T(fm, [vmob(fm, fm)], int(fm)), T(*cell(vname(g.name())), None),
                     T("", [], None) if mnull else T(mm, [vmob(mm, mm)], int(mm)),
                     T(*cell(vaddr(g.qz_addr())), None), T(*cell(*pick), None), T(*cell(*ph), None), T(o[0]),
                     T(o[1]), T(ent.isoformat(), [], ent), T(str(f := g.r.choice([1800, 2200, 2600, 3000])), [], f),
                     T(g.r.choice(["无", "无", "无", "花生", "鸡蛋", "牛奶", "海鲜"]))])
    types = ["string", "string", "date32", "string", "string", "int64", "string", "int64", "string", "string",
             "string", "string", "string", "date32", "int64", "string"]
    return dict(file="10_tuoyu_ruyuan_dengji.parquet", format="parquet", encoding=None, domain="托育机构入托登记",
                note="typed Parquet: date32 birth dates, int64 mobiles (one null in ten)", cols=cols, rows=rows,
                arrow_types=types)


def t11_shuidian(g: G, n=1400):
    """水电燃气过户 (GB18030): the ID's first 17 and its check character in two cells; meter GPS."""
    cols = [("业务类型", ""), ("户号", "10-digit account: not PI"),
            ("原户主", "names (PI); 张先生 / 李女士 (not PI); companies in some rows (not PI)"),
            ("新户主", "names (PI) or property companies (not PI)"),
            ("新户主证件号码（前17位）", "17 digits of an ID: PI, core = the 17 digits"),
            ("校验位", "one character: not PI"), ("用户地址", "home address"),
            ("表位坐标", "lat,lon of the household's meter (6 decimals): own type geo_coordinates (a home location)"),
            ("联系电话", "手机:… 座机:… in one cell; 手机：138-1234-5678; 电话 + landline"),
            ("代扣银行卡号", "cards plain / grouped by 4; 30% conventionally masked 6222 **** **** 1234 (not PI)"),
            ("过户日期", ""), ("受理网点", ""), ("网点电话", "95598 / organisation landline")]
    rows = []
    for i in range(n):
        kind = g.r.choice(["供水", "供电", "燃气"])
        acct = redraw(g, lambda: g.r.choice(["3300", "3301", "0570"]) + g.digits(6, "0123456789"), lambda v: True)
        x = g.r.random()
        old = (cell(vname(g.name())) if x < 0.6 else cell(f"{g.surname(0, 0)}{g.r.choice(['先生', '女士'])}")
               if x < 0.85 else cell(g.company()))
        if g.r.random() < 0.9:
            new = cell(vname(g.name()))
            idv = g.rid()
            id17, chk = cell(vid(idv[:17], idv[:17])), cell(idv[17])
        else:
            new = cell(g.r.choice(["衢州市锦绣物业管理有限公司", "江山市城投置业有限公司", "衢州市安居房屋租赁有限公司"]))
            id17, chk = cell(""), cell("")
        lat, lon = 28.9 + g.r.random() * 0.2, 118.8 + g.r.random() * 0.3
        geo = f"{lat:.6f},{lon:.6f}" if g.r.random() < 0.6 else f"{lon:.6f}, {lat:.6f}"
        m = g.mobile()
        a, num = g.landline("0570")
        y = g.r.random()
        if y < 0.4:
            tel = cell("手机:", vmob(m, m), " 座机:", vland(f"{a}-{num}", a + num))
        elif y < 0.75:
            tel = cell(g.r.choice(["手机：", "手机号:", "Tel:"]), vmob(mob_form(g, m, ["dash", "plain"]), m))
        else:
            tel = cell("电话 ", vland(f"{a}-{num}", a + num))
        c = g.card()
        if g.r.random() < 0.3:
            card = cell(f"{c[:4]} **** **** {c[-4:]}")
        else:
            card = cell(vcard(" ".join(c[k:k + 4] for k in range(0, len(c), 4)) if g.r.random() < 0.5 else c, c))
        rows.append([cell(kind), cell(acct), old, new, id17, chk, cell(vaddr(g.qz_addr())),
                     cell(V("geo_coordinates", geo)), tel, card, cell(g.date_between(2023, 2025).isoformat()),
                     cell(g.r.choice(["柯城营业厅", "衢江营业厅", "网上国网", "江山供水营业厅", "衢州港华燃气客服中心"])),
                     cell(g.r.choice(["95598", "0570-3021234", "0570-8887766", "96345"]))])
    return dict(file="11_shuidian_ranqi_guohu.csv", format="csv", encoding="gb18030", domain="水电燃气过户",
                note="ID split before its check character; home meter coordinates; 手机:/座机: in one cell",
                cols=cols, rows=rows)


def t12_biye(g: G, n=1300):
    """高校毕业生就业报到 (XLSX: numeric mobiles and QQ, date cells)."""
    cols = [("学号", "student number: not PI (as #3-#5's staff/exam numbers)"),
            ("姓名", "90% Han names, 10% UPPER-surname pinyin (ZHANG San)"), ("性别", ""), ("身份证号", ""),
            ("出生日期", "Excel date cells"), ("生源地", "province+city: not an address"), ("家庭住址", ""),
            ("手机号码", "Excel NUMBER cells"), ("QQ", "Excel NUMBER cells: qq_number (PI, as #2)"),
            ("微信号", "WeChat IDs wxid_…, name+year: own type wechat_id (PI); 20% the mobile number"),
            ("电子邮箱", ""), ("就业单位", ""), ("单位联系人", "PI"), ("单位联系电话", "organisation"),
            ("报到证编号", ""), ("派遣日期", "non-birth Excel date cell")]
    hr = [g.name() for _ in range(40)]
    rows = []
    for i in range(n):
        b = g.birth(1998, 2004)
        idv = g.rid(birth=b)
        if g.r.random() < 0.1:
            _, rom = g.py_name("upper_first")
            nm = T(rom, [vname(rom)])
        else:
            x = g.name()
            nm = T(x, [vname(x)])
        bd = dt.datetime(b.year, b.month, b.day)
        m = g.mobile()
        q = g.qq()
        if g.r.random() < 0.2:
            wx = T(m, [vmob(m, m)])
        else:
            w = g.wechat()
            wx = T(w, [V("wechat_id", w)])
        em = g.email()
        d = g.div(0.7)
        disp = g.date_between(2024, 2025)
        ddt = dt.datetime(disp.year, disp.month, disp.day)
        contact = g.r.choice(hr)
        rows.append([T(f"{g.r.randint(2020, 2021)}{g.r.randint(10, 99):02d}{g.r.randint(1000, 99999):05d}"), nm,
                     T(g.r.choice("男女")), T(idv, [vid(idv)]), T(str(bd), [vbirth(str(bd))], bd),
                     T(f"{d[1]}{d[2]}"), T(*cell(vaddr(g.addr(0.6))), None), T(m, [vmob(m, m)], int(m)),
                     T(q, [V("qq_number", q, q)], int(q)), wx, T(em, [V("email", em)]), T(g.company()),
                     T(contact, [vname(contact)]), T(org_land(g)),
                     T(f"2024{g.digits(9, '0123456789')}"), T(str(ddt), [], ddt)])
    return dict(file="12_biyesheng_jiuye_baodao.xlsx", format="xlsx", encoding=None, domain="高校毕业生就业报到",
                note="numeric Excel cells for mobiles and QQ; WeChat IDs", cols=cols, rows=rows)


def t13_wenzheng(g: G, n=1300):
    """网上问政留言 (JSON, nested: the poster as an object, attachments as an array; free text)."""
    cols = [("留言编号", ""), ("留言时间", ""), ("留言标题", "short titles; some name a person"),
            ("留言人", "nested object: 昵称 (not PI), 实名 name, 手机, 邮箱, IP (a citizen's public IPv4: "
                    "ip_address, PI), IP属地 (not PI)"),
            ("留言内容", "free text; 15% in traditional characters; names after 我叫/本人/我父亲/鄰居/房东; "
                     "mobiles 138-1234-5678; plates; home addresses; WeChat IDs; QQ; decoys 王某, 12345, 某局, "
                     "张先生"),
            ("附件", "nested array of file objects; ID-card photo file names carry the person's name"),
            ("办理单位", ""), ("回复内容", "office staff named as contact (PI) with an office landline (not PI)"),
            ("满意度", "")]
    units = ["衢州市住房和城乡建设局", "柯城区综合行政执法局", "衢州市公安局交通警察支队", "衢江区教育局", "衢州市生态环境局"]
    staff = [g.name() for _ in range(30)]
    rows = []
    for i in range(n):
        poster = g.name()
        m = g.mobile()
        trad = g.r.random() < 0.15
        tx = (lambda s: s.translate(TRAD)) if trad else (lambda s: s)
        p = []
        x = g.r.random()
        if x < 0.35:
            p += [tx("我叫"), V("person_name", tx(poster)), tx("，住在"), vaddr(tx(g.qz_addr())), tx("。")]
        elif x < 0.6:
            p += [tx("本人"), V("person_name", tx(poster)), tx("，"), tx("反映一个问题：")]
        else:
            p += [tx("你好，我是" + g.r.choice(["附近居民", "一名家长", "业主"]) + "，")]
        y = g.r.random()
        if y < 0.3:
            pl = g.plate(g.r.random() < 0.3)
            p += [tx("小区里车牌"), V("cn_license_plate", pl[:2] + g.r.choice(["", "·", " "]) + pl[2:], pl),
                  tx("的车长期占用消防通道，车主") , V("person_name", tx(g.name())), tx("拒不挪车。")]
        elif y < 0.55:
            p += [tx("我父亲"), V("person_name", tx(g.name())), tx("今年"), str(g.r.randint(70, 92)),
                  tx("岁，退休金一直没有到账，")]
        elif y < 0.75:
            p += [tx("楼上房东"), V("person_name", tx(g.name())), tx("把房子隔成群租房，住在"),
                  vaddr(tx(g.qz_addr(form=g.r.choice(["room", "dash", "hash"])))), tx("，")]
        else:
            p += [tx("王某在路边违规占道经营，"), tx("张先生" if g.r.random() < 0.5 else "李女士"), tx("也反映过，")]
        z = g.r.random()
        if z < 0.45:
            p += [tx("请尽快处理，我的电话"), vmob(mob_form(g, m, ["dash", "dash", "plain", "space"]), m), tx("。")]
        elif z < 0.65:
            w = g.wechat()
            p += [tx("可加我微信"), V("wechat_id", w), tx("联系。")]
        elif z < 0.8:
            q = g.qq()
            p += [tx("我的QQ是"), V("qq_number", q, q), tx("。")]
        else:
            p += [tx("已打过12345，也找过" + g.r.choice(["某局", "街道", "社区"]) + "，没有结果。")]
        nick = g.r.choice(["清风徐来", "微信用户", "匿名网友", "衢州老百姓", "一个市民", "小区业主", "夜猫子"])
        ipv = g.ip()
        poster_obj = {"昵称": nick, "实名": V("person_name", poster), "手机": vmob(m, m),
                      "邮箱": V("email", g.email()) if g.r.random() < 0.5 else "", "IP": V("ip_address", ipv),
                      "IP属地": "浙江"}
        att = []
        if g.r.random() < 0.4:
            att.append({"文件名": cell(V("person_name", poster), "身份证正面.jpg"), "大小KB": g.r.randint(80, 900)})
        if g.r.random() < 0.5:
            att.append({"文件名": f"现场照片{g.r.randint(1, 9)}.jpg", "大小KB": g.r.randint(200, 3000)})
        title_p = [g.r.choice(["关于小区消防通道被占的投诉", "退休金未到账", "群租房安全隐患", "占道经营问题", "咨询子女入学"])]
        if g.r.random() < 0.15:
            title_p = ["关于", vname(g.name()), "家违章搭建的投诉"]
        st = g.r.choice(staff)
        reply = cell("您好，您反映的问题已转相关科室核查处理。联系人：", vname(st), "，电话", org_land(g), "。")
        rows.append([f"WZ2024{i + 1:06d}", f"2024-{g.r.randint(1, 12):02d}-{g.r.randint(1, 28):02d} "
                     f"{g.r.randint(0, 23):02d}:{g.r.randint(0, 59):02d}", cell(*title_p), poster_obj, cell(*p), att,
                     g.r.choice(units), reply, g.r.choice(["满意", "基本满意", "不满意", ""])])
    return dict(file="13_wangshang_wenzheng_liuyan.json", format="json", encoding="utf-8", domain="网上问政留言",
                note="JSON with a nested poster object and attachment array; free text partly in traditional characters",
                cols=cols, rows=rows, nested=True, free_text={"留言标题", "留言内容", "回复内容"})


def t14_bingyi(g: G, n=1400):
    """兵役登记导出 (UTF-8): an export damaged by Excel and pandas — IDs in scientific notation, float phones."""
    cols = [("姓名", ""),
            ("公民身份号码", "45% intact text; 20% '3.30802E+17' (Excel General: 6 significant digits = county code, "
                       "not PI); 20% '330802195705281000' (15 significant digits: PI, core null); 15% pandas float "
                       "'3.308021957052807e+17' (PI, core null)"),
            ("出生日期", "50% '19850604.0' (an int column turned float by pandas), 50% 1985-06-04"),
            ("文化程度", ""), ("毕业（就读）学校", ""), ("手机号码", "60% '13812345678.0' (float), 40% plain"),
            ("家庭电话", "0570-8765432 (PI) or '8765432.0' with the area code lost (PI, core null)"),
            ("户籍所在地", ""), ("现居住地", ""), ("登记日期", "non-birth, '20240612.0' or ISO like the birth column"),
            ("登记站点", ""), ("兵役状态", "")]
    schools = ["衢州学院", "衢州职业技术学院", "衢州第二中学", "江山中学", "浙江工业大学", "杭州电子科技大学", "龙游县职业中专"]
    rows = []
    for i in range(n):
        b = g.birth(2002, 2008)
        idv = g.rid(birth=b, sex="男")
        x = g.r.random()
        if idv[-1] == "X" or x < 0.45:
            idc = cell(vid(idv))
        elif x < 0.65:
            idc = cell(f"{int(idv[:6]) / 100000:.5f}E+17")
        elif x < 0.85:
            t = idv[:15] + "000"
            idc = cell(vid(t, None))
        else:
            t = repr(float(int(idv)))
            idc = cell(vid(t, None))
        bf = g.r.choice(["pdfloat", "iso"])
        m = g.mobile()
        mc = cell(vmob(m, m), ".0") if g.r.random() < 0.6 else cell(vmob(m, m))
        if g.r.random() < 0.3:
            hc = cell("")
        else:
            a, num = g.landline("0570")
            hc = cell(vland(num, None), ".0") if g.r.random() < 0.4 else cell(vland(f"{a}-{num}", a + num))
        reg = g.date_between(2024, 2025)
        rows.append([cell(vname(g.name())), idc, cell(vbirth(date_form(b, bf))),
                     cell(g.r.choice(["高中", "大专", "本科", "中专"])), cell(g.r.choice(schools)), mc, hc,
                     cell(vaddr(g.qz_addr(form=g.r.choice(["village", "ziran", "room"])))), cell(vaddr(g.addr(0.8))),
                     cell(date_form(reg, bf)), cell(g.r.choice(["柯城区人武部", "衢江区人武部", "江山市人武部", "网上登记"])),
                     cell(g.r.choice(["已登记", "应征", "缓征", "免服兵役"]))])
    return dict(file="14_bingyi_dengji_daochu.csv", format="csv", encoding="utf-8", domain="兵役登记",
                note="Excel/pandas-damaged export: scientific notation, 15-digit truncation, float suffixes", cols=cols,
                rows=rows)


def t15_zichan(g: G, n=1000):
    """固定资产台账 (UTF-8, sparse): Luhn-valid order numbers, invoice numbers, LAN IPs; six personal values in notes."""
    cols = [("资产编号", ""), ("资产名称", ""), ("规格型号", ""), ("购置日期", ""),
            ("发票号码", "20-digit 全电发票 numbers: not PI"),
            ("采购订单号", "16/19 digits passing Luhn, prefixes 1/2/7/8 (no card BIN): not PI"),
            ("设备IP", "LAN addresses of office devices: not PI"), ("存放地点", "office rooms: not PI"),
            ("保管人", "recurring staff: PI"), ("保管人工号", ""),
            ("备注", "sparse: one HK ID, one Taiwan ID, one citizen's IP, one WeChat ID, one dashed mobile, one ID "
                   "split across a slash with spaces; the rest organisational notes")]
    staff = [g.name() for _ in range(30)]
    items = [("台式计算机", "ThinkCentre M920t"), ("笔记本电脑", "ThinkPad T14"), ("激光打印机", "HP M403d"),
             ("投影仪", "EPSON CB-X06"), ("交换机", "H3C S5130"), ("空调", "格力KFR-72LW"), ("档案柜", "钢制五节")]
    notes = ["", "", "", "已报废", "随机附带说明书", "2023年盘点无误", "维修中", "调拨至信息科", "借出会议室使用"]
    special = {}
    spots = g.r.sample(range(n), 6)
    idv = g.rid()
    m = g.mobile()
    special[spots[0]] = cell("原使用人香港籍顾问证件", V("hk_macau_tw_id", hkid(g.r)), "，已离职")
    special[spots[1]] = cell("台籍专家", V("hk_macau_tw_id", twid(g.r)), "借用")
    special[spots[2]] = cell("借用人家中宽带IP ", V("ip_address", g.ip()), " 远程登录")
    special[spots[3]] = cell("交接联系人微信", V("wechat_id", g.wechat()))
    special[spots[4]] = cell("维修联系", vmob(f"{m[:3]}-{m[3:7]}-{m[7:]}", m))
    special[spots[5]] = cell("领用人证件 ", vid(f"{idv[:6]} / {idv[6:]}", idv))
    rows = []
    for i in range(n):
        it = g.r.choice(items)
        ordn = redraw(g, lambda: luhn_complete(g.r.choice("1278") + g.digits(g.r.choice([15, 18]) - 1, "0123456789")),
                      lambda v: decoy_clean(v))
        inv = redraw(g, lambda: "24332000000" + g.digits(9, "0123456789"), decoy_clean)
        st = g.r.choice(staff)
        rows.append([cell(f"ZC-2024-{i + 1:05d}"), cell(it[0]), cell(it[1]), cell(g.date_between(2016, 2024).isoformat()),
                     cell(inv), cell(ordn), cell(f"10.33.{g.r.randint(1, 40)}.{g.r.randint(2, 250)}" if g.r.random() < 0.5
                                                else f"192.168.{g.r.randint(0, 9)}.{g.r.randint(2, 250)}"),
                     cell(f"市行政中心{g.r.randint(1, 5)}号楼{g.r.randint(1, 12)}{g.r.randint(1, 30):02d}室"),
                     cell(vname(st)), cell(f"GH{g.r.randint(1000, 9999)}"),
                     special.get(i, cell(g.r.choice(notes)))])
    return dict(file="15_zichan_taizhang_sparse.csv", format="csv", encoding="utf-8", domain="固定资产台账（稀疏）",
                note="Luhn-valid order numbers without card prefixes; six single personal values in 1,000 notes",
                cols=cols, rows=rows, free_text={"备注"})


# ====================================================================== audit helpers
CARD_PREFIX = re.compile(r"^(4|5[1-5]|6|3[457]|9)")
SEPS = set(" -./·_:\u3000")


def scan_text(s: str) -> list[str]:
    """Identifier-like digit runs in unlabelled text, joined across single separators."""
    s = nfkc(s).upper()
    probs = []
    groups = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\d+X?", s)]
    chains, cur = [], []
    for gr in groups:
        if cur and gr[0] - cur[-1][1] == 1 and s[cur[-1][1]] in SEPS and not cur[-1][2].endswith("X"):
            cur.append(gr)
        elif cur and gr[0] == cur[-1][1]:
            cur.append(gr)
        else:
            if cur:
                chains.append(cur)
            cur = [gr]
    if cur:
        chains.append(cur)
    for ch in chains:
        for i in range(len(ch)):
            for j in range(i, min(len(ch), i + 8)):
                run = "".join(x[2] for x in ch[i:j + 1])
                digits_only = run.replace("X", "")
                if len(run) == 18 and is_valid_id18(run):
                    probs.append(f"resident ID {run[:4]}…")
                if len(run) > 18:
                    for k in range(len(run) - 17):
                        if is_valid_id18(run[k:k + 18]) and run[k:k + 18].isdigit() is not None and 11 <= int(run[k:k + 2]) <= 83:
                            probs.append(f"resident ID inside a longer run {run[:4]}…")
                            break
                if len(run) == 15 and is_valid_id15(run):
                    probs.append(f"legacy ID {run[:4]}…")
                if len(run) == 11 and re.fullmatch(r"1[3-9]\d{9}", run):
                    probs.append(f"mobile {run[:3]}…")
                if run == digits_only and 16 <= len(run) <= 19 and CARD_PREFIX.match(run) and luhn_ok(run):
                    probs.append(f"card {run[:4]}…")
    return probs


def audit_value(v: V) -> str | None:
    t, s, c = v.t, v.s, v.core
    if t == "cn_resident_id" and c is not None and len(c) == 18 and not is_valid_id18(c) and "e+" not in s:
        return f"invalid ID {c[:4]}…"
    if t == "cn_resident_id" and c is not None and len(c) not in (17, 18):
        return "bad ID core"
    if t == "cn_mobile" and (not re.fullmatch(r"1[3-9]\d{9}", c or "") or c not in re.sub(r"\D", "", nfkc(s))):
        return f"bad mobile {s[:3]}…"
    if t == "bank_card" and (not c or not luhn_ok(c) or not c.startswith(tuple(BINS)) or c not in re.sub(r"\D", "", s)):
        return "bad card"
    if t == "cn_passport" and not re.fullmatch(r"E\d{8}|E[A-Z]\d{7}", c or ""):
        return "bad passport"
    if t == "hk_macau_permit" and not re.fullmatch(r"C[0-9A-Z]\d{7}|[HM]\d{8}|L\d{8}|\d{8}", c or ""):
        return "bad permit"
    if t == "cn_landline" and c is not None and not re.fullmatch(r"0\d{9,11}", c):
        return f"bad landline core {c[:4]}"
    if t in ("cn_landline", "qq_number") and c is not None and c not in re.sub(r"\D", "", nfkc(s)):
        return "core digits not in display"
    if t in IDENT_CORE and c is not None and t not in ("cn_resident_id", "cn_landline") and c not in re.sub(r"[ ·\-.]", "", nfkc(s).upper()):
        return "core not in display"
    if t == "hk_macau_tw_id":
        if re.fullmatch(r"[A-Z]\d{9}", s):
            n = TW_LETTER[s[0]]
            tot = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(s[1:], [8, 7, 6, 5, 4, 3, 2, 1, 1]))
            if tot % 10:
                return "bad TW ID"
        elif not re.fullmatch(r"[A-Z]\d{6}\([0-9A]\)|[157]\d{6}\(\d\)", s):
            return "bad HK/Macau ID"
    return None


# ====================================================================== rendering and writing
def plain(v):
    """Structure with V / (text, vals) replaced by text."""
    if isinstance(v, V):
        return v.s
    if isinstance(v, tuple):
        return v[0]
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


def labels_of(v, out):
    if isinstance(v, V):
        out.append(v)
    elif isinstance(v, tuple):
        out.extend(v[1])
    elif isinstance(v, dict):
        for x in v.values():
            labels_of(x, out)
    elif isinstance(v, list):
        for x in v:
            labels_of(x, out)
    return out


def render_value(v) -> str:
    """How a JSON / Parquet value reads as a cell (the rule evaluate6.py's read_input uses)."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def normalise(table):
    """→ per-row lists of (text, [V], raw)."""
    out = []
    for row in table["rows"]:
        r = []
        for c in row:
            if table["format"] == "json":
                r.append((render_value(plain(c)), labels_of(c, []), plain(c)))
            elif len(c) == 3:
                r.append(c)
            else:
                r.append((c[0], c[1], None))
        out.append(r)
    return out


def write_table(table, nrows, out: Path):
    path = out / table["file"]
    header = [c[0] for c in table["cols"]]
    fmt = table["format"]
    if fmt == "csv":
        import csv
        buf = io.StringIO(newline="")
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(header)
        for r in nrows:
            w.writerow([c[0] for c in r])
        path.write_bytes(buf.getvalue().encode(table["encoding"]))
    elif fmt == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws.append(header)
        for r in nrows:
            vals = []
            for text, _, raw in r:
                vals.append(raw if raw is not None else (text if text != "" else None))
            ws.append(vals)
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if isinstance(c.value, dt.datetime):
                    c.number_format = "yyyy-mm-dd"
                elif isinstance(c.value, int) and c.value > 10 ** 9:
                    c.number_format = "0"
        fixed = dt.datetime(2024, 12, 1, 8, 0, 0)
        wb.properties.created = fixed
        wb.properties.modified = fixed
        wb.properties.creator = "blind6"
        buf = io.BytesIO()
        wb.save(buf)
        # byte-identical per seed: rewrite the zip with fixed entry times (openpyxl stamps the current time)
        import zipfile
        src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
        outb = io.BytesIO()
        with zipfile.ZipFile(outb, "w", zipfile.ZIP_DEFLATED) as z:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "docProps/core.xml":
                    data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>2024-12-01T08:00:00Z\2", data)
                zi = zipfile.ZipInfo(info.filename, date_time=(2024, 12, 1, 8, 0, 0))
                zi.compress_type = zipfile.ZIP_DEFLATED
                z.writestr(zi, data)
        path.write_bytes(outb.getvalue())
    elif fmt == "json":
        recs = [dict(zip(header, [c[2] for c in r])) for r in nrows]
        path.write_text(json.dumps(recs, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq
        tmap = {"string": pa.string(), "float64": pa.float64(), "int64": pa.int64(), "date32": pa.date32(),
                "timestamp": pa.timestamp("s")}
        arrays = []
        for j, tname in enumerate(table["arrow_types"]):
            col = []
            for r in nrows:
                text, _, raw = r[j]
                if tname == "string":
                    col.append(text)
                else:
                    col.append(raw)
            arrays.append(pa.array(col, type=tmap[tname]))
        pq.write_table(pa.table(arrays, names=header), path, compression="snappy")
    return path


def read_back(table, path: Path):
    """Read a table back as the evaluator does (its read_input for CSV/XLSX; evaluate6's for JSON/Parquet)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import evaluate6
    return evaluate6.read_input(table, path)


# ====================================================================== main
def t16_gongji(g: G, n=1100):
    """职工医保个人账户家庭共济授权 (GBK): packed cells — key:value lists and relation-name-ID triples."""
    cols = [("业务流水号", ""),
            ("授权人信息", "one packed cell '姓名:张三;证件号码:…;手机:…' (a legacy system's key:value export)"),
            ("被共济人", "1-3 packed triples '配偶-李四-ID' joined by |"),
            ("授权日期", ""), ("参保地", "a county: not an address"),
            ("办理渠道", ""), ("经办人", "窗口 staff: PI, or 自助办理 / 浙里办 (not PI)"),
            ("备注", "mostly organisational; 代办人 + name (PI) with 身份证后四位 (a tail: not PI)")]
    staff = [g.name() for _ in range(20)]
    rows = []
    for i in range(n):
        d = g.r.choice(QZ_DIVS)
        a_birth = g.birth(1955, 1995)
        a_id = g.rid(birth=a_birth, div=d)
        m = g.mobile()
        kv_sep = g.r.choice([";", "；", "|", ","])
        auth = cell("姓名:", vname(g.name()), kv_sep, "证件号码:", vid(a_id), kv_sep, "手机:", vmob(m, m))
        parts = []
        for j in range(g.r.choice([1, 1, 2, 3])):
            if j:
                parts.append("|")
            rel = g.r.choice(["配偶", "子女", "父母", "父亲", "母亲", "孙子女"])
            off = {"配偶": g.r.randint(-6, 6), "子女": -g.r.randint(22, 34), "孙子女": -g.r.randint(46, 62)}.get(
                rel, g.r.randint(20, 34))
            rb = a_birth.replace(day=min(a_birth.day, 28), year=a_birth.year - off)
            if rb > dt.date(2024, 12, 31):
                rb = g.date_between(2015, 2024)
            parts += [rel, "-", vname(g.name()), "-", vid(g.rid(div=d, birth=rb))]
        ch = g.r.choice(["浙里办", "窗口", "窗口", "自助终端"])
        op = cell(vname(g.r.choice(staff))) if ch == "窗口" else cell("自助办理" if ch != "浙里办" else "浙里办")
        x = g.r.random()
        if x < 0.2:
            tail = g.rid()[-4:]
            note = cell("代办人", vname(g.name()), f"（身份证后四位{tail}）")
        else:
            note = cell(g.r.choice(["", "", "材料齐全", "已核验户口簿", "共济关系已生效", "年度额度内"]))
        rows.append([cell(f"GJ{g.date_between(2024, 2025):%Y%m%d}{i + 1:05d}"), auth, cell(*parts),
                     cell(g.date_between(2024, 2025).isoformat()), cell(f"浙江省衢州市{d[3]}"), cell(ch), op, note])
    return dict(file="16_yibao_jiating_gongji.csv", format="csv", encoding="gbk", domain="职工医保个人账户家庭共济",
                note="packed cells: key:value lists and relation-name-ID triples", cols=cols, rows=rows,
                free_text={"备注"})


AUDIT_COUNT = [0]
TABLES = [t01_jiaozheng, t02_gongzheng, t03_zhongcai, t04_nianbao, t05_qixiang, t06_gongjiao, t07_gangaotai,
          t08_churujing, t09_quanzhi, t10_tuoyu, t11_shuidian, t12_biye, t13_wenzheng, t14_bingyi, t15_zichan, t16_gongji]
MIXED = {"04_qiye_nianbao_gudong.json": {"股东及出资信息"}, "11_shuidian_ranqi_guohu.csv": {"原户主", "新户主"}}


def inject(table, g: G, what: set):
    """Faults to test the audit (--inject): an unlabelled valid ID with spaces in a decoy cell, a labelled ID with a
    wrong check character, a labelled name repeated unlabelled in its cell, a Luhn-valid card with a BIN unlabelled."""
    r0 = table["rows"][0]
    if "id" in what and table["file"].startswith("06_"):
        idv = g.rid()
        r0[3] = cell(r0[3][0] + f" {idv[:6]} {idv[6:14]} {idv[14:]}")
    if "badid" in what and table["file"].startswith("14_"):
        idv = g.rid()
        bad = idv[:17] + ("0" if idv[17] != "0" else "1")
        r0[1] = cell(vid(bad))
    if "dup" in what and table["file"].startswith("09_"):
        nm = g.name()
        r0[1] = cell(vname(nm), "（", nm, "）")
    if "card" in what and table["file"].startswith("15_"):
        r0[5] = cell(g.card())


def build(seed: int, out: Path, faults=frozenset()) -> dict:
    g = G(seed)
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    truth = {"corpus": "blind6", "seed": seed, "tables": [], "tables_json_parquet": []}
    for fn in TABLES:
        table = fn(g)
        if faults:
            inject(table, g, faults)
        nrows = normalise(table)
        header = [c[0] for c in table["cols"]]
        ft = table.get("free_text", set())
        values, coltypes = [], [dict() for _ in header]
        for ri, r in enumerate(nrows):
            assert len(r) == len(header), (table["file"], ri)
            for ci, (text, vals, _) in enumerate(r):
                pos, rem = 0, text
                for v in vals:
                    k = text.find(v.s, pos)
                    if k < 0:
                        problems.append(f"{table['file']} r{ri} [{header[ci]}] {v.t}: labelled text not in cell")
                        continue
                    pos = k + len(v.s)
                    e = audit_value(v)
                    if e:
                        problems.append(f"{table['file']} r{ri} [{header[ci]}] {v.t}: {e}")
                    values.append([ri, ci, v.t, v.s, v.core])
                    coltypes[ci][v.t] = coltypes[ci].get(v.t, 0) + 1
                # unlabelled remainder
                spans, p2 = [], 0
                for v in vals:
                    k = text.find(v.s, p2)
                    if k >= 0:
                        spans.append((k, k + len(v.s)))
                        p2 = k + len(v.s)
                rem, last = [], 0
                for a, b in spans:
                    rem.append(text[last:a])
                    rem.append("\x00")
                    last = b
                rem.append(text[last:])
                rem = "".join(rem)
                for p in scan_text(rem):
                    problems.append(f"{table['file']} r{ri} [{header[ci]}]: unlabelled {p}")
                for v in vals:
                    if len(v.s) >= 2 and v.s in rem:
                        problems.append(f"{table['file']} r{ri} [{header[ci]}]: labelled {v.t} also unlabelled in its cell")
                if table["encoding"] in ("gbk", "gb18030"):
                    try:
                        text.encode(table["encoding"])
                    except UnicodeEncodeError:
                        problems.append(f"{table['file']} r{ri}: not encodable")
        cols = []
        for ci, (name, note) in enumerate(table["cols"]):
            types = sorted(coltypes[ci])
            if name in ft:
                label = "free_text"
            elif not types:
                label = "none"
            elif len(types) > 1 or name in MIXED.get(table["file"], ()):
                label = "mixed"
            else:
                label = types[0]
            cols.append({"name": name, "label": label, "types": types, "note": note, "free_text": name in ft,
                         "counts": {t: coltypes[ci][t] for t in types}})
        entry = {"file": table["file"], "format": table["format"],
                 "encoding": table["encoding"] if table["format"] in ("csv", "json") else None,
                 "domain": table["domain"], "rows": len(nrows), "note": table["note"], "columns": cols,
                 "values": values}
        path = write_table(table, nrows, out)
        # read back as the evaluator does, compare, and test leaked() on every labelled value
        hdr, rows = read_back(entry, path)
        if [h.strip() for h in hdr] != header or len(rows) != len(nrows):
            problems.append(f"{table['file']}: read back header/rows differ")
        else:
            import evaluate6
            for ri, r in enumerate(nrows):
                for ci, (text, vals, _) in enumerate(r):
                    got = rows[ri][ci] if ci < len(rows[ri]) else ""
                    if got != text:
                        problems.append(f"{table['file']} r{ri} [{header[ci]}]: read back differs")
            for ri, ci, t, s, core in values:
                AUDIT_COUNT[0] += 1
                got = rows[ri][ci]
                if not evaluate6.leaked(t, s, core, got):
                    problems.append(f"{table['file']} r{ri} [{header[ci]}] {t}: evaluator does not find it in its input")
                if evaluate6.leaked(t, s, core, "*" * len(got)):
                    problems.append(f"{table['file']} r{ri} [{header[ci]}] {t}: evaluator finds it in a masked cell")
        (truth["tables"] if table["format"] in ("csv", "xlsx") else truth["tables_json_parquet"]).append(entry)
    return truth, problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--inject", default="", help="comma list of faults to test the audit: id,badid,dup,card")
    a = ap.parse_args()
    out = Path(a.out)
    truth, problems = build(a.seed, out, frozenset(x for x in a.inject.split(",") if x))
    if problems:
        for p in problems[:60]:
            print("AUDIT:", p, file=sys.stderr)
        cats = {}
        for p in problems:
            k = re.sub(r" r\d+ ", " ", p)
            cats[k] = cats.get(k, 0) + 1
        for k, v in sorted(cats.items(), key=lambda kv: -kv[1])[:40]:
            print(f"AUDIT {v:>6} x {k}", file=sys.stderr)
        print(f"audit failed: {len(problems)} problems; nothing written", file=sys.stderr)
        for t in truth["tables"] + truth["tables_json_parquet"]:
            (out / t["file"]).unlink(missing_ok=True)
        (out / "truth.json").unlink(missing_ok=True)
        return 1
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    all_t = truth["tables"] + truth["tables_json_parquet"]
    by_type = {}
    for t in all_t:
        for v in t["values"]:
            by_type[v[2]] = by_type.get(v[2], 0) + 1
    print(f"seed {a.seed}: {len(all_t)} tables ({len(truth['tables'])} CSV/XLSX + {len(truth['tables_json_parquet'])} "
          f"JSON/Parquet), {sum(t['rows'] for t in all_t)} rows, {sum(len(t['values']) for t in all_t)} personal values; "
          f"audit: 0 problems; evaluate.py's read_input + leaked() find {AUDIT_COUNT[0]} of "
          f"{sum(len(t['values']) for t in all_t)} labelled values in their unchanged input cells (misses: 0)")
    print("  by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items(), key=lambda kv: -kv[1])))
    for t in all_t:
        print(f"  {t['file']:40} {t['rows']:>5} rows {len(t['values']):>6} values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
