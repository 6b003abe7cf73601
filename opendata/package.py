"""Data Packages: load a dataset from disk or a DataFrame; stream its resources as Arrow batches.

A dataset is a directory with a ``datapackage.json`` (Frictionless Data Package) or a bare table
file, whose schema is then inferred. Resources are read lazily and streamed: nothing here holds a
whole table in memory unless asked to (:meth:`Resource.to_arrow`, :meth:`Resource.to_pandas`).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

import numpy as np
import pyarrow as pa

from . import messages
from .errors import DescriptorError, InputError
from .infer import infer_schema
from .naming import bare_name
from .paths import shared_schema_dirs
from .readers import FORMATS, format_of, open_table
from .readers.base import DEFAULT_BATCH_ROWS, Chunk, TableSource, open_arrow
from .schema import Schema
from .validate.support import check_resource
from .validate.types import read_column

if TYPE_CHECKING:
    import pandas as pd

DESCRIPTOR = "datapackage.json"
#: Resource properties that state facts about one particular data file (checked by validation).
FILE_FACTS = ("bytes", "hash", "rows")
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass
class Resource:
    """One table of a package: where it is, how to read it, its schema."""

    name: str
    schema: Schema
    descriptor: dict[str, Any]
    path: Path | None = None
    table: pa.Table | None = None  # for packages built from DataFrames
    frame: Any = None  # a Spark DataFrame (opendata.engines.spark.Frame): read by the Spark engine
    #: a multi-part resource (``"path": [..]``): its part files in order; ``path`` is their directory
    parts: list[Path] = field(default_factory=list)
    schema_inferred: bool = False
    notes: list[str] = field(default_factory=list)

    def open(self) -> TableSource:
        """Open the resource for streaming (header read now, rows when pulled)."""
        if self.table is not None:
            return open_arrow(self.table, f"<{self.name}>")
        if self.frame is not None:  # rows streamed from Spark, a partition at a time
            return self.frame.open(f"<{self.name}>")
        assert self.path is not None
        options = {"format": self.descriptor.get("format"), "encoding": self.descriptor.get("encoding"),
                   "dialect": self.descriptor.get("dialect"), "sheet": self.descriptor.get("sheet")}
        if self.parts:  # numbered as one file, each part with its own header (readers/parts.py)
            from .readers.parts import open_parts

            fmt = options.pop("format") or format_of(self.parts[0])
            return open_parts(self.path, self.parts, lambda part: open_table(part, format=fmt, **options))
        return open_table(self.path, **options)

    @property
    def files(self) -> list[Path]:
        """The data files of a file resource: its parts, or its one file (none for a DataFrame)."""
        return list(self.parts) if self.parts else [self.path] if self.path is not None else []

    def raw_batches(self, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.RecordBatch]:
        """The rows as text exactly as in the source, columns named after the schema's fields."""
        for batch, _ in self.numbered_batches(batch_rows):
            yield batch

    def named(self, chunk: Chunk) -> pa.RecordBatch:
        """A reader chunk as a batch whose columns are named after the schema's fields."""
        names = self.schema.field_names
        width = min(chunk.data.num_columns, len(names))
        return pa.RecordBatch.from_arrays([chunk.data.column(i) for i in range(width)], names=names[:width])

    def numbered_batches(self, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[tuple[pa.RecordBatch, np.ndarray]]:
        """Raw text batches with the file row number of each row (header = row 1)."""
        for chunk in self.open().chunks(batch_rows):
            yield self.named(chunk), chunk.rows

    def batches(self, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.RecordBatch]:
        """The rows typed per the schema (integers, dates …); identifier strings stay strings."""
        fields = self.schema.fields
        for raw in self.raw_batches(batch_rows):
            arrays = [read_column(raw.column(i), fields[i]).values for i in range(raw.num_columns)]
            yield pa.RecordBatch.from_arrays(arrays, names=raw.schema.names)

    def to_arrow(self, typed: bool = True) -> pa.Table:
        """The whole resource as an Arrow table (typed, or as raw text with ``typed=False``)."""
        batches = list(self.batches() if typed else self.raw_batches())
        if not batches:
            from .validate.types import arrow_type

            types = [arrow_type(f) if typed else pa.string() for f in self.schema.fields]
            return pa.table({f.name: pa.array([], t) for f, t in zip(self.schema.fields, types)})
        return pa.Table.from_batches(batches)

    def to_pandas(self, typed: bool = True) -> "pd.DataFrame":
        """The whole resource as a DataFrame; string columns keep their exact text."""
        import pandas as pd  # only here: a third of a second that reading and checking never need

        return self.to_arrow(typed).to_pandas(types_mapper={pa.string(): pd.StringDtype()}.get)


@dataclass
class Package:
    """A dataset: its descriptor, where it lives, and its resources."""

    descriptor: dict[str, Any]
    resources: list[Resource]
    basepath: Path | None = None
    source: str = ""

    @property
    def name(self) -> str:
        return self.descriptor["name"]

    @property
    def title(self) -> str:
        return self.descriptor.get("title") or self.name

    @property
    def opendata(self) -> dict[str, Any]:
        """opendata's own package properties (publisher, subject, update frequency …)."""
        return dict(self.descriptor.get("opendata") or {})

    @property
    def notes(self) -> list[str]:
        return [note for r in self.resources for note in r.notes]

    def resource(self, name: str) -> Resource:
        for res in self.resources:
            if res.name == name:
                return res
        raise InputError("input.resource_unknown", resource=name,
                         names=", ".join(r.name for r in self.resources))

    def to_descriptor(self) -> dict[str, Any]:
        """The package descriptor with every resource's schema inline.

        A resource's declared ``bytes``, ``hash`` and ``rows`` are left out: they describe the source
        file, and every user of this descriptor (redact, the release export) writes the data anew,
        so they would no longer hold (and the new package would fail its own check).
        """
        out = dict(self.descriptor)
        out["resources"] = [{**{k: v for k, v in r.descriptor.items() if k not in FILE_FACTS},
                             "schema": r.schema.to_descriptor()} for r in self.resources]
        return out


def load(path: str | Path, *, external: dict[str, Path] | None = None) -> Package:
    """Load a dataset: a directory with ``datapackage.json``, the descriptor itself, or a bare table.

    Raises :class:`InputError` for a missing or unreadable path and :class:`DescriptorError` for a
    malformed descriptor, each naming the file. ``external`` maps a schema reference as written in
    the descriptor to the file to read for it (a snapshot's private copy of a shared schema).
    """
    path = Path(path)
    if path.is_dir():
        descriptor_path = path / DESCRIPTOR
        if descriptor_path.is_file():
            return _load_descriptor(descriptor_path, external)
        tables = sorted(p for p in path.iterdir() if p.suffix.lower() in FORMATS and p.is_file())
        if len(tables) == 1:
            return _load_bare(tables[0])
        raise InputError("input.not_found", path=str(descriptor_path))
    if path.is_file():
        if path.name.endswith(".json") and _looks_like_descriptor(path):
            return _load_descriptor(path)
        return _load_bare(path)
    raise InputError("input.not_found", path=str(path))


def _looks_like_descriptor(path: Path) -> bool:
    try:
        head = path.read_bytes()[:4096].decode("utf-8", "ignore")
    except OSError:
        return False
    return path.name == DESCRIPTOR or ('"resources"' in head and head.lstrip().startswith("{"))


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError("input.unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise InputError("input.encoding", path=str(path), row=1, encoding="utf-8") from exc
    from .readers.json import MAX_DEPTH, too_deep

    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DescriptorError("descriptor.invalid_json", path=str(path), line=exc.lineno,
                              column=exc.colno, reason=exc.msg) from exc
    except RecursionError:  # the parser's own guard, far deeper than MAX_DEPTH
        raise DescriptorError("hostile.json_too_deep", path=str(path), limit=MAX_DEPTH) from None
    if too_deep(data):  # later steps (schema checks, copies) recurse over the descriptor
        raise DescriptorError("hostile.json_too_deep", path=str(path), limit=MAX_DEPTH)
    return data


def _inside(base: Path, relative: str, descriptor_path: Path, what: str,
            also: Path | None = None) -> Path:
    """Resolve a path from a descriptor, refusing absolute paths and escapes from the package.

    ``also`` is one more directory the path may point into (the shared ``schemas/`` for schemas).
    """
    if re.match(r"^[a-z][a-z0-9+.-]*://", relative, re.I):
        raise InputError("input.remote_path", path=str(descriptor_path), resource=what, resource_path=relative)
    candidate = (base / relative).resolve()
    allowed = [base.resolve()] + ([also.resolve()] if also is not None else [])
    if Path(relative).is_absolute() or not any(candidate.is_relative_to(a) for a in allowed):
        raise InputError("input.path_escape", path=str(descriptor_path), resource_path=relative)
    return candidate


def schema_reference(base: Path, relative: str, descriptor_path: Path, what: str) -> Path:
    """The file a resource's ``"schema": "<path>"`` names.

    Inside the package, or in a shared schemas directory (the workspace's, then the shipped one),
    as written. A reference of the form ``[../]…/schemas/NAME.json`` that leads nowhere (a package
    copied out of the checkout it was written in) is the shared schema ``NAME.json``, if there is
    one. Anything else outside the package is refused (:func:`_inside`).
    """
    shared = shared_schema_dirs()
    for also in shared:
        try:
            found = _inside(base, relative, descriptor_path, what, also=also)
        except InputError:
            continue
        if found.is_file() or found.is_relative_to(base.resolve()):
            return found
    parts = Path(relative).parts
    if len(parts) >= 2 and parts[-2] == "schemas" and not Path(relative).is_absolute() \
            and all(p in ("..", ".") for p in parts[:-2]):
        for directory in shared:
            if (directory / parts[-1]).is_file():
                return (directory / parts[-1]).resolve()
        raise InputError("input.shared_schema_missing", path=str(descriptor_path), resource=what,
                         schema=parts[-1], where=", ".join(str(d) for d in shared))
    return _inside(base, relative, descriptor_path, what)


def _load_descriptor(descriptor_path: Path, external: dict[str, Path] | None = None) -> Package:
    descriptor = _read_json(descriptor_path)
    where = str(descriptor_path)
    if not isinstance(descriptor, dict):
        raise DescriptorError("descriptor.invalid", path=where, where="/", reason="must be a JSON object")
    base = descriptor_path.parent
    from .descriptor import check_package, check_standard

    check_standard(descriptor, where)

    name = descriptor.get("name") or bare_name(base.resolve())
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise DescriptorError("descriptor.bad_name", path=where, name=name)
    descriptor = dict(descriptor, name=name)
    raw_resources = descriptor.get("resources")
    if not isinstance(raw_resources, list) or not raw_resources:
        raise DescriptorError("descriptor.no_resources", path=where)

    resources = []
    for i, raw in enumerate(raw_resources):
        if not isinstance(raw, dict):
            raise DescriptorError("descriptor.invalid", path=where, where=f"resources[{i}]",
                                  reason="must be an object")
        rname = raw.get("name") or f"resource{i + 1}"
        if not isinstance(rname, str) or not NAME_PATTERN.match(rname):
            raise DescriptorError("descriptor.bad_name", path=where, name=rname)
        rpath = raw.get("path")
        parts: list[Path] = []
        if isinstance(rpath, list) and rpath and all(isinstance(p, str) and p for p in rpath):
            # Frictionless multi-part data: the files in this order make one table.
            parts = [_inside(base, p, descriptor_path, rname) for p in rpath]
            if len(set(parts)) != len(parts):
                raise DescriptorError("descriptor.invalid", path=where, where=f"resources[{rname}].path",
                                      reason="a part is listed twice")
            data_path = Path(os.path.commonpath(parts)) if len(parts) > 1 else parts[0].parent
        elif not isinstance(rpath, str) or not rpath:
            raise DescriptorError("descriptor.invalid", path=where, where=f"resources[{rname}].path",
                                  reason="each resource needs a path to one file, or a list of its parts")
        else:
            data_path = _inside(base, rpath, descriptor_path, rname)
        schema_desc = raw.get("schema")
        if isinstance(schema_desc, str):
            # A snapshot reads its private copy of a shared schema, never the live file again.
            schema_desc = _read_json(external[schema_desc] if external and schema_desc in external
                                     else schema_reference(base, schema_desc, descriptor_path, rname))
        if schema_desc is None:
            raise DescriptorError("descriptor.schema_missing", path=where, resource=rname)
        schema = Schema.from_descriptor(schema_desc, path=where, resource=rname)
        check_resource(dict(raw, name=rname), schema_desc, where=where,
                       table_format=_format_or_none(parts[0] if parts else data_path, raw))
        resources.append(Resource(rname, schema, dict(raw, name=rname), path=data_path, parts=parts))

    check_package({**descriptor, "resources": [dict(r.descriptor, schema=r.schema.to_descriptor()) for r in resources]},
                  where)
    names = {r.name for r in resources}
    for res in resources:
        for fk in res.schema.foreign_keys:
            if fk.resource and fk.resource not in names:
                raise DescriptorError("descriptor.unknown_reference", path=where, resource=res.name,
                                      reference=fk.resource)
    return Package(descriptor, resources, base, where)


def _format_or_none(path: Path, raw: dict[str, Any]) -> str | None:
    try:
        if path.is_dir():  # a table in parts: the format of its parts
            from .readers import table_parts

            return format_of(table_parts(path, raw.get("format"))[0], raw.get("format"))
        return format_of(path, raw.get("format"))
    except InputError:
        return None  # reported when the file is opened


def _load_bare(path: Path) -> Package:
    resource_name = bare_name(path)  # never a generic "data": two departments' data.csv stay two
    source = open_table(path)
    schema = infer_schema(source)
    descriptor = {"name": resource_name, "path": path.name}
    if source.encoding:
        descriptor["encoding"] = source.encoding
    note = messages.t("input.schema_inferred", path=str(path), fields=len(schema.fields))
    resource = Resource(resource_name, schema, descriptor, path=path.resolve(), schema_inferred=True,
                        notes=[note])
    package = {"name": resource_name, "title": path.stem, "resources": [descriptor]}
    return Package(package, [resource], path.parent, str(path))


def from_pandas(df: "pd.DataFrame", name: str, *, title: str | None = None,
                schema: dict[str, Any] | None = None, **properties: Any) -> Package:
    """A one-resource package from a DataFrame (schema inferred from dtypes unless given)."""
    if not NAME_PATTERN.match(name):
        raise DescriptorError("descriptor.bad_name", path="<DataFrame>", name=name)
    table = pa.Table.from_pandas(df, preserve_index=False)
    inferred = schema is None
    if schema is None:
        schema = {"fields": [{"name": str(col), "type": _dtype_type(table.schema.field(i).type)}
                             for i, col in enumerate(table.column_names)]}
    parsed = Schema.from_descriptor(schema, path="<DataFrame>", resource=name)
    resource = Resource(name, parsed, {"name": name, "path": f"{name}.csv"}, table=table,
                        schema_inferred=inferred)
    descriptor = {"name": name, "title": title or name, **properties,
                  "resources": [resource.descriptor]}
    return Package(descriptor, [resource], None, "<DataFrame>")


def _dtype_type(kind: pa.DataType) -> str:
    if pa.types.is_integer(kind):
        return "integer"
    if pa.types.is_floating(kind) or pa.types.is_decimal(kind):
        return "number"
    if pa.types.is_boolean(kind):
        return "boolean"
    if pa.types.is_date(kind):
        return "date"
    if pa.types.is_timestamp(kind):
        return "datetime"
    return "string"
