"""手机号 and 固定电话."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from .base import Detector, decimal, register


@register
class Mobile(Detector):
    type = "cn_mobile"
    cell_pattern = r"^(\+?86[- ]?|0086[- ]?)?1[3-9]\d([- ]?\d{4}){2}$"
    span_pattern = r"(\+86[- ]?|\b)1[3-9]\d([- ]?\d{4}){2}\b"
    masked_pattern = r"^(\+?86[- ]?)?1[3-9]\d[- ]?\*{4}[- ]?\d{4}$"
    hints = ("手机", "电话", "联系方式", "mobile", "phone", "tel", "cell")

    def shaped(self, values: pa.Array) -> np.ndarray:
        # Eleven bytes can only be the plain form, 1[3-9] and nine digits; longer forms (+86,
        # separators) go to the pattern.
        return self.shaped_at_width(values, 11, lambda subset, m: (
            decimal(subset) & (m[:, 0] == ord("1")) & (m[:, 1] >= ord("3")), np.ones(len(subset), dtype=bool)))


@register
class Landline(Detector):
    type = "cn_landline"
    cell_pattern = r"^(\(?0\d{2,3}\)?[- ]?)[2-9]\d{6,7}([-转#]\d{1,6})?$"
    span_pattern = r"\b0\d{2,3}-[2-9]\d{6,7}\b"
    masked_pattern = r"^\(?0\d{2,3}\)?[- ]?\*{3,8}\d{0,4}$"
    hints = ("电话", "座机", "固话", "phone", "tel")
