"""Validation reports: Frictionless error types, row and field positions, translatable messages."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from dataclasses import field as _field
from typing import Any

from .. import messages

# Error types that concern the whole table rather than a row (no row number).
HEADER_TYPES = ("blank-label", "duplicate-label", "incorrect-label", "missing-label", "extra-label")


@dataclass(frozen=True)
class ValidationError:
    """One problem: its Frictionless ``type``, where it is, and the parameters of its message.

    ``cell`` is always a masked sample (:func:`opendata.masking.sample`), never the raw value.
    """

    type: str
    row: int | None = None
    field: str | None = None
    field_number: int | None = None
    cell: str | None = None
    params: dict[str, Any] = _field(default_factory=dict)

    @property
    def message_key(self) -> str:
        if self.type == "constraint-error" and self.params.get("constraint") == "required":
            return "error.required"
        if self.type == "primary-key" and self.params.get("null"):
            return "error.primary-key.null"
        return f"error.{self.type}"

    def message(self, lang: str | None = None) -> str:
        """The problem in words, with row and field."""
        return messages.t(self.message_key, lang=lang, row=self.row, field=self.field,
                          field_number=self.field_number, cell=self.cell, **self.params)

    def hint(self, lang: str | None = None) -> str:
        """What the data officer should do about it."""
        text = messages.t(self.message_key + ".hint", lang=lang)
        if self.params.get("unclosed_quote"):
            text = messages.t("error.missing-cell.quote_hint", lang=lang) + "；" + text \
                if (lang or messages.current_language()) == "zh" else \
                messages.t("error.missing-cell.quote_hint", lang=lang) + "; " + text
        return text

    def sort_key(self) -> tuple[int, int]:
        return (self.row or 0, self.field_number or 0)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v is not None and v != {}}
        out["message"] = self.message(lang)
        out["hint"] = self.hint(lang)
        return out


@dataclass
class ResourceReport:
    """The validation of one resource: what was read and every problem found (up to a limit)."""

    name: str
    path: str
    format: str
    encoding: str | None = None
    rows: int = 0
    fields: int = 0
    errors: list[ValidationError] = _field(default_factory=list)
    counts: Counter = _field(default_factory=Counter)
    schema_inferred: bool = False
    notes: list[str] = _field(default_factory=list)

    @property
    def error_count(self) -> int:
        return sum(self.counts.values())

    @property
    def valid(self) -> bool:
        return self.error_count == 0

    @property
    def truncated(self) -> bool:
        return self.error_count > len(self.errors)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "name": self.name, "path": self.path, "format": self.format, "encoding": self.encoding,
            "rows": self.rows, "fields": self.fields, "valid": self.valid,
            "schemaInferred": self.schema_inferred, "notes": self.notes, "errorCount": self.error_count,
            "errorCounts": dict(sorted(self.counts.items())), "truncated": self.truncated,
            "errors": [e.to_dict(lang) for e in self.errors],
        }


@dataclass
class ValidationReport:
    """Validation of every resource of a package."""

    resources: list[ResourceReport] = _field(default_factory=list)

    @property
    def valid(self) -> bool:
        return all(r.valid for r in self.resources)

    @property
    def error_count(self) -> int:
        return sum(r.error_count for r in self.resources)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {"valid": self.valid, "errorCount": self.error_count,
                "resources": [r.to_dict(lang) for r in self.resources]}
