#!/usr/bin/env python3
"""Blind synthetic PI test corpus: ~15 government-style bare tables + truth.json.

Usage: pii_corpus.py --out DIR [--seed 20261206]

Everything is synthetic: names are assembled from character pools, ID numbers
are generated with valid GB 11643 check digits, bank cards pass Luhn, phones are
random numbers in valid ranges. Administrative division names/codes are public.
truth.json records, per table and column, the PI type(s) of the column and, per
cell, the list of [type, exact substring as written].
"""
import argparse
import csv
import datetime as dt
import json
import os
import random
import string

try:
    from pypinyin import lazy_pinyin
except Exception:  # pragma: no cover
    lazy_pinyin = None

# ----------------------------------------------------------------------------
# Public reference data: provinces / cities / counties with county codes
# (prov, plate abbreviation, [(city, county, code, area code)])
REGIONS = [
    ("北京市", "京", [("", "东城区", "110101", "010"), ("", "朝阳区", "110105", "010"), ("", "海淀区", "110108", "010")]),
    ("天津市", "津", [("", "和平区", "120101", "022"), ("", "南开区", "120104", "022")]),
    ("河北省", "冀", [("石家庄市", "长安区", "130102", "0311"), ("保定市", "竞秀区", "130602", "0312"), ("唐山市", "路北区", "130203", "0315")]),
    ("山西省", "晋", [("太原市", "小店区", "140105", "0351"), ("大同市", "平城区", "140213", "0352")]),
    ("内蒙古自治区", "蒙", [("呼和浩特市", "新城区", "150102", "0471"), ("包头市", "昆都仑区", "150203", "0472")]),
    ("辽宁省", "辽", [("沈阳市", "和平区", "210102", "024"), ("大连市", "中山区", "210202", "0411")]),
    ("吉林省", "吉", [("长春市", "朝阳区", "220104", "0431"), ("吉林市", "船营区", "220204", "0432")]),
    ("黑龙江省", "黑", [("哈尔滨市", "南岗区", "230103", "0451"), ("齐齐哈尔市", "龙沙区", "230202", "0452")]),
    ("上海市", "沪", [("", "徐汇区", "310104", "021"), ("", "浦东新区", "310115", "021")]),
    ("江苏省", "苏", [("南京市", "玄武区", "320102", "025"), ("苏州市", "姑苏区", "320508", "0512"), ("无锡市", "梁溪区", "320213", "0510")]),
    ("浙江省", "浙", [("杭州市", "西湖区", "330106", "0571"), ("衢州市", "柯城区", "330802", "0570"), ("宁波市", "海曙区", "330203", "0574"),
                   ("温州市", "鹿城区", "330302", "0577"), ("丽水市", "莲都区", "331102", "0578")]),
    ("安徽省", "皖", [("合肥市", "蜀山区", "340104", "0551"), ("芜湖市", "镜湖区", "340202", "0553")]),
    ("福建省", "闽", [("福州市", "鼓楼区", "350102", "0591"), ("厦门市", "思明区", "350203", "0592")]),
    ("江西省", "赣", [("南昌市", "东湖区", "360102", "0791"), ("赣州市", "章贡区", "360702", "0797")]),
    ("山东省", "鲁", [("济南市", "历下区", "370102", "0531"), ("青岛市", "市南区", "370202", "0532")]),
    ("河南省", "豫", [("郑州市", "金水区", "410105", "0371"), ("洛阳市", "西工区", "410303", "0379")]),
    ("湖北省", "鄂", [("武汉市", "武昌区", "420106", "027"), ("宜昌市", "西陵区", "420502", "0717")]),
    ("湖南省", "湘", [("长沙市", "岳麓区", "430104", "0731"), ("湘西土家族苗族自治州", "吉首市", "433101", "0743")]),
    ("广东省", "粤", [("广州市", "天河区", "440106", "020"), ("深圳市", "南山区", "440305", "0755"), ("汕头市", "金平区", "440511", "0754")]),
    ("广西壮族自治区", "桂", [("南宁市", "青秀区", "450103", "0771"), ("桂林市", "秀峰区", "450302", "0773")]),
    ("海南省", "琼", [("海口市", "龙华区", "460106", "0898"), ("三亚市", "吉阳区", "460203", "0898")]),
    ("重庆市", "渝", [("", "渝中区", "500103", "023"), ("", "万州区", "500101", "023")]),
    ("四川省", "川", [("成都市", "武侯区", "510107", "028"), ("凉山彝族自治州", "昭觉县", "513431", "0834"), ("甘孜藏族自治州", "康定市", "513301", "0836")]),
    ("贵州省", "贵", [("贵阳市", "南明区", "520102", "0851"), ("遵义市", "红花岗区", "520302", "0851")]),
    ("云南省", "云", [("昆明市", "五华区", "530102", "0871"), ("大理白族自治州", "大理市", "532901", "0872")]),
    ("西藏自治区", "藏", [("拉萨市", "城关区", "540102", "0891"), ("日喀则市", "桑珠孜区", "540202", "0892")]),
    ("陕西省", "陕", [("西安市", "雁塔区", "610113", "029"), ("宝鸡市", "渭滨区", "610302", "0917")]),
    ("甘肃省", "甘", [("兰州市", "城关区", "620102", "0931"), ("天水市", "秦州区", "620502", "0938")]),
    ("青海省", "青", [("西宁市", "城中区", "630103", "0971"), ("海东市", "乐都区", "630202", "0972")]),
    ("宁夏回族自治区", "宁", [("银川市", "兴庆区", "640104", "0951"), ("吴忠市", "利通区", "640302", "0953")]),
    ("新疆维吾尔自治区", "新", [("乌鲁木齐市", "天山区", "650102", "0991"), ("喀什地区", "喀什市", "653101", "0998"), ("伊犁哈萨克自治州", "伊宁市", "654002", "0999")]),
]
FLAT = [(p, ab, c, co, code, ac) for p, ab, lst in REGIONS for (c, co, code, ac) in lst]

COMMON_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE_SURNAMES = list("傅阎萧赖洪郦竺宓亓戚岑滕甄闵阙奚蔺璩禚芮晏邬瞿柏冼糜芦麻佘幸隗靳訾仇褚乜逄郗轩蒯厍")
COMPOUND_SURNAMES = ["闻人", "端木", "皇甫", "欧阳", "司马", "诸葛", "上官", "东方", "慕容", "令狐", "尉迟", "夏侯", "公孙",
                     "长孙", "宇文", "澹台", "司徒", "申屠", "轩辕", "独孤", "南宫", "呼延"]
GIVEN_CHARS = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红玉兰梅凤琴云莲真环雪荣爱妹香月莺媛"
                   "瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴"
                   "蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽"
                   "斌彬博诚德栋飞峰海浩鸿辉佳俊凯康亮林民鹏琦群睿森顺松泰伟文翔旭雪轩彦毅永宇振哲智子梓浩然轩宸皓辰煜泽")
