"""suppress: remove the field from the output altogether."""

from __future__ import annotations

from .base import Operator, register


@register
class Suppress(Operator):
    name = "suppress"

    def apply(self, values, pii_type, params, key=None):
        return None

    def apply_spans(self, values, pattern, pii_type, params, key=None):
        import pyarrow.compute as pc

        return pc.replace_substring_regex(values, pattern, "")
