#!/usr/bin/env python3
"""blind3 — a third, independent blind corpus of government-style tables for opendata's PI detectors.

    python corpus.py --out DIR --seed N

Writes ~18 bare tables (CSV in UTF-8 / UTF-8-BOM / GBK / GB18030, XLSX) and truth.json in the format of
benchmarks/blind_pii2 (per table: file, format, encoding, domain, rows, columns[name,label,free_text?,types,note],
values=[row, col, type, exact substring, core]).  Every value is synthetic.  The generator audits its labels
(every labelled substring is in its cell; identifiers pass their checks; no unlabelled remainder of any cell holds
a valid 18-char ID, a valid 15-digit legacy ID, an 11-digit mobile, or a Luhn-passing 16-19-digit run behind a
card prefix) and refuses to write a corpus that fails.
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
from pathlib import Path

# ============================================================================ check digits
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_check(body17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(body17, ID_W)) % 11]


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(body17: str) -> str:
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_W))
    c = 31 - s % 31
    return USCC_CHARS[0 if c == 31 else c]


def luhn_ok(num: str) -> bool:
    tot = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        tot += d
    return tot % 10 == 0


def luhn_complete(body: str) -> str:
    for d in "0123456789":
        if luhn_ok(body + d):
            return body + d
    raise AssertionError


def valid_date(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


PROV_CODES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53,
              54, 61, 62, 63, 64, 65, 71, 81, 82, 83}


def is_valid_id18(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    return id_check(s[:17]) == s[17]   # any run with a matching check char counts (stricter than needed)


def is_valid_id15(s: str) -> bool:
    if not re.fullmatch(r"\d{15}", s):
        return False
    return int(s[:2]) in PROV_CODES and valid_date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))


# ============================================================================ real division codes
# (code, province, city, county, region kind)
DIVS = [
    ("110105", "北京市", "", "朝阳区", "city"), ("110108", "北京市", "", "海淀区", "city"),
    ("110116", "北京市", "", "怀柔区", "village"), ("120104", "天津市", "", "南开区", "city"),
    ("130102", "河北省", "石家庄市", "长安区", "city"), ("130681", "河北省", "保定市", "涿州市", "village"),
    ("140105", "山西省", "太原市", "小店区", "city"), ("140802", "山西省", "运城市", "盐湖区", "village"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区", "city"), ("152502", "内蒙古自治区", "锡林郭勒盟", "锡林浩特市", "gacha"),
    ("150602", "内蒙古自治区", "鄂尔多斯市", "东胜区", "gacha"), ("210102", "辽宁省", "沈阳市", "和平区", "city"),
    ("220102", "吉林省", "长春市", "南关区", "city"), ("222401", "吉林省", "延边朝鲜族自治州", "延吉市", "tun"),
    ("230102", "黑龙江省", "哈尔滨市", "道里区", "city"), ("230182", "黑龙江省", "哈尔滨市", "双城区", "tun"),
    ("310104", "上海市", "", "徐汇区", "city"), ("310115", "上海市", "", "浦东新区", "city"),
    ("320102", "江苏省", "南京市", "玄武区", "city"), ("320583", "江苏省", "苏州市", "昆山市", "village"),
    ("330106", "浙江省", "杭州市", "西湖区", "city"), ("330110", "浙江省", "杭州市", "余杭区", "village"),
    ("330302", "浙江省", "温州市", "鹿城区", "city"), ("330902", "浙江省", "舟山市", "定海区", "village"),
    ("330921", "浙江省", "舟山市", "岱山县", "village"), ("340104", "安徽省", "合肥市", "蜀山区", "city"),
    ("341204", "安徽省", "阜阳市", "颍泉区", "village"), ("350203", "福建省", "厦门市", "思明区", "city"),
    ("350581", "福建省", "泉州市", "石狮市", "village"), ("360102", "江西省", "南昌市", "东湖区", "city"),
    ("370102", "山东省", "济南市", "历下区", "city"), ("371302", "山东省", "临沂市", "兰山区", "village"),
    ("410105", "河南省", "郑州市", "金水区", "city"), ("411502", "河南省", "信阳市", "浉河区", "village"),
    ("420106", "湖北省", "武汉市", "武昌区", "city"), ("430104", "湖南省", "长沙市", "岳麓区", "city"),
    ("440106", "广东省", "广州市", "天河区", "city"), ("440305", "广东省", "深圳市", "南山区", "city"),
    ("441302", "广东省", "惠州市", "惠城区", "lane"), ("450102", "广西壮族自治区", "南宁市", "兴宁区", "city"),
    ("451002", "广西壮族自治区", "百色市", "右江区", "village"), ("460105", "海南省", "海口市", "秀英区", "city"),
    ("500103", "重庆市", "", "渝中区", "city"), ("500229", "重庆市", "", "城口县", "village"),
    ("510107", "四川省", "成都市", "武侯区", "city"), ("513401", "四川省", "凉山彝族自治州", "西昌市", "yi"),
    ("520102", "贵州省", "贵阳市", "南明区", "city"), ("522601", "贵州省", "黔东南苗族侗族自治州", "凯里市", "village"),
    ("530102", "云南省", "昆明市", "五华区", "city"), ("532901", "云南省", "大理白族自治州", "大理市", "yunnan"),
    ("540102", "西藏自治区", "拉萨市", "城关区", "tibet"), ("542621", "西藏自治区", "林芝市", "巴宜区", "tibet"),
    ("610113", "陕西省", "西安市", "雁塔区", "city"), ("620102", "甘肃省", "兰州市", "城关区", "city"),
    ("630102", "青海省", "西宁市", "城东区", "city"), ("640104", "宁夏回族自治区", "银川市", "兴庆区", "city"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "city"), ("653101", "新疆维吾尔自治区", "喀什地区", "喀什市", "xj"),
    ("659002", "新疆维吾尔自治区", "新疆生产建设兵团", "阿拉尔市", "bingtuan"),
]
TOWNS = ["城关", "新塘", "桥头", "黄桥", "石门", "龙泉", "白沙", "大营", "清水", "凤凰", "朝阳", "太平", "永兴", "长乐"]
VILLAGES = ["下宅", "前洋", "后山", "李家", "枫树", "岭头", "新光", "红旗", "团结", "双河", "塘坝", "三星", "东岙", "竹园",
            "王庄", "孟家洼", "杨柳", "上官塘", "芦花", "西坑"]
ROADS = ["人民路", "解放路", "文三路", "中山北路", "建设大道", "学院路", "滨江路", "幸福南街", "长江东路", "和平里", "迎宾大道",
         "光华路", "金沙江路", "桐梓坡路", "黄河路", "育才街"]
ESTATES = ["阳光", "翠苑", "金色家园", "锦绣", "和美", "梧桐", "绿城桂花", "都市花园", "碧水湾", "东方明珠", "康乐", "世纪新城",
           "紫金", "香樟", "文华", "枫丹白露", "丽景", "金地"]
CN_NUM = "一二三四五六七八九十"


def cn_small(n: int) -> str:
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return "十" + CN_NUM[n - 11]
    return CN_NUM[n // 10 - 1] + "十" + (CN_NUM[n % 10 - 1] if n % 10 else "")


# ============================================================================ names
COMMON = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
              "姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE = list("逄訾阚禚亓仉佘厍隗郗滕蒯殳昝笪麴庹嵇邰缪鄢扈冼晏栾靳邝琚蔺蓟缑卞阙仇乜牟郜祁糜巩璩郏")
COMPOUND = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "澹台",
            "公冶", "宗政", "濮阳", "淳于", "申屠", "夏侯", "轩辕", "钟离", "闾丘", "东郭", "南宫", "第五", "呼延", "拓跋",
            "百里", "左丘", "万俟", "太史"]
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红建国志文辉鹏飞俊峰海燕梅琳雪慧晨宇浩然子涵欣怡"
             "思雨梓萱一诺嘉懿沐宸若汐婉清铭轩煜祺瑾瑜昊天佳琪雅楠")
GIVEN_GBK_ONLY = GIVEN
UYGHUR = [("买买提", "艾力"), ("阿依古丽", "吐尔逊"), ("热依拉", "买买提"), ("努尔兰", "叶尔兰"), ("哈力克", "托合提"),
          ("古丽巴哈尔", "阿布都热西提"), ("艾尔肯", "吾守尔"), ("迪丽努尔", "阿不都"), ("叶尔江", "努尔别克"),
          ("帕提古丽", "玉素甫"), ("阿力木江", "热合曼"), ("巴合提别克", "哈再孜")]
MONGOL = ["巴特尔", "其木格", "乌日娜", "额尔德尼", "布仁巴雅尔", "斯琴图雅", "朝鲁门", "格根塔娜", "苏日娜", "阿拉坦仓",
          "宝音德力格尔", "那顺乌日图", "乌力吉", "孟和巴雅尔", "萨仁高娃", "哈斯额尔敦", "图门吉日嘎拉"]
TIBETAN = ["扎西顿珠", "次仁卓玛", "格桑曲珍", "丹增旺姆", "尼玛次仁", "洛桑平措", "索朗多吉", "央金拉姆", "普布次仁", "白玛央宗",
           "边巴", "德吉"]
YI = ["吉克阿依", "曲比拉且", "阿苏日哈", "沙马伍各", "俄底阿牛", "马海木呷", "吉伍阿支", "海来拉古", "阿的子哈", "勒古沙日"]
PINYIN_SUR = {"王": "wang", "李": "li", "张": "zhang", "刘": "liu", "陈": "chen", "杨": "yang", "黄": "huang", "赵": "zhao",
              "吴": "wu", "周": "zhou", "徐": "xu", "孙": "sun", "马": "ma", "朱": "zhu", "胡": "hu", "郭": "guo",
              "林": "lin", "何": "he", "高": "gao", "罗": "luo", "欧阳": "ouyang", "司马": "sima", "诸葛": "zhuge",
              "上官": "shangguan", "慕容": "murong", "邝": "kuang", "冼": "xian", "栾": "luan", "靳": "jin"}
PINYIN_GIVEN = ["wei", "fang", "na", "xiuying", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie",
                "juan", "tao", "ming", "chao", "xiuzhen", "haiyan", "jianguo", "zihan", "xinyi", "yuxuan", "haoran",
                "siyu", "mingxuan", "yichen", "ruoxi", "jiahui", "zhiqiang", "guilan"]
FOREIGN = ["Maria GONZALEZ", "Ahmed KHAN", "John SMITH", "Olga PETROVA", "Nguyen Van AN", "KIM Min-jun", "Anna MUELLER",
           "TANAKA Hiroshi", "Pierre DUBOIS", "Aigerim NURLANOVNA", "Somchai SRISUK", "David COHEN"]


class G:
    """All random generators of the corpus, from one seeded Random."""

    def __init__(self, seed: int, gbk: bool = False):
        self.r = random.Random(seed)
        self.used_ids: set[str] = set()

    # ----------------------------------------------------------------- names
    def han_name(self, kind: str | None = None) -> str:
        r = self.r
        k = kind or r.choices(["common", "rare", "compound"], [70, 18, 12])[0]
        sur = r.choice(COMMON) if k == "common" else r.choice(RARE) if k == "rare" else r.choice(COMPOUND)
        n = r.choice([1, 2, 2, 2]) if len(sur) == 1 else r.choice([1, 2])
        return sur + "".join(r.choice(GIVEN) for _ in range(n))

    def minority_name(self, gbk_safe: bool = True) -> str:
        r = self.r
        k = r.choice(["uy", "uy", "mg", "tb", "yi"])
        if k == "uy":
            a, b = r.choice(UYGHUR)
            seps = ["·", "·", ".", ""] if gbk_safe else ["·", "•", ".", "・", "", "·"]
            return a + r.choice(seps) + b
        return r.choice({"mg": MONGOL, "tb": TIBETAN, "yi": YI}[k])

    def name(self, minority=0.08, gbk_safe=True) -> str:
        return self.minority_name(gbk_safe) if self.r.random() < minority else self.han_name()

    def pinyin_name(self, style: str | None = None) -> str:
        r = self.r
        sur = r.choice(list(PINYIN_SUR.values()))
        giv = r.choice(PINYIN_GIVEN)
        style = style or r.choice(["lower", "lower", "title", "upper_sur", "comma"])
        if style == "lower":
            return f"{sur} {giv}"
        if style == "title":
            return f"{sur.title()} {giv.title()}"
        if style == "upper_sur":
            return f"{sur.upper()} {giv.title()}"
        return f"{sur.title()}, {giv.title()}"

    # ----------------------------------------------------------------- dates
    def birth(self, lo=1935, hi=2006) -> dt.date:
        return dt.date(self.r.randint(lo, hi), 1, 1) + dt.timedelta(days=self.r.randint(0, 364))

    def date_form(self, d: dt.date, forms=None) -> str:
        r = self.r
        forms = forms or ["compact", "iso", "slash", "dot", "cn", "cnnum", "en", "en2", "dmy", "ym", "ymcn"]
        f = r.choice(forms)
        mon = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()[d.month - 1]
        if f == "compact":
            return d.strftime("%Y%m%d")
        if f == "iso":
            return d.isoformat()
        if f == "slash":
            return f"{d.year}/{d.month}/{d.day}"
        if f == "dot":
            return f"{d.year}.{d.month:02d}.{d.day:02d}"
        if f == "cn":
            return f"{d.year}年{d.month}月{d.day}日"
        if f == "cnnum":
            y = "".join("〇一二三四五六七八九"[int(c)] for c in str(d.year))
            return f"{y}年{cn_small(d.month)}月{cn_small(d.day)}日"
        if f == "en":
            return f"{d.day:02d} {mon} {d.year}"
        if f == "en2":
            return f"{mon.title()} {d.day}, {d.year}"
        if f == "dmy":
            return f"{d.day:02d}/{d.month:02d}/{d.year}"
        if f == "ym":
            return f"{d.year}.{d.month:02d}"
        return f"{d.year}年{d.month}月"

    # ----------------------------------------------------------------- identifiers
    def div(self, kinds=None):
        pool = [d for d in DIVS if kinds is None or d[4] in kinds]
        return self.r.choice(pool)

    def resident_id(self, birth: dt.date | None = None, div=None, prefix: str | None = None) -> str:
        while True:
            b = birth or self.birth()
            code = prefix or (div or self.div())[0]
            body = code + b.strftime("%Y%m%d") + f"{self.r.randint(0, 999):03d}"
            s = body + id_check(body)
            if s not in self.used_ids:
                self.used_ids.add(s)
                return s

    def hkmotw_residence_id(self) -> str:
        return self.resident_id(prefix=self.r.choice(["810000", "820000", "830000"]), birth=self.birth(1950, 2004))

    def foreigner_pr_id(self) -> str:
        # 2023 format: 9 + 2-digit province of issue + 3-digit nationality code + birth date + 3-digit seq + check
        prov = self.r.choice(["11", "31", "33", "44", "32", "51"])
        nat = self.r.choice(["840", "826", "276", "250", "392", "410", "643", "704", "764", "398", "586"])
        b = self.birth(1950, 2000)
        body = "9" + prov + nat + b.strftime("%Y%m%d") + f"{self.r.randint(0, 999):03d}"
        s = body + id_check(body)
        self.used_ids.add(s)
        return s

    def legacy_id15(self) -> str:
        b = self.birth(1930, 1980)
        return self.div()[0] + b.strftime("%y%m%d") + f"{self.r.randint(0, 999):03d}"

    def id_written(self, s: str, style: str | None = None) -> str:
        r = self.r
        st = style or r.choices(["plain", "space3", "dash", "space_birth", "fullwidth", "lowerx", "prefix"],
                                [40, 8, 8, 8, 8, 20, 8])[0]
        if st == "space3":
            return f"{s[:6]} {s[6:14]} {s[14:]}"
        if st == "space_birth":
            return " ".join(s[i:i + 4] for i in range(0, 16, 4)) + " " + s[16:]
        if st == "dash":
            return f"{s[:6]}-{s[6:14]}-{s[14:]}"
        if st == "fullwidth":
            return "".join(chr(ord(c) + 0xFEE0) if c.isalnum() else c for c in s)
        if st == "lowerx":
            return s[:-1] + s[-1].lower()
        if st == "prefix":
            return s  # (the prefix text is added outside the labelled span by callers that want it)
        return s

    def mobile(self) -> str:
        pre = self.r.choice(["130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                             "153", "155", "156", "157", "158", "159", "166", "170", "173", "175", "176", "177", "178",
                             "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "193", "195",
                             "198", "199"])
        return pre + f"{self.r.randint(0, 99999999):08d}"

    def mobile_written(self, m: str, style=None) -> str:
        st = style or self.r.choices(["plain", "p86", "p0086", "d86", "space", "dash", "fw"], [45, 10, 8, 7, 12, 10, 8])[0]
        if st == "p86":
            return "+86 " + m if self.r.random() < .5 else "+86" + m
        if st == "p0086":
            return "0086" + m if self.r.random() < .5 else "0086-" + m
        if st == "d86":
            return "86-" + m
        if st == "space":
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if st == "dash":
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if st == "fw":
            return "".join(chr(ord(c) + 0xFEE0) for c in m)
        return m

    AREAS = ["010", "021", "022", "023", "024", "025", "027", "028", "029", "020", "0571", "0574", "0577", "0580",
             "0551", "0591", "0592", "0731", "0771", "0851", "0871", "0891", "0931", "0951", "0991", "0479", "0434"]

    def landline(self):
        """(written, core digits) — a home landline."""
        a = self.r.choice(self.AREAS)
        n = str(self.r.randint(2, 8)) + "".join(str(self.r.randint(0, 9)) for _ in range(7 if len(a) == 3 else 6 + self.r.randint(0, 1)))
        st = self.r.choice(["dash", "paren", "space", "plain", "ext", "fwparen"])
        if st == "dash":
            w = f"{a}-{n}"
        elif st == "paren":
            w = f"({a}){n}"
        elif st == "fwparen":
            w = f"（{a}）{n}"
        elif st == "space":
            w = f"{a} {n[:4]} {n[4:]}"
        elif st == "ext":
            w = f"{a}-{n}" + self.r.choice(["转", "-", " ext.", "分机"]) + str(self.r.randint(100, 9999))
        else:
            w = a + n
        return w, a + n

    CARD_BINS = [("622202", 19), ("621226", 19), ("622848", 19), ("621700", 19), ("622588", 16), ("621483", 16),
                 ("622262", 19), ("621660", 19), ("622908", 18), ("623058", 19), ("621799", 19), ("603367", 19),
                 ("436742", 16), ("625807", 16), ("621661", 19), ("622180", 19)]

    def bank_card(self) -> str:
        b, n = self.r.choice(self.CARD_BINS)
        body = b + "".join(str(self.r.randint(0, 9)) for _ in range(n - len(b) - 1))
        return luhn_complete(body)

    def card_written(self, c: str) -> str:
        st = self.r.choices(["plain", "space4", "dash4", "fw"], [50, 25, 15, 10])[0]
        if st == "space4":
            return " ".join(c[i:i + 4] for i in range(0, len(c), 4))
        if st == "dash4":
            return "-".join(c[i:i + 4] for i in range(0, len(c), 4))
        if st == "fw":
            return "".join(chr(ord(ch) + 0xFEE0) for ch in c)
        return c

    def passport(self) -> str:
        r = self.r
        k = r.choice(["E8", "E8", "EL7", "G8", "P"])
        if k == "E8":
            return "E" + f"{r.randint(0, 99999999):08d}"
        if k == "EL7":
            return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + f"{r.randint(0, 9999999):07d}"
        if k == "G8":
            return "G" + f"{r.randint(0, 99999999):08d}"
        return r.choice("PSD") + f"{r.randint(0, 9999999):07d}"

    def hk_permit(self) -> str:
        r = self.r
        k = r.choice(["C8", "H8", "H10", "M8", "M10"])
        return k[0] + "".join(str(r.randint(0, 9)) for _ in range(int(k[1:])))

    def military_id(self) -> str:
        r = self.r
        return r.choice(["军", "南", "北", "海", "空", "政", "后", "参"]) + "字第" + f"{r.randint(0, 99999999):08d}" + "号"

    PLATE_P = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
    PLATE_L = "ABCDEFGHJKLMNPQRSTUVWXYZ"

    def plate(self):
        r = self.r
        p = r.choice(self.PLATE_P) + r.choice("ABCDEFGHJK")
        if r.random() < .2:
            tail = r.choice("DF") + "".join(r.choice("0123456789") for _ in range(5))
        else:
            tail = "".join(r.choice("0123456789" * 3 + self.PLATE_L) for _ in range(5))
        core = p + tail
        w = r.choice([core, core, p + "·" + tail, p + " " + tail, p + "-" + tail])
        return w, core

    def email(self, name_pinyin: str | None = None) -> str:
        r = self.r
        py = name_pinyin or (r.choice(list(PINYIN_SUR.values())) + r.choice(PINYIN_GIVEN))
        local = r.choice([py, py + str(r.randint(1960, 2005)), py.replace(" ", "."), py[:1] + py[1:].replace(" ", "_"),
                          str(r.randint(10000, 3999999999))])
        local = local.replace(" ", "")
        return local + "@" + r.choice(["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com",
                                       "yeah.net", "gmail.com", "hotmail.com", "aliyun.com"])

    def uscc(self) -> str:
        r = self.r
        body = r.choice(["91", "92", "93", "12", "52", "11"]) + self.div()[0] + "".join(
            r.choice(USCC_CHARS) for _ in range(9))
        return body + uscc_check(body)

    # ----------------------------------------------------------------- addresses
    def address(self, forms=None, div=None) -> str:
        r = self.r
        d = div or self.div()
        code, prov, city, county, kind = d
        town = r.choice(TOWNS)
        vil = r.choice(VILLAGES)
        head = r.choice([prov + city + county, city + county if city else prov + county, county, prov + county])
        form = r.choice(forms) if forms else None
        if form is None:
            form = {"city": r.choice(["estate_short", "estate_full", "road", "road_lane"]),
                    "village": r.choice(["village", "village_short", "village_cn"]),
                    "gacha": "gacha", "tun": r.choice(["tun", "village"]), "lane": r.choice(["lane", "village"]),
                    "yi": r.choice(["yi", "village"]), "yunnan": "yunnan", "tibet": "tibet", "xj": r.choice(["xj", "road"]),
                    "bingtuan": "bingtuan"}[kind]
        grp = r.randint(1, 15)
        no = r.randint(1, 188)
        if form == "village":
            return f"{head}{town}镇{vil}村{grp}组{no}号"
        if form == "village_short":
            return f"{vil}村{cn_small(grp)}组{no}号"
        if form == "village_cn":
            return f"{head}{town}乡{vil}村{cn_small(grp)}组"
        if form == "estate_short":
            return f"{r.choice(ESTATES)}小区{r.randint(1, 30)}-{r.randint(1, 6)}-{r.randint(1, 33)}{r.randint(1, 4):02d}"
        if form == "estate_full":
            return (f"{head}{r.choice(ROADS)}{r.randint(1, 999)}号{r.choice(ESTATES)}"
                    f"{r.choice(['花园', '苑', '公寓', '家园'])}{r.randint(1, 40)}幢{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}室")
        if form == "road":
            return f"{head}{r.choice(ROADS)}{r.randint(1, 999)}号{r.randint(1, 30)}栋{r.randint(1, 33)}{r.randint(1, 4):02d}"
        if form == "road_lane":
            return f"{r.choice(ROADS)}{r.randint(1, 999)}弄{r.randint(1, 99)}号{r.randint(1, 6)}0{r.randint(1, 4)}室"
        if form == "lane":
            return f"{head}{town}镇{vil}村{r.choice(['东', '西', '南', '北', '新'])}{r.choice(['一', '二', '三'])}巷{no}号"
        if form == "gacha":
            return f"{prov}{city}{county}{r.choice(['巴彦', '乌兰', '宝力根', '额尔敦'])}{r.choice(['苏木', '镇'])}{r.choice(['巴彦图', '查干', '宝日', '哈日'])}嘎查"
        if form == "tun":
            return f"{head}{town}镇{vil}村{r.choice(['王家', '老杨家', '腰', '前', '后'])}屯{no}号"
        if form == "yi":
            return f"{prov}{city}{county}{r.choice(['安哈', '川兴', '礼州'])}镇{r.choice(['阿七', '洛古', '瓦尔'])}村{grp}组"
        if form == "yunnan":
            return f"{prov}{city}{county}{r.choice(['喜洲', '湾桥', '银桥'])}镇{r.choice(['周城', '沙村', '磻溪'])}村委会{r.choice(['上', '下', '中'])}{r.choice(['登', '和', '兴'])}村民小组{no}号"
        if form == "tibet":
            return f"{prov}{city}{county}{r.choice(['八廓街道', '吉崩岗街道', '布达拉宫街道'])}{r.choice(['冲赛康', '鲁固', '雪新村'])}居委会{r.randint(1, 12)}组{no}号"
        if form == "xj":
            return f"{prov}{city}{county}{r.choice(['吾斯塘博依路', '恰萨街道', '色满路'])}{r.randint(1, 400)}号院{r.randint(1, 20)}栋"
        if form == "bingtuan":
            return f"新疆生产建设兵团第一师{county}{r.choice(['十', '十一', '十二', '十三'])}团{r.randint(1, 20)}连{r.randint(1, 80)}号"
        if form == "hk":
            return r.choice(["香港九龙旺角弥敦道", "香港新界沙田大围", "澳门氹仔海洋花园大马路"]) + f"{r.randint(1, 800)}号{r.randint(1, 40)}楼{r.choice('ABCDEF')}室"
        if form == "tw":
            return f"台湾省台北市大安区忠孝东路四段{r.randint(1, 300)}号{r.randint(1, 20)}楼"
        raise ValueError(form)

    def org_address(self) -> str:
        r = self.r
        _, prov, city, county, _ = self.div(["city"])
        return r.choice([
            f"{city or prov}{county}{r.choice(ROADS)}{r.randint(1, 600)}号{r.choice(['市民中心B座', '行政服务中心', '科技大厦', '人民医院门诊楼', '政务服务中心三楼'])}",
            f"{county}{r.choice(ROADS)}{r.randint(1, 600)}号",
            f"{county}{r.choice(TOWNS)}镇人民政府院内",
        ])

    def org_phone(self):
        r = self.r
        k = r.choice(["switch", "400", "95", "fax", "hotline"])
        if k == "switch":
            a = r.choice(self.AREAS)
            num = str(r.randint(6, 8)) + "".join(str(r.randint(0, 9)) for _ in range(7 if len(a) == 3 else 6))
            return f"{a}-{num}"
        if k == "400":
            return f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
        if k == "95":
            return r.choice(["95588", "95533", "95599", "95566", "95555", "95511", "95338"])
        if k == "fax":
            a = r.choice(self.AREAS)
            num = str(r.randint(6, 8)) + "".join(str(r.randint(0, 9)) for _ in range(7 if len(a) == 3 else 6))
            return f"传真{a}-{num}"
        return r.choice(["12345", "12315", "12348", "0571-12345", "96345"])

    SUR_COMPANY = ["王氏餐饮管理有限公司", "张记面馆", "老李家私房菜", "刘一手火锅店", "陈氏宗祠文化研究会", "赵家楼饭店有限公司",
                   "周大福珠宝金行", "孙二娘酒业有限公司", "黄飞鸿武术培训中心", "马大姐食品有限公司", "朱府铜艺有限公司",
                   "欧阳商贸有限公司", "诸葛科技有限公司", "司马建材经营部", "李宁体育用品有限公司", "吴裕泰茶业股份有限公司",
                   "杨国福麻辣烫", "胡庆余堂国药号有限公司", "王老吉大健康产业有限公司", "郭氏物流有限公司"]

    def company(self) -> str:
        r = self.r
        if r.random() < .45:
            return r.choice(self.SUR_COMPANY)
        return (r.choice(["浙江", "杭州", "宁波", "江苏", "深圳", "成都", "金华", ""]) + r.choice(
            ["恒达", "华信", "远航", "鑫源", "瑞丰", "宏图", "天成", "嘉禾", "博远", "新锐"]) +
                r.choice(["科技", "贸易", "建设工程", "物业管理", "电子商务", "农业开发", "渔业"]) + r.choice(["有限公司", "股份有限公司", "合作社"]))

    def order_no(self, n=18, prefix="") -> str:
        """A digit run of n that is not a valid ID / legacy ID / card / mobile by construction."""
        while True:
            s = prefix + "".join(str(self.r.randint(0, 9)) for _ in range(n - len(prefix)))
            if not bad_run(s):
                return s

    def coord(self) -> str:
        return f"{self.r.uniform(100, 123):.6f},{self.r.uniform(22, 45):.6f}"


# ============================================================================ audit of unlabelled remainders
CARD_PREFIX = re.compile(r"^(4|5[1-5]|6|3[47]|35|9)")


def bad_run(s: str) -> str | None:
    """Why a normalised run of digits/X would be a personal identifier (None if it would not)."""
    s = s.upper()
    if len(s) == 18 and is_valid_id18(s):
        return "valid 18-char ID"
    if len(s) == 15 and is_valid_id15(s):
        return "valid 15-digit legacy ID"
    if s.isdigit() and 16 <= len(s) <= 19 and luhn_ok(s) and CARD_PREFIX.match(s):
        return "Luhn card run behind a card prefix"
    if s.isdigit() and len(s) == 11 and re.match(r"1[3-9]", s):
        return "mobile-like run"
    return None


def audit_remainder(text: str) -> list[str]:
    t = unicodedata.normalize("NFKC", text)
    probs = []
    for run in re.findall(r"\d+[Xx]?", t):           # plain runs
        why = bad_run(run)
        if why:
            probs.append(why)
    # runs joined across single spaces / dashes / dots (as people write identifiers)
    for run in re.findall(r"\d+(?:[ \-.·]\d+)*(?:[ \-.·]?[Xx])?", t):
        j = re.sub(r"[ \-.·]", "", run)
        why = bad_run(j)
        if why:
            probs.append(why + " (joined)")
    return probs


# ============================================================================ table building
class Table:
    def __init__(self, file, domain, encoding, note, columns):
        self.file, self.domain, self.encoding, self.note = file, domain, encoding, note
        self.fmt = "xlsx" if file.endswith(".xlsx") else "csv"
        self.cols = columns  # list of dicts: name, label, note, free_text
        self.rows: list[list[str]] = []
        self.values: list[list] = []
        self.rests: dict = {}   # (row, col) -> the cell with its labelled spans cut out (for the audit)

    def add(self, cells: list):
        """cells: per column either a str (no PI) or a list of parts (str or (text, type, core))."""
        r = len(self.rows)
        row = []
        for c, cell in enumerate(cells):
            if isinstance(cell, str):
                row.append(cell)
                continue
            if isinstance(cell, tuple):
                cell = [cell]
            text = rest = ""
            for p in cell:
                if isinstance(p, str):
                    text += p
                    rest += p
                else:
                    sub, typ, core = p
                    self.values.append([r, c, typ, sub, core])
                    text += sub
                    rest += " | "
            self.rests[(r, c)] = rest
            row.append(text)
        assert len(row) == len(self.cols), (self.file, len(row), len(self.cols))
        self.rows.append(row)

    def truth(self):
        cols = []
        for i, c in enumerate(self.cols):
            types = sorted({v[2] for v in self.values if v[1] == i})
            d = {"name": c["name"], "label": c["label"], "types": types, "note": c.get("note", "")}
            if c.get("free_text"):
                d["free_text"] = True
            cols.append(d)
        return {"file": self.file, "format": self.fmt, "encoding": self.encoding, "domain": self.domain,
                "rows": len(self.rows), "note": self.note, "columns": cols, "values": self.values}


def P(sub, typ, core=None):
    return (sub, typ, core)


def C(**kw):
    return kw


def nm(g: G, name=None, **kw):
    return P(name or g.name(**kw), "person_name")


def idp(g: G, s=None, style=None, **kw):
    s = s or g.resident_id(**kw)
    return P(g.id_written(s, style), "cn_resident_id", s)


def mob(g: G, style=None):
    m = g.mobile()
    return P(g.mobile_written(m, style), "cn_mobile", m)


def land(g: G):
    w, core = g.landline()
    return P(w, "cn_landline", core)


def card(g: G):
    c = g.bank_card()
    return P(g.card_written(c), "bank_card", c)


def addr(g: G, **kw):
    return P(g.address(**kw), "address")


def bdate(g: G, d=None, forms=None):
    return P(g.date_form(d or g.birth(), forms), "birth_date")


def plate(g: G):
    w, core = g.plate()
    return P(w, "cn_license_plate", core)


def nonbirth_date(g: G, lo=2015, hi=2026, forms=None):
    d = dt.date(g.r.randint(lo, hi), 1, 1) + dt.timedelta(days=g.r.randint(0, 364))
    return g.date_form(d, forms or ["iso", "slash", "cn", "compact", "dot"])


def money(g: G, lo=50, hi=20000):
    return f"{g.r.uniform(lo, hi):.2f}"


def mask_name(n: str) -> str:
    sur = n[:2] if n[:2] in COMPOUND else n[:1]
    return sur + "*" * (len(n) - len(sur))


def mask_id_conv(s: str) -> str:
    return s[:6] + "*" * 8 + s[-4:] if len(s) == 18 else s[:3] + "*" * 11 + s[-4:]


# ============================================================================ the tables
def t01_yibao(g: G, n=1400):
    t = Table("01_yibao_baoxiao_mingxi.csv", "医保报销明细", "utf-8-sig",
              "register word 参保人; 社保卡号 = resident ID (lower x, separators); card grouped; hospital phones, "
              "diagnosis, settlement dates and 18-20-digit settlement numbers are not personal identifiers",
              [C(name="结算单号", label="none", note="settlement number (not an ID by construction)"),
               C(name="参保人", label="person_name", note="register word, no 姓名"),
               C(name="社保卡号", label="cn_resident_id", note="social security card number = citizen ID"),
               C(name="参保类别", label="none"), C(name="就诊医院", label="none"),
               C(name="医院电话", label="none", note="organisation switchboard / hotline"),
               C(name="诊断", label="none", note="sensitive in context but no identifier"),
               C(name="医疗总费用", label="none"), C(name="统筹支付", label="none"),
               C(name="结算日期", label="none", note="non-birth date"),
               C(name="个人账户银行卡", label="bank_card", note="cards behind real BINs, grouped/full-width")])
    hosp = ["市第一人民医院", "中医院", "妇幼保健院", "社区卫生服务中心", "张仲景国医馆", "李时珍中医门诊部", "县人民医院"]
    diag = ["高血压", "2型糖尿病", "冠心病", "慢性阻塞性肺疾病", "腰椎间盘突出", "上呼吸道感染", "骨折", "白内障"]
    for i in range(n):
        cost = g.r.uniform(100, 30000)
        t.add([g.order_no(g.r.choice([18, 20]), "2026"), [nm(g)], [idp(g)], g.r.choice(["职工医保", "城乡居民医保", "离休"]),
               g.r.choice(hosp), g.org_phone(), g.r.choice(diag), f"{cost:.2f}", f"{cost * .7:.2f}",
               nonbirth_date(g, 2025, 2026), [card(g)] if g.r.random() < .85 else ""])
    return t


def t02_zhaosheng(g: G, n=1500):
    t = Table("02_zhaosheng_luqu.xlsx", "招生录取名单", "xlsx",
              "pinyin headers of our own (ksxm, sfzjh, csny, jtdz, jzxm, jzdh); birth as year-month; 14-digit 考生号 and "
              "准考证号 decoys; parents' phones with prefixes",
              [C(name="ksh", label="none", note="考生号 14 digits"), C(name="ksxm", label="person_name"),
               C(name="xb", label="none"), C(name="sfzjh", label="cn_resident_id"),
               C(name="csny", label="birth_date", note="出生年月, incl. year-month only"),
               C(name="byxx", label="none", note="graduating school"), C(name="lqyx", label="none"),
               C(name="lqzy", label="none"), C(name="jtdz", label="address"),
               C(name="jzxm", label="person_name", note="parent"),
               C(name="jzdh", label="cn_mobile", note="+86 / 0086 / 86- / spaces"),
               C(name="zkzh", label="none", note="准考证号")])
    schools = ["第一中学", "实验中学", "外国语学校", "第二高级中学", "职业技术学校", "民族中学"]
    unis = ["浙江大学", "中国计量大学", "杭州师范大学", "浙江工业大学", "宁波大学", "温州医科大学"]
    majors = ["计算机科学与技术", "临床医学", "汉语言文学", "土木工程", "会计学", "法学"]
    for i in range(n):
        b = g.birth(2005, 2008)
        d = g.div()
        cid = g.resident_id(b, d)
        t.add([f"26{d[0][:2]}{g.r.randint(0, 9999999999):010d}", [nm(g, minority=.1)], g.r.choice(["男", "女"]),
               [idp(g, cid)], [bdate(g, b, ["ym", "ymcn", "compact", "iso", "dot"])],
               d[3] + g.r.choice(schools), g.r.choice(unis), g.r.choice(majors), [addr(g, div=d)],
               [nm(g)], [mob(g)], f"{g.r.randint(10, 99)}{g.r.randint(0, 99999999):08d}"])
    return t


def t03_canjiren(g: G, n=1200):
    t = Table("03_canjiren_zheng.csv", "残疾人证名册", "gbk",
              "残疾人证号 = ID + 2 digits (type, grade): the ID is inside a 20-char code; guardian written as relation "
              "with name in parentheses; 发证日期 decoy",
              [C(name="持证人", label="person_name"),
               C(name="残疾人证号", label="cn_resident_id", note="20-char: ID + category digit + grade digit"),
               C(name="残疾类别", label="none"), C(name="残疾等级", label="none"),
               C(name="监护人", label="person_name", note="父亲（王建国） — relation, name in parentheses"),
               C(name="监护人电话", label="mixed", note="mobiles and home landlines"),
               C(name="户籍地", label="address"), C(name="发证日期", label="none", note="non-birth date"),
               C(name="发证机关", label="none")])
    cats = ["视力", "听力", "言语", "肢体", "智力", "精神", "多重"]
    for i in range(n):
        d = g.div()
        cid = g.resident_id(div=d)
        code = cid + str(g.r.randint(1, 7)) + str(g.r.randint(1, 4))
        if g.r.random() < .15:
            code = code[:-3] + code[-3].lower() + code[-2:]
        rel = g.r.choice(["父亲", "母亲", "配偶", "儿子", "女儿", "兄", "姐"])
        guardian = [rel + "（", nm(g), "）"] if g.r.random() < .6 else ([nm(g)] if g.r.random() < .7 else "")
        phone = ([mob(g)] if g.r.random() < .75 else [land(g)]) if guardian else ""
        t.add([[nm(g, minority=.1)], [P(code[:18], "cn_resident_id", cid), code[18:]],
               g.r.choice(cats), g.r.choice(["一级", "二级", "三级", "四级"]), guardian, phone,
               [addr(g, div=d)], nonbirth_date(g, 2008, 2026), d[3] + "残疾人联合会"])
    return t


def t04_falv(g: G, n=1100):
    t = Table("04_falv_yuanzhu.csv", "法律援助案件", "gb18030",
              "受援人; generic 证件号码 mixing IDs, passports, HK/Macau permits and military IDs (by 证件类型); "
              "案情简述 free text with names after cues (受援人, 对方当事人, 其妻, 工友) and without; 承办律师 names; "
              "legal-aid centre phones are decoys",
              [C(name="案件编号", label="none"), C(name="受援人", label="person_name"), C(name="证件类型", label="none"),
               C(name="证件号码", label="mixed", note="IDs / passports / HK-Macau permits / military IDs"),
               C(name="联系电话", label="cn_mobile"), C(name="案由", label="none"),
               C(name="案情简述", label="free_text", free_text=True),
               C(name="承办律师", label="person_name", note="a lawyer is a natural person: name is PI"),
               C(name="承办机构", label="none"), C(name="机构电话", label="none"),
               C(name="受理日期", label="none")])
    causes = ["劳动报酬纠纷", "工伤赔偿", "婚姻家庭纠纷", "交通事故赔偿", "赡养纠纷", "民间借贷纠纷"]
    for i in range(n):
        k = g.r.choices(["id", "passport", "hk", "mil"], [80, 8, 7, 5])[0]
        if k == "id":
            doc, dt_ = [idp(g)], "居民身份证"
        elif k == "passport":
            p = g.passport()
            doc, dt_ = [P(p, "cn_passport", p)], "护照"
        elif k == "hk":
            p = g.hk_permit()
            doc, dt_ = [P(p, "hk_macau_permit", p)], "港澳通行证"
        else:
            doc, dt_ = [P(g.military_id(), "military_id")], "军官证"
        who = nm(g)
        cause = g.r.choice(causes)
        tpl = g.r.randint(0, 5)
        if tpl == 0:
            txt = ["受援人", P(who[0], "person_name"), "在", g.company(), "务工期间被拖欠工资", str(g.r.randint(3, 40)),
                   "个月，工友", nm(g), "、", nm(g), "可作证。"]
        elif tpl == 1:
            txt = ["申请人与其妻", nm(g), "因", cause, "诉至法院，对方当事人住", addr(g), "，电话", mob(g), "。"]
        elif tpl == 2:
            txt = ["经查，", nm(g), "于", nonbirth_date(g, 2023, 2025, ["cn"]), "驾驶", plate(g), "与受援人发生碰撞，受援人受伤住院。"]
        elif tpl == 3:
            txt = ["受援人之母", nm(g), "（身份证", idp(g), "）年老体弱，其子", nm(g), "拒绝履行赡养义务。"]
        elif tpl == 4:
            txt = ["双方当事人（王某、李某）达成调解协议，由", g.company(), "支付赔偿金", money(g, 1000, 90000), "元。"]
        else:
            txt = ["出借人", nm(g), "通过银行卡", card(g), "向受援人转账", money(g, 1000, 50000), "元，现诉请返还。"]
        t.add([f"（{g.r.randint(2023, 2026)}）法援字第{g.r.randint(1, 3000)}号", [who], dt_, doc, [mob(g)], cause, txt,
               [nm(g)], g.div(["city"])[3] + "法律援助中心", g.org_phone(), nonbirth_date(g, 2023, 2026)])
    return t


def t05_xinfang(g: G, n=1300):
    t = Table("05_xinfang_dengji.csv", "信访登记", "utf-8",
              "信访人 / 反映人 register words; 联系方式 with two numbers per cell, extensions, landlines; 信访事项 long "
              "free text with cues (反映人, 其邻居, 村民, 村支书, 其子) and without; org phones, 信访件编号",
              [C(name="信访件编号", label="none"), C(name="登记日期", label="none"),
               C(name="信访人", label="person_name"),
               C(name="联系方式", label="mixed", note="mobile / landline with ext / two per cell"),
               C(name="住址", label="address"), C(name="信访方式", label="none"),
               C(name="信访事项", label="free_text", free_text=True),
               C(name="责任单位", label="none"), C(name="办理结果", label="none")])
    units = ["区住建局", "街道办事处", "区城管局", "镇人民政府", "区人社局", "区市场监管局"]
    for i in range(n):
        cnt = g.r.choice([1, 1, 1, 2, 2])
        ph = []
        for j in range(cnt):
            if j:
                ph.append(g.r.choice(["/", "；", "、", " 或 ", ",", " "]))
            ph.append(mob(g) if g.r.random() < .7 else land(g))
        tpl = g.r.randint(0, 6)
        if tpl == 0:
            txt = ["反映人", nm(g), "称其邻居", nm(g), "在", addr(g, forms=["estate_short", "road"]),
                   "违法搭建阳台，多次协商无果，请求", g.r.choice(units), "依法处理。"]
        elif tpl == 1:
            txt = [g.r.choice(["村民", "群众"]), nm(g), "反映村支书", nm(g), "在低保评定中优亲厚友，其本人住",
                   addr(g, forms=["village", "village_short"]), "，电话", mob(g), "。"]
        elif tpl == 2:
            txt = ["来访人称其子", nm(g), "（身份证号", idp(g), "）在", g.company(), "工作期间受伤，企业拒绝申报工伤。"]
        elif tpl == 3:
            txt = ["市民来信反映", g.r.choice(ROADS), "一带夜间施工噪音扰民，施工单位为", g.company(),
                   "，值班电话", g.org_phone(), "。"]                      # no personal value: organisation only
        elif tpl == 4:
            txt = [nm(g), "、", nm(g), "等", str(g.r.randint(3, 30)), "户业主联名反映小区物业违规收费。联系人",
                   nm(g), " ", mob(g, "space"), "。"]
        elif tpl == 5:
            txt = ["信访人反映其车辆", plate(g), "被", g.r.choice(["违停抄告", "拖移"]), "，认为执法不当。"]
        else:
            txt = ["反映人家住", addr(g), "，家中座机", land(g), "，称", nm(g), "长期占用公共楼道堆放杂物。"]
        t.add([f"XF{g.r.randint(2024, 2026)}{g.r.randint(1, 12):02d}{g.r.randint(0, 99999):05d}", nonbirth_date(g, 2024, 2026),
               [nm(g, minority=.08)], ph, [addr(g)], g.r.choice(["来访", "来信", "网上信访", "电话"]), txt,
               g.r.choice(units), g.r.choice(["已办结", "办理中", "不予受理"])])
    return t


def t06_yanglao(g: G, n=1300):
    t = Table("06_yanglao_butie.csv", "养老服务补贴发放", "utf-8-sig",
              "字段1…字段10 headers (no hint); 15-digit legacy IDs mixed with 18; agent as relation（name）; cards with "
              "dashes; village addresses in many provinces; ages",
              [C(name="字段1", label="none", note="serial"), C(name="字段2", label="person_name"),
               C(name="字段3", label="cn_resident_id", note="18-digit and 15-digit legacy"),
               C(name="字段4", label="none", note="age"), C(name="字段5", label="none", note="subsidy category"),
               C(name="字段6", label="bank_card"), C(name="字段7", label="none", note="bank"),
               C(name="字段8", label="address"),
               C(name="字段9", label="person_name", note="代办人: 儿子（李明）"),
               C(name="字段10", label="cn_mobile")])
    banks = ["农商银行", "邮储银行", "农业银行", "建设银行", "工商银行"]
    for i in range(n):
        b = g.birth(1926, 1956)
        if g.r.random() < .25:
            s = g.div()[0] + b.strftime("%y%m%d") + f"{g.r.randint(0, 999):03d}"
            ident = [P(s, "cn_resident_id", s)]
        else:
            ident = [idp(g, birth=b)]
        agent = ([g.r.choice(["儿子", "女儿", "儿媳", "女婿", "孙子", "侄子"]) + "（", nm(g), "）"] if g.r.random() < .5
                 else [nm(g)])
        t.add([str(i + 1), [nm(g, minority=.1)], ident, str(2026 - b.year), g.r.choice(["高龄补贴", "护理补贴", "服务补贴"]),
               [card(g)], g.r.choice(banks), [addr(g, forms=None if g.r.random() < .5 else ["village", "village_short", "village_cn"])],
               agent, [mob(g)]])
    return t


def t07_gongjijin(g: G, n=1000):
    t = Table("07_gongjijin_tiqu.xlsx", "住房公积金提取", "xlsx",
              "English headers (Account Holder, Doc No., Birth, Mobile No., Bank A/C); passports and foreigner PR IDs "
              "among IDs; dates as 30 AUG 1959; employer USCC and switchboard decoys",
              [C(name="Account Holder", label="person_name", note="incl. romanised and foreign names"),
               C(name="Doc Type", label="none"), C(name="Doc No.", label="mixed", note="IDs, foreigner PR IDs (9…), passports"),
               C(name="Birth", label="birth_date", note="30 AUG 1959 / Aug 30, 1959 / 30/08/1959 …"),
               C(name="Mobile No.", label="cn_mobile"), C(name="Employer", label="none"),
               C(name="Employer USCC", label="none"), C(name="Employer Tel", label="none"),
               C(name="Withdrawal Reason", label="none"), C(name="Amount", label="none"),
               C(name="Bank A/C", label="bank_card"), C(name="Approved On", label="none")])
    reasons = ["Purchase of housing", "Rent", "Retirement", "Loan repayment", "Leaving China"]
    for i in range(n):
        b = g.birth(1955, 2000)
        k = g.r.choices(["id", "pr", "pp"], [85, 7, 8])[0]
        if k == "id":
            doc, dtp = [idp(g, birth=b, style=g.r.choice(["plain", "lowerx", "space3"]))], "ID Card"
            who = nm(g, g.pinyin_name(g.r.choice(["title", "upper_sur", "comma"]))) if g.r.random() < .35 else nm(g)
        elif k == "pr":
            s = g.foreigner_pr_id()
            b = dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
            doc, dtp = [P(s, "cn_resident_id", s)], "Foreigner PR ID"
            who = nm(g, g.r.choice(FOREIGN))
        else:
            p = g.passport()
            doc, dtp = [P(p, "cn_passport", p)], "Passport"
            who = nm(g, g.pinyin_name("upper_sur"))
        t.add([[who], dtp, doc, [bdate(g, b, ["en", "en2", "dmy", "iso"])], [mob(g)], g.company(), g.uscc(),
               g.org_phone(), g.r.choice(reasons), money(g, 5000, 300000), [card(g)],
               nonbirth_date(g, 2024, 2026, ["iso", "dmy"])])
    return t


def t08_tudi(g: G, n=1200):
    t = Table("08_tudi_chengbao.csv", "农村土地承包经营权", "gbk",
              "承包方代表; 18-digit 承包方编码 (not an ID by construction); 家庭成员 several names per cell; 四至 with "
              "neighbours' names; 地块坐落 village forms; 合同日期 decoy",
              [C(name="承包方编码", label="none"), C(name="承包方代表", label="person_name"),
               C(name="证件号码", label="cn_resident_id"),
               C(name="家庭成员", label="person_name", note="several names per cell, 、 or space or ，"),
               C(name="地块名称", label="none"), C(name="地块坐落", label="address"),
               C(name="四至", label="free_text", free_text=True, note="东至王建国 西至沟 …"),
               C(name="承包面积（亩）", label="none"), C(name="合同签订日期", label="none")])
    fields = ["大坵田", "门前畈", "后山坡", "塘下", "沙洲地", "长丘"]
    for i in range(n):
        d = g.div(["village", "tun", "lane", "yi", "yunnan", "gacha"])
        mem = []
        for j in range(g.r.randint(1, 5)):
            if j:
                mem.append(g.r.choice(["、", " ", "，", ","]))
            mem.append(nm(g, minority=.06))
        sz = []
        for side in "东南西北":
            sz.append(side + g.r.choice(["至", "：", "邻"]))
            sz.append(nm(g) if g.r.random() < .5 else g.r.choice(["沟", "路", "集体林地", "水渠", "村道", "河"]))
            sz.append(g.r.choice([" ", "，", "；"]) if side != "北" else "")
        t.add([g.order_no(18, d[0]), [nm(g)], [idp(g, div=d)], mem, g.r.choice(fields),
               [P(f"{d[3]}{g.r.choice(TOWNS)}镇{g.r.choice(VILLAGES)}村{cn_small(g.r.randint(1, 12))}组", "address")],
               sz, f"{g.r.uniform(0.3, 12):.2f}", nonbirth_date(g, 1998, 2026)])
    return t


def t09_yuchuan(g: G, n=1000):
    t = Table("09_yuchuan_chuanyuan.csv", "渔船船员登记", "utf-8",
              "船东 mixing persons and companies; 船员证书号 = citizen ID; 紧急联系人 '妻 陈秀英 139…' name and phone in "
              "one cell; vessel names 浙岱渔03856 and 渔船编码 are decoys",
              [C(name="船名", label="none"), C(name="船籍港", label="none"),
               C(name="船东", label="mixed", note="person or company"),
               C(name="船员姓名", label="person_name"), C(name="职务", label="none"),
               C(name="船员证书号", label="cn_resident_id"),
               C(name="紧急联系人", label="mixed", note="relation + name + phone"),
               C(name="渔船编码", label="none"), C(name="功率kW", label="none"), C(name="登记日期", label="none")])
    for i in range(n):
        owner = [nm(g)] if g.r.random() < .6 else g.company()
        emg = [g.r.choice(["妻", "父", "母", "子", "兄"]) + " ", nm(g), " ", mob(g)] if g.r.random() < .8 else ""
        t.add([f"{g.r.choice(['浙岱渔', '浙普渔', '闽狮渔', '鲁荣渔', '辽丹渔'])}{g.r.randint(0, 99999):05d}",
               g.r.choice(["岱山", "普陀", "石狮", "荣成", "丹东"]), owner, [nm(g)],
               g.r.choice(["船长", "轮机长", "大副", "普通船员", "大管轮"]), [idp(g, style=g.r.choice(["plain", "lowerx"]))],
               emg, f"CHN{g.r.randint(33, 37)}{g.r.randint(0, 9999999):07d}", str(g.r.randint(40, 600)),
               nonbirth_date(g, 2010, 2026)])
    return t


def t10_tuiyi(g: G, n=1200):
    t = Table("10_tuiyi_junren.csv", "退役军人信息采集", "gb18030",
              "pinyin headers of our own (tyjrxm, gmsfzh, csrq, rwsj, twsj, jtzz, lxdh, jgzh); 出生日期 in many forms; "
              "入伍/退伍 dates in the same forms as decoys; officers' ID (军字第…号) military IDs",
              [C(name="tyjrxm", label="person_name"), C(name="gmsfzh", label="cn_resident_id"),
               C(name="csrq", label="birth_date", note="many written forms"),
               C(name="rwsj", label="none", note="入伍时间 in the same forms"),
               C(name="twsj", label="none", note="退伍时间"), C(name="budui", label="none", note="unit (coded)"),
               C(name="jtzz", label="address"), C(name="lxdh", label="cn_mobile"),
               C(name="jgzh", label="military_id", note="former officer's certificate number; empty for soldiers"),
               C(name="ayzk", label="none", note="placement status")])
    forms = ["compact", "iso", "slash", "dot", "cn", "cnnum", "dmy"]
    for i in range(n):
        b = g.birth(1940, 2004)
        rw = dt.date(min(b.year + g.r.randint(17, 22), 2024), g.r.randint(1, 12), g.r.randint(1, 28))
        tw = dt.date(min(rw.year + g.r.randint(2, 16), 2026), g.r.randint(1, 12), g.r.randint(1, 28))
        t.add([[nm(g, minority=.08)], [idp(g, birth=b)], [bdate(g, b, forms)], g.date_form(rw, forms), g.date_form(tw, forms),
               f"{g.r.randint(31000, 96999)}部队", [addr(g)], [mob(g)],
               [P(g.military_id(), "military_id")] if g.r.random() < .2 else "",
               g.r.choice(["已安置", "自主就业", "退休", "待安置"])])
    return t


def t11_qiye(g: G, n=1500):
    t = Table("11_qiye_dengji.csv", "企业登记信息", "utf-8",
              "USCC, company names with surnames, registered addresses, 成立日期 and registered-capital decoys; "
              "法定代表人/经营者 labelled person_name (see README: a natural person's name is PI; disclosure has a legal "
              "basis only once an officer records it)",
              [C(name="统一社会信用代码", label="none"), C(name="企业名称", label="none"),
               C(name="法定代表人", label="person_name", note="legal representative / 个体户 operator — PI, see README"),
               C(name="企业类型", label="none"), C(name="注册资本（万元）", label="none"),
               C(name="成立日期", label="none"), C(name="住所", label="none", note="registered office address"),
               C(name="登记机关", label="none"), C(name="联系电话", label="none", note="organisation numbers"),
               C(name="经营范围", label="none")])
    scope = ["餐饮服务", "技术开发、技术咨询", "水产品养殖", "日用百货零售", "建筑工程施工", "货物进出口"]
    for i in range(n):
        t.add([g.uscc(), g.company(), [nm(g)], g.r.choice(["有限责任公司", "个体工商户", "股份有限公司", "农民专业合作社"]),
               f"{g.r.randint(1, 5000)}", nonbirth_date(g, 1990, 2026, ["iso", "cn", "compact"]), g.org_address(),
               g.div()[3] + "市场监督管理局", g.org_phone(), g.r.choice(scope)])
    return t


def t12_hesuan(g: G, n=1500):
    t = Table("12_hesuan_yimiao_yuyue.csv", "核酸/疫苗预约", "utf-8-sig",
              "预约人; 证件号码 with HK/Macau/Taiwan residence permits (810000/820000/830000), foreigner PR IDs (9…), "
              "passports, HK-Macau permits; phones +86/0086/86-; 预约码 and coordinates are decoys",
              [C(name="预约码", label="none"), C(name="预约人", label="person_name"), C(name="证件类型", label="none"),
               C(name="证件号码", label="mixed"), C(name="手机", label="cn_mobile"), C(name="预约点", label="none"),
               C(name="预约点坐标", label="none", note="coordinates"),
               C(name="预约时段", label="none"), C(name="年龄段", label="none")])
    sites = ["市民中心采样点", "区疾控中心", "社区卫生服务站", "人民医院发热门诊", "高铁站便民点"]
    for i in range(n):
        k = g.r.choices(["id", "hmt", "pr", "pp", "hk"], [78, 8, 4, 5, 5])[0]
        if k == "id":
            doc, typ, who = [idp(g)], "居民身份证", nm(g, minority=.08)
        elif k == "hmt":
            s = g.hkmotw_residence_id()
            doc, typ, who = [idp(g, s)], "港澳台居民居住证", nm(g)
        elif k == "pr":
            s = g.foreigner_pr_id()
            doc, typ, who = [P(s, "cn_resident_id", s)], "外国人永久居留身份证", nm(g, g.r.choice(FOREIGN))
        elif k == "pp":
            p = g.passport()
            doc, typ, who = [P(p, "cn_passport", p)], "护照", nm(g)
        else:
            p = g.hk_permit()
            doc, typ, who = [P(p, "hk_macau_permit", p)], "港澳居民来往内地通行证", nm(g)
        day = nonbirth_date(g, 2026, 2026, ["iso"])
        t.add([g.order_no(16, "8"), [who], typ, doc, [mob(g, g.r.choice(["p86", "p0086", "d86", "plain", "space"]))],
               g.r.choice(sites), g.coord(), f"{day} {g.r.randint(8, 16):02d}:00-{g.r.randint(17, 20):02d}:00",
               g.r.choice(["18-59岁", "60岁以上", "3-17岁"])])
    return t


def t13_gongjiaoka(g: G, n=1200):
    t = Table("13_gongjiaoka_guashi.csv", "公交卡挂失补办", "gbk",
              "持卡人; 证件号 with spaces/dashes/full-width; 交通联合卡号 19 digits starting 3104 (not a payment card, fails "
              "the card check by construction) as decoy; 退款银行卡 real BINs; 挂失时间 datetime decoy",
              [C(name="受理号", label="none"), C(name="持卡人", label="person_name"),
               C(name="证件号", label="cn_resident_id"),
               C(name="联系电话", label="mixed", note="mobile or landline"),
               C(name="公交卡号", label="none", note="transit card number (T-union 3104…), decoy"),
               C(name="卡类型", label="none"), C(name="退款银行卡", label="bank_card"),
               C(name="挂失网点", label="none"), C(name="挂失时间", label="none")])
    for i in range(n):
        while True:
            tc = "3104" + "".join(str(g.r.randint(0, 9)) for _ in range(15))
            if not bad_run(tc):
                break
        t.add([f"GS{g.r.randint(0, 99999999):08d}", [nm(g)], [idp(g, style=g.r.choice(["space3", "dash", "fullwidth", "plain", "space_birth"]))],
               [mob(g) if g.r.random() < .8 else land(g)], g.r.choice([tc, " ".join(tc[j:j + 4] for j in range(0, 19, 4))]),
               g.r.choice(["普通卡", "老年卡", "学生卡", "爱心卡"]), [card(g)] if g.r.random() < .7 else "",
               g.r.choice(["武林广场服务网点", "火车东站服务网点", "公交集团客服中心"]),
               f"{nonbirth_date(g, 2025, 2026, ['iso'])} {g.r.randint(8, 17):02d}:{g.r.randint(0, 59):02d}:{g.r.randint(0, 59):02d}"])
    return t


def t14_zhiyuan(g: G, n=1000):
    t = Table("14_zhiyuanzhe.csv", "志愿者注册", "utf-8",
              "headers of our own in pinyin/English mix (vol_name, idno, mailbox, contact, birthday); pinyin names in lower "
              "case; e-mails made of pinyin; IDs with lower x; team and organisation mailbox decoys",
              [C(name="vol_no", label="none"), C(name="vol_name", label="person_name", note="Chinese or lower-case pinyin"),
               C(name="idno", label="cn_resident_id"), C(name="birthday", label="birth_date", note="19910125 form"),
               C(name="contact", label="cn_mobile"), C(name="mailbox", label="email", note="pinyin e-mails"),
               C(name="team", label="none"), C(name="team_mail", label="none", note="organisation mailbox"),
               C(name="hours", label="none"), C(name="star", label="none")])
    teams = ["西湖区蓝天救援队", "青年志愿者协会", "社区文明实践站", "红十字志愿服务队", "环保志愿者联盟"]
    for i in range(n):
        b = g.birth(1960, 2007)
        if g.r.random() < .4:
            py = g.pinyin_name("lower")
            who = nm(g, py)
            em = g.email(py)
        else:
            who = nm(g)
            em = g.email()
        t.add([f"ZY{g.r.randint(2015, 2026)}{i:06d}", [who], [idp(g, birth=b, style=g.r.choice(["plain", "lowerx"]))],
               [bdate(g, b, ["compact"])], [mob(g)], [P(em, "email")], g.r.choice(teams),
               g.r.choice(["volunteer@xhq.gov.cn", "qnzyz@zjgqt.org.cn", "service@redcross-hz.org"]),
               f"{g.r.uniform(0, 800):.1f}", g.r.choice(["一星", "二星", "三星", "四星", "五星"])])
    return t


def t15_kuaidi(g: G, n=1500):
    t = Table("15_kuaidi_yizhan.csv", "快递驿站入库记录", "utf-8",
              "masked-already values: 张* / 138****5678 (platform convention: not PI, must stay) beside under-masked "
              "张*三 (PI) and full names/mobiles; 取件码 3-2-5031 looks like an estate address (decoy); waybill numbers",
              [C(name="运单号", label="none"), C(name="快递公司", label="none"),
               C(name="收件人", label="person_name", note="full names and under-masked 张*三 are PI; 张* / 欧阳** are not"),
               C(name="收件人电话", label="cn_mobile", note="full mobiles are PI; 138****5678 is not"),
               C(name="收件地址", label="address", note="room of an estate, full or short"),
               C(name="取件码", label="none", note="3-2-5031"), C(name="驿站", label="none"),
               C(name="驿站地址", label="none", note="organisation address"), C(name="入库时间", label="none")])
    cos = [("顺丰速运", "SF", 13), ("中通快递", "7", 15), ("圆通速递", "YT", 14), ("京东物流", "JDV", 12), ("韵达快递", "4", 15)]
    for i in range(n):
        co, pre, ln = g.r.choice(cos)
        wb = g.order_no(ln, pre) if pre.isdigit() else pre + g.order_no(ln)
        n0 = g.han_name()
        k = g.r.random()
        if k < .35:
            who = mask_name(n0)                                  # convention: not PI
        elif k < .5:
            sur = n0[:2] if n0[:2] in COMPOUND else n0[:1]
            if len(n0) - len(sur) >= 2:
                who = [P(sur + "*" + n0[len(sur) + 1:], "person_name")]   # under-masked: PI
            else:
                who = [nm(g, n0)]
        else:
            who = [nm(g, n0)]
        m = g.mobile()
        if g.r.random() < .4:
            ph = m[:3] + "****" + m[7:]                          # convention: not PI
        else:
            ph = [P(g.mobile_written(m, g.r.choice(["plain", "space", "p86"])), "cn_mobile", m)]
        t.add([wb, co, who, ph, [addr(g, forms=["estate_short", "estate_full", "road"])],
               f"{g.r.randint(1, 9)}-{g.r.randint(1, 6)}-{g.r.randint(1000, 9999)}",
               g.r.choice(["菜鸟驿站", "妈妈驿站", "兔喜生活", "丰巢驿站"]) + f"（{g.r.choice(ESTATES)}店）", g.org_address(),
               f"{nonbirth_date(g, 2026, 2026, ['iso'])} {g.r.randint(7, 21):02d}:{g.r.randint(0, 59):02d}"])
    return t


def t16_wuye(g: G, n=1300):
    t = Table("16_wuye_baoxiu.csv", "物业报修工单", "utf-8-sig",
              "报修位置 estate short forms; 报修人 as 'room + 王女士' (surname + title alone is not labelled; the room is); "
              "报修内容 free text with owners' names, phones, plates, room numbers, and repairers called 刘师傅 (not PI)",
              [C(name="工单号", label="none"), C(name="报修位置", label="address", note="9-4-1602 / 3幢2单元502"),
               C(name="报修人", label="none", note="王女士 / 李先生: surname + title only, not a name"),
               C(name="联系电话", label="cn_mobile"),
               C(name="报修内容", label="free_text", free_text=True),
               C(name="维修人员", label="none", note="刘师傅 — surname + title"),
               C(name="报修时间", label="none"), C(name="状态", label="none")])
    for i in range(n):
        est = g.r.choice(ESTATES)
        room = g.r.choice([f"{g.r.randint(1, 30)}-{g.r.randint(1, 6)}-{g.r.randint(1, 33)}{g.r.randint(1, 4):02d}",
                           f"{g.r.randint(1, 30)}幢{g.r.randint(1, 6)}单元{g.r.randint(1, 33)}{g.r.randint(1, 4):02d}"])
        loc = est + g.r.choice(["小区", "苑", "花园"]) + room
        sur = g.r.choice(COMMON)
        tpl = g.r.randint(0, 5)
        if tpl == 0:
            txt = ["业主", nm(g), "反映", P(room, "address"), "卫生间漏水至楼下，请尽快上门。"]
        elif tpl == 1:
            txt = ["地下车位", plate(g), "旁边消防栓漏水，车主", nm(g), "电话", mob(g), "。"]
        elif tpl == 2:
            txt = ["公共区域", g.r.choice(["电梯", "门禁", "路灯", "监控"]), "故障，物业服务中心电话", g.org_phone(), "。"]
        elif tpl == 3:
            txt = [P(loc, "address"), "住户", nm(g), "称燃气有异味，已联系燃气公司（客服", g.org_phone(), "）。"]
        elif tpl == 4:
            txt = ["租户", nm(g, g.pinyin_name("title")), "（", mob(g, "p86"), "）报修空调不制冷。"]
        else:
            txt = ["楼上", P(room, "address"), "装修噪音，业主委员会主任", nm(g), "已协调。"]
        t.add([f"WY{g.r.randint(0, 99999999):08d}", [P(loc, "address")], f"{sur}{g.r.choice(['女士', '先生', '阿姨', '师傅'])}",
               [mob(g)], txt, f"{g.r.choice(COMMON)}师傅", f"{nonbirth_date(g, 2026, 2026, ['iso'])} {g.r.randint(7, 21):02d}:00",
               g.r.choice(["已完成", "待派单", "维修中"])])
    return t


def t17_cunwu(g: G, n=800):
    t = Table("17_cunwu_gongkai_dibao.csv", "村务公开：低保户名单公示", "gb18030",
              "public notice: names full, masked by convention (张*: not PI) or under-masked (张*三: PI); 身份证号 masked "
              "by convention (not PI) with some left unmasked by oversight (PI); 备注 with relations and names in "
              "parentheses, ages of children",
              [C(name="序号", label="none"), C(name="所在组", label="none"),
               C(name="户主姓名", label="person_name", note="full / 张*三 are PI; 张* is not"),
               C(name="身份证号", label="cn_resident_id", note="330102********123X is not PI; unmasked ones are"),
               C(name="保障人口", label="none"), C(name="月保障金（元）", label="none"),
               C(name="备注", label="free_text", free_text=True), C(name="公示日期", label="none")])
    for i in range(n):
        n0 = g.han_name()
        sur = n0[:2] if n0[:2] in COMPOUND else n0[:1]
        k = g.r.random()
        if k < .4:
            who = mask_name(n0)
        elif k < .6 and len(n0) - len(sur) >= 2:
            who = [P(sur + "*" + n0[len(sur) + 1:], "person_name")]
        else:
            who = [nm(g, n0)]
        s = g.resident_id(div=g.div(["village", "tun", "yi", "yunnan"]))
        ident = mask_id_conv(s) if g.r.random() < .8 else [idp(g, s, "plain")]
        tpl = g.r.randint(0, 4)
        if tpl == 0:
            note = ["户主妻子（", nm(g), "）二级肢体残疾"]
        elif tpl == 1:
            note = ["因病致贫，其子", nm(g), "（", str(g.r.randint(6, 17)), "岁）在读"]
        elif tpl == 2:
            note = ["与父亲", nm(g), "共同生活"]
        elif tpl == 3:
            note = "因学致贫"
        else:
            note = ""
        t.add([str(i + 1), cn_small(g.r.randint(1, 12)) + "组", who, ident, str(g.r.randint(1, 6)),
               f"{g.r.choice([280, 420, 560, 735, 910, 1120])}", note, nonbirth_date(g, 2026, 2026, ["cn"])])
    return t


def t18_beizhixing(g: G, n=1300):
    t = Table("18_fayuan_beizhixingren.csv", "法院被执行人信息", "utf-8",
              "被执行人 persons and companies; 证件号码 mixing full IDs, court-style under-masked IDs (3301021980****123X: "
              "PI) and USCCs; 案号 decoy; 文书链接 URLs and file names with an ID inside",
              [C(name="案号", label="none"), C(name="被执行人", label="mixed", note="person or company"),
               C(name="证件号码/统一社会信用代码", label="mixed", note="IDs (full or 4 hidden) or USCC"),
               C(name="执行法院", label="none"), C(name="立案时间", label="none"),
               C(name="执行标的（元）", label="none"),
               C(name="文书链接", label="mixed", note="URL or file name, sometimes holding an ID number")])
    courts = ["西湖区人民法院", "鹿城区人民法院", "定海区人民法院", "金水区人民法院", "武侯区人民法院"]
    for i in range(n):
        person = g.r.random() < .65
        if person:
            who = [nm(g)]
            s = g.resident_id()
            if g.r.random() < .4:
                ident = [P(s[:10] + "****" + s[14:], "cn_resident_id", None)]
            else:
                ident = [idp(g, s, g.r.choice(["plain", "lowerx"]))]
        else:
            who = g.company()
            s = None
            ident = g.uscc()
        cno = f"（{g.r.randint(2023, 2026)}）浙{g.r.randint(100, 1199):04d}执{g.r.randint(1, 9999)}号"
        r = g.r.random()
        if person and r < .3:
            link = ["https://wenshu.example.gov.cn/doc?sfzh=", P(s, "cn_resident_id", s), f"&ah={g.r.randint(1, 99999)}"]
        elif person and r < .5:
            link = ["/data/zxws/", P(s, "cn_resident_id", s), "_执行裁定书.pdf"]
        else:
            link = f"https://wenshu.example.gov.cn/doc?id={g.r.randint(10 ** 9, 10 ** 10 - 1)}"
        t.add([cno, who, ident, g.r.choice(courts), nonbirth_date(g, 2023, 2026), money(g, 1000, 5_000_000), link])
    return t


def t19_sparse(g: G, n=1000):
    t = Table("19_bianma_sparse.csv", "mixed/sparse: 编码对照表", "utf-8",
              "a code column of 1,000 codes with one valid ID, one mobile and one bank card; an 18-digit serial column "
              "(no valid check char by construction); surname-less Mongolian/Tibetan/Yi and Uyghur names in 联系人; "
              "one e-mail, one QQ-mail and one landline among 1,000 notes; corporate accounts (some pass Luhn, no card "
              "prefix) as decoys",
              [C(name="编码", label="mixed", note="BM-codes with 3 personal values"),
               C(name="流水号", label="none", note="18 digits, invalid check char"),
               C(name="单位名称", label="none"), C(name="对公账号", label="none", note="corporate accounts 1202…/3305…/1903…"),
               C(name="联系人", label="person_name", note="Mongolian/Tibetan/Yi/Uyghur names, no surname"),
               C(name="说明", label="mixed", note="one e-mail, one QQ-mail, one landline among 1,000 notes"),
               C(name="经纬度", label="none")])
    special = {g.r.randrange(n): "id", g.r.randrange(n): "mob", g.r.randrange(n): "card"}
    special2 = {g.r.randrange(n): "email", g.r.randrange(n): "email2", g.r.randrange(n): "land"}
    notes = ["正常", "已核对", "待复核", "编码变更", "停用", "新增", ""]
    for i in range(n):
        k = special.get(i)
        if k == "id":
            code = [idp(g, style="plain")]
        elif k == "mob":
            code = [mob(g, "plain")]
        elif k == "card":
            c = g.bank_card()
            code = [P(c, "bank_card", c)]
        else:
            code = f"BM-{g.r.randint(2020, 2026)}-{i:06d}"
        while True:
            ser = g.order_no(18, str(g.r.randint(1, 9)))
            if not is_valid_id18(ser):
                break
        acct = g.r.choice([lambda: g.order_no(19, "1202"), lambda: g.order_no(20, "3305"), lambda: g.order_no(17, "1903"),
                           lambda: luhn_complete(g.order_no(18, "1202")), lambda: luhn_complete(g.order_no(19, "3305"))])()
        if bad_run(acct):
            acct = g.order_no(20, "3305")
        k2 = special2.get(i)
        if k2 == "email":
            note = ["请联系", P(g.email(), "email"), "核对"]
        elif k2 == "email2":
            note = [P(f"{g.r.randint(10000, 999999999)}@qq.com", "email")]
        elif k2 == "land":
            note = ["负责人家中电话", land(g)]
        else:
            note = g.r.choice(notes)
        who = g.r.choice(MONGOL + TIBETAN + YI) if g.r.random() < .7 else g.minority_name(False)
        t.add([code, ser, g.company(), acct, [nm(g, who)], note, g.coord()])
    return t


TABLES = [t01_yibao, t02_zhaosheng, t03_canjiren, t04_falv, t05_xinfang, t06_yanglao, t07_gongjijin, t08_tudi,
          t09_yuchuan, t10_tuiyi, t11_qiye, t12_hesuan, t13_gongjiaoka, t14_zhiyuan, t15_kuaidi, t16_wuye, t17_cunwu,
          t18_beizhixing, t19_sparse]


# ============================================================================ audit + write
def norm_id(s):
    return re.sub(r"[^0-9X]", "", unicodedata.normalize("NFKC", s).upper())


def audit(t: Table) -> list[str]:
    errs = []
    by_cell = {}
    for r, c, typ, sub, core in t.values:
        cell = t.rows[r][c]
        if sub not in cell:
            errs.append(f"{t.file} r{r} c{c}: labelled substring not in cell")
        by_cell.setdefault((r, c), []).append((typ, sub, core))
        if typ == "cn_resident_id" and core:
            if len(core) == 18 and not is_valid_id18(core):
                errs.append(f"{t.file} r{r}: labelled ID fails its check")
            if len(core) == 15 and not is_valid_id15(core):
                errs.append(f"{t.file} r{r}: labelled 15-digit ID invalid")
            if norm_id(sub)[:len(core)] != core and core not in norm_id(sub):
                errs.append(f"{t.file} r{r}: ID core not in normalised substring")
        if typ == "bank_card" and not luhn_ok(core):
            errs.append(f"{t.file} r{r}: card fails Luhn")
        if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core or ""):
            errs.append(f"{t.file} r{r}: mobile core")
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            rest = t.rests.get((r, c), cell)
            for typ, sub, core in by_cell.get((r, c), []):
                if sub in rest or (len(sub) >= 2 and unicodedata.normalize("NFKC", sub) in unicodedata.normalize("NFKC", rest)):
                    errs.append(f"{t.file} r{r} c{c}: labelled substring also in the unlabelled remainder")
            for why in audit_remainder(rest):
                errs.append(f"{t.file} r{r} c{c} [{t.cols[c]['name']}]: unlabelled {why}")
            if t.encoding in ("gbk", "gb18030"):
                try:
                    cell.encode(t.encoding)
                except UnicodeEncodeError:
                    errs.append(f"{t.file} r{r} c{c}: not encodable in {t.encoding}")
    # labels consistent with types
    for i, col in enumerate(t.cols):
        types = {v[2] for v in t.values if v[1] == i}
        if col["label"] == "none" and types:
            errs.append(f"{t.file} [{col['name']}]: label none but holds {types}")
        if col["label"] not in ("none", "mixed", "free_text") and types and types != {col["label"]}:
            errs.append(f"{t.file} [{col['name']}]: label {col['label']} but holds {types}")
        if col["label"] != "none" and not types:
            errs.append(f"{t.file} [{col['name']}]: label {col['label']} but no values")
    return errs


def write(t: Table, out: Path):
    header = [c["name"] for c in t.cols]
    if t.fmt == "xlsx":
        import openpyxl
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws.append(header)
        for row in t.rows:
            ws.append(row)
        for row in ws.iter_rows():
            for cell in row:
                cell.data_type = "s"
        wb.save(out / t.file)
        return
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n" if t.encoding in ("gbk", "gb18030") else "\n")
    w.writerow(header)
    w.writerows(t.rows)
    (out / t.file).write_bytes(buf.getvalue().encode(t.encoding))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    g = G(a.seed)
    tables = [f(g) for f in TABLES]
    errs = [e for t in tables for e in audit(t)]
    if errs:
        print(f"AUDIT FAILED ({len(errs)}):", *errs[:40], sep="\n  ", file=sys.stderr)
        return 1
    for t in tables:
        write(t, out)
    # xlsx round trip: what the evaluator reads must be what we labelled
    import openpyxl
    for t in tables:
        if t.fmt == "xlsx":
            ws = openpyxl.load_workbook(out / t.file, read_only=True).active
            rows = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)][1:]
            assert rows == t.rows, t.file
        else:
            text = (out / t.file).read_bytes().decode(t.encoding)
            rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
            assert rows == t.rows, t.file
    truth = {"corpus": "blind3", "seed": a.seed, "tables": [t.truth() for t in tables]}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    counts = {}
    for t in tables:
        for v in t.values:
            counts[v[2]] = counts.get(v[2], 0) + 1
    print(f"{len(tables)} tables, {sum(len(t.rows) for t in tables)} rows, {sum(counts.values())} personal values")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {k:18} {v}")
    for t in tables:
        print(f"  {t.file:34} {t.encoding:9} {len(t.rows):5} rows {len(t.values):6} values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
