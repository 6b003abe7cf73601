"""Every cell by its own type: which personal type each cell of a column holds as a whole value.

A mixed column (mostly e-mails, one ID number, one mobile) is treated cell by cell, each cell by
the treatment of the type it holds; the scanner's counts say *that* a field holds a type, this
says *which cells*. Identifiers are matched as written and in their plain form
(:func:`~opendata.pii.normalize.normalize`).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from .detectors import REGISTRY
from .normalize import changed, normalize
from .scan import _at

__all__ = ["MASKED", "NONE", "ORDER", "cell_types"]

#: the personal types in the order they claim a cell: check digits and fixed formats first (a
#: valid ID number is not also a bank card), the looser patterns last.
ORDER = tuple(t for t in ("cn_resident_id", "bank_card", "cn_mobile", "email", "cn_passport",
                          "cn_license_plate", "cn_landline", "qq_number", "ip_address", "birth_date", "address",
                          "person_name") if t in REGISTRY)
NONE = -1
MASKED = -2


def cell_types(values: pa.Array, first: str | None = None) -> np.ndarray:
    """Per cell of ``values`` (no nulls, trimmed or not), the index in :data:`ORDER` of the type it
    holds, :data:`MASKED` for a value already masked, or :data:`NONE`. ``first``: a type tried
    before all others (the column's own: one pass settles a column of one type)."""
    text = pc.utf8_trim_whitespace(values)
    out = np.full(len(text), NONE, dtype=np.int64)
    if len(text) == 0:
        return out
    order = ([first] if first in ORDER else []) + [t for t in ORDER if t != first]
    left = _claim(text, np.flatnonzero(to_mask(pc.not_equal(text, ""))), order, out)
    if len(left):  # the rest once written the plain way (330802 19570528 0715, ＋86 138…)
        sub = _at(text, left)
        plain = normalize(sub)
        moved = np.flatnonzero(changed(sub, plain))
        if len(moved):
            local = np.full(len(moved), NONE, dtype=np.int64)
            _claim(_at(plain, moved), np.arange(len(moved)), order, local)
            out[left[moved]] = local
            left = left[out[left] == NONE]
    if len(left):
        masked = np.zeros(len(left), dtype=bool)
        for kind in ORDER:
            masked |= REGISTRY[kind].masked(_at(text, left))
        out[left[masked]] = MASKED
    return out


def _claim(text: pa.Array, left: np.ndarray, order: list[str], out: np.ndarray) -> np.ndarray:
    """Give each cell at ``left`` the first type in ``order`` that matches it; returns the rest."""
    for kind in order:
        if len(left) == 0:
            break
        hits = REGISTRY[kind].cells(_at(text, left))
        out[left[hits]] = ORDER.index(kind)
        left = left[~hits]
    return left
