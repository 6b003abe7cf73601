"""Where the passes over the data run: on this machine (``local``, the default) or on Apache Spark
(``spark``: :mod:`opendata.engines.spark`, installed with ``pip install 'opendata-zj[spark]'``).

Both give the same reports: the Spark engine runs the same per-batch functions on the same
batches and merges their results on the driver in the same order; only what crosses batches
(keys, k-anonymity counts) is computed differently, with Spark's own shuffles.
"""

from __future__ import annotations

import os
from typing import Any

from .. import config
from ..errors import InputError

ENGINES = ("local", "spark")


def engine_name(name: str | None = None) -> str:
    """The engine asked for: ``name``, else ``OPENDATA_ENGINE``, else ``[engine] name`` in
    ``opendata.toml``, else ``local``."""
    chosen = name or os.environ.get("OPENDATA_ENGINE") or config.get("engine", "name") or "local"
    if chosen not in ENGINES:
        raise InputError("engine.unknown", engine=chosen, known=", ".join(ENGINES))
    return chosen


def check(package: Any, *, engine: str | None = None, **kwargs: Any):
    """:func:`opendata.check.check` on ``engine`` (``package`` may be a Spark DataFrame for ``spark``)."""
    if engine_name(engine) == "spark":
        from . import spark

        return spark.check(package, **kwargs)
    from ..check import check as local_check

    return local_check(package, **kwargs)


def scan(package: Any, *, engine: str | None = None, **kwargs: Any):
    """:func:`opendata.pii.scan.scan` on ``engine``."""
    if engine_name(engine) == "spark":
        from . import spark

        return spark.scan(package, **kwargs)
    from ..pii.scan import scan as local_scan

    return local_scan(package, **kwargs)


def redact(package: Any, out_dir: Any, *, engine: str | None = None, **kwargs: Any):
    """:func:`opendata.redact.redact` on ``engine``."""
    if engine_name(engine) == "spark":
        from . import spark

        return spark.redact(package, out_dir, **kwargs)
    from ..redact import redact as local_redact

    return local_redact(package, out_dir, **kwargs)
