"""Field constraints over typed columns: required, pattern, enum, minimum/maximum, min/maxLength.

Each check returns a boolean mask of the rows that break it; only cells that are present and of
the right type are checked (a type error is reported once, as a type error).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Callable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import null_mask, to_mask
from ..schema import Field
from .types import TypedColumn, read_column

ConstraintCheck = Callable[[pa.Array, TypedColumn, Field, Any], pa.Array]


def _bound(field: Field, value: Any) -> pa.Scalar:
    """A constraint bound read with the field's own type (``"2020-01-01"`` for a date field)."""
    if isinstance(value, str) and field.type not in ("string", "any"):
        typed = read_column(pa.array([value], pa.string()), field).values
        return typed[0]
    if field.type == "date" and isinstance(value, dt.date):
        return pa.scalar(value, pa.date32())
    return pa.scalar(value)


def _pattern(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    anchored = f"^(?:{value})$"
    try:
        ok = pc.match_substring_regex(raw, anchored)
    except pa.ArrowInvalid:
        # Not expressible in RE2 (look-arounds, back-references): Python's re on distinct values.
        compiled = re.compile(value)
        encoded = pc.dictionary_encode(raw)
        verdicts = pa.array([None if v is None else bool(compiled.fullmatch(v))
                             for v in encoded.dictionary.to_pylist()], pa.bool_())
        ok = verdicts.take(encoded.indices)
    return pc.invert(ok)


def _enum(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    if field.type in ("string", "any", "yearmonth", "duration", "time", "geopoint"):
        return pc.invert(pc.is_in(raw, pa.array([str(v) for v in value], pa.string())))
    allowed = read_column(pa.array([str(v) if not isinstance(v, bool) else str(v).lower()
                                    for v in value], pa.string()), field).values
    values, allowed = col.values, allowed.drop_null()
    if pa.types.is_floating(values.type):  # -0.0 + 0.0 is 0.0: -0 is the enum's 0, as in Python
        values, allowed = pc.add(values, 0.0), pc.add(allowed, 0.0)
    return pc.invert(pc.is_in(values, allowed))


def _nan(col: TypedColumn) -> pa.Array | bool:
    """NaN is comparable with no bound, so it breaks every one (as in Frictionless)."""
    return pc.is_nan(col.values) if pa.types.is_floating(col.values.type) else False


def _minimum(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.or_(pc.less(col.values, _bound(field, value)), _nan(col))


def _maximum(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.or_(pc.greater(col.values, _bound(field, value)), _nan(col))


def _exclusive_minimum(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.less_equal(col.values, _bound(field, value))


def _exclusive_maximum(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.greater_equal(col.values, _bound(field, value))


def _length(raw: pa.Array, col: TypedColumn, field: Field) -> pa.Array:
    """Characters of a text; items of an array or keys of an object (as in Frictionless)."""
    if field.type in ("array", "object"):
        encoded = pc.dictionary_encode(col.values)
        lengths = [None if v is None else len(json.loads(v)) for v in encoded.dictionary.to_pylist()]
        return pa.array(lengths, pa.int64()).take(encoded.indices)
    return pc.utf8_length(raw)


def _min_length(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.less(_length(raw, col, field), int(value))


def _max_length(raw: pa.Array, col: TypedColumn, field: Field, value: Any) -> pa.Array:
    return pc.greater(_length(raw, col, field), int(value))


CHECKS: dict[str, ConstraintCheck] = {
    "pattern": _pattern,
    "enum": _enum,
    "minimum": _minimum,
    "maximum": _maximum,
    "exclusiveMinimum": _exclusive_minimum,
    "exclusiveMaximum": _exclusive_maximum,
    "minLength": _min_length,
    "maxLength": _max_length,
}


def broken(raw: pa.Array, col: TypedColumn, field: Field, *, required: bool
           ) -> Iterator[tuple[str, Any, np.ndarray]]:
    """Yield ``(constraint, value, mask)`` for each constraint some row of the column breaks."""
    absent = null_mask(raw)
    if required:
        mask = col.missing & ~absent
        if mask.any():
            yield "required", True, mask
    checkable = ~col.missing & ~col.invalid
    if not checkable.any():
        return
    for name, check in CHECKS.items():
        if name not in field.constraints:
            continue
        value = field.constraints[name]
        mask = to_mask(check(raw, col, field, value)) & checkable
        if mask.any():
            yield name, value, mask
