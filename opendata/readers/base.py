"""What every format reader produces: a header and a stream of raw-text chunks.

Readers never interpret values: every cell arrives as the text it had in the source (an 18-digit
ID number, a 20-digit serial or ``007`` stay exactly that), so the validator, the scanner and the
publisher all see the data as it was written. Typing happens later, per the schema
(:mod:`opendata.validate.types`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterator

import json

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..strings import filled

DEFAULT_BATCH_ROWS = 65_536
#: …and at most about this much text: every in-flight batch costs a few times its size in working
#: memory, so a bound in rows alone would let wide rows (long free text) take gigabytes.
DEFAULT_BATCH_BYTES = 20 << 20


@dataclass(frozen=True)
class StructuralIssue:
    """A row whose cell count differs from the header's (Frictionless missing-cell/extra-cell)."""

    row: int
    expected: int
    actual: int
    unclosed_quote: bool = False


@dataclass
class Chunk:
    """A batch of rows as raw text.

    ``data`` has one string column per header column, named ``c0``, ``c1`` … by position (headers
    may be blank or repeated). A *null* cell means the row had no such cell (missing cell); an
    empty cell is ``""``. ``rows`` holds the Frictionless row number of each row (header = 1).
    """

    data: pa.RecordBatch
    rows: np.ndarray
    issues: list[StructuralIssue] = field(default_factory=list)

    @property
    def num_rows(self) -> int:
        return self.data.num_rows


