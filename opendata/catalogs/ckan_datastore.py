"""Loading a release's tables into CKAN's DataStore, so CKAN's own API and preview work.

Only the approved bytes go in: the rows are read from the release's own Parquet file (checked
against its recorded SHA-256 first), the field types from the Table Schema in the release's own
``datapackage.json``. Text cells carry the same formula escaping as the published CSV (see
:mod:`opendata.formulas`), so the DataStore, its CSV/Excel dumps and the CSV resource agree.
Rows are sent in batches of :data:`BATCH_ROWS` as they are read (bounded memory). A table is
always loaded whole into a fresh DataStore table (deleted first), and checked afterwards: the
DataStore must report exactly the release's row count and field types.

Only 无条件开放 releases have data files, so a 受限开放 dataset has nothing to load; the caller
checks the openness as well.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import CatalogError
from ..formulas import escape_column
from ..release import Release, sha256_file

#: Rows per datastore_upsert call (~1–2 MB of JSON for a typical table).
BATCH_ROWS = 10_000
#: Table Schema type → DataStore (PostgreSQL) type. Integers are ``int8``: a Table Schema integer
#: has no bound and the Parquet file holds int64, so ``int`` (int4) would refuse large values.
TYPES = {"integer": "int8", "year": "int8", "number": "numeric", "boolean": "bool", "date": "date",
         "datetime": "timestamp"}
#: PostgreSQL's limit on a column name, in bytes.
NAME_BYTES = 63


@dataclass(frozen=True)
class Table:
    """One table of a release as the DataStore receives it."""

    resource: str  # the Data Package resource name
    csv_path: str  # the release file whose CKAN resource holds the DataStore table
    parquet_path: str
    rows: int
    fields: list[dict[str, Any]]  # DataStore fields: id, type, info
    primary_key: list[str]

    @property
    def field_types(self) -> dict[str, str]:
        return {f["id"]: f["type"] for f in self.fields}


def tables(release: Release, *, url: str, name: str) -> list[Table]:
    """The tables of ``release``, their DataStore fields checked before anything is sent."""
    data = {f.path: f for f in release.files if f.kind == "data"}
    if not data:
        return []
    descriptor_file = release.file("datapackage.json")
    raw = (release.directory / descriptor_file.path).read_bytes()
    _require_same(release, descriptor_file.path, raw_sha=_sha(raw), url=url, name=name)
    descriptor = json.loads(raw.decode("utf-8"))
    schemas = {r.get("name"): r.get("schema") for r in descriptor.get("resources", [])}
    out = []
    for f in release.files:
        if f.kind != "data" or f.format != "csv":
            continue
        parquet = f"data/{f.resource}.parquet"
        if parquet not in data:
            continue
        schema = schemas.get(f.resource)
        arrow = pq.read_schema(release.directory / parquet)
        fields = datastore_fields(schema if isinstance(schema, dict) else None, arrow)
        for field in fields:
            reason = field_name_problem(field["id"])
            if reason:
                raise CatalogError("ckan.datastore_field", url=url, name=name, resource=f.resource,
                                   field=field["id"], reason=reason)
        key = (schema or {}).get("primaryKey") if isinstance(schema, dict) else None
        key = [key] if isinstance(key, str) else list(key or [])
        out.append(Table(f.resource, f.path, parquet, release.rows.get(f.resource, 0), fields, key))
    return out


def datastore_fields(schema: dict[str, Any] | None, arrow: pa.Schema) -> list[dict[str, Any]]:
    """DataStore fields of a table: the Table Schema's types mapped by :data:`TYPES` (titles and
    descriptions go into CKAN's data dictionary); without an inline schema, from the Parquet types."""
    if schema is not None and isinstance(schema.get("fields"), list):
        out = []
        for f in schema["fields"]:
            info = {k: v for k, v in (("label", f.get("title")), ("notes", f.get("description"))) if v}
            out.append({"id": f["name"], "type": TYPES.get(f.get("type", "string"), "text"),
                        **({"info": info} if info else {})})
        return out
    by_arrow = [(pa.types.is_integer, "int8"), (pa.types.is_floating, "numeric"), (pa.types.is_boolean, "bool"),
                (pa.types.is_date, "date"), (pa.types.is_timestamp, "timestamp")]
    return [{"id": f.name, "type": next((t for test, t in by_arrow if test(f.type)), "text")} for f in arrow]


