"""Table Schema model: fields, constraints, keys (Frictionless Table Schema v1 semantics).

Descriptors stay dictionaries at rest (they are what is published); these classes give typed,
checked access to the parts opendata acts on and raise :class:`DescriptorError` with the file,
resource and field for anything unknown or malformed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .errors import DescriptorError

FIELD_TYPES = (
    "string", "number", "integer", "boolean", "object", "array", "date", "time", "datetime",
    "year", "yearmonth", "duration", "geopoint", "geojson", "any",
)
DEFAULT_MISSING_VALUES = ("",)
DEFAULT_TRUE_VALUES = ("true", "True", "TRUE", "1")
DEFAULT_FALSE_VALUES = ("false", "False", "FALSE", "0")


@dataclass(frozen=True)
class Field:
    """One column of a table schema."""

    name: str
    type: str = "string"
    format: str = "default"
    title: str = ""
    description: str = ""
    constraints: dict[str, Any] = field(default_factory=dict)
    missing_values: tuple[str, ...] = DEFAULT_MISSING_VALUES
    descriptor: dict[str, Any] = field(default_factory=dict)

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def opendata(self) -> dict[str, Any]:
        """opendata's own properties of the field (``"opendata": {...}`` in the descriptor)."""
        return dict(self.descriptor.get("opendata") or {})

    def option(self, name: str, default: Any) -> Any:
        """A type option of the field (``trueValues``, ``decimalChar``, ``bareNumber`` …)."""
        return self.descriptor.get(name, default)


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str  # "" means this same resource
    reference_fields: tuple[str, ...]


@dataclass(frozen=True)
class Schema:
    """A Table Schema: ordered fields, primary key, foreign keys, missing values."""

    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    missing_values: tuple[str, ...] = DEFAULT_MISSING_VALUES
    descriptor: dict[str, Any] = field(default_factory=dict)

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]

    def get(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def to_descriptor(self) -> dict[str, Any]:
        """The schema as a Table Schema descriptor (what was declared, unchanged)."""
        return dict(self.descriptor)

    @classmethod
    def from_descriptor(cls, descriptor: dict[str, Any], *, path: str, resource: str) -> "Schema":
        """Parse and check a Table Schema descriptor; errors name ``path`` and ``resource``."""
        if not isinstance(descriptor, dict):
            raise DescriptorError("descriptor.invalid", path=path, where=f"resources[{resource}].schema",
                                  reason="schema must be an object")
        from .descriptor import check_table_schema

        check_table_schema(descriptor, path, resource)
        raw_fields = descriptor.get("fields")
        if not isinstance(raw_fields, list) or not raw_fields:
            raise DescriptorError("descriptor.invalid", path=path, where=f"{resource}.schema.fields",
                                  reason="fields must be a non-empty array")
        missing = tuple(descriptor.get("missingValues", DEFAULT_MISSING_VALUES))
        fields = tuple(_parse_field(raw, i, missing, path=path, resource=resource)
                       for i, raw in enumerate(raw_fields))
        names = [f.name for f in fields]
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise DescriptorError("descriptor.invalid", path=path, where=f"{resource}.schema.fields",
                                      reason=f"duplicate field name {name!r}")
            seen.add(name)

        primary_key = _key_fields(descriptor.get("primaryKey"))
        for name in primary_key:
            if name not in seen:
                raise DescriptorError("descriptor.unknown_key_field", path=path, resource=resource,
                                      key="primaryKey", field=name)
        foreign_keys = []
        for raw in descriptor.get("foreignKeys") or []:
            try:
                own = _key_fields(raw["fields"])
                ref = raw["reference"]
                ref_fields = _key_fields(ref["fields"])
                ref_resource = ref.get("resource", "") or ""
            except (KeyError, TypeError):
                raise DescriptorError("descriptor.invalid", path=path, where=f"{resource}.schema.foreignKeys",
                                      reason="each foreign key needs fields and reference.fields") from None
            for name in own:
                if name not in seen:
                    raise DescriptorError("descriptor.unknown_key_field", path=path, resource=resource,
                                          key="foreignKeys", field=name)
            if len(own) != len(ref_fields):
                raise DescriptorError("descriptor.invalid", path=path, where=f"{resource}.schema.foreignKeys",
                                      reason="fields and reference.fields differ in length")
            foreign_keys.append(ForeignKey(own, ref_resource, ref_fields))
        return cls(fields, primary_key, tuple(foreign_keys), missing, dict(descriptor))


def _key_fields(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _format(value: str) -> str:
    return value[4:] if isinstance(value, str) and value.startswith("fmt:") else value


def _parse_field(raw: Any, index: int, missing: tuple[str, ...], *, path: str, resource: str) -> Field:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not raw["name"]:
        raise DescriptorError("descriptor.invalid", path=path, where=f"{resource}.schema.fields[{index}]",
                              reason="each field needs a non-empty name")
    name = raw["name"]
    ftype = raw.get("type", "string")
    if ftype not in FIELD_TYPES:
        raise DescriptorError("descriptor.unknown_field_type", path=path, resource=resource, field=name,
                              type=ftype, known=", ".join(FIELD_TYPES))
    constraints = dict(raw.get("constraints") or {})
    pattern = constraints.get("pattern")
    if pattern is not None:
        try:
            re.compile(pattern)
        except (re.error, TypeError) as exc:
            raise DescriptorError("descriptor.bad_pattern", path=path, field=name, reason=str(exc)) from None
    return Field(
        name=name,
        type=ftype,
        # "fmt:%d/%m/%Y" is Table Schema's deprecated spelling of "%d/%m/%Y" (Frictionless reads both).
        format=_format(raw.get("format", "default") or "default"),
        title=raw.get("title", ""),
        description=raw.get("description", ""),
        constraints=constraints,
        missing_values=tuple(raw.get("missingValues", missing)),
        descriptor=dict(raw),
    )
