#!/usr/bin/env python3
"""Blind corpus #8 for issue #14: 15 government-style tables with personal information, and its exact truth.

Written from the issue's description of real exports only (the author did not read opendata/, its tests, RESULTS.md
or the earlier corpora's generators).  Every value is synthetic.

    python benchmarks/blind_pii8/corpus.py --out DIR --seed N      # byte-identical per seed

Writes the tables, truth.json (the format of benchmarks/blind_pii2/evaluate.py; JSON/Parquet tables under
`tables_json_parquet` for benchmarks/blind_pii6/evaluate6.py) and an empty READY last.  Before writing truth.json
it reads every file back with evaluate6's own reader and refuses (exit 1) if a label is wrong.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "blind_pii6"))
import evaluate6 as e6  # noqa: E402  (its reader is the one the truth must match)

ev = e6.evaluate
rng = random.Random(0)  # re-seeded in main()

# ============================================================================ identifiers
W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
# (division code, province, prefecture, county) - every province-level division, several autonomous areas
DIVS = [
    ("110105", "北京市", "", "朝阳区"), ("110108", "北京市", "", "海淀区"), ("120104", "天津市", "", "南开区"),
    ("130102", "河北省", "石家庄市", "长安区"), ("130682", "河北省", "保定市", "定州市"),
    ("140105", "山西省", "太原市", "小店区"), ("140802", "山西省", "运城市", "盐湖区"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区"), ("152502", "内蒙古自治区", "锡林郭勒盟", "锡林浩特市"),
    ("210102", "辽宁省", "沈阳市", "和平区"), ("210202", "辽宁省", "大连市", "中山区"),
    ("220102", "吉林省", "长春市", "南关区"), ("222401", "吉林省", "延边朝鲜族自治州", "延吉市"),
    ("230102", "黑龙江省", "哈尔滨市", "道里区"), ("230202", "黑龙江省", "齐齐哈尔市", "龙沙区"),
    ("310115", "上海市", "", "浦东新区"), ("310104", "上海市", "", "徐汇区"),
    ("320102", "江苏省", "南京市", "玄武区"), ("320583", "江苏省", "苏州市", "昆山市"),
    ("330106", "浙江省", "杭州市", "西湖区"), ("330281", "浙江省", "宁波市", "余姚市"),
    ("330802", "浙江省", "衢州市", "柯城区"), ("331023", "浙江省", "台州市", "天台县"),
    ("340102", "安徽省", "合肥市", "瑶海区"), ("341202", "安徽省", "阜阳市", "颍州区"),
    ("350102", "福建省", "福州市", "鼓楼区"), ("350203", "福建省", "厦门市", "思明区"),
    ("360102", "江西省", "南昌市", "东湖区"), ("360781", "江西省", "赣州市", "瑞金市"),
    ("370102", "山东省", "济南市", "历下区"), ("370281", "山东省", "青岛市", "胶州市"),
    ("410102", "河南省", "郑州市", "中原区"), ("411502", "河南省", "信阳市", "浉河区"),
    ("420102", "湖北省", "武汉市", "江岸区"), ("420502", "湖北省", "宜昌市", "西陵区"),
    ("430102", "湖南省", "长沙市", "芙蓉区"), ("433101", "湖南省", "湘西土家族苗族自治州", "吉首市"),
    ("440106", "广东省", "广州市", "天河区"), ("440304", "广东省", "深圳市", "福田区"),
    ("450102", "广西壮族自治区", "南宁市", "兴宁区"), ("450302", "广西壮族自治区", "桂林市", "秀峰区"),
    ("460105", "海南省", "海口市", "秀英区"), ("500101", "重庆市", "", "万州区"),
    ("500241", "重庆市", "", "秀山土家族苗族自治县"), ("510104", "四川省", "成都市", "锦江区"),
    ("513401", "四川省", "凉山彝族自治州", "西昌市"), ("513431", "四川省", "凉山彝族自治州", "昭觉县"),
    ("520102", "贵州省", "贵阳市", "南明区"), ("522601", "贵州省", "黔东南苗族侗族自治州", "凯里市"),
    ("530102", "云南省", "昆明市", "五华区"), ("532801", "云南省", "西双版纳傣族自治州", "景洪市"),
    ("540102", "西藏自治区", "拉萨市", "城关区"), ("540202", "西藏自治区", "日喀则市", "桑珠孜区"),
    ("610102", "陕西省", "西安市", "新城区"), ("610802", "陕西省", "榆林市", "榆阳区"),
    ("620102", "甘肃省", "兰州市", "城关区"), ("623001", "甘肃省", "甘南藏族自治州", "合作市"),
    ("630102", "青海省", "西宁市", "城东区"), ("632521", "青海省", "海南藏族自治州", "共和县"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区"), ("640302", "宁夏回族自治区", "吴忠市", "利通区"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"), ("653101", "新疆维吾尔自治区", "喀什地区", "喀什市"),
    ("654002", "新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市"),
]
DIV_BY_PROV: dict[str, list] = {}
for _d in DIVS:
    DIV_BY_PROV.setdefault(_d[0][:2], []).append(_d)
FW = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-", "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ－")


def fullwidth(s: str) -> str:
    return s.translate(FW)


def pick(seq):
    return seq[rng.randrange(len(seq))]


def wpick(pairs):
    """Pick from [(weight, value), ...]."""
    t = rng.random() * sum(w for w, _ in pairs)
    for w, v in pairs:
        t -= w
        if t < 0:
            return v
    return pairs[-1][1]


def digits_n(n: int, first: str = "0123456789") -> str:
    return pick(first) + "".join(pick("0123456789") for _ in range(n - 1))


def id_check(s17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, W)) % 11]


def id_valid(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s) or not ("11" <= s[:2] <= "83"):
        return False
    try:
        dt.date(int(s[:10][6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return id_check(s[:17]) == s[17]


def rand_date(y0: int, y1: int) -> dt.date:
    d0 = dt.date(y0, 1, 1).toordinal()
    return dt.date.fromordinal(d0 + rng.randrange(dt.date(y1, 12, 31).toordinal() - d0 + 1))


def id18(div=None, birth: dt.date | None = None) -> str:
    div = div or pick(DIVS)
    birth = birth or rand_date(1940, 2005)
    s17 = div[0] + birth.strftime("%Y%m%d") + digits_n(3)
    return s17 + id_check(s17)


def id15(div=None, birth: dt.date | None = None) -> str:
    div = div or pick(DIVS)
    birth = birth or rand_date(1925, 1960)
    return div[0] + birth.strftime("%y%m%d") + digits_n(3)


def hkmo_tw_resident_id(region: str) -> str:
    """港澳台居民居住证 number: 810000/820000/830000 + birth date + sequence + GB 11643 check."""
    s17 = {"hk": "810000", "mo": "820000", "tw": "830000"}[region] + rand_date(1950, 2003).strftime("%Y%m%d") + digits_n(3)
    return s17 + id_check(s17)


def id_written(core: str, forms=None) -> tuple[str, str]:
    """(as written, canonical core) for a resident ID number."""
    form = wpick(forms or [(60, "plain"), (8, "space"), (6, "dash"), (5, "fw"), (5, "lower"), (3, "space2")])
    if len(core) == 15:
        form = "plain" if form in ("lower",) else form
    if form == "space":
        w = f"{core[:6]} {core[6:14]} {core[14:]}" if len(core) == 18 else f"{core[:6]} {core[6:12]} {core[12:]}"
    elif form == "space2":
        w = " ".join(core[i:i + 4] for i in range(0, len(core), 4))
    elif form == "dash":
        w = f"{core[:6]}-{core[6:14]}-{core[14:]}" if len(core) == 18 else f"{core[:6]}-{core[6:12]}-{core[12:]}"
    elif form == "fw":
        w = fullwidth(core)
    elif form == "lower":
        w = core.lower()
    else:
        w = core
    return w, core


MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
                   "152", "153", "155", "156", "157", "158", "159", "166", "170", "171", "172", "173", "175", "176",
                   "177", "178", "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "193",
                   "195", "196", "197", "198", "199"]


def mobile() -> str:
    return pick(MOBILE_PREFIXES) + digits_n(8)


def mobile_written(core: str | None = None, forms=None) -> tuple[str, str]:
    core = core or mobile()
    form = wpick(forms or [(62, "plain"), (8, "space"), (6, "dash"), (5, "+86"), (4, "0086"), (3, "86-"),
                           (3, "+86 space"), (3, "fw")])
    w = {"plain": core, "space": f"{core[:3]} {core[3:7]} {core[7:]}", "dash": f"{core[:3]}-{core[3:7]}-{core[7:]}",
         "+86": "+86" + core, "0086": "0086-" + core, "86-": "86-" + core,
         "+86 space": f"+86 {core[:3]} {core[3:7]} {core[7:]}", "fw": fullwidth(core)}[form]
    return w, core


AREAS = [("010", 8), ("021", 8), ("022", 8), ("023", 8), ("020", 8), ("025", 8), ("027", 8), ("028", 8),
         ("029", 8), ("0571", 8), ("0574", 8), ("0570", 7), ("0591", 8), ("0731", 8), ("0851", 8), ("0871", 8),
         ("0891", 7), ("0991", 8), ("0971", 7), ("0951", 7), ("0471", 7), ("0311", 8), ("0351", 7), ("0531", 8)]


def landline_written(home: bool = True) -> tuple[str, str]:
    area, n = pick(AREAS)
    num = digits_n(n, "2345678")
    form = pick(["dash", "dash", "dash", "space", "paren", "joined", "local"]) if home else "dash"
    w = {"dash": f"{area}-{num}", "space": f"{area} {num}", "paren": f"({area}){num}", "joined": area + num,
         "local": num}[form]
    return w, (num if form == "local" else area + num)


def office_phone() -> str:
    """An organisation's switchboard / service line: not personal."""
    area, n = pick(AREAS)
    return wpick([(40, f"{area}-{digits_n(n, '68')}"), (15, f"{area}-{digits_n(n, '68')}转{digits_n(4, '123456789')}"),
                  (10, f"{area}-{digits_n(n, '8')}-{digits_n(3, '6789')}"), (12, f"400-{digits_n(3)}-{digits_n(4)}"),
                  (8, "12345"), (5, pick(["95588", "95533", "95599", "95566", "96166"])),
                  (10, f"({area}){digits_n(n, '68')}")])


BINS = [("622202", 19), ("621700", 19), ("622848", 19), ("621661", 19), ("621483", 16), ("622588", 16),
        ("623058", 19), ("621799", 19), ("622908", 16), ("436742", 16), ("621226", 19), ("622682", 19)]


def luhn_ok(d: str) -> bool:
    t = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch) * (2 if i % 2 else 1)
        t += n - 9 if n > 9 else n
    return t % 10 == 0


def card(bins=None) -> str:
    b, n = pick(bins or BINS)
    body = b + digits_n(n - len(b) - 1)
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def card_written(core: str | None = None, forms=None) -> tuple[str, str]:
    core = core or card()
    form = wpick(forms or [(55, "plain"), (25, "space4"), (10, "dash4"), (5, "fw"), (5, "space6")])
    w = {"plain": core, "space4": " ".join(core[i:i + 4] for i in range(0, len(core), 4)),
         "dash4": "-".join(core[i:i + 4] for i in range(0, len(core), 4)), "fw": fullwidth(core),
         "space6": core[:6] + " " + core[6:]}[form]
    return w, core


def corporate_account() -> str:
    """对公账号: bank-specific prefixes and lengths; Luhn passes by chance about one time in ten, as in life."""
    return wpick([(30, "1202" + digits_n(15)), (25, "3305" + digits_n(16)), (20, "1903" + digits_n(13)),
                  (15, digits_n(12, "3")), (10, "2010" + digits_n(11))])


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(kind: str = "91", div=None) -> str:
    div = div or pick(DIVS)
    body = kind + div[0] + "".join(pick("0123456789ABCDEFGHJKLMNPQRTUWXY" if i < 8 else "0123456789") for i in range(9))
    c = 31 - sum(USCC_CHARS.index(ch) * w for ch, w in zip(body, USCC_W)) % 31
    return body + USCC_CHARS[0 if c == 31 else c]


PLATE_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"


