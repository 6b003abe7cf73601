"""Uniqueness (unique fields, primary keys) and foreign keys in bounded memory.

Each row's key is reduced to a 128-bit hash of its typed values (two independently keyed 64-bit
SipHashes from pandas), so equal values compare equal whatever their text (``1`` and ``01`` as
integers). Hashes are spilled to disk in buckets by their top bits as batches stream by; at the
end each bucket is sorted on its own, so memory is bounded by one bucket, not by the table.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import null_mask

_KEY_A = "opendata-key-a01"  # hash keys must be 16 bytes
_KEY_B = "opendata-key-b02"
_RECORD = np.dtype([("h1", "<u8"), ("h2", "<u8"), ("row", "<i8")])
BUCKET_BITS = 6
_NULL = "\x00<null>"


def key_hashes(columns: Sequence[pa.Array]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """128-bit hashes (as two uint64 arrays) of the rows of ``columns``, and which rows have no null."""
    from pandas.util import hash_array  # pandas only when a table has keys to compare

    h1 = np.zeros(len(columns[0]), dtype=np.uint64)
    h2 = np.zeros(len(columns[0]), dtype=np.uint64)
    complete = np.ones(len(columns[0]), dtype=bool)
    for column in columns:
        complete &= ~null_mask(column)
        # Canonical text of the typed value: equal values hash equal whatever they looked like. A
        # null hashes as a token no text cell has, so partly-null keys compare (as Frictionless).
        text = pc.fill_null(pc.cast(column, pa.string()), _NULL).to_numpy(zero_copy_only=False)
        with np.errstate(over="ignore"):
            h1 = h1 * np.uint64(1_000_003) ^ hash_array(text, hash_key=_KEY_A, categorize=False)
            h2 = h2 * np.uint64(1_000_033) ^ hash_array(text, hash_key=_KEY_B, categorize=False)
    return h1, h2, complete


def all_null(columns: Sequence[pa.Array]) -> np.ndarray:
    """Which rows have a null in every one of ``columns``."""
    return np.logical_and.reduce([null_mask(c) for c in columns])


class DuplicateFinder:
    """Collects key hashes batch by batch; :meth:`duplicates` yields ``(row, first_row)`` pairs."""

    def __init__(self, spill_dir: Path | None = None) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="opendata-keys-", dir=spill_dir)
        self._dir = Path(self._tmp.name)
        self._files = [open(self._dir / f"{i:02d}.bin", "wb") for i in range(1 << BUCKET_BITS)]

    def add(self, columns: Sequence[pa.Array], rows: np.ndarray, keep: np.ndarray | None = None) -> None:
        """Record the keys of one batch: the rows in ``keep``, by default those with no null in the key."""
        h1, h2, complete = key_hashes(columns)
        if keep is not None:
            complete = keep
        records = np.empty(int(complete.sum()), dtype=_RECORD)
        records["h1"], records["h2"], records["row"] = h1[complete], h2[complete], rows[complete]
        bucket = (records["h1"] >> np.uint64(64 - BUCKET_BITS)).astype(np.int64)
        order = np.argsort(bucket, kind="stable")
        records, bucket = records[order], bucket[order]
        bounds = np.searchsorted(bucket, np.arange((1 << BUCKET_BITS) + 1))
        for i in range(1 << BUCKET_BITS):
            if bounds[i] < bounds[i + 1]:
                self._files[i].write(records[bounds[i]:bounds[i + 1]].tobytes())

    def duplicates(self) -> Iterator[tuple[int, int]]:
        """Every row whose key repeats an earlier row's, with that earlier row, in no set order."""
        for handle in self._files:
            handle.close()
        try:
            for i in range(1 << BUCKET_BITS):
                records = np.fromfile(self._dir / f"{i:02d}.bin", dtype=_RECORD)
                if len(records) < 2:
                    continue
                records = records[np.lexsort((records["row"], records["h2"], records["h1"]))]
                same = (records["h1"][1:] == records["h1"][:-1]) & (records["h2"][1:] == records["h2"][:-1])
                if not same.any():
                    continue
                # The first row of each run of equal keys is the original; the rest repeat it.
                starts = np.flatnonzero(np.concatenate([[True], ~same]))
                first_of = np.repeat(records["row"][starts], np.diff(np.append(starts, len(records))))
                for j in np.flatnonzero(same) + 1:
                    yield int(records["row"][j]), int(first_of[j])
        finally:
            self._tmp.cleanup()

    def close(self) -> None:
        for handle in self._files:
            handle.close()
        self._tmp.cleanup()


class ReferenceSet:
    """The set of keys of a referenced resource, for foreign-key checks."""

    def __init__(self) -> None:
        self._parts: list[np.ndarray] = []
        self._sorted: np.ndarray | None = None

    def add(self, columns: Sequence[pa.Array]) -> None:
        h1, h2, _ = key_hashes(columns)
        keep = ~all_null(columns)  # a partly-null key is a key (as in Frictionless)
        pair = np.empty(int(keep.sum()), dtype=[("h1", "<u8"), ("h2", "<u8")])
        pair["h1"], pair["h2"] = h1[keep], h2[keep]
        self._parts.append(pair)
        self._sorted = None

    def contains(self, columns: Sequence[pa.Array]) -> tuple[np.ndarray, np.ndarray]:
        """For each row: whether its key is in the set, and whether it has a key at all (a key whose
        cells are all null refers to nothing and is not checked, as in Frictionless)."""
        if self._sorted is None:
            merged = np.concatenate(self._parts) if self._parts else np.empty(0, dtype=[("h1", "<u8"), ("h2", "<u8")])
            self._sorted = np.unique(merged)
        h1, h2, _ = key_hashes(columns)
        probe = np.empty(len(h1), dtype=self._sorted.dtype)
        probe["h1"], probe["h2"] = h1, h2
        pos = np.searchsorted(self._sorted, probe)
        pos = np.minimum(pos, max(len(self._sorted) - 1, 0))
        found = (self._sorted[pos] == probe) if len(self._sorted) else np.zeros(len(h1), dtype=bool)
        return np.asarray(found, dtype=bool), ~all_null(columns)
