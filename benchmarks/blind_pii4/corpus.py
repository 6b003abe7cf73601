#!/usr/bin/env python3
"""blind4: a fourth independent blind corpus for opendata's personal-information detectors.

`python corpus.py --out DIR --seed N` writes 19 bare government-style tables (CSV in UTF-8, UTF-8 BOM, GBK,
GB18030, and XLSX with every cell a string) and `truth.json` in the format of benchmarks/blind_pii2
(per table: file, format, encoding, domain, rows, note, columns, values = [row, col, type, substring, core]).
Stdlib + openpyxl only.  Deterministic per seed.  The generator audits itself and refuses to write a corpus
that fails the audit (see audit()).
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

# ============================================================================ check algorithms
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53,
             54, 61, 62, 63, 64, 65, 71, 81, 82, 83}


def id_check(s17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(s17, ID_W)) % 11]


def id_valid(s: str) -> bool:
    s = s.upper()
    return len(s) == 18 and s[:17].isdigit() and (s[17].isdigit() or s[17] == "X") and id_check(s[:17]) == s[17]


def real_date(y, m, d) -> bool:
    try:
        dt.date(y, m, d)
        return True
    except ValueError:
        return False


def legacy15_valid(s: str) -> bool:
    return (len(s) == 15 and s.isdigit() and int(s[:2]) in PROVINCES
            and real_date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12])))


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


def luhn_digit(s: str) -> str:
    for c in "0123456789":
        if luhn_ok(s + c):
            return c
    raise AssertionError


UC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
UW = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc_check(s17: str) -> str:
    c = 31 - sum(UC.index(ch) * w for ch, w in zip(s17, UW)) % 31
    return UC[0 if c == 31 else c]


CARD_PREFIX = re.compile(r"^(4|5[1-5]|6|34|37|35|9)")
SEP_CHARS = " -.·/\n•・‧∙"


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def _digit_groups(text: str):
    """Yield candidate digit strings: plain runs and concatenations of runs joined by single separators."""
    t = nfkc(text).upper()
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\d+X?", t)]
    # chains of tokens separated by exactly one separator char
    chains, cur = [], []
    for tok in toks:
        if cur and tok[0] == cur[-1][1] + 1 and t[cur[-1][1]] in SEP_CHARS and not cur[-1][2].endswith("X"):
            cur.append(tok)
        else:
            if cur:
                chains.append(cur)
            cur = [tok]
    if cur:
        chains.append(cur)
    for ch in chains:
        g = [x[2] for x in ch]
        for i in range(len(g)):
            s = ""
            for j in range(i, len(g)):
                if j > i and s.endswith("X"):
                    break
                s += g[j]
                yield s, (j - i)


def dirty_reason(text: str):
    """Why `text` (an unlabelled piece of a cell) would hold a personal identifier, or None."""
    for s, joins in _digit_groups(text):
        n = len(s)
        if n == 18 and id_valid(s):
            return "id18:" + s[:3]
        if n > 18 and joins == 0:
            for k in range(n - 17):
                w = s[k:k + 18]
                if id_valid(w) and int(w[:2]) in PROVINCES and real_date(int(w[6:10]), int(w[10:12]), int(w[12:14])):
                    return "id18-in-run"
        if "X" in s:
            continue
        if n == 15 and legacy15_valid(s):
            return "id15"
        if n == 11 and re.match(r"1[3-9]", s):
            return "mobile"
        if 16 <= n <= 19 and CARD_PREFIX.match(s) and luhn_ok(s):
            return "card"
    return None


def clean(fn, tries=500):
    for _ in range(tries):
        v = fn()
        if dirty_reason(v) is None:
            return v
    raise RuntimeError("could not draw a clean decoy")


# ============================================================================ reference data
COUNTIES = [
    ("110105", "北京市", "", "朝阳区"), ("110108", "北京市", "", "海淀区"), ("120104", "天津市", "", "南开区"),
    ("130102", "河北省", "石家庄市", "长安区"), ("130681", "河北省", "保定市", "涿州市"), ("140105", "山西省", "太原市", "小店区"),
    ("150102", "内蒙古自治区", "呼和浩特市", "新城区"), ("150702", "内蒙古自治区", "呼伦贝尔市", "海拉尔区"),
    ("152501", "内蒙古自治区", "锡林郭勒盟", "二连浩特市"), ("210102", "辽宁省", "沈阳市", "和平区"),
    ("220102", "吉林省", "长春市", "南关区"), ("222401", "吉林省", "延边朝鲜族自治州", "延吉市"),
    ("230103", "黑龙江省", "哈尔滨市", "南岗区"), ("310104", "上海市", "", "徐汇区"), ("310115", "上海市", "", "浦东新区"),
    ("320102", "江苏省", "南京市", "玄武区"), ("320583", "江苏省", "苏州市", "昆山市"), ("330106", "浙江省", "杭州市", "西湖区"),
    ("330211", "浙江省", "宁波市", "镇海区"), ("330302", "浙江省", "温州市", "鹿城区"), ("330802", "浙江省", "衢州市", "柯城区"),
    ("330803", "浙江省", "衢州市", "衢江区"), ("330781", "浙江省", "金华市", "兰溪市"), ("340104", "安徽省", "合肥市", "蜀山区"),
    ("350102", "福建省", "福州市", "鼓楼区"), ("350203", "福建省", "厦门市", "思明区"), ("360102", "江西省", "南昌市", "东湖区"),
    ("360781", "江西省", "赣州市", "瑞金市"), ("370102", "山东省", "济南市", "历下区"), ("370202", "山东省", "青岛市", "市南区"),
    ("410105", "河南省", "郑州市", "金水区"), ("420106", "湖北省", "武汉市", "武昌区"), ("430104", "湖南省", "长沙市", "岳麓区"),
    ("433101", "湖南省", "湘西土家族苗族自治州", "吉首市"), ("440106", "广东省", "广州市", "天河区"),
    ("440304", "广东省", "深圳市", "福田区"), ("450102", "广西壮族自治区", "南宁市", "兴宁区"),
    ("451002", "广西壮族自治区", "百色市", "右江区"), ("460105", "海南省", "海口市", "秀英区"), ("500103", "重庆市", "", "渝中区"),
    ("510104", "四川省", "成都市", "锦江区"), ("513401", "四川省", "凉山彝族自治州", "西昌市"),
    ("520102", "贵州省", "贵阳市", "南明区"), ("522601", "贵州省", "黔东南苗族侗族自治州", "凯里市"),
    ("530102", "云南省", "昆明市", "五华区"), ("532801", "云南省", "西双版纳傣族自治州", "景洪市"),
    ("540102", "西藏自治区", "拉萨市", "城关区"), ("540402", "西藏自治区", "林芝市", "巴宜区"),
    ("610113", "陕西省", "西安市", "雁塔区"), ("620102", "甘肃省", "兰州市", "城关区"), ("630102", "青海省", "西宁市", "城东区"),
    ("632801", "青海省", "海西蒙古族藏族自治州", "格尔木市"), ("640104", "宁夏回族自治区", "银川市", "兴庆区"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"), ("652301", "新疆维吾尔自治区", "昌吉回族自治州", "昌吉市"),
    ("659001", "新疆维吾尔自治区", "", "石河子市"),
]
LOCAL = [c for c in COUNTIES if c[0].startswith("3308")]
SURN_COMMON = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
SURN_RARE = list("禚仉訾亓缑蒯逯郗隗嵇冼佘眭桓鄢阚寇操靳岑晁揭栾蔺暴霍那乜厍贲逄莘酆昝璩饶郜")
SURN_COMPOUND = ["上官", "令狐", "慕容", "尉迟", "宇文", "长孙", "轩辕", "公孙", "澹台", "东方", "夏侯", "呼延", "南宫",
                 "申屠", "拓跋", "万俟", "第五", "钟离", "闾丘", "公冶", "羊舌", "百里", "东郭", "西门", "左丘", "梁丘"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲鹏飞斌宇浩凯健俊帆雪琳晨欣怡梓涵子轩"
             "诗雨博文一诺若汐思远嘉懿铭泽语彤昊天佳琪雅婷皓宸沐阳书瑶逸凡锦程亦菲清妍景行绍钧淑贞德福春生秋菊")
UYG_GIVEN = ["艾尔肯", "买买提", "阿不都", "热依拉", "古丽米热", "努尔", "阿依古丽", "吐尔逊", "依明", "麦麦提", "帕尔哈提",
             "迪丽努尔", "阿卜杜拉", "玉素甫", "克依木", "叶尔兰", "努尔兰", "哈力木拉提", "阿依达娜", "加娜尔", "别克",
             "米日古丽", "再努尔", "阿迪力", "祖丽皮亚"]
TIB = ["扎西", "次仁", "卓玛", "顿珠", "格桑", "央金", "尼玛", "达瓦", "拉姆", "平措", "多吉", "白玛", "措姆", "旺堆", "德吉", "索朗"]
MONGOL = ["巴特尔", "乌云其木格", "苏日娜", "额尔敦", "宝音图", "其其格", "那仁图雅", "敖日格乐", "阿拉坦仓", "朝鲁门",
          "萨仁高娃", "孟和", "斯琴", "图门吉日嘎拉"]
YI = ["吉克阿依", "沙马拉且", "俄木伍各", "曲比尔古", "阿候木呷", "吉伍子莫", "马海伍呷", "勒格阿牛", "海来日洛", "阿西拉则"]
DAI = ["岩温", "岩罕", "岩应", "岩香", "玉香", "玉罕", "玉儿", "玉叫", "岩糯", "玉喃"]
UYG_SEP_UTF = ["·", "•", "‧", "∙", "．", " ", "-", "・", ""]
UYG_SEP_GBK = ["·", "．", " ", "-", ""]
PINYIN = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu",
          "guo", "he", "lin", "luo", "zheng", "ouyang", "shangguan", "murong", "ximen", "sima"]
PY_GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "xiaoming", "xiaohong", "jiahui",
            "zihan", "haoran", "yuxuan", "siyuan", "mingze", "shuyao", "yifan", "jinchen", "weiming"]
VILLAGE_SYL = list("塘坞岭湾溪桥坑口源头垄畈洋山坪坂庄岗集屯堡寨沟店铺营里弄")
NAME_SYL = list("东南西北上下前后大小新老石白青黄金银云龙凤桃李杏竹柳松梅兰荷茶枫杨花溪河湖岭峰田禾丰安宁和平福寿康泰")
ESTATE_SUF = ["花园", "苑", "小区", "家园", "公寓", "新村", "嘉园", "名邸", "华庭", "雅居", "府", "湾", "人家"]
ROADS = ["人民路", "解放路", "中山路", "新华街", "建设路", "文化路", "荷花路", "百汇路", "学院路", "府山街", "振兴路", "滨江路"]
COMPANY_TRADE = ["餐饮管理", "农机销售", "建筑劳务", "旅行社", "物流", "驾驶员培训", "家政服务", "电子商务", "食品", "五金机电",
                 "装饰工程", "汽车服务", "文化传媒", "酒店管理", "养殖", "农业开发"]
MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
         "November", "December"]
CN_DIG = "〇一二三四五六七八九"
CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
                 "152", "153", "155", "156", "157", "158", "159", "166", "171", "173", "175", "176", "177", "178",
                 "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "195", "198", "199"]
AREA = [("010", 8), ("021", 8), ("022", 8), ("023", 8), ("024", 8), ("025", 8), ("027", 8), ("028", 8), ("029", 8),
        ("020", 8), ("0571", 8), ("0574", 8), ("0577", 8), ("0570", 7), ("0579", 8), ("0551", 7), ("0591", 8),
        ("0592", 7), ("0791", 8), ("0531", 8), ("0532", 8), ("0371", 8), ("0731", 8), ("0771", 7), ("0898", 8),
        ("0851", 8), ("0871", 8), ("0891", 7), ("0931", 7), ("0971", 7), ("0951", 7), ("0991", 7), ("0471", 7),
        ("0451", 8), ("0431", 8), ("0311", 8), ("0351", 7), ("0433", 7), ("0834", 7), ("0691", 7)]
BINS = [("622202", 19), ("621226", 19), ("622848", 19), ("621700", 19), ("436742", 16), ("622588", 16),
        ("621483", 16), ("622262", 19), ("621660", 19), ("622908", 18), ("623058", 19), ("603367", 19),
        ("621799", 19), ("622150", 19), ("621098", 19), ("625911", 16), ("622700", 19), ("628288", 16)]
BANKS = ["中国工商银行", "中国农业银行", "中国建设银行", "中国银行", "交通银行", "中国邮政储蓄银行", "浙江农商银行", "衢州银行", "招商银行"]
EMAIL_DOM = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "139.com", "yeah.net", "outlook.com", "gmail.com",
             "hotmail.com", "aliyun.com", "sohu.com"]
PLATE_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"


# ============================================================================ segments
def V(typ, text, core=None):
    return (text, typ, core)


def P(text):
    return (text, None, None)


def fw(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def mixw(rng, s: str) -> str:
    out = "".join(fw(c) if c.isalnum() and rng.random() < 0.5 else c for c in s)
    if out == s or out == fw(s):
        out = fw(s[0]) + s[1:] if s[0].isalnum() else out
    return out


class G:
    """Value generators bound to one rng."""

    def __init__(self, rng: random.Random, enc: str):
        self.r = rng
        self.enc = enc

    # ------------------------------------------------------------- people
    def han(self, rare=0.0, compound=0.0):
        r = self.r
        x = r.random()
        s = (r.choice(SURN_COMPOUND) if x < compound else r.choice(SURN_RARE) if x < compound + rare
             else r.choice(SURN_COMMON))
        n = 1 if (len(s) == 2 and r.random() < 0.6) or r.random() < 0.3 else 2
        return s + "".join(r.choice(GIVEN) for _ in range(n))

    def minority(self, kinds=("uyg", "tib", "mon", "yi", "dai")):
        r = self.r
        k = r.choice(kinds)
        if k == "uyg":
            seps = UYG_SEP_GBK if self.enc == "gbk" else UYG_SEP_UTF
            a, b = r.sample(UYG_GIVEN, 2)
            return a + r.choice(seps) + b
        if k == "tib":
            a, b = r.sample(TIB, 2)
            return a + b if r.random() < 0.8 else a
        if k == "mon":
            return r.choice(MONGOL)
        if k == "yi":
            return r.choice(YI)
        return r.choice(DAI)

    def name(self, rare=0.12, compound=0.06, minority=0.08):
        return self.minority() if self.r.random() < minority else self.han(rare, compound)

    def roman(self):
        r = self.r
        s, g = r.choice(PINYIN), r.choice(PY_GIVEN)
        form = r.randrange(5)
        if form == 0:
            return f"{s.upper()} {g.capitalize()}"
        if form == 1:
            return f"{g.capitalize()} {s.upper()}"
        if form == 2:
            g2 = r.choice(PY_GIVEN)
            return f"{g.capitalize()}-{g2} {s.capitalize()}"
        if form == 3:
            return f"{s.capitalize()} {g.capitalize()}"
        return f"{s.upper()}, {g.upper()}"

    def company(self):
        r = self.r
        c = r.choice(COUNTIES)
        city = (c[2] or c[1]).replace("市", "")
        brand = r.choice(SURN_COMMON) + r.choice(["氏", "记", "家", "大", "小", "老", ""]) + r.choice(NAME_SYL)
        if r.random() < 0.25:
            brand = "老" + r.choice(SURN_COMMON)
        return f"{city}{brand}{r.choice(COMPANY_TRADE)}{r.choice(['有限公司', '有限公司', '有限责任公司', '专业合作社', '经营部'])}"

    def coop(self):
        r = self.r
        c = r.choice(LOCAL)
        return f"{c[3]}{r.choice(NAME_SYL)}{r.choice(NAME_SYL)}{r.choice(['粮食', '水果', '茶叶', '农机', '植保'])}专业合作社"

    # ------------------------------------------------------------- dates
    def date(self, y0, y1):
        r = self.r
        a = dt.date(y0, 1, 1).toordinal()
        b = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(r.randint(a, b))

    def fmt_date(self, d: dt.date, form: str) -> str:
        y, m, dd = d.year, d.month, d.day
        if form == "iso":
            return d.isoformat()
        if form == "dash_np":
            return f"{y}-{m}-{dd}"
        if form == "dot":
            return f"{y}.{m}.{dd}"
        if form == "dot_pad":
            return f"{y}.{m:02d}.{dd:02d}"
        if form == "slash_pad":
            return f"{y}/{m:02d}/{dd:02d}"
        if form == "compact":
            return f"{y}{m:02d}{dd:02d}"
        if form == "cn_pad":
            return f"{y}年{m:02d}月{dd:02d}日"
        if form == "cn":
            return f"{y}年{m}月{dd}日"
        if form == "cn2":
            return f"{y % 100:02d}年{m}月{dd}日"
        if form == "dmy_dot":
            return f"{dd:02d}.{m:02d}.{y}"
        if form == "en_long":
            return f"{dd} {MONTH[m - 1]} {y}"
        if form == "en_us":
            return f"{MONTH[m - 1]} {dd}, {y}"
        if form == "dmon":
            return f"{dd:02d}-{MON[m - 1]}-{y}"
        if form == "excel":
            return f"{y}/{m:02d}/{dd:02d} 0:00:00"
        if form == "excel_iso":
            return f"{d.isoformat()} 00:00:00"
        if form == "isoT":
            return f"{d.isoformat()}T00:00:00"
        if form == "ym_cn":
            return f"{y}年{m}月"
        if form == "ym_dash":
            return f"{y}-{m:02d}"
        if form == "mon_y":
            return f"{MON[m - 1]} {y}"
        if form == "ym_dot":
            return f"{y}.{m:02d}"
        raise KeyError(form)

    # ------------------------------------------------------------- identifiers
    def id18(self, y0=1950, y1=2004, county=None, male=None, d=None):
        r = self.r
        c = county or r.choice(COUNTIES)[0]
        d = d or self.date(y0, y1)
        seq = r.randint(0, 999)
        if male is not None and (seq % 2 == 1) != male:
            seq = (seq + 1) % 1000
        s17 = f"{c}{d:%Y%m%d}{seq:03d}"
        return s17 + id_check(s17), d

    def fmt_id(self, i: str, forms) -> str:
        r = self.r
        f = r.choice(forms)
        if f == "plain":
            return i
        if f == "lowx":
            return i.lower()
        if f == "slash":
            return f"{i[:6]}/{i[6:14]}/{i[14:]}"
        if f == "dot":
            return f"{i[:6]}.{i[6:14]}.{i[14:]}"
        if f == "g4":
            return " ".join(i[k:k + 4] for k in range(0, 18, 4))
        if f == "fw":
            return fw(i)
        if f == "mixw":
            return mixw(r, i)
        if f == "nl":
            k = r.choice([6, 10, 14])
            return i[:k] + "\n" + i[k:]
        if f == "fwspace":
            return i[:6] + "\u3000" + i[6:14] + "\u3000" + i[14:]
        raise KeyError(f)

    def legacy15(self, y0=1925, y1=1960, county=None):
        r = self.r
        c = county or r.choice(COUNTIES)[0]
        d = self.date(y0, y1)
        return f"{c}{d:%y%m%d}{r.randint(0, 999):03d}", d

    def mobile(self):
        r = self.r
        return r.choice(MOBILE_PREFIX) + f"{r.randint(0, 99999999):08d}"

    def fmt_mobile(self, m: str, forms) -> str:
        r = self.r
        f = r.choice(forms)
        if f == "plain":
            return m
        if f == "dash":
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        if f == "space":
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if f == "dot":
            return f"{m[:3]}.{m[3:7]}.{m[7:]}"
        if f == "p86":
            return "+86 " + m
        if f == "par86":
            return "(+86)" + m
        if f == "p86dash":
            return f"+86-{m[:3]}-{m[3:7]}-{m[7:]}"
        if f == "fw":
            return fw(m)
        if f == "mixw":
            return mixw(r, m)
        if f == "g74":
            return f"{m[:7]} {m[7:]}"
        raise KeyError(f)

    def landline(self):
        r = self.r
        a, n = r.choice(AREA)
        num = str(r.randint(2, 8)) + "".join(str(r.randint(0, 9)) for _ in range(n - 1))
        return a, num

    def fmt_landline(self, a, num, forms) -> str:
        f = self.r.choice(forms)
        if f == "dash":
            return f"{a}-{num}"
        if f == "par":
            return f"({a}){num}"
        if f == "fwpar":
            return f"（{a}）{num}"
        if f == "space":
            return f"{a} {num[:len(num) - 4]} {num[-4:]}"
        if f == "intl":
            return f"+86-{a[1:]}-{num}"
        if f == "plain":
            return a + num
        raise KeyError(f)

    def card(self):
        r = self.r
        b, n = r.choice(BINS)
        body = b + "".join(str(r.randint(0, 9)) for _ in range(n - 7))
        return body + luhn_digit(body)

    def fmt_card(self, c: str, forms) -> str:
        r = self.r
        f = r.choice(forms)
        if f == "plain":
            return c
        if f == "g4":
            return " ".join(c[k:k + 4] for k in range(0, len(c), 4))
        if f == "slash4":
            return "/".join(c[k:k + 4] for k in range(0, len(c), 4))
        if f == "dot4":
            return ".".join(c[k:k + 4] for k in range(0, len(c), 4))
        if f == "s613":
            return c[:6] + " " + c[6:]
        if f == "fw":
            return fw(c)
        if f == "fwspace4":
            return "\u3000".join(c[k:k + 4] for k in range(0, len(c), 4))
        if f == "nl":
            return c[:8] + "\n" + c[8:]
        raise KeyError(f)

    def passport(self):
        r = self.r
        x = r.random()
        if x < 0.5:
            return "E" + f"{r.randint(0, 99999999):08d}"
        if x < 0.8:
            return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + f"{r.randint(0, 9999999):07d}"
        return "G" + f"{r.randint(0, 99999999):08d}"

    def hkpermit(self):
        r = self.r
        x = r.random()
        if x < 0.5:
            return "C" + f"{r.randint(0, 99999999):08d}"
        if x < 0.8:
            return r.choice("HM") + f"{r.randint(0, 99999999):08d}"
        return r.choice("HM") + f"{r.randint(0, 9999999999):010d}"

    def military(self):
        r = self.r
        return f"{r.choice(['军', '南', '北', '海', '空', '政'])}字第{r.randint(1000000, 99999999)}号"

    def plate(self):
        r = self.r
        p = r.choice(PLATE_PROV) + r.choice("ABCDEFGHJK")
        if r.random() < 0.2:
            return p + r.choice("DF") + f"{r.randint(0, 99999):05d}"
        chars = [r.choice("0123456789") for _ in range(5)]
        for k in r.sample(range(5), r.choice([0, 1, 1, 2])):
            chars[k] = r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return p + "".join(chars)

    def fmt_plate(self, p, forms):
        r = self.r
        f = r.choice(forms)
        if f == "plain":
            return p
        if f == "dot":
            return p[:2] + "." + p[2:]
        if f == "lower":
            return p[0] + p[1:].lower()
        if f == "fw":
            return p[0] + fw(p[1:])
        if f == "space":
            return p[:2] + " " + p[2:]
        if f == "midot":
            return p[:2] + "·" + p[2:]
        raise KeyError(f)

    def email(self, name_hint=None):
        r = self.r
        user = r.choice(PINYIN) + r.choice(PY_GIVEN) + (str(r.randint(1, 9999)) if r.random() < 0.6 else "")
        if r.random() < 0.2:
            user = str(r.randint(10000, 999999999))
        e = f"{user}@{r.choice(EMAIL_DOM)}"
        if r.random() < 0.12:
            e = e.upper()
        return e

    def qq(self):
        return str(self.r.randint(10000, 3999999999))

    # ------------------------------------------------------------- places
    def county(self, local=0.0):
        return self.r.choice(LOCAL) if self.r.random() < local else self.r.choice(COUNTIES)

    def village(self):
        r = self.r
        return r.choice(NAME_SYL) + r.choice(VILLAGE_SYL)

    def estate(self):
        r = self.r
        return r.choice(NAME_SYL) + r.choice(NAME_SYL) + r.choice(ESTATE_SUF)

    def room(self):
        r = self.r
        b, u, f, k = r.randint(1, 32), r.randint(1, 6), r.randint(1, 33), r.randint(1, 4)
        rm = f"{f}{k:02d}"
        forms = [f"{b}幢{u}单元{rm}室", f"{b}#-{u}-{rm}", f"{r.choice('ABCD')}区{b}栋{u}单元{rm}", f"{b}-{u}-{rm}",
                 f"{b}号楼{u}门{rm}", f"{b}栋{rm}房", f"{b}幢{rm}"]
        return r.choice(forms)

    def address(self, local=0.3, short=0.3):
        """A home address: province … village/estate/room, or a short local form."""
        r = self.r
        c = self.county(local)
        head = c[1] + c[2] + c[3]
        if r.random() < short:
            head = c[3]
        k = r.randrange(9)
        if c[0] == "659001" and r.random() < 0.6:
            return f"{head}{r.choice(['一二一', '一四三', '一三三', '一五二'])}团{r.randint(1, 20)}连{r.randint(1, 60)}号"
        if c[1] == "内蒙古自治区" and r.random() < 0.5:
            return f"{head}{self.village()}苏木{r.choice(NAME_SYL)}{r.choice(NAME_SYL)}嘎查{r.randint(1, 9)}组"
        if k <= 2:
            grp = r.choice([f"{r.randint(1, 12)}组", f"{CN_NUM[r.randint(1, 12)]}组", f"{r.randint(1, 9)}社"])
            return (f"{head}{self.village()}{r.choice(['镇', '乡'])}{self.village()}村"
                    f"{r.choice(['', self.village() + '自然村'])}{grp}{r.randint(1, 120)}号")
        if k == 3:
            return f"{head}{self.village()}{r.choice(['屯', '寨', '村委会'])}{r.randint(1, 88)}号"
        if k <= 6:
            return f"{head}{r.choice(['', self.village() + '街道'])}{self.estate()}{self.room()}"
        if k == 7:
            return f"{head}{r.choice(ROADS)}{r.randint(1, 300)}弄{r.randint(1, 40)}号{r.randint(101, 1202)}室"
        return f"{head}{r.choice(ROADS)}{r.randint(1, 500)}号{self.estate()}{self.room()}"

    def org_address(self):
        r = self.r
        c = self.county(0.6)
        return (f"{c[1] if r.random() < 0.3 else ''}{c[2]}{c[3]}{r.choice(ROADS)}{r.randint(1, 600)}号"
                f"{r.choice(['', '市民中心', '行政服务中心', '综合楼', '科技大厦'])}{r.choice(['', str(r.randint(1, 12)) + '楼'])}")

    def org_phone(self):
        r = self.r
        x = r.random()
        if x < 0.5:
            a, n = self.landline()
            return self.fmt_landline(a, n, ["dash", "par", "dash", "fwpar"])
        if x < 0.7:
            return f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}"
        if x < 0.8:
            return f"95{r.randint(100, 599)}"
        if x < 0.9:
            return r.choice(["12345", "12315", "12320", "12333", "12301"])
        a, n = self.landline()
        return f"传真 {a}-{n}"

    def uscc(self, county=None):
        r = self.r
        c = county or self.county(0.5)[0]
        for _ in range(100):
            org = "".join(r.choice(UC) for _ in range(9))
            s17 = r.choice(["91", "92", "93", "52", "12"]) + c + org
            u = s17 + uscc_check(s17)
            if dirty_reason(u) is None:
                return u
        raise RuntimeError

    def corp_account(self):
        r = self.r
        return clean(lambda: r.choice(["1202", "3305", "1901", "3301"]) + "".join(
            str(r.randint(0, 9)) for _ in range(r.choice([12, 13, 14, 15]))))

    def amount(self, lo, hi):
        v = self.r.uniform(lo, hi)
        return f"{v:,.2f}" if self.r.random() < 0.5 else f"{v:.2f}"

    def masked_name(self):
        n = self.han(0.05, 0.05)
        if n[:2] in SURN_COMPOUND:
            return n[:2] + "*" * (len(n) - 2)
        return n[0] + "*" * (len(n) - 1)

    def masked_mobile(self):
        m = self.mobile()
        return m[:3] + "****" + m[7:]

    def masked_id(self):
        i, _ = self.id18()
        return i[:6] + "********" + i[14:]


# ============================================================================ value helpers returning segments
def id_val(g: G, forms=("plain",), **kw):
    i, d = g.id18(**kw)
    return V("cn_resident_id", g.fmt_id(i, forms), i), d


def mob_val(g: G, forms=("plain",)):
    m = g.mobile()
    return V("cn_mobile", g.fmt_mobile(m, forms), m)


def land_val(g: G, forms=("dash",)):
    a, n = g.landline()
    return V("cn_landline", g.fmt_landline(a, n, forms), a + n)


def card_val(g: G, forms=("plain",)):
    c = g.card()
    return V("bank_card", g.fmt_card(c, forms), c)


def plate_val(g: G, forms=("plain",)):
    p = g.plate()
    return V("cn_license_plate", g.fmt_plate(p, forms), p)


def name_val(s):
    return V("person_name", s)


def addr_val(s):
    return V("address", s)


def birth_val(s):
    return V("birth_date", s)


def email_val(s):
    return V("email", s)


# ============================================================================ tables
# Each table function returns (columns, rows). A column: dict(name, label, free_text, note). A row: list of
# cells; a cell is a str (no personal value) or a list of segments (text, type|None, core).
BIRTH_FORMS_ALL = ["iso", "dash_np", "dot", "dot_pad", "slash_pad", "compact", "cn_pad", "cn", "cn2", "dmy_dot",
                   "en_long", "en_us", "dmon", "excel", "excel_iso", "isoT"]


def col(name, label="none", note="", free_text=False):
    return {"name": name, "label": label, "free_text": free_text, "note": note}


def t01_zhengshou(g: G, n):
    r = g.r
    cols = [col("xh", note="序号"), col("xmmc", note="项目名称"),
            col("bzsr", "person_name", "被征收人 (pinyin abbrev.), 15% two co-owners joined by / ; rare/compound surnames"),
            col("bzsrzj", "cn_resident_id", "被征收人证件: IDs with slashes 6/8/4, groups of 4, mixed widths, a line break inside, lower x"),
            col("fwzl", "address", "房屋坐落: local village and estate short forms"),
            col("jzmj", note="建筑面积"), col("bcje", note="补偿金额"),
            col("skzh", "bank_card", "收款账户: cards with / . spaces in 4s, 6+13, full-width space, 卡号: prefix outside label"),
            col("khh", note="开户行"),
            col("bzsrdh", "mixed", "被征收人电话: 手机:/TEL/tel: mobiles, some with a home landline beside"),
            col("xybh", note="协议编号: 18 digits starting with a real county code, fails GB 11643 by construction"),
            col("qyrq", note="签约日期 in birth-date forms (not a birth date)"),
            col("jbr", note="经办人 here is an office (征收办/征收组), not a person"),
            col("bz", "free_text", "备注: short notes, some with an agent's name and mobile or a resettlement room", True)]
    rows = []
    proj = [f"{c[3]}{g.village()}{r.choice(['片区旧城改造', '城中村改造', '棚户区改造', '道路拓宽'])}项目" for c in LOCAL * 3]
    for i in range(n):
        c = r.choice(LOCAL)
        nm = g.name(0.18, 0.08, 0.03)
        owners = [name_val(nm)]
        if r.random() < 0.15:
            owners += [P("/"), name_val(g.han(0.1, 0.05))]
        idv, _ = id_val(g, ("slash", "slash", "plain", "g4", "mixw", "nl", "lowx"), y0=1940, y1=1995)
        if r.random() < 0.35:
            addr = f"{c[3]}{g.village()}{r.choice(['街道', '镇', '乡'])}{g.village()}村{r.randint(1, 15)}组{r.randint(1, 99)}号"
        elif r.random() < 0.5:
            addr = f"{g.village()}村{CN_NUM[r.randint(1, 12)]}组{r.randint(1, 99)}号"
        else:
            addr = f"{g.estate()}{g.room()}"
        cv = card_val(g, ("g4", "slash4", "dot4", "s613", "fwspace4", "plain"))
        card = [P("卡号:"), cv] if r.random() < 0.2 else [cv]
        ph = [P(r.choice(["手机:", "TEL", "tel:", ""])), mob_val(g, ("plain", "space", "dash", "dot", "mixw"))]
        if r.random() < 0.2:
            ph += [P(r.choice([" / ", "；", " 家:"])), land_val(g, ("dash", "par", "space"))]
        xy = clean(lambda: c[0] + f"{r.randint(2019, 2024)}" + f"{r.randint(0, 99999999):08d}")
        note = ""
        x = r.random()
        if x < 0.12:
            note = [P("委托其子"), name_val(g.han(0.1, 0.05)), P("代签，手机:"), mob_val(g, ("plain", "space"))]
        elif x < 0.2:
            note = [P("产权调换，安置房"), addr_val(f"{g.estate()}{g.room()}")]
        elif x < 0.45:
            note = r.choice(["已腾空", "货币补偿", "产权调换", "已交房", "待评估复核", "存在违章搭建部分，不予补偿"])
        rows.append([str(i + 1), r.choice(proj), owners, [idv], [addr_val(addr)], f"{r.uniform(40, 320):.2f}",
                     g.amount(80000, 3000000), card, r.choice(BANKS) + c[2] + "分行", ph, xy,
                     g.fmt_date(g.date(2019, 2024), r.choice(BIRTH_FORMS_ALL)),
                     r.choice(["柯城区房屋征收办", "衢江区征收中心", f"{g.village()}街道征收组", "市住建局征收科"]), note])
    return cols, rows


def t02_hunyin(g: G, n):
    r = g.r
    cols = [col("预约号"), col("预约日期", note="Excel date-time form, same as the birth dates"), col("时段"),
            col("登记类型"),
            col("男方", "person_name", "register word 男方"),
            col("男方证件号", "mixed", "IDs, 军官证 (military_id), passports, 回乡证 (hk_macau_permit)"),
            col("男方出生日期", "birth_date", "Excel date-time and DD.MM.YYYY forms"),
            col("女方", "person_name", "register word 女方; minority names"),
            col("女方证件号", "mixed", "IDs, passports, permits"),
            col("女方出生日期", "birth_date"),
            col("预约手机", "cn_mobile", "(+86), tel:, mixed widths"),
            col("登记机关"), col("登记机关电话", note="organisation phone"), col("备注")]
    rows = []
    offices = [f"{c[2]}{c[3]}婚姻登记处" for c in COUNTIES[:30]]
    for i in range(n):
        ymd = g.date(2024, 2025)
        kind = r.choice(["结婚登记", "结婚登记", "结婚登记", "离婚登记", "补领结婚证"])
        row = [clean(lambda: f"HY{ymd:%Y%m%d}-{r.randint(1, 300):04d}"),
               g.fmt_date(ymd, r.choice(["excel", "excel_iso", "dmy_dot"])), r.choice(
                ["08:30-09:00", "09:00-09:30", "09:30-10:00", "10:00-10:30", "13:30-14:00", "14:30-15:00"]), kind]
        for male in (True, False):
            nm = g.name(0.1, 0.05, 0.15)
            x = r.random()
            if x < 0.85:
                i18, d = g.id18(1960, 2003, male=male)
                doc = V("cn_resident_id", g.fmt_id(i18, ["plain", "plain", "lowx", "g4", "fwspace"]), i18)
            else:
                d = g.date(1960, 2003)
                if x < 0.9 and male:
                    doc = V("military_id", g.military())
                elif x < 0.95:
                    p = g.passport()
                    doc = V("cn_passport", p, p)
                else:
                    p = g.hkpermit()
                    doc = V("hk_macau_permit", p, p)
            row += [[name_val(nm)], [doc], [birth_val(g.fmt_date(d, r.choice(["excel", "excel_iso", "dmy_dot", "dmy_dot"])))]]
        row += [[P(r.choice(["", "", "tel:"])), mob_val(g, ("plain", "par86", "mixw", "fw", "p86dash"))],
                r.choice(offices), g.org_phone(),
                r.choice(["", "", "", "需要颁证服务", "携带户口簿原件", "一方为现役军人", "涉外婚姻"])]
        rows.append(row)
    return cols, rows


def t03_yishi(g: G, n):
    r = g.r
    cols = [col("Practitioner", "person_name", "English header; 医师姓名"), col("Gender"),
            col("Birthdate", "birth_date", "4-Jun-1985 / June 4, 1985 / 1985-06-04"),
            col("ID Card", "cn_resident_id", "groups of 4, dots, plain"),
            col("Qualification Cert", note="医师资格证书编码, 27 digits"),
            col("Practice Cert", note="执业证书编码, 15 digits (fails the legacy-ID layout)"),
            col("Category"), col("Scope"), col("Practice Site"), col("Site Address", note="organisation address"),
            col("Site Phone", note="organisation switchboard"),
            col("Mobile", "cn_mobile", "tel:+86-138-…, +86 138 …"), col("Email", "email", "some upper case"),
            col("Reg Date", note="registration date in the same forms as Birthdate")]
    rows = []
    hosp = [f"{(c[2] or c[1])}{r.choice(['第一', '第二', '人民', '中医', '妇幼保健'])}医院" for c in COUNTIES]
    for i in range(n):
        forms = ["dmon", "en_us", "iso", "en_long"]
        idv, d = id_val(g, ("g4", "dot", "plain", "plain"), y0=1955, y1=1998)
        site = r.choice(hosp)
        row = [[name_val(g.name(0.1, 0.05, 0.06))], r.choice(["男", "女", "M", "F"]),
               [birth_val(g.fmt_date(d, r.choice(forms)))], [idv],
               clean(lambda: f"{r.randint(1999, 2023)}{r.choice(['1', '2', '3', '4'])}{r.choice(['1', '2'])}"
                             f"{r.choice(COUNTIES)[0]}" + "".join(str(r.randint(0, 9)) for _ in range(15))),
               clean(lambda: f"1{r.randint(10, 65)}{r.randint(100000, 999999)}" + f"{r.randint(0, 999999):06d}"),
               r.choice(["临床", "中医", "口腔", "公共卫生"]), r.choice(["内科专业", "外科专业", "儿科专业", "全科医学专业", "眼耳鼻咽喉科专业", "中医专业"]),
               site, g.org_address(), g.org_phone(),
               [P(r.choice(["tel:", ""])), mob_val(g, ("p86dash", "p86", "plain"))],
               [email_val(g.email())], g.fmt_date(g.date(2015, 2025), r.choice(forms))]
        rows.append(row)
    return cols, rows


def t04_jiapei(g: G, n):
    r = g.r
    cols = [col("xybh", note="学员编号"), col("xyxm", "person_name", "学员 (pinyin abbrev. xyxm)"), col("xb"),
            col("sfzmmc", note="身份证明名称"),
            col("sfzmhm", "mixed", "身份证明号码: IDs, passports, HK/Macau permits, military IDs"),
            col("birth", "birth_date", "lower-case English header; 85年6月4日 two-digit year and 1985年06月04日"),
            col("yddh", "cn_mobile", "移动电话: 138.1234.5678 dots, spaces"),
            col("lxdz", "address", "联系地址: estate short forms 5#-1-1203, B区7栋…"),
            col("jxmc", note="驾校: company names containing surnames"),
            col("jly", "person_name", "教练员 (a natural person)"), col("jlyzh", note="教练员证号"),
            col("bmrq", note="报名日期 in the birth-date forms"), col("zjcx"),
            col("jlcph", note="教练车号牌 (…学 plates of the school's vehicles): organisation vehicles, not PI")]
    rows = []
    schools = [g.company().replace(r.choice(COMPANY_TRADE), "驾驶员培训") for _ in range(25)]
    for i in range(n):
        x = r.random()
        kind = "居民身份证"
        if x < 0.88:
            idv, d = id_val(g, ("plain", "plain", "lowx", "mixw", "dot"), y0=1966, y1=2006)
        else:
            d = g.date(1966, 2006)
            if x < 0.93:
                p = g.passport()
                idv, kind = V("cn_passport", p, p), "护照"
            elif x < 0.97:
                p = g.hkpermit()
                idv, kind = V("hk_macau_permit", p, p), "港澳居民来往内地通行证"
            else:
                idv, kind = V("military_id", g.military()), "军官证"
        sch = r.choice(schools)
        row = [clean(lambda: f"JP{r.randint(2023, 2025)}{r.randint(0, 999999):06d}"),
               [name_val(g.name(0.12, 0.06, 0.06))], r.choice(["男", "女"]), kind, [idv],
               [birth_val(g.fmt_date(d, r.choice(["cn2", "cn_pad"])))],
               [mob_val(g, ("dot", "space", "plain", "g74"))],
               [addr_val(g.address(0.6, 0.6))], sch, [name_val(g.han(0.1, 0.04))],
               clean(lambda: f"JL{r.choice(LOCAL)[0]}{r.randint(0, 99999):05d}"),
               g.fmt_date(g.date(2023, 2025), r.choice(["cn2", "cn_pad"])), r.choice(["C1", "C2", "C1", "B2", "A2", "D"]),
               "浙H" + f"{r.randint(0, 9999):04d}" + "学"]
        rows.append(row)
    return cols, rows


def t05_wangge(g: G, n):
    r = g.r
    cols = [col("记录编号"), col("走访日期"), col("网格"), col("网格员", "person_name", "网格员: a natural person"),
            col("网格员电话", "cn_mobile", "☎ / 手机: prefixes"), col("走访对象类型"),
            col("走访情况", "free_text", "free text: 走访对象/其女儿/房东/租客/社区矫正对象/家属/其父 cues and names with no cue "
                "(经核实，X已…); ☎ and tel: mobiles, home landlines, slashed IDs, plates, cards, room addresses; decoys "
                "王某/李某, 王先生, community phones and office addresses, company names", True),
            col("处理结果"), col("复核", note="经办/复核 here is an office")]
    rows = []
    grids = [f"{c[3]}{g.village()}社区第{k}网格" for c in LOCAL for k in range(1, 9)]
    workers = [(g.han(0.1, 0.04), g.mobile()) for _ in range(60)]

    def nm():
        return name_val(g.name(0.12, 0.06, 0.05))

    def text():
        k = r.randrange(12)
        if k == 0:
            return [P("走访"), addr_val(g.address(0.8, 0.7)), P("，走访对象"), nm(), P(f"（独居老人，{r.randint(70, 95)}岁）身体状况良好，其女儿"),
                    nm(), P("（☎"), mob_val(g, ("plain", "dash")), P("）每周回来探望。")]
        if k == 1:
            return [P("入户核查出租房"), addr_val(f"{g.estate()}{g.room()}"), P("，房东"), nm(), P("，租客"), nm(), P("、"), nm(),
                    P("，租客电话tel:"), mob_val(g, ("plain", "space")), P("，已提醒办理居住登记。")]
        if k == 2:
            return [P("经核实，"), nm(), P(f"已于{r.randint(1, 12)}月搬离本网格，现住"), addr_val(g.address(0.2, 0.0)), P("。")]
        if k == 3:
            idv, _ = id_val(g, ("slash", "dot", "plain"))
            return [P("社区矫正对象"), nm(), P("（身份证"), idv, P("）按时报到，思想稳定，家属"), nm(), P("手机:"),
                    mob_val(g, ("plain", "dot")), P("。")]
        if k == 4:
            return [P(f"配合街道开展消防安全检查，检查沿街商铺{r.randint(5, 30)}家，其中{g.company()}存在隐患，已通知负责人"
                      f"{r.choice(SURN_COMMON)}先生整改，咨询电话{g.org_phone()}。")]
        if k == 5:
            return [nm(), P("反映楼道堆放杂物，已联系物业（电话" + g.org_phone() + "）清理。其家中电话"), land_val(g, ("dash", "space", "fwpar")),
                    P("。")]
        if k == 6:
            return [P(f"{r.choice(SURN_COMMON)}某与{r.choice(SURN_COMMON)}某因停车纠纷发生口角，涉事车辆"),
                    plate_val(g, ("plain", "dot", "lower", "space")), P("，已现场调解。")]
        if k == 7:
            return [P("走访重点青少年"), nm(), P("，其父"), nm(), P(f"在{g.company()}务工，联系电话☎"), mob_val(g, ("plain", "space")), P("。")]
        if k == 8:
            return [P(f"参加{r.choice(['街道综治中心', '区委政法委', '社区服务中心'])}组织的网格员业务培训，地点{g.org_address()}。")]
        if k == 9:
            return [nm(), P("、"), nm(), P("夫妇申请临时救助，银行卡"), card_val(g, ("plain", "g4", "dot4")), P("，已上报街道民政办。")]
        if k == 10:
            return [P(f"本月走访辖区住户{r.randint(20, 80)}户，发放反诈宣传资料{r.randint(50, 300)}份，未发现异常。")]
        return [P("独居老人"), nm(), P("家中燃气报警器故障，已联系燃气公司（" + g.org_phone() + "）上门更换。")]

    for i in range(n):
        w = r.choice(workers)
        rows.append([clean(lambda: f"ZF{r.randint(2024, 2025)}{r.randint(0, 9999999):07d}"),
                     g.fmt_date(g.date(2024, 2025), r.choice(["iso", "cn"])), r.choice(grids), [name_val(w[0])],
                     [P(r.choice(["☎", "手机:", ""])), V("cn_mobile", g.fmt_mobile(w[1], ["plain", "dash"]), w[1])],
                     r.choice(["独居老人", "出租户", "社区矫正对象", "重点青少年", "困难家庭", "沿街商铺"]), text(),
                     r.choice(["已登记", "已转介至民政办", "持续关注", "已办结", "已上报"]),
                     r.choice(["社区办", "街道综治中心", "网格工作站"])])
    return cols, rows


def t06_chusheng(g: G, n):
    r = g.r
    cols = [col("Column1", note="出生医学证明编号 (letter + 9 digits)"),
            col("Column2", "person_name", "新生儿姓名 (Column headers give no hint)"), col("Column3", note="性别"),
            col("Column4", "birth_date", "出生时间 with hour and minute"), col("Column5", note="出生地点 (hospital)"),
            col("Column6", note="体重 g"), col("Column7", note="身长 cm"),
            col("Column8", "person_name", "母亲姓名: minority names with ‧ ∙ ． - space separators, Dai/Yi/Tibetan"),
            col("Column9", "mixed", "母亲证件: IDs, passports, permits"),
            col("Column10", "person_name", "父亲姓名"), col("Column11", "mixed", "父亲证件"),
            col("Column12", note="签发日期 with hour and minute (not a birth date)"), col("Column13", note="签发机构"),
            col("Column14", "address", "家庭住址: all provinces, 兵团 团/连, 嘎查, 屯/寨")]
    rows = []
    hosp = [f"{(c[2] or c[1])}{c[3]}{r.choice(['妇幼保健院', '人民医院', '中心卫生院'])}" for c in COUNTIES]
    for i in range(n):
        bd = g.date(2022, 2025)
        bt = f"{bd.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}"
        if r.random() < 0.5:
            bt = f"{bd.year}年{bd.month}月{bd.day}日{r.randint(0, 23)}时{r.randint(0, 59)}分"
        father = g.name(0.1, 0.05, 0.1)
        baby_sn = father[:2] if father[:2] in SURN_COMPOUND else father[0]
        baby = baby_sn + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2]))) if r.random() < 0.85 else g.minority()
        ids = []
        for male in (False, True):
            x = r.random()
            if x < 0.9:
                v, _ = id_val(g, ("plain", "plain", "lowx", "fw"), y0=1980, y1=2003, male=male)
            elif x < 0.96:
                p = g.passport()
                v = V("cn_passport", p, p)
            else:
                p = g.hkpermit()
                v = V("hk_macau_permit", p, p)
            ids.append(v)
        sd = bd + dt.timedelta(days=r.randint(1, 60))
        st = f"{sd.isoformat()} {r.randint(8, 17):02d}:{r.randint(0, 59):02d}"
        if r.random() < 0.5:
            st = f"{sd.year}年{sd.month}月{sd.day}日{r.randint(8, 17)}时{r.randint(0, 59)}分"
        rows.append([clean(lambda: r.choice("NOPQRS") + f"{r.randint(0, 999999999):09d}"), [name_val(baby)],
                     r.choice(["男", "女"]), [birth_val(bt)], r.choice(hosp), str(r.randint(2100, 4600)),
                     str(r.randint(45, 56)), [name_val(g.name(0.08, 0.04, 0.3))], [ids[0]], [name_val(father)], [ids[1]],
                     st, r.choice(hosp), [addr_val(g.address(0.2, 0.1))]])
    return cols, rows


def t07_binzang(g: G, n):
    r = g.r
    cols = [col("业务编号"), col("逝者", "person_name", "register word 逝者"), col("逝者性别"),
            col("逝者身份证", "cn_resident_id", "18-digit (some groups of 4) and 15-digit legacy IDs"),
            col("出生日期", "birth_date", "1935.6.4 / 1935年6月4日"),
            col("死亡日期", note="same forms as 出生日期 (not a birth date)"), col("火化日期"), col("火化证号"),
            col("户籍地", "address", "village forms, all provinces"),
            col("经办人", "person_name", "经办人 here is a family member (a natural person)"), col("与逝者关系"),
            col("经办人电话", "cn_mobile", "mixed widths, spaces; some two mobiles in one cell"),
            col("经办人证件", "cn_resident_id"),
            col("骨灰安放", note="cemetery plot (…公墓X区X排X号): not a home address"),
            col("殡仪馆电话", note="organisation phone"), col("惠民减免金额")]
    rows = []
    for i in range(n):
        c = g.county(0.5)
        male = r.random() < 0.55
        if r.random() < 0.12:
            s, d = g.legacy15(1925, 1950, county=c[0])
            did = V("cn_resident_id", s, s)
        else:
            i18, d = g.id18(1925, 1960, county=c[0], male=male)
            did = V("cn_resident_id", g.fmt_id(i18, ["plain", "plain", "g4", "lowx"]), i18)
        death = g.date(2023, 2025)
        f = r.choice(["dot", "cn"])
        agent = g.name(0.1, 0.05, 0.05)
        ph = [mob_val(g, ("plain", "space", "mixw", "fw"))]
        if r.random() < 0.12:
            ph += [P(r.choice(["，", "/", " "])), mob_val(g, ("plain",))]
        aid, _ = id_val(g, ("plain", "plain", "slash"), y0=1950, y1=1995)
        rows.append([clean(lambda: f"BZ{death:%Y%m}{r.randint(0, 9999):04d}"),
                     [name_val(g.name(0.1, 0.05, 0.05))], "男" if male else "女", [did],
                     [birth_val(g.fmt_date(d, f))], g.fmt_date(death, f),
                     g.fmt_date(death + dt.timedelta(days=r.randint(1, 5)), f),
                     clean(lambda: f"火字{death.year}第{r.randint(1, 9999):05d}号"),
                     [addr_val(g.address(0.5, 0.2))], [name_val(agent)], r.choice(["子", "女", "配偶", "孙子", "侄子", "外孙女"]),
                     ph, [aid], f"{r.choice(['仙霞', '九华', '石梁', '长青', '福寿园'])}公墓{r.choice('ABCDEFG')}区{r.randint(1, 40)}排{r.randint(1, 60)}号",
                     g.org_phone(), g.amount(500, 5000)])
    return cols, rows


def t08_jianxi(g: G, n):
    r = g.r
    cols = [col("jxry", "person_name", "见习人员 (pinyin abbrev.)"),
            col("sfzhm", "cn_resident_id", "mixed full/half-width, a line break inside, slashes"),
            col("xl", note="学历"), col("byyx", note="毕业院校"), col("jxdw", note="见习单位: company names with surnames"),
            col("jxdwdm", note="见习单位 USCC"), col("dwlxr", "person_name", "单位联系人 (a natural person)"),
            col("dwdh", note="单位电话: organisation landlines"), col("yddh", "cn_mobile", "移动电话"),
            col("yhkh", "bank_card", "银行卡号: dots in 4s, slashes, newline, full width"),
            col("jxqsrq", note="见习起始日期"), col("jxzzrq", note="见习终止日期"), col("btje", note="补贴金额"),
            col("yjdz", "email", "邮件地址"), col("hjszd", "address", "户籍所在地: all provinces incl. village forms")]
    rows = []
    schools = ["浙江大学", "衢州学院", "浙江工业大学", "衢州职业技术学院", "杭州电子科技大学", "新疆大学", "西藏民族大学", "云南民族大学",
               "延边大学", "内蒙古大学", "广西民族大学", "西南民族大学"]
    firms = [(g.company(), g.uscc(), g.han(0.1, 0.03), g.org_phone()) for _ in range(60)]
    for i in range(n):
        idv, d = id_val(g, ("mixw", "nl", "slash", "plain", "plain", "fw"), y0=1995, y1=2006)
        f = r.choice(firms)
        s = g.date(2024, 2025)
        rows.append([[name_val(g.name(0.1, 0.06, 0.12))], [idv], r.choice(["本科", "大专", "硕士研究生", "中职"]),
                     r.choice(schools), f[0], f[1], [name_val(f[2])], f[3],
                     [mob_val(g, ("plain", "plain", "space", "mixw"))],
                     [card_val(g, ("dot4", "slash4", "nl", "fw", "plain", "g4"))],
                     g.fmt_date(s, "iso"), g.fmt_date(s + dt.timedelta(days=r.choice([90, 180, 365])), "iso"),
                     g.amount(1500, 12000), [email_val(g.email())], [addr_val(g.address(0.2, 0.0))]])
    return cols, rows


def t09_rencai(g: G, n):
    r = g.r
    cols = [col("No."), col("Applicant", "person_name", "Chinese or romanised (Wei-Ming Zhang, LIU Xiaohong, ZHANG, WEI)"),
            col("ID/Passport", "mixed", "IDs, passports, HK/Macau permits"),
            col("Born on", "birth_date", "04.06.1985 and 1985-06-04T00:00:00"),
            col("Spouse", "person_name", "60% filled"), col("Spouse ID", "cn_resident_id"),
            col("Mobile", "cn_mobile"), col("E-mail", "email"), col("Employer"), col("Employer USCC"),
            col("HR Contact Tel", note="organisation phones"), col("Talent Level"),
            col("Apartment", "address", "人才公寓3#-1205 style rooms"),
            col("Lease Start", note="same date forms as Born on"), col("Monthly Rent")]
    rows = []
    firms = [(g.company(), g.uscc(), g.org_phone()) for _ in range(50)]
    apts = ["人才公寓", "青年人才驿站", "人才社区", "国际人才公寓"]
    for i in range(n):
        x = r.random()
        if x < 0.8:
            doc, d = id_val(g, ("plain", "plain", "lowx", "g4"), y0=1975, y1=2000)
        else:
            d = g.date(1975, 2000)
            p = g.passport() if x < 0.92 else g.hkpermit()
            doc = V("cn_passport" if x < 0.92 else "hk_macau_permit", p, p)
        f = r.choice(firms)
        app = g.roman() if r.random() < 0.3 else g.name(0.1, 0.06, 0.06)
        sp = ["", "", ""]
        if r.random() < 0.6:
            sid, _ = id_val(g, ("plain", "g4"), y0=1975, y1=2000)
            sp = [[name_val(g.roman() if r.random() < 0.2 else g.name(0.1, 0.05, 0.05))], [sid]]
        else:
            sp = ["", ""]
        forms = ["dmy_dot", "isoT"]
        rows.append([str(i + 1), [name_val(app)], [doc], [birth_val(g.fmt_date(d, r.choice(forms)))]] + sp +
                    [[mob_val(g, ("plain", "p86", "space"))], [email_val(g.email())], f[0], f[1], f[2],
                     r.choice(["A类", "B类", "C类", "D类", "E类"]),
                     [addr_val(f"{r.choice(LOCAL)[3]}{r.choice(apts)}{r.randint(1, 9)}#-{r.randint(1, 30)}{r.randint(1, 8):02d}"
                               if r.random() < 0.5 else f"{g.estate()}{r.choice(apts)}{r.choice('ABCD')}座{r.randint(2, 30)}{r.randint(1, 12):02d}室")],
                     g.fmt_date(g.date(2022, 2025), r.choice(forms)), str(r.choice([800, 1000, 1200, 1500, 2000]))])
    return cols, rows


def t10_daikuan(g: G, n):
    r = g.r
    cols = [col("借款人", "person_name"), col("借款人证件号码", "cn_resident_id", "ID: prefix outside the label; spaces; groups of 4"),
            col("借款人手机", "cn_mobile"), col("经营实体", note="individual businesses with surnames in the name"),
            col("经营地址", note="business premises (shop address), not a home address"),
            col("还款账户", "bank_card"), col("放款专户", note="corporate accounts (1202/3305…, some pass Luhn)"),
            col("担保人", "mixed", "a natural person or a guarantee company"),
            col("担保人电话", "mixed", "mobile for persons, organisation phone for companies"),
            col("合同编号"), col("放款日期"), col("贴息金额"), col("户籍地址", "address")]
    rows = []
    for i in range(n):
        idv, _ = id_val(g, ("plain", "g4", "fwspace", "lowx"), y0=1965, y1=2002)
        idc = [P("ID:"), idv] if r.random() < 0.3 else [idv]
        sn = r.choice(SURN_COMMON)
        biz = f"{r.choice(LOCAL)[3]}{r.choice(['', '老', '小'])}{sn}{r.choice(['记', '家', ''])}{r.choice(['早餐店', '五金店', '水果店', '理发店', '小吃店', '便利店', '农家乐'])}"
        if r.random() < 0.75:
            guar, gph = [name_val(g.name(0.1, 0.05, 0.04))], [mob_val(g, ("plain", "space"))]
        else:
            guar, gph = f"{r.choice(LOCAL)[2]}{r.choice(['融资担保有限公司', '中小企业融资担保有限公司', '农信融资担保有限公司'])}", g.org_phone()
        rows.append([[name_val(g.name(0.1, 0.05, 0.05))], idc, [mob_val(g, ("plain", "dash", "mixw"))], biz, g.org_address(),
                     [card_val(g, ("plain", "g4", "s613"))], g.corp_account(), guar, gph,
                     clean(lambda: f"衢担贷字〔{r.randint(2022, 2025)}〕第{r.randint(1, 9999):04d}号"),
                     g.fmt_date(g.date(2022, 2025), r.choice(["iso", "cn_pad", "slash_pad"])), g.amount(200, 12000),
                     [addr_val(g.address(0.5, 0.1))]])
    return cols, rows


def t11_nongji(g: G, n):
    r = g.r
    cols = [col("购机者", "mixed", "a farmer (person_name) or a cooperative (company)"),
            col("证件号码", "mixed", "ID for farmers, USCC for cooperatives"),
            col("所在乡镇村", "mixed", "farmers' village address (address) or the cooperative's seat (none)"),
            col("联系电话", "cn_mobile", "手机: prefix, full-width"), col("机具品目"), col("生产企业"), col("机具型号"),
            col("出厂编号"), col("发动机号"), col("补贴金额"),
            col("补贴卡号", "mixed", "farmers' bank cards; cooperatives' corporate accounts (none)"), col("结算日期")]
    rows = []
    for i in range(n):
        c = r.choice(LOCAL)
        vill = f"{c[3]}{g.village()}{r.choice(['镇', '乡'])}{g.village()}村"
        if r.random() < 0.8:
            who = [name_val(g.name(0.12, 0.05, 0.02))]
            idv, _ = id_val(g, ("plain", "plain", "g4", "slash", "lowx"), y0=1950, y1=1995)
            doc = [idv]
            place = [addr_val(vill + r.choice([f"{r.randint(1, 12)}组{r.randint(1, 99)}号", f"{CN_NUM[r.randint(1, 12)]}组", f"{r.randint(1, 200)}号"]))]
            acct = [card_val(g, ("plain", "g4", "dot4"))]
        else:
            who, doc, place, acct = g.coop(), g.uscc(c[0]), vill, g.corp_account()
        rows.append([who, doc, place, [P(r.choice(["手机:", "手机：", ""])), mob_val(g, ("plain", "fw", "space"))],
                     r.choice(["轮式拖拉机", "谷物联合收割机", "插秧机", "植保无人驾驶航空器", "微耕机", "烘干机"]),
                     g.company().replace("有限公司", "机械有限公司"), f"{r.choice(['LX', 'DF', 'SH', 'WR', 'KB'])}-{r.randint(100, 2204)}",
                     clean(lambda: f"{r.randint(2022, 2025)}{r.choice('ABCDEF')}{r.randint(0, 9999999):07d}"),
                     clean(lambda: f"{r.choice(['YC', 'QC', 'LD'])}{r.randint(10000000, 99999999)}"),
                     g.amount(800, 60000), acct, g.fmt_date(g.date(2024, 2025), r.choice(["iso", "slash_pad", "cn"]))])
    return cols, rows


def t12_jiankang(g: G, n):
    r = g.r
    cols = [col("体检编号"), col("姓名", "person_name", "40% rare single or compound surnames"), col("性别"), col("年龄"),
            col("身份证号", "cn_resident_id", "mixed full/half width, full-width spaces"), col("从业单位"), col("行业类别"),
            col("体检日期"), col("发证日期"), col("有效期至"),
            col("健康证号", note="15 digits (county + year + serial), fails the legacy-ID layout"),
            col("体检结论"), col("联系电话", "cn_mobile", "groups 3-4-4 with spaces")]
    rows = []
    firms = [g.company().replace(r.choice(COMPANY_TRADE), r.choice(["餐饮管理", "食品", "酒店管理", "家政服务"])) for _ in range(80)]
    for i in range(n):
        idv, d = id_val(g, ("mixw", "fwspace", "plain", "fw"), y0=1960, y1=2006)
        td = g.date(2024, 2025)
        rows.append([clean(lambda: f"TJ{td:%Y%m%d}{r.randint(0, 9999):04d}"), [name_val(g.name(0.25, 0.15, 0.05))],
                     r.choice(["男", "女"]), str(td.year - d.year), [idv], r.choice(firms),
                     r.choice(["餐饮服务", "食品生产", "公共场所", "药品经营", "化妆品生产"]), g.fmt_date(td, "iso"),
                     g.fmt_date(td + dt.timedelta(days=r.randint(2, 10)), "iso"),
                     g.fmt_date(td + dt.timedelta(days=365), "iso"),
                     clean(lambda: f"{r.choice(LOCAL)[0]}{td.year % 100:02d}{r.randint(0, 9999999):07d}"),
                     r.choice(["合格", "合格", "合格", "复查合格"]), [mob_val(g, ("space", "plain", "space"))]])
    return cols, rows


def t13_tijian(g: G, n):
    r = g.r
    cols = [col("col 1", "cn_resident_id", "学籍号 = G + the pupil's ID: the 18 characters after G are labelled"),
            col("col 2", note="学校"), col("col 3", note="年级"), col("col 4", note="班级"),
            col("col 5", "person_name", "学生姓名: 30% minority / surname-less names"), col("col 6", note="性别"),
            col("col 7", "birth_date", "2012.3.5 / 2012年03月05日 / 2012-3-5"), col("col 8", note="身高"),
            col("col 9", note="体重"), col("col 10", note="视力"),
            col("col 11", note="体检日期 in the same forms as col 7"),
            col("col 12", "person_name", "家长姓名"), col("col 13", "cn_mobile", "家长电话 tel:"),
            col("col 14", "address", "家庭住址")]
    rows = []
    schools = [f"{c[3]}{g.village()}{r.choice(['小学', '中学', '实验学校', '民族中学'])}" for c in COUNTIES]
    for i in range(n):
        c = g.county(0.3)
        i18, d = g.id18(2008, 2018, county=c[0])
        forms = ["dot", "cn_pad", "dash_np"]
        kid = g.minority() if r.random() < 0.3 else g.han(0.1, 0.05)
        rows.append([[P("G"), V("cn_resident_id", i18, i18)], r.choice(schools), f"{r.randint(1, 9)}年级",
                     f"{r.randint(1, 12)}班", [name_val(kid)], r.choice(["男", "女"]),
                     [birth_val(g.fmt_date(d, r.choice(forms)))], f"{r.uniform(110, 180):.1f}", f"{r.uniform(18, 75):.1f}",
                     f"{r.choice(['4.6', '4.8', '5.0', '5.1'])}/{r.choice(['4.6', '4.8', '5.0', '5.1'])}",
                     g.fmt_date(g.date(2024, 2025), r.choice(forms)), [name_val(g.name(0.1, 0.05, 0.08))],
                     [P(r.choice(["tel:", "tel:", ""])), mob_val(g, ("plain", "dash"))], [addr_val(g.address(0.3, 0.2))]])
    return cols, rows


def t14_youke(g: G, n):
    r = g.r
    cols = [col("投诉编号"), col("受理日期"),
            col("投诉人", "person_name", "游客; 15% 王女士/李先生 cells (not PI)"),
            col("联系方式", "mixed", "mobile, landline, e-mail or QQ:"),
            col("被投诉对象", note="travel agencies, hotels, scenic spots"), col("投诉类型"),
            col("投诉内容", "free_text", "free text: 导游/司机/同伴 names, 我叫…, plates of private cars, IDs with slashes, "
                "mobiles tel:; decoys: order numbers, 400 lines, 王某, shop names with surnames", True),
            col("处理结果"), col("承办部门", note="an office")]
    rows = []
    targets = [g.company().replace(r.choice(COMPANY_TRADE), r.choice(["旅行社", "酒店管理", "旅游开发", "客运"])) for _ in range(60)]
    scenic = ["江郎山景区", "根宫佛国", "廿八都古镇", "药王山景区", "龙游石窟", "孔氏南宗家庙", "天脊龙门"]

    def nm():
        return name_val(g.name(0.1, 0.05, 0.05))

    def text():
        k = r.randrange(9)
        if k == 0:
            return [P(f"本人参加{r.choice(targets)}组织的{r.choice(scenic)}一日游，导游"), nm(),
                    P(f"强制购物，要求退还购物款{r.randint(200, 5000)}元。")]
        if k == 1:
            return [P(f"{g.fmt_date(g.date(2024, 2025), 'cn')}入住{r.choice(targets)}，房间与预订不符，订单号"
                      f"{clean(lambda: str(r.randint(10 ** 15, 10 ** 16 - 1)))}，酒店前台电话{g.org_phone()}无人接听。")]
        if k == 2:
            idv, _ = id_val(g, ("slash", "plain", "dot"))
            return [P("我叫"), nm(), P("，身份证"), idv, P(f"，在{r.choice(scenic)}停车场被收取高价停车费，车牌"),
                    plate_val(g, ("plain", "dot", "lower", "fw")), P("。")]
        if k == 3:
            return [P("与同伴"), nm(), P(f"在{r.choice(scenic)}栈道摔伤，要求景区承担医药费，联系tel:"),
                    mob_val(g, ("plain", "dash", "p86")), P("。")]
        if k == 4:
            return [P(f"{r.choice(SURN_COMMON)}女士反映{r.choice(targets)}客服电话{g.org_phone()}无法接通，要求退团费。")]
        if k == 5:
            return [P("旅游大巴司机"), nm(), P(f"途中超速并辱骂游客，车辆为{r.choice(targets)}所有。")]
        if k == 6:
            return [P(f"游客反映在{r.choice(scenic)}购买的门票被{r.choice(SURN_COMMON)}某倒卖，价格虚高。")]
        if k == 7:
            return [P("投诉人母亲"), nm(), P(f"（{r.randint(65, 85)}岁）随团旅游期间突发疾病，导游"), nm(), P("未及时处置。")]
        return [P(f"反映{r.choice(targets)}未按合同约定安排住宿，要求赔偿差价。")]

    for i in range(n):
        if r.random() < 0.15:
            who = f"{r.choice(SURN_COMMON)}{r.choice(['女士', '先生'])}"
        else:
            who = [name_val(g.name(0.1, 0.05, 0.05))]
        x = r.random()
        if x < 0.7:
            ct = [mob_val(g, ("plain", "dash", "p86", "dot"))]
        elif x < 0.8:
            ct = [land_val(g, ("dash", "par", "intl"))]
        elif x < 0.9:
            ct = [email_val(g.email())]
        else:
            q = g.qq()
            ct = [P(r.choice(["QQ:", "QQ ", "qq："])), V("qq_number", q, q)]
        rows.append([clean(lambda: f"LY{r.randint(2024, 2025)}{r.randint(0, 999999):06d}"),
                     g.fmt_date(g.date(2024, 2025), "iso"), who, ct, r.choice(targets + scenic),
                     r.choice(["强制购物", "服务质量", "合同违约", "安全事故", "价格欺诈"]), text(),
                     r.choice(["已调解，退款200元", "已转交属地处理", "不予受理", "调解不成，告知诉讼途径", "已办结"]),
                     r.choice(["市文旅局市场科", "旅游质监所", "区文旅局"])])
    return cols, rows


def t15_gongshang(g: G, n):
    r = g.r
    cols = [col("认定书编号"), col("申请人", "mixed", "the injured worker (person_name) or the employer (company)"),
            col("受伤职工", "person_name"), col("身份证号码", "cn_resident_id"), col("性别"),
            col("出生年月", "birth_date", "year-month only: 1985-06 / Jun 1985 / 1985.06"),
            col("用人单位"), col("单位统一社会信用代码"), col("单位地址", note="organisation address"),
            col("受伤时间", note="date and time (not a birth date)"), col("受伤部位"),
            col("事故经过", "free_text", "short: 工友/班组长/报告人 names, some mobiles", True),
            col("职工联系电话", "cn_mobile", "电话:/手机号 prefixes"), col("职工住址", "address"), col("认定结论")]
    rows = []
    firms = [(g.company(), g.uscc(), g.org_address()) for _ in range(80)]
    for i in range(n):
        f = r.choice(firms)
        w = g.name(0.1, 0.05, 0.06)
        idv, d = id_val(g, ("plain", "plain", "lowx", "dot", "g4"), y0=1960, y1=2004)
        inj = g.date(2023, 2025)
        ws = r.choice(["车间", "工地", "仓库", "厨房", "装卸区"])

        def nm():
            return name_val(g.name(0.1, 0.05, 0.03))
        k = r.randrange(5)
        if k == 0:
            story = [P(f"职工在{ws}作业时被机器压伤左手，工友"), nm(), P("、"), nm(), P(f"将其送往{r.choice(['市人民医院', '区中医院', '骨伤科医院'])}救治。")]
        elif k == 1:
            story = [P("据报告人"), nm(), P(f"（班组长）称，职工在{ws}搬运货物时摔倒。")]
        elif k == 2:
            story = [P(f"上班途中驾驶电动车与机动车发生碰撞，交警认定对方负主要责任。")]
        elif k == 3:
            story = [P(f"职工在{ws}高处作业坠落，现场负责人"), nm(), P("（手机"), mob_val(g, ("plain",)), P("）拨打120。")]
        else:
            story = [P(f"职工在{ws}被烫伤，单位安全员{r.choice(SURN_COMMON)}某立即处置。")]
        app = [name_val(w)] if r.random() < 0.7 else f[0]
        rows.append([clean(lambda: f"衢人社工伤认字〔{inj.year}〕{r.randint(1, 3000):04d}号"), app, [name_val(w)], [idv],
                     r.choice(["男", "女"]), [birth_val(g.fmt_date(d, r.choice(["ym_dash", "mon_y", "ym_dot", "ym_cn"])))],
                     f[0], f[1], f[2], f"{inj.isoformat()} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
                     r.choice(["左手", "右腿", "腰部", "头部", "右手食指"]), story,
                     [P(r.choice(["电话:", "手机号", ""])), mob_val(g, ("plain", "space", "dash"))], [addr_val(g.address(0.4, 0.3))],
                     r.choice(["认定为工伤", "视同工伤", "不予认定工伤"])])
    return cols, rows


def t16_jiaoshi(g: G, n):
    r = g.r
    cols = [col("持证人", "person_name", "register word 持证人; 10% conventionally masked 张* (not PI)"),
            col("教师资格证号", note="17 digits"), col("资格种类"), col("任教学科"),
            col("身份证件号", "cn_resident_id", "70% full IDs; 30% masked by convention first 6 + last 4 (not PI)"),
            col("出生年月日", "birth_date", "1985.06.04 / 19850604"), col("任教学校"), col("学校地址", note="organisation"),
            col("学校电话", note="organisation"), col("注册结论"), col("注册日期", note="same forms as 出生年月日"),
            col("手机", "cn_mobile", "60% full; 40% masked 138****5678 (not PI)")]
    rows = []
    schools = [(f"{c[3]}{g.village()}{r.choice(['小学', '中学', '幼儿园', '职业高级中学'])}", g.org_address(), g.org_phone())
               for c in COUNTIES for _ in range(2)]
    for i in range(n):
        s = r.choice(schools)
        i18, d = g.id18(1965, 2000)
        nmc = g.masked_name() if r.random() < 0.1 else [name_val(g.name(0.12, 0.06, 0.06))]
        idc = (i18[:6] + "********" + i18[14:]) if r.random() < 0.3 else [V("cn_resident_id", g.fmt_id(i18, ["plain", "lowx"]), i18)]
        mb = g.masked_mobile() if r.random() < 0.4 else [mob_val(g, ("plain",))]
        forms = ["dot_pad", "compact"]
        rows.append([nmc, clean(lambda: f"{r.randint(2005, 2023)}{r.choice(COUNTIES)[0][:2]}{r.randint(0, 99999999999):011d}"),
                     r.choice(["小学教师资格", "初级中学教师资格", "高级中学教师资格", "幼儿园教师资格"]),
                     r.choice(["语文", "数学", "英语", "体育", "音乐", "科学", "道德与法治"]), idc,
                     [birth_val(g.fmt_date(d, r.choice(forms)))], s[0], s[1], s[2], r.choice(["合格", "合格", "暂缓注册"]),
                     g.fmt_date(g.date(2020, 2025), r.choice(forms)), mb])
    return cols, rows


def t17_12315(g: G, n):
    r = g.r
    cols = [col("工单号"), col("登记时间"), col("来源"), col("登记人", "person_name", "登记人 = the consumer"),
            col("诉求内容", "free_text", "long free text, 2–4 sentences: 消费者/本人/我父亲/店主/快递员/外卖骑手 names, "
                "☎/tel:/手机: mobiles, landlines, delivery addresses, plates, card numbers, IDs; decoys: order and "
                "waybill numbers, 400 lines, shop names with surnames, 王某, 李女士", True),
            col("涉及主体"), col("主体地址", note="organisation"), col("处理状态"),
            col("经办人", "person_name", "经办人 here is a 12315 staff member (a natural person)")]
    rows = []
    shops = [g.company().replace(r.choice(COMPANY_TRADE), r.choice(["电子商务", "食品", "家电销售", "汽车服务", "装饰工程", "教育培训"]))
             for _ in range(80)]
    staff = [g.han(0.08, 0.03) for _ in range(25)]

    def nm():
        return name_val(g.name(0.12, 0.06, 0.05))

    def sent():
        k = r.randrange(14)
        if k == 0:
            return [P(f"{g.fmt_date(g.date(2024, 2025), 'cn')}在{r.choice(shops)}购买{r.choice(['冰箱', '手机', '电动车', '羽绒服', '奶粉', '预付卡'])}，"
                      f"使用{r.randint(2, 30)}天后出现质量问题，商家拒绝退换。")]
        if k == 1:
            return [P("消费者手机号☎"), mob_val(g, ("plain", "space", "dash", "mixw")), P("，请尽快回电。")]
        if k == 2:
            return [P("收货地址"), addr_val(g.address(0.4, 0.3)), P("，快递员"), nm(), P(f"未经同意将包裹放入驿站，运单号"
                      f"{clean(lambda: r.choice(['SF', 'YT', 'ZTO', 'JD']) + str(r.randint(10 ** 11, 10 ** 13)))}。")]
        if k == 3:
            return [P("店主"), nm(), P(f"称该商品为特价商品不予退货，门店电话{g.org_phone()}。")]
        if k == 4:
            return [P("我父亲"), nm(), P(f"（{r.randint(65, 90)}岁）被推销保健品，花费{r.randint(2000, 30000)}元，付款卡号"),
                    card_val(g, ("plain", "g4", "dot4")), P("。")]
        if k == 5:
            return [P(f"商家客服热线{g.org_phone()}一直占线，订单编号{clean(lambda: str(r.randint(10 ** 17, 10 ** 19)))}。")]
        if k == 6:
            return [P("本人车辆"), plate_val(g, ("plain", "dot", "lower", "fw", "space")), P(f"在{r.choice(shops)}保养后发动机异响，要求免费维修。")]
        if k == 7:
            return [P(f"{r.choice(SURN_COMMON)}女士另反映该店店员态度恶劣。")]
        if k == 8:
            idv, _ = id_val(g, ("slash", "plain", "g4"))
            return [P("办理会员卡时被要求登记身份证"), idv, P("，担心信息泄露。")]
        if k == 9:
            return [P("外卖骑手"), nm(), P("送餐超时且餐品洒漏，平台不予处理。")]
        if k == 10:
            return [P("联系电话tel:"), land_val(g, ("dash", "par", "space")), P("（家），或手机:"), mob_val(g, ("plain", "dot")), P("。")]
        if k == 11:
            return [P(f"涉事员工{r.choice(SURN_COMMON)}某已离职，商家称无法联系。")]
        if k == 12:
            return [P("经了解，"), nm(), P("与商家已就退款达成一致。")]
        return [P(f"要求商家退还货款并赔偿{r.choice(['三倍', '十倍', '500元', '运费'])}。")]

    for i in range(n):
        segs = [P(r.choice(["消费者", "来电人", "网民", ""]))] + [nm(), P("反映：")]
        if r.random() < 0.3:
            segs = [P("匿名消费者反映：")]
        for k in range(r.randint(2, 4)):
            segs += sent()
        t = g.date(2024, 2025)
        rows.append([clean(lambda: f"12315{t:%Y%m%d}{r.randint(0, 99999):05d}"),
                     f"{t.isoformat()} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
                     r.choice(["电话", "全国12315平台", "微信", "信件"]), [name_val(g.name(0.1, 0.05, 0.05))], segs,
                     r.choice(shops), g.org_address(), r.choice(["已办结", "调解成功", "调解不成", "转立案", "处理中"]),
                     [name_val(r.choice(staff))]])
    return cols, rows


def t18_sparse(g: G, n):
    r = g.r
    cols = [col("证照编号", "mixed", "1,000 certificate codes ZS/2024/… holding one slashed ID, one dotted bank card"),
            col("核查说明", "mixed", "notes holding one ☎ mobile, one tel: landline, one passport"),
            col("联系邮箱", "mixed", "organisation mailboxes with one personal e-mail"),
            col("批次号"), col("核查日期"), col("核查单位"), col("对公账号", note="corporate accounts"),
            col("备注", "mixed", "one name after 转交 among notes")]
    rows = []
    pick = r.sample(range(n), 8) if n >= 8 else [-1] * 8
    notes = ["证照信息一致", "有效期已过，需换证", "与登记信息不符，已退回", "原件已核验", "待补充材料", "系统自动核验通过"]
    mails = ["zwfw@kecheng.gov.cn", "sjj@qz.gov.cn", "xzsp@qujiang.gov.cn", "service@zjzwfw.gov.cn", "hcb@qzsc.gov.cn"]
    for i in range(n):
        code = clean(lambda: f"ZS/{r.randint(2019, 2025)}/{r.choice(LOCAL)[0]}{r.randint(0, 99999):05d}")
        note = r.choice(notes)
        mail = r.choice(mails)
        memo = r.choice(["", "", "", "加急", "复核"])
        if i == pick[0]:
            i18, _ = g.id18()
            code = [V("cn_resident_id", g.fmt_id(i18, ["slash"]), i18)]
        if i == pick[1]:
            code = [card_val(g, ("dot4",))]
        if i == pick[2]:
            note = [P("申请人要求电话告知结果☎"), mob_val(g, ("plain",))]
        if i == pick[3]:
            note = [P("已电话通知，tel:"), land_val(g, ("dash",))]
        if i == pick[4]:
            p = g.passport()
            note = [P("另附护照"), V("cn_passport", p, p)]
        if i == pick[5]:
            mail = [email_val(g.email())]
        if i == pick[6]:
            memo = [P("转交"), name_val(g.han(0.1, 0.05)), P("处理")]
        rows.append([code, note, mail, clean(lambda: f"PC{r.randint(2019, 2025)}{r.randint(0, 9999):04d}"),
                     g.fmt_date(g.date(2024, 2025), "iso"), r.choice(["柯城区行政服务中心", "衢江区市场监管局", "市数据局"]),
                     g.corp_account(), memo])
    return cols, rows


def t19_jingxiaoshang(g: G, n):
    r = g.r
    cols = [col("经销商名称", note="company names with surnames"), col("统一社会信用代码"), col("门店地址"),
            col("门店电话"), col("服务热线"), col("对公账号", note="some pass Luhn; 1202/3305/1901/3301 prefixes"),
            col("授权日期"), col("授权编号"), col("经营品牌"), col("经度"), col("纬度")]
    rows = []
    for i in range(n):
        rows.append([g.company().replace("有限公司", "农机有限公司"), g.uscc(), g.org_address(), g.org_phone(),
                     f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}", g.corp_account(),
                     g.fmt_date(g.date(2015, 2025), r.choice(["cn", "iso", "dot_pad", "compact"])),
                     clean(lambda: f"SQ{r.randint(2015, 2025)}{r.randint(0, 999999):06d}"),
                     r.choice(["东方红", "雷沃", "久保田", "沃得", "大疆农业", "极飞"]),
                     f"{r.uniform(118.0, 119.5):.6f}", f"{r.uniform(28.3, 29.5):.6f}"])
    return cols, rows


TABLES = [
    ("01_fangwu_zhengshou_buchang.csv", "csv", "gbk", "房屋征收补偿", t01_zhengshou, 1300,
     "pinyin abbreviations of its own (bzsr, bzsrzj, fwzl, skzh, bzsrdh) (1); slashed/grouped/mixed-width/line-broken IDs, "
     "cards with / . full-width spaces (2); rare/compound surnames, two owners with / (3); local village/estate forms (4); "
     "经办人 as an office, 18-digit 协议编号 starting with a county code, 签约日期 in birth-date forms (8)"),
    ("02_hunyin_dengji_yuyue.xlsx", "xlsx", None, "婚姻登记预约", t02_hunyin, 1200,
     "register words 男方/女方 (1); 证件号 with military IDs, passports, 回乡证 (6); Excel date-time and DD.MM.YYYY births "
     "beside 预约日期 in the same forms (4, 8); (+86)/tel:/mixed-width mobiles (2)"),
    ("03_yishi_zhuce.csv", "csv", "utf-8", "医师执业注册", t03_yishi, 1100,
     "English headers Practitioner / Birthdate / ID Card (1); 4-Jun-1985 forms (4); 27- and 15-digit certificate numbers, "
     "hospital addresses and switchboards, Reg Date (8)"),
    ("04_jiapei_xueyuan.csv", "csv", "utf-8-sig", "驾培学员", t04_jiapei, 1300,
     "pinyin xyxm/sfzmhm/yddh/lxdz/jly, `birth` (1); passports/permits/military IDs among IDs (6); 85年6月4日 (4); "
     "138.1234.5678 (2); 教练员 as PI; driving-school names with surnames, coach-car 学 plates (8)"),
    ("05_wangge_zoufang.csv", "csv", "utf-8", "网格员走访记录", t05_wangge, 1200,
     "free text with new cues (走访对象, 社区矫正对象, 房东/租客, 其女儿, 家属) and no cue (经核实，X已…); ☎/tel:/手机: (5, 2); "
     "decoys 王某/X先生, community phones and office addresses (8)"),
    ("06_chusheng_yixue_zhengming.csv", "csv", "gb18030", "出生医学证明", t06_chusheng, 1300,
     "Column1…Column14 headers (1); birth time with hour/minute (4); mothers' Uyghur names with ‧ ∙ ． - separators, "
     "Dai/Yi/Tibetan/Mongolian surname-less names (3); passports/permits among IDs (6); 签发日期 in the same form (8)"),
    ("07_binzang_fuwu.csv", "csv", "gbk", "殡葬服务", t07_binzang, 1200,
     "register word 逝者, 经办人 as a natural person (1); 15-digit legacy IDs, groups of 4 (2); 死亡/火化日期 in the same "
     "forms as 出生日期, cemetery plots, funeral-home phones (8); two mobiles in a cell (2)"),
    ("08_jiuye_jianxi_butie.csv", "csv", "utf-8", "就业见习补贴", t08_jianxi, 1300,
     "pinyin jxry/sfzhm/dwlxr/yddh/yhkh/yjdz/hjszd (1); mixed-width and line-broken IDs, dotted/slashed/line-broken cards "
     "(2); 单位联系人 PI beside 单位电话 and USCC decoys (8); 12% minority names (3)"),
    ("09_rencai_gongyu.xlsx", "xlsx", None, "人才公寓", t09_rencai, 1000,
     "English headers Applicant / ID/Passport / Born on / Spouse (1); romanised names incl. Wei-Ming Zhang and "
     "ZHANG, WEI (3); passports/permits (6); 04.06.1985 and ISO-T dates beside Lease Start (4, 8); apartment rooms (4)"),
    ("10_chuangye_daikuan_tiexi.csv", "csv", "gb18030", "创业担保贷款贴息", t10_daikuan, 1200,
     "ID: prefix, full-width spaces (2); 担保人 person or company (6); corporate 放款专户 accounts, individual-business "
     "names with surnames, business premises, contract numbers (8)"),
    ("11_nongji_gouzhi_butie.csv", "csv", "gbk", "农机购置补贴", t11_nongji, 1300,
     "mixed person/cooperative rows across 购机者, 证件号码 (ID/USCC), 所在乡镇村, 补贴卡号 (card/corporate account) (6, 8); "
     "手机： prefix, full width (2); factory/engine numbers (8)"),
    ("12_jiankangzheng.csv", "csv", "utf-8-sig", "从业人员健康证", t12_jiankang, 1400,
     "40% rare single and compound surnames under a plain 姓名 header (3); mixed-width IDs (2); 15-digit 健康证号 (8)"),
    ("13_xuesheng_tijian.csv", "csv", "utf-8", "学生体检", t13_tijian, 1300,
     "`col 1…col 14` headers (1); G + ID 学籍号 (2); children's minority names (3); 2012.3.5 births beside 体检日期 in the "
     "same forms (4, 8); tel: mobiles (2)"),
    ("14_youke_tousu.csv", "csv", "utf-8-sig", "游客投诉", t14_youke, 1200,
     "free text with 导游/司机/同伴/我叫/投诉人母亲 (5); 联系方式 mobile/landline (+86-571-…)/e-mail/QQ (6); 王女士 cells (8); "
     "plates lower case / full width / dotted (2)"),
    ("15_gongshang_rending.csv", "csv", "gbk", "工伤认定", t15_gongshang, 1100,
     "申请人 worker or employer (6); year-month births (4); 报告人/工友/负责人 in short text (5); USCC, office addresses, "
     "injury date-times (8)"),
    ("16_jiaoshi_zige_zhuce.csv", "csv", "gb18030", "教师资格定期注册", t16_jiaoshi, 1200,
     "持证人 (1); masked-by-convention 张*, first6+last4 IDs and 138****5678 beside full values in the same columns (8); "
     "17-digit certificate numbers (8); 19850604 births beside 注册日期 (4)"),
    ("17_xiaofei_tousu_12315.csv", "csv", "utf-8", "12315消费投诉", t17_12315, 1300,
     "long free text (5): names after 店主/快递员/外卖骑手/我父亲/经了解，; mobiles ☎/tel:/手机:, landlines, plates, cards, IDs "
     "in sentences (2); order/waybill numbers, 400 lines, shop names, 王某 (8); 经办人 as a natural person (1)"),
    ("18_zhengzhao_hecha_sparse.csv", "csv", "utf-8", "证照核查 (mixed / sparse)", t18_sparse, 1000,
     "one slashed ID and one dotted card among 1,000 certificate codes; one mobile, one landline, one passport among "
     "notes; one personal e-mail among organisation mailboxes; one name in 备注 (6); corporate accounts (8)"),
    ("19_nongji_jingxiaoshang.csv", "csv", "gb18030", "农机经销商名录 (decoys only)", t19_jingxiaoshang, 800,
     "no personal value: company names with surnames, USCC, shop addresses and phones, 400 lines, corporate accounts, "
     "dates, coordinates (8)"),
]


# ============================================================================ build, audit, write
def cell_text(cell) -> str:
    return cell if isinstance(cell, str) else "".join(s[0] for s in cell)


def row_problems(row, enc):
    """Local checks of one generated row (the same as the audit's, used to redraw a row)."""
    for cell in row:
        if isinstance(cell, str):
            if dirty_reason(cell):
                return "dirty plain cell"
            txt = cell
        else:
            txt = cell_text(cell)
            pieces, cur = [], ""
            for t, typ, _ in cell:
                if typ is None:
                    cur += t
                else:
                    pieces.append(cur)
                    cur = ""
            pieces.append(cur)
            for p in pieces:
                if dirty_reason(p):
                    return "dirty remainder"
            for t, typ, _ in cell:
                if typ is not None and txt.count(t) != sum(1 for s in cell if s[0] == t):
                    return "labelled substring repeats"
        if enc in ("gbk", "gb18030"):
            try:
                txt.encode(enc)
            except UnicodeEncodeError:
                return "not encodable"
        if txt.startswith("="):
            return "formula"
    return None


def build(seed: int):
    tables = []
    for ti, (file, fmt, enc, domain, fn, n, note) in enumerate(TABLES):
        rng = random.Random(f"blind4-{seed}-{ti}")
        g = G(rng, enc or "utf-8")
        cols, rows = fn(g, n)
        # redraw rows that fail the local checks (same rng stream: deterministic)
        for k, row in enumerate(rows):
            tries = 0
            while row_problems(row, enc or "utf-8"):
                tries += 1
                if tries > 200:
                    raise RuntimeError(f"{file}: row {k} cannot be drawn clean: {row_problems(row, enc)}")
                _, one = fn(g, 1)
                row = one[0]
                if cols[0]["name"] == "xh" or cols[0]["name"] == "No.":
                    row[0] = str(k + 1)
            rows[k] = row
        tables.append((file, fmt, enc, domain, note, cols, rows))
    return tables


def core_ok(typ, core, text):
    if typ == "cn_resident_id":
        return core is not None and (id_valid(core) or legacy15_valid(core))
    if typ == "bank_card":
        return core is not None and luhn_ok(core) and 16 <= len(core) <= 19 and CARD_PREFIX.match(core)
    if typ == "cn_mobile":
        return core is not None and re.fullmatch(r"1[3-9]\d{9}", core)
    if typ == "cn_landline":
        return core is not None and re.fullmatch(r"0\d{9,11}", core)
    if typ in ("cn_passport", "hk_macau_permit", "qq_number", "cn_license_plate"):
        return core is not None
    return core is None


def audit(tables, outdir: Path, truth: dict):
    """Refuse a corpus that fails: returns a list of problems (empty = pass)."""
    import openpyxl
    probs = []
    for (file, fmt, enc, domain, note, cols, rows), t in zip(tables, truth["tables"]):
        # 1. read the file back as evaluate.py does
        path = outdir / file
        if fmt == "xlsx":
            wb = openpyxl.load_workbook(path, read_only=True)
            ws = wb.active
            got = [["" if v is None else str(v) for v in r] for r in ws.iter_rows(values_only=True)]
        else:
            text = path.read_bytes().decode(enc)
            got = list(csv.reader(io.StringIO(text, newline="")))
        if got[0] != [c["name"] for c in cols]:
            probs.append(f"{file}: header differs on read-back")
        if len(got) - 1 != len(rows):
            probs.append(f"{file}: {len(got) - 1} rows read back, {len(rows)} written")
            continue
        for ri, row in enumerate(rows):
            back = got[ri + 1]
            for ci, cell in enumerate(row):
                if back[ci] != cell_text(cell):
                    probs.append(f"{file}: cell {ri},{ci} differs on read-back")
        # 2. labelled values
        by_cell = {}
        for r_, c_, typ, sub, core in t["values"]:
            by_cell.setdefault((r_, c_), []).append((typ, sub, core))
            txt = got[r_ + 1][c_]
            if sub not in txt:
                probs.append(f"{file}: value not in its cell at {r_},{c_}")
            if not core_ok(typ, core, sub):
                probs.append(f"{file}: {typ} at {r_},{c_} fails its check")
            if core and typ in ("cn_resident_id", "bank_card", "cn_mobile", "qq_number"):
                if "".join(ch for ch in nfkc(sub) if ch.isalnum()).upper() != core.upper() and not (
                        typ == "cn_mobile" and "".join(ch for ch in nfkc(sub) if ch.isdigit()).endswith(core)):
                    probs.append(f"{file}: {typ} at {r_},{c_} display does not carry its core")
        # 3. column labels and remainders
        for ci, c in enumerate(cols):
            types = {typ for (r_, c_), items in by_cell.items() if c_ == ci for typ, _, _ in items}
            if c["label"] == "none" and types:
                probs.append(f"{file} [{c['name']}]: labelled none but holds {types}")
            if c["label"] not in ("none", "mixed", "free_text") and types - {c["label"]}:
                probs.append(f"{file} [{c['name']}]: labelled {c['label']} but holds {types}")
        for ri, row in enumerate(rows):
            for ci, cell in enumerate(row):
                segs = [(cell, None, None)] if isinstance(cell, str) else cell
                rem, pieces = "", []
                for s in segs:
                    if s[1] is None:
                        rem += s[0]
                    else:
                        pieces.append(rem)
                        rem = ""
                pieces.append(rem)
                for p in pieces:
                    why = dirty_reason(p)
                    if why:
                        probs.append(f"{file}: unlabelled identifier ({why}) in row {ri} [{cols[ci]['name']}]")
                joined = "\x00".join(pieces)
                for s in segs:
                    if s[1] is not None and s[0] in joined:
                        probs.append(f"{file}: labelled substring also in the unlabelled rest, row {ri} [{cols[ci]['name']}]")
                if enc in ("gbk", "gb18030"):
                    try:
                        cell_text(cell).encode(enc)
                    except UnicodeEncodeError:
                        probs.append(f"{file}: not encodable in {enc}: row {ri}")
    return probs


def _stable_zip(data: bytes) -> bytes:
    """Rewrite an XLSX zip with fixed timestamps so that a seed gives byte-identical files."""
    import zipfile
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2025-01-01T00:00:00Z", body)
            z.writestr(zi, body)
    return out.getvalue()


def write(tables, outdir: Path, seed: int):
    import openpyxl
    outdir.mkdir(parents=True, exist_ok=True)
    truth = {"corpus": "blind4", "seed": seed, "tables": []}
    for file, fmt, enc, domain, note, cols, rows in tables:
        header = [c["name"] for c in cols]
        texts = [[cell_text(c) for c in row] for row in rows]
        if fmt == "xlsx":
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Sheet1"
            ws.append(header)
            for row in texts:
                ws.append([v if v != "" else None for v in row])
            wb.properties.created = dt.datetime(2025, 1, 1)
            wb.properties.modified = dt.datetime(2025, 1, 1)
            buf = io.BytesIO()
            wb.save(buf)
            (outdir / file).write_bytes(_stable_zip(buf.getvalue()))
        else:
            buf = io.StringIO(newline="")
            w = csv.writer(buf, lineterminator="\r\n")
            w.writerow(header)
            w.writerows(texts)
            (outdir / file).write_bytes(buf.getvalue().encode(enc))
        values = []
        for ri, row in enumerate(rows):
            for ci, cell in enumerate(row):
                if isinstance(cell, str):
                    continue
                for t, typ, core in cell:
                    if typ is not None:
                        values.append([ri, ci, typ, t, core])
        colmeta = []
        for ci, c in enumerate(cols):
            types = sorted({v[2] for v in values if v[1] == ci})
            m = {"name": c["name"], "label": c["label"], "types": types, "note": c["note"]}
            if c["free_text"]:
                m["free_text"] = True
            colmeta.append(m)
        truth["tables"].append({"file": file, "format": fmt, "encoding": enc, "domain": domain, "rows": len(rows),
                                "note": note, "columns": colmeta, "values": values})
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out)
    tables = build(a.seed)
    truth = write(tables, out, a.seed)
    probs = audit(tables, out, truth)
    if probs:
        for p in probs[:50]:
            print("AUDIT FAIL:", p, file=sys.stderr)
        for file, *_ in tables:
            (out / file).unlink(missing_ok=True)
        print(f"refused: {len(probs)} audit problems; no corpus written", file=sys.stderr)
        return 1
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=0), encoding="utf-8")
    from collections import Counter
    cnt = Counter(v[2] for t in truth["tables"] for v in t["values"])
    rows = sum(t["rows"] for t in truth["tables"])
    print(f"{len(tables)} tables, {rows} rows, {sum(cnt.values())} personal values; audit passed")
    print("  " + ", ".join(f"{k} {v}" for k, v in cnt.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
