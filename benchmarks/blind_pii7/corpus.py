#!/usr/bin/env python3
"""Blind corpus #7 for opendata's personal-information detectors: a deterministic generator.

    python benchmarks/blind_pii7/corpus.py --out DIR --seed N

Writes 15 bare tables (CSV in UTF-8 / UTF-8-BOM / GBK / GB18030, XLSX, JSON, Parquet), truth.json in the format of
benchmarks/blind_pii2/evaluate.py (CSV/XLSX tables under `tables`, JSON/Parquet tables under `tables_json_parquet`
for benchmarks/blind_pii6/evaluate6.py) and an empty READY file last.  Built from issue #14's description of real
exports only, without reading the detectors.  Every value is synthetic: generated names, identifiers with valid
check digits, mobiles with real prefixes.  The generator reads its own files back and audits every label before it
writes truth.json (see audit()); a failed audit writes no truth.json and no READY.
Standard library plus pyarrow and openpyxl (both in the project's .venv).
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

# ====================================================================== check digits
ID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_W = [3, 7, 9, 10, 5, 8, 4, 2]


def id_check(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, ID_W)) % 11]


def id18_valid(s: str) -> bool:
    s = s.upper()
    if not re.fullmatch(r"\d{17}[\dX]", s):
        return False
    try:
        dt.date(int(s[6:10]), int(s[10:12]), int(s[12:14]))
    except ValueError:
        return False
    return 11 <= int(s[:2]) <= 82 and id_check(s[:17]) == s[17]


def id15_valid(s: str) -> bool:
    if not re.fullmatch(r"\d{15}", s):
        return False
    try:
        dt.date(1900 + int(s[6:8]), int(s[8:10]), int(s[10:12]))
    except ValueError:
        return False
    return 11 <= int(s[:2]) <= 82


def luhn_ok(d: str) -> bool:
    tot = 0
    for i, ch in enumerate(reversed(d)):
        n = int(ch)
        if i % 2:
            n *= 2
            n -= 9 if n > 9 else 0
        tot += n
    return tot % 10 == 0


def luhn_digit(body: str) -> str:
    for c in "0123456789":
        if luhn_ok(body + c):
            return c
    raise AssertionError


def uscc_valid(s: str) -> bool:
    if len(s) != 18 or any(c not in USCC_CHARS for c in s):
        return False
    tot = sum(USCC_CHARS.index(c) * w for c, w in zip(s[:17], USCC_W))
    return USCC_CHARS[(31 - tot % 31) % 31] == s[17]


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


# ====================================================================== reference data
# county-level divisions (real codes), province, city ('' for municipalities), county, area code, region kind
DIVS = [
    ("110105", "北京市", "", "朝阳区", "010", "city"), ("110108", "北京市", "", "海淀区", "010", "city"),
    ("120104", "天津市", "", "南开区", "022", "city"), ("130104", "河北省", "石家庄市", "桥西区", "0311", "city"),
    ("130682", "河北省", "保定市", "定州市", "0312", "rural"), ("140106", "山西省", "太原市", "迎泽区", "0351", "city"),
    ("150105", "内蒙古自治区", "呼和浩特市", "赛罕区", "0471", "city"),
    ("152502", "内蒙古自治区", "锡林郭勒盟", "锡林浩特市", "0479", "nm"),
    ("210102", "辽宁省", "沈阳市", "和平区", "024", "city"), ("220104", "吉林省", "长春市", "朝阳区", "0431", "city"),
    ("222401", "吉林省", "延边朝鲜族自治州", "延吉市", "0433", "rural"),
    ("230103", "黑龙江省", "哈尔滨市", "南岗区", "0451", "city"), ("310106", "上海市", "", "静安区", "021", "sh"),
    ("310112", "上海市", "", "闵行区", "021", "sh"), ("320106", "江苏省", "南京市", "鼓楼区", "025", "city"),
    ("320205", "江苏省", "无锡市", "锡山区", "0510", "rural"), ("330106", "浙江省", "杭州市", "西湖区", "0571", "city"),
    ("330110", "浙江省", "杭州市", "余杭区", "0571", "rural"), ("330205", "浙江省", "宁波市", "江北区", "0574", "city"),
    ("330782", "浙江省", "金华市", "义乌市", "0579", "rural"), ("331102", "浙江省", "丽水市", "莲都区", "0578", "rural"),
    ("340104", "安徽省", "合肥市", "蜀山区", "0551", "city"), ("341202", "安徽省", "阜阳市", "颍州区", "0558", "rural"),
    ("350102", "福建省", "福州市", "鼓楼区", "0591", "city"), ("360111", "江西省", "南昌市", "青山湖区", "0791", "city"),
    ("370102", "山东省", "济南市", "历下区", "0531", "city"), ("371302", "山东省", "临沂市", "兰山区", "0539", "rural"),
    ("410105", "河南省", "郑州市", "金水区", "0371", "city"), ("411723", "河南省", "驻马店市", "平舆县", "0396", "rural"),
    ("420106", "湖北省", "武汉市", "武昌区", "027", "city"), ("430104", "湖南省", "长沙市", "岳麓区", "0731", "city"),
    ("433101", "湖南省", "湘西土家族苗族自治州", "吉首市", "0743", "rural"),
    ("440106", "广东省", "广州市", "天河区", "020", "city"), ("440305", "广东省", "深圳市", "南山区", "0755", "city"),
    ("441900", "广东省", "东莞市", "", "0769", "city"), ("450103", "广西壮族自治区", "南宁市", "青秀区", "0771", "city"),
    ("460105", "海南省", "海口市", "秀英区", "0898", "rural"), ("500103", "重庆市", "", "渝中区", "023", "city"),
    ("510107", "四川省", "成都市", "武侯区", "028", "city"),
    ("513431", "四川省", "凉山彝族自治州", "昭觉县", "0834", "yi"),
    ("520102", "贵州省", "贵阳市", "南明区", "0851", "city"),
    ("522601", "贵州省", "黔东南苗族侗族自治州", "凯里市", "0855", "rural"),
    ("530102", "云南省", "昆明市", "五华区", "0871", "city"), ("532901", "云南省", "大理白族自治州", "大理市", "0872", "rural"),
    ("540102", "西藏自治区", "拉萨市", "城关区", "0891", "xz"), ("610113", "陕西省", "西安市", "雁塔区", "029", "city"),
    ("620102", "甘肃省", "兰州市", "城关区", "0931", "city"), ("630102", "青海省", "西宁市", "城东区", "0971", "city"),
    ("640104", "宁夏回族自治区", "银川市", "兴庆区", "0951", "city"),
    ("650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区", "0991", "city"),
    ("653121", "新疆维吾尔自治区", "喀什地区", "疏附县", "0998", "xj"),
    ("654021", "新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁县", "0999", "xj"),
]
ZJ = [d for d in DIVS if d[1] == "浙江省"]
XJ = [d for d in DIVS if d[5] == "xj"]
MINORITY_DIVS = [d for d in DIVS if d[5] in ("xj", "xz", "yi", "nm")]

COMMON_SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                       "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
RARE_SURNAMES = list("傅阎萧赖洪郦竺宓禤芈佘厍缪滕殷甄蔺琚鄢阙逯隗郗靳晁冼訾麴亓甘糜笪桂苗房裘翟凌巫符栾臧牛占虞祁景濮邬"
                     "幸项刁籍冀钮暴聂乜羿惠厉蒯敖")
COMPOUND_SURNAMES = ["欧阳", "司马", "诸葛", "端木", "皇甫", "闻人", "上官", "夏侯", "尉迟", "公孙", "慕容", "令狐", "长孙",
                     "宇文", "司徒", "东方", "独孤", "南宫", "呼延", "澹台", "公冶", "万俟", "轩辕", "第五", "百里", "东郭",
                     "拓跋", "钟离", "申屠", "太史"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红兰建国志文辉晓燕鹏飞宇浩然子涵梓轩欣怡思雨佳琪"
             "俊博嘉昊天宏亮春梅海波婷婷雪晨瑶琳锋凯斌鑫浩瑞泽楠一诺若曦昕彤嘉怡雅静振东永福德顺金凤淑珍秀兰桂芝"
             "玉兰玉珍国庆建华卫东立新红梅凤英翠花宗元汉卿慧颖璐蕾薇")
UY_GIVEN = ["买买提", "阿不都热合曼", "艾力", "吐尔逊", "努尔买买提", "阿卜杜拉", "热合曼", "肉孜", "亚森", "依明", "玉素甫",
            "阿迪力", "麦麦提敏", "古丽米拉", "热依拉", "阿依古丽", "帕提古丽", "努尔古丽", "迪丽努尔", "再娜甫", "阿孜古丽",
            "米日古丽", "吾斯曼", "艾尔肯", "塔依尔", "阿力木", "帕尔哈提", "祖丽胡玛尔", "阿米娜", "努尔兰", "叶尔兰",
            "赛力克", "哈力木拉提", "别克", "加娜尔", "阿依达娜", "巴合提", "叶尔波拉提"]
UY_FATHER = ["艾力", "吐尔逊", "买买提", "阿不来提", "司马义", "卡德尔", "托合提", "喀斯木", "阿西木", "尼亚孜", "吾买尔",
             "沙吾提", "哈斯木", "木沙", "赛买提", "阿布都拉", "热西提", "赛力克", "叶尔肯", "努尔兰", "哈再孜", "吐尔洪",
             "巴拉提", "居马", "阿合买提", "加帕尔", "库尔班", "依沙克"]
UY_SEPS = ["·", "·", "·", "•", ".", "・", "", "．"]
TIBETAN = ["扎西", "次仁", "卓玛", "格桑", "央金", "尼玛", "顿珠", "多吉", "拉姆", "平措", "旺堆", "德吉", "白玛", "索朗", "达瓦",
           "普布", "边巴", "洛桑", "巴桑", "央宗", "曲珍", "旦增", "益西", "强巴", "群培", "次旦", "拉巴", "格列", "仁青", "琼达"]
YI_A = ["阿牛", "吉克", "阿苏", "沙马", "曲比", "马海", "俄底", "吉伍", "海来", "阿尔", "勒格", "吉木", "日火", "巫其"]
YI_B = ["木呷", "曲布", "拉格", "阿依", "尔布", "伍各", "石惹", "日哈", "阿支", "子莫", "史者", "阿呷", "拉哈", "么么"]
MONGOL = ["巴特尔", "乌云", "其其格", "苏和", "额尔敦", "图雅", "孟和", "那日苏", "朝鲁", "阿拉坦", "乌兰", "斯琴", "宝音",
          "格日勒", "满都拉", "哈斯", "布和", "萨仁", "达来", "吉日嘎拉"]

MOBILE_PREFIX = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151",
                 "152", "153", "155", "156", "157", "158", "159", "166", "173", "175", "176", "177", "178", "180",
                 "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199"]
# personal debit cards: (BIN, length) of large issuers
CARD_BINS = [("622848", 19), ("622202", 19), ("621700", 19), ("436742", 19), ("621661", 19), ("622262", 19),
             ("622588", 16), ("621483", 16), ("621799", 19), ("622188", 19), ("621226", 19), ("622609", 16)]
RURAL_BINS = [("622848", 19), ("621799", 19), ("623091", 19), ("621098", 19)]
BANKS = ["中国农业银行", "中国工商银行", "中国建设银行", "中国银行", "交通银行", "招商银行", "中国邮政储蓄银行", "农村商业银行"]
PLATE_PROV = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LET = "ABCDEFGHJKLMNPQRSTUVWXYZ"
EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "outlook.com", "gmail.com", "139.com",
                 "yeah.net", "hotmail.com"]
PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu",
          "guo", "he", "lin", "luo", "zheng", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
          "xiao", "tian", "dong", "pan", "yuan", "jiang", "cai", "du", "ye", "cheng", "su", "wei", "lv", "ding", "shen",
          "ouyang", "sima", "zhuge", "duanmu", "huangfu", "shangguan"]
PY_GIVEN = ["wei", "fang", "na", "min", "jing", "li", "qiang", "lei", "jun", "yang", "yong", "yan", "jie", "juan",
            "tao", "ming", "chao", "xia", "ping", "gang", "hua", "hao", "yu", "xin", "yi", "jia", "bo", "kai", "rui",
            "xiaoming", "zihan", "yuxuan", "haoran", "siyu", "jiaqi", "xinyi", "junjie", "tingting", "lingling"]
STREETS = ["解放路", "人民路", "建设路", "中山路", "文化路", "胜利路", "新华路", "学院路", "凤起路", "延安路", "环城北路",
           "长江路", "黄河路", "和平路", "迎宾大道", "光明街", "幸福路", "朝阳路", "东风路", "健康路", "滨江大道", "体育场路"]
ESTATE_A = ["翠苑", "金都", "阳光", "绿城", "万科", "保利", "碧桂园", "锦绣", "香樟", "丹桂", "紫荆", "枫林", "春江", "望江",
            "融创", "雅居", "馨苑", "盛世", "东方", "明珠", "天鹅湖", "水岸", "御景", "翡翠城", "桂花园", "新城"]
ESTATE_B = ["小区", "花园", "家园", "新村", "苑", "公寓", "府", "名邸", "华庭", "一期", "二期"]
TOWN_A = ["城关", "新塘", "白塔", "河口", "石桥", "东湖", "青山", "黄土", "马家", "上庄", "柳林", "双河", "三江", "永安", "太平",
          "长乐", "龙泉", "桃源", "清水", "杨柳", "大石", "古城", "水口", "高桥"]
VILL_A = ["前进", "红星", "新民", "团结", "胜利", "东风", "光明", "和平", "联合", "幸福", "王家", "李庄", "张湾", "大坪", "小河",
          "杨柳", "枫树", "岩头", "塘下", "山后", "坪上", "石门", "沙溪", "南岭", "竹园", "下坊"]
XJ_TOWN = ["托克扎克", "吾库萨克", "布拉克苏", "塔什米力克", "萨依巴格", "英吾斯坦", "喀拉亚尕奇", "墩麻扎"]
XJ_VILL = ["阿克提坎", "托格拉克", "库木巴格", "英阿瓦提", "色满", "阿瓦提", "吾斯塘博依", "其格勒克", "阿亚格", "尤喀克"]
XZ_TOWN = ["娘热", "夺底", "蔡公堂", "纳金", "吉日", "八廓"]
XZ_VILL = ["加木", "白定", "扎西岗", "曲果", "强巴林", "次角林", "嘎玛贡桑"]
NM_TOWN = ["宝力根", "朝克乌拉", "伊和淖尔", "巴彦宝力格"]
NM_VILL = ["额尔敦", "巴彦查干", "乌兰", "赛罕", "阿拉坦", "宝日"]
YI_TOWN = ["四开", "竹核", "解放", "庆恒", "地莫", "比尔"]
YI_VILL = ["洒拉地坡", "火普", "阿并洛古", "三河", "特口甲谷", "好谷"]
COMPANY_WORDS = ["宏达", "鑫源", "华信", "恒通", "兴业", "瑞丰", "中恒", "天成", "正泰", "远航", "金鼎", "汇通", "博远",
                 "锦程", "永盛", "联创", "众诚", "海纳", "德润", "凯瑞", "明德", "三禾", "东升"]
COMPANY_TRADES = ["建设工程", "建筑劳务", "市政工程", "信息技术", "环保科技", "物业管理", "医疗器械", "办公设备", "园林绿化",
                  "食品", "电子科技", "装饰工程", "检测技术", "教育咨询", "网络科技", "机电设备"]
COMPANY_SUFFIX = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]


class G:
    """All random choices of one corpus (one seeded random.Random)."""

    def __init__(self, seed: int):
        self.r = random.Random(seed)
        self._used_names: set[str] = set()

    # -------------------------------------------------------------- people
    def surname(self) -> str:
        x = self.r.random()
        if x < 0.78:
            return self.r.choice(COMMON_SURNAMES)
        if x < 0.93:
            return self.r.choice(RARE_SURNAMES)
        return self.r.choice(COMPOUND_SURNAMES)

    def han(self) -> str:
        s = self.surname()
        n = 1 if self.r.random() < 0.3 else 2
        return s + "".join(self.r.choice(GIVEN) for _ in range(n))

    def minority(self, kind: str | None = None) -> str:
        kind = kind or self.r.choice(["uy", "uy", "tb", "yi", "mn"])
        if kind == "uy":
            return self.r.choice(UY_GIVEN) + self.r.choice(UY_SEPS) + self.r.choice(UY_FATHER)
        if kind == "tb":
            a, b = self.r.sample(TIBETAN, 2)
            return a + b if self.r.random() < 0.85 else a
        if kind == "yi":
            return self.r.choice(YI_A) + self.r.choice(YI_B)
        return self.r.choice(MONGOL) + (self.r.choice(MONGOL) if self.r.random() < 0.2 else "")

    def name(self, minority_share: float = 0.06) -> str:
        return self.minority() if self.r.random() < minority_share else self.han()

    def name_form(self, name: str) -> str:
        """How a name is typed in a register: mostly plain; two-character names padded with a (full-width) space."""
        x = self.r.random()
        if len(name) == 2 and x < 0.08:
            return name[0] + self.r.choice(["　", " ", "  "]) + name[1]
        if x < 0.10:
            return " " + name if self.r.random() < 0.5 else name + " "
        return name

    def roman(self, name_py: tuple[str, str] | None = None) -> str:
        s, g = name_py or (self.r.choice(PINYIN), self.r.choice(PY_GIVEN))
        x = self.r.random()
        if x < 0.4:
            return f"{s.upper()} {g.capitalize()}"
        if x < 0.8:
            return f"{g.capitalize()} {s.capitalize()}"
        return f"{s.capitalize()}, {g.capitalize()}"

    def birth(self, y0: int, y1: int) -> dt.date:
        return dt.date(y0, 1, 1) + dt.timedelta(days=self.r.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days))

    def sex(self) -> str:
        return self.r.choice("男女")

    # -------------------------------------------------------------- identifiers
    def id18(self, div: str | None = None, born: dt.date | None = None, sex: str | None = None) -> str:
        div = div or self.r.choice(DIVS)[0]
        born = born or self.birth(1950, 2005)
        seq = self.r.randrange(0, 1000)
        if sex:
            if (seq % 2 == 1) != (sex == "男"):
                seq = (seq + 1) % 1000
        body = f"{div}{born:%Y%m%d}{seq:03d}"
        return body + id_check(body)

    def id18_x(self, div: str | None = None, born: dt.date | None = None, sex: str | None = None) -> str:
        """An ID ending in X (about 1 in 11 do), tried for a few rounds to get one."""
        for _ in range(60):
            s = self.id18(div, born, sex)
            if s.endswith("X"):
                return s
        return s

    def id15(self, div: str, born: dt.date, sex: str | None = None) -> str:
        seq = self.r.randrange(0, 1000)
        if sex and (seq % 2 == 1) != (sex == "男"):
            seq = (seq + 1) % 1000
        return f"{div}{born:%y%m%d}{seq:03d}"

    def id_form(self, idv: str, plain: float = 0.7) -> str:
        """An 18-digit ID as people write it."""
        x = self.r.random()
        if x < plain:
            return idv.lower() if idv.endswith("X") and self.r.random() < 0.4 else idv
        k = self.r.randrange(8)
        if k == 0:
            return f"{idv[:6]} {idv[6:14]} {idv[14:]}"
        if k == 1:
            return f"{idv[:6]}-{idv[6:14]}-{idv[14:]}"
        if k == 2:
            return " ".join(idv[i:i + 4] for i in range(0, 18, 4))
        if k == 3:
            return fullwidth(idv)
        if k == 4:
            return "'" + idv
        if k == 5:
            return idv.lower() if idv.endswith("X") else idv + " "
        if k == 6:
            return f"{idv[:6]} {idv[6:10]} {idv[10:14]} {idv[14:]}"
        return "\t" + idv

    def mobile(self) -> str:
        return self.r.choice(MOBILE_PREFIX) + f"{self.r.randrange(10 ** 8):08d}"

    def mobile_form(self, m: str, plain: float = 0.72) -> str:
        if self.r.random() < plain:
            return m
        k = self.r.randrange(9)
        return [f"{m[:3]} {m[3:7]} {m[7:]}", f"{m[:3]}-{m[3:7]}-{m[7:]}", f"+86 {m}", f"+86-{m[:3]}-{m[3:7]}-{m[7:]}",
                f"0086{m}", f"86-{m}", fullwidth(m), f"(+86){m}", f"+86{m}"][k]

    def area(self, div=None) -> str:
        return (div or self.r.choice(DIVS))[4]

    def landline(self, area: str | None = None) -> tuple[str, str]:
        """(number as written, its canonical digits without extension)."""
        area = area or self.area()
        n = f"{self.r.randint(2, 8)}{self.r.randrange(10 ** 7):07d}" if len(area) == 3 or self.r.random() < 0.8 else \
            f"{self.r.randint(2, 8)}{self.r.randrange(10 ** 6):06d}"
        k = self.r.randrange(10)
        text = [f"{area}-{n}", f"{area}-{n}", f"{area}{n}", f"({area}){n}", f"{area} {n[:4]} {n[4:]}",
                f"（{area}）{n}", f"{area}-{n}", f"{area}—{n}", f"{area}-{n}", f"0{area[1:]}-{n}"][k]
        return text, area + n

    def landline_ext(self, area: str | None = None) -> tuple[str, str]:
        text, core = self.landline(area)
        ext = str(self.r.randint(100, 8999))
        return text + self.r.choice([f"转{ext}", f"-{ext}", f" ext.{ext}", f"转 {ext}", f"（分机{ext}）"]), core

    def office_phone(self, area: str | None = None) -> str:
        """An organisation's number: switchboard, hotline, 400/95 service numbers."""
        x = self.r.random()
        if x < 0.12:
            return f"400-{self.r.randint(100, 999)}-{self.r.randrange(10000):04d}"
        if x < 0.18:
            return f"400{self.r.randint(1000000, 9999999)}"
        if x < 0.22:
            return self.r.choice(["12345", "12315", "12348", "96345", "95598", "12369"])
        t, _ = self.landline(area)
        return t if self.r.random() < 0.75 else t + self.r.choice(["（总机）", "（办公室）", "(传真)", "、" + self.landline(area)[0]])

    def card(self, bins=CARD_BINS) -> str:
        b, n = self.r.choice(bins)
        body = b + "".join(str(self.r.randrange(10)) for _ in range(n - len(b) - 1))
        return body + luhn_digit(body)

    def card_form(self, c: str, plain: float = 0.6) -> str:
        if self.r.random() < plain:
            return c
        k = self.r.randrange(5)
        if k == 0:
            return " ".join(c[i:i + 4] for i in range(0, len(c), 4))
        if k == 1:
            return "-".join(c[i:i + 4] for i in range(0, len(c), 4))
        if k == 2:
            return f"{c[:6]} {c[6:]}"
        if k == 3:
            return "'" + c
        return fullwidth(c)

    def corp_account(self) -> str:
        """对公账号 of an organisation: bank-specific prefixes and lengths, random otherwise (about 1 in 10 pass Luhn)."""
        p, n = self.r.choice([("1202", 19), ("1203", 19), ("3305", 20), ("3300", 20), ("19", 17), ("1910", 15),
                              ("3578", 12), ("3310", 21), ("201000", 18), ("571", 15), ("2016", 18), ("955", 20)])
        while True:  # an account that is by chance also a valid ID number would be a truth question: redraw
            acc = p + "".join(str(self.r.randrange(10)) for _ in range(n - len(p)))
            if not id18_valid(acc):
                return acc

    def passport_cn(self) -> str:
        x = self.r.random()
        if x < 0.55:
            return "E" + f"{self.r.randint(10000000, 99999999)}"
        if x < 0.85:
            return "E" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + f"{self.r.randrange(10 ** 7):07d}"
        return "G" + f"{self.r.randint(10000000, 99999999)}"

    def hk_permit(self) -> str:
        x = self.r.random()
        if x < 0.45:
            return "C" + f"{self.r.randint(10000000, 99999999)}"
        if x < 0.7:
            return "C" + self.r.choice("ABCDEFGHJKLMNPQRSTUVWXY") + f"{self.r.randrange(10 ** 7):07d}"
        return self.r.choice("HM") + f"{self.r.randint(10000000, 99999999)}" + (
            f"{self.r.randrange(100):02d}" if self.r.random() < 0.4 else "")

    def plate(self) -> str:
        p = self.r.choice(PLATE_PROV) + self.r.choice(PLATE_LET.replace("I", "").replace("O", ""))
        if self.r.random() < 0.2:
            return p + self.r.choice("DF") + f"{self.r.randrange(10 ** 5):05d}"
        chars = [self.r.choice("0123456789") for _ in range(5)]
        for i in self.r.sample(range(5), self.r.choice([0, 1, 1, 2])):
            chars[i] = self.r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ")
        return p + "".join(chars)

    def plate_form(self, p: str) -> str:
        k = self.r.randrange(7)
        return [p, p, p[:2] + "·" + p[2:], p[:2] + " " + p[2:], p[:2] + "-" + p[2:], p[:2] + "•" + p[2:],
                fullwidth(p)][k]

    def email(self, py: tuple[str, str] | None = None) -> str:
        s, g = py or (self.r.choice(PINYIN), self.r.choice(PY_GIVEN))
        k = self.r.randrange(6)
        local = [f"{g}{s}", f"{s}.{g}", f"{s}{g}{self.r.randint(1, 99)}", f"{s}_{g}{self.r.randint(1970, 2005)}",
                 f"{self.r.randint(10000, 3999999999)}", f"{g[0]}{s}{self.r.randint(100, 999)}"][k]
        dom = "qq.com" if k == 4 else self.r.choice(EMAIL_DOMAINS)
        return f"{local}@{dom}"

    def uscc(self, div: str, kind: str = "91") -> str:
        for _ in range(100):
            body8 = "".join(self.r.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(8))
            vals = [int(c) if c.isdigit() else ord(c) - 55 for c in body8]
            c9 = 11 - sum(v * w for v, w in zip(vals, ORG_W)) % 11
            c9s = "X" if c9 == 10 else "0" if c9 == 11 else str(c9)
            if c9s not in USCC_CHARS:
                continue
            first17 = kind + div + body8 + c9s
            tot = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_W))
            return first17 + USCC_CHARS[(31 - tot % 31) % 31]
        raise AssertionError

    # -------------------------------------------------------------- places and organisations
    def estate(self) -> str:
        return self.r.choice(ESTATE_A) + self.r.choice(ESTATE_B)

    def address(self, div=None, form: str | None = None) -> str:
        """A dwelling address, every province, down to room / village-group / estate short forms."""
        d = div or self.r.choice(DIVS)
        code, prov, city, county, _, kind = d
        head = prov + city + county if prov != city else prov + county
        if self.r.random() < 0.15:
            head = city + county if city else prov + county
        if self.r.random() < 0.05:
            head = " ".join(x for x in (prov, city, county) if x) + " "
        r = self.r
        form = form or {"xj": "xj", "xz": "xz", "nm": "nm", "yi": "yi"}.get(kind) or r.choice(
            ["room", "room", "short", "village", "village", "sh" if kind == "sh" else "room", "group"])
        if form == "room":
            return (f"{head}{r.choice(TOWN_A)}街道{r.choice(STREETS)}{r.randint(1, 999)}号{self.estate()}"
                    f"{r.randint(1, 32)}{r.choice(['幢', '栋', '号楼'])}{r.randint(1, 6)}单元{r.randint(1, 33)}{r.randint(1, 4):02d}"
                    + r.choice(["室", "", "室"]))
        if form == "short":
            pre = county if r.random() < 0.6 else ""
            return f"{pre}{self.estate()}{r.randint(1, 30)}-{r.randint(1, 6)}-{r.randint(1, 33)}{r.randint(1, 4):02d}"
        if form == "sh":
            return f"{head}{r.choice(STREETS)}{r.randint(1, 2000)}弄{r.randint(1, 120)}号{r.randint(1, 30)}0{r.randint(1, 4)}室"
        if form == "village":
            return (f"{head}{r.choice(TOWN_A)}{r.choice(['镇', '乡'])}{r.choice(VILL_A)}村"
                    f"{r.randint(1, 15)}组{r.randint(1, 120)}号")
        if form == "group":
            return (f"{county or city}{r.choice(TOWN_A)}镇{r.choice(VILL_A)}村委会第{r.randint(1, 12)}村民小组"
                    f"{r.randint(1, 99)}号")
        if form == "xj":
            return (f"{head}{r.choice(XJ_TOWN)}{r.choice(['镇', '乡'])}{r.choice(XJ_VILL)}村"
                    f"{r.randint(1, 9)}组{r.randint(1, 200)}号")
        if form == "xz":
            return (f"{head}{r.choice(XZ_TOWN)}{r.choice(['街道', '乡'])}{r.choice(XZ_VILL)}"
                    f"{r.choice(['居委会', '村'])}{r.randint(1, 8)}组{r.randint(1, 90)}号")
        if form == "nm":
            return f"{head}{r.choice(NM_TOWN)}{r.choice(['苏木', '镇'])}{r.choice(NM_VILL)}嘎查{r.randint(1, 80)}号"
        if form == "yi":
            return f"{head}{r.choice(YI_TOWN)}{r.choice(['乡', '镇'])}{r.choice(YI_VILL)}村{r.randint(1, 9)}组{r.randint(1, 60)}号"
        raise ValueError(form)

    def org_address(self, div=None) -> str:
        """An organisation's registered / office address: not personal."""
        d = div or self.r.choice(ZJ)
        code, prov, city, county, _, _ = d
        r = self.r
        k = r.randrange(5)
        head = (prov if r.random() < 0.4 else "") + city + county
        if k == 0:
            return f"{head}{r.choice(STREETS)}{r.randint(1, 999)}号{r.choice(COMPANY_WORDS)}大厦{r.randint(2, 28)}楼{r.randint(1, 28)}{r.randint(1, 20):02d}室"
        if k == 1:
            return f"{head}经济技术开发区{r.choice(STREETS)}{r.randint(1, 300)}号"
        if k == 2:
            return f"{head}{r.choice(TOWN_A)}工业园区{r.randint(1, 20)}号厂房"
        if k == 3:
            return f"{head}{r.choice(STREETS)}{r.randint(1, 999)}号{r.randint(1, 9)}幢{r.randint(1, 6)}层"
        return f"{head}{r.choice(STREETS)}{r.randint(1, 999)}号"

    def company(self, div=None, shop: float = 0.12) -> str:
        d = div or self.r.choice(ZJ)
        city = (d[2] or d[1]).replace("市", "")
        r = self.r
        if r.random() < shop:  # 个体工商户 named after its keeper: an organisation name, not a person's name
            return f"{d[3] or city}{r.choice(COMMON_SURNAMES)}记{r.choice(['五金商行', '小吃店', '建材经营部', '汽修店'])}"
        return f"{city}{r.choice(COMPANY_WORDS)}{r.choice(COMPANY_TRADES)}{r.choice(COMPANY_SUFFIX)}"

    def date_between(self, a: dt.date, b: dt.date) -> dt.date:
        return a + dt.timedelta(days=self.r.randrange((b - a).days + 1))


