"""护照、港澳通行证, 军官证 and 机动车号牌."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ...strings import bmp_chars, byte_table, char_table
from .base import Detector, register

PROVINCE_ABBREVIATIONS = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"


#: words that introduce a travel document's number in text (its own names, and English).
DOCUMENT_CUE = (r"(?:护照|回乡证|旅行证|港澳通行证|往来港澳通行证|来往内地通行证|港澳居民来往内地通行证|"
                r"(?i:passport)(?:\s*(?i:no|number)\.?)?)(?:号码|号)?")


@register
class Passport(Detector):
    type = "cn_passport"
    # Travel documents. Passports: E + 8 digits; E + letter (no I/O) + 7 digits; older G + 8;
    # D/S/P diplomatic, service, public affairs. Permits for Hong Kong and Macao: a mainland
    # resident's 往来港澳通行证, C + 8 digits or C + letter + 7; a Hong Kong or Macao resident's
    # 来往内地通行证 (回乡证), H or M + 8 digits (+ 2 of the renewal count on the older cards).
    _document = r"(E\d{8}|E[A-HJ-NP-Z]\d{7}|G\d{8}|[DSP]E?\d{7,8}|C\d{8}|C[A-HJ-NP-Z]\d{7}|[HM]\d{8}(\d{2})?)"
    cell_pattern = f"^{_document}$"
    # In text, only after the word for the document (护照E12345678, 回乡证号：H12345678, Passport No.
    # E12345678): one such value counts wherever it stands.
    span_pattern = f"{DOCUMENT_CUE}[:：为是]?\\s*{_document}\\b"
    span_prefix = r"^.*[^A-Z0-9]"
    masked_pattern = r"^[EGDSPCHM][A-Z]?\*{4,8}\d{0,4}$"
    needs_hint = True  # a letter and eight digits is also many an internal code
    uncertain_unhinted = True
    # Under a header that names a travel document (Travel Document No., 护照号码), also any country's
    # passport: six to ten capital letters and digits, a digit among them (CFPL4X0KM, 560519532,
    # 64HG89483, T8256684), or two digits and seven as Russia groups them (72 1234567).
    any_form = r"^([A-Z]*\d[A-Z0-9]*|\d{2} \d{7})$"
    any_form_bytes = (6, 10)
    any_form_not = r"^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$"
    # A passport has no check digit, so a column of codes of its shape (E12345678 …) asks; but one
    # e-passport among values of another shape (YW-2804-88214 …), nothing else there a document's
    # shape, is no such code: it counts as one cell (issue 14, point 8). An E and a date
    # (E20251104) is a batch's code rather than a passport.
    lone_form = r"^(E\d{8}|E[A-HJ-NP-Z]\d{7})$"
    lone_form_not = r"^E(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$"


#: the character before 字第 on a military certificate: the issuing branch or region (军 for the
#: headquarters, 北 南 沈 兰 济 广 成 for the former military regions, 海 空 火 for the services,
#: 东 西 中 for the theatres, 政 参 后 装 勤 for the departments, 武 for the armed police), or 士 / 兵
#: on a soldier's.
MILITARY_ISSUERS = "军北南东西中沈兰济广成海空火战联政参后装勤武士兵"


@register
class MilitaryId(Detector):
    """军官证、士兵证、文职干部证: 军字第12345678号 — an issuer, 字第, six to eight digits and 号.

    A fixed format that no other document shares (a court's 执字第123号 has another issuer and
    fewer digits): one such value counts wherever it stands."""

    type = "military_id"
    cell_pattern = f"^[{MILITARY_ISSUERS}]字第\\d{{6,8}}号$"
    span_pattern = f"[{MILITARY_ISSUERS}]字第\\d{{6,8}}号"
    masked_pattern = f"^[{MILITARY_ISSUERS}]字第[\\d*]{{0,4}}\\*{{3,8}}[\\d*]{{0,4}}号$"
    strong = True
    validate_spans = False


# A plate's letters (no I or O) and digits, in either case and either width (Ａ is U+FF21).
_LETTER_ANY_WIDTH = "[A-HJ-NP-Za-hj-np-z\uff21-\uff28\uff2a-\uff2e\uff30-\uff3a\uff41-\uff48\uff4a-\uff4e\uff50-\uff5a]"
_CHAR_ANY_WIDTH = _LETTER_ANY_WIDTH[:-1] + "0-9\uff10-\uff19]"


@register
class LicensePlate(Detector):
    type = "cn_license_plate"
    # A plate ending in 学 is a driving school's coach car, one in 警 a police car: an organisation's
    # vehicle, no person's plate, in a cell or in text (a column of them is the school's fleet). A
    # column decided to hold plates still treats every cell, these included.
    _plate = (f"[{PROVINCE_ABBREVIATIONS}][A-HJ-NP-Z]"
              "([DF][A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{5}[DF]|[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂港澳])")
    cell_pattern = f"^{_plate}$"
    # in text also 浙A·12345, 浙A 12345, 浙A-12345, 浙A.12345, 浙 A12345 (a space after the
    # province), in lower case (浙a12345), and in full-width letters and digits, whole or mixed
    # (豫Ｃ４９６１７, 湘Ｆ496ＬＪ): the text is masked as written, so the span is read in its written
    # width. A plate ends where its letters and digits end: one that runs on (浙AA5762768, a licence
    # number) is no plate (RE2 has no look-ahead: \b after an ASCII last character; a full-width
    # one is no word character to RE2, and takes none).
    _end = "(?:[A-HJ-NP-Za-hj-np-z0-9](?:\\b|_)|[\uff21-\uff28\uff2a-\uff2e\uff30-\uff3a\uff41-\uff48\uff4a-\uff4e\uff50-\uff5a\uff10-\uff19])"
    span_pattern = (f"[{PROVINCE_ABBREVIATIONS}][ ·•・]?{_LETTER_ANY_WIDTH}[·•・ .\\-．－]?"
                    f"([DFdfＤＦｄｆ]{_CHAR_ANY_WIDTH}{{4}}{_end}|{_CHAR_ANY_WIDTH}{{5}}(?:[DFdf](?:\\b|_)|[ＤＦｄｆ])"
                    f"|{_CHAR_ANY_WIDTH}{{4}}(?:{_end}|[挂港澳]))")
    masked_pattern = f"^[{PROVINCE_ABBREVIATIONS}][A-Z]\\*{{3,5}}[A-Z0-9]{{0,2}}$"

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Nine bytes can only fit the pattern as 浙A12345 (a three-byte province, then five ASCII
        # characters); the longer forms (new-energy plates, 挂学警港澳) go to the pattern.
        return self.shaped_at_width(values, 9, lambda subset, m: (_common_plate(m), np.ones(len(subset), dtype=bool)))


_LETTER = byte_table("ABCDEFGHJKLMNPQRSTUVWXYZ")  # no I or O on a plate
_LETTER_OR_DIGIT = byte_table("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
_PROVINCE = char_table(PROVINCE_ABBREVIATIONS)


def _common_plate(m: np.ndarray) -> np.ndarray:
    """Which rows of a nine-byte matrix read 浙A12345: a province abbreviation (three UTF-8 bytes,
    decoded to its code point), a letter, then five letters or digits."""
    province, ok = bmp_chars(m[:, :3])
    ok &= _PROVINCE[province[0]] & _LETTER[m[:, 3]]
    for j in range(4, 9):
        ok &= _LETTER_OR_DIGIT[m[:, j]]
    return ok
