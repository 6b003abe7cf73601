"""CSV reader: pyarrow's streaming parser, every column as text, ragged rows kept and reported.

pyarrow decodes and parses block by block, so memory stays bounded whatever the file size. Rows
whose cell count differs from the header's are handed to us by pyarrow's invalid-row handler;
we re-parse them with :mod:`csv`, pad or cut them to the header's width, and merge them back in
file order so that they are validated like any other row and reported as missing or extra cells.
"""

from __future__ import annotations

import codecs
import csv as pycsv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from .. import messages
from ..bitmaps import to_mask
from ..encoding import Encoding
from ..errors import InputError
from ..strings import byte_lengths
from .base import (DEFAULT_BATCH_BYTES, Chunk, StructuralIssue, TableSource, column_names, merge_chunks,
                   rows_to_chunk, split_chunk)

# pyarrow's streaming reader reads ahead a number of blocks, so this bounds its memory; small
# blocks are merged back into batches of ``batch_rows`` rows or DEFAULT_BATCH_BYTES of text for
# processing (see merge_chunks).
BLOCK_BYTES = 1 << 20
#: Records may be this long (a legal 10 MB cell is read); a longer one is refused by name.
MAX_BLOCK_BYTES = 256 << 20


#: Delimiters tried when the dialect declares none, as Frictionless does; on a sample of this size.
SNIFF_DELIMITERS = ",\t;|"
SNIFF_BYTES = 1 << 15
SNIFF_LINES = 100


def _dialect(dialect: dict[str, Any]) -> dict[str, Any]:
    return {
        "delimiter": dialect.get("delimiter", ","),
        "quotechar": dialect.get("quoteChar", '"'),
        "doublequote": dialect.get("doubleQuote", True),
        "escapechar": dialect.get("escapeChar") or None,
        "skipinitialspace": bool(dialect.get("skipInitialSpace", False)),
    }


def sniff_delimiter(path: Path, encoding: Encoding) -> str:
    """The delimiter of a CSV file that declares none: Python's csv.Sniffer on the first lines
    (as Frictionless does), ``,`` when it cannot tell."""
    with open(path, "rb") as raw:
        sample = raw.read(SNIFF_BYTES)
    text = sample.decode(encoding.codec, errors="ignore").lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if len(sample) == SNIFF_BYTES and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sample's end
    try:
        return pycsv.Sniffer().sniff("".join(lines[:SNIFF_LINES]), SNIFF_DELIMITERS).delimiter
    except pycsv.Error:
        return ","


def _read_header(path: Path, encoding: Encoding, opts: dict[str, Any], rows: tuple[int, ...] = (1,),
                 join: str = " ") -> list[str]:
    """The labels: the cells of header row ``rows[0]``, or of several rows joined column by column
    with ``join`` (``headerRows``/``headerJoin``, as in Frictionless)."""
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding.codec, newline="", errors="strict")
        try:
            if encoding.bom and text.read(1) != "\ufeff":
                text.seek(0)
            reader = pycsv.reader(text, **opts)
            found = [row for number, row in zip(range(1, max(rows) + 1), reader) if number in rows]
        except UnicodeDecodeError as exc:
            raise InputError("input.encoding", path=str(path), row=1, encoding=encoding.name) from exc
        except pycsv.Error as exc:
            raise InputError("input.unreadable", path=str(path), reason=str(exc)) from exc
    if not found or not found[0]:
        raise InputError("input.empty", path=str(path))
    if len(found) == 1:
        return found[0]
    width = max(len(r) for r in found)
    return [join.join(r[i] for r in found if i < len(r) and r[i]) for i in range(width)]


def open_csv(path: Path, encoding: Encoding, dialect: dict[str, Any] | None = None) -> TableSource:
    """Open a CSV file for streaming; the header is read now, the rows when chunks are pulled.

    Without a declared ``delimiter`` it is sniffed; with ``header: false`` the first row is data.
    """
    dialect = dict(dialect or {})
    notes = []
    if "delimiter" not in dialect:
        dialect["delimiter"] = sniff_delimiter(path, encoding)
        if dialect["delimiter"] != ",":
            notes.append(messages.t("input.delimiter_sniffed", path=str(path), delimiter=repr(dialect["delimiter"])))
    opts = _dialect(dialect)
    has_header = dialect.get("header", True) is not False
    header_rows = tuple(dialect.get("headerRows") or (1,)) if has_header else (1,)
    header = _read_header(path, encoding, opts, header_rows, dialect.get("headerJoin", " "))
    width = len(header)
    skipped = _Skipped(dialect.get("commentChar") or "", frozenset(int(r) for r in dialect.get("commentRows") or ()),
                       bool(dialect.get("skipBlankRows")))

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        return _stream(path, encoding, opts, width, batch_rows, max(header_rows) if has_header else 0, skipped)

    return TableSource(str(path), "csv", header, encoding.name, chunks, has_header, notes,
                       header_case=dialect.get("headerCase", True) is not False)


