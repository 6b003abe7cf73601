"""Pre-publication check for classification markings and sensitive terms (涉密和敏感信息检测).

Titles, descriptions and keywords of the package, its resources and fields, and every text cell
are searched for the policy's terms (plain substrings, one RE2 pass per text column, in the same
streaming pass as validation and the PI scan). Each hit is a blocking finding with the field and
row, so the officer can look at it before anything is opened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..bitmaps import to_mask
from .classify import Finding
from ..strings import concatenated, is_ascii

if TYPE_CHECKING:
    from ..package import Package, Resource

MAX_ROWS_PER_FIELD = 20  # more hits in one field are counted, not listed


def _metadata(package: "Package") -> Iterator[tuple[str | None, str | None, str, str]]:
    """(resource, field, property, text) for every piece of descriptive metadata."""
    d = package.descriptor
    for prop in ("title", "description"):
        if isinstance(d.get(prop), str):
            yield None, None, prop, d[prop]
    for kw in d.get("keywords") or []:
        yield None, None, "keywords", str(kw)
    for res in package.resources:
        for prop in ("title", "description"):
            if isinstance(res.descriptor.get(prop), str):
                yield res.name, None, prop, res.descriptor[prop]
        for f in res.schema.fields:
            for prop in ("title", "description"):
                if getattr(f, prop):
                    yield res.name, f.name, prop, getattr(f, prop)


def metadata_findings(package: "Package", terms: tuple[str, ...]) -> list[Finding]:
    """Every term in the package's descriptive metadata, as blocking findings."""
    return [Finding("sensitive_metadata", resource, field, params={"property": prop, "term": term})
            for resource, field, prop, text in _metadata(package) for term in terms if term in text]


def text_fields(resource: "Resource") -> list[str]:
    """The fields whose cells are searched for terms."""
    return [f.name for f in resource.schema.fields if f.type in ("string", "any")]


def cell_hits(batch: pa.RecordBatch, rows: np.ndarray, fields: list[str],
              terms: tuple[str, ...]) -> list[tuple[str, int, str]]:
    """(field, row, term) of the first hits per field in one batch (pure).

    A column is searched as one string first (no term in it: done); only a column where that
    finds something is searched value by value. Terms that are all non-ASCII (Chinese markings)
    cannot occur in a column of ASCII bytes (numbers, codes, e-mail), which is then skipped.
    """
    if not terms:
        return []
    pattern = "|".join(re.escape(t) for t in terms)
    wide = all(not t.isascii() for t in terms)
    out = []
    # Positions by name, once: ``batch.schema.names`` is a new list on every access, and looking
    # a name up in it for each field made this quadratic in the number of columns.
    position = {n: i for i, n in enumerate(batch.schema.names)}
    for name in fields:
        if name not in position:
            continue
        column = batch.column(position[name])
        if wide and is_ascii(column):
            continue
        if not pc.match_substring_regex(concatenated(column), pattern)[0].as_py():
            continue
        hits = np.flatnonzero(to_mask(pc.match_substring_regex(column, pattern)))
        for j in hits[:MAX_ROWS_PER_FIELD]:
            value = column[int(j)].as_py()
            out.append((name, int(rows[j]), next(t for t in terms if t in value)))
    return out


class CellFindings:
    """Collects one resource's cell hits across batches, at most MAX_ROWS_PER_FIELD per field."""

    def __init__(self, resource: str) -> None:
        self.resource = resource
        self.findings: list[Finding] = []
        self._listed: dict[str, int] = {}

    def add(self, hits: list[tuple[str, int, str]]) -> None:
        for name, row, term in hits:
            if self._listed.get(name, 0) < MAX_ROWS_PER_FIELD:
                self._listed[name] = self._listed.get(name, 0) + 1
                self.findings.append(Finding("sensitive_cell", self.resource, name, row, {"term": term}))
