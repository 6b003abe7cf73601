"""Tables on any filesystem Spark reads (``hdfs://``, ``s3a://``, ``abfss://``, ``file://`` …).

    package = ods.from_uri("hdfs://nn/warehouse/hotline/", "hotline", schema=schema)
    report = ods.check(package)

Spark lists the parts (its ``binaryFile`` source, with the cluster's own Hadoop filesystem settings
and credentials) and reads each part's bytes on an executor; the task writes them to a private
temporary file and reads it with opendata's own reader, so a part gets exactly the chunks, row
numbers and answers a file on a local disk gets. Parts are ordered by path (hidden and ``_``
files are skipped, as Spark itself skips them). A part is read whole into the executor's memory
(Spark's ``binaryFile`` limit is 2 GiB per file): write parts of a few hundred MiB at most.

On the driver, what reads the table itself (the header, the first rows a finding shows as masked
samples) pulls one part at a time through Spark, and only as far as it reads.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from ...errors import DescriptorError, InputError, OpendataError
from ...readers import FORMATS, format_of, open_table
from ...readers.base import TableSource


def _suffix(uri: str) -> str:
    return PurePosixPath(uri.split("?", 1)[0]).suffix.lower()


@contextmanager
def local_copy(uri: str, content: bytes) -> Iterator[Path]:
    """``content`` in a private temporary file named like ``uri`` (the readers go by suffix)."""
    handle, name = tempfile.mkstemp(prefix="opendata-part-", suffix=_suffix(uri))
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        yield Path(name)
    finally:
        os.unlink(name)


def renamed(exc: OpendataError, local: Path, uri: str) -> OpendataError:
    """``exc`` naming ``uri`` where it named the temporary copy."""
    params = {k: (v.replace(str(local), uri) if isinstance(v, str) else v) for k, v in exc.params.items()}
    return type(exc)(exc.key, **params)


def open_remote(uri: str, content: bytes, open_args: dict[str, Any]) -> Iterator[Any]:
    """The chunks of one part given as bytes (a generator: the copy lives while it is read)."""
    with local_copy(uri, content) as local:
        try:
            source = open_table(local, **open_args)
            yield source
            yield from source.chunks()
        except OpendataError as exc:
            raise renamed(exc, local, uri) from None


class RemoteParts:
    """A resource's parts as Spark lists them; ``open`` streams them through Spark on the driver."""

    remote = True

    def __init__(self, spark: Any, uri: str, parts: list[str], open_args: dict[str, Any]) -> None:
        self.spark, self.uri, self.parts, self.open_args = spark, uri, parts, open_args

    def source(self, parts: list[int] | None = None) -> Any:
        """The DataFrame a job runs over: one row per part, ``(part number, bytes)``."""
        from pyspark.sql import functions as F

        wanted = list(range(len(self.parts))) if parts is None else parts
        paths = [self.parts[i] for i in wanted]
        number = F.create_map(*[F.lit(x) for i in wanted for x in (self.parts[i], i)])
        frame = self.spark.read.format("binaryFile").load(paths)
        return frame.select(number[F.col("path")].cast("long").alias("part"), "content")

    def _content(self, i: int) -> bytes:
        rows = self.source([i]).collect()
        if not rows:
            raise InputError("input.not_found", path=self.parts[i])
        return bytes(rows[0].content)

    def _open_part(self, i: int) -> TableSource:
        stream = open_remote(self.parts[i], self._content(i), self.open_args)
        first: TableSource = next(stream)

        def chunks(batch_rows: int):
            yield from stream

        return TableSource(self.parts[i], first.format, first.header, first.encoding, chunks,
                           has_header=first.has_header, notes=first.notes, header_case=first.header_case)

    def open(self, label: str) -> TableSource:
        from ...readers.parts import open_parts

        index = {p: i for i, p in enumerate(self.parts)}
        return open_parts(Path(self.uri), self.parts, lambda p: self._open_part(index[p]))  # type: ignore[arg-type]


def list_parts(spark: Any, uri: str, fmt: str | None) -> list[str]:
    """The table files at ``uri`` (a file or a directory, searched recursively) in path order."""
    try:
        listed = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(uri)
                  .select("path").collect())
    except Exception as exc:  # noqa: BLE001 - Spark's AnalysisException: the path does not exist
        raise InputError("input.not_found", path=uri) from exc
    wanted = format_of(Path(f"x.{fmt}"), fmt) if fmt else None
    suffixes = tuple(s for s, f in FORMATS.items() if wanted in (None, f))
    parts = sorted(r.path for r in listed if _suffix(r.path) in suffixes
                   and not any(s.startswith((".", "_")) for s in PurePosixPath(r.path).parts[1:]))
    if not parts:
        raise InputError("input.no_parts", path=uri)
    return parts


def uri_name(uri: str) -> str:
    """A package name for the table at ``uri``: its last path segment, as a bare file's."""
    from ...naming import bare_name

    return bare_name(Path(PurePosixPath(uri.split("?", 1)[0].rstrip("/")).name or "table"))


def from_uri(uri: str, name: str, *, schema: dict[str, Any] | None = None, format: str | None = None,
             encoding: str | None = None, title: str | None = None, spark: Any = None, **properties: Any):
    """A one-resource package over a table at ``uri`` on any filesystem Spark reads: one file, or a
    directory of parts (CSV, XLSX, JSON or Parquet). The schema is inferred from the first part
    unless given."""
    from ...infer import infer_schema
    from ...package import NAME_PATTERN, Package, Resource
    from ...schema import Schema
    from .session import session

    if not NAME_PATTERN.match(name):
        raise DescriptorError("descriptor.bad_name", path=uri, name=name)
    spark = spark or session()
    parts = list_parts(spark, uri, format)
    fmt = format or format_of(Path(PurePosixPath(parts[0]).name))
    remote = RemoteParts(spark, uri, parts, {"format": fmt, "encoding": encoding})
    inferred = schema is None
    if schema is None:
        schema = infer_schema(remote.open(uri)).to_descriptor()
    parsed = Schema.from_descriptor(schema, path=uri, resource=name)
    descriptor: dict[str, Any] = {"name": name, "path": uri, "format": fmt}
    if encoding:
        descriptor["encoding"] = encoding
    resource = Resource(name, parsed, descriptor, frame=remote, schema_inferred=inferred)
    package = {"name": name, "title": title or name, **properties, "resources": [descriptor]}
    return Package(package, [resource], None, uri)
