"""fpe: format-preserving encryption, FF3-1 on AES-256 (NIST SP 800-38G Rev. 1), via the ``ff3``
library. Digits are encrypted as a radix-10 string and non-digits stay in place, so
``138-1234-5678`` becomes another ``1xx-xxxx-xxxx``; key holders can decrypt. The 56-bit tweak is
derived from the PI type, so the same value encrypts the same way across datasets (joinable)."""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pyarrow as pa
from ff3 import FF3Cipher

from ...errors import KeyMaterialError
from .base import Operator, by_distinct, register

MIN_DIGITS = 6  # FF3-1 needs radix ** length >= 1,000,000


def _cipher(key, pii_type: str | None) -> FF3Cipher:
    tweak = hashlib.sha256(f"opendata/fpe/{pii_type or 'value'}".encode()).hexdigest()[:14]  # 56 bits
    return FF3Cipher(key.derive("fpe").hex(), tweak)


def _transform(value: str, cipher: FF3Cipher, decrypt: bool) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) < MIN_DIGITS:
        return value if decrypt else re.sub(r"\d", "*", value)  # too short to encrypt safely: mask
    out = cipher.decrypt(digits) if decrypt else cipher.encrypt(digits)
    it = iter(out)
    return re.sub(r"\d", lambda _: next(it), value)


@register
class Fpe(Operator):
    name = "fpe"
    reversible = True
    format_preserving = True
    needs_key = True

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any], key=None) -> pa.Array:
        if key is None:
            raise KeyMaterialError("keys.required", operator=self.name)
        cipher = _cipher(key, pii_type)
        return by_distinct(values, lambda v: _transform(v, cipher, decrypt=False))

    def reverse(self, values: pa.Array, pii_type: str | None, key) -> pa.Array:
        """Decrypt values produced by :meth:`apply` with the same key and type."""
        cipher = _cipher(key, pii_type)
        return by_distinct(values, lambda v: _transform(v, cipher, decrypt=True))