@dataclass(frozen=True)
class _Skipped:
    """Rows the dialect says are not data: ``commentChar``, ``commentRows``, ``skipBlankRows``."""

    char: str = ""
    rows: frozenset[int] = frozenset()
    blank: bool = False

    def __bool__(self) -> bool:
        return bool(self.char or self.rows or self.blank)


def _stream(path: Path, encoding: Encoding, opts: dict[str, Any], width: int,
            batch_rows: int, header_end: int = 1, skipped: _Skipped = _Skipped()) -> Iterator[Chunk]:
    """The data rows, which start after row ``header_end`` (0: no header)."""
    blocks = _resilient_blocks(path, encoding, opts, width, batch_rows, header_end)
    if skipped:
        blocks = (_drop_rows(c, skipped) for c in blocks)
    if opts["skipinitialspace"]:
        blocks = (_skip_initial_space(c) for c in blocks)
    return merge_chunks(blocks, batch_rows, DEFAULT_BATCH_BYTES)


def _drop_rows(chunk: Chunk, skipped: _Skipped) -> Chunk:
    """Rows whose first cell starts with the comment character, the listed comment rows, and (with
    ``skipBlankRows``) rows of empty cells are not data, as in Frictionless; the other rows keep
    their file row numbers. Vectorised over the chunk."""
    rows = skipped.rows
    drop = np.isin(chunk.rows, np.fromiter(rows, dtype=np.int64)) if rows else np.zeros(chunk.num_rows, bool)
    if skipped.char and chunk.data.num_columns:
        drop |= to_mask(pc.fill_null(pc.starts_with(chunk.data.column(0), skipped.char), False))
    if skipped.blank:
        drop |= np.logical_and.reduce([byte_lengths(chunk.data.column(i)) == 0
                                       for i in range(chunk.data.num_columns)] or [np.ones(chunk.num_rows, bool)])
    if not drop.any():
        return chunk
    keep = np.flatnonzero(~drop)
    dropped = set(chunk.rows[drop].tolist())
    return Chunk(chunk.data.take(pa.array(keep)), chunk.rows[keep], [i for i in chunk.issues if i.row not in dropped])


def _skip_initial_space(chunk: Chunk) -> Chunk:
    """``skipInitialSpace``: spaces after a delimiter are not part of the cell (vectorised)."""
    arrays = [pc.utf8_ltrim(chunk.data.column(i), " ") for i in range(chunk.data.num_columns)]
    return Chunk(pa.RecordBatch.from_arrays(arrays, names=chunk.data.schema.names), chunk.rows, chunk.issues)


class _RowTooLong(Exception):
    """A record did not fit in one parser block."""


def _resilient_blocks(path: Path, encoding: Encoding, opts: dict[str, Any], width: int,
                      batch_rows: int, header_end: int = 1) -> Iterator[Chunk]:
    """:func:`_blocks`, restarted with a larger block when a record is longer than one block (a
    legal 10 MB cell): rows already yielded are skipped, so the stream goes on where it stopped.
    Small blocks stay the rule; only files with such records pay for reading their start again."""
    block = max(1 << 16, min(BLOCK_BYTES, batch_rows * 256))  # small test batches: small blocks
    done = header_end  # the last row number yielded (the header ends at row header_end)
    while True:
        try:
            for chunk in _blocks(path, encoding, opts, width, batch_rows, block, header_end):
                fresh = np.flatnonzero(chunk.rows > done)
                if len(fresh) == 0:
                    continue
                if fresh[0] > 0:
                    first = int(chunk.rows[fresh[0]])
                    chunk = Chunk(chunk.data.slice(int(fresh[0])), chunk.rows[fresh[0]:],
                                  [i for i in chunk.issues if i.row >= first])
                done = int(chunk.rows[-1])
                yield chunk
            return
        except _RowTooLong as exc:
            if block >= MAX_BLOCK_BYTES:
                raise InputError("hostile.row_too_long", path=str(path), row=done + 1,
                                 limit=MAX_BLOCK_BYTES >> 20) from exc.__cause__
            block = min(block * 16, MAX_BLOCK_BYTES)


