"""Table Schema inference for bare files, safe for identifiers.

Generic inference (Frictionless, pandas) turns ``330102199001011234`` into an integer and ``007``
into 7. Here a column is numeric only when every value looks like a *quantity*: no leading zeros,
at most 15 digits (what a double holds exactly). Everything else stays a string.
"""

from __future__ import annotations

import re

import pyarrow as pa
import pyarrow.compute as pc

from .readers.base import TableSource
from .schema import Schema

SAMPLE_ROWS = 10_000
_RULES = (
    ("integer", r"^-?(0|[1-9]\d{0,14})$"),
    ("number", r"^-?(0|[1-9]\d{0,14})\.\d+$|^-?(0|[1-9]\d{0,14})$"),
    ("date", r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"),
    ("datetime", r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}$"),
)


def _field_name(label: str, index: int, taken: set[str]) -> str:
    name = label.strip() or f"field{index + 1}"
    base, n = name, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def infer_type(values: pa.Array) -> str:
    """The narrowest safe Table Schema type for a sample of raw text values."""
    present = pc.drop_null(pc.if_else(pc.equal(values, ""), pa.scalar(None, pa.string()), values))
    if len(present) == 0:
        return "string"
    for ftype, pattern in _RULES:
        if pc.all(pc.match_substring_regex(present, pattern)).as_py():
            return ftype
    return "string"


def infer_schema(source: TableSource) -> Schema:
    """Infer a schema from the first rows of ``source``; labels become field names."""
    first = next(iter(source.chunks(SAMPLE_ROWS)), None)
    taken: set[str] = set()
    fields = []
    for i, label in enumerate(source.header):
        column = first.data.column(i) if first is not None else pa.array([], pa.string())
        fields.append({"name": _field_name(label, i, taken), "type": infer_type(column)})
    return Schema.from_descriptor({"fields": fields}, path=source.path, resource=slug(source.path))


def slug(text: str) -> str:
    """A lower-case ASCII name from a file name (``Hospitals 2024.csv`` → ``hospitals-2024``)."""
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", text.rsplit("/", 1)[-1])
    slug = re.sub(r"[^a-z0-9_.-]+", "-", stem.lower()).strip("-._")
    return slug or "data"