@dataclass
class TableSource:
    """An opened table: its header labels, the encoding found, and a way to stream its chunks."""

    path: str
    format: str
    header: list[str]
    encoding: str | None
    _chunks: Callable[[int], Iterator[Chunk]]
    #: False when the dialect says the file has no header row (``header: false``): ``header`` is
    #: then the first data row, only its width counts, and data rows are numbered from 1.
    has_header: bool = True
    #: What the reader decided that the data officer should know (a sniffed delimiter): rendered
    #: sentences, shown with the check report.
    notes: list[str] = field(default_factory=list)
    #: False when the dialect says labels match field names whatever their case (``headerCase``).
    header_case: bool = True

    def chunks(self, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[Chunk]:
        """Stream the table's rows as :class:`Chunk` objects in file order."""
        from ..progress import counted

        return counted(self._chunks(batch_rows))


def merge_chunks(chunks: Iterator[Chunk], batch_rows: int, batch_bytes: int) -> Iterator[Chunk]:
    """Concatenate consecutive small chunks (a reader's blocks) into batches of about ``batch_rows``
    rows or ``batch_bytes`` of text, whichever comes first: fewer, larger batches amortize per-call
    costs downstream, and the byte bound keeps wide rows in check."""
    pending: list[Chunk] = []
    rows = size = 0
    for chunk in _cut(chunks, batch_bytes):
        if pending and size + chunk.data.nbytes > batch_bytes:
            yield _concat(pending)
            pending, rows, size = [], 0, 0
        pending.append(chunk)
        rows += chunk.num_rows
        size += chunk.data.nbytes
        if rows >= batch_rows or size >= batch_bytes:
            yield _concat(pending)
            pending, rows, size = [], 0, 0
    if pending:
        yield _concat(pending)


def _cut(chunks: Iterator[Chunk], batch_bytes: int) -> Iterator[Chunk]:
    """Chunks larger than ``batch_bytes`` sliced (no copy) into parts of about that size."""
    for chunk in chunks:
        if chunk.data.nbytes <= batch_bytes or chunk.num_rows < 2:
            yield chunk
        else:
            yield from split_chunk(chunk, max(1, chunk.num_rows * batch_bytes // chunk.data.nbytes))


def split_chunk(chunk: Chunk, rows: int) -> Iterator[Chunk]:
    """``chunk`` in slices of at most ``rows`` rows (no copy), each with its row numbers and issues."""
    if chunk.num_rows <= rows:
        yield chunk
        return
    for start in range(0, chunk.num_rows, rows):
        numbers = chunk.rows[start:start + rows]
        lo, hi = (int(numbers[0]), int(numbers[-1])) if len(numbers) else (0, -1)
        yield Chunk(chunk.data.slice(start, rows), numbers, [i for i in chunk.issues if lo <= i.row <= hi])


def _concat(chunks: list[Chunk]) -> Chunk:
    if len(chunks) == 1:
        return chunks[0]
    batch = pa.Table.from_batches([c.data for c in chunks]).combine_chunks().to_batches()[0]
    return Chunk(batch, np.concatenate([c.rows for c in chunks]), [i for c in chunks for i in c.issues])


def column_names(width: int) -> list[str]:
    """Positional column names used inside chunks."""
    return [f"c{i}" for i in range(width)]


def rows_to_chunk(rows: list[list[str | None]], numbers: list[int], width: int,
                  issues: list[StructuralIssue] | None = None) -> Chunk:
    """Build a chunk from Python rows (for the small, irregular paths: Excel, JSON, ragged CSV rows).

    Rows shorter than ``width`` are padded with nulls (missing cells); longer rows are cut to
    ``width`` (the extra cells are reported as structural issues by the caller).
    """
    columns = [[(r[i] if i < len(r) else None) for r in rows] for i in range(width)]
    arrays = [pa.array(col, type=pa.string()) for col in columns]
    batch = pa.RecordBatch.from_arrays(arrays, names=column_names(width))
    return Chunk(batch, np.asarray(numbers, dtype=np.int64), list(issues or []))


def batched(items: Iterator[tuple[int, list[str | None]]], width: int, batch_rows: int,
            issues_for: Callable[[int, list[str | None]], StructuralIssue | None]) -> Iterator[Chunk]:
    """Group ``(row_number, cells)`` pairs into chunks, noting rows of the wrong width."""
    rows: list[list[str | None]] = []
    numbers: list[int] = []
    issues: list[StructuralIssue] = []
    for number, cells in items:
        issue = issues_for(number, cells)
        if issue is not None:
            issues.append(issue)
        rows.append(cells)
        numbers.append(number)
        if len(rows) >= batch_rows:
            yield rows_to_chunk(rows, numbers, width, issues)
            rows, numbers, issues = [], [], []
    if rows:
        yield rows_to_chunk(rows, numbers, width, issues)


def width_issue(width: int) -> Callable[[int, list[str | None]], StructuralIssue | None]:
    """An ``issues_for`` callback reporting rows whose cell count differs from ``width``."""

    def check(number: int, cells: list[str | None]) -> StructuralIssue | None:
        if len(cells) != width and any(c not in (None, "") for c in cells):
            return StructuralIssue(number, width, len(cells))
        return None

    return check


def arrow_to_text(column: pa.Array) -> pa.Array:
    """Render a typed Arrow column as the canonical text its Table Schema type reads back."""
    kind = column.type
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        text = column.cast(pa.string())
    elif pa.types.is_dictionary(kind):
        return arrow_to_text(column.dictionary_decode())
    elif pa.types.is_boolean(kind):
        text = pc.if_else(column, "true", "false")
    elif pa.types.is_timestamp(kind):
        text = _timestamp_text(column)
    elif pa.types.is_date(kind):
        text = pc.strftime(column, format="%Y-%m-%d")
    elif pa.types.is_floating(kind):
        text = _float_text(column)
    elif pa.types.is_nested(kind):
        text = pa.array([None if v is None else json.dumps(v, ensure_ascii=False, default=str)
                         for v in column.to_pylist()], type=pa.string())
    else:
        text = column.cast(pa.string())
    # A null in a typed column is an empty cell, not a missing one.
    return filled(text)


def _timestamp_text(column: pa.Array) -> pa.Array:
    """A timestamp column as people (and Python's ``str``) write it: ``2025-07-27 05:20:00``, with
    the fraction only where it is not zero (``05:20:00.250``). ``strftime`` writes a millisecond
    column's seconds as ``00.000``; a zero fraction says nothing and changed every cell. The space
    separator is read back by the project's validation and by Frictionless (dateutil's isoparse)."""
    text = pc.strftime(column, format="%Y-%m-%d %H:%M:%S")
    return pc.replace_substring_regex(text, r"\.0+$", "")


#: Whole floats from this size on are written as integer digits: five digits or more may be an
#: identifier (QQ numbers from 10000, postcodes, phone numbers) that pandas stored as float64
#: because the column has missing values; ``13812345678.0`` or ``1.3812345678e+10`` would hide it
#: from every pattern. Below 1e15 the double holds the integer exactly.
WHOLE_AS_DIGITS = (1e4, 1e15)


def _float_text(column: pa.Array) -> pa.Array:
    """A float column as text a reader expects, the way Python's ``str`` writes the value (``250.0``,
    ``87.1``, ``1e-05``), which reads back as the same double; Arrow's text drops the ``.0`` of a
    whole value (``250``) and uses exponents from 1e10, so every whole amount changed. Exceptions:
    whole values in :data:`WHOLE_AS_DIGITS` are written as integer digits (``13812345678``), and a
    float32 keeps Arrow's shortest text (``87.1``; Python would write the widened double,
    ``87.0999984741211``)."""
    text = column.cast(pa.string())
    finite = pc.fill_null(pc.is_finite(column), False)
    if not pc.any(finite).as_py():
        return text
    whole = pc.and_(finite, pc.equal(pc.floor(column), column))
    magnitude = pc.abs(column)
    low, high = WHOLE_AS_DIGITS
    digits = pc.and_(whole, pc.and_(pc.greater_equal(magnitude, low), pc.less(magnitude, high)))
    if pc.any(digits).as_py():
        ints = pc.cast(pc.if_else(digits, column, 0.0), pa.int64()).cast(pa.string())
        text = pc.if_else(digits, ints, text)
    # Python's form where Arrow's differs: a whole value without its ".0", or an exponent threshold.
    plain = pc.invert(pc.fill_null(pc.match_substring_regex(text, r"[.e]"), False))
    pointless = pc.and_(pc.and_(whole, pc.invert(digits)), plain)
    text = pc.if_else(pointless, pc.binary_join_element_wise(text, ".0", ""), text)
    if not pa.types.is_float64(column.type):
        return text
    differs = pc.and_(pc.and_(finite, pc.invert(digits)),
                      pc.or_(pc.fill_null(pc.match_substring(text, "e"), False),
                             pc.and_(pc.less(magnitude, 1e-4), pc.not_equal(magnitude, 0.0))))
    if pc.any(differs).as_py():
        python = pa.array([str(v) for v in column.filter(differs).to_pylist()], type=pa.string())
        text = pc.replace_with_mask(text, differs, python)
    return text


def open_arrow(table: pa.Table, label: str) -> TableSource:
    """A :class:`TableSource` over an in-memory Arrow table (for DataFrames given by developers)."""
    header = list(table.column_names)
    names = column_names(len(header))

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        start = 2
        for batch in table.to_batches(max_chunksize=batch_rows):
            arrays = [arrow_to_text(batch.column(i)) for i in range(batch.num_columns)]
            yield Chunk(pa.RecordBatch.from_arrays(arrays, names=names),
                        np.arange(start, start + batch.num_rows, dtype=np.int64))
            start += batch.num_rows

    return TableSource(label, "memory", header, None, chunks)
