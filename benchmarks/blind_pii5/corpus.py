#!/usr/bin/env python3
"""blind5 — a fifth, independent blind corpus of government-style tables with personal information.

Usage: corpus.py --out DIR --seed N   (deterministic: the same seed gives byte-identical files, XLSX included)

Writes 17 bare tables (CSV in UTF-8 / UTF-8 with BOM / GBK / GB18030, and XLSX) and truth.json in the format
benchmarks/blind_pii2/evaluate.py reads.  Every value is synthetic.  The generator audits its own labels and
refuses to write (deletes the tables, writes no truth.json) when a check fails.
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

# ============================================================================ reference data (synthetic use only)
# county-level division codes (real), province, city, county, area code
DIVS = [
    ("110105", "北京市", "", "朝阳区", "010"), ("110108", "北京市", "", "海淀区", "010"),
    ("120101", "天津市", "", "和平区", "022"), ("130102", "河北省", "石家庄市", "长安区", "0311"),
    ("140105", "山西省", "太原市", "小店区", "0351"), ("150102", "内蒙古自治区", "呼和浩特市", "新城区", "0471"),
    ("152501", "内蒙古自治区", "锡林郭勒盟", "二连浩特市", "0479"), ("210202", "辽宁省", "大连市", "中山区", "0411"),
    ("220102", "吉林省", "长春市", "南关区", "0431"), ("222401", "吉林省", "延边朝鲜族自治州", "延吉市", "0433"),
    ("230102", "黑龙江省", "哈尔滨市", "道里区", "0451"), ("310104", "上海市", "", "徐汇区", "021"),
    ("310115", "上海市", "", "浦东新区", "021"), ("320102", "江苏省", "南京市", "玄武区", "025"),
    ("320583", "江苏省", "苏州市", "昆山市", "0512"), ("330106", "浙江省", "杭州市", "西湖区", "0571"),
    ("330302", "浙江省", "温州市", "鹿城区", "0577"), ("330681", "浙江省", "绍兴市", "诸暨市", "0575"),
    ("330802", "浙江省", "衢州市", "柯城区", "0570"), ("331002", "浙江省", "台州市", "椒江区", "0576"),
    ("340102", "安徽省", "合肥市", "瑶海区", "0551"), ("350203", "福建省", "厦门市", "思明区", "0592"),
    ("360102", "江西省", "南昌市", "东湖区", "0791"), ("370202", "山东省", "青岛市", "市南区", "0532"),
    ("410102", "河南省", "郑州市", "中原区", "0371"), ("420102", "湖北省", "武汉市", "江岸区", "027"),
    ("430102", "湖南省", "长沙市", "芙蓉区", "0731"), ("433101", "湖南省", "湘西土家族苗族自治州", "吉首市", "0743"),
    ("440103", "广东省", "广州市", "荔湾区", "020"), ("440304", "广东省", "深圳市", "福田区", "0755"),
    ("450102", "广西壮族自治区", "南宁市", "兴宁区", "0771"), ("460105", "海南省", "海口市", "秀英区", "0898"),
    ("500103", "重庆市", "", "渝中区", "023"), ("510104", "四川省", "成都市", "锦江区", "028"),
    ("513401", "四川省", "凉山彝族自治州", "西昌市", "0834"), ("520102", "贵州省", "贵阳市", "南明区", "0851"),
    ("522601", "贵州省", "黔东南苗族侗族自治州", "凯里市", "0855"), ("530102", "云南省", "昆明市", "五华区", "0871"),
    ("532801", "云南省", "西双版纳傣族自治州", "景洪市", "0691"), ("540102", "西藏自治区", "拉萨市", "城关区", "0891"),
    ("610102", "陕西省", "西安市", "新城区", "029"), ("620102", "甘肃省", "兰州市", "城关区", "0931"),
    ("623001", "甘肃省", "甘南藏族自治州", "合作市", "0941"), ("630102", "青海省", "西宁市", "城东区", "0971"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区", "0951"), ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "0991"),
    ("653101", "新疆维吾尔自治区", "喀什地区", "喀什市", "0998"), ("654002", "新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市", "0999"),
    ("659001", "新疆维吾尔自治区", "", "石河子市", "0993"),
]
ZJ = [d for d in DIVS if d[0].startswith("33")]
MOBILE_PFX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
              "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
              "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
# (BIN, length, bank short name)
BINS = [("622202", 19, "工行"), ("621226", 19, "工行"), ("622848", 19, "农行"), ("621700", 19, "建行"),
        ("622700", 19, "建行"), ("622588", 16, "招行"), ("621483", 16, "招行"), ("622262", 19, "交行"),
        ("621660", 19, "中行"), ("622908", 18, "兴业"), ("623058", 19, "平安"), ("621799", 19, "邮储"),
        ("622150", 19, "邮储"), ("603367", 19, "杭州银行"), ("436742", 16, "建行")]
CARD_PREFIX_RE = re.compile(r"^(4|5[1-5]|6|3[457]|9)")

SUR_COMMON = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
                  "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
SUR_RARE = list("滕濮邬晏芮羿蔺扈郜靳冉臧邰殳郇祁栾谯闵铁仇单解区查朴盖曲麻过宗蒲甘计伏戈牟敖粟卜糜巫桑乜能农那郏笪鲜")
SUR_COMPOUND = ["东方", "公孙", "仲孙", "赫连", "南宫", "西门", "百里", "东郭", "濮阳", "司徒", "司空", "亓官",
                "左丘", "谷梁", "段干", "乐正", "单于", "微生", "公良", "巫马", "颛孙", "漆雕", "公西", "鲜于", "独孤"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏建国志文斌宇浩凯婷雪琳晨欣怡佳子涵梓轩宸睿"
             "博彤瑶嘉俊晓海春梅林云飞龙凤辉波健亮成昊然思雨若诗语沐可安心悦泽铭奕煜瀚璇琪珂蕾薇颖慧淑婉清翔毅峰鑫森荣琦振桐")
UY_GIVEN = ["艾力", "买买提", "阿不都", "热合曼", "古丽", "阿依古丽", "努尔", "帕提古丽", "吐尔逊", "依明", "麦麦提",
            "阿迪力", "热依拉", "迪丽努尔", "阿斯卡尔", "祖力皮亚", "木拉提", "巴哈尔古丽", "加娜尔", "叶尔兰"]
UY_FATHER = ["艾买提", "吾斯曼", "阿不力孜", "托合提", "肉孜", "玉素甫", "卡德尔", "沙吾提", "哈力克", "库尔班",
             "努尔兰", "别克", "赛力克", "吐尔洪", "依沙克"]
UY_SEPS_GB = ["·", "·", "丶", "˙", ""]   # encodable in GBK
UY_SEPS_UNI = ["·", "·", "丶", "˙", "·", "ᐧ", ""]   # U+0387 Greek ano teleia, U+1427 Canadian syllabics dot
TIBETAN = ["扎西", "次仁", "格桑", "索朗", "多吉", "卓玛", "央金", "拉姆", "达瓦", "尼玛", "平措", "旺堆", "白玛",
           "德吉", "益西", "措姆", "顿珠", "曲珍", "边巴", "普布"]
YI_SUR = ["吉克", "阿苏", "沙马", "阿约", "吉木", "海来", "俄木", "曲比", "阿的", "马海"]
YI_GIVEN = ["阿呷", "曲布", "伍各", "布哈", "拉惹", "日哈", "木果", "尔古", "阿芝", "石一"]
MONGOL = ["巴特尔", "额尔敦", "宝音", "朝鲁", "乌力吉", "萨仁", "其其格", "图雅", "苏日娜", "阿拉坦", "那仁", "哈斯",
          "乌兰", "孟和", "格日勒", "敖登"]
DAI = ["岩罕", "岩温", "岩光", "岩香", "玉罕", "玉香", "玉叫", "玉应", "岩甩", "玉波"]
EST = ["银杏苑", "紫荆花园", "枫林湾", "滨江一号", "春晓苑", "和园", "御景湾", "星河湾", "书香门第", "东方名城",
       "凤凰城", "丽景华庭", "金桂苑", "兰亭苑", "香榭里", "锦绣江南", "望江公寓", "翡翠城", "碧水湾", "幸福里"]
ROADS = ["人民路", "解放路", "建设路", "中山路", "新华路", "文化路", "和平路", "胜利路", "青年路", "迎宾路", "滨江路",
         "学府路", "光明路", "花园路", "府前街", "东风路", "北环路", "南湖路", "工农路", "振兴路"]
TOWNS = ["城关镇", "新塘镇", "石梁镇", "双桥乡", "太平镇", "永安乡", "清水镇", "长岭乡", "白马镇", "高桥镇"]
VILL = ["前山村", "后塘村", "上叶村", "下张村", "石门村", "新联村", "金星村", "红旗村", "白沙村", "黄泥岗村", "双溪村",
        "桃源村", "大路村", "东岙村", "西坞村", "柿树村", "塘头村", "茶园村"]
STREETS = ["府山街道", "信安街道", "花园街道", "荷花街道", "白云街道", "新城街道", "东湖街道", "南苑街道"]
CN_NUM = "〇一二三四五六七八九"
CN_MAP = {"〇": "0", "零": "0", "一": "1", "幺": "1", "二": "2", "两": "2", "三": "3", "四": "4", "五": "5", "六": "6",
          "七": "7", "八": "8", "九": "9"}
PY_SYL = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
          "hu", "guo", "he", "lin", "luo", "xiao", "ming", "hua", "jing", "lei", "yu", "xin", "hao", "ting", "jun",
          "fang", "bo", "kai", "yan", "qing", "wei", "na", "min", "tao", "jie", "rui"]
MAIL_DOM = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "yeah.net", "139.com", "outlook.com",
            "hotmail.com", "gmail.com", "aliyun.com", "sohu.com"]
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CH = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
PLATE_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"


# ============================================================================ identifiers
def id_check(s17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def real_date(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def valid_id18(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    if s[0] == "9":  # foreigner permanent-residence ID (2023 layout): 9 + province + nationality + birth date
        ok = 11 <= int(s[1:3]) <= 82 and real_date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    else:
        ok = 11 <= int(s[:2]) <= 82 and 1900 <= int(s[6:10]) <= 2030 and real_date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    return ok and id_check(s[:17]) == s[17]


def valid_id15(s: str) -> bool:
    return bool(re.fullmatch(r"\d{15}", s)) and 11 <= int(s[:2]) <= 82 and real_date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))


def luhn_ok(s: str) -> bool:
    tot = 0
    for i, ch in enumerate(reversed(s)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_digit(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def uscc_check(s17: str) -> str:
    c = 31 - sum(USCC_CH.index(ch) * w for ch, w in zip(s17, USCC_W)) % 31
    return USCC_CH[0 if c == 31 else c]


def valid_uscc(s: str) -> bool:
    return len(s) == 18 and all(ch in USCC_CH for ch in s) and uscc_check(s[:17]) == s[17]


class Gen:
    """All random draws of one table."""

    def __init__(self, rng: random.Random, gbk: bool = False):
        self.r = rng
        self.gbk = gbk

    # ---- basic
    def pick(self, xs):
        return self.r.choice(xs)

    def p(self, x):
        return self.r.random() < x

    def digits(self, n, first="0123456789"):
        return self.r.choice(first) + "".join(self.r.choice("0123456789") for _ in range(n - 1))

    def date(self, y0, y1):
        a, b = dt.date(y0, 1, 1).toordinal(), dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(self.r.randint(a, b))

    def div(self, zj=0.5):
        return self.pick(ZJ) if self.p(zj) else self.pick(DIVS)

    # ---- identifiers
    def rid(self, birth=None, div=None, female=None):
        div = div or self.div()
        birth = birth or self.date(1940, 2006)
        seq = self.r.randint(0, 999)
        if female is not None:
            seq = seq - seq % 2 + (0 if female else 1)
            seq = min(seq, 999) if seq <= 999 else seq - 2
        s17 = div[0] + birth.strftime("%Y%m%d") + f"{seq:03d}"
        return s17 + id_check(s17)

    def rid15(self, birth=None):
        div = self.div()
        birth = birth or self.date(1930, 1980)
        return div[0] + birth.strftime("%y%m%d") + f"{self.r.randint(0, 999):03d}"

    def pr_id(self, birth=None):  # foreigner permanent-residence ID, 2023 layout
        birth = birth or self.date(1950, 2000)
        s17 = "9" + self.pick(["11", "31", "32", "33", "44"]) + self.pick(["840", "276", "392", "410", "826", "250", "036", "124", "702"]) \
            + birth.strftime("%Y%m%d") + f"{self.r.randint(0, 999):03d}"
        return s17 + id_check(s17)

    def mobile(self):
        return self.pick(MOBILE_PFX) + self.digits(8)

    def landline(self, div=None):
        div = div or self.div()
        area = div[4]
        n = self.digits(8 if len(area) == 3 or self.p(0.7) else 7, "2345678")
        return area, n

    def card(self):
        b, n, bank = self.pick(BINS)
        body = b + self.digits(n - len(b) - 1)
        return body + luhn_digit(body), bank

    def passport(self):
        if self.p(0.6):
            return "E" + self.digits(8)
        return "E" + self.pick("ABCDEFGHJKLMNPQRSTUVWXYZ") + self.digits(7)

    def hk_permit(self):
        return self.pick("HM") + self.digits(8) if self.p(0.8) else "C" + self.digits(8)

    def plate(self, ne=False, prov=None):
        prov = prov or (self.pick("浙浙浙浙沪苏皖赣闽粤京川") if self.p(0.8) else self.pick(PLATE_PROV))
        L = self.pick("ABCDEFGHJKL")
        if ne:
            if self.p(0.7):
                return prov + L + self.pick("DF") + self.digits(5)
            return prov + L + self.digits(5) + self.pick("DF")
        tail = [self.pick("0123456789") for _ in range(5)]
        for _ in range(self.r.choice([0, 0, 1, 1, 2])):
            tail[self.r.randint(0, 4)] = self.pick("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return prov + L + "".join(tail)

    def uscc(self, div=None):
        div = div or self.div(0.7)
        org8 = "".join(self.pick("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
        vals = [int(c) if c.isdigit() else ord(c) - 55 for c in org8]
        c = 11 - sum(v * w for v, w in zip(vals, [3, 7, 9, 10, 5, 8, 4, 2])) % 11
        org9 = org8 + ("X" if c == 10 else "0" if c == 11 else str(c))
        s17 = "91" + div[0] + org9
        return s17 + uscc_check(s17)

    def corp_account(self):  # corporate account: never a card prefix; some pass Luhn
        return self.pick(["1202", "3305", "1901", "3301", "1208"]) + self.digits(self.r.choice([15, 16, 17]))

    def email(self, obfuscate=0.0):
        user = "".join(self.pick(PY_SYL) for _ in range(self.r.randint(1, 2)))
        if self.p(0.6):
            user += self.digits(self.r.randint(2, 4))
        dom = self.pick(MAIL_DOM)
        if dom == "qq.com":
            user = self.digits(self.r.randint(8, 10), "123456789")
        at = "@"
        if self.p(obfuscate):
            at = self.pick(["#", "(at)", "[at]", "＠", " at "])
        e = user + at + dom
        if self.p(0.1):
            e = e.upper()
        return e

    # ---- names
    def han(self, rare=0.15, compound=0.05):
        x = self.r.random()
        sur = self.pick(SUR_COMPOUND) if x < compound else self.pick(SUR_RARE) if x < compound + rare else self.pick(SUR_COMMON)
        g = self.pick(GIVEN) + (self.pick(GIVEN) if self.p(0.65) else "")
        return sur + g

    def minority(self):
        k = self.r.random()
        if k < 0.35:
            seps = UY_SEPS_GB if self.gbk else UY_SEPS_UNI
            return self.pick(UY_GIVEN) + self.pick(seps) + self.pick(UY_FATHER)
        if k < 0.55:
            return self.pick(TIBETAN) + self.pick(TIBETAN)
        if k < 0.7:
            return self.pick(YI_SUR) + self.pick(YI_GIVEN)
        if k < 0.85:
            return self.pick(MONGOL) + (self.pick(MONGOL) if self.p(0.3) else "")
        return self.pick(DAI)

    def name(self, minority=0.12, rare=0.15, compound=0.05, align=0.0, space=0.0):
        if self.p(minority):
            return self.minority()
        n = self.han(rare, compound)
        if len(n) == 2 and self.p(align):
            return n[0] + "\u3000" + n[1]
        if self.p(space):
            k = 2 if n[:2] in SUR_COMPOUND else 1
            return n[:k] + " " + n[k:]
        return n

    # ---- addresses
    def addr(self, div=None, form=None, full=0.7):
        div = div or self.div()
        _, prov, city, county, _ = div
        head = (prov + city + county) if self.p(full) else (city or prov) + county
        if prov in ("北京市", "天津市", "上海市", "重庆市"):
            head = (prov + county) if self.p(full) else county
        form = form or self.pick(["estate", "estate", "estate_short", "village", "road", "bj", "dorm", "lane"])
        if form == "estate":
            return head + self.pick(STREETS) + self.pick(EST) + f"{self.r.randint(1, 40)}幢{self.r.randint(1, 4)}单元{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}室"
        if form == "estate_short":
            return head + self.pick(EST) + f"{self.r.randint(1, 40)}-{self.r.randint(1, 4)}-{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}"
        if form == "village":
            t = self.r.random()
            if t < 0.35:
                return head + self.pick(TOWNS) + self.pick(VILL) + f"{self.r.randint(1, 15)}组{self.r.randint(1, 120)}号"
            if t < 0.55:
                return head + self.pick(TOWNS) + self.pick(VILL) + f"第{self.pick('一二三四五六七八九十')}村民小组"
            if t < 0.75:
                return head + self.pick(TOWNS) + self.pick(VILL)[:-1] + f"村委会{self.pick(['大寨', '小河边', '老林', '坝子'])}自然村{self.r.randint(1, 90)}号"
            return head + self.pick(TOWNS) + self.pick(VILL) + f"{self.r.randint(1, 12)}队{self.r.randint(1, 60)}号"
        if form == "bj":
            return head + self.pick(ROADS) + f"{self.r.randint(1, 200)}号院{self.r.randint(1, 20)}号楼{self.r.randint(1, 6)}门{self.r.randint(1, 20)}{self.r.randint(1, 4):02d}"
        if form == "dorm":
            return head + self.pick(["纺织厂", "机械厂", "化肥厂", "粮食局", "第二中学", "供销社"]) + f"宿舍{self.r.randint(1, 12)}栋{self.r.randint(1, 6)}{self.r.randint(1, 8):02d}"
        if form == "lane":
            return head + self.pick(ROADS) + f"{self.r.randint(1, 300)}巷{self.r.randint(1, 40)}号"
        return head + self.pick(ROADS) + f"{self.r.randint(1, 999)}号{self.r.randint(1, 30)}{self.r.randint(1, 6):02d}室"

    def org_addr(self, div=None):
        div = div or self.pick(ZJ)
        return div[2] + div[3] + self.pick(ROADS) + f"{self.r.randint(1, 600)}号" + self.pick(["", "行政服务中心", "办公楼", "综合楼3楼"])

    def company(self):
        return self.pick(["衢州", "杭州", "绍兴", "温州", "台州", "宁波"]) + self.pick(SUR_COMMON) + self.pick(["氏", "记", "家"]) + self.pick(["物流", "贸易", "建材", "餐饮", "科技", "运输", "食品"]) + "有限公司"


# ============================================================================ written forms
def nfkc(s):
    return unicodedata.normalize("NFKC", s)


def fmt_id(g: Gen, s: str, forms):
    f = g.pick(forms)
    x = s
    if s.endswith("X"):
        x = s[:-1] + g.pick(["X", "x", "×", "Ｘ"])
    if f == "plain":
        return x
    if f == "tab":
        return "\t" + x
    if f == "apos":
        return "'" + x
    if f == "6444":
        return " ".join([x[:6], x[6:10], x[10:14], x[14:]])
    if f == "fwdash":
        return "－".join([x[:6], x[6:14], x[14:]])
    if f == "under":
        return "_".join([x[:6], x[6:14], x[14:]])
    if f == "emdash":
        return "—".join([x[:6], x[6:14], x[14:]])
    if f == "fw":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in x)
    if f == "prefix":
        return g.pick(["身份证:", "身份证号：", "公民身份号码 ", "证号:"]) + x
    return x


def fmt_mobile(g: Gen, m: str, forms):
    f = g.pick(forms)
    if f == "plain":
        return m
    if f == "p86":
        return "(86)" + m
    if f == "plus86sp":
        return "+86 " + m[:3] + " " + m[3:7] + " " + m[7:]
    if f == "344":
        return m[:3] + " " + m[3:7] + " " + m[7:]
    if f == "wx":
        return m + g.pick(["（微信同号）", "(同微信)", "（微信）"])
    if f == "mixw":
        return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() and g.p(0.5) else c for c in m)
    if f == "fwplus":
        return "＋８６" + "".join(chr(ord(c) + 0xFEE0) for c in m)
    if f == "mprefix":
        return g.pick(["M: ", "Mob. ", "Cell: "]) + "+86 " + m
    if f == "dash3":
        return "+86-" + m[:3] + "-" + m[3:7] + "-" + m[7:]
    if f == "cn":
        return "".join(CN_NUM[int(c)] if c != "1" or g.p(0.5) else "幺" for c in m)
    return m


def fmt_land(g: Gen, area: str, n: str, forms):
    f = g.pick(forms)
    if f == "dash":
        return area + "-" + n
    if f == "emdash":
        return area + "—" + n
    if f == "paren":
        return f"({area}){n[:4]}-{n[4:]}"
    if f == "after":
        return f"{n}（{area}）"
    if f == "sp":
        return f"{area} {n[:4]} {n[4:]}"
    if f == "ext":
        return f"{area}-{n}-{g.r.randint(100, 9999)}"
    return area + n


def fmt_card(g: Gen, c: str, bank: str, forms):
    f = g.pick(forms)
    if f == "bank":
        return bank + g.pick(["", " ", "："]) + c
    if f == "tail":
        return c + g.pick(["（社保卡）", "（工资卡）", "(一卡通)"])
    if f == "g4":
        return " ".join(c[i:i + 4] for i in range(0, len(c), 4))
    if f == "tab":
        return "\t" + c
    if f == "apos":
        return "'" + c
    return c


def fmt_date(g: Gen, d: dt.date, forms):
    f = g.pick(forms)
    y, m, dd = d.year, d.month, d.day
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1]
    month = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"][m - 1]
    th = "th" if 11 <= dd <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(dd % 10, "th")
    return {
        "hao": f"{y}年{m}月{dd}号", "spaced": f"{y} 年 {m} 月 {dd} 日", "yy.mm.dd": f"{y % 100:02d}.{m:02d}.{dd:02d}",
        "fwiso": "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else ("－" if c == "-" else c) for c in d.isoformat()),
        "slash": f"{y}/{m:02d}/{dd:02d}", "dot": f"{y}.{m}.{dd}", "iso": d.isoformat(), "compact": d.strftime("%Y%m%d"),
        "serial": str(d.toordinal() - dt.date(1899, 12, 30).toordinal()), "cn": f"{y}年{m}月{dd}日",
        "mon-dd-yyyy": f"{mon}-{dd:02d}-{y}", "nth": f"{dd}{th} {month} {y}", "month-nth": f"{month} {dd}{th}, {y}",
        "dd/mm/yyyy": f"{dd:02d}/{m:02d}/{y}", "mm/dd/yyyy": f"{m:02d}/{dd:02d}/{y}", "dash1": f"{y}-{m}-{dd}",
        "yy.m.d": f"{y % 100:02d}.{m}.{dd}", "ym.": f"{y}.{m:02d}", "ym年": f"{y}年{m}月", "ym6": f"{y}{m:02d}",
        "ym-": f"{y}-{m}", "ym年0": f"{y}年{m:02d}月",
    }[f]


# ============================================================================ cells and tables
class Cell:
    """A cell built from plain text and labelled spans (type, text, core)."""

    def __init__(self):
        self.parts = []

    def t(self, s):
        self.parts.append((None, s, None))
        return self

    def lab(self, typ, s, core=None):
        assert s
        self.parts.append((typ, s, core))
        return self

    def text(self):
        return "".join(p[1] for p in self.parts)

    def spans(self):
        out, pos = [], 0
        for typ, s, core in self.parts:
            if typ:
                out.append((pos, pos + len(s), typ, s, core))
            pos += len(s)
        return out


def L(typ, s, core=None):
    return Cell().lab(typ, s, core)


class Table:
    def __init__(self, file, domain, note, columns, encoding):
        self.file, self.domain, self.note, self.encoding = file, domain, note, encoding
        self.format = "xlsx" if file.endswith(".xlsx") else "csv"
        self.columns = columns  # list of (name, label, note)
        self.rows = []  # list of list of str
        self.values = []  # [row, col, type, sub, core]

    def try_add(self, cells) -> bool:
        """Add a row if every cell passes the cell checks; False (nothing added) otherwise."""
        assert len(cells) == len(self.columns), (self.file, len(cells), len(self.columns))
        row, vals = [], []
        for ci, c in enumerate(cells):
            if c is None:
                c = ""
            if isinstance(c, str):
                c = Cell().t(c) if c else Cell()
            text = c.text()
            if self.encoding in ("gbk",):
                try:
                    text.encode("gbk")
                except UnicodeEncodeError:
                    return False
            if cell_problems(text, c.spans()):
                return False
            row.append(text)
            for s0, s1, typ, sub, core in c.spans():
                vals.append([len(self.rows), ci, typ, sub, core])
        self.rows.append(row)
        self.values.extend(vals)
        return True

    redraws = 0

    def add(self, make, tries=50):
        for _ in range(tries):
            if self.try_add(make()):
                return
            self.redraws += 1
        raise RuntimeError(f"{self.file}: could not draw a clean row")


# ============================================================================ audit primitives
SEP_CH = set(" -./·•・‧∙_\t\n—–/,:|\u3000\u00b7\u0387")


def _chains(s):
    """Digit groups (with a possible trailing X) and chains of groups joined by single separators."""
    groups = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\d+[X×]?", s)]
    chains, cur = [], []
    for gi in groups:
        if cur and gi[0] - cur[-1][1] == 1 and s[cur[-1][1]] in SEP_CH and not cur[-1][2].endswith(("X", "×")):
            cur.append(gi)
        else:
            if cur:
                chains.append(cur)
            cur = [gi]
    if cur:
        chains.append(cur)
    return [[g[2] for g in ch] for ch in chains]


def _bad_run(r):
    r = r.replace("×", "X")
    n = len(r)
    if n == 18 and valid_id18(r):
        return "resident ID"
    if n > 18:
        for i in range(n - 17):
            w = r[i:i + 18]
            if valid_id18(w) and w[:17].isdigit():
                return "resident ID inside a longer run"
    if n == 15 and valid_id15(r):
        return "15-digit ID"
    if n == 11 and re.fullmatch(r"1[3-9]\d{9}", r):
        return "mobile"
    if 16 <= n <= 19 and r.isdigit() and CARD_PREFIX_RE.match(r) and luhn_ok(r):
        return "card"
    return None


def remainder_problems(rem: str):
    s = nfkc(rem).upper()
    probs = []
    for ch in _chains(s):
        for i in range(len(ch)):
            for j in range(i + 1, min(len(ch), i + 8) + 1):
                b = _bad_run("".join(ch[i:j]))
                if b:
                    probs.append(b)
    for m in re.finditer(r"[〇零一幺二两三四五六七八九]{11,}", rem):
        d = "".join(CN_MAP[c] for c in m.group())
        for k in range(len(d) - 10):
            if re.fullmatch(r"1[3-9]\d{9}", d[k:k + 11]):
                probs.append("mobile in Chinese numerals")
    return probs


def cell_problems(text, spans):
    probs = []
    rem, last = [], 0
    for s0, s1, typ, sub, core in spans:
        if text[s0:s1] != sub:
            probs.append("labelled substring not at its place")
        rem.append(text[last:s0])
        last = s1
    rem.append(text[last:])
    remainder = "\x00".join(rem)
    for s0, s1, typ, sub, core in spans:
        if sub in remainder:
            probs.append(f"labelled {typ} also stands unlabelled")
    probs += remainder_problems(remainder)
    return probs


def norm_ident(s):
    s = nfkc(s).upper().replace("×", "X")
    s = "".join(CN_MAP.get(c, c) for c in s)
    return re.sub(r"[^0-9A-Z]", "", s)


def label_problem(typ, sub, core):
    if not sub:
        return "empty"
    if typ == "cn_resident_id":
        if not core or not (valid_id18(core) or valid_id15(core)):
            return "invalid ID"
        return None if core in norm_ident(sub) else "display does not carry the ID"
    if typ == "cn_mobile":
        if not core or not re.fullmatch(r"1[3-9]\d{9}", core):
            return "invalid mobile"
        return None if core in norm_ident(sub) else "display does not carry the mobile"
    if typ == "bank_card":
        if not core or not (16 <= len(core) <= 19 and CARD_PREFIX_RE.match(core) and luhn_ok(core)):
            return "invalid card"
        return None if core in norm_ident(sub) else "display does not carry the card"
    if typ == "cn_landline":
        return None if core and re.fullmatch(r"0\d{2,3}[2-8]\d{6,7}", core) and core[-7:] in norm_ident(sub) else "invalid landline"
    if typ == "cn_passport":
        return None if core and re.fullmatch(r"E(\d{8}|[A-HJ-NP-Z]\d{7})", core) and core in norm_ident(sub) else "invalid passport"
    if typ == "hk_macau_permit":
        return None if core and re.fullmatch(r"[CHM]\d{8}(\d{2})?", core) and core in norm_ident(sub) else "invalid permit"
    if typ == "cn_license_plate":
        ok = bool(core) and bool(re.fullmatch(f"[{PLATE_PROV}][A-Z][0-9A-Z]{{5,6}}", core)) and core[0] in sub \
            and core[1:] in norm_ident(sub)
        return None if ok else "invalid plate"
    if typ == "email":
        return None if re.search(r"(@|＠|#|\(at\)|\[at\]| at )", sub) else "not an e-mail"
    if typ in ("person_name", "address", "birth_date", "foreign_passport"):
        return None
    return f"unknown type {typ}"


# ============================================================================ the tables
BIRTH_CN = ["hao", "spaced", "yy.mm.dd", "fwiso", "slash", "dot", "cn", "iso", "dash1"]


BANK_FULL = {"工行": "工商银行", "农行": "农业银行", "建行": "建设银行", "招行": "招商银行", "交行": "交通银行",
             "中行": "中国银行", "兴业": "兴业银行", "平安": "平安银行", "邮储": "邮储银行", "杭州银行": "杭州银行"}


def t01_rencai(g: Gen):
    cols = [("项目", "none", "field labels of a key-value form export"),
            ("内容", "mixed", "values of a form laid out as key | value | key | value: name, birth date, mobile, address among organisation values"),
            ("项目(2)", "none", "field labels"),
            ("内容(2)", "mixed", "values: ID or passport, e-mail, spouse's name, bank card among USCC, dates, schools")]
    t = Table("01_rencai_butie_shenbao.xlsx", "高层次人才引进补贴申报（表单式导出）",
              "key-value form export: 10 rows per applicant, keys and values side by side", cols, None)
    for n in range(150):
        fem = g.p(0.45)
        birth = g.date(1975, 1998)
        k = g.r.random()
        if k < 0.8:
            i = g.rid(birth, female=fem)
            doc = ("居民身份证", L("cn_resident_id", fmt_id(g, i, ["plain", "plain", "6444", "apos"]), i))
        elif k < 0.9:
            pp = g.passport()
            doc = ("护照", L("cn_passport", pp, pp))
        else:
            i = g.pr_id(birth)
            doc = ("外国人永久居留身份证", L("cn_resident_id", i, i))
        m = g.mobile()
        c, bank = g.card()
        rows = [
            ["申报编号", f"SB2024{n + 1:04d}", "申报日期", fmt_date(g, g.date(2024, 2024), BIRTH_CN)],
            ["姓名", L("person_name", g.name(minority=0.1)), "性别", "女" if fem else "男"],
            ["出生日期", L("birth_date", fmt_date(g, birth, BIRTH_CN + ["mon-dd-yyyy"])), "民族",
             g.pick(["汉族"] * 8 + ["回族", "满族", "蒙古族", "壮族"])],
            ["证件类型", doc[0], "证件号码", doc[1]],
            ["最高学历", g.pick(["博士研究生", "硕士研究生", "博士后"]), "毕业院校",
             g.pick(["浙江大学", "复旦大学", "中国科学技术大学", "University of Manchester", "南京大学", "华中科技大学", "Technische Universität München"])],
            ["引进单位", g.company() if g.p(0.7) else g.pick(["衢州学院", "衢州市人民医院", "浙江工业大学衢州研究院"]),
             "单位统一社会信用代码", g.uscc()],
            ["手机号码", L("cn_mobile", fmt_mobile(g, m, ["plain", "plain", "344", "p86"]), m), "电子邮箱", L("email", g.email())],
            ["现居住地址", L("address", g.addr(g.pick(ZJ), g.pick(["estate", "estate_short", "road"]))), "配偶姓名",
             L("person_name", g.name()) if g.p(0.6) else "无"],
            ["开户银行", BANK_FULL[bank], "银行账号", L("bank_card", fmt_card(g, c, bank, ["plain", "g4"]), c)],
            ["补贴金额（万元）", str(g.pick([20, 30, 50, 80, 100])), "审核意见", g.pick(["同意", "同意，待公示", "材料待补正"])],
        ]
        for r in rows:
            t.add(lambda r=r: r, tries=1)
    return t


def t02_gongwuyuan(g: Gen):
    cols = [("序号", "none", ""), ("招录机关", "none", "organisation"), ("职位名称", "none", ""),
            ("职位代码", "none", "8-digit post code"), ("姓名", "person_name", "2-char names aligned with a full-width space, compound surnames with a space"),
            ("性别", "none", ""), ("出生年月", "birth_date", "year-month in 5 forms incl. 199803"), ("学历", "none", ""),
            ("毕业院校", "none", ""), ("工作单位", "none", "organisation or 无"), ("准考证号", "none", "13-digit exam number"),
            ("笔试成绩", "none", ""), ("面试成绩", "none", ""), ("体检结果", "none", ""), ("考察结果", "none", ""),
            ("备注", "free_text", "sparse: 递补 notes naming the withdrawn candidate")]
    t = Table("02_gongwuyuan_nilu_gongshi.csv", "公务员拟录用人员公示", "public notice of civil-service hires", cols, "gb18030")
    organs = ["衢州市财政局", "柯城区市场监督管理局", "衢江区人民法院", "龙游县税务局", "江山市公安局", "常山县农业农村局", "开化县审计局", "衢州市生态环境局"]
    posts = ["综合管理", "执法岗", "财务会计", "信息技术", "法律事务", "文字综合"]
    for i in range(1600):
        def row(i=i):
            birth = g.date(1990, 2002)
            note = ""
            if g.p(0.06):
                note = Cell().t("原拟录用人员").lab("person_name", g.name(minority=0.05)).t("本人放弃，依次递补")
            elif g.p(0.05):
                note = g.pick(["应届毕业生", "服务基层项目人员", "退役大学生士兵"])
            return [str(i + 1), g.pick(organs), g.pick(posts), g.digits(8, "13"),
                    L("person_name", g.name(minority=0.08, rare=0.15, compound=0.06, align=0.6, space=0.3)),
                    g.pick("男女"), L("birth_date", fmt_date(g, birth, ["ym.", "ym年", "ym6", "ym-", "ym年0"])),
                    g.pick(["大学本科", "硕士研究生", "大学本科（学士）"]),
                    g.pick(["浙江大学", "浙江工业大学", "杭州电子科技大学", "浙江财经大学", "宁波大学", "温州大学"]),
                    g.pick(["无", "无", g.company(), "衢州市某街道办事处（编外）"]),
                    g.digits(13, "123"), f"{g.r.uniform(60, 80):.2f}", f"{g.r.uniform(70, 90):.2f}", "合格", "合格", note]
        t.add(row)
    return t


def t03_gongzufang(g: Gen):
    cols = [("lhxh", "none", "queue number"), ("sqrxm", "person_name", "申请人 under pinyin sqrxm"),
            ("sfzjhm", "cn_resident_id", "IDs with a leading tab, an apostrophe, ×/Ｘ for X, 6-4-4-4 groups, full-width hyphens"),
            ("gtsqr", "person_name", "co-applicants with relation labels 配偶:…;子:…, separated by ; ； ， space or a line break"), ("jtrk", "none", ""),
            ("lxsj", "cn_mobile", "mobiles with （微信同号）, (86), +86 groups"),
            ("xjzdz", "address", "current address incl. slash-separated cascade exports"), ("gzdw", "none", "employer"),
            ("sqrq", "none", "application date"), ("bzlx", "none", ""), ("nsr", "none", "annual income")]
    t = Table("03_gongzufang_lunhou.csv", "公租房轮候名单", "public-rental-housing waiting list with pinyin headers of its own", cols, "utf-8-sig")
    for i in range(1400):
        def row(i=i):
            fem = g.p(0.5)
            i18 = g.rid(g.date(1960, 2000), female=fem)
            parts = []
            c = Cell()
            k = g.r.randint(0, 3)
            if k == 0:
                c.t("无")
            else:
                rels = ["配偶", "子", "女", "父亲", "母亲"]
                sep = g.pick([";", "；", "，", " ", "\n"])
                colon = g.pick([":", "："])
                for j in range(k):
                    if j:
                        c.t(sep)
                    c.t(rels[0] if j == 0 and g.p(0.7) else g.pick(rels[1:])).t(colon).lab("person_name", g.name())
            m = g.mobile()
            a = g.addr(g.pick(ZJ))
            if g.p(0.25):
                a = re.sub(r"(省|市|区|县|街道)", r"\1/", a, count=3)
            return [f"LH{2024}{i + 1:05d}", L("person_name", g.name()),
                    L("cn_resident_id", fmt_id(g, i18, ["tab", "apos", "plain", "6444", "fwdash"]), i18),
                    c, str(k + 1), L("cn_mobile", fmt_mobile(g, m, ["wx", "plain", "p86", "plus86sp"]), m),
                    L("address", a), g.pick(["衢州市环境卫生管理处", "柯城区府山街道", "个体", "无", g.company()]),
                    fmt_date(g, g.date(2023, 2024), ["iso", "slash"]), g.pick(["公租房实物配租", "租赁补贴"]),
                    str(g.r.randint(18, 60) * 1000)]
        t.add(row)
    return t


def t04_yunchanfu(g: Gen):
    forms = ["hao", "spaced", "yy.mm.dd", "fwiso", "slash"]
    cols = [("建档编号", "none", ""), ("孕妇姓名", "person_name", ""),
            ("证件号码", "mixed", "IDs, passports and 回乡证 for HK/Macau mothers"),
            ("孕妇出生日期", "birth_date", "年月号 / spaced / yy.mm.dd / full-width ISO"), ("年龄", "none", ""),
            ("丈夫姓名", "person_name", ""), ("丈夫电话", "cn_mobile", "(86), +86 groups, mixed widths"),
            ("末次月经", "none", "non-birth date in the same forms"), ("预产期", "none", "expected delivery date: not a person's birth date"),
            ("建档日期", "none", ""), ("孕周", "none", ""), ("高危因素", "none", ""), ("现住址", "address", ""),
            ("建档医院", "none", "organisation"), ("医院电话", "none", "organisation switchboard")]
    t = Table("04_yunchanfu_jiandang.xlsx", "孕产妇保健建档", "maternal-care registration; 预产期/末次月经 are decoy dates in the birth-date forms", cols, None)
    hosp = [("衢州市妇幼保健院", "0570-3026000"), ("柯城区人民医院", "0570-8881120"), ("衢江区妇幼保健计划生育服务中心", "0570-3837019")]
    for i in range(1300):
        def row(i=i):
            birth = g.date(1985, 2002)
            k = g.r.random()
            if k < 0.85:
                x = g.rid(birth, female=True)
                doc = L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "6444"]), x)
            elif k < 0.93:
                x = g.passport()
                doc = L("cn_passport", x, x)
            else:
                x = g.pick("HM") + g.digits(8)
                doc = L("hk_macau_permit", x, x)
            m = g.mobile()
            lmp = g.date(2024, 2024)
            h = g.pick(hosp)
            return [f"YC{330802}{i + 1:06d}", L("person_name", g.name(minority=0.1)), doc,
                    L("birth_date", fmt_date(g, birth, forms)), str(2024 - birth.year), L("person_name", g.name()),
                    L("cn_mobile", fmt_mobile(g, m, ["p86", "plus86sp", "mixw", "plain", "344"]), m),
                    fmt_date(g, lmp, forms), fmt_date(g, lmp + dt.timedelta(days=280), forms),
                    fmt_date(g, lmp + dt.timedelta(days=g.r.randint(42, 90)), forms), f"{g.r.randint(6, 13)}周",
                    g.pick(["无", "无", "高龄", "瘢痕子宫", "妊娠期高血压"]), L("address", g.addr(g.pick(ZJ))), h[0], h[1]]
        t.add(row)
    return t


def t05_jiaotong(g: Gen):
    cols = [("序号", "none", ""), ("决定书编号", "none", "16-digit decision number"), ("当事人", "person_name", ""),
            ("驾驶证号", "cn_resident_id", "full IDs, and IDs masked by convention (first 6 + last 4: not PI)"),
            ("号牌号码", "cn_license_plate", "plates with a space after the province, 'A-D' dashes, brackets, colour suffixes"),
            ("号牌种类", "none", ""), ("违法时间", "none", ""), ("违法地点", "none", "road"), ("违法行为", "none", ""),
            ("罚款金额", "none", ""), ("记分", "none", ""), ("送达方式", "none", "")]
    t = Table("05_jiaotong_weifa_gonggao.csv", "交通违法处罚决定公告送达", "public service notice of traffic penalty decisions", cols, "gbk")
    for i in range(1600):
        def row(i=i):
            x = g.rid(g.date(1960, 2003))
            if g.p(0.3):
                dl = x[:6] + "********" + x[14:]
            else:
                dl = L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "fwdash", "apos"]), x)
            ne = g.p(0.25)
            p = g.plate(ne)
            f = g.pick(["sp", "dash", "br", "col", "plain"])
            pc = Cell()
            if f == "sp":
                pc.lab("cn_license_plate", p[0] + " " + p[1:], p)
            elif f == "dash":
                pc.lab("cn_license_plate", p[:2] + "-" + p[2:], p)
            elif f == "br":
                pc.t("（").lab("cn_license_plate", p, p).t("）")
            elif f == "col":
                pc.lab("cn_license_plate", p, p).t("(绿)" if ne else g.pick(["(蓝)", "（蓝）", "(黄)"]))
            else:
                pc.lab("cn_license_plate", p, p)
            when = dt.datetime.combine(g.date(2024, 2024), dt.time(g.r.randint(6, 22), g.r.randint(0, 59)))
            return [str(i + 1), "3308" + g.digits(12), L("person_name", g.name(minority=0.05)), dl,
                    pc, "新能源小型汽车" if ne else "小型汽车", when.strftime("%Y-%m-%d %H:%M"),
                    g.pick(ROADS) + g.pick(["与", "口", "近"]) + g.pick(ROADS) + g.pick(["交叉口", "路段", ""]),
                    g.pick(["机动车违反禁止标线指示的", "不按规定停放影响其他车辆通行的", "驾驶中使用手机的", "超速10%以下的"]),
                    str(g.pick([100, 150, 200])), str(g.pick([0, 1, 3])), "公告送达"]
        t.add(row)
    return t


STAFF_CACHE = {}


def staff(g: Gen, key, n=40, **kw):
    if key not in STAFF_CACHE:
        STAFF_CACHE[key] = [g.name(**kw) for _ in range(n)]
    return g.pick(STAFF_CACHE[key])


def t06_haochaping(g: Gen):
    cols = [("评价编号", "none", ""), ("事项名称", "none", ""), ("办理部门", "none", "organisation"), ("评价时间", "none", ""),
            ("评价等级", "none", ""), ("评价人", "person_name", "full names beside 张*, 王女士, 匿名用户 (not PI)"),
            ("评价内容", "free_text", "long text: 窗口工作人员/老师/代办员/我爱人/我婆婆/替我父亲 cues, mobiles in Chinese numerals, estate rooms, ID tails (not PI), 办件号 decoys"),
            ("整改回复", "free_text", "staff names after 窗口工作人员/首席代表, organisation phones"),
            ("回访电话", "mixed", "mobile or home landline")]
    t = Table("06_haochaping_pingjia.csv", "政务服务好差评", "government-service ratings with free-text comments", cols, "utf-8")
    items = ["不动产转移登记", "新生儿出生一件事", "退休一件事", "个体工商户设立登记", "居住证签注", "医保异地备案", "公积金提取"]
    depts = ["衢州市行政服务中心", "柯城区便民服务中心", "衢江区不动产登记中心", "市医保局服务窗口"]
    for i in range(1300):
        def row(i=i):
            when = dt.datetime.combine(g.date(2024, 2024), dt.time(g.r.randint(8, 17), g.r.randint(0, 59)))
            k = g.r.random()
            if k < 0.55:
                who = L("person_name", g.name(minority=0.06))
            elif k < 0.7:
                n = g.han()
                who = n[0] + "*" * (len(n) - 1)
            elif k < 0.82:
                who = g.pick(SUR_COMMON) + g.pick(["女士", "先生"])
            else:
                who = g.pick(["匿名用户", "微信用户", "浙里办用户"])
            c = Cell()
            nparts = g.r.randint(2, 4)
            kinds = g.r.sample(["staff", "teacher", "agent", "family", "phone", "addr", "tail", "docno", "plain", "org"], nparts)
            for kd in kinds:
                if kd == "staff":
                    c.t(g.pick(["窗口工作人员", "帮我办理的窗口人员", "导办员"])).lab("person_name", staff(g, "hcp", 40)).t(g.pick(["服务很耐心，", "态度冷淡，让我回去等通知，", "一次性告知了所有材料，"]))
                elif kd == "teacher":
                    c.t("帮我办理的").lab("person_name", staff(g, "hcp", 40)).t(g.pick(["老师业务熟练。", "老师讲解很清楚。"]))
                elif kd == "agent":
                    c.t("代办员").lab("person_name", g.name()).t("主动上门帮老人办理，")
                elif kd == "family":
                    rel = g.pick(["我爱人", "我婆婆", "替我父亲", "帮我女儿", "我和我丈夫"])
                    c.t(rel).lab("person_name", g.name(minority=0.08)).t(g.pick(["上周已来过一次，", "行动不便，", "的材料被退回两次，"]))
                elif kd == "phone":
                    m = g.mobile()
                    c.t(g.pick(["有问题请打我电话", "联系电话", "我的手机号是", "回电请拨"])).lab("cn_mobile", fmt_mobile(g, m, ["cn", "cn", "plain", "344"]), m).t("。")
                elif kd == "addr":
                    d = g.pick(ZJ)
                    c.t(g.pick(["材料寄到", "我住", "证书请邮寄至"])).lab("address", g.addr(d, g.pick(["estate_short", "estate", "village"]), full=0.3)).t("，")
                elif kd == "tail":
                    c.t(f"身份证尾号{g.digits(3)}{g.pick('0123456789X')}，")
                elif kd == "docno":
                    c.t(f"办件号{g.digits(20, '3')}，")
                elif kd == "org":
                    c.t(g.pick(["打12345没人接，", "咨询电话0570-8880000一直占线，", "大厅叫号机坏了，"]))
                else:
                    c.t(g.pick(["排队时间太长。", "流程简化了很多，点赞！", "希望增加周末窗口。", "网上办理很方便。"]))
            r = Cell()
            if g.p(0.5):
                r.t("经核实，").t(g.pick(["窗口工作人员", "首席代表", "当班导办员"])).lab("person_name", staff(g, "hcp", 40)).t(g.pick(["已向办事群众致歉，并纳入月度考核。", "当日确因系统故障未能办结，已电话回访。"]))
            elif g.p(0.5):
                r.t("已转" + g.pick(depts) + "处理，咨询电话0570-" + g.digits(7, "38") + "。")
            else:
                r.t(g.pick(["感谢您的评价！", "已整改。", ""]))
            if g.p(0.6):
                m = g.mobile()
                cb = L("cn_mobile", fmt_mobile(g, m, ["plain", "plain", "344"]), m)
            elif g.p(0.6):
                d = g.pick(ZJ)
                a, n = g.landline(d)
                cb = L("cn_landline", fmt_land(g, a, n, ["dash", "plain", "paren"]), a + n)
            else:
                cb = ""
            return [f"HCP{when:%Y%m%d}{i:05d}", g.pick(items), g.pick(depts), when.strftime("%Y-%m-%d %H:%M:%S"),
                    g.pick(["非常满意", "满意", "基本满意", "不满意", "非常不满意"]), who, c, r, cb]
        t.add(row)
    return t


def t07_jianyiyongwei(g: Gen):
    cols = [("序号", "none", ""), ("姓名", "person_name", "full-width-space aligned"), ("性别", "none", ""), ("民族", "none", ""),
            ("出生年月", "birth_date", ""), ("身份证号码", "cn_resident_id", "× for X, prefixes"),
            ("工作单位或家庭住址", "mixed", "an employer (organisation, not PI) or a home address (PI)"),
            ("事迹简介", "free_text", "co-rescuers after 与/同村村民/工友, 其妻子; 被救人王某某 (not PI)"),
            ("推荐单位", "none", ""), ("奖励等级", "none", ""), ("奖金发放账户", "bank_card", "bank-name prefixes, trailing (社保卡), groups of 4")]
    t = Table("07_jianyiyongwei_gongshi.csv", "见义勇为人员表彰公示", "honour list of good Samaritans", cols, "gbk")
    places = ["乌溪江", "衢江", "信安湖", "常山港", "江山港", "石梁溪"]
    for i in range(900):
        def row(i=i):
            birth = g.date(1955, 2004)
            x = g.rid(birth)
            if g.p(0.5):
                wa = g.company() if g.p(0.6) else g.pick(["衢州市第二中学", "柯城区环卫所", "衢江区人民医院"])
            else:
                wa = L("address", g.addr(g.pick(ZJ), g.pick(["village", "estate", "road"])))
            c = Cell()
            d = g.date(2023, 2024)
            c.t(f"{d.year}年{d.month}月{d.day}日，")
            k = g.r.random()
            if k < 0.4:
                c.t(f"在{g.pick(places)}边发现一名落水儿童，立即跳入水中施救，与" + g.pick(["同村村民", "工友", "路过的市民", ""]))
                c.lab("person_name", g.name())
                if g.p(0.5):
                    c.t("、").lab("person_name", g.name(minority=0.1))
                c.t("一起将其救起。")
            elif k < 0.7:
                c.t("协助民警抓获一名盗窃电动车的犯罪嫌疑人，")
                if g.p(0.6):
                    c.t("其妻子").lab("person_name", g.name()).t("第一时间报警。")
                else:
                    c.t("被盗车辆已归还失主王某某。")
            else:
                c.t(f"在{g.pick(ROADS)}一居民楼发生火情时冲入楼内，背出被困老人李某某，")
                if g.p(0.5):
                    c.t("邻居").lab("person_name", g.name()).t("协助疏散群众。")
                else:
                    c.t("本人手臂轻度烧伤。")
            cd, bank = g.card()
            return [str(i + 1), L("person_name", g.name(minority=0.1, align=0.7)), g.pick("男男男女"),
                    g.pick(["汉族"] * 6 + ["畲族", "回族", "苗族"]), L("birth_date", fmt_date(g, birth, ["ym.", "ym年", "ym年0"])),
                    L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "prefix", "fwdash"]), x), wa, c,
                    g.pick(["柯城区委政法委", "衢江区见义勇为基金会", "龙游县公安局", "市见义勇为协会"]),
                    g.pick(["见义勇为先进个人", "见义勇为积极分子", "表彰奖励"]),
                    L("bank_card", fmt_card(g, cd, bank, ["bank", "tail", "g4", "plain"]), cd)]
        t.add(row)
    return t


def t08_weihuo(g: Gen):
    cols = [("_c0", "person_name", "从业人员"), ("_c1", "cn_resident_id", "从业资格证号 = ID"), ("_c2", "none", "类别"),
            ("_c3", "birth_date", "birth dates, 40% as Excel serial numbers"), ("_c4", "cn_mobile", ""),
            ("_c5", "none", "employer"), ("_c6", "none", "employer USCC"),
            ("_c7", "none", "company trucks and trailers (挂): an organisation's vehicles, not PI"),
            ("_c8", "none", "issue date, same forms as _c3"), ("_c9", "none", "valid-until date, same forms"),
            ("_c10", "address", "户籍地址"), ("_c11", "free_text", "sparse remarks")]
    t = Table("08_weihuo_congye_renyuan.csv", "危险货物道路运输从业人员", "Spark export with _c0…_c11 headers", cols, "utf-8")
    firms = [(g.company().replace("有限公司", "危险品运输有限公司"), g.uscc()) for _ in range(30)]
    for i in range(1400):
        def row(i=i):
            birth = g.date(1965, 2000)
            x = g.rid(birth, female=g.p(0.1))
            f = g.pick(firms)
            form = "serial" if g.p(0.4) else g.pick(["iso", "slash"])
            issue = g.date(2016, 2023)
            m = g.mobile()
            pl = g.plate(prov="浙")
            if g.p(0.3):
                pl = pl[:-1] + "挂"
            note = ""
            if g.p(0.05):
                note = Cell().t("紧急联系人").lab("person_name", g.name()).t(" ").lab("cn_mobile", (mm := g.mobile()), mm)
            elif g.p(0.05):
                note = g.pick(["证件待换发", "已参加2024年继续教育"])
            return [L("person_name", g.name(minority=0.08)), L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "tab"]), x),
                    g.pick(["驾驶员", "驾驶员", "押运员", "装卸管理人员"]), L("birth_date", fmt_date(g, birth, [form])),
                    L("cn_mobile", m, m), f[0], f[1], pl, fmt_date(g, issue, [form]),
                    fmt_date(g, issue.replace(year=issue.year + 6) if not (issue.month == 2 and issue.day == 29) else issue + dt.timedelta(days=2190), [form]),
                    L("address", g.addr()), note]
        t.add(row)
    return t


FOREIGN_GIVEN = ["Anna", "Thomas", "Maria", "Lukas", "Sophie", "James", "Emily", "Daniel", "Laura", "Marco", "Yuki",
                 "Hiroshi", "Min-jun", "Ji-woo", "Priya", "Rahul", "Olga", "Ivan", "Lucas", "Chloé", "Sean", "Aisha"]
FOREIGN_SUR = ["MÜLLER", "SCHMIDT", "SMITH", "JOHNSON", "ROSSI", "GARCÍA", "TANAKA", "SATO", "KIM", "PARK", "SHARMA",
               "PATEL", "IVANOVA", "PETROV", "MARTIN", "DUBOIS", "O'BRIEN", "NGUYEN", "SILVA", "HANSEN"]
NATION = {"Germany": "DE", "United States": "US", "Italy": "IT", "Japan": "JP", "Korea": "KR", "India": "IN",
          "Russia": "RU", "France": "FR", "Ireland": "IE", "Viet Nam": "VN", "Brazil": "BR", "Denmark": "DK",
          "United Kingdom": "GB", "Hong Kong SAR": "HK"}


def foreign_passport(g: Gen, cc):
    if cc == "DE":
        return g.pick("CFGHJK") + "".join(g.pick("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
    if cc in ("US", "GB", "DK"):
        return g.digits(9, "56")
    if cc == "FR":
        return g.digits(2) + g.pick("ABCDEFGH") + g.pick("ABCDEFGH") + g.digits(5)
    if cc == "JP":
        return g.pick(["TK", "TR", "MZ"]) + g.digits(7)
    if cc == "KR":
        return "M" + g.digits(8)
    if cc == "IN":
        return g.pick("JKLMNPRSTUVWZ") + g.digits(7)
    if cc == "RU":
        return g.digits(2, "67") + " " + g.digits(7)
    return g.pick(["Y", "YA", "FA", "CA"]) + g.digits(7)


def t09_foreign(g: Gen):
    forms = ["mon-dd-yyyy", "dd/mm/yyyy", "mm/dd/yyyy", "nth", "month-nth", "dot"]
    cols = [("No.", "none", ""), ("Full Name", "person_name", "foreign names SURNAME Given / Surname, Given; HK names CHAN Tai Man"),
            ("Gender", "none", ""), ("Nationality", "none", ""),
            ("Travel Document No.", "mixed", "foreign passports (foreign_passport), 回乡证 H/M (hk_macau_permit), Chinese passports of returnees"),
            ("Foreign PR ID", "cn_resident_id", "sparse: 9-prefixed foreigner permanent-residence IDs"),
            ("DOB", "birth_date", "Jun-04-1985, 04/06/1985, 06/04/1985, 4th June 1985, June 4th, 1985, 1985.6.4"),
            ("Application No.", "none", ""), ("Permit Valid Until", "none", "same forms as DOB"),
            ("Mobile", "cn_mobile", "M: / Mob. / Cell: +86 …, +86-138-…"), ("Personal Email", "email", ""),
            ("Residential Address", "address", "English addresses: Rm/Apt, Bldg, Lane, Road, District"),
            ("Employer", "none", ""), ("Employer Address", "none", "organisation, English"),
            ("HR Contact", "person_name", "a recurring staff of natural persons, pinyin"), ("HR Tel", "none", "organisation switchboard")]
    t = Table("09_foreign_staff_permits.xlsx", "开发区外国人工作许可服务台账（English）", "English sheet of a development-zone foreign-staff office", cols, None)
    employers = [("Quzhou Hi-Tech Materials Co., Ltd.", "No. 36 Huayin North Rd, Quzhou Hi-Tech Zone", "+86 570 3661 200"),
                 ("Zhejiang Lantian Fluorochem GmbH Rep. Office", "18F, Tower B, 88 Jiangbin Rd, Kecheng District", "+86 570 8066 001"),
                 ("Suzhou Nanotech Precision Ltd.", "No. 218 Xinghu St, SIP, Suzhou", "+86 512 6288 1000"),
                 ("Hangzhou Westlake Bio Lab Co., Ltd.", "Bldg 5, No. 600 Yuhangtang Rd, Xihu District, Hangzhou", "+86 571 8690 2300")]
    hr = [g.pick(["WANG", "CHEN", "LI", "ZHAO", "SUN", "XU", "ZHOU", "HUANG", "OUYANG", "SIMA"]) + " " + g.pick(["Fang", "Jing", "Xiaoming", "Lei", "Yuting", "Hao", "Min", "Rui", "Jiahui", "Zixuan"]) for _ in range(12)]
    streets = ["Xinghu St", "Jiangbin Rd", "Hehua Middle Rd", "Baiyun Ave", "Wenchang Rd", "Jinhu Lane"]
    for i in range(1000):
        def row(i=i):
            nat = g.pick(list(NATION))
            cc = NATION[nat]
            birth = g.date(1960, 1998)
            if cc == "HK":
                nm = g.pick(["CHAN", "WONG", "LEUNG", "CHEUNG", "LAU", "NG"]) + " " + g.pick(["Tai Man", "Ka-ho", "Siu Ming", "Wing Yan", "Chi Keung"])
                doc = g.pick("HM") + g.digits(8)
                docc = L("hk_macau_permit", doc, doc)
            else:
                sur, gv = g.pick(FOREIGN_SUR), g.pick(FOREIGN_GIVEN)
                nm = g.pick([f"{sur} {gv}", f"{sur.title()}, {gv}", f"{gv} {sur.title()}"])
                if g.p(0.07):
                    doc = g.passport()
                    docc = L("cn_passport", doc, doc)
                else:
                    doc = foreign_passport(g, cc)
                    docc = L("foreign_passport", doc)
            pr = L("cn_resident_id", (x := g.pr_id(birth)), x) if g.p(0.12) and cc != "HK" else ""
            e = g.pick(employers)
            m = g.mobile()
            if g.p(0.5):
                ad = f"{g.pick(['Rm', 'Apt', 'Room'])} {g.r.randint(1, 30)}{g.r.randint(1, 4):02d}, Bldg {g.r.randint(1, 30)}, {g.pick(['Lakeside Garden', 'Ginkgo Court', 'Phoenix City', 'Riverside No.1', 'Maple Bay'])}, {g.r.randint(1, 400)} {g.pick(streets)}, {g.pick(['Kecheng District, Quzhou', 'SIP, Suzhou', 'Xihu District, Hangzhou'])}"
            else:
                ad = f"Unit {g.r.randint(1, 6)}-{g.r.randint(1, 30)}{g.r.randint(1, 4):02d}, Lane {g.r.randint(10, 900)}, {g.pick(streets)}, {g.pick(['Pudong New Area, Shanghai', 'Kecheng District, Quzhou'])} {g.pick(['', '200120', '324000'])}".strip()
            valid = g.date(2025, 2027)
            em = Cell()
            u = (nm.split(" ")[-1].replace(",", "") + "." + nm.split(" ")[0].replace(",", "")).lower().replace("'", "")
            u = unicodedata.normalize("NFKD", u).encode("ascii", "ignore").decode()
            em.lab("email", u + str(g.r.randint(1, 99)) + "@" + g.pick(["gmail.com", "outlook.com", "web.de", "yahoo.co.jp", "naver.com", "163.com"]))
            return [str(i + 1), L("person_name", nm), g.pick(["M", "F"]), nat, docc, pr,
                    L("birth_date", fmt_date(g, birth, forms)), f"WP-{2024}-{i + 1:05d}", fmt_date(g, valid, forms),
                    L("cn_mobile", fmt_mobile(g, m, ["mprefix", "dash3", "plus86sp"]), m), em, L("address", ad),
                    e[0], e[1], L("person_name", g.pick(hr)), e[2]]
        t.add(row)
    return t


def t10_zhaijidi(g: Gen):
    nm = 6
    cols = [("序号", "none", ""), ("乡镇", "none", ""), ("村", "none", ""), ("申请户主", "person_name", ""),
            ("户主身份证", "cn_resident_id", "6-4-4-4 groups, underscores, em dashes")]
    for k in range(1, nm + 1):
        cols += [(f"成员{k}", "person_name", "sparse wide column"), (f"成员{k}关系", "none", ""),
                 (f"成员{k}身份证", "cn_resident_id", "sparse wide column")]
    cols += [("拟建地址", "address", "village forms: 组/村民小组/村委会…自然村/队"), ("原宅基地处置", "none", ""),
             ("占地面积", "none", ""), ("批准文号", "none", ""), ("审批日期", "none", ""),
             ("村联系人", "person_name", "village cadres, recurring"), ("村委电话", "none", "organisation landline")]
    t = Table("10_zhaijidi_jianfang.csv", "农村宅基地建房审批公示", "wide and sparse household-member columns", cols, "gb18030")
    cadres = {}
    for i in range(1200):
        def row(i=i):
            d = g.pick(ZJ)
            town, vil = g.pick(TOWNS), g.pick(VILL)
            head_b = g.date(1950, 1995)
            x = g.rid(head_b, div=d)
            cells = [str(i + 1), town, vil, L("person_name", g.name(minority=0.03, rare=0.2)),
                     L("cn_resident_id", fmt_id(g, x, ["6444", "under", "emdash", "plain"]), x)]
            k = g.r.randint(0, nm)
            for j in range(nm):
                if j < k:
                    rel = g.pick(["配偶", "长子", "次子", "长女", "儿媳", "孙子", "孙女", "母亲"])
                    off = {"配偶": (-5, 5), "长子": (20, 32), "次子": (24, 36), "长女": (20, 32), "儿媳": (20, 34),
                           "孙子": (44, 60), "孙女": (44, 60), "母亲": (-32, -20)}[rel]
                    y0 = min(max(head_b.year + off[0], 1930), 2022)
                    y1 = min(max(head_b.year + off[1], 1930), 2023)
                    b = g.date(y0, max(y0, y1))
                    y = g.rid(b, div=d)
                    cells += [L("person_name", g.name(minority=0.03, rare=0.2)), rel,
                              L("cn_resident_id", fmt_id(g, y, ["6444", "under", "plain", "plain"]), y)]
                else:
                    cells += ["", "", ""]
            key = (town, vil)
            if key not in cadres:
                cadres[key] = g.name()
            cells += [L("address", g.addr(d, "village", full=0.5)), g.pick(["无", "拆旧建新", "退还集体"]),
                      f"{g.r.randint(80, 125)}㎡", f"衢柯宅批〔{g.pick(['2023', '2024'])}〕{g.r.randint(1, 999)}号",
                      fmt_date(g, g.date(2023, 2024), ["cn", "iso"]), L("person_name", cadres[key]),
                      d[4] + "-" + g.digits(7, "6")]
            return cells
        t.add(row)
    return t


def t11_minsu(g: Gen):
    cols = [("登记单号", "none", ""), ("民宿名称", "none", ""), ("房号", "none", ""), ("入住人", "person_name", ""),
            ("证件类型", "none", ""), ("证件号码", "mixed", "IDs, passports, 回乡证, foreigner PR IDs"),
            ("同住人", "person_name", "0–3 names separated by 、 / ； + & or a line break, children with (儿童)"),
            ("手机", "cn_mobile", ""), ("车牌号", "cn_license_plate", "guests' cars, sparse"),
            ("入住时间", "none", ""), ("离店时间", "none", ""),
            ("民宿地址", "none", "the guesthouse's village address: organisation, not PI"), ("民宿电话", "none", "organisation landline"),
            ("备注", "free_text", "sparse")]
    t = Table("11_minsu_zhusu_dengji.csv", "民宿住宿登记", "guesthouse guest register", cols, "utf-8")
    inns = []
    for _ in range(25):
        d = g.pick(ZJ)
        inns.append((g.pick(["云上", "溪边", "竹语", "山居", "半山", "望月"]) + g.pick(["小院", "民宿", "山房", "客栈"]),
                     d[3] + g.pick(TOWNS) + g.pick(VILL) + f"{g.r.randint(1, 90)}号", d[4] + "-" + g.digits(7, "6")))
    for i in range(1300):
        def row(i=i):
            inn = g.pick(inns)
            k = g.r.random()
            if k < 0.8:
                x = g.rid(g.date(1950, 2005))
                dt_, doc = "居民身份证", L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "fw"]), x)
            elif k < 0.88:
                x = g.passport()
                dt_, doc = "护照", L("cn_passport", x, x)
            elif k < 0.96:
                x = g.pick("HM") + g.digits(8)
                dt_, doc = "港澳居民来往内地通行证", L("hk_macau_permit", x, x)
            else:
                x = g.pr_id()
                dt_, doc = "外国人永久居留身份证", L("cn_resident_id", x, x)
            same = Cell()
            for j in range(g.r.choice([0, 0, 1, 1, 2, 3])):
                if j:
                    same.t(g.pick(["、", "/", "；", "+", "&", "\n"]))
                same.lab("person_name", g.name(minority=0.08))
                if g.p(0.2):
                    same.t(g.pick(["(儿童)", "（小孩）"]))
            m = g.mobile()
            pl = ""
            if g.p(0.4):
                p = g.plate(g.p(0.3))
                f = g.pick(["plain", "sp", "br", "dash"])
                pl = Cell()
                if f == "sp":
                    pl.lab("cn_license_plate", p[0] + " " + p[1:], p)
                elif f == "br":
                    pl.t("(").lab("cn_license_plate", p, p).t(")")
                elif f == "dash":
                    pl.lab("cn_license_plate", p[:2] + "-" + p[2:], p)
                else:
                    pl.lab("cn_license_plate", p, p)
            cin = dt.datetime.combine(g.date(2024, 2024), dt.time(g.r.randint(12, 22), g.r.randint(0, 59)))
            cout = cin + dt.timedelta(days=g.r.randint(1, 4), hours=-g.r.randint(1, 8))
            note = ""
            if g.p(0.04):
                note = Cell().t("预订人").lab("person_name", g.name()).t("代订，到店付款")
            elif g.p(0.05):
                note = g.pick(["携带宠物", "需加床", "协议价"])
            return [f"MS{cin:%Y%m%d}{i:05d}", inn[0], g.pick(["101", "102", "201", "202", "A3", "B1", "3号房", "亲子房"]),
                    L("person_name", g.name(minority=0.08)), dt_, doc, same,
                    L("cn_mobile", fmt_mobile(g, m, ["plain", "plain", "344", "mixw"]), m), pl,
                    cin.strftime("%Y-%m-%d %H:%M"), cout.strftime("%Y-%m-%d %H:%M"), inn[1], inn[2], note]
        t.add(row)
    return t


def t12_jiazheng(g: Gen):
    cols = [("服务员姓名", "person_name", ""), ("性别", "none", ""), ("籍贯", "none", "province + county of origin: not an address"),
            ("身份证号", "cn_resident_id", "full-width hyphens, full-width digits, × for X"), ("联系电话", "cn_mobile", ""),
            ("雇主", "mixed", "a household (natural person, PI) or an institution (养老院/公司, not PI)"),
            ("雇主电话", "mixed", "a household's mobile (PI) or an institution's landline (not PI)"),
            ("服务地址", "mixed", "a household's home (PI) or an institution's address (not PI)"),
            ("服务类型", "none", ""), ("合同起止", "none", ""), ("所属家政公司", "none", ""), ("培训证书编号", "none", ""), ("月薪", "none", "")]
    t = Table("12_jiazheng_fuwu_dengji.csv", "家政服务员登记", "domestic-worker register: employers are people or institutions", cols, "gbk")
    insts = [("衢州市社会福利中心", "0570-3071234", "衢州市柯城区白云南大道99号"), ("柯城区颐养院", "0570-8820456", "衢州市柯城区航埠镇航埠路12号"),
             ("衢江区康宁养老服务有限公司", "0570-3389012", "衢州市衢江区振兴东路128号")]
    for i in range(1300):
        def row(i=i):
            fem = g.p(0.85)
            x = g.rid(g.date(1960, 1995), female=fem)
            m = g.mobile()
            if g.p(0.7):
                d = g.pick(ZJ)
                em = L("person_name", g.name())
                mm = g.mobile()
                emt = L("cn_mobile", fmt_mobile(g, mm, ["plain", "344", "wx"]), mm)
                ea = L("address", g.addr(d, g.pick(["estate", "estate_short", "road", "bj"])))
            else:
                ins = g.pick(insts)
                em, emt, ea = ins
            s = g.date(2023, 2024)
            dv = g.pick(DIVS)
            return [L("person_name", g.name(minority=0.05, rare=0.2)), "女" if fem else "男", dv[1].replace("省", "").replace("自治区", "") + dv[3],
                    L("cn_resident_id", fmt_id(g, x, ["fwdash", "fw", "plain", "plain"]), x),
                    L("cn_mobile", fmt_mobile(g, m, ["plain", "344", "mixw"]), m), em, emt, ea,
                    g.pick(["育婴", "养老护理", "保洁", "烹饪", "病患陪护"]),
                    f"{s:%Y.%m.%d}-{s.replace(year=s.year + 1) - dt.timedelta(days=1) if not (s.month == 2 and s.day == 29) else s:%Y.%m.%d}",
                    g.pick(["衢州巧手家政服务有限公司", "柯城区好帮手家政", "衢江区阿姨来了家政服务部"]),
                    f"JZ{g.pick(['2023', '2024'])}{g.digits(6)}", str(g.r.randint(45, 90) * 100)]
        t.add(row)
    return t


def t13_shengcun(g: Gen):
    names = "ABCDEFGHIJKL"
    spec = [("none", "序号"), ("person_name", "姓名"), ("cn_resident_id", "社会保障号码 = ID (tab, ×, plain)"),
            ("birth_date", "出生日期: 1949年9月29日, 49.09.29, Excel serial, 1949-9-29"), ("none", "认证方式"),
            ("none", "认证日期 (same forms)"), ("address", "居住地, incl. other provinces"), ("person_name", "代理人 (sparse)"),
            ("none", "代理人关系"), ("mixed", "代理人电话: mobile or landline; some hold two mobiles split by a line break, ， or /"), ("bank_card", "养老金账户"),
            ("free_text", "备注: 由其女…代办, 家属…告知")]
    cols = [(n, lab, note) for n, (lab, note) in zip(names, spec)]
    t = Table("13_tuixiu_shengcun_renzheng.csv", "退休人员养老金领取资格认证", "Excel column letters A…L as headers", cols, "utf-8-sig")
    for i in range(1500):
        def row(i=i):
            birth = g.date(1930, 1964)
            x = g.rid(birth)
            form = g.pick(["cn", "yy.mm.dd", "serial", "dash1"])
            ag, rel, at, nt = "", "", "", ""
            if g.p(0.35):
                ag = L("person_name", g.name())
                rel = g.pick(["子", "女", "配偶", "儿媳", "孙子"])
                if g.p(0.15):
                    mm, m2 = g.mobile(), g.mobile()
                    at = Cell().lab("cn_mobile", mm, mm).t(g.pick(["\n", "，", "/"])).lab("cn_mobile", fmt_mobile(g, m2, ["plain", "344"]), m2)
                elif g.p(0.7):
                    mm = g.mobile()
                    at = L("cn_mobile", fmt_mobile(g, mm, ["plain", "344"]), mm)
                else:
                    a, n = g.landline()
                    at = L("cn_landline", fmt_land(g, a, n, ["emdash", "paren", "after", "sp", "dash"]), a + n)
                if g.p(0.2):
                    nt = Cell().t("异地居住，由其" + g.pick(["女", "子", "侄子"])).lab("person_name", g.name()).t("代办")
            elif g.p(0.04):
                nt = Cell().t("已故，家属").lab("person_name", g.name()).t("电话告知，待核销")
            cd, bank = g.card()
            return [str(i + 1), L("person_name", g.name(minority=0.06, rare=0.15)),
                    L("cn_resident_id", fmt_id(g, x, ["tab", "plain", "plain", "apos"]), x),
                    L("birth_date", fmt_date(g, birth, [form])), g.pick(["人脸识别", "上门认证", "浙里办自助", "大数据比对"]),
                    fmt_date(g, g.date(2024, 2024), [form]), L("address", g.addr()), ag, rel, at,
                    L("bank_card", fmt_card(g, cd, bank, ["plain", "tab", "g4"]), cd), nt]
        t.add(row)
    return t


def t14_jingqing(g: Gen):
    cols = [("警情编号", "none", ""), ("接警时间", "none", ""), ("报警人", "person_name", "full names; 匿名, 李先生 (not PI)"),
            ("报警电话", "mixed", "mobile or landline; 110转接 (not PI)"),
            ("案发地址", "mixed", "home addresses (PI) or public places (路口, 商场: not PI)"), ("警情类别", "none", ""),
            ("简要警情", "free_text", "long text: 报警人称/嫌疑人/其前夫/被打人/伤者/失主/走失老人/其母亲/邻居/房东, plates, rooms, IDs, Chinese-numeral phones; 王某 (not PI)"),
            ("处置结果", "free_text", "officers' names after 民警 (PI), 警号 (not PI)"), ("出警单位", "none", "")]
    t = Table("14_110_jiechujing.csv", "110接处警记录", "police dispatch summaries", cols, "utf-8")
    units = ["柯城分局府山派出所", "柯城分局荷花派出所", "衢江分局樟潭派出所", "交警支队一大队"]
    for i in range(1300):
        def row(i=i):
            when = dt.datetime.combine(g.date(2024, 2024), dt.time(g.r.randint(0, 23), g.r.randint(0, 59)))
            k = g.r.random()
            rp = L("person_name", g.name(minority=0.06)) if k < 0.7 else (g.pick(SUR_COMMON) + g.pick(["先生", "女士"]) if k < 0.85 else "匿名")
            if g.p(0.75):
                m = g.mobile()
                ph = L("cn_mobile", fmt_mobile(g, m, ["plain", "plain", "p86"]), m)
            elif g.p(0.6):
                a, n = g.landline(g.pick(ZJ))
                ph = L("cn_landline", fmt_land(g, a, n, ["dash", "plain", "sp"]), a + n)
            else:
                ph = "110转接"
            home = g.p(0.55)
            ad = L("address", g.addr(g.pick(ZJ), g.pick(["estate", "estate_short", "village", "road"]), full=0.3)) if home else \
                g.pick(ROADS) + "与" + g.pick(ROADS) + "交叉口" if g.p(0.5) else g.pick(["万达广场一楼", "衢州火车站西广场", "西区菜市场门口", "信安湖公园南门"])
            c = Cell()
            kind = g.pick(["theft", "fight", "lost", "family", "traffic", "noise"])
            if kind == "theft":
                c.t("报警人称其停放在楼下的电动车被盗，").t(g.pick(["", "车主"]))
                if g.p(0.5):
                    c.t("失主").lab("person_name", g.name()).t("提供购车发票，")
                c.t("监控显示嫌疑人").lab("person_name", g.name()).t(g.pick(["（男，约30岁）", ""]) + "于凌晨骑走。")
                cat = "盗窃"
            elif kind == "fight":
                c.t("两人因琐事发生口角后互殴，被打人").lab("person_name", g.name(minority=0.08)).t("面部受伤，")
                if g.p(0.5):
                    x = g.rid()
                    c.t("对方").lab("person_name", g.name()).t("（身份证号").lab("cn_resident_id", fmt_id(g, x, ["plain", "6444"]), x).t("）已被带回所里。")
                else:
                    c.t("对方王某已离开现场。")
                cat = "纠纷"
            elif kind == "lost":
                c.t("走失老人").lab("person_name", g.name()).t(g.pick(["（82岁，患阿尔茨海默病）", "（76岁）"]) + "，其女儿").lab("person_name", g.name())
                m = g.mobile()
                c.t("称老人住").lab("address", g.addr(g.pick(ZJ), "estate_short", full=0.0)).t("，联系电话").lab("cn_mobile", fmt_mobile(g, m, ["cn", "plain", "344"]), m).t("。")
                cat = "求助"
            elif kind == "family":
                c.t("报警人称其前夫").lab("person_name", g.name()).t("酒后到其住处吵闹，其母亲").lab("person_name", g.name()).t("在场劝阻。")
                cat = "家庭纠纷"
            elif kind == "traffic":
                p = g.plate(g.p(0.3))
                c.t("车牌为").lab("cn_license_plate", g.pick([p, p[:2] + "·" + p[2:], p[0] + " " + p[1:]]), p).t("的小车与电动车刮擦，伤者").lab("person_name", g.name()).t("送医。")
                cat = "交通事故"
            else:
                c.t("邻居反映楼上").lab("address", f"{g.r.randint(1, 30)}幢{g.r.randint(1, 4)}单元{g.r.randint(2, 30)}{g.r.randint(1, 4):02d}").t("夜间噪音扰民，房东").lab("person_name", g.name()).t("已联系租客。")
                cat = "噪音扰民"
            r = Cell()
            if g.p(0.7):
                r.t("民警").lab("person_name", staff(g, "police", 30)).t(f"（警号{g.digits(6, '0')}）到场处置，" + g.pick(["已调解。", "已立案调查。", "已移交交警。", "已协助找回。"]))
            else:
                r.t(g.pick(["已处置。", "双方达成和解。", "移交社区跟进。"]))
            return [f"J{when:%Y%m%d%H%M}{i:04d}", when.strftime("%Y-%m-%d %H:%M"), rp, ph, ad, cat, c, r, g.pick(units)]
        t.add(row)
    return t


def t15_dangan(g: Gen):
    cols = [("档号", "none", ""), ("题名", "free_text", "document titles, ~8% naming a person (任职/退休/表彰)"), ("责任者", "none", ""),
            ("文件日期", "none", ""), ("页数", "none", ""), ("保管期限", "none", ""), ("密级", "none", ""),
            ("存放位置", "none", "shelf codes like 3-2-15-4 (look like estate rooms)"),
            ("附注", "free_text", "sparse: one ID with ×, one mobile with mixed widths, one card with a bank prefix, one passport, one obfuscated e-mail among 1,000 notes")]
    t = Table("15_dangan_mulu_sparse.csv", "文书档案目录（稀疏）", "archive catalogue: single personal values among 1,000 rows", cols, "utf-8")
    sparse_rows = g.r.sample(range(1000), 5)
    kinds = dict(zip(sparse_rows, ["id", "mobile", "card", "passport", "email"]))
    orgs = ["衢州市人力资源和社会保障局", "柯城区人民政府办公室", "衢州市教育局", "衢江区民政局"]
    for i in range(1000):
        def row(i=i):
            title = Cell()
            if g.p(0.08):
                k = g.pick(["appoint", "retire", "award"])
                if k == "appoint":
                    title.t("关于").lab("person_name", g.name()).t("同志任职的通知")
                elif k == "retire":
                    title.t("关于同意").lab("person_name", g.name()).t("同志退休的批复")
                else:
                    title.t("关于表彰").lab("person_name", g.name()).t("等" + str(g.r.randint(3, 20)) + "名同志的决定")
            else:
                title.t(g.pick(["关于印发", "关于做好", "关于开展"]) + g.pick(["2024年度就业创业工作", "安全生产大检查", "政务公开工作要点", "档案数字化工作"]) + g.pick(["的通知", "实施方案的通知", "的意见"]))
            note = Cell()
            kd = kinds.get(i)
            if kd == "id":
                x = g.rid()
                while not x.endswith("X"):
                    x = g.rid()
                note.t("附件含当事人身份证复印件（").lab("cn_resident_id", x[:-1] + "×", x).t("）")
            elif kd == "mobile":
                m = g.mobile()
                note.t("经办人联系方式").lab("cn_mobile", fmt_mobile(g, m, ["mixw"]), m)
            elif kd == "card":
                cd, bank = g.card()
                note.t("补助款已打入").lab("bank_card", bank + cd, cd)
            elif kd == "passport":
                p = g.passport()
                note.t("出国审批附护照号").lab("cn_passport", p, p)
            elif kd == "email":
                note.t("电子件发送至").lab("email", g.email(obfuscate=1.0))
            else:
                note.t(g.pick(["", "", "", "原件", "复印件", "有修改痕迹", "含附件3份", "电子文件已挂接"]))
            d = g.date(2015, 2023)
            return [f"0012-WS·{d.year}-{g.pick(['Y', 'D30', 'D10'])}-{i + 1:04d}", title, g.pick(orgs), d.strftime("%Y%m%d"),
                    str(g.r.randint(1, 40)), g.pick(["永久", "定期30年", "定期10年"]), g.pick(["", "", "内部"]),
                    f"{g.r.randint(1, 6)}-{g.r.randint(1, 9)}-{g.r.randint(1, 30)}-{g.r.randint(1, 8)}", note]
        t.add(row)
    return t


def t16_yaodian(g: Gen):
    cols = [("药店名称", "none", "company names with surnames"), ("统一社会信用代码", "none", ""), ("药品经营许可证编号", "none", ""),
            ("医保定点编码", "none", ""), ("注册地址", "none", "business premises incl. 小区…幢底商"), ("联系电话", "none", "landline / 400"),
            ("对公账号", "none", "corporate accounts, some Luhn-passing, no card prefix"), ("成立日期", "none", "same forms as birth dates elsewhere"),
            ("经度", "none", ""), ("纬度", "none", ""), ("营业时间", "none", ""), ("执业药师人数", "none", "")]
    t = Table("16_yaodian_mingdan.csv", "零售药店名录（仅诱饵）", "decoys only: no personal value", cols, "gb18030")
    for i in range(900):
        def row(i=i):
            d = g.pick(ZJ)
            nm = d[2][:2] + g.pick(SUR_COMMON) + g.pick(["记", "氏", "家"]) + g.pick(["大药房", "药店", "医药连锁门店", "药堂"])
            ad = d[2] + d[3] + (g.pick(ROADS) + f"{g.r.randint(1, 500)}号" if g.p(0.6) else g.pick(EST) + f"{g.r.randint(1, 30)}幢底商{g.r.randint(1, 20)}号")
            ph = d[4] + "-" + g.digits(7, "3678") if g.p(0.8) else "400-" + g.digits(3, "6789") + "-" + g.digits(4)
            return [nm, g.uscc(d), f"浙{g.pick(['AA', 'BA', 'CA'])}{d[4][1:]}{g.digits(4)}", f"P{d[0]}{g.digits(5)}", ad, ph,
                    g.corp_account(), fmt_date(g, g.date(1998, 2023), ["cn", "iso", "compact", "dot"]),
                    f"{g.r.uniform(118.6, 119.2):.6f}", f"{g.r.uniform(28.8, 29.2):.6f}",
                    g.pick(["08:00-22:00", "24小时", "07:30-21:30"]), str(g.r.randint(1, 4))]
        t.add(row)
    return t


def t17_jiating_yisheng(g: Gen):
    cols = [("Unnamed: 0", "none", "pandas index"), ("jmxm", "person_name", "居民姓名"), ("zjh", "cn_resident_id", "证件号"),
            ("生日", "birth_date", "1949年9月29日, 1949.9.29, 19490929, 49.9.29"), ("rqfl", "none", "population group (health)"),
            ("txdz", "address", "通讯地址"), ("jtdh", "mixed", "home landlines as 0571—88001234, (0571)8800-1234, 88001234（0571）, 0571 8800 1234, or mobiles; 20% hold a landline and a mobile split by a line break, ｜, ； or 或"),
            ("qyys", "person_name", "contracted doctor: recurring staff"), ("tdlxdh", "none", "team phone (organisation)"),
            ("qyrq", "none", "signing date, same forms as 生日"), ("fwb", "none", "")]
    t = Table("17_jiating_yisheng_qianyue.csv", "家庭医生签约服务", "pandas export with an index column and pinyin headers of its own", cols, "utf-8-sig")
    teams = [("府山街道社区卫生服务中心全科1组", "0570-3022" + str(k)) for k in range(100, 112)]
    for i in range(1300):
        def row(i=i):
            birth = g.date(1930, 2023)
            x = g.rid(birth)
            form = g.pick(["cn", "dot", "compact", "yy.m.d"])
            if g.p(0.2):  # two numbers in one cell
                a, n = g.landline(g.pick(ZJ))
                m = g.mobile()
                hp = Cell().lab("cn_landline", fmt_land(g, a, n, ["emdash", "paren", "after", "sp"]), a + n) \
                    .t(g.pick(["\n", "｜", "；", " 或 ", "\n手机"])).lab("cn_mobile", fmt_mobile(g, m, ["plain", "344"]), m)
            elif g.p(0.6):
                a, n = g.landline(g.pick(ZJ) if g.p(0.8) else None)
                hp = L("cn_landline", fmt_land(g, a, n, ["emdash", "paren", "after", "sp", "ext"]), a + n)
            else:
                m = g.mobile()
                hp = L("cn_mobile", m, m)
            tm = g.pick(teams)
            return [str(i), L("person_name", g.name(minority=0.05, rare=0.15)), L("cn_resident_id", fmt_id(g, x, ["plain", "plain", "tab"]), x),
                    L("birth_date", fmt_date(g, birth, [form])), (g.pick(["65岁及以上老年人", "高血压患者", "2型糖尿病患者"]) if birth.year <= 1959 else "0-6岁儿童" if birth.year >= 2018 else g.pick(["高血压患者", "一般人群", "2型糖尿病患者"])),
                    L("address", g.addr(g.pick(ZJ), g.pick(["estate", "estate_short", "dorm", "lane", "village"]), full=0.3)), hp,
                    L("person_name", staff(g, "doc", 24)), tm[1], fmt_date(g, g.date(2023, 2024), [form]),
                    g.pick(["基础包", "老年人包", "慢病包", "儿童包"])]
        t.add(row)
    return t


TABLES = [t01_rencai, t02_gongwuyuan, t03_gongzufang, t04_yunchanfu, t05_jiaotong, t06_haochaping, t07_jianyiyongwei,
          t08_weihuo, t09_foreign, t10_zhaijidi, t11_minsu, t12_jiazheng, t13_shengcun, t14_jingqing, t15_dangan,
          t16_yaodian, t17_jiating_yisheng]


# ============================================================================ writing, reading back, auditing
FIXED_ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def csv_bytes(t: Table) -> bytes:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c[0] for c in t.columns])
    w.writerows(t.rows)
    return buf.getvalue().encode(t.encoding)


def xlsx_bytes(t: Table) -> bytes:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([c[0] for c in t.columns])
    for r in t.rows:
        ws.append([v if v != "" else None for v in r])
    fixed = dt.datetime(2024, 1, 1, 0, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "blind5"
    raw = io.BytesIO()
    wb.save(raw)
    # make the archive deterministic: fixed entry times, fixed core-property dates, same entry order
    zin = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)", rb"\g<1>2024-01-01T00:00:00Z\g<3>", data)
            zi = zipfile.ZipInfo(info.filename, FIXED_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    return out.getvalue()


def read_back(t: Table, path: Path):
    if t.format == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = [["" if v is None else str(v) for v in r] for r in wb.active.iter_rows(values_only=True)]
        wb.close()
    else:
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode(t.encoding), newline="")))
    return rows[0], rows[1:]


def locate_spans(text, items):
    spans, pos = [], 0
    for typ, sub, core in items:
        k = text.find(sub, pos)
        if k < 0:
            return None
        spans.append((k, k + len(sub), typ, sub, core))
        pos = k + len(sub)
    return spans


def audit_table(t: Table) -> list[str]:
    errs = []
    ncol = len(t.columns)
    by_cell = {}
    for r, c, typ, sub, core in t.values:
        if not (0 <= r < len(t.rows) and 0 <= c < ncol):
            errs.append(f"{t.file}: value outside the table at {r},{c}")
            continue
        by_cell.setdefault((r, c), []).append((typ, sub, core))
        p = label_problem(typ, sub, core)
        if p:
            errs.append(f"{t.file} r{r} c{c} {typ}: {p}")
    for ci, (name, label, _) in enumerate(t.columns):
        types = {v[2] for v in t.values if v[1] == ci}
        if label == "none" and types:
            errs.append(f"{t.file} [{name}] labelled none holds {sorted(types)}")
        if label not in ("none", "mixed", "free_text") and types - {label}:
            errs.append(f"{t.file} [{name}] labelled {label} holds {sorted(types)}")
    for r, row in enumerate(t.rows):
        if len(row) != ncol:
            errs.append(f"{t.file} r{r}: {len(row)} cells for {ncol} columns")
        for c, text in enumerate(row):
            items = by_cell.get((r, c), [])
            spans = locate_spans(text, items)
            if spans is None:
                errs.append(f"{t.file} r{r} c{c}: a labelled substring is not in its cell")
                continue
            for p in cell_problems(text, spans):
                errs.append(f"{t.file} r{r} c{c}: {p}")
            if t.encoding == "gbk":
                try:
                    text.encode("gbk")
                except UnicodeEncodeError:
                    errs.append(f"{t.file} r{r} c{c}: not encodable in GBK")
            if t.format == "xlsx" and (text.startswith("=") or re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)):
                errs.append(f"{t.file} r{r} c{c}: not storable as an XLSX string")
    return errs


def inject(tables, kinds, rng):
    """Faults for testing the audit (--inject)."""
    g = Gen(rng)
    for k in kinds:
        t = tables[6]  # 07_jianyiyongwei (GBK)
        if k == "id":  # an unlabelled valid ID written with spaces into a non-personal cell
            x = g.rid()
            t.rows[3][8] += " " + x[:6] + " " + x[6:14] + " " + x[14:]
        elif k == "mobile":  # a raw mobile in free text
            t.rows[5][7] += "联系" + g.mobile()
        elif k == "dup":  # a labelled name also standing unlabelled in its cell
            v = next(v for v in t.values if v[1] == 7 and v[2] == "person_name")
            t.rows[v[0]][7] += v[3]
        elif k == "badid":  # a labelled ID with a wrong check character
            v = next(v for v in t.values if v[2] == "cn_resident_id")
            v[4] = v[4][:17] + ("0" if v[4][17] != "0" else "1")
        elif k == "card":  # an unlabelled Luhn-valid card in a decoy column
            cd, _ = g.card()
            tables[15].rows[2][6] = cd
        else:
            raise SystemExit(f"unknown fault {k}")


def truth_doc(tables, seed):
    out = {"corpus": "blind5", "seed": seed, "tables": []}
    for t in tables:
        cols = []
        for ci, (name, label, note) in enumerate(t.columns):
            types = sorted({v[2] for v in t.values if v[1] == ci})
            cols.append({"name": name, "label": label, "types": types, "note": note, "free_text": label == "free_text"})
        out["tables"].append({"file": t.file, "format": t.format, "encoding": t.encoding, "domain": t.domain,
                              "rows": len(t.rows), "note": t.note, "columns": cols, "values": t.values})
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--inject", default="", help="comma-separated faults to test the audit: id,mobile,dup,badid,card")
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tables = []
    for fn in TABLES:
        STAFF_CACHE.clear()
        rng = random.Random(f"blind5:{a.seed}:{fn.__name__}")
        probe = fn.__name__ in ("t05_jiaotong", "t07_jianyiyongwei", "t12_jiazheng")
        tables.append(fn(Gen(rng, gbk=probe)))
    if a.inject:
        inject(tables, a.inject.split(","), random.Random(f"inject:{a.seed}"))

    def refuse(errs):
        for t in tables:
            (out / t.file).unlink(missing_ok=True)
        (out / "truth.json").unlink(missing_ok=True)
        print(f"AUDIT FAILED ({len(errs)} problems); nothing written:", file=sys.stderr)
        for e in errs[:30]:
            print("  " + e, file=sys.stderr)
        return 1

    errs = [e for t in tables for e in audit_table(t)]
    if errs:
        return refuse(errs)
    for t in tables:
        (out / t.file).write_bytes(xlsx_bytes(t) if t.format == "xlsx" else csv_bytes(t))
    for t in tables:  # read every file back as evaluate.py does and compare cell by cell
        header, rows = read_back(t, out / t.file)
        if header != [c[0] for c in t.columns]:
            errs.append(f"{t.file}: header differs on read-back")
        if len(rows) != len(t.rows):
            errs.append(f"{t.file}: {len(rows)} rows read back for {len(t.rows)}")
        for r, (a_, b_) in enumerate(zip(rows, t.rows)):
            a_ = a_ + [""] * (len(b_) - len(a_))
            if a_ != b_:
                errs.append(f"{t.file} r{r}: differs on read-back")
    if errs:
        return refuse(errs)
    (out / "truth.json").write_text(json.dumps(truth_doc(tables, a.seed), ensure_ascii=False, indent=1), encoding="utf-8")
    from collections import Counter
    by_type = Counter(v[2] for t in tables for v in t.values)
    print(f"wrote {len(tables)} tables, {sum(len(t.rows) for t in tables)} rows, "
          f"{sum(len(t.values) for t in tables)} personal values to {out}; audit passed")
    for t in tables:
        print(f"  {t.file:34} {t.format:4} {str(t.encoding):9} rows {len(t.rows):5}  values {len(t.values):6}  redrawn rows {t.redraws}")
    print("  by type: " + ", ".join(f"{k} {v}" for k, v in by_type.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