def birth_form(g: G, d: dt.date, forms=("iso", "compact", "cn", "slash", "dot", "cn0", "en")) -> str:
    f = g.r.choice(forms)
    return {"iso": f"{d:%Y-%m-%d}", "compact": f"{d:%Y%m%d}", "cn": f"{d.year}年{d.month}月{d.day}日",
            "slash": f"{d.year}/{d.month}/{d.day}", "dot": f"{d:%Y.%m.%d}", "cn0": f"{d:%Y年%m月%d日}",
            "en": f"{d.day:02d} {d:%b}".upper() + f" {d.year}", "dmy": f"{d:%d/%m/%Y}",
            "ym": f"{d.year}.{d.month:02d}", "ymcn": f"{d.year}年{d.month}月"}[f]


# ====================================================================== cells, tables, truth
IDENT_CORE = {"cn_resident_id", "cn_mobile", "cn_landline", "bank_card", "cn_passport", "hk_macau_permit",
              "cn_license_plate"}


def core_of(typ: str, s: str) -> str | None:
    """The canonical form evaluate.py compares for identifiers (None for other types)."""
    if typ not in IDENT_CORE:
        return None
    n = nfkc(s).upper()
    if typ in ("cn_resident_id", "cn_passport", "hk_macau_permit"):
        return re.sub(r"[^0-9A-Z]", "", n)
    if typ == "cn_license_plate":
        return re.sub(r"[\s·•\-.・]", "", n)
    d = re.sub(r"\D", "", n)
    if typ == "cn_mobile":
        return d[-11:]
    return d


