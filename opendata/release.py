"""Releases: export a checked package into the exact files a catalogue receives.

For each resource: a UTF-8 CSV with BOM (so Excel shows Chinese text) holding every cell exactly as
it was read, and a typed Parquet file; for the package: ``datapackage.json`` pointing at those
files and a data dictionary (CSV and JSON). One streaming pass per resource writes both data files,
so memory stays bounded. Every file's SHA-256 is recorded; the release id is derived from them, so
publishing unchanged data again is recognisable as such.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .formulas import escape_batch, escape_text, record as formula_record
from .package import Package, Resource
from .validate.types import arrow_type, read_column

MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "json": "application/json"}


@dataclass(frozen=True)
class ExportedFile:
    """A file of a release, relative to the release directory."""

    path: str
    sha256: str
    size: int
    kind: str  # data, dictionary, descriptor
    format: str
    resource: str | None = None

    @property
    def media_type(self) -> str:
        return MEDIA_TYPES.get(self.format, "application/octet-stream")


@dataclass
class Release:
    """A package exported for publication."""

    name: str
    directory: Path
    files: list[ExportedFile] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def release_id(self) -> str:
        """A content id: equal for byte-identical exports."""
        digest = hashlib.sha256()
        for f in sorted(self.files, key=lambda f: f.path):
            digest.update(f"{f.path}\0{f.sha256}\n".encode())
        return digest.hexdigest()[:16]

    def file(self, path: str) -> ExportedFile:
        return next(f for f in self.files if f.path == path)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _record(release: Release, path: str, kind: str, fmt: str, resource: str | None = None) -> None:
    full = release.directory / path
    release.files.append(ExportedFile(path, sha256_file(full), full.stat().st_size, kind, fmt, resource))


_CSV_OPTIONS = {"quoting_style": "needed"}


def csv_rows(batch: pa.RecordBatch, names: list[str]) -> pa.Buffer:
    """The CSV lines of ``batch`` (no header) exactly as :class:`CsvSink` writes them.

    A pure function of the batch, so workers can encode their batches and the writer only
    appends the bytes, in order.
    """
    columns = [batch.column(i).cast(pa.string()) for i in range(len(names))]
    out = pa.BufferOutputStream()
    pa_csv.write_csv(pa.RecordBatch.from_arrays(columns, names=names), out,
                     write_options=pa_csv.WriteOptions(include_header=False, **_CSV_OPTIONS))
    return out.getvalue()


class CsvSink:
    """Writes text batches as UTF-8 CSV with BOM: the one CSV form opendata publishes."""

    def __init__(self, path: Path, names: list[str]) -> None:
        self.names = names
        self._file = open(path, "wb")
        self._file.write(codecs.BOM_UTF8)
        header = pa.BufferOutputStream()
        pa_csv.write_csv(pa.table({n: pa.array([], pa.string()) for n in names}), header,
                         write_options=pa_csv.WriteOptions(**_CSV_OPTIONS))
        self._file.write(header.getvalue())

    def write(self, batch: pa.RecordBatch) -> None:
        self._file.write(csv_rows(batch, self.names))

    def write_encoded(self, rows: pa.Buffer) -> None:
        """Append lines already encoded by :func:`csv_rows`."""
        self._file.write(rows)

    def close(self) -> None:
        self._file.close()


def is_canonical_csv(resource: Resource) -> bool:
    """Whether a resource file already is in the published form (UTF-8 CSV with BOM, as written
    by :class:`CsvSink`): then it is published byte for byte, exactly as approved."""
    if resource.path is None or resource.path.suffix.lower() != ".csv":
        return False
    if (resource.descriptor.get("encoding") or "").lower() != "utf-8-sig":
        return False
    with open(resource.path, "rb") as handle:
        return handle.read(3) == codecs.BOM_UTF8


def _write_resource(resource: Resource, directory: Path) -> tuple[int, dict[str, int]]:
    """Write a resource's CSV and Parquet files; the rows, and the formula-leading cells escaped in
    the CSV per field (opendata.formulas; the Parquet file keeps every value as it is)."""
    fields = resource.schema.fields
    names = [f.name for f in fields]
    typed_schema = pa.schema([pa.field(f.name, arrow_type(f)) for f in fields])
    target = directory / "data" / f"{resource.name}.csv"
    canonical = is_canonical_csv(resource)
    csv_sink = None if canonical else CsvSink(target, names)
    rows = 0
    escaped: Counter = Counter()
    try:
        with pq.ParquetWriter(str(directory / "data" / f"{resource.name}.parquet"), typed_schema) as parquet:
            for batch in resource.raw_batches():
                if batch.num_columns < len(names):  # a short file has failed validation; be safe anyway
                    raise ValueError(f"resource {resource.name} has fewer columns than its schema")
                safe, counts = escape_batch(batch)
                escaped.update(counts)
                if csv_sink is not None:
                    csv_sink.write(safe)
                typed = [read_column(batch.column(i), fields[i]).values for i in range(len(names))]
                parquet.write_batch(pa.RecordBatch.from_arrays(typed, schema=typed_schema))
                rows += batch.num_rows
    finally:
        if csv_sink is not None:
            csv_sink.close()
    if canonical and not escaped:  # the approved file, byte for byte
        shutil.copyfile(resource.path, target)
    elif canonical:  # rare: written again, with the formula cells escaped
        csv_sink = CsvSink(target, names)
        try:
            for batch in resource.raw_batches():
                csv_sink.write(escape_batch(batch)[0])
        finally:
            csv_sink.close()
    return rows, dict(escaped)


def dictionary_rows(package: Package) -> list[dict[str, Any]]:
    """The data dictionary: one row per field of every resource."""
    rows = []
    for resource in package.resources:
        for f in resource.schema.fields:
            constraints = {k: v for k, v in f.constraints.items()}
            rows.append({
                "resource": resource.name, "field": f.name, "title": f.title, "type": f.type,
                "format": f.format, "description": f.description,
                "required": bool(f.required or f.name in resource.schema.primary_key),
                "constraints": json.dumps(constraints, ensure_ascii=False) if constraints else "",
            })
    return rows


def _write_dictionary(package: Package, directory: Path) -> dict[str, int]:
    """dictionary.json as is, dictionary.csv with formula-leading cells escaped; their count per column."""
    rows = dictionary_rows(package)
    with open(directory / "dictionary.json", "w", encoding="utf-8") as handle:
        json.dump(rows, handle, ensure_ascii=False, indent=2)
    escaped: Counter = Counter()
    safe_rows = []
    for row in rows:
        safe = {k: escape_text(v) for k, v in row.items()}
        escaped.update(k for k in row if safe[k] is not row[k])
        safe_rows.append(safe)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["resource", "field"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(safe_rows)
    (directory / "dictionary.csv").write_bytes(codecs.BOM_UTF8 + buffer.getvalue().encode("utf-8"))
    return dict(escaped)


_DATA_KEYS = ("path", "format", "mediatype", "encoding", "dialect", "sheet")


def restricted_resource(descriptor: dict[str, Any]) -> dict[str, Any]:
    """A resource descriptor for 受限开放: the schema is public, the data is released only on
    application, so nothing in it points at a data file."""
    out = {k: v for k, v in descriptor.items() if k not in _DATA_KEYS}
    out["opendata"] = {**(descriptor.get("opendata") or {}), "restricted": True}
    return out


def _published_descriptor(package: Package, with_data: bool) -> dict[str, Any]:
    out = package.to_descriptor()
    resources = []
    for res, desc in zip(package.resources, out["resources"]):
        if with_data:
            desc = {k: v for k, v in desc.items() if k not in _DATA_KEYS}
            desc.update(path=f"data/{res.name}.csv", format="csv", mediatype="text/csv", encoding="utf-8-sig")
        else:
            desc = restricted_resource(desc)
        resources.append(desc)
    out["resources"] = resources
    return out


def export(package: Package, directory: str | Path, *, with_data: bool = True) -> Release:
    """Write the release files of ``package`` into ``directory`` (created; must be empty).

    ``with_data=False`` (受限开放) writes the descriptor and data dictionary only: no data file is
    ever written, so none can leak into the catalogue.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=False)
    release = Release(package.name, directory)
    if with_data:
        (directory / "data").mkdir()
    escaped: dict[str, dict[str, int]] = {}
    for resource in package.resources if with_data else []:
        release.rows[resource.name], counts = _write_resource(resource, directory)
        if counts:
            escaped[f"data/{resource.name}.csv"] = counts
        _record(release, f"data/{resource.name}.csv", "data", "csv", resource.name)
        _record(release, f"data/{resource.name}.parquet", "data", "parquet", resource.name)
    counts = _write_dictionary(package, directory)
    if counts:
        escaped["dictionary.csv"] = counts
    _record(release, "dictionary.csv", "dictionary", "csv")
    _record(release, "dictionary.json", "dictionary", "json")
    source = package.basepath / "datapackage.json" if package.basepath else None
    if (with_data and not escaped and source is not None and source.is_file()
            and all(map(is_canonical_csv, package.resources))):
        # Already the published form (as redact writes it): the approved descriptor goes out as is.
        shutil.copyfile(source, directory / "datapackage.json")
    else:
        descriptor = _published_descriptor(package, with_data)
        if escaped:  # how to reverse the treatment travels with the files
            descriptor["opendata"] = {**(descriptor.get("opendata") or {}), "formula_escape": formula_record(escaped)}
        with open(directory / "datapackage.json", "w", encoding="utf-8") as handle:
            json.dump(descriptor, handle, ensure_ascii=False, indent=2)
    _record(release, "datapackage.json", "descriptor", "json")
    return release
