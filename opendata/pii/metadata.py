"""Personal information outside the cells: titles, descriptions, keywords, field names, titles,
descriptions, ``enum`` values, constraints and the header labels of the file.

These strings reach the portal, ``catalog.json``, the DCAT file, the data dictionary and the CSV
header untreated, so they are scanned like cells: a check-digit or fixed-format identifier
anywhere in them, or a span the detectors find in free text (a name after 联系人：, a dwelling
address, a plate), is reported with the property that holds it. Nothing is treated here; the
check blocks and names the property.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

import pyarrow as pa

from .detectors import REGISTRY

if TYPE_CHECKING:
    from ..package import Package
    from .scan import ScanReport

__all__ = ["MetadataHit", "header_values", "holds_pii", "metadata_hits", "pii_types"]


@dataclass(frozen=True)
class MetadataHit:
    """A property holding personal information: where (``resources[0].schema.fields[2].title``),
    which type, and a masked sample of the text."""

    resource: str | None
    where: str
    type: str
    sample: str


def pii_types(texts: list[str]) -> list[set[str]]:
    """For each text, the personal types found in it: strong identifiers as whole values or in the
    text, and every type the detectors find as spans."""
    from .normalize import fold
    from .scan import scan_column

    out = []
    for text in texts:  # read as a reader reads them: 330802\u200b1957… in a title is an ID number
        _, found = scan_column(fold(pa.array([text], pa.string())), raw_only=True)
        out.append({kind for kind, c in found.items()
                    if REGISTRY[kind].personal and (c.span_matches or (c.matches and REGISTRY[kind].strong))})
    return out


def holds_pii(text: str, label: bool = False) -> bool:
    """Whether ``text`` holds personal information (as :func:`pii_types` finds it); a ``label``
    (a field name) that names an attribute (与户主关系) holds no name."""
    if not text:
        return False
    kinds = pii_types([text])[0]
    if label and "person_name" in kinds:
        from .decide import default_rules

        if default_rules().hints.attribute(text):
            kinds.discard("person_name")
    return bool(kinds)


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")


_PACKAGE_PROPS = ("name", "title", "description", "keywords", "homepage", "version")
_RESOURCE_PROPS = ("name", "title", "description")
_FIELD_PROPS = ("name", "title", "description", "example", "constraints", "trueValues", "falseValues",
                "missingValues")


def _properties(package: "Package") -> Iterator[tuple[str | None, str, str]]:
    descriptor = package.to_descriptor()
    for prop in _PACKAGE_PROPS:
        for where, text in _strings(descriptor.get(prop), prop):
            yield None, where, text
    for i, res in enumerate(package.resources):
        rdesc = res.descriptor
        for prop in _RESOURCE_PROPS:
            for where, text in _strings(rdesc.get(prop), f"resources[{i}].{prop}"):
                yield res.name, where, text
        for j, f in enumerate(res.schema.fields):
            base = f"resources[{i}].schema.fields[{j}]"
            for prop in _FIELD_PROPS:
                for where, text in _strings(f.descriptor.get(prop), f"{base}.{prop}"):
                    yield res.name, where, text
        if res.path is not None:
            try:
                labels = res.open().header
            except Exception:  # noqa: BLE001 - an unreadable file is reported by validation
                labels = []
            names = set(res.schema.field_names)
            for k, label in enumerate(labels):
                if label not in names:  # a label that is also a field name was scanned above
                    yield res.name, f"resources[{i}].header[{k}]", str(label)


def _is_label(where: str) -> bool:
    """Whether ``where`` is a field's name or title, or a header label (short labels, not prose)."""
    return where.endswith((".name", ".title")) and ".fields[" in where or ".header[" in where


def metadata_hits(package: "Package") -> list[MetadataHit]:
    """Every property of ``package`` that holds personal information."""
    from ..masking import sample

    from .decide import default_rules

    props = list(_properties(package))
    found = pii_types([text for _, _, text in props])
    hints = default_rules().hints
    for (_, where, text), kinds in zip(props, found):
        # A label that names an attribute (与户主关系, 单位名称) is not a name after a cue.
        if "person_name" in kinds and _is_label(where) and hints.attribute(text):
            kinds.discard("person_name")
    return [MetadataHit(resource, where, kind, sample(text))
            for (resource, where, text), kinds in zip(props, found) for kind in sorted(kinds)]


#: labels found to be a value of their own column (see :func:`header_values`): reports mask them
#: wherever they name the field (:func:`~opendata.pii.scan.report_name` has no scan to ask).
VALUE_LABELS: set[str] = set()


def header_values(package: "Package", scanned: "ScanReport") -> list[MetadataHit]:
    """Field names that are a value of their own column: a table exported without its header row
    has its first person's name (何涵晨) and ID number as labels. A name alone is no finding in a
    label (金额, 周期 begin with a surname), but a label that is a whole value of the type its
    column was decided to hold is that column's first row. Read as a reader reads it (folded)."""
    from ..masking import sample
    from .decide import default_rules
    from .detectors.person import ROLE_ENDS
    from .normalize import fold_text

    hints = default_rules().hints
    hits = []
    for i, res in enumerate(package.resources):
        found: list[tuple[int, str, str]] = []  # (field index, name, type)
        for j, f in enumerate(res.schema.fields):
            for d in scanned.resource(res.name).field(f.name).detected:
                detector = REGISTRY.get(d.type)
                if detector is None or not detector.personal or d.status != "column":
                    continue
                label = fold_text(f.name).strip()
                if hints.judge(label) or hints.attribute(label):
                    break  # a header word (申请人, 经办人 are names to the detector): a label
                if detector.cells(pa.array([label], pa.string()))[0]:
                    found.append((j, f.name, d.type))
                    break
        # A label of a role's form (经营者, 负责人, 驾驶员) fits a name's shape too: alone it is the header's word, not a
        # first row's name (a table without its header row has its other values as labels too: an ID, a phone).
        if found and all(kind == "person_name" for _, _, kind in found):
            found = [(j, name, kind) for j, name, kind in found if not name.strip().endswith(ROLE_ENDS + ("人",))]
        for j, name, kind in found:
            hits.append(MetadataHit(res.name, f"resources[{i}].schema.fields[{j}].name", kind, sample(name)))
            VALUE_LABELS.add(name)
    return hits
