"""统一社会信用代码 (GB 32100-2015): an organisation identifier, public for enterprises — not PI."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from ...identifiers import USCC_ALPHABET, USCC_WEIGHTS
from .base import Detector, char_matrix, register

_VALUE = np.full(256, -1, dtype=np.int64)
for _i, _c in enumerate(USCC_ALPHABET):
    _VALUE[ord(_c)] = _i


def uscc_valid(values: pa.Array) -> np.ndarray:
    """Vectorized GB 32100 check character over 18-character candidates."""
    values_ = _VALUE[char_matrix(values, 18)]
    total = (values_[:, :17] * np.array(USCC_WEIGHTS)).sum(axis=1)
    return (values_.min(axis=1) >= 0) & ((31 - total % 31) % 31 == values_[:, 17])


@register
class Uscc(Detector):
    type = "cn_uscc"
    personal = False
    strong = True
    # Registration authority (1–9, A, N, Y), category (1–9), division code, organization code, check.
    cell_pattern = r"^[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$"
    span_pattern = r"\b[1-9ANY][1-9]\d{6}[0-9A-HJ-NPQRTUWXY]{10}\b"

    def validate(self, candidates: pa.Array) -> np.ndarray:
        # (an ID number Excel wrote out as 330802195705281000 passes this check one time in 31: it
        # reads as the ID it was, not as an organisation's code)
        from .resident_id import padded_ids

        return uscc_valid(candidates) & ~padded_ids(candidates)