UYGHUR_GIVEN = ["阿卜杜拉", "买买提", "艾力", "阿依古丽", "古丽娜尔", "热依拉", "努尔兰", "叶尔兰", "阿斯哈尔", "吐尔逊", "艾尔肯",
                "帕提古丽", "木合塔尔", "依明", "努尔江", "哈力克", "热合曼", "阿力木", "赛买提", "巴合提亚尔", "加娜尔", "古力米热",
                "阿不都热西提", "玉素甫", "托合提", "斯马义", "吾斯曼", "阿迪力", "叶尔江", "别克", "波拉提", "哈那提", "阿依达娜",
                "米日古丽", "麦尔丹", "祖丽菲娅", "卡德尔", "努尔古丽", "阿合买提", "沙吾列", "吐尔洪", "再努尔"]
TIBETAN = ["扎西", "次仁", "顿珠", "卓玛", "格桑", "拉姆", "多吉", "央金", "平措", "旺堆", "索朗", "德吉", "尼玛", "普布", "达瓦",
           "边巴", "白玛", "洛桑", "强巴", "曲珍", "措姆", "丹增", "益西", "旦增", "巴桑", "嘎玛", "贡布", "仁青", "群培", "琼达"]
YI_FAMILY = ["阿牛", "吉克", "阿苏", "沙马", "俄木", "曲比", "海来", "勒格", "吉伍", "阿尔", "马海", "阿约", "日火"]
YI_GIVEN = ["木呷", "阿依", "日哈", "尔古", "伍呷", "拉哈", "石布", "约达", "阿呷", "木果", "依洛", "克惹", "么扎", "拉则"]
ROADS = ["解放路", "人民路", "中山路", "建设路", "文化路", "和平路", "新华路", "胜利路", "朝阳路", "滨江路", "延安路", "长江路",
         "黄河路", "学院路", "复兴路", "环城北路", "体育场路", "文三路", "凤起路", "庆春路", "湖滨路", "工农路", "振兴大道", "钱江路",
         "跃进路", "幸福南路", "青年路", "光明街", "团结路", "东风路", "西湖大道", "花园路"]
PLACE_CHARS = list("东西南北新安兴平和丰泰华阳山河桥溪湾塘湖岭坪坝田口庄沟家集店营屯寨港沙石林竹梅桃李杏柳松枫金银玉翠清明宁顺福寿康乐")
ESTATE_SUFFIX = ["小区", "花园", "家园", "新村", "苑", "公寓", "嘉园", "府"]
EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "sohu.com", "gmail.com", "outlook.com", "hotmail.com", "foxmail.com",
                 "139.com", "yeah.net", "aliyun.com"]
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152", "153",
                 "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177", "178", "180", "181", "182",
                 "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "196", "197", "198", "199"]
MONTHS_EN = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
FW = str.maketrans("0123456789", "０１２３４５６７８９")

ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_check(body17):
    s = sum(int(c) * w for c, w in zip(body17, ID_W))
    return "10X98765432"[s % 11]


def luhn_check_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(num):
    return luhn_check_digit(num[:-1]) == num[-1]


def org_code(rng):
    body = "".join(rng.choice(string.digits + "ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
    w = [3, 7, 9, 10, 5, 8, 4, 2]
    vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body]
    c9 = 11 - sum(v * x for v, x in zip(vals, w)) % 11
    return body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))


