"""opendata on Apache Spark: ``check``, ``scan`` and ``redact`` with the same answers as on one machine.

    from opendata.engines import spark as ods
    report = ods.check(od.load("big-package"))           # resources: files or directories of parts
    report = ods.check(ods.from_spark(df, "register"))   # or a Spark DataFrame / table

How it distributes: each part file of a resource is read by one Spark task with opendata's own
reader, and every chunk goes through the same pure per-chunk functions as on one machine
(validation, PI scan, treatment) inside ``mapInArrow``. The driver merges the per-chunk counts in
table order; repeated keys, dangling foreign keys and k-anonymity counts are Spark shuffles and
aggregations. Parallelism is the number of parts: a big single file is one task (write it as
parts, or give a DataFrame). The session comes from :mod:`.session`.
"""

from __future__ import annotations

from typing import Any

from ...errors import DescriptorError, InputError
from ...package import Package, Resource
from ...validate import DEFAULT_LIMIT
from .remote import from_uri
from .session import session

__all__ = ["check", "scan", "redact", "from_spark", "from_uri", "SparkEngine", "session"]


class SparkEngine:
    """The engine object :func:`opendata.check.check` takes: its passes run on Spark."""

    def __init__(self, spark: Any = None) -> None:
        self.spark = spark or session()
        self.run: Any = None

    def analyze(self, package: Package, *, limit: int = DEFAULT_LIMIT, terms: tuple[str, ...] = (),
                rules: Any = None, also: Any = None):
        """:func:`opendata.check.analyze` on Spark. ``also`` (redact's speculative output, written
        during the check on one machine) is not run: the Spark redaction treats in its own pass."""
        from .analyze import SparkRun

        self.close()
        self.run = SparkRun(self.spark, package, limit=limit, terms=terms)
        return self.run.analyze(rules)

    def treat_resource(self, resource: Resource, plans: Any, key: Any, policy: Any, report: Any, path: Any):
        """:func:`opendata.redact._treat_resource` on Spark (see :mod:`.treat`)."""
        from .treat import treat_resource

        return treat_resource(self.spark, resource, plans, key, policy, report, path)

    def describe_output(self, staging: Any, descriptor: dict, outputs: dict) -> None:
        """The redaction's Parquet parts written and every part listed in ``descriptor`` (see :mod:`.output`)."""
        from .output import describe

        describe(self.spark, staging, descriptor, outputs)

    def k_anonymity(self, resource: Resource, k: int):
        return self.run.rare(resource, k)

    def close(self) -> None:
        if self.run is not None:
            self.run.close()
            self.run = None


def _package(data: Any) -> Package:
    if isinstance(data, Package):
        return data
    if type(data).__name__ == "DataFrame" and hasattr(data, "mapInArrow"):
        return from_spark(data, "data")
    raise InputError("engine.spark_input", kind=type(data).__name__)


def check(package: Any, *, policy: Any = None, limit: int = DEFAULT_LIMIT, spark: Any = None):
    """:func:`opendata.check.check` with the passes over the data on Spark."""
    from ...check import check as local_check

    engine = SparkEngine(spark)
    try:
        return local_check(_package(package), policy=policy, limit=limit, engine=engine)
    finally:
        engine.close()


def scan(package: Any, *, sample_rows: int | None = None, rules: Any = None, spark: Any = None):
    """:func:`opendata.pii.scan.scan` on Spark (every row: there is no first-rows sample)."""
    from .analyze import SparkRun

    if sample_rows is not None:
        raise InputError("engine.spark_sample")
    run = SparkRun(spark or session(), _package(package), validate=False)
    try:
        return run.scan_only(rules)
    finally:
        run.close()


def redact(package: Any, out_dir: Any, *, spark: Any = None, **kwargs: Any):
    """:func:`opendata.redact.redact` on Spark: the published form as CSV and Parquet parts, the
    CSV parts together (headers aside) byte for byte one machine's CSV (see :mod:`.treat`, :mod:`.output`)."""
    from ...redact import redact as local_redact

    engine = SparkEngine(spark)
    try:
        return local_redact(_package(package), out_dir, engine=engine, **kwargs)
    finally:
        engine.close()


class Frame:
    """A Spark DataFrame as a resource's data. The Spark engine reads it on the executors;
    :meth:`open` streams it to this process a partition at a time, numbered as the engine numbers
    it, for what reads a resource here (the first rows a finding shows as masked samples)."""

    def __init__(self, df: Any) -> None:
        self.df = df

    def open(self, label: str) -> Any:
        import numpy as np
        import pyarrow as pa

        from ...readers.base import Chunk, TableSource, arrow_to_text, column_names
        from pyspark.sql.pandas.types import to_arrow_schema

        header = list(self.df.columns)
        schema = to_arrow_schema(self.df.schema)

        def chunks(batch_rows: int):
            start, rows = 2, []

            def chunk(rows):
                table = pa.Table.from_pylist([r.asDict() for r in rows], schema=schema)
                arrays = [arrow_to_text(c.combine_chunks()) for c in table.columns]
                return Chunk(pa.RecordBatch.from_arrays(arrays, names=column_names(len(header))),
                             np.arange(start, start + len(rows), dtype=np.int64))

            for row in self.df.toLocalIterator():
                rows.append(row)
                if len(rows) >= batch_rows:
                    yield chunk(rows)
                    start, rows = start + len(rows), []
            if rows:
                yield chunk(rows)

        return TableSource(label, "memory", header, None, chunks)


def from_spark(df: Any, name: str, *, title: str | None = None, schema: dict[str, Any] | None = None,
               **properties: Any) -> Package:
    """A one-resource package over a Spark DataFrame (a Hive table: ``spark.table("db.t")``).

    The schema is inferred from the DataFrame's types unless given. Rows are numbered in the
    DataFrame's order (partition by partition), header = row 1, as :func:`opendata.from_pandas`
    numbers a pandas DataFrame: give a DataFrame with a defined order (``orderBy``) for row
    numbers that mean something.
    """
    from pyspark.sql.pandas.types import to_arrow_schema

    from ...package import NAME_PATTERN, _dtype_type
    from ...schema import Schema

    if not NAME_PATTERN.match(name):
        raise DescriptorError("descriptor.bad_name", path="<DataFrame>", name=name)
    inferred = schema is None
    if schema is None:
        arrow = to_arrow_schema(df.schema)
        schema = {"fields": [{"name": f.name, "type": _dtype_type(f.type)} for f in arrow]}
    parsed = Schema.from_descriptor(schema, path="<DataFrame>", resource=name)
    resource = Resource(name, parsed, {"name": name, "path": f"{name}.csv"}, frame=Frame(df),
                        schema_inferred=inferred)
    descriptor = {"name": name, "title": title or name, **properties, "resources": [resource.descriptor]}
    return Package(descriptor, [resource], None, "<DataFrame>")