class C:
    """One cell: its value (str, or int/float/date/dict/list where the format keeps types) and its personal values
    as (type, substring as it appears in the evaluator's reading of the cell, canonical core or None)."""
    __slots__ = ("v", "spans")

    def __init__(self, v, spans=()):
        self.v = v
        self.spans = list(spans)


def vis(text: str) -> str:
    """The part of a cell value that still reads as the value: without a leading apostrophe / tab / spaces."""
    return text.strip().lstrip("'").strip()


def pi(value, typ: str, core: str | None = None, sub: str | None = None) -> C:
    s = value if isinstance(value, str) else render(value)
    sub = sub if sub is not None else vis(s)
    return C(value, [(typ, sub, core if core is not None else core_of(typ, sub))])


def txt(*parts) -> C:
    """Concatenate plain strings and (text, type[, core]) pieces into one cell with a span per piece."""
    out, spans = [], []
    for p in parts:
        if isinstance(p, str):
            out.append(p)
        elif isinstance(p, C):
            out.append(p.v)
            spans += p.spans
        else:
            t, typ = p[0], p[1]
            core = p[2] if len(p) > 2 else core_of(typ, t)
            out.append(t)
            spans.append((typ, vis(t), core))
    return C("".join(out), spans)


def render(v) -> str:
    """A value as evaluate6.py reads it back (JSON / Parquet); XLSX numbers read back the same way through str()."""
    if v is None:
        return ""
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def name_overcount(text: str, spans) -> bool:
    """Does a labelled name occur in text more often than it is labelled (names inside longer labelled names
    excepted)?"""
    names = [sub for typ, sub, _ in spans if typ == "person_name"]
    for sub in set(names):
        longer = {o for o in names if o != sub and sub in o}
        if text.count(sub) - sum(text.count(o) * o.count(sub) for o in longer) > names.count(sub):
            return True
    return False


class Table:
    def __init__(self, file: str, fmt: str, encoding: str, domain: str, note: str, cols: list[tuple]):
        self.file, self.fmt, self.encoding, self.domain, self.note = file, fmt, encoding, domain, note
        self.cols = [{"name": c[0], "note": c[1] if len(c) > 1 else "", "free_text": bool(len(c) > 2 and c[2])}
                     for c in cols]
        self.rows: list[list] = []
        self.values: list[list] = []
        self.arrow_types: dict[str, str] = {}

    def add(self, cells: list) -> bool:
        """Add a row; refuse it (False: the builder draws the row again) when a labelled name also occurs
        unlabelled in its cell, e.g. a name 江华 inside 浙江华信律师事务所: evaluate.py finds a value by substring,
        so such a row would count a correctly masked name as leaked."""
        assert len(cells) == len(self.cols), (self.file, len(cells), len(self.cols))
        for cell in cells:
            if isinstance(cell, C) and name_overcount(render(cell.v), cell.spans):
                return False
        r = len(self.rows)
        row = []
        # a GBK export cannot hold • or ・: the exporting system wrote ·, in the cell and so in its substring
        fix = (lambda v: v.replace("•", "·").replace("・", "·") if isinstance(v, str) else v) \
            if self.encoding == "gbk" else (lambda v: v)
        for c, cell in enumerate(cells):
            if isinstance(cell, C):
                row.append(fix(cell.v))
                for typ, sub, core in cell.spans:
                    self.values.append([r, c, typ, fix(sub), core])
            else:
                row.append(fix(cell))
        self.rows.append(row)
        return True

    def truth(self) -> dict:
        counts = [dict() for _ in self.cols]
        for r, c, typ, sub, core in self.values:
            counts[c][typ] = counts[c].get(typ, 0) + 1
        cols = []
        for col, cnt in zip(self.cols, counts):
            types = sorted(cnt)
            label = ("none" if not types else "free_text" if col["free_text"] else types[0] if len(types) == 1
                     else "mixed")
            cols.append({"name": col["name"], "label": label, "types": types, "note": col["note"],
                         "free_text": col["free_text"], "counts": cnt})
        return {"file": self.file, "format": self.fmt, "encoding": self.encoding, "domain": self.domain,
                "rows": len(self.rows), "note": self.note, "columns": cols, "values": self.values}


# ====================================================================== writers
FIXED_TIME = dt.datetime(2026, 11, 30, 9, 0, 0)


def write_csv(t: Table, path: Path) -> None:
    buf = io.StringIO(newline="")
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([c["name"] for c in t.cols])
    for row in t.rows:
        w.writerow([render(v) for v in row])
    path.write_bytes(buf.getvalue().encode(t.encoding))


def write_xlsx(t: Table, path: Path) -> None:
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append([c["name"] for c in t.cols])
    for row in t.rows:
        ws.append(row)
    for col in ws.iter_cols(min_row=2):
        for cell in col:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "yyyy-mm-dd"
    wb.properties.creator = "export"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    tmp = io.BytesIO()
    wb.save(tmp)
    # byte-identical output: fixed member times and document times
    zin = zipfile.ZipFile(io.BytesIO(tmp.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>2026-11-30T09:00:00Z", data)
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 11, 30, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


def write_json(t: Table, path: Path) -> None:
    recs = [{c["name"]: v for c, v in zip(t.cols, row)} for row in t.rows]
    path.write_bytes(json.dumps(recs, ensure_ascii=False, indent=1).encode(t.encoding))


def write_parquet(t: Table, path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq
    arrays, fields = [], []
    for i, c in enumerate(t.cols):
        kind = t.arrow_types.get(c["name"], "string")
        typ = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32(),
               "ts": pa.timestamp("s")}[kind]
        vals = [row[i] for row in t.rows]
        if kind == "string":
            vals = [None if v is None else render(v) for v in vals]
        arrays.append(pa.array(vals, type=typ))
        fields.append(pa.field(c["name"], typ))
    pq.write_table(pa.Table.from_arrays(arrays, schema=pa.schema(fields)), path, compression="snappy")


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json, "parquet": write_parquet}


# ====================================================================== reading back (as the evaluators read)
def read_back(t: Table, path: Path) -> tuple[list[str], list[list[str]]]:
    if t.fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path, read_only=True)
        rows = [["" if v is None else str(v) for v in r] for r in wb.active.iter_rows(values_only=True)]
        return rows[0], rows[1:]
    if t.fmt == "json":
        recs = json.loads(path.read_bytes().decode(t.encoding))
        header = list(recs[0].keys())
        return header, [[render(r.get(h)) for h in header] for r in recs]
    if t.fmt == "parquet":
        import pyarrow.parquet as pq
        tb = pq.read_table(path)
        cols = [tb.column(i).to_pylist() for i in range(tb.num_columns)]
        return tb.column_names, [[render(c[i]) for c in cols] for i in range(tb.num_rows)]
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode(t.encoding), newline="")))
    return rows[0], rows[1:]