def field_name_problem(name: str) -> str:
    """Why the DataStore cannot hold a column of this name ('' when it can)."""
    if not name or name != name.strip():
        return "empty, or leading/trailing spaces"
    if name.startswith("_"):
        return "starts with _"
    if '"' in name or "%" in name:
        return 'contains " or %'
    if len(name.encode("utf-8")) > NAME_BYTES:
        return f"longer than {NAME_BYTES} bytes"
    return ""


def records(batch: pa.RecordBatch, fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The DataStore records of one Parquet batch (a pure function): JSON-ready values, text with
    the published CSV's formula escaping, non-finite numbers as null."""
    columns = []
    for i, field in enumerate(fields):
        column = batch.column(i)
        if field["type"] == "text":
            if not pa.types.is_string(column.type):
                column = column.cast(pa.string())
            column = escape_column(column)[0]
        columns.append([_json_value(v) for v in column.to_pylist()])
    names = [f["id"] for f in fields]
    return [dict(zip(names, row)) for row in zip(*columns)]


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def batches(release: Release, table: Table, *, url: str, name: str) -> Iterator[list[dict[str, Any]]]:
    """The table's records, :data:`BATCH_ROWS` at a time, from the approved Parquet file."""
    path = release.directory / table.parquet_path
    _require_same(release, table.parquet_path, raw_sha=sha256_file(path), url=url, name=name)
    names = [f["id"] for f in table.fields]
    parquet = pq.ParquetFile(path)
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=names):
        yield records(batch, table.fields)


def load(call: Callable[..., Any], resource_id: str, release: Release, table: Table, *, url: str, name: str) -> None:
    """Put ``table`` into the DataStore of ``resource_id``, whole: any table there is replaced.
    Raises :class:`CatalogError` naming the failed step (the ``action``)."""
    drop(call, resource_id)
    call("datastore_create", resource_id=resource_id, force=True, fields=table.fields,
         **({"primary_key": table.primary_key} if table.primary_key else {}))
    for chunk in batches(release, table, url=url, name=name):
        if chunk:
            call("datastore_upsert", resource_id=resource_id, force=True, method="insert", records=chunk)
    if not holds(call, resource_id, table):
        raise CatalogError("ckan.datastore_incomplete", url=url, name=name, resource=table.resource,
                           action="datastore_search", rows=table.rows)


def holds(call: Callable[..., Any], resource_id: str, table: Table) -> bool:
    """Whether the DataStore of ``resource_id`` holds exactly ``table``'s row count and fields (a
    CKAN that refuses to say raises: what cannot be checked is not taken as loaded, nor reloaded
    blindly)."""
    import ckanapi

    try:
        found = call("datastore_search", resource_id=resource_id, limit=0)
    except ckanapi.NotFound:
        return False
    fields = {f["id"]: f["type"] for f in found.get("fields", []) if f["id"] != "_id"}
    return found.get("total") == table.rows and fields == table.field_types


def drop(call: Callable[..., Any], resource_id: str) -> None:
    """Remove the DataStore table of ``resource_id`` (nothing to do when it has none)."""
    import ckanapi

    try:
        call("datastore_delete", resource_id=resource_id, force=True)
    except ckanapi.NotFound:
        pass


def _sha(raw: bytes) -> str:
    import hashlib

    return hashlib.sha256(raw).hexdigest()


def _require_same(release: Release, path: str, *, raw_sha: str, url: str, name: str) -> None:
    """The file read is the one exported and approved (its SHA-256), or nothing is loaded."""
    if raw_sha != release.file(path).sha256:
        raise CatalogError("ckan.datastore_file_changed", url=url, name=name, path=path)


__all__ = ["BATCH_ROWS", "TYPES", "Table", "tables", "datastore_fields", "field_name_problem", "records", "load",
           "holds", "drop"]
