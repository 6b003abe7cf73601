"""Helpers over the buffers of Arrow string arrays: lengths and fixed-width views without a copy.

Identifier columns (ID numbers, phones, cards) are mostly of one width; their bytes can then be
checked and rewritten as a numpy matrix, far faster than a kernel call per pattern.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from .bitmaps import null_mask


def contiguous(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One array for ``values`` (a chunked column is combined; an array is returned as it is)."""
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def offsets(values: pa.Array) -> np.ndarray:
    """The ``len + 1`` offsets of a string array into its data buffer."""
    return np.frombuffer(values.buffers()[1], dtype=np.int32)[values.offset:values.offset + len(values) + 1]


def byte_lengths(values: pa.Array) -> np.ndarray:
    """The UTF-8 byte length of every value (read off the offsets; nulls count as 0)."""
    values = contiguous(values)
    if values.type != pa.string():
        return np.asarray(pc.fill_null(pc.binary_length(values), 0).to_numpy(zero_copy_only=False))
    lengths = np.diff(offsets(values)) if len(values) else np.zeros(0, dtype=np.int32)
    if values.null_count:
        lengths = np.where(null_mask(values), 0, lengths)
    return lengths


def data_bytes(values: pa.Array) -> np.ndarray:
    """The bytes of a string array's values, the first value's first to the last value's last,
    as a uint8 view of its data buffer (no copy; empty when there are none)."""
    data = values.buffers()[2] if len(values) else None
    if data is None:
        return np.zeros(0, dtype=np.uint8)
    bounds = offsets(values)
    return np.frombuffer(data, dtype=np.uint8)[bounds[0]:bounds[-1]]


def char_matrix(values: pa.Array, width: int) -> np.ndarray:
    """An ``(n, width)`` uint8 matrix of the ASCII codes of fixed-width values.

    When every value is exactly ``width`` bytes, the Arrow data buffer already is that matrix and
    is viewed without copying; otherwise values go through numpy's fixed-width strings.
    """
    values = contiguous(values)
    if values.type == pa.string() and values.null_count == 0 and len(values):
        bounds = offsets(values)
        if bounds[-1] - bounds[0] == width * len(values) and np.all(np.diff(bounds) == width):
            return data_bytes(values).reshape(-1, width)
    fixed = np.asarray(values.to_numpy(zero_copy_only=False)).astype(f"S{width}")
    return fixed.view(np.uint8).reshape(-1, width)


def fixed_width(values: pa.Array) -> np.ndarray | None:
    """The values as an ``(n, width)`` byte matrix (a view, no copy) when there is at least one,
    none is null and all have the same non-zero byte length; ``None`` otherwise."""
    values = contiguous(values)
    if values.type != pa.string() or values.null_count or len(values) == 0:
        return None
    lengths = byte_lengths(values)
    width = int(lengths[0])
    if width == 0 or (lengths != width).any():
        return None
    return char_matrix(values, width)


def _text(values: pa.Array) -> pa.Array:
    values = contiguous(values)
    return values if values.type == pa.string() else pc.cast(values, pa.string())


def concatenated(values: pa.Array) -> pa.Array:
    """All of ``values`` as one string, the cells one after another with nothing between (for a
    string array: a view of its data buffer, no copy). One search of it finds everything a search
    of each value finds, and perhaps more: a match may run across two values."""
    values = _text(values)
    if len(values) == 0:
        return pa.array([""], pa.string())
    bounds = offsets(values)
    return pa.StringArray.from_buffers(1, pa.py_buffer(np.array([bounds[0], bounds[-1]], dtype=np.int32)),
                                       values.buffers()[2])


def filled(values: pa.Array, fill: str = "") -> pa.Array:
    """``pc.fill_null(values, fill)``, without its copy of a column that has no null (the usual)."""
    return values if values.null_count == 0 else pc.fill_null(values, fill)


def trimmed(values: pa.Array) -> pa.Array:
    """``pc.utf8_trim_whitespace(values)``, without its copy of a column none of whose values
    begins or ends with whitespace (the usual). A value is taken as untouched by the trim only if
    it begins with a printable ASCII character or a character at or above U+4000, and ends with
    one of those: every whitespace character (ASCII, U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000)
    lies outside. Anything else goes to the kernel. (The bytes are gathered at every value's ends,
    empty ones included, clipped to the buffer and then passed over: it runs on every column of
    every batch several times, where picking out the non-empty values first took twice as long.)"""
    values = contiguous(values)
    if values.type != pa.string() or len(values) == 0:
        return pc.utf8_trim_whitespace(values)
    bounds = offsets(values)
    data = data_bytes(values)
    if len(data) == 0:
        return values
    starts = bounds[:-1] - bounds[0]
    ends = bounds[1:] - bounds[0]
    lengths = ends - starts
    first = data.take(starts, mode="clip")
    ok = ((first >= 0x21) & (first <= 0x7E)) | (first >= 0xE4)
    last = data.take(ends - 1, mode="clip")
    ascii_end = (last >= 0x21) & (last <= 0x7E)
    lead3 = data.take(ends - 3, mode="clip")
    lead4 = data.take(ends - 4, mode="clip")
    wide_end = (last >= 0x80) & (last < 0xC0) & (
        ((lengths >= 3) & (lead3 >= 0xE4) & (lead3 <= 0xEF))
        | ((lengths >= 4) & (lead4 >= 0xF0)))
    if ((ok & (ascii_end | wide_end)) | (lengths == 0)).all():
        return values
    return pc.utf8_trim_whitespace(values)


