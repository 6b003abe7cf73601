"""The last line's checks of the identifiers written in fixed forms that came with blind corpus #6.

Built apart from the detectors (``detectors/mrz.py``, ``detectors/regional.py``, the WeChat and QQ cues of
``detectors/email.py``, ``OtherPhone`` in ``detectors/phones.py``): their own patterns, their own check
algorithms, so that what one misses the other need not. Each check has a cheap first test (an RE2 search
of what every match must hold, ``*_CANDIDATE``) and a full one run only on the cells that pass it; the
first never drops a cell the second flags (``tests/test_pii_lastline_ids.py``):

- **passport MRZ**: a line of 44 characters of the zone's alphabet standing alone, either the name line
  (``P``, a type or ``<``, the state, the names with their ``<<``) or the number line with its four check
  digits and the composite one (ICAO 9303: weights 7 3 1) and a real birth date;
- **Hong Kong, Macao and Taiwan identity cards**: a Hong Kong number with its check character in brackets
  (or without them after the word for the card), a Macao number in its bracketed form, a Taiwan number
  with its check digit — weighed against chance by the caller (one random code of its shape in ten passes);
- **WeChat and QQ accounts**: the word for the account, then an ID of its shape (a letter and five to
  nineteen letters, digits, _ or -; ``wxid_`` anywhere) or a QQ number (five to eleven digits, no 0 first);
- **Hong Kong, Macao and Taiwan phones**: +852 / +853 and eight digits, +886 and eight or nine, a Taiwan
  mobile grouped 09xx-xxx-xxx; any single space or dash between the digits.

Values with a star in them are treated ones and count for nothing. :func:`id_form_cells` gives the counts.
"""

from __future__ import annotations

import re
from collections import Counter

import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from ..strings import filled

__all__ = ["ACCOUNT_CANDIDATE", "CANDIDATE", "MRZ_CANDIDATE", "PHONE_CANDIDATE", "REGIONAL_CANDIDATE", "TAIWAN_CHANCE",
           "account_cell", "icao_check", "id_form_cells", "mrz_cell", "phone_cell", "regional_cell"]

def _nocase(word: str) -> str:
    """``word`` in either case, letter by letter (wx: [Ww][Xx])."""
    return "".join(f"[{c.upper()}{c.lower()}]" for c in word)


# ---- passport MRZ ------------------------------------------------------------------------------------------

#: RE2: what a cell holding a zone's line holds (44 characters of its alphabet in a row).
MRZ_CANDIDATE = "[0-9A-Z<]{44}"
# a run of the zone's alphabet standing alone: one line (44), or both written without a break (88)
_MRZ_RUN = re.compile("(?<![0-9A-Z<])[0-9A-Z<]{44}(?:[0-9A-Z<]{44})?(?![0-9A-Z<])")
# the name line: P, a type letter or <, the issuing state, then surname << given names, filled with <
_NAME_LINE = re.compile("P[A-Z<][A-Z]{3}[A-Z<]*[A-Z]<<[A-Z][A-Z<]*")
# the number line: number, check, nationality, birth date, check, sex, expiry, check, personal number, check, composite
_NUMBER_LINE = re.compile("[0-9A-Z<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][0-9A-Z<]{14}[0-9<][0-9]")


def icao_check(field: str) -> int:
    """ICAO 9303's check digit: digits as themselves, A–Z as 10–35, ``<`` as 0, weighted 7 3 1, modulo 10."""
    total = 0
    for i, c in enumerate(field):
        total += (int(c) if "0" <= c <= "9" else 0 if c == "<" else ord(c) - 55) * (7, 3, 1)[i % 3]
    return total % 10


def _number_line(line: str) -> bool:
    if _NUMBER_LINE.fullmatch(line) is None or not (1 <= int(line[15:17]) <= 12 and 1 <= int(line[17:19]) <= 31):
        return False
    for start, end in ((0, 9), (13, 19), (21, 27), (28, 42)):
        if icao_check(line[start:end]) != (0 if line[end] == "<" else int(line[end])):
            return False
    return icao_check(line[0:10] + line[13:20] + line[21:43]) == int(line[43])


def mrz_cell(cell: str) -> bool:
    """Whether ``cell`` holds a passport zone's name line or number line, unmasked. A name line with a line
    of 44 after it (glued, or across a space or a break) is judged by that line's checks: a zone whose
    checks fail is no zone (a test string of the zone's form), as the detector has it."""
    runs = list(_MRZ_RUN.finditer(cell))
    for k, run in enumerate(runs):
        text = run.group()
        lines = [text[:44], text[44:]] if len(text) == 88 else [text]
        if len(lines) == 1 and k + 1 < len(runs) and len(runs[k + 1].group()) == 44 \
                and not cell[run.end():runs[k + 1].start()].strip():
            lines.append(runs[k + 1].group())  # the second line across a space or a break
        if _NAME_LINE.fullmatch(lines[0]) is not None:
            if len(lines) == 1 or _number_line(lines[1]):
                return True
        elif any(_number_line(line) for line in lines):
            return True
    return False


