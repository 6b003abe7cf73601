"""Progress of long reads, for whoever shows it (the CLI's bar on a terminal).

Readers stream chunks; :func:`counted` wraps that stream and tells the current sink how many rows
and bytes of text have gone by. Without a sink (the library's default) it costs one lookup per
chunk. A context variable, so threads and nested calls see their own sink.
"""

from __future__ import annotations

import contextlib
import contextvars
from typing import Callable, Iterator, TypeVar

Sink = Callable[[int, int], None]
_sink: contextvars.ContextVar[Sink | None] = contextvars.ContextVar("opendata_progress", default=None)
_T = TypeVar("_T")


@contextlib.contextmanager
def reporting(sink: Sink) -> Iterator[None]:
    """Send ``sink(rows, bytes)`` (running totals since the block began) while the block runs."""
    totals = [0, 0]

    def add(rows: int, nbytes: int) -> None:
        totals[0] += rows
        totals[1] += nbytes
        sink(totals[0], totals[1])

    token = _sink.set(add)
    try:
        yield
    finally:
        _sink.reset(token)


def counted(chunks: Iterator[_T]) -> Iterator[_T]:
    """``chunks`` unchanged, each one reported (``num_rows`` and ``data.nbytes``) to the sink."""
    for chunk in chunks:
        sink = _sink.get()
        if sink is not None:
            sink(chunk.num_rows, chunk.data.nbytes)  # type: ignore[attr-defined]
        yield chunk