def plate_written(prov=None, seps="·  -•") -> tuple[str, str]:
    p = prov or pick(PLATE_PROV)
    L = pick(PLATE_LET[:12])
    if rng.random() < 0.2:  # new-energy: D/F first (small) or last (large)
        tail = (pick("DF") + digits_n(5)) if rng.random() < 0.8 else (digits_n(5) + pick("DF"))
    else:
        tail = "".join(pick("0123456789") if rng.random() < 0.8 else pick(PLATE_LET) for _ in range(5))
    core = p + L + tail
    form = wpick([(55, ""), (20, "·"), (10, " "), (6, "-"), (5, "•"), (4, "fw")])
    if form in ("·", " ", "-", "•") and form not in seps:
        form = ""
    w = p + fullwidth(L + tail) if form == "fw" else p + L + form + tail
    return w, core


def passport_cn() -> tuple[str, str]:
    core = wpick([(50, "E" + digits_n(8)), (30, "E" + pick("ABCDEFGHJKLMNPQRSTUVWXYZ") + digits_n(7)),
                  (20, "G" + digits_n(8))])
    return (core.lower() if rng.random() < 0.05 else core), core


def hk_permit() -> tuple[str, str]:
    core = wpick([(45, "H" + digits_n(8)), (15, "M" + digits_n(8)), (40, "C" + digits_n(8))])
    return core, core


def tw_permit() -> tuple[str, str]:
    """台湾居民来往大陆通行证: 8 digits."""
    core = digits_n(8)
    return core, core


FOREIGN_PP = [lambda: digits_n(9, "56"), lambda: "M" + digits_n(8), lambda: "TK" + digits_n(7),
              lambda: "C" + digits_n(7), lambda: "AB" + digits_n(7), lambda: digits_n(2, "7") + " " + digits_n(7),
              lambda: "C01" + pick(PLATE_LET) + digits_n(2) + pick(PLATE_LET) + digits_n(2), lambda: "P" + digits_n(7),
              lambda: "N" + digits_n(8), lambda: "K" + digits_n(8)]


def foreign_passport() -> tuple[str, str]:
    w = pick(FOREIGN_PP)()
    return w, w.replace(" ", "").upper()


# ============================================================================ names
COMMON = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
          "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE = "傅阎萧赖洪郦竺宓闵邬仇阚蒯厍晏郗靳逄滕亓訾隗冼佘岑苟缪芮栾巫蔺笪虞眭郜殳乜"
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "端木", "闻人", "令狐", "夏侯", "司徒",
            "宇文", "长孙", "南宫", "呼延", "澹台", "轩辕", "钟离", "百里", "赫连", "拓跋", "申屠", "濮阳"]
GIVEN = ("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞建国文辉力斌宇浩凯瑶琳晨欣怡梓涵轩诺思远博宏志"
         "佳俊雪梅燕婷颖雯昊泽楠晓春德福永祥凤翠珍淑琴荣彬鑫昕睿琪瑞晗璐嘉豪雨萱若汐铭钰炜峥")
UY1 = ["艾力", "买买提", "阿不都", "热合曼", "努尔", "古丽", "阿依古丽", "帕提古丽", "吐尔逊", "阿卜杜拉", "依明", "玉苏甫",
       "麦麦提", "阿迪力", "热依拉", "迪丽努尔", "叶尔兰", "努尔兰", "阿依达娜", "哈力木", "加娜尔", "木拉提"]
UY2 = ["艾山", "吾守尔", "托合提", "赛买提", "库尔班", "阿不来提", "努尔东", "巴合提", "哈斯木", "吐尔洪", "阿布都热依木",
       "司马义", "依不拉音", "别克"]
TIB = ["扎西", "次仁", "多吉", "卓玛", "央金", "格桑", "拉姆", "顿珠", "平措", "德吉", "尼玛", "索朗", "旺堆", "白玛", "普布",
       "达瓦", "措姆", "罗布", "边巴", "旦增"]
YI1 = ["吉克", "阿苦", "阿育", "沙马", "俄木", "马海", "海来", "吉伍", "曲比", "阿西"]
YI2 = ["阿呷", "拉且", "木呷", "伍各", "日者", "尔古", "阿依", "石哈", "约布", "克惹"]
MONGOL = ["巴特尔", "其木格", "乌云", "额尔敦", "斯琴", "图雅", "苏和", "那仁", "朝鲁", "哈斯", "宝音", "乌兰"]
TRAD_SUR = "陳黃張劉梁鄭謝羅吳蘇林李何葉馮"
TRAD_GIV = "志偉嘉欣詠詩俊傑家豪美玲敏儀子聰曉文雅婷國華"
PY_SUR = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu",
          "Ouyang", "Sima", "Zhuge", "Shangguan", "Lai", "Fu", "Xiao", "Yan"]
PY_GIV = ["Wei", "Fang", "Na", "Min", "Jing", "Qiang", "Lei", "Jun", "Yang", "Tao", "Ming", "Chao", "Xiaoming",
          "Jianguo", "Haiyan", "Yuxuan", "Zihan", "Siyuan", "Hongmei", "Zhiqiang", "Lina", "Xue", "Hao", "Kai"]
HK_ROM = [("CHAN", "Tai Man"), ("WONG", "Ka Yan"), ("LEUNG", "Chi Keung"), ("CHEUNG", "Siu Ming"), ("LAU", "Wing Sze"),
          ("NG", "Hoi Yan"), ("LAM", "Chun Kit"), ("HO", "Man Wai")]
TW_ROM = [("LIN", "Chih-Ling"), ("CHEN", "Shu-Fen"), ("HUANG", "Kuo-Hua"), ("TSAI", "Ya-Ting"), ("WU", "Chien-Hung"),
          ("HSU", "Mei-Hui")]
FOREIGN_FIRST = ["John", "Maria", "Olga", "Ahmed", "Yuki", "Min-jun", "Anna", "David", "Fatima", "Pierre", "Sofia",
                 "Lucas", "Aigerim", "Nguyen Van", "Hannah", "Mohammed", "Elena", "Kwame", "Priya", "Tomasz"]
FOREIGN_LAST = ["Smith", "Garcia Lopez", "Ivanova", "Al-Farsi", "Tanaka", "Kim", "Müller", "Dubois", "Rossi", "Silva",
                "Nurlanovna", "An", "Schmidt", "Khan", "Petrova", "Mensah", "Sharma", "Kowalski", "O'Brien", "Haddad"]


def han_name(rare: float = 0.12, compound: float = 0.05) -> str:
    x = rng.random()
    sur = pick(COMPOUND) if x < compound else pick(RARE) if x < compound + rare else pick(COMMON)
    n = 1 if (rng.random() < 0.3 or len(sur) == 2 and rng.random() < 0.5) else 2
    return sur + "".join(pick(GIVEN) for _ in range(n))


def surname(name: str) -> str:
    return name[:2] if name[:2] in COMPOUND else name[:1]


def minority_name(kind: str | None = None, seps="·•.・．") -> str:
    kind = kind or pick(["uy", "uy", "tib", "yi", "mon"])
    if kind == "uy":
        return pick(UY1) + pick(list(seps) + [""]) + pick(UY2)
    if kind == "tib":
        a = pick(TIB)
        return a + pick([t for t in TIB if t != a]) if rng.random() < 0.8 else a
    if kind == "yi":
        return pick(YI1) + pick(YI2)
    return pick(MONGOL) if rng.random() < 0.6 else pick(MONGOL) + pick(MONGOL)


def person_name(minority: float = 0.06, seps="·•.・．", **kw) -> str:
    return minority_name(seps=seps) if rng.random() < minority else han_name(**kw)


def hk_name(region: str = "hk") -> str:
    return pick(TRAD_SUR) + pick(TRAD_GIV) + pick(TRAD_GIV)


def romanised_cn(order=None) -> str:
    s, g = pick(PY_SUR), pick(PY_GIV)
    order = order or pick(["Gs", "SG", "S, G", "gs", "SG_upper"])
    return {"Gs": f"{g} {s}", "SG": f"{s.upper()} {g}", "S, G": f"{s.upper()}, {g}", "gs": f"{g} {s.upper()}",
            "SG_upper": f"{s.upper()} {g.upper()}"}[order]


def foreign_name() -> str:
    f, last = pick(FOREIGN_FIRST), pick(FOREIGN_LAST)
    return pick([f"{f} {last.upper()}", f"{last.upper()} {f}", f"{f} {last}", f"{last}, {f}"])


PSEUDO = lambda: pick(COMMON) + pick(["某", "某某", "某甲", "某乙"])  # noqa: E731  (王某: a pseudonym, not PI)
PLACEHOLDERS = ["无", "本人", "不详", "同上", "—", "/", "暂无", "自理"]

# ============================================================================ places
SYL = "新城南北东西石桥白沙龙泉清溪青山河湾柳塘金竹梅林桃源凤凰长安兴隆和平永宁康富民红星双井高田乐园丰茂花坪岭"
ROADS = ["文三", "解放", "人民", "建设", "中山", "和平", "胜利", "学院", "滨江", "朝阳", "光明", "新华", "长江", "黄河", "友谊"]
ESTATES = ["阳光", "翠苑", "金色", "绿城", "万科", "碧桂", "锦绣", "世纪", "幸福", "东方", "香樟", "紫荆", "南湖", "丽景"]
ESTATES_EN = ["Yangguang", "Cuiyuan", "Jinse", "Lvcheng", "Vanke", "Jinxiu", "Shiji", "Xiangzhang", "Nanhu"]
EST_SUF = ["小区", "家园", "花园", "公寓", "新村", "苑", "雅苑", "华庭", "一期", "二区"]


def place2() -> str:
    return pick(SYL) + pick(SYL)


def address(div=None, prefix: float = 0.6, kind: str | None = None) -> str:
    """A dwelling address with a house, room or village-group number (PI)."""
    div = div or pick(DIVS)
    code, prov, city, county = div
    pre = ""
    x = rng.random()
    if x < prefix * 0.6:
        pre = prov + city + county
    elif x < prefix:
        pre = (city or prov) + county
    elif x < prefix + 0.2:
        pre = county
    pv = code[:2]
    kind = kind or wpick([(35, "village"), (35, "estate"), (12, "street"), (8, "short"), (10, "special")])
    if kind == "special":
        kind = {"15": "gacha", "31": "lane", "54": "tib", "65": "xj"}.get(pv, "village")
    if kind == "village":
        v = place2()
        return pre + wpick([(50, f"{place2()}镇{v}村{rng.randint(1, 15)}组{rng.randint(1, 120)}号"),
                            (20, f"{place2()}乡{v}村委会第{rng.randint(1, 12)}村民小组{rng.randint(1, 80)}号"),
                            (20, f"{place2()}镇{v}村{pick(SYL)}家{pick(['坞', '湾', '塘'])}{rng.randint(1, 99)}号"),
                            (10, f"{v}村{rng.randint(1, 9)}组{rng.randint(1, 60)}号")])
    if kind == "gacha":
        return pre + f"{place2()}苏木{place2()}嘎查{rng.randint(1, 60)}号"
    if kind == "tib":
        return pre + f"{place2()}乡{place2()}村{rng.randint(1, 8)}组{rng.randint(1, 60)}号"
    if kind == "xj":
        return pre + f"{place2()}乡{place2()}村{rng.randint(1, 12)}组{rng.randint(1, 200)}号"
    if kind == "lane":
        return pre + f"{pick(ROADS)}路{rng.randint(10, 999)}弄{rng.randint(1, 60)}号{rng.randint(101, 604)}室"
    est = pick(ESTATES) + pick(EST_SUF)
    b, u, f, r = rng.randint(1, 30), rng.randint(1, 6), rng.randint(1, 33), rng.randint(1, 4)
    if kind == "estate":
        return pre + wpick([(40, f"{pick(ROADS)}路{rng.randint(1, 999)}号{est}{b}幢{u}单元{f}0{r}室"),
                            (30, f"{est}{b}-{u}-{f}0{r}"), (30, f"{est}{b}栋{f}0{r}")])
    if kind == "street":
        return pre + f"{place2()}街道{pick(ROADS)}路{rng.randint(1, 500)}号{rng.randint(1, 9)}栋{rng.randint(1, 25)}0{r}"
    return f"{est}{b}-{u}-{f}0{r}"  # short, no prefix at all


def org_address(div=None) -> str:
    """An organisation's registered or office address: not personal."""
    code, prov, city, county = div or pick(DIVS)
    return (city or prov) + county + wpick([(50, f"{pick(ROADS)}路{rng.randint(1, 999)}号"),
                                            (25, f"{pick(ROADS)}路{rng.randint(1, 999)}号{place2()}大厦{rng.randint(2, 28)}楼"),
                                            (25, f"{place2()}工业园区{pick(ROADS)}路{rng.randint(1, 99)}号")])


