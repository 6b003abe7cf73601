"""手机号 and 固定电话."""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from ...strings import DigitRun
from .base import Detector, all_digits, data_file, decimal, register
from .organisations import ORGANISATION_WORDS


# Words before a landline in text that make it an organisation's, and those that make it a
# person's whatever else stands there (``data/phone_words.txt``).
_PHONE_WORDS = data_file("phone_words.txt")
ORGANISATION_PHONE = tuple(_PHONE_WORDS["organisation"].split())
PERSON_PHONE = tuple(_PHONE_WORDS["person"].split())
_ORGANISATION_PHONE = re.compile("|".join(ORGANISATION_PHONE))
_PERSON_PHONE = re.compile("|".join(PERSON_PHONE))
# … read in the clause before the number (back to a comma or a stop), at most this many characters.
_CLAUSE = re.compile("[，,。；;！!？?]")
_BEFORE = 14
# An organisation's particulars in brackets right after its name (被申请人衢州市某某有限公司（统一社会
# 信用代码…，住所地…，电话0570-…）): its phone there is its own. Read back to the bracket (at most
# this many characters); every clause before the number must be the organisation's credit code or
# premises, and the number's own clause a phone's label or nothing — a name, a representative
# (法定代表人…), a contact or any other clause there makes the number a person's, as when unsure.
_PARTICULARS = 80
_ORGANISATION_BRACKET = re.compile(f"(?:{ORGANISATION_WORDS})[（(]")
_BRACKET_OPENED = re.compile(f"[\u4e00-\u9fa5（）()A-Za-z0-9]{{2,}}(?:{ORGANISATION_WORDS})[（(]$")
_PARTICULAR = re.compile("(?:统一社会信用代码|社会信用代码|信用代码|注册号|组织机构代码|住所地|住所|注册地址?|经营场所|"
                         "营业场所|办公地址|地址)[:：为是]?[^，,；;]*")
_OWN_LABEL = re.compile("(?:电话|联系电话|办公电话|单位电话|座机|固话|固定电话|传真|总机)?[:：]?\\s*")
_NUMBER_START = re.compile(r"[\d(（+]")
_LABELS = data_file("phone_labels.txt")
#: Latin words that label a phone number and may be glued to it (TEL13812345678: no word boundary
#: ends them), any case.
GLUED_LABELS = tuple(_LABELS["ascii"].split())
GLUED_LABEL = "(?i:" + "|".join(GLUED_LABELS) + ")"
#: any label of a phone number (TEL, tel:, 手机:, 联系电话：, ☎), as a cell may begin.
CELL_LABEL = f"(?:{GLUED_LABEL}|" + "|".join(_LABELS["words"].split()) + ")"
#: a mobile number's digits after 1[3-9]\d: plain, or grouped with single spaces, dashes, dots or
#: slashes anywhere (138 1234 5678, 138.1234.5678, 1381 2345 678, 13812345 678), as the last line reads them.
_MOBILE_BODY = r"(?:[- ./]?\d){8}"
#: what may stand before a mobile number in text: a country prefix, a label glued to it, or a word
#: boundary (手机:, 电话 and ☎ are not word characters).
MOBILE_PREFIX = rf"(\+86[- ]?|\b(?:00)?86[- ]?|{GLUED_LABEL}(?:\+?86[- ]?|0086[- ]?)?|\b)"

#: Chinese numerals as a number is spoken into a record (幺三八…, 一五〇…), and the digit each stands for: 〇/零
#: for 0, 幺 for 1, 两 for 2 (read by the last line too).
SPOKEN_DIGITS = "〇零一幺二两三四五六七八九"
SPOKEN_VALUES = "0011223456789"
#: a mobile number in Chinese numerals: 1[3-9] and nine more.
_SPOKEN_DIGIT = f"[{SPOKEN_DIGITS}]"
SPOKEN_MOBILE = f"[一幺][三四五六七八九]{_SPOKEN_DIGIT}{{9}}"


