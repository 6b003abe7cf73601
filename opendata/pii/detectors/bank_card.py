"""银行卡号: 16–19 digits with a Luhn check digit."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .base import Detector, all_digits, byte_lengths, char_matrix, decimal, register


# What each ASCII digit adds to the Luhn sum, as it is and doubled (less 9 when doubling makes
# two digits), looked up by byte: one gather per column instead of arithmetic on wide integers.
# Other bytes add nothing; all_digits discards their rows.
_PLAIN = np.zeros(256, dtype=np.int16)
_PLAIN[48:58] = np.arange(10)
_DOUBLED = np.zeros(256, dtype=np.int16)
_DOUBLED[48:58] = [2 * d - 9 * (d >= 5) for d in range(10)]


def _luhn(matrix: np.ndarray) -> np.ndarray:
    """Luhn over a matrix of ASCII digits, one number per row, right-aligned."""
    width = matrix.shape[1]
    total = np.zeros(matrix.shape[0], dtype=np.int16)  # at most 9 per digit: 171 for 19
    for j in range(width):
        total += (_DOUBLED if (width - 1 - j) % 2 else _PLAIN)[matrix[:, j]]
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
