"""Spreadsheet formula injection in published CSVs (CSV injection; the OWASP convention).

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
when a spreadsheet opens the CSV (``=HYPERLINK(…)``, ``=cmd|' /C calc'!A0``). ``check`` reports such
cells (a non-blocking finding per field, with the count); the published CSV and ``dictionary.csv``
carry them *neutralised*: a single quote ``'`` is put in front, which spreadsheets show as text.

The treatment is exactly reversible and recorded in the published ``datapackage.json``
(``opendata.formula_escape``): a cell is escaped when it matches :data:`PATTERN` (any number of
leading quotes, then one of the characters) and is not a plain number such as ``-5`` (Excel reads
those as numbers, so they are left alone, in numeric and text fields alike, and so is a lone ``-``). Escaping adds one
quote to every such cell; to reverse it, remove one leading quote from every cell that matches
:data:`PATTERN` and is not a plain number once that quote is gone. Cells already starting with
quotes are escaped too, so that the reversal never takes a quote the data had. The Parquet file
and ``dictionary.json`` keep the values as they are.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .bitmaps import to_mask
from .strings import byte_table, first_bytes

PREFIX = "'"
#: Cells this matches are escaped, unless they are a plain number.
PATTERN = r"^'*[=+\-@\t\r]"
#: A plain number (or a lone sign, a common placeholder), possibly behind leading quotes: never a
#: formula, never escaped.
NUMBER = r"^'*(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-])$"
_PATTERN, _NUMBER = re.compile(PATTERN), re.compile(NUMBER)
#: Written into the published datapackage.json as ``opendata.formula_escape``.
CONVENTION = "OWASP CSV injection: one leading ' added"


def formula_mask(column: pa.Array) -> np.ndarray:
    """Which cells of a text column are escaped (``False`` for nulls)."""
    if len(column) == 0:
        return np.zeros(0, dtype=bool)
    column = column.cast(pa.string())
    firsts = first_bytes(column)
    if firsts is not None:  # only a cell whose first byte is one of PATTERN's can match it
        candidates = np.flatnonzero(_LEADING[firsts])
        out = np.zeros(len(column), dtype=bool)
        if len(candidates):
            out[candidates] = _formula_mask(column.take(pa.array(candidates)))
        return out
    return _formula_mask(column)


#: the bytes a cell matching PATTERN begins with
_LEADING = byte_table("'=+-@\t\r")


def _formula_mask(column: pa.Array) -> np.ndarray:
    leading = pc.match_substring_regex(column, PATTERN)
    if not pc.any(leading).as_py():
        return np.zeros(len(column), dtype=bool)
    return to_mask(pc.and_kleene(leading, pc.invert(pc.match_substring_regex(column, NUMBER))))


def escape_column(column: pa.Array) -> tuple[pa.Array, int]:
    """The column with every formula-leading cell escaped, and how many were."""
    mask = formula_mask(column)
    count = int(mask.sum())
    if not count:
        return column, 0
    text = column.cast(pa.string())
    escaped = pc.binary_join_element_wise(pa.scalar(PREFIX), text, "")
    return pc.if_else(pa.array(mask), escaped, text), count


def formula_counts(batch: pa.RecordBatch) -> dict[str, int]:
    """Formula-leading cells per column of one batch (pure; only columns with any)."""
    out = {}
    for name, column in zip(batch.schema.names, batch.columns):
        count = int(formula_mask(column).sum())
        if count:
            out[name] = count
    return out


def escape_batch(batch: pa.RecordBatch) -> tuple[pa.RecordBatch, dict[str, int]]:
    """Every column of ``batch`` escaped; the count per column name (only those with any)."""
    columns, counts = [], {}
    for name, column in zip(batch.schema.names, batch.columns):
        escaped, count = escape_column(column)
        columns.append(escaped)
        if count:
            counts[name] = count
    if not counts:
        return batch, {}
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names), counts


def escape_text(value: Any) -> Any:
    """One cell of ``dictionary.csv`` (a non-string passes through)."""
    if isinstance(value, str) and _PATTERN.match(value) and not _NUMBER.match(value):
        return PREFIX + value
    return value


def unescape_text(value: str) -> str:
    """The reversal of :func:`escape_text` (for readers of a published CSV)."""
    if value.startswith(PREFIX) and _PATTERN.match(value[1:]) and not _NUMBER.match(value[1:]):
        return value[1:]
    return value


def record(files: dict[str, dict[str, int]]) -> dict[str, Any]:
    """What the published datapackage.json says about the treatment: convention, patterns, and
    per file the fields and their escaped cell counts."""
    return {"convention": CONVENTION, "prefix": PREFIX, "pattern": PATTERN, "except": NUMBER,
            "files": files}
