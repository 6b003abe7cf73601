"""Validation of one table: header labels, then every chunk, then keys across the whole table.

:func:`check_chunk` is a pure function of a chunk and a schema, so the same per-batch step can run
on a distributed engine; :func:`validate_table` drives it over a stream and adds what needs the
whole table (unique fields, primary and foreign keys).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping

import numpy as np
import pyarrow as pa

from ..masking import sample
from ..parallel import ordered_map
from ..readers.base import Chunk, TableSource
from ..schema import Schema
from ..strings import byte_lengths
from . import constraints
from .keys import DuplicateFinder, ReferenceSet, all_null
from .report import ResourceReport, ValidationError
from .types import read_column

DEFAULT_LIMIT = 1000


@dataclass
class _Candidates:
    """Error positions found in a chunk before they are turned into error objects."""

    parts: list[tuple[str, np.ndarray, int, dict, pa.Array | None]] = field(default_factory=list)

    def add(self, kind: str, index: np.ndarray, field_number: int, params: dict | None = None,
            raw: pa.Array | None = None) -> None:
        if len(index):
            self.parts.append((kind, index, field_number, params or {}, raw))


@dataclass
class ChunkResult:
    """What :func:`check_chunk` found: the first errors, all counts, typed key columns."""

    errors: list[ValidationError]
    counts: Counter
    typed: dict[str, pa.Array]
    usable: np.ndarray  # rows that are neither blank nor structurally broken


def label_errors(header: list[str], schema: Schema, *, case_sensitive: bool = True) -> list[ValidationError]:
    """Header problems: blank, duplicate, incorrect, missing and extra labels (``case_sensitive``
    False: a label matches its field name whatever the case, the dialect's ``headerCase``).

    A label may also be the field's ``title``: government exports head their columns in Chinese
    (统一社会信用代码) over a shared schema's identifier-safe names (``uscc``) and titles."""
    errors: list[ValidationError] = []
    seen: set[str] = set()
    names = schema.field_names
    titles = [(f.title or "").strip() for f in schema.fields]
    for i, label in enumerate(header):
        number = i + 1
        # Whitespace around a label is not part of it (Frictionless compares labels stripped).
        label = label.strip()
        if i >= len(names):  # past the schema, blank or not: an extra label (as Frictionless)
            errors.append(ValidationError("extra-label", field_number=number, params={"label": label}))
        elif label == "":
            errors.append(ValidationError("blank-label", field_number=number, params={"label": label}))
        elif label in seen:
            errors.append(ValidationError("duplicate-label", field_number=number, params={"label": label}))
        elif label != names[i] and label != titles[i] and (case_sensitive or label.casefold() != names[i].casefold()):
            errors.append(ValidationError("incorrect-label", field=names[i], field_number=number,
                                          params={"label": label}))
        seen.add(label)
    for i in range(len(header), len(names)):
        errors.append(ValidationError("missing-label", field=names[i], field_number=i + 1))
    return errors


def check_chunk(chunk: Chunk, schema: Schema, budget: int) -> ChunkResult:
    """Validate the rows of ``chunk`` against ``schema``; keep at most ``budget`` error objects."""
    width = chunk.data.num_columns
    fields = schema.fields
    n = chunk.num_rows
    candidates = _Candidates()

    # Blank rows: every cell empty or a missing value. They get one error and nothing else.
    blank = np.ones(n, dtype=bool)
    typed_columns = {}
    for i in range(width):
        raw = chunk.data.column(i)
        if i < len(fields):
            col = read_column(raw, fields[i])
            typed_columns[i] = col
            blank &= col.missing
        else:
            blank &= byte_lengths(raw) == 0  # null or empty
    candidates.add("blank-row", np.flatnonzero(blank), 0)

    structural = np.zeros(n, dtype=bool)
    position = {int(r): j for j, r in enumerate(chunk.rows)} if chunk.issues else {}
    for issue in chunk.issues:
        j = position.get(issue.row)
        if j is None or blank[j]:
            continue
        structural[j] = True
        if issue.actual < issue.expected:
            for number in range(issue.actual + 1, issue.expected + 1):
                name = fields[number - 1].name if number <= len(fields) else None
                candidates.add("missing-cell", np.array([j]), number,
                               {"expected": issue.expected, "actual": issue.actual, "field": name,
                                "unclosed_quote": issue.unclosed_quote or None})
        else:
            for number in range(issue.expected + 1, issue.actual + 1):
                candidates.add("extra-cell", np.array([j]), number,
                               {"expected": issue.expected, "actual": issue.actual})

    # A header wider or narrower than the schema is reported once, as label errors (as Frictionless
    # does); rows are not also charged with a cell error for that column.
    live = ~blank
    typed: dict[str, pa.Array] = {}
    for i, col in typed_columns.items():
        fld = fields[i]
        raw = chunk.data.column(i)
        typed[fld.name] = col.values
        candidates.add("type-error", np.flatnonzero(col.invalid & live), i + 1,
                       {"type": fld.type, "format": fld.format}, raw)
        for name, value, mask in constraints.broken(raw, col, fld, required=fld.required):
            constraint = "required" if name == "required" else f"{name} = {value}"
            candidates.add("constraint-error", np.flatnonzero(mask & live), i + 1,
                           {"constraint": constraint}, raw)

    errors, counts = _materialize(candidates, chunk, fields, budget)
    return ChunkResult(errors, counts, typed, live & ~structural)


def _materialize(candidates: _Candidates, chunk: Chunk, fields, budget: int
                 ) -> tuple[list[ValidationError], Counter]:
    counts: Counter = Counter()
    if not candidates.parts:
        return [], counts
    for kind, index, *_ in candidates.parts:
        counts[kind] += len(index)
    # Order every candidate by (row, field) and build objects for the first ``budget`` only.
    part_of = np.concatenate([np.full(len(p[1]), k) for k, p in enumerate(candidates.parts)])
    index = np.concatenate([p[1] for p in candidates.parts])
    numbers = np.concatenate([np.full(len(p[1]), p[2]) for p in candidates.parts])
    order = np.lexsort((numbers, chunk.rows[index]))[:max(budget, 0)]
    errors = []
    for k in order:
        kind, _, number, params, raw = candidates.parts[part_of[k]]
        j = int(index[k])
        name = fields[number - 1].name if 0 < number <= len(fields) else params.get("field")
        cell = sample(raw[j].as_py()) if raw is not None else None
        errors.append(ValidationError(kind, row=int(chunk.rows[j]), field=name,
                                      field_number=number or None, cell=cell,
                                      params={k2: v for k2, v in params.items() if v is not None and k2 != "field"}))
    return errors, counts


def validate_table(source: TableSource, schema: Schema, *, name: str, limit: int = DEFAULT_LIMIT,
                   references: Mapping[str, Callable[[], ReferenceSet]] | None = None,
                   batch_rows: int | None = None, per_chunk: Callable[[Chunk], Any] | None = None,
                   on_result: Callable[[Chunk, Any], None] | None = None) -> ResourceReport:
    """Validate a whole table, streaming; ``references`` builds the key sets of other resources.

    ``per_chunk`` is another pure per-chunk step (the PI scan) run in the same pass and thread
    pool; ``on_result`` receives its results in order. Chunks are checked on a few threads.
    """
    report = ResourceReport(name=name, path=source.path, format=source.format,
                            encoding=source.encoding, fields=len(schema.fields))
    report.notes.extend(source.notes)
    errors = label_errors(source.header, schema, case_sensitive=source.header_case) if source.has_header else []
    report.counts.update(e.type for e in errors)
    errors = errors[:limit]

    uniques = {f.name: DuplicateFinder() for f in schema.fields if f.constraints.get("unique")}
    # A one-field primary key on a unique field repeats exactly where the field does (a null is
    # neither compared nor a repeat): its duplicates are found once, for both errors.
    shared = schema.primary_key[0] if len(schema.primary_key) == 1 and schema.primary_key[0] in uniques else None
    primary = DuplicateFinder() if schema.primary_key and shared is None else None
    foreign = []
    for fk in schema.foreign_keys:
        if fk.resource == "":
            refs = _self_reference(source, schema, fk.reference_fields, batch_rows)
        else:
            refs = (references or {})[fk.resource]()
        foreign.append((fk, refs))

    def work(chunk: Chunk) -> tuple[Chunk, ChunkResult, Any]:
        return chunk, check_chunk(chunk, schema, limit), per_chunk(chunk) if per_chunk else None

    try:
        for chunk, result, extra in ordered_map(work, _chunks(source, batch_rows)):
            if on_result is not None:
                on_result(chunk, extra)
            report.rows += chunk.num_rows
            report.counts.update(result.counts)
            errors.extend(result.errors[:max(limit - len(errors), 0)])
            # Every row takes part in uniqueness, blank and ragged ones too (as in Frictionless);
            # a null never repeats, and a key whose cells are all null is itself an error.
            for field_name, finder in uniques.items():
                if field_name in result.typed:
                    finder.add([result.typed[field_name]], chunk.rows)
            if schema.primary_key and all(k in result.typed for k in schema.primary_key):
                key = [result.typed[k] for k in schema.primary_key]
                no_key = all_null(key)
                if primary is not None:
                    primary.add(key, chunk.rows, keep=~no_key)
                null_rows = chunk.rows[no_key]
                report.counts["primary-key"] += len(null_rows)
                for row in null_rows[:max(limit - len(errors), 0)]:
                    errors.append(ValidationError("primary-key", row=int(row), params={
                        "fields": ", ".join(schema.primary_key), "null": True}))
            for fk, refs in foreign:
                if not all(k in result.typed for k in fk.fields):
                    continue
                # Ragged rows are checked too (as in Frictionless); blank ones have no key.
                found, keyed = refs.contains([result.typed[k] for k in fk.fields])
                bad = np.flatnonzero(~found & keyed)
                report.counts["foreign-key"] += len(bad)
                for j in bad[:max(limit - len(errors), 0)]:
                    errors.append(ValidationError("foreign-key", row=int(chunk.rows[j]),
                                                  params={"fields": ", ".join(fk.fields),
                                                          "reference": fk.resource or name}))

        repeated: list[ValidationError] = []
        for field_name, finder in uniques.items():
            number = schema.field_names.index(field_name) + 1
            for row, first in finder.duplicates():
                report.counts["unique-error"] += 1
                if len(errors) + len(repeated) < limit:
                    repeated.append(ValidationError("unique-error", row=row, field=field_name,
                                                    field_number=number, params={"first_row": first}))
                if field_name == shared:
                    _primary_key_error(report, errors, limit - len(repeated), schema, row, first)
        errors.extend(_with_cells(source, repeated, batch_rows))
        if primary is not None:
            for row, first in primary.duplicates():
                _primary_key_error(report, errors, limit, schema, row, first)
    finally:
        for finder in list(uniques.values()) + ([primary] if primary else []):
            finder.close()

    report.errors = sorted(errors, key=ValidationError.sort_key)
    return report


def _primary_key_error(report: ResourceReport, errors: list[ValidationError], limit: int, schema: Schema,
                       row: int, first: int) -> None:
    report.counts["primary-key"] += 1
    if len(errors) < limit:
        errors.append(ValidationError("primary-key", row=row, params={
            "first_row": first, "fields": ", ".join(schema.primary_key)}))


def _with_cells(source: TableSource, errors: list[ValidationError], batch_rows: int | None
                ) -> list[ValidationError]:
    """The listed unique errors with the masked value that repeats. Duplicates are found from
    hashes at the end of the pass, so their cells are read back in a second pass — only when
    there are any, and only up to the last row needed."""
    if not errors:
        return errors
    wanted = np.unique(np.array([e.row for e in errors], dtype=np.int64))
    cells: dict[tuple[int, int], str] = {}
    columns = {e.field_number - 1 for e in errors}
    for chunk in _chunks(source, batch_rows):
        for j in np.flatnonzero(np.isin(chunk.rows, wanted)):
            for i in columns:
                if i < chunk.data.num_columns:
                    cells[(int(chunk.rows[j]), i)] = sample(chunk.data.column(i)[int(j)].as_py())
        if len(chunk.rows) and chunk.rows[-1] >= wanted[-1]:
            break
    return [replace(e, cell=cells.get((e.row, e.field_number - 1))) for e in errors]


def _chunks(source: TableSource, batch_rows: int | None) -> Iterable[Chunk]:
    return source.chunks(batch_rows) if batch_rows else source.chunks()


def _self_reference(source: TableSource, schema: Schema, fields: tuple[str, ...],
                    batch_rows: int | None) -> ReferenceSet:
    refs = ReferenceSet()
    index = [schema.field_names.index(f) for f in fields]
    for chunk in _chunks(source, batch_rows):
        if all(i < chunk.data.num_columns for i in index):
            refs.add([read_column(chunk.data.column(i), schema.fields[i]).values for i in index])
    return refs


def reference_set(source: TableSource, schema: Schema, fields: tuple[str, ...]) -> ReferenceSet:
    """The key set of ``fields`` of another resource, for foreign keys pointing at it."""
    return _self_reference(source, schema, fields, None)