def han_counts(values: pa.Array) -> np.ndarray:
    """How many Chinese characters (U+4E00–U+9FA5, as the patterns' ``[\\x{4e00}-\\x{9fa5}]``)
    each value holds: their lead bytes counted on the data buffer (in valid UTF-8 a byte
    0xE4–0xE9 always leads a three-byte character), not a regex per value."""
    values = contiguous(values)
    if values.type != pa.string() or values.null_count:
        return np.asarray(pc.fill_null(pc.count_substring_regex(values, "[\\x{4e00}-\\x{9fa5}]"), 0)
                          .to_numpy(zero_copy_only=False))
    out = np.zeros(len(values), dtype=np.int64)
    if len(values) == 0:
        return out
    bounds = offsets(values)
    data = data_bytes(values)
    # One flag per byte (and a last one, never set, where trailing empty values begin), summed
    # value by value: the leads 0xE5–0xE8 are all Chinese, 0xE4 and 0xE9 only in part.
    han = np.zeros(len(data) + 1, dtype=bool)
    np.logical_and(data >= 0xE5, data <= 0xE8, out=han[:-1])
    edge = np.flatnonzero((data == 0xE4) | (data == 0xE9))
    if len(edge):
        second = data[np.minimum(edge + 1, len(data) - 1)]
        third = data[np.minimum(edge + 2, len(data) - 1)]
        first = data[edge]
        han[edge] = (((first == 0xE4) & (second >= 0xB8))
                     | ((first == 0xE9) & ((second < 0xBE) | ((second == 0xBE) & (third <= 0xA5)))))
    elif not han.any():
        return out
    starts = bounds[:-1] - bounds[0]
    counts = np.add.reduceat(han, starts, dtype=np.int64)  # (an empty value gets its next byte's flag)
    counts[bounds[1:] == bounds[:-1]] = 0
    return counts


def first_bytes(values: pa.Array) -> np.ndarray | None:
    """The first byte of every value (0 for an empty or null one); ``None`` for other than a string array."""
    values = contiguous(values)
    if values.type != pa.string():
        return None
    out = np.zeros(len(values), dtype=np.uint8)
    if len(values) == 0:
        return out
    bounds = offsets(values).astype(np.int64)
    data = data_bytes(values)
    some = bounds[1:] > bounds[:-1]
    if values.null_count:
        some &= ~null_mask(values)
    out[some] = data[bounds[:-1][some] - bounds[0]]
    return out


def leading_bytes(values: pa.Array, width: int) -> np.ndarray | None:
    """The first ``width`` bytes of every value as an ``(n, width)`` uint8 matrix, 0 past a
    value's end (and for a null); ``None`` for other than a string array. A gather from the data
    buffer, no Python string per value, whatever the values' lengths; the matrix is stored column
    by column (a transposed view), as its readers take it."""
    values = contiguous(values)
    if values.type != pa.string():
        return None
    out = np.zeros((width, len(values)), dtype=np.uint8)
    data = data_bytes(values)
    if len(values) == 0 or len(data) == 0:
        return out.T
    bounds = offsets(values).astype(np.int64)
    lengths = np.diff(bounds)
    if values.null_count:
        lengths = np.where(null_mask(values), 0, lengths)
    starts = bounds[:-1] - bounds[0]
    last = len(data) - 1
    for j in range(width):
        np.multiply(data[np.minimum(starts + j, last)], lengths > j, out=out[j], casting="unsafe")
    return out.T


def holds_bytes(values: pa.Array, table: np.ndarray) -> np.ndarray:
    """Which values hold a byte marked in ``table`` (:func:`byte_table`; a null holds none): one
    flag per byte of the data buffer, summed value by value, not a regex per value."""
    values = contiguous(values)
    if values.type != pa.string():
        values = values.cast(pa.string())
    out = np.zeros(len(values), dtype=bool)
    data = data_bytes(values)
    if len(data) == 0:
        return out
    bounds = offsets(values)
    flags = np.zeros(len(data) + 1, dtype=np.uint8)  # (and a last one, never set, where trailing empty values begin)
    np.take(table, data, out=flags[:-1].view(bool))
    counts = np.add.reduceat(flags, bounds[:-1] - bounds[0], dtype=np.int64)  # (an empty value gets its next byte's)
    out = (counts > 0) & (bounds[1:] > bounds[:-1])
    if values.null_count:
        out &= ~null_mask(values)
    return out


