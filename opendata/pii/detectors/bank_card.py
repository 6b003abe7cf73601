"""银行卡号: 16–19 digits with a Luhn check digit."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .base import Detector, char_matrix, register

_DOUBLED = np.array([0, 2, 4, 6, 8, 1, 3, 5, 7, 9])


def luhn_valid(values: pa.Array) -> np.ndarray:
    """Vectorized Luhn check over digit strings of up to 19 digits (left-padded with zeros)."""
    digits = char_matrix(pc.utf8_lpad(values, width=19, padding="0"), 19).astype(np.int64) - 48
    # From the right: the check digit as is, every second digit before it doubled.
    doubled = _DOUBLED[digits[:, 17::-2]].sum(axis=1)
    plain = digits[:, 18::-2].sum(axis=1)
    return (doubled + plain) % 10 == 0


@register
class BankCard(Detector):
    type = "bank_card"
    cell_pattern = r"^\d{16,19}$"
    span_pattern = r"\b\d{16,19}\b"
    masked_pattern = r"^\d{4,6}\*{6,12}\d{4}$"
    hints = ("银行卡", "卡号", "银行账号", "账号", "bank", "card_no", "card_number", "account")
    min_ratio = 0.8  # random digit strings pass Luhn one time in ten

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return luhn_valid(candidates)
