"""Validation of packages against their Table Schemas, with Frictionless error semantics."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .integrity import file_errors, row_count_errors
from .report import ResourceReport, ValidationError, ValidationReport
from .table import DEFAULT_LIMIT, check_chunk, reference_set, validate_table

if TYPE_CHECKING:
    from ..package import Package

__all__ = ["validate", "validate_table", "check_chunk", "ValidationReport", "ResourceReport",
           "ValidationError", "DEFAULT_LIMIT"]


def validate(package: "Package", *, limit: int = DEFAULT_LIMIT, per_chunk=None, on_result=None) -> ValidationReport:
    """Validate every resource of ``package``; at most ``limit`` errors are kept per resource.

    Raises :class:`~opendata.errors.InputError` when a file cannot be read at all; problems in
    the data itself are reported, never raised. ``per_chunk(resource)`` may give a further pure
    per-chunk step for each resource, run in the same pass; ``on_result(resource)`` its receiver.
    A resource's declared ``bytes``, ``hash`` and ``rows`` are checked against its file too.
    """
    report = ValidationReport()
    by_name = {r.name: r for r in package.resources}
    for resource in package.resources:
        refs = {
            fk.resource: (lambda fk=fk: reference_set(by_name[fk.resource].open(),
                                                      by_name[fk.resource].schema, fk.reference_fields))
            for fk in resource.schema.foreign_keys if fk.resource
        }
        result = validate_table(resource.open(), resource.schema, name=resource.name, limit=limit,
                                references=refs, per_chunk=per_chunk(resource) if per_chunk else None,
                                on_result=on_result(resource) if on_result else None)
        result.schema_inferred = resource.schema_inferred
        if resource.path is not None:
            # ``bytes``/``hash`` of its one file, or the SHA-256 of each part it lists.
            found = file_errors(resource.descriptor, resource.path, resource.parts, where=str(package.source))
            found += row_count_errors(resource.descriptor, result.rows)
            result.counts.update(e.type for e in found)
            result.errors = (found + result.errors)[:max(limit, 0)]
        report.resources.append(result)
    return report
