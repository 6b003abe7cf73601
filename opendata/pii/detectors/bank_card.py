"""银行卡号: 16–19 digits with a Luhn check digit."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .base import Detector, all_digits, byte_lengths, char_matrix, decimal, register


def _luhn(matrix: np.ndarray) -> np.ndarray:
    """Luhn over a matrix of ASCII digits, one number per row, right-aligned."""
    width = matrix.shape[1]
    total = np.zeros(matrix.shape[0], dtype=np.int64)
    for j in range(width):
        digit = matrix[:, j].astype(np.int64) - 48
        if (width - 1 - j) % 2:  # every second digit from the right, before the check digit:
            total += 2 * digit - 9 * (digit >= 5)  # doubled, less 9 when that makes two digits
        else:
            total += digit
    return total % 10 == 0


def luhn_valid(values: pa.Array) -> np.ndarray:
    """Vectorized Luhn check over digit strings of up to 19 digits."""
    lengths = byte_lengths(values)
    if len(lengths) and (lengths == lengths[0]).all() and 1 < lengths[0] <= 19:
        matrix = char_matrix(values, int(lengths[0]))  # one length (the usual case): no copy
    else:
        matrix = char_matrix(pc.utf8_lpad(values, width=19, padding="0"), 19)  # leading zeros change nothing
    return all_digits(matrix) & _luhn(matrix)


@register
class BankCard(Detector):
    type = "bank_card"
    cell_pattern = r"^\d{16,19}$"
    span_pattern = r"\b\d{16,19}\b"
    masked_pattern = r"^\d{4,6}\*{6,12}\d{4}$"
    hints = ("银行卡", "卡号", "银行账号", "账号", "bank", "card_no", "card_number", "account")
    min_ratio = 0.8  # random digit strings pass Luhn one time in ten

    def shaped(self, values: pa.Array) -> np.ndarray:
        lengths = byte_lengths(values)
        return decimal(values) & (lengths >= 16) & (lengths <= 19)

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return luhn_valid(candidates)