# ---- Hong Kong, Macao and Taiwan identity cards -----------------------------------------------------------

#: RE2: what a cell holding one holds: a letter, six digits and a bracket (HK), the word for an HK card
#: before an unbracketed one, a Macao number and its bracket or the word 澳门 before an unbracketed one, or
#: a letter and nine digits standing alone (Taiwan) — not a letter and six digits anywhere, which every
#: case number (GD202600000123) holds.
REGIONAL_CANDIDATE = ("[A-Z][0-9]{6} ?[(（]|香港|港澳|HK|[Hh][Kk][Ii][Dd]|[157][0-9]{6} ?[(（]|澳门"
                      "|(?:^|[^0-9A-Za-z])[A-Z][1289][0-9]{8}(?:[^0-9A-Za-z]|$)")
_OPEN, _CLOSE = "[(（]", "[)）]"
# (standing alone: no letter or digit either side; a Chinese character is none)
_HK_BRACKETED = re.compile(f"(?<![0-9A-Za-z])([A-Z]{{1,2}})([0-9]{{6}}) ?{_OPEN} ?([0-9A]) ?{_CLOSE}")
# … and without brackets only after the word for the card: one code of a letter and seven digits in eleven passes
_HK_CUED = re.compile(f"(?:香港|港澳|HK|{_nocase('hkid')})[^0-9A-Za-z，。；,;]{{0,12}}?(?<![0-9A-Za-z])([A-Z]{{1,2}})([0-9]{{6}})([0-9A])"
                      "(?![0-9A-Za-z])")
_MACAO = re.compile(f"(?<![0-9A-Za-z])[157][0-9]{{6}} ?{_OPEN}[0-9]{_CLOSE}"
                    "|澳门[^0-9A-Za-z，。；,;]{0,12}?(?<![0-9])[157][0-9]{7}(?![0-9A-Za-z])")
_TAIWAN = re.compile("(?<![0-9A-Za-z])([A-Z])([1289][0-9]{8})(?![0-9A-Za-z])(?![-./_][0-9A-Za-z])")
#: how often a random code of a Taiwan number's shape (a letter, 1 2 8 or 9, eight digits) passes its check
TAIWAN_CHANCE = 0.1
# the digits each Taiwan letter stands for (10 … 35, not in alphabetical order)
_TAIWAN_LETTERS = {c: 10 + i for i, c in enumerate("ABCDEFGHJKLMNPQRSTUVXYWZIO")}


def _hk_check(letters: str, digits: str, check: str) -> bool:
    """Hong Kong's check: a lone letter led by 36 (a space), letters 10–35, weights 9 … 2, MOD 11, 10 as A."""
    values = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(d) for d in digits]
    remainder = (11 - sum(v * w for v, w in zip(values, (9, 8, 7, 6, 5, 4, 3, 2))) % 11) % 11
    return check == ("A" if remainder == 10 else str(remainder))


def _taiwan_check(letter: str, digits: str) -> bool:
    code = _TAIWAN_LETTERS[letter]
    weighted = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(digits, (8, 7, 6, 5, 4, 3, 2, 1, 1)))
    return weighted % 10 == 0


def regional_cell(cell: str) -> tuple[bool, bool, bool]:
    """Whether ``cell`` holds a Hong Kong or Macao card number with its check (or form), whether it holds a
    Taiwan number with its check, and whether it holds a Taiwan number's shape at all (the caller weighs the
    second against the third: one random code of that shape in ten passes)."""
    hk = any(_hk_check(*m.groups()) for m in _HK_BRACKETED.finditer(cell)) \
        or any(_hk_check(*m.groups()) for m in _HK_CUED.finditer(cell)) or _MACAO.search(cell) is not None
    shapes = _TAIWAN.findall(cell)
    return hk, any(_taiwan_check(letter, digits) for letter, digits in shapes), bool(shapes)


# ---- WeChat and QQ ----------------------------------------------------------------------------------------