COMPANY_SUF = ["有限公司", "科技有限公司", "建设工程有限公司", "商贸有限公司", "物业服务有限公司", "置业有限公司",
               "劳务有限公司", "餐饮管理有限公司"]


def company(div=None) -> str:
    code, prov, city, county = div or pick(DIVS)
    return (city or prov).rstrip("市省") + place2() + pick(COMPANY_SUF)


# ============================================================================ dates
MON = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


def birth_written(d: dt.date, forms=None) -> str:
    form = wpick(forms or [(20, "ymd8"), (20, "iso"), (12, "slash"), (15, "cn"), (8, "dot"), (5, "en"), (5, "cnpad"),
                           (5, "ym_dot"), (5, "ym_cn"), (5, "dmy")])
    y, m, dd = d.year, d.month, d.day
    return {"ymd8": f"{y}{m:02d}{dd:02d}", "iso": f"{y}-{m:02d}-{dd:02d}", "slash": f"{y}/{m}/{dd}",
            "cn": f"{y}年{m}月{dd}日", "dot": f"{y}.{m:02d}.{dd:02d}", "en": f"{dd:02d} {MON[m - 1]} {y}",
            "cnpad": f"{y}年{m:02d}月{dd:02d}日", "ym_dot": f"{y}.{m:02d}", "ym_cn": f"{y}年{m}月",
            "ym6": f"{y}{m:02d}", "dmy": f"{dd:02d}/{m:02d}/{y}"}[form]


def ts(y0=2025, y1=2026) -> dt.datetime:
    d = rand_date(y0, y1)
    return dt.datetime(d.year, d.month, d.day, rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59))


# ============================================================================ cells with labels
class Cell:
    """Builds one cell's text from plain parts and personal values, remembering each value's label."""

    def __init__(self):
        self.parts: list[str] = []
        self.labels: list[tuple[str, str, str | None]] = []

    def t(self, s: str) -> "Cell":
        self.parts.append(s)
        return self

    def pi(self, typ: str, sub: str, core: str | None = None) -> "Cell":
        self.parts.append(sub)
        self.labels.append((typ, sub, core))
        return self

    def text(self) -> str:
        return "".join(self.parts)


IDENT = ev.IDENT


class Row:
    """One generated row: values by column name and labels (column, type, substring, core)."""

    def __init__(self):
        self.v: dict[str, object] = {}
        self.labels: list[tuple[str, str, str, str | None]] = []

    def put(self, col: str, value, *labels) -> None:
        self.v[col] = value
        for lab in labels:
            self.labels.append((col,) + tuple(lab))

    def cell(self, col: str, c: Cell) -> None:
        self.put(col, c.text(), *c.labels)

    def pi(self, col: str, typ: str, sub: str, core: str | None = None, value=None) -> None:
        """A cell holding one personal value (value: the typed value stored, if not the string itself)."""
        self.put(col, sub if value is None else value, (typ, sub, core))


ID_RUN = re.compile(r"(?<![0-9A-Z])(\d{17}[\dX])(?![0-9A-Z])")
MOB_RUN = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")
CARD_RUN = re.compile(r"(?<!\d)(6\d{15,18})(?!\d)")


def stray(text: str) -> str | None:
    """A valid personal identifier left in text that the truth does not label (after masking the labelled ones)."""
    t = unicodedata.normalize("NFKC", text).upper()
    for m in ID_RUN.finditer(t):
        if id_valid(m.group(1)):
            return "resident ID"
    if MOB_RUN.search(t):
        return "mobile"
    for m in CARD_RUN.finditer(t):
        if luhn_ok(m.group(1)):
            return "card"
    return None


class Table:
    def __init__(self, file: str, fmt: str, encoding: str, domain: str, note: str, columns, pq_types=None):
        self.file, self.fmt, self.encoding, self.domain, self.note = file, fmt, encoding, domain, note
        # columns: (name, note) or (name, note, free_text)
        self.columns = [(c[0], c[1], bool(c[2]) if len(c) > 2 else False) for c in columns]
        self.names = [c[0] for c in self.columns]
        self.pq_types = pq_types or {}
        self.rows: list[list] = []
        self.rendered: list[list[str]] = []
        self.values: list[list] = []
        self.redraws = 0

    def render(self, v) -> str:
        if self.fmt == "xlsx":  # openpyxl reads a whole float back as an int
            return "" if v is None else str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)
        return e6.render(v)

    def add(self, gen) -> None:
        """Add one row from gen() -> Row, drawing again while the row's labels would not be exact."""
        for _ in range(200):
            row = gen()
            missing = set(self.names) ^ set(row.v)
            assert not missing, (self.file, missing)
            vals = [row.v[n] for n in self.names]
            rend = [self.render(v) for v in vals]
            if self.ok(row, rend):
                r = len(self.rows)
                self.rows.append(vals)
                self.rendered.append(rend)
                seen = set()
                for col, typ, sub, core in row.labels:
                    c = self.names.index(col)
                    if (c, typ, sub) in seen:
                        continue
                    seen.add((c, typ, sub))
                    self.values.append([r, c, typ, sub, core])
                return
            self.redraws += 1
        raise RuntimeError(f"{self.file}: could not draw a row with exact labels")

    def ok(self, row: Row, rend: list[str]) -> bool:
        if self.fmt == "csv":
            try:
                "".join(rend).encode(self.encoding)
            except UnicodeEncodeError:
                return False
        if self.fmt == "xlsx" and any(s.startswith("=") for s in rend):
            return False
        by_c: dict[int, list] = {}
        for col, typ, sub, core in row.labels:
            by_c.setdefault(self.names.index(col), []).append((typ, sub, core))
        for c, text in enumerate(rend):
            items = sorted(set(by_c.get(c, [])), key=lambda x: -len(x[1]))
            masked = text
            for typ, sub, core in items:
                if not sub or sub not in text or not ev.leaked(typ, sub, core, text):
                    return False
                # each value occurs once in its cell, outside the longer labelled values that contain it
                rest = text
                for t2, s2, c2 in items:
                    if len(s2) > len(sub) and sub in s2:
                        rest = rest.replace(s2, "\0")
                if rest.count(sub) != 1:
                    return False
                if typ in IDENT and core and ev.nfkc(sub) != sub and rest.count(ev.nfkc(sub)) > 0:
                    return False
            for typ, sub, core in items:
                masked = masked.replace(sub, "*" * len(sub))
            for typ, sub, core in items:
                if ev.leaked(typ, sub, core, masked):
                    return False
            if stray(masked):
                return False
        return True

    # ------------------------------------------------------------------ truth
    def truth(self) -> dict:
        cols = []
        for c, (name, note, ft) in enumerate(self.columns):
            counts: dict[str, int] = {}
            for r, cc, typ, sub, core in self.values:
                if cc == c:
                    counts[typ] = counts.get(typ, 0) + 1
            types = sorted(counts)
            label = "none" if not types else "free_text" if ft else types[0] if len(types) == 1 else "mixed"
            cols.append({"name": name, "label": label, "types": types, "note": note, "free_text": ft,
                         "counts": dict(sorted(counts.items()))})
        return {"file": self.file, "format": self.fmt, "encoding": self.encoding, "domain": self.domain,
                "rows": len(self.rows), "note": self.note, "columns": cols, "values": self.values}

    # ------------------------------------------------------------------ writing
    def write(self, out: Path) -> None:
        path = out / self.file
        if self.fmt == "csv":
            buf = io.StringIO(newline="")
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(self.names)
            for row in self.rows:
                w.writerow(["" if v is None else v for v in row])
            path.write_bytes(buf.getvalue().encode(self.encoding))
        elif self.fmt == "xlsx":
            write_xlsx(path, self.names, self.rows)
        elif self.fmt == "json":
            recs = [dict(zip(self.names, row)) for row in self.rows]
            path.write_bytes(json.dumps(recs, ensure_ascii=False, indent=1).encode("utf-8"))
        else:
            write_parquet(path, self.names, self.rows, self.pq_types)


FIXED_TIME = (2026, 11, 30, 0, 0, 0)


def write_xlsx(path: Path, names, rows) -> None:
    """openpyxl, then the zip written again with fixed times so the file is byte-identical per seed."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(names)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd" if cell.value.time() == dt.time(0) else "yyyy-mm-dd hh:mm:ss"
    fixed = dt.datetime(*FIXED_TIME)
    wb.properties.created = fixed
    buf = io.BytesIO()
    wb.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    obuf = io.BytesIO()
    with zipfile.ZipFile(obuf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-11-30T00:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(obuf.getvalue())


def write_parquet(path: Path, names, rows, types) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    arrays = []
    for c, n in enumerate(names):
        col = [row[c] for row in rows]
        t = types.get(n, "string")
        if t == "dict":
            arrays.append(pa.array(col, type=pa.string()).dictionary_encode())
        else:
            arrays.append(pa.array(col, type={"string": pa.string(), "large_string": pa.large_string(),
                                              "int64": pa.int64(), "int32": pa.int32(), "float64": pa.float64(),
                                              "date32": pa.date32(), "timestamp": pa.timestamp("s")}[t]))
    pq.write_table(pa.Table.from_arrays(arrays, names=names), path, compression="snappy")


# ============================================================================ helpers for rows
def multi_names(n: int, seps=("、", "，", "/", "；", " ", ",")) -> Cell:
    """Several persons in one cell, joined the way people join them."""
    sep = pick(seps)
    c = Cell()
    for i in range(n):
        if i:
            c.t(sep)
        c.pi("person_name", person_name())
    return c


def two_mobiles() -> Cell:
    c = Cell()
    a = mobile_written()
    b = mobile_written(forms=[(80, "plain"), (20, "dash")])
    c.pi("cn_mobile", *a).t(pick(["/", "，", "、", ";", " ", "或"])).pi("cn_mobile", *b)
    return c


def phone_cell(p_landline=0.15, p_two=0.06, p_empty=0.0, p_office=0.0) -> Cell:
    """A person's contact number: mobile (most), home landline, two numbers, or an office number (not PI)."""
    x = rng.random()
    if x < p_empty:
        return Cell().t(pick(["", "无", " ", "不详"]))
    if x < p_empty + p_office:
        return Cell().t(office_phone())
    if x < p_empty + p_office + p_two:
        return two_mobiles()
    if x < p_empty + p_office + p_two + p_landline:
        return Cell().pi("cn_landline", *landline_written())
    return Cell().pi("cn_mobile", *mobile_written())


def code(prefix: str, n: int) -> str:
    return prefix + digits_n(n)


# ============================================================================ the tables
DISEASES = ["高血压", "2型糖尿病", "肺炎", "冠心病", "脑梗死", "骨折术后", "慢性阻塞性肺病", "阑尾炎术后", "胆囊结石"]
DEPTS = ["心内科", "内分泌科", "呼吸科", "神经内科", "骨科", "普外科", "老年科"]


