"""pseudonymize: a keyed HMAC-SHA256 token, the same for the same value and key in every dataset
and run, so pseudonymized data can still be joined — and different under another key."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

import pyarrow as pa

from ...errors import KeyMaterialError
from .base import Operator, by_distinct, register

TOKEN_HEX = 24  # 96 bits: collisions are negligible at any realistic table size


@register
class Pseudonymize(Operator):
    name = "pseudonymize"
    needs_key = True
    params = {"prefix": str}

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any], key=None) -> pa.Array:
        if key is None:
            raise KeyMaterialError("keys.required", operator=self.name)
        secret = key.derive("pseudonymize")
        prefix = params.get("prefix", "")

        def token(value: str) -> str:
            return prefix + hmac.new(secret, value.encode("utf-8"), hashlib.sha256).hexdigest()[:TOKEN_HEX]

        return by_distinct(values, token)
