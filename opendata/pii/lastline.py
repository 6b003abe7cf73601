"""The last line: checks of the output that do not share the detectors' blind spots.

The re-scan after redaction runs the same detectors that planned the treatment, so what they miss
they miss twice. These checks are built differently and run on the output (the first two on every
field not treated whole, the third on every field that was):

- **identifiers**: any digit run of ID or card length, written with spaces, dashes or full-width
  digits or not, whose digits pass the resident-ID check (MOD 11-2, a province, a real date) or
  Luhn with a card issuer's prefix;
- **name cues**: a cue word that introduces a person in free text (来电人、反映人、市民、患者 …)
  followed by two to four Chinese characters, unmasked, standing as a word;
- **raw cells**: in a field decided personal and treated whole, a non-empty cell the output left
  byte for byte as it was (other than one already masked, or an organisation's name or unified
  social credit code, which the treatment keeps on purpose).

- **phone numbers**: a mobile number however written — digits with any single separator between
  them (space, dash, dot, slash), full-width or not, behind +86 / 0086 / 86 or a label glued to it
  (TEL186…) — weighed against chance like card numbers (1 in 14 random 11-digit runs is one);
- **travel documents**: a passport or permit number of its format right after the word for it
  (护照E12345678, 回乡证号 H12345678);
- **the forms of :mod:`.lastline_ids`**: a passport's machine-readable zone, Hong Kong, Macao and Taiwan
  identity cards and phones, WeChat and QQ accounts after the word for them.

Each returns counts per field; :func:`opendata.redact.redact` fails closed on any of them.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from ..strings import filled, trimmed
from . import lastline_ids, memo
from .detectors.bank_card import issuer_prefix, luhn_valid
from .detectors.base import data_file
from .detectors.documents import DOCUMENT_CUE
from .detectors.phones import GLUED_LABELS, SPOKEN_DIGITS, SPOKEN_VALUES
from .detectors.person import _BRACKET, _WHOSE, ADDRESSED, AFTER_ROLE, AFTER_ROLE_WORDS, COMPOUND, FILE_LEADS, FILE_TYPES, \
    FILE_WORDS, \
    GRAMMAR, KIN, KIN_AS_NAME, KIN_GLUED, KIN_CHARS, KIN_LABELS, KIN_WORDS, NAME_DOTS, NOT_NAMES, TITLE_LEADS, after_last_cue, PEOPLE_WORD_HEADS, PSEUDONYM, \
    ROLE_ENDS, ROLE_OF_REN_ENDS, ROLE_SURNAMES, SURNAMES, TEXT_DOTS, TEXT_SURNAMES, TITLES_AFTER, TOGETHER, WORD_FIRST, WORD_STARTS
from .detectors.resident_id import ric_valid
from .scan import _anywhere

__all__ = ["CUE_WORDS", "built_id_cells", "cards_beyond_chance", "document_cells", "identifier_cells", "mobile_cells",
           "name_cue_cells", "raw_cells", "text_checks_needed"]

# Digits (ASCII or full-width; an ID's X also as Ｘ or the sign ×) with at most three spaces, dashes, dots or slashes between
# any two (a hand that spaces an ID at random: 3399 01 - 1979…): 15 to 19 of them, or
# an ID with the 1 to 3 digits of a code built on it (残疾人证号: the ID and two digits).
_RUN = r"[0-9０-９](?:[ ./\-]{0,3}[0-9０-９]){13,17}[ ./\-]{0,3}[0-9０-９XxＸｘ×][0-9０-９]{0,3}"
# A run standing alone: not glued to letters or digits (PDY8233683833990100 is a licence code) …
_RUN_RE = re.compile(f"(?<![0-9０-９A-Za-z])({_RUN})(?![0-9０-９A-Za-z])")
# … or after one or two letters, as a code built on an ID begins (学籍号 G330102…): an ID only.
_LETTERED_RE = re.compile("(?<![A-Za-z])[A-Za-z]{1,2}([0-9０-９]{17}[0-9０-９Xx])(?![0-9０-９A-Za-z])")

# The cue words are the detector's (``data/name_cues.txt``, one list for both), less those that also
# begin ordinary phrases (户主妻子, 业主委员会: ``not_lastline``), plus any only the last line reads.
_CUES = data_file("name_cues.txt")
#: words after which a person's name stands in free text (12345 hotline records, case summaries) …
CUE_WORDS = tuple(w for w in _CUES["cues"].split() + _CUES["roles"].split() if w not in _CUES["not_lastline"].split()) \
    + tuple(_CUES.get("lastline", "").split())
#: … and words after which one stands when a colon follows (市民：张三).
COLON_CUES = tuple(_CUES["colon"].split())
# The dots between the parts of a transliterated name, look-alikes included (ᐧ ˙ ⋅ ･ ⸱ 丶), and a hyphen: the detector's.
_DOTS = TEXT_DOTS
# (cue words in a row all before the name: 被申请人法定代表人X is X, as the detector reads it)
# (the longer cue first where one begins another: 被告人家中 is 被告人 and 家中, not 被告 and 人家中)
_CUE = re.compile(f"(?:(?:(?:{'|'.join(sorted(CUE_WORDS, key=len, reverse=True))})[:：为是]?"
                  f"|(?:{'|'.join(COLON_CUES)})[:：])\\s?)+"
                  f"([\u4e00-\u9fa5{_DOTS}*＊]{{2,8}})")
# A colon-less cue, two or three characters, and a verb (父亲禚英称): a name between them.
_BEFORE_VERB = re.compile(f"(?:{'|'.join(COLON_CUES)})\\s?([\u4e00-\u9fa5]{{2,3}})(?:称|反映|来电|表示|投诉|举报)")
# Where a name after a cue ends: the verb or word that follows it (来电人张三反映 …).
_AFTER_NAME = re.compile("反映|称|表示|来电|投诉|举报|要求|希望|咨询|家住|住在|住址|电话|手机|邮箱|邮件|微信|联系|报称|诉称|"
                         "驾驶|驾车|签收|领取|签字|同志|两户|共同|护照|证件|身份证|通行证|"
                         "现|在|住|于|因|的|等|和|与|及|说|自|今|已|于|年|岁|男|女|先生|女士|同志|师傅|老师")


# Two to four characters and the word of a bank (建设银行, 衢州农商银行, 农村信用社) after a cue.
_BANK = re.compile("([\u4e00-\u9fa5]{2,4}?)(?:银行|信用社|信用合作社|农商行)")
# A word of kinship of two characters or more (母亲, 妻子) at the start of what follows a cue.
_KIN_AT_START = re.compile(f"(?:{'|'.join(sorted((k for k in KIN if len(k) > 1), key=len, reverse=True))})")
# Characters a person's name does not hold, which place names and sentences do (反映人民路 is not
# 反映人 + a name).
_NOT_IN_NAMES = re.compile("[路街道区市省县镇乡村号口楼的了在是有和与及等个们这那不没到给被把对向从为]")


def _place_or_phrase(name: str) -> bool:
    """Whether ``name`` holds a character no name holds (:data:`_NOT_IN_NAMES`), its first one aside where that
    is a surname that is a word first and makes no word with the next (区佳, 那仁: not 区域, 那个); or begins
    with such a word (借用人家中宽带, 来电人曾经反映: the word of :data:`WORD_STARTS`, not a surname)."""
    if len(name) > 1 and name[1] in WORD_STARTS.get(name[0], ""):
        return True
    first = WORD_FIRST.get(name[:1])
    if first is not None and len(name) > 1 and name[1] not in first + GRAMMAR:
        name = name[1:]
    return _NOT_IN_NAMES.search(name) is not None


# How a person got in touch, or how many did (市民来信反映, 业主联名反映): words, not a name.
_HOW = {"来信", "来电", "来访", "来函", "来人", "联名", "多次", "再次", "一直", "共同", "集体", "纷纷", "均称", "都称",
        "曾经", "近日", "今日", "昨日"}


def _unmasked_name(tail: str) -> bool:
    """Whether the characters after a cue begin with an unmasked name (2–4 characters). A word of
    kinship there says whose name follows (投诉人母亲于**): the name is what comes after it."""
    kin = _KIN_AT_START.match(tail)
    if kin is not None:
        tail = tail[kin.end():]
    cut = _AFTER_NAME.search(tail)
    if cut is not None and cut.start() == 0:
        return False  # 来电人称… : no name after the cue
    bank = _BANK.match(tail)
    if bank is not None and bank.group(1)[0] not in TEXT_SURNAMES and bank.group(1)[0] not in WORD_FIRST:
        return False  # 转入申请人建设银行账户: a bank, not a name (张三银行卡 still reads as a name)
    name = tail[:cut.start()] if cut else tail
    # (a transliterated name is read whole, its syllables may hold 都 or 和: 阿不都拉ᐧ阿依古丽)
    dotted = re.search(f"[{_DOTS}]", name) is not None
    if not dotted:
        name = name if cut else name[:4]
        if _place_or_phrase(name[:4]) or name[:2] in NOT_NAMES:  # (店员态度恶劣: a word no one bears as a name)
            return False
    return 2 <= len(re.sub(f"[{_DOTS}]", "", name)) <= 8 and not re.search("[某*＊]", name) \
        and len(name) <= (8 if dotted else 4)


def _digits(run: str) -> str:
    return run.translate(_FULLWIDTH).replace(" ", "").replace("-", "").replace(".", "").replace("/", "")


_FULLWIDTH = str.maketrans("０１２３４５６７８９Ｘｘ×", "0123456789XXX")
# A number spoken into a record (幺三八…, 一五〇…): Chinese numerals read as digits, 幺 and 两 too (the detector's).
_SPOKEN = str.maketrans(SPOKEN_DIGITS, SPOKEN_VALUES)


def identifier_cells(values: pa.Array) -> tuple[int, int, int]:
    """How many cells hold a valid 18-character resident ID, how many a card number (Luhn and an
    issuer's prefix), and how many a standalone run of card length at all, however written. The
    caller weighs card numbers against chance (random account numbers pass one time in ~30)."""
    text = filled(values.cast(pa.string()))
    ids = cards = runs_of_card_length = 0
    if not _anywhere(text, _RUN):  # one joined search settles the usual column
        return ids, cards, runs_of_card_length
    candidates = to_mask(pc.match_substring_regex(text, _RUN))
    for cell in text.filter(pa.array(candidates)).to_pylist():
        runs = [_digits(m).upper() for m in _RUN_RE.findall(cell)]
        lettered = [_digits(m).upper() for m in _LETTERED_RE.findall(cell)]
        if not runs and not lettered:
            continue
        array = pa.array(runs, pa.string())
        lengths = np.asarray(pc.utf8_length(array).to_numpy(zero_copy_only=False))
        card_length = (lengths >= 16) & (lengths <= 19)
        # an ID, whole or leading a longer run (checked on its first 18 characters)
        heads = pa.array([r[:18] for r in runs] + lettered, pa.string())
        head_ok = ric_valid(heads) & (np.asarray(pc.utf8_length(heads).to_numpy(zero_copy_only=False)) == 18)
        ids += bool(head_ok.any())
        cards += bool((luhn_valid(array) & issuer_prefix(array) & card_length).any())
        runs_of_card_length += bool(card_length.any())
    return ids, cards, runs_of_card_length


def built_id_cells(values: pa.Array) -> tuple[int, int]:
    """How many cells hold a valid resident ID only as the head of a longer run of digits (a code
    built on an ID, or a serial number of a division and a date: 330106 20260416 5169793), and how many
    hold such a longer run whose head begins as an ID does (a province, a real date). The caller weighs
    the first against chance: one such serial number in eleven passes the check character."""
    from .detectors.resident_id import plausible_ids

    text = filled(values.cast(pa.string()))
    built = runs_with_head = 0
    if not _anywhere(text, _RUN):
        return built, runs_with_head
    for cell in text.filter(pa.array(to_mask(pc.match_substring_regex(text, _RUN)))).to_pylist():
        runs = [_digits(m).upper() for m in _RUN_RE.findall(cell)]
        heads = pa.array([r[:18] for r in runs if len(r) > 18], pa.string())
        if len(heads) == 0:
            continue
        plausible = plausible_ids(heads)
        runs_with_head += bool(plausible.any())
        whole = pa.array([r for r in runs if len(r) == 18] + [_digits(m).upper() for m in _LETTERED_RE.findall(cell)],
                         pa.string())
        built += bool((ric_valid(heads) & plausible).any()) and not bool(ric_valid(whole).any())
    return built, runs_with_head


# Eleven digits with at most one separator between any two (ASCII or full-width: the caller
# translates), standing alone: no digit, and no digit and a separator, before (a group inside a
# longer number), no digit after; behind a country prefix or a phone's label (TEL186…) or nothing
# that is a letter (SF1385… is a waybill's code).
_MOBILE_RUN = re.compile(r"(?<![0-9])(?<![0-9][ .\-/])(?:(?<![A-Za-z])|" + "|".join(f"(?<={w})" for w in GLUED_LABELS)
                         + r")(?:(?:\+|00)?86[ \-]?)?([0-9](?:[ .\-/]?[0-9]){10})(?![0-9])(?![.\-/][0-9])", re.IGNORECASE)
#: What a cell holds wherever :data:`_MOBILE_RUN` finds a run in it (in either width, before the
#: translation): eleven digits with single separators, no digit right after them, and before them
#: the start, a non-digit or the country code 86 (its lookbehinds, the labels included, all say
#: "no digit"; only the optional prefix lets one stand there). Necessary, not sufficient: the
#: cells without it are passed over, the others searched by :data:`_MOBILE_RUN` itself.
#: Digits are read in every width and as spoken (一三九…, 幺 for 1), as :func:`mobile_cells` translates them.
_ANY_DIGIT = f"0-9０-９{SPOKEN_DIGITS}"
MOBILE_CANDIDATE = (f"(?:^|[^{_ANY_DIGIT}]|[8８八][6６六][ \\-]?)[{_ANY_DIGIT}](?:[ ./\\-]?[{_ANY_DIGIT}]){{10}}"
                    f"(?:[^{_ANY_DIGIT}]|$)")
_DOCUMENT = re.compile(DOCUMENT_CUE + r"[:：为是]?\s*[CDEGHMPS][A-Z]?[0-9]{6,10}(?![0-9A-Za-z])")




def mobile_cells(values: pa.Array) -> tuple[int, int]:
    """How many cells hold a mobile number however written (1[3-9] and nine digits), and how many
    a standalone run of eleven digits at all: the caller weighs the first against chance (a column
    of random 11-digit serial numbers holds 1[3-9] runs 7 times in 100)."""
    text = filled(values.cast(pa.string()))
    if not _anywhere(text, MOBILE_CANDIDATE):  # a column of longer serials or masked phones: none
        return 0, 0
    mobiles = runs = 0
    candidates = to_mask(pc.match_substring_regex(text, MOBILE_CANDIDATE))
    for cell in text.filter(pa.array(candidates)).to_pylist():
        found = [re.sub(r"[^0-9]", "", m) for m in _MOBILE_RUN.findall(cell.translate(_FULLWIDTH).translate(_SPOKEN))]
        runs += bool(found)
        mobiles += any(f[0] == "1" and f[1] in "3456789" for f in found)
    return mobiles, runs


def document_cells(values: pa.Array) -> int:
    """How many cells hold a passport or permit number of its format after the word for it."""
    text = filled(values.cast(pa.string()))
    if not _anywhere(text, _DOCUMENT_WORDS):
        return 0
    return sum(_DOCUMENT.search(cell) is not None for cell in text.to_pylist() if cell)


def cards_beyond_chance(cards: int, runs: int, chance: float = 0.03, factor: float = 3.0, floor: int = 20) -> bool:
    """Whether ``cards`` valid card numbers among ``runs`` of card length are more than chance (and
    so for mobile numbers among runs of eleven digits, with their ``chance``)."""
    return cards > 0 and not (runs >= floor and cards <= factor * chance * runs)


# A name is told by its place as well as by a cue word: after a role known by its form (导办员X, 伤者X,
# 首席代表X) or a word of kinship (我婆婆X), before the title it is addressed by (的X老师) or a bracket
# that says who (X（男，…）, X（警号…）). Where these hold a surname-led name of two or three characters
# (or a transliterated one), unmasked, before a mark or a word that ends a name, or any two to four
# characters before a word that follows a name (首席代表区佳当日…), a person is named.
_SURNAME_LED = (f"(?:(?:{'|'.join(COMPOUND)})[\u4e00-\u9fa5]{{1,2}}|[{TEXT_SURNAMES}][\u4e00-\u9fa5]{{1,2}}"
                # (a surname that is a word first, where it makes no word with what follows: 区佳, not 区域)
                + "".join(f"|{first}(?![{seconds}{GRAMMAR}])[\u4e00-\u9fa5]{{1,2}}" for first, seconds in WORD_FIRST.items())
                + f"|[\u4e00-\u9fa5]{{1,8}}(?:[{_DOTS}][\u4e00-\u9fa5]{{1,8}}){{1,3}})")
_ENDS_A_NAME = "|".join([re.escape(w) for w in AFTER_ROLE] + list(TITLES_AFTER) + [_AFTER_NAME.pattern, "$"])
# (a role of three characters ending in 人, 预订人, but no word for people after a character, 这个人: the detector's
# ROLE_OF_REN, and as there, a name led by a surname that is no common word there: 负责人家中电话 holds none)
_ROLE_LED = _SURNAME_LED.replace(f"[{TEXT_SURNAMES}]", f"[{ROLE_SURNAMES}]", 1)
_ROLE_OF_REN = f"[\u4e00-\u9fa5](?![{PEOPLE_WORD_HEADS}])[\u4e00-\u9fa5]人"
# the labels a register writes beside a relative's name (the detector's KIN_LABELS), in brackets
_KIN_LABEL = "|".join(KIN_LABELS)
_KIN_BRACKET = f"[（(]\\s*(?:{_KIN_LABEL})\\s*[)）]"
_KIN_LABEL2 = "|".join(KIN_GLUED)
_PLACED = re.compile(
    f"(?:{'|'.join(ROLE_ENDS + KIN_WORDS)}|被[\\u4e00-\\u9fa5]{{1,2}}人|[其之][{KIN_CHARS}])[:：]?({_SURNAME_LED})(?:{_ENDS_A_NAME})"
    f"|{_ROLE_OF_REN}[:：]?({_ROLE_LED})(?:{'|'.join(ROLE_OF_REN_ENDS)})"
    f"|(?:^|[的，。；：、！？,;:\\s])({_SURNAME_LED})(?:{'|'.join(TITLES_AFTER)})"
    f"|(?:^|[^\\u4e00-\\u9fa5]|对方|双方|与|和|同|及)([\\u4e00-\\u9fa5{_DOTS}]{{2,12}}?)(?=" + _BRACKET + ")"
    # (any two to four characters after a role or a word of kinship, before a word that follows a name)
    f"|(?:{'|'.join(ROLE_ENDS + KIN_WORDS)}|被[\\u4e00-\\u9fa5]{{1,2}}人)[:：]?([\\u4e00-\\u9fa5]{{2,4}}?)(?:{AFTER_ROLE_WORDS})"
    # (one who names himself at the start of a sentence: 本人徐轩，反映…)
    f"|(?:^|[，。！？；：\\s])本人[:：]?({_ROLE_LED})(?:[，,。；;\\s]|$)"
    # (a list of names goes on after a masked one: 郏*、图雅一起, 王*和李四等)
    f"|[*＊]、([\\u4e00-\\u9fa5]{{2,3}}?)(?:、|等|{'|'.join(TOGETHER)}|[，。；,;]|$)"
    f"|[*＊](?:和|及|与)({_SURNAME_LED})(?:、|等|{'|'.join(TOGETHER)}|[，。；,;]|$)"
    # (a complaint's title about a household: 关于张三家…, and a file name a name leads: 张三身份证正面.jpg)
    f"|(?:^|[，。；：！？\\s])(?:{'|'.join(TITLE_LEADS)})对?({_SURNAME_LED})家(?![园具电居政装乡])"
    # (… a word may stand before that name: 法人王五身份证.jpg, 申请人李四户口本.pdf)
    # (… or a role by its form: 照管员X健康证.jpg)
    f"|(?:^|[\\s:：，,、;；/\\\\=])(?:{'|'.join(sorted(FILE_LEADS - {''}, key=len, reverse=True))}"
    f"|[\\u4e00-\\u9fa5]{{1,4}}?(?:{'|'.join(ROLE_ENDS)}))?({_SURNAME_LED})"
    f"(?:{'|'.join(FILE_WORDS)}|的|[_\\-－—])[^\\s/\\\\:：，,;；]{{0,40}}?"
    f"\\.(?i:{'|'.join(FILE_TYPES)})(?![A-Za-z0-9])")
# A relative, the name first and the word of kinship in brackets after it (王建国（父亲）, 芈超(朋友)), or a
# relative's record, the word, a hyphen and the name (子女-王强-330…|…): the label says a person is named, so
# any two to four characters there (or a transliterated name) are a name, its characters what they may be
# (向伟, 和平: no test of a place or a phrase).
_KIN_PLACED = re.compile(
    f"(?:^|[^\\u4e00-\\u9fa5])([\\u4e00-\\u9fa5]{{2,4}}|[\\u4e00-\\u9fa5]{{1,8}}(?:[{_DOTS}][\\u4e00-\\u9fa5]{{1,8}}){{1,3}})"
    f"\\s*{_KIN_BRACKET}"
    f"|(?:^|[\\s,，;；、/|])(?:{_KIN_LABEL})[-－—–_]\\s*([\\u4e00-\\u9fa5{NAME_DOTS}]{{2,15}}?)(?=[-－—–_|,，;；\\s]|$)"
    # (… or a cell that is only the two, apart by a space or a colon: 薛艳勇 母亲, 女儿 龙欣萍, 侄子：余文勇)
    f"|^\\s*([\\u4e00-\\u9fa5{NAME_DOTS}]{{2,15}}?)\\s+(?:{_KIN_LABEL})\\s*$"
    f"|^\\s*(?:{_KIN_LABEL})(?:\\s*[:：]\\s*|\\s+)(?![某无已未不在待非健])([\\u4e00-\\u9fa5{NAME_DOTS}]{{2,15}}?)\\s*$"
    # (… or glued, as the re-scan folds 许浩 侄子: a name of a known form and a word of two characters or more)
    f"|^\\s*({_SURNAME_LED})(?:{_KIN_LABEL2})\\s*$"
    f"|^\\s*(?:{_KIN_LABEL2})(?!无|已|未|不|在|待|非|健|双亡|去世|过世|病故)({_SURNAME_LED})\\s*$")
# A name the treatment kept more of than its surname (a compound one: two characters), stars after it: leading a
# file name (孙子涵**证正面.jpg: the mask began inside the name), or after a word of kinship that is a surname and a
# given character too, with no word of whose before it (孙子涵**: the treatment reads such a word as a name's start).
_PART_MASKED = re.compile(
    f"(?:^|[\\s:：，,、;；/\\\\])([{SURNAMES}][\u4e00-\u9fa5]{{1,2}})[*＊]+[^\\s/\\\\:：，,;；]{{0,40}}?"
    f"\\.(?i:{'|'.join(FILE_TYPES)})(?![A-Za-z0-9])"
    f"|(?:^|[^\u4e00-\u9fa5{_WHOSE}])((?:{'|'.join(KIN_AS_NAME)})[\u4e00-\u9fa5]{{1,2}})[*＊]")


# A name 阿 begins (阿约布哈, 阿的尔古: Yi, Uyghur, Kazakh names) after a role (报警人 too: ROLE_OF_REN), a word of
# kinship (其女 too) or a cue
# word, unmasked: 阿 is no surname, and its second character may be any (阿的); a word of address (阿姨) names nobody.
_A_LED = re.compile(f"(?:{'|'.join(sorted(ROLE_ENDS + KIN_WORDS + CUE_WORDS, key=len, reverse=True))}"
                    f"|被[\u4e00-\u9fa5]{{1,2}}人|{_ROLE_OF_REN}|[其之][{KIN_CHARS}])[:：]?\\s?(阿[\u4e00-\u9fa5]{{1,3}})")


def _part_masked(cell: str) -> bool:
    """Whether ``cell`` holds a name masked after more than its surname (:data:`_PART_MASKED`)."""
    for m in _PART_MASKED.finditer(cell):
        head = m.group(1) or m.group(2)
        if head not in COMPOUND and head[:2] not in NOT_NAMES and not head.endswith(KIN_WORDS) \
                and not head.startswith(_LEADS_A_NAME):  # (法人王*身份证.jpg: a cue, then a surname)
            return True
    return False


# the words that stand before a name: a cue, a role (法人王*, 店主李*; a file name's, ``file_leads``)
# (not a word of kinship: 伯母玉**.jpg may be 伯母玉's, masked after more than her surname)
_LEADS_A_NAME = tuple(CUE_WORDS + COLON_CUES + ROLE_ENDS) + tuple(_CUES["file_leads"].split())


# A person's papers named after their owner and 的 (缺少X的身份证明, 提供X的户口本: ``data/name_cues.txt``'s
# ``personal_docs``): a surname-led name there, where a word begins (after a verb of handing papers, ``doc_verbs``, or
# a character that is no Chinese one), unmasked, is the owner's, unless it is a role or a word for people (申请人的…).
_PERSONAL_DOCS = "|".join(_CUES["personal_docs"].split())
_DOC_OWNER = re.compile(f"(?:^|[^\u4e00-\u9fa5]|{'|'.join(sorted(_CUES['doc_verbs'].split(), key=len, reverse=True))})"
                        f"({_SURNAME_LED})的(?:{_PERSONAL_DOCS})")
# A foreign national's name in Latin letters (Lucas IVANOVA, Silva, Anna, O'Brien-Smith, Elena MÜLLER: two to four
# capitalised words, read here on their own terms) where its place says a name stands: after a cue word, a colon cue
# with its colon or a role a file name puts first (法定代表人John Kim已签署), leading a file name before a document's
# word or 的 (法人Silva, Ahmed身份证明.jpg), or before a person's papers (缺少Elena MÜLLER的身份证明). A masked one
# (L************) has no second letter.
_LATIN_CAP = "A-ZÀ-ÖØ-Þ"
_LATIN_ANY = "A-Za-zÀ-ÖØ-öø-ÿ"
_LATIN = f"[{_LATIN_CAP}][{_LATIN_ANY}'’\\-]*[{_LATIN_ANY}](?:,? [{_LATIN_CAP}][{_LATIN_ANY}'’\\-]*[{_LATIN_ANY}]){{1,3}}"
_LATIN_PLACED = re.compile(
    f"(?:{'|'.join(sorted(CUE_WORDS + tuple(_CUES['file_leads'].split()), key=len, reverse=True))}"
    f"|(?:{'|'.join(COLON_CUES)})[:：])[:：为是]?\\s?({_LATIN})"
    f"|(?:^|[\\s:：，,、;；/\\\\=])(?:{'|'.join(sorted(FILE_LEADS - {''}, key=len, reverse=True))})?({_LATIN})"
    f"(?:{'|'.join(FILE_WORDS)}|的)[^\\s/\\\\:：，,;；]{{0,40}}?\\.(?i:{'|'.join(FILE_TYPES)})(?![A-Za-z0-9])"
    f"|({_LATIN})的(?:{_PERSONAL_DOCS})")


def _doc_owner(cell: str) -> bool:
    """Whether ``cell`` names the owner of a person's papers, unmasked (:data:`_DOC_OWNER`), or a foreign national
    in Latin letters where its place says a name stands (:data:`_LATIN_PLACED`)."""
    if _LATIN_PLACED.search(cell) is not None:
        return True
    for m in _DOC_OWNER.finditer(cell):
        name = m.group(1)
        if name.endswith(("人",) + ROLE_ENDS + KIN_WORDS + CUE_WORDS) or re.search("[某*＊]", name) \
                or name[:2] in NOT_NAMES or _place_or_phrase(name):
            continue
        return True
    return False


#: RE2 text a cell must hold for :data:`_PLACED` to find anything (a cheap first test).
_PLACED_HINT = ("|".join(ROLE_ENDS + KIN_WORDS + TITLES_AFTER) + "|" + _BRACKET + "|" + _KIN_BRACKET
                + f"|({_KIN_LABEL})[-－—–_]|^\\s*({_KIN_LABEL})\\s*[:：\\s]|(\\s|\\p{{Han}})({_KIN_LABEL})\\s*$|^\\s*({_KIN_LABEL2})\\p{{Han}}"
                + f"|[\\x{{4e00}}-\\x{{9fa5}}][^\\P{{Han}}{PEOPLE_WORD_HEADS}]人|[*＊](?:、|和|及|与)|本人"
                + f"|(?:{'|'.join(TITLE_LEADS)})对?\\p{{Han}}{{2,4}}家|\\.(?i:{'|'.join(FILE_TYPES)})"
                + f"|(?:[其之][{KIN_CHARS}]|人)阿|的(?:{_PERSONAL_DOCS})")


def _placed_names(cell: str) -> bool:
    """Whether ``cell`` holds an unmasked name where its place says one stands (:data:`_PLACED`), or a name
    masked after more than its surname where a file name or a word of kinship leads (:data:`_PART_MASKED`)."""
    if _part_masked(cell) or any(name[:2] not in NOT_NAMES and "某" not in name for name in _A_LED.findall(cell)):
        return True
    if _doc_owner(cell):
        return True
    for m in _PLACED.finditer(cell):
        name = after_last_cue(re.sub("^(对方|双方)", "", next(g for g in m.groups() if g is not None)))
        if name.endswith(KIN_WORDS) or (len(name) > 4 and not re.search(f"[{_DOTS}]", name)) \
                or name in AFTER_ROLE or name[:2] in AFTER_ROLE:
            continue  # 其父亲（身份证号…）: whose details follow, not a name; a clause, not a name
        # (a transliterated name is read whole, as after a cue: its syllables may hold 不 or 都, 阿不都拉·艾力)
        dotted = re.search(f"[{_DOTS}]", name) is not None
        if not re.search("[某*＊]", name) and name[:2] not in NOT_NAMES and (dotted or not _place_or_phrase(name)):
            return True
    for m in _KIN_PLACED.finditer(cell):
        name = next(g for g in m.groups() if g is not None)
        # (a word of kinship or a cue before the bracket says whose details follow, 联系人（父亲）; a masked name,
        # 王某（父亲）, or a surname and a title, 李女士（母亲）, name nobody)
        if "某" not in name and not name.endswith(KIN_WORDS + ADDRESSED) and not _CUE_AT_END.search(name) \
                and name[:2] not in NOT_NAMES:
            return True
    return False


_CUE_AT_END = re.compile(f"(?:{'|'.join(CUE_WORDS + COLON_CUES)})$")


def name_cue_cells(values: pa.Array) -> int:
    """How many cells hold an unmasked name after a cue word, or where its place says one stands
    (after a role or a word of kinship, before a title or a bracket that says who)."""
    text = filled(values.cast(pa.string()))
    cues = _cue_words()
    if not _anywhere(text, cues):
        return 0
    candidates = to_mask(pc.match_substring_regex(text, cues))
    if candidates.any():
        # A whole cell that is an organisation's name (金杜律师事务所: 金杜 and the title 律师, to the test of a name before
        # a title) names no person: the raw-cells check keeps such cells too, and the detector reads none in them.
        from .cells import organisation_cells

        index = np.flatnonzero(candidates)
        candidates[index[organisation_cells(trimmed(text.take(pa.array(index))))]] = False
    found = 0
    for cell in text.filter(pa.array(candidates)).to_pylist():
        found += any(_unmasked_name(m) for m in _CUE.findall(cell)) or any(
            not re.search("[某*＊]", m) and not _place_or_phrase(m) and m[:2] not in _HOW
            for m in _BEFORE_VERB.findall(cell)) or _placed_names(cell)
    return found


def _cue_words() -> str:
    """What a cell must hold for :func:`name_cue_cells` to find a name: a cue word, or a word whose
    place says a name stands beside it (:data:`_PLACED_HINT`)."""
    return "|".join(CUE_WORDS + COLON_CUES) + "|" + _PLACED_HINT


#: the words a travel document's number stands after, as :func:`document_cells` first looks for them
_DOCUMENT_WORDS = "护照|通行证|回乡证|旅行证|(?i:passport)"


def text_checks_needed(values: pa.Array) -> bool:
    """Whether any of :func:`identifier_cells`, :func:`name_cue_cells`, :func:`mobile_cells`,
    :func:`document_cells` and :func:`~opendata.pii.lastline_ids.id_form_cells` can find anything in
    ``values``: one joined search for what each of them first searches for (a miss of all is a miss of each),
    a column of treated free text or of case numbers has none of them."""
    text = filled(values.cast(pa.string()))
    return _anywhere(text, "|".join(f"(?:{p})" for p in (_RUN, _cue_words(), MOBILE_CANDIDATE, _DOCUMENT_WORDS,
                                                        lastline_ids.CANDIDATE)))


# A star or 某 where characters were, or a surname and a title alone (王女士: names nobody).
# (… with a word of kinship in brackets after it too: 李女士（母亲）)
_MASKED_OR_ADDRESSED = (f"[*＊]|某|^\\s*[\\x{{4e00}}-\\x{{9fa5}}]{{1,2}}({'|'.join(ADDRESSED)})\\s*({_KIN_BRACKET})?\\s*$"
                        f"|^\\s*({PSEUDONYM})\\s*$")


def raw_cells(raw: pa.Array, treated: pa.Array) -> int:
    """How many non-empty cells ``treated`` left exactly as in ``raw``, other than values that were
    already masked in the source (``138****5678``: a star or 某 where characters were) or that name
    nobody (王女士; a surname and an official's title alone, 龚主任: :func:`~opendata.pii.cells.titled_or_lettered`)."""
    raw = raw.cast(pa.string())
    present = to_mask(pc.fill_null(pc.not_equal(memo.trimmed(raw), ""), False))
    same = to_mask(pc.fill_null(pc.equal(raw, treated.cast(pa.string())), False)) & present
    if not same.any():
        return 0
    masked = to_mask(pc.fill_null(pc.match_substring_regex(raw, _MASKED_OR_ADDRESSED), False))
    from .cells import titled_or_lettered  # (a surname is required before the title: 张伟科长 is counted)

    masked |= titled_or_lettered(memo.trimmed(raw))
    left = np.flatnonzero(same & ~masked)
    if len(left) == 0:
        return 0
    from .cells import organisation_cells  # an organisation's value in a person's field stays

    return int((~organisation_cells(trimmed(raw.take(pa.array(left))))).sum())
