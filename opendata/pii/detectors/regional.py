"""Identity cards of Hong Kong, Macao and Taiwan residents (香港/澳门身份证, 台湾身份证).

- Hong Kong: one or two letters, six digits and a check character in brackets, ``A123456(7)``;
  the check is MOD 11 over the letters (A=10 … Z=35, a missing first letter 36) and digits,
  weights 9 to 2, the remainder's complement written 0–9 or A (10).
- Taiwan: a letter (the place of first registration), 1 or 2 (8 or 9 on a resident certificate),
  seven digits and a check digit, ``A123456789``; the letter stands for two digits (A=10 … with
  I, O, W, X, Y, Z out of order) and the weighted sum 1 9 8 7 6 5 4 3 2 1 1 is a multiple of 10.
- Macao: seven digits and one in brackets, ``1234567(8)``, the first 1, 5 or 7. Its check algorithm
  is not published: the form alone, brackets included, is distinctive enough to count.

A value without its brackets (A1234567) is no HK card here: a letter and seven digits is also many
a product code, and one in eleven passes the check by chance.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from .base import Detector, register

_HK = r"[A-Z]{1,2}\d{6}\([0-9A]\)"
_TW = r"[A-Z][1289]\d{8}"
_MO = r"[157]\d{6}\(\d\)"

#: Taiwan's letters and the two digits each stands for.
_TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36)))


def hk_valid(value: str) -> bool:
    """Whether ``value`` (``A123456(7)``) carries its Hong Kong check character."""
    body, check = value[:value.index("(")], value[-2]
    letters, digits = body[:-6], body[-6:]
    values = ([36] if len(letters) == 1 else []) + [ord(c) - 55 for c in letters] + [int(d) for d in digits]
    total = sum(v * w for v, w in zip(values, range(9, 1, -1)))
    expected = (11 - total % 11) % 11
    return check == ("A" if expected == 10 else str(expected))


def tw_valid(value: str) -> bool:
    """Whether ``value`` (``A123456789``) carries its Taiwan check digit."""
    code = _TW_LETTERS.get(value[0])
    if code is None or not value[1:].isdigit():
        return False
    digits = [code // 10, code % 10] + [int(d) for d in value[1:]]
    return sum(d * w for d, w in zip(digits, (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1))) % 10 == 0


def regional_id_valid(value: str) -> bool:
    """Whether ``value`` is a Hong Kong or Taiwan identity card number with its check, or a
    Macao one in its bracketed form."""
    if value.endswith(")"):
        return value[0].isdigit() or hk_valid(value)  # (Macao's form is its only check)
    return len(value) == 10 and tw_valid(value)


@register
class HkMacauTwId(Detector):
    type = "hk_macau_tw_id"
    cell_pattern = f"^({_HK}|{_TW}|{_MO})$"
    # In text as in a cell, the brackets full-width or not (NFKC makes them ASCII before the check):
    # 证件D443122(8), 台籍专家E178074348借用 (a Chinese character is no word character to RE2's \b).
    span_pattern = r"\b(?:[A-Z]{1,2}\d{6}[(（][0-9A][)）]|[A-Z][1289]\d{8}\b|[157]\d{6}[(（]\d[)）])"
    # … but not as the head of a longer code: a lot number Z202589932-1 is a letter, nine digits and
    # more (one in ten such heads passes Taiwan's check by chance)
    span_not_before = r"(?:[-./_][0-9A-Za-z])"
    masked_pattern = r"^[A-Z]{1,2}\*{4,8}[(（]?[*0-9A]?[)）]?$|^[A-Z][12]\*{6,8}\d{0,2}$"
    strong = True
    # A code of a letter and nine digits passes Taiwan's check one time in ten, a bracketed HK form
    # one in eleven: a column of codes of these shapes passing no more often is no column of cards.
    chance = 0.1
    shape_pattern = r"^([A-Z]\d{9}|[A-Z]{1,2}\d{6}\([0-9A]\))$"
    shape_bytes = (10, 11)

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return np.array([regional_id_valid(v) for v in candidates.to_pylist()], dtype=bool)
