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

from .errors import PolicyError
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
    #: a part of a resource published in parts: (its number from 1, how many)
    part: tuple[int, int] | None = None

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


def _record(release: Release, path: str, kind: str, fmt: str, resource: str | None = None,
            part: tuple[int, int] | None = None) -> None:
    full = release.directory / path
    release.files.append(ExportedFile(path, sha256_file(full), full.stat().st_size, kind, fmt, resource, part))


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
        self._file.write(csv_header(names))

    def write(self, batch: pa.RecordBatch) -> None:
        self._file.write(csv_rows(batch, self.names))

    def write_encoded(self, rows: pa.Buffer) -> None:
        """Append lines already encoded by :func:`csv_rows`."""
        self._file.write(rows)

    def close(self) -> None:
        self._file.close()


def csv_header(names: list[str]) -> bytes:
    """The first bytes of every CSV file :class:`CsvSink` writes: the BOM and the header line."""
    header = pa.BufferOutputStream()
    pa_csv.write_csv(pa.table({n: pa.array([], pa.string()) for n in names}), header,
                     write_options=pa_csv.WriteOptions(**_CSV_OPTIONS))
    return codecs.BOM_UTF8 + header.getvalue().to_pybytes()


def is_canonical_csv(resource: Resource) -> bool:
    """Whether a resource's files already are in the published form (UTF-8 CSV with BOM, as written
    by :class:`CsvSink`; a resource in parts: every part): then they are published byte for byte,
    exactly as approved."""
    files = resource.files
    if not files or any(p.suffix.lower() != ".csv" for p in files):
        return False
    if (resource.descriptor.get("encoding") or "").lower() != "utf-8-sig":
        return False
    for path in files:
        with open(path, "rb") as handle:
            if handle.read(3) != codecs.BOM_UTF8:
                return False
    return True


