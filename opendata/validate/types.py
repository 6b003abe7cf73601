"""Vectorized Table Schema type reading: raw text column → typed Arrow column + invalid mask.

One function, :func:`read_column`, serves validation (which needs the invalid mask) and typed
reads (``Resource.to_arrow``). Semantics follow Frictionless v5's field readers: whitespace
stripped for numbers, ``bareNumber``, ``decimalChar``/``groupChar``, ``trueValues``/``falseValues``,
ISO formats by default, Python ``strptime`` patterns for custom formats.

Parsers that have no Arrow kernel (custom date formats, JSON objects) run in Python on the column's
*distinct* values only, which are few for such columns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import null_mask, to_mask
from ..schema import DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, Field
from ..strings import byte_lengths

_INT = r"^[+-]?\d+$"
_NUM = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
_NUM_SPECIAL = ("NaN", "nan", "INF", "-INF", "inf", "-inf", "Infinity", "-Infinity")
_DATE = r"^\d{4}-\d{2}-\d{2}$"
_SHORT_DATE = r"^\d{4}-\d{1,2}-\d{1,2}$"  # strptime's %m and %d take one digit too
_DATETIME = r"^\d{4}-\d{2}-\d{2}.\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$"
_TIME = r"^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}(:?\d{2})?)?$"
_ZONE = re.compile(r"(Z|[+-]\d{2}(:?\d{2})?)$")
_YEAR = r"^\d{4}$"
_YEARMONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
_DURATION = r"^P(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
_GEOPOINT = r"^\s*[+-]?\d+(\.\d+)?\s*,\s*[+-]?\d+(\.\d+)?\s*$"
_STRING_FORMATS = {
    "email": r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
    "uri": r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s]+$",
    "uuid": r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$",
}
# Base64 as Python decodes it (what Frictionless uses): characters outside the alphabet are
# dropped, then the rest must be whole quads.
_BASE64 = r"^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"


@dataclass
class TypedColumn:
    """The result of reading a raw column as its field's type.

    ``values`` is typed with nulls for missing and invalid cells; ``missing`` marks cells that are
    one of the field's missing values (or absent from a short row); ``invalid`` marks cells present
    but not readable as the type.
    """

    values: pa.Array
    missing: np.ndarray
    invalid: np.ndarray




def _matches(raw: pa.Array, pattern: str) -> pa.Array:
    return pc.match_substring_regex(raw, pattern)


def _by_distinct(raw: pa.Array, parse: Callable[[str], Any], out_type: pa.DataType) -> pa.Array:
    """Apply a Python parser to each distinct value once; unparseable values become null."""
    encoded = pc.dictionary_encode(raw)
    results = []
    for value in encoded.dictionary.to_pylist():
        try:
            results.append(parse(value))
        except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError, json.JSONDecodeError):
            results.append(None)
    dictionary = pa.array(results, type=out_type)
    return dictionary.take(encoded.indices)


def _number_text(raw: pa.Array, field: Field) -> pa.Array:
    text = pc.utf8_trim_whitespace(raw)
    group = field.option("groupChar", "")
    if group:
        text = pc.replace_substring(text, group, "")
    decimal = field.option("decimalChar", ".")
    if decimal != ".":
        # A "." that is neither the decimal nor the group mark makes the value invalid (as in
        # Frictionless): "1.234" with decimalChar "," is not 1.234.
        if group != ".":
            text = pc.replace_substring(text, ".", "x")
        text = pc.replace_substring(text, decimal, ".")
    if not field.option("bareNumber", True):
        text = pc.replace_substring_regex(text, r"^[^\-\d.]*|[^\d.]*$", "")
    return text


def _read_integer(raw: pa.Array, field: Field) -> pa.Array:
    text = _number_text(raw, field)
    ok = _matches(text, _INT)
    candidate = pc.if_else(ok, text, pa.scalar(None, pa.string()))
    try:
        return pc.cast(candidate, pa.int64())
    except (pa.ArrowInvalid, OverflowError):
        # Past int64: Frictionless accepts Python ints; an Arrow column cannot hold them.
        return _by_distinct(candidate, lambda v: _bounded_int(int(v)), pa.int64())


def _bounded_int(value: int) -> int:
    if not -(2**63) <= value < 2**63:
        raise OverflowError(value)
    return value


def _read_number(raw: pa.Array, field: Field) -> pa.Array:
    text = _number_text(raw, field)
    ok = pc.or_(_matches(text, _NUM), pc.is_in(text, pa.array(_NUM_SPECIAL)))
    candidate = pc.if_else(ok, text, pa.scalar(None, pa.string()))
    return pc.cast(candidate, pa.float64())


def _read_boolean(raw: pa.Array, field: Field) -> pa.Array:
    trues = pa.array([str(v) for v in field.option("trueValues", DEFAULT_TRUE_VALUES)], pa.string())
    falses = pa.array([str(v) for v in field.option("falseValues", DEFAULT_FALSE_VALUES)], pa.string())
    is_true = pc.is_in(raw, trues)
    is_false = pc.is_in(raw, falses)
    return pc.if_else(is_true, True, pc.if_else(is_false, False, pa.scalar(None, pa.bool_())))


#: ISO forms Arrow's own parser reads strictly (no 02-30): a cast is some 50 times faster than the
#: strptime/strftime round trip, so it is tried first and the round trip only runs when it fails.
_ISO_CASTS = {"%Y-%m-%d": pa.date32(), "%Y-%m-%dT%H:%M:%S": pa.timestamp("s")}


def _roundtrip(raw: pa.Array, pattern: str, fmt: str) -> pa.Array:
    """Parse with strptime and keep only values that format back to themselves (no 02-30 → 03-02)."""
    shaped = pc.if_else(_matches(raw, pattern), raw, pa.scalar(None, pa.string()))
    if fmt in _ISO_CASTS:
        try:
            return pc.cast(shaped, _ISO_CASTS[fmt])
        except pa.ArrowInvalid:
            pass  # some value is not a real date: find which, the slow way
    parsed = pc.strptime(shaped, format=fmt, unit="s", error_is_null=True)
    same = pc.equal(pc.strftime(parsed, format=fmt), shaped)
    return pc.if_else(same, parsed, pa.scalar(None, parsed.type))


def _read_date(raw: pa.Array, field: Field) -> pa.Array:
    if field.format == "default":
        # Zero-pad one-digit months and days (2021-1-5), which strptime accepts, then round trip.
        if not pc.all(pc.fill_null(_matches(raw, _DATE), True)).as_py():
            raw = pc.if_else(_matches(raw, _SHORT_DATE), raw, pa.scalar(None, pa.string()))
            raw = pc.replace_substring_regex(raw, r"^(\d{4})-(\d)-", r"\1-0\2-")
            raw = pc.replace_substring_regex(raw, r"-(\d)$", r"-0\1")
        return pc.cast(_roundtrip(raw, _DATE, "%Y-%m-%d"), pa.date32())
    if field.format == "any":
        from dateutil import parser

        return _by_distinct(raw, lambda v: parser.parse(v).date(), pa.date32())
    fmt = field.format
    return _by_distinct(raw, lambda v: dt.datetime.strptime(v, fmt).date(), pa.date32())


def _read_datetime(raw: pa.Array, field: Field) -> pa.Array:
    if field.format == "default":
        shaped = pc.if_else(_matches(raw, _DATETIME), raw, pa.scalar(None, pa.string()))
        # Date and time parts are checked through a round trip; fractions and zones are accepted.
        head = pc.utf8_slice_codeunits(shaped, 0, 19)
        head = pc.replace_substring_regex(head, r"^(.{10}).", r"\1T")
        # ISO 8601 allows 24:00:00 for the end of a day (Frictionless accepts it): the next midnight.
        end_of_day = pc.fill_null(pc.ends_with(head, "T24:00:00"), False)
        head = pc.replace_substring(head, "T24:00:00", "T23:59:59")
        parsed = _roundtrip(head, r"^.{19}$", "%Y-%m-%dT%H:%M:%S")
        return pc.if_else(end_of_day, pc.add(parsed, pa.scalar(1, pa.duration("s"))), parsed)
    if field.format == "any":
        from dateutil import parser

        return _by_distinct(raw, lambda v: parser.parse(v).replace(tzinfo=None), pa.timestamp("s"))
    fmt = field.format
    return _by_distinct(raw, lambda v: dt.datetime.strptime(v, fmt), pa.timestamp("s"))


def _read_time(raw: pa.Array, field: Field) -> pa.Array:
    if field.format == "any":
        from dateutil import parser

        return _by_distinct(raw, lambda v: (parser.parse(v), v)[1], pa.string())
    fmt = "%H:%M:%S" if field.format == "default" else field.format

    def parse(value: str) -> str:
        if fmt == "%H:%M:%S" and not re.match(_TIME, value):
            raise ValueError(value)
        # A zone (Z, +01:00, -0130) is allowed after an ISO time, as in Frictionless.
        core = _ZONE.sub("", value).split(".")[0] if fmt == "%H:%M:%S" else value
        dt.datetime.strptime(core, fmt)
        return value

    return _by_distinct(raw, parse, pa.string())


#: GeoJSON objects are known by their "type" (Frictionless checks the whole GeoJSON schema).
GEOJSON_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                 "GeometryCollection", "Feature", "FeatureCollection"}


def _read_json(kind: type | None, geojson: bool = False) -> Callable[[pa.Array, Field], pa.Array]:
    def read(raw: pa.Array, field: Field) -> pa.Array:
        def parse(value: str) -> str:
            loaded = json.loads(value)
            if kind is not None and not isinstance(loaded, kind):
                raise ValueError(value)
            if geojson and loaded.get("type") not in GEOJSON_TYPES:
                raise ValueError(value)
            return value

        return _by_distinct(raw, parse, pa.string())

    return read


def _read_geopoint(raw: pa.Array, field: Field) -> pa.Array:
    def parse(value: str) -> str:
        if field.format == "array":
            lon, lat = json.loads(value)
        elif field.format == "object":
            loaded = json.loads(value)
            lon, lat = loaded["lon"], loaded["lat"]
        else:
            if not re.match(_GEOPOINT, value):
                raise ValueError(value)
            lon, lat = (float(p) for p in value.split(","))
        if not (-180 <= float(lon) <= 180 and -90 <= float(lat) <= 90):
            raise ValueError(value)
        return value

    return _by_distinct(raw, parse, pa.string())


def _pattern_reader(pattern: str, out: Callable[[pa.Array], pa.Array] | None = None
                    ) -> Callable[[pa.Array, Field], pa.Array]:
    def read(raw: pa.Array, field: Field) -> pa.Array:
        text = pc.utf8_trim_whitespace(raw) if out is not None else raw
        kept = pc.if_else(_matches(text, pattern), text, pa.scalar(None, pa.string()))
        return out(kept) if out is not None else kept

    return read


def _read_duration(raw: pa.Array, field: Field) -> pa.Array:
    # "P" and "PT" alone, or a "T" with no time part after it, name no duration.
    ok = pc.and_(_matches(raw, _DURATION), pc.invert(_matches(raw, r"^PT?$|T$")))
    return pc.if_else(ok, raw, pa.scalar(None, pa.string()))


def _read_string(raw: pa.Array, field: Field) -> pa.Array:
    if field.format == "binary":
        text = pc.replace_substring_regex(raw, r"[^A-Za-z0-9+/=]", "")
        return pc.if_else(_matches(text, _BASE64), raw, pa.scalar(None, pa.string()))
    pattern = _STRING_FORMATS.get(field.format)
    if pattern is None:
        return raw
    return pc.if_else(_matches(raw, pattern), raw, pa.scalar(None, pa.string()))


_READERS: dict[str, Callable[[pa.Array, Field], pa.Array]] = {
    "string": _read_string,
    "integer": _read_integer,
    "number": _read_number,
    "boolean": _read_boolean,
    "date": _read_date,
    "datetime": _read_datetime,
    "time": _read_time,
    "year": _pattern_reader(_YEAR, lambda a: pc.cast(a, pa.int64())),
    "yearmonth": _pattern_reader(_YEARMONTH),
    "duration": _read_duration,
    "geopoint": _read_geopoint,
    "object": _read_json(dict),
    "array": _read_json(list),
    "geojson": _read_json(dict, geojson=True),
    "any": lambda raw, field: raw,
}


def arrow_type(field: Field) -> pa.DataType:
    """The Arrow type a field's values are read into."""
    return {
        "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "date": pa.date32(),
        "datetime": pa.timestamp("s"), "year": pa.int64(),
    }.get(field.type, pa.string())


def read_column(raw: pa.Array, field: Field) -> TypedColumn:
    """Read a raw text column (nulls = absent cells) as ``field``'s type."""
    absent = null_mask(raw)
    if list(field.missing_values) == [""]:  # the default: an empty cell, told by its length
        is_missing = (byte_lengths(raw) == 0) | absent
    else:
        is_missing = to_mask(pc.is_in(raw, pa.array(list(field.missing_values), pa.string()))) | absent
    present = pc.if_else(pa.array(is_missing), pa.scalar(None, pa.string()), raw) if is_missing.any() else raw
    values = _READERS[field.type](present, field)
    if values.type != arrow_type(field):
        values = pc.cast(values, arrow_type(field))
    invalid = null_mask(values) & ~is_missing
    return TypedColumn(values, is_missing, invalid)