# ====================================================================== tables
PLACEHOLDERS = ["无", "不详", "自助办理", "本人", "/", "—", "同上", "暂无", "见附件"]
NATION_OF = {"uy": ["维吾尔族", "哈萨克族"], "tb": ["藏族"], "yi": ["彝族"], "mn": ["蒙古族"]}


def person(g: G, y0: int, y1: int, div=None, minority_share: float = 0.06) -> dict:
    """One synthetic person: name, sex, birth date, division, ethnicity, ID number."""
    d = div or g.r.choice(DIVS)
    kind = None
    if d[5] in ("xj", "xz", "yi", "nm") and g.r.random() < 0.7:
        kind = {"xj": "uy", "xz": "tb", "yi": "yi", "nm": "mn"}[d[5]]
    elif g.r.random() < minority_share:
        kind = g.r.choice(["uy", "tb", "yi", "mn"])
    name = g.minority(kind) if kind else g.han()
    sex, born = g.sex(), g.birth(y0, y1)
    nation = g.r.choice(NATION_OF[kind]) if kind else ("汉族" if g.r.random() < 0.93 else g.r.choice(
        ["回族", "满族", "壮族", "土家族", "苗族", "朝鲜族", "畲族", "白族"]))
    idv = g.id18_x(d[0], born, sex) if g.r.random() < 0.09 else g.id18(d[0], born, sex)
    return {"name": name, "sex": sex, "born": born, "div": d, "nation": nation, "id": idv, "kind": kind}


def id_cell(g: G, p: dict, plain: float = 0.7, legacy: float = 0.0) -> C:
    if legacy and p["born"].year < 1985 and g.r.random() < legacy:
        v = g.id15(p["div"][0], p["born"], p["sex"])
        return pi(v, "cn_resident_id", v)
    return pi(g.id_form(p["id"], plain), "cn_resident_id", p["id"])


def mobile_cell(g: G, plain: float = 0.72, two: float = 0.0, m: str | None = None) -> C:
    m = m or g.mobile()
    if two and g.r.random() < two:
        m2 = g.mobile()
        return txt((g.mobile_form(m, plain), "cn_mobile", m), g.r.choice(["/", "，", "、", " ", ";"]),
                   (g.mobile_form(m2, plain), "cn_mobile", m2))
    return pi(g.mobile_form(m, plain), "cn_mobile", m)


def t01_juzhuzheng(g: G) -> Table:
    t = Table("01_juzhuzheng_shenling.csv", "csv", "utf-8", "居住证申领登记（流动人口）",
              "pinyin-abbreviation headers only; IDs with spaces/dashes/full-width/apostrophe/lower-case x and a few "
              "15-digit legacy numbers; birth dates in seven written forms; 户籍地址 from every province incl. village, "
              "嘎查, 居委会 forms; local 居住地址 in estate short forms; two phones in a cell",
              [("xh", "row number"), ("slbh", "受理编号: division + date + sequence, not PI"), ("xm", "姓名"),
               ("xb", "性别: not PI on its own"), ("mz", "民族: not PI on its own"), ("csrq", "出生日期, mixed forms"),
               ("sfzh", "身份证号 as people write it"), ("hjdz", "户籍地址"), ("jzdz", "居住地址 (estate forms)"),
               ("lxdh", "联系电话: mobiles, some home landlines, 无 placeholders (not PI)"), ("jzsy", "居住事由"),
               ("fwcs", "服务处所: employer name, not PI"), ("sqrq", "申请日期: not a birth date"),
               ("blpcs", "办理派出所: organisation"), ("zt", "办理状态")])
    reasons = ["务工", "务工", "务工", "经商", "就学", "投靠亲属", "随迁子女", "其他"]
    for i in range(1300):
        p = person(g, 1958, 2007, minority_share=0.07)
        local = g.r.choice(ZJ)
        applied = g.date_between(dt.date(2026, 1, 1), dt.date(2026, 11, 20))
        x = g.r.random()
        if x < 0.04:
            phone = C(g.r.choice(["无", "不详", "—"]))
        elif x < 0.07:
            tx, core = g.landline(local[4])
            phone = pi(tx, "cn_landline", core)
        else:
            phone = mobile_cell(g, 0.7, two=0.05)
        fw = g.company(local) if g.r.random() < 0.8 else g.r.choice(["无", "自由职业", "灵活就业", "个体"])
        t.add([str(i + 1), f"JZZ{local[0]}{applied:%Y%m%d}{g.r.randrange(100000):05d}",
               pi(g.name_form(p["name"]), "person_name"), p["sex"], p["nation"],
               pi(birth_form(g, p["born"], ("compact",) * 6 + ("iso", "cn", "slash", "dot", "cn0")), "birth_date"),
               id_cell(g, p, 0.68, legacy=0.08), pi(g.address(p["div"]), "address"),
               pi(g.address(local, g.r.choice(["short", "short", "room"])), "address"), phone,
               g.r.choice(reasons), fw, f"{applied:%Y-%m-%d}",
               f"{local[2]}公安局{local[3]}分局{g.r.choice(TOWN_A)}派出所", g.r.choice(["已制证", "待领取", "已领取", "受理中"])])
    return t


def t02_gongzi(g: G) -> Table:
    t = Table("02_nongmingong_gongzi_daifa.xlsx", "xlsx", "", "农民工工资专用账户代发明细",
              "register word 户名 instead of 姓名; 16-digit card numbers and mobiles stored as Excel numbers; cards "
              "grouped by four; decoys: contractor USCC and 工资专户 corporate account (some pass Luhn by chance), "
              "bank names, amounts",
              [("序号",), ("项目名称", "project: not PI"), ("施工单位", "contractor: organisation"),
               ("统一社会信用代码", "contractor USCC: organisation identifier, not PI"),
               ("工资专户账号", "对公账号 of the contractor: not PI even when it passes Luhn"), ("开户银行",),
               ("班组", "work team, not PI"), ("户名", "worker's name"), ("证件号码", "worker's ID"),
               ("收款卡号", "personal debit card: strings grouped by four, or an Excel number"), ("收款行",),
               ("手机号", "mobile, some as Excel numbers"), ("出勤天数",), ("应发工资",), ("实发工资",), ("发放月份",),
               ("备注", "mostly empty; 代领 names, a cancelled old card number (PI)")])
    projects = []
    for _ in range(38):
        d = g.r.choice(ZJ)
        projects.append((f"{d[3]}{g.r.choice(VILL_A)}{g.r.choice(['安置房', '学校', '道路提升', '综合体', '厂房'])}"
                         f"{g.r.choice(['工程', '项目', '一期工程', 'EPC项目'])}", g.company(d, shop=0), g.uscc(d[0]),
                         g.corp_account(), g.r.choice(BANKS[:6]) + d[3] + "支行"))
    teams = ["木工班", "钢筋班", "泥工班", "架子工班", "水电班", "杂工班", "油漆班"]
    while len(t.rows) < 1100:
        i = len(t.rows)
        pr = g.r.choice(projects)
        p = person(g, 1962, 2005, minority_share=0.05)
        c = g.card()
        if len(c) == 16 and g.r.random() < 0.6:
            card = pi(int(c), "bank_card", c, sub=c)
        else:
            card = pi(g.card_form(c, 0.5), "bank_card", c)
        m = g.mobile()
        mob = pi(int(m), "cn_mobile", m, sub=m) if g.r.random() < 0.4 else mobile_cell(g, 0.75, m=m)
        days = g.r.randint(8, 31)
        due = round(days * g.r.choice([260, 280, 300, 320, 350, 380, 420]) + g.r.choice([0, 0, 50.5, 120]), 2)
        x = g.r.random()
        if x < 0.05:
            note = txt("代领：", (g.han(), "person_name"), g.r.choice(["（配偶）", "（父亲）", "（班组长）", ""]))
        elif x < 0.08:
            old = g.card()
            note = txt("卡号变更，原卡", (g.card_form(old, 0.5), "bank_card", old), "已注销")
        elif x < 0.11:
            note = g.r.choice(["本人签字", "已核实", "补发上月差额", "无"])
        else:
            note = None
        t.add([i + 1, pr[0], pr[1], pr[2], pr[3], pr[4], g.r.choice(teams),
               pi(g.name_form(p["name"]), "person_name"), id_cell(g, p, 0.82, legacy=0.03),
               card, g.r.choice(BANKS), mob, days, due, round(due * g.r.choice([1, 1, 1, 0.98]), 2), "2026-10", note])
    return t


def road_place(g: G, d) -> str:
    """An accident location: a road, junction or milestone, not anyone's dwelling."""
    k = g.r.randrange(4)
    if k == 0:
        return f"{d[3]}{g.r.choice(STREETS)}与{g.r.choice(STREETS)}交叉口"
    if k == 1:
        return f"G{g.r.choice([60, 15, 25, 92, 56])}{g.r.choice(['沪昆', '沈海', '长深', '杭甬', '杭瑞'])}高速K{g.r.randint(1, 400)}+{g.r.randint(0, 999):03d}处"
    if k == 2:
        return f"{d[3]}{g.r.choice(STREETS)}{g.r.randint(1, 500)}号门前路段"
    return f"{g.r.choice(TOWN_A)}镇{g.r.choice(VILL_A)}村路口"


def t03_shigu(g: G) -> Table:
    t = Table("03_jiaotong_shigu_jianyi.parquet", "parquet", "", "道路交通事故简易程序处理记录",
              "Parquet with typed columns: timestamp of the accident (not PI), party A's birth date as a date32; "
              "驾驶证号 = ID number; plates with ·, space, dash, •; free-text 事故经过 with names and plates; decoys: "
              "accident number, road locations (…号门前路段), insurer and policy numbers",
              [("sgbh", "事故编号: not PI"), ("sgsj", "事故时间 (timestamp): not PI"), ("sgdd", "事故地点: a road, not PI"),
               ("tq", "天气"), ("dsr1", "当事人甲"), ("jszh1", "驾驶证号 = ID"), ("csrq1", "甲 出生日期 (date32)"),
               ("hphm1", "号牌号码"), ("cx1", "车型"), ("bxgs1", "保险公司: organisation"), ("bdh1", "保单号: not PI"),
               ("dsr2", "当事人乙; 不详 when the other party left"), ("jszh2", "驾驶证号"), ("hphm2", "号牌号码"),
               ("lxdh2", "乙 联系电话"), ("sgqk", "事故经过: free text", True), ("zrrd", "责任认定"),
               ("cldw", "处理单位: organisation")])
    t.arrow_types = {"sgsj": "ts", "csrq1": "date"}
    insurers = ["中国人民财产保险股份有限公司", "中国平安财产保险股份有限公司", "中国太平洋财产保险股份有限公司",
                "中华联合财产保险股份有限公司", "阳光财产保险股份有限公司"]
    while len(t.rows) < 1000:
        i = len(t.rows)
        d = g.r.choice(ZJ)
        when = dt.datetime.combine(g.date_between(dt.date(2026, 1, 1), dt.date(2026, 11, 28)),
                                   dt.time(g.r.randrange(24), g.r.randrange(60)))
        a, b = person(g, 1955, 2006), person(g, 1955, 2006)
        pa_, pb = g.plate(), g.plate()
        place = road_place(g, d)
        gone = g.r.random() < 0.05
        if gone:
            b_name, b_id, b_plate, b_tel = C("不详"), C(""), pi(g.plate_form(pb), "cn_license_plate", pb), C("")
        else:
            b_name = pi(g.name_form(b["name"]), "person_name")
            b_id = id_cell(g, b, 0.75)
            b_plate = pi(g.plate_form(pb), "cn_license_plate", pb) if g.r.random() < 0.85 else C("无牌电动自行车")
            b_tel = mobile_cell(g, 0.7)
        verb = g.r.choice(["沿", "行驶至", "途经"])
        story = [f"{when:%H时%M分}，", (a["name"], "person_name"), "驾驶", (g.plate_form(pa_), "cn_license_plate", pa_),
                 f"号小型轿车{verb}{place}时，"]
        if gone:
            story += ["与一辆", (g.plate_form(pb), "cn_license_plate", pb), "号车辆发生刮擦，对方驾驶人驶离现场。"]
        elif b_plate.spans:
            story += ["与", (b["name"], "person_name"), "驾驶的", (g.plate_form(pb), "cn_license_plate", pb),
                      "号车辆发生碰撞，造成两车受损，无人员受伤。"]
        else:
            story += ["与", (b["name"], "person_name"), "驾驶的电动自行车发生碰撞，",
                      (b["name"], "person_name"), g.r.choice(["轻微擦伤。", "自行就医。"])]
        if g.r.random() < 0.25:
            ph = g.mobile()
            story += ["甲方联系电话", (g.mobile_form(ph, 0.8), "cn_mobile", ph), "。"]
        if g.r.random() < 0.15:
            story += ["现场有行人王某目击。"]
        t.add([f"{d[0]}{when:%Y}{i + 1:06d}", when, place, g.r.choice(["晴", "阴", "雨", "雾", "多云"]),
               pi(g.name_form(a["name"]), "person_name"), id_cell(g, a, 0.8),
               pi(a["born"], "birth_date", sub=f"{a['born']:%Y-%m-%d}"),
               pi(g.plate_form(pa_), "cn_license_plate", pa_), g.r.choice(["小型轿车", "小型普通客车", "轻型货车", "SUV"]),
               g.r.choice(insurers), f"PDAA2026{d[0]}{g.r.randrange(10 ** 8):08d}", b_name, b_id, b_plate, b_tel,
               txt(*story), g.r.choice(["甲方全部责任", "乙方全部责任", "双方同等责任", "甲方主要责任"]),
               f"{d[2]}公安局交通警察支队{d[3]}大队"])
    return t