def t01() -> Table:
    cols = [("zyh", "住院号 ZY+digits, not PI"), ("brxm", "病人姓名 (pinyin brxm)"), ("xb", "性别"),
            ("csny", "出生年月/日 in many written forms (birth-date evidence: header)"),
            ("zjlx", "证件类型"), ("zjh", "证件号: resident IDs in people's forms, passports, HK/Macau permits"),
            ("yddh", "移动电话: forms, +86/0086, two in a cell"), ("jtdh", "家庭电话: home landlines (PI), 无"),
            ("xzz", "现住址: all provinces, village and estate forms"), ("lxr", "联系人: names; 同上/本人/无 placeholders"),
            ("lxrgx", "联系人关系"), ("lxrdh", "联系人电话"), ("zgys", "主管医生: names (PI); 张主任-style title only (not PI)"),
            ("ks", "科室"), ("kszj", "科室座机 with extension: office, not PI"), ("cyrq", "出院日期, not PI"),
            ("sfjl", "随访记录 free text: names after 患者/其女/家属 cues, landlines, addresses", True)]
    tb = Table("01_chuyuan_huanzhe_suifang.csv", "csv", "utf-8", "出院患者随访登记（卫生健康）",
               "pinyin headers of kinds not in the issue's list (brxm, csny, zjh, yddh, jtdh, xzz, zgys); identifiers "
               "in people's forms; doctors' names and title-only references side by side; free-text follow-up notes",
               cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        birth = rand_date(1935, 2008)
        name = person_name(minority=0.07)
        r.put("zyh", code("ZY2025", 6))
        r.pi("brxm", "person_name", name)
        r.put("xb", pick(["男", "女"]))
        r.pi("csny", "birth_date", birth_written(birth))
        x = rng.random()
        if x < 0.9:
            r.put("zjlx", "居民身份证")
            core = id15(div, birth) if birth.year < 1950 and rng.random() < 0.4 else id18(div, birth)
            r.pi("zjh", "cn_resident_id", *id_written(core))
        elif x < 0.95:
            r.put("zjlx", "护照")
            r.pi("zjh", "cn_passport", *passport_cn())
        else:
            r.put("zjlx", "港澳居民来往内地通行证")
            r.pi("zjh", "hk_macau_permit", *hk_permit())
        r.cell("yddh", phone_cell(p_landline=0.0, p_two=0.08))
        if rng.random() < 0.45:
            r.pi("jtdh", "cn_landline", *landline_written())
        else:
            r.put("jtdh", pick(["", "", "无", "/"]))
        r.pi("xzz", "address", address(div))
        rel = pick(["配偶", "女儿", "儿子", "母亲", "父亲", "孙子", "本人", "同上"])
        if rel in ("本人", "同上"):
            r.put("lxr", rel)
            r.put("lxrgx", "")
            r.put("lxrdh", "")
        else:
            r.pi("lxr", "person_name", person_name())
            r.put("lxrgx", rel)
            r.cell("lxrdh", phone_cell(p_landline=0.1, p_two=0.03))
        if rng.random() < 0.15:
            r.put("zgys", pick(COMMON) + pick(["主任", "医生", "大夫", "主任医师"]))  # a title without a name: not PI
        else:
            r.pi("zgys", "person_name", han_name())
        r.put("ks", pick(DEPTS))
        r.put("kszj", office_phone())
        r.put("cyrq", rand_date(2025, 2026).isoformat())
        c = Cell()
        k = rng.random()
        if k < 0.25:
            c.t(pick(["电话随访，恢复良好，遵医嘱服药。", "未接通，三日后再访。", "已复诊，无特殊不适。", "患者拒绝随访。"]))
        elif k < 0.55:
            c.t("电话随访，患者").pi("person_name", name).t(f"诉{pick(['偶有头晕', '血糖控制尚可', '伤口愈合好', '夜间咳嗽'])}，")
            c.t("其" + pick(["女", "子", "妻", "夫", "孙女"])).pi("person_name", han_name()).t("代述，嘱定期复查。")
        elif k < 0.75:
            c.t("家属").pi("person_name", han_name()).t("来电，告知患者已搬至").pi("address", address(prefix=0.2))
            c.t("居住，新联系电话").pi("cn_mobile", *mobile_written()).t("。")
        elif k < 0.9:
            c.t("上门随访：").pi("address", address(div, prefix=0.0)).t("，家中座机").pi("cn_landline", *landline_written())
            c.t(f"，{pick(DISEASES)}，建议社区医生跟进。")
        else:
            c.t("随访护士").pi("person_name", han_name()).t("记录：患者女儿").pi("person_name", han_name())
            c.t("驾车（").pi("cn_license_plate", *plate_written()).t("）陪同复诊。")
        r.cell("sfjl", c)
        return r

    for _ in range(950):
        tb.add(gen)
    return tb


SCHOOLS = ["实验小学", "中心小学", "第二中学", "育才学校", "外国语学校", "九年一贯制学校", "民族中学"]


def t02() -> Table:
    cols = [(f"col_{i}", n) for i, n in enumerate([
        "备案编号 XC-division-year-seq, not PI", "学校名称", "学校地址: office address, not PI",
        "驾驶人 names", "身份证号 as text in people's forms", "出生日期 as a real Excel date",
        "联系电话: mobiles as Excel numbers, some text with dashes", "校车使用许可编号 (the school's permit), not PI",
        "准驾车型", "随车照管员: 1-3 persons joined by 、，/；", "照管员电话: two mobiles in a cell",
        "附件: file names holding names (王五身份证.jpg: PI)", "家庭住址", "备注: sparse, whitespace cells"], start=1)]
    cols[13] = (cols[13][0], cols[13][1], True)
    tb = Table("02_xiaoche_jiashiren_beian.xlsx", "xlsx", "", "校车驾驶人及照管员备案（教育/交通）",
               "headers col_1…col_14 only; mobiles as Excel numbers; birth dates as Excel dates; several persons in "
               "one cell; names inside attachment file names", cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        birth = rand_date(1966, 1995)
        name = person_name(minority=0.05)
        r.put("col_1", f"XC-{div[0]}-2025-{rng.randint(1, 9999):04d}")
        r.put("col_2", (div[2] or div[1]).rstrip("市省") + div[3] + pick(SCHOOLS))
        r.put("col_3", org_address(div))
        r.pi("col_4", "person_name", name)
        r.pi("col_5", "cn_resident_id", *id_written(id18(div, birth), [(70, "plain"), (10, "space"), (10, "lower"), (10, "dash")]))
        bd = dt.datetime(birth.year, birth.month, birth.day)
        r.pi("col_6", "birth_date", bd.date().isoformat(), value=bd)
        m = mobile()
        if rng.random() < 0.75:
            r.pi("col_7", "cn_mobile", m, m, value=int(m))
        else:
            r.pi("col_7", "cn_mobile", *mobile_written(m, [(50, "dash"), (50, "space")]))
        r.put("col_8", f"{div[3]}校车许可〔{rng.randint(2023, 2025)}〕{rng.randint(1, 999):03d}号")
        r.put("col_9", pick(["A1", "A3", "B1"]))
        n = wpick([(55, 1), (35, 2), (10, 3)])
        r.cell("col_10", multi_names(n))
        if n >= 2 and rng.random() < 0.7:
            r.cell("col_11", two_mobiles())
        else:
            r.pi("col_11", "cn_mobile", *mobile_written())
        files = []
        c = Cell()
        sel = rng.sample(["id", "lic", "exam", "crime", "helper"], rng.randint(1, 4))
        for kind in sel:
            if files:
                c.t(pick(["；", ";", "，", " | "]))
            files.append(kind)
            if kind == "id":
                c.pi("person_name", name).t(pick(["身份证.jpg", "身份证正反面.pdf", "_身份证.png"]))
            elif kind == "lic":
                c.t("驾驶人").pi("person_name", name).t("驾驶证.pdf") if "id" not in sel else c.t("驾驶证.pdf")
            elif kind == "exam":
                c.t("体检表.pdf")
            elif kind == "crime":
                c.t("无犯罪记录证明.pdf")
            else:
                c.t("照管员").pi("person_name", person_name()).t("健康证.jpg")
        r.cell("col_12", c)
        r.pi("col_13", "address", address(div))
        x = rng.random()
        if x < 0.75:
            r.put("col_14", pick(["", "", " ", "  "]))
        elif x < 0.85:
            r.cell("col_14", Cell().t("原驾驶人").pi("person_name", han_name()).t("已调离，") .t(pick(["2025年9月起由本人驾驶", "已注销"])))
        elif x < 0.92:
            r.cell("col_14", Cell().t("紧急联系人").pi("person_name", han_name()).pi("cn_mobile", *mobile_written()))
        else:
            r.put("col_14", pick(["年审合格", "待补体检表", "校方已核实"]))
        return r

    for _ in range(800):
        tb.add(gen)
    return tb


PENALTY = ["虚假宣传", "未按时报送年度报告", "食品安全抽检不合格", "无证经营", "违反价格规定", "未履行行政处罚决定"]


def t03() -> Table:
    cols = [("申请编号", "XF + division + year + seq, not PI"), ("企业名称", "not PI"), ("统一社会信用代码", "valid USCC, not PI"),
            ("住所", "registered address, not PI"), ("成立日期", "founding date written like a birth date, not PI"),
            ("失信类型", "not PI"), ("处罚决定书文号", "case number, not PI"),
            ("法定代表人", "nested object: 姓名, 证件类型, 证件号码 (ID / HK-Macau-Taiwan residence ID / permits / foreign "
                      "passport), 手机号码 as a string or a JSON number"),
            ("经办人", "array of {姓名, 电话}; office numbers with extensions are not PI"),
            ("主要人员", "array of strings: names with a role in brackets (PI), corporate shareholders (not PI)"),
            ("对公账号", "corporate accounts (Luhn passes by chance), not PI"), ("企业联系电话", "switchboards, not PI"),
            ("附件", "array of file names; names inside (法人王五身份证.pdf) are PI"),
            ("审核意见", "free text: names after 法定代表人/经办人 cues; pseudonyms 张某 (not PI)", True),
            ("审核人", "officials' names (PI); 李科长-style title only (not PI)")]
    tb = Table("03_qiye_xinyong_xiufu.json", "json", "utf-8", "企业信用修复申请（企业登记和监管）",
               "JSON with nested objects and arrays; persons inside enterprise records; Hong Kong, Macau, Taiwan and "
               "foreign legal representatives; names in attachment file names", cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        found = rand_date(1995, 2023)
        r.put("申请编号", f"XF{div[0]}2025{rng.randint(1, 99999):05d}")
        r.put("企业名称", company(div))
        r.put("统一社会信用代码", uscc("91", div))
        r.put("住所", org_address(div))
        r.put("成立日期", pick([found.isoformat(), found.strftime("%Y%m%d"), f"{found.year}年{found.month}月{found.day}日"]))
        r.put("失信类型", pick(PENALTY))
        r.put("处罚决定书文号", f"{(div[2] or div[1])[:1]}市监罚处〔{rng.randint(2022, 2025)}〕{rng.randint(1, 999)}号")
        x = rng.random()
        if x < 0.78:
            name, kind, idv = han_name(), "居民身份证", id_written(id18())
            idtype = "cn_resident_id"
        elif x < 0.86:
            reg = pick(["hk", "mo", "tw"])
            name = hk_name()
            kind, idv, idtype = "港澳台居民居住证", (lambda v: (v, v))(hkmo_tw_resident_id(reg)), "cn_resident_id"
        elif x < 0.92:
            name, kind, idv, idtype = hk_name(), "港澳居民来往内地通行证", ("H" + digits_n(8),) * 2, "hk_macau_permit"
        elif x < 0.95:
            name, kind, idv, idtype = hk_name(), "台湾居民来往大陆通行证", tw_permit(), "hk_macau_permit"
        else:
            name, kind, idv, idtype = foreign_name(), "外国护照", foreign_passport(), "foreign_passport"
        m = mobile()
        mv = int(m) if rng.random() < 0.3 else mobile_written(m)[0]
        rep = {"姓名": name, "证件类型": kind, "证件号码": idv[0], "手机号码": mv}
        r.put("法定代表人", rep, ("person_name", name, None), (idtype, idv[0], idv[1]),
              ("cn_mobile", str(mv), m))
        ag = []
        labs = []
        for _ in range(wpick([(60, 1), (30, 2), (10, 0)])):
            an = han_name()
            if rng.random() < 0.8:
                w, core = mobile_written(forms=[(80, "plain"), (20, "dash")])
                labs.append(("cn_mobile", w, core))
            else:
                w = office_phone()
            ag.append({"姓名": an, "电话": w})
            labs.append(("person_name", an, None))
        r.put("经办人", ag, *labs)
        staff, labs = [], []
        for role in rng.sample(["监事", "董事", "财务负责人", "股东"], rng.randint(0, 3)):
            sn = han_name()
            if sn == name or any(sn in x for x in staff):
                continue
            staff.append(f"{sn}（{role}）" if rng.random() < 0.7 else sn)
            labs.append(("person_name", sn, None))
        if rng.random() < 0.3:
            staff.append(company() + "（股东）")
        r.put("主要人员", staff, *labs)
        r.put("对公账号", corporate_account())
        r.put("企业联系电话", office_phone())
        files, labs = ["营业执照副本.pdf"], []
        if rng.random() < 0.7:
            files.append(pick(["法人", "法定代表人", ""]) + name + pick(["身份证.pdf", "身份证明.jpg", "护照.pdf"]))
            labs.append(("person_name", name, None))
        if ag and rng.random() < 0.6:
            files.append("经办人" + ag[0]["姓名"] + "授权委托书.pdf")
            labs.append(("person_name", ag[0]["姓名"], None))
        files.append(pick(["信用修复承诺书.pdf", "履行完毕证明.pdf", "整改报告.docx"]))
        r.put("附件", files, *labs)
        c = Cell()
        k = rng.random()
        if k < 0.35:
            c.t(f"经核查，该企业已履行行政处罚决定，法定代表人").pi("person_name", name).t("已签署信用修复承诺书，同意修复。")
        elif k < 0.55:
            c.t(f"经办人{PSEUDO()}提交材料齐全，同意修复。")
        elif k < 0.7:
            c.t("材料不全：缺少").pi("person_name", name).t("的身份证明，请补正后重新提交。")
        else:
            c.t(pick(["同意修复。", "符合修复条件，予以修复。", "不予修复：处罚未满最短公示期。"]))
        r.cell("审核意见", c)
        if rng.random() < 0.2:
            r.put("审核人", pick(COMMON) + pick(["科长", "主任", "处长"]))
        else:
            r.pi("审核人", "person_name", han_name())
        return r

    for _ in range(700):
        tb.add(gen)
    return tb


def t04() -> Table:
    cols = [("序号", "not PI"), ("县区", "not PI"), ("乡镇", "not PI"), ("行政村", "village name alone, not PI"),
            ("信息员", "names from every province incl. Uyghur/Kazakh (GBK separators · . ．), Tibetan, Yi, Mongolian"),
            ("民族", "not PI"), ("公民身份号码", "IDs incl. 15-digit legacy and forms"),
            ("手机", "mobiles; two in a cell"), ("村委会电话", "village committee office numbers, not PI"),
            ("家庭住址", "village-level dwelling addresses"), ("职务", "not PI"), ("备用联系人", "names; 无/不详 placeholders"),
            ("备用联系人电话", "mobiles and home landlines")]
    tb = Table("04_qixiang_zaihai_xinxiyuan.csv", "csv", "gbk", "气象灾害预警信息员名册（气象）",
               "GBK; register word 信息员 instead of 姓名; every province; village-level addresses; minority names",
               cols)
    ETH = {"uy": "维吾尔族", "tib": "藏族", "yi": "彝族", "mon": "蒙古族"}
    seq = [0]

    def gen():
        r = Row()
        div = pick(DIVS)
        pv = div[0][:2]
        kind = {"65": "uy", "54": "tib", "63": "tib", "62": "tib", "15": "mon"}.get(pv)
        if div[0] == "513431" or div[0] == "513401":
            kind = "yi"
        if kind and rng.random() < 0.6:
            name, eth = minority_name(kind, seps="·.．"), ETH[kind]
        else:
            name, eth = han_name(), pick(["汉族"] * 8 + ["壮族", "回族", "土家族", "苗族"])
        seq[0] += 1
        r.put("序号", str(seq[0]))
        r.put("县区", div[3])
        town = place2() + pick(["镇", "乡", "街道"])
        r.put("乡镇", town)
        r.put("行政村", place2() + pick(["村", "社区", "嘎查"]))
        r.pi("信息员", "person_name", name)
        r.put("民族", eth)
        core = id15(div) if rng.random() < 0.08 else id18(div, rand_date(1955, 1998))
        r.pi("公民身份号码", "cn_resident_id", *id_written(core))
        r.cell("手机", phone_cell(p_landline=0.0, p_two=0.12))
        r.put("村委会电话", office_phone() if rng.random() < 0.8 else "")
        r.pi("家庭住址", "address", address(div, kind=wpick([(60, "village"), (25, "special"), (15, "estate")])))
        r.put("职务", pick(["村委会主任", "村支书", "网格员", "村医", "会计", "妇女主任"]))
        if rng.random() < 0.85:
            r.pi("备用联系人", "person_name", person_name(seps="·.．"))
            r.cell("备用联系人电话", phone_cell(p_landline=0.2))
        else:
            r.put("备用联系人", pick(["无", "不详", "暂无"]))
            r.put("备用联系人电话", "")
        return r

    for _ in range(1000):
        tb.add(gen)
    return tb


def t05() -> Table:
    names = ["卡口编号", "卡口名称", "方向", "车道号", "统计时间", "小型车流量", "大型车流量", "平均车速", "设备序列号",
             "数据批次号", "运维单位", "运维电话", "数据状态"]
    cols = [(n, "no personal information") for n in names]
    tb = Table("05_jiaotong_kakou_liuliang.parquet", "parquet", "", "交通卡口流量统计（交通）",
               "no personal information at all: checkpoint codes and names (dictionary columns), timestamps, counts, "
               "speeds, device serials, 19-digit batch numbers, maintenance companies and their service numbers", cols,
               {"卡口编号": "dict", "卡口名称": "dict", "方向": "dict", "车道号": "int32", "统计时间": "timestamp",
                "小型车流量": "int64", "大型车流量": "int64", "平均车速": "float64", "运维单位": "dict", "数据状态": "dict"})
    points = [(f"KK{330100 + i:06d}{rng.randint(10, 99)}", f"G{pick(['60', '25', '92', '15', '56'])}"
               f"{pick(['沪昆', '长深', '杭甬', '沈海', '杭瑞'])}高速K{rng.randint(10, 400)}+{rng.randint(0, 9)}00")
              for i in range(40)]
    ops = [(company(), office_phone()) for _ in range(6)]

    def gen():
        r = Row()
        p = pick(points)
        op = pick(ops)
        t = ts()
        r.put("卡口编号", p[0])
        r.put("卡口名称", p[1])
        r.put("方向", pick(["上行", "下行", "东向西", "西向东"]))
        r.put("车道号", rng.randint(1, 6))
        r.put("统计时间", t.replace(minute=(t.minute // 5) * 5, second=0))
        r.put("小型车流量", rng.randint(0, 600))
        r.put("大型车流量", rng.randint(0, 150))
        r.put("平均车速", round(rng.uniform(20, 120), 1))
        r.put("设备序列号", f"{pick(['DS-2CD', 'HK-TM', 'UNV-IPC'])}{digits_n(4)}-{t.year}{digits_n(6)}")
        r.put("数据批次号", t.strftime("%Y%m%d%H") + digits_n(9))
        r.put("运维单位", op[0])
        r.put("运维电话", op[1])
        r.put("数据状态", pick(["有效", "有效", "有效", "补传", "异常"]))
        return r

    for _ in range(1400):
        tb.add(gen)
    return tb


def t06() -> Table:
    names = ["参保人姓名", "公民身份号码", "出生日期", "村社区", "缴费档次", "缴费金额", "代扣银行卡号", "联系电话", "代缴人",
             "代缴人关系", "扣款时间", "经办网点"]
    cols = [("参保人姓名", "large_string names"), ("公民身份号码", "plain string IDs"),
            ("出生日期", "date32 birth date (str: YYYY-MM-DD)"), ("村社区", "dictionary, not PI"), ("缴费档次", "int32"),
            ("缴费金额", "float64"), ("代扣银行卡号", "bank cards stored as int64"),
            ("联系电话", "mobiles stored as float64 with nulls (str: 13812345678.0)"),
            ("代缴人", "large_string names of relatives, null when self-paid"), ("代缴人关系", "dictionary, not PI"),
            ("扣款时间", "timestamp, not PI"), ("经办网点", "dictionary, not PI")]
    tb = Table("06_jumin_yanglao_daikou.parquet", "parquet", "", "城乡居民基本养老保险缴费代扣明细（社会保障）",
               "typed Parquet: numbers stored as int64/float64, a date32 birth date, dictionary and large_string columns",
               cols, {"参保人姓名": "large_string", "出生日期": "date32", "村社区": "dict", "缴费档次": "int32",
                      "缴费金额": "float64", "代扣银行卡号": "int64", "联系电话": "float64", "代缴人": "large_string",
                      "代缴人关系": "dict", "扣款时间": "timestamp", "经办网点": "dict"})
    villages = [place2() + pick(["村", "社区"]) for _ in range(60)]
    sites = [pick(["农商银行", "邮储银行", "农业银行"]) + place2() + "支行" for _ in range(12)]
    assert len(names) == len(cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        birth = rand_date(1961, 2006)
        r.pi("参保人姓名", "person_name", person_name(minority=0.05))
        r.pi("公民身份号码", "cn_resident_id", *((lambda v: (v, v))(id18(div, birth))))
        r.pi("出生日期", "birth_date", birth.isoformat(), value=birth)
        r.put("村社区", pick(villages))
        lv = rng.randint(1, 12)
        r.put("缴费档次", lv)
        r.put("缴费金额", float(lv * 100 + pick([0, 0, 50])))
        cd = card([b for b in BINS if b[0].startswith("62")])
        r.pi("代扣银行卡号", "bank_card", cd, cd, value=int(cd))
        if rng.random() < 0.85:
            m = mobile()
            r.pi("联系电话", "cn_mobile", m, m, value=float(m))
        else:
            r.put("联系电话", None)
        if rng.random() < 0.3:
            r.pi("代缴人", "person_name", han_name())
            r.put("代缴人关系", pick(["子女", "配偶", "孙子女", "村集体代缴"]))
        else:
            r.put("代缴人", None)
            r.put("代缴人关系", "本人")
        r.put("扣款时间", ts())
        r.put("经办网点", pick(sites))
        return r

    for _ in range(1400):
        tb.add(gen)
    return tb


REL = ["妻", "夫", "子", "女", "母", "父", "孙子", "孙女", "儿媳"]


def t07() -> Table:
    cols = [("审批编号", "not PI"), ("申请人", "names"), ("证件号码", "IDs in people's forms"),
            ("家庭成员", "several persons per cell: 妻 王芳；子 李明 / 、 / ， / '/' / ；"),
            ("家庭住址", "dwelling addresses"), ("联系电话", "mobiles, home landlines"), ("救助类别", "not PI"),
            ("救助金额", "not PI"), ("开户人", "names"), ("银行账号", "cards grouped by four, dashes, full width"),
            ("申请事由", "free text: names after 申请人/其妻/其子 cues, birth dates after 出生, addresses, phones", True),
            ("经办人", "real names and pseudonyms 李某某 side by side (pseudonyms not PI)"),
            ("审批人", "张伟科长 (name PI, the title not part of it) and 张科长 (title only, not PI)")]
    tb = Table("07_linshi_jiuzhu_shenpi.csv", "csv", "utf-8-sig", "临时救助审批表（民政）",
               "UTF-8 with BOM; several family members in one cell with relation words; pseudonyms beside real names; "
               "names followed by titles", cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        app = person_name(minority=0.05)
        sur = surname(app)
        r.put("审批编号", f"LSJZ{div[0]}{rng.randint(2025, 2026)}{rng.randint(1, 9999):04d}")
        r.pi("申请人", "person_name", app)
        birth = rand_date(1950, 2000)
        r.pi("证件号码", "cn_resident_id", *id_written(id18(div, birth)))
        c = Cell()
        members = []
        style = pick(["rel", "list", "list"])
        sep = pick(["；", "、", "，", "/", ";", " "])
        for i in range(wpick([(20, 1), (35, 2), (30, 3), (15, 4)])):
            rel = pick(REL)
            han = sur in COMMON or sur in RARE or sur in COMPOUND
            nm = (sur + pick(GIVEN) + pick(GIVEN)) if rel in ("子", "女", "孙子", "孙女") and han else han_name()
            members.append((rel, nm))
            if i:
                c.t(sep if style == "list" else pick(["；", ";", "，"]))
            if style == "rel":
                c.t(rel + pick([" ", "：", ""])).pi("person_name", nm)
            else:
                c.pi("person_name", nm)
        r.cell("家庭成员", c)
        home = address(div)
        r.pi("家庭住址", "address", home)
        r.cell("联系电话", phone_cell(p_landline=0.2, p_two=0.05))
        r.put("救助类别", pick(["急难型", "支出型", "生活无着人员"]))
        r.put("救助金额", str(pick([500, 800, 1000, 1500, 2000, 3000, 5000])))
        holder = app if rng.random() < 0.75 else members[0][1]
        r.pi("开户人", "person_name", holder)
        r.pi("银行账号", "bank_card", *card_written())
        c = Cell()
        k = rng.random()
        rel, mem = members[0]
        if k < 0.4:
            c.t("申请人").pi("person_name", app).t("，")
            if rng.random() < 0.5:
                c.pi("birth_date", f"{birth.year}年{birth.month}月{birth.day}日").t("出生，")
            c.t(f"其{rel}").pi("person_name", mem).t(f"于{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月因{pick(DISEASES)}住院，")
            c.t("家庭收入无法负担医疗费用，申请临时救助。")
        elif k < 0.65:
            c.t("家住").pi("address", address(div, prefix=0.0)).t(f"，房屋因{pick(['火灾', '暴雨', '山体滑坡'])}受损，")
            c.t("申请人联系电话").pi("cn_mobile", *mobile_written()).t("，村委会证明属实。")
        elif k < 0.8:
            c.t(f"申请人因{pick(['意外事故', '突发重病', '失业'])}导致基本生活暂时困难，邻居{PSEUDO()}证明情况属实。")
        else:
            c.t(pick(["因病致贫。", "子女就学费用支出过大。", "突发事件导致生活困难。"]))
        r.cell("申请事由", c)
        r.put("经办人", PSEUDO()) if rng.random() < 0.35 else r.pi("经办人", "person_name", han_name())
        x = rng.random()
        if x < 0.3:
            r.put("审批人", pick(COMMON) + pick(["科长", "局长", "主任"]))
        elif x < 0.6:
            nm = han_name()
            r.cell("审批人", Cell().pi("person_name", nm).t(pick(["科长", "（科长）", " 副局长", "主任"])))
        else:
            r.pi("审批人", "person_name", han_name())
        return r

    for _ in range(850):
        tb.add(gen)
    return tb


def t08() -> Table:
    cols = [("备案号", "not PI"), ("房屋坐落", "rented dwellings: estate forms (PI)"), ("建筑面积", "float, not PI"),
            ("出租人", "persons (PI) and companies (not PI)"), ("出租人证件号", "IDs; USCC for companies (not PI)"),
            ("出租人电话", "mobiles as Excel numbers or text; company switchboards (not PI)"),
            ("承租人", "mainland, Hong Kong/Macau/Taiwan (traditional characters, romanised) and foreign persons"),
            ("承租人证件类型", "not PI"),
            ("承租人证件号码", "IDs, 港澳台居民居住证 (810000/820000/830000, GB 11643), H/M permits, Taiwan 8-digit "
                         "permits, foreign passports"),
            ("承租人电话", "mainland mobiles; +852/+853/+886 and foreign mobiles (other_phone)"),
            ("月租金", "int, not PI"), ("租赁期限", "not PI"), ("经纪机构", "not PI"), ("经纪人", "names"),
            ("经纪人电话", "mobiles")]
    tb = Table("08_zhufang_zulin_hetong_beian.xlsx", "xlsx", "", "住房租赁合同网签备案（住房）",
               "XLSX; Hong Kong, Macau, Taiwan and foreign tenants; a generic 证件号码 column of many identifier kinds; "
               "company landlords as decoys beside personal ones", cols)
    agencies = [company() for _ in range(15)]

    def gen():
        r = Row()
        div = pick(DIVS[:50])
        r.put("备案号", f"ZL{div[0]}{rng.randint(2025, 2026)}{digits_n(6)}")
        r.pi("房屋坐落", "address", address(div, kind=pick(["estate", "estate", "street", "short"])))
        r.put("建筑面积", round(rng.uniform(35, 160), 2))
        if rng.random() < 0.2:
            r.put("出租人", company(div) if rng.random() < 0.5 else (div[2] or div[1]).rstrip("市省") + "住房租赁有限公司")
            r.put("出租人证件号", uscc("91", div))
            r.put("出租人电话", office_phone())
        else:
            r.pi("出租人", "person_name", han_name())
            r.pi("出租人证件号", "cn_resident_id", *id_written(id18()))
            m = mobile()
            if rng.random() < 0.5:
                r.pi("出租人电话", "cn_mobile", m, m, value=int(m))
            else:
                r.pi("出租人电话", "cn_mobile", *mobile_written(m))
        x = rng.random()
        if x < 0.6:
            r.pi("承租人", "person_name", person_name())
            r.put("承租人证件类型", "居民身份证")
            r.pi("承租人证件号码", "cn_resident_id", *id_written(id18()))
            r.pi("承租人电话", "cn_mobile", *mobile_written())
        elif x < 0.78:
            reg = pick(["hk", "mo", "tw"])
            nm = hk_name() if rng.random() < 0.6 else " ".join(pick(HK_ROM if reg != "tw" else TW_ROM))
            r.pi("承租人", "person_name", nm)
            if rng.random() < 0.5:
                r.put("承租人证件类型", "港澳台居民居住证")
                v = hkmo_tw_resident_id(reg)
                r.pi("承租人证件号码", "cn_resident_id", v, v)
            elif reg == "tw":
                r.put("承租人证件类型", "台湾居民来往大陆通行证")
                r.pi("承租人证件号码", "hk_macau_permit", *tw_permit())
            else:
                r.put("承租人证件类型", "港澳居民来往内地通行证")
                v = ("H" if reg == "hk" else "M") + digits_n(8)
                r.pi("承租人证件号码", "hk_macau_permit", v, v)
            if rng.random() < 0.5:
                r.pi("承租人电话", "cn_mobile", *mobile_written())
            else:
                cc = {"hk": "+852", "mo": "+853", "tw": "+886"}[reg]
                num = {"hk": digits_n(8, "569"), "mo": "6" + digits_n(7), "tw": "9" + digits_n(8)}[reg]
                w = pick([f"{cc} {num}", f"{cc}-{num}", f"({cc[1:]}){num}"])
                r.pi("承租人电话", "other_phone", w, cc[1:] + num)
        else:
            r.pi("承租人", "person_name", foreign_name())
            r.put("承租人证件类型", "护照")
            r.pi("承租人证件号码", "foreign_passport", *foreign_passport())
            if rng.random() < 0.6:
                r.pi("承租人电话", "cn_mobile", *mobile_written(forms=[(50, "+86"), (50, "+86 space")]))
            else:
                cc, num = pick([("+1", "415" + digits_n(7, "23456789")), ("+44", "7700" + digits_n(6)),
                                ("+81", "90" + digits_n(8)), ("+82", "10" + digits_n(8)), ("+7", "9" + digits_n(9))])
                r.pi("承租人电话", "other_phone", f"{cc} {num}", cc[1:] + num)
        r.put("月租金", rng.randint(8, 80) * 100)
        start = rand_date(2025, 2026)
        r.put("租赁期限", f"{start.isoformat()}至{start.replace(year=start.year + 1).isoformat() if not (start.month == 2 and start.day == 29) else start.isoformat()}")
        r.put("经纪机构", pick(agencies) if rng.random() < 0.7 else "")
        if rng.random() < 0.7:
            r.pi("经纪人", "person_name", han_name())
            m = mobile()
            r.pi("经纪人电话", "cn_mobile", m, m, value=int(m)) if rng.random() < 0.5 else r.pi("经纪人电话", "cn_mobile", m, m)
        else:
            r.put("经纪人", "无")
            r.put("经纪人电话", "")
        return r

    for _ in range(850):
        tb.add(gen)
    return tb


def t09() -> Table:
    cols = [("案号", "case numbers, not PI"), ("申请人", "names incl. Uyghur/Kazakh with • ・ · . or none (GB18030)"),
            ("身份证号", "IDs: lower-case x, full width, spaces"),
            ("被执行人", "persons (PI), companies (not PI), pseudonyms 王某 (not PI)"),
            ("申请理由", "long free text, line breaks: names after 申请人/其子/被执行人/代理人 cues, 出生 birth dates, IDs "
                     "after 公民身份号码, addresses after 住, plates, mobiles, home landlines", True),
            ("承办法官", "judges' names (PI)"), ("书记员", "clerks' names (PI)"), ("救助金额", "not PI"),
            ("决定日期", "not PI"), ("送达地址", "dwelling addresses")]
    tb = Table("09_sifa_jiuzhu_shenqing.csv", "csv", "gb18030", "国家司法救助申请审查（法院）",
               "GB18030; long free text with several persons and identifiers in sentences; judges and clerks", cols)
    courts = ["浙0106", "浙0102", "京0105", "沪0115", "粤0106", "川3431", "新0102", "藏0102"]

    def gen():
        r = Row()
        div = pick(DIVS)
        app = person_name(minority=0.12)
        birth = rand_date(1945, 2002)
        r.put("案号", f"({rng.randint(2024, 2026)}){pick(courts)}{pick(['司救民', '司救执', '执'])}{rng.randint(1, 3999)}号")
        r.pi("申请人", "person_name", app)
        idc = id18(div, birth)
        r.pi("身份证号", "cn_resident_id", *id_written(idc, [(50, "plain"), (20, "lower"), (15, "fw"), (15, "space")]))
        x = rng.random()
        if x < 0.5:
            de = han_name()
            r.pi("被执行人", "person_name", de)
        elif x < 0.8:
            de = company(div)
            r.put("被执行人", de)
        else:
            de = PSEUDO()
            r.put("被执行人", de)
        c = Cell()
        c.t("申请人").pi("person_name", app).t("，")
        c.t(pick(["男", "女"]) + "，")
        if rng.random() < 0.6:
            c.pi("birth_date", pick([f"{birth.year}年{birth.month}月{birth.day}日", f"{birth.year}年{birth.month:02d}月{birth.day:02d}日"])).t("出生，")
        if rng.random() < 0.4:
            c.t("公民身份号码").pi("cn_resident_id", idc, idc).t("，")
        c.t("住").pi("address", address(div)).t("。\n")
        kind = rng.random()
        if kind < 0.4:
            c.t("申请人之子").pi("person_name", han_name()).t(f"于{rng.randint(2021, 2024)}年被")
            if x < 0.5:  # the other party is a person: the plate of a private car
                c.t("被执行人").pi("person_name", de).t("驾驶的").pi("cn_license_plate", *plate_written()).t("号小型轿车撞伤，")
            else:
                c.t("对方车辆撞伤，")
            c.t("判决生效后被执行人无财产可供执行。\n")
        elif kind < 0.7:
            c.t(f"因劳务纠纷，法院判决支付工资{rng.randint(2, 30)}万元，经执行无果，申请人家庭生活困难。\n")
        else:
            c.t("申请人系低保户，其妻").pi("person_name", han_name()).t("患重病，家中座机").pi("cn_landline", *landline_written())
            c.t("，长期无法工作。\n")
        if rng.random() < 0.5:
            c.t("委托代理人").pi("person_name", han_name()).t("，").t(pick(["律师", "法律援助律师", "系申请人亲属"]))
            c.t("，电话").pi("cn_mobile", *mobile_written()).t("。")
        r.cell("申请理由", c)
        r.pi("承办法官", "person_name", han_name())
        r.pi("书记员", "person_name", han_name())
        r.put("救助金额", f"{rng.randint(1, 10) * 5000}元")
        r.put("决定日期", rand_date(2025, 2026).strftime("%Y年%m月%d日"))
        r.pi("送达地址", "address", address(div))
        return r

    for _ in range(680):
        tb.add(gen)
    return tb


def t10() -> Table:
    cols = [("工单号", "not PI"), ("受理时间", "not PI"),
            ("来电人", "nested {姓名, 称呼, 来电号码}: full names PI, 王先生/李女士 (surname + title) not PI"),
            ("诉求类型", "not PI"),
            ("诉求内容", "free text: names after 来电人/市民/司机 cues, private-car plates in sentences, addresses, "
                     "mobiles and landlines", True),
            ("涉事车辆", "private / ride-hailing plates (PI); bus routes and company trucks (not PI)"),
            ("处理记录", "array of {处理人, 时间, 意见}: staff names (PI) inside an array"),
            ("回访号码", "mobiles, landlines, or a JSON number")]
    tb = Table("10_12328_jiaotong_rexian.json", "json", "utf-8", "12328交通运输服务监督热线工单（交通）",
               "JSON; names inside nested objects and arrays; plates in sentences; surname + 先生/女士 forms (not PI)",
               cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        t = ts()
        r.put("工单号", f"12328-{t.strftime('%Y%m%d')}-{rng.randint(1, 99999):05d}")
        r.put("受理时间", t.strftime("%Y-%m-%d %H:%M:%S"))
        nm = han_name()
        full = rng.random() < 0.6
        w, core = mobile_written() if rng.random() < 0.85 else landline_written()
        typ = "cn_mobile" if len(core) == 11 and core[0] == "1" else "cn_landline"
        caller = {"姓名": nm if full else "", "称呼": surname(nm) + pick(["先生", "女士"]),
                  "来电号码": w}
        labs = [(typ, w, core)] + ([("person_name", nm, None)] if full else [])
        if full:
            caller["称呼"] = ""
        r.put("来电人", caller, *labs)
        kind = pick(["网约车", "私家车", "公交", "客运", "货车"])
        r.put("诉求类型", {"网约车": "网约车服务", "私家车": "违停举报", "公交": "公交服务", "客运": "客运服务",
                       "货车": "超限超载"}[kind])
        c = Cell()
        plate_cell = Cell()
        if kind in ("网约车", "私家车"):
            pw, pc = plate_written()
            plate_cell.pi("cn_license_plate", pw, pc)
            c.t("来电人" if full else "市民")
            if full:
                c.pi("person_name", nm)
            c.t(f"反映：{t.month}月{t.day}日乘坐/遇到车牌号为").pi("cn_license_plate", pw, pc)
            c.t(f"的{kind}，")
            if kind == "网约车" and rng.random() < 0.5:
                c.t("司机").pi("person_name", han_name()).t("绕路并辱骂乘客，")
            else:
                c.t(pick(["长期占用消防通道，", "在小区门口违停，", "超速行驶，"]))
            if rng.random() < 0.4:
                c.t("地点在").pi("address", address(div, kind="estate", prefix=0.3)).t("楼下，")
            c.t("要求处理并回电").pi(typ, w, core).t("。") if rng.random() < 0.5 else c.t("要求处理。")
        elif kind == "货车":
            plate_cell.t(company(div) + "货车")
            c.t(f"市民举报{company(div)}的货车夜间超载行驶，{pick(['路面受损', '噪音扰民'])}，要求查处。")
        else:
            route = f"{rng.randint(1, 399)}路"
            plate_cell.t(route)
            c.t(f"来电反映{route}公交{pick(['到站不停', '发车间隔过长', '驾驶员服务态度差'])}，")
            if rng.random() < 0.4:
                c.t("驾驶员").pi("person_name", han_name()).t("，")
            c.t(pick(["要求核实。", "要求增加班次。", "建议整改。"]))
        r.cell("诉求内容", c)
        r.cell("涉事车辆", plate_cell)
        recs, labs = [], []
        used = set()
        for i in range(rng.randint(1, 3)):
            h = han_name()
            if h in used:
                continue
            used.add(h)
            recs.append({"处理人": h, "时间": (t + dt.timedelta(hours=6 * (i + 1))).strftime("%Y-%m-%d %H:%M"),
                         "意见": pick(["已转交属地运管所", "已联系平台公司核查", "已回访，来电人满意", "情况属实，已处罚"])})
            labs.append(("person_name", h, None))
        r.put("处理记录", recs, *labs)
        x = rng.random()
        if x < 0.5:
            r.put("回访号码", w, (typ, w, core))
        elif x < 0.75 and typ == "cn_mobile":
            r.put("回访号码", int(core), (typ, core, core))
        else:
            r.put("回访号码", None)
        return r

    for _ in range(800):
        tb.add(gen)
    return tb


def t11() -> Table:
    cols = [("Ref No.", "not PI"), ("Full Name", "foreign, Hong Kong/Taiwan romanised and Chinese names"),
            ("Nationality", "not PI"), ("Passport No.", "foreign passports; H/M permits; Taiwan permits"),
            ("Date of Birth", "30 AUG 1985 / 30/08/1985 / real Excel dates / 1985.08.30"),
            ("Mobile (CN)", "+86 forms, Excel numbers"), ("Home Phone (abroad)", "foreign numbers (other_phone)"),
            ("E-mail", "personal e-mails (PI whole; a name in the local part is not labelled apart); one mobile and one "
                       "residence ID among them"),
            ("School", "not PI"), ("School Address", "not PI"), ("School Tel", "switchboards, not PI"),
            ("Residence in China", "dwelling addresses in English and Chinese"),
            ("HR Officer", "Ms./Mr. + romanised Chinese name: the name is PI, the title is not"),
            ("Contract Start", "not PI")]
    tb = Table("11_waiji_jiaoshi_pinyong.xlsx", "xlsx", "", "外籍及港澳台教师聘用备案（教育）",
               "English headers; romanised names in several orders; passports of many countries; e-mails; English "
               "addresses", cols)
    NAT = ["United States", "United Kingdom", "Russia", "Japan", "Korea", "Germany", "France", "Kazakhstan", "Ghana",
           "India", "Poland", "Australia", "Canada"]
    schools = [(pick(["Hangzhou", "Ningbo", "Chengdu", "Kunming", "Xi'an"]) + " " + pick(["No. 2", "Foreign Languages",
                "International", "Experimental"]) + " School") for _ in range(12)]

    special = rng.sample(range(600), 2)
    i_row = [0]

    def gen():
        r = Row()
        x = rng.random()
        r.put("Ref No.", f"FT-2025-{rng.randint(1, 9999):04d}")
        if x < 0.7:
            nm = foreign_name()
            r.pi("Full Name", "person_name", nm)
            r.put("Nationality", pick(NAT))
            r.pi("Passport No.", "foreign_passport", *foreign_passport())
        elif x < 0.85:
            reg = pick(["hk", "tw"])
            nm = (" ".join(pick(HK_ROM if reg == "hk" else TW_ROM))) if rng.random() < 0.6 else hk_name()
            r.pi("Full Name", "person_name", nm)
            r.put("Nationality", "China (Hong Kong)" if reg == "hk" else "China (Taiwan)")
            if reg == "hk":
                v = "H" + digits_n(8)
                r.pi("Passport No.", "hk_macau_permit", v, v)
            else:
                r.pi("Passport No.", "hk_macau_permit", *tw_permit())
        else:
            nm = romanised_cn()
            r.pi("Full Name", "person_name", nm)
            r.put("Nationality", pick(NAT))
            r.pi("Passport No.", "foreign_passport", *foreign_passport())
        b = rand_date(1960, 1998)
        f = pick(["en", "dmy", "excel", "dot"])
        if f == "excel":
            bd = dt.datetime(b.year, b.month, b.day)
            r.pi("Date of Birth", "birth_date", b.isoformat(), value=bd)
        else:
            r.pi("Date of Birth", "birth_date", birth_written(b, [(1, f)]))
        m = mobile()
        if rng.random() < 0.3:
            r.pi("Mobile (CN)", "cn_mobile", m, m, value=int(m))
        else:
            r.pi("Mobile (CN)", "cn_mobile", *mobile_written(m, [(40, "+86"), (30, "+86 space"), (30, "plain")]))
        if rng.random() < 0.6:
            cc, num = pick([("+1", "415" + digits_n(7, "23456789")), ("+44", "7700" + digits_n(6)),
                            ("+81", "90" + digits_n(8)), ("+82", "10" + digits_n(8)), ("+7", "9" + digits_n(9)),
                            ("+49", "151" + digits_n(8)), ("+852", digits_n(8, "569"))])
            w = pick([f"{cc} {num}", f"{cc}-{num}", f"00{cc[1:]} {num}"])
            r.pi("Home Phone (abroad)", "other_phone", w, cc[1:] + num)
        else:
            r.put("Home Phone (abroad)", pick(["", "N/A", "none"]))
        local = pick([nm.split(",")[0].split(" ")[0].lower() + "." + nm.replace(",", "").split(" ")[-1].lower(),
                      pick(PY_GIV).lower() + str(rng.randint(70, 99)), digits_n(9, "123456789")])
        local = re.sub(r"[^a-z0-9.]", "", unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()) or "t" + digits_n(6)
        local = local.strip(".") or "t" + digits_n(6)
        dom = "qq.com" if local.isdigit() else pick(["gmail.com", "outlook.com", "163.com", "yahoo.co.jp", "mail.ru", "126.com"])
        if i_row[0] == special[0]:
            r.pi("E-mail", "cn_mobile", *mobile_written())
        elif i_row[0] == special[1]:
            v = hkmo_tw_resident_id("hk")
            r.pi("E-mail", "cn_resident_id", v, v)
        else:
            r.pi("E-mail", "email", f"{local}@{dom}")
        r.put("School", pick(schools))
        r.put("School Address", f"{rng.randint(1, 500)} {pick(['Wensan', 'Jiefang', 'Renmin', 'Binjiang'])} Road, "
                                f"{pick(['Xihu', 'Gongshu', 'Jinjiang'])} District")
        r.put("School Tel", office_phone())
        if rng.random() < 0.6:
            r.pi("Residence in China", "address",
                 f"Room {rng.randint(1, 33)}0{rng.randint(1, 4)}, Bldg {rng.randint(1, 20)}, {pick(ESTATES_EN)} "
                 f"{pick(['Garden', 'Residence', 'Apartments', 'Court'])}, {rng.randint(1, 999)} "
                 f"{pick(['Wensan', 'Jiefang', 'Renmin', 'Binjiang', 'Tianfu'])} Rd")
        else:
            r.pi("Residence in China", "address", address(kind="estate"))
        hr = romanised_cn(pick(["SG", "Gs"]))
        r.cell("HR Officer", Cell().t(pick(["Ms. ", "Mr. ", "Dr. ", ""])).pi("person_name", hr))
        r.put("Contract Start", dt.datetime(2025, rng.randint(1, 12), 1))
        return r

    for _ in range(600):
        tb.add(gen)
        i_row[0] += 1
    return tb


def t12() -> Table:
    cols = [("字段1", "调用流水号: 1,200 codes; one cell is an ID, one a mobile, one an e-mail"), ("字段2", "接口名称: not PI"),
            ("字段3", "调用方: not PI"), ("字段4", "请求参数: JSON-like text with masked IDs (not PI); one unmasked ID, one card"),
            ("字段5", "业务编码: codes; one bank card, one passport"), ("字段6", "响应码: not PI"), ("字段7", "耗时ms: not PI"),
            ("字段8", "备注: mostly empty or whitespace; a few names, mobiles, plates", True)]
    tb = Table("12_zhengzhao_diaoyong_rizhi.csv", "csv", "utf-8", "电子证照共享调用日志（政务数据）",
               "headers 字段1…字段8 only; sparse and mixed: single valid identifiers among 1,200 codes; masked IDs as decoys; whitespace cells",
               cols)
    n = 1200
    special = rng.sample(range(n), 12)
    APIS = ["身份证电子证照查询", "营业执照核验", "不动产权证查询", "社保参保证明", "户籍证明核验"]
    CALLERS = ["一网通办平台", "市场监管局审批系统", "不动产登记中心", "人社局经办系统", "公安户政系统"]
    i_row = [0]

    def gen():
        r = Row()
        i = i_row[0]
        div = pick(DIVS)
        masked_id = id18(div)
        masked_id = masked_id[:6] + "********" + masked_id[-4:]
        r.put("字段1", f"DY{rng.randint(20251101, 20251130)}{digits_n(6)}")
        r.put("字段2", pick(APIS))
        r.put("字段3", pick(CALLERS))
        r.put("字段4", json.dumps({"zzlx": pick(["sfz", "yyzz", "bdc"]), "zjhm": masked_id}, ensure_ascii=False))
        r.put("字段5", f"YW-{digits_n(4)}-{digits_n(5)}")
        r.put("字段6", pick(["200", "200", "200", "404", "500", "403"]))
        r.put("字段7", str(rng.randint(12, 3000)))
        r.put("字段8", pick(["", "", "", "", " ", "  ", "重试成功", "超时"]))
        if i == special[0]:
            r.pi("字段1", "cn_resident_id", *id_written(id18(), [(1, "space")]))
        elif i == special[1]:
            r.pi("字段1", "cn_mobile", *mobile_written())
        elif i == special[2]:
            r.pi("字段1", "email", f"{pick(PY_SUR).lower()}{pick(PY_GIV).lower()}{rng.randint(1, 99)}@163.com")
        elif i == special[3]:
            v = id18()
            r.cell("字段4", Cell().t('{"zzlx": "sfz", "zjhm": "').pi("cn_resident_id", v, v).t('"}'))
        elif i == special[4]:
            w, c = card_written(forms=[(1, "plain")])
            r.cell("字段4", Cell().t('{"zzlx": "yhk", "kh": "').pi("bank_card", w, c).t('"}'))
        elif i == special[5]:
            r.pi("字段5", "bank_card", *card_written(forms=[(1, "plain")]))
        elif i == special[6]:
            r.pi("字段5", "cn_passport", *passport_cn())
        elif i == special[7]:
            r.cell("字段8", Cell().t("补录：经办人").pi("person_name", han_name()).t("手工核验"))
        elif i == special[8]:
            r.cell("字段8", Cell().t("申请人电话").pi("cn_mobile", *mobile_written()))
        elif i == special[9]:
            r.cell("字段8", Cell().t("车辆").pi("cn_license_plate", *plate_written()).t("年检证明"))
        elif i == special[10]:
            r.pi("字段8", "cn_resident_id", *id_written(id18(), [(1, "fw")]))
        elif i == special[11]:
            r.cell("字段8", Cell().t("联系人").pi("person_name", han_name()).t("，").pi("cn_landline", *landline_written()))
        return r

    for _ in range(n):
        tb.add(gen)
        i_row[0] += 1
    return tb


def t13() -> Table:
    cols = [(f"F{i}", n) for i, n in enumerate([
        "序号", "乡镇（街道）", "村（社区）", "姓名: elderly, rare/compound surnames, minority names",
        "性别", "出生年月: 1935.06 / 1935年6月 / 193506 / 1935-6 (year+month: PI)",
        "身份证号: many 15-digit legacy numbers", "年龄, not PI", "发放标准", "代领人: names; 本人/无/不详 placeholders",
        "代领人电话", "社保卡金融账号: bank cards", "备注: 张某 pseudonyms, names of the deceased"], start=1)]
    cols[12] = (cols[12][0], cols[12][1], True)
    tb = Table("13_gaoling_jintie_fafang.csv", "csv", "gbk", "高龄津贴发放名册（民政）",
               "GBK; headers F1…F13 only; the elderly: 15-digit IDs, year-month birth dates, proxies", cols)
    seq = [0]

    def gen():
        r = Row()
        div = pick(DIVS)
        birth = rand_date(1920, 1946)
        seq[0] += 1
        r.put("F1", str(seq[0]))
        r.put("F2", place2() + pick(["镇", "街道", "乡"]))
        r.put("F3", place2() + pick(["村", "社区"]))
        name = person_name(minority=0.06, seps="·.．", rare=0.2, compound=0.08)
        r.pi("F4", "person_name", name)
        r.put("F5", pick(["男", "女"]))
        f = pick(["ym_dot", "ym_cn", "ym6", "ym_dash", "iso"])
        bw = f"{birth.year}-{birth.month}" if f == "ym_dash" else birth_written(birth, [(1, f)])
        r.pi("F6", "birth_date", bw)
        core = id15(div, birth) if rng.random() < 0.35 else id18(div, birth)
        r.pi("F7", "cn_resident_id", *id_written(core, [(80, "plain"), (10, "space"), (10, "lower")]))
        r.put("F8", str(2026 - birth.year))
        r.put("F9", pick(["100", "200", "300", "500", "1000"]))
        if rng.random() < 0.6:
            r.pi("F10", "person_name", han_name())
            r.cell("F11", phone_cell(p_landline=0.1, p_two=0.05))
        else:
            r.put("F10", pick(["本人", "无", "不详", "本人领取"]))
            r.put("F11", pick(["", "", "无"]))
        r.pi("F12", "bank_card", *card_written(card([b for b in BINS if b[0] in ("621700", "622682", "623058", "621226")]),
                                               [(60, "plain"), (30, "space4"), (10, "dash4")]))
        x = rng.random()
        if x < 0.8:
            r.put("F13", "")
        elif x < 0.88:
            r.cell("F13", Cell().t(f"{rng.randint(2025, 2026)}年{rng.randint(1, 12)}月去世，停发；家属").pi("person_name", han_name()).t("已签字确认"))
        elif x < 0.94:
            r.put("F13", f"由村干部{PSEUDO()}代为转交")
        else:
            r.put("F13", pick(["新增", "迁入", "补发"]))
        return r

    for _ in range(1100):
        tb.add(gen)
    return tb


WORK = ["钢筋工", "木工", "泥瓦工", "架子工", "电焊工", "水电工", "普工", "塔吊司机"]


def t14() -> Table:
    cols = [("项目名称", "dictionary, not PI"), ("施工单位", "dictionary, not PI"), ("施工单位信用代码", "USCC, not PI"),
            ("工人姓名", "large_string names, many minority names"), ("证件号", "IDs, lower-case x"),
            ("手机号", "mobiles stored as int64"), ("工资卡号", "cards with spaces"),
            ("班组长", "dictionary-encoded column of names (PI)"), ("工种", "dictionary, not PI"),
            ("人脸照片", "file paths with names (photo/王五_身份证正面.jpg: PI)"), ("进场日期", "date32, not PI"),
            ("考勤时间", "timestamp, not PI"), ("籍贯地址", "large_string addresses")]
    tb = Table("14_jianzhu_gongren_kaoqin.parquet", "parquet", "", "建筑工人实名制考勤（住房城乡建设）",
               "Parquet: dictionary-encoded name column, large_string columns, int64 mobiles; names in file paths",
               cols, {"项目名称": "dict", "施工单位": "dict", "施工单位信用代码": "dict", "工人姓名": "large_string",
                      "手机号": "int64", "班组长": "dict", "工种": "dict", "进场日期": "date32", "考勤时间": "timestamp",
                      "籍贯地址": "large_string"})
    projects = [(f"{place2()}{pick(['安置房', '学校', '医院', '产业园'])}{pick(['一期', '二期', ''])}工程", company(), uscc())
                for _ in range(8)]
    leaders = [han_name() for _ in range(25)]

    def gen():
        r = Row()
        div = pick(DIVS)
        p = pick(projects)
        name = person_name(minority=0.12)
        r.put("项目名称", p[0])
        r.put("施工单位", p[1])
        r.put("施工单位信用代码", p[2])
        r.pi("工人姓名", "person_name", name)
        r.pi("证件号", "cn_resident_id", *id_written(id18(div, rand_date(1960, 2004)), [(80, "plain"), (20, "lower")]))
        m = mobile()
        r.pi("手机号", "cn_mobile", m, m, value=int(m))
        r.pi("工资卡号", "bank_card", *card_written(forms=[(50, "space4"), (40, "plain"), (10, "dash4")]))
        r.pi("班组长", "person_name", pick(leaders))
        r.put("工种", pick(WORK))
        if rng.random() < 0.7:
            r.cell("人脸照片", Cell().t("photo/").pi("person_name", name).t(pick(["_身份证正面.jpg", "_人脸.jpg", "身份证.png"])))
        else:
            r.put("人脸照片", f"photo/{digits_n(10)}.jpg")
        r.put("进场日期", rand_date(2025, 2026))
        r.put("考勤时间", ts())
        r.pi("籍贯地址", "address", address(div, kind=pick(["village", "village", "special", "estate"])))
        return r

    for _ in range(1300):
        tb.add(gen)
    return tb


LAW = ["天册律师事务所", "金杜律师事务所", "大成律师事务所", "中伦律师事务所", "星韵律师事务所", "法律援助中心"]


def t15() -> Table:
    cols = [("案号", "not PI"), ("受送达人", "nested object: natural persons (name, ID, address, phone, e-mail: PI) or "
                                         "legal persons (company, USCC, office address, switchboard: not PI)"),
            ("代理人", "array of {姓名, 单位, 手机}: lawyers' names and mobiles are PI"),
            ("确认方式", "not PI"), ("确认日期", "not PI"),
            ("备注", "free text: 由其弟王五代收 (PI), 张某 (not PI), refusals", True)]
    tb = Table("15_fayuan_songda_dizhi_queren.json", "json", "utf-8", "送达地址确认书（法院）",
               "JSON; a nested object of natural or legal persons; arrays of agents; kin-cue names in remarks", cols)

    def gen():
        r = Row()
        div = pick(DIVS)
        r.put("案号", f"({rng.randint(2024, 2026)}){pick(['浙0106民初', '京0105民初', '粤0304民初', '川0104执'])}{rng.randint(1, 9999)}号")
        labs = []
        if rng.random() < 0.7:
            nm = person_name()
            idc = id18(div)
            w, core = id_written(idc, [(80, "plain"), (20, "space")])
            addr = address(div)
            pw, pc = mobile_written()
            obj = {"类型": "自然人", "名称": nm, "证件号码": w, "送达地址": addr, "联系电话": pw, "电子邮箱": None}
            labs += [("person_name", nm, None), ("cn_resident_id", w, core), ("address", addr, None),
                     ("cn_mobile", pw, pc)]
            if rng.random() < 0.3:
                em = f"{pick(PY_SUR).lower()}{pick(PY_GIV).lower()}{rng.randint(60, 99)}@{pick(['163.com', '126.com', 'sina.com'])}"
                obj["电子邮箱"] = em
                labs.append(("email", em, None))
        else:
            obj = {"类型": "法人", "名称": company(div), "证件号码": uscc("91", div), "送达地址": org_address(div),
                   "联系电话": office_phone(), "电子邮箱": None}
        r.put("受送达人", obj, *labs)
        agents, labs = [], []
        for _ in range(wpick([(40, 0), (45, 1), (15, 2)])):
            an = han_name()
            if any(an == a["姓名"] for a in agents):
                continue
            w, core = mobile_written(forms=[(70, "plain"), (30, "dash")])
            agents.append({"姓名": an, "单位": pick(LAW), "手机": w})
            labs += [("person_name", an, None), ("cn_mobile", w, core)]
        r.put("代理人", agents, *labs)
        r.put("确认方式", pick(["当面签署", "电子送达确认", "邮寄回执"]))
        r.put("确认日期", rand_date(2025, 2026).isoformat())
        x = rng.random()
        c = Cell()
        if x < 0.3:
            c.t(f"受送达人拒绝签收，由其{pick(['弟', '妹', '母亲', '妻子'])}").pi("person_name", han_name()).t("代收。")
        elif x < 0.45:
            c.t(f"同住成年家属{PSEUDO()}代为签收。")
        elif x < 0.6:
            c.t("原地址无人，改送").pi("address", address(div, prefix=0.3)).t("。")
        r.cell("备注", c)
        return r

    for _ in range(650):
        tb.add(gen)
    return tb


TABLES = [t01, t02, t03, t04, t05, t06, t07, t08, t09, t10, t11, t12, t13, t14, t15]


# ============================================================================ self-check and main
def self_check(out: Path, tables: list[Table]) -> list[str]:
    """Read every file back with evaluate6's reader and compare it with what the labels were made against."""
    problems = []
    for tb in tables:
        t = tb.truth()
        header, rows = e6.read_input(t, out / tb.file)
        if header != tb.names:
            problems.append(f"{tb.file}: header read back differs")
        if len(rows) != len(tb.rows):
            problems.append(f"{tb.file}: {len(rows)} rows read back, {len(tb.rows)} written")
            continue
        bad = sum(a != b for ra, rb in zip(rows, tb.rendered) for a, b in zip(ra, rb))
        if bad:
            problems.append(f"{tb.file}: {bad} cells read back otherwise than labelled")
        for r, c, typ, sub, core in tb.values:
            if sub not in rows[r][c]:
                problems.append(f"{tb.file}: row {r} column {c} {typ}: substring not in cell")
            if typ == "cn_resident_id" and not (id_valid(core) or (len(core) == 15 and core.isdigit())):
                problems.append(f"{tb.file}: row {r} column {c}: ID check fails")
            if typ == "bank_card" and not (16 <= len(core) <= 19 and luhn_ok(core) and core[0] in "46"):
                problems.append(f"{tb.file}: row {r} column {c}: card check fails")
            if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core):
                problems.append(f"{tb.file}: row {r} column {c}: mobile check fails")
            if typ in IDENT and core != re.sub(r"[^0-9A-Z\u4e00-\u9fff]", "", unicodedata.normalize("NFKC", sub).upper()) \
                    and typ not in ("cn_mobile", "cn_landline", "other_phone"):
                problems.append(f"{tb.file}: row {r} column {c} {typ}: core is not the canonical form of the substring")
            if typ in ("cn_mobile", "cn_landline") and not ev.digits(sub).endswith(core):
                problems.append(f"{tb.file}: row {r} column {c} {typ}: core is not the number's digits")
    return problems


def main() -> int:
    global rng
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in ("READY", "truth.json"):
        (out / f).unlink(missing_ok=True)
    tables = []
    for i, make in enumerate(TABLES):
        rng = random.Random(a.seed * 1000 + i)
        tb = make()
        tb.write(out)
        tables.append(tb)
    problems = self_check(out, tables)
    if problems:
        for p in problems[:40]:
            print("PROBLEM", p, file=sys.stderr)
        print(f"{len(problems)} problems: truth.json not written", file=sys.stderr)
        return 1
    truth = {"corpus": "blind8", "seed": a.seed,
             "tables": [t.truth() for t in tables if t.fmt in ("csv", "xlsx")],
             "tables_json_parquet": [t.truth() for t in tables if t.fmt in ("json", "parquet")]}
    (out / "truth.json").write_bytes(json.dumps(truth, ensure_ascii=False, indent=1).encode("utf-8"))
    (out / "READY").write_bytes(b"")
    n_rows = sum(len(t.rows) for t in tables)
    n_vals = sum(len(t.values) for t in tables)
    for t in tables:
        print(f"{t.file:40} rows {len(t.rows):5} values {len(t.values):6} redraws {t.redraws}")
    print(f"{len(tables)} tables, {n_rows} rows, {n_vals} personal values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
