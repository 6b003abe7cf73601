"""Pre-publication check for classification markings and sensitive terms (涉密和敏感信息检测).

Titles, descriptions and keywords of the package, its resources and fields, and every text cell
are searched for the policy's terms (plain substrings, one RE2 pass per text column). Each hit is a
blocking finding with the field and row, so the officer can look at it before anything is opened.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

import numpy as np
import pyarrow.compute as pc

from .classify import Finding

if TYPE_CHECKING:
    from .package import Package

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


def check_terms(package: "Package", terms: tuple[str, ...]) -> list[Finding]:
    """Every place a term occurs, as blocking findings."""
    if not terms:
        return []
    findings = []
    for resource, field, prop, text in _metadata(package):
        for term in terms:
            if term in text:
                findings.append(Finding("sensitive_metadata", resource, field, params={"property": prop, "term": term}))
    pattern = "|".join(re.escape(t) for t in terms)
    for res in package.resources:
        text_fields = [i for i, f in enumerate(res.schema.fields) if f.type in ("string", "any")]
        if not text_fields:
            continue
        listed: dict[str, int] = {}
        for batch, rows in res.numbered_batches():
            for i in text_fields:
                if i >= batch.num_columns:
                    continue
                column = batch.column(i)
                hits = np.flatnonzero(np.asarray(pc.fill_null(pc.match_substring_regex(column, pattern), False)
                                                 .to_numpy(zero_copy_only=False), dtype=bool))
                name = res.schema.fields[i].name
                for j in hits:
                    if listed.get(name, 0) >= MAX_ROWS_PER_FIELD:
                        break
                    listed[name] = listed.get(name, 0) + 1
                    value = column[int(j)].as_py()
                    term = next(t for t in terms if t in value)
                    findings.append(Finding("sensitive_cell", res.name, name, int(rows[j]), {"term": term}))
    return findings
