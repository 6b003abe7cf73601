"""居民身份证号 (GB 11643-1999): 18 characters with a MOD 11-2 check character, or 15-digit legacy."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...identifiers import RIC_CHECK, RIC_WEIGHTS
from .base import Detector, char_matrix, register, valid_dates

# First two digits of the administrative division code: the provinces (GB/T 2260).
PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
             50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82}
_CHECK = np.frombuffer(RIC_CHECK.encode(), dtype=np.uint8)


def ric_valid(values: pa.Array) -> np.ndarray:
    """Vectorized: province code, real birth date and check character of 18- or 15-digit IDs."""
    upper = pc.utf8_upper(values)
    long = np.asarray(pc.equal(pc.utf8_length(upper), 18).to_numpy(zero_copy_only=False), dtype=bool)
    ok = np.zeros(len(values), dtype=bool)
    if long.any():
        m = char_matrix(upper.filter(pa.array(long)), 18).astype(np.int64)
        digits = m[:, :17] - 48
        check = _CHECK[(digits * np.array(RIC_WEIGHTS)).sum(axis=1) % 11]
        year = digits[:, 6:10] @ np.array([1000, 100, 10, 1])
        month = digits[:, 10:12] @ np.array([10, 1])
        day = digits[:, 12:14] @ np.array([10, 1])
        province = digits[:, 0] * 10 + digits[:, 1]
        ok[long] = ((m[:, 17] == check) & valid_dates(year, month, day) & (year >= 1900) & (year <= 2100)
                    & np.isin(province, list(PROVINCES)))
    short = ~long
    if short.any():
        m = char_matrix(upper.filter(pa.array(short)), 15).astype(np.int64) - 48
        year = 1900 + m[:, 6:8] @ np.array([10, 1])
        month = m[:, 8:10] @ np.array([10, 1])
        day = m[:, 10:12] @ np.array([10, 1])
        province = m[:, 0] * 10 + m[:, 1]
        ok[short] = valid_dates(year, month, day) & np.isin(province, list(PROVINCES))
    return ok


@register
class ResidentId(Detector):
    type = "cn_resident_id"
    cell_pattern = r"^(\d{17}[\dXx]|\d{15})$"
    span_pattern = r"\b\d{17}[\dXx]\b"
    masked_pattern = r"^\d{1,6}\*{6,14}\d{0,3}[\dXx*]?$"
    hints = ("身份证", "证件号", "公民身份", "社会保障号", "社保卡号", "sfz", "idcard", "id_card", "id_no",
             "id_number", "idno", "citizen_id", "identity")
    min_ratio = 0.5

    def validate(self, candidates: pa.Array) -> np.ndarray:
        return ric_valid(candidates)