@register
class Mobile(Detector):
    type = "cn_mobile"
    cell_pattern = r"^(\+?86[- ]?|0086[- ]?)?1[3-9]\d([- ]?\d{4}){2}$"
    # In text also behind a country prefix written without a plus, glued or not (0086-173…,
    # 008617375399284, 86-170…), behind a label glued to it (TEL186…), dotted (tel:138.1234.5678).
    # … or spoken into a record in Chinese numerals (幺三八…, 一五〇…, 幺 and 两 as people say them).
    span_pattern = rf"{MOBILE_PREFIX}1[3-9]\d{_MOBILE_BODY}\b|{SPOKEN_MOBILE}"
    masked_pattern = r"^(\+?86[- ]?)?1[3-9]\d[- ]?\*{4}[- ]?\d{4}$"
    strong = True
    chance = 0.07  # 1[3-9] and nine digits: 7 in 100 random 11-digit numbers (order numbers)
    digit_run = DigitRun(11, b"1", b"3456789")
    # +86, a separator in the number, or a prefix or label glued to it (008613…, 8613…, TEL13…)
    span_other_forms = (r"\+86|1[3-9]\d{0,7}[- ./]\d|\b(?:00)?861[3-9]\d{9}\b"
                        rf"|{GLUED_LABEL}(?:\+?86|0086)?[- ]?1[3-9]\d|{SPOKEN_MOBILE}")
    span_other_forms_hold = ""

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Eleven bytes can only be the plain form, 1[3-9] and nine digits; longer forms (+86,
        # separators) go to the pattern.
        return self.shaped_at_width(values, 11, lambda subset, m: (
            decimal(subset) & (m[:, 0] == ord("1")) & (m[:, 1] >= ord("3")), np.ones(len(subset), dtype=bool)))


#: A mainland landline's area code and local number go together (the numbering plan): the three-digit
#: codes are 010 and 020–029, each with an eight-digit local number; the four-digit ones (03xx–09xx)
#: have seven or eight. Written plain, a landline is 11 or 12 digits — a 10-digit account number
#: beginning 0570… is none. Written without its 0 after +86. The local number may be grouped 3-4,
#: 4-3 or 4-4 (023 3818 0037).
AREA_LOCAL = (r"(?:(?:10|2\d)[)）]?[-—– ]?[2-9]\d{3}[- ]?\d{4}"
              r"|[3-9]\d{2}[)）]?[-—– ]?[2-9](?:\d{3}[- ]?\d{3,4}|\d{2}[- ]?\d{4}))")
#: … and the same as one whole cell: a separator (or brackets) only between the area code and the number.
_CELL_LANDLINE = r"(?:\(?0(?:10|2\d)\)?[-—– ]?[2-9]\d{7}|\(?0[3-9]\d{2}\)?[-—– ]?[2-9]\d{6,7})"


@register
class Landline(Detector):
    type = "cn_landline"
    # … with a long dash after the area code (0576—66178162), or the area code after the number in
    # brackets, as a form's free field gets it (66178162（0576）); the area code and the number's
    # length agree (:data:`AREA_LOCAL`).
    cell_pattern = (rf"^{_CELL_LANDLINE}([-转#]\d{{1,6}})?$"
                    r"|^(?:[2-9]\d{7}\s?[(（]0(?:10|2\d)[)）]|[2-9]\d{6,7}\s?[(（]0[3-9]\d{2}[)）])$")
    # In text: 0571-88123456, (0571)88123456, （0991）63858454, 0991 2453256, 023 3818 0037 (the
    # number grouped too), +86-29-87707010, 057188123456, with an extension (转 5393, 转分机5566, -238).
    # (After +86 the area code comes without its 0: +86-184… is a mobile number. A 0 right
    # after digits and a separator is a group inside a longer number: 6301 0219 8403 1056 27; one
    # right after a letter is part of a code, as \b had it — unless the letters label a phone: TEL0571…)
    span_pattern = (rf"(\+86[- ]?|(^|[^\dA-Za-z_\-.\s]\s?)0|[(（]0|{GLUED_LABEL}\(?0){AREA_LOCAL}"
                    r"(\s*(转分机|转|分机|-)\s*\d{1,6})?\b"
                    # … and a local number after the word that says it is one (座机51051165), or the verb of
                    # calling one back (要求处理并回电75288161: the caller's own number)
                    r"|(座机|固话|固定电话|办公电话|家庭电话|联系电话|电话|回电|回拨)[:：]?\s*[2-9]\d{6,7}(\s*(转分机|转|分机|-)\s*\d{1,6})?\b")
    masked_pattern = r"^\(?0\d{2,3}\)?[- ]?\*{3,8}\d{0,4}$"
    # (… or an organisation's name and a bracket: its particulars, :func:`_organisations_particulars`)
    kept_hint = "|".join(ORGANISATION_PHONE) + f"|(?:{ORGANISATION_WORDS})[（(]"

    def kept_span(self, text: str, start: int, end: int) -> bool:
        """An organisation's number in text stays as written: one that a word of an organisation's
        line introduces in the same clause (施工单位…，值班电话0574-…; 物业服务中心电话传真…; 客服…;
        咨询请拨…). Never where a word of a person stands in that clause (家中座机, 本人, 手机,
        联系人, 负责人 …): when unsure, the number is a person's."""
        digit = _NUMBER_START.search(text, start, end)  # the span may begin with the character before
        start = digit.start() if digit else start
        clause = _CLAUSE.split(text[max(0, start - _BEFORE):start])[-1]
        if _ORGANISATION_PHONE.search(clause) is not None and _PERSON_PHONE.search(clause) is None:
            return True
        return _organisations_particulars(text, start)

    def shaped(self, values: pa.Array) -> np.ndarray:
        # The usual written forms, an area code, a dash and the number (0571-88123456,
        # 010-62345678, 0571-8812345), are read off the bytes; every other form goes to the pattern.
        def check(subset: pa.Array, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            dashed = np.zeros(len(subset), dtype=bool)
            for sep in (3, 4):  # a three-digit area code (010, 02x) or a four-digit one (03xx–09xx)
                number = m.shape[1] - sep - 1
                if sep == 3 and number == 8:
                    area = ((m[:, 1] == ord("1")) & (m[:, 2] == ord("0"))) | (m[:, 1] == ord("2"))
                elif sep == 4 and number in (7, 8):
                    area = m[:, 1] >= ord("3")
                else:
                    continue
                dashed |= ((m[:, 0] == ord("0")) & all_digits(m[:, 1:sep]) & area & (m[:, sep] == ord("-"))
                           & (m[:, sep + 1] >= ord("2")) & all_digits(m[:, sep + 1:]))
            return dashed, dashed

        return self.shaped_at_width(values, (12, 13), check)


def _organisations_particulars(text: str, start: int) -> bool:
    """Whether the number at ``start`` stands in the brackets after an organisation's name among its
    particulars only (…有限公司（统一社会信用代码…，住所地…，电话0570-…）)."""
    end = start + 1 if text[start] in "（(" else start  # (…公司（0570-…）: the bracket the number opens)
    opened = max(text.rfind("（", max(0, start - _PARTICULARS), end), text.rfind("(", max(0, start - _PARTICULARS), end))
    if opened < 0 or _BRACKET_OPENED.search(text, max(0, opened - 40), opened + 1) is None:
        return False
    *before, own = re.split("[，,；;]", text[opened + 1:max(start, opened + 1)])
    return all(_PARTICULAR.fullmatch(c) for c in before) and _OWN_LABEL.fullmatch(own) is not None


@register
class ServiceNumber(Detector):
    """400/800 numbers, 95xxx and 96xxx (a city's public-service lines: 96110, 96166) and 1xxxx
    short numbers, and lines labelled a fax or a switchboard (传真 0571-88123456, 总机：010-62345678):
    an organisation's lines, not a person's. They explain a 服务电话 column and so stop it from being
    asked about; where they are a good share of a column the column is an organisation's phones
    (:func:`~opendata.pii.scan.organisation_lines`)."""

    type = "cn_service_number"
    personal = False
    # (an emergency line with the word for a transferred call, 110转接, says no caller's number)
    cell_pattern = (r"^(400|800)[- ]?\d{3}[- ]?\d{4}$|^9[56]\d{3,4}$|^1[0-2]\d{3}$|^(110|119|120|122)(转接|转入|转来|联动)$"
                    r"|^(传真|总机|(?i:fax))[:：]?\s*[(（]?0\d{2,3}[)）]?[- ]?[2-9]\d{6,7}([-转#]\d{1,6})?$")


#: a country calling code other than China's +86 (RE2 has no look-ahead: codes beginning with 8
#: are spelled out without 86): +1, +44, +852, +853, +886 …
_FOREIGN_CODE = r"\+(?:[1-79]\d{0,2}|8[0-57-9]\d?)"


@register
class OtherPhone(Detector):
    """A phone number outside the mainland's plan: a country code other than +86 and the number
    (+852 9123 4567, +853 6612 3456, +886 912 345 678, +44 20 7946 0958), or a Taiwan mobile as
    Taiwan writes it (0912-345-678: 09, two digits and two groups of three — no mainland landline
    is grouped so). A person's number as a mobile or landline is, weighed like a landline: a
    column of them, or under a phone header; a share of them asks."""

    type = "other_phone"
    cell_pattern = rf"^{_FOREIGN_CODE}[- ]?(?:\(0\)\s?)?\d(?:[- ]?\d){{5,12}}$|^09\d{{2}}-\d{{3}}-\d{{3}}$"
    # In text only the forms that cannot be anything else: +852/+853 and eight digits, +886 and
    # eight or nine, a Taiwan mobile grouped 4-3-3.
    span_pattern = (r"\+85[23][- ]?\d{4}[- ]?\d{4}\b|\+886[- ]?\d(?:[- ]?\d){7,8}\b"
                    r"|\b09\d{2}-\d{3}-\d{3}\b")
    masked_pattern = r"^\+\d{1,3}[- ]?[\d ]{0,4}\*{3,}\d{0,4}$|^09\d{2}-\*{3}-\*{1,3}\d{0,3}$"
