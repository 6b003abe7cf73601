"""居民身份证号 (GB 11643-1999): 18 characters with a MOD 11-2 check character, or 15-digit legacy."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...bitmaps import to_mask
from ...identifiers import RIC_CHECK, RIC_WEIGHTS
from ...strings import DigitRun
from .base import Detector, all_digits, byte_lengths, char_matrix, decimal, digit_sums, register, valid_dates

# First two digits of the administrative division code: the provinces (GB/T 2260), and 83, which
# the residence permits of Taiwan residents (港澳台居民居住证: 810000, 820000, 830000) begin with.
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
_PROVINCE = np.isin(np.arange(100), sorted(PROVINCES))
_CHECK = np.frombuffer(RIC_CHECK.encode(), dtype=np.uint8)


def _positional(weights: dict[str, dict[int, int]], width: int) -> tuple[list[str], np.ndarray]:
    """The names of k weighted sums and their (width, k) weights, one row per character."""
    names = list(weights)
    matrix = np.zeros((width, len(names)))
    for j, name in enumerate(names):
        for position, weight in weights[name].items():
            matrix[position, j] = weight
    return names, matrix


# Checksum, year, month, day and province as weighted sums of the digits (the check character,
# column 18, weighs nothing in any of them).
_LONG = _positional({"sum": dict(enumerate(RIC_WEIGHTS)), "year": {6: 1000, 7: 100, 8: 10, 9: 1},
                     "month": {10: 10, 11: 1}, "day": {12: 10, 13: 1}, "province": {0: 10, 1: 1},
                     "lead": {0: 1}, "foreign_province": {1: 10, 2: 1}}, 18)
_SHORT = _positional({"year": {6: 10, 7: 1}, "month": {8: 10, 9: 1}, "day": {10: 10, 11: 1},
                      "province": {0: 10, 1: 1}}, 15)


def _digit_sums(matrix: np.ndarray, spec: tuple[list[str], np.ndarray], width: int
                ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Whether each row is all ASCII digits (the first ``width`` weighted), and the weighted sums."""
    sums = digit_sums(matrix, spec[1])
    return all_digits(matrix[:, :width]), dict(zip(spec[0], sums))


def _plausible(s: dict[str, np.ndarray], year: np.ndarray) -> np.ndarray:
    return valid_dates(year, s["month"], s["day"]) & _PROVINCE[np.clip(s["province"], 0, 99)]


def plausible_ids(values: pa.Array) -> np.ndarray:
    """Vectorized: which values of 18 ASCII digits begin as an ID does — a province and a real
    date of 1900–2100 — whatever their check character."""
    out = np.zeros(len(values), dtype=bool)
    rows = byte_lengths(values) == 18
    if rows.any():
        m = char_matrix(values if rows.all() else values.filter(pa.array(rows)), 18)
        digits, s = _digit_sums(m, _LONG, 18)
        out[rows] = (digits & _PROVINCE[np.clip(s["province"], 0, 99)] & valid_dates(s["year"], s["month"], s["day"])
                     & (s["year"] >= 1900) & (s["year"] <= 2100))
    return out


def ric_valid(values: pa.Array) -> np.ndarray:
    """Vectorized: province code, real birth date and check character of 18- or 15-digit IDs."""
    lengths = byte_lengths(values)
    ok = np.zeros(len(values), dtype=bool)
    for width in (18, 15):
        rows = lengths == width
        if not rows.any():
            continue
        m = char_matrix(values if rows.all() else values.filter(pa.array(rows)), width)
        if width == 18:
            digits, s = _digit_sums(m, _LONG, 17)
            expected, last = _CHECK[s["sum"] % 11], m[:, 17]
            check = (last == expected) | ((last == ord("x")) & (expected == ord("X")))
            # A foreigner's permanent-residence ID (2023 layout) is 9, the issuing province, a
            # nationality code, then the birth date and check character where a resident's are.
            foreign = (s["lead"] == 9) & _PROVINCE[np.clip(s["foreign_province"], 0, 99)]
            place = _PROVINCE[np.clip(s["province"], 0, 99)] | foreign
            ok[rows] = (digits & check & place & valid_dates(s["year"], s["month"], s["day"])
                        & (s["year"] >= 1900) & (s["year"] <= 2100))
        else:
            digits, s = _digit_sums(m, _SHORT, 15)
            ok[rows] = digits & _plausible(s, 1900 + s["year"])
    return ok


