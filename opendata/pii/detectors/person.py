"""姓名, 详细住址 and 出生日期."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...bitmaps import to_mask
from ...strings import bmp_chars, char_table, holds_chars, leading_bytes
from .base import Detector, all_digits, byte_lengths, char_matrix, data_file as _data_file, digit_sums, register, \
    valid_dates


# The surnames (``data/surnames.txt``, made by ``scripts/make_surnames.py`` from 《百家姓》 and
# jieba's dictionary): single, compound, and their romanised (pinyin) forms.
_DATA = _data_file("surnames.txt")
SURNAMES = _DATA["single"].strip()
COMPOUND = tuple(_DATA["compound"].split())
PINYIN_SURNAMES = tuple(_DATA["pinyin"].split())
#: surnames that are words first (区, 铁, 过, 鲜, 那, 朴), each with the second characters of the words it
#: begins (区域, 铁路, 过来, 鲜花, 那里): in free text a name led by one does not go on with one of these, nor
#: with a word of grammar (过了, 那的); in a name column they are surnames like any other.
WORD_FIRST = dict(entry.split(":") for entry in _DATA.get("word_first", "").split())
GRAMMAR = "了着的地得们是在不也都就还又再和与及"
#: … the other surnames, which lead a name in text whatever follows them.
TEXT_SURNAMES = "".join(c for c in SURNAMES if c not in WORD_FIRST)
# Given-name characters: CJK ideographs except 某 (U+67D0), which marks an anonymized name (李某).
_GIVEN = "[\u4e00-\u67cf\u67d1-\u9fa5]"
_HAN = "[\u4e00-\u9fa5]"
_NAME = f"(({'|'.join(COMPOUND)}){_GIVEN}{{1,2}}|[{SURNAMES}]{_GIVEN}{{1,2}})"
# In text, a surname that is a word first and the first given character, where they make no word (区佳, not 区域).
_WORD_LED = "|".join(f"{first}[^\\P{{Han}}某{seconds}{GRAMMAR}]" for first, seconds in WORD_FIRST.items())

# Transliterated names (Uyghur, Kazakh …): parts joined by a middle dot, a bullet, a full stop, ・, or
# the hyphenation point, bullet operator and other look-alikes some input methods give for it (‧ U+2027,
# ∙ U+2219, ᐧ U+1427, ˙ U+02D9, ⋅ U+22C5, ･ U+FF65, ⸱ U+2E31, and the stroke 丶 U+4E36).
NAME_DOTS = "·•.・．‧∙ᐧ˙⋅･⸱丶"
_DOTTED = f"{_GIVEN}{{1,8}}([{NAME_DOTS}]{_GIVEN}{{1,8}}){{1,3}}"
# Common parts of Tibetan and Yi names, which have no surname: a name is two or three of them.
_SYLLABLES = ("扎西|次仁|卓玛|顿珠|旦增|格桑|索朗|德吉|拉姆|央金|多吉|平措|尼玛|达瓦|白玛|洛桑|丹增|阿旺|强巴|益西|普布|"
              "边巴|米玛|巴桑|拉巴|次旦|贡布|曲珍|仁青|嘎玛|罗布|群培|桑珠|其美|措姆|旺堆|旺姆|拉珍|次珍|德庆|卓嘎|"
              "央宗|贡嘎|泽仁|降措|仁增|多布杰|才让|加措|嘉措|吉次|拉毛|卓尕|永忠|阿牛|木呷|阿依|吉克|沙马|阿苏|"
              "俄木|曲比|吉伍|海来|阿尔|勒格|木乃|日火|拉马|吉木|阿西|马海|瓦其|阿果|阿呷|伍呷|木嘎|阿布|尔古|"
              "布哈|拉则|日呷|阿衣|伍各|沙呷|依火|阿说|木果|莫色")
_SURNAMELESS = f"({_SYLLABLES}){{2,3}}"
# Several names of a known form in one cell, separated as people list them.
_LIST_PART = f"({_NAME}|{_DOTTED}|{_SURNAMELESS})"
_NAME_LIST = f"{_LIST_PART}([、，,;；/ ]+{_LIST_PART}){{1,9}}"
#: The alphabet of transliterated names (Uyghur, Kazakh, Mongolian …: 买买提, 古丽娜尔, 叶尔江),
#: measured against ordinary text by ``scripts/make_translit.py`` (``data/translit.txt``).
_TRANSLIT_DATA = _data_file("translit.txt")
TRANSLIT = _TRANSLIT_DATA["chars"].strip()
#: … and its syllables that hold a common character (阿不都, 苏来曼).
TRANSLIT_UNITS = tuple(_TRANSLIT_DATA["units"].split())
# Four or more of them in a row are a name (or names) written without a separator (阿卜杜拉阿依达娜), unless
# a place's suffix follows (克拉玛依市, 博尔塔拉州): ordinary text has almost no such runs. A run
# with a syllable of three in it needs one more character (别克阿不都拉).
_UNIT = f"({'|'.join(TRANSLIT_UNITS)})"
_RUN = f"(([{TRANSLIT}]|{_UNIT})*{_UNIT}([{TRANSLIT}]|{_UNIT})+|[{TRANSLIT}]{{4,}})"
_PLACE_SUFFIX = "市县区州镇乡村路街盟旗省"
#: a name that 其 begins (其其格, 其木格: Mongolian), 其 and characters of :data:`TRANSLIT` (not 都
#: or 再, which follow the pronoun 其 in a sentence: 其都…, 其再次…): where a role or a verb says a name stands, the
#: pronoun 其 (其父, 其他, 其主动…) is followed by none of these.
QI_LED = f"其[{TRANSLIT.replace('都', '').replace('再', '')}]+?"
_RUN_END = f"([^{TRANSLIT}{_PLACE_SUFFIX}]|$)"
# Romanised names in English sheets: ZHANG Wei, Wang Xiaoming, Wei Zhang.
_PINYIN = "|".join(PINYIN_SURNAMES)
# A courtesy title may stand before one (Dr. Hongmei Xu, Ms. ZHU Haiyan): the name is the person's,
# the title is not, and without it a column of titled names matched nothing and passed unasked.
ROMAN_TITLES = ("dr", "mr", "mrs", "ms", "miss", "mx", "prof", "madam", "sir")
_ROMAN_TITLE = "|".join(ROMAN_TITLES)
_ROMAN = (f"(?i:(({_ROMAN_TITLE})\\.? +)?"
          f"(({_PINYIN})[ ,]+[a-z]{{2,12}}( [a-z]{{2,12}})?|[a-z]{{2,12}}( [a-z]{{2,12}})? ({_PINYIN})))")
# The words after which a name stands in free text (``data/name_cues.txt``, read by the last line too).
_CUES = _data_file("name_cues.txt")
#: the parties and roles of a case or a file, after which a name stands (出借人田国文, 受援人谭志芳)
LEGAL_ROLES = tuple(_CUES["roles"].split())
#: words after which a person's name stands in free text (来电人X, 据报告人X称, 走访对象X, 消费者X反映) …
CUE_WORDS = tuple(_CUES["cues"].split()) + LEGAL_ROLES
#: … and words after which one stands when a colon follows (市民：张三).
COLON_CUES = tuple(_CUES["colon"].split())
#: … words of kinship and agency that stand right before a name (其邻居隗梅, 代办人秦佳叶), and the
#: titles of office written before one (主任公孙雨, 村支书李四) …
RELATION_CUES = ("邻居", "其子", "其女", "其夫", "其妻", "其父", "其母", "之子", "之女", "之夫", "之妻", "之父", "之母",
                 "工友", "同学", "室友", "丈夫", "妻子", "儿子", "女儿", "代办人",
                 "经办人", "委托人", "受托人", "代理人", "同事", "亲属", "主任", "书记", "支书", "村长", "组长",
                 "队长", "经理", "站长", "所长", "会长", "社长", "网格员", "民警", "律师", "房客")
#: … the words of an inquiry's finding, after which a sentence may begin with a person (经了解，X与商家…),
#: and the categories of people a visit is for (走访重点青少年X，独居老人X家中): read by the detector
#: only, with a name of a known form after them (the last line's looser test would take 家中 for a name).
INQUIRY = tuple(_CUES["inquiry"].split())
CATEGORIES = tuple(_CUES["categories"].split())
#: … the other party of a matter, across from a person (X与商家…)
PARTIES = tuple(_CUES["parties"].split())
#: words of kinship, single characters included, as a register writes them before a name: 妻 陈秀英
#: 139…, 户主妻子（覃铭懿）, 姐（蔡志秀）; the whole family, by blood and marriage (``data/name_cues.txt``).
KIN = tuple(sorted(_CUES["kin"].split(), key=len, reverse=True))
#: … those of two characters or more, after which a name of a known form stands in text (我婆婆X, 其前夫X).
KIN_WORDS = tuple(k for k in KIN if len(k) > 1)
#: how the word for a person's role ends (工作人员, 导办员, 伤者, 首席代表, 民警): a role by its form …
ROLE_ENDS = tuple(_CUES["role_ends"].split())
#: … and the titles of a health worker written before a name (随访护士X记录): a name of a known form after them.
TITLES_BEFORE = tuple(_CUES["titles_before"].split())
#: … and what follows a name that one introduces, besides the marks and verbs of :data:`NAME_ENDS`.
AFTER_ROLE = tuple(_CUES["after_role"].split())
#: the first characters of the two-character words for people that end in 人 (个人, 老人, 家人, 他人:
#: ``data/people_words.txt``, from jieba's dictionary) …
PEOPLE_WORD_HEADS = _data_file("people_words.txt")["heads"].strip()
#: … so a role of three characters ending in 人 (预订人, 报警人, 登记人, 收件人: the one who did a thing), not
#: one of those words after a character (这个人, 独居老人, 其家人), which says nothing of a role.
ROLE_OF_REN = f"[\\x{{4e00}}-\\x{{9fa5}}][^\\P{{Han}}{PEOPLE_WORD_HEADS}]人"
#: titles written after a full name (X老师, X同志), and what a bracket after a name holds (X（男，…）).
TITLES_AFTER = tuple(_CUES["titles_after"].split())
BRACKETED = tuple(_CUES["bracketed"].split())
# (a word of one character there, 男 or 女, only with a mark or a digit after it: 男装 is no one)
_BRACKET = ("[（(]\\s*(" + "|".join(w for w in BRACKETED if len(w) > 1) + "|(" + "|".join(w for w in BRACKETED if len(w) == 1)
            + ")[，,、；;)）\\s\\d])")
#: … the one-character ones, written with a space before a name in a list of contacts (子 武燕).
KIN_CHARS = "子女妻夫父母兄弟姐妹儿孙"
#: … and the labels a register writes beside a relative's name: the words of kinship and those of a group of
#: relatives or the holder (子女, 父母, 本人: ``data/name_cues.txt``'s ``kin_labels``), longest first.
KIN_LABELS = tuple(sorted(KIN + tuple(_CUES["kin_labels"].split()), key=len, reverse=True))
# A word of kinship and a name in brackets (父亲（王建国）, 姐（扎西顿珠）), or the name first and the word in
# brackets after it (王建国（父亲）, 扎西顿珠(子女)): a register's way of writing a relative (监护人, 代办人,
# 紧急联系人); the word is who, the name is the person.
#: the brackets a relative's name opens with …
KIN_OPENING = "（("
#: … and every mark that parts the word from the name (the brackets, a colon, a space: 侄子：余文勇, 薛艳勇 母亲):
#: a cell without one is no :data:`KIN_NAME_CELL` (a search for them spares the regex most columns,
#: :func:`kin_name_cells`).
KIN_MARKS = KIN_OPENING + "：: \t"
# (… and the last characters of the words of kinship, for a name glued to one: 许浩侄子)
_KIN_ENDS = "".join(sorted({k[-1] for k in KIN_LABELS if len(k) > 1}))
_KIN_LABEL = f"({'|'.join(KIN_LABELS)})"
_ONE_NAME = f"({_NAME}|{_DOTTED}|{_SURNAMELESS})"
_KIN_NAME = f"{_KIN_LABEL}[{KIN_OPENING}]{_ONE_NAME}[)）]"
_NAME_KIN = f"{_ONE_NAME}\\s*[{KIN_OPENING}]\\s*{_KIN_LABEL}\\s*[)）]"
# … or apart by a colon or a space, either first (侄子：余文勇, 女儿 龙欣萍, 薛艳勇 母亲): a register's 紧急联系人及关系;
# or the name and a word of two characters or more glued (许浩侄子: as the reader folds 许浩 侄子, a short word and a
# space being how a name is spaced out to hide it)
# (of kinship only: a role among the labels, 联系人 监护人 代理人 邻居, glued to what follows is a cue, 联系人家住…)
KIN_GLUED = tuple(k for k in KIN_LABELS if len(k) > 1 and not k.endswith("人") and k not in ("邻居", "同事"))
_KIN_LABEL2 = f"({'|'.join(KIN_GLUED)})"
_KIN_APART = (f"{_KIN_LABEL}(\\s*[:：]\\s*|\\s+){_ONE_NAME}|{_ONE_NAME}(\\s+{_KIN_LABEL}|{_KIN_LABEL2})"
              f"|{_KIN_LABEL2}{_ONE_NAME}")
#: … a cell that is one: in a column of names it counts as a name (scan.Counts.kin) and is
#: treated as one, the name masked and the word kept; in remarks it is text like any other.
KIN_NAME_CELL = f"^\\s*({_KIN_NAME}|{_NAME_KIN}|{_KIN_APART})\\s*$"
# (… the bracketed forms only: what the scan counts toward a column of names — a word and a name apart, 配偶:X, is as
# often one item of a list the column holds as text, 配偶:X;母亲:Y, which a whole column's treatment would mask whole)
_KIN_BRACKETED_CELL = f"^\\s*({_KIN_NAME}|{_NAME_KIN})\\s*$"
#: … its parts: what stands before the name (the word and its mark), the name, and what follows it (a bracket
#: closed, or the word after it), for the treatment to mask the name only.
KIN_NAME_PARTS = (f"^(?P<before>\\s*({_KIN_LABEL}(\\s*[{KIN_OPENING}:：]\\s*|\\s+)|{_KIN_LABEL2})?)(?P<name>{_ONE_NAME})"
                  f"(?P<after>(\\s*[)）]|\\s*[{KIN_OPENING}]\\s*{_KIN_LABEL}\\s*[)）]|\\s+{_KIN_LABEL}|{_KIN_LABEL2})?\\s*)$")


def kin_name_cells(values: pa.Array, apart: bool = True) -> np.ndarray:
    """Which of ``values`` :data:`KIN_NAME_CELL` matches (a null: none), a surname and its title
    aside (李女士（母亲）: no one is named). Values none of which holds one of :data:`KIN_MARKS`
    (a byte search of the text: a column of codes or complaints) hold none, and are spared the
    regex, whose compilation alone costs more than the search."""
    if not holds_chars(values, KIN_MARKS + _KIN_ENDS if apart else KIN_OPENING):
        return np.zeros(len(values), dtype=bool)
    out = to_mask(pc.fill_null(pc.match_substring_regex(values, KIN_NAME_CELL if apart else _KIN_BRACKETED_CELL), False))
    if out.any():
        index = np.flatnonzero(out)
        out[index[to_mask(pc.match_substring_regex(values.take(pa.array(index)), _ADDRESSED_KIN))]] = False
        out[index[to_mask(pc.match_substring_regex(values.take(pa.array(index)), _KIN_STATE))]] = False
    return out


#: … and verbs that follow a name at the start of a sentence (蒋聪斌反映…).
AFTER_NAME = ("反映", "来电", "投诉", "举报", "表示", "报称", "诉称", "称", "咨询", "询问", "请求", "求助", "报警",
              "驾驶", "驾车", "骑行", "签收", "领取", "签字")
#: what a name of a known form stands before after a role ending in 人 (:data:`ROLE_OF_REN`): a word that follows a
#: named person or a verb of what one did (预订人X代订, 报警人X称), not a mark alone (年轻人居多，: the role is told
#: by its form only, so the name needs more than its place)
ROLE_OF_REN_ENDS = tuple(re.escape(w) for w in AFTER_ROLE if "\u4e00" <= w[0] <= "\u9fa5") + AFTER_NAME + ("手机", "电话", "身份证")
#: words that hand a matter to a person (请张三同志…, 交李四签收) …
HANDING = ("请", "交", "由", "让", "通知", "告知", "委托")
#: how a person is addressed by surname alone (王女士, 刘师傅): no name is left to find.
ADDRESSED = ("女士", "先生", "小姐", "师傅", "老师", "阿姨", "大爷", "大妈", "大姐", "大哥", "老板", "同志")
#: what a register writes where it has no name: a pseudonym, an app's user (匿名, 匿名用户, 微信用户,
#: 浙里办用户), which names nobody.
#: … or a placeholder, or how the matter was handled instead of by whom (``data/not_names.txt``), as
#: whole cells (a name's pattern fits some: 自助领取)
NOBODY = tuple(_data_file("not_names.txt")["nobody"].split())
PSEUDONYM = (r"匿名(用户|群众|网友|人士|来电)?|[\x{4e00}-\x{9fa5}A-Za-z]{1,5}用户|"
             + "|".join(re.escape(w) for w in NOBODY))
_NOBODY_CELLS = pa.array(sorted(NOBODY), pa.string())


def nobody_cells(values: pa.Array) -> np.ndarray:
    """Which cells (trimmed) are a placeholder or a way of handling, whole (:data:`NOBODY`)."""
    return to_mask(pc.fill_null(pc.is_in(values, value_set=_NOBODY_CELLS), False))
_ADDRESSED = f"^(({'|'.join(COMPOUND)})|[{SURNAMES}])({'|'.join(ADDRESSED)})$"
# … and with a word of kinship in brackets after them (李女士（母亲）: kin_name_cells leaves it).
_ADDRESSED_KIN = (f"^\\s*({_KIN_LABEL}(\\s*[{KIN_OPENING}:：]\\s*|\\s+))?(({'|'.join(COMPOUND)})|[{SURNAMES}])({'|'.join(ADDRESSED)})"
                  f"(\\s|[{KIN_OPENING})）]|$)")
# … nor a word of kinship and a state glued to it (父母双亡, 父母健在, 子女在读: the word, then no name).
_KIN_STATE = f"^\\s*{_KIN_LABEL2}\\s*(无|已|未|不|在|待|非|健|双亡|去世|过世|病故)"
#: … and the titles and words of people that follow a name (…同志, …两户, …共同居住).
TITLES = ("同志", "先生", "女士", "老师", "师傅")
PEOPLE = ("两户", "三户", "二人", "两人", "三人", "等人", "夫妇", "一家", "共同")
#: … and the words of doing a thing together, after the names of those who did it (与X、Y一起将其救起).
TOGETHER = ("一起", "一同", "共同", "合力", "联手")
# A name does not begin with the words that follow one (来电人表示… holds no name): a Chinese
# character but these (operators.base.python_pattern writes it for Python's re).
# Nor with a word of kinship that is no surname (户主妻子（…）: 妻子 is who, not the name).
_NAME_START = "[^\\P{Han}表称反来投举报诉咨询请求申要希说已在于因的和与及等对向从为将把被妻丈儿兄哥夫女奶妹姐婆婿媳子弟母父爷家住通市群]"
# (a word of kinship after 其 or 之 first, whole: 其父亲X is 其父亲 and X, not 其父 and 亲X; and cue words in a row
# all before the name: 被申请人法定代表人X is X, not 法定代)
_CONTEXT = (f"((([其之]({'|'.join(KIN_WORDS)})|{'|'.join(CUE_WORDS + RELATION_CUES)})[:：为是]?|({'|'.join(COLON_CUES)})[:：])\\s*)+")
_SENTENCE_START = "(^|[，。；！？、\\s])"
#: what ends a name in text: its verb, 的, or a punctuation mark.
# (来到 and 前来 too, how a party comes to the office: 申请人达来孟和来到调委会…; not 来 alone, which names hold: 阿布来提)
NAME_ENDS = ("|".join(AFTER_NAME + TITLES + PEOPLE + TOGETHER + ("手机", "电话", "身份证", "家住", "住在", "住址", "通过", "长期", "多次",
                                                      "未", "途中", "将其", "来到", "前来", "协助", "配合", "陪同"))
             + "|拒绝|拒不|的|在|于|因|已|[，。；：、,;:（(\\s]")
# In text, the parts of a transliterated name stop at the words that follow a name (热依拉·哈力克反映其母亲…).
# (来 ends a part where it begins a word of getting in touch, 来电, 来访, but stands inside one, 阿布来提)
_PART_IN_TEXT = "([^\\P{Han}反映其的在称来电投诉举报要求请咨询已于因和与及等]|来[^\\P{Han}电访信函人了过到])"
#: (In text also a hyphen between two parts, 吐尔逊-阿不都拉: between Chinese characters it joins no numbers.)
#: The dots of :data:`NAME_DOTS` and the hyphen, as a character class's text (read by the last line too).
TEXT_DOTS = NAME_DOTS + "\\-"
_DOTTED_IN_TEXT = f"{_PART_IN_TEXT}{{1,8}}([{TEXT_DOTS}]{_PART_IN_TEXT}{{1,8}}){{1,3}}"
# Romanised names in text (租户Hu Guilan（…）): a pinyin surname and a given name (one order only:
# the pattern's size counts, and the surname leads in Chinese text).
_ROMAN_IN_TEXT = f"(?i:({_PINYIN}) [a-z]{{2,12}})"
# In text a name led by the surname 家 is not one of the words 家 begins (反映人家住…, 负责人家中电话:
# the cue, then where the person lives).
_HOME_WORDS = "住中属人里庭门乡"
#: the surnames that begin a word with the character after them, and those characters: :data:`WORD_FIRST`'s
#: (区域, 曾经) and 家's (家中, 家属: 反映人家住…) — what a surname then leads is that word, not a name.
WORD_STARTS = {**WORD_FIRST, "家": _HOME_WORDS}
_NAME_IN_TEXT = (f"(({'|'.join(COMPOUND)}){_GIVEN}{{1,2}}|[{TEXT_SURNAMES.replace('家', '')}]{_GIVEN}{{1,2}}"
                 f"|({_WORD_LED}){_GIVEN}?"
                 f"|家[^\\P{{Han}}某{_HOME_WORDS}]{_GIVEN}?)")
# (In text, where a cue or a list says a name stands, one syllable is a name too: 外卖骑手拉姆送餐…)
#: … and a name that 阿 begins (阿约布哈, 阿的尔古, 阿约石一: Yi names; Uyghur, Kazakh and Hui ones begin so too,
#: 阿不都, 阿依), 阿 and one to three characters, where a cue, a role or a word of kinship says a name stands: 阿
#: is no surname, and not every name it begins is a run of transliterated characters (约, 的, 石 are none). A plain
#: range: the patterns that join every detector's stand at RE2's size limit (what it takes of a word after a short
#: name, 阿明的, is masked with it). The words of address it begins (阿姨, 阿婆) are ``data/not_names.txt``'s.
A_NAME = "阿[\\x{4e00}-\\x{9fa5}]{1,3}"
_ANY_NAME = f"({_DOTTED_IN_TEXT}|{_RUN}|({_SYLLABLES}){{1,3}}|{_NAME_IN_TEXT})"
# Names listed with 、 after the first (其子龙亦强、扈霞文), or 和 or 及 before the last: the list is masked with it.
# (a name 阿 begins only first: RE2's size limit; a list's later names that it begins are rare)
_NAMES = f"({_ANY_NAME}|{A_NAME})([、和及]{_ANY_NAME})*"
# A name before 称 (张三称…) does not end as the words before 称 do (名称, 简称, 自称, 号称, 统称).
_NAME_BEFORE_称 = (f"(({'|'.join(COMPOUND)})|[{TEXT_SURNAMES}]){_GIVEN}?[^\\P{{Han}}某名简号自昵统俗职声宣对指人]"
                  f"|({_WORD_LED})[^\\P{{Han}}某名简号自昵统俗职声宣对指人]?")
# … after 称, a name of a known form whose surname is a word _WHO leaves out (称向某某长期…, 称上官某…)
_WORD_SURNAMES = "".join(c for c in SURNAMES if c in "向上于和从将把对为经当")
_NAME_AFTER_称 = f"({'|'.join(COMPOUND)}){_GIVEN}{{1,2}}|[{_WORD_SURNAMES}]{_GIVEN}{{1,2}}"
# … and before another verb a name does not end in 人 (当事人驾驶, 申请人反映: the cue, not a name).
_NAME_BEFORE_VERB = f"(({'|'.join(COMPOUND)})|[{TEXT_SURNAMES}]){_GIVEN}?[^\\P{{Han}}某人]|({_WORD_LED})[^\\P{{Han}}某人]?"


# Words that stand where text puts a name but name nobody (技术咨询, 东至水渠), and the words of places
# that runs of transliterated characters hold (…苏木哈日嘎查): ``data/not_names.txt``.
_NOT_NAMES_DATA = _data_file("not_names.txt")
NOT_NAMES = frozenset(_NOT_NAMES_DATA["words"].split())
PLACE_WORDS = tuple(_NOT_NAMES_DATA["places"].split())
_PLACE_IN_NAME = re.compile("|".join(PLACE_WORDS))
#: … and words no name holds, which a sentence's start holds before a verb (上班途中驾驶…).
NOT_IN_NAMES = tuple(_NOT_NAMES_DATA["parts"].split())
_NOT_IN_NAME = re.compile("|".join(NOT_IN_NAMES))
# A surname and the title it is addressed by (闫先生整改: the position of a name, but no name in it).
_ADDRESSED_START = re.compile(f"^(({'|'.join(COMPOUND)})|[{SURNAMES}])({'|'.join(ADDRESSED)})")
#: RE2 text a cell must hold for :func:`name_begins` to keep any name of it (a cheap first test): the words
#: it keeps, and the kin and role words before which it keeps them.
KEPT_HINT = "|".join(sorted(NOT_NAMES) + list(PLACE_WORDS) + list(NOT_IN_NAMES) + list(ADDRESSED) + list(KIN_WORDS)
                     + [w for w in AFTER_ROLE if len(w) > 1]
                     # (a cue word after a cue word: name_begins keeps what follows the first, 被申请人法定代表人)
                     + [f"({'|'.join(CUE_WORDS)})[:：为是]?\\s*({'|'.join(CUE_WORDS)})"])
#: the group of a run of transliterated characters (``name_span``'s seventh alternative): what
#: follows a place word in it is a name only as long as a run of its own.
RUN_GROUP = 7
#: … and those where only the place says a name stands (the start of a sentence, a side of a plot),
#: no word that introduces a person: there alone a word of :data:`NOT_NAMES` is taken for itself.
POSITION_GROUPS = frozenset((4, 6, 9, 10, 11, 15, 16, 17, 18, 22, 23, 24, 25, 28, 29, 30, 32, 33, 34, 35, 36, 38, 41,
                             46, 47))
# the alternative of a name handed a matter before a title (请X同志), and a cue word at a name's start
HANDED_GROUP = 12
_CUE_AT_START = re.compile("|".join(sorted(CUE_WORDS, key=len, reverse=True)))


def after_last_cue(name: str) -> str:
    """What follows the last cue word inside ``name``, where two characters or more do: a run taken
    before a bracket can begin with the words that introduce the name (现场负责人克依木·依明（…）),
    and the name is what comes after them. Else ``name`` itself."""
    last = None
    for last in _CUE_AT_START.finditer(name):
        pass
    return name[last.end():] if last is not None and len(name) - last.end() >= 2 else name
# … those that follow a cue word (:data:`_CONTEXT`), and the cue words as a tuple for ``str.startswith``
_CUE_GROUPS = frozenset((1, 2, 19, 20))
_CUE_WORDS_TUPLE = tuple(CUE_WORDS)
# … the loose one after a role's word (any two to four characters before what follows a name)
_LOOSE_ROLE_GROUP = 32
# … and those where a bracket that says who follows the name (X（男，…）)
_BRACKET_GROUPS = frozenset((29, 30))
# … and the loose ones where only a verb of driving or of acting for another says a person stands (与X驾驶的…,
# 由X代领): what they take there is a person's name unless it is a word for people, an office or a place (与对方…,
# 由社区代领, 由网格员代办: :func:`_names_a_party`)
_PARTY_GROUPS = frozenset((46,))
# the number of ``name_span``'s alternatives
_GROUPS = 47


def name_begins(group: int, name: str, after: str = "") -> int:
    """Where the name begins in what ``name_span``'s alternative ``group`` matched as ``name``
    (``after``: the text that follows it): ``len(name)`` for none — a word that names nobody where
    only the position says a name stands (技术 before 咨询, 水渠 beside a plot), or a place: one that
    holds a place word, and ends with one or has one follow within :data:`_PLACE_REACH` characters
    (哈日嘎查, 乌兰苏木查干 before 嘎查), where the place ends (:data:`_PLACE_AFTER`). A place word
    inside a name that runs on (吉苏木果: a Yi name) is no place: what follows the last one is the
    name where it is long enough to be one (…嘎查阿依古丽), else all of it."""
    if name in NOT_NAMES and group in POSITION_GROUPS:
        return len(name)
    # after a cue, another cue word is no name (被申请人法定代表人蔡**: a later pass sees 法定代 after 被申请人)
    if group in _CUE_GROUPS and (name + after).startswith(_CUE_WORDS_TUPLE):
        return len(name)
    # after a role, a word that follows the one a role names is none (代办员主动上门, 民警当场…); nor after a cue
    # (其子协助经营: the verb, no name)
    if group in (_LOOSE_ROLE_GROUP, *_CUE_GROUPS) and (name in AFTER_ROLE or name[:2] in AFTER_ROLE):
        return len(name)
    # before a bracket, a word of kinship is whose details follow (其父亲（身份证号…）), not a name
    if group in _BRACKET_GROUPS and name.endswith(KIN_WORDS):
        return len(name)
    if group in _PARTY_GROUPS:
        # a party's role or kin and the name after it (被被执行人夏勇军驾驶的: 被, then the role 被执行人 and the name;
        # 由其妻子赵欣刚代收: 由, then 其妻子 and the name): the name, of a known form or any the party's test takes
        # (上官刚鑫 begins with a word of grammar's character), is masked after them; the role or kin alone, none
        rest = after_last_cue(name)
        kin = _KIN_FIRST.match(rest)
        rest = rest[kin.end():] if kin is not None and len(rest) - kin.end() >= 2 else rest
        if rest != name:
            known = _short_name().fullmatch(rest) is not None or not _names_a_party(rest)
            return len(name) - len(rest) if known else len(name)
        if _names_a_party(name):
            return len(name)
    # where only the position says a name stands, a role's word is none (驾驶员反映…, 网格员称…)
    if group in POSITION_GROUPS and name.endswith(_ROLE_ENDS_BUT_者):
        return len(name)
    if group in _BRACKET_GROUPS:  # (the words before the last cue in it are no name)
        begins = len(name) - len(after_last_cue(name))
        if begins:
            return begins
    # a word that names nobody leading what a cue's loose alternative took (网格员业务培训), a surname
    # and its title (闫先生): no name; nor, where only the position says a name stands, two to four
    # characters ending in a word no name holds (上班途中: a longer match, 阿依古丽・买买提途中, is a
    # name that ran on, and is masked whole)
    if name[:2] in NOT_NAMES or _ADDRESSED_START.match(name):
        return len(name)
    if group in POSITION_GROUPS and len(name) <= 4 and _NOT_IN_NAME.search(name[-2:]):
        return len(name)
    # before a title, a cue word and a surname alone are whom the matter was handed to, addressed by
    # surname (通知负责人闫先生: no name); a cue word and a name, the name after the cue (通知负责人张三同志)
    if group == HANDED_GROUP:
        cue = _CUE_AT_START.match(name)
        if cue is not None:
            return len(name) if len(name) - cue.end() <= 1 else cue.end()
    last = None
    for last in _PLACE_IN_NAME.finditer(name):
        pass
    if last is None:
        return 0
    text = name + after
    ends = [m.end() for m in _PLACE_IN_NAME.finditer(text[:len(name) + _PLACE_REACH]) if m.end() >= len(name)]
    if not ends and group == RUN_GROUP:
        # … or, in a run, a village's name of transliterated characters (巴彦查干) runs on to the next
        # place word (…苏木巴 | 彦查干嘎查: a township, then a village)
        ends = [len(name) + m.end() for m in _PLACE_RUN_ON.finditer(after)]
    if ends and _PLACE_AFTER.match(text, ends[-1]):
        return len(name)
    rest = len(name) - last.end()
    return last.end() if rest >= (4 if group == RUN_GROUP else 2) else 0


def _file_lead(kept: str) -> bool:
    """Whether what a file name puts before the name (``p43``) leads one: nothing, a word of :data:`FILE_LEADS`, or a
    role by its form (照管员X健康证.jpg, 安全员X_证书.pdf: :data:`ROLE_ENDS`)."""
    head = kept.lstrip(_FILE_SEPARATORS)
    return head in FILE_LEADS or (len(head) >= 2 and head.endswith(ROLE_ENDS))


def _lead_inside(kept: str, name: str) -> int:
    """Where a name begins inside what the file-name alternative took as ``name`` after ``kept``, when the text
    before it and the name's first characters are a word of :data:`FILE_LEADS` (大 | 伯曹红: 大伯, then 曹红) and the
    rest a name of a known form; ``len(name)`` for none."""
    head = kept.lstrip(_FILE_SEPARATORS)
    for k in range(1, len(name) - 1):
        if _file_lead(head + name[:k]) and _short_name().fullmatch(name[k:]):
            return k
    return len(name)


def _owner_begins(text: str, start: int, name: str) -> int:
    """Where the owner's name begins in what :data:`DOC_GROUP` took as ``name`` at ``text[start:]`` (``len(name)``
    for none): 的 and a person's papers (:data:`PERSONAL_DOCS`) must follow, and the name stand where a word begins —
    at the start, after a character that is no Chinese one or after a verb of :data:`DOC_VERBS`, before it or inside
    what RE2 took (缺少王明 at a cell's start: 王明) — and be of a known form (or in Latin letters), not a role or a word
    for people (补正申请人的…, 提交其本人的…). RE2 reads the verb and the papers by one character each."""
    if not text.startswith(tuple("的" + d for d in PERSONAL_DOCS), start + len(name)):
        return len(name)
    before = text[:start]
    starts = [] if before and "\u4e00" <= before[-1] <= "\u9fa5" and not before.endswith(DOC_VERBS) else [0]
    # (a verb that ends inside what RE2 took, or that RE2 took the last character of as a verb's: 上传田浩霞 read at 上,
    # the last character of 附上, as 上 | 传田浩霞 — the name 田浩霞 after 上传)
    window = max(0, start - 1)
    starts += [window + m.end() - start for m in re.finditer("|".join(DOC_VERBS), text[window:start + len(name)])
               if window + m.end() > start]
    for k in starts:
        owner = name[k:]
        if len(owner) >= 2 and not owner.endswith(("人",) + ROLE_ENDS + KIN_WORDS + _CUE_WORDS_TUPLE) \
                and (_short_name().fullmatch(owner) or _LATIN_RE.fullmatch(owner)):
            return k
    return len(name)


@lru_cache(maxsize=1)
def _short_name() -> "re.Pattern[str]":
    """:data:`_SHORT_NAME` for Python's ``re``."""
    from ..operators.base import python_pattern

    return re.compile(python_pattern(_SHORT_NAME))


#: a word of kinship, with a word of whose or not, at the start of what a party's alternative took (其妻子…)
_KIN_FIRST = re.compile(f"[其之我他她你您的俺咱]?(?:{'|'.join(KIN_WORDS)})")


def _names_a_party(name: str) -> bool:
    """Whether ``name``, taken where only a verb of driving or of acting for another says a person stands (与X驾驶的,
    由X代领: :data:`_PARTY_GROUPS`), is no name: one that begins with a word of grammar or of the matter (对方, 一辆,
    其 — but a name 其 begins, 其其格, is one: :data:`QI_LED`) or holds one (停在路边); or a word for a party: a cue
    word or one ending so (肇事者 — not 者 alone, which ends Yi names: 勒格史者), a word of kinship, a role (网格员,
    民警), a word for people ending in 人 (家人, 路人), the other party of a matter (物业), a vehicle or a side (后车:
    :data:`PARTY_NOT_ENDS`), or an office, a place or a category (``data/categories.txt``: 社区, 村委会)."""
    if _PARTY_FIRST.match(name) is None and _QI_LED_RE.fullmatch(name) is None:
        return True
    return (_PARTY_INSIDE.search(name) is not None
            or name.endswith(_CUE_WORDS_TUPLE + COLON_CUES + KIN_WORDS + PARTIES + _ROLE_ENDS_BUT_者 + PARTY_NOT_ENDS
                             + ("人",))
            or _CATEGORY_END_RE.search(name) is not None)




_ROLE_ENDS_BUT_者 = tuple(w for w in ROLE_ENDS if w != "者")
#: … and the words there that name a vehicle or a side (后车, 对向: ``data/name_cues.txt``'s ``party_not_ends``)
PARTY_NOT_ENDS = tuple(_CUES["party_not_ends"].split())


#: characters after a name within which a place word makes it a place (额尔敦苏木巴 | 彦图嘎查) …
_PLACE_REACH = 4
#: … or, after a run that holds a place word, another after at most three characters (伊和淖尔苏木巴 |
#: 彦查干嘎查: the run took the first character of the village's name; a township, then its village)
_PLACE_RUN_ON = re.compile(f"^[\u4e00-\u9fa5]{{0,3}}?({'|'.join(PLACE_WORDS)})")
#: … if the place ends there: at the end of the text, before a mark or a digit, or before a unit of
#: the village (…嘎查3组); not before a title (巴特尔嘎查长: a village head and his name).
_PLACE_AFTER = re.compile("$|[^\u4e00-\u9fa5]|[组队社村]")


@lru_cache(maxsize=1)
def named_name_span() -> "re.Pattern[str]":
    """:func:`name_span` with its named groups, compiled for Python's ``re`` (the treatment's and
    the recount's one pattern)."""
    from ..operators.base import python_pattern

    return re.compile(python_pattern(name_span(named=True)))


def text_names(match: "re.Match[str]") -> tuple[int, str, int]:
    """The alternative of :func:`named_name_span` that ``match`` took, the name it matched, and
    where in it the name begins (:func:`name_begins`)."""
    groups = match.groupdict()
    i = next(k for k in range(1, _GROUPS + 1) if groups.get(f"n{k}") is not None)
    name = groups[f"n{i}"]
    end = match.end(f"n{i}")
    if _label_split(groups.get(f"p{i}") or "", name):
        return i, name, len(name)
    if i == FILE_GROUP and not _file_lead(groups.get("p43") or ""):
        # (现场照片身份证.jpg: 照片 after 现场 is no name, 现场 no word that leads one; but a lead whose last character
        # is a surname, 大伯曹红身份证.png, was split there by the lazy prefix: 大 | 伯曹红, the name 曹红)
        return i, name, _lead_inside(groups.get("p43") or "", name)
    if i == DOC_GROUP:
        return i, name, _owner_begins(match.string, match.start("n47"), name)
    if i == FILE_GROUP and _FILE_DOTS.search(name):  # (法人艾力·赛买提身份证.jpg: the dotted name after the lead)
        lead = max((w for w in _FILE_LEAD_WORDS if name.startswith(w) and len(name) > len(w) + 2), key=len, default="")
        return i, name, len(lead)
    if i == FILE_GROUP and _LATIN_RE.fullmatch(name) and not (groups.get("s43") or "").startswith(FILE_WORDS + ("的",)):
        return i, name, len(name)  # (Annual Report_2024.pdf: words in Latin letters before a dash name no one)
    return i, name, name_begins(i, name, match.string[end:end + _PLACE_REACH + 2])


#: words of kinship that begin with a surname (孙子, 孙女, 岳父, 公公, 祖母 …): a name can begin with the same two
#: characters (孙子涵, 孙女婷), so one of them with no word of whose before it (其, 我, 他 …) may be a name's start …
KIN_AS_NAME = tuple(k for k in KIN_WORDS if k[0] in SURNAMES)
_KIN_AS_NAME_END = re.compile(f"(?:{'|'.join(KIN_AS_NAME)})$")
#: … the words of whose (其孙子王浩, 我孙女李婷: a relative, then a name)
_WHOSE = "其之我他她你您的俺咱"
#: … and the alternatives that read a word of kinship right before a name (:func:`name_span`'s 14, 27, 32)
_KIN_LED_GROUPS = frozenset((14, 27, 32))


def kin_name_start(group: int, match: "re.Match[str]") -> int | None:
    """Where in the kept part before the name (``p<group>``) a name may begin instead: the start of a word of
    kinship that is a surname and a given character too (:data:`KIN_AS_NAME`), glued to the name it reads (no
    colon or space: 孙子：王浩 is a label), with no word of whose before it. ``None`` where the word is read
    as kinship. The treatment masks from there (孙子涵 is a name; 孙子 and 涵 is a guess toward publishing)."""
    if group not in _KIN_LED_GROUPS:
        return None
    kept = match.group(f"p{group}") or ""
    word = _KIN_AS_NAME_END.search(kept)
    if word is None:
        return None
    at = match.start(f"p{group}") + word.start()
    if at > 0 and match.string[at - 1] in _WHOSE:
        return None
    return word.start()


#: verbs that follow a name whose first character a name of a known form may end with (来到, 联系: 申请人苏和来到…
#: is 苏和, not 苏和来; 调解员史艳联系了… is 史艳)
_VERB_AFTER = tuple(v for v in AFTER_NAME if len(v) > 1) + ("来到", "前来", "联系", "到场", "前往", "陪同")


def verb_cut(name: str, begins: int, after: str) -> int:
    """How many of the last characters of ``name`` (taken greedily as a surname and given characters) begin the
    verb that follows it, ``after`` being the text after the match's name: 1 where the name without its last
    character is still a surname and a given one (苏和|来到, 钟离兰|来到, 史艳|联系), else 0."""
    body = name[begins:]
    if len(body) < 3 or not (body[-1] + after).startswith(_VERB_AFTER):
        return 0
    head = body[:-1]
    if head[:2] in COMPOUND:
        return 1 if len(head) >= 3 else 0
    return 1 if head[0] in SURNAMES else 0


_FIRST_PART = re.compile(f"[{TEXT_DOTS}]")


def _label_split(before: str, name: str) -> bool:
    """Whether a word of kinship before ``name`` and the first part of it, up to a dot or a hyphen, are
    one label (孙子 | 女-董* is 孙子女-董*: a relative's record, whose name a pass already masked)."""
    head = _FIRST_PART.split(name, 1)[0]
    if len(head) == len(name):
        return False
    words = before.rstrip(":： ") + head
    return any(words.endswith(label) and len(label) > len(head) for label in KIN_LABELS)


#: the last characters of what borders a plot other than a neighbour: roads, water, land, buildings.
_LAND = "路河沟渠地田林山坡塘道岭湖江溪桥场园屋房墙界村组宅坟岗堤坝井埂坎滩洼港湾海库站厂校院街巷"


# … and, where only the verb after says a person stands there (经查，X于2023年…; 称X长期…), not with
# the words that stand there otherwise (该车, 双方, 事故, 其).
_WHO = "[^\\P{Han}表称反来投举报诉咨询请求要希说已在于因的和与及等对向从为将把被该此本其双事各每这上下当经据至截我你他她它们]"
#: how a name there begins (:data:`_WHO`, and not 一: 与一辆…) and what it does not hold (grammar, the verbs of the
#: matter: 与停在路边…, 由其自行…; 和 it may, Mongolian names end so: 巴特尔苏和)
_PARTY_FIRST = re.compile("(?![" + _WHO[len("[^\\P{Han}"):-1] + "一])[\u4e00-\u9fa5]")
_PARTY_INSIDE = re.compile("[的在了是着把被将向对从与及驾骑自]")
_QI_LED_RE = re.compile(QI_LED.replace("+?", "+"))


#: A name after a role, a word of kinship, before a title or a bracket: of a known form, not led by
#: the few surnames that are also common words there (全, 家, 都: 我婆婆都说…, 工作人员全程…, 负责人家中), nor by
#: one of :data:`WORD_FIRST` (read apart).
ROLE_SURNAMES = TEXT_SURNAMES.replace("全", "").replace("家", "").replace("都", "")
# (a transliterated name first: 麦麦提˙努尔兰 is one name, not 麦麦提 and the rest)
_KNOWN_NAME = (f"({'|'.join(COMPOUND)}){_GIVEN}{{1,2}}|[{ROLE_SURNAMES}]{_GIVEN}{{1,2}}|({_WORD_LED}){_GIVEN}?"
               f"|({_SYLLABLES}){{2,3}}")
_ROLE_NAME = f"{_DOTTED_IN_TEXT}|{_KNOWN_NAME}|{A_NAME}"
#: the documents an attachment's file name names after the person it leads with (张三身份证正面.jpg), and
#: the extensions that end one (``data/name_cues.txt``) …
FILE_WORDS = tuple(_CUES["file_words"].split())
FILE_TYPES = tuple(_CUES["file_types"].split())
#: … the words a file name may put before the name (法人王五身份证.jpg): cue words, words of kinship, and the roles
#: of ``file_leads``; none (the name first) is one too
FILE_LEADS = frozenset(("",) + CUE_WORDS + COLON_CUES + KIN_WORDS + tuple(_CUES["file_leads"].split()))
#: the alternative of :func:`name_span` that reads a file name, and what may stand before one
FILE_GROUP = 43
_FILE_SEPARATORS = " \t\n:：，,、;；/\\"
#: what follows a party named where only a verb of driving or of acting for another says a person stands (与X驾驶的,
#: 由X代领: :data:`_PARTY_GROUPS`)
PARTY_AFTER = "(驾驶|驾车|骑行|骑乘|驾乘|所驾|所驾驶)的|代(领|办|签|缴|收|交|为)"
# (name_begins and text_names decide on what these take: the cells that may hold them are recounted, PersonName.spans)
# (… and what the papers' alternative takes in RE2, 的 and a word that begins and ends as papers do: DOC_GROUP, told
# by text_names)
_DOCS = _CUES["personal_docs"].split()
_PAPERS_RE2 = (f"的[{''.join(sorted({d[0] for d in _DOCS}))}][\\x{{4e00}}-\\x{{9fa5}}]{{0,4}}?"
               f"[{''.join(sorted({d[-1] for d in _DOCS}))}]")
KEPT_HINT += (f"|{PARTY_AFTER}|\\.(?i:{'|'.join(FILE_TYPES)})|{_PAPERS_RE2}"
              f"|({'|'.join(w for w in ROLE_ENDS if w != '者')})({'|'.join(AFTER_NAME)})")
#: … the words that open a complaint's title (关于张三家…), and what a title says a person did (反映王小明占用…)
TITLE_LEADS = tuple(_CUES["title_leads"].split())
TITLE_AFTER = tuple(_CUES["title_after"].split())
# A name of a known form where a file name or a title puts one, led by a surname as after a role (not
# 全 家 都); no 的 or 之 among its given characters (王五的病历.png: 王五, then 的) …
_SHORT_GIVEN = "[^\\P{Han}某的之]"
_SHORT_NAME = (f"({'|'.join(COMPOUND)}){_SHORT_GIVEN}{{1,2}}|[{ROLE_SURNAMES}]{_SHORT_GIVEN}{{1,2}}"
               f"|({_WORD_LED}){_SHORT_GIVEN}?")
# … and of three characters (or a compound surname's), before a verb: two make a word too often there
# (反映车辆占用, 投诉商户占道: 车 and 商 lead words)
_SHORT_NAME3 = (f"({'|'.join(COMPOUND)}){_SHORT_GIVEN}{{1,2}}|[{ROLE_SURNAMES}]{_SHORT_GIVEN}{{2}}"
                f"|({_WORD_LED}){_SHORT_GIVEN}")
#: A name in Latin letters as a foreign national's is written in Chinese records and file names (Lucas IVANOVA,
#: Silva, Anna, Nguyen Van AL-FARSI, O'Brien-Smith, Elena MÜLLER): two to four words, each a capital and one letter or
#: more (an apostrophe or a hyphen inside), the comma of surname-first order allowed; read where a cue, a file name or
#: a person's papers say a name stands, as pinyin surnames (:data:`_ROMAN_IN_TEXT`) do not cover foreign ones.
#: (Latin-1's letters as one range each, × and ÷ with them, and no bound on the words: the joined patterns of every
#: detector stand near RE2's size limit, and a bounded repeat or a split range costs instructions there.)
_LATIN_WORD = "[A-ZÀ-Þ][A-Za-zÀ-ÿ'’\\-]*[A-Za-zÀ-ÿ]"
LATIN_NAME = f"{_LATIN_WORD}(,? {_LATIN_WORD})+"
_LATIN_RE = re.compile(LATIN_NAME)
#: … and a transliterated name, its parts joined by a dot (photo/玉苏甫．赛买提身份证.png, 热依拉.别克_身份证正面.jpg):
#: unbounded parts, cheaper in RE2 than :data:`_DOTTED_IN_TEXT`'s counted ones (the lazy second part ends where
#: the document's word begins)
_FILE_DOTTED = f"[\\x{{4e00}}-\\x{{9fa5}}]+([{NAME_DOTS}][\\x{{4e00}}-\\x{{9fa5}}]+?)+"
_FILE_DOTS = re.compile(f"[{NAME_DOTS}]")
_FILE_LEAD_WORDS = tuple(w for w in FILE_LEADS if w)
#: a person's own papers (``data/name_cues.txt``'s ``personal_docs``), named after their owner and 的 (缺少X的身份证明),
#: and the verbs of asking for or handing them over (``doc_verbs``) after which such an owner's name begins
PERSONAL_DOCS = tuple(_CUES["personal_docs"].split())
DOC_VERBS = tuple(sorted(_CUES["doc_verbs"].split(), key=len, reverse=True))
#: the alternative of :func:`name_span` that reads an owner before his papers
DOC_GROUP = 47
#: how a file name ends: a dot and its extension, and no more of a word
FILE_END = f"\\.(?i:{'|'.join(FILE_TYPES)})([^A-Za-z0-9]|$)"
#: what stands between the name and the extension in a file name: a document's word, 的, or a _ or a
#: dash (李四_户口本.pdf), then the rest of the file name (正面, 1, (2))
FILE_AFTER_NAME = f"(({'|'.join(FILE_WORDS)})|的|\\s*[_\\-－—]\\s*)[^\\s/\\\\:：，,;；]{{0,40}}?{FILE_END}"
_AFTER_ROLE = "|".join(re.escape(w) for w in AFTER_ROLE)
# … its words of two characters or more, and 已 (a mark, or a word of one character such as 不 or 来, also
# follows a verb: 我爱人行动不便; 曾 is a surname): what ends a name of an unknown form after a role's word
AFTER_ROLE_WORDS = "|".join([re.escape(w) for w in AFTER_ROLE if len(w) > 1] + ["已"])


def name_span(named: bool = False) -> str:
    """The pattern of a name in free text, with its context. With ``named`` (Python ``re``), each
    alternative's parts are the groups ``p<i>`` (kept before), ``n<i>`` (the name) and ``s<i>``
    (kept after); without, the same pattern for RE2, whose kernels take no named groups here.

    1. after a cue word (来电人张三, 市民：李四): a name of a known form;
    2. after a cue word, any two to eight characters up to the verb or mark that ends them
       (来电人努尔古丽波拉提反映, 联系人禚秋艳，);
    3. after a word of kinship or a colon-less cue, a name of a known form up to its end mark
       (市民薛辰菲来电, 其母亲禚香琴的), or any two or three characters before a verb (父亲禚英称);
    4. at the start of a sentence, two to four characters (or a transliterated name) before a verb
       (蒋聪斌反映, 俄木石布反映);
    5. anywhere, a run of four or more characters of transliterated names (:data:`TRANSLIT`)
       not followed by a place's suffix (…与阿卜杜拉阿依达娜一起…);
    6. after a word that hands a matter over, a name of a known form before a title or a verb of
       receiving (请黎东亦同志, 交汤霞涵签收);
    7. names of a known form listed with 、, at the start of a clause or after 与/和/同, before the
       mark or word of people that ends the list (经查，熊玉一、黎超秀两户; 与田辉英、薛丽力共同);
       before a word of people, names of any form (经查，瓦扎曲布、陶春嫣两户); before a title, any
       two or three characters (请侬华新同志).
    After a cue, names listed with 、 are taken with the first.
    """
    def group(kind: str, i: int, body: str) -> str:
        return f"(?P<{kind}{i}>{body})" if named else f"({body})"

    loose = "|".join(COLON_CUES + ("其父亲", "其母亲"))
    start = _NAME_START
    # A verb, not the cue word it begins (反映人, 投诉人: the cue's own name follows); 称 alone also
    # ends words (名称, 简称): after a name of no known form, only the longer verbs.
    any_verb = f"({'|'.join(AFTER_NAME)})([^人]|$)"
    verbs = f"({'|'.join(v for v in AFTER_NAME if len(v) > 1)})([^人]|$)"
    han = f"[\\x{{4e00}}-\\x{{9fa5}}{NAME_DOTS.replace('.', '')}]"
    han_dot = f"[\\x{{4e00}}-\\x{{9fa5}}{TEXT_DOTS}]"  # … and the full stop some write in a transliterated name
    kin = "|".join(KIN)
    kin_labels = "|".join(KIN_LABELS)
    cue_words = "|".join(CUE_WORDS)
    # a phone number's start after a name: a mobile (with a country prefix) or a landline
    # (whole, masked or not: a treatment of the phone before the name's leaves its shape)
    phone = ("\\s*(电话|手机|联系电话|tel|Tel|TEL)?\\s*[:：,，]?\\s*((\\+|00)?86[- ]?)?"
             "(1[3-9]\\d[- ]?[\\d*]{4}[- ]?\\d{4}|0\\d{2,3}[- ]?[2-9*][\\d*]{5,7})(\\D|$)")
    loose_cues = "|".join(COLON_CUES + ("其父亲", "其母亲"))
    # (any two to eight characters, where a verb of driving or of acting for another says a person stands: what
    # they may not be is told by name_begins, in Python, as RE2's size limit leaves no room for it here)
    party = "[\\x{4e00}-\\x{9fa5}]{2,8}?"
    return "|".join([
        # (first: at the same place, these take the cue before the word of kinship with them)
        # (in parentheses any name but a state: 妻子（已故）, 女儿（在读）)
        group("p", 13, f"({cue_words}|其|之)?({kin_labels})[（(]") + group("n", 13, f"[^\\P{{Han}}某已无在未待患病退务离亡故非不][\\x{{4e00}}-\\x{{9fa5}}{TEXT_DOTS}]{{1,15}}?")
        + group("s", 13, "[)）]"),
        # … and the name first, the word of kinship in brackets after it (王建国（父亲）, 扎西顿珠(子女)): a
        # register's relative, alone in a cell or one of a list (王建国（父亲）、李芳（母亲）)
        group("p", 41, "(^|[\\s,，;；、/|:：])") + group("n", 41, f"{_NAME}|{_DOTTED_IN_TEXT}|{_SURNAMELESS}")
        + group("s", 41, f"\\s*[（(]\\s*({kin_labels})\\s*[)）]"),
        # … and a record of a relative, the word of kinship, the name and the rest joined by hyphens, records
        # joined by | (母亲-X-330…|子女-Y-330…: a legacy system's export): first, as the word of kinship is
        # whole only here (孙子女-X is no 孙子 and a name 女-X)
        group("p", 42, "(^|[\\s,，;；、/|])" f"({kin_labels})[-－]\\s*")
        + group("n", 42, f"[^\\P{{Han}}某无已未不在待非]{han}{{1,15}}?") + group("s", 42, "[-－|,，;；\\s]|$"),
        # an attachment's file name that a name leads (张三身份证正面.jpg, 李四_户口本.pdf, 王五的病历.png): before
        # the words of kinship, whose first ones are a surname and a given character too (孙子涵身份证.jpg is
        # 孙子涵's, not a grandson's)
        # (a word may stand before the name, 法人王五身份证.jpg: one to five characters here, none tried first (爱人超身份证.jpg
        # is 爱人超's), kept only where they are
        # a word of :data:`FILE_LEADS` — text_names tells, as RE2's size limit leaves no room for the list here)
        group("p", 43, "(^|[\\s:：，,、;；/\\\\])([\\x{4e00}-\\x{9fa5}]{1,5}?)??") + group("n", 43, f"{_SHORT_NAME}|{LATIN_NAME}")
        + group("s", 43, FILE_AFTER_NAME),
        group("p", 14, f"(^|[\\s,，;；、/])({kin})\\s*|({loose_cues})\\s?") + group("n", 14, f"{start}{han}{{1,9}}?")
        + group("s", 14, phone),
        group("p", 15, "(^|[\\s,，;；、/:：(（])") + group("n", 15, f"{_NAME_IN_TEXT}|{_DOTTED_IN_TEXT}") + group("s", 15, phone),
        # at the start of a sentence a name and a date (经查，孙霞芳于2023年…); after 称, a name and
        # what the person did (称邱英长期占用…)
        group("p", 17, _SENTENCE_START) + group("n", 17, f"{_NAME_BEFORE_VERB}|{_WHO}[\\x{{4e00}}-\\x{{9fa5}}{TEXT_DOTS}]{{1,12}}?")
        + group("s", 17, "于(\\d|今|昨|前|去|同|本|上|近)"),
        group("p", 18, "称") + group("n", 18, f"{_NAME_AFTER_称}|{_WHO}[\\x{{4e00}}-\\x{{9fa5}}{TEXT_DOTS}]{{1,12}}?")
        + group("s", 18, "(长期|多次|经常|一直|擅自|私自|拒绝|拒不|未经|曾|已|在|于|将|把|对|向|与|和|欠|借|打|骂|殴打|占用|堆放)"),
        # a neighbour in a plot's 四至 (东至王建国，南至路；西邻陆杰梓): a name filling the side up to
        # its mark, of a known form or any two to five characters that do not end as a feature of
        # the land does (路, 河, 沟, 集体林地)
        group("p", 16, "[东南西北](至|邻|侧|面|靠|接|[:：])[:：]?\\s*")
        + group("n", 16, f"{_NAME_IN_TEXT}|{_DOTTED_IN_TEXT}|{start}[\\x{{4e00}}-\\x{{9fa5}}]{{0,3}}[^\\P{{Han}}{_LAND}]")
        + group("s", 16, "[，,；;。\\s]|$"),
        # (after a cue, names listed with 、 whose first is of no known form: 工友其木格、吕然霞可作证;
        # transliterated ones of up to twelve characters, 吐尔逊·阿不都热合曼)
        group("p", 19, _CONTEXT) + group("n", 19, f"{start}{han_dot}{{1,11}}?(、{start}{han_dot}{{1,11}}?)+")
        + group("s", 19, f"等|可|均|都|[，。；,;]|$|{NAME_ENDS}"),
        group("p", 1, _CONTEXT) + group("n", 1, _NAMES),
        # (… or a foreign one in Latin letters: 法定代表人Lucas IVANOVA已签署…)
        group("p", 20, f"({_CONTEXT}|({loose})\\s?)") + group("n", 20, f"{_ROMAN_IN_TEXT}|{LATIN_NAME}"),
        group("p", 2, _CONTEXT) + group("n", 2, f"{start}{han}{{1,7}}?") + group("s", 2, NAME_ENDS),
        group("p", 3, f"({loose})\\s?") + group("n", 3, _NAMES) + group("s", 3, NAME_ENDS),
        # (after a colon-less cue, a list of a name of any form and then names of a known form, before what ends a
        # list of people: 与路过的市民阿约阿呷、贺睿安一起)
        group("p", 39, f"({loose})\\s?") + group("n", 39, f"{start}{han}{{1,3}}?(、{_ANY_NAME})+")
        + group("s", 39, f"({'|'.join(PEOPLE + TOGETHER)}|等)"),
        group("p", 5, f"({loose})\\s?") + group("n", 5, f"{start}{han}{{1,9}}?")
        + group("s", 5, f"{any_verb}|[（(]|[，,][男女][，,]|共同|一起|同住"),
        group("p", 9, "(^|[，。；：\\s]|与|和|同)") + group("n", 9, f"{_ANY_NAME}(、{_ANY_NAME})+")
        + group("s", 9, f"({'|'.join(PEOPLE + TOGETHER)}|等|[，。；,;]|$)"),
        # … and with 和 or 及 before the last only before the word of people or of doing together that ends the list
        # (与袁洋、孟振和邹国一起: 和平路口和平路 is no list)
        group("p", 38, "(^|[，。；：\\s]|与|和|同)") + group("n", 38, f"{_ANY_NAME}([、和及]{_ANY_NAME})+")
        + group("s", 38, f"({'|'.join(PEOPLE + TOGETHER)}|等)"),
        group("p", 11, "(^|[，。；：\\s]|与|和|同)") + group("n", 11, f"{start}{han_dot}{{1,9}}?(、{start}{han_dot}{{1,9}}?)+")
        + group("s", 11, f"({'|'.join(PEOPLE)}|等)"),
        group("p", 4, _SENTENCE_START) + group("n", 4, f"{_NAME_BEFORE_VERB}|{_DOTTED_IN_TEXT}") + group("s", 4, verbs),
        group("p", 10, _SENTENCE_START) + group("n", 10, _NAME_BEFORE_称) + group("s", 10, "称([^人]|$)"),
        # (群 too, which no name begins where 群众 or 群体 stands, but a Tibetan one does: 群培驾驶, 群培次仁报称)
        group("p", 6, _SENTENCE_START) + group("n", 6, f"{start}[\\x{{4e00}}-\\x{{9fa5}}]{{0,2}}[^\\P{{Han}}人]"
                                                   f"|群[^\\P{{Han}}众体聊组主里内人][\\x{{4e00}}-\\x{{9fa5}}]{{0,2}}")
        + group("s", 6, verbs),
        group("p", 7, "") + group("n", 7, _RUN) + group("s", 7, _RUN_END),
        group("p", 8, f"({'|'.join(HANDING)})") + group("n", 8, _ANY_NAME)
        # (… or before a bracket that opens with a mobile number: 已电话通知龙婷珍（157…）)
        + group("s", 8, f"({'|'.join(TITLES + ('签收', '领取', '签字', '代领', '办理', '处理', '核实', '跟进'))})"
                        "|[（(](电话|手机)?[:：]?1[3-9]\\d"),
        group("p", 12, f"({'|'.join(HANDING)})") + group("n", 12, f"{start}{han}{{1,9}}?")
        + group("s", 12, f"({'|'.join(TITLES)})"),
        # after the words of an inquiry's finding, a sentence that begins with a person (经了解，X与商家…;
        # 经核实，X已于…): a name of a known form, before what a person does
        group("p", 22, f"({'|'.join(INQUIRY)})[，,：:]?") + group("n", 22, f"{_NAME_BEFORE_VERB}|{_DOTTED_IN_TEXT}|{_SURNAMELESS}")
        + group("s", 22, "与|和|同|已|于|系|未|称|表示|承认|确认|同意|拒绝|[，,]"),
        # … or any two to five characters with a party across from them (经了解，阿拉坦仓与商家…)
        group("p", 25, f"({'|'.join(INQUIRY)})[，,：:]?") + group("n", 25, f"{_WHO}{han}{{1,4}}?")
        + group("s", 25, f"(与|和|同)({'|'.join(PARTIES)})"),
        # after the word for a category of people a visit is for (走访重点青少年X，独居老人X家中), a
        # name of a known form
        group("p", 23, f"({'|'.join(CATEGORIES)})") + group("n", 23, _ANY_NAME),
        # … or any two to four characters the clause ends after (走访重点青少年额尔敦，其父…)
        group("p", 34, f"({'|'.join(CATEGORIES)})") + group("n", 34, f"{start}{han}{{1,3}}?") + group("s", 34, "[，,、。；;（(]"),
        # after a name already masked and 、, the next of the list (工友旺*、訾行军将其…): the treatment's
        # later passes take what a list of names of several forms left
        # (first, at the same place: any two or three characters before what ends an item of the list, …、图雅一起,
        # 、王伟一同 — not 王伟一 — and a word that names nobody there stays, 王*、物业一起: name_begins)
        group("p", 36, "[*＊]、") + group("n", 36, f"{start}{_GIVEN}{{1,2}}?")
        + group("s", 36, f"(、|等|{'|'.join(TOGETHER)}|{NAME_ENDS}|$)"),
        group("p", 24, "[*＊]、") + group("n", 24, _ANY_NAME),
        # a one-character word of kinship, then a space, in a list of contacts (子 武燕, no phone)
        group("p", 21, f"(^|[\\s，,；;])[{KIN_CHARS}]\\s+") + group("n", 21, _ANY_NAME) + group("s", 21, "(\\s|$|[，,；;])"),
        # after a role known by its form (窗口工作人员X, 导办员X, 伤者X, 首席代表X, 民警X, 被打人X), a name
        # of a known form (a word that names nobody, 工作人员业务…, stays: name_begins)
        group("p", 26, f"({'|'.join(ROLE_ENDS + TITLES_BEFORE)}|被[\\x{{4e00}}-\\x{{9fa5}}]{{1,2}}人)[:：]?") + group("n", 26, _ROLE_NAME),
        # after a word of kinship (我婆婆X, 其前夫X, 替我父亲X), a name of a known form: the family is a
        # closed set of words, none of which a name begins
        group("p", 27, f"({'|'.join(KIN_WORDS)})[:：]?") + group("n", 27, _ROLE_NAME),
        # a full name before the title it is addressed by (帮我办理的X老师, 关于同意X同志退休, 表彰X等7名同志)
        group("p", 28, "") + group("n", 28, _KNOWN_NAME)
        + group("s", 28, f"{'|'.join(TITLES_AFTER)}|等[\\d一二三四五六七八九十百]+[名位人]"),
        # a name of a known form before a bracket that says who (对方X（男，…）, X（身份证号…）, X（警号…）)
        group("p", 29, "") + group("n", 29, _KNOWN_NAME) + group("s", 29, _BRACKET),
        # … of any form (two to four characters, or transliterated) where a mark or the other party leads
        # it (对方吉克拉惹（身份证号…）), or the part of a name before it that an earlier pass left (吉*阿支（…）)
        group("p", 30, "(^|[，。；：、,;:\\s*＊]|对方|双方|与|和|同|及)") + group("n", 30, f"{_DOTTED_IN_TEXT}|{_WHO.replace('Han}', 'Han}某', 1)}[\\x{{4e00}}-\\x{{9fa5}}]{{1,3}}")
        + group("s", 30, _BRACKET),
        # after a role or a word of kinship, any two to four characters before what follows the one it names
        # (首席代表区佳当日…, 失主阿约布哈提供…: a surname the list lacks, or a name of no surname); not 会 or
        # 工 after 员 (委员会主任X, 人员工资: the word goes on)
        group("p", 32, f"({'|'.join(ROLE_ENDS + KIN_WORDS)}|被[\\x{{4e00}}-\\x{{9fa5}}]{{1,2}}人)[:：]?")
        + group("n", 32, f"{_WHO.replace('Han}', 'Han}会工', 1)}{_GIVEN}{{1,3}}|{QI_LED}") + group("s", 32, AFTER_ROLE_WORDS),
        # one name with whom something was done (与X一起将其救起, 和X共同), or the other party of a collision before
        # the verb of driving or riding (与X驾驶的车辆发生碰撞, 被X驾驶的电动车撞倒): a vehicle's driver is a person
        group("p", 33, "(与|和|同|跟|被)") + group("n", 33, _ROLE_NAME)
        + group("s", 33, "|".join(TOGETHER + ("驾驶", "驾车", "骑行", "骑乘", "所驾", "乘坐"))),
        # after a role of three characters ending in 人 (预订人X代订, 报警人X称), a name of a known form before what
        # follows a name: the role is known by its form, not by a list of cue words
        group("p", 37, f"({ROLE_OF_REN})[:：]?") + group("n", 37, _ROLE_NAME) + group("s", 37, "|".join(ROLE_OF_REN_ENDS)),
        # one who names himself at the start of a sentence (本人徐轩，反映…): 本人 and a name of a known form before a
        # mark (本人同意，本人承诺， hold none: no surname leads them)
        group("p", 40, "(^|[，。！？；：\\s])本人[:：]?") + group("n", 40, _ROLE_NAME) + group("s", 40, "[，,。；;\\s]|$"),
        # a list of names goes on after a name (X、Y、Z和W): after one already masked (an earlier pass took it) and
        # 和 及 与, the next of a known form before what ends an item of the list (after 、: groups 36 and 24)
        group("p", 35, "[*＊](和|及|与)") + group("n", 35, _ANY_NAME) + group("s", 35, f"(、|等|{'|'.join(TOGETHER)}|[，。；,;]|$)"),
        # a complaint's title about a person (关于张三家噪音扰民的投诉, 反映王小明占用通道): after the words that
        # open it, a name before 家 (not 家园, 家具 …: 关于东方家园…), or of three characters before what was done
        group("p", 44, f"(^|[，。；：！？\\s])({'|'.join(TITLE_LEADS)})对?") + group("n", 44, _SHORT_NAME)
        + group("s", 44, "家([^园具电居政装乡]|$)"),
        group("p", 45, f"(^|[，。；：！？\\s])({'|'.join(TITLE_LEADS)})对?") + group("n", 45, _SHORT_NAME3)
        + group("s", 45, "|".join(TITLE_AFTER)),
        # where a verb of driving says a person stands (与X驾驶的…, 被X骑行的…), and one of acting for another (由X代领,
        # 由X代办): a name of any form, two to eight characters (加娜尔司马义, 海来拉格, 达瓦: no surname, no syllable
        # the lists know), or one 其 begins that goes on as a transliterated name does (其其格, 其木格; not 其 alone); a
        # word for a party, an office or a place stays (与对方…, 由社区代领: name_begins)
        # (one alternative for both: RE2's size limit)
        group("p", 46, "(与|和|同|跟|被|由)") + group("n", 46, party)
        + group("s", 46, PARTY_AFTER),
        # the owner of a person's papers, a name of a known form (or in Latin letters) before 的 and the papers
        # (缺少尹琳国的身份证明, 提供Lucas IVANOVA的护照), where a word begins: after a verb of asking for or handing
        # over papers or a character that is no Chinese one (补正申请人的…, a role, stays: name_begins)
        # (RE2 reads the verb by its last character, any two to four characters for the name and the papers by how
        # such a word ends; text_names and name_begins hold the lists, in Python: the surnames' class and the lists
        # would not fit RE2's size limit in the patterns that join every detector's)
        group("p", 47, f"(^|[^\\x{{4e00}}-\\x{{9fa5}}]|[{''.join(sorted({v[-1] for v in DOC_VERBS}))}])")
        + group("n", 47, f"[\\x{{4e00}}-\\x{{9fa5}}]{{2,4}}|{LATIN_NAME}")
        + group("s", 47, _PAPERS_RE2),
        # a register's list of relatives, each a word of kinship, a colon and a name of any form up to
        # the mark that ends it (配偶:X;母亲:Y, 女：X；子:Y; 于 and 向 are surnames here), not a state (无, 已故)
        group("p", 31, f"(^|[\\s,，;；、/|])({kin_labels})[:：]\\s*") + group("n", 31, f"{_DOTTED_IN_TEXT}|[^\\P{{Han}}某无已未不在待非]"
                                                                            "[\\x{4e00}-\\x{9fa5}]{1,5}?")
        + group("s", 31, "[\\s,，;；、/|]|$"),
    ])


#: a name masked by convention: a surname and stars, 某 or X, or a title (张*, 王某, 李女士)
_MASKED_NAME = f"(({'|'.join(COMPOUND)})|[{SURNAMES}])(\\*{{1,3}}|某{{1,2}}|XX?|xx?|{'|'.join(ADDRESSED)})"


#: how a value of a name's shape that names a place, an office or a category ends (``data/categories.txt``).
_CATEGORIES = _data_file("categories.txt")
_CATEGORY_END = f"([{_CATEGORIES['suffixes'].strip()}]|{'|'.join(_CATEGORIES['words'].split())})$"
_CATEGORY_END_RE = re.compile(_CATEGORY_END)


@register
class PersonName(Detector):
    type = "person_name"
    # One name, or a household's names in one cell (家庭成员: 蒋萱 帕提古丽.玉素甫, 欧阳一志,白玉欣、向娜婉).
    # (A relative written with a word of kinship, 父亲（王建国）, is counted apart: scan.Counts.kin.)
    cell_pattern = f"^({_NAME}|{_DOTTED}|{_SURNAMELESS}|{_ROMAN}|{_NAME_LIST})$"
    # In free text a name is recognised only after a word that introduces a person (no NER here);
    # a name there of no known form is left to the last line (opendata.pii.lastline).
    # After a cue, a name of any form is also taken up to the verb or mark that ends it (来电人
    # 努尔古丽波拉提反映, 联系人禚秋艳，), at most eight characters.
    span_pattern = name_span()
    # … or a surname and a title alone (王女士, 刘师傅), or a pseudonym (匿名, 微信用户), which name
    # nobody: as good as masked.
    # (… with a word of kinship in brackets too: 王某（父亲）, 李女士（母亲）, 父亲（王*）)
    masked_pattern = (f"^{_MASKED_NAME}$|^({PSEUDONYM})$"
                      f"|^\\s*{_MASKED_NAME}\\s*[{KIN_OPENING}]\\s*{_KIN_LABEL}\\s*[)）]\\s*$"
                      f"|^\\s*{_KIN_LABEL}[{KIN_OPENING}]{_MASKED_NAME}[)）]\\s*$")
    needs_hint = True
    min_ratio = 0.6
    unhinted_ratio = 0.9  # an opaque header ("col_3") full of diverse surname-led 2–4 character values
    uncertain_unhinted = True

    def spans(self, values: pa.Array) -> np.ndarray:
        # An organisation's name (拉萨夏海电子科技合作社) holds no person's name in text: its
        # characters only look like one (operators.mask skips the same cells).
        counts = super().spans(values)
        if counts.any():
            from ..cells import organisation_names

            index = np.flatnonzero(counts)
            counts[index[organisation_names(values.take(pa.array(index)))]] = 0
        if counts.any():
            # … nor does a word that names nobody, or a place (name_begins): recounted, as the
            # treatment masks them, only in the cells that hold such a word at all.
            index = np.flatnonzero(counts)
            hint = np.flatnonzero(to_mask(pc.match_substring_regex(values.take(pa.array(index)), KEPT_HINT)))
            pattern = named_name_span()
            for i in index[hint]:
                text = values[int(i)].as_py()
                counts[i] = sum(begins < len(name) for _, name, begins in map(text_names, pattern.finditer(text)))
        return counts

    def unlike(self, values: pa.Array) -> np.ndarray:
        """Values of a name's shape that name a place or a category: a division of China, with its
        level's word or without (高邮市, 余杭 for 余杭区, 常山 for 常山县), or a word ending like a
        place's, an organisation's or a category's (…区, …族, …色)."""
        names = divisions()[0]
        out = to_mask(pc.fill_null(pc.match_substring_regex(values, _CATEGORY_END), False))
        for level in ("", "区", "县", "市"):
            written = pc.binary_join_element_wise(values, level, "") if level else values
            out |= to_mask(pc.fill_null(pc.is_in(written, value_set=names), False))
        return out

    def cells(self, values: pa.Array) -> np.ndarray:
        # A surname and a title alone (王女士, 刘师傅) fit the pattern of a name but name nobody:
        # they are as good as masked (``masked_pattern``), not a name to treat.
        out = super().cells(values)
        if out.any():
            index = np.flatnonzero(out)
            addressed = to_mask(pc.match_substring_regex(values.take(pa.array(index)), _ADDRESSED))
            out[index[addressed]] = False
        return out

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Two to four Chinese characters led by a surname are read off the bytes (six, nine or
        # twelve), surname and given characters looked up by code point; what that does not take
        # (surname-less names, romanised ones of those widths) goes to the pattern.
        def check(subset: pa.Array, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            fits = _name_form(m)
            return fits, fits

        return self.shaped_at_width(values, (6, 9, 12), check)


def _name_form(m: np.ndarray) -> np.ndarray:
    """Which rows of a byte matrix of 2-4 three-byte characters fit :data:`PersonName.cell_pattern`:
    a surname and one or two given characters, or a compound surname and one or two."""
    points, ok = bmp_chars(m)
    n = len(points)
    given = [_GIVEN_TABLE[points[k]] for k in range(n)]
    single = _SURNAME_TABLE[points[0]] & np.logical_and.reduce(given[1:]) if n <= 3 else np.zeros(len(m), bool)
    compound = (compound_surnames(points) & np.logical_and.reduce(given[2:])) if n >= 3 else np.zeros(len(m), bool)
    return ok & (single | compound)


_SURNAME_TABLE = char_table(SURNAMES)
_GIVEN_TABLE = np.zeros(1 << 16, dtype=bool)  # _GIVEN: the CJK ideographs but 某
_GIVEN_TABLE[0x4E00:0x9FA6] = True
_GIVEN_TABLE[0x67D0] = False
_COMPOUND_KEYS = np.array(sorted((ord(c[0]) << 16) | ord(c[1]) for c in COMPOUND), dtype=np.int64)


def compound_surnames(points: np.ndarray) -> np.ndarray:
    """Which rows' first two code points (from :func:`bmp_chars`) are a compound surname."""
    key = (points[0].astype(np.int64) << 16) | points[1]
    return _COMPOUND_KEYS[np.minimum(np.searchsorted(_COMPOUND_KEYS, key), len(_COMPOUND_KEYS) - 1)] == key


def _words(key: str) -> str:
    """An alternation of one line of ``data/address.txt``, the longer words first (村民小组 before 组)."""
    return "|".join(sorted(_ADDRESS_WORDS[key].split(), key=len, reverse=True))


# The words of addresses (``data/address.txt``), shared with the street-level generalization
# (``operators/generalize.py``): what it drops is what makes an address a household's here.
_ADDRESS_WORDS = _data_file("address.txt")
#: a village's group after its number (…村6组, …村3社, …村5村民小组)
GROUP = _words("group")
#: what a group or house number stands in (村, 社区, 嘎查, 屯 …)
VILLAGE = _words("village")
#: the endings of a residential estate's name (小区, 家园, 名邸, 人家 …)
ESTATE = _words("estate")
#: how a natural village's name ends (…村花家塘42号, …村老杨家屯143号)
HAMLET = _words("hamlet")
#: a building's number word (幢, 栋, 号楼, 座, #) and a unit's (单元, 门)
BUILDING = _words("building")
UNIT = _words("unit")
#: words after which an estate's rooms in text are a household's home (安置房, 分配, 选房 …)
RESETTLEMENT = _words("resettlement")
#: what ends an organisation's address after its house number (…号科技大厦, …号人民医院, …号…管理局)
INSTITUTION = _words("institution")
_NUMERAL = r"(\d+|[一二三四五六七八九十]+)"
# an estate's rooms: building (and unit) and room, or the three as a code (4幢1001, 9#-4-3202,
# 21号楼4门1303, 5幢5单元1601室, 25栋1802房, 26幢-4-101; the unit a bare number too: …阳光花园29幢-1-601)
_ROOMS = (rf"(\d{{1,3}}({BUILDING})-?(\d{{1,2}}({UNIT})-?|\d{{1,2}}-)?\d{{3,4}}(室|房)?"
          rf"|\d{{1,3}}#?-\d{{1,2}}-\d{{3,4}}(室|房)?)")


@register
class Address(Detector):
    type = "address"
    # A dwelling: down to building, unit or room, a village group (…村6组40号, …村3社, …村5村民小组)
    # or house number (…村58号), an estate's building-unit-room numbers (…家园4-1-1404), a lane and house
    # (…路88弄3号) or a house number and room (…3号601), which locate a household. A cell is an
    # address only if it reads as one (no sentence punctuation); inside text the span must reach
    # that detail. A street and house number alone (…路88号) is an address when the cell begins
    # with an administrative division (:func:`division_led`): an office's street address in a
    # column of 办公地址 stays out by the header (``schemas/pii_hints.yaml``).
    _chars = r"[\x{4e00}-\x{9fa5}A-Za-z0-9（）()#\-]"
    _detail = (rf"({_NUMERAL}(幢|栋|号楼|单元|室)"
               rf"|({VILLAGE}|组)[\x{{4e00}}-\x{{9fa5}}]{{0,6}}?{_NUMERAL}({GROUP})(\d+号)?"
               r"|\d+号\d+楼[A-Za-z]?\d*室"
               rf"|({VILLAGE}|组)\d+号"
               r"|\d+弄\d+号"
               rf"|({ESTATE})([一二三四五六七八九十\d]+[区期]|[A-Za-z]区)?\d+#?-\d+(-\d+)?"
               rf"|({ESTATE})([一二三四五六七八九十\d]+[区期]|[A-Za-z]区)?{_ROOMS})")
    _dwelling = (rf"^{_chars}*?[\x{{4e00}}-\x{{9fa5}}]{_chars}*?{_detail}{_chars}*$"
                 rf"|^{_chars}*?[\x{{4e00}}-\x{{9fa5}}]{_chars}*?\d+号\d{{3,4}}室?$"
                 # … and in English: a room, flat or unit first, then the building or the street
                 # (Room 2604, Bldg 27, Ginkgo Court, 159 Hehua Middle Rd, …; Unit 3-704, Lane 516, …)
                 r"|^(?i:(room|rm|apt|apartment|flat|unit|suite)\.? ?#?\d+[a-z]?(-\d+)*, ?[a-z0-9 ,.'#\-]*?"
                 r"\b(rd|road|st|street|ave|avenue|lane|ln|blvd|boulevard|hwy|highway|bldg|building|block|blk|tower|"
                 r"court|garden|gardens|estate|village|mansion|residence)\b[a-z0-9 ,.'#\-]*)$")
    # A street (or village, town) and house number: an address when a division leads (validate).
    _street_number = (rf"^[\x{{4e00}}-\x{{9fa5}}]{{2,}}{_chars}*?(路|街|巷|弄|道|胡同|村|镇|乡|屯|组){_chars}*?"
                      rf"\d+号{_chars}*$")
    cell_pattern = f"{_dwelling}|{_street_number}"
    # … but not one that an institution ends (…路555号科技大厦, …号行政服务中心8楼, …号人民医院): the
    # organisation's address. (A room there, …大厦1205室, is a dwelling; so is anything in an
    # estate, …号阳光小区活动中心.)
    _institution = rf"\d+号[\x{{4e00}}-\x{{9fa5}}A-Za-z]{{0,12}}?({INSTITUTION})(\d+[楼层])?$"
    _residence = r"\d+号.*(小区|家园|花园|公寓|苑|新村|宿舍|住|楼栋|单元)"
    # In text: a place name, then building, unit or room; a village group or house number; an
    # estate's building-unit-room numbers; a lane and house number, with the room.
    span_pattern = (
                    # (first: at the same place, the whole of an estate's rooms, …新村21号楼4门1303) an
                    # estate's rooms (…名邸4幢1001, …人家25#-4-1004), and any place's rooms after a word
                    # of resettlement (安置房东方明珠3幢1201, 分配…21号楼4门1303)
                    rf"({RESETTLEMENT})[:：]?[\x{{4e00}}-\x{{9fa5}}A-Za-z]{{2,12}}?{_ROOMS}"
                    rf"|[\x{{4e00}}-\x{{9fa5}}]+({ESTATE})([一二三四五六七八九十\d]+[区期]|[A-Za-z]区)?{_ROOMS}"
                    # (… an estate named by its phase or section alone: 万科一期15栋1101, 阳光二区23栋2804)
                    rf"|[\x{{4e00}}-\x{{9fa5}}]{{2,}}[一二三四五六七八九十]{{1,2}}[区期]{_ROOMS}"
                    r"|[\x{4e00}-\x{9fa5}]{2,}(路|街|巷|弄|里|坊|村|小区|公寓|花园|苑|大厦|新村)[\x{4e00}-\x{9fa5}\d\-]{0,16}?"
                    r"\d+(幢|栋|号楼|单元|室)(\d+(单元|室))*(\d{3,4}室?)?"
                    r"|[\x{4e00}-\x{9fa5}]{2,}(路|街|巷|里|大道)\d+弄\d+号(\d+室?)?"
                    # (any village's word: …安坞寨16号, …桃畈村委会82号, …宁坞屯13号)
                    rf"|[\x{{4e00}}-\x{{9fa5}}]{{2,}}({VILLAGE})([\x{{4e00}}-\x{{9fa5}}]{{0,6}}?{_NUMERAL}({GROUP}))?\d+号"
                    # … a village's group (…孟家洼村八组, …阿七村3组, …茶塘村下垄自然村8社) or a hamlet
                    # and house number in it (…下宅村老杨家屯143号)
                    rf"|[\x{{4e00}}-\x{{9fa5}}]{{2,}}({VILLAGE})第?{_NUMERAL}({GROUP})(\d+号)?"
                    rf"|[\x{{4e00}}-\x{{9fa5}}]{{2,}}(村|社区|嘎查)[\x{{4e00}}-\x{{9fa5}}]{{1,6}}?({HAMLET})\d+号"
                    r"|[\x{4e00}-\x{9fa5}]{2,}(团|场)\d+连\d+号"
                    # … or where a person lives, a village with the county and town above it (住…锡林浩特市
                    # 乌兰镇巴彦图嘎查): the words of residence lead, as a village alone is what the
                    # street-level generalization of an address leaves
                    r"|(住|住址|家住|现住|居住)[:：在于]?[\x{4e00}-\x{9fa5}]{2,}(县|区|市|旗|盟)[\x{4e00}-\x{9fa5}]{1,8}?(镇|乡|苏木|街道)[\x{4e00}-\x{9fa5}]{1,8}?(嘎查|村|社区|居委会)"
                    rf"({_NUMERAL}({GROUP}))?(\d+号)?"
                    r"|[\x{4e00}-\x{9fa5}]{2,}(路|街|巷|弄|大道|道)[东南西北中]?\d+号(\d+楼[A-Za-z]?\d*室|\d{3,4}室?|[A-Za-z\d]{1,2}座\d{3,4}室?)?"
                    r"|[\x{4e00}-\x{9fa5}]+(小区|家园|花园|公寓|苑|府|城|庭|湾|园|大厦|新村|山庄|公馆|里)([一二三四五六七八九十\d]+[区期])?\d+#?-\d+(-\d+)?"
                    # … and a dwelling without its estate's name (楼上5幢2单元3103, 反映5-5-1602): a
                    # building, unit and room, or the three as a code whose last part is a floor and a
                    # room (01-12: a date's year, 12-05-2024, is not one)
                    r"|\d{1,3}(幢|栋|号楼|座)\d{1,2}单元\d{3,4}室?|\d{1,3}(幢|栋|号楼)\d{3,4}[室房]"
                    # (… or the unit and room dashed after the building's word, 22幢-1-1004, and a building and
                    # room after an estate whose name ends in no estate's word: 书香门第25#902, 锦绣江南7栋2303房)
                    r"|\d{1,3}(幢|栋|号楼|座)-?\d{1,2}-\d{3,4}(室|房)?|[\x{4e00}-\x{9fa5}]\d{1,3}#-?\d{3,4}(室|房)?"
                    r"|\b[1-9]\d{0,2}-[1-9]\d?-[1-9]\d?(0[1-9]|1[0-2])\b")
    masked_pattern = r"^[\x{4e00}-\x{9fa5}]+(区|县|市|镇|街道)\*+$"
    min_ratio = 0.5

    def cells(self, values: pa.Array) -> np.ndarray:
        # A dwelling by the pattern (one pass: the usual address column ends there); the rest, a
        # street and house number, only where a division leads. Spans in text need neither.
        out = to_mask(pc.match_substring_regex(values, self._dwelling))
        rest = np.flatnonzero(~out)
        if len(rest):
            subset = values if len(rest) == len(values) else values.take(pa.array(rest))
            street = to_mask(pc.match_substring_regex(subset, self._street_number))
            street &= ~self._organisations(subset)
            if street.any():
                index = np.flatnonzero(street)
                out[rest[index]] = division_led(subset.take(pa.array(index)))
        return out

    def validate(self, candidates: pa.Array) -> np.ndarray:
        """The rule of :meth:`cells` for values that fit ``cell_pattern``: a dwelling, or led by a
        division."""
        ok = to_mask(pc.match_substring_regex(candidates, self._dwelling))
        rest = np.flatnonzero(~ok)
        if len(rest):
            subset = candidates if len(rest) == len(candidates) else candidates.take(pa.array(rest))
            ok[rest] = division_led(subset) & ~self._organisations(subset)
        return ok

    def _organisations(self, values: pa.Array) -> np.ndarray:
        """Which street-number values an institution ends (and no estate's word says a home)."""
        out = to_mask(pc.match_substring_regex(values, self._institution))
        if out.any():
            out &= ~to_mask(pc.match_substring_regex(values, self._residence))
        return out

    # A span in text (家住文三路88号) is an address by its own pattern: no division needed.
    validate_spans = False

    def spans(self, values: pa.Array) -> np.ndarray:
        # Spans in text less those of an organisation (:meth:`kept_span`), which are recounted
        # only in the cells that mention an organisation or an office building at all.
        counts = super().spans(values)
        if not counts.any():
            return counts
        index = np.flatnonzero(counts)
        sub = values if len(index) == len(values) else values.take(pa.array(index))
        maybe = np.flatnonzero(to_mask(pc.match_substring_regex(sub, _ORGANISATION_HINT)))
        if len(maybe):
            pattern = _python_span(self.span_pattern)
            for i in maybe:
                text = sub[int(i)].as_py()
                counts[index[i]] = sum(not self.kept_span(text, *m.span()) for m in pattern.finditer(text))
        return counts

    def kept_span(self, text: str, start: int, end: int) -> bool:
        """An organisation's address in text stays as written: one that an organisation's word
        introduces (该公司于…路243号, 门店位于…, 办公地址：…), a street number followed at once by
        an office building (…胜利街398号市民中心5层502), or by the road section it marks (…路437号门前路段,
        an accident's place). Never where a word of dwelling stands
        with it (家住, 居住, 住址, 户籍 …): when unsure, the address is a person's."""
        context = text[max(0, start - 8):end]
        if _DWELLING_CUE.search(context):
            return False
        if _ORGANISATION_CUE.search(context):
            return True
        if text[start:end].endswith("号") and _ROAD_SECTION.match(text, end):
            return True  # …路437号门前路段: where on a road something happened, no one's home
        office = _OFFICE_AFTER.match(text, end) if text[start:end].endswith("号") else None
        return office is not None and not _RESIDENCE.search(office.group(0))


# Words of a person's dwelling: with any of them, an address in text is a person's.
_DWELLING_CUE = re.compile("家住|住在|住址|住于|居住|现住|暂住|租住|借住|寄住|住所|住处|住宅|居所|户籍|家庭地址|"
                           "其家|家位于|老家|宿舍|租房|租的房|房东|业主|户主|楼上|楼下|邻居")
# Words that make the address an organisation's: an organisation (or one of its words) with 位于,
# 坐落于, 于, 在 …, or an organisation's address named as such.
_ORGANISATION_CUE = re.compile(
    "(?:公司|单位|企业|门店|该店|本店|商户|商铺|店铺|机构|医院|学校|银行|网点|工厂|厂家|合作社|经营部|办事处|营业厅|"
    "超市|酒店|宾馆|饭店|餐厅|物业|集团|协会|事务所)(?:位于|坐落于|设于|地处|于|在)"
    "|位于|坐落于|(?:办公|注册|经营|单位|营业|机构|企业|公司)(?:地址|地点|场所)")
# A road section a street number marks (…号门前路段, …号对面路段, …号路段): a place on the road.
_ROAD_SECTION = re.compile("(门前|门口|对面|附近|旁边?|[东南西北]侧)?路段")
# An office building or an institution right after a street number (``data/address.txt``).
_OFFICE_AFTER = re.compile(f"(?:[\u4e00-\u9fa5]{{0,4}})(?:{INSTITUTION})")
# … but not a residential estate's (…8号小区中心花园).
_RESIDENCE = re.compile("小区|家园|花园|公寓|苑|新村|宿舍|住|楼栋|单元")
# RE2 text a cell must hold for any of those to apply (a cheap first test of the cells).
_ORGANISATION_HINT = ("公司|单位|企业|门店|该店|本店|商户|商铺|店铺|机构|医院|学校|银行|网点|工厂|厂家|合作社|经营部|"
                      "办事处|营业厅|超市|酒店|宾馆|饭店|餐厅|物业|集团|协会|事务所|位于|坐落于|地址|地点|场所|路段|"
                      f"园|{INSTITUTION}")


@lru_cache(maxsize=None)
def _python_span(pattern: str) -> "re.Pattern[str]":
    from ..operators.base import python_pattern

    return re.compile(python_pattern(pattern), re.ASCII)  # RE2 semantics for \b and \d


def division_led(values: pa.Array) -> np.ndarray:
    """Which values begin with an administrative division of China (浙江省杭州市…, 杭州…, 义县…):
    every province, city and county, from ``data/divisions.txt`` (``scripts/make_divisions.py``,
    from cpca's adcode table), read the first time this runs."""
    names, lengths = divisions()
    led = np.zeros(len(values), dtype=bool)
    for k in lengths:
        led |= to_mask(pc.fill_null(pc.is_in(pc.utf8_slice_codeunits(values, 0, k), value_set=names), False))
    return led


@lru_cache(maxsize=1)
def divisions() -> tuple[pa.Array, tuple[int, ...]]:
    """Every province, city and county name (full and short forms), and their lengths."""
    data = _data_file("divisions.txt")
    names = sorted({n for key in ("province", "city", "county", "short") for n in data[key].split()})
    return pa.array(names, pa.string()), tuple(sorted({len(n) for n in names}))


#: the words that make a date in text a birth date, before it (出生日期1958-05-03) or after it
#: (1994年11月28日出生): the detector's spans, and what the generalisation to a year keeps.
BIRTH_WORDS_BEFORE = "出生日期|出生年月日|出生于|生于|生日|出生"
BIRTH_WORDS_AFTER = "出生|生人"


@register
class BirthDate(Detector):
    type = "birth_date"
    # 1990-05-17, 1990/5/17, 19900517, 1990年5月17日, with a time of day or not (spreadsheets
    # export dates at midnight, 1990-05-17T00:00:00; a birth certificate gives the hour and minute,
    # 2023-09-12 14:47, 2023年4月29日11时24分), 17.05.1990 (day first, dotted), or 30 AUG 1959
    # as passports and English sheets write it; or a year and month alone (1985-06, 1985年6月,
    # Jun 1985), as a 出生年月 column holds them.
    # In text, only where the words say so (出生日期1958-05-03, 生于1937年3月6日), before the date or
    # after it (a case summary's 申请人X（男，1994年11月28日出生，住…）).
    span_pattern = (rf"({BIRTH_WORDS_BEFORE})[:：为是]?\s*(19|20)\d{{2}}([-/.年])?(1[0-2]|0?[1-9])"
                    r"([-/.月])?(3[01]|[12]\d|0?[1-9])日?"
                    rf"|(19|20)\d{{2}}[-/.年](1[0-2]|0?[1-9])[-/.月]((3[01]|[12]\d|0?[1-9])日?)?\s?({BIRTH_WORDS_AFTER})")
    span_prefix = r"^\D*|\D*$"  # (the words before or after the date)
    cell_pattern = (r"^(19|20)\d{2}([-/.年])?(0?[1-9]|1[0-2])([-/.月])?(0?[1-9]|[12]\d|3[01])日?"
                    r"([ T]?([01]?\d|2[0-3])(:[0-5]\d){1,2}(\.\d{1,6})?|\s?([01]?\d|2[0-3])[时点]([0-5]?\d分([0-5]?\d秒)?)?)?$"
                    r"|^(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(19|20)\d{2}$"
                    r"|^(19|20)\d{2}([-/.]|年)(0?[1-9]|1[0-2])月?$"
                    r"|^(?i:(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?[ -](19|20)\d{2})$"
                    r"|^(?i:(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?[ -](JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*"
                    r"\.?,?[ -](19|20)\d{2})$"
                    # … and as English sheets also write it: June 4th, 1985, Jun-04-1985, 04/06/1985
                    # (day or month first: either is a date)
                    r"|^(?i:(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?[ -](0?[1-9]|[12]\d|3[01])"
                    r"(st|nd|rd|th)?,?[ -](19|20)\d{2})$"
                    r"|^(0?[1-9]|[12]\d|3[01])/(0?[1-9]|[12]\d|3[01])/(19|20)\d{2}$")
    masked_pattern = r"^(19|20)\d{2}([-/.年])?(\*\*|XX)"
    needs_hint = True  # a date is only a birth date when the column says so

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Ten ASCII bytes can only fit the pattern as 1990-05-17 (or with / or ., in either
        # place): read off the byte matrix. Every other value (年月日 forms, 19900517, ten bytes
        # with CJK) goes to it.
        def check(subset: pa.Array, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            fits, (year, month, day) = _iso_form(m)
            century = year // 100
            # (ten ASCII bytes of another form, 17.05.1990, go to the pattern)
            return (fits & ((century == 19) | (century == 20)) & (month >= 1) & (month <= 12)
                    & (day >= 1) & (day <= 31)), fits

        return self.shaped_at_width(values, 10, check)

    def cells(self, values: pa.Array) -> np.ndarray:
        # Ten ASCII bytes: shape and calendar read off the byte matrix at once (the generic path
        # would parse them twice, for shaped and for validate). The rest take the generic path.
        at_width = byte_lengths(values) == 10
        out = np.zeros(len(values), dtype=bool)
        rest = ~at_width
        if at_width.any():
            index = np.flatnonzero(at_width)
            m = char_matrix(values if len(index) == len(values) else values.take(pa.array(index)), 10)
            fits, (year, month, day) = _iso_form(m)
            century = year // 100
            out[index] = fits & ((century == 19) | (century == 20)) & valid_dates(year, month, day)
            rest[index[~fits]] = True  # CJK in ten bytes (1990年5月7日), 17.05.1990: the pattern decides
        index = np.flatnonzero(rest)
        if len(index):
            out[index] = super().cells(values if len(index) == len(values) else values.take(pa.array(index)))
        return out

    def validate(self, candidates: pa.Array) -> np.ndarray:
        ok = np.zeros(len(candidates), dtype=bool)
        # The common written form, 1990-05-17 (or with / or .), read straight off the bytes.
        rows = byte_lengths(candidates) == 10
        if rows.any():
            m = char_matrix(candidates if rows.all() else candidates.filter(pa.array(rows)), 10)
            fits, (year, month, day) = _iso_form(m)
            index = np.flatnonzero(rows)
            ok[index[fits]] = valid_dates(year, month, day)[fits]
            rows[index[~fits]] = False
        rest = np.flatnonzero(~rows)
        if len(rest):
            values = candidates if len(rest) == len(candidates) else candidates.take(pa.array(rest))
            year, month, day = written_dates(values)
            ok[rest] = valid_dates(year, month, day)
        return ok


_MONTHS = {m: i + 1 for i, m in enumerate(("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
                                           "NOV", "DEC"))}


def written_dates(values: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of dates written as :attr:`BirthDate.cell_pattern` allows (0 where a
    value is not one). The common form, 1990-05-17 (or with / or .), is read straight off the
    bytes, as by :meth:`BirthDate.validate`; the rest by a regex."""
    year = np.zeros(len(values), dtype=np.int64)
    month, day = year.copy(), year.copy()
    rows = byte_lengths(values) == 10
    if rows.any():
        index = np.flatnonzero(rows)
        fits, parts = _iso_form(char_matrix(values if len(index) == len(values) else values.take(pa.array(index)), 10))
        for out, part in zip((year, month, day), parts):
            out[index[fits]] = np.asarray(part)[fits]
        rows[index[~fits]] = False
    rest = np.flatnonzero(~rows)
    if len(rest):
        # Digits in ASCII (a phone, a card, 0571-88123456: read for linking beside an ID column)
        # are read off their first bytes as the regexes would read them; the rest by the regexes.
        sub = values if len(rest) == len(values) else values.take(pa.array(rest))
        read, parts = _year_first_ascii(sub)
        if read.any():
            for out, part in zip((year, month, day), parts):
                out[rest[read]] = part[read]
            rest = rest[~read]
            sub = sub.filter(pa.array(~read))
    if len(rest):
        for out, part in zip((year, month, day), _written_dates(sub)):
            out[rest] = part
    return year, month, day


#: bytes :data:`_YEAR_FIRST` reads at most (four digits, a separator, two digits, a separator, two).
_YEAR_FIRST_BYTES = 10


def _year_first_ascii(values: pa.Array) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """The values :func:`_written_dates` would read by :data:`_YEAR_FIRST`, told from their first
    ten bytes: which ones, and their year, month and day. Only values of eight bytes or more whose
    first ten are ASCII (a non-digit is then one character, as ``\\D`` takes it) and whose year is
    not 0, so that :data:`_YEAR_MONTH` (seven ASCII bytes at most) cannot have read them first and
    the later forms are not tried: the rest go to the regexes. The greedy ``\\d{1,2}`` and
    ``\\D?`` of the pattern are followed as a backtracking engine (RE2's leftmost-first match)
    takes them: the month two digits if the day can still follow, else one."""
    n = len(values)
    matrix = leading_bytes(values, _YEAR_FIRST_BYTES)
    none = np.zeros(n, dtype=bool)
    if matrix is None or n == 0:
        return none, (none.astype(np.int64),) * 3
    lengths = byte_lengths(values)
    ok = lengths >= 8
    digit, other, value = [], [], []
    for j in range(_YEAR_FIRST_BYTES):  # column by column: each a contiguous row of the transposed matrix
        byte = matrix[:, j]
        present = lengths > j
        ok &= (byte < 0x80) | ~present
        is_digit = (byte - np.uint8(48)) <= 9
        digit.append(is_digit)  # (0 past the end: no digit)
        other.append(present & ~is_digit)
        value.append(np.where(is_digit, byte.astype(np.int16) - 48, 0).astype(np.int16))
    ok &= digit[0] & digit[1] & digit[2] & digit[3]
    year = value[0].astype(np.int64) * 1000 + value[1] * 100 + value[2] * 10 + value[3]
    ok &= year > 0
    digit.append(none)  # (byte 10 is never read as a digit: the window ends)

    def read(s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The month and day when the month begins at byte ``s``, and where they were found."""
        # A two-digit month, if a day (after a non-digit or not) can follow it …
        two = digit[s] & digit[s + 1] & (digit[s + 2] | (other[s + 2] & digit[s + 3]))
        # … else one digit, and the day after it (or after the non-digit that follows it).
        one = digit[s] & ~two & (digit[s + 1] | (other[s + 1] & digit[s + 2]))
        month = np.where(two, value[s] * 10 + value[s + 1], value[s])
        day = np.zeros(n, dtype=np.int16)
        for q, at in ((s + 1, one & digit[s + 1]), (s + 2, (two & digit[s + 2]) | (one & ~digit[s + 1])),
                      (s + 3, two & ~digit[s + 2])):
            day = np.where(at, np.where(digit[q + 1], value[q] * 10 + value[q + 1], value[q]), day)
        return two | one, month, day

    # The month begins at byte 4, or at 5 when a non-digit stands between (\D? takes it).
    at4, month4, day4 = read(4)
    at5, month5, day5 = read(5)
    ok &= np.where(digit[4], at4, other[4] & at5)
    month = np.where(digit[4], month4, month5)
    day = np.where(digit[4], day4, day5)
    zero = np.zeros(n, dtype=np.int64)
    return ok, (np.where(ok, year, zero), np.where(ok, month, zero).astype(np.int64),
                np.where(ok, day, zero).astype(np.int64))


def _written_dates(values: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    year, month, day = (np.zeros(len(values), dtype=np.int64) for _ in range(3))
    # A year and month alone (1985-06, 1985年6月) first: the general form would read 1985-0-6.
    for pattern in (_YEAR_MONTH, _YEAR_FIRST, _DAY_FIRST, _SLASHED):  # 17.05.1990: day first, as dotted dates are written
        rows = np.flatnonzero(year == 0)
        if len(rows) == 0:
            break
        parts = pc.extract_regex(values if len(rows) == len(values) else values.take(pa.array(rows)), pattern)
        for out, k in zip((year, month, day), ("y", "m", "d")):
            if f"(?P<{k}>" in pattern:
                out[rows] = np.array(pc.fill_null(pc.cast(pc.struct_field(parts, k), pa.int64()), 0)
                                     .to_numpy(zero_copy_only=False))
        if pattern is _YEAR_MONTH:
            day[rows] = np.where(year[rows] > 0, 1, 0)  # the first of the month: a real date, for the calendar test
        if pattern is _SLASHED:  # 06/28/1985: the month first, as American sheets write it
            swap = rows[month[rows] > 12]
            month[swap], day[swap] = day[swap], month[swap].copy()
    named = np.flatnonzero((year == 0) & to_mask(pc.fill_null(pc.match_substring_regex(values, "[A-Za-z]"), False)))
    for i in named:  # 30 AUG 1959, Jun 1985: few, and read one by one
        words = [re.sub(r"^(\d+)(ST|ND|RD|TH)$", r"\1", w)
                 for w in re.split(r"[ .,-]+", values[int(i)].as_py().strip().upper())]
        if len(words) == 3 and words[0].isdigit() and words[1][:3] in _MONTHS and words[2].isdigit():
            year[i], month[i], day[i] = int(words[2]), _MONTHS[words[1][:3]], int(words[0])
        elif len(words) == 3 and words[0][:3] in _MONTHS and words[1].isdigit() and words[2].isdigit():
            year[i], month[i], day[i] = int(words[2]), _MONTHS[words[0][:3]], int(words[1])
        elif len(words) == 2 and words[0][:3] in _MONTHS and words[1].isdigit():
            year[i], month[i], day[i] = int(words[1]), _MONTHS[words[0][:3]], 1
    return year, month, day


def linkable_dates(values: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """Dates as yyyymmdd per cell (-2 where a cell holds none), in the forms a birth date takes
    once it has lost its header and its format: those of :func:`written_dates`, a two-digit year
    (49.09.29, 49-9-29) and a spreadsheet's serial day number (18170: days since 1899-12-30, as
    Excel exports a date cell). Neither form is a birth date by its shape; they are read only to
    be compared, row by row, with the birth dates inside ID numbers (``scan._link_birth_dates``).
    Also returns which cells had a two-digit year (their century is unknown: 1949 here)."""
    year, month, day = written_dates(values)
    out = np.where(year > 0, year * 10000 + month * 100 + day, -2)
    two_digit = np.zeros(len(values), dtype=bool)
    rest = np.flatnonzero(year == 0)
    if len(rest) == 0:
        return out, two_digit
    sub = values if len(rest) == len(values) else values.take(pa.array(rest))
    parts = pc.extract_regex(sub, _TWO_DIGIT_YEAR)
    yy, mm, dd = (np.asarray(pc.fill_null(pc.cast(pc.struct_field(parts, k), pa.int64()), -1)
                             .to_numpy(zero_copy_only=False)) for k in ("y", "m", "d"))
    fits = (yy >= 0) & valid_dates(1900 + np.maximum(yy, 0), mm, dd)
    out[rest[fits]] = (1900 + yy[fits]) * 10000 + mm[fits] * 100 + dd[fits]
    two_digit[rest[fits]] = True
    serial = np.asarray(pc.fill_null(pc.cast(pc.struct_field(pc.extract_regex(sub, _SERIAL), "n"), pa.int64()), -1)
                        .to_numpy(zero_copy_only=False))
    serial = np.where(fits, -1, serial)
    ok = serial > 0
    if ok.any():
        days = (np.datetime64("1899-12-30") + serial[ok].astype("timedelta64[D]")).astype("datetime64[D]")
        text = np.datetime_as_string(days)  # yyyy-mm-dd
        out[rest[ok]] = np.array([int(t.replace("-", "")) for t in text], dtype=np.int64)
    return out, two_digit


#: 49.09.29, 49-9-29, 49/9/29: a date with a two-digit year (read only for linking).
_TWO_DIGIT_YEAR = r"^(?P<y>\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"
#: a spreadsheet's serial day number, 1927 to 2173 (four digits reach back to 1900).
_SERIAL = r"^(?P<n>[1-9]\d{3,4})$"


_YEAR_MONTH = r"^(?P<y>\d{4})(?:[-/.]|年)(?P<m>\d{1,2})月?$"
_YEAR_FIRST = r"^(?P<y>\d{4})\D?(?P<m>\d{1,2})\D?(?P<d>\d{1,2})"
_DAY_FIRST = r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})$"
_SLASHED = r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$"


def _iso_form(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Which rows of a ten-byte matrix are written YYYY-MM-DD (or / or ., in either place), and
    their year, month and day (meaningful where they are)."""
    fits = (all_digits(m[:, 0:4]) & all_digits(m[:, 5:7]) & all_digits(m[:, 8:10])
            & np.isin(m[:, 4], _SEPARATORS) & np.isin(m[:, 7], _SEPARATORS))
    return fits, digit_sums(m, _ISO_WEIGHTS)


_SEPARATORS = np.frombuffer(b"-/.", dtype=np.uint8)
# Year, month and day of YYYY-MM-DD as weighted sums of its digits (separators weigh nothing).
_ISO_WEIGHTS = np.zeros((10, 3))
_ISO_WEIGHTS[[0, 1, 2, 3], 0] = [1000, 100, 10, 1]
_ISO_WEIGHTS[[5, 6], 1] = [10, 1]
_ISO_WEIGHTS[[8, 9], 2] = [10, 1]


@register
class IpAddress(Detector):
    type = "ip_address"
    _octet = r"(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
    cell_pattern = rf"^({_octet}\.){{3}}{_octet}$|^[0-9A-Fa-f]{{1,4}}(:[0-9A-Fa-f]{{0,4}}){{2,7}}$"
    # IPv6 in text: five groups or more, or a "::" (a time, 12:30:45, has three).
    span_pattern = (rf"\b({_octet}\.){{3}}{_octet}\b|\b[0-9A-Fa-f]{{1,4}}(:[0-9A-Fa-f]{{1,4}}){{4,7}}\b"
                    r"|\b[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*::([0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4})*)?")
    # Masked (192.168.*.*, 2001:0db8:*:*:*:*:*:*) or generalized to the network (192.168.1.*,
    # 2001:0db8:00aa:*:*:*:*:*).
    masked_pattern = r"^\d{1,3}\.\d{1,3}\.(\d{1,3}|\*+)\.\*+$|^[0-9A-Fa-f]{1,4}(:[0-9A-Fa-f]{1,4}){1,2}(:\*+){5,6}$"