def t04_tiaojie(g: G) -> Table:
    t = Table("04_renmin_tiaojie_anjian.json", "json", "utf-8", "人民调解案件登记",
              "JSON array of records; 当事人 is an array of nested objects (name, ID, phone, address); 纠纷简要情况 "
              "is long free text with names after 申请人/被申请人/父亲/妻子/邻居 cues, phones, IDs and addresses "
              "inside sentences, beside pseudonyms (张某, 李某某: not PI); 调解员 names (PI)",
              [("ajbh", "案件编号: not PI"), ("tjwyh", "调解委员会: organisation"), ("jflx", "纠纷类型"),
               ("slrq", "受理日期"), ("dsr", "当事人: nested array of objects"),
               ("jfjyqk", "纠纷简要情况: free text", True), ("tjjg", "调解结果"), ("tjy", "调解员 (a person's name)"),
               ("xyje", "协议金额 (number)")])
    kinds = {"邻里纠纷": "因房屋漏水", "婚姻家庭纠纷": "因赡养老人费用分摊", "劳务纠纷": "因拖欠劳务费",
             "损害赔偿纠纷": "因饲养的犬只咬伤", "房屋宅基地纠纷": "因宅基地界址", "物业纠纷": "因车位使用",
             "消费纠纷": "因装修质量"}
    kin = ["父亲", "母亲", "妻子", "丈夫", "儿子", "女儿", "哥哥", "姐姐"]
    mediators = [g.han() for _ in range(14)]
    while len(t.rows) < 900:
        i = len(t.rows)
        d = g.r.choice(ZJ)
        when = g.date_between(dt.date(2026, 1, 1), dt.date(2026, 11, 25))
        jf = g.r.choice(list(kinds))
        n = 3 if g.r.random() < 0.2 else 2
        parties, dsr_spans = [], []
        people = [person(g, 1940, 2004, div=d if g.r.random() < 0.7 else None) for _ in range(n)]
        for k, p in enumerate(people):
            idtext = g.id_form(p["id"], 0.8) if g.r.random() < 0.85 else g.r.choice(["", "不详"])
            m = g.mobile()
            tel = g.mobile_form(m, 0.85) if g.r.random() < 0.9 else ""
            addr = g.address(p["div"]) if g.r.random() < 0.9 else "不详"
            parties.append({"角色": ["申请人", "被申请人", "第三人"][k], "姓名": p["name"], "性别": p["sex"],
                            "年龄": 2026 - p["born"].year, "证件号码": idtext, "联系电话": tel, "住址": addr})
            dsr_spans.append(("person_name", p["name"], None))
            if idtext not in ("", "不详"):
                dsr_spans.append(("cn_resident_id", vis(idtext), p["id"]))
            if tel:
                dsr_spans.append(("cn_mobile", tel, m))
            if addr != "不详":
                dsr_spans.append(("address", addr, None))
        a, b = people[0], people[1]
        med = g.r.choice(mediators)
        kname, krel = g.han(), g.r.choice(kin)
        km = g.mobile()
        parts = [f"{when.year}年{when.month}月{when.day}日，申请人", (a["name"], "person_name"), "来到调委会反映，其与",
                 "被申请人", (b["name"], "person_name"), f"{kinds[jf]}发生纠纷。"]
        if g.r.random() < 0.5:
            addr = g.address(a["div"], g.r.choice(["room", "short", "village"]))
            parts += ["申请人住", (addr, "address"), "，"]
        parts += ["双方多次协商未果。"]
        if g.r.random() < 0.35:
            parts += [(b["name"], "person_name"), "（身份证号", (g.id_form(b["id"], 0.6), "cn_resident_id", b["id"]),
                      "）表示愿意承担部分费用。"]
        parts += ["调解员", (med, "person_name"), "联系了", (a["name"], "person_name"), "的", krel,
                  (kname, "person_name"), "（电话", (g.mobile_form(km, 0.7), "cn_mobile", km), "）到场协助"]
        if g.r.random() < 0.4:
            parts += [g.r.choice(["，邻居张某", "，证人李某某", "，楼长陈某"]), "亦到场说明情况"]
        if g.r.random() < 0.2:
            tx, core = g.landline(d[4])
            parts += ["，另可联系", (tx, "cn_landline", core)]
        parts += ["。经调解，双方自愿达成协议。"]
        t.add([f"（{when.year}）浙{d[0][2:]}民调字第{i + 1}号", f"{d[3]}{g.r.choice(TOWN_A)}街道人民调解委员会", jf,
               f"{when:%Y-%m-%d}", C(parties, dsr_spans), txt(*parts),
               g.r.choice(["调解成功", "调解成功", "调解不成", "终止调解"]), pi(med, "person_name"),
               g.r.choice([0, 0, 500, 1200, 3000, 8000, 20000])])
    return t


