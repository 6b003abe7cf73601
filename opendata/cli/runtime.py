"""Process-wide tuning the CLI does for itself (the library leaves these choices to its caller)."""

from __future__ import annotations

import ctypes
import os
import platform

#: jemalloc keeps freed pages this long for reuse (Arrow's default, 0, returns them at once).
JEMALLOC_DECAY_MS = 5000
# glibc mallopt parameters (numpy's temporaries): serve blocks up to 64 MiB from the heap and keep
# up to 256 MiB free at its top, instead of mapping and unmapping each batch-sized array.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def tune_allocators() -> None:
    """Allocators for a process that streams batches: Arrow's buffers from jemalloc, unless
    ARROW_DEFAULT_MEMORY_POOL chooses, and freed memory kept for the next batch.

    Every batch allocates and frees tens of MB. pyarrow's default pool on Linux, mimalloc, hands
    that memory back to the system and takes it again, batch after batch: about twice the system
    time and 0.4 s more per million rows redacted (median of six runs, benchmarks/RESULTS.md).
    jemalloc as Arrow configures it, and glibc for numpy's arrays, do the same on a smaller scale:
    keeping freed pages cut page faults by 40% and redaction time by ~6% (benchmarks/RESULTS.md).
    Only verbs that read data call this: importing pyarrow costs a third of a second.
    """
    import pyarrow as pa

    if not os.environ.get("ARROW_DEFAULT_MEMORY_POOL"):
        try:
            pa.set_memory_pool(pa.jemalloc_memory_pool())
        except NotImplementedError:  # a pyarrow built without jemalloc
            pass
    if pa.default_memory_pool().backend_name == "jemalloc":
        pa.jemalloc_set_decay_ms(JEMALLOC_DECAY_MS)
    if platform.libc_ver()[0] == "glibc":
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_MMAP_THRESHOLD, 64 << 20)
        libc.mallopt(_M_TRIM_THRESHOLD, 256 << 20)


class _NoPandas:
    """A meta-path entry that makes ``import pandas`` fail while it is installed."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed here")
        return None


def spare_pyarrow_the_pandas_import() -> None:
    """Tell pyarrow, once, that it need not import pandas.

    pyarrow imports pandas (0.4–0.5 s, more than everything else a 1-row check loads) the first
    time a compute function gets a Python scalar, only to ask whether that scalar is a pandas
    object. Its answer is cached for the process, so asking it once while ``import pandas`` fails
    settles it. Only the ``opendata`` command does this, for its own process: it passes pyarrow no
    pandas objects and never converts to pandas (the library's ``Resource.to_pandas`` is for
    programs, which keep pyarrow's default). opendata's own ``import pandas`` (key hashing) still
    works afterwards.
    """
    import sys

    import pyarrow as pa
    import pyarrow.compute as pc

    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        if "pandas" not in sys.modules:
            pc.equal(pa.array([""]), "")
    finally:
        sys.meta_path.remove(blocker)
