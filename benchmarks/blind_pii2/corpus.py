#!/usr/bin/env python3
"""Blind corpus of bare government-style tables with personal information, for opendata's PI detectors.

Written from the text of issue 14 and the domain facts only, without reading the detectors or their tests.
Every value is synthetic: ID numbers carry valid GB 11643 check digits, bank cards valid Luhn digits behind
real-looking BINs, mobiles real CN ranges.  Writes the tables and ``truth.json`` into ``--out``.

truth.json::

    {"seed": N, "tables": [{"file", "format", "encoding", "domain", "rows",
        "columns": [{"name", "label", "types", "note"}],
        "values": [[row, col, type, substring, core], ...]}]}

``row`` is the 0-based data row (header excluded), ``col`` the 0-based column, ``substring`` the exact text of
the personal value inside the cell, ``core`` its canonical form (digits / upper case) for identifiers, else
null.  ``label`` is the column's PI type, ``"free_text"``, ``"mixed"`` (several types or a few personal cells
among non-personal ones) or ``"none"``; ``types`` lists the types its cells hold.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import random
import string
import unicodedata
from pathlib import Path

# ----------------------------------------------------------------------------------------------- raw material
COMMON_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE_SURNAMES = list("傅阎萧赖洪郦竺宓禚亓厍琚仉逄冼靳郗昝蒯隗晏佘邝鞠扈芮訾阚郜宦巫谌缑逯鄢勾侬帅卞阙满糜邬缪蔺荆揭栾盖暴桓庹佟滕苟牛")
COMPOUND_SURNAMES = ["闻人", "端木", "皇甫", "欧阳", "司马", "诸葛", "上官", "令狐", "东方", "公孙", "慕容", "长孙",
                     "宇文", "尉迟", "澹台", "公冶", "钟离", "轩辕", "夏侯", "申屠", "呼延", "独孤", "太史", "百里",
                     "南宫", "西门", "拓跋", "第五", "左丘", "漆雕", "万俟", "司徒", "司空", "仲孙", "赫连", "濮阳"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉力宇浩然梓涵子轩欣怡一诺雨桐"
             "思远佳琪博文晨曦嘉豪俊杰紫萱语嫣亦凡志强春梅海燕德福永庆淑珍秋菊晓东立新卫东卫红向阳")
GB18030_ONLY_CHARS = ["䶮", "㛃", "䴔", "㵘", "䲜"]
UYGHUR = ["艾力", "买买提", "阿不都", "热合曼", "古丽", "努尔", "阿依古丽", "吐尔逊", "依明", "帕提古丽", "麦合木提",
          "热依拉", "阿布来提", "买合甫再", "吾斯曼", "米日古丽", "阿迪力", "克里木", "祖农", "托合提"]
KAZAKH = ["叶尔兰", "哈里木", "努尔兰", "别克", "加娜尔", "阿依达尔", "吐尔洪", "马合沙提", "叶尔肯", "巴合提别克",
          "哈斯木汗", "阿合买提", "沙吾列"]
TIBETAN = ["扎西", "次仁", "卓玛", "格桑", "央金", "德吉", "索朗", "平措", "旺堆", "拉姆", "尼玛", "多吉", "顿珠",
           "边巴", "普布", "达瓦", "巴桑", "曲珍", "罗布", "白玛"]
YI_CLAN = ["吉克", "阿苏", "沙马", "曲比", "俄底", "海来", "马海", "吉伍", "阿牛", "瓦扎", "日火"]
YI_GIVEN = ["阿呷", "木呷", "拉哈", "伍各", "尔古", "子日", "阿果", "拉则", "曲布", "石布", "阿支"]
MINORITY_SEPS = ["·", "•", ".", "・", "", "·"]
PINYIN = {"王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang", "黄": "Huang",
          "赵": "Zhao", "吴": "Wu", "周": "Zhou", "徐": "Xu", "孙": "Sun", "马": "Ma", "朱": "Zhu", "胡": "Hu",
          "郭": "Guo", "林": "Lin", "欧阳": "Ouyang", "司马": "Sima", "诸葛": "Zhuge", "傅": "Fu", "萧": "Xiao"}
GIVEN_PINYIN = ["Wei", "Fang", "Na", "Min", "Jing", "Qiang", "Lei", "Jun", "Yang", "Jie", "Tao", "Xiaoming",
                "Jianguo", "Haiyan", "Zihan", "Yuxuan", "Xinyi", "Chunmei", "Deming", "Lihua", "Zhiqiang"]

# (province, short, plate prefix, [(city, district, division code)])
PROVINCES = [
    ("北京市", "京", [("北京市", "朝阳区", "110105"), ("北京市", "海淀区", "110108")]),
    ("天津市", "津", [("天津市", "河西区", "120103")]),
    ("上海市", "沪", [("上海市", "徐汇区", "310104"), ("上海市", "浦东新区", "310115")]),
    ("重庆市", "渝", [("重庆市", "渝中区", "500103")]),
    ("河北省", "冀", [("石家庄市", "长安区", "130102"), ("保定市", "竞秀区", "130602")]),
    ("山西省", "晋", [("太原市", "小店区", "140105")]),
    ("内蒙古自治区", "蒙", [("呼和浩特市", "新城区", "150102"), ("鄂尔多斯市", "东胜区", "150602")]),
    ("辽宁省", "辽", [("沈阳市", "和平区", "210102"), ("大连市", "中山区", "210202")]),
    ("吉林省", "吉", [("长春市", "朝阳区", "220104")]),
    ("黑龙江省", "黑", [("哈尔滨市", "南岗区", "230103")]),
    ("江苏省", "苏", [("南京市", "玄武区", "320102"), ("苏州市", "姑苏区", "320508")]),
    ("浙江省", "浙", [("杭州市", "西湖区", "330106"), ("湖州市", "吴兴区", "330502"), ("衢州市", "柯城区", "330802"),
                   ("丽水市", "莲都区", "331102")]),
    ("安徽省", "皖", [("合肥市", "蜀山区", "340104")]),
    ("福建省", "闽", [("福州市", "鼓楼区", "350102"), ("厦门市", "思明区", "350203")]),
    ("江西省", "赣", [("南昌市", "东湖区", "360102")]),
    ("山东省", "鲁", [("济南市", "历下区", "370102"), ("青岛市", "市南区", "370202")]),
    ("河南省", "豫", [("郑州市", "金水区", "410105")]),
    ("湖北省", "鄂", [("武汉市", "江岸区", "420102")]),
    ("湖南省", "湘", [("长沙市", "岳麓区", "430104")]),
    ("广东省", "粤", [("广州市", "天河区", "440106"), ("深圳市", "南山区", "440305")]),
    ("广西壮族自治区", "桂", [("南宁市", "青秀区", "450103"), ("百色市", "右江区", "451002")]),
    ("海南省", "琼", [("海口市", "美兰区", "460108")]),
    ("四川省", "川", [("成都市", "锦江区", "510104"), ("凉山彝族自治州", "昭觉县", "513431")]),
    ("贵州省", "贵", [("贵阳市", "南明区", "520102")]),
    ("云南省", "云", [("昆明市", "五华区", "530102"), ("大理白族自治州", "大理市", "532901")]),
    ("西藏自治区", "藏", [("拉萨市", "城关区", "540102"), ("日喀则市", "桑珠孜区", "540202")]),
    ("陕西省", "陕", [("西安市", "雁塔区", "610113")]),
    ("甘肃省", "甘", [("兰州市", "城关区", "620102")]),
    ("青海省", "青", [("西宁市", "城东区", "630102")]),
    ("宁夏回族自治区", "宁", [("银川市", "兴庆区", "640104")]),
    ("新疆维吾尔自治区", "新", [("乌鲁木齐市", "天山区", "650102"), ("喀什地区", "喀什市", "653101"),
                          ("伊犁哈萨克自治州", "伊宁市", "654002")]),
    ("香港特别行政区", None, [("香港", "九龙城区", None)]),
    ("澳门特别行政区", None, [("澳门", "花地玛堂区", None)]),
]
TOWNS = ["城关镇", "新塘乡", "石门镇", "白沙乡", "柳桥街道", "东风镇", "河口乡", "龙泉镇", "双溪乡", "青山镇"]
VILLAGES = ["红旗村", "前进村", "上王村", "下宅村", "塘头村", "石岭村", "新联村", "和平村", "枫树湾村", "沙坝村"]
ROADS = ["人民路", "解放路", "中山路", "建设路", "文化路", "胜利街", "朝阳路", "长江路", "新华街", "迎宾大道", "学院路"]
ESTATES = ["幸福小区", "阳光花园", "翠苑一区", "锦绣家园", "金色港湾", "和睦新村", "绿城桂花园", "东方名苑", "滨江嘉园",
           "梧桐苑"]
HK_STREETS = ["太子道西", "窝打老道", "弥敦道"]
MO_STREETS = ["罗理基博士大马路", "黑沙环中街"]

BINS16 = ["622202", "622848", "621700", "622588", "621483", "622700", "623058", "622609", "621226", "436742",
          "518710", "625911"]
BINS19 = ["622202", "622848", "621700", "623058", "621226", "622908", "621799", "622280"]
MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                 "153", "155", "156", "157", "158", "159", "166", "172", "173", "175", "176", "177", "178", "180",
                 "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
AREA_CODES = ["010", "021", "022", "023", "020", "025", "027", "028", "029", "0571", "0572", "0570", "0578",
              "0591", "0731", "0851", "0871", "0891", "0991", "0471", "0898", "0951"]
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
MAIL_DOMAINS = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com", "139.com", "gmail.com", "hotmail.com",
                "yeah.net", "sohu.com"]
COMPANY_INDUSTRY = ["建筑工程", "商贸", "餐饮管理", "物流", "农业开发", "电子科技", "食品", "家政服务", "汽车维修", "装饰设计"]
BANKS = ["中国工商银行杭州西湖支行", "中国农业银行衢州分行", "中国建设银行拉萨城关支行", "招商银行深圳南山支行",
         "中国银行乌鲁木齐天山支行", "浙江农商银行莲都支行", "邮储银行昭觉县支行"]

FW = str.maketrans("0123456789Xx-", "０１２３４５６７８９Ｘｘ－")


class Gen:
    def __init__(self, seed: int):
        self.r = random.Random(seed)

    # -------------------------------------------------------------------------------------- identifiers
    def division(self):
        p = self.r.choice([p for p in PROVINCES if p[1]])
        return self.r.choice(p[2])[2]

    def birth(self, lo=1935, hi=2008):
        start = dt.date(lo, 1, 1).toordinal()
        end = dt.date(hi, 12, 31).toordinal()
        return dt.date.fromordinal(self.r.randint(start, end))

    def resident_id(self, birth=None, division=None):
        division = division or self.division()
        birth = birth or self.birth()
        body = division + birth.strftime("%Y%m%d") + f"{self.r.randint(0, 999):03d}"
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        s = sum(int(c) * k for c, k in zip(body, w))
        return body + "10X98765432"[s % 11]

    def legacy_id(self, birth=None):
        birth = birth or self.birth(1935, 1980)
        return self.division() + birth.strftime("%y%m%d") + f"{self.r.randint(0, 999):03d}"

    def id_written(self, core=None):
        """An 18-digit ID as people write it; returns (text, core)."""
        core = core or self.resident_id()
        k = self.r.random()
        if k < 0.45:
            t = core
        elif k < 0.6:
            t = f"{core[:6]} {core[6:14]} {core[14:]}"
        elif k < 0.7:
            t = f"{core[:6]}-{core[6:14]}-{core[14:]}"
        elif k < 0.78:
            t = core.translate(FW)
        elif k < 0.86:
            t = core[:-1] + core[-1].lower() if core.endswith("X") else f"{core[:3]} {core[3:6]} {core[6:10]} {core[10:14]} {core[14:]}"
        elif k < 0.93:
            t = " ".join(core[i:i + 4] for i in range(0, 18, 4))
        else:
            t = core[:6] + "." + core[6:14] + "." + core[14:]
        return t, core

    def luhn_complete(self, body):
        digits = [int(c) for c in body]
        total = 0
        for i, d in enumerate(reversed(digits)):
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return body + str((10 - total % 10) % 10)

    def luhn_ok(self, num):
        total = 0
        for i, c in enumerate(reversed(num)):
            d = int(c)
            if i % 2 == 1:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        return total % 10 == 0

    def bank_card(self):
        if self.r.random() < 0.6:
            bin_, n = self.r.choice(BINS19), 19
        else:
            bin_, n = self.r.choice(BINS16), 16
        body = bin_ + "".join(self.r.choice(string.digits) for _ in range(n - len(bin_) - 1))
        return self.luhn_complete(body)

    def card_written(self):
        core = self.bank_card()
        k = self.r.random()
        if k < 0.5:
            t = core
        elif k < 0.75:
            t = " ".join(core[i:i + 4] for i in range(0, len(core), 4))
        elif k < 0.9:
            t = "-".join(core[i:i + 4] for i in range(0, len(core), 4))
        else:
            t = core.translate(FW)
        return t, core

    def mobile(self):
        return self.r.choice(MOBILE_PREFIX) + "".join(self.r.choice(string.digits) for _ in range(8))

    def mobile_written(self, core=None):
        core = core or self.mobile()
        k = self.r.random()
        if k < 0.4:
            t = core
        elif k < 0.55:
            t = f"{core[:3]} {core[3:7]} {core[7:]}"
        elif k < 0.65:
            t = f"{core[:3]}-{core[3:7]}-{core[7:]}"
        elif k < 0.73:
            t = "+86 " + core
        elif k < 0.79:
            t = "0086-" + core
        elif k < 0.84:
            t = "86-" + core
        elif k < 0.9:
            t = "+86-" + f"{core[:3]} {core[3:7]} {core[7:]}"
        elif k < 0.95:
            t = core.translate(FW)
        else:
            t = "(+86)" + core
        return t, core

    def landline(self):
        area = self.r.choice(AREA_CODES)
        n = 8 if len(area) == 3 or self.r.random() < 0.6 else 7
        num = str(self.r.randint(2, 8)) + "".join(self.r.choice(string.digits) for _ in range(n - 1))
        return area, num

    def landline_written(self):
        area, num = self.landline()
        core = area + num
        k = self.r.random()
        if k < 0.35:
            t = f"{area}-{num}"
        elif k < 0.5:
            t = f"({area}){num}"
        elif k < 0.6:
            t = f"{area} {num[:4]} {num[4:]}"
        elif k < 0.7:
            t = f"{area}-{num}转{self.r.randint(100, 9999)}"
        elif k < 0.78:
            t = f"{area}-{num}-{self.r.randint(10, 999)}"
        elif k < 0.86:
            t = f"{area}{num}"
        elif k < 0.93:
            t = f"（{area}）{num}"
        else:
            t = f"+86-{area[1:]}-{num}"
        return t, core

    def passport(self):
        k = self.r.random()
        if k < 0.55:
            core = "E" + "".join(self.r.choice(string.digits) for _ in range(8))
        elif k < 0.8:
            core = "E" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXY") + "".join(self.r.choice(string.digits) for _ in range(7))
        else:
            core = "G" + "".join(self.r.choice(string.digits) for _ in range(8))
        t = core.lower() if self.r.random() < 0.08 else core
        return t, core

    def hkmo_permit(self):
        k = self.r.random()
        if k < 0.5:   # 往来港澳通行证
            core = "C" + "".join(self.r.choice(string.digits) for _ in range(8))
        elif k < 0.8:  # 港澳居民来往内地通行证
            core = self.r.choice("HM") + "".join(self.r.choice(string.digits) for _ in range(self.r.choice([8, 10])))
        else:
            core = "C" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXY") + "".join(self.r.choice(string.digits) for _ in range(7))
        return core, core

    def plate(self):
        p = self.r.choice([p for p in PROVINCES if p[1]])[1]
        letter = self.r.choice(PLATE_LETTERS)
        pool = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        if self.r.random() < 0.2:  # new energy
            tail = "".join(self.r.choice(string.digits) for _ in range(5))
            body = self.r.choice("DF") + tail if self.r.random() < 0.7 else tail + self.r.choice("DF")
        else:
            body = "".join(self.r.choice(pool if i < 2 else string.digits) for i in range(5))
        core = p + letter + body
        k = self.r.random()
        if k < 0.55:
            t = core
        elif k < 0.75:
            t = p + letter + "·" + body
        elif k < 0.9:
            t = p + letter + " " + body
        else:
            t = p + letter + "-" + body
        return t, core

    def email(self, name_py=None):
        user = name_py or "".join(self.r.choice(string.ascii_lowercase) for _ in range(self.r.randint(4, 8)))
        user += self.r.choice(["", str(self.r.randint(1, 99)), str(self.r.randint(1960, 2005)), "_" + str(self.r.randint(1, 9))])
        return f"{user}@{self.r.choice(MAIL_DOMAINS)}"

    def qq(self):
        return str(self.r.randint(1, 9)) + "".join(self.r.choice(string.digits) for _ in range(self.r.randint(5, 10)))

    def uscc(self):
        chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
        body = self.r.choice("9159") + self.r.choice("123") + self.division() + "".join(
            self.r.choice(chars) for _ in range(9))
        s = sum(chars.index(c) * k for c, k in zip(body, w))
        c = 31 - s % 31
        return body + chars[0 if c == 31 else c]

    def corporate_account(self):
        k = self.r.random()
        if k < 0.4:
            n = "1202" + "".join(self.r.choice(string.digits) for _ in range(15))
        elif k < 0.7:
            n = "3305016" + "".join(self.r.choice(string.digits) for _ in range(13))
        elif k < 0.85:
            n = "19" + "".join(self.r.choice(string.digits) for _ in range(15))
        else:
            n = "8" + "".join(self.r.choice(string.digits) for _ in range(self.r.randint(13, 17)))
        return n

    # ------------------------------------------------------------------------------------------ names
    def han_name(self, rare=0.25, compound=0.08):
        k = self.r.random()
        if k < compound:
            s = self.r.choice(COMPOUND_SURNAMES)
        elif k < compound + rare:
            s = self.r.choice(RARE_SURNAMES)
        else:
            s = self.r.choice(COMMON_SURNAMES)
        n = self.r.choice([1, 2, 2, 2]) if len(s) == 1 else self.r.choice([1, 1, 2])
        return s + "".join(self.r.choice(GIVEN) for _ in range(n))

    def minority_name(self):
        k = self.r.random()
        if k < 0.35:
            a, b = self.r.choice(UYGHUR), self.r.choice(UYGHUR)
            return a + self.r.choice(MINORITY_SEPS) + b
        if k < 0.55:
            a, b = self.r.choice(KAZAKH), self.r.choice(KAZAKH + UYGHUR)
            return a + self.r.choice(MINORITY_SEPS) + b
        if k < 0.8:
            return "".join(self.r.sample(TIBETAN, self.r.choice([1, 2, 2])))
        return self.r.choice(YI_CLAN) + self.r.choice(YI_GIVEN)

    def any_name(self, minority=0.15):
        return self.minority_name() if self.r.random() < minority else self.han_name()

    def roman_name(self):
        s = self.r.choice(list(PINYIN))
        g = self.r.choice(GIVEN_PINYIN)
        k = self.r.random()
        if k < 0.35:
            return f"{PINYIN[s]} {g}"
        if k < 0.55:
            return f"{PINYIN[s].upper()} {g}"
        if k < 0.7:
            return f"{g} {PINYIN[s]}"
        if k < 0.85:
            return f"{PINYIN[s]}, {g}"
        return f"{PINYIN[s].upper()}, {g.upper()}"

    def company(self):
        s = self.r.choice(COMMON_SURNAMES + COMPOUND_SURNAMES[:6])
        return (self.r.choice(["杭州", "衢州", "深圳", "成都", "喀什", "拉萨", ""]) + s + self.r.choice(GIVEN) +
                self.r.choice(COMPANY_INDUSTRY) + self.r.choice(["有限公司", "有限责任公司", "经营部", "合作社"]))

    # ------------------------------------------------------------------------------------------ addresses
    def address(self, form=None):
        prov, _, cities = self.r.choice(PROVINCES)
        city, dist, _ = self.r.choice(cities)
        form = form or self.r.choice(["full_village", "full_estate", "full_road", "bare_lane", "bare_estate",
                                      "village_short", "no_prov", "hkmo"])
        if form == "hkmo" or city in ("香港", "澳门"):
            if city == "香港" or (form == "hkmo" and self.r.random() < 0.5):
                return f"香港九龙城区{self.r.choice(HK_STREETS)}{self.r.randint(1, 300)}号{self.r.randint(2, 30)}楼{self.r.choice('ABCDEF')}室"
            return f"澳门{self.r.choice(MO_STREETS)}{self.r.randint(1, 200)}号{self.r.randint(1, 25)}楼{self.r.choice('ABCD')}座"
        cityp = "" if prov.startswith(city) else city
        if form == "full_village":
            return f"{prov}{cityp}{dist}{self.r.choice(TOWNS)}{self.r.choice(VILLAGES)}{self.r.randint(1, 12)}组{self.r.randint(1, 99)}号"
        if form == "full_estate":
            return f"{prov}{cityp}{dist}{self.r.choice(ROADS)}{self.r.randint(1, 999)}号{self.r.choice(ESTATES)}{self.r.randint(1, 30)}幢{self.r.randint(1, 6)}单元{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}室"
        if form == "full_road":
            return f"{cityp or prov}{dist}{self.r.choice(ROADS)}{self.r.randint(1, 999)}号{self.r.randint(1, 20)}-{self.r.randint(101, 2504)}"
        if form == "bare_lane":
            return f"{self.r.choice(ROADS)}{self.r.randint(1, 999)}弄{self.r.randint(1, 80)}号{self.r.randint(101, 1802)}"
        if form == "bare_estate":
            return f"{self.r.choice(ESTATES)}{self.r.randint(1, 30)}-{self.r.randint(1, 6)}-{self.r.randint(1, 33)}{self.r.randint(1, 4):02d}"
        if form == "village_short":
            return f"{self.r.choice(VILLAGES)}{self.r.choice('一二三四五六七八九十')}组{self.r.randint(1, 120)}号"
        return f"{dist}{self.r.choice(TOWNS)}{self.r.choice(ROADS)}{self.r.randint(1, 300)}号{self.r.randint(1, 6)}栋{self.r.randint(1, 3)}单元{self.r.randint(1, 18)}0{self.r.randint(1, 4)}"

    def org_address(self):
        prov, _, cities = self.r.choice([p for p in PROVINCES if p[1]])
        city, dist, _ = self.r.choice(cities)
        return f"{city}{dist}{self.r.choice(ROADS)}{self.r.randint(1, 500)}号{self.r.choice(['市民中心', '行政服务中心', '政务大楼', '科技园', '商务大厦'])}{self.r.choice(['', 'A座', '3楼', '5层502'])}"

    # ------------------------------------------------------------------------------------------ dates
    def date_written(self, d: dt.date):
        k = self.r.random()
        if k < 0.2:
            return d.strftime("%Y%m%d")
        if k < 0.4:
            return f"{d.year}年{d.month}月{d.day}日"
        if k < 0.55:
            return f"{d.year}/{d.month}/{d.day}"
        if k < 0.65:
            return d.strftime("%d %b %Y").upper()
        if k < 0.8:
            return d.isoformat()
        if k < 0.9:
            return f"{d.year}.{d.month:02d}.{d.day:02d}"
        return f"{d.day}/{d.month}/{d.year}"

    def recent_date(self, lo=2000, hi=2026):
        return self.birth(lo, hi)

    def org_phone(self):
        k = self.r.random()
        if k < 0.3:
            return f"400-{self.r.randint(100, 999)}-{self.r.randint(1000, 9999)}"
        if k < 0.5:
            return self.r.choice(["95588", "95533", "95599", "95566", "95555", "95511", "95518", "12345", "12315"])
        a, n = self.landline()
        return self.r.choice([f"{a}-{n}（总机）", f"{a}-{n}", f"{a}-{n}（传真）", f"800-{self.r.randint(100, 999)}-{self.r.randint(1000, 9999)}"])


# ---------------------------------------------------------------------------------------------- table builder
class Table:
    def __init__(self, file, fmt, encoding, domain, columns):
        self.file, self.fmt, self.encoding, self.domain = file, fmt, encoding, domain
        self.columns = columns  # list of (name, label, note)
        self.rows = []
        self.values = []

    def add(self, cells):
        """cells: one entry per column — a str (non-personal) or a list of pieces, each str or (type, text, core)."""
        r = len(self.rows)
        out = []
        for c, cell in enumerate(cells):
            if isinstance(cell, str):
                out.append(cell)
                continue
            if isinstance(cell, tuple):
                cell = [cell]
            text = ""
            for piece in cell:
                if isinstance(piece, str):
                    text += piece
                else:
                    typ, t, core = piece
                    self.values.append([r, c, typ, t, core])
                    text += t
            out.append(text)
        assert len(out) == len(self.columns), (self.file, len(out))
        self.rows.append(out)

    def truth(self):
        types = {}
        for r, c, typ, *_ in self.values:
            types.setdefault(c, set()).add(typ)
        return {
            "file": self.file, "format": self.fmt, "encoding": self.encoding, "domain": self.domain,
            "rows": len(self.rows),
            "columns": [{"name": n, "label": lab, "types": sorted(types.get(i, ())), "note": note}
                        for i, (n, lab, note) in enumerate(self.columns)],
            "values": self.values,
        }

    def write(self, out: Path):
        path = out / self.file
        header = [n for n, _, _ in self.columns]
        if self.fmt == "xlsx":
            import openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Sheet1"
            ws.append(header)
            for row in self.rows:
                ws.append(row)
            for col in ws.iter_cols(min_row=2):
                for cell in col:
                    cell.data_type = "s"
                    cell.number_format = "@"
            wb.save(path)
            return
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n" if self.encoding == "gbk" else "\n")
        w.writerow(header)
        w.writerows(self.rows)
        data = buf.getvalue()
        if self.encoding == "utf-8-sig":
            path.write_bytes(data.encode("utf-8-sig"))
        else:
            path.write_bytes(data.encode(self.encoding))  # raises if a value does not fit the encoding


def P(typ, text, core=None):
    return (typ, text, core)


# ---------------------------------------------------------------------------------------------- the tables
def t_dibao(g: Gen, n):
    t = Table("01_dibao_jiuzhu_mingce.csv", "csv", "utf-8-sig", "低保/救助名册", [
        ("xh", "none", "serial"), ("hzxm", "person_name", "pinyin abbr 户主姓名, rare/compound surnames"),
        ("gmsfhm", "cn_resident_id", "pinyin abbr 公民身份号码, written forms"),
        ("jtrk", "none", "household size"), ("bzje", "none", "amount"),
        ("khzh", "bank_card", "pinyin 卡号, grouped forms"), ("khh", "none", "bank branch"),
        ("jzdz", "address", "village/estate forms, all provinces"), ("lxfs", "cn_mobile", "+86/0086/spaces"),
        ("sqrq", "none", "application date decoy"), ("jzlb", "none", "category")])
    for i in range(n):
        idt, idc = g.id_written()
        ct, cc = g.card_written()
        mt, mc = g.mobile_written()
        t.add([str(i + 1), P("person_name", g.han_name(rare=0.35, compound=0.12)), P("cn_resident_id", idt, idc),
               str(g.r.randint(1, 6)), f"{g.r.randint(300, 1200)}.00", P("bank_card", ct, cc), g.r.choice(BANKS),
               P("address", g.address(g.r.choice(["full_village", "village_short", "bare_estate", "full_estate"]))),
               P("cn_mobile", mt, mc), g.date_written(g.recent_date(2015, 2026)),
               g.r.choice(["城市低保", "农村低保", "特困供养", "临时救助"])])
    return t


def t_budongchan(g: Gen, n):
    t = Table("02_budongchan_dengji.csv", "csv", "gbk", "不动产登记", [
        ("不动产单元号", "none", "28-char unit code decoy"), ("权利人", "person_name", "register word"),
        ("证件种类", "none", ""), ("证件号", "mixed", "IDs (dashed) and passports by 证件种类"),
        ("共有人", "person_name", "two names 、-joined or empty"), ("坐落", "address", "bare lane/estate forms"),
        ("权利人电话", "mixed", "mobiles and home landlines"), ("登记日期", "none", "decoy date"),
        ("面积", "none", "")])
    for i in range(n):
        unit = g.division() + f"{g.r.randint(1, 999):03d}{g.r.randint(1, 999):03d}GB{g.r.randint(0, 99999):05d}F{g.r.randint(0, 99999999):08d}"
        if g.r.random() < 0.85:
            kind = "身份证"
            it, ic = g.id_written()
            idp = P("cn_resident_id", it, ic)
        else:
            kind = "护照"
            pt, pc = g.passport()
            idp = P("cn_passport", pt, pc)
        co = []
        if g.r.random() < 0.5:
            co = [P("person_name", g.han_name(0.3, 0.1))]
            if g.r.random() < 0.4:
                co += ["、", P("person_name", g.han_name(0.3, 0.1))]
        if g.r.random() < 0.7:
            mt, mc = g.mobile_written()
            ph = P("cn_mobile", mt, mc)
        else:
            lt, lc = g.landline_written()
            ph = P("cn_landline", lt, lc)
        t.add([unit, P("person_name", g.han_name(0.3, 0.1)), kind, idp, co or "",
               P("address", g.address(g.r.choice(["bare_lane", "bare_estate", "full_road", "full_estate"]))), ph,
               g.date_written(g.recent_date(2010, 2026)), f"{g.r.uniform(30, 200):.2f}"])
    return t


def t_shebao(g: Gen, n):
    t = Table("03_shebao_canbao.xlsx", "xlsx", "xlsx", "社保参保", [
        ("Name", "person_name", "English header"), ("SSC No", "cn_resident_id", "social security card = ID, lower x"),
        ("DOB", "birth_date", "written forms incl. 30 AUG 1959"), ("Employer", "none", "company names with surnames"),
        ("Employer USCC", "none", "USCC decoy"), ("Start", "none", "enrolment date decoy"),
        ("Insurance", "none", ""), ("Tel", "cn_mobile", "mobile forms")])
    for i in range(n):
        b = g.birth(1950, 2004)
        core = g.resident_id(birth=b)
        txt = core[:-1] + "x" if core.endswith("X") and g.r.random() < 0.7 else core
        mt, mc = g.mobile_written()
        t.add([P("person_name", g.any_name(0.1)), P("cn_resident_id", txt, core), P("birth_date", g.date_written(b)),
               g.company(), g.uscc(), g.date_written(g.recent_date(2005, 2026)),
               g.r.choice(["养老", "医疗", "失业", "工伤", "生育"]), P("cn_mobile", mt, mc)])
    return t


def t_xianxue(g: Gen, n):
    t = Table("04_xianxue_dengji.csv", "csv", "gb18030", "献血登记", [
        ("col_1", "none", "serial"), ("col_2", "person_name", "no hint; GB18030-only chars, minority names"),
        ("col_3", "cn_resident_id", "no hint; 15-digit legacy and 18-digit"),
        ("col_4", "birth_date", "no hint; matches the ID's birth date"),
        ("col_5", "none", "blood type"), ("col_6", "none", "volume"), ("col_7", "none", "donation date decoy"),
        ("col_8", "cn_mobile", "no hint")])
    for i in range(n):
        b = g.birth(1950, 2005)
        if g.r.random() < 0.25 and b.year < 1999:
            core = g.legacy_id(birth=b)
            idp = P("cn_resident_id", core, core)
        else:
            it, ic = g.id_written(g.resident_id(birth=b))
            idp = P("cn_resident_id", it, ic)
        if g.r.random() < 0.1:
            name = g.r.choice(COMMON_SURNAMES) + g.r.choice(GB18030_ONLY_CHARS)
        else:
            name = g.any_name(0.25)
        mt, mc = g.mobile_written()
        t.add([str(100000 + i), P("person_name", name), idp, P("birth_date", g.date_written(b)),
               g.r.choice(["A", "B", "O", "AB"]) + g.r.choice(["+", "型", " Rh+"]), str(g.r.choice([200, 300, 400])),
               g.date_written(g.recent_date(2018, 2026)), P("cn_mobile", mt, mc)])
    return t


def t_chuzu(g: Gen, n):
    t = Table("05_chuzu_fangwu_dengji.csv", "csv", "utf-8", "出租房屋登记", [
        ("备案编号", "none", "record number"), ("房东", "person_name", "register word"),
        ("房东证件", "cn_resident_id", "ID forms"), ("承租人", "person_name", "register word, mixed names"),
        ("承租人证件", "mixed", "IDs, passports, HK/Macau permits"),
        ("房屋地址", "address", "estate short forms 小区9-4-1602"), ("联系电话", "mixed", "two phones, 转 extensions"),
        ("月租金", "none", ""), ("起租日", "none", "decoy date")])
    for i in range(n):
        it, ic = g.id_written()
        k = g.r.random()
        if k < 0.6:
            a, b = g.id_written()
            tid = P("cn_resident_id", a, b)
        elif k < 0.8:
            a, b = g.passport()
            tid = P("cn_passport", a, b)
        else:
            a, b = g.hkmo_permit()
            tid = P("hk_macau_permit", a, b)
        k = g.r.random()
        m1, c1 = g.mobile_written()
        if k < 0.3:
            m2, c2 = g.mobile_written()
            ph = [P("cn_mobile", m1, c1), g.r.choice(["/", "；", "、", " ", ",", "或"]), P("cn_mobile", m2, c2)]
        elif k < 0.5:
            lt, lc = g.landline_written()
            ph = [P("cn_mobile", m1, c1), "；", P("cn_landline", lt, lc)]
        else:
            ph = [P("cn_mobile", m1, c1)]
        tenant = g.roman_name() if g.r.random() < 0.08 else g.any_name(0.15)
        t.add([f"CZ{2026}{i:06d}", P("person_name", g.han_name()), P("cn_resident_id", it, ic),
               P("person_name", tenant), tid, P("address", g.address(g.r.choice(["bare_estate", "bare_lane", "full_estate"]))),
               ph, str(g.r.randint(8, 60) * 100), g.date_written(g.recent_date(2022, 2026))])
    return t


CUE_BEFORE = ["来电人", "反映人", "市民", "其父亲", "患者", "业主", "家属", "投诉人", "租户", "当事人", "其母亲", "村民",
              "求助人", "申请人"]


def free_text_12345(g: Gen):
    """One hotline record: list of pieces."""
    k = g.r.randint(0, 9)
    nm = lambda: P("person_name", g.any_name(0.1))  # noqa: E731
    cue = g.r.choice(CUE_BEFORE)
    if k == 0:
        mt, mc = g.mobile_written()
        return [f"{cue}", nm(), "（", P("cn_mobile", mt, mc), "）反映：", P("address", g.address()),
                "附近夜间施工噪音扰民，要求相关部门核查处理。"]
    if k == 1:
        pt, pc = g.plate()
        lt, lc = g.landline_written()
        return ["市民", nm(), "称其车辆", P("cn_license_plate", pt, pc), "在", P("address", g.address("bare_lane")),
                "门口被刮擦，肇事方逃逸，联系电话", P("cn_landline", lt, lc), "。"]
    if k == 2:
        it, ic = g.id_written()
        return [nm(), "来电反映其父亲", nm(), "（身份证号", P("cn_resident_id", it, ic), "）养老金连续两个月未到账。"]
    if k == 3:
        return ["经查，", nm(), "、", nm(), "两户长期在楼道堆放杂物，已由社区网格员上门劝导。"]
    if k == 4:
        mt, mc = g.mobile_written()
        m2, c2 = g.mobile_written()
        return ["反映人要求回电，号码", P("cn_mobile", mt, mc), "或", P("cn_mobile", m2, c2), "，工作日下午方便接听。"]
    if k == 5:
        return [f"{g.r.choice(['患者', '家属'])}", nm(), f"，{g.r.choice(['男', '女'])}，{g.r.randint(3, 90)}岁，于",
                g.date_written(g.recent_date(2025, 2026)), "在市第一人民医院就诊，对收费有异议。"]
    if k == 6:
        pt, pc = g.plate()
        return ["车主", nm(), "驾驶", P("cn_license_plate", pt, pc), "在收费站被多扣费，请核实退费。"]
    if k == 7:
        return ["请", nm(), "同志于本周五前携带材料到", g.r.choice(["区政务服务中心3号窗口", "街道便民服务中心"]), "办理。"]
    if k == 8:
        mt, mc = g.mobile_written()
        return ["来电称小区", P("address", g.address("bare_estate")), "楼上漏水，物业不处理，联系人", nm(), "，", P("cn_mobile", mt, mc)]
    # decoy-only text: organisation phone and office
    return [f"经核实，{g.company()}已完成整改，咨询请拨打{g.org_phone()}或至{g.org_address()}办理。"]


def t_12345(g: Gen, n):
    t = Table("06_12345_gongdan.csv", "csv", "utf-8-sig", "12345工单", [
        ("工单编号", "none", "18-digit order number decoy"), ("来电时间", "none", ""),
        ("诉求内容", "free_text", "long text, PI inside sentences"), ("承办单位", "none", ""),
        ("单位电话", "none", "switchboard/400/95xxx decoy"), ("办结状态", "none", "")])
    for i in range(n):
        order = "2026" + "".join(g.r.choice(string.digits) for _ in range(14))
        d = g.recent_date(2025, 2026)
        t.add([order, f"{d.isoformat()} {g.r.randint(8, 21):02d}:{g.r.randint(0, 59):02d}", free_text_12345(g),
               g.r.choice(["区住建局", "市交通运输局", "街道办事处", "市卫健委", "区城管局"]), g.org_phone(),
               g.r.choice(["已办结", "办理中", "已回访"])])
    return t


def t_chufa(g: Gen, n):
    t = Table("07_xingzheng_chufa.csv", "csv", "gbk", "行政处罚", [
        ("处罚决定书文号", "none", ""), ("当事人", "mixed", "persons and companies"),
        ("证件号码", "mixed", "IDs for persons, USCC for companies"), ("违法事实", "free_text", "PI in sentences sometimes"),
        ("处罚内容", "none", ""), ("立案日期", "none", "decoy date"), ("处罚机关", "none", "")])
    for i in range(n):
        person = g.r.random() < 0.55
        if person:
            who = P("person_name", g.han_name(0.3, 0.1))
            it, ic = g.id_written()
            idp = P("cn_resident_id", it, ic)
            if g.r.random() < 0.5:
                pt, pc = g.plate()
                fact = ["当事人驾驶", P("cn_license_plate", pt, pc), "号车辆超限运输，经", P("address", g.address("full_road")), "检测站查获。"]
            else:
                fact = ["当事人在", P("address", g.address("full_village")), "擅自占用耕地建房。"]
        else:
            who = g.company()
            idp = g.uscc()
            fact = f"该公司于{g.org_address()}未按规定公示年度报告。"
        t.add([f"浙{g.r.choice(['衢', '丽', '湖'])}{g.r.choice(['市监', '交执', '综执'])}罚〔2026〕{g.r.randint(1, 999)}号", who, idp, fact,
               g.r.choice(["罚款2000元", "警告", "罚款500元并责令改正"]), g.date_written(g.recent_date(2024, 2026)),
               g.r.choice(["衢州市市场监督管理局", "丽水市综合行政执法局"])])
    return t


def t_zizhu(g: Gen, n):
    t = Table("08_xuesheng_zizhu.csv", "csv", "utf-8", "学生资助", [
        ("F1", "person_name", "no hint"), ("F2", "cn_resident_id", "spaced IDs 330802 19570528 0715"),
        ("F3", "none", "school"), ("F4", "none", "grade"), ("F5", "person_name", "guardian, no hint"),
        ("F6", "cn_mobile", "138 1234 5678"), ("F7", "bank_card", "dash-grouped"), ("F8", "none", "amount"),
        ("F9", "address", "all provinces")])
    for i in range(n):
        b = g.birth(2005, 2020)
        core = g.resident_id(birth=b)
        idt = f"{core[:6]} {core[6:14]} {core[14:]}" if g.r.random() < 0.6 else g.id_written(core)[0]
        m = g.mobile()
        mt = f"{m[:3]} {m[3:7]} {m[7:]}" if g.r.random() < 0.6 else g.mobile_written(m)[0]
        mc = m
        c = g.bank_card()
        ct = "-".join(c[i:i + 4] for i in range(0, len(c), 4)) if g.r.random() < 0.6 else c
        t.add([P("person_name", g.any_name(0.2)), P("cn_resident_id", idt, core),
               g.r.choice(["市第一中学", "实验小学", "职业技术学院", "民族中学"]), g.r.choice(["一年级", "高二", "初三", "大一"]),
               P("person_name", g.any_name(0.2)), P("cn_mobile", mt, mc), P("bank_card", ct, c),
               str(g.r.choice([500, 1000, 1500, 2000, 3000])), P("address", g.address())])
    return t


def t_wangyueche(g: Gen, n):
    t = Table("09_wangyueche_siji.csv", "csv", "utf-8", "网约车司机", [
        ("jsyxm", "person_name", "pinyin abbr 驾驶员姓名"), ("jszh", "cn_resident_id", "驾驶证号 = ID"),
        ("cph", "cn_license_plate", "plates with ·, space, dash"), ("cx", "none", "model"),
        ("sjh", "cn_mobile", "pinyin abbr"), ("ptgs", "none", "platform company"),
        ("ptkf", "none", "95xxx/400 decoy"), ("zcsj", "none", "registration date decoy"),
        ("yx", "email", "pinyin abbr 邮箱")])
    for i in range(n):
        it, ic = g.id_written()
        pt, pc = g.plate()
        mt, mc = g.mobile_written()
        t.add([P("person_name", g.any_name(0.12)), P("cn_resident_id", it, ic), P("cn_license_plate", pt, pc),
               g.r.choice(["比亚迪秦", "大众朗逸", "丰田卡罗拉", "吉利帝豪"]), P("cn_mobile", mt, mc),
               g.r.choice(["某某出行科技有限公司", "畅行网约车服务有限公司"]), g.org_phone(),
               g.date_written(g.recent_date(2018, 2026)), P("email", g.email())])
    return t


def t_yimiao(g: Gen, n):
    t = Table("10_yimiao_jiezhong.xlsx", "xlsx", "xlsx", "疫苗接种", [
        ("受种者", "person_name", "register word"), ("出生日期", "birth_date", "child birth dates, forms"),
        ("监护人", "person_name", "register word"), ("监护人电话", "cn_mobile", ""),
        ("疫苗名称", "none", ""), ("批号", "none", "product/lot code"), ("接种日期", "none", "decoy date"),
        ("接种单位", "none", ""), ("接种单位地址", "none", "organisation address decoy"),
        ("接种点坐标", "none", "coordinates decoy")])
    for i in range(n):
        mt, mc = g.mobile_written()
        t.add([P("person_name", g.any_name(0.15)), P("birth_date", g.date_written(g.birth(2016, 2025))),
               P("person_name", g.any_name(0.15)), P("cn_mobile", mt, mc),
               g.r.choice(["乙肝疫苗", "百白破疫苗", "麻腮风疫苗", "脊灰疫苗"]),
               f"{g.r.choice(['A', 'B', 'Z'])}{g.r.randint(2024, 2026)}{g.r.randint(10000, 99999)}-{g.r.randint(1, 9)}",
               g.date_written(g.recent_date(2024, 2026)), g.r.choice(["西湖区社区卫生服务中心", "柯城区妇幼保健院"]),
               g.org_address(), f"{g.r.uniform(73, 135):.6f},{g.r.uniform(18, 53):.6f}"])
    return t


def t_shiye(g: Gen, n):
    t = Table("11_shiye_dengji.csv", "csv", "utf-8", "失业登记", [
        ("dj_id", "none", ""), ("xm", "person_name", "minority names with all separators"),
        ("zjhm", "mixed", "IDs mostly, some HK/Macau permits"), ("csrq", "birth_date", "pinyin abbr"),
        ("hjdz", "address", "户籍地址, Xinjiang/Tibet/… provinces"), ("dzyx", "email", ""),
        ("QQ", "qq_number", "QQ under QQ header"), ("sydjrq", "none", "registration date decoy"),
        ("whcd", "none", "education")])
    for i in range(n):
        b = g.birth(1960, 2004)
        if g.r.random() < 0.92:
            it, ic = g.id_written(g.resident_id(birth=b))
            idp = P("cn_resident_id", it, ic)
        else:
            a, c = g.hkmo_permit()
            idp = P("hk_macau_permit", a, c)
        q = g.qq()
        t.add([f"SY{i:07d}", P("person_name", g.minority_name() if g.r.random() < 0.6 else g.han_name()), idp,
               P("birth_date", g.date_written(b)), P("address", g.address()),
               P("email", g.r.choice([q + "@qq.com", g.email()])), P("qq_number", q, q),
               g.date_written(g.recent_date(2023, 2026)), g.r.choice(["初中", "高中", "大专", "本科"])])
    return t


def t_mixed(g: Gen, n):
    t = Table("12_mixed_sparse.csv", "csv", "utf-8", "mixed and sparse columns", [
        ("代码", "mixed", "CODE-nnnn with one ID, one mobile, one e-mail"),
        ("邮箱", "mixed", "e-mails with one ID and one mobile"), ("备注2", "mixed", "sparse notes, few PI"),
        ("产品编码", "none", "product codes"), ("数量", "none", "")])
    sp = {g.r.randrange(n): k for k in ("id", "mob", "mail")}
    sp2 = {g.r.randrange(n): k for k in ("id", "mob")}
    sp3 = set(g.r.sample(range(n), 12))
    for i in range(n):
        code = f"CODE-{g.r.randint(0, 9999):04d}"
        if i in sp:
            k = sp[i]
            if k == "id":
                core = g.resident_id()
                code = P("cn_resident_id", core, core)
            elif k == "mob":
                m = g.mobile()
                code = P("cn_mobile", m, m)
            else:
                code = P("email", g.email())
        mail = P("email", g.email())
        if i in sp2:
            if sp2[i] == "id":
                a, c = g.id_written()
                mail = P("cn_resident_id", a, c)
            else:
                a, c = g.mobile_written()
                mail = P("cn_mobile", a, c)
        note = ""
        if i % 7 == 0:
            note = g.r.choice(["已核对", "待补充材料", "重复提交", "作废"])
        if i in sp3:
            k = g.r.random()
            if k < 0.3:
                a, c = g.mobile_written()
                note = ["联系", P("cn_mobile", a, c)]
            elif k < 0.6:
                a, c = g.id_written()
                note = ["证件", P("cn_resident_id", a, c), "已核验"]
            elif k < 0.8:
                note = ["交", P("person_name", g.han_name()), "签收"]
            else:
                a, c = g.card_written()
                note = ["退款至", P("bank_card", a, c)]
        t.add([code, mail, note, f"SKU-{g.r.randint(1000, 9999)}-{g.r.choice('ABCXYZ')}{g.r.randint(10, 99)}",
               str(g.r.randint(1, 500))])
    return t


def t_duigong(g: Gen, n):
    t = Table("13_duigong_zhanghu.csv", "csv", "gb18030", "对公账户 (decoys only)", [
        ("单位名称", "none", "company names with surnames"), ("统一社会信用代码", "none", "USCC"),
        ("对公账号", "none", "corporate accounts, some pass Luhn"), ("开户网点", "none", ""),
        ("网点电话", "none", "branch switchboard"), ("传真", "none", "fax"), ("办公地址", "none", "office address"),
        ("成立日期", "none", "founding date decoy"), ("订单号", "none", "18-digit order number"),
        ("法人单位坐标", "none", "coordinates")])
    for i in range(n):
        a, num = g.landline()
        a2, num2 = g.landline()
        t.add([g.company(), g.uscc(), g.corporate_account(), g.r.choice(BANKS), f"{a}-{num}", f"{a2}-{num2}",
               g.org_address(), g.date_written(g.recent_date(1990, 2024)),
               g.r.choice(["2025", "2026"]) + "".join(g.r.choice(string.digits) for _ in range(14)),
               f"{g.r.uniform(73, 135):.5f}, {g.r.uniform(18, 53):.5f}"])
    return t


def t_hr(g: Gen, n):
    t = Table("14_hr_roster_en.xlsx", "xlsx", "xlsx", "English HR sheet (foreign-affairs office)", [
        ("Staff", "person_name", "romanised names"), ("Travel Doc", "mixed", "passports and HK/Macau permits"),
        ("Born", "birth_date", "30 AUG 1959 forms"), ("Cell", "cn_mobile", "+86 forms"),
        ("Mail", "email", ""), ("Home", "address", "home address"), ("Dept", "none", ""),
        ("Joined", "none", "hire date decoy"), ("Office Tel", "none", "office switchboard")])
    for i in range(n):
        if g.r.random() < 0.75:
            a, c = g.passport()
            doc = P("cn_passport", a, c)
        else:
            a, c = g.hkmo_permit()
            doc = P("hk_macau_permit", a, c)
        mt, mc = g.mobile_written()
        name = g.roman_name()
        py = name.replace(",", "").replace(" ", ".").lower()
        t.add([P("person_name", name), doc, P("birth_date", g.date_written(g.birth(1955, 2000))), P("cn_mobile", mt, mc),
               P("email", g.email(py)), P("address", g.address()), g.r.choice(["Protocol", "Translation", "Admin", "Liaison"]),
               g.date_written(g.recent_date(2005, 2026)), g.org_phone()])
    return t


def t_huji(g: Gen, n):
    t = Table("15_huji_chengyuan.csv", "csv", "utf-8-sig", "户籍家庭成员", [
        ("户号", "none", ""), ("成员姓名", "person_name", "half minority/rare names"),
        ("与户主关系", "none", ""), ("身份证", "cn_resident_id", "full-width and lower-case x"),
        ("出生", "birth_date", "short header"), ("民族", "none", ""), ("现住址", "address", "village forms"),
        ("迁入日期", "none", "decoy date")])
    for i in range(n):
        b = g.birth()
        core = g.resident_id(birth=b)
        k = g.r.random()
        it = core.translate(FW) if k < 0.3 else (core[:-1] + "x" if core.endswith("X") else g.id_written(core)[0])
        name = g.minority_name() if g.r.random() < 0.5 else g.han_name(0.5, 0.2)
        t.add([f"H{g.r.randint(100000, 999999)}", P("person_name", name),
               g.r.choice(["户主", "配偶", "子", "女", "母亲", "孙子"]), P("cn_resident_id", it, core),
               P("birth_date", g.date_written(b)), g.r.choice(["汉族", "维吾尔族", "藏族", "彝族", "哈萨克族", "壮族"]),
               P("address", g.address(g.r.choice(["full_village", "village_short", "no_prov"]))),
               g.date_written(g.recent_date(1990, 2026))])
    return t


def t_tekun(g: Gen, n):
    t = Table("16_tekun_gongyang.csv", "csv", "gb18030", "特困供养/临时救助", [
        ("户名", "person_name", "register word"), ("remark", "free_text", "free text with PI, some without cues"),
        ("col_3", "cn_landline", "home landlines, no hint"), ("救助金额", "none", ""),
        ("经办人电话", "none", "office switchboard decoy"), ("审批日期", "none", "decoy date")])
    for i in range(n):
        k = g.r.random()
        if k < 0.25:
            it, ic = g.id_written()
            rem = ["其子", P("person_name", g.han_name()), "（", P("cn_resident_id", it, ic), "）在外务工，赡养能力弱。"]
        elif k < 0.45:
            ct, cc = g.card_written()
            rem = ["救助金发放至", P("bank_card", ct, cc), "，本人已确认。"]
        elif k < 0.6:
            rem = ["与", P("person_name", g.han_name()), "、", P("person_name", g.han_name()), "共同居住于",
                   P("address", g.address("village_short")), "。"]
        elif k < 0.75:
            mt, mc = g.mobile_written()
            rem = ["监护人", P("person_name", g.any_name(0.2)), "手机", P("cn_mobile", mt, mc)]
        else:
            rem = g.r.choice(["因病致贫，已纳入特困供养。", "重度残疾，无劳动能力。", "2025年复核通过。", ""])
        lt, lc = g.landline_written()
        t.add([P("person_name", g.any_name(0.2)), rem, P("cn_landline", lt, lc), str(g.r.randint(500, 5000)),
               f"{g.landline()[0]}-{g.landline()[1]}", g.date_written(g.recent_date(2020, 2026))])
    return t


def t_jidongche(g: Gen, n):
    t = Table("17_jidongche_dengji.csv", "csv", "utf-8", "机动车登记", [
        ("号牌号码", "cn_license_plate", "new-energy, separators"), ("车主", "person_name", "register word, some companies"),
        ("车主证件", "mixed", "IDs for persons, USCC for companies"),
        ("车主手机", "cn_mobile", "full-width, +86"), ("车辆识别代号", "none", "VIN 17 chars"),
        ("初次登记日期", "none", "decoy date"), ("车主住所", "address", ""), ("销售单位电话", "none", "400 decoy")])
    vin = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
    for i in range(n):
        pt, pc = g.plate()
        mt, mc = g.mobile_written()
        it, ic = g.id_written()
        t.add([P("cn_license_plate", pt, pc), P("person_name", g.any_name(0.1)), P("cn_resident_id", it, ic),
               P("cn_mobile", mt, mc), "L" + "".join(g.r.choice(vin) for _ in range(16)),
               g.date_written(g.recent_date(2010, 2026)), P("address", g.address()), g.org_phone()])
    return t


def t_jiuye(g: Gen, n):
    t = Table("18_jiuye_bangfu.csv", "csv", "gbk", "就业帮扶 (pinyin headers of my own)", [
        ("bfdx", "person_name", "帮扶对象, pinyin abbr"), ("sfz", "cn_resident_id", ""),
        ("lxdh1", "mixed", "mobile or landline"), ("jtzz", "address", ""), ("bfr", "person_name", "帮扶人"),
        ("bfrdh", "cn_mobile", ""), ("bfrq", "none", "date decoy"), ("bz", "none", "")])
    for i in range(n):
        it, ic = g.id_written()
        if g.r.random() < 0.6:
            a, c = g.mobile_written()
            ph = P("cn_mobile", a, c)
        else:
            a, c = g.landline_written()
            ph = P("cn_landline", a, c)
        m2, c2 = g.mobile_written()
        t.add([P("person_name", g.han_name(0.3, 0.1)), P("cn_resident_id", it, ic), ph,
               P("address", g.address()), P("person_name", g.han_name()), P("cn_mobile", m2, c2),
               g.date_written(g.recent_date(2024, 2026)), g.r.choice(["技能培训", "岗位推荐", "创业补贴", ""])])
    return t


TABLES = [(t_dibao, 1800), (t_budongchan, 1500), (t_shebao, 1000), (t_xianxue, 1500), (t_chuzu, 1400),
          (t_12345, 1600), (t_chufa, 1200), (t_zizhu, 1400), (t_wangyueche, 1300), (t_yimiao, 900),
          (t_shiye, 1300), (t_mixed, 1000), (t_duigong, 1200), (t_hr, 700), (t_huji, 1500), (t_tekun, 1300),
          (t_jidongche, 1300), (t_jiuye, 1200)]


PROVINCE_CODES = set("11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 "
                     "71 81 82".split())


def valid_id(s: str) -> bool:
    if len(s) != 18 or not s[:17].isdigit() or s[:2] not in PROVINCE_CODES:
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * k for c, k in zip(s, w)) % 11] == s[17].upper()


def audit(g: Gen, tables, out: Path):
    """Self-check of the labels: every labelled substring is in its cell, every labelled identifier passes its
    check, and no unlabelled cell holds an 18-character run that is a valid ID or a 16-19-digit run that passes
    Luhn behind a 62/4/5 prefix (a decoy must be a decoy by construction, not by luck)."""
    import re
    for t in tables:
        path = out / t["file"]
        if t["format"] == "xlsx":
            import openpyxl
            rows = [["" if v is None else str(v) for v in r] for r in openpyxl.load_workbook(path).active.iter_rows(values_only=True)][1:]
        else:
            rows = list(csv.reader(io.StringIO(path.read_bytes().decode(t["encoding"]), newline="")))[1:]
        assert len(rows) == t["rows"], t["file"]
        labelled = set()
        for r, c, typ, sub, core in t["values"]:
            assert sub in rows[r][c], (t["file"], r, c)
            labelled.add((r, c))
            if typ == "cn_resident_id" and len(core) == 18:
                assert valid_id(core), (t["file"], r, c)
            if typ == "bank_card":
                assert g.luhn_ok(core), (t["file"], r, c)
        suspicious = 0
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if (r, c) in labelled:
                    continue
                for run in re.findall(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])", cell):
                    suspicious += valid_id(run)
                for run in re.findall(r"(?<![0-9])[0-9]{16,19}(?![0-9])", cell):
                    suspicious += run[0] in "456" and g.luhn_ok(run)
        if suspicious:
            print(f"warning: {t['file']}: {suspicious} unlabelled cells hold an identifier-like run")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    g = Gen(a.seed)
    tables = []
    for fn, n in TABLES:
        t = fn(g, n)
        t.write(out)
        tables.append(t.truth())
    audit(g, tables, out)
    truth = {"seed": a.seed, "tables": tables}
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False), encoding="utf-8")
    rows = sum(t["rows"] for t in tables)
    vals = sum(len(t["values"]) for t in tables)
    print(f"{len(tables)} tables, {rows} rows, {vals} personal values -> {out}")


if __name__ == "__main__":
    main()