def t05_kongqi(g: G) -> Table:
    t = Table("05_kongqi_zhiliang_xiaoshi.parquet", "parquet", "", "空气质量自动监测站小时数据",
              "no personal information: station codes, station coordinates (a site, not a person), timestamps, "
              "concentrations, data-logger IMEI numbers (15 digits passing Luhn: a device, not a person), operator "
              "company and its service numbers",
              [("station_code", "not PI"), ("station_name",), ("city",), ("lon", "station longitude: not PI"),
               ("lat", "station latitude: not PI"), ("monitor_time", "timestamp"), ("aqi",), ("pm25",), ("pm10",),
               ("so2",), ("no2",), ("o3",), ("co",), ("primary_pollutant",), ("quality_level",),
               ("logger_imei", "data logger IMEI: device identifier, not PI"), ("ops_company", "organisation"),
               ("ops_phone", "operator's service number: not PI")])
    t.arrow_types = {"lon": "float", "lat": "float", "monitor_time": "ts", "aqi": "int", "pm25": "int", "pm10": "int",
                     "so2": "int", "no2": "int", "o3": "int", "co": "float"}
    stations = []
    for k in range(30):
        d = g.r.choice(ZJ)
        body = "86" + "".join(str(g.r.randrange(10)) for _ in range(12))
        stations.append((f"{1001 + k * 3}A", g.r.choice(TOWN_A) + g.r.choice(["监测站", "", "子站"]), d[2],
                         round(118 + g.r.random() * 4, 6), round(27 + g.r.random() * 3, 6), body + luhn_digit(body),
                         g.company(d), g.office_phone(d[4])))
    start = dt.datetime(2026, 11, 1, 0, 0)
    levels = [(50, "优"), (100, "良"), (150, "轻度污染"), (200, "中度污染"), (999, "重度污染")]
    for i in range(1400):
        s = stations[i % 30]
        when = start + dt.timedelta(hours=i // 30)
        pm25 = g.r.randint(5, 160)
        aqi = min(500, int(pm25 * 1.3) + g.r.randint(0, 20))
        t.add([s[0], s[1], s[2], s[3], s[4], when, aqi, pm25, pm25 + g.r.randint(5, 60), g.r.randint(2, 20),
               g.r.randint(5, 80), g.r.randint(10, 200), round(0.3 + g.r.random() * 1.5, 1),
               "—" if aqi <= 50 else g.r.choice(["PM2.5", "PM10", "O3", "NO2"]),
               next(name for lim, name in levels if aqi <= lim), s[5], s[6], s[7]])
    return t


def t06_caigou(g: G) -> Table:
    t = Table("06_zhengfu_caigou_zhongbiao.csv", "csv", "gbk", "政府采购中标（成交）结果汇总",
              "enterprise decoys: supplier USCC, registered and office addresses, 成立日期 in birth-date-like forms, "
              "对公账号 (some pass Luhn by chance), switchboards and 400 numbers; personal: 项目联系人 names, the mobiles "
              "among the office numbers of 联系方式, 评审专家 name lists",
              [("项目编号", "not PI"), ("项目名称",), ("采购单位", "organisation"), ("采购单位地址", "office address: not PI"),
               ("采购单位电话", "office number: not PI"), ("中标供应商", "organisation (some 个体户 named 某记)"),
               ("供应商统一社会信用代码", "USCC: not PI"), ("供应商地址", "registered address: not PI"),
               ("成立日期", "company founding date: not a birth date"), ("注册资本（万元）",), ("开户银行",),
               ("银行账号", "对公账号: not PI"), ("中标金额（元）",), ("项目联系人", "person name; placeholders not PI"),
               ("联系方式", "office numbers (not PI) mixed with personal mobiles (PI)"),
               ("评审专家", "names joined by 、"), ("公告日期",)])
    while len(t.rows) < 1000:
        i = len(t.rows)
        d, ds = g.r.choice(ZJ), g.r.choice(ZJ)
        founded = g.date_between(dt.date(1993, 1, 1), dt.date(2024, 12, 31))
        x = g.r.random()
        if x < 0.05:
            contact = C(g.r.choice(["采购办", "—", "见公告"]))
        else:
            contact = pi(g.name_form(g.han()), "person_name")
        y = g.r.random()
        way = mobile_cell(g, 0.75) if y < 0.4 else C(g.office_phone(d[4]))
        if g.r.random() < 0.1:
            experts = C(g.r.choice(["详见附件", "依法保密", "—"]))
        else:
            parts = []
            for k in range(g.r.choice([3, 5, 5, 7])):
                if k:
                    parts.append(g.r.choice(["、", "、", "，", " "]))
                parts.append((g.han(), "person_name"))
            experts = txt(*parts)
        t.add([f"ZJCG-{d[0]}-2026-{i + 1:05d}", f"{d[3]}{g.r.choice(['智慧校园', '道路保洁', '办公家具', '信息系统运维', '绿化养护', '医疗设备', '食堂食材'])}采购项目",
               f"{d[3]}{g.r.choice(['教育局', '卫生健康局', '综合行政执法局', '人民医院', '第一中学', '财政局'])}",
               g.org_address(d), g.office_phone(d[4]), g.company(ds), g.uscc(ds[0]), g.org_address(ds),
               birth_form(g, founded, ("compact", "cn", "slash", "iso", "cn0")), str(g.r.choice([50, 100, 200, 500, 1000, 3000])),
               g.r.choice(BANKS) + ds[3] + "支行", g.corp_account(), f"{g.r.randint(20000, 9000000)}.00", contact, way,
               experts, f"2026-{g.r.randint(1, 11):02d}-{g.r.randint(1, 28):02d}"])
    return t


def t07_weifang(g: G) -> Table:
    t = Table("07_weifang_gaizao_butie.csv", "csv", "utf-8-sig", "农村危房改造补助资金发放公示",
              "UTF-8 with BOM; household heads with rare/compound surnames and minority names; 惠农一卡通 numbers (rural "
              "BINs) with dashes/spaces/apostrophe; village dwelling addresses (…村…组…号, 嘎查, 居委会); decoys: an "
              "already-masked ID column (first 6 + last 4: not PI), village names, household category",
              [("序号",), ("乡镇", "not PI"), ("村", "village name alone: not PI"), ("户主姓名",),
               ("身份证号码（脱敏）", "already masked (6 + ******** + 4): not PI"), ("家庭人口",), ("农户类型",),
               ("改造方式",), ("补助金额（元）",), ("一卡通账号", "bank card"), ("房屋坐落", "dwelling address"),
               ("联系电话", "mobile; 无 placeholders"), ("验收日期", "not a birth date"), ("备注", "代领 names")])
    divs = [d for d in DIVS if d[5] in ("rural", "xj", "xz", "yi", "nm")]
    while len(t.rows) < 1100:
        i = len(t.rows)
        d = g.r.choice(divs)
        p = person(g, 1935, 1990, div=d)
        town = g.r.choice({"xj": XJ_TOWN, "xz": XZ_TOWN, "yi": YI_TOWN, "nm": NM_TOWN}.get(d[5], TOWN_A))
        vill = g.r.choice({"xj": XJ_VILL, "xz": XZ_VILL, "yi": YI_VILL, "nm": NM_VILL}.get(d[5], VILL_A))
        vsuf = "嘎查" if d[5] == "nm" else "村"
        head = d[3] if g.r.random() < 0.6 else ""
        addr = f"{head}{town}{'苏木' if d[5] == 'nm' else '乡'}{vill}{vsuf}" + (
            f"{g.r.randint(1, 12)}组{g.r.randint(1, 150)}号" if g.r.random() < 0.8 else f"{g.r.randint(1, 150)}号")
        c = g.card(RURAL_BINS)
        tel = mobile_cell(g, 0.8) if g.r.random() < 0.93 else C(g.r.choice(["无", "", "/"]))
        note = None
        if g.r.random() < 0.06:
            note = txt("户主已故，由", (g.han() if not p["kind"] else g.minority(p["kind"]), "person_name"), "代领")
        elif g.r.random() < 0.05:
            note = g.r.choice(["五保户", "已验收", "资金分两次拨付"])
        t.add([str(i + 1), town + ("苏木" if d[5] == "nm" else "乡"), vill + vsuf,
               pi(g.name_form(p["name"]), "person_name"), p["id"][:6] + "********" + p["id"][-4:],
               str(g.r.randint(1, 7)), g.r.choice(["低保户", "分散供养特困人员", "低保边缘户", "一般户", "残疾人家庭"]),
               g.r.choice(["原址翻建", "加固改造", "异地新建"]), str(g.r.choice([15000, 20000, 25000, 35000])),
               pi(g.card_form(c, 0.45), "bank_card", c), pi(addr, "address"), tel,
               f"2026-{g.r.randint(1, 11):02d}-{g.r.randint(1, 28):02d}", note])
    return t


def t08_hezhang(g: G) -> Table:
    t = Table("08_hehuzhang_gongshipai.csv", "csv", "utf-8-sig", "河湖长制公示牌信息",
              "headers F1…F11 only; names of river chiefs and river police (PI); 联系电话 mixes office landlines "
              "(not PI) with personal mobiles (PI); 监督电话 is 12345 or an office number; river start/end points",
              [("F1", "河湖名称"), ("F2", "所在县区"), ("F3", "河长级别"), ("F4", "河长姓名"), ("F5", "职务: not PI"),
               ("F6", "联系电话: office (not PI) or mobile (PI)"), ("F7", "监督电话: not PI"), ("F8", "起点: a place"),
               ("F9", "终点: a place"), ("F10", "河道警长姓名"), ("F11", "警长电话: mobile or 110 (not PI)")])
    for i in range(900):
        d = g.r.choice(DIVS)
        lvl = g.r.choice(["县级", "乡级", "乡级", "村级", "村级"])
        town = g.r.choice(TOWN_A)
        duty = {"县级": f"{d[3] or d[2]}副县长", "乡级": f"{town}镇党委书记", "村级": f"{g.r.choice(VILL_A)}村党支部书记"}[lvl]
        tel = mobile_cell(g, 0.8) if g.r.random() < 0.55 else C(g.office_phone(d[4]))
        police = pi(g.han(), "person_name") if g.r.random() < 0.85 else C("—")
        ptel = mobile_cell(g, 0.85) if police.spans and g.r.random() < 0.8 else C("110")
        river = g.r.choice(VILL_A + TOWN_A) + g.r.choice(["溪", "河", "江", "港", "塘", "渠"])
        t.add([river, d[3] or d[2], lvl, pi(g.name_form(g.name(0.08)), "person_name"), duty, tel,
               g.r.choice(["12345", "12369", g.office_phone(d[4])]), f"{town}镇{g.r.choice(VILL_A)}村",
               f"{g.r.choice(TOWN_A)}镇{g.r.choice(VILL_A)}村", police, ptel])
    return t


def t09_wuzi(g: G) -> Table:
    t = Table("09_yingji_wuzi_chuku.csv", "csv", "utf-8", "应急物资出库登记",
              "sparse: among 1200 出库单号 codes one holds an ID number, one a mobile, one an e-mail; one 19-digit card "
              "among the 物资编码; 领用人 with 自助领取/同上/本单位 placeholders (not PI); 签收电话 mostly office "
              "numbers (not PI) with some mobiles; a mostly empty 备注 with names, mobiles and plates",
              [("ckdh", "出库单号: codes; three cells hold PI"), ("wzbm", "物资编码: codes; one card number"),
               ("wzmc",), ("ggxh",), ("sl",), ("dw",), ("lydw", "领用单位: organisation"),
               ("lyr", "领用人: names and placeholders"), ("qsdh", "签收电话: office (not PI) and mobiles (PI)"),
               ("ckrq",), ("kgy", "库管员: a few staff names"), ("bz", "备注: mostly empty", True)])
    items = [("折叠床", "190*70cm", "张"), ("棉被", "2kg", "床"), ("矿泉水", "550ml*24", "箱"), ("方便面", "24桶", "箱"),
             ("应急照明灯", "LED", "台"), ("救生衣", "成人", "件"), ("帐篷", "12㎡", "顶"), ("沙袋", "50kg", "袋"),
             ("发电机", "5kW", "台"), ("医用口罩", "50只/盒", "盒")]
    keepers = [g.han() for _ in range(6)]
    n = 1200
    special = g.r.sample(range(n), 4)
    while len(t.rows) < n:
        i = len(t.rows)
        d = g.r.choice(ZJ)
        when = g.date_between(dt.date(2026, 6, 1), dt.date(2026, 11, 28))
        code = C(f"CK{when:%Y%m%d}-{i + 1:04d}")
        wz = C(f"WZ-{g.r.randint(1, 9):02d}-{g.r.randrange(10 ** 6):06d}")
        if i == special[0]:
            code = id_cell(g, person(g, 1960, 2000), 1.0)
        elif i == special[1]:
            code = pi(g.mobile(), "cn_mobile")
        elif i == special[2]:
            code = pi(g.email(), "email")
        elif i == special[3]:
            wz = pi(g.card(), "bank_card")
        it = g.r.choice(items)
        x = g.r.random()
        taker = C(g.r.choice(["自助领取", "无", "同上", "本单位", "—"])) if x < 0.2 else pi(g.name_form(g.name()), "person_name")
        y = g.r.random()
        tel = C(g.office_phone(d[4])) if y < 0.6 else mobile_cell(g, 0.75) if y < 0.95 else C("")
        z = g.r.random()
        if z < 0.04:
            m = g.mobile()
            note = txt("由司机", (g.han(), "person_name"), "代领，电话", (g.mobile_form(m, 0.7), "cn_mobile", m))
        elif z < 0.06:
            pl = g.plate()
            note = txt("送货车辆", (g.plate_form(pl), "cn_license_plate", pl))
        elif z < 0.08:
            m = g.mobile()
            note = txt("已电话通知", (g.han(), "person_name"), "（", (m, "cn_mobile"), "）")
        elif z < 0.12:
            note = C(g.r.choice(["退库", "破损2件", "补录", "调拨至二号库"]))
        else:
            note = C("")
        t.add([code, wz, it[0], it[1], str(g.r.randint(1, 300)), it[2],
               f"{d[3]}{g.r.choice(TOWN_A)}{g.r.choice(['街道办事处', '镇人民政府', '社区居委会'])}", taker, tel,
               f"{when:%Y-%m-%d}", pi(g.r.choice(keepers), "person_name"), note])
    return t


def t10_banjian(g: G) -> Table:
    t = Table("10_yiwangtongban_banjian.csv", "csv", "utf-8-sig", "一网通办办件明细（数据交换平台导出）",
              "headers 字段1…字段14 only; 申请人 holds person names and company names; a generic 证件号码 column of "
              "resident IDs, passports, 港澳 permits and (for companies) USCC (not PI); 办件编号 starts with a "
              "division code and a date (21 digits, not PI); 代办人 mostly 本人/无/自助办理 (not PI)",
              [("字段1", "办件编号: not PI"), ("字段2", "事项名称"), ("字段3", "申请人类型"),
               ("字段4", "申请人: person (PI) or company (not PI)"), ("字段5", "证件类型"),
               ("字段6", "证件号码: ID / passport / permit (PI) or USCC (not PI)"),
               ("字段7", "联系电话: mobiles (PI), company numbers (not PI)"),
               ("字段8", "联系地址: a person's (PI) or a company's (not PI)"), ("字段9", "受理时间"), ("字段10", "办结时间"),
               ("字段11", "受理部门"), ("字段12", "办理状态"), ("字段13", "代办人: names (PI) and placeholders"),
               ("字段14", "电子邮箱")])
    personal = ["居民身份证换领", "出生医学证明补发", "不动产权属证明查询", "灵活就业人员参保登记", "住房公积金提取",
                "老年人优待证办理", "机动车驾驶证期满换证", "户口迁入", "残疾人两项补贴申请", "生育登记"]
    legal = ["食品经营许可", "营业执照变更登记", "道路货物运输经营许可", "排污许可证申领", "建筑工程施工许可"]
    for i in range(1300):
        d = g.r.choice(ZJ)
        acc = dt.datetime.combine(g.date_between(dt.date(2026, 1, 1), dt.date(2026, 11, 20)),
                                  dt.time(g.r.randint(8, 17), g.r.randrange(60), g.r.randrange(60)))
        done = acc + dt.timedelta(days=g.r.randint(0, 15), hours=g.r.randint(0, 5))
        is_legal = g.r.random() < 0.22
        if is_legal:
            ds = g.r.choice(ZJ)
            who, kind = C(g.company(ds)), "统一社会信用代码"
            idc = C(g.uscc(ds[0]))
            tel = C(g.office_phone(ds[4])) if g.r.random() < 0.5 else mobile_cell(g, 0.8)
            addr = C(g.org_address(ds))
            item = g.r.choice(legal)
        else:
            p = person(g, 1940, 2008, minority_share=0.05)
            who = pi(g.name_form(p["name"]), "person_name")
            x = g.r.random()
            if x < 0.08:
                kind, idc = "护照", pi(g.passport_cn(), "cn_passport")
            elif x < 0.13:
                kind, idc = g.r.choice(["往来港澳通行证", "港澳居民来往内地通行证"]), pi(g.hk_permit(), "hk_macau_permit")
            else:
                kind, idc = "居民身份证", id_cell(g, p, 0.8)
            tel = mobile_cell(g, 0.75, two=0.03)
            addr = pi(g.address(p["div"] if g.r.random() < 0.4 else d), "address")
            item = g.r.choice(personal)
        agent = pi(g.han(), "person_name") if g.r.random() < 0.3 else C(g.r.choice(["本人", "无", "自助办理", "", "—"]))
        mail = pi(g.email(), "email") if g.r.random() < 0.6 else C("")
        t.add([f"{d[0]}{acc:%Y%m%d}{g.r.randrange(10 ** 7):07d}", item, "法人" if is_legal else "自然人", who, kind, idc,
               tel, addr, f"{acc:%Y-%m-%d %H:%M:%S}", f"{done:%Y-%m-%d %H:%M:%S}",
               f"{d[3]}{g.r.choice(['行政服务中心', '市场监督管理局', '公安分局', '人力社保局', '住建局'])}",
               g.r.choice(["办结", "办结", "办结", "不予受理", "退回补正"]), agent, mail])
    return t


FOREIGN = {  # nationality: (given names, family names, passport pattern, phone prefix)
    "Pakistan": (["Muhammad", "Ali", "Hassan", "Ayesha", "Fatima", "Usman", "Bilal", "Zainab"],
                 ["Khan", "Ahmed", "Malik", "Hussain", "Raza", "Qureshi"], "LL7", "+92 3"),
    "India": (["Rahul", "Priya", "Arjun", "Ananya", "Vikram", "Sneha"], ["Sharma", "Patel", "Reddy", "Nair", "Gupta"],
              "L7", "+91 9"),
    "Russia": (["Ivan", "Olga", "Dmitry", "Anastasia", "Sergei", "Ekaterina"],
               ["Ivanov", "Petrova", "Smirnov", "Volkova", "Kuznetsov"], "D9", "+7 9"),
    "Kazakhstan": (["Aigerim", "Nurlan", "Dana", "Yerlan", "Aruzhan", "Daniyar"],
                   ["Nurlanovna", "Bekov", "Seitkali", "Zhakupova", "Omarov"], "N8", "+7 7"),
    "Vietnam": (["Van An", "Thi Lan", "Minh Duc", "Thu Trang", "Quoc Bao"], ["Nguyen", "Tran", "Le", "Pham", "Hoang"],
                "C7", "+84 9"),
    "Thailand": (["Somchai", "Nattaya", "Kittisak", "Ploy", "Anan"], ["Srisuk", "Wongsa", "Chaiyaporn", "Rattana"],
                 "LL7", "+66 8"),
    "Indonesia": (["Budi", "Siti", "Agus", "Dewi", "Rizky"], ["Santoso", "Wijaya", "Saputra", "Lestari"], "L7",
                  "+62 81"),
    "Nigeria": (["Chinedu", "Ngozi", "Oluwaseun", "Amaka", "Emeka"], ["Okafor", "Adeyemi", "Eze", "Balogun"], "L8",
                "+234 80"),
    "Egypt": (["Ahmed", "Mona", "Omar", "Yasmin", "Mahmoud"], ["Hassan", "Ibrahim", "Mostafa", "Salem"], "L8", "+20 10"),
    "Ghana": (["Kwame", "Ama", "Kofi", "Abena", "Yaw"], ["Mensah", "Owusu", "Boateng", "Asante"], "L7", "+233 24"),
    "Mongolia": (["Bat-Erdene", "Enkhjin", "Temuulen", "Nomin"], ["Bold", "Ganbaatar", "Dorj", "Sukhbaatar"], "L7",
                 "+976 9"),
    "Nepal": (["Sanjay", "Sita", "Bikash", "Puja"], ["Shrestha", "Thapa", "Gurung", "Adhikari"], "D8", "+977 98"),
    "Uzbekistan": (["Jasur", "Dilnoza", "Sardor", "Madina"], ["Karimov", "Yusupova", "Rashidov", "Tursunov"], "LL7",
                   "+998 90"),
    "Kenya": (["Wanjiru", "Otieno", "Achieng", "Kipchoge"], ["Mwangi", "Odhiambo", "Kamau", "Wanjala"], "LL7",
              "+254 7"),
    "Italy": (["Giulia", "Marco", "Francesca", "Luca"], ["Rossi", "Bianchi", "Romano", "Colombo"], "LL7", "+39 3"),
}
CN_TRANSLIT = ["马力克", "阿里", "哈桑", "伊万", "安娜", "阮文安", "阿依古丽", "库马尔", "索菲亚", "奥马尔", "丹尼尔", "巴图"]


def foreign_passport(g: G, pat: str) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    if pat == "LL7":
        return "".join(g.r.choice(letters) for _ in range(2)) + f"{g.r.randrange(10 ** 7):07d}"
    if pat == "L7":
        return g.r.choice(letters) + f"{g.r.randrange(10 ** 7):07d}"
    if pat == "L8":
        return g.r.choice(letters) + f"{g.r.randrange(10 ** 8):08d}"
    if pat == "N8":
        return "N" + f"{g.r.randrange(10 ** 8):08d}"
    if pat == "C7":
        return "C" + f"{g.r.randrange(10 ** 7):07d}"
    if pat == "D8":
        return f"{g.r.randint(10 ** 7, 10 ** 8 - 1)}"
    return f"{g.r.randint(7, 7)}{g.r.randint(10 ** 7, 10 ** 8 - 1)}"


def t11_scholarship(g: G) -> Table:
    t = Table("11_intl_student_scholarship.xlsx", "xlsx", "", "来华留学生奖学金发放名单（英文表头）",
              "English headers; romanised foreign names; foreign passports of many patterns (8–9 digits, 1–2 letters "
              "+ 7–8 digits); birth dates as '30 AUG 1999', 12/03/1999, ISO and real Excel dates; supervisors as "
              "romanised Chinese names after a title; +86 mobiles; Chinese stipend cards; foreign emergency phones",
              [("No.",), ("Full Name",), ("Chinese Name", "transliterated name, often empty"), ("Gender",),
               ("Nationality",), ("Passport No.", "foreign passport"), ("Date of Birth", "mixed forms, some Excel dates"),
               ("University", "organisation"), ("Programme",), ("Supervisor", "title + romanised Chinese name"),
               ("Email",), ("Mobile", "+86 mobile"), ("Stipend Account", "Chinese debit card"), ("Bank",),
               ("Dorm Address", "campus dormitory room: where the student lives"),
               ("Emergency Contact", "a person's name"), ("Emergency Phone", "foreign number"), ("Scholarship",),
               ("Amount (CNY)",)])
    unis = [("Zhejiang University", "Zijingang Campus", "866 Yuhangtang Rd, Xihu District, Hangzhou"),
            ("Zhejiang Normal University", "Jinhua Campus", "688 Yingbin Ave, Wucheng District, Jinhua"),
            ("Ningbo University", "Main Campus", "818 Fenghua Rd, Jiangbei District, Ningbo"),
            ("Hangzhou Dianzi University", "Xiasha Campus", "1158 No.2 Ave, Qiantang District, Hangzhou"),
            ("Zhejiang University of Technology", "Pingfeng Campus", "288 Liuhe Rd, Xihu District, Hangzhou")]
    for i in range(900):
        nat = g.r.choice(list(FOREIGN))
        gv, fm, pat, pre = FOREIGN[nat]
        given, fam = g.r.choice(gv), g.r.choice(fm)
        full = g.r.choice([f"{given} {fam}", f"{fam.upper()} {given}", f"{given.upper()} {fam.upper()}",
                           f"{fam}, {given}"])
        born = g.birth(1988, 2006)
        bform = g.r.random()
        if bform < 0.3:
            dob = pi(dt.datetime(born.year, born.month, born.day), "birth_date", sub=f"{born:%Y-%m-%d}")
        else:
            dob = pi(birth_form(g, born, ("en", "en", "dmy", "iso")), "birth_date")
        uni = g.r.choice(unis)
        sup_py = (g.r.choice(PINYIN), g.r.choice(PY_GIVEN))
        sup_name = g.roman(sup_py)
        local = g.r.choice([given.split()[0].lower() + "." + fam.lower(), fam.lower() + given[0].lower(),
                            given.lower().replace(" ", "") + str(g.r.randint(1, 99))])
        mail = f"{local}@{g.r.choice(['gmail.com', 'outlook.com', 'zju.edu.cn', 'yahoo.com', 'qq.com', '163.com'])}"
        m = g.mobile()
        c = g.card(CARD_BINS)
        dorm = f"Room {g.r.randint(1, 18)}{g.r.randint(1, 30):02d}, Building {g.r.randint(1, 12)}, {uni[1]} International Student Dormitory, {uni[2]}"
        ecg, ecf = g.r.choice(gv), fam
        ephone = f"{pre}{g.r.randint(10, 99)} {g.r.randrange(10 ** 7):07d}"
        t.add([i + 1, pi(full, "person_name"), pi(g.r.choice(CN_TRANSLIT), "person_name") if g.r.random() < 0.35 else None,
               g.r.choice(["M", "F", "Male", "Female"]), nat, pi(foreign_passport(g, pat), "foreign_passport"), dob,
               uni[0], g.r.choice(["PhD", "Master", "Bachelor", "Chinese Language"]),
               txt(g.r.choice(["Prof. ", "Dr. ", "Assoc. Prof. ", ""]), (sup_name, "person_name")),
               pi(mail, "email"), pi(g.r.choice([f"+86 {m}", f"+86-{m[:3]}-{m[3:7]}-{m[7:]}", m, f"0086 {m}",
                                                 f"{m[:3]} {m[3:7]} {m[7:]}"]), "cn_mobile", m),
               pi(g.card_form(c, 0.4), "bank_card", c), g.r.choice(["Bank of China", "ICBC", "China Construction Bank"]),
               pi(dorm, "address"), pi(f"{ecg} {ecf}", "person_name"), pi(ephone, "other_phone"),
               g.r.choice(["CSC Full Scholarship", "Provincial Government Scholarship", "University Scholarship",
                           "Silk Road Scholarship"]), g.r.choice([2500, 3000, 3500, 1700])])
    return t


def t12_fanpin(g: G) -> Table:
    t = Table("12_fangfanpin_jiance_chengyuan.csv", "csv", "gb18030", "防止返贫动态监测户家庭成员信息",
              "GB18030; pinyin headers; households in Xinjiang, Tibet, Liangshan, Inner Mongolia and other rural "
              "counties: Uyghur/Kazakh names with ·, •, ., ・, ． or no separator, surname-less Tibetan and Yi names, "
              "Han names with rare surnames; 15-digit legacy IDs for some elderly members, lower-case x, 未办理 "
              "(not PI) for infants; birth dates as 19910125 / 1949年9月29日 / 1985/6/4; a shared household mobile",
              [("hh", "户编号: not PI"), ("xzqh", "行政区划 down to village: not PI"), ("hzxm", "户主姓名"),
               ("cyxm", "成员姓名"), ("yhzgx", "与户主关系"), ("xb",), ("mz",),
               ("zjhm", "证件号码; 未办理 placeholders"), ("csrq", "出生日期, mixed forms"), ("whcd",), ("jkzk",),
               ("ldjn",), ("wgdd", "务工地点: a city, not PI"), ("lxdh", "household mobile"), ("jtzz", "家庭住址"),
               ("jclx",), ("fxlx",)])
    divs = [d for d in DIVS if d[5] in ("xj", "xz", "yi", "nm")] * 3 + [d for d in DIVS if d[5] == "rural"]
    rows = 0
    hh = 0
    while rows < 1400:
        hh += 1
        d = g.r.choice(divs)
        town = g.r.choice({"xj": XJ_TOWN, "xz": XZ_TOWN, "yi": YI_TOWN, "nm": NM_TOWN}.get(d[5], TOWN_A))
        vill = g.r.choice({"xj": XJ_VILL, "xz": XZ_VILL, "yi": YI_VILL, "nm": NM_VILL}.get(d[5], VILL_A))
        home = g.address(d)
        head = person(g, 1945, 1990, div=d)
        size = min(1400 - rows, g.r.choice([1, 2, 3, 3, 4, 4, 5, 6]))
        m = g.mobile()
        hcode = f"{d[0]}{g.r.randrange(10 ** 10):010d}"
        for k in range(size):
            if k == 0:
                p, rel = head, "户主"
            else:
                rel = g.r.choice(["配偶", "长子", "长女", "次子", "孙子", "孙女", "母亲", "父亲", "儿媳"])
                y0, y1 = {"配偶": (1945, 1992), "母亲": (1930, 1960), "父亲": (1930, 1960)}.get(rel, (1985, 2025))
                p = person(g, y0, y1, div=d)
                if head["kind"] and g.r.random() < 0.85:
                    p["name"] = g.minority(head["kind"])
                elif not head["kind"] and rel in ("长子", "长女", "次子", "孙子", "孙女") and g.r.random() < 0.8:
                    sur = head["name"][:2] if head["name"][:2] in COMPOUND_SURNAMES else head["name"][:1]
                    p["name"] = sur + "".join(g.r.choice(GIVEN) for _ in range(g.r.choice([1, 2])))
                p["nation"] = head["nation"]
            if p["born"].year >= 2023 and g.r.random() < 0.5:
                idc = C("未办理")
            else:
                idc = id_cell(g, p, 0.7, legacy=0.35 if p["born"].year < 1960 else 0.0)
            t.add([hcode, f"{d[1]}{d[2]}{d[3]}{town}{'苏木' if d[5] == 'nm' else '乡'}{vill}{'嘎查' if d[5] == 'nm' else '村'}",
                   pi(head["name"], "person_name"), pi(g.name_form(p["name"]), "person_name"), rel, p["sex"], p["nation"],
                   idc, pi(birth_form(g, p["born"], ("compact", "compact", "cn", "slash", "iso")), "birth_date"),
                   g.r.choice(["小学", "初中", "高中", "文盲或半文盲", "大专", "学龄前"]),
                   g.r.choice(["健康", "健康", "长期慢性病", "残疾", "大病"]), g.r.choice(["普通劳动力", "弱劳动力", "无劳动力"]),
                   g.r.choice(["", "", "广东省东莞市", "浙江省义乌市", "新疆乌鲁木齐市", "本县"]),
                   pi(g.mobile_form(m, 0.75), "cn_mobile", m) if g.r.random() < 0.9 else C(""), pi(home, "address"),
                   g.r.choice(["脱贫不稳定户", "边缘易致贫户", "突发严重困难户"]),
                   g.r.choice(["因病", "因残", "因学", "因意外事故", "缺劳力"])])
            rows += 1
    return t


def t13_tezhong(g: G) -> Table:
    t = Table("13_tezhong_zuoye_zhengzhao.json", "json", "utf-8", "特种作业操作证电子证照库导出",
              "JSON array; the certificate number is T + the holder's ID number; the holder is a nested object (name, "
              "birth date, ID); 联系方式 is an array of a mobile (string or JSON number) and sometimes a home landline; "
              "decoys: employer, its address, issuing authority, validity and review dates (nested)",
              [("zzbh", "证照编号 = T + ID number"), ("zylb", "作业类别"), ("czxm", "操作项目"),
               ("czr", "持证人: nested object"), ("lxfs", "联系方式: array"), ("gzdw", "工作单位: organisation"),
               ("gzdwdz", "单位地址: not PI"), ("fzjg", "发证机关"), ("ccrq", "初次领证日期: not a birth date"),
               ("yxq", "有效期: nested dates, not PI"), ("fsjl", "复审记录: nested, not PI"), ("zzzt", "证照状态")])
    cats = [("电工作业", ["低压电工作业", "高压电工作业", "电力电缆作业"]), ("焊接与热切割作业", ["熔化焊接与热切割作业"]),
            ("高处作业", ["登高架设作业", "高处安装、维护、拆除作业"]), ("制冷与空调作业", ["制冷与空调设备运行操作作业"])]
    for i in range(1000):
        d = g.r.choice(ZJ)
        p = person(g, 1962, 2004, div=None if g.r.random() < 0.6 else d)
        cat = g.r.choice(cats)
        first = g.date_between(dt.date(2012, 1, 1), dt.date(2025, 6, 30))
        bform = f"{p['born']:%Y-%m-%d}" if g.r.random() < 0.7 else f"{p['born']:%Y%m%d}"
        czr = {"xm": p["name"], "xb": p["sex"], "csrq": bform, "zjlx": "居民身份证", "zjhm": p["id"]}
        m = g.mobile()
        lx: list = [int(m) if g.r.random() < 0.3 else g.mobile_form(m, 0.8)]
        lx_spans = [("cn_mobile", m if isinstance(lx[0], int) else lx[0], m)]
        if g.r.random() < 0.25:
            tx, core = g.landline(d[4])
            lx.append(tx)
            lx_spans.append(("cn_landline", tx, core))
        reviews = [{"rq": f"{first.year + 3 * k}-{first.month:02d}-{min(first.day, 28):02d}", "jg": "合格"}
                   for k in range(1, 1 + (2026 - first.year) // 3)]
        t.add([txt("T", (p["id"], "cn_resident_id")), cat[0], g.r.choice(cat[1]),
               C(czr, [("person_name", p["name"], None), ("birth_date", bform, None),
                       ("cn_resident_id", p["id"], p["id"])]),
               C(lx, lx_spans), g.company(d), g.org_address(d), f"{d[2]}应急管理局", f"{first:%Y-%m-%d}",
               {"qsrq": f"{first:%Y-%m-%d}", "jzrq": f"{first.year + 6}-{first.month:02d}-{min(first.day, 28):02d}"},
               reviews, g.r.choice(["有效", "有效", "有效", "过期", "注销"])])
    return t


def t14_fuyi(g: G) -> Table:
    t = Table("14_xingzheng_fuyi_jueding.csv", "csv", "gbk", "行政复议决定书摘要",
              "GBK; 申请人 holds real names, pseudonyms (王某, 李某某: not PI) and company names (not PI); 摘要 is long "
              "free text, some with line breaks: names after 申请人/委托代理人/其妻 cues, 'YYYY年M月D日出生' birth dates, "
              "ID numbers, addresses after 住, plates, mobiles; year-only birth (1975年生) of pseudonymised applicants "
              "is not PI; agencies and law firms are organisations",
              [("ajbh", "案号: not PI"), ("sqr", "申请人: names (PI), pseudonyms and companies (not PI)"),
               ("sqrlx", "申请人类型"), ("wtdlr", "委托代理人: lawyer's name or 无"), ("dlrdw", "律师事务所"),
               ("bsqr", "被申请人: an agency"), ("ay", "案由"), ("jdrq", "决定日期"), ("jdjg", "决定结果"),
               ("zy", "摘要: free text", True)])
    decisions = [("行政处罚决定", "罚款"), ("不予登记决定", "登记"), ("政府信息公开答复", "信息公开"),
                 ("工伤认定决定", "工伤认定"), ("责令限期拆除决定", "拆除违法建筑")]
    results = ["维持原行政行为", "撤销原行政行为并责令重作", "确认违法", "驳回行政复议申请", "终止行政复议"]
    while len(t.rows) < 1000:
        i = len(t.rows)
        d = g.r.choice(ZJ)
        when = g.date_between(dt.date(2026, 1, 5), dt.date(2026, 11, 25))
        agency = f"{d[2]}{d[3]}{g.r.choice(['市场监督管理局', '综合行政执法局', '人力资源和社会保障局', '公安分局', '自然资源和规划局'])}"
        dec, ay = g.r.choice(decisions)
        res = g.r.choice(results)
        x = g.r.random()
        lawyer = pi(g.han(), "person_name") if g.r.random() < 0.45 else C(g.r.choice(["无", "—", ""]))
        firm = f"浙江{g.r.choice(COMPANY_WORDS)}律师事务所" if lawyer.spans else ""
        nl = "\n" if g.r.random() < 0.2 else ""
        if x < 0.2:  # a company
            co = g.company(d)
            who, kind = C(co), "法人"
            parts = [f"申请人：{co}，住所地{g.org_address(d)}，法定代表人", (g.han(), "person_name"), "。"]
        elif x < 0.45:  # pseudonymised in the source already
            ps = g.r.choice(COMMON_SURNAMES) + g.r.choice(["某", "某某"])
            who, kind = C(ps), "自然人"
            parts = [f"申请人：{ps}，{g.sex()}，{g.r.randint(1950, 2000)}年生。"]
        else:
            p = person(g, 1950, 2002)
            who, kind = pi(p["name"], "person_name"), "自然人"
            parts = ["申请人：", (p["name"], "person_name"), f"，{p['sex']}，",
                     (birth_form(g, p["born"], ("cn", "cn", "cn0")), "birth_date"), f"出生，{p['nation']}，"]
            if g.r.random() < 0.7:
                parts += ["公民身份号码", (g.id_form(p["id"], 0.85), "cn_resident_id", p["id"]), "，"]
            parts += ["住", (g.address(p["div"]), "address"), "。"]
            if g.r.random() < 0.3:
                m = g.mobile()
                parts += ["联系电话：", (g.mobile_form(m, 0.7), "cn_mobile", m), "。"]
        if lawyer.spans:
            parts += [nl, "委托代理人：", (lawyer.v, "person_name"), f"，{firm}律师。"]
        parts += [nl, f"被申请人：{agency}。申请人不服被申请人于{when.year}年{g.r.randint(1, when.month)}月作出的{dec}，"
                      f"于{when:%Y年%m月%d日}向本机关申请行政复议。"]
        if kind == "自然人" and who.spans and g.r.random() < 0.35:
            pl = g.plate()
            parts += ["经查，申请人驾驶", (g.plate_form(pl), "cn_license_plate", pl), f"号小型汽车在{road_place(g, d)}停放，"]
            if g.r.random() < 0.5:
                parts += ["其妻", (g.han(), "person_name"), "陈述车辆系其临时停放。"]
        elif kind == "自然人" and g.r.random() < 0.3:
            parts += ["经查，申请人邻居刘某反映情况属实。"]
        parts += [nl, f"本机关决定：{res}。"]
        t.add([f"{d[2][:1]}政复〔2026〕{i + 1}号", who, kind, lawyer, firm, agency, ay, f"{when:%Y-%m-%d}", res, txt(*parts)])
    return t


def t15_shehui_zuzhi(g: G) -> Table:
    t = Table("15_shehui_zuzhi_fuzeren.xlsx", "xlsx", "", "社会组织法定代表人（负责人）备案信息",
              "XLSX; decoys: social-organisation USCC (51/52/53…), 成立日期 as real Excel dates, registered "
              "addresses, office numbers; personal: 法定代表人, his or her ID (a few 港澳 permits and passports), "
              "出生年月 as 1968.05 / 1968年5月 / an Excel number (1968.1 = October), mobiles as Excel numbers",
              [("组织名称", "organisation"), ("统一社会信用代码", "USCC: not PI"), ("组织类型",), ("登记管理机关",),
               ("成立日期", "founding date (Excel date): not a birth date"), ("住所", "registered address: not PI"),
               ("业务主管单位",), ("法定代表人",), ("证件类型",), ("身份证件号码",),
               ("出生年月", "year and month of birth"), ("联系电话", "mobile (PI) or office number (not PI)"),
               ("办公电话", "office: not PI"), ("注册资金（万元）",), ("年检结论",)])
    kinds = [("社会团体", "51", ["协会", "商会", "促进会", "研究会", "联合会"]),
             ("民办非企业单位", "52", ["社会工作服务中心", "养老服务中心", "培训学校", "幼儿园", "康复中心"]),
             ("基金会", "53", ["公益基金会", "教育基金会", "慈善基金会"])]
    for i in range(1000):
        d = g.r.choice(ZJ)
        k = g.r.choice(kinds)
        orgname = f"{d[2] if g.r.random() < 0.5 else d[3]}{g.r.choice(COMPANY_WORDS)}{g.r.choice(k[2])}"
        founded = g.date_between(dt.date(1995, 1, 1), dt.date(2025, 12, 31))
        p = person(g, 1950, 1992)
        x = g.r.random()
        if x < 0.04:
            kind, idc = "港澳居民来往内地通行证", pi(g.hk_permit(), "hk_macau_permit")
        elif x < 0.07:
            kind, idc = "护照", pi(g.passport_cn(), "cn_passport")
        else:
            kind, idc = "居民身份证", id_cell(g, p, 0.85)
        b = p["born"]
        y = g.r.random()
        if y < 0.12:
            v = round(b.year + b.month / 100, 2)
            bm = pi(v, "birth_date", sub=str(v))
        else:
            bm = pi(birth_form(g, b, ("ym", "ym", "ymcn", "iso")), "birth_date")
        z = g.r.random()
        m = g.mobile()
        if z < 0.3:
            tel = pi(int(m), "cn_mobile", m, sub=m)
        elif z < 0.75:
            tel = mobile_cell(g, 0.75, m=m)
        else:
            tel = C(g.office_phone(d[4]))
        t.add([orgname, g.uscc(d[0], k[1]), k[0], f"{d[2]}民政局",
               dt.datetime(founded.year, founded.month, founded.day), g.org_address(d),
               f"{d[2]}{g.r.choice(['教育局', '民政局', '科学技术协会', '文化广电旅游局', '卫生健康委员会'])}",
               pi(g.name_form(p["name"]), "person_name"), kind, idc, bm, tel, g.office_phone(d[4]),
               g.r.choice([3, 10, 50, 200, 1000]), g.r.choice(["合格", "合格", "基本合格", "未参检"])])
    return t


BUILDERS = [t01_juzhuzheng, t02_gongzi, t03_shigu, t04_tiaojie, t05_kongqi, t06_caigou, t07_weifang, t08_hezhang,
            t09_wuzi, t10_banjian, t11_scholarship, t12_fanpin, t13_tezhong, t14_fuyi, t15_shehui_zuzhi]


# ====================================================================== audit
ID18_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE_RE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def audit(t: Table, path: Path) -> list[str]:
    """Read the written file back as the evaluators do and check every label; also look for PI-shaped values in
    cells the truth calls non-personal (a decoy that happens to be a valid ID or mobile would be a truth error)."""
    errs = []
    header, rows = read_back(t, path)
    if header != [c["name"] for c in t.cols]:
        errs.append(f"{t.file}: header read back differs")
    if len(rows) != len(t.rows):
        errs.append(f"{t.file}: {len(rows)} rows read back, {len(t.rows)} written")
        return errs
    by_cell: dict = {}
    for r, c, typ, sub, core in t.values:
        by_cell.setdefault((r, c), []).append((typ, sub, core))
        cell = rows[r][c]
        if not sub or sub not in cell:
            errs.append(f"{t.file} r{r} c{c} {typ}: substring not in the cell")
            continue
        if typ == "cn_resident_id" and not (id18_valid(core or "") or id15_valid(core or "")):
            errs.append(f"{t.file} r{r} c{c}: ID fails GB 11643")
        if typ == "bank_card" and not (core and 16 <= len(core) <= 19 and luhn_ok(core)):
            errs.append(f"{t.file} r{r} c{c}: card fails Luhn/length")
        if typ == "cn_mobile" and not re.fullmatch(r"1[3-9]\d{9}", core or ""):
            errs.append(f"{t.file} r{r} c{c}: mobile malformed")
        if typ in IDENT_CORE and core and typ not in ("cn_landline",):
            canon = core_of(typ, sub)
            if canon != core and not (typ == "cn_resident_id" and canon.upper() == core.upper()):
                errs.append(f"{t.file} r{r} c{c} {typ}: core differs from the substring's canonical form")
    # names inside free text / nested cells: every occurrence should be a labelled one
    for (r, c), items in by_cell.items():
        cell = rows[r][c]
        for sub in {s for typ, s, _ in items if typ == "person_name"}:
            n_lab = sum(1 for typ, s, _ in items if typ == "person_name" and s == sub)
            others = [s for typ, s, _ in items if typ == "person_name" and s != sub and sub in s]
            n_occ = cell.count(sub) - sum(cell.count(o) for o in others)
            if n_occ > n_lab:
                errs.append(f"{t.file} r{r} c{c}: a name occurs {n_occ}x, labelled {n_lab}x")
    # non-personal cells: no valid ID, no mobile-shaped run
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if (r, c) in by_cell or not cell:
                continue
            n = nfkc(cell)
            for m in ID18_RE.findall(n):
                if id18_valid(m):
                    errs.append(f"{t.file} r{r} c{c}: a non-personal cell holds a valid ID")
            if MOBILE_RE.search(re.sub(r"[\s-]", "", n)) and t.cols[c]["name"] not in ("logger_imei",):
                if not re.fullmatch(r"[\d.\-]+", n) or len(re.sub(r"\D", "", n)) == 11:
                    errs.append(f"{t.file} r{r} c{c}: a non-personal cell holds a mobile-shaped number")
    return errs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for f in ("READY", "truth.json"):
        (out / f).unlink(missing_ok=True)
    g = G(a.seed)
    tables, errs = [], []
    for build in BUILDERS:
        t = build(g)
        WRITERS[t.fmt](t, out / t.file)
        errs += audit(t, out / t.file)
        tables.append(t)
    if errs:
        for e in errs[:60]:
            print("audit:", e, file=sys.stderr)
        print(f"audit failed: {len(errs)} problems; no truth.json written", file=sys.stderr)
        return 1
    truth = {"corpus": "blind7", "seed": a.seed,
             "tables": [t.truth() for t in tables if t.fmt in ("csv", "xlsx")],
             "tables_json_parquet": [t.truth() for t in tables if t.fmt in ("json", "parquet")]}
    for tt in truth["tables"] + truth["tables_json_parquet"]:
        if tt["encoding"] == "" and tt["format"] == "json":
            tt["encoding"] = "utf-8"
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    (out / "READY").write_text("")
    n = sum(len(t.values) for t in tables)
    print(f"blind7 seed {a.seed}: {len(tables)} tables, {sum(len(t.rows) for t in tables)} rows, {n} personal values")
    return 0


if __name__ == "__main__":
    sys.exit(main())