def uscc(rng, region_code):
    body = rng.choice(["91", "92", "93", "12", "52", "11", "51"]) + region_code + org_code(rng)
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body, USCC_W))
    c = 31 - s % 31
    return body + USCC_CHARS[0 if c == 31 else c]


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self._used_names = set()

    # ---------------- names
    def han_given(self):
        r = self.r
        return r.choice(GIVEN_CHARS) + (r.choice(GIVEN_CHARS) if r.random() < 0.7 else "")

    def name(self, kind=None, gbk=False):
        r = self.r
        if kind is None:
            x = r.random()
            kind = ("common" if x < 0.72 else "rare" if x < 0.82 else "compound" if x < 0.88 else
                    "uyghur" if x < 0.93 else "tibetan" if x < 0.97 else "yi")
        if kind == "rare_any":
            kind = r.choice(["rare", "compound", "uyghur", "tibetan", "yi"])
        if kind == "common":
            return r.choice(COMMON_SURNAMES) + self.han_given()
        if kind == "rare":
            return r.choice(RARE_SURNAMES) + self.han_given()
        if kind == "compound":
            return r.choice(COMPOUND_SURNAMES) + self.han_given()
        if kind == "uyghur":
            seps = ["·", ".", ""] if gbk else ["·", "·", "•", ".", "・", ""]
            a, b = r.sample(UYGHUR_GIVEN, 2)
            return a + r.choice(seps) + b
        if kind == "tibetan":
            a, b = r.sample(TIBETAN, 2)
            return a + b
        if kind == "yi":
            return r.choice(YI_FAMILY) + r.choice(YI_GIVEN)
        raise ValueError(kind)

    def roman(self, han):
        py = lazy_pinyin(han) if lazy_pinyin else ["zhang", "wei"]
        r = self.r
        if any(han.startswith(c) for c in COMPOUND_SURNAMES):
            sur, giv = "".join(py[:2]), "".join(py[2:])
        else:
            sur, giv = py[0], "".join(py[1:])
        sur, giv = sur.capitalize(), giv.capitalize()
        f = r.random()
        if f < 0.4:
            return f"{sur} {giv}"
        if f < 0.65:
            return f"{sur.upper()} {giv}"
        if f < 0.85:
            return f"{giv} {sur}"
        return f"{sur.upper()}, {giv}"

    # ---------------- dates
    def birth(self, y0=1935, y1=2012):
        r = self.r
        d0 = dt.date(y0, 1, 1).toordinal()
        d1 = dt.date(y1, 12, 31).toordinal()
        return dt.date.fromordinal(r.randint(d0, d1))

    def fmt_date(self, d, style=None):
        r = self.r
        style = style or r.choice(["iso", "compact", "cn", "slash", "en", "dot"])
        if style == "iso":
            return d.isoformat()
        if style == "compact":
            return d.strftime("%Y%m%d")
        if style == "cn":
            return f"{d.year}年{d.month}月{d.day}日"
        if style == "slash":
            return f"{d.year}/{d.month}/{d.day}"
        if style == "en":
            return f"{d.day:02d} {MONTHS_EN[d.month - 1]} {d.year}"
        if style == "dot":
            return f"{d.year}.{d.month:02d}.{d.day:02d}"
        raise ValueError(style)

    # ---------------- identifiers
    def region(self):
        return self.r.choice(FLAT)

    def resident_id(self, birth=None, code=None, force_x=False, sex=None):
        r = self.r
        birth = birth or self.birth()
        code = code or self.region()[4]
        for _ in range(200):
            seq = r.randint(0, 999)
            if sex is not None and seq % 2 != (1 if sex == "男" else 0):
                seq = (seq + 1) % 1000
            body = code + birth.strftime("%Y%m%d") + f"{seq:03d}"
            c = id_check(body)
            if not force_x or c == "X":
                return body + c
        return body + c

    def legacy_id(self, birth=None):
        birth = birth or self.birth(1930, 1999)
        if birth.year > 1999 or birth.year < 1900:
            birth = birth.replace(year=1960 + birth.year % 40)
        return self.region()[4] + birth.strftime("%y%m%d") + f"{self.r.randint(0, 999):03d}"

    def fmt_id(self, idn, p_variant=0.3):
        """Return the ID number as a person might write it."""
        r = self.r
        if r.random() >= p_variant:
            return idn
        v = r.choice(["space", "dash", "fw", "lowx", "space2"])
        if v == "space":
            return f"{idn[:6]} {idn[6:14]} {idn[14:]}"
        if v == "space2":
            return f"{idn[:6]} {idn[6:10]} {idn[10:14]} {idn[14:]}"
        if v == "dash":
            return f"{idn[:6]}-{idn[6:14]}-{idn[14:]}"
        if v == "fw":
            return idn.translate(FW)
        if v == "lowx":
            return idn[:-1] + idn[-1].lower() if idn.endswith("X") else f"{idn[:6]} {idn[6:14]} {idn[14:]}"
        return idn

    def mobile(self):
        return self.r.choice(MOBILE_PREFIX) + "".join(self.r.choice(string.digits) for _ in range(8))

    def fmt_mobile(self, m, p_variant=0.3):
        r = self.r
        if r.random() >= p_variant:
            return m
        v = r.choice(["+86", "+86s", "0086", "86-", "3-4-4", "dash", "fw"])
        if v == "+86":
            return "+86" + m
        if v == "+86s":
            return "+86 " + m
        if v == "0086":
            return "0086-" + m
        if v == "86-":
            return "86-" + m
        if v == "3-4-4":
            return f"{m[:3]} {m[3:7]} {m[7:]}"
        if v == "dash":
            return f"{m[:3]}-{m[3:7]}-{m[7:]}"
        return m.translate(FW)

    def landline(self, ac=None, ext_p=0.15, p_variant=0.5):
        r = self.r
        ac = ac or self.region()[5]
        n = (7 if len(ac) == 4 and r.random() < 0.3 else 8)
        local = str(r.randint(2, 8)) + "".join(r.choice(string.digits) for _ in range(n - 1))
        if r.random() < p_variant:
            v = r.choice(["paren", "space", "plain", "local", "+86"])
            s = {"paren": f"({ac}){local}", "space": f"{ac} {local}", "plain": ac + local,
                 "local": local if n == 8 else f"{ac}-{local}", "+86": f"+86-{ac[1:]}-{local}"}[v]
        else:
            s = f"{ac}-{local}"
        if r.random() < ext_p:
            s += r.choice(["转", " 转 ", "-", "转分机"]) + str(r.randint(100, 9999))
        return s

    def email(self, han=None):
        r = self.r
        if han and lazy_pinyin and r.random() < 0.7:
            py = lazy_pinyin(han)
            user = r.choice(["".join(py), py[0] + "".join(p[0] for p in py[1:]), "".join(p[0] for p in py),
                             py[0] + "." + "".join(py[1:])])
            user = "".join(ch for ch in user if ch.isascii() and (ch.isalnum() or ch in "._"))
            if r.random() < 0.6:
                user += str(r.randint(1, 2024))
        elif r.random() < 0.4:
            user = str(r.randint(10000, 3999999999))
        else:
            user = "".join(r.choice(string.ascii_lowercase) for _ in range(r.randint(4, 9))) + str(r.randint(0, 99))
        return (user or "user") + "@" + r.choice(EMAIL_DOMAINS)

    def bank_card(self):
        r = self.r
        kind = r.choices(["up16", "up19", "visa", "mc"], [5, 4, 1, 1])[0]
        if kind == "up16":
            pre, n = "62" + r.choice(["2202", "2848", "2700", "2588", "1700", "2575", "2622", "1483"]), 16
        elif kind == "up19":
            pre, n = "62" + r.choice(["1226", "2848", "1799", "2908", "1558", "1661"]), 19
        elif kind == "visa":
            pre, n = "4" + r.choice(["03391", "27020", "56351", "38088", "18205"]), 16
        else:
            pre, n = "5" + r.choice(["1", "2", "3", "4", "5"]) + r.choice(["8888", "2101", "5689", "1234", "4670"]), 16
        body = pre + "".join(r.choice(string.digits) for _ in range(n - len(pre) - 1))
        return body + luhn_check_digit(body)

    def fmt_card(self, c, p_variant=0.3):
        r = self.r
        if r.random() >= p_variant:
            return c
        sep = r.choice([" ", " ", "-"])
        return sep.join(c[i:i + 4] for i in range(0, len(c), 4))

    def passport(self):
        r = self.r
        if r.random() < 0.6:
            return "E" + "".join(r.choice(string.digits) for _ in range(8))
        return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(r.choice(string.digits) for _ in range(7))

    def plate(self, abbr=None, p_variant=0.3):
        r = self.r
        abbr = abbr or self.region()[1]
        letter = r.choice("ABCDEFGHJKLMNPQRS")
        if r.random() < 0.15:  # new energy
            tail = r.choice("DF") + "".join(r.choice(string.digits) for _ in range(5))
        else:
            pool = string.digits * 3 + "ABCDEFGHJKLMNPQRSTUVWXYZ"
            tail = "".join(r.choice(pool) for _ in range(5))
        if r.random() < p_variant:
            return abbr + letter + r.choice(["·", " ", "·"]) + tail
        return abbr + letter + tail

    def ip(self):
        r = self.r
        if r.random() < 0.08:
            return "2409:8a28:%x:%x::%x" % (r.randint(0, 65535), r.randint(0, 65535), r.randint(1, 65535))
        first = r.choice([36, 39, 58, 59, 60, 61, 101, 106, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123,
                          124, 125, 175, 180, 182, 183, 202, 211, 218, 219, 220, 221, 222, 223, 10, 192])
        if first == 192:
            return f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}"
        return f"{first}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"

    # ---------------- addresses
    def place(self, n=2):
        return "".join(self.r.choice(PLACE_CHARS) for _ in range(n))

    def estate(self):
        return self.place(2) + self.r.choice(ESTATE_SUFFIX)

    def address(self, style=None, region=None, with_prov=None):
        r = self.r
        p, ab, c, co, code, ac = region or self.region()
        with_prov = r.random() < 0.6 if with_prov is None else with_prov
        head = (p + c if with_prov else c) + co
        if p in ("北京市", "天津市", "上海市", "重庆市") and not with_prov:
            head = co
        style = style or r.choice(["full", "full", "village", "estate_short", "road"])
        if style == "full":
            return (head + r.choice(ROADS) + f"{r.randint(1, 999)}号" + self.estate() +
                    f"{r.randint(1, 30)}幢{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}室")
        if style == "village":
            town = self.place(2) + r.choice(["镇", "乡", "镇", "街道"])
            return head + town + self.place(2) + "村" + r.choice(["", f"{r.randint(1, 12)}组", f"{r.randint(1, 9)}组"]) + \
                f"{r.randint(1, 199)}号"
        if style == "estate_short":
            pre = r.choice(["", co, c + co if c else co])
            return pre + self.estate() + f"{r.randint(1, 30)}-{r.randint(1, 6)}-{r.randint(1, 33)}{r.randint(1, 4):02d}"
        if style == "road":
            return head + r.choice(ROADS) + f"{r.randint(1, 999)}号{r.randint(1, 20)}{r.randint(1, 4):02d}室"
        raise ValueError(style)

    def org_address(self, region=None):
        r = self.r
        p, ab, c, co, code, ac = region or self.region()
        return (r.choice([p + c, c, ""]) + co + r.choice(ROADS) + f"{r.randint(1, 999)}号" +
                r.choice(["", self.place(2) + "大厦" + f"{r.randint(2, 28)}楼", "行政中心", f"{r.randint(1, 9)}号楼",
                          self.place(2) + "科技园"]))

    def company(self, region=None):
        r = self.r
        p, ab, c, co, code, ac = region or self.region()
        city = (c or p).replace("市", "").replace("地区", "")
        return (r.choice([city, co.rstrip("区县市"), ""]) + self.place(2) +
                r.choice(["科技", "贸易", "建设工程", "餐饮管理", "物流", "农业开发", "电子商务", "医疗器械", "文化传媒", "机械制造"]) +
                r.choice(["有限公司", "有限责任公司", "股份有限公司", "合作社", "经营部"]))

    def corp_account(self):
        r = self.r
        n = r.randint(12, 19)
        return str(r.randint(1, 9)) + "".join(r.choice(string.digits) for _ in range(n - 1))


