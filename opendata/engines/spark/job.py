"""What runs on the executors: one part of a resource read by opendata's own reader and put
through the same per-chunk steps as on one machine (``mapInArrow``).

Every output row is one of:

- a chunk summary (``kind`` 0): the pickled results of the per-chunk steps (validation errors —
  masked cells only —, counts, PI scan counts, sensitive-term hits, formula counts, rows whose
  primary key is empty) — one per chunk, all the driver receives from the data;
- a key row (``kind`` 1–4): the 128-bit hash of a unique field, primary key, foreign key or a key
  another resource refers to, with the row's position, for Spark's shuffles;
- a quasi-identifier row (``kind`` 5): the row's quasi-identifier values, for the k-anonymity counts.

Positions are ``part << 40 | row``: the part's index and the row number within the part (header
= 1). Their order is the order of the rows in the table; the driver turns them into row numbers
of the whole table once it knows how many rows each part has.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa

from ...errors import InputError, OpendataError
from ...formulas import formula_counts
from ...pii.scan import scan_batch
from ...policy.sensitive import cell_hits
from ...readers import open_table
from ...readers.base import Chunk, arrow_to_text, column_names
from ...schema import Schema
from ...validate.keys import all_null, key_hashes
from ...validate.table import check_chunk

SUMMARY, UNIQUE, PRIMARY, FOREIGN, REFERENCE, QUASI = range(6)
PART_SHIFT = 40
_SIGN = np.uint64(1 << 63)

OUTPUT = pa.schema([("kind", pa.int8()), ("key", pa.int16()), ("pos", pa.int64()), ("h1", pa.int64()),
                    ("h2", pa.int64()), ("texts", pa.list_(pa.string())), ("payload", pa.binary())])
#: The same, as Spark reads it.
OUTPUT_DDL = "kind tinyint, key smallint, pos bigint, h1 bigint, h2 bigint, texts array<string>, payload binary"


def ordered(h: np.ndarray) -> np.ndarray:
    """A uint64 hash as int64 whose signed order is the unsigned order (Spark compares signed)."""
    return (h ^ _SIGN).view(np.int64)


@dataclass
class PartJob:
    """One resource's per-part work; called by ``mapInArrow`` (picklable, holds no data)."""

    schema: Schema
    parts: list[str]  # file paths, or empty for a DataFrame (then a part is a Spark partition)
    open_args: dict[str, Any] = field(default_factory=dict)
    limit: int = 1000
    validate: bool = True
    scan: bool = True
    terms: tuple[str, ...] = ()
    text_fields: list[str] = field(default_factory=list)
    uniques: list[str] = field(default_factory=list)
    primary: bool = False  # hash the primary key (not when it is one unique field: found as unique)
    foreign: list[tuple[str, ...]] = field(default_factory=list)
    references: list[tuple[str, ...]] = field(default_factory=list)
    quasi: tuple[str, ...] = ()
    #: the first part's header, which every part must have
    header: list[str] | None = None
    #: ``parts`` are URIs whose bytes come with the part number (:mod:`.remote`)
    remote: bool = False

    # -- reading ---------------------------------------------------------------------------------
    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        if self.parts:
            for batch in batches:
                contents = batch.column(1) if self.remote else None
                for k, part in enumerate(batch.column(0).to_pylist()):
                    try:
                        chunks = (self.remote_chunks(int(part), contents[k].as_py()) if contents is not None
                                  else self.file_chunks(int(part)))
                        yield from self.run_part(int(part), chunks)
                    except OpendataError as exc:
                        # Said to the driver, which raises it as one machine would (by name, no traceback).
                        yield failure(int(part), exc)
        else:
            from pyspark import TaskContext

            yield from self.run_part(TaskContext.get().partitionId(), self.frame_chunks(batches))

    def file_chunks(self, part: int) -> Iterator[Chunk]:
        source = open_table(Path(self.parts[part]), **self.open_args)
        if self.header is not None and source.header != self.header:
            raise InputError("input.part_header", path=self.parts[part], first=self.parts[0])
        return source.chunks()

    def remote_chunks(self, part: int, content: bytes) -> Iterator[Chunk]:
        """A part given as its bytes (read by Spark from any filesystem it knows)."""
        from .remote import open_remote

        stream = open_remote(self.parts[part], content, self.open_args)
        source = next(stream)
        if self.header is not None and source.header != self.header:
            stream.close()
            raise InputError("input.part_header", path=self.parts[part], first=self.parts[0])
        return stream

    @staticmethod
    def frame_chunks(batches: Iterator[pa.RecordBatch]) -> Iterator[Chunk]:
        """A DataFrame partition's Arrow batches as raw text chunks (as :func:`~opendata.readers.base.open_arrow`)."""
        start = 2
        for batch in batches:
            arrays = [arrow_to_text(batch.column(i)) for i in range(batch.num_columns)]
            yield Chunk(pa.RecordBatch.from_arrays(arrays, names=column_names(batch.num_columns)),
                        np.arange(start, start + batch.num_rows, dtype=np.int64))
            start += batch.num_rows

    # -- the steps -------------------------------------------------------------------------------
    def run_part(self, part: int, chunks: Iterator[Chunk]) -> Iterator[pa.RecordBatch]:
        for seq, chunk in enumerate(chunks):
            yield from self.run_chunk(part, seq, chunk)

    def named(self, chunk: Chunk) -> pa.RecordBatch:
        names = self.schema.field_names
        width = min(chunk.data.num_columns, len(names))
        return pa.RecordBatch.from_arrays([chunk.data.column(i) for i in range(width)], names=names[:width])

    def run_chunk(self, part: int, seq: int, chunk: Chunk) -> Iterator[pa.RecordBatch]:
        batch = self.named(chunk)
        pos = (np.int64(part) << np.int64(PART_SHIFT)) | chunk.rows.astype(np.int64)
        summary: dict[str, Any] = {"rows": chunk.num_rows,
                                   "last": int(chunk.rows[-1]) if chunk.num_rows else None}
        if self.validate:
            result = check_chunk(chunk, self.schema, self.limit)
            summary.update(errors=result.errors, counts=result.counts)
            typed = result.typed
            yield from self.keys(typed, pos, summary)
        if self.scan:
            summary["scan"] = scan_batch(batch)
            summary["cells"] = cell_hits(batch, chunk.rows, self.text_fields, self.terms)
            summary["formulas"] = formula_counts(batch)
        if self.quasi and all(n in batch.schema.names for n in self.quasi):
            yield quasi_rows(batch, self.quasi, pos)
        yield _rows(SUMMARY, 0, np.array([(part << PART_SHIFT) | seq], dtype=np.int64),
                    payload=[pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)],
                    h1=np.array([summary["last"] if summary["last"] is not None else -1], dtype=np.int64))

    def keys(self, typed: dict[str, pa.Array], pos: np.ndarray, summary: dict[str, Any]) -> Iterator[pa.RecordBatch]:
        """The key rows of one chunk, and (into ``summary``) the rows whose primary key is empty."""
        schema = self.schema
        for number, name in enumerate(self.uniques):
            if name in typed:
                h1, h2, complete = key_hashes([typed[name]])
                yield _rows(UNIQUE, number, pos[complete], h1[complete], h2[complete])
        pk = schema.primary_key
        if pk and all(k in typed for k in pk):
            key = [typed[k] for k in pk]
            no_key = all_null(key)
            rows = pos[no_key] & ((1 << PART_SHIFT) - 1)
            summary["pk_null"], summary["pk_null_n"] = rows[:self.limit].tolist(), len(rows)
            if self.primary:
                h1, h2, _ = key_hashes(key)
                yield _rows(PRIMARY, 0, pos[~no_key], h1[~no_key], h2[~no_key])
        summary["fk"] = []
        for number, fields in enumerate(self.foreign):
            if all(k in typed for k in fields):
                summary["fk"].append(number)
                columns = [typed[k] for k in fields]
                h1, h2, _ = key_hashes(columns)
                keyed = ~all_null(columns)
                yield _rows(FOREIGN, number, pos[keyed], h1[keyed], h2[keyed])
        for number, fields in enumerate(self.references):
            if all(k in typed for k in fields):
                columns = [typed[k] for k in fields]
                h1, h2, _ = key_hashes(columns)
                keep = ~all_null(columns)
                yield _rows(REFERENCE, number, pos[keep], h1[keep], h2[keep])


