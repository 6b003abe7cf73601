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
from .detectors.phones import CELL_LABEL

__all__ = ["NEEDS_NORMALIZING", "ascii_digits", "changed", "normalize"]

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
