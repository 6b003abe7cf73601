"""Which cells of a column a detector takes, remembered for the length of one batch step.

``redact`` checks a batch (validation and the PI scan) and treats it in the same step, on the same
thread: the scan asks which cells of a column are type T, and the treatment, which types each cell
holds, asks it again of the very same column. Inside :func:`scope` the second question gets the
first answer. An answer is keyed by the column's buffers (addresses, offset, length) and holds the
column, so that no other data can take those addresses while the answer stands; Arrow buffers never
change, so the same key is the same values. Outside a scope nothing is remembered.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator

import numpy as np
import pyarrow as pa

if TYPE_CHECKING:
    from .detectors import Detector

__all__ = ["cells", "digit_runs", "remembered", "same_values", "scope", "trimmed"]

_local = threading.local()


@contextmanager
def scope() -> Iterator[None]:
    """Remember detectors' answers on this thread until the block ends."""
    previous = getattr(_local, "answers", None)
    _local.answers = {}
    try:
        yield
    finally:
        _local.answers = previous


def _address(buffer: pa.Buffer | None) -> int:
    return 0 if buffer is None else buffer.address


def same_values(a: pa.Array, b: pa.Array) -> bool:
    """Whether ``a`` and ``b`` are the same values by being the same buffers (the same object, or
    a remembered answer's object for the same column): an answer that left its column as it was
    (:func:`~.normalize.fold` of a column with nothing to fold) is told from one that changed it
    without reading the values. (A cast makes a new object: compare before casting.)"""
    if a is b:
        return True
    return (isinstance(a, pa.Array) and isinstance(b, pa.Array) and a.type == b.type and len(a) == len(b)
            and a.offset == b.offset and [_address(x) for x in a.buffers()] == [_address(x) for x in b.buffers()])


def cells(detector: "Detector", values: pa.Array) -> np.ndarray:
    """``detector.cells(values)``, remembered within a :func:`scope` (a fresh array each time)."""
    answers = getattr(_local, "answers", None)
    if answers is None or not isinstance(values, pa.Array) or values.type != pa.string():
        return detector.cells(values)
    validity, offsets, data = values.buffers()
    key = (detector.type, _address(validity), _address(offsets), _address(data), values.offset, len(values))
    found = answers.get(key)
    if found is None:
        found = answers[key] = (values, detector.cells(values))
    return found[1].copy()


def remembered(kind: Any, values: pa.Array, compute: Callable[[pa.Array], Any]) -> Any:
    """``compute(values)``, remembered within a :func:`scope` under ``kind`` (hashable) — for
    answers nobody changes (an Arrow array, numpy arrays only read): the same object each time."""
    answers = getattr(_local, "answers", None)
    if answers is None or not isinstance(values, pa.Array) or values.type != pa.string():
        return compute(values)
    validity, offsets, data = values.buffers()
    key = (kind, _address(validity), _address(offsets), _address(data), values.offset, len(values))
    found = answers.get(key)
    if found is None:
        found = answers[key] = (values, compute(values))
    return found[1]


def trimmed(values: pa.Array) -> pa.Array:
    """:func:`opendata.strings.trimmed`, remembered: the scan, the treatment, the cell types and the
    last line each trim the same raw column of a batch (a tenth of a step's time, four times over)."""
    from ..strings import trimmed as trim

    return remembered("trimmed", values, trim)


def digit_runs(values: pa.Array, run: Any) -> Any:
    """:func:`opendata.strings.digit_runs`, remembered: the scan counts a text column's phone numbers
    by their runs of digits, and the fast mask masks the same runs of the same column."""
    from ..strings import digit_runs as runs

    return remembered(("digit_runs", run), values, lambda v: runs(v, run))

