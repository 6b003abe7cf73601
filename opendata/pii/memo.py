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
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pyarrow as pa

if TYPE_CHECKING:
    from .detectors import Detector

__all__ = ["cells", "scope"]

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