#: the last position of a part: a failure sorts after the part's chunks, before the next part's
_LAST = (1 << PART_SHIFT) - 1


def failure(part: int, exc: OpendataError) -> pa.RecordBatch:
    """A summary row that carries an error of opendata's (class, message key and parameters)."""
    payload = pickle.dumps({"error": (type(exc), exc.key, exc.params)}, protocol=pickle.HIGHEST_PROTOCOL)
    return _rows(SUMMARY, 0, np.array([(part << PART_SHIFT) | _LAST], dtype=np.int64), payload=[payload],
                 h1=np.array([-1], dtype=np.int64))


def raise_failure(summary: dict[str, Any]) -> None:
    """Raise the error a task reported, if this summary is one."""
    if "error" in summary:
        cls, key, params = summary["error"]
        raise cls(key, **params)


def quasi_rows(batch: pa.RecordBatch, fields: tuple[str, ...], pos: np.ndarray) -> pa.RecordBatch:
    """One row per data row: its quasi-identifier values as a list."""
    n, q = batch.num_rows, len(fields)
    values = pa.concat_arrays([batch.column(batch.schema.get_field_index(f)).cast(pa.string()) for f in fields])
    order = (np.arange(n)[:, None] + np.arange(q)[None, :] * n).ravel()
    texts = pa.ListArray.from_arrays(pa.array(np.arange(0, (n + 1) * q, q, dtype=np.int32)), values.take(order))
    return _rows(QUASI, 0, pos, texts=texts)


def _rows(kind: int, key: int, pos: np.ndarray, h1: np.ndarray | None = None, h2: np.ndarray | None = None,
          texts: pa.Array | None = None, payload: list[bytes] | None = None) -> pa.RecordBatch:
    n = len(pos)

    def hashes(h):
        if h is None:
            return pa.nulls(n, pa.int64())
        return pa.array(h if h.dtype == np.int64 else ordered(h), pa.int64())

    return pa.RecordBatch.from_arrays([
        pa.array(np.full(n, kind, dtype=np.int8)), pa.array(np.full(n, key, dtype=np.int16)),
        pa.array(pos, pa.int64()), hashes(h1), hashes(h2),
        texts if texts is not None else pa.nulls(n, pa.list_(pa.string())),
        pa.array(payload, pa.binary()) if payload is not None else pa.nulls(n, pa.binary()),
    ], schema=OUTPUT)