# ----------------------------------------------------------------------------
class Table:
    def __init__(self, name, title, fmt="csv", encoding="utf-8"):
        self.name, self.title, self.fmt, self.encoding = name, title, fmt, encoding
        self.headers = []
        self.rows = []  # list of list of str
        self.spans = []  # list of dict col_idx -> [(type, sub)]

    def add(self, cells):
        """cells: list of str or (text, [(type, sub), ...])"""
        row, sp = [], {}
        for i, c in enumerate(cells):
            if isinstance(c, tuple):
                text, spans = c
                for t, s in spans:
                    assert s and s in text, (self.name, t, s, text)
                if spans:
                    sp[i] = [list(x) for x in spans]
                row.append(text)
            else:
                row.append("" if c is None else str(c))
        self.rows.append(row)
        self.spans.append(sp)


def P(t, text):
    """A cell wholly holding one PI value."""
    return (text, [(t, text)]) if text else ("", [])


def build(seed):
    g = Gen(seed)
    r = g.r
    tables = []

    # ---- T01 household register (GB18030): pinyin headers, 成员姓名 half rare names
    t = Table("t01_hjrk_hukou", "户籍人口登记表", encoding="gb18030")
    t.headers = ["hh", "成员姓名", "yhzgx", "xb", "mz", "sfzh", "csrq", "hjdz", "lxdh", "djrq"]
    hh = 0
    while len(t.rows) < 1300:
        hh += 1
        reg = g.region()
        home = g.address(region=reg, style=r.choice(["village", "village", "full", "estate_short"]))
        hhno = f"{reg[4]}{hh:06d}"
        for j in range(r.randint(1, 5)):
            kind = "rare_any" if r.random() < 0.5 else "common"
            nm = g.name(kind)
            sex = r.choice("男女")
            b = g.birth()
            if r.random() < 0.06:
                idn = g.legacy_id(b)
            else:
                idn = g.resident_id(b, reg[4], force_x=r.random() < 0.08, sex=sex)
            idw = g.fmt_id(idn, 0.35)
            ph = g.fmt_mobile(g.mobile(), 0.3) if r.random() < 0.6 else ""
            t.add([hhno, P("person_name", nm), "户主" if j == 0 else r.choice(["配偶", "子", "女", "父亲", "母亲", "孙子", "儿媳"]),
                   sex, r.choice(["汉族", "汉族", "汉族", "回族", "维吾尔族", "藏族", "彝族", "壮族", "哈萨克族"]),
                   P("cn_resident_id", idw), P("birth_date", g.fmt_date(b)), P("address", home), P("cn_mobile", ph),
                   g.fmt_date(dt.date(2026, 1, 1) - dt.timedelta(days=r.randint(0, 4000)), "iso")])
    tables.append(t)

    # ---- T02 subsistence allowance roster (GBK): 户名, 证件号码 with legacy 15-digit and lower-case x, grouped bank cards
    t = Table("t02_dibao_mingce", "城乡最低生活保障对象名册", encoding="gbk")
    t.headers = ["序号", "户名", "证件号码", "家庭人数", "保障金额（元）", "开户银行", "银行卡号", "zz", "监护人", "联系电话"]
    banks = ["农村信用社", "中国农业银行", "中国邮政储蓄银行", "中国建设银行", "农商银行", "中国工商银行"]
    for i in range(1200):
        reg = g.region()
        b = g.birth(1930, 1990)
        idn = g.legacy_id(b) if r.random() < 0.2 else g.resident_id(b, reg[4], force_x=r.random() < 0.2)
        if idn.endswith("X") and r.random() < 0.6:
            idw = idn[:-1] + "x"
        else:
            idw = g.fmt_id(idn, 0.2)
        card = g.bank_card()
        cardw = g.fmt_card(card, 0.7)  # most of the column grouped
        guardian = P("person_name", g.name(gbk=True)) if r.random() < 0.3 else ""
        ph = g.mobile() if r.random() < 0.7 else g.landline(reg[5], 0.05, 0.3)
        pht = "cn_mobile" if ph.startswith("1") and "-" not in ph and len(ph) == 11 else "cn_landline"
        t.add([str(i + 1), P("person_name", g.name(gbk=True)), P("cn_resident_id", idw), str(r.randint(1, 6)),
               f"{r.choice([580, 620, 735, 810, 960, 1120, 1465]) * r.randint(1, 3)}.00", r.choice(banks), P("bank_card", cardw),
               P("address", g.address(region=reg, style=r.choice(["village", "village", "road"]))), guardian,
               P(pht, g.fmt_mobile(ph, 0.2) if pht == "cn_mobile" else ph)])
    tables.append(t)

    # ---- T03 motor vehicle register: 车主, plates, zjhm, 联系方式 mixed mobile/landline/two phones
    t = Table("t03_jdc_dengji", "机动车登记信息")
    t.headers = ["clxh", "号牌号码", "号牌种类", "车主", "zjhm", "联系方式", "zsdz", "ccdjrq", "车辆品牌", "排量"]
    for i in range(1200):
        reg = g.region()
        plate = g.plate(reg[1], 0.55)
        owner_company = r.random() < 0.1
        if owner_company:
            owner, zj = g.company(reg), uscc(r, reg[4])
            owner_cell, zj_cell = owner, zj
            addr_cell = g.org_address(reg)
        else:
            owner_cell = P("person_name", g.name())
            zj_cell = P("cn_resident_id", g.fmt_id(g.resident_id(), 0.3))
            addr_cell = P("address", g.address(region=reg))
        x = r.random()
        if x < 0.6:
            m = g.fmt_mobile(g.mobile(), 0.3)
            ph = P("cn_mobile", m)
        elif x < 0.8:
            ll = g.landline(reg[5])
            ph = P("cn_landline", ll)
        else:
            m1, m2 = g.mobile(), (g.mobile() if r.random() < 0.5 else g.landline(reg[5], 0, 0.2))
            sep = r.choice(["/", "，", " ", "；", "、"])
            t2 = "cn_mobile" if m2.isdigit() and len(m2) == 11 and m2[0] == "1" else "cn_landline"
            ph = (m1 + sep + m2, [("cn_mobile", m1), (t2, m2)])
        t.add([f"L{r.randint(10**15, 10**16 - 1)}", P("cn_license_plate", plate), r.choice(["小型汽车", "小型汽车", "大型汽车", "新能源小型车"]),
               owner_cell, zj_cell, ph, addr_cell, g.fmt_date(dt.date(2026, 6, 1) - dt.timedelta(days=r.randint(0, 7000)), "iso"),
               r.choice(["大众", "丰田", "比亚迪", "吉利", "本田", "长安", "五菱", "特斯拉", "蔚来"]), r.choice(["1.5L", "1.6L", "2.0T", "电动"])])
    tables.append(t)

    # ---- T04 traffic violations (GBK): 驾驶人, 驾驶证号 (=ID), plate with space, 违法地点 (road section, not a dwelling)
    t = Table("t04_jtwf_violation", "道路交通违法处理记录", encoding="gbk")
    t.headers = ["jdsbh", "驾驶人", "驾驶证号", "所有人", "号牌号码", "违法时间", "违法地点", "违法行为", "罚款金额", "记分"]
    for i in range(1500):
        reg = g.region()
        t.add([f"{reg[4]}{r.randint(10**9, 10**10 - 1)}", P("person_name", g.name(gbk=True)),
               P("cn_resident_id", g.fmt_id(g.resident_id(g.birth(1950, 2006)), 0.25)),
               (P("person_name", g.name(gbk=True)) if r.random() < 0.3 else (g.company(reg) if r.random() < 0.3 else "")),
               P("cn_license_plate", g.plate(reg[1], 0.4)),
               f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}",
               r.choice(["G60沪昆高速", "G25长深高速", "S2杭甬高速", "104国道", "320国道"]) + f"K{r.randint(1, 900)}+{r.randint(0, 9)}00",
               r.choice(["超速20%以下", "闯红灯", "未按规定停车", "违反禁止标线", "未系安全带"]),
               str(r.choice([50, 100, 150, 200])), str(r.choice([0, 1, 3, 6]))])
    tables.append(t)

    # ---- T05 12345 hotline work orders: long free text with cues
    t = Table("t05_12345_gongdan", "12345政务服务便民热线工单")
    t.headers = ["工单编号", "来电时间", "来电人", "来电号码", "诉求类型", "诉求内容", "承办单位", "单位电话", "办结日期"]
    units = ["城管局", "住建局", "市场监管局", "交通运输局", "卫健委", "人社局", "公安分局", "生态环境局", "街道办事处"]
    for i in range(2000):
        reg = g.region()
        caller = g.name()
        x = r.random()
        if x < 0.55:
            num = g.fmt_mobile(g.mobile(), 0.35)
            numc = P("cn_mobile", num)
        else:
            num = g.landline(reg[5], 0.1, 0.5)
            numc = P("cn_landline", num)
        text, spans = hotline_text(g, caller, reg)
        caller_cell = P("person_name", caller) if r.random() < 0.8 else (r.choice(["匿名", "", "不愿透露"]))
        unit = (reg[3] if r.random() < 0.5 else (reg[2] or reg[0])) + r.choice(units)
        t.add([f"GD{2026}{r.randint(1, 11):02d}{i:06d}", f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d} {r.randint(7, 22):02d}:{r.randint(0, 59):02d}",
               caller_cell, numc, r.choice(["投诉", "求助", "咨询", "建议", "举报"]), (text, spans), unit,
               g.landline(reg[5], 0, 0.1) if r.random() < 0.7 else "12345", g.fmt_date(dt.date(2026, 11, 30) - dt.timedelta(days=r.randint(0, 300)), "iso")])
    tables.append(t)

    # ---- T06 English HR sheet (XLSX): romanised names, DOB "30 AUG 1959", passports
    t = Table("t06_hr_roster_en", "Staff roster (English export)", fmt="xlsx")
    t.headers = ["Employee ID", "Employee Name", "Gender", "DOB", "Mobile", "Email", "Home Address", "Passport No", "Department", "Hire Date"]
    for i in range(700):
        han = g.name(r.choice(["common", "common", "common", "rare", "compound"]))
        rom = g.roman(han)
        b = g.birth(1955, 2003)
        m = g.mobile()
        mw = r.choice(["+86 " + m, "+86-" + m, "+86" + m, m, f"+86 {m[:3]} {m[3:7]} {m[7:]}", "0086 " + m])
        t.add([f"EMP{10000 + i}", P("person_name", rom), r.choice(["M", "F"]),
               P("birth_date", g.fmt_date(b, r.choice(["en", "en", "en", "iso", "slash"]))), P("cn_mobile", mw), P("email", g.email(han)),
               P("address", g.address(style=r.choice(["full", "road", "estate_short"]))),
               P("cn_passport", g.passport()) if r.random() < 0.75 else "",
               r.choice(["Finance", "IT", "HR", "Operations", "Legal", "Sales"]),
               g.fmt_date(dt.date(2026, 1, 1) - dt.timedelta(days=r.randint(0, 9000)), r.choice(["en", "iso"]))])
    tables.append(t)

    # ---- T07 enterprise register: decoys (USCC, corporate accounts, switchboards, office addresses, 成立日期), 法定代表人 name
    t = Table("t07_qiye_dengji", "企业登记基本信息")
    t.headers = ["统一社会信用代码", "企业名称", "法定代表人", "成立日期", "注册资本（万元）", "单位地址", "单位电话", "传真", "对公账号", "开户行", "从业人数", "主营产品编码"]
    for i in range(4000):
        reg = g.region()
        ac = reg[5]
        t.add([uscc(r, reg[4]), g.company(reg), P("person_name", g.name()),
               g.fmt_date(dt.date(2026, 1, 1) - dt.timedelta(days=r.randint(100, 14000)), r.choice(["iso", "iso", "compact", "cn", "slash"])),
               f"{r.choice([10, 50, 100, 200, 500, 1000, 3000]) * r.randint(1, 9)}", g.org_address(reg),
               r.choice([g.landline(ac, 0.1, 0.4), f"400-{r.randint(100, 999)}-{r.randint(1000, 9999)}"]),
               g.landline(ac, 0, 0.3) if r.random() < 0.7 else "", g.corp_account(),
               r.choice(["中国银行", "工商银行", "建设银行", "农业银行", "招商银行"]) + (reg[2] or reg[0]).replace("市", "") + "支行",
               str(r.randint(1, 3000)), f"P{r.randint(1, 99):02d}-{r.randint(1000, 99999)}"])
    tables.append(t)

    # ---- T08 court enforcement: 被执行人, 证件号码 mixed ID / passport / USCC for companies
    t = Table("t08_beizhixingren", "失信被执行人名单")
    t.headers = ["案号", "被执行人", "证件号码", "执行标的（元）", "立案日期", "执行法院", "申请人"]
    for i in range(1200):
        reg = g.region()
        x = r.random()
        if x < 0.7:
            who, zj = P("person_name", g.name()), P("cn_resident_id", g.fmt_id(g.resident_id(g.birth(1950, 2000)), 0.3))
        elif x < 0.85:
            who = P("person_name", g.roman(g.name()) if r.random() < 0.3 else g.name())
            zj = P("cn_passport", g.passport())
        else:
            who, zj = g.company(reg), uscc(r, reg[4])
        app = P("person_name", g.name()) if r.random() < 0.6 else g.company()
        t.add([f"（2026）{reg[0][:1]}{r.randint(1, 99):02d}执{r.randint(1, 9999)}号", who, zj,
               f"{r.randint(1000, 5000000)}.{r.randint(0, 99):02d}", g.fmt_date(dt.date(2026, 11, 1) - dt.timedelta(days=r.randint(0, 1500)), "cn"),
               (reg[2] or reg[0]) + (reg[3] if r.random() < 0.5 else "") + "人民法院", app])
    tables.append(t)

    # ---- T09 outpatient (GBK): 患者, 出生日期 compact, 联系人, two phones in a cell, estate short addresses
    t = Table("t09_menzhen_jiuzhen", "门诊就诊登记", encoding="gbk")
    t.headers = ["门诊号", "患者", "性别", "出生日期", "联系人", "联系电话", "jtzz", "科室", "就诊日期", "费用"]
    for i in range(1100):
        reg = g.region()
        b = g.birth(1930, 2024)
        x = r.random()
        if x < 0.55:
            ph = P("cn_mobile", g.fmt_mobile(g.mobile(), 0.3))
        elif x < 0.7:
            ph = P("cn_landline", g.landline(reg[5], 0.1))
        else:
            m1, m2 = g.mobile(), g.mobile()
            sep = r.choice(["/", "，", " ", "、", ";"])
            ph = (m1 + sep + m2, [("cn_mobile", m1), ("cn_mobile", m2)])
        t.add([f"MZ{2026}{i:07d}", P("person_name", g.name(gbk=True)), r.choice("男女"), P("birth_date", g.fmt_date(b, r.choice(["compact", "compact", "iso", "slash", "cn"]))),
               P("person_name", g.name(gbk=True)) if r.random() < 0.4 else "", ph,
               P("address", g.address(region=reg, style=r.choice(["estate_short", "estate_short", "full", "village"]))),
               r.choice(["内科", "外科", "儿科", "妇产科", "眼科", "口腔科", "中医科"]),
               f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d}", f"{r.randint(10, 3000)}.{r.randint(0, 99):02d}"])
    tables.append(t)

    # ---- T10 opaque headers 字段1…字段9
    t = Table("t10_ziduan_opaque", "数据交换接口导出（字段1-9）")
    t.headers = [f"字段{i}" for i in range(1, 10)]
    for i in range(800):
        reg = g.region()
        b = g.birth()
        t.add([f"{i + 1:08d}", P("person_name", g.name()), P("cn_resident_id", g.fmt_id(g.resident_id(b), 0.3)),
               P("birth_date", g.fmt_date(b, r.choice(["compact", "iso", "cn"]))), P("cn_mobile", g.fmt_mobile(g.mobile(), 0.3)),
               (P("address", g.address(region=reg)) if r.random() < 0.7 else ""), f"{r.randint(0, 99999)}.{r.randint(0, 99):02d}", r.choice(["A01", "B02", "C03", "D04"]),
               P("bank_card", g.fmt_card(g.bank_card(), 0.3)) if r.random() < 0.5 else ""])
    tables.append(t)

    # ---- T11 F1..F4 + remark: full-width digits mostly, sparse remarks
    t = Table("t11_f_columns_fullwidth", "窗口登记台账（F1-F4）")
    t.headers = ["F1", "F2", "F3", "F4", "remark"]
    for i in range(1000):
        nm = g.name()
        m = g.mobile()
        mw = m.translate(FW) if r.random() < 0.6 else g.fmt_mobile(m, 0.5)
        idn = g.resident_id()
        idw = idn.translate(FW) if r.random() < 0.55 else g.fmt_id(idn, 0.5)
        rem = ""
        if r.random() < 0.2:
            y = r.random()
            if y < 0.35:
                m2 = g.mobile()
                rem = (f"本人不在，联系其家属{m2}", [("cn_mobile", m2)])
            elif y < 0.6:
                e = g.email()
                rem = (f"材料已发{e}", [("email", e)])
            elif y < 0.8:
                n2 = g.name()
                rem = (f"代办人：{n2}", [("person_name", n2)])
            else:
                rem = r.choice(["材料齐全", "需补交证明", "已办结", "退件"])
        t.add([P("person_name", nm), P("cn_mobile", mw), P("cn_resident_id", idw), str(r.randint(1, 20)), rem])
    tables.append(t)

    # ---- T12 mixed & sparse columns (200 rows)
    t = Table("t12_mixed_sparse", "志愿者报名汇总")
    t.headers = ["编号", "报名人", "电子邮箱", "备用编码", "联系电话", "报名人数"]
    special_email_rows = r.sample(range(200), 2)
    code_rows = r.sample(range(200), 3)
    for i in range(200):
        nm = g.name()
        if i == special_email_rows[0]:
            em = P("cn_resident_id", g.resident_id())
        elif i == special_email_rows[1]:
            em = P("cn_mobile", g.mobile())
        elif r.random() < 0.1:
            em = ""
        else:
            em = P("email", g.email(nm))
        code = f"CODE-{r.randint(0, 9999):04d}"
        if i == code_rows[0]:
            code = P("cn_resident_id", g.resident_id())
        elif i == code_rows[1]:
            code = P("cn_mobile", g.mobile())
        elif i == code_rows[2]:
            code = P("email", g.email())
        ph = P("cn_mobile", g.fmt_mobile(g.mobile(), 0.2)) if r.random() < 0.55 else P("cn_landline", g.landline(None, 0.15, 0.5))
        t.add([f"V{i + 1:04d}", P("person_name", nm), em, code, ph, str(r.randint(1, 5))])
    tables.append(t)

    # ---- T13 cardholders (XLSX): 持卡人, grouped cards, generic 证件号码 holding passports
    t = Table("t13_chikaren_xlsx", "社保卡持卡人信息", fmt="xlsx")
    t.headers = ["持卡人", "卡号", "证件类型", "证件号码", "sjhm", "开卡网点", "网点地址", "网点电话", "制卡日期"]
    for i in range(1200):
        reg = g.region()
        if r.random() < 0.35:
            ztype, zj = "护照", P("cn_passport", g.passport())
            who = P("person_name", g.roman(g.name()) if r.random() < 0.5 else g.name())
        else:
            ztype, zj = "居民身份证", P("cn_resident_id", g.fmt_id(g.resident_id(), 0.3))
            who = P("person_name", g.name())
        card = g.bank_card()
        t.add([who, P("bank_card", g.fmt_card(card, 0.6)), ztype, zj, P("cn_mobile", g.fmt_mobile(g.mobile(), 0.3)) if r.random() < 0.7 else "",
               (reg[3]) + r.choice(["营业部", "分理处", "社保服务站"]), g.org_address(reg), g.landline(reg[5], 0, 0.2),
               g.fmt_date(dt.date(2026, 11, 1) - dt.timedelta(days=r.randint(0, 2500)), "iso")])
    tables.append(t)

    # ---- T14 login log: IP addresses, mobiles as account
    t = Table("t14_denglu_rizhi", "政务服务网登录日志")
    t.headers = ["yhid", "xm", "sjhm", "dlip", "dlsj", "czlx", "zdlx"]
    for i in range(2000):
        t.add([f"U{r.randint(1, 999999):07d}", P("person_name", g.name()) if r.random() < 0.6 else "", P("cn_mobile", g.fmt_mobile(g.mobile(), 0.15)), P("ip_address", g.ip()),
               f"2026-{r.randint(1, 11):02d}-{r.randint(1, 28):02d} {r.randint(0, 23):02d}:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}",
               r.choice(["登录", "退出", "查询", "提交申请", "下载证照"]), r.choice(["PC", "iOS", "Android", "小程序"])])
    tables.append(t)

    # ---- T15 petitions: 当事人 / 申请人 / 反映人, IDs with dashes (most of the column), addresses in all provinces
    t = Table("t15_xinfang_dangshiren", "信访事项登记")
    t.headers = ["登记号", "当事人", "申请人", "反映人", "身份证号", "住址", "事项摘要", "受理日期", "联系人", "lxdh"]
    for i in range(800):
        reg = FLAT[i % len(FLAT)]  # every province / region
        idn = g.resident_id(code=reg[4])
        idw = f"{idn[:6]}-{idn[6:14]}-{idn[14:]}" if r.random() < 0.6 else g.fmt_id(idn, 0.5)
        n1 = g.name()
        summ_spans = []
        if r.random() < 0.4:
            n2 = g.name()
            summ = f"{n1}反映其邻居{n2}在{reg[3]}违规搭建，要求查处。"
            summ_spans = [("person_name", n1), ("person_name", n2)]
        else:
            summ = r.choice(["反映征地补偿标准问题", "反映拖欠工资问题", "反映小区物业服务问题", "要求落实低保待遇", "反映噪声扰民"])
        t.add([f"XF{2026}{i:06d}", P("person_name", n1), P("person_name", g.name()) if r.random() < 0.3 else "",
               P("person_name", g.name()) if r.random() < 0.25 else "", P("cn_resident_id", idw),
               P("address", g.address(region=reg, style=r.choice(["full", "village", "road", "estate_short"]), with_prov=True)),
               (summ, summ_spans), g.fmt_date(dt.date(2026, 11, 30) - dt.timedelta(days=r.randint(0, 700)), "cn"),
               P("person_name", g.name()) if r.random() < 0.5 else "",
               P("cn_mobile", g.fmt_mobile(g.mobile(), 0.4)) if r.random() < 0.7 else P("cn_landline", g.landline(reg[5]))])
    tables.append(t)

    # ---- T16 elderly subsidy: register words 监护人/申请人, dates like 1949年9月29日, 86- prefixes
    t = Table("t16_gaoling_butie", "高龄津贴发放名册", encoding="gb18030")
    t.headers = ["序号", "申请人", "出生年月日", "身份证件号", "监护人", "监护人电话", "户籍地址", "发放金额", "发放月份"]
    for i in range(710):
        reg = g.region()
        b = g.birth(1920, 1956)
        t.add([str(i + 1), P("person_name", g.name()), P("birth_date", g.fmt_date(b, r.choice(["cn", "cn", "compact", "slash", "dot"]))),
               P("cn_resident_id", g.fmt_id(g.resident_id(b, reg[4]), 0.35)),
               P("person_name", g.name()) if r.random() < 0.7 else "",
               P("cn_mobile", g.fmt_mobile(g.mobile(), 0.5)) if r.random() < 0.8 else "", P("address", g.address(region=reg, style=r.choice(["village", "full"]))),
               str(r.choice([100, 200, 300, 500])), f"2026-{r.randint(1, 11):02d}"])
    tables.append(t)

    # ---- T17 government procurement contracts: decoys only (no PI at all)
    t = Table("t17_caigou_hetong", "政府采购合同公告", encoding="gbk")
    t.headers = ["合同编号", "采购单位", "采购单位地址", "总机", "供应商名称", "统一社会信用代码", "供应商对公账号", "合同金额（元）",
                 "签订日期", "成立日期", "数量", "产品编码"]
    for i in range(2500):
        reg = g.region()
        t.add([f"ZFCG-2026-{i + 1:05d}", (reg[3]) + r.choice(["教育局", "卫健委", "财政局", "水利局", "人民医院", "第一中学"]),
               g.org_address(reg), g.landline(reg[5], 0.3, 0.3), g.company(reg), uscc(r, reg[4]), g.corp_account(),
               f"{r.randint(5000, 9000000)}.{r.randint(0, 99):02d}", g.fmt_date(dt.date(2026, 11, 1) - dt.timedelta(days=r.randint(0, 600)), "iso"),
               g.fmt_date(dt.date(2024, 1, 1) - dt.timedelta(days=r.randint(0, 12000)), r.choice(["iso", "compact", "cn"])),
               str(r.randint(1, 500)), f"{r.choice('ABCDEFGH')}{r.randint(10, 99)}-{r.randint(100000, 999999)}"])
    tables.append(t)
    return tables


def hotline_text(g, caller, reg):
    """Return (text, spans) for a 12345 complaint."""
    r = g.r
    spans = []
    parts = []

    def add(s, t=None):
        parts.append(s)
        if t:
            spans.append((t, s))

    kind = r.randint(0, 9)
    addr = g.address(region=reg, style=r.choice(["full", "village", "estate_short", "road"]))
    if kind == 0:
        add("来电人"); add(caller, "person_name"); add("反映："); add(addr, "address")
        add("楼下餐馆油烟扰民，每天晚上营业至凌晨，已多次与物业沟通未果，请相关部门尽快处理。联系电话")
        add(g.mobile(), "cn_mobile"); add("。")
    elif kind == 1:
        father = g.name()
        idn = g.resident_id(g.birth(1935, 1960))
        add("市民"); add(caller, "person_name"); add("来电称，其父亲"); add(father, "person_name")
        add("（身份证号"); add(g.fmt_id(idn, 0.4), "cn_resident_id"); add("）独居于"); add(addr, "address")
        add("，近日摔伤行动不便，希望社区安排上门探视。回电"); add(g.fmt_mobile(g.mobile(), 0.4), "cn_mobile"); add("。")
    elif kind == 2:
        add("反映人"); add(caller, "person_name"); add("称，车牌号为"); add(g.plate(reg[1], 0.6), "cn_license_plate")
        add("的车辆长期占用"); add(addr, "address"); add("楼道口消防通道，多次劝离无果，要求拖移。")
    elif kind == 3:
        pat = g.name()
        add("患者"); add(pat, "person_name"); add("家属来电，反映在市第一人民医院就诊时收费存在疑问，联系人")
        add(caller, "person_name"); add("，电话"); add(g.landline(reg[5], 0.5, 0.3), "cn_landline"); add("，请卫健部门核查。")
    elif kind == 4:
        add("来电人表示，"); add(addr, "address"); add("自来水发黄已有一周，影响饮用，希望尽快检修。来电人手机")
        add(g.fmt_mobile(g.mobile(), 0.5), "cn_mobile"); add("，座机"); add(g.landline(reg[5], 0.3), "cn_landline"); add("。")
    elif kind == 5:
        e = g.email(caller)
        add("市民"); add(caller, "person_name"); add("咨询灵活就业人员社保补缴政策，要求将政策文件发送至邮箱"); add(e, "email")
        add("，已告知可至人社窗口办理。")
    elif kind == 6:
        mother = g.name()
        add("来电人"); add(caller, "person_name"); add("反映其母亲"); add(mother, "person_name")
        add("的养老金银行卡"); add(g.fmt_card(g.bank_card(), 0.5), "bank_card"); add("被冻结，出生日期")
        add(g.fmt_date(g.birth(1930, 1960), r.choice(["cn", "compact", "iso"])), "birth_date"); add("，请求协助核实。")
    elif kind == 7:
        add("来电反映人民路与解放路交叉口信号灯故障，早晚高峰拥堵严重，请交警部门尽快维修。")
    elif kind == 8:
        add("市民来电咨询居住证办理需要哪些材料，已按政策解答，市民表示满意。")
    else:
        nb = g.name()
        add("反映人"); add(caller, "person_name"); add("称邻居"); add(nb, "person_name"); add("在"); add(addr, "address")
        add("私自饲养家禽，气味严重，电话"); add(g.mobile(), "cn_mobile"); add("、"); add(g.mobile(), "cn_mobile")
        add("均可联系。工作人员登录IP "); add(g.ip(), "ip_address"); add(" 已记录。")
    return "".join(parts), spans


def _normalise_xlsx(path):
    """Fixed timestamps inside the XLSX zip so the corpus is byte-identical per seed."""
    import re as _re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = _re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-06T00:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 6, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def write(tables, out, seed):
    os.makedirs(out, exist_ok=True)
    truth = {"seed": seed, "generator": "pii_corpus.py", "tables": {}}
    for t in tables:
        ext = "xlsx" if t.fmt == "xlsx" else "csv"
        fn = f"{t.name}.{ext}"
        path = os.path.join(out, fn)
        if t.fmt == "xlsx":
            from openpyxl import Workbook
            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Sheet1")
            ws.append(t.headers)
            for row in t.rows:
                ws.append(row)  # strings only: identifiers stay text
            wb.save(path)
            _normalise_xlsx(path)
        else:
            with open(path, "w", encoding=t.encoding, newline="") as f:
                w = csv.writer(f)
                w.writerow(t.headers)
                w.writerows(t.rows)
        cols = {}
        for ci, h in enumerate(t.headers):
            counts = {}
            cells = {}
            for ri, sp in enumerate(t.spans):
                if ci in sp:
                    cells[str(ri)] = sp[ci]
                    for typ, _ in sp[ci]:
                        counts[typ] = counts.get(typ, 0) + 1
            nonempty = sum(1 for row in t.rows if row[ci] != "")
            main = max(counts, key=lambda k: counts[k]) if counts else "none"
            cols[h] = {"index": ci, "type": main, "types": sorted(counts), "counts": counts,
                       "cells_with_pi": len(cells), "nonempty": nonempty, "cells": cells}
        truth["tables"][t.name] = {"file": fn, "format": t.fmt, "encoding": t.encoding if t.fmt == "csv" else None,
                                   "title": t.title, "rows": len(t.rows), "headers": t.headers, "columns": cols}
    with open(os.path.join(out, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f, ensure_ascii=False, indent=1)
    return truth


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261206)
    a = ap.parse_args()
    tables = build(a.seed)
    truth = write(tables, a.out, a.seed)
    tot_rows = sum(v["rows"] for v in truth["tables"].values())
    per = {}
    for v in truth["tables"].values():
        for c in v["columns"].values():
            for k, n in c["counts"].items():
                per[k] = per.get(k, 0) + n
    print(f"{len(truth['tables'])} tables, {tot_rows} rows, {sum(per.values())} personal values -> {a.out}")
    for k in sorted(per):
        print(f"  {k:18s} {per[k]}")


if __name__ == "__main__":
    main()
