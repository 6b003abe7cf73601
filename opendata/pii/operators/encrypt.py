"""encrypt: AES-256-GCM per value with a random nonce, for restricted delivery to key holders.
Output: ``gcm:`` + base64url(nonce ‖ ciphertext ‖ tag). Not deterministic, so not joinable."""

from __future__ import annotations

import base64
import os
from typing import Any

import pyarrow as pa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ...errors import KeyMaterialError
from .base import Operator, by_distinct, register

PREFIX = "gcm:"


@register
class Encrypt(Operator):
    name = "encrypt"
    reversible = True
    needs_key = True

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any], key=None) -> pa.Array:
        if key is None:
            raise KeyMaterialError("keys.required", operator=self.name)
        aead = AESGCM(key.derive("encrypt"))
        # Every cell gets its own nonce: equal plaintexts give different ciphertexts.
        out = [None if v is None else PREFIX + base64.urlsafe_b64encode(
            (nonce := os.urandom(12)) + aead.encrypt(nonce, v.encode("utf-8"), None)).decode("ascii")
            for v in values.to_pylist()]
        return pa.array(out, pa.string())

    def reverse(self, values: pa.Array, key) -> pa.Array:
        aead = AESGCM(key.derive("encrypt"))

        def one(token: str) -> str:
            raw = base64.urlsafe_b64decode(token[len(PREFIX):])
            return aead.decrypt(raw[:12], raw[12:], None).decode("utf-8")

        return by_distinct(values, one)
