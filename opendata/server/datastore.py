"""``datastore_search`` on the published Parquet files, with DuckDB.

Why DuckDB rather than pyarrow datasets (measured in benchmarks/RESULTS.md): a query is one SQL
statement over the file — filters, substring search, sort, offset and limit — that reads only the
columns and row groups it needs, runs on every core, stops at the limit (top-N, not a full sort
into Python) and can be interrupted from another thread when it runs past the time limit. The
same with pyarrow needs a full ``Table.sort_by`` before slicing, and a scan cannot be cancelled.

Every value a client sends is a bound parameter; only field names checked against the schema are
put into the statement, quoted. The file is the release's real path (``datasets/<name>`` resolved),
which never changes once written, so a query reads one release whole even while a new one is
switched in.
"""

from __future__ import annotations

import datetime as dt
import decimal
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Table Schema type → the DataStore type CKAN reports for it.
CKAN_TYPES = {
    "string": "text", "integer": "int", "number": "numeric", "boolean": "bool", "date": "date",
    "datetime": "timestamp", "time": "time", "year": "int",
}
#: DuckDB type a filter value is cast to, per DataStore type (anything else is compared as text).
_SQL_TYPES = {"int": "BIGINT", "numeric": "DOUBLE", "bool": "BOOLEAN", "date": "DATE", "timestamp": "TIMESTAMP"}


#: One item of ``sort``: a field name, bare or in double quotes (CKAN's form for names with spaces),
#: then asc or desc.
_SORT_ITEM = re.compile(r'\s*(?:"((?:[^"]|"")+)"|([^\s"]+))(?:\s+(asc|desc))?\s*', re.IGNORECASE)


class QueryError(Exception):
    """A parameter the query cannot use: ``field`` is the parameter's name."""

    def __init__(self, field: str, key: str, **params: Any) -> None:
        super().__init__(key)
        self.field, self.key, self.params = field, key, params


class QueryTimeout(Exception):
    """The query ran past the time limit and was stopped."""


class QueryBusy(Exception):
    """Every query slot stayed taken for the whole time limit: the server is saturated."""


@dataclass(frozen=True)
class Table:
    """A queryable resource: its Parquet file and its fields as (name, DataStore type, title)."""

    path: Path
    fields: list[tuple[str, str, str]]

    @property
    def names(self) -> list[str]:
        return [f[0] for f in self.fields]

    def type_of(self, name: str) -> str:
        return next(t for n, t, _ in self.fields if n == name)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