def holds_chars(values: pa.Array, chars: str) -> bool:
    """Whether the text of ``values`` holds any of ``chars`` (a search of the data buffer for each
    one's UTF-8 bytes, which stand for that character only; a null's bytes may count)."""
    data = data_bytes(_text(contiguous(values)))
    for char in chars:
        code = np.frombuffer(char.encode("utf-8"), dtype=np.uint8)
        if len(data) < len(code):
            continue
        at = np.flatnonzero(data[:len(data) - len(code) + 1] == code[0])
        for k in range(1, len(code)):
            at = at[data[at + k] == code[k]]
        if len(at):
            return True
    return False


def is_ascii(values: pa.Array) -> bool:
    """Whether every byte of the values is ASCII (one pass over the data buffer)."""
    data = data_bytes(_text(values))
    return len(data) == 0 or int(data.max()) < 0x80


def bmp_chars(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The characters of a byte matrix whose rows are three-byte UTF-8 characters (Chinese text):
    ``(code points, ok)``, code points of shape ``(width // 3, rows)``, ``ok`` for the rows that
    are made of such characters only (the code points of other rows mean nothing). For valid
    UTF-8 a lead byte 0xE0-0xEF is followed by two continuation bytes, so the lead bytes decide."""
    n = matrix.shape[1] // 3
    ok = np.full(matrix.shape[0], matrix.shape[1] % 3 == 0)
    points = np.empty((n, matrix.shape[0]), dtype=np.int32)
    for k in range(n):
        lead = matrix[:, 3 * k].astype(np.int32)
        ok &= (lead & 0xF0) == 0xE0
        points[k] = ((lead & 0x0F) << 12) | ((matrix[:, 3 * k + 1].astype(np.int32) & 0x3F) << 6) \
            | (matrix[:, 3 * k + 2] & 0x3F)
    return points, ok


def char_table(chars: str) -> np.ndarray:
    """A lookup table over the Basic Multilingual Plane: True at each of ``chars``."""
    table = np.zeros(1 << 16, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


class DigitRun(NamedTuple):
    """A number written as one run of ASCII digits: ``length`` digits, the first in ``first``,
    the second in ``second`` (or ``length - 1`` digits and then a letter in ``last``)."""

    length: int
    first: bytes
    second: bytes
    last: bytes = b""


def byte_table(chars: str) -> np.ndarray:
    """A lookup table over bytes: True at each of the ASCII ``chars``."""
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(chars.encode("ascii"), dtype=np.uint8)] = True
    return table


_WORD = byte_table("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")  # RE2's ASCII \w, for \b


def digit_runs(values: pa.Array, run: DigitRun) -> tuple[np.ndarray, np.ndarray] | None:
    """Where ``run`` stands alone in the text of ``values``, a word boundary on each side (as
    RE2's ``\\b``, at a cell's edges too): the runs' byte positions from the start of the first
    value, and the row each is in. ``None`` for arrays with nulls.

    Runs of digits are found by their edges (two per run), not by every digit's position: the
    first digit after a non-digit, the first non-digit after a digit, and every cell start
    inside a run, which ends one run and begins the next."""
    values = contiguous(values)
    if values.type != pa.string() or values.null_count:
        return None
    none = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))
    bounds = offsets(values).astype(np.int64) if len(values) else np.zeros(1, dtype=np.int64)
    size = int(bounds[-1] - bounds[0])
    if size == 0:
        return none
    data = data_bytes(values)
    digit = (data - np.uint8(48)) < 10
    if not digit.any():
        return none
    cuts = bounds - bounds[0]  # where each cell begins, and the end of the data

    def cell_start(positions: np.ndarray) -> np.ndarray:
        return cuts[np.minimum(np.searchsorted(cuts, positions), len(cuts) - 1)] == positions

    edges = np.flatnonzero(digit[1:] != digit[:-1]) + 1
    inner = cuts[1:-1]
    inner = inner[(inner > 0) & (inner < size)]
    inner = inner[digit[inner] & digit[inner - 1]]
    if len(inner):
        edges = np.sort(np.concatenate([edges, inner, inner]))  # empty cells give empty runs
    if digit[0]:
        edges = np.concatenate([[0], edges])
    if digit[-1]:
        edges = np.concatenate([edges, [size]])
    heads = edges[0::2]
    lengths = edges[1::2] - heads
    starts = heads[lengths == run.length]
    if run.last:
        short = heads[lengths == run.length - 1]
        after = np.minimum(short + run.length - 1, size - 1)
        ended = ~cell_start(short + run.length - 1) & np.isin(data[after], np.frombuffer(run.last, dtype=np.uint8))
        starts = np.sort(np.concatenate([starts, short[ended]]))
    if len(starts):
        ends = starts + run.length
        alone = ((cell_start(starts) | ~_WORD[data[np.maximum(starts - 1, 0)]])
                 & (cell_start(ends) | ~_WORD[data[np.minimum(ends, size - 1)]]))
        starts = starts[alone & np.isin(data[starts], np.frombuffer(run.first, dtype=np.uint8))
                        & np.isin(data[starts + 1], np.frombuffer(run.second, dtype=np.uint8))]
    rows = np.searchsorted(cuts[1:], starts, side="right")
    return starts, rows
