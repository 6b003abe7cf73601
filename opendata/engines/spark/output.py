"""The published form of a Spark redaction: each resource as CSV parts and Parquet parts, listed
with their SHA-256 in ``datapackage.json``.

A resource's CSV parts (written by :mod:`.treat`) become a Frictionless multi-part resource,
``"path": ["data/NAME/part-00000.csv", …]`` in table order. One Spark task per part then reads its
CSV part back with opendata's reader and writes the typed Parquet part beside it (the function the
release export uses for one machine's Parquet file: :func:`opendata.release.write_parquet`), and
hashes both. ``opendata.parts`` of the resource records every part's path, SHA-256, size and rows:

    "opendata": {"parts": {"csv": [{"path": …, "sha256": …, "bytes": …, "rows": …}, …],
                           "parquet": [{"path": …, "sha256": …, "bytes": …, "rows": …}, …]}}

``approve`` signs every part (the snapshot covers each listed file); ``publish`` gives the catalogue
one CSV and one Parquet file made of the approved parts, or with ``--parts`` the parts themselves
(:func:`opendata.release.export`).
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa

from ...errors import OpendataError
from ...package import Resource
from ...release import sha256_file, write_parquet
from ...schema import Schema

_DDL = "i long, payload binary"
_SCHEMA = pa.schema([("i", pa.int64()), ("payload", pa.binary())])


class ParquetParts:
    """Called by ``mapInArrow``: for each part number, the Parquet part of a CSV part, and both hashed."""

    def __init__(self, name: str, schema: Schema, parts: list[str]) -> None:
        self.name, self.schema, self.parts = name, schema, parts

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for batch in batches:
            for i in batch.column(0).to_pylist():
                yield pa.RecordBatch.from_arrays([pa.array([i], pa.int64()),
                                                  pa.array([pickle.dumps(self.one(int(i)))], pa.binary())],
                                                 schema=_SCHEMA)

    def one(self, i: int) -> dict[str, Any]:
        csv_path = Path(self.parts[i])
        parquet_path = csv_path.with_suffix(".parquet")
        resource = Resource(self.name, self.schema, {"name": self.name, "format": "csv", "encoding": "utf-8-sig"},
                            path=csv_path)
        try:
            rows, _ = write_parquet(resource, parquet_path)
        except OpendataError as exc:
            return {"error": (type(exc), exc.key, exc.params)}
        return {"rows": rows,
                "csv": (sha256_file(csv_path), csv_path.stat().st_size),
                "parquet": (sha256_file(parquet_path), parquet_path.stat().st_size)}


def describe(spark: Any, staging: Path, descriptor: dict[str, Any], outputs: dict[str, Any]) -> None:
    """Write the Parquet parts of every resource redacted in parts and list all parts, with their
    SHA-256, in ``descriptor`` (the output's ``datapackage.json``, changed in place)."""
    from .job import raise_failure

    for rdesc in descriptor["resources"]:
        parts: list[Path] = getattr(outputs.get(rdesc["name"]), "parts", None) or []
        if not parts:
            continue
        schema = Schema.from_descriptor(rdesc["schema"], path=str(staging), resource=rdesc["name"])
        job = ParquetParts(rdesc["name"], schema, [str(p) for p in parts])
        found = {}
        for row in spark.range(0, len(parts), 1, len(parts)).mapInArrow(job, _DDL).toLocalIterator():
            summary = pickle.loads(row.payload)
            raise_failure(summary)
            found[row.i] = summary
        csv, parquet = [], []
        for i, part in enumerate(parts):
            s = found[i]
            relative = part.relative_to(staging).as_posix()
            csv.append({"path": relative, "sha256": s["csv"][0], "bytes": s["csv"][1], "rows": s["rows"]})
            parquet.append({"path": relative[:-len(".csv")] + ".parquet", "sha256": s["parquet"][0],
                            "bytes": s["parquet"][1], "rows": s["rows"]})
        rdesc["path"] = [p["path"] for p in csv]
        rdesc["opendata"] = {**(rdesc.get("opendata") or {}), "parts": {"csv": csv, "parquet": parquet}}