def part_entries(resource: Resource, fmt: str) -> list[dict[str, Any]]:
    """The parts of ``fmt`` a resource in parts declares (``opendata.parts``: path, sha256, bytes,
    rows of each), as ``redact --engine spark`` writes them."""
    parts = ((resource.descriptor.get("opendata") or {}).get("parts") or {}).get(fmt)
    return [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else []


def concatenate_parts(parts: list[Path], target: Path, names: list[str]) -> bool:
    """Write the canonical CSV parts as one file: the first whole, the others without their BOM
    and header. False (nothing usable written) if a part does not start with the header."""
    head = csv_header(names)
    with open(target, "wb") as out:
        for i, part in enumerate(parts):
            with open(part, "rb") as handle:
                if handle.read(len(head)) != head:
                    return False
                if i == 0:
                    out.write(head)
                while block := handle.read(1 << 20):
                    out.write(block)
    return True


def _write_resource(resource: Resource, directory: Path) -> tuple[int, dict[str, int]]:
    """Write a resource's CSV and Parquet files; the rows, and the formula-leading cells escaped in
    the CSV per field (opendata.formulas; the Parquet file keeps every value as it is)."""
    names = resource.schema.field_names
    target = directory / "data" / f"{resource.name}.csv"
    canonical = is_canonical_csv(resource)
    csv_sink = None if canonical else CsvSink(target, names)
    try:
        rows, escaped = write_parquet(resource, directory / "data" / f"{resource.name}.parquet", csv_sink)
    finally:
        if csv_sink is not None:
            csv_sink.close()
    if canonical and not escaped and not resource.parts:  # the approved file, byte for byte
        shutil.copyfile(resource.path, target)
    elif canonical and not escaped and concatenate_parts(resource.parts, target, names):
        pass  # the approved parts, byte for byte, behind one header
    elif canonical:  # rare: written again, with the formula cells escaped
        csv_sink = CsvSink(target, names)
        try:
            for batch in resource.raw_batches():
                csv_sink.write(escape_batch(batch)[0])
        finally:
            csv_sink.close()
    return rows, dict(escaped)


def part_paths(resource: Resource) -> list[tuple[str, str]]:
    """Where a resource published in parts puts its parts in a release: (CSV, Parquet) per part."""
    return [(f"data/{resource.name}/part-{i:05d}.csv", f"data/{resource.name}/part-{i:05d}.parquet")
            for i in range(len(resource.parts))]


def write_parquet(resource: Resource, target: Path, csv_sink: CsvSink | None = None) -> tuple[int, Counter]:
    """Write a resource's typed Parquet file to ``target`` (and with ``csv_sink``, its CSV with
    formula cells escaped); its rows, and its formula-leading cells per field (which the CSV
    escapes; the Parquet file keeps every value as it is)."""
    fields = resource.schema.fields
    typed_schema = pa.schema([pa.field(f.name, arrow_type(f)) for f in fields])
    rows = 0
    escaped: Counter = Counter()
    with pq.ParquetWriter(str(target), typed_schema) as writer:
        for batch in resource.raw_batches():
            if batch.num_columns < len(fields):  # a short file has failed validation; be safe anyway
                raise ValueError(f"resource {resource.name} has fewer columns than its schema")
            safe, counts = escape_batch(batch)
            escaped.update(counts)
            if csv_sink is not None:
                csv_sink.write(safe)
            typed = [read_column(batch.column(j), fields[j]).values for j in range(len(fields))]
            writer.write_batch(pa.RecordBatch.from_arrays(typed, schema=typed_schema))
            rows += batch.num_rows
    return rows, escaped


def _approved_parquet(resource: Resource, i: int, base: Path | None) -> Path | None:
    """The Parquet part ``i`` the package declares (none declared: ``None``). One that is missing
    or whose SHA-256 is not the declared one was not written by the redaction: refused."""
    from .package import _inside

    entries = part_entries(resource, "parquet")
    if len(entries) != len(resource.parts) or base is None:
        return None
    entry = entries[i]
    path = _inside(base, str(entry.get("path")), base / "datapackage.json", resource.name)
    if not path.is_file() or sha256_file(path) != entry.get("sha256"):
        raise PolicyError("approval.parquet_not_declared", file=str(entry.get("path")))
    return path


def _write_parts(resource: Resource, directory: Path, base: Path | None) -> tuple[int, dict[str, dict[str, int]]]:
    """A resource in parts published as parts: each approved CSV part byte for byte (written again
    only where formula cells need escaping), with its Parquet part: the approved one, byte for
    byte, when the package has it and it holds exactly the CSV part's typed values (else
    :class:`~opendata.errors.PolicyError`), or one written from the CSV part."""
    names = resource.schema.field_names
    (directory / "data" / resource.name).mkdir(parents=True, exist_ok=True)
    rows = 0
    escaped: dict[str, dict[str, int]] = {}
    for i, (part, (csv_path, parquet_path)) in enumerate(zip(resource.parts, part_paths(resource))):
        source = Resource(resource.name, resource.schema, {**resource.descriptor, "path": csv_path}, path=part)
        approved = _approved_parquet(resource, i, base)
        part_rows, part_escaped = write_parquet(source, directory / parquet_path)
        rows += part_rows
        if approved is not None:
            # The check and the reviewer saw the CSV part: its approved Parquet part goes out only
            # if it holds the same typed values (else nobody has looked at what it holds).
            if not pq.read_table(approved).equals(pq.read_table(directory / parquet_path)):
                raise PolicyError("approval.parquet_differs", file=str(part_entries(resource, "parquet")[i]["path"]),
                                    csv=csv_path)
            shutil.copyfile(approved, directory / parquet_path)
        if not part_escaped:
            shutil.copyfile(part, directory / csv_path)
        else:
            sink = CsvSink(directory / csv_path, names)
            try:
                for batch in source.raw_batches():
                    sink.write(escape_batch(batch)[0])
            finally:
                sink.close()
        if part_escaped:
            escaped[csv_path] = dict(part_escaped)
    return rows, escaped


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
    props = {k: v for k, v in (descriptor.get("opendata") or {}).items() if k != "parts"}  # the data's files
    out["opendata"] = {**props, "restricted": True}
    return out


def _published_descriptor(package: Package, with_data: bool, release: Release | None = None) -> dict[str, Any]:
    out = package.to_descriptor()
    resources = []
    for res, desc in zip(package.resources, out["resources"]):
        if with_data:
            desc = {k: v for k, v in desc.items() if k not in _DATA_KEYS}
            props = {k: v for k, v in (desc.get("opendata") or {}).items() if k != "parts"}
            desc.pop("opendata", None)
            parts = [f for f in release.files if f.resource == res.name and f.part] if release else []
            if parts:  # published in parts: the parts in order, each with its SHA-256
                props["parts"] = {fmt: [{"path": f.path, "sha256": f.sha256, "bytes": f.size}
                                        for f in parts if f.format == fmt] for fmt in ("csv", "parquet")}
                path: Any = [f.path for f in parts if f.format == "csv"]
            else:
                path = f"data/{res.name}.csv"
            desc.update(path=path, format="csv", mediatype="text/csv", encoding="utf-8-sig")
            if props:
                desc["opendata"] = props
        else:
            desc = restricted_resource(desc)
        resources.append(desc)
    out["resources"] = resources
    return out


def export(package: Package, directory: str | Path, *, with_data: bool = True, parts: bool = False) -> Release:
    """Write the release files of ``package`` into ``directory`` (created; must be empty).

    ``with_data=False`` (受限开放) writes the descriptor and data dictionary only: no data file is
    ever written, so none can leak into the catalogue.

    A resource in parts (``"path": [..]``, as ``redact --engine spark`` writes it) is published as
    one CSV file (its approved parts behind one header, byte for byte) and one Parquet file; with
    ``parts``, as its approved parts (``data/NAME/part-00000.csv`` … and their Parquet parts).
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=False)
    release = Release(package.name, directory)
    if with_data:
        (directory / "data").mkdir()
    escaped: dict[str, dict[str, int]] = {}
    for resource in package.resources if with_data else []:
        if parts and resource.parts:
            release.rows[resource.name], by_part = _write_parts(resource, directory, package.basepath)
            escaped.update(by_part)
            n = len(resource.parts)
            for i, (csv_path, parquet_path) in enumerate(part_paths(resource)):
                _record(release, csv_path, "data", "csv", resource.name, (i + 1, n))
                _record(release, parquet_path, "data", "parquet", resource.name, (i + 1, n))
            continue
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
    as_approved = all(r.descriptor.get("path") == [c for c, _ in part_paths(r)] if r.parts and parts
                      else not r.parts for r in package.resources)
    if (with_data and not escaped and source is not None and source.is_file() and as_approved
            and all(map(is_canonical_csv, package.resources))):
        # Already the published form (as redact writes it): the approved descriptor goes out as is.
        shutil.copyfile(source, directory / "datapackage.json")
    else:
        descriptor = _published_descriptor(package, with_data, release)
        if escaped:  # how to reverse the treatment travels with the files
            descriptor["opendata"] = {**(descriptor.get("opendata") or {}), "formula_escape": formula_record(escaped)}
        with open(directory / "datapackage.json", "w", encoding="utf-8") as handle:
            json.dump(descriptor, handle, ensure_ascii=False, indent=2)
    _record(release, "datapackage.json", "descriptor", "json")
    return release