def _blocks(path: Path, encoding: Encoding, opts: dict[str, Any], width: int,
            batch_rows: int, block: int, header_end: int = 1) -> Iterator[Chunk]:
    names = column_names(width)
    pending: dict[int, str] = {}  # row number -> raw text of rows pyarrow could not shape

    def on_invalid(row: Any) -> str:
        pending[int(row.number)] = row.text
        return "skip"

    read_options = pa_csv.ReadOptions(
        use_threads=False, block_size=block, skip_rows=header_end, column_names=names,
        encoding="utf8" if encoding.codec == "utf-8" else encoding.codec,
    )
    parse_options = pa_csv.ParseOptions(
        delimiter=opts["delimiter"], quote_char=opts["quotechar"] or False,
        double_quote=opts["doublequote"], escape_char=opts["escapechar"] or False,
        newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=on_invalid,
    )
    convert_options = pa_csv.ConvertOptions(
        column_types={n: pa.string() for n in names}, strings_can_be_null=False,
        quoted_strings_can_be_null=False, auto_dict_encode=False, null_values=[],
    )
    try:
        reader = pa_csv.open_csv(str(path), read_options=read_options, parse_options=parse_options,
                                 convert_options=convert_options)
    except (pa.ArrowInvalid, UnicodeDecodeError) as exc:  # the first block is decoded on open
        _raise_read_error(path, encoding, exc, 2)

    next_row = header_end + 1  # rows are numbered as in the file: the header is row 1
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowInvalid, UnicodeDecodeError) as exc:
            _raise_read_error(path, encoding, exc, next_row)
        numbers = _number_rows(next_row, batch.num_rows, pending)
        last = int(numbers[-1]) if len(numbers) else next_row - 1
        merged = sorted(n for n in pending if n <= last)
        chunk = Chunk(batch, numbers)
        if merged:
            chunk = _merge(chunk, [(n, pending.pop(n)) for n in merged], width, opts)
        next_row = last + 1
        yield from split_chunk(chunk, batch_rows)
    if pending:  # ragged rows after the last well-formed one
        yield _irregular_chunk(sorted(pending.items()), width, opts)


def _raise_read_error(path: Path, encoding: Encoding, exc: Exception, row: int) -> None:
    if "straddl" in str(exc):  # a record longer than the parser's block: retry with a larger one
        raise _RowTooLong() from exc
    if isinstance(exc, UnicodeDecodeError) or "UTF8" in str(exc) or "decode" in str(exc).lower():
        found = bad_byte(path, encoding.codec)
        if found is not None:
            raise InputError("input.encoding_at", path=str(path), line=found[1], offset=found[0],
                             encoding=encoding.name) from exc
        raise InputError("input.encoding", path=str(path), row=row, encoding=encoding.name) from exc
    raise InputError("input.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc


def bad_byte(path: Path, codec: str) -> tuple[int, int] | None:
    """The byte offset and the line (1-based) of the first byte ``codec`` cannot decode: the
    parser's block-level error cannot tell where it was, a data officer needs to."""
    decoder = codecs.getincrementaldecoder(codec)("strict")
    consumed = lines = 0
    with open(path, "rb") as handle:
        while True:
            block = handle.read(BLOCK_BYTES)
            try:
                decoder.decode(block, final=not block)
            except UnicodeDecodeError as exc:
                # The decoder may hold back the start of a cut character from the block before.
                held = len(exc.object) - len(block)
                offset = consumed - held + exc.start
                return offset, lines + block[:max(offset - consumed, 0)].count(b"\n") + 1
            if not block:
                return None
            consumed += len(block)
            lines += block.count(b"\n")


def _number_rows(start: int, count: int, pending: dict[int, str]) -> np.ndarray:
    """Row numbers of ``count`` well-formed rows from ``start``, skipping rows pyarrow set aside."""
    if not pending:
        return np.arange(start, start + count, dtype=np.int64)
    skipped = np.fromiter((n for n in pending if n >= start), dtype=np.int64)
    candidates = np.arange(start, start + count + len(skipped), dtype=np.int64)
    return np.setdiff1d(candidates, skipped, assume_unique=True)[:count]


def _parse_row(text: str, opts: dict[str, Any]) -> list[str]:
    try:
        return next(pycsv.reader([text], **opts), [""])
    except pycsv.Error:
        return [text]


def _irregular_chunk(rows: list[tuple[int, str]], width: int, opts: dict[str, Any]) -> Chunk:
    cells: list[list[str | None]] = []
    issues: list[StructuralIssue] = []
    for number, text in rows:
        parsed = _parse_row(text, opts) if text != "" else [""]
        blank = all(c == "" for c in parsed)
        if blank:  # an empty line: a blank row of the table's width, not a missing-cell row
            parsed = [""] * width
        elif len(parsed) != width:
            quote = opts["quotechar"]
            unclosed = bool(quote) and text.count(quote) % 2 == 1
            issues.append(StructuralIssue(number, width, len(parsed), unclosed))
        cells.append(parsed[:width])
    return rows_to_chunk(cells, [n for n, _ in rows], width, issues)


def _merge(chunk: Chunk, rows: list[tuple[int, str]], width: int, opts: dict[str, Any]) -> Chunk:
    extra = _irregular_chunk(rows, width, opts)
    table = pa.Table.from_batches([chunk.data, extra.data])
    numbers = np.concatenate([chunk.rows, extra.rows])
    order = np.argsort(numbers, kind="stable")
    batch = table.take(pa.array(order)).combine_chunks().to_batches()[0]
    return Chunk(batch, numbers[order], extra.issues)
