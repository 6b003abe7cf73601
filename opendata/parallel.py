"""Run a pure per-batch function over a stream of batches on a few threads, in order.

pyarrow's compute kernels and numpy release the GIL, so per-batch steps scale across cores. At most
``workers + 1`` batches are in flight, so memory stays bounded whatever the stream's length; results
come back in input order. ``OPENDATA_THREADS`` sets the worker count (default: the CPU count, up to 4).
"""

from __future__ import annotations

import os
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    configured = os.environ.get("OPENDATA_THREADS")
    if configured:
        return max(1, int(configured))
    return max(1, min(4, os.cpu_count() or 1))


def ordered_map(function: Callable[[T], R], items: Iterable[T], threads: int | None = None) -> Iterator[R]:
    """``map(function, items)`` on ``threads`` threads with bounded look-ahead, results in order."""
    threads = threads or workers()
    if threads == 1:
        yield from map(function, items)
        return
    pending: deque[Future[R]] = deque()
    with ThreadPoolExecutor(max_workers=threads, thread_name_prefix="opendata") as pool:
        try:
            for item in items:
                pending.append(pool.submit(function, item))
                if len(pending) > threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
