"""Parquet reader: row groups streamed as record batches, every column rendered as text.

Rendering typed columns as text lets one validator serve every format; the text is the canonical
form a Table Schema type reads back (ISO dates, ``true``/``false``, shortest round-trip floats).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import InputError
from .base import DEFAULT_BATCH_BYTES, Chunk, TableSource, arrow_to_text, column_names, merge_chunks

# Rows are decoded a few thousand at a time and merged into batches bounded in rows and in bytes:
# a file's own sizes cannot tell how wide a row becomes as text (dictionary-encoded columns).
BLOCK_ROWS = 4096


def open_parquet(path: Path) -> TableSource:
    """Open a Parquet file for streaming."""
    try:
        handle = pq.ParquetFile(str(path))
    except (pa.ArrowException, OSError) as exc:
        raise InputError("input.unreadable", path=str(path), reason=str(exc).splitlines()[0]) from exc
    header = list(handle.schema_arrow.names)
    names = column_names(len(header))

    def blocks(batch_rows: int) -> Iterator[Chunk]:
        start = 2
        for batch in handle.iter_batches(batch_size=min(batch_rows, BLOCK_ROWS)):
            arrays = [arrow_to_text(batch.column(i)) for i in range(batch.num_columns)]
            numbers = np.arange(start, start + batch.num_rows, dtype=np.int64)
            start += batch.num_rows
            yield Chunk(pa.RecordBatch.from_arrays(arrays, names=names), numbers)

    def chunks(batch_rows: int) -> Iterator[Chunk]:
        return merge_chunks(blocks(batch_rows), batch_rows, DEFAULT_BATCH_BYTES)

    return TableSource(str(path), "parquet", header, None, chunks)