class Engine:
    """One in-memory DuckDB database; a cursor (its own connection) per query, so queries run in
    parallel threads and each can be interrupted alone."""

    def __init__(self, *, timeout: float = 5.0, threads: int | None = None, parallel: int = 4,
                 memory_limit: str = "2GB") -> None:
        import duckdb

        self._duckdb = duckdb
        self.timeout = timeout
        # At most ``parallel`` queries run at once (each already uses every core); the others wait
        # for a slot up to the time limit, so a burst of heavy queries queues instead of thrashing.
        self._slots = threading.BoundedSemaphore(parallel)
        self._db = duckdb.connect(":memory:")
        self._db.execute("SET preserve_insertion_order = true")  # file order without a sort (see search)
        for setting in ("SET enable_object_cache = true", "SET parquet_metadata_cache = true"):
            try:  # cache Parquet footers between queries (the setting's name changed across versions)
                self._db.execute(setting)
            except duckdb.Error:
                pass
        if threads:
            self._db.execute(f"SET threads = {int(threads)}")
        self._db.execute(f"SET memory_limit = {_literal(memory_limit)}")  # a sort spills to disk past it

    def search(self, table: Table, *, filters: dict[str, Any] | None = None, q: Any = None,
               fields: list[str] | None = None, sort: str | None = None, limit: int = 100,
               offset: int = 0, include_total: bool = True) -> dict[str, Any]:
        """Run one ``datastore_search``: the selected fields (``_id`` first), records as lists,
        and the total of matching rows."""
        selected = self._fields(table, fields)
        where, params = self._where(table, filters or {}, q)
        order = self._order(table, sort)
        source = f"read_parquet({_literal(str(table.path))}, file_row_number = true)"
        columns = ", ".join(["file_row_number + 1 AS _id"] + [_quote(n) for n in selected if n != "_id"])
        page = f"LIMIT {int(limit)} OFFSET {int(offset)}"
        if order:
            # Late materialisation: the top-N runs over the sort keys and row numbers only, then the
            # page's rows are read whole (171 -> 121 ms for 1M rows, benchmarks/RESULTS.md).
            ids = f"SELECT file_row_number AS __row FROM {source}{where} ORDER BY {order} {page}"
            statement = (f"SELECT {columns} FROM {source} JOIN ({ids}) AS page ON file_row_number = page.__row "
                         f"ORDER BY {order}")
        else:
            # No sort asked: no ORDER BY. DuckDB keeps a scan's rows in file order (preserve_insertion_order,
            # on by default), so the page is the file's rows in order without sorting the whole table.
            statement = f"SELECT {columns} FROM {source}{where} {page}"
        if not self._slots.acquire(timeout=self.timeout):
            raise QueryBusy()
        cursor = self._db.cursor()
        timer = threading.Timer(self.timeout, cursor.interrupt)
        timer.start()
        try:
            rows = cursor.execute(statement, params).fetchall()
            total = cursor.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()[0] \
                if include_total else None
        except self._duckdb.InterruptException:
            raise QueryTimeout() from None
        except self._duckdb.ConversionException as exc:  # a filter value that is not of the field's type
            raise QueryError("filters", "api.filter_type", reason=str(exc).splitlines()[0]) from None
        finally:
            timer.cancel()
            cursor.close()
            self._slots.release()
        names = ["_id"] + [n for n in selected if n != "_id"]
        records = [[_json_value(v) for v in row] for row in rows]
        out_fields = [{"id": "_id", "type": "int"}] + [
            {"id": n, "type": table.type_of(n), **({"info": {"label": title}} if title else {})}
            for n, _, title in table.fields if n in names]
        return {"names": names, "records": records, "fields": out_fields, "total": total}

    # -- the parts of the statement, each checked against the schema -----------------------------
    @staticmethod
    def _fields(table: Table, fields: list[str] | None) -> list[str]:
        if not fields:
            return table.names
        unknown = [f for f in fields if f != "_id" and f not in table.names]
        if unknown:
            raise QueryError("fields", "api.unknown_field", name=unknown[0])
        return [f for f in table.names if f in fields] if fields else table.names

    @staticmethod
    def _where(table: Table, filters: dict[str, Any], q: Any) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for name, value in filters.items():
            if name == "_id":
                column, kind = "file_row_number + 1", "int"
            elif name in table.names:
                column, kind = _quote(name), table.type_of(name)
            else:
                raise QueryError("filters", "api.unknown_field", name=name)
            values = value if isinstance(value, list) else [value]
            if not values or any(isinstance(v, (dict, list)) for v in values):
                raise QueryError("filters", "api.filter_value", name=name)
            sql_type = _SQL_TYPES.get(kind)
            cast = (lambda p: f"CAST({p} AS {sql_type})") if sql_type else (lambda p: f"CAST({p} AS VARCHAR)")
            left = column if sql_type else f"CAST({column} AS VARCHAR)"
            clauses.append(f"{left} IN ({', '.join(cast('?') for _ in values)})")
            params.extend(str(v).lower() if isinstance(v, bool) else str(v) for v in values)
        if isinstance(q, str) and q.strip():
            text_fields = [n for n, kind, _ in table.fields if kind == "text"]
            if text_fields:
                needle = q.strip().lower()
                # Text without case (Chinese, digits) is looked for as it is: lower() of every cell costs a third.
                fold = (lambda n: f"lower({_quote(n)})") if needle != needle.upper() else _quote
                clauses.append("(" + " OR ".join(f"contains({fold(n)}, ?)" for n in text_fields) + ")")
                params.extend([needle] * len(text_fields))
            else:
                clauses.append("FALSE")
        elif isinstance(q, dict):
            for name, text in q.items():
                if name not in table.names:
                    raise QueryError("q", "api.unknown_field", name=name)
                if not isinstance(text, str):
                    raise QueryError("q", "api.q_value", name=name)
                clauses.append(f"contains(lower(CAST({_quote(name)} AS VARCHAR)), ?)")
                params.append(text.strip().lower())
        elif q not in (None, ""):
            raise QueryError("q", "api.q_value")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    @staticmethod
    def _order(table: Table, sort: str | None) -> str:
        """The ORDER BY list, or "" for file order."""
        parts = []
        for item in (sort or "").split(","):
            if not item.strip():
                continue
            match = _SORT_ITEM.fullmatch(item)
            if match is None:
                raise QueryError("sort", "api.sort_syntax", value=item.strip())
            name = match.group(1).replace('""', '"') if match.group(1) is not None else match.group(2)
            direction = (match.group(3) or "asc").lower()
            if name == "_id":
                parts.append(f"file_row_number {direction.upper()}")
                continue
            if name not in table.names:
                raise QueryError("sort", "api.unknown_field", name=name)
            parts.append(f"{_quote(name)} {direction.upper()} NULLS LAST")
        if not parts:
            return ""
        parts.append("file_row_number ASC")  # ties in file order: paging is stable
        return ", ".join(parts)
