"""Validation of opendata's own descriptor properties (``"opendata": {...}``).

Shape is checked by the JSON Schema in ``schemas/opendata.schema.json``; values that name a
taxonomy entry (subject area, update frequency, openness, publisher) must exist in ``catalog/``;
PI types, operators and grades must be known. Every error names the file and the property.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

import jsonschema

from . import taxonomy
from .errors import DescriptorError
from .paths import schemas_dir

TAXONOMY_PROPERTIES = {"publisher": "organizations", "subject": "subjects", "frequency": "frequencies",
                       "openness": "openness"}


@lru_cache(maxsize=1)
def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    schema = json.loads((schemas_dir() / "opendata.schema.json").read_text(encoding="utf-8"))
    return {kind: jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{kind}"})
            for kind in ("package", "field")}


def _check_shape(kind: str, props: Any, path: str, where: str) -> None:
    errors = sorted(_validators()[kind].iter_errors(props), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        at = ".".join([where] + [str(p) for p in first.path])
        raise DescriptorError("descriptor.invalid", path=path, where=at, reason=first.message)


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