_WECHAT_HAN = "微信|威信|薇信|[VvWw]信|加微|加[Vv]"
# (in Latin letters only as a word of its own, wxyz123 is none; case spelled out: Python's and RE2's
# ignoring of case differ beyond ASCII)
_WECHAT_LATIN = "|".join(_nocase(w) for w in ("wechat", "weixin", "wx", "vx"))
_QQ_WORDS = f"{_nocase('qq')}|Q[号號]|扣扣|企鹅[号號]"
#: RE2: what a cell holding an account holds: the word for it, or an old WeChat system ID.
ACCOUNT_CANDIDATE = f"{_WECHAT_HAN}|{_WECHAT_LATIN}|{_QQ_WORDS}|wxid_"
# what may stand between the word and the value: 号 / 號 / 号码 / 账号 / ID, a colon, 是 / 为, spaces
_BETWEEN = f"(?:[号號][码碼]?|[账帐帳][号號]|{_nocase('id')}|{_nocase('no')}\\.?)? *[:：]? *(?:是|为|為)? *[:：]? *"
_WECHAT = re.compile(f"(?:{_WECHAT_HAN}|(?<![A-Za-z0-9])(?:{_WECHAT_LATIN})(?=[ :：是为為号號]|{_nocase('id')}))"
                     f"{_BETWEEN}([A-Za-z][A-Za-z0-9_-]{{5,19}})(?![A-Za-z0-9_*＊-])"
                     "|(?<![A-Za-z0-9])wxid_[a-z0-9]{6,24}(?![A-Za-z0-9*＊])")
_QQ = re.compile(f"(?:{_QQ_WORDS}){_BETWEEN}[1-9][0-9]{{4,10}}(?![0-9*＊])")
# words that follow the word for WeChat and are no ID (微信 WeChat Pay, 微信公众号 official account)
_NOT_IDS = frozenset(("wechat", "weixin", "alipay", "official", "account", "number", "public", "payment", "qrcode",
                      "mini-program", "miniprogram"))


def account_cell(cell: str) -> bool:
    """Whether ``cell`` holds a WeChat ID or a QQ number after the word for it, unmasked."""
    for m in _WECHAT.finditer(cell):
        value = m.group(1)
        if value is None or value.lower() not in _NOT_IDS:
            return True
    return _QQ.search(cell) is not None


# ---- Hong Kong, Macao and Taiwan phones -------------------------------------------------------------------

#: RE2: what a cell holding one holds: a country code 852, 853 or 886 behind +, 00 or a bracket, or a
#: Taiwan mobile's first group.
PHONE_CANDIDATE = "(?:\\+|＋|00|[(（]) ?(?:85[23]|886)|09[0-9]{2}[- ][0-9]{3}[- ][0-9]{3}"
_DIGITS = "[0-9](?:[ \\-]?[0-9])"
_PHONE = re.compile(
    f"(?<![0-9])(?:(?:\\+|＋|00) ?(?:85[23])|[(（]\\+?85[23][)）])[ \\-]?{_DIGITS}{{7}}(?![0-9])(?![ \\-][0-9])"
    f"|(?<![0-9])(?:(?:\\+|＋|00) ?886|[(（]\\+?886[)）])[ \\-]?(?:\\(0\\) ?)?{_DIGITS}{{7,8}}(?![0-9])(?![ \\-][0-9])"
    "|(?<![0-9])09[0-9]{2}[- ][0-9]{3}[- ][0-9]{3}(?![0-9])")


def phone_cell(cell: str) -> bool:
    """Whether ``cell`` holds a Hong Kong, Macao or Taiwan phone number, unmasked."""
    return _PHONE.search(cell) is not None


# ---- all of them ------------------------------------------------------------------------------------------

#: RE2: what a cell must hold for :func:`id_form_cells` to find anything in it.
CANDIDATE = "|".join(f"(?:{p})" for p in (MRZ_CANDIDATE, REGIONAL_CANDIDATE, ACCOUNT_CANDIDATE, PHONE_CANDIDATE))


def id_form_cells(values: pa.Array) -> Counter:
    """How many of ``values`` hold each: ``mrz``, ``regional_id`` (Hong Kong, Macao), ``taiwan_id`` and
    ``taiwan_runs`` (the caller weighs them against chance), ``account`` (WeChat, QQ), ``regional_phone``."""
    from .scan import _anywhere

    counts: Counter = Counter()
    text = filled(values.cast(pa.string()))
    if len(text) == 0 or not _anywhere(text, CANDIDATE):
        return counts
    for name, candidate, check in (("mrz", MRZ_CANDIDATE, mrz_cell), ("account", ACCOUNT_CANDIDATE, account_cell),
                                   ("regional_phone", PHONE_CANDIDATE, phone_cell)):
        if _anywhere(text, candidate):
            cells = text.filter(pa.array(to_mask(pc.match_substring_regex(text, candidate)))).to_pylist()
            counts[name] = sum(map(check, cells))
    if _anywhere(text, REGIONAL_CANDIDATE):
        for cell in text.filter(pa.array(to_mask(pc.match_substring_regex(text, REGIONAL_CANDIDATE)))).to_pylist():
            hk, taiwan, shape = regional_cell(cell)
            counts["regional_id"] += hk
            counts["taiwan_id"] += taiwan
            counts["taiwan_runs"] += shape
    return +counts
