"""A passport's machine-readable zone (ICAO Doc 9303, TD3): two lines of 44 characters.

    P<CHNZHANG<<SANFENG<<<<<<<<<<<<<<<<<<<<<<<<<
    E123456784CHN5905281M3001012<<<<<<<<<<<<<<06

The first line holds the holder's name, the second the passport number, nationality, birth date,
sex and expiry, each number followed by its check digit (weights 7 3 1; A–Z count 10–35, the filler
``<`` 0) and a composite check at the end. The zone is the passport itself: the name, number and
birth date inside it are one personal value, found and treated whole. The second line alone (its
five check digits) counts, and so does the first alone (a document code P, a state, a name with its
``<<`` and the filler to 44 characters: no other value is written so).
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa

from .base import Detector, register

_LINE1 = r"P[A-Z<][A-Z<]{3}[A-Z]+(?:<[A-Z]+)*<<[A-Z]+(?:<[A-Z]+)*<*"
_LINE2 = r"[A-Z0-9<]{9}[0-9][A-Z<]{3}[0-9]{6}[0-9][MFX<][0-9]{6}[0-9][A-Z0-9<]{14}[0-9<][0-9]"
_WEIGHTS = (7, 3, 1)
_LINE2_RE = re.compile(_LINE2)


def check_digit(field: str) -> int:
    """ICAO 9303's check digit of ``field``."""
    total = 0
    for i, c in enumerate(field):
        value = int(c) if c.isdigit() else 0 if c == "<" else ord(c) - 55
        total += value * _WEIGHTS[i % 3]
    return total % 10


def _digit(c: str) -> int:
    return 0 if c == "<" else int(c)


def line2_valid(line: str) -> bool:
    """Whether a TD3 second line carries its check digits and a real birth date."""
    if _LINE2_RE.fullmatch(line) is None:
        return False
    month, day = int(line[15:17]), int(line[17:19])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return False
    fields = ((line[0:9], line[9]), (line[13:19], line[19]), (line[21:27], line[27]), (line[28:42], line[42]))
    if any(check_digit(value) != _digit(check) for value, check in fields):
        return False
    return check_digit(line[0:10] + line[13:20] + line[21:43]) == int(line[43])


def mrz_valid(value: str) -> bool:
    """Whether ``value`` is a TD3 zone (both lines), its second line, or its first line alone."""
    lines = value.split()
    if len(lines) == 1 and len(value) == 88:  # the two lines written without a break
        lines = [value[:44], value[44:]]
    if len(lines) == 2:
        return len(lines[0]) == 44 and lines[0].startswith("P") and line2_valid(lines[1])  # (the name line: by its pattern)
    if len(lines) == 1:
        return len(value) == 44 and (line2_valid(value) or value.startswith("P") and value.endswith("<"))
    return False


@register
class PassportMrz(Detector):
    type = "passport_mrz"
    cell_pattern = f"^(?:{_LINE1}\\s*{_LINE2}|{_LINE2}|{_LINE1})$"
    # in text: the zone as in a cell (its line break or a space between the lines), or either line
    span_pattern = f"\\b(?:{_LINE1}\\s*{_LINE2}|{_LINE2}|{_LINE1})"
    masked_pattern = r"^P<[A-Z]{3}\*{20,}$"
    strong = True

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return np.array([mrz_valid(v) for v in candidates.to_pylist()], dtype=bool)
