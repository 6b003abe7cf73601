"""``opendata describe``: a complete ``datapackage.json`` drafted for a bare table file.

From a CSV/XLSX/XLS/JSON/Parquet export as a department has it, :func:`describe` drafts the
descriptor an officer would otherwise write by hand:

- an ASCII ``name`` from the title (pinyin of a Chinese title, never a generic ``data``), the title;
- an identifier-safe schema whose fields keep the headers as titles; columns matched to a shared
  Table Schema (the workspace's ``schemas/`` or the shipped ones) by title or name take its
  fields, types and constraints (统一社会信用代码 → ``uscc``);
- personal information found in each field, with the policy's treatment to apply, or the
  shared schema's disclosure;
- the grade and openness the check gives the draft, with its reasons;
- the workspace's publisher, licence, contact and update frequency;
- and what is left for the officer to decide (:attr:`Draft.decisions`).

Nothing is guessed towards publishing: fields with no personal information found are not graded
for the officer, so the dataset stays at the policy's default (restricted) grade until someone
sets it.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import messages
from .errors import InputError

#: share of a table's columns a shared schema must match to be used
SHARED_MATCH_SHARE = 0.6


@dataclass
class Draft:
    """A drafted descriptor, and what the officer still has to decide."""

    descriptor: dict[str, Any]
    source: Path
    decisions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    grade: str = ""
    openness: str = ""
    reasons: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.descriptor, ensure_ascii=False, indent=2) + "\n"

    def to_text(self, lang: str | None = None) -> str:
        """The summary an officer reads: the name, grade and openness with reasons, and what is left."""
        t = lambda key, **kw: messages.t(key, lang=lang, **kw)  # noqa: E731
        from . import taxonomy

        lines = [t("describe.summary", name=self.descriptor["name"], title=self.descriptor.get("title", ""),
                   fields=len(self.descriptor["resources"][0]["schema"]["fields"]))]
        lines += [f"  {n}" for n in self.notes]
        lines.append(t("describe.grade", grade=self.grade, openness=taxonomy.label("openness", self.openness, lang)))
        lines += [f"  - {r}" for r in self.reasons]
        if self.decisions:
            lines.append(t("describe.decide"))
            lines += [f"  {i}. {d}" for i, d in enumerate(self.decisions, 1)]
        return "\n".join(lines)


def identifier(label: str, index: int, taken: set[str]) -> str:
    """An identifier-safe field name for a header: ASCII, pinyin for Chinese, ``_`` between words."""
    from .naming import ascii_name

    name = ascii_name(label).replace("-", "_")
    if not name or not name[0].isalpha():
        name = f"field{index + 1}" + (f"_{name}" if name else "")
    base, n = name[:60], 2
    name = base
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _shared_schemas() -> list[tuple[str, dict[str, Any]]]:
    from .paths import shared_schema_dirs

    found = []
    for directory in shared_schema_dirs():
        for path in sorted(directory.glob("*.json")):
            try:
                schema = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if isinstance(schema, dict) and isinstance(schema.get("fields"), list):
                found.append((path.stem, schema))
    return found


def _key(text: str) -> str:
    return re.sub(r"[\s_\-（）()]+", "", str(text)).casefold()


def match_shared(header: list[str]) -> tuple[str, dict[int, dict[str, Any]]] | None:
    """The shared schema most of ``header``'s columns belong to (by field title or name), and the
    matched field of each column index; ``None`` if none covers :data:`SHARED_MATCH_SHARE`."""
    best: tuple[str, dict[int, dict[str, Any]]] | None = None
    for stem, schema in _shared_schemas():
        by_key: dict[str, dict[str, Any]] = {}
        for f in schema["fields"]:
            if isinstance(f, dict) and f.get("name"):
                for text in (f["name"], f.get("title") or ""):
                    if text:
                        by_key.setdefault(_key(text), f)
        matched: dict[int, dict[str, Any]] = {}
        used: set[str] = set()
        for i, label in enumerate(header):
            f = by_key.get(_key(label))
            if f is not None and f["name"] not in used:
                matched[i] = f
                used.add(f["name"])
        if len(matched) >= max(2, SHARED_MATCH_SHARE * len(header)) and (best is None or len(matched) > len(best[1])):
            best = (stem, matched)
    return best


def _serial_dates(label: str, ftype: str, column: Any) -> bool:
    """Whether a column headed as a date holds whole numbers in Excel's serial-date range (1927–2119):
    cells left unformatted in the workbook, which only the officer can turn back into dates."""
    if ftype != "integer" or not re.search(r"日期|时间|年月日|date", label, re.IGNORECASE):
        return False
    values = [int(v) for v in column.to_pylist() if v]
    return bool(values) and all(10_000 <= v <= 80_000 for v in values)


def _title(path: Path, title: str | None, sheet_title: str | None) -> str:
    from .naming import is_generic

    if title:
        return title.strip()
    for candidate in (sheet_title, path.stem):
        if candidate and not is_generic(candidate):
            return candidate.strip()
    raise InputError("describe.generic_title", path=str(path), stem=path.stem)


def _spreadsheet_layout(path: Path, sheet: str | None) -> dict[str, Any]:
    """For a workbook: which sheet, where its table is (a dialect), its title row, what was
    skipped and why (row numbers only: a note may name a person), and the other sheets."""
    from .readers import format_of

    fmt = format_of(path, None)
    if fmt == "csv":
        return _csv_layout(path)
    if fmt != "xlsx":
        return {}
    from .readers.excel import read_rows, sheet_names
    from .readers.layout import find_table

    names = sheet_names(path)
    chosen = sheet
    if chosen is None:  # the first sheet with data
        chosen = next((n for n in names if any(c.strip() for r in read_rows(path, n) for c in r)), names[0] if names else None)
    rows = read_rows(path, chosen)
    found = find_table(rows)
    notes = []
    if len(names) > 1:
        notes.append(messages.t("describe.sheets", sheet=chosen, others=", ".join(n for n in names if n != chosen)))
    for kind in ("title", "note"):
        skipped = [str(r) for r, why in found.skipped if why == kind]
        if skipped:
            notes.append(messages.t(f"describe.skipped_{kind}", rows=", ".join(skipped)))
    if len(found.header_rows) > 1:
        notes.append(messages.t("describe.header_rows", rows=", ".join(map(str, found.header_rows))))
    return {"sheet": chosen if len(names) > 1 or sheet is not None else None, "dialect": found.dialect or None,
            "title": found.title, "notes": notes}


#: a CSV up to this size is read whole to find totals and notes at its end; a larger one only its top
CSV_LAYOUT_BYTES = 20 << 20
CSV_TOP_ROWS = 200


def _csv_layout(path: Path) -> dict[str, Any]:
    """Title rows, a two-row header and closing notes in a CSV export, as a dialect (the delimiter
    too when it is not a comma, so the file is never sniffed differently later)."""
    import csv as pycsv
    import itertools

    from . import encoding as enc
    from .readers.csv import sniff_delimiter
    from .readers.layout import find_table

    codec = enc.detect(path)
    delimiter = sniff_delimiter(path, codec)
    whole = path.stat().st_size <= CSV_LAYOUT_BYTES
    try:
        with open(path, encoding=codec.codec, newline="", errors="strict") as handle:
            text = handle.read() if whole else "".join(itertools.islice(handle, CSV_TOP_ROWS))
    except (OSError, UnicodeDecodeError):
        return {}  # the reader reports it, naming the row
    text = text.lstrip("\ufeff")
    try:
        rows = list(pycsv.reader(text.splitlines(), delimiter=delimiter))
    except pycsv.Error:
        return {}
    found = find_table(rows)
    dialect = dict(found.dialect)
    if not whole:
        dialect.pop("commentRows", None)  # the end of the file was not read
    if dialect and delimiter != ",":
        dialect["delimiter"] = delimiter
    notes = []
    for kind in ("title", "note"):
        skipped = [str(r) for r, why in found.skipped if why == kind and (whole or kind == "title")]
        if skipped:
            notes.append(messages.t(f"describe.skipped_{kind}", rows=", ".join(skipped)))
    if len(found.header_rows) > 1:
        notes.append(messages.t("describe.header_rows", rows=", ".join(map(str, found.header_rows))))
    return {"dialect": dialect or None, "title": found.title, "notes": notes}


def describe(path: str | Path, *, title: str | None = None, name: str | None = None,
             sheet: str | None = None, policy: Any = None) -> Draft:
    """Draft a complete descriptor for the bare table at ``path`` (see the module's docstring).

    Raises :class:`InputError` for an unreadable file, or when neither ``title``, the sheet's title
    row nor the file name says what the data is (a file called ``data.csv``).
    """
    from . import workspace
    from .check import check
    from .infer import SAMPLE_ROWS, infer_type
    from .naming import ascii_name, is_generic
    from .package import NAME_PATTERN, Package, Resource
    from .pii.scan import scan as scan_package
    from .policy.rules import load_policy
    from .readers import open_table
    from .schema import Schema

    path = Path(path)
    policy = policy or load_policy()
    layout = _spreadsheet_layout(path, sheet)
    source = open_table(path, sheet=layout.get("sheet", sheet), dialect=layout.get("dialect"))
    dataset_title = _title(path, title, layout.get("title"))
    dataset_name = name or ascii_name(dataset_title)
    if not dataset_name or is_generic(dataset_name) or not NAME_PATTERN.match(dataset_name):
        raise InputError("describe.generic_title", path=str(path), stem=dataset_title)
    first = next(iter(source.chunks(SAMPLE_ROWS)), None)
    header = [h.strip() for h in source.header]
    from .pii.metadata import pii_types

    # Numbers with a structure (ID, phone, card numbers, e-mail …) only: a short Chinese header such
    # as 公园名称 can read like a person's name, and a title is what a header is for.
    held = [str(i + 1) for i, kinds in enumerate(pii_types(header)) if kinds - {"person_name", "address"}]
    if held:  # a first row of data read as the header: its values would become field titles, and be published
        raise InputError("describe.header_holds_pii", path=str(path), columns=", ".join(held))
    shared = match_shared(header)
    matched = shared[1] if shared else {}
    taken: set[str] = {f["name"] for f in matched.values()}
    fields: list[dict[str, Any]] = []
    decisions: list[str] = []
    for i, label in enumerate(header):
        if i in matched:
            spec = json.loads(json.dumps(matched[i]))
            if label and label != spec["name"]:
                spec["title"] = label
        else:
            import pyarrow as pa

            column = first.data.column(i) if first is not None else pa.array([], pa.string())
            spec = {"name": identifier(label, i, taken), "type": infer_type(column)}
            if label:
                spec["title"] = label
            if _serial_dates(label, spec["type"], column):
                decisions.append(messages.t("describe.decide_serial_dates", field=label or spec["name"]))
        fields.append(spec)

    ws = workspace.find()
    props: dict[str, Any] = {}
    if ws is not None:
        defaults = ws.defaults
        if ws.publisher.get("id"):
            props["publisher"] = ws.publisher["id"]
        for key in ("subject", "frequency", "spatial"):
            if defaults.get(key):
                props[key] = defaults[key]
        if isinstance(defaults.get("contact"), dict):
            props["contact"] = dict(defaults["contact"])
    else:
        decisions.append(messages.t("describe.no_workspace"))
    file_name = (ascii_name(path.stem, pinyin=True) or dataset_name) + path.suffix.lower()
    resource_name = dataset_name[:60].rstrip("-")
    resource: dict[str, Any] = {"name": resource_name, "title": dataset_title, "path": f"data/{file_name}",
                                "format": source.format}
    if source.encoding:
        resource["encoding"] = source.encoding
    if layout.get("dialect"):
        resource["dialect"] = layout["dialect"]
    if layout.get("sheet") is not None:
        resource["sheet"] = layout["sheet"]
    descriptor: dict[str, Any] = {"name": dataset_name, "title": dataset_title}
    if ws is not None and ws.defaults.get("license"):
        descriptor["licenses"] = [{"name": ws.defaults["license"]}]
    if props:
        descriptor["opendata"] = props
    resource["schema"] = {"fields": fields}
    descriptor["resources"] = [resource]

    # What the data holds: scan and check the draft as it would be read.
    schema = Schema.from_descriptor(resource["schema"], path=str(path), resource=resource_name)
    package = Package(descriptor, [Resource(resource_name, schema, {**resource, "path": path.name},
                                            path=path.resolve())], path.parent, str(path))
    scan = scan_package(package, rules=policy.detection).resource(resource_name)
    for spec in fields:
        found = [d for d in scan.field(spec["name"]).detected]
        declared = (spec.get("opendata") or {}).get("pii")
        sure = [d for d in found if not d.uncertain]
        if sure and not declared:
            kinds = [d.type for d in sure]
            extra: dict[str, Any] = {"pii": kinds[0] if len(kinds) == 1 else kinds}
            rule = policy.pii.get(kinds[0])
            operator = (rule.default_treatment if rule else {}).get("operator")
            if operator and operator != "none":
                extra["treatment"] = dict(rule.default_treatment)
            spec["opendata"] = {**(spec.get("opendata") or {}), **extra}
            if spec.get("type") in ("integer", "number"):  # a phone or ID number is text, not a quantity
                spec["type"] = "string"
            decisions.append(messages.t("describe.decide_pii", field=spec.get("title") or spec["name"],
                                        type=", ".join(messages.t(f"pii.{k}") for k in kinds),
                                        treatment=extra.get("treatment", {}).get("operator", "-")))
        for d in found:
            if d.uncertain:
                decisions.append(messages.t("describe.decide_uncertain", field=spec.get("title") or spec["name"],
                                            type=messages.t(f"pii.{d.type}")))
    # Grade and openness of the draft as it now stands (treatments pending), with the reasons.
    schema = Schema.from_descriptor(resource["schema"], path=str(path), resource=resource_name)
    package = Package(descriptor, [Resource(resource_name, schema, {**resource, "path": path.name},
                                            path=path.resolve())], path.parent, str(path))
    report = check(package, policy=policy)
    reasons = [f"{g.field}: {g.explain()}" for g in report.classification.fields]
    decisions.append(messages.t("describe.decide_grade", grade=report.grade))
    from .trust.accountable import missing_metadata

    for prop in missing_metadata(descriptor):
        decisions.append(messages.t("describe.decide_missing", property=messages.t(f"publish.property.{prop}")))
    for key in ("description", "keywords"):
        decisions.append(messages.t(f"describe.decide_{key}"))
    notes = []
    if shared:
        notes.append(messages.t("describe.shared", schema=shared[0], matched=len(matched), columns=len(header)))
    notes += list(layout.get("notes") or [])
    return Draft(descriptor, path, decisions, notes, report.grade, report.openness, reasons)


def write(draft: Draft, out: str | Path) -> Path:
    """Write the draft as a dataset directory: the data file copied to ``data/``, the descriptor
    beside it. ``out`` must be new or hold no ``datapackage.json`` (a draft never overwrites one)."""
    out = Path(out)
    descriptor_path = out / "datapackage.json"
    if descriptor_path.exists():
        raise InputError("describe.exists", path=str(descriptor_path))
    target = out / draft.descriptor["resources"][0]["path"]
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(draft.source, target)
    descriptor_path.write_text(draft.to_json(), encoding="utf-8")
    return out
