"""Identifiers as people write them, brought to the form their check digits are tested in.

``330802 19570528 0715``, ``6222-0212-3456-7890``, ``＋86 138 1234 5678``, ``浙A·12345``,
``３３０８０２…`` (full-width digits), a lower-case ``x``: each is the same identifier as its plain
form. :func:`normalize` rewrites a column so that the detectors see the plain form; the cells keep
their written form everywhere else (the output is treated as written).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from ..strings import byte_table, contiguous, data_bytes
from .detectors.phones import CELL_LABEL

__all__ = ["NEEDS_NORMALIZING", "ascii_digits", "changed", "fold", "fold_text", "normalize", "unfold_traditional"]

# A card's or an account's label at the start of a cell (卡号:6222 0212 …, 银行账号：…): the cell is the number.
CARD_LABEL = "银行卡号|银行账号|收款卡号|收款账号|卡号|账号"
_SEP = r"[\s\-·•.・()（）/_]"
# Cells worth normalising: full-width forms or the ideographic space, middle dots, digits with
# separators inside, country prefixes, extensions, lower-case letters in an identifier.
# (No \s: the pattern is searched over a column joined a line each, and a line break is no separator.)
NEEDS_NORMALIZING = (r"[\x{ff01}-\x{ff5e}\x{3000}·•・]|\d[ \t\-.()（）/_]+\d|\+[ \t]*86|^[ \t]*00?86|\d[ \t]*(转|分机|ext)"
                     r"|^[a-z][a-z]?\d{6,8}$|^\d{14,17}x$|\d{17}×|^[\x{4e00}-\x{9fa5}][a-z][a-z0-9]{4,6}$"
                     rf"|^[ \t]*({CELL_LABEL}|{CARD_LABEL})[ \t.:：]*[+(（\d０-９]"
                     # a plate in brackets, or with a separator after its province or its letter
                     r"|^[(（][\x{4e00}-\x{9fa5}][A-Za-z]|^[\x{4e00}-\x{9fa5}][ ·][A-Za-z]\w{4,6}|^[\x{4e00}-\x{9fa5}][A-Za-z][ \-.]\w")
# A run of digits with separators (and an optional country prefix), ending in a digit or X.
_DIGITS = r"^\s*\+?[\d\s\-·•.・()（）/_]{6,48}[\dXx]\s*$"
# A plate with a separator after the province or its letter, or a lower-case letter, or in brackets
# ((鲁E67N46), 京 C70902, 贵A-D35682).
_PLATE = r"^[(（]?[\x{4e00}-\x{9fa5}][\s·]?[A-Za-z][\s\-·•.・]?[A-Za-z0-9]{4,6}[\x{4e00}-\x{9fa5}]?[)）]?$"
# A phone number's label at the start of a cell (TEL186…, tel:138.1234.5678, 手机：135 …, ☎0571-…): the
# cell is the number.
LABELLED = (rf"^\s*{CELL_LABEL}[\s.:]*([+(\d])", r"\1")
CARD_LABELLED = (rf"^\s*(?:{CARD_LABEL})[\s.:：]*(\d)", r"\1")
_EXTENSION = (r"^(.*\d)\s*(?:转|分机|ext\.?)\s*(\d{1,6})$", r"\1转\2")
_PREFIX = (r"^(?:\+86|0086|86)(1[3-9]\d{9})$", r"\1")
# 17 digits and the sign ×, typed for an ID's check character X (NFKC keeps ×).
_TIMES_X = (r"(\d{17})×", r"\1X")
_SHORT_CODE = r"^[A-Za-z0-9\x{4e00}-\x{9fa5}]{5,20}$"


def normalize(values: pa.Array) -> pa.Array:
    """``values`` (no nulls) with identifiers in their plain form: NFKC (full-width → ASCII), a phone
    number's or a card's label taken off (``TEL``, ``手机:``, ``☎``, ``卡号:``), separators removed from digit runs and
    plates, ``+86``/``0086``/``86`` taken off mobile numbers,
    extensions written ``转N``, letters of short codes upper-cased. Other text keeps its content
    (NFKC aside)."""
    out = pc.utf8_normalize(values, "NFKC")
    out = pc.replace_substring_regex(out, LABELLED[0], LABELLED[1])
    out = pc.replace_substring_regex(out, CARD_LABELLED[0], CARD_LABELLED[1])
    out = pc.replace_substring_regex(out, _EXTENSION[0], _EXTENSION[1])
    shaped = pc.or_(pc.match_substring_regex(out, _DIGITS), pc.match_substring_regex(out, _PLATE))
    if pc.any(shaped).as_py():
        out = pc.if_else(shaped, pc.replace_substring_regex(out, _SEP, ""), out)
    out = pc.replace_substring_regex(out, _PREFIX[0], _PREFIX[1])
    out = pc.replace_substring_regex(out, _TIMES_X[0], _TIMES_X[1])
    short = pc.match_substring_regex(out, _SHORT_CODE)
    if pc.any(short).as_py():
        out = pc.if_else(short, pc.utf8_upper(out), out)
    return out


def changed(values: pa.Array, normalized: pa.Array):
    """Which cells :func:`normalize` changed (a numpy mask)."""
    return ~to_mask(pc.fill_null(pc.equal(values, normalized), True))


def _holds_fullwidth_digits(values: pa.Array) -> bool:
    """One search of the text bytes (the usual column has none): ０–９ are EF BC 90–99 in UTF-8."""
    from ..strings import contiguous, data_bytes

    values = contiguous(values)
    if values.type != pa.string():
        return True
    data = data_bytes(values)
    lead = np.flatnonzero(data[:-2] == 0xEF)  # numpy passes: several times faster than a search here
    return bool(len(lead)) and bool(((data[lead + 1] == 0xBC) & (data[lead + 2] >= 0x90)
                                     & (data[lead + 2] <= 0x99)).any())
_FULLWIDTH = str.maketrans("０１２３４５６７８９＋－　", "0123456789+- ")


def ascii_digits(values: pa.Array) -> pa.Array:
    """``values`` with full-width digits (and ＋, －, the ideographic space) written as ASCII, in the
    cells that hold any; the rest of their text, and every other cell, as it was. Free text that
    writes a phone or ID number in full-width digits is then scanned and treated like any other.
    One joined search settles the usual column, which holds none."""
    values = values.cast(pa.string())
    if len(values) == 0 or not _holds_fullwidth_digits(values):
        return values
    from .operators.base import by_distinct

    return by_distinct(values, lambda v: v.translate(_FULLWIDTH) if any("０" <= c <= "９" for c in v) else v)


# ---- hostile forms: what a careless export or a hand that wants data out writes into a value ----------------
#
# An identifier or a name can be written so that it reads the same to a person and differs to a
# pattern: invisible characters inside it (zero-width space/joiner, soft hyphen, BOM, bidi
# controls), combining marks on its digits, digits of another script (٣٣٠٨…, ३३०८…, 𝟑𝟑𝟎𝟖…),
# digit-likes (①②, ¹²³), Chinese numerals (三三〇八…), letters for digits (33O8O2l9…, a Cyrillic х
# for X), a line break inside it. :func:`fold` writes such a cell the way a reader reads it; the
# scan sees the folded column, and a personal field is treated (and written) folded, so that what
# is found is also what is masked. Cells without any of these forms are not touched.

_INVISIBLE = "\u034f\u115f\u1160\u3164\uffa0"  # besides category Cf: grapheme joiner, Hangul fillers
_CN_NUMERALS = "〇零幺一两二三四五六七八九壹贰叁肆伍陆柒捌玖"  # 幺 and 两: 1 and 2 as numbers are spoken
_CN_VALUE = dict(zip(_CN_NUMERALS, "0011223456789" "123456789"))
_ZERO_LIKE = "OoОоΟο"  # Latin, Cyrillic, Greek
_ONE_LIKE = "lIІіӀӏ"
_X_LIKE = "XxХхΧχ×"
_LINE_BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"
# digit-likes that are no decimal digits (¹²³, ①, ⑴, ⒈, ❶, 🄁): folded only inside a run of digits
_DIGIT_LIKE = "\u00b2\u00b3\u00b9\u2070-\u2079\u2080-\u2089\u2460-\u249b\u24ea-\u24ff\u2776-\u2793\U0001f100-\U0001f10a"


def _decimal_ranges() -> str:
    """The non-ASCII decimal digits (Arabic-Indic, Devanagari, mathematical, …) as regex ranges;
    the full-width ones are left to :func:`normalize` and :func:`ascii_digits`."""
    import unicodedata

    out, start = [], None
    for code in range(0x80, 0x20000):
        digit = unicodedata.category(chr(code)) == "Nd" and not 0xFF10 <= code <= 0xFF19
        if digit and start is None:
            start = code
        elif not digit and start is not None:
            out.append(f"\\x{{{start:x}}}-\\x{{{code - 1:x}}}")
            start = None
    return "".join(out)


def _hostile_pattern() -> str:
    cn = f"[{_CN_NUMERALS}]"
    run = f"[0-9{_CN_NUMERALS}]"
    chinese = "|".join(f"{run}{{{k}}}{cn}{run}{{{6 - k}}}" for k in range(7))
    like = f"[{_DIGIT_LIKE}]".replace("\U0001f100", "\\x{1f100}").replace("\U0001f10a", "\\x{1f10a}")
    return ("^\\s*[=\\[{]|^\\s*[\"“”'‘’「『《〈]|^[\\x{3400}-\\x{9fff}]{1,3}[\\s\\x{a0}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}]|</?[A-Za-z]|&#|&[a-z]{2,4};|%[0-9A-Fa-f]{2}"
            "|[\\p{Cf}\\x{34f}\\x{115f}\\x{1160}\\x{3164}\\x{ffa0}\\x{2e80}-\\x{2fdf}\\x{f900}-\\x{faff}\\x{2f800}-\\x{2fa1f}]"
            "|[0-9A-Za-z\\x{3400}-\\x{9fff}][\\p{Mn}\\p{Me}]"
            f"|[{_decimal_ranges()}]"
            f"|{like}[0-9]|[0-9]{like}|{like}{like}"
            "|[0-9][\\r\\n\\x{b}\\x{c}\\x{85}\\x{2028}\\x{2029}]+[0-9]"
            "|[0-9][\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}]+[0-9Xx]"
            # (a plain X after a digit is an ID's check character, one ID in eleven: fold keeps it)
            f"|[0-9][{_ZERO_LIKE}{_ONE_LIKE}{_X_LIKE.replace('X', '')}]|[{_ZERO_LIKE}{_ONE_LIKE}][0-9]"
            f"|{chinese}|{TRADITIONAL_CLASS}")


# Traditional characters, read as their simplified forms one for one (``data/traditional.txt``, from OpenCC:
# ``scripts/make_traditional.py``): the cue words, surnames and address words are simplified (鄰居馮偉 is
# 邻居冯伟; 柯城區…號 is 柯城区…号). Only characters no simplified text uses are listed, so a simplified cell is
# never changed. What the treatment leaves of such a cell is written back as it was (:func:`unfold_traditional`).
def _traditional() -> tuple[str, str]:
    from .detectors.base import data_file

    data = data_file("traditional.txt")
    return data["traditional"].strip(), data["simplified"].strip()


TRADITIONAL, SIMPLIFIED = _traditional()
_TO_SIMPLIFIED = str.maketrans(TRADITIONAL, SIMPLIFIED)
_TRADITIONAL_CHARS = frozenset(TRADITIONAL)


def _char_class(chars: str) -> str:
    """``chars`` as an RE2 character class of ranges (2,000 characters in a few hundred ranges)."""
    points = sorted(set(map(ord, chars)))
    ranges, start = [], None
    for i, code in enumerate(points):
        start = code if start is None else start
        if i + 1 == len(points) or points[i + 1] != code + 1:
            ranges.append(f"\\x{{{start:x}}}" + (f"-\\x{{{code:x}}}" if code != start else ""))
            start = None
    return "[" + "".join(ranges) + "]"


#: RE2: a cell holding a traditional character of the list.
TRADITIONAL_CLASS = _char_class(TRADITIONAL)

_HOSTILE: list[str] = []


def hostile_pattern() -> str:
    """The RE2 pattern of a cell :func:`fold` would change (built once, on first use)."""
    if not _HOSTILE:
        _HOSTILE.append(_hostile_pattern())
    return _HOSTILE[0]


_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_DIGIT_LIKE_CHARS = frozenset(chr(c) for c in [0xB2, 0xB3, 0xB9, *range(0x2070, 0x208A), *range(0x2460, 0x249C),
                                               *range(0x24EA, 0x2500), *range(0x2776, 0x2794), *range(0x1F100, 0x1F10B)])
_BREAKS_AND_SPACES = frozenset(_LINE_BREAKS + "\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))
_CN_CHARS = frozenset(_CN_NUMERALS)
_LOOK_ALIKES = frozenset(_ZERO_LIKE + _ONE_LIKE + "ХхΧχ×")
# Han look-alikes: CJK compatibility ideographs and Kangxi radicals / the radicals supplement
_HAN_TWINS = frozenset([*range(0x2E80, 0x2FE0), *range(0xF900, 0xFB00)])
_TABLES: list = []


def _tables():
    """(a ``str.translate`` table dropping every format character and :data:`_INVISIBLE` and
    writing every other decimal digit in ASCII; a pattern of the combining marks that follow an
    ASCII letter or digit or a Han character), built once: a column of hostile cells is folded a
    cell at a time, and a loop over each character in Python was its cost."""
    if not _TABLES:
        import re
        import unicodedata

        table: dict[int, object] = {ord(c): None for c in _INVISIBLE}
        marks = []
        for code in list(range(0x80, 0x20000)) + list(range(0xE0000, 0xE1000)):
            category = unicodedata.category(chr(code))
            if code in _HAN_TWINS:  # 李 (U+F9E1) is 李, ⼈ (a Kangxi radical) is 人
                twin = unicodedata.normalize("NFKC", chr(code))
                if len(twin) == 1 and twin != chr(code):
                    table[code] = twin
            elif category == "Cf":
                table[code] = None
            elif category == "Nd" and not 0xFF10 <= code <= 0xFF19:
                table[code] = str(unicodedata.decimal(chr(code)))
            elif category in ("Mn", "Me"):
                marks.append(code)
        ranges, start = [], None
        for i, code in enumerate(marks):
            if start is None:
                start = code
            if i + 1 == len(marks) or marks[i + 1] != code + 1:
                ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code))}")
                start = None
        pattern = re.compile(f"(?<=[0-9A-Za-z\u3400-\u9fff])[{''.join(ranges)}]+")
        for code in range(0x2F800, 0x2FA20):  # the supplement's compatibility ideographs
            twin = unicodedata.normalize("NFC", chr(code))
            if len(twin) == 1 and twin != chr(code):
                table[code] = twin
        _TABLES.append((table, pattern))
    return _TABLES[0]


def fold_text(text: str) -> str:
    """One value written the way a reader reads it (see the section's comment): invisible
    characters dropped, combining marks on digits, Latin letters and Han dropped, every decimal digit and digit-like
    inside a digit run in ASCII, Chinese numerals in a run of seven or more as digits, O/l (and
    their Cyrillic and Greek twins) as 0/1 in a token that is otherwise digits, a line break or an
    unusual space (no-break, thin, ideographic) between two digits taken out. Other text is kept."""
    import re
    import unicodedata

    table, marks = _tables()
    text = marks.sub("", unicodedata.normalize("NFC", _unwrapped(text)).translate(table))
    chars = set(text)  # each rewriting below runs only where a character it needs is present
    if chars & _DIGIT_LIKE_CHARS:
        text = re.sub(f"(?:[0-9]|[{_DIGIT_LIKE}]){{4,}}", lambda m: "".join(
            c if c.isascii() else str(unicodedata.digit(c, c)) for c in m.group()), text)
    if chars & _BREAKS_AND_SPACES:
        text = re.sub(f"(?<=[0-9])[{_LINE_BREAKS}]+(?=[0-9])", "", text)
        text = re.sub(f"(?<=[0-9])[{_SPACES}]+(?=[0-9Xx])", "", text)
    if chars & _CN_CHARS:
        text = re.sub(f"[0-9{_CN_NUMERALS}]{{7,}}", lambda m: "".join(_CN_VALUE.get(c, c) for c in m.group()), text)
    if chars & _LOOK_ALIKES:
        text = re.sub(f"[0-9A-Za-z{_ZERO_LIKE}{_ONE_LIKE}{_X_LIKE}]{{7,}}", _digit_token, text)
    if chars & _TRADITIONAL_CHARS:
        text = text.translate(_TO_SIMPLIFIED)
    return text


def unfold_traditional(raw: pa.Array, folded: pa.Array, treated: pa.Array) -> pa.Array:
    """``treated`` (a treatment of ``folded``, :func:`fold` of ``raw``) with what it kept of a cell that
    fold only read in simplified characters written as it was: the treatment saw 楼上房东孙红把…, the
    output is 楼上房東孙*把…, the characters it did not touch in their written form. The kept parts are
    found by aligning the treated text with the folded one (a name's mask keeps the length; an address
    cut to its street does not); a cell fold changed otherwise (an invisible character taken out) stays
    as treated. The usual column, with no such cell, is returned as it is."""
    import difflib

    from .memo import same_values

    if same_values(raw, folded) or len(raw) == 0:  # (before the casts, which make new objects)
        return treated.cast(pa.string())
    raw, folded, treated = raw.cast(pa.string()), folded.cast(pa.string()), treated.cast(pa.string())
    moved = to_mask(pc.fill_null(pc.and_(pc.not_equal(raw, folded), pc.not_equal(treated, folded)), False))
    if not moved.any():
        return treated
    index = np.flatnonzero(moved)
    rows = [(r, f, t) for r, f, t in zip(raw.take(pa.array(index)).to_pylist(), folded.take(pa.array(index)).to_pylist(),
                                         treated.take(pa.array(index)).to_pylist())]

    def written(r: str, f: str, t: str) -> str:
        if len(r) != len(f) or r.translate(_TO_SIMPLIFIED) != f:
            return t
        out = []
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, f, t, autojunk=False).get_opcodes():
            out.append(r[i1:i2] if op == "equal" else t[j1:j2])
        return "".join(out)

    restored = pa.array([written(*row) for row in rows], pa.string())
    return pc.replace_with_mask(treated, pa.array(moved), restored)


_QUOTES = frozenset("\"“”'‘’「『《〈")
# A spreadsheet formula that only writes text (="330802…", ="3308"&"0219…", =CONCAT("…","…")).
_FORMULA = r'=\s*(?:(?:CONCATENATE|CONCAT|T)\s*\(\s*)?"[^"]*"(?:\s*[&,]\s*"[^"]*")*\s*\)?\s*'
_MARKUP = r"</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,200})?/?>"


def _unwrapped(text: str) -> str:
    """``text`` without the wrappers an export or a hand puts around a value: a text formula,
    Excel's leading apostrophe, HTML tags, numeric character references (&#x33;) and percent-escapes
    (%33). Base64 and other encodings are not undone (see the README's PII limits)."""
    import html
    import re
    from urllib.parse import unquote

    first = text.lstrip()[:1]
    if first in ("{", "["):
        nested = _json_text(text)
        if nested is not None:
            return nested
    if first == "=" and re.fullmatch(_FORMULA, text.strip(), re.IGNORECASE):
        text = "".join(re.findall(r'"([^"]*)"', text))
    elif text.startswith("'") and "'" not in text[1:]:
        text = text[1:]
    if first in _QUOTES:
        quoted = re.fullmatch(r"\s*([\"“”'‘’「『《〈])\s*([^\"“”'‘’「」『』《》〈〉]+?)\s*([\"“”'‘’」』》〉])\s*", text)
        if quoted is not None:  # the whole value in quotes (“张伟”, 「330802…」)
            text = quoted.group(2)
    if len(text) <= 16 and re.fullmatch(
            r"[\u3400-\u9fff](?:[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*[\u3400-\u9fff]){1,3}", text):
        text = re.sub(r"\s+", "", text)  # a name spaced out to align it (王　芳, 张 伟)
    if "&" in text:
        text = re.sub(r"&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});|&(?:nbsp|amp|lt|gt|quot|apos);",
                      lambda m: html.unescape(m.group()), text)
    if "%" in text:
        text = re.sub(r"(?:%[0-9A-Fa-f]{2})+", lambda m: unquote(m.group(), errors="strict")
                      if _utf8(m.group()) else m.group(), text)
    if "<" in text:
        text = re.sub(_MARKUP, "", text)
    return text


def _json_text(text: str) -> str | None:
    """A cell that is a JSON object or array (a JSON table's nested value) as the text it says:
    ``{"姓名":"张伟","电话":"138…"}`` reads ``姓名：张伟；电话：138…``, so a name after its key is a name
    after a cue. ``None`` for anything else."""
    import json

    stripped = text.strip()
    if not (stripped[:1] in "{[" and stripped[-1:] in "}]") or not stripped:
        return None
    try:
        value = json.loads(stripped)
    except (ValueError, RecursionError):
        return None

    def said(item: object) -> str:
        if isinstance(item, dict):
            return "；".join(f"{k}：{said(v)}" for k, v in item.items())
        if isinstance(item, list):
            return "；".join(said(v) for v in item)
        return "" if item is None else str(item)

    return said(value) if isinstance(value, (dict, list)) else None


def _utf8(escaped: str) -> bool:
    try:
        bytes(int(h, 16) for h in escaped.split("%")[1:]).decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _digit_token(match) -> str:
    """A token of seven or more that is digits once O/l are read as 0/1 (and its last character,
    an X look-alike, as X), with three real digits or more and at least a quarter of it: that
    number. (A word of letters alone, or a code with letters of other kinds, is kept; so is a
    Taiwan identity card number, whose letter may be I or O: I123456789 passes its check as written.)"""
    token = match.group()
    if len(token) == 10 and token[0] in "IO":
        from .detectors.regional import tw_valid

        if tw_valid(token):
            return token
    body, last = (token[:-1], "X") if token[-1] in _X_LIKE else (token, "")
    digits = sum(c.isdigit() for c in body)
    if digits < 3 or digits * 4 < len(body) or any(not (c.isdigit() or c in _ZERO_LIKE or c in _ONE_LIKE) for c in body):
        return token
    return "".join("0" if c in _ZERO_LIKE else "1" if c in _ONE_LIKE else c for c in body) + last


def fold(values: pa.Array) -> pa.Array:
    """``values`` with every cell in a hostile form (see :func:`fold_text`) folded; one search
    settles the usual column, which holds none, and returns it as it is. Remembered within a batch
    step (:mod:`.memo`): the scan, the treatment and the last line fold the same raw column."""
    if not pa.types.is_string(values.type) and not pa.types.is_large_string(values.type):
        return values
    from . import memo

    return memo.remembered("fold", values, _fold)


#: bytes of which every match of :func:`hostile_pattern` holds one: a byte of a non-ASCII character,
#: or an ASCII character one of its forms needs (= [ { " ' < & % at a wrapper, a line break between
#: digits, the Latin look-alikes O o l I x beside a digit). A column of other bytes only (plain IDs,
#: phone numbers, dates or IP addresses) cannot match: it is spared the pattern, which RE2 runs at
#: ~100 ns a cell (tests/test_pii_speed_prefilters.py holds the pattern to this).
HOSTILE_BYTES = byte_table("=[{\"'<&%\r\n\x0b\x0cOolIx")
HOSTILE_BYTES[0x80:] = True
_HARMLESS_ASCII = bytes(b for b in range(0x80) if not HOSTILE_BYTES[b])


def may_be_hostile(values: pa.Array) -> bool:
    """Whether a cell of ``values`` may be in a hostile form: its text holds a byte of
    :data:`HOSTILE_BYTES` (a cheap whole-column test: the largest byte, then what is left once the
    harmless ASCII bytes are deleted; ``True`` where it cannot tell)."""
    values = contiguous(values)
    if values.type != pa.string() or len(values) == 0:
        return True
    data = data_bytes(values)
    if len(data) == 0 or int(data.max()) >= 0x80:
        return True
    return len(data.tobytes().translate(None, _HARMLESS_ASCII)) > 0


def _hostile_cells(values: pa.Array) -> np.ndarray:
    """Which cells :func:`hostile_pattern` matches in (a null: none); a column that holds no byte
    of :data:`HOSTILE_BYTES` is not searched."""
    if not may_be_hostile(values):
        return np.zeros(len(values), dtype=bool)
    return to_mask(pc.fill_null(pc.match_substring_regex(values, hostile_pattern()), False))


def _fold(values: pa.Array) -> pa.Array:
    if len(values) == 0 or values.null_count == len(values):
        return values
    hostile = _hostile_cells(values)
    if not hostile.any():
        return values
    hit = pa.array(hostile)
    from .operators.base import by_distinct

    index = pa.array(np.flatnonzero(hostile))
    folded = by_distinct(values.take(index), fold_text)
    return pc.replace_with_mask(values, hit, folded.cast(values.type))
