"""The operator contract and registry.

An operator transforms a whole column of one field (``apply``) or the spans of personal information
inside free text (``apply_spans``). Parameters are declared per field in the descriptor
(``"opendata": {"treatment": {"operator": "mask", "keep_start": 3}}``) and checked before any data
is touched. Adding an operator is one subclass decorated with :func:`register`.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Any, ClassVar, Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ...bitmaps import to_mask
from ...errors import DescriptorError
from ...trust.keys import DataKey

OPERATORS: dict[str, "Operator"] = {}


def register(cls: type["Operator"]) -> type["Operator"]:
    OPERATORS[cls.name] = cls()
    return cls


class Operator:
    """A treatment of personal information."""

    name: ClassVar[str]
    #: key holders can recover the original value.
    reversible: ClassVar[bool] = False
    #: the output looks like the input (so detectors would still match it).
    format_preserving: ClassVar[bool] = False
    needs_key: ClassVar[bool] = False
    #: parameter name -> type; anything else is refused.
    params: ClassVar[dict[str, type]] = {}

    def check(self, params: dict[str, Any], pii_type: str | None, *, where: str) -> dict[str, Any]:
        """Validated parameters with defaults filled in; :class:`DescriptorError` otherwise."""
        out = {}
        for key, value in params.items():
            if key == "operator":
                continue
            expected = self.params.get(key)
            if expected is None:
                raise DescriptorError("operator.unknown_param", path=where, operator=self.name, param=key,
                                      known=", ".join(sorted(self.params)) or "-")
            if expected is int and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise DescriptorError("operator.bad_param", path=where, operator=self.name, param=key, value=value)
            if expected is str and not isinstance(value, str):
                raise DescriptorError("operator.bad_param", path=where, operator=self.name, param=key, value=value)
            out[key] = value
        return out

    def apply(self, values: pa.Array, pii_type: str | None, params: dict[str, Any],
              key: DataKey | None) -> pa.Array | None:
        """Treat every cell of a column; ``None`` removes the column."""
        raise NotImplementedError

    def apply_spans(self, values: pa.Array, pattern: str, pii_type: str, params: dict[str, Any],
                    key: DataKey | None) -> pa.Array:
        """Treat each span matching ``pattern`` (RE2) inside the text cells; the rest is kept."""
        scalar = self.scalar(pii_type, params, key)
        compiled = re.compile(python_pattern(pattern), re.ASCII)  # RE2 semantics for \b and \d
        from ..detectors import REGISTRY

        detector = REGISTRY.get(pii_type)
        kept = detector.kept_span if detector is not None else (lambda text, start, end: False)
        encoded = pc.dictionary_encode(values)
        out = [None if v is None else compiled.sub(
            lambda m, v=v: m.group(0) if kept(v, *m.span()) else scalar(m.group(0)), v)
            for v in encoded.dictionary.to_pylist()]
        return pa.array(out, pa.string()).take(encoded.indices)

    def apply_spans_fast(self, values: pa.Array, pii_type: str, params: dict[str, Any],
                         key: DataKey | None) -> pa.Array | None:
        """A cheaper treatment of the spans' common written form, or ``None`` if there is none.

        It treats each span it takes exactly as :meth:`apply_spans` would and may leave spans of
        other forms untreated; whoever calls it must re-scan and fall back to :meth:`apply_spans`.
        """
        return None

    def scalar(self, pii_type: str, params: dict[str, Any], key: DataKey | None) -> Callable[[str], str]:
        """The operator on one value (for spans); built on :meth:`apply`."""
        def one(value: str) -> str:
            result = self.apply(pa.array([value], pa.string()), pii_type, params, key)
            return "" if result is None else result[0].as_py()
        return one


def python_pattern(pattern: str) -> str:
    """An RE2 pattern in Python ``re`` syntax (``\\x{4e00}`` → ``\\u4e00``; ``[^\\P{Han}…]``, a
    Chinese character but …, as a look-ahead and the CJK block)."""
    # One group, so that a quantifier after the class applies to the look-ahead too.
    pattern = re.sub(r"\[\^\\P\{Han\}([^\]]*)\]", lambda m: f"(?:(?![{m.group(1)}])[\\u4e00-\\u9fff])", pattern)
    return re.sub(r"\\x\{([0-9a-fA-F]{4})\}", r"\\u\1", pattern)


def by_distinct(values: pa.Array, function: Callable[[str], str]) -> pa.Array:
    """Apply a Python function to each distinct non-null value once."""
    encoded = pc.dictionary_encode(values)
    out = [None if v is None else function(v) for v in encoded.dictionary.to_pylist()]
    return pa.array(out, pa.string()).take(encoded.indices)


def on_ipv6(values: pa.Array, treated: pa.Array, function: Callable[[ipaddress.IPv6Address], str]) -> pa.Array:
    """``treated`` with the IPv6 addresses among ``values`` replaced by ``function`` of each
    (once per distinct address; the rest of a column of IPv4 addresses is left to the kernels)."""
    has_colon = pc.fill_null(pc.match_substring(values, ":"), False)
    if not pc.any(has_colon).as_py():
        return treated

    def treat(text: str) -> str | None:
        try:
            return function(ipaddress.IPv6Address(text.strip()))
        except ValueError:  # not an address: left as it is
            return None

    index = pa.array(np.flatnonzero(to_mask(has_colon)))
    candidates = values.take(index)
    replaced = pc.coalesce(by_distinct(candidates, treat), candidates)
    return pc.replace_with_mask(treated, has_colon, replaced)
