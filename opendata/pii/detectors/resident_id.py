"""居民身份证号 (GB 11643-1999): 18 characters with a MOD 11-2 check character, or 15-digit legacy."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...identifiers import RIC_CHECK, RIC_WEIGHTS
from ...strings import DigitRun
from .base import Detector, all_digits, byte_lengths, char_matrix, decimal, digit_sums, register, valid_dates

# First two digits of the administrative division code: the provinces (GB/T 2260).
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
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
                     "month": {10: 10, 11: 1}, "day": {12: 10, 13: 1}, "province": {0: 10, 1: 1}}, 18)
_SHORT = _positional({"year": {6: 10, 7: 1}, "month": {8: 10, 9: 1}, "day": {10: 10, 11: 1},
                      "province": {0: 10, 1: 1}}, 15)


def _digit_sums(matrix: np.ndarray, spec: tuple[list[str], np.ndarray], width: int
                ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Whether each row is all ASCII digits (the first ``width`` weighted), and the weighted sums."""
    sums = digit_sums(matrix, spec[1])
    return all_digits(matrix[:, :width]), dict(zip(spec[0], sums))


def _plausible(s: dict[str, np.ndarray], year: np.ndarray) -> np.ndarray:
    return valid_dates(year, s["month"], s["day"]) & _PROVINCE[np.clip(s["province"], 0, 99)]


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
            ok[rows] = digits & check & _plausible(s, s["year"]) & (s["year"] >= 1900) & (s["year"] <= 2100)
        else:
            digits, s = _digit_sums(m, _SHORT, 15)
            ok[rows] = digits & _plausible(s, 1900 + s["year"])
    return ok


@register
class ResidentId(Detector):
    type = "cn_resident_id"
    # … and the 20 characters of a disability certificate's number (残疾人证号: the ID, then the
    # kind and grade of disability), whose first 18 are the holder's ID number.
    cell_pattern = r"^(\d{17}[\dXx]|\d{15}|\d{17}[\dXx]\d{2})$"
    # In text, also as people group it: 330802 19570528 0715, 460203 1954 0114 758X, with dashes
    # or dots (220104.20021207.1950).
    # The check character may be a full-width Ｘ (62010219610823381Ｘ), which \b cannot follow.
    # In a link or a file name an underscore delimits it as a space would (…/420106197605264804_执行
    # 裁定书.pdf), which \b does not see: the underscore is taken with the span, and off again
    # (span_prefix) before the check.
    span_pattern = r"(?:\b|_)\d(?:[ .-]?\d){16}[ .-]?(?:[\dXx](?:\b|_)|[Ｘｘ])"
    span_prefix = r"^_|_$"
    masked_pattern = r"^\d{1,6}\*{6,14}\d{0,3}[\dXx*]?$"
    min_ratio = 0.5
    strong = True
    # A random number of 15 digits has a plausible province and birth date about one time in a
    # hundred (the legacy form has no check digit); of 18, far less often.
    chance = 0.01
    digit_run = DigitRun(18, b"0123456789", b"0123456789", b"Xx")  # the plain form: 17 digits and a digit or X
    # … or grouped with spaces, dashes or dots anywhere, or a full-width X, or beside an underscore
    span_other_forms = r"\d[ .-]\d|\d[Ｘｘ]|[\dXx]_|_\d"
    span_other_forms_hold = " -.Ｘｘ_"

    def shaped(self, values: pa.Array) -> np.ndarray:
        # 15 or 18 ASCII digits, or 17 and an X: byte lengths and a digit test say it exactly.
        lengths = byte_lengths(values)
        digits = decimal(values)
        out = digits & ((lengths == 15) | (lengths == 18) | (lengths == 20))
        for width in (18, 20):
            x_rows = np.flatnonzero((lengths == width) & ~digits)
            if len(x_rows):
                m = char_matrix(values.take(pa.array(x_rows)), width)
                out[x_rows] = all_digits(m[:, :17]) & ((m[:, 17] == ord("X")) | (m[:, 17] == ord("x"))) \
                    & all_digits(m[:, 18:])
        return out

    def validate(self, candidates: pa.Array) -> np.ndarray:
        ok = ric_valid(candidates)
        longer = np.flatnonzero(byte_lengths(candidates) == 20)
        if len(longer):  # a certificate number: the ID number it begins with
            ok[longer] = ric_valid(pc.utf8_slice_codeunits(candidates.take(pa.array(longer)), 0, 18))
        return ok
