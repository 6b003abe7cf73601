"""Which Table Schema / CSV Dialect / resource properties opendata honours, and the refusal of the rest.

Frictionless reads more properties than opendata implements. A declared property is never ignored:
each one below is either supported or refused with a :class:`DescriptorError` naming it, before any
data is read (the parity suite, ``tests/test_parity.py``, covers each of them).
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import DescriptorError
from .integrity import declared_hash

#: Dialect properties and the values opendata supports (None: any value).
DIALECT: dict[str, tuple | None] = {
    "delimiter": None, "quoteChar": None, "doubleQuote": None, "escapeChar": None,
    "skipInitialSpace": None, "header": None,
    "lineTerminator": ("\n", "\r\n", "\r"),  # the reader accepts all three in any file
    "headerRows": None, "headerJoin": None,
    "csvddfVersion": None, "caseSensitiveHeader": (True,),
    "commentChar": None, "commentRows": None, "headerCase": None, "skipBlankRows": None,
}
#: Dialect properties read for CSV files only (refused on other formats rather than ignored).
CSV_ONLY = ("commentChar", "headerCase", "skipInitialSpace", "skipBlankRows")
#: Dialect properties read for CSV and spreadsheets (where the table is in a sheet made for printing).
TABLE_ONLY = ("headerRows", "headerJoin", "commentRows")
#: Dialect properties Frictionless reads that opendata does not implement (always refused).
DIALECT_REFUSED = ("nullSequence",)

#: Constraints of Table Schema v1 (and v2's exclusive bounds) that opendata checks.
CONSTRAINTS = ("required", "unique", "pattern", "enum", "minimum", "maximum", "exclusiveMinimum",
               "exclusiveMaximum", "minLength", "maxLength")
#: Field properties that change how values are read or checked and that opendata does not implement.
FIELD_REFUSED = ("floatNumber", "categories", "categoriesOrdered", "arrayItem", "jsonSchema")
#: Formats per type (``None``: any strptime pattern, as in Frictionless).
FORMATS: dict[str, tuple | None] = {
    "string": ("default", "email", "uri", "uuid", "binary"),
    "date": None, "datetime": None, "time": None,
    "geopoint": ("default", "array", "object"),
    "geojson": ("default",),
}
SCHEMA_REFUSED = ("uniqueKeys",)
RESOURCE_REFUSED = ("compression", "innerpath")  # zipped resources: see readers.COMPRESSED


def _refuse(where: str, resource: str, prop: str, value: Any) -> DescriptorError:
    shown = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return DescriptorError("descriptor.unsupported_property", path=where, resource=resource,
                           property=prop, value=shown)


def check_resource(descriptor: dict[str, Any], schema: dict[str, Any], *, where: str, table_format: str) -> None:
    """Raise for the first declared property of a resource that opendata would not honour."""
    name = str(descriptor.get("name", ""))
    for prop in RESOURCE_REFUSED:
        if descriptor.get(prop) not in (None, "no", ""):
            raise _refuse(where, name, prop, descriptor[prop])
    if descriptor.get("hash") is not None:
        declared_hash(descriptor["hash"], where, name)  # an algorithm we cannot compute is refused
    dialect = descriptor.get("dialect") or {}
    if not isinstance(dialect, dict):
        raise _refuse(where, name, "dialect", dialect)
    for prop, value in dialect.items():
        if prop in DIALECT_REFUSED or (prop not in DIALECT and prop != "$schema"):
            raise _refuse(where, name, f"dialect.{prop}", value)
        allowed = DIALECT.get(prop)
        if allowed is not None and value not in allowed:
            raise _refuse(where, name, f"dialect.{prop}", value)
    if dialect.get("header") is False and table_format != "csv":
        raise _refuse(where, name, "dialect.header", False)
    for prop in CSV_ONLY:
        if prop in dialect and table_format != "csv":
            raise _refuse(where, name, f"dialect.{prop}", dialect[prop])
    header_rows = dialect.get("headerRows")
    if header_rows is not None and not (isinstance(header_rows, list) and header_rows
                                        and all(isinstance(r, int) and r > 0 for r in header_rows)
                                        and header_rows == sorted(set(header_rows))):
        raise _refuse(where, name, "dialect.headerRows", header_rows)
    for prop in TABLE_ONLY:
        if prop in dialect and dialect[prop] not in (None, [1]) and table_format not in ("csv", "xlsx"):
            raise _refuse(where, name, f"dialect.{prop}", dialect[prop])
    if "headerJoin" in dialect and not isinstance(dialect["headerJoin"], str):
        raise _refuse(where, name, "dialect.headerJoin", dialect["headerJoin"])
    rows = dialect.get("commentRows")
    if rows is not None and not (isinstance(rows, list) and all(isinstance(r, int) and r > 1 for r in rows)):
        raise _refuse(where, name, "dialect.commentRows", rows)
    for prop in SCHEMA_REFUSED:
        if prop in schema:
            raise _refuse(where, name, f"schema.{prop}", schema[prop])
    if schema.get("fieldsMatch", "exact") != "exact":
        raise _refuse(where, name, "schema.fieldsMatch", schema["fieldsMatch"])
    for fld in schema.get("fields") or []:
        if not isinstance(fld, dict):
            continue
        label = f"schema.fields[{fld.get('name')}]"
        for prop in FIELD_REFUSED:
            if prop in fld:
                raise _refuse(where, name, f"{label}.{prop}", fld[prop])
        for prop, value in (fld.get("constraints") or {}).items():
            if prop not in CONSTRAINTS or prop == "jsonSchema":
                raise _refuse(where, name, f"{label}.constraints.{prop}", value)
        ftype, fmt = fld.get("type", "string"), fld.get("format", "default") or "default"
        fmt = fmt[4:] if isinstance(fmt, str) and fmt.startswith("fmt:") else fmt
        allowed = FORMATS.get(ftype, ("default",))
        if allowed is not None and fmt not in allowed:
            raise _refuse(where, name, f"{label}.format", fmt)
        if not all(isinstance(v, str) for v in fld.get("missingValues", [])):
            raise _refuse(where, name, f"{label}.missingValues", fld["missingValues"])
    if not all(isinstance(v, str) for v in schema.get("missingValues", [])):
        raise _refuse(where, name, "schema.missingValues", schema["missingValues"])
