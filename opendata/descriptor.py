"""Validation of opendata's own descriptor properties (``"opendata": {...}``).

Shape is checked by the JSON Schema in ``schemas/opendata.schema.json``; values that name a
taxonomy entry (subject area, update frequency, openness, publisher) must exist in ``catalog/``;
PI types, operators and grades must be known. Every error names the file and the property.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

import jsonschema

from . import taxonomy
from .errors import DescriptorError
from .paths import schemas_dir

TAXONOMY_PROPERTIES = {"publisher": "organizations", "subject": "subjects", "frequency": "frequencies",
                       "openness": "openness"}


#: URL properties: where each is in a package descriptor (``*`` = every item of a list).
URL_PROPERTIES = (("homepage",), ("licenses", "*", "path"), ("sources", "*", "path"),
                  ("contributors", "*", "path"), ("opendata", "contact", "url"))
# Only these schemes may reach a link in the portal or CKAN; no whitespace or control character
# anywhere (browsers drop tabs and newlines, so "java\tscript:" would still be javascript:).
_SAFE_URL = re.compile(r"^(?:https?://|mailto:)[^\x00-\x20\x7f-\x9f]+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    schema = json.loads((schemas_dir() / "opendata.schema.json").read_text(encoding="utf-8"))
    standard = json.loads((schemas_dir() / "datapackage.types.schema.json").read_text(encoding="utf-8"))
    out = {kind: jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{kind}"})
           for kind in ("package", "field")}
    out.update({f"standard.{kind}": jsonschema.Draft202012Validator({**standard, "$ref": f"#/$defs/{kind}"})
                for kind in ("package", "tableSchema")})
    return out


def schema_reason(error: jsonschema.ValidationError) -> str:
    """What a JSON Schema error says, without the offending value: jsonschema's own message
    quotes it, and a value may be a whole data file read by mistake, personal data included."""
    value = error.validator_value
    if error.validator == "type":
        return f"must be of type {' or '.join(value) if isinstance(value, list) else value}"
    if error.validator in ("enum", "const"):
        return "must be one of: " + ", ".join(map(str, value if isinstance(value, list) else [value]))
    if error.validator == "required":
        return error.message  # names the schema's property, not a value
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = error.schema.get("properties", {})
        extra = sorted(str(k)[:64] for k in error.instance if k not in allowed)
        return f"properties not allowed: {', '.join(extra)}"
    if error.validator in ("oneOf", "anyOf") and isinstance(value, list):
        kinds = [str(alt.get("type", "?")) + (f" of {alt['items'].get('type')}" if isinstance(alt.get("items"), dict)
                                             and alt["items"].get("type") else "") for alt in value]
        return "must be " + " or ".join(kinds)
    if error.validator in ("minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "pattern"):
        return f"breaks {error.validator} {value}"
    return f"is not valid ({error.validator})"


def _check_shape(kind: str, props: Any, path: str, where: str) -> None:
    errors = sorted(_validators()[kind].iter_errors(props), key=lambda e: [str(p) for p in e.path])
    if errors:
        first = errors[0]
        at = ".".join(([where] if where else []) + [str(p) for p in first.path]) or "/"
        raise DescriptorError("descriptor.invalid", path=path, where=at, reason=schema_reason(first))


def check_standard(descriptor: dict[str, Any], path: str) -> None:
    """Type-check the standard Data Package properties opendata reads, and its URL properties,
    before anything uses them: errors name the file and the property."""
    _check_shape("standard.package", descriptor, path, "")
    for where, value in _urls(descriptor, URL_PROPERTIES):
        if not isinstance(value, str) or not _SAFE_URL.match(value):
            raise DescriptorError("hostile.bad_url", path=path, property=where)


def check_table_schema(schema: Any, path: str, resource: str) -> None:
    """Type-check a Table Schema's standard properties (fields, keys, missing values)."""
    _check_shape("standard.tableSchema", schema, path, f"{resource}.schema")


def _urls(node: Any, specs: tuple[tuple[str, ...], ...]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []

    def walk(value: Any, steps: tuple[str, ...], at: str) -> None:
        if not steps:
            if value is not None:
                found.append((at, value))
        elif steps[0] == "*":
            for i, item in enumerate(value if isinstance(value, list) else []):
                walk(item, steps[1:], f"{at}[{i}]")
        elif isinstance(value, dict) and steps[0] in value:
            walk(value[steps[0]], steps[1:], f"{at}.{steps[0]}" if at else steps[0])

    for spec in specs:
        walk(node, spec, "")
    return found


def check_package(descriptor: dict[str, Any], path: str) -> None:
    """Check the package's and every field's ``opendata`` properties."""
    from .pii.detectors import REGISTRY
    from .pii.operators import OPERATORS

    props = descriptor.get("opendata")
    if props is not None:
        _check_shape("package", props, path, "opendata")
        for prop, kind in TAXONOMY_PROPERTIES.items():
            value = props.get(prop)
            if value is not None and taxonomy.get(kind, value) is None:
                known = ", ".join(sorted(taxonomy.items(kind)))
                raise DescriptorError("descriptor.unknown_term", path=path, property=f"opendata.{prop}",
                                      value=value, known=known)
    for res in descriptor.get("resources") or []:
        schema = res.get("schema") if isinstance(res, dict) else None
        for f in (schema or {}).get("fields", []) if isinstance(schema, dict) else []:
            fprops = f.get("opendata") if isinstance(f, dict) else None
            if fprops is None:
                continue
            where = f"{res.get('name')}.{f.get('name')}.opendata"
            _check_shape("field", fprops, path, where)
            kinds = fprops.get("pii")
            for kind in ([kinds] if isinstance(kinds, str) else kinds or []):
                if kind != "none" and kind not in REGISTRY:
                    raise DescriptorError("descriptor.unknown_term", path=path, property=f"{where}.pii", value=kind,
                                          known=", ".join(sorted(REGISTRY)) + ", none")
            for key in ("treatment", "treated"):
                operator = (fprops.get(key) or {}).get("operator")
                if operator is not None and operator not in OPERATORS:
                    raise DescriptorError("descriptor.unknown_term", path=path, property=f"{where}.{key}.operator",
                                          value=operator, known=", ".join(sorted(OPERATORS)))
            treatment = fprops.get("treatment")
            if treatment:
                OPERATORS[treatment["operator"]].check(treatment, kinds if isinstance(kinds, str) else None,
                                                       where=f"{path}: {where}.treatment")