@register
class ResidentId(Detector):
    type = "cn_resident_id"
    # The number alone, or inside a code built on it: 残疾人证号 is the ID and two digits (category
    # and grade), a 学籍号 a letter and the ID (G330102…): the ID leads or follows one or two letters.
    cell_pattern = r"^(\d{17}[\dXx]|\d{15}|[A-Za-z]{1,2}\d{17}[\dXx]|\d{17}[\dXx]\d{1,3})$"
    # In text, also as people group it: 330802 19570528 0715, 460203 1954 0114 758X, with dashes
    # dots or slashes (220104.20021207.1950, 220104/20021207/1950), with the digits of a code built on it after it, or in a link
    # or file name after or before an underscore (/zxws/<ID>_裁定书.pdf: "_" is a word character).
    # The check character may be a full-width Ｘ (62010219610823381Ｘ), or the sign ×, which
    # people type for it and \b cannot follow.
    # A dash, dot or slash may stand between spaces (330802 / 19570528…, as a hand splits the ID in two).
    span_pattern = r"(?:\b[A-Za-z]{1,2}|\b|_)\d(?:(?:[ ./-]| ?[./-] )?\d){16}(?:[ ./-]| ?[./-] )?(?:[\dXx]\d{0,3}(?:\b|_)|[Ｘｘ×])"
    span_prefix = r"^_|_$"  # the underscore a span in a link or file name was found by
    masked_pattern = r"^\d{1,6}\*{6,14}\d{0,3}[\dXx*]?$"
    min_ratio = 0.5
    strong = True
    # A random number of 15 digits has a plausible province and birth date about one time in a
    # hundred (the legacy form has no check digit); of 18, far less often.
    chance = 0.01
    digit_run = DigitRun(18, b"0123456789", b"0123456789", b"Xx")  # the plain form: 17 digits and a digit or X
    # … or grouped with spaces, dashes, dots or slashes anywhere, glued to an underscore, or leading a
    # longer run (a code built on the ID), or before a full-width X
    span_other_forms = r"\d ?[ ./-] ?\d|[\dXx]_|_\d|\d{19}|\d{17}[Xx]\d|\b[A-Za-z]{1,2}\d{17}|\d[Ｘｘ×]"
    span_other_forms_hold = ""

    def shaped(self, values: pa.Array) -> np.ndarray:
        # 15 or 18 ASCII digits, or 17 and an X: byte lengths and a digit test say it exactly;
        # the codes built on an ID (19 to 21 bytes) go to the pattern.
        lengths = byte_lengths(values)
        digits = decimal(values)
        out = digits & ((lengths == 15) | (lengths == 18))
        x_rows = np.flatnonzero((lengths == 18) & ~digits)
        if len(x_rows):
            m = char_matrix(values.take(pa.array(x_rows)), 18)
            out[x_rows] = all_digits(m[:, :17]) & ((m[:, 17] == ord("X")) | (m[:, 17] == ord("x")))
        longer = np.flatnonzero((lengths >= 19) & (lengths <= 21))
        if len(longer):
            out[longer] = Detector.shaped(self, values.take(pa.array(longer)))
        return out

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return ric_valid(embedded_ids(candidates))


def embedded_ids(values: pa.Array) -> pa.Array:
    """The resident ID inside each value shaped like :attr:`ResidentId.cell_pattern`: the value
    itself, or the 18 characters after a code's leading letters (G330102…) or before its
    trailing digits (330102…1234 + 53)."""
    lengths = byte_lengths(values)
    if not ((lengths > 18).any()):
        return values
    core = pc.replace_substring_regex(values, r"^[A-Za-z]{1,2}", "")
    return pc.if_else(pa.array(lengths > 18), pc.utf8_slice_codeunits(core, 0, 18), values)


# -- ID numbers a spreadsheet damaged ---------------------------------------------------------------
# Typed as a number, an 18-digit ID keeps 15 significant digits in Excel: shown 3.30802195705281E+17
# (or, by pandas, 3.308021957052807e+17), written out 330802195705281000. The check character is
# gone, but the division code, the birth date and most of the sequence remain: a person is still
# one of a handful. (Excel's General display, 3.30802E+17, keeps the division code alone: no ID.)
#: the digits a damaged ID must still show: the division code and at least the year and month.
_KEPT_DIGITS = 12


def _plausible_prefix(digits: list[str]) -> np.ndarray:
    """Whether each string of 12 to 18 digits begins as an ID does: a province, then a birth year
    (1900–2100) and month, and the day too where it is there."""
    out = np.zeros(len(digits), dtype=bool)
    for i, d in enumerate(digits):
        if len(d) < _KEPT_DIGITS or not d.isdigit() or int(d[:2]) not in PROVINCES:
            continue
        year, month = int(d[6:10]), int(d[10:12])
        if not (1900 <= year <= 2100 and 1 <= month <= 12):
            continue
        out[i] = len(d) < 14 or bool(valid_dates(np.array([year]), np.array([month]), np.array([int(d[12:14])]))[0])
    return out


def scientific_ids(values: pa.Array) -> np.ndarray:
    """Which values are an ID number written in scientific notation with 12 or more significant
    digits (3.30802195705E+17, 3.308021957052807e+17) whose digits begin as an ID does."""
    lengths = byte_lengths(values)
    out = np.zeros(len(values), dtype=bool)
    rows = np.flatnonzero((lengths >= 17) & (lengths <= 23))
    if len(rows) == 0:
        return out
    mantissa = pc.extract_regex(values.take(pa.array(rows)), r"^(?P<a>[1-9])\.(?P<b>\d{11,16})[eE]\+?17$")
    shaped = to_mask(pc.is_valid(mantissa))
    if shaped.any():
        index = np.flatnonzero(shaped)
        parts = mantissa.take(pa.array(index))
        digits = [a + b for a, b in zip(pc.struct_field(parts, "a").to_pylist(), pc.struct_field(parts, "b").to_pylist())]
        out[rows[index]] = _plausible_prefix(digits)
    return out


def padded_ids(values: pa.Array) -> np.ndarray:
    """Which values are an ID number Excel kept to 15 significant digits and wrote out in full:
    18 digits ending in 000, beginning as an ID does, its check failed (330802195705281000)."""
    lengths = byte_lengths(values)
    out = np.zeros(len(values), dtype=bool)
    rows = np.flatnonzero((lengths == 18) & decimal(values))
    if len(rows) == 0:
        return out
    sub = values.take(pa.array(rows))
    ends = to_mask(pc.ends_with(sub, "000"))
    if ends.any():
        index = np.flatnonzero(ends)
        some = sub.take(pa.array(index))
        out[rows[index]] = _plausible_prefix(some.to_pylist()) & ~ric_valid(some)
    return out


def damaged_ids(values: pa.Array) -> np.ndarray:
    """Which values are ID numbers a spreadsheet damaged (:func:`scientific_ids`, :func:`padded_ids`)."""
    return scientific_ids(values) | padded_ids(values)
